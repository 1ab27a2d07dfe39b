"""ByocDock: Sentinel Hub BYOC collections and tiles, ingestion status, and tile footprints on the map."""

from __future__ import annotations

import json
import os
from typing import Callable, List, Optional, Sequence

from qgis.core import QgsCoordinateReferenceSystem, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtWidgets import QDockWidget, QInputDialog, QLineEdit, QMessageBox, QTableWidgetItem, QWidget

from ...core.errors import CogportError
from ...core.services.byoc import ENV_CLIENT_ID, ByocClient, Collection, Tile, counts_text, status_counts
from ...core.services.byoc_tiles import TileGroup, cover_from_geometry, parse_sensing_time
from ...core.storage.uri import parse_location
from ..common.i18n import tr, translatable
from ..common.resources import load_ui
from ..common.tasks import CoreTask, run_task, user_message
from .byoc_connection_dialog import ByocConnectionDialog
from .byoc_connections import connection_names, delete_connection, last_used, remember, resolve_connection
from .byoc_footprints import create_footprint_layer, update_footprints
from .byoc_register_dialog import ByocRegisterDialog

FORM = load_ui("byoc_dock")
ENVIRONMENT = translatable("(environment: SH_CLIENT_ID)")  # the entry for the connection SH_CLIENT_ID describes
COLUMNS = (
    translatable("Path"),
    translatable("Status"),
    translatable("Sensing time"),
    translatable("Created"),
    translatable("Failure cause / warnings"),
)


def saved_name(entry: str) -> str:
    """The saved connection a connection list entry names; "" for the environment's."""
    return "" if entry == tr(ENVIRONMENT) else entry


def confirm(parent: QWidget, title: str, text: str) -> bool:
    return (
        QMessageBox.question(
            parent,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        == QMessageBox.StandardButton.Yes
    )


def prompt(parent: QWidget, title: str, label: str, text: str = "") -> Optional[str]:
    value, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
    return value.strip() if ok and value.strip() else None


class ByocDock(QDockWidget, FORM):
    def __init__(self, iface, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.setObjectName("CogportByocDock")
        self.iface = iface
        self.client: Optional[ByocClient] = None
        self.collections: List[Collection] = []
        self.tiles: List[Tile] = []
        self.footprint_layer_id = ""
        self.pending_entries: List[str] = []
        self.pending_tiles: List[TileGroup] = []
        self.pending_bucket = ""
        self.register_dialog: Optional[ByocRegisterDialog] = None
        self.poll_interval_ms = 10000
        self._tasks: List[CoreTask] = []
        self._tiles_task: Optional[CoreTask] = None
        self._listing = 0
        self._closing = False
        self.poll_timer = QTimer(self)
        self.poll_timer.setSingleShot(True)
        self.poll_timer.timeout.connect(self.refresh_tiles)
        self.tileTable.setHorizontalHeaderLabels([tr(column) for column in COLUMNS])
        self.connectionCombo.currentIndexChanged.connect(self._connection_changed)
        self.newConnectionButton.clicked.connect(lambda: self._edit_connection(""))
        self.editConnectionButton.clicked.connect(lambda: self._edit_connection(self.connectionCombo.currentText()))
        self.deleteConnectionButton.clicked.connect(self._delete_connection)
        self.collectionList.currentRowChanged.connect(lambda _row: self.refresh_tiles())
        self.refreshButton.clicked.connect(self.refresh_collections)
        self.createButton.clicked.connect(self.create_collection)
        self.renameButton.clicked.connect(self.rename_collection)
        self.deleteCollectionButton.clicked.connect(self.delete_collection)
        self.registerButton.clicked.connect(self.open_register_dialog)
        self.reingestButton.clicked.connect(self.reingest_selected)
        self.deleteTileButton.clicked.connect(self.delete_selected_tiles)
        self.editTimeButton.clicked.connect(self.edit_sensing_time)
        self.coverButton.clicked.connect(self.cover_from_selection)
        self.footprintsButton.clicked.connect(self.show_footprints)
        self.pollCheck.toggled.connect(lambda on: self.refresh_tiles() if on else self.poll_timer.stop())
        self.reload_connections()

    # Connections

    def reload_connections(self, select: str = "") -> None:
        names = connection_names() + ([tr(ENVIRONMENT)] if os.environ.get(ENV_CLIENT_ID) else [])
        self.connectionCombo.blockSignals(True)
        self.connectionCombo.clear()
        self.connectionCombo.addItems(names)
        wanted = select or last_used()
        if wanted in names:
            self.connectionCombo.setCurrentText(wanted)
        self.connectionCombo.blockSignals(False)
        self._connection_changed()

    def _connection_changed(self) -> None:
        name = self.connectionCombo.currentText()
        self.client, self.collections = None, []
        self.collectionList.clear()
        self._show_tiles([])
        if not name:
            self._message(self.tr("Create a connection with New… (an OAuth client of your Sentinel Hub account)."))
            return
        try:
            self.client = ByocClient(resolve_connection(saved_name(name)))
        except CogportError as error:
            self._message(error.user_message)
            return
        if saved_name(name):
            remember(name)
        self.refresh_collections()

    def _edit_connection(self, name: str) -> None:
        dialog = ByocConnectionDialog(self, saved_name(name))
        if dialog.exec() and dialog.saved is not None:
            self.reload_connections(dialog.saved.name)

    def _delete_connection(self) -> None:
        name = self.connectionCombo.currentText()
        if saved_name(name) and confirm(
            self,
            self.tr("Delete connection"),
            self.tr(
                "Delete the connection '{name}' and its saved client secret? "
                "Collections on Sentinel Hub are not touched."
            ).format(name=name),
        ):
            delete_connection(name)
            self.reload_connections()

    # Collections

    def selected_collection(self) -> Optional[Collection]:
        row = self.collectionList.currentRow()
        return self.collections[row] if 0 <= row < len(self.collections) else None

    def refresh_collections(self, select_id: str = "") -> Optional[CoreTask]:
        client = self.client
        if client is None:
            return None
        current = select_id or (self.selected_collection().id if self.selected_collection() else "")
        self._listing += 1
        listing = self._listing

        def done(collections: List[Collection]) -> None:
            if listing == self._listing:  # an older, slower listing must not undo a newer one
                self._show_collections(collections, current)

        return self._run(self.tr("List BYOC collections"), lambda progress: client.collections(progress=progress), done)

    def _show_collections(self, collections: List[Collection], select_id: str) -> None:
        self.collections = sorted(collections, key=lambda c: c.name.casefold())
        self.collectionList.blockSignals(True)
        self.collectionList.clear()
        for collection in self.collections:
            self.collectionList.addItem(f"{collection.name}  —  {collection.s3_bucket}")
        ids = [c.id for c in self.collections]
        self.collectionList.setCurrentRow(ids.index(select_id) if select_id in ids else -1)
        self.collectionList.blockSignals(False)
        self._message(self.tr("{count} collections.").format(count=len(collections)))
        self.refresh_tiles()

    def create_collection(self) -> Optional[CoreTask]:
        client = self.client
        name = client and prompt(self, self.tr("Create BYOC collection"), self.tr("Collection name"))
        suggested = parse_location(self.pending_bucket).bucket if self.pending_bucket else ""
        bucket = name and prompt(
            self,
            self.tr("Create BYOC collection"),
            self.tr("Bucket holding the COGs (CDSE: PROJECT_ID:bucket)"),
            suggested,
        )
        if not client or not name or not bucket:
            return None
        return self._run(
            self.tr("Create BYOC collection {name}").format(name=name),
            lambda p: client.create_collection(name, bucket),
            lambda created: self.refresh_collections(created.id),
        )

    def rename_collection(self) -> Optional[CoreTask]:
        client, collection = self.client, self.selected_collection()
        new_name = collection and prompt(self, self.tr("Rename BYOC collection"), self.tr("New name"), collection.name)
        if not client or not collection or not new_name:
            return None
        return self._run(
            self.tr("Rename BYOC collection {name}").format(name=collection.name),
            lambda p: client.rename_collection(collection, new_name),
            lambda _none: self.refresh_collections(collection.id),
        )

    def delete_collection(self) -> Optional[CoreTask]:
        client, collection = self.client, self.selected_collection()
        if not client or not collection:
            return None
        count = len(self.tiles)
        if not confirm(
            self,
            self.tr("Delete BYOC collection"),
            self.tr(
                "Delete the collection '{name}'?\n\nThis also deletes all of its {count} tiles "
                "from Sentinel Hub; it cannot be undone. The files in the bucket are not touched."
            ).format(name=collection.name, count=count),
        ):
            return None
        return self._run(
            self.tr("Delete BYOC collection {name}").format(name=collection.name),
            lambda p: client.delete_collection(collection.id),
            lambda _none: self.refresh_collections(),
        )

    # Tiles

    def refresh_tiles(self) -> Optional[CoreTask]:
        client, collection = self.client, self.selected_collection()
        self.poll_timer.stop()
        if client is None or collection is None:
            self._show_tiles([])
            return None
        if self._tiles_task is not None:
            return self._tiles_task

        def done(tiles: List[Tile]) -> None:
            self._tiles_task = None
            if self.selected_collection() is collection:
                self._show_tiles(tiles)
            else:
                self.refresh_tiles()  # the selection moved on while this listing ran

        def failed(error: Exception) -> None:
            self._tiles_task = None
            self._message(user_message(error))

        self._tiles_task = self._run(
            self.tr("List tiles of {name}").format(name=collection.name),
            lambda progress: client.tiles(collection.id, progress=progress),
            done,
            failed,
        )
        return self._tiles_task

    def _show_tiles(self, tiles: List[Tile]) -> None:
        self.tiles = tiles
        self.tileTable.setRowCount(len(tiles))
        for row, tile in enumerate(tiles):
            note = tile.failed_cause or tile.warnings
            for column, text in enumerate((tile.path, tile.status, tile.sensing_time, tile.created, note)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.tileTable.setItem(row, column, item)
        self.tileTable.resizeColumnsToContents()
        collection = self.selected_collection()
        if collection:
            counts = self.tr("{count} tiles: {statuses}").format(
                count=len(tiles), statuses=counts_text(status_counts(tiles))
            )
        else:
            counts = self.tr("No collection selected.")
        self.countsLabel.setText(counts)
        layer = self.footprint_layer()
        if layer is not None:
            update_footprints(layer, tiles)
        if self.pollCheck.isChecked() and any(not tile.final for tile in tiles):
            self.poll_timer.start(self.poll_interval_ms)

    def selected_tiles(self) -> List[Tile]:
        rows = sorted({index.row() for index in self.tileTable.selectionModel().selectedRows()})
        return [self.tiles[row] for row in rows if row < len(self.tiles)]

    def reingest_selected(self) -> Optional[CoreTask]:
        return self._on_selected_tiles(
            self.tr("Reingest {count} BYOC tile(s)"), lambda client, cid, tile: client.reingest_tile(cid, tile.id)
        )

    def delete_selected_tiles(self) -> Optional[CoreTask]:
        tiles = self.selected_tiles()
        if not tiles or not confirm(
            self,
            self.tr("Delete BYOC tiles"),
            self.tr("Delete {count} tile(s) from the collection? The files stay in the bucket.").format(
                count=len(tiles)
            ),
        ):
            return None
        return self._on_selected_tiles(
            self.tr("Delete {count} BYOC tile(s)"), lambda client, cid, tile: client.delete_tile(cid, tile.id)
        )

    def edit_sensing_time(self) -> Optional[CoreTask]:
        tiles = self.selected_tiles()
        text = tiles and prompt(
            self, self.tr("Sensing time"), self.tr("Sensing time (e.g. 2019-11-27T10:30:00Z)"), tiles[0].sensing_time
        )
        if not tiles or not text:
            return None
        try:
            when = parse_sensing_time(text)
        except CogportError as error:
            self._message(error.user_message)
            return None
        return self._on_selected_tiles(
            self.tr("Set sensing time of {count} BYOC tile(s)"),
            lambda client, cid, tile: client.update_tile(cid, tile, sensing_time=when),
        )

    def cover_from_selection(self) -> Optional[CoreTask]:
        """The selected tile's cover geometry from the selected polygon of the active vector layer."""
        tiles = self.selected_tiles()
        layer = self.iface.activeLayer() if self.iface is not None else None
        features = layer.selectedFeatures() if isinstance(layer, QgsVectorLayer) else []
        if len(tiles) != 1 or len(features) != 1:
            self._message(self.tr("Select one tile here and one polygon in the active vector layer."))
            return None
        epsg = _epsg(layer.crs())
        try:
            cover = cover_from_geometry(json.loads(features[0].geometry().asJson()), epsg)
        except CogportError as error:
            self._message(error.user_message)
            return None
        return self._on_selected_tiles(
            self.tr("Set cover geometry of {count} BYOC tile(s)"),
            lambda client, cid, tile: client.update_tile(cid, tile, cover_geometry=cover),
        )

    def _on_selected_tiles(
        self, description: str, action: Callable[[ByocClient, str, Tile], None]
    ) -> Optional[CoreTask]:
        """Runs `action` on each selected tile; `description` names the task, with {count} for the tiles."""
        client, collection, tiles = self.client, self.selected_collection(), self.selected_tiles()
        if not client or not collection or not tiles:
            self._message(self.tr("Select one or more tiles first."))
            return None

        def work(progress) -> None:
            for number, tile in enumerate(tiles):
                progress.raise_if_cancelled()
                action(client, collection.id, tile)
                progress.report((number + 1) / len(tiles))

        return self._run(description.format(count=len(tiles)), work, lambda _none: self.refresh_tiles())

    # Registration and footprints

    def open_register_dialog(self) -> Optional[ByocRegisterDialog]:
        client, collection = self.client, self.selected_collection()
        if client is None or collection is None:
            self._message(self.tr("Select (or create) the collection to register tiles in."))
            return None
        dialog = ByocRegisterDialog(
            client, collection, self.pending_bucket, self.pending_entries, self, tiles=self.pending_tiles
        )
        self.pending_entries, self.pending_tiles, self.pending_bucket = [], [], ""
        dialog.registered.connect(lambda _summary: self.refresh_tiles())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.register_dialog = dialog
        return dialog

    def footprint_layer(self) -> Optional[QgsVectorLayer]:
        layer = QgsProject.instance().mapLayer(self.footprint_layer_id) if self.footprint_layer_id else None
        return layer if isinstance(layer, QgsVectorLayer) else None

    def show_footprints(self) -> Optional[QgsVectorLayer]:
        collection = self.selected_collection()
        if collection is None:
            return None
        layer = self.footprint_layer()
        name = self.tr("BYOC {collection}").format(collection=collection.name)
        if layer is None or layer.name() != name:
            layer = create_footprint_layer(name, self.tiles)
            QgsProject.instance().addMapLayer(layer)
            self.footprint_layer_id = layer.id()
        else:
            update_footprints(layer, self.tiles)
        if self.iface is not None and self.tiles:
            self.iface.setActiveLayer(layer)
            self.iface.zoomToActiveLayer()
        return layer

    # Plumbing

    def _run(self, description: str, work, on_done, on_error=None) -> CoreTask:
        def done(result) -> None:
            self._tasks.remove(task)
            if not self._closing:
                on_done(result)

        def failed(error: Exception) -> None:
            self._tasks.remove(task)
            if not self._closing:
                (on_error or (lambda e: self._message(user_message(e))))(error)

        def cancelled() -> None:
            self._tasks.remove(task)
            if task is self._tiles_task:
                self._tiles_task = None

        task = CoreTask(description, work, done, failed, on_cancelled=cancelled)
        self._tasks.append(task)
        return run_task(task)

    def busy(self) -> bool:
        return bool(self._tasks)

    def _message(self, text: str) -> None:
        self.messageLabel.setText(text)

    def shutdown(self) -> None:
        """Stops polling; tasks still running finish without touching the (soon deleted) widgets."""
        self._closing = True
        self.poll_timer.stop()

    def closeEvent(self, event) -> None:
        self.poll_timer.stop()
        super().closeEvent(event)


def _epsg(crs: QgsCoordinateReferenceSystem) -> int:
    authid = crs.authid()
    if not authid.upper().startswith("EPSG:"):
        raise CogportError(tr("The layer's CRS has no EPSG code."), tr("the layer CRS (BYOC needs an EPSG code)."))
    return int(authid.split(":", 1)[1])


_DOCK: Optional[ByocDock] = None


def open_byoc_dock(iface) -> ByocDock:
    global _DOCK
    if _DOCK is None:
        _DOCK = ByocDock(iface, iface.mainWindow() if iface is not None else None)
        if iface is not None:
            iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, _DOCK)
    _DOCK.show()
    _DOCK.raise_()
    return _DOCK


def close_byoc_dock(iface) -> None:
    global _DOCK
    if _DOCK is not None:
        _DOCK.shutdown()
        if iface is not None:
            iface.removeDockWidget(_DOCK)
        _DOCK.deleteLater()
        _DOCK = None


def open_byoc_registration(iface, object_uris: Sequence[str], bucket: str, tiles: Sequence[TileGroup] = ()) -> ByocDock:
    """For the bucket browser: register the selected objects (or prefixes ending in '/') of `bucket`.

    `tiles` are tiles already known (Publish's split bands): their `(BAND)` paths are registered as they are.

    `bucket` is the bucket URI (e.g. s3://my-bucket); the caller has already given GDAL the storage
    connection's options for it (as the browser does for listing). Opens the BYOC panel; if a collection is
    selected the registration dialog opens at once, else the selection waits until Register tiles… is pressed.
    """
    dock = open_byoc_dock(iface)
    dock.pending_entries = [str(uri) for uri in object_uris]
    dock.pending_tiles = list(tiles)
    dock.pending_bucket = bucket
    if dock.selected_collection() is not None:
        dock.open_register_dialog()
    else:
        count = len(dock.pending_entries) + sum(len(tile.files) for tile in dock.pending_tiles)
        dock._message(
            tr(
                "{count} objects of {bucket} are ready: select or create the target "
                "collection, then press Register tiles…."
            ).format(count=count, bucket=bucket)
        )

    return dock
