"""The COG profile combo box, the same titles in every dialog and dock that asks for a profile."""

from __future__ import annotations

from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import QComboBox

from ...core.cog.profiles import PROFILE_NAMES, PROFILES


def profile_title(name: str) -> str:
    return QCoreApplication.translate("CogProfiles", PROFILES[name].title)


def fill_profile_combo(combo: QComboBox, selected: str = "generic") -> None:
    """Adds every profile by its title, its name as the item data, and selects `selected`."""
    for name in PROFILE_NAMES:
        combo.addItem(profile_title(name), name)
    combo.setCurrentIndex(max(combo.findData(selected), 0))
