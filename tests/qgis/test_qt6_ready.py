"""The shipped code is ready for QGIS 4 (Qt 6) while it runs on 3.22: the Qt 6 scan.

No QGIS 4 build exists here, so this scan and the PyQt5 run of the suite are the evidence. Qt names are
checked against PyQt6's own classes (Debian's python3-pyqt6, introspected in a separate process);
QGIS names against the QGIS bindings in use, whose enum types say which names are enum members.
"""

from __future__ import annotations

import ast
import enum
import importlib
import json
import subprocess
import sys
from pathlib import Path
from typing import Dict, Iterator, List, Set, Tuple

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = [ROOT / "__init__.py", *sorted((ROOT / "plugin").rglob("*.py"))]
PYQT6_NAMES = ROOT / "tests" / "support" / "pyqt6_names.py"


@pytest.fixture(scope="module")
def pyqt6() -> Dict[str, Dict[str, dict]]:
    run = subprocess.run([sys.executable, str(PYQT6_NAMES)], capture_output=True, text=True, check=False)
    if run.returncode != 0:
        pytest.fail("PyQt6 is needed for the Qt 6 scan (Debian's python3-pyqt6; make test installs it):\n" + run.stderr)
    return json.loads(run.stdout)


def imported_names(tree: ast.AST) -> Dict[str, Tuple[str, str]]:
    """Local name -> (module, class name) for names imported from qgis.PyQt.*, qgis.core and qgis.gui."""
    names = {}
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.ImportFrom)
            and node.module
            and (node.module.startswith("qgis.PyQt.") or node.module in ("qgis.core", "qgis.gui"))
        ):
            for alias in node.names:
                names[alias.asname or alias.name] = (node.module, alias.name)
    return names


def is_enum_member(value: object) -> bool:
    return isinstance(value, enum.Enum) or type(type(value)).__name__ == "enumtype"  # sip's enums on PyQt5


def qt_finding(pyqt6, module: str, class_name: str, attribute: str) -> str:
    qt_module = module.rsplit(".", 1)[1]
    # QGIS's qgis.PyQt shims re-export classes Qt 6 moved (QAction went from QtWidgets to QtGui).
    described = pyqt6.get(qt_module, {}).get(class_name) or next(
        (classes[class_name] for classes in pyqt6.values() if class_name in classes), None
    )
    if described is None:
        return f"{class_name} does not exist in PyQt6"
    if attribute in described["attributes"]:
        return ""
    scope = described["enum_members"].get(attribute)
    if scope:
        return f"{class_name}.{attribute}: write {class_name}.{scope}.{attribute}"
    return f"{class_name}.{attribute} does not exist in PyQt6"


def qgis_finding(module: str, class_name: str, attribute: str) -> str:
    owner = getattr(importlib.import_module(module), class_name, None)
    if owner is None or isinstance(owner, enum.EnumMeta) or type(owner).__name__ == "enumtype":
        return ""  # an enum type itself: its members are already scoped
    value = getattr(owner, attribute, None)
    if not is_enum_member(value) or isinstance(value, type):
        return ""
    scope = type(value).__qualname__
    return f"{class_name}.{attribute}: write {scope}.{attribute}"


def branches_for_older_qgis(tree: ast.AST) -> Set[int]:
    """Nodes that run only on QGIS older than a version check (`if Qgis.QGIS_VERSION_INT >= N:` else-branch)."""
    older: Set[int] = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.If)
            and isinstance(node.test, ast.Compare)
            and "QGIS_VERSION_INT" in ast.dump(node.test.left)
            and len(node.test.ops) == 1
        ):
            newer_first = isinstance(node.test.ops[0], (ast.Gt, ast.GtE))
            for statement in node.orelse if newer_first else node.body:
                older.update(id(child) for child in ast.walk(statement))
    return older


def findings(path: Path, pyqt6, root: Path = ROOT) -> Iterator[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    names = imported_names(tree)
    where = path.relative_to(root)
    older = branches_for_older_qgis(tree)
    for node in ast.walk(tree):
        if id(node) in older:
            continue
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            modules = [alias.name for alias in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            for module in modules:
                if module.split(".")[0] in ("PyQt5", "PyQt6", "sip"):
                    yield f"{where}:{node.lineno} imports {module}: import from qgis.PyQt"
        elif isinstance(node, ast.Attribute):
            if node.attr in ("exec_", "print_"):
                yield f"{where}:{node.lineno} {node.attr}(): write {node.attr[:-1]}()"
            if isinstance(node.value, ast.Name) and node.value.id in names:
                module, class_name = names[node.value.id]
                problem = (
                    qt_finding(pyqt6, module, class_name, node.attr)
                    if module.startswith("qgis.PyQt.")
                    else qgis_finding(module, class_name, node.attr)
                )
                if problem:
                    yield f"{where}:{node.lineno} {problem}"


def test_scan_knows_an_unscoped_enum_when_it_sees_one(pyqt6, tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from qgis.PyQt.QtCore import Qt\nfrom qgis.core import Qgis, QgsTask\n"
        "a = Qt.AlignLeft\nb = Qgis.Warning\nc = QgsTask.CanCancel\nd = Qt.AlignmentFlag.AlignLeft\n"
        "e = Qgis.MessageLevel.Warning\ndialog.exec_()\n"
        "if Qgis.QGIS_VERSION_INT >= 33800:\n    f = Qt.ItemDataRole.UserRole\nelse:\n    f = Qt.UserRole\n"
        "if Qgis.QGIS_VERSION_INT < 33800:\n    g = Qt.UserRole\nelse:\n    g = Qt.Checked\n"
    )
    assert list(findings(sample, pyqt6, root=tmp_path)) == [
        "sample.py:3 Qt.AlignLeft: write Qt.AlignmentFlag.AlignLeft",
        "sample.py:4 Qgis.Warning: write Qgis.MessageLevel.Warning",
        "sample.py:5 QgsTask.CanCancel: write QgsTask.Flag.CanCancel",
        "sample.py:8 exec_(): write exec()",
        "sample.py:16 Qt.Checked: write Qt.CheckState.Checked",
    ]


def test_shipped_code_uses_only_names_pyqt6_and_qgis4_accept(pyqt6):
    found: List[str] = [finding for path in SHIPPED for finding in findings(path, pyqt6)]
    assert found == []


def test_ui_files_compile_with_pyqt6():
    script = (
        "import io, sys\nfrom PyQt6 import uic\nfor path in sys.argv[1:]:\n    uic.compileUi(path, io.StringIO())\n"
    )
    ui_files = sorted(str(p) for p in (ROOT / "ui").glob("*.ui"))
    assert ui_files
    run = subprocess.run([sys.executable, "-c", script, *ui_files], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
