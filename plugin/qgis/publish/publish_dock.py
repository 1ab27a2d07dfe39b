"""The Publish dock: local files or layers → convert with a profile → validate → upload → optionally register."""

from __future__ import annotations

import os
from typing import List, Optional, Sequence

from qgis.core import Qgis
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QDockWidget, QFileDialog, QHeaderView, QTableWidgetItem, QWidget

from ...core.archive.engine import ArchiveJob
from ...core.archive.manifest import ItemState
from ...core.cog.validate import PROFILES
from ...core.errors import CogportError
from ...core.publish import ConvertPolicy, PublishSettings, Step
from ...core.storage.upload import IfExists, resolve_destination
from ...core.storage.uri import ObjectLocation, parse_location
from ..common.resources import load_ui
from ..common.tasks import user_message
from .run_on_widget import ArchiveRun, RunOnWidget
from .upload_flow import Ask, PublishRun, ask_with_message_box, local_path, resolve_connection, source_label

FORM_CLASS = load_ui("publish_dock")
GDAL_SETTINGS = "(GDAL settings: AWS_*, GS_*, SWIFT_*)"
CONVERT_CHOICES = [
    (ConvertPolicy.IF_INVALID, "Convert files that are not valid COGs (asks first)"),
    (ConvertPolicy.ALWAYS, "Always convert"),
    (ConvertPolicy.NEVER, "Never convert: invalid files stop"),
]
EXISTS_CHOICES = [
    (IfExists.FAIL, "Ask"),  # the run asks once for all existing objects
    (IfExists.OVERWRITE, "Overwrite"),
    (IfExists.SKIP, "Skip"),
    (IfExists.RENAME, "Keep both (rename the upload)"),
]
STEP_LABELS = {
    Step.WAITING: "waiting",
    Step.VALIDATING: "validating",
    Step.CONVERTING: "converting",
    Step.UPLOADING: "uploading",
    Step.DONE: "uploaded",
    Step.SKIPPED: "skipped",
    Step.FAILED: "failed",
}


def _connection_names() -> List[str]:
    try:
        from ..storage.connections import ConnectionStore
    except ImportError:  # the connection store arrives with the bucket browser
        return []
    return ConnectionStore().names()


class PublishDock(QDockWidget, FORM_CLASS):
    def __init__(self, iface, parent: Optional[QWidget] = None, ask: Ask = ask_with_message_box) -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.setObjectName("CogportPublishDock")
        self.iface = iface
        self.ask = ask
        self.run: Optional[PublishRun] = None
        self.archive_run: Optional[ArchiveRun] = None
        self.paths: List[str] = []
        self.runOn = RunOnWidget(self)
        self.mainLayout.insertWidget(self.mainLayout.indexOf(self.keepConvertedCheck), self.runOn)
        self.filesTable.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.profileCombo.addItems(list(PROFILES))
        for policy, label in CONVERT_CHOICES:
            self.convertCombo.addItem(label, policy)
        for policy, label in EXISTS_CHOICES:
            self.existsCombo.addItem(label, policy)
        self.reload_connections()
        self.addFilesButton.clicked.connect(self._choose_files)
        self.addLayersButton.clicked.connect(self._add_selected_layers)
        self.removeButton.clicked.connect(self._remove_selected)
        self.publishButton.clicked.connect(self.publish)
        self.cancelButton.clicked.connect(self.cancel)
        self.destinationEdit.textChanged.connect(self._update_register)
        self._update_register()

    # ----- inputs
    def reload_connections(self) -> None:
        current = self.connectionCombo.currentText()
        self.connectionCombo.clear()
        self.connectionCombo.addItems(_connection_names() + [GDAL_SETTINGS])
        index = self.connectionCombo.findText(current)
        if index >= 0:
            self.connectionCombo.setCurrentIndex(index)

    def add_paths(self, items: Sequence) -> List[str]:
        """Adds local files or raster layers; returns the names of those that are not local files."""
        ignored = []
        for item in items:
            path = local_path(item)
            if not path:
                ignored.append(source_label(item))
            elif path not in self.paths:
                self.paths.append(path)
        self._fill_table()
        if ignored:
            self.iface.messageBar().pushMessage(
                "Cogport", "Not local files, not added: " + ", ".join(ignored), Qgis.MessageLevel.Warning, 6
            )
        return ignored

    def _choose_files(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(
            self, "Files to publish", "", "Rasters (*.tif *.tiff *.TIF *.jp2 *.img *.vrt);;All files (*)"
        )
        self.add_paths(paths)

    def _add_selected_layers(self) -> None:
        self.add_paths(self.iface.layerTreeView().selectedLayers() if self.iface.layerTreeView() else [])

    def _remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.filesTable.selectedIndexes()}, reverse=True)
        for row in rows:
            del self.paths[row]
        self._fill_table()

    def _fill_table(self) -> None:
        self.filesTable.setRowCount(len(self.paths))
        for row, path in enumerate(self.paths):
            item = QTableWidgetItem(os.path.basename(path))
            item.setToolTip(path)
            self.filesTable.setItem(row, 0, item)
            self.filesTable.setItem(row, 1, QTableWidgetItem(STEP_LABELS[Step.WAITING]))
            self.filesTable.setItem(row, 2, QTableWidgetItem(""))

    def _update_register(self) -> None:
        """Registration follows the destination: Earth Engine for gs://, Sentinel Hub BYOC for s3://."""
        text = self.destinationEdit.text().strip()
        if text.startswith(("gs://", "/vsigs/")):
            self.registerCheck.setText("Then register the uploaded COGs in Earth Engine")
            self.registerCheck.setEnabled(True)
        elif text.startswith(("s3://", "/vsis3/")):
            self.registerCheck.setText("Then register the uploaded COGs as Sentinel Hub BYOC tiles")
            self.registerCheck.setEnabled(True)
        else:
            self.registerCheck.setText("Then register the uploaded COGs (Earth Engine for gs://, BYOC for s3://)")
            self.registerCheck.setEnabled(False)
            self.registerCheck.setChecked(False)

    def settings(self) -> PublishSettings:
        text = self.destinationEdit.text().strip()
        if not text:
            raise CogportError("No destination was given.", "the Destination field (e.g. s3://bucket/prefix/).")
        return PublishSettings(
            destination=parse_location(text).as_prefix(),
            profile=self.profileCombo.currentText(),
            convert=self.convertCombo.currentData(),
            if_exists=self.existsCombo.currentData(),
            keep_converted=self.keepConvertedCheck.isChecked(),
        )

    # ----- run
    def publish(self) -> Optional[PublishRun]:
        if not self.paths:
            self.summaryText.setPlainText("Add local files or layers to publish first.")
            return None
        name = self.connectionCombo.currentText()
        try:
            settings = self.settings()
            connection, credentials = resolve_connection(None if name == GDAL_SETTINGS else name)
        except CogportError as exc:
            self.summaryText.setPlainText(exc.user_message)
            return None
        self._fill_table()
        self.summaryText.setPlainText(f"Publishing {len(self.paths)} file(s) to {settings.destination.uri}…")
        if self.runOn.on_cluster:
            return self._publish_on_cluster(settings, connection, credentials)
        self.run = PublishRun(self.iface, list(self.paths), settings, connection, credentials, self.ask, self)
        self.run.stepChanged.connect(self._show_step)
        self.run.statusChanged.connect(lambda row, text: self._cell(row, 2, text))
        self.run.finished.connect(self._finished)
        self.publishButton.setEnabled(False)
        self.cancelButton.setEnabled(True)
        self.run.start()
        return self.run

    def cancel(self) -> None:
        if self.run is not None:
            self.run.cancel()
        if self.archive_run is not None:
            self.archive_run.cancel()

    def _publish_on_cluster(self, settings: PublishSettings, connection, credentials) -> Optional[ArchiveRun]:
        """The same chain through the batch engine, on the Dask cluster chosen in Run on."""
        try:
            executor = self.runOn.executor()
        except CogportError as exc:
            self.summaryText.setPlainText(exc.user_message)
            return None
        job = ArchiveJob(
            tuple(self.paths),
            settings.destination,
            connection,
            credentials,
            profile=settings.profile,
            convert=settings.convert,
            if_exists=settings.if_exists,
        )
        self.archive_run = ArchiveRun(job, executor, self)
        rows = {path: row for row, path in enumerate(self.paths)}
        self.archive_run.itemStep.connect(lambda source, step, _f: self._cell(rows[source], 1, step))
        self.archive_run.itemDone.connect(lambda record: self._show_record(rows[record.source], record))
        self.archive_run.started.connect(lambda where, link: self._show_cluster(where, link))
        self.archive_run.finished.connect(self._finished_on_cluster)
        self.publishButton.setEnabled(False)
        self.cancelButton.setEnabled(True)
        self.archive_run.start()
        return self.archive_run

    def _show_cluster(self, where: str, link: str) -> None:
        self.summaryText.setPlainText(f"Publishing {len(self.paths)} file(s) on {where}…")
        self.runOn.show_dashboard(link)

    def _show_record(self, row: int, record) -> None:
        self._cell(row, 1, record.state.value)
        self._cell(row, 2, record.error or record.uri)

    def _finished_on_cluster(self, summary) -> None:
        self.publishButton.setEnabled(True)
        self.cancelButton.setEnabled(False)
        if summary is None:
            self.summaryText.setPlainText("Cancelled. Publishing the same files again resumes where this stopped.")
        elif isinstance(summary, Exception):
            self.summaryText.setPlainText(user_message(summary))
        else:
            self.summaryText.setPlainText(f"{summary.text()}\nManifest: {summary.manifest}")
            published = [r for r in summary.records if r.state is ItemState.UPLOADED]
            self._offer_registration([parse_location(record.uri) for record in published])

    def _show_step(self, row: int, step: str, text: str) -> None:
        self._cell(row, 1, STEP_LABELS[Step(step)])
        if text or Step(step) in (Step.DONE, Step.FAILED, Step.SKIPPED):
            self._cell(row, 2, text)

    def _cell(self, row: int, column: int, text: str) -> None:
        item = QTableWidgetItem(text)
        item.setToolTip(text)
        self.filesTable.setItem(row, column, item)

    def _finished(self) -> None:
        run = self.run
        self.publishButton.setEnabled(True)
        self.cancelButton.setEnabled(False)
        if run is None:
            return
        self.summaryText.setPlainText(run.summary())
        self._offer_registration([o.upload.location for o in run.uploaded if o.upload is not None])

    def _offer_registration(self, uploaded: List[ObjectLocation]) -> None:
        if not (self.registerCheck.isChecked() and uploaded):
            return
        if uploaded[0].handler == "vsigs":
            from ..earthengine.earthengine_dialog import open_earthengine_dialog

            open_earthengine_dialog(self.iface, [location.uri for location in uploaded])
        elif uploaded[0].handler == "vsis3":
            from ..byoc.byoc_dock import open_byoc_registration

            open_byoc_registration(self.iface, [location.uri for location in uploaded], f"s3://{uploaded[0].bucket}")


_DOCK: List[PublishDock] = []


def open_publish_dock(
    iface, paths_or_layers: Sequence = (), destination: Optional[ObjectLocation] = None, connection_name: str = ""
) -> PublishDock:
    """Shows the Publish dock (one per QGIS window), optionally with files, destination and connection filled in."""
    if not _DOCK:
        dock = PublishDock(iface, iface.mainWindow())
        iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        _DOCK.append(dock)
    dock = _DOCK[0]
    dock.reload_connections()
    if connection_name and dock.connectionCombo.findText(connection_name) >= 0:
        dock.connectionCombo.setCurrentText(connection_name)
    if paths_or_layers:
        dock.add_paths(paths_or_layers)
    if destination is not None:
        dock.destinationEdit.setText(resolve_destination("x", destination).uri.rsplit("/", 1)[0] + "/")
    dock.show()
    dock.raise_()
    return dock


def close_publish_dock(iface) -> None:
    """Removes the dock (plugin unload)."""
    while _DOCK:
        dock = _DOCK.pop()
        dock.cancel()
        iface.removeDockWidget(dock)
        dock.deleteLater()
