"""The core stays free of Qt and QGIS, so it runs headless and in batch."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORE = ROOT / "plugin" / "core"
ALLOWED_THIRD_PARTY = {"osgeo", "requests"}
# The one optional dependency, for jobs sent to a Dask cluster: only these modules use it, inside functions.
DASK_MODULES = {CORE / "archive" / "cluster.py", CORE / "archive" / "on_worker.py"}


def _imported_top_levels(path: Path, module_level_only: bool = False) -> set:
    tree = ast.parse(path.read_text(), str(path))
    names = set()
    for node in tree.body if module_level_only else ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_core_imports_only_stdlib_osgeo_and_requests():
    offenders = {}
    for path in CORE.rglob("*.py"):
        allowed = ALLOWED_THIRD_PARTY | ({"distributed"} if path in DASK_MODULES else set())
        foreign = {
            name for name in _imported_top_levels(path) if name not in sys.stdlib_module_names and name not in allowed
        }
        if foreign:
            offenders[str(path.relative_to(ROOT))] = sorted(foreign)
    assert offenders == {}


def test_dask_is_imported_only_when_a_job_goes_to_a_cluster():
    at_import = {
        str(path.relative_to(ROOT)) for path in DASK_MODULES if "distributed" in _imported_top_levels(path, True)
    }
    used = {str(path.relative_to(ROOT)) for path in DASK_MODULES if "distributed" in _imported_top_levels(path)}
    assert at_import == set() and len(used) == len(DASK_MODULES)
    # The GDAL probe runs on workers that may have no GDAL: its module imports neither GDAL nor the core.
    assert _imported_top_levels(CORE / "archive" / "on_worker.py", True) <= set(sys.stdlib_module_names) | {
        "__future__"
    }


def test_the_check_itself_catches_a_qt_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("from qgis.PyQt.QtCore import QObject\nimport PyQt5\n")
    assert _imported_top_levels(bad) == {"qgis", "PyQt5"}


def test_ui_files_connect_signals_in_python_and_include_no_qgis_headers():
    for ui in (ROOT / "ui").glob("*.ui"):
        text = ui.read_text()
        assert "<connections>" not in text or "<connections/>" in text, ui.name
        assert "<header>qgs" not in text, ui.name


def _module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")


PLUGIN_MODULES = {_module_name(path): path for path in (ROOT / "plugin").rglob("*.py")}


def _plugin_imports(path: Path) -> set:
    """The plugin modules `path` imports (relative imports, wherever they are in the file)."""
    package = _module_name(path) if path.name == "__init__.py" else _module_name(path).rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.ImportFrom) and node.level:
            parts = package.split(".")
            target = ".".join(parts[: len(parts) - node.level + 1] + ([node.module] if node.module else []))
            for alias in node.names:
                found.add(f"{target}.{alias.name}" if f"{target}.{alias.name}" in PLUGIN_MODULES else target)
    return found & PLUGIN_MODULES.keys()


IMPORTS = {name: _plugin_imports(path) for name, path in PLUGIN_MODULES.items()}


def _reachable(start: str) -> set:
    seen, stack = set(), [start]
    while stack:
        for imported in IMPORTS[stack.pop()] - seen:
            seen.add(imported)
            stack.append(imported)
    return seen


def test_plugin_modules_import_each_other_without_cycles():
    assert sorted(name for name in PLUGIN_MODULES if name in _reachable(name)) == []


def test_headless_algorithms_import_no_widget():
    # A widget module builds its form from a .ui file when it is imported (FORM_CLASS = load_ui(...)).
    widgets = {
        name
        for name, path in PLUGIN_MODULES.items()
        if any(
            isinstance(node, ast.Assign) and "load_ui" in ast.dump(node.value)
            for node in ast.parse(path.read_text()).body
        )
    }
    assert widgets, "no widget module found: the rule above is out of date"
    processing = [name for name in PLUGIN_MODULES if name.startswith("plugin.qgis.processing")]
    assert {name: sorted(_reachable(name) & widgets) for name in processing if _reachable(name) & widgets} == {}


def test_the_qgis_layer_is_one_folder_per_feature_mirroring_the_core():
    features = {p.name for p in (ROOT / "plugin" / "qgis").iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert features == {"storage", "cog", "publish", "earthengine", "byoc", "common", "processing"}
    assert sorted(p.name for p in (ROOT / "plugin" / "qgis").glob("*.py")) == ["__init__.py", "plugin.py"]
