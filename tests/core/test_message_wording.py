"""Error messages read as sentences: the `check` part follows "Check", so it never starts with a verb."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Iterator, Optional, Tuple

ROOT = Path(__file__).resolve().parents[2]
# Imperatives that turned "Check" + check into "Check paste a token…" before.
VERBS = {
    "add", "ask", "choose", "close", "convert", "copy", "create", "delete", "download", "edit", "enter", "export",
    "fix", "give", "install", "make", "move", "open", "paste", "pick", "register", "reload", "remove", "rename",
    "reproject", "restart", "retry", "rewrite", "run", "save", "select", "set", "sign", "start", "switch", "tick",
    "try", "type", "upload", "use", "wait",
}  # fmt: skip


def _leading_text(node: ast.AST) -> Optional[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr) and node.values:
        return _leading_text(node.values[0])
    if isinstance(node, ast.BinOp):
        return _leading_text(node.left)
    if isinstance(node, ast.Call):
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr == "format":
            return _leading_text(func.value)  # tr("…").format(…)
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name == "tr" and node.args:
            return _leading_text(node.args[0])
    return None


def _checks() -> Iterator[Tuple[str, int, str]]:
    for path in (ROOT / "plugin").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if not name.endswith("Error"):
                continue
            check = (
                node.args[1] if len(node.args) > 1 else next((k.value for k in node.keywords if k.arg == "check"), None)
            )
            text = _leading_text(check) if check is not None else None
            if text:
                yield str(path.relative_to(ROOT)), node.lineno, text


def test_the_check_of_every_error_reads_after_the_word_check():
    found = list(_checks())
    assert len(found) > 100, "the scan finds no error messages: its pattern is out of date"
    bad = [(path, line, text) for path, line, text in found if text.split(" ", 1)[0].lower() in VERBS]
    assert bad == []
