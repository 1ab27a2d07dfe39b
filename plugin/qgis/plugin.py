"""CogportPlugin: wires docks, menus, the Browser provider and the Processing provider into QGIS."""

from __future__ import annotations

from typing import Callable, List, Optional

from qgis.core import QgsApplication
from qgis.gui import QgsGui
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from ..core.storage.gdal_config import size_shared_read_cache
from ..core.storage.listing import Entry
from ..core.storage.uri import ObjectLocation
from .byoc.byoc_dock import close_byoc_dock, open_byoc_registration, toggle_byoc_dock
from .cog.convert_dialog import close_convert_dialog, open_convert_dialog
from .cog.validation_dialog import install_layer_action, open_validation_dialog
from .common.i18n import install_translator
from .common.log import install_log_bridge
from .common.main_thread import prepare_main_thread_calls
from .common.resources import icon_path
from .earthengine.earthengine_dialog import open_earthengine_dialog
from .processing.provider import CogportProvider
from .publish.publish_dock import close_publish_dock, open_publish_dock
from .publish.upload_flow import upload_files
from .storage.browser_dock import BrowserDock, ObjectAction
from .storage.browser_items import CogportItemGuiProvider, CogportItemProvider
from .storage.connections import ConnectionStore
from .storage.layers import install_project_credentials
from .storage.mosaic_layers import add_prefix_as_mosaic
from .storage.prefetch_options import PrefetchOptionsFactory
from .storage.remote_layer_tuning import RemoteReadWatcher
from .storage.view_prefetch import CanvasPrefetch

MENU = "&Cogport"


class CogportPlugin:
    def __init__(self, iface) -> None:
        size_shared_read_cache()  # now, while QGIS loads plugins: GDAL fixes it when remote reading starts
        self.iface = iface
        self.provider: Optional[CogportProvider] = None
        self.actions: List[QAction] = []
        self._teardown: List[Callable[[], None]] = []
        self.read_watcher: Optional[RemoteReadWatcher] = None
        self.canvas_prefetch: Optional[CanvasPrefetch] = None
        self.store = ConnectionStore()
        self.browser_dock: Optional[BrowserDock] = None
        self.item_provider: Optional[CogportItemProvider] = None

    # Called by QGIS (and qgis_process) before initGui, and on its own when headless.
    def initProcessing(self) -> None:
        if self.provider is None:
            self.provider = CogportProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self) -> None:
        self._teardown.append(install_translator())
        self._teardown.append(install_log_bridge())
        prepare_main_thread_calls()
        self.initProcessing()
        self.add_action("Validate COG…", lambda: open_validation_dialog(self.iface))
        self.add_action("Convert to COG…", lambda: open_convert_dialog(self.iface))
        self._teardown.append(close_convert_dialog)
        self._teardown.append(install_layer_action(self.iface))
        self.add_action("Register Earth Engine asset…", lambda: open_earthengine_dialog(self.iface))
        self.add_action("Publish to bucket…", lambda: open_publish_dock(self.iface))
        self.add_action("Sentinel Hub BYOC", lambda: toggle_byoc_dock(self.iface))
        self._teardown.append(lambda: close_byoc_dock(self.iface))
        self._teardown.append(lambda: close_publish_dock(self.iface))
        self.read_watcher = RemoteReadWatcher(self.iface.mapCanvas(), self.iface.messageBar())
        self._teardown.append(self.read_watcher.disconnect_canvas)
        self.canvas_prefetch = CanvasPrefetch(self.iface.mapCanvas())
        self._teardown.append(self.canvas_prefetch.unload)
        options = PrefetchOptionsFactory()
        self.iface.registerOptionsWidgetFactory(options)
        self._teardown.append(lambda: self.iface.unregisterOptionsWidgetFactory(options))
        self._teardown.append(install_project_credentials(self.store))

        self.browser_dock = BrowserDock(self.iface, self.store, self.iface.mainWindow())
        self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.browser_dock)
        toggle = self.browser_dock.toggleViewAction()
        toggle.setIcon(QIcon(icon_path("cogport.svg")))
        toggle.setText("Cogport buckets")
        self.iface.addPluginToRasterMenu(MENU, toggle)
        self.iface.addToolBarIcon(toggle)
        self._teardown.append(lambda: self._remove_dock(toggle))

        self._add_bucket_actions(self.browser_dock)

        self.item_provider = CogportItemProvider(self.store)
        QgsApplication.dataItemProviderRegistry().addProvider(self.item_provider)
        self.item_gui_provider = CogportItemGuiProvider(
            lambda items: open_validation_dialog(self.iface, items),
            lambda connection, location: add_prefix_as_mosaic(self.iface, self.store, connection, location),
        )
        QgsGui.instance().dataItemGuiProviderRegistry().addProvider(self.item_gui_provider)
        self._teardown.append(self._remove_item_provider)

    def _add_bucket_actions(self, dock: BrowserDock) -> None:
        """What other Cogport features offer on selected bucket objects, and uploads dropped on folders."""
        iface = self.iface

        def rasters(entries: List[Entry]) -> List[ObjectLocation]:
            return [e.location for e in entries if e.is_raster]

        dock.add_object_action(
            ObjectAction(
                "Validate COG…",
                lambda entries: bool(rasters(entries)),
                lambda connection, entries: open_validation_dialog(iface, rasters(entries)),
            )
        )
        dock.add_object_action(
            ObjectAction(
                "Convert to COG (local copy)…",
                lambda entries: bool(rasters(entries)),
                lambda connection, entries: open_convert_dialog(iface, [loc.vsi_path for loc in rasters(entries)]),
            )
        )
        dock.add_object_action(
            ObjectAction(
                "Register in Earth Engine…",
                lambda entries: bool(rasters(entries)) and all(e.location.handler == "vsigs" for e in entries),
                lambda connection, entries: open_earthengine_dialog(iface, rasters(entries)),
            )
        )
        dock.add_object_action(
            ObjectAction(
                "Publish local files here…",
                lambda entries: len(entries) == 1 and entries[0].is_prefix,
                lambda connection, entries: open_publish_dock(
                    iface, destination=entries[0].location, connection_name=connection.name
                ),
            )
        )
        dock.add_object_action(
            ObjectAction(
                "Register as Sentinel Hub BYOC tiles…",
                lambda entries: bool(entries)
                and all(e.location.handler == "vsis3" and (e.is_raster or e.is_prefix) for e in entries),
                lambda connection, entries: open_byoc_registration(
                    iface, [e.location.uri for e in entries], f"s3://{entries[0].location.bucket}"
                ),
            )
        )
        dock.add_object_action(
            ObjectAction(
                "Add as mosaic",
                lambda entries: len(entries) == 1 and entries[0].is_prefix,
                lambda connection, entries: add_prefix_as_mosaic(iface, self.store, connection, entries[0].location),
            )
        )
        dock.drop_handler = lambda connection, destination, paths: upload_files(
            iface, connection, destination, paths, credentials=self.store.credentials(connection)
        )

    def _remove_dock(self, toggle: QAction) -> None:
        self.iface.removePluginRasterMenu(MENU, toggle)
        self.iface.removeToolBarIcon(toggle)
        if self.browser_dock is not None:
            self.iface.removeDockWidget(self.browser_dock)
            self.browser_dock.deleteLater()
            self.browser_dock = None

    def _remove_item_provider(self) -> None:
        if self.item_provider is not None:
            QgsGui.instance().dataItemGuiProviderRegistry().removeProvider(self.item_gui_provider)
            QgsApplication.dataItemProviderRegistry().removeProvider(self.item_provider)
            self.item_provider = None

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
