"""The bucket browser dock: connections, a lazily paged tree of buckets and prefixes, remote layers."""

from __future__ import annotations

import datetime as dt
import os
from typing import Callable, Dict, List, Optional, Tuple

from qgis.core import QgsApplication, QgsMimeDataUtils
from qgis.PyQt.QtCore import QMimeData, Qt, QTimer
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QMenu,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from ...core.errors import CogportError
from ...core.i18n import number
from ...core.storage.connection import Credentials, StorageConnection
from ...core.storage.listing import Entry, PrefixLister, PrefixSearch
from ...core.storage.openstack_config import (
    Imported,
    from_environment,
    openrc_name,
    parse_clouds_yaml,
    parse_openrc,
)
from ...core.storage.probe import describe_connection, list_bucket_names
from ...core.storage.uri import ObjectLocation
from ..common.colours import show_message
from ..common.resources import load_ui
from ..common.tasks import CoreTask, run_task, user_message
from .connection_dialog import ConnectionDialog
from .connections import ConnectionStore
from .layers import add_remote_layer, location_from_user_text
from .object_actions import ObjectActions

FORM_CLASS = load_ui("browser_dock")
PAGE_SIZE = 500
SEARCH_DELAY_MS = 300  # the search starts once typing pauses, not at every key
SEARCH_BUCKETS = 20  # with no folder selected, the search covers the first buckets of the list
MODIFIED_FORMAT = "%Y-%m-%d %H:%M"  # untranslated: an ISO 8601 date and time, read the same in every language


class NodeItem(QTreeWidgetItem):
    """A bucket, a prefix or an object; prefixes and buckets list their children on first expand."""

    def __init__(self, entry: Entry) -> None:
        super().__init__()
        self.entry = entry
        self.lister: Optional[PrefixLister] = None
        self.generation = 0
        self.setText(0, entry.name)
        if entry.is_prefix:
            self.setIcon(0, QgsApplication.getThemeIcon("/mIconFolder.svg"))
            self.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator)
        else:
            icon = "/mIconRaster.svg" if entry.is_raster else "/mIconFile.svg"
            self.setIcon(0, QgsApplication.getThemeIcon(icon))
            self.setText(1, human_size(entry.size))
            self.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if entry.modified:
                self.setText(2, dt.datetime.fromtimestamp(entry.modified).strftime(MODIFIED_FORMAT))


class MoreItem(QTreeWidgetItem):
    """ "Load more…": fetches the next page of its parent prefix."""


class MessageItem(QTreeWidgetItem):
    """ "Loading…", an empty folder, or an error sentence, in place of children."""


class SearchItem(QTreeWidgetItem):
    """The objects under one bucket or folder whose names hold the filter text, as the server lists them."""

    def __init__(self, entry: Entry, query: str, label: str) -> None:
        super().__init__([label])
        self.entry = entry  # the bucket or folder searched
        self.query = query
        self.lister: Optional[PrefixSearch] = None
        self.generation = 0
        self.setIcon(0, QgsApplication.getThemeIcon("/mActionFilter2.svg"))
        self.setToolTip(0, entry.location.uri)


class ObjectTree(QTreeWidget):
    """The tree, with drag to the map canvas and drop of local files onto folders."""

    def __init__(self, dock: BrowserDock) -> None:
        super().__init__(dock)
        self.dock = dock
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)

    def mimeTypes(self) -> List[str]:
        return ["application/x-vnd.qgis.qgis.uri", "text/uri-list"]

    def mimeData(self, items: List[QTreeWidgetItem]) -> QMimeData:
        uris = []
        for item in items:
            if isinstance(item, NodeItem) and item.entry.is_raster:
                self.dock.activate_bucket(item.entry.location)  # credentials before the canvas opens it
                uri = QgsMimeDataUtils.Uri()
                uri.layerType, uri.providerKey = "raster", "gdal"
                uri.name, uri.uri = item.entry.name, item.entry.location.vsi_path
                uris.append(uri)
        return QgsMimeDataUtils.encodeUriList(uris)

    def _drop_target(self, event) -> Optional[NodeItem]:
        item = self.itemAt(event.pos())
        if isinstance(item, NodeItem) and not item.entry.is_prefix:
            item = item.parent()
        return item if isinstance(item, NodeItem) else None

    def dragEnterEvent(self, event) -> None:
        if event.source() is self:
            super().dragEnterEvent(event)
        elif event.mimeData().hasUrls() or event.mimeData().hasFormat("application/x-vnd.qgis.qgis.uri"):
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:
        if event.source() is self:
            event.ignore()
        elif self.dock.drop_handler is not None and self._drop_target(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:
        target = self._drop_target(event)
        if event.source() is self or target is None or self.dock.drop_handler is None:
            event.ignore()
            return
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        paths += [uri.uri for uri in QgsMimeDataUtils.decodeUriList(event.mimeData()) if uri.layerType == "raster"]
        event.acceptProposedAction()
        connection = self.dock.current_connection()
        if paths and connection is not None:
            self.dock.drop_handler(connection, target.entry.location, paths)


class BrowserDock(QDockWidget, FORM_CLASS):
    def __init__(
        self,
        iface,
        store: ConnectionStore,
        parent: Optional[QWidget] = None,
        actions: Optional[ObjectActions] = None,
    ) -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.setObjectName("CogportBrowserDock")
        self.iface = iface
        self.store = store
        self.actions = actions or ObjectActions(store)
        self.drop_handler: Optional[Callable[[StorageConnection, ObjectLocation, List[str]], None]] = None
        self._tasks: Dict[int, CoreTask] = {}
        self._bucket_generation = 0
        self._retired_items: List[QTreeWidgetItem] = []  # out of the tree, kept alive for late callbacks

        self.tree = ObjectTree(self)
        self.tree.setHeaderLabels([self.tr("Name"), self.tr("Size"), self.tr("Modified")])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setUniformRowHeights(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # long names keep their ends (…_B04.tif)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.main_layout.replaceWidget(self.findChild(QTreeWidget, "tree"), self.tree)
        self.findChild(QTreeWidget, "tree").deleteLater()
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # names first; size and date fit their text
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)

        self.new_button.setIcon(QgsApplication.getThemeIcon("/mActionAdd.svg"))
        self.edit_button.setIcon(QgsApplication.getThemeIcon("/mActionToggleEditing.svg"))
        self.remove_button.setIcon(QgsApplication.getThemeIcon("/mActionRemove.svg"))
        self.more_button.setIcon(QgsApplication.getThemeIcon("/mActionOptions.svg"))
        self.refresh_button.setIcon(QgsApplication.getThemeIcon("/mActionRefresh.svg"))
        more_menu = QMenu(self.more_button)
        more_menu.addAction(self.tr("Test connection"), self.test_connection)
        more_menu.addAction(self.tr("Export connections…"), self.export_connections)
        more_menu.addAction(self.tr("Import connections…"), self.import_connections)
        more_menu.addAction(self.tr("Import OpenStack openrc or clouds.yaml…"), self.import_openstack_file)
        more_menu.addAction(self.tr("Import OpenStack environment (OS_*, SWIFT_*)"), self.import_openstack_environment)
        self.more_button.setMenu(more_menu)

        self.connection_combo.currentIndexChanged.connect(self.reload)
        self.new_button.clicked.connect(lambda: self.edit_connection(None))
        self.edit_button.clicked.connect(lambda: self.edit_connection(self.current_connection()))
        self.remove_button.clicked.connect(self.remove_connection)
        self.refresh_button.clicked.connect(self.refresh)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.search)
        self._search_scopes: List[Entry] = []
        self.filter_edit.textChanged.connect(lambda _text: self._search_timer.start())
        self.tree.itemExpanded.connect(self._expanded)
        self.tree.itemDoubleClicked.connect(self._double_clicked)
        self.tree.itemSelectionChanged.connect(self._selection_changed)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.add_to_map_button.clicked.connect(self.add_selected_to_map)
        self.add_uri_button.clicked.connect(self.add_uri)
        self.uri_edit.returnPressed.connect(self.add_uri)
        self.refresh_connections()

    # --- connections ---------------------------------------------------------------------
    def refresh_connections(self, select: str = "") -> None:
        current = select or self.connection_combo.currentText()
        self.connection_combo.blockSignals(True)
        self.connection_combo.clear()
        self.connection_combo.addItems(self.store.names())
        index = self.connection_combo.findText(current)
        self.connection_combo.setCurrentIndex(max(index, 0))
        self.connection_combo.blockSignals(False)
        has_connection = self.connection_combo.count() > 0
        self.edit_button.setEnabled(has_connection)
        self.remove_button.setEnabled(has_connection)
        self.reload()

    def current_connection_name(self) -> str:
        return self.connection_combo.currentText()

    def current_connection(self) -> Optional[StorageConnection]:
        name = self.current_connection_name()
        return self.store.load(name) if name else None

    def edit_connection(self, connection: Optional[StorageConnection]) -> None:
        dialog = ConnectionDialog(self.store, connection, self)
        if dialog.exec() and dialog.result_connection is not None:
            self.refresh_connections(select=dialog.result_connection.name)

    def remove_connection(self) -> None:
        name = self.connection_combo.currentText()
        answer = QMessageBox.question(
            self,
            self.tr("Remove connection"),
            self.tr(
                "Remove the connection '{name}' and its saved credentials? Objects in the store are not touched."
            ).format(name=name),
        )
        if name and answer == QMessageBox.StandardButton.Yes:
            self.store.remove(name)
            self.refresh_connections()

    def _resolved_connection(self, bucket: str = "") -> Optional[Tuple[StorageConnection, Credentials]]:
        """The current connection and its secrets, `bucket` made readable; None (reason shown) on failure."""
        try:
            connection = self.current_connection()
            if connection is None:
                return None
            credentials = self.store.credentials(connection)
            if bucket:
                self.store.activate(connection, bucket)
            return connection, credentials
        except CogportError as error:
            self.show_status(user_message(error), error=True)
            return None

    def test_connection(self) -> None:
        resolved = self._resolved_connection()
        if resolved is None:
            return
        connection, credentials = resolved
        self.show_status(self.tr("Testing {connection}…").format(connection=connection.name))
        self._start(
            -1,
            self.tr("Testing connection {connection}").format(connection=connection.name),
            lambda progress: describe_connection(connection, credentials),
            lambda text: self.show_status(f"{connection.name}: {text}"),
            lambda error: self.show_status(user_message(error), error=True),
        )

    def export_connections(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export connections"), "cogport-connections.json", self.tr("JSON (*.json)")
        )
        if path:
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(self.store.export_json(self.store.names()))
            self.show_status(
                self.tr("Exported {count} connections (without secrets) to {path}.").format(
                    count=len(self.store.names()), path=path
                )
            )

    def import_connections(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import connections"), "", self.tr("JSON (*.json)"))
        if not path:
            return
        try:
            with open(path, encoding="utf-8") as handle:
                added = self.store.import_json(handle.read())
        except (OSError, CogportError) as error:
            self.show_status(user_message(error) if isinstance(error, CogportError) else str(error), error=True)
            return
        self.refresh_connections(select=added[0] if added else "")
        self.show_status(
            self.tr("Imported {names}. Edit each one to enter its credentials.").format(names=", ".join(added))
        )

    def import_openstack_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import OpenStack credentials"),
            os.path.expanduser("~/.config/openstack"),
            self.tr("openrc or clouds.yaml (*.sh *.yaml *.yml *openrc*);;All files (*)"),
        )
        if not path:
            return
        try:
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
            if path.endswith((".yaml", ".yml")):
                imported = parse_clouds_yaml(text)
            else:
                imported = [parse_openrc(text, openrc_name(path))]
        except (OSError, UnicodeDecodeError, CogportError) as error:
            self.show_status(user_message(error) if isinstance(error, CogportError) else str(error), error=True)
            return
        self.add_imported(imported)

    def import_openstack_environment(self) -> None:
        imported = from_environment(os.environ)
        if not imported:
            self.show_status(
                self.tr(
                    "QGIS was started without OpenStack variables (OS_AUTH_URL, or SWIFT_STORAGE_URL and "
                    "SWIFT_AUTH_TOKEN). Source your openrc file before starting QGIS, or import the file itself."
                ),
                error=True,
            )
            return
        self.add_imported(imported)

    def add_imported(self, imported: List[Imported]) -> None:
        """Saves imported connections, asking for each secret the file or environment did not hold."""
        completed = []
        for item in imported:
            if item.needs_secret:
                typed = self.ask_secret(item)
                item = item.with_secret(typed) if typed else item
            completed.append(item)
        try:
            added = self.store.add_imported(completed)
        except CogportError as error:
            self.show_status(user_message(error), error=True)
            return
        self.refresh_connections(select=added[0] if added else "")
        missing = [name for name, item in zip(added, completed) if item.needs_secret]
        if missing:
            status = self.tr("Imported {names}. Edit {missing} to enter the missing secret.")
        else:
            status = self.tr("Imported {names}.")
        self.show_status(status.format(names=", ".join(added), missing=", ".join(missing)))

    def ask_secret(self, item: Imported) -> str:
        """The secret a person types for an imported connection ("" when they cancel)."""
        who = item.credentials.identity or item.connection.user_id
        # The secret's name stands in brackets, where French needs no article agreeing with it.
        if who:
            prompt = self.tr(
                "Enter the secret of {user} for '{connection}' ({secret}). "
                "Cogport keeps it in the QGIS authentication database."
            )
        else:
            prompt = self.tr(
                "Enter the secret for '{connection}' ({secret}). Cogport keeps it in the QGIS authentication database."
            )
        text, ok = QInputDialog.getText(
            self,
            self.tr("OpenStack credentials"),
            prompt.format(user=who, connection=item.connection.name, secret=item.secret_label),
            QLineEdit.EchoMode.Password,
        )
        return text if ok else ""

    # --- the tree ------------------------------------------------------------------------
    def _retire_tree_items(self) -> None:
        """Empties the tree without deleting its items: a listing still running may hold one, and QTreeWidget.clear()
        would free it under that task's callback (QTreeWidgetItem is no QObject, so nothing tells the callback)."""
        while self.tree.topLevelItemCount():
            self._retired_items.append(self.tree.takeTopLevelItem(0))

    def reload(self) -> None:
        """Lists the buckets of the current connection, off the main thread."""
        self._clear_search()
        self._search_scopes = []
        self._retire_tree_items()
        self._bucket_generation += 1
        if self.current_connection() is None:
            self.show_status(self.tr("No connection yet: press + to add one (S3, S3-compatible, Swift or GCS)."))
            return
        resolved = self._resolved_connection()
        if resolved is None:
            return
        connection, credentials = resolved
        generation = self._bucket_generation
        self.show_status(self.tr("Listing buckets of {connection}…").format(connection=connection.name))
        self._start(
            0,
            self.tr("Listing buckets of {connection}").format(connection=connection.name),
            lambda progress: list_bucket_names(connection, credentials),
            lambda names: self._buckets_listed(generation, connection, names),
            lambda error: self._buckets_failed(generation, error),
        )

    def _buckets_listed(self, generation: int, connection: StorageConnection, names: List[str]) -> None:
        if generation != self._bucket_generation:
            return
        for name in names:
            self.tree.addTopLevelItem(NodeItem(Entry(ObjectLocation(connection.handler, name), True)))
        if connection.handler == "vsiswift":
            one, many = self.tr("{count} container in {connection}."), self.tr("{count} containers in {connection}.")
        else:
            one, many = self.tr("{count} bucket in {connection}."), self.tr("{count} buckets in {connection}.")
        self.show_status((one if len(names) == 1 else many).format(count=len(names), connection=connection.name))
        if self.filter_edit.text().strip():
            self.search()  # a search typed before the buckets arrived (or kept across a connection change)

    def _buckets_failed(self, generation: int, error: Exception) -> None:
        if generation != self._bucket_generation:
            return
        item = MessageItem([f"⚠ {user_message(error)}"])
        item.setToolTip(0, user_message(error))
        self.tree.addTopLevelItem(item)
        self.show_status(user_message(error), error=True)

    def _expanded(self, item: QTreeWidgetItem) -> None:
        if isinstance(item, NodeItem) and item.lister is None:
            self._list_page(item, fresh=True)

    def _list_page(self, item: NodeItem, fresh: bool) -> None:
        location = item.entry.location
        self._next_page(
            item,
            fresh,
            lambda connection, credentials: PrefixLister(connection, credentials, location, PAGE_SIZE),
            self.tr("Loading…"),
            self.tr("Listing {uri}").format(uri=location.uri),
            self._page_listed,
        )

    def _next_page(self, item, fresh: bool, new_lister, note: str, description: str, listed) -> None:
        """Lists the next page of a folder or a search in a task; `fresh` starts over with `new_lister`."""
        resolved = self._resolved_connection(item.entry.location.bucket)
        if resolved is None:
            return
        if fresh:
            self._retired_items.extend(item.takeChildren())  # kept alive for their late callbacks
            item.generation += 1
            item.lister = new_lister(*resolved)
        self._remove_more_items(item)
        self._add_note(item, MessageItem([note]))
        lister, generation = item.lister, item.generation
        self._start(
            id(item),
            description,
            lambda progress: lister.next_page(progress),
            lambda entries: listed(item, generation, entries),
            lambda error: self._page_failed(item, generation, error),
        )

    def _page_listed(self, item: NodeItem, generation: int, entries: List[Entry]) -> None:
        if not _alive(item) or generation != item.generation:
            return
        self._remove_message_items(item)
        for entry in entries:
            item.addChild(NodeItem(entry))
        shown = sum(1 for i in range(item.childCount()) if isinstance(item.child(i), NodeItem))
        if item.lister is not None and not item.lister.exhausted:
            item.addChild(MoreItem([self.tr("Load more… ({shown} shown)").format(shown=shown)]))
        elif shown == 0:
            item.addChild(MessageItem([self.tr("(empty)")]))
        if item.lister is None or item.lister.exhausted:
            one, many = self.tr("{uri}: {count} item."), self.tr("{uri}: {count} items.")
        else:
            one, many = (
                self.tr("{uri}: {count} item, more available."),
                self.tr("{uri}: {count} items, more available."),
            )
        self.show_status((one if shown == 1 else many).format(uri=item.entry.location.uri, count=shown))

    def _page_failed(self, item, generation: int, error: Exception) -> None:
        if not _alive(item) or generation != item.generation:
            return
        self._remove_message_items(item)
        item.lister = None  # expanding again retries
        message = MessageItem([f"⚠ {user_message(error)}"])
        message.setToolTip(0, user_message(error))
        item.addChild(message)
        self.show_status(user_message(error), error=True)

    @staticmethod
    def _remove_message_items(item: QTreeWidgetItem) -> None:
        for index in reversed(range(item.childCount())):
            if isinstance(item.child(index), MessageItem):
                item.takeChild(index)

    @staticmethod
    def _remove_more_items(item: QTreeWidgetItem) -> None:
        for index in reversed(range(item.childCount())):
            if isinstance(item.child(index), MoreItem):
                item.takeChild(index)

    def refresh(self) -> None:
        """Reloads the selected folder (or everything), dropping GDAL's cached listings."""
        selected = [i for i in self.tree.selectedItems() if isinstance(i, NodeItem) and i.entry.is_prefix]
        connection = self.current_connection()
        if connection is not None:
            self.store.forget_cache(connection)
        if self._search_scopes:
            self.search()  # the same folders searched again, as the store is now
            return
        if not selected:
            self.reload()
            return
        for item in selected:
            self._list_page(item, fresh=True)
            item.setExpanded(True)

    # --- search: the filter lists matching names on the server -------------------------------
    def search(self) -> None:
        """Lists, on the server, the objects under the chosen folders whose names hold the filter text.

        The folders are the selected ones (or those of the selected objects) when the search starts,
        else the buckets; the tree comes back when the filter is cleared.
        """
        text = self.filter_edit.text().strip()
        self._clear_search()
        if not text:
            self._search_scopes = []
            self._show_tree(True)
            return
        if not self._search_scopes:
            self._search_scopes = self._search_folders()
        self._show_tree(False)
        for scope in self._search_scopes:
            label = self.tr("“{text}” in {folder}").format(text=text, folder=scope.location.as_prefix().uri)
            item = SearchItem(scope, text, label)
            self.tree.addTopLevelItem(item)
            item.setFirstColumnSpanned(True)  # the whole width for what was searched where
            item.setExpanded(True)
            self._search_page(item, fresh=True)
        if not self._search_scopes:
            self.show_status(self.tr("No bucket to search yet."))

    def _search_folders(self) -> List[Entry]:
        chosen: List[Entry] = []
        for item in self.tree.selectedItems():
            if isinstance(item, NodeItem) and not item.entry.is_prefix:
                item = item.parent()
            if isinstance(item, NodeItem) and item.entry not in chosen:
                chosen.append(item.entry)
        if chosen:
            return chosen
        buckets = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        folders = [item.entry for item in buckets if isinstance(item, NodeItem)]
        if len(folders) > SEARCH_BUCKETS:
            self.show_status(
                self.tr("Searching the first {count} buckets; select a bucket or folder to search it.").format(
                    count=SEARCH_BUCKETS
                )
            )
        return folders[:SEARCH_BUCKETS]

    def _search_page(self, item: SearchItem, fresh: bool) -> None:
        location = item.entry.location.as_prefix()
        self._next_page(
            item,
            fresh,
            lambda connection, credentials: PrefixSearch(connection, credentials, location, item.query, PAGE_SIZE),
            self.tr("Searching…"),
            self.tr("Searching {folder} for “{text}”").format(folder=location.uri, text=item.query),
            self._search_listed,
        )

    def _search_listed(self, item: SearchItem, generation: int, entries: List[Entry]) -> None:
        if not _alive(item) or generation != item.generation or item.lister is None:
            return
        self._remove_message_items(item)
        for entry in entries:
            match = NodeItem(entry)
            match.setText(0, item.lister.relative_name(entry))  # where it lies below the searched folder
            match.setToolTip(0, entry.location.uri)
            item.addChild(match)
        found = sum(1 for i in range(item.childCount()) if isinstance(item.child(i), NodeItem))
        searched = number(item.lister.scanned)
        if not item.lister.exhausted:
            more = self.tr("Search further… ({found} found, {searched} objects searched)")
            self._add_note(item, MoreItem([more.format(found=found, searched=searched)]))
        elif found == 0:
            self._add_note(item, MessageItem([self.tr("(no name holds “{text}”)").format(text=item.query)]))
        self.show_status(
            self.tr("{found} found for “{text}” in {folder} ({searched} objects searched).").format(
                found=found, text=item.query, folder=item.entry.location.as_prefix().uri, searched=searched
            )
        )

    @staticmethod
    def _add_note(parent: QTreeWidgetItem, note: QTreeWidgetItem) -> None:
        """A "Searching…" or "Search further…" row, across every column so it reads whole."""
        parent.addChild(note)
        note.setFirstColumnSpanned(True)

    def _clear_search(self) -> None:
        for index in reversed(range(self.tree.topLevelItemCount())):
            item = self.tree.topLevelItem(index)
            if isinstance(item, SearchItem):
                task = self._tasks.pop(id(item), None)
                if task is not None:
                    task.cancel_if_running()
                if item.lister is not None:
                    item.lister.close()
                self.tree.takeTopLevelItem(index)

    def _show_tree(self, shown: bool) -> None:
        for index in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(index)
            if not isinstance(item, SearchItem):
                item.setHidden(not shown)

    # --- layers ----------------------------------------------------------------------------
    def activate_bucket(self, location: ObjectLocation) -> None:
        connection = self.current_connection()
        if connection is not None:
            self.store.activate(connection, location.bucket)

    def selected_entries(self) -> List[Entry]:
        return [i.entry for i in self.tree.selectedItems() if isinstance(i, NodeItem)]

    def _selection_changed(self) -> None:
        self.add_to_map_button.setEnabled(any(e.is_raster for e in self.selected_entries()))

    def _double_clicked(self, item: QTreeWidgetItem) -> None:
        if isinstance(item, MoreItem) and isinstance(item.parent(), SearchItem):
            self._search_page(item.parent(), fresh=False)
        elif isinstance(item, MoreItem) and isinstance(item.parent(), NodeItem):
            self._list_page(item.parent(), fresh=False)
        elif isinstance(item, NodeItem) and item.entry.is_raster:
            self.add_entries_to_map([item.entry])

    def add_selected_to_map(self) -> None:
        self.add_entries_to_map([e for e in self.selected_entries() if e.is_raster])

    def add_entries_to_map(self, entries: List[Entry]) -> None:
        connection = self.current_connection()
        if connection is None:
            return
        for entry in entries:
            self._add_layer(connection, entry.location)

    def add_uri(self) -> None:
        text = self.uri_edit.text().strip()
        if not text:
            return
        try:
            connection, location = location_from_user_text(self.store, text, self.current_connection())
        except CogportError as error:
            self.show_status(user_message(error), error=True)
            return
        if self._add_layer(connection, location):
            self.uri_edit.clear()

    def _add_layer(self, connection: StorageConnection, location: ObjectLocation) -> bool:
        try:
            add_remote_layer(self.store, connection, location)
        except CogportError as error:
            self.show_status(user_message(error), error=True)
            return False
        self.show_status(self.tr("Added {uri} to the map.").format(uri=location.uri))

        return True

    # --- context menu ---------------------------------------------------------------------
    def _context_menu(self, position) -> None:
        menu = self.menu_for(self.selected_entries())
        if menu is not None:
            menu.exec(self.tree.viewport().mapToGlobal(position))

    def menu_for(self, entries: List[Entry]) -> Optional[QMenu]:
        connection = self.current_connection()
        if not entries or connection is None:
            return None
        menu = QMenu(self.tree)
        rasters = [e for e in entries if e.is_raster]
        if rasters:
            menu.addAction(
                QgsApplication.getThemeIcon("/mActionAddRasterLayer.svg"),
                self.tr("Add to map"),
                lambda: self.add_entries_to_map(rasters),
            )
        self.actions.populate(menu, connection, entries, lambda error: self.show_status(user_message(error), True))
        menu.addSeparator()
        menu.addAction(QgsApplication.getThemeIcon("/mActionRefresh.svg"), self.tr("Refresh"), self.refresh)
        return menu

    # --- plumbing --------------------------------------------------------------------------
    def show_status(self, text: str, error: bool = False) -> None:
        show_message(self.status_label, text, error)

    def _start(self, key: int, description: str, work, on_done, on_error) -> None:
        previous = self._tasks.get(key)
        if previous is not None:
            previous.cancel_if_running()
        self._tasks[key] = run_task(CoreTask(description, work, on_done, on_error))

    def closeEvent(self, event) -> None:
        for task in self._tasks.values():
            task.cancel_if_running()
        super().closeEvent(event)


def human_size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB", "GB", "TB"):
        if value < 1024 or unit == "TB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"  # untranslated: a unit symbol


def _alive(item: QTreeWidgetItem) -> bool:
    """False once the item left the tree: a reload retired it, or a refresh took it out of its folder."""
    return item.treeWidget() is not None
