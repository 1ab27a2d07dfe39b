"""Cogport connections in the QGIS Browser panel: Cogport > connection > bucket > prefix > raster."""

from __future__ import annotations

from typing import List

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

from ...core.errors import CogportError
from ...core.storage.connection import StorageConnection
from ...core.storage.listing import Entry, PrefixLister
from ...core.storage.probe import list_bucket_names
from ...core.storage.uri import ObjectLocation
from ..common.main_thread import on_main_thread
from ..common.resources import icon_path
from .connections import ConnectionStore
from .object_actions import ObjectActions

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
                children.append(RasterItem(self, self.connection, entry.location))
        if not lister.exhausted:
            children.append(
                QgsErrorItem(
                    self,
                    self.tr("First {count} entries shown; the Cogport buckets dock pages through all.").format(
                        count=BROWSER_LIMIT
                    ),
                    f"{self.path()}/more",
                )
            )
        return children


class RasterItem(QgsLayerItem):
    """A remote raster; dragging it onto the map opens its /vsi…/ path with the bucket's options applied."""

    def __init__(self, parent: QgsDataItem, connection: StorageConnection, location: ObjectLocation) -> None:
        super().__init__(
            parent,
            location.name,
            f"{parent.path()}/{location.name}",
            location.vsi_path,
            Qgis.BrowserLayerType.Raster,
            "gdal",
        )
        self.connection = connection
        self.location = location
        self.setState(Qgis.BrowserItemState.Populated)
        self.setToolTip(location.uri)


class CogportItemGuiProvider(QgsDataItemGuiProvider):
    """Cogport's object actions in the context menu of its Browser panel buckets, prefixes and rasters."""

    def __init__(self, actions: ObjectActions) -> None:
        super().__init__()
        self.actions = actions

    def name(self) -> str:
        return "Cogport"

    def populateContextMenu(self, item, menu, selected_items, context) -> None:
        if not isinstance(item, (PrefixItem, RasterItem)):
            return
        connection = item.connection
        entries = [
            Entry(i.location, is_prefix=isinstance(i, PrefixItem))
            for i in selected_items
            if isinstance(i, (PrefixItem, RasterItem)) and i.connection.name == connection.name
        ]
        bar = context.messageBar()

        def report(error: CogportError) -> None:
            if bar is not None:
                bar.pushWarning("Cogport", error.user_message)

        menu.addSeparator()
        self.actions.populate(menu, connection, entries, report)
