"""The COG profile combo box, the same titles in every dialog and dock that asks for a profile."""

from __future__ import annotations

from qgis.PyQt.QtWidgets import QComboBox

from ...core.cog.profiles import PROFILE_NAMES, PROFILES
from ..common.i18n import tr


def profile_title(name: str) -> str:
    return tr(PROFILES[name].title)


def fill_profile_combo(combo: QComboBox, selected: str = "generic") -> None:
    """Adds every profile by its title, its name as the item data, and selects `selected`."""
    for name in PROFILE_NAMES:
        combo.addItem(profile_title(name), name)
    combo.setCurrentIndex(max(combo.findData(selected), 0))
