"""CogportPlugin: wires docks, menus, the Browser provider and the Processing provider into QGIS."""

from __future__ import annotations

from typing import Callable, List, Optional

from qgis.core import QgsApplication
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from .earthengine_dialog import open_earthengine_dialog
from .log import install_log_bridge
from .processing.provider import CogportProvider
from .publish_dock import close_publish_dock, open_publish_dock
from .remote_layer_tuning import RemoteReadWatcher
from .resources import icon_path
from .validation_dialog import install_layer_action, open_validation_dialog

MENU = "&Cogport"


class CogportPlugin:
    def __init__(self, iface) -> None:
        self.iface = iface
        self.provider: Optional[CogportProvider] = None
        self.actions: List[QAction] = []
        self._teardown: List[Callable[[], None]] = []
        self.read_watcher: Optional[RemoteReadWatcher] = None

    # Called by QGIS (and qgis_process) before initGui, and on its own when headless.
    def initProcessing(self) -> None:  # noqa: N802 - QGIS API
        if self.provider is None:
            self.provider = CogportProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self) -> None:  # noqa: N802 - QGIS API
        self._teardown.append(install_log_bridge())
        self.initProcessing()
        self.add_action("Validate COG…", lambda: open_validation_dialog(self.iface))
        self._teardown.append(install_layer_action(self.iface))
        self.add_action("Register Earth Engine asset…", lambda: open_earthengine_dialog(self.iface))
        self.add_action("Publish to bucket…", lambda: open_publish_dock(self.iface))
        self._teardown.append(lambda: close_publish_dock(self.iface))
        self.read_watcher = RemoteReadWatcher(self.iface.mapCanvas(), self.iface.messageBar())
        self._teardown.append(self.read_watcher.disconnect_canvas)

    def add_action(self, text: str, callback: Callable[[], None], icon: str = "cogport.svg") -> QAction:
        action = QAction(QIcon(icon_path(icon)), text, self.iface.mainWindow())
        action.triggered.connect(callback)
        self.iface.addPluginToRasterMenu(MENU, action)
        self.actions.append(action)
        return action

    def unload(self) -> None:
        for action in self.actions:
            self.iface.removePluginRasterMenu(MENU, action)
        self.actions.clear()
        for teardown in reversed(self._teardown):
            teardown()
        self._teardown.clear()
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
