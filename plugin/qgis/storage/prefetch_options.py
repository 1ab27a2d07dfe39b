"""Settings ▸ Options ▸ Cogport: the prefetch around the view, with its off switch and its limits."""

from __future__ import annotations

from qgis.gui import QgsOptionsPageWidget, QgsOptionsWidgetFactory
from qgis.PyQt.QtGui import QIcon

from ..common.resources import icon_path, load_ui
from .view_prefetch import PrefetchSettings, prefetch_settings, save_prefetch_settings

FORM_CLASS = load_ui("prefetch_options")


class PrefetchOptionsPage(QgsOptionsPageWidget, FORM_CLASS):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setupUi(self)
        settings = prefetch_settings()
        self.prefetchGroup.setChecked(settings.enabled)
        self.megabytesSpin.setValue(settings.max_megabytes)
        self.secondsSpin.setValue(settings.max_seconds)

    def apply(self) -> None:
        save_prefetch_settings(
            PrefetchSettings(self.prefetchGroup.isChecked(), self.megabytesSpin.value(), self.secondsSpin.value())
        )


class PrefetchOptionsFactory(QgsOptionsWidgetFactory):
    def __init__(self) -> None:
        super().__init__("Cogport", QIcon(icon_path("cogport.svg")))

    def createWidget(self, parent=None) -> PrefetchOptionsPage:
        return PrefetchOptionsPage(parent)
