"""Every sentence a person reads is translatable, with named placeholders.

The Qt-free core passes its errors, findings and progress messages through plugin/core/i18n.py's tr() (or
translatable(), for text kept at import time); the guard looks where the core hands sentences over, because the
core also writes machine text (VRT, WKT, requests). The QGIS layer writes no machine text, so there every literal
with words in it must go through tr(), QCoreApplication.translate or translatable(), except what only a developer
or the log reads: docstrings, log calls, `detail=`, built-in exceptions, asserts and comparisons, Processing's
DISPLAY_NAME and HELP (the extractor and CogportAlgorithm translate those), and a line marked `# untranslated:`
with the reason (stored names, for example)."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Iterator, List, Set

import pytest

from cogport.plugin.core import i18n
from cogport.plugin.core.errors import CancelledError, CogportError

ROOT = Path(__file__).resolve().parents[2]
CORE_MODULES = sorted((ROOT / "plugin" / "core").rglob("*.py"))
QGIS_MODULES = sorted((ROOT / "plugin" / "qgis").rglob("*.py"))
MARKERS = {"tr", "translatable"}
QGIS_MARKERS = MARKERS | {"translate"}
LOGGERS = {"LOG", "logging", "QgsMessageLog"}
DEVELOPER_ERRORS = {"RuntimeError", "ValueError", "TypeError", "AssertionError", "KeyError", "NotImplementedError"}
TRANSLATED_ATTRIBUTES = {"DISPLAY_NAME", "HELP", "CONNECTION_HELP"}
UNTRANSLATED_MARK = "# untranslated:"
# Where the core hands a sentence to a person: exception constructors, findings, progress messages, and these
# keyword arguments of any call. `detail` is for the log only.
SENTENCE_CALLS = {"Finding", "_finding", "add", "message"}
SENTENCE_KEYWORDS = {"what", "check", "message", "fix", "title", "description", "summary", "label", "reason"}
SENTENCE = re.compile(r"[A-Za-z].* |.* .*[A-Za-z]")
POSITIONAL_PLACEHOLDER = re.compile(r"\{[0-9]*(?:[:!][^}]*)?\}")


def _called_name(call: ast.Call) -> str:
    return call.func.id if isinstance(call.func, ast.Name) else getattr(call.func, "attr", "")


def _untranslated_text(node: ast.AST) -> Iterator[ast.AST]:
    """Literal words inside `node` that reach a person without tr()."""
    if isinstance(node, ast.Call) and _called_name(node) in MARKERS:
        return
    if isinstance(node, ast.Constant) and isinstance(node.value, str) and SENTENCE.search(node.value):
        yield node
        return
    if isinstance(node, ast.JoinedStr):
        words = "".join(part.value for part in node.values if isinstance(part, ast.Constant))
        if SENTENCE.search(words):
            yield node
            return
    for child in ast.iter_child_nodes(node):
        yield from _untranslated_text(child)


def untranslated_lines(path: Path) -> List[int]:
    """The lines of `path` where a sentence reaches a person untranslated."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found: List[int] = []
    for call in (node for node in ast.walk(tree) if isinstance(node, ast.Call)):
        name = _called_name(call)
        arguments = [k.value for k in call.keywords if k.arg in SENTENCE_KEYWORDS]
        if name.endswith("Error") or name in SENTENCE_CALLS:
            arguments = list(call.args) + [k.value for k in call.keywords if k.arg != "detail"]
        for argument in arguments:
            found += [text.lineno for text in _untranslated_text(argument)]
    return sorted(found)


def _words(node: ast.AST) -> str:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(part.value for part in node.values if isinstance(part, ast.Constant))
    return ""


def _developer_only(tree: ast.AST) -> Set[int]:
    """The ids of the nodes only a developer or the log reads (see the module's docstring)."""
    hidden: Set[int] = set()

    def hide(node: ast.AST) -> None:
        hidden.update(id(inner) for inner in ast.walk(node))

    for node in ast.walk(tree):
        documented = isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        first = node.body[0] if documented and node.body else None
        if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
            hide(first)  # the docstring
        if isinstance(node, ast.ClassDef):
            for statement in node.body:
                if isinstance(statement, ast.Assign) and any(
                    isinstance(target, ast.Name) and target.id in TRANSLATED_ATTRIBUTES for target in statement.targets
                ):
                    hide(statement)
        if isinstance(node, ast.Call):
            owner = node.func.value if isinstance(node.func, ast.Attribute) else None
            logged = isinstance(owner, ast.Name) and owner.id in LOGGERS
            if logged or _called_name(node) in QGIS_MARKERS | DEVELOPER_ERRORS | {"setObjectName"}:
                hide(node)
            for keyword in node.keywords:
                if keyword.arg == "detail":
                    hide(keyword.value)
        if isinstance(node, (ast.Assert, ast.Compare)):
            hide(node)
        if isinstance(node, ast.JoinedStr):
            hidden.update(id(part) for part in node.values)  # judged as a whole
    return hidden


def untranslated_qgis_lines(path: Path) -> List[int]:
    """The lines of a QGIS-layer module where a literal with words reaches a person untranslated."""
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source, str(path))
    hidden, text = _developer_only(tree), source.splitlines()
    return sorted(
        node.lineno
        for node in ast.walk(tree)
        if id(node) not in hidden and SENTENCE.search(_words(node)) and UNTRANSLATED_MARK not in text[node.lineno - 1]
    )


@pytest.mark.parametrize("module", QGIS_MODULES, ids=lambda path: str(path.relative_to(ROOT / "plugin")))
def test_qgis_layer_literals_go_through_tr(module):
    lines = untranslated_qgis_lines(module)
    assert lines == [], f"wrap the sentences on these lines of {module.name} in tr() (or mark them untranslated)"


@pytest.mark.parametrize("module", CORE_MODULES, ids=lambda path: str(path.relative_to(ROOT / "plugin" / "core")))
def test_core_sentences_go_through_tr(module):
    lines = untranslated_lines(module)
    assert lines == [], f"wrap the sentences on these lines of {module.name} in tr() (translatable() at import time)"


def test_translated_strings_name_their_placeholders():
    """A translation may reorder `{bucket}` and `{key}`; it cannot reorder `{}`."""
    positional = []
    for path in sorted((ROOT / "plugin").rglob("*.py")):
        for call in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(call, ast.Call) and _called_name(call) in MARKERS and call.args:
                first = call.args[0]
                if isinstance(first, ast.Constant) and POSITIONAL_PLACEHOLDER.search(str(first.value)):
                    positional.append(f"{path.relative_to(ROOT)}:{call.lineno}")
    assert positional == []


def test_the_guard_sees_raw_sentences_and_accepts_translated_ones(tmp_path):
    module = tmp_path / "sample.py"
    module.write_text(
        "def f(bucket, progress):\n"
        '    progress.message(f"Reading {bucket} now")\n'
        '    raise StorageError(tr("Bucket {bucket} is missing.").format(bucket=bucket), check="the name.")\n'
        'E = CogportError(tr("Fine."), detail="for the log only")\n'
        'F = Finding("NOT_TIFF", "error", translatable("Not a TIFF."), fix=f"{a}: {b}")\n'
    )
    assert untranslated_lines(module) == [2, 3]


def test_the_qgis_layer_guard_sees_raw_literals_and_leaves_developer_text(tmp_path):
    module = tmp_path / "sample.py"
    module.write_text(
        "class A:\n"
        '    """Docstring text."""\n'
        '    DISPLAY_NAME = "Do it now"\n'
        "    def f(self, name):\n"
        '        LOG.info("Logged for developers %s", name)\n'
        '        if "has been deleted" in name:\n'
        '            raise RuntimeError("only on the main thread")\n'
        '        self.label.setText(f"Hello {name} there")\n'
        '        store(f"Cogport store {name}")  # untranslated: the auth database entry\'s name\n'
        '        return self.tr("Fine words"), QAction("Copy the URI", None)\n'
        "    def g(self):\n"
        '        self.label.setText("A first statement is no docstring")\n'
    )
    assert untranslated_qgis_lines(module) == [8, 10, 12]


def test_core_text_follows_the_installed_translation():
    french = {"Cancelled.": "Annulé.", "{what} Check {check}": "{what} Vérifiez {check}"}
    undo = i18n.use_translation(lambda text: french.get(text, text), lambda value: f"{value:,}".replace(",", " "))
    try:
        assert CancelledError().user_message == "Annulé."
        assert CogportError("Bucket missing.", "its name.").user_message == "Bucket missing. Vérifiez its name."
        assert i18n.number(12345678) == "12 345 678"
    finally:
        undo()
    assert CancelledError().user_message == "Cancelled."
    assert i18n.number(12345678) == "12,345,678"
