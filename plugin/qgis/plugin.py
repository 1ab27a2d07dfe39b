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
from .byoc.byoc_dock import close_byoc_dock, open_byoc_dock, open_byoc_registration
from .cog.convert_dialog import close_convert_dialog, open_convert_dialog
from .cog.validation_dialog import install_layer_action, open_validation_dialog
from .common.i18n import install_translator, tr
from .common.log import install_log_bridge
from .common.main_thread import prepare_main_thread_calls
from .common.network import install_network_policy, refresh_network_policy, uninstall_network_policy
from .common.resources import icon_path
from .earthengine.earthengine_dialog import open_earthengine_dialog
from .processing.provider import CogportProvider
from .publish.publish_dock import close_publish_dock, open_publish_dock
from .publish.upload_flow import upload_files
from .storage.browser_dock import BrowserDock
from .storage.browser_items import CogportItemGuiProvider, CogportItemProvider
from .storage.connections import ConnectionStore
from .storage.layers import install_project_credentials
from .storage.mosaic_layers import add_prefix_as_mosaic
from .storage.object_actions import ObjectAction, ObjectActions
from .storage.prefetch_options import PrefetchOptionsFactory
from .storage.remote_layer_tuning import KeystoneRenewal, RemoteReadWatcher
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
        install_network_policy()  # headless runs too follow QGIS's proxy and trusted CAs
        if self.provider is None:
            self.provider = CogportProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self) -> None:
        self._teardown.append(install_translator())
        self._teardown.append(install_log_bridge())
        prepare_main_thread_calls()
        self.initProcessing()
        # Work that starts in a worker thread (background algorithms) uses the policy last read: read it
        # again once Settings ▸ Options closes. QGIS's own slot runs that modal dialog, and was connected first.
        options = self.iface.actionOptions()

        def options_closed(_checked: bool = False) -> None:
            refresh_network_policy()

        options.triggered.connect(options_closed)
        self._teardown.append(lambda: options.triggered.disconnect(options_closed))
        # Every menu entry opens its dialog or panel (and brings it to the front); none hides one.
        self.add_action(tr("Validate COG…"), lambda: open_validation_dialog(self.iface))
        self.add_action(tr("Convert to COG…"), lambda: open_convert_dialog(self.iface))
        self._teardown.append(close_convert_dialog)
        self._teardown.append(install_layer_action(self.iface))
        self.add_action(tr("Register Earth Engine asset…"), lambda: open_earthengine_dialog(self.iface))
        self.add_action(
            tr("Publish to bucket…"),
            lambda: open_publish_dock(self.iface, connection_name=self.browser_dock.current_connection_name()),
        )
        self.add_action(tr("Sentinel Hub BYOC"), lambda: open_byoc_dock(self.iface))
        self._teardown.append(lambda: close_byoc_dock(self.iface))
        self._teardown.append(lambda: close_publish_dock(self.iface))
        self.read_watcher = RemoteReadWatcher(self.iface.mapCanvas(), self.iface.messageBar())
        self._teardown.append(self.read_watcher.disconnect_canvas)
        self.canvas_prefetch = CanvasPrefetch(self.iface.mapCanvas())
        self._teardown.append(self.canvas_prefetch.unload)
        prefetch_options = PrefetchOptionsFactory()
        self.iface.registerOptionsWidgetFactory(prefetch_options)
        self._teardown.append(lambda: self.iface.unregisterOptionsWidgetFactory(prefetch_options))
        self._teardown.append(install_project_credentials(self.store))
        self.keystone_renewal = KeystoneRenewal()
        self._teardown.append(self.keystone_renewal.stop)

        self.object_actions = ObjectActions(self.store)
        self._add_bucket_actions(self.object_actions)
        self.browser_dock = BrowserDock(self.iface, self.store, self.iface.mainWindow(), self.object_actions)
        self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.browser_dock)
        buckets = self.add_action(tr("Cogport buckets"), self._show_browser_dock)
        self.iface.addToolBarIcon(buckets)
        self._teardown.append(lambda: self._remove_dock(buckets))

        self.browser_dock.drop_handler = lambda connection, destination, paths: upload_files(
            self.iface, connection, destination, paths, credentials=self.store.credentials(connection)
        )

        self.item_provider = CogportItemProvider(self.store)
        QgsApplication.dataItemProviderRegistry().addProvider(self.item_provider)
        self.item_gui_provider = CogportItemGuiProvider(self.object_actions)
        QgsGui.instance().dataItemGuiProviderRegistry().addProvider(self.item_gui_provider)
        self._teardown.append(self._remove_item_provider)

    def _add_bucket_actions(self, actions: ObjectActions) -> None:
        """What other Cogport features offer on selected bucket objects, in the dock and the Browser panel."""
        iface = self.iface

        def rasters(entries: List[Entry]) -> List[ObjectLocation]:
            return [e.location for e in entries if e.is_raster]

        actions.add(
            ObjectAction(
                tr("Validate COG…"),
                lambda entries: bool(rasters(entries)),
                lambda connection, entries: open_validation_dialog(iface, rasters(entries)),
            )
        )
        actions.add(
            ObjectAction(
                tr("Convert to COG (local copy)…"),
                lambda entries: bool(rasters(entries)),
                lambda connection, entries: open_convert_dialog(iface, [loc.vsi_path for loc in rasters(entries)]),
            )
        )
        actions.add(
            ObjectAction(
                tr("Register in Earth Engine…"),
                lambda entries: bool(rasters(entries)) and all(e.location.handler == "vsigs" for e in entries),
                lambda connection, entries: open_earthengine_dialog(iface, rasters(entries)),
            )
        )
        actions.add(
            ObjectAction(
                tr("Publish local files here…"),
                lambda entries: len(entries) == 1 and entries[0].is_prefix,
                lambda connection, entries: open_publish_dock(
                    iface, destination=entries[0].location, connection_name=connection.name
                ),
            )
        )
        actions.add(
            ObjectAction(
                tr("Register as Sentinel Hub BYOC tiles…"),
                lambda entries: bool(entries)
                and all(e.location.handler == "vsis3" and (e.is_raster or e.is_prefix) for e in entries),
                lambda connection, entries: open_byoc_registration(
                    iface, [e.location.uri for e in entries], f"s3://{entries[0].location.bucket}"
                ),
            )
        )
        actions.add(
            ObjectAction(
                tr("Add as mosaic"),
                lambda entries: len(entries) == 1 and entries[0].is_prefix,
                lambda connection, entries: add_prefix_as_mosaic(iface, self.store, connection, entries[0].location),
            )
        )

    def _show_browser_dock(self) -> None:
        if self.browser_dock is not None:
            self.browser_dock.show()
            self.browser_dock.raise_()

    def _remove_dock(self, toolbar_action: QAction) -> None:
        self.iface.removeToolBarIcon(toolbar_action)
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
        uninstall_network_policy()
