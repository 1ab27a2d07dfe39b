"""`make translations`: collects Cogport's user-visible strings into resources/i18n/cogport_<lang>.ts and
compiles the .qm files with Qt's lrelease.

What counts as a string to translate:
- Python in plugin/, the Qt-free core included (plugin/core/i18n.py): the literal argument of `tr("…")` or
  `self.tr("…")`, and of `translatable("…")`, which marks a string that is translated later through a variable;
- a Processing algorithm's DISPLAY_NAME and HELP class attributes (literals, or sums of module constants);
- every string property of the Qt Designer files in ui/, in the context of the form's class, as uic does.
Translations already in a .ts file are kept; strings no longer in the code are dropped.
"""

from __future__ import annotations

import argparse
import ast
import subprocess
import sys
import xml.etree.ElementTree as ET  # nosec B405 - our own files
from pathlib import Path
from typing import Dict, List, Optional, Tuple

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ["fr"]
PYTHON_CONTEXT = "Cogport"
TRANSLATED_ATTRIBUTES = {"DISPLAY_NAME", "HELP"}
MARKERS = {"tr", "translatable"}

Message = Tuple[str, str]  # (context, source)


def _constant(node: ast.AST, names: Dict[str, str]) -> Optional[str]:
    """The string a node evaluates to when it is made of literals and module constants only."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        return names.get(node.id)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _constant(node.left, names), _constant(node.right, names)
        return left + right if left is not None and right is not None else None
    return None


def python_messages(path: Path) -> List[Message]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    names: Dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            value = _constant(node.value, names)
            if value is not None:
                names[node.targets[0].id] = value
    found: List[Message] = []
    _collect(tree, names, "", found)
    return found


def _collect(node: ast.AST, names: Dict[str, str], class_name: str, found: List[Message]) -> None:
    """Walks the tree knowing the enclosing class: PyQt's self.tr() translates in the context of the class name."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.ClassDef):
            for statement in child.body:
                if (
                    isinstance(statement, ast.Assign)
                    and len(statement.targets) == 1
                    and isinstance(statement.targets[0], ast.Name)
                    and statement.targets[0].id in TRANSLATED_ATTRIBUTES
                ):
                    text = _constant(statement.value, names)
                    if text:
                        found.append((PYTHON_CONTEXT, text))
            _collect(child, names, child.name, found)
            continue
        if isinstance(child, ast.Call) and child.args:
            called = child.func.id if isinstance(child.func, ast.Name) else getattr(child.func, "attr", "")
            first = _constant(child.args[0], {})
            if called == "translate" and len(child.args) >= 2:
                text = _constant(child.args[1], {})
                if first and text:
                    found.append((first, text))
            elif called in MARKERS and first:
                is_method = isinstance(child.func, ast.Attribute)
                # self.tr() is QObject.tr (the class's context) on widgets, CogportAlgorithm.tr ("Cogport") on
                # algorithms: the string is listed under both, so either lookup finds it.
                if is_method and class_name:
                    found.append((class_name, first))
                found.append((PYTHON_CONTEXT, first))
        _collect(child, names, class_name, found)


def ui_messages(path: Path) -> List[Message]:
    root = ET.parse(path).getroot()  # nosec B314  # noqa: S314 - our own Designer files
    context = root.findtext("class") or path.stem
    found: List[Message] = []
    for prop in root.iter("property"):
        string = prop.find("string")
        if string is not None and string.text and string.get("notr") != "true":
            found.append((context, string.text))
    return found


def all_messages() -> List[Message]:
    messages: List[Message] = []
    for path in sorted((ROOT / "plugin").rglob("*.py")):
        messages += python_messages(path)
    for path in sorted((ROOT / "ui").glob("*.ui")):
        messages += ui_messages(path)
    unique: Dict[Message, None] = dict.fromkeys(messages)
    return list(unique)


def read_ts(path: Path) -> Dict[Message, str]:
    """Finished translations in a .ts file."""
    if not path.exists():
        return {}
    translations: Dict[Message, str] = {}
    for context in ET.parse(path).getroot().iter("context"):  # nosec B314  # noqa: S314 - our own file
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.text and translation.get("type") is None:
                translations[(name, message.findtext("source") or "")] = translation.text
    return translations


def write_ts(path: Path, language: str, messages: List[Message], translations: Dict[Message, str]) -> int:
    """Writes the .ts file; returns how many strings still lack a translation."""
    root = ET.Element("TS", version="2.1", language=language)
    contexts: Dict[str, ET.Element] = {}
    missing = 0
    for context, source in messages:
        if context not in contexts:
            contexts[context] = ET.SubElement(root, "context")
            ET.SubElement(contexts[context], "name").text = context
        message = ET.SubElement(contexts[context], "message")
        ET.SubElement(message, "source").text = source
        translation = ET.SubElement(message, "translation")
        if (context, source) in translations:
            translation.text = translations[(context, source)]
        else:
            translation.set("type", "unfinished")
            missing += 1
    ET.indent(root)
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + ET.tostring(root, encoding="unicode") + "\n",
        encoding="utf-8",
    )
    return missing


def compile_qm(ts: Path, qm: Path) -> None:
    subprocess.run(["lrelease", "-silent", str(ts), "-qm", str(qm)], check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args()
    messages = all_messages()
    I18N.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        ts = I18N / f"cogport_{language}.ts"
        missing = write_ts(ts, language, messages, read_ts(ts))
        compile_qm(ts, ts.with_suffix(".qm"))
        print(f"{ts.relative_to(ROOT)}: {len(messages)} strings, {missing} without a translation")
    return 0


if __name__ == "__main__":
    sys.exit(main())
