"""Translations: tr() for the plugin's strings, and the QTranslator that follows QGIS's user interface locale."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

from ...core import i18n as core_i18n
from .resources import PLUGIN_ROOT

CONTEXT = "Cogport"
I18N_FOLDER = PLUGIN_ROOT / "resources" / "i18n"


def tr(text: str) -> str:
    """The text in the user's language; put variables in with str.format() after translating."""
    return QCoreApplication.translate(CONTEXT, text)


def translatable(text: str) -> str:
    """Marks a string that is stored now and translated with tr() where it is shown."""
    return text


def interface_language() -> str:
    """QGIS's interface language: its own override when set, else the system locale (e.g. 'fr')."""
    settings = QgsSettings()
    if settings.value("locale/overrideFlag", False, type=bool):
        chosen = str(settings.value("locale/userLocale", "") or "")
    else:
        chosen = QLocale.system().name()
    return chosen.split("_")[0]


def translation_file(language: str) -> Optional[Path]:
    path = I18N_FOLDER / f"cogport_{language}.qm"
    return path if path.is_file() else None


def install_translator() -> Callable[[], None]:
    """Loads the .qm for QGIS's language, if Cogport has one, for the QGIS layer and the core; returns the undo."""
    path = translation_file(interface_language())
    if path is None:
        return lambda: None
    translator = QTranslator()
    if not translator.load(str(path)):
        return lambda: None
    QCoreApplication.installTranslator(translator)
    stop_core_translation = core_i18n.use_translation(tr, lambda value: QLocale().toString(value))

    def remove() -> None:
        stop_core_translation()
        QCoreApplication.removeTranslator(translator)

    return remove
