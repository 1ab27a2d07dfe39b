"""The core's sentences are translatable: every error, finding and progress message a person reads goes through
plugin/core/i18n.py's tr() (or translatable(), for text kept at import time), with named placeholders."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Iterator, List

import pytest

from cogport.plugin.core import i18n
from cogport.plugin.core.errors import CancelledError, CogportError

ROOT = Path(__file__).resolve().parents[2]
CORE_MODULES = sorted((ROOT / "plugin" / "core").rglob("*.py"))
MARKERS = {"tr", "translatable"}
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


def test_core_text_follows_the_installed_translation():
    french = {"Cancelled.": "Annulé.", "{what} Check {check}": "{what} Vérifiez {check}"}
    undo = i18n.use_translation(lambda text: french.get(text, text))
    try:
        assert CancelledError().user_message == "Annulé."
        assert CogportError("Bucket missing.", "its name.").user_message == "Bucket missing. Vérifiez its name."
    finally:
        undo()
    assert CancelledError().user_message == "Cancelled."
