"""The "Convert to COG" dialog: layers, files or a folder, a profile and overrides, run as one QgsTask."""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import List, Optional, Sequence

from qgis.core import Qgis, QgsProject, QgsRasterLayer
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QDialog, QFileDialog, QListWidgetItem, QWidget

from ...core.cog.batch import BatchResult, convert_batch, list_rasters
from ...core.cog.convert import RESAMPLINGS, ConversionOptions, available_compressions
from ...core.cog.profiles import PROFILE_NAMES, PROFILES
from ...core.errors import ConversionError
from ...core.progress import Progress
from ..common.layer_sources import layer_file_path
from ..common.resources import load_ui
from ..common.tasks import CoreTask, run_task, user_message

FORM_CLASS = load_ui("convert_dialog")
_DIALOG: Optional[ConvertDialog] = None


class ConvertDialog(QDialog, FORM_CLASS):
    def __init__(self, iface, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent or (iface.mainWindow() if iface is not None else None))
        self.setupUi(self)
        self.iface = iface
        self.task: Optional[CoreTask] = None
        self.last_result: Optional[BatchResult] = None
        for name in PROFILE_NAMES:
            self.profileCombo.addItem(PROFILES[name].title, name)
        self.resamplingCombo.addItem("Profile default", None)
        for method in RESAMPLINGS:
            self.resamplingCombo.addItem(method.title(), method)
        self.profileCombo.currentIndexChanged.connect(self._show_profile)
        self.addLayersButton.clicked.connect(self.add_map_layers)
        self.addFilesButton.clicked.connect(self._choose_files)
        self.addFolderButton.clicked.connect(self._choose_folder)
        self.removeButton.clicked.connect(self._remove_selected)
        self.browseButton.clicked.connect(self._choose_destination)
        self.convertButton.clicked.connect(self._convert_or_cancel)
        self.closeButton.clicked.connect(self.close)
        self._show_profile()

    # --- what the person chose ---

    @property
    def profile(self) -> str:
        return self.profileCombo.currentData()

    def set_profile(self, name: str) -> None:
        index = self.profileCombo.findData(name)
        if index >= 0:
            self.profileCombo.setCurrentIndex(index)

    def sources(self) -> List[str]:
        items = (self.sourceList.item(row) for row in range(self.sourceList.count()))
        return [item.data(Qt.ItemDataRole.UserRole) for item in items if item.checkState() == Qt.CheckState.Checked]

    def set_sources(self, paths: Sequence[str]) -> None:
        self.sourceList.clear()
        self.add_sources(paths)

    def add_sources(self, paths: Sequence[str]) -> None:
        present = {self.sourceList.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.sourceList.count())}
        for path in paths:
            if path in present:
                continue
            item = QListWidgetItem(path)
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.sourceList.addItem(item)
            present.add(path)
        if not self.destinationEdit.text() and paths and not paths[0].startswith("/vsi"):
            self.destinationEdit.setText(str(Path(paths[0]).parent / "cog"))

    def add_map_layers(self) -> None:
        layers = QgsProject.instance().mapLayers().values()
        self.add_sources(
            [
                layer_file_path(layer)
                for layer in layers
                if isinstance(layer, QgsRasterLayer) and layer.providerType() == "gdal"
            ]
        )

    def options(self) -> ConversionOptions:
        """The overrides as core options; raises ConversionError naming a field that cannot be read."""
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
                raise ConversionError(f"The nodata value '{nodata}' is not a number.", "the Nodata field.") from None
            if math.isinf(options.nodata):
                raise ConversionError("The nodata value must be finite or nan.", "the Nodata field.")
        bands = self.bandsEdit.text().replace(" ", "")
        if bands:
            try:
                options.bands = [int(part) for part in bands.split(",") if part]
            except ValueError:
                raise ConversionError(
                    f"The band list '{bands}' is not valid.",
                    "the Bands field: band numbers separated by commas, e.g. 4,3,2.",
                ) from None
        return options

    # --- running ---

    def _convert_or_cancel(self) -> None:
        if self.task is not None:
            self.task.cancel_if_running()
            return
        self.start()

    def start(self) -> Optional[CoreTask]:
        """Starts the conversion task, or says in the dialog what is missing."""
        sources, destination = self.sources(), self.destinationEdit.text().strip()
        if not sources:
            self.statusLabel.setText("Add and check at least one raster to convert.")
            return None
        if not destination:
            self.statusLabel.setText("Choose a destination folder.")
            return None
        try:
            options = self.options()
            os.makedirs(destination, exist_ok=True)
        except ConversionError as exc:
            self.statusLabel.setText(exc.user_message)
            return None
        except OSError as exc:
            self.statusLabel.setText(
                f"The destination folder could not be created ({exc.strerror}). Check the path and your permissions."
            )
            return None
        profile, pattern = self.profile, self.patternEdit.text().strip() or "{stem}.tif"

        def work(progress: Progress) -> BatchResult:
            return convert_batch(sources, destination, profile, options, pattern, progress)

        count = "1 raster" if len(sources) == 1 else f"{len(sources)} rasters"
        self.task = CoreTask(
            f"Converting {count} to COG ({profile})", work, self._finished, self._failed, on_cancelled=self._cancelled
        )
        run_task(self.task)
        self.convertButton.setText("Cancel")
        self.statusLabel.setText(f"Converting {count}… Progress is shown in the task manager.")
        return self.task

    def _finished(self, result: BatchResult) -> None:
        self._reset()
        self.last_result = result
        lines = [f"Converted {len(result.succeeded)} of {len(result.items)} rasters."]
        lines += [f"{Path(item.source).name}: {user_message(item.error)}" for item in result.failed]
        for note in {note for item in result.succeeded for note in item.result.notes}:
            lines.append(note)
        self.statusLabel.setText("\n".join(lines))
        if self.addToMapCheck.isChecked():
            for path in result.outputs:
                layer = QgsRasterLayer(path, Path(path).stem)
                if layer.isValid():
                    QgsProject.instance().addMapLayer(layer)
        if self.iface is not None:
            level = Qgis.MessageLevel.Success if not result.failed else Qgis.MessageLevel.Warning
            self.iface.messageBar().pushMessage("Cogport", lines[0], level=level)

    def _failed(self, error: Exception) -> None:
        self._reset()
        self.statusLabel.setText(user_message(error))

    def _cancelled(self) -> None:
        self._reset()
        self.statusLabel.setText(
            "Conversion cancelled. Files finished before the cancel were kept; no partial file was left."
        )

    def _reset(self) -> None:
        self.task = None
        self.convertButton.setText("Convert")

    # --- pickers ---

    def _show_profile(self) -> None:
        """The description, and overrides limited to what the profile's target accepts."""
        profile = PROFILES[self.profile]
        self.profileDescription.setText(profile.description)
        codecs = [codec for codec in sorted(available_compressions()) if profile.compression.accepts(codec)]
        _refill(self.compressCombo, [("Profile default", None)] + [(codec, codec) for codec in codecs])
        sizes = profile.tiles.offered()
        _refill(self.blockSizeCombo, [("Profile default", 0)] + [(f"{size} × {size}", size) for size in sizes])

    def _choose_files(self) -> None:
        files, _filter = QFileDialog.getOpenFileNames(self, "Choose rasters to convert")
        self.add_sources(files)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Choose a folder of rasters")
        if folder:
            try:
                self.add_sources(list_rasters(folder))
            except ConversionError as exc:
                self.statusLabel.setText(exc.user_message)

    def _choose_destination(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Choose the destination folder", self.destinationEdit.text())
        if folder:
            self.destinationEdit.setText(folder)

    def _remove_selected(self) -> None:
        for item in self.sourceList.selectedItems():
            self.sourceList.takeItem(self.sourceList.row(item))


def _refill(combo, items) -> None:
    """Replaces a combo's (label, data) items, keeping the current choice when it is still offered."""
    current = combo.currentData()
    combo.clear()
    for label, data in items:
        combo.addItem(label, data)
    combo.setCurrentIndex(max(0, combo.findData(current)))


def open_convert_dialog(iface, paths: Optional[Sequence[str]] = None, profile: Optional[str] = None) -> ConvertDialog:
    """Shows the (single, non-modal) Convert dialog, prefilled with `paths` and `profile` when given.

    For the menu, the validation dialog's "Fix by converting" and the bucket browser.
    `paths` are local files or /vsi… paths GDAL can read.
    """
    global _DIALOG
    if _DIALOG is None:
        _DIALOG = ConvertDialog(iface)
    if paths:
        _DIALOG.set_sources([str(getattr(path, "vsi_path", path)) for path in paths])
    if profile:
        _DIALOG.set_profile(profile)
    _DIALOG.show()
    _DIALOG.raise_()
    _DIALOG.activateWindow()
    return _DIALOG


def close_convert_dialog() -> None:
    """Called from unload(): a running conversion is cancelled (its partial files are removed)."""
    global _DIALOG
    if _DIALOG is not None:
        if _DIALOG.task is not None:
            _DIALOG.task.cancel_if_running()
        _DIALOG.close()
        _DIALOG.deleteLater()
        _DIALOG = None
