"""The core stays free of Qt and QGIS, so it runs headless and in batch."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORE = ROOT / "plugin" / "core"
ALLOWED_THIRD_PARTY = {"osgeo", "requests"}


def _imported_top_levels(path: Path) -> set:
    tree = ast.parse(path.read_text(), str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_core_imports_only_stdlib_osgeo_and_requests():
    offenders = {}
    for path in CORE.rglob("*.py"):
        foreign = {
            name for name in _imported_top_levels(path)
            if name not in sys.stdlib_module_names and name not in ALLOWED_THIRD_PARTY
        }
        if foreign:
            offenders[str(path.relative_to(ROOT))] = sorted(foreign)
    assert offenders == {}


def test_the_check_itself_catches_a_qt_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("from qgis.PyQt.QtCore import QObject\nimport PyQt5\n")
    assert _imported_top_levels(bad) == {"qgis", "PyQt5"}


def test_ui_files_connect_signals_in_python_and_include_no_qgis_headers():
    for ui in (ROOT / "ui").glob("*.ui"):
        text = ui.read_text()
        assert "<connections>" not in text or "<connections/>" in text, ui.name
        assert "<header>qgs" not in text, ui.name
