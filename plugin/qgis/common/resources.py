"""Paths of the plugin's icons and Qt Designer files."""

from __future__ import annotations

from pathlib import Path

from qgis.PyQt import uic

PLUGIN_ROOT = Path(__file__).resolve().parents[3]


def icon_path(name: str) -> str:
    return str(PLUGIN_ROOT / "resources" / "icons" / name)


def load_ui(name: str) -> type:
    """The form class generated from ui/<name>.ui, to be mixed into a widget class."""
    form_class, _base = uic.loadUiType(str(PLUGIN_ROOT / "ui" / f"{name}.ui"))
    return form_class
