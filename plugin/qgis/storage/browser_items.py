"""Cogport connections in the QGIS Browser panel: Cogport > connection > bucket > prefix > raster."""

from __future__ import annotations

from typing import Callable, List

from qgis.core import (
    Qgis,
    QgsDataCollectionItem,
    QgsDataItem,
    QgsDataItemProvider,
    QgsDataProvider,
    QgsErrorItem,
    QgsLayerItem,
)
from qgis.gui import QgsDataItemGuiProvider
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from ...core.errors import CogportError
from ...core.storage.connection import StorageConnection
from ...core.storage.listing import PrefixLister
from ...core.storage.probe import list_bucket_names
from ...core.storage.uri import ObjectLocation
from ..common.main_thread import on_main_thread
from ..common.resources import icon_path
from .connections import ConnectionStore

BROWSER_LIMIT = 1000  # the dock pages further; the Browser panel shows a first slice


class CogportItemProvider(QgsDataItemProvider):
    def __init__(self, store: ConnectionStore) -> None:
        super().__init__()
        self.store = store

    def name(self) -> str:
        return "Cogport"

    def capabilities(self) -> int:
        return QgsDataProvider.DataCapability.Net

    def createDataItem(self, path: str, parent: QgsDataItem) -> QgsDataItem:
        if parent is None:
            return CogportRootItem(self.store)
        return None


class CogportRootItem(QgsDataCollectionItem):
    def __init__(self, store: ConnectionStore) -> None:
        super().__init__(None, "Cogport", "/Cogport", "cogport")
        self.store = store
        self.setIcon(QIcon(icon_path("cogport.svg")))
        self.setCapabilitiesV2(
            self.capabilities2() | Qgis.BrowserItemCapability.Fast
        )  # lists names only: no thread needed

    def createChildren(self) -> List[QgsDataItem]:
        return [ConnectionItem(self, self.store, name) for name in self.store.names()]


class ConnectionItem(QgsDataCollectionItem):
    def __init__(self, parent: QgsDataItem, store: ConnectionStore, name: str) -> None:
        super().__init__(parent, name, f"/Cogport/{name}", "cogport")
        self.store = store
        self.setIcon(QIcon(icon_path("cogport.svg")))

    def createChildren(self) -> List[QgsDataItem]:
        try:
            connection = on_main_thread(lambda: self.store.load(self.name()))
            credentials = on_main_thread(lambda: self.store.credentials(connection))
            names = list_bucket_names(connection, credentials)
        except CogportError as error:
            return [QgsErrorItem(self, error.user_message, f"{self.path()}/error")]
        return [PrefixItem(self, self.store, connection, ObjectLocation(connection.handler, name)) for name in names]


class PrefixItem(QgsDataCollectionItem):
    def __init__(
        self, parent: QgsDataItem, store: ConnectionStore, connection: StorageConnection, location: ObjectLocation
    ) -> None:
        super().__init__(parent, location.name, f"{parent.path()}/{location.name}", "cogport")
        self.store = store
        self.connection = connection
        self.location = location

    def createChildren(self) -> List[QgsDataItem]:
        try:
            on_main_thread(lambda: self.store.activate(self.connection, self.location.bucket))
            credentials = on_main_thread(lambda: self.store.credentials(self.connection))
            lister = PrefixLister(self.connection, credentials, self.location, BROWSER_LIMIT)
            entries = lister.next_page()
            lister.close()
        except CogportError as error:
            return [QgsErrorItem(self, error.user_message, f"{self.path()}/error")]
        children: List[QgsDataItem] = []
        for entry in entries:
            if entry.is_prefix:
                children.append(PrefixItem(self, self.store, self.connection, entry.location))
            elif entry.is_raster:
                children.append(RasterItem(self, entry.location))
        if not lister.exhausted:
            children.append(
                QgsErrorItem(
                    self,
                    f"First {BROWSER_LIMIT} entries shown; the Cogport buckets dock pages through all.",
                    f"{self.path()}/more",
                )
            )
        return children


class RasterItem(QgsLayerItem):
    """A remote raster; dragging it onto the map opens its /vsi…/ path with the bucket's options applied."""

    def __init__(self, parent: QgsDataItem, location: ObjectLocation) -> None:
        super().__init__(
            parent,
            location.name,
            f"{parent.path()}/{location.name}",
            location.vsi_path,
            Qgis.BrowserLayerType.Raster,
            "gdal",
        )
        self.location = location
        self.setState(Qgis.BrowserItemState.Populated)
        self.setToolTip(location.uri)


class CogportItemGuiProvider(QgsDataItemGuiProvider):
    """Context-menu entries on Cogport's Browser panel rasters and prefixes."""

    def __init__(
        self,
        validate: Callable[[List[ObjectLocation]], None],
        add_mosaic: Callable[[StorageConnection, ObjectLocation], None],
    ) -> None:
        super().__init__()
        self.validate = validate
        self.add_mosaic = add_mosaic

    def name(self) -> str:
        return "Cogport"

    def populateContextMenu(self, item, menu, selected_items, context) -> None:
        rasters = [i.location for i in selected_items if isinstance(i, RasterItem)]
        if isinstance(item, RasterItem) and rasters:
            action = QAction("Validate COG…", menu)
            action.triggered.connect(lambda: self.validate(rasters))
            menu.addAction(action)
        if isinstance(item, PrefixItem):
            action = QAction("Add as mosaic", menu)
            action.triggered.connect(lambda: self.add_mosaic(item.connection, item.location))
            menu.addAction(action)
