"""The "Convert to COG" dialog: layers, files or a folder, a profile and overrides, run as one QgsTask."""

from __future__ import annotations

import math
import os
from collections import defaultdict
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

from qgis.core import Qgis, QgsProject, QgsRasterLayer
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QDialog,
    QFileDialog,
    QHeaderView,
    QTreeWidgetItem,
    QWidget,
)

from ...core.cog.batch import BatchResult, convert_batch, list_rasters
from ...core.cog.convert import RESAMPLINGS, ConversionOptions, available_compressions
from ...core.cog.profiles import PROFILES
from ...core.errors import ConversionError
from ...core.progress import Progress
from ...core.storage.uri import ObjectLocation, parse_location
from ..common.colours import show_message
from ..common.i18n import tr
from ..common.layer_sources import layer_file_path
from ..common.progress_column import PERCENT_ROLE, ProgressDelegate
from ..common.resources import load_ui
from ..common.tasks import CoreTask, run_task, user_message
from ..common.wrapped_rows import wrap_rows
from ..publish.upload_flow import PublishRun, ask_with_message_box, upload_files
from ..storage.connections import ConnectionStore
from .profile_choice import fill_profile_combo

FORM_CLASS = load_ui("convert_dialog")
SOURCE, PROGRESS, RESULT = range(3)
_DIALOGS: List[ConvertDialog] = []  # open dialogs, and closed ones whose conversion still runs


def is_bucket_object(path: str) -> bool:
    return path.startswith(("/vsis3/", "/vsigs/", "/vsiswift/"))


class ConvertDialog(QDialog, FORM_CLASS):
    def __init__(self, iface, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent or (iface.mainWindow() if iface is not None else None))
        self.setupUi(self)
        self.iface = iface
        self.ask = ask_with_message_box  # how an upload back asks about objects that already exist
        self.task: Optional[CoreTask] = None
        self.last_result: Optional[BatchResult] = None
        self.upload_runs: List[PublishRun] = []  # uploads back to the bucket, once a conversion ends
        self._rows: List[QTreeWidgetItem] = []  # the rows being converted, in the order given to the batch
        fill_profile_combo(self.profileCombo)
        self.resamplingCombo.addItem(self.tr("Profile default"), None)
        for method in RESAMPLINGS:
            self.resamplingCombo.addItem(method.title(), method)
        header = self.sourceList.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(SOURCE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(PROGRESS, QHeaderView.ResizeMode.Fixed)
        self.sourceList.setColumnWidth(SOURCE, 280)
        self.sourceList.setColumnWidth(PROGRESS, 90)
        wrap_rows(self.sourceList, one_line=(SOURCE,))  # paths keep their file names; results wrap
        self.sourceList.setItemDelegateForColumn(PROGRESS, ProgressDelegate(self.sourceList))
        self.profileCombo.currentIndexChanged.connect(self._show_profile)
        self.addLayersButton.clicked.connect(self.add_map_layers)
        self.addFilesButton.clicked.connect(self._choose_files)
        self.addFolderButton.clicked.connect(self._choose_folder)
        self.removeButton.clicked.connect(self._remove_selected)
        self.browseButton.clicked.connect(self._choose_destination)
        self.convertButton.clicked.connect(self._convert_or_cancel)
        self.closeButton.clicked.connect(self.close)
        self.finished.connect(lambda _result: self._closed())
        self._show_profile()

    # --- what the person chose ---

    @property
    def profile(self) -> str:
        return self.profileCombo.currentData()

    def set_profile(self, name: str) -> None:
        index = self.profileCombo.findData(name)
        if index >= 0:
            self.profileCombo.setCurrentIndex(index)

    def _items(self) -> List[QTreeWidgetItem]:
        return [self.sourceList.topLevelItem(row) for row in range(self.sourceList.topLevelItemCount())]

    def sources(self) -> List[str]:
        return [
            item.data(SOURCE, Qt.ItemDataRole.UserRole)
            for item in self._items()
            if item.checkState(SOURCE) == Qt.CheckState.Checked
        ]

    def set_sources(self, paths: Sequence[str]) -> None:
        self.sourceList.clear()
        self.add_sources(paths)

    def add_sources(self, paths: Sequence[str]) -> None:
        present = {item.data(SOURCE, Qt.ItemDataRole.UserRole) for item in self._items()}
        for path in paths:
            if path in present:
                continue
            item = QTreeWidgetItem(self.sourceList)
            item.setText(SOURCE, path)
            item.setToolTip(SOURCE, path)
            item.setData(SOURCE, Qt.ItemDataRole.UserRole, path)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(SOURCE, Qt.CheckState.Checked)
            present.add(path)
        if not self.destinationEdit.text() and paths and not is_bucket_object(paths[0]):
            self.destinationEdit.setText(str(Path(paths[0]).parent / "cog"))
        self.uploadBackCheck.setVisible(any(is_bucket_object(path) for path in present))

    def add_map_layers(self) -> None:
        layers = QgsProject.instance().mapLayers().values()
        self.add_sources(
            [
                layer_file_path(layer)
                for layer in layers
                if isinstance(layer, QgsRasterLayer) and layer.providerType() == "gdal"
            ]
        )

    def show_notice(self, text: str) -> None:
        """A note above the rasters, e.g. which files "Fix by converting" left out and why."""
        self.noticeLabel.setText(text)
        self.noticeLabel.setVisible(bool(text))

    def options(self) -> ConversionOptions:
        """The overrides as core options; raises _FieldError naming the field that cannot be read."""
        options = ConversionOptions(split_bands=self.splitBandsCheck.isChecked())
        if not self.overridesGroup.isChecked():
            return options
        options.compress = self.compressCombo.currentData()
        options.level = self.levelSpin.value() or None
        options.block_size = self.blockSizeCombo.currentData() or None
        options.resampling = self.resamplingCombo.currentData()
        nodata = self.nodataEdit.text().strip()
        if nodata:
            try:
                options.nodata = float(nodata)
            except ValueError:
                raise _FieldError(
                    self.nodataEdit, self.tr("The nodata value '{value}' is not a number.").format(value=nodata)
                ) from None
            if math.isinf(options.nodata):
                raise _FieldError(self.nodataEdit, self.tr("The nodata value must be finite or nan."))
        bands = self.bandsEdit.text().replace(" ", "")
        if bands:
            try:
                options.bands = [int(part) for part in bands.split(",") if part]
            except ValueError:
                raise _FieldError(
                    self.bandsEdit,
                    self.tr(
                        "The band list '{value}' is not valid: give band numbers separated by commas, e.g. 4,3,2."
                    ).format(value=bands),
                ) from None
        return options

    # --- running ---

    def _convert_or_cancel(self) -> None:
        if self.task is not None:
            self.task.cancel_if_running()
            return
        self.start()

    def _refuse(self, text: str, field: Optional[QWidget] = None) -> None:
        show_message(self.statusLabel, text, error=True)
        if field is not None:
            field.setFocus()

    def start(self) -> Optional[CoreTask]:
        """Starts the conversion task, or says in the dialog what is missing."""
        sources, destination = self.sources(), self.destinationEdit.text().strip()
        if not sources:
            self._refuse(self.tr("Add and check at least one raster to convert."), self.sourceList)
            return None
        if not destination:
            self._refuse(self.tr("Choose a destination folder for the COGs."), self.destinationEdit)
            return None
        try:
            options = self.options()
            os.makedirs(destination, exist_ok=True)
        except _FieldError as exc:
            self._refuse(exc.text, exc.field)
            return None
        except OSError as exc:
            self._refuse(
                self.tr(
                    "The destination folder could not be created ({reason}). Check the path and your permissions."
                ).format(reason=exc.strerror),
                self.destinationEdit,
            )
            return None
        profile, pattern = self.profile, self.patternEdit.text().strip() or "{stem}.tif"

        def work(progress: Progress) -> BatchResult:
            return convert_batch(sources, destination, profile, options, pattern, progress)

        self._rows = [item for item in self._items() if item.checkState(SOURCE) == Qt.CheckState.Checked]
        for item in self._items():
            queued = item in self._rows
            item.setData(PROGRESS, PERCENT_ROLE, 0 if queued else None)
            item.setText(RESULT, self.tr("waiting") if queued else "")
            item.setToolTip(RESULT, "")
        count = self.tr("{count} raster(s)").format(count=len(sources))
        self.task = CoreTask(
            self.tr("Converting {count} to COG ({profile})").format(count=count, profile=profile),
            work,
            self._finished,
            self._failed,
            on_cancelled=self._cancelled,
        )
        self.task.progressChanged.connect(lambda value: self.overallProgress.setValue(int(value)))
        self.task.itemProgressChanged.connect(self._file_progress)
        run_task(self.task)
        self.overallProgress.setValue(0)
        self.overallProgress.show()
        self.convertButton.setText(self.tr("Cancel"))
        show_message(self.statusLabel, self.tr("Converting {count}…").format(count=count))
        return self.task

    def _file_progress(self, index: int, percent: float) -> None:
        if 0 <= index < len(self._rows) and _alive(self._rows[index]):
            row = self._rows[index]
            row.setData(PROGRESS, PERCENT_ROLE, int(percent))
            if row.text(RESULT) == self.tr("waiting"):
                row.setText(RESULT, self.tr("converting"))

    def _finished(self, result: BatchResult) -> None:
        self._reset()
        self.last_result = result
        for row, item in zip(self._rows, result.items):
            row.setData(PROGRESS, PERCENT_ROLE, 100)
            if item.ok:
                text = " ".join([self.tr("✔ converted."), *item.result.notes])
                row.setToolTip(RESULT, "\n".join(item.result.outputs))
            else:
                text = self.tr("✘ {reason}").format(reason=user_message(item.error))
                row.setToolTip(RESULT, text)
            row.setText(RESULT, text)
        summary = self.tr("Converted {done} of {total} rasters.").format(
            done=len(result.succeeded), total=len(result.items)
        )
        show_message(self.statusLabel, summary, error=bool(result.failed))
        if self.addToMapCheck.isChecked():
            for path in result.outputs:
                layer = QgsRasterLayer(path, Path(path).stem)
                if layer.isValid():
                    QgsProject.instance().addMapLayer(layer)
        if self.iface is not None:
            level = Qgis.MessageLevel.Success if not result.failed else Qgis.MessageLevel.Warning
            self.iface.messageBar().pushMessage("Cogport", summary, level=level)
        if self.uploadBackCheck.isVisible() and self.uploadBackCheck.isChecked():
            self.upload_back(result)
        self._forget_if_closed()

    def upload_back(self, result: BatchResult) -> None:
        """Uploads each converted bucket object into the bucket folder it came from, asking before replacing."""
        store = ConnectionStore()
        folders: Dict[Tuple[str, ObjectLocation], List[str]] = defaultdict(list)
        unknown = []
        for item in result.succeeded:
            if not is_bucket_object(item.source):
                continue
            source = parse_location(item.source)
            connection = store.connection_for(source)
            if connection is None:
                unknown.append(source.uri)
                continue
            folders[(connection.name, source.parent)] += item.result.outputs
        for (connection_name, folder), outputs in folders.items():
            run = upload_files(self.iface, connection_name, folder, outputs, self.profile, ask=self.ask)
            if run is not None:
                self.upload_runs.append(run)
        lines = [self.statusLabel.text()]
        if folders:
            lines.append(
                self.tr("Uploading the converted copies back to {folders}; the message bar reports the result.").format(
                    folders=", ".join(folder.uri for _name, folder in folders)
                )
            )
        if unknown:
            lines.append(
                self.tr("No saved connection opens {objects}: upload those copies from the Publish dock.").format(
                    objects=", ".join(unknown)
                )
            )
        show_message(self.statusLabel, "\n".join(lines), error=bool(unknown or result.failed))

    def _failed(self, error: Exception) -> None:
        self._reset()
        self._end_rows(self.tr("not converted"))
        show_message(self.statusLabel, user_message(error), error=True)
        self._forget_if_closed()

    def _cancelled(self) -> None:
        self._reset()
        self._end_rows(self.tr("cancelled"))
        show_message(
            self.statusLabel,
            self.tr("Conversion cancelled. Files finished before the cancel were kept; no partial file was left."),
        )
        self._forget_if_closed()

    def _end_rows(self, text: str) -> None:
        for row in self._rows:
            if row.data(PROGRESS, PERCENT_ROLE) != 100:
                row.setData(PROGRESS, PERCENT_ROLE, None)
                row.setText(RESULT, text)

    def _reset(self) -> None:
        self.task = None
        self.convertButton.setText(self.tr("Convert"))

    # --- lifetime: a fresh dialog per opening, kept until its conversion ends ---

    def _closed(self) -> None:
        if self.task is None:
            _forget(self)

    def _forget_if_closed(self) -> None:
        if not self.isVisible():
            _forget(self)

    # --- pickers ---

    def _show_profile(self) -> None:
        """The description, and overrides limited to what the profile's target accepts."""
        profile = PROFILES[self.profile]
        self.profileDescription.setText(tr(profile.description))
        codecs = [codec for codec in sorted(available_compressions()) if profile.compression.accepts(codec)]
        _refill(self.compressCombo, [(self.tr("Profile default"), None)] + [(codec, codec) for codec in codecs])
        sizes = profile.tiles.offered()
        default = self.tr("Profile default")
        _refill(self.blockSizeCombo, [(default, 0)] + [(f"{size} × {size}", size) for size in sizes])

    def _choose_files(self) -> None:
        files, _filter = QFileDialog.getOpenFileNames(self, self.tr("Choose rasters to convert"))
        self.add_sources(files)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder of rasters"))
        if folder:
            try:
                self.add_sources(list_rasters(folder))
            except ConversionError as exc:
                self._refuse(exc.user_message)

    def _choose_destination(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the destination folder"), self.destinationEdit.text()
        )
        if folder:
            self.destinationEdit.setText(folder)

    def _remove_selected(self) -> None:
        for item in self.sourceList.selectedItems():
            self.sourceList.takeTopLevelItem(self.sourceList.indexOfTopLevelItem(item))


def _refill(combo, items) -> None:
    """Replaces a combo's (label, data) items, keeping the current choice when it is still offered."""
    current = combo.currentData()
    combo.clear()
    for label, data in items:
        combo.addItem(label, data)
    combo.setCurrentIndex(max(0, combo.findData(current)))


class _FieldError(Exception):
    """A field of the form that cannot be read: the sentence to show, and the field to focus."""

    def __init__(self, field: QWidget, text: str) -> None:
        super().__init__(text)
        self.field = field
        self.text = text


def _alive(item: QTreeWidgetItem) -> bool:
    """False once the row was removed from the list (Qt deleted it)."""
    try:
        return item.treeWidget() is not None
    except RuntimeError:
        return False


def _forget(dialog: ConvertDialog) -> None:
    if dialog in _DIALOGS:
        _DIALOGS.remove(dialog)
    dialog.deleteLater()


def open_convert_dialog(
    iface, paths: Optional[Sequence[str]] = None, profile: Optional[str] = None, notice: str = ""
) -> ConvertDialog:
    """Opens a fresh, non-modal Convert dialog, prefilled with `paths`, `profile` and a `notice` when given.

    For the menu, the validation dialog's "Fix by converting" and the bucket browser.
    `paths` are local files or /vsi… paths GDAL can read.
    """
    dialog = ConvertDialog(iface)
    _DIALOGS.append(dialog)
    if paths:
        dialog.set_sources([str(getattr(path, "vsi_path", path)) for path in paths])
    if profile:
        dialog.set_profile(profile)
    dialog.show_notice(notice)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


def close_convert_dialog() -> None:
    """Called from unload(): running conversions are cancelled (their partial files are removed).

    A dialog with a running conversion goes once the cancel has been reported to it.
    """
    while _DIALOGS:
        dialog = _DIALOGS.pop()
        dialog.hide()
        if dialog.task is not None:
            dialog.task.cancel_if_running()
        else:
            dialog.deleteLater()
