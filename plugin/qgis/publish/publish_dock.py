"""The Publish dock: local files or layers → convert with a profile → validate → upload → optionally register."""

from __future__ import annotations

import os
from typing import List, Optional, Sequence, Tuple

from qgis.core import Qgis
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QDockWidget, QFileDialog, QHeaderView, QTableWidgetItem, QWidget

from ...core.archive.engine import ArchiveJob
from ...core.archive.manifest import ItemState
from ...core.errors import CogportError
from ...core.publish import ConvertPolicy, PublishSettings, Step
from ...core.storage.upload import IfExists, resolve_destination
from ...core.storage.uri import ObjectLocation, parse_location
from ..cog.profile_choice import fill_profile_combo
from ..common.i18n import tr
from ..common.progress_column import PERCENT_ROLE, ProgressDelegate
from ..common.resources import load_ui
from ..common.tasks import user_message
from ..storage.connections import ConnectionStore
from .run_on_widget import ArchiveRun, RunOnWidget
from .upload_flow import Ask, PublishRun, ask_with_message_box, resolve_connection, take_sources

FORM_CLASS = load_ui("publish_dock")
FILE, STEP, PROGRESS, STATUS = range(4)


def gdal_settings_label() -> str:
    """The connection entry that means "no saved connection: GDAL's own settings"."""
    return tr("(GDAL settings: AWS_*, GS_*, SWIFT_*)")


def convert_choices() -> List[Tuple[ConvertPolicy, str]]:
    return [
        (ConvertPolicy.IF_INVALID, tr("Convert files that are not valid COGs (asks first)")),
        (ConvertPolicy.ALWAYS, tr("Always convert")),
        (ConvertPolicy.NEVER, tr("Never convert: invalid files stop")),
    ]


def exists_choices() -> List[Tuple[IfExists, str]]:
    return [
        (IfExists.FAIL, tr("Ask")),  # the run asks once for all existing objects
        (IfExists.OVERWRITE, tr("Overwrite")),
        (IfExists.SKIP, tr("Skip")),
        (IfExists.RENAME, tr("Keep both (rename the upload)")),
    ]


def step_label(step: Step) -> str:
    return {
        Step.WAITING: tr("waiting"),
        Step.VALIDATING: tr("validating"),
        Step.CONVERTING: tr("converting"),
        Step.UPLOADING: tr("uploading"),
        Step.DONE: tr("uploaded"),
        Step.SKIPPED: tr("skipped"),
        Step.FAILED: tr("failed"),
    }[step]


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
        header = self.filesTable.horizontalHeader()
        header.setSectionResizeMode(FILE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(STEP, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(STATUS, QHeaderView.ResizeMode.Stretch)
        self.filesTable.setColumnWidth(PROGRESS, 90)
        self.filesTable.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # file names keep their ends
        self.filesTable.setItemDelegateForColumn(PROGRESS, ProgressDelegate(self.filesTable))
        fill_profile_combo(self.profileCombo)
        for policy, label in convert_choices():
            self.convertCombo.addItem(label, policy)
        for policy, label in exists_choices():
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
        self.connectionCombo.addItems(ConnectionStore().names() + [gdal_settings_label()])
        index = self.connectionCombo.findText(current)
        if index >= 0:
            self.connectionCombo.setCurrentIndex(index)

    def add_paths(self, items: Sequence) -> List[str]:
        """Adds local raster files or layers; returns what was refused (not local files, not rasters)."""
        intake = take_sources(items)
        self.paths += [path for path in dict.fromkeys(intake.sources) if path not in self.paths]
        self._fill_table()
        if intake.refusal():
            self.iface.messageBar().pushMessage("Cogport", intake.refusal(), Qgis.MessageLevel.Warning, 6)
        return intake.not_local + intake.not_rasters

    def _choose_files(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Files to publish"),
            "",
            self.tr("Rasters (*.tif *.tiff *.TIF *.jp2 *.img *.vrt);;All files (*)"),
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
            self.filesTable.setItem(row, FILE, item)
            self.filesTable.setItem(row, STEP, QTableWidgetItem(step_label(Step.WAITING)))
            self.filesTable.setItem(row, PROGRESS, QTableWidgetItem(""))
            self.filesTable.setItem(row, STATUS, QTableWidgetItem(""))

    def _update_register(self) -> None:
        """Registration follows the destination: Earth Engine for gs://, Sentinel Hub BYOC for s3://."""
        text = self.destinationEdit.text().strip()
        if text.startswith(("gs://", "/vsigs/")):
            self.registerCheck.setText(self.tr("Then register the uploaded COGs in Earth Engine"))
            self.registerCheck.setEnabled(True)
        elif text.startswith(("s3://", "/vsis3/")):
            self.registerCheck.setText(self.tr("Then register the uploaded COGs as Sentinel Hub BYOC tiles"))
            self.registerCheck.setEnabled(True)
        else:
            self.registerCheck.setText(
                self.tr("Then register the uploaded COGs (Earth Engine for gs://, BYOC for s3://)")
            )
            self.registerCheck.setEnabled(False)
            self.registerCheck.setChecked(False)

    def settings(self) -> PublishSettings:
        text = self.destinationEdit.text().strip()
        if not text:
            raise CogportError(
                self.tr("No destination was given."), self.tr("the Destination field (e.g. s3://bucket/prefix/).")
            )
        return PublishSettings(
            destination=parse_location(text).as_prefix(),
            profile=self.profileCombo.currentData(),
            convert=self.convertCombo.currentData(),
            if_exists=self.existsCombo.currentData(),
            keep_converted=self.keepConvertedCheck.isChecked(),
            split_bands=self.splitBandsCheck.isChecked(),
        )

    # ----- run
    def publish(self) -> Optional[PublishRun]:
        if not self.paths:
            self.summaryText.setPlainText(self.tr("Add local files or layers to publish first."))
            return None
        name = self.connectionCombo.currentText()
        try:
            settings = self.settings()
            connection, credentials = resolve_connection(None if name == gdal_settings_label() else name)
        except CogportError as exc:
            self.summaryText.setPlainText(exc.user_message)
            return None
        self._fill_table()
        self.summaryText.setPlainText(
            self.tr("Publishing {count} file(s) to {destination}…").format(
                count=len(self.paths), destination=settings.destination.uri
            )
        )
        if self.runOn.on_cluster:
            return self._publish_on_cluster(settings, connection, credentials)
        self.run = PublishRun(self.iface, list(self.paths), settings, connection, credentials, self.ask, self)
        self.run.stepChanged.connect(self._show_step)
        self.run.statusChanged.connect(lambda row, text: self._cell(row, STATUS, text))
        self.run.progressChanged.connect(self._show_percent)
        self.run.overallChanged.connect(self.overallProgress.setValue)
        self.run.finished.connect(self._finished)
        for row in range(len(self.paths)):
            self._show_percent(row, 0)
        self.overallProgress.setValue(0)
        self.overallProgress.show()
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
        self.summaryText.setPlainText(
            self.tr("Publishing {count} file(s) on {where}…").format(count=len(self.paths), where=where)
        )
        self.runOn.show_dashboard(link)

    def _show_record(self, row: int, record) -> None:
        self._cell(row, 1, record.state.value)
        self._cell(row, 2, record.error or record.uri)

    def _finished_on_cluster(self, summary) -> None:
        self.publishButton.setEnabled(True)
        self.cancelButton.setEnabled(False)
        if summary is None:
            self.summaryText.setPlainText(
                self.tr("Cancelled. Publishing the same files again resumes where this stopped.")
            )
        elif isinstance(summary, Exception):
            self.summaryText.setPlainText(user_message(summary))
        else:
            manifest = self.tr("Manifest: {path}").format(path=summary.manifest)
            self.summaryText.setPlainText(f"{summary.text()}\n{manifest}")
            published = [r for r in summary.records if r.state is ItemState.UPLOADED]
            self._offer_registration([parse_location(record.uri) for record in published])

    def _show_step(self, row: int, step: str, text: str) -> None:
        self._cell(row, STEP, step_label(Step(step)))
        self._cell(row, STATUS, text)  # a new step's text, or none: not the last step's "checking"
        if Step(step) in (Step.FAILED, Step.SKIPPED):
            self._show_percent(row, None)  # a full bar would read as success

    def _show_percent(self, row: int, percent: Optional[int]) -> None:
        item = self.filesTable.item(row, PROGRESS)
        if item is not None:
            item.setData(PERCENT_ROLE, percent)

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
        uploaded = [upload.location for o in run.uploaded for upload in o.uploads]
        tiles = [o.tile for o in run.uploaded if o.tile is not None]
        singles = [o.uploads[0].location.uri for o in run.uploaded if o.tile is None]
        self._offer_registration(uploaded, tiles, singles)

    def _offer_registration(
        self, uploaded: List[ObjectLocation], tiles: Sequence = (), singles: Optional[List[str]] = None
    ) -> None:
        """Opens the registration for what was uploaded; a split file is registered as its (BAND) tile."""
        if not (self.registerCheck.isChecked() and uploaded):
            return
        if uploaded[0].handler == "vsigs":
            from ..earthengine.earthengine_dialog import open_earthengine_dialog

            open_earthengine_dialog(self.iface, [location.uri for location in uploaded])
        elif uploaded[0].handler == "vsis3":
            from ..byoc.byoc_dock import open_byoc_registration

            # Other files are grouped by the registration.
            files = singles if singles is not None else [location.uri for location in uploaded]
            open_byoc_registration(self.iface, files, f"s3://{uploaded[0].bucket}", list(tiles))


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
