"""EarthEngineDialog: the manifest editor that checks and registers a COG-backed Earth Engine asset.

Everything it does goes through the core (`earthengine_manifest`, `earthengine_preflight`),
the same functions `cogport:register_earthengine` calls; network and GDAL work runs in CoreTasks.
"""

from __future__ import annotations

import os
import re
from html import escape
from typing import Any, Dict, List, Optional, Sequence, Union

from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QMessageBox,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ...core.errors import CogportError
from ...core.progress import Progress
from ...core.services.earthengine import EarthEngineClient, EarthEngineConnection
from ...core.services.earthengine_manifest import (
    PYRAMIDING_POLICIES,
    Band,
    ImageManifest,
    MaskBand,
    Tileset,
    asset_name,
    default_bands,
    normalise_time,
    read_source_bands,
    strip_generation,
)
from ...core.services.earthengine_preflight import (
    BatchItem,
    PreflightError,
    PreflightOptions,
    PreflightReport,
    RegistrationOutcome,
    check_and_register,
    manifests_per_file,
    preflight,
    register_batch,
    write_manifest,
)
from ...core.storage.uri import ObjectLocation, parse_location
from ..common.colours import error_html
from ..common.findings_view import FindingsView
from ..common.i18n import tr
from ..common.resources import load_ui
from ..common.tasks import CoreTask, run_task, user_message
from .earthengine_connection_dialog import EarthEngineConnectionDialog
from .earthengine_connections import (
    ENVIRONMENT,
    activate_storage,
    connection_names,
    delete_connection,
    environment_available,
    last_used,
    load_connection,
    remember,
    resolve_credentials,
)

FORM = load_ui("earthengine_dialog")


class PyramidingPolicyDelegate(QStyledItemDelegate):
    """A combo box in the pyramiding column; empty means Earth Engine's default (MEAN)."""

    def createEditor(self, parent: QWidget, option, index) -> QWidget:
        editor = QComboBox(parent)
        editor.addItems([""] + list(PYRAMIDING_POLICIES))
        return editor

    def setEditorData(self, editor: QComboBox, index) -> None:
        editor.setCurrentText(index.data() or "")

    def setModelData(self, editor: QComboBox, model, index) -> None:
        model.setData(index, editor.currentText())


class EarthEngineDialog(QDialog, FORM):
    def __init__(self, iface=None, gs_uris: Sequence[str] = (), parent: Optional[QWidget] = None) -> None:
        super().__init__(parent or (iface.mainWindow() if iface is not None else None))
        self.setupUi(self)
        self.findingsTree = FindingsView.replacing(self.findingsTree)
        self.iface = iface
        self.task: Optional[CoreTask] = None
        self.last_report: Optional[PreflightReport] = None
        self.last_outcome: Optional[RegistrationOutcome] = None
        self._extra: Dict[str, Any] = {}  # manifest fields the editor does not show, kept for export
        self._tilesets_as_imported: Dict[str, Tileset] = {}
        self.bandTable.setItemDelegateForColumn(4, PyramidingPolicyDelegate(self.bandTable))
        self._connect_signals()
        self._reload_connections(last_used())
        for uri in gs_uris:
            self._append_row(self.tilesetTable, [str(self.tilesetTable.rowCount()), uri])
        self._refresh_mask_tilesets()
        if gs_uris:
            stem = strip_generation(gs_uris[0])[0].rstrip("/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
            self.assetEdit.setText(stem)
            self.read_bands()

    def _connect_signals(self) -> None:
        self.newConnectionButton.clicked.connect(lambda: self._edit_connection(""))
        self.editConnectionButton.clicked.connect(lambda: self._edit_connection(self.connectionCombo.currentText()))
        self.deleteConnectionButton.clicked.connect(self._delete_connection)
        self.addTilesetButton.clicked.connect(
            lambda: self._append_row(self.tilesetTable, [str(self.tilesetTable.rowCount()), "gs://"])
        )
        self.removeTilesetButton.clicked.connect(lambda: self._remove_selected(self.tilesetTable))
        self.tilesetTable.itemChanged.connect(lambda _item: self._refresh_mask_tilesets())
        self.readBandsButton.clicked.connect(self.read_bands)
        self.addBandButton.clicked.connect(
            lambda: self._append_row(self.bandTable, [f"b{self.bandTable.rowCount() + 1}", "0", "0", "", ""])
        )
        self.removeBandButton.clicked.connect(lambda: self._remove_selected(self.bandTable))
        self.bandUpButton.clicked.connect(lambda: self.move_band(-1))
        self.bandDownButton.clicked.connect(lambda: self.move_band(1))
        self.addPropertyButton.clicked.connect(lambda: self._append_row(self.propertyTable, ["", ""]))
        self.removePropertyButton.clicked.connect(lambda: self._remove_selected(self.propertyTable))
        self.importButton.clicked.connect(lambda: self.import_manifest())
        self.exportButton.clicked.connect(lambda: self.export_manifest())
        self.checkButton.clicked.connect(self.check)
        self.registerButton.clicked.connect(self.register)
        self.closeButton.clicked.connect(self.close)

    # ----- connections
    def _reload_connections(self, select: str = "") -> None:
        self.connectionCombo.clear()
        names = connection_names()
        self.connectionCombo.addItems(names)
        if environment_available():
            self.connectionCombo.addItem(tr(ENVIRONMENT))
        if select:
            self.connectionCombo.setCurrentText(select)
        has_saved = bool(names)
        self.editConnectionButton.setEnabled(has_saved)
        self.deleteConnectionButton.setEnabled(has_saved)

    def current_connection(self) -> Optional[EarthEngineConnection]:
        """The chosen saved connection; None for the environment (COGPORT_EE_TOKEN) or no choice."""
        name = self.connectionCombo.currentText()
        if not name or name == tr(ENVIRONMENT):
            return None
        return load_connection(name)

    def _edit_connection(self, name: str) -> None:
        dialog = EarthEngineConnectionDialog(self, name if name != tr(ENVIRONMENT) else "")
        if dialog.exec() and dialog.saved is not None:
            self._reload_connections(dialog.saved.name)

    def _delete_connection(self) -> None:
        name = self.connectionCombo.currentText()
        if (
            name
            and name != tr(ENVIRONMENT)
            and QMessageBox.question(
                self,
                self.tr("Delete connection"),
                self.tr("Delete the Earth Engine connection '{name}' and its saved secret?").format(name=name),
            )
            == QMessageBox.StandardButton.Yes
        ):
            delete_connection(name)
            self._reload_connections()

    def _client(self, project_hint: str) -> EarthEngineClient:
        """Resolves credentials here, on the main thread; the task only uses the result."""
        connection = self.current_connection()
        credentials = resolve_credentials(connection)
        if connection is None:
            connection = EarthEngineConnection(project=project_hint)
        remember(self.connectionCombo.currentText())
        return EarthEngineClient(connection, credentials)

    # ----- tables
    @staticmethod
    def _append_row(table: QTableWidget, values: Sequence[str]) -> int:
        row = table.rowCount()
        table.insertRow(row)
        for column, value in enumerate(values):
            table.setItem(row, column, QTableWidgetItem(value))
        return row

    @staticmethod
    def _remove_selected(table: QTableWidget) -> None:
        for row in sorted({index.row() for index in table.selectedIndexes()}, reverse=True):
            table.removeRow(row)

    @staticmethod
    def _cell(table: QTableWidget, row: int, column: int) -> str:
        item = table.item(row, column)
        return item.text().strip() if item is not None else ""

    def move_band(self, step: int) -> None:
        row = self.bandTable.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.bandTable.rowCount():
            return
        for column in range(self.bandTable.columnCount()):
            upper, lower = self.bandTable.takeItem(row, column), self.bandTable.takeItem(target, column)
            self.bandTable.setItem(target, column, upper)
            self.bandTable.setItem(row, column, lower)
        self.bandTable.setCurrentCell(target, self.bandTable.currentColumn())

    def _refresh_mask_tilesets(self) -> None:
        current = self.maskTilesetCombo.currentText()
        self.maskTilesetCombo.blockSignals(True)
        self.maskTilesetCombo.clear()
        self.maskTilesetCombo.addItem("")
        self.maskTilesetCombo.addItems(
            [self._cell(self.tilesetTable, row, 0) for row in range(self.tilesetTable.rowCount())]
        )
        self.maskTilesetCombo.setCurrentText(current)
        self.maskTilesetCombo.blockSignals(False)

    # ----- manifest <-> widgets
    def manifest(self) -> ImageManifest:
        project = ""
        connection = self.current_connection()
        if connection is not None:
            project = connection.project
        name = asset_name(project, self.assetEdit.text()) if self.assetEdit.text().strip() else ""
        tilesets = []
        for row in range(self.tilesetTable.rowCount()):
            tileset_id = self._cell(self.tilesetTable, row, 0)
            uris = tuple(u.strip() for u in self._cell(self.tilesetTable, row, 1).split("\n") if u.strip())
            imported = self._tilesets_as_imported.get(tileset_id)
            tilesets.append(
                Tileset(
                    tileset_id,
                    (uris,) if uris else (),
                    imported.extra if imported else {},
                    imported.source_extra if imported else (),
                )
            )
        bands = [self._band(row) for row in range(self.bandTable.rowCount())]
        masks = []
        if self.maskTilesetCombo.currentText():
            masks.append(
                MaskBand(
                    self.maskTilesetCombo.currentText(),
                    tuple(b.strip() for b in self.maskBandsEdit.text().split(",") if b.strip()),
                )
            )
        properties: Dict[str, Any] = {}
        for row in range(self.propertyTable.rowCount()):
            key = self._cell(self.propertyTable, row, 0)
            if key:
                properties[key] = _number_or_text(self._cell(self.propertyTable, row, 1))
        return ImageManifest(
            name=name,
            tilesets=tilesets,
            bands=bands,
            mask_bands=masks,
            properties=properties,
            start_time=normalise_time(self.startTimeEdit.text()),
            end_time=normalise_time(self.endTimeEdit.text()),
            uri_prefix=self.uriPrefixEdit.text().strip(),
            extra=dict(self._extra),
        )

    def _band(self, row: int) -> Band:
        band_id = self._cell(self.bandTable, row, 0)
        try:
            index = int(self._cell(self.bandTable, row, 2) or "0")
            missing_text = self._cell(self.bandTable, row, 3)
            missing = tuple(float(v) for v in missing_text.split(",") if v.strip()) if missing_text else None
        except ValueError:
            raise CogportError(
                self.tr(
                    "Band '{band}' (row {row}) has a band index or missing-data value that is not a number."
                ).format(band=band_id, row=row + 1),
                self.tr("the Band index (an integer from 0) and Missing data (comma-separated numbers) columns."),
            ) from None
        return Band(
            band_id, self._cell(self.bandTable, row, 1), index, missing, self._cell(self.bandTable, row, 4).upper()
        )

    def set_manifest(self, manifest: ImageManifest) -> None:
        self.assetEdit.setText(manifest.name)
        self.tilesetTable.setRowCount(0)
        self._tilesets_as_imported = {t.id: t for t in manifest.tilesets}
        for tileset in manifest.tilesets:
            self._append_row(self.tilesetTable, [tileset.id, "\n".join(u for uris in tileset.sources for u in uris)])
        self.set_bands(manifest.bands)
        self._refresh_mask_tilesets()
        mask = manifest.mask_bands[0] if manifest.mask_bands else None
        self.maskTilesetCombo.setCurrentText(mask.tileset_id if mask else "")
        self.maskBandsEdit.setText(", ".join(mask.band_ids) if mask else "")
        self.propertyTable.setRowCount(0)
        for key, value in manifest.properties.items():
            self._append_row(self.propertyTable, [key, str(value)])
        self.startTimeEdit.setText(manifest.start_time)
        self.endTimeEdit.setText(manifest.end_time)
        self.uriPrefixEdit.setText(manifest.uri_prefix)
        self._extra = dict(manifest.extra)

    def set_bands(self, bands: Sequence[Band]) -> None:
        self.bandTable.setRowCount(0)
        for band in bands:
            missing = "" if band.missing_data is None else ", ".join(_format_number(v) for v in band.missing_data)
            self._append_row(
                self.bandTable,
                [band.id, band.tileset_id, str(band.tileset_band_index), missing, band.pyramiding_policy],
            )

    # ----- actions
    def _start(self, description: str, work, on_done, on_error=None) -> None:
        def finish_ok(result) -> None:
            self._set_running(False)
            on_done(result)

        def finish_error(error: Exception) -> None:
            self._set_running(False)
            (on_error or self._show_error)(error)

        self._set_running(True)
        self.task = run_task(
            CoreTask(description, work, finish_ok, finish_error, on_cancelled=lambda: self._set_running(False))
        )

    def _set_running(self, running: bool) -> None:
        if not running:
            self.task = None
        for button in (self.checkButton, self.registerButton, self.readBandsButton, self.importButton):
            button.setEnabled(not running)
        if running:
            self.statusLabel.setText(self.tr("Working…"))

    def _show_error(self, error: Exception) -> None:
        if isinstance(error, PreflightError):
            self.show_findings(error.report)
        self.statusLabel.setText(error_html(user_message(error), self))

    def read_bands(self) -> None:
        uris = [
            self.uriPrefixEdit.text().strip() + self._cell(self.tilesetTable, row, 1).split("\n")[0]
            for row in range(self.tilesetTable.rowCount())
        ]
        ids = [self._cell(self.tilesetTable, row, 0) for row in range(self.tilesetTable.rowCount())]
        if not uris:
            self.statusLabel.setText(self.tr("Add at least one gs:// COG first."))
            return
        if not self._activate_storage(uris):
            return

        def work(progress: Progress) -> List[Band]:
            sources = []
            for index, uri in enumerate(uris):
                progress.raise_if_cancelled()
                sources.append(read_source_bands(uri))
                progress.report((index + 1) / len(uris))
            return default_bands(sources, ids)

        def done(bands: List[Band]) -> None:
            self.set_bands(bands)
            self.statusLabel.setText(
                self.tr("Read {bands} band(s) from {files} file(s).").format(bands=len(bands), files=len(uris))
            )

        self._start(self.tr("Read Earth Engine bands from the COGs"), work, done)

    def _activate_storage(self, uris: Sequence[str]) -> bool:
        """Storage connections give GDAL read access to the buckets before a task reads the files."""
        try:
            activate_storage(uris)
        except CogportError as error:
            self._show_error(error)
            return False
        return True

    def _options(self) -> PreflightOptions:
        return PreflightOptions(pin_generation=self.pinGenerationCheck.isChecked())

    def check(self) -> None:
        try:
            manifest = self.manifest()
        except CogportError as error:
            self._show_error(error)
            return
        if not self._activate_storage(manifest.source_uris()):
            return
        gcs = None
        try:
            gcs = self._client(manifest.project).gcs
        except CogportError as error:
            self.statusLabel.setText(escape(user_message(error)))
        options = self._options()
        self._start(
            self.tr("Check Earth Engine asset {asset}").format(asset=manifest.name),
            lambda progress: preflight(manifest, gcs, options, progress),
            self.show_findings,
        )

    def register(self) -> None:
        try:
            manifest = self.manifest()
            client = self._client(manifest.project)
            activate_storage(manifest.source_uris())
        except CogportError as error:
            self._show_error(error)
            return
        overwrite, options = self.overwriteCheck.isChecked(), self._options()
        if self.batchCheck.isChecked():
            self._register_each_file(manifest, client, overwrite, options)
            return

        def work(progress: Progress) -> RegistrationOutcome:
            return check_and_register(manifest, client=client, overwrite=overwrite, options=options, progress=progress)

        self._start(self.tr("Register Earth Engine asset {asset}").format(asset=manifest.name), work, self._registered)

    def _register_each_file(
        self, manifest: ImageManifest, client: EarthEngineClient, overwrite: bool, options: PreflightOptions
    ) -> None:
        uris = manifest.source_uris()

        def work(progress: Progress) -> List[BatchItem]:
            manifests = manifests_per_file(
                manifest.name,
                uris,
                properties=manifest.properties,
                start_time=manifest.start_time,
                end_time=manifest.end_time,
            )
            return register_batch(manifests, client=client, overwrite=overwrite, options=options, progress=progress)

        self._start(
            self.tr("Register {count} Earth Engine asset(s) under {asset}").format(
                count=len(uris), asset=manifest.name
            ),
            work,
            self._batch_done,
        )

    def _batch_done(self, items: List[BatchItem]) -> None:
        self.findingsTree.clear()
        lines = []
        for item in items:
            if item.error is not None:
                if isinstance(item.error, PreflightError):
                    self.findingsTree.add_findings(item.error.report.findings)
                lines.append(error_html(f"{item.asset}: {item.error.user_message}", self))
            else:
                url = item.outcome.result.code_editor_url
                lines.append(
                    self.tr("Registered <a href='{url}'>{asset}</a>").format(url=escape(url), asset=escape(item.asset))
                )
        registered = sum(1 for item in items if item.error is None)
        summary = self.tr("{registered} of {count} asset(s) registered.").format(
            registered=registered, count=len(items)
        )
        self.statusLabel.setText(summary + "<br>" + "<br>".join(lines))

    def _registered(self, outcome: RegistrationOutcome) -> None:
        self.last_outcome = outcome
        self.show_findings(outcome.report)
        result = outcome.result
        if result.overwritten:
            text = self.tr("Registered (overwriting) Earth Engine asset <b>{asset}</b>. {link}")
        else:
            text = self.tr("Registered Earth Engine asset <b>{asset}</b>. {link}")
        link = self.tr("<a href='{url}'>Open it in the Code Editor</a>").format(url=escape(result.code_editor_url))
        self.statusLabel.setText(text.format(asset=escape(result.asset), link=link))
        if self.iface is not None:
            self.iface.messageBar().pushSuccess("Cogport", result.message)

    def show_findings(self, report: PreflightReport) -> None:
        self.last_report = report
        self.findingsTree.clear()
        self.findingsTree.add_findings(report.findings)
        if report.ok:
            if report.findings:
                passed = self.tr("Checks passed for {asset} (see warnings).")
            else:
                passed = self.tr("Checks passed for {asset}.")

            self.statusLabel.setText(passed.format(asset=escape(report.manifest.name)))
        else:
            self.statusLabel.setText(
                error_html(
                    self.tr("{count} error(s) block registration: see the findings and their fixes.").format(
                        count=len(report.errors)
                    ),
                    self,
                )
            )

    def import_manifest(self, path: str = "") -> None:
        path = (
            path or QFileDialog.getOpenFileName(self, self.tr("Import manifest"), "", self.tr("Manifest (*.json)"))[0]
        )
        if not path:
            return
        try:
            with open(path, encoding="utf-8") as handle:
                self.set_manifest(ImageManifest.from_json(handle.read()))
        except (OSError, CogportError) as error:
            if isinstance(error, CogportError):
                message = user_message(error)
            else:
                message = self.tr("Could not read {path}: {error}").format(path=path, error=error)
            self.statusLabel.setText(escape(message))
            return
        self.statusLabel.setText(self.tr("Imported {file}.").format(file=escape(os.path.basename(path))))

    def export_manifest(self, path: str = "") -> None:
        path = (
            path or QFileDialog.getSaveFileName(self, self.tr("Export manifest"), "", self.tr("Manifest (*.json)"))[0]
        )
        if not path:
            return
        try:
            write_manifest(self.manifest(), path)
        except CogportError as error:
            self._show_error(error)
            return
        self.statusLabel.setText(
            self.tr("Exported {file} (for `earthengine upload external_image --manifest`).").format(
                file=escape(os.path.basename(path))
            )
        )


def _number_or_text(text: str) -> Any:
    """Numbers as written (12, -3.5, 1e3) become JSON numbers; anything else, incl. nan and 007, stays text."""
    if re.fullmatch(r"-?(0|[1-9]\d*)", text):
        return int(text)
    if re.fullmatch(r"-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?", text):
        return float(text)
    return text


def _format_number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(value)


def _as_uri(item: Union[str, ObjectLocation]) -> str:
    if isinstance(item, ObjectLocation):
        return item.uri
    if item.startswith("/vsigs/"):
        return parse_location(item).uri
    return item


_OPEN: List[EarthEngineDialog] = []


def open_earthengine_dialog(iface, gs_uris: Sequence[Union[str, ObjectLocation]] = ()) -> EarthEngineDialog:
    """Opens the editor with these COGs as tilesets (one each); for the menu and the bucket browser.

    Accepts gs:// URIs, /vsigs/ paths or ObjectLocations; other stores are shown as typed, and
    Check reports them (Earth Engine reads gs:// only).
    """
    dialog = EarthEngineDialog(iface, [_as_uri(item) for item in gs_uris])
    _OPEN.append(dialog)
    dialog.finished.connect(lambda _code: _OPEN.remove(dialog) if dialog in _OPEN else None)
    dialog.show()
    return dialog
