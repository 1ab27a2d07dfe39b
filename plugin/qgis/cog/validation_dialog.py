"""The "Validate COG" results dialog: findings per file with severity icons and fixes, run in a QgsTask."""

from __future__ import annotations

import os
from typing import Callable, List, Optional, Sequence, Tuple, Union

from qgis.core import Qgis, QgsApplication, QgsMapLayerType, QgsRasterLayer
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction, QDialog, QFileDialog, QWidget

from ...core.cog.validate import ValidationReport, validate_cog
from ...core.errors import CancelledError
from ...core.i18n import number
from ...core.progress import Progress
from ...core.storage.uri import to_vsi_path
from ..common.colours import show_message
from ..common.findings_view import FindingsView
from ..common.i18n import tr
from ..common.layer_sources import layer_file_path
from ..common.resources import icon_path, load_ui
from ..common.tasks import CoreTask, run_task, user_message
from .convert_dialog import ConvertDialog, is_bucket_object, open_convert_dialog
from .profile_choice import fill_profile_combo

FORM_CLASS = load_ui("validation_dialog")
Outcome = Tuple[str, Union[ValidationReport, Exception]]


def validate_many(paths: Sequence[str], profile: str, progress: Progress) -> List[Outcome]:
    """Validates each path; a failure on one path is kept as its outcome, not raised."""
    outcomes: List[Outcome] = []
    for index, path in enumerate(paths):
        progress.raise_if_cancelled()
        try:
            outcomes.append((path, validate_cog(path, profile)))
        except Exception as exc:  # noqa: BLE001 - shown on that file's row; the others still run
            outcomes.append((path, exc))
        progress.report((index + 1) / len(paths))
    return outcomes


class ValidationDialog(QDialog, FORM_CLASS):
    def __init__(
        self, iface, paths: Sequence[str] = (), profile: str = "generic", parent: Optional[QWidget] = None
    ) -> None:
        super().__init__(parent or (iface.mainWindow() if iface is not None else None))
        self.setupUi(self)
        self.iface = iface
        self.task: Optional[CoreTask] = None
        self.outcomes: List[Outcome] = []
        self._generation = 0
        fill_profile_combo(self.profileCombo, profile)
        self.pathEdit.setText("; ".join(paths))
        self.findingsTree = FindingsView.replacing(self.findingsTree)
        self.browseButton.setIcon(QgsApplication.getThemeIcon("mActionFileOpen.svg"))
        self.browseButton.clicked.connect(self._browse)
        self.validateButton.clicked.connect(self.validate)
        self.pathEdit.returnPressed.connect(self.validate)
        self.profileCombo.currentIndexChanged.connect(lambda _index: self.validate())
        self.buttonBox.rejected.connect(self.reject)
        self._init_fix_button()
        self._update_fix_button()
        if paths:
            self.validate()

    @property
    def profile(self) -> str:
        return self.profileCombo.currentData()

    @property
    def paths(self) -> List[str]:
        return [part.strip() for part in self.pathEdit.text().split(";") if part.strip()]

    def validate(self) -> None:
        """(Re)validates every path with the current profile in a background task."""
        paths, profile = self.paths, self.profile
        if not paths:
            self.statusLabel.setText(self.tr("Enter a file path or URI to validate."))
            return
        self._cancel_running()
        self._generation += 1
        generation = self._generation
        self.findingsTree.clear()
        self.outcomes = []
        self._update_fix_button()
        self.statusLabel.setText(
            self.tr("Validating {count} file(s) for the '{profile}' profile…").format(count=len(paths), profile=profile)
        )
        self.task = run_task(
            CoreTask(
                self.tr("Validate COG ({profile})").format(profile=profile),
                lambda progress: validate_many(paths, profile, progress),
                on_done=lambda outcomes: self._show(generation, outcomes),
                on_error=lambda error: self._failed(generation, error),
            )
        )

    def _cancel_running(self) -> None:
        if self.task is not None:
            self.task.cancel_if_running()
            self.task = None

    def _failed(self, generation: int, error: Exception) -> None:
        if generation == self._generation and not isinstance(error, CancelledError):
            self.statusLabel.setText(user_message(error))

    def _show(self, generation: int, outcomes: List[Outcome]) -> None:
        if generation != self._generation:
            return  # the profile or paths changed while this ran
        self.task = None
        self.outcomes = outcomes
        self.findingsTree.clear()
        valid = failed = 0
        for path, outcome in outcomes:
            if isinstance(outcome, Exception):
                failed += 1
                self.findingsTree.add_file(path, user_message(outcome), ok=False)
                continue
            valid += outcome.valid
            verdict = (
                self.tr("Valid COG for '{profile}': {errors} error(s), {warnings} warning(s)")
                if outcome.valid
                else self.tr("Not a valid COG for '{profile}': {errors} error(s), {warnings} warning(s)")
            ).format(profile=outcome.profile, errors=len(outcome.errors), warnings=len(outcome.warnings))
            details = self.tr("{count} header bytes read").format(count=number(outcome.bytes_read))
            row = self.findingsTree.add_file(path, verdict, outcome.valid, details)
            self.findingsTree.add_findings(outcome.findings, row)
        self.findingsTree.fit_columns()
        summary = self.tr("{valid} of {total} file(s) are valid COGs for the '{profile}' profile.").format(
            valid=valid, total=len(outcomes), profile=self.profile
        )
        if failed:
            summary += " " + self.tr("{failed} could not be read.").format(failed=failed)
        self.statusLabel.setText(summary)
        self._update_fix_button()

    def invalid_paths(self) -> List[str]:
        """The files with errors that converting with the profile removes (the ones "Fix by converting" queues)."""
        return [path for path, report in self._invalid_reports() if not report.errors_conversion_keeps]

    def _invalid_reports(self) -> List[Tuple[str, ValidationReport]]:
        return [
            (path, outcome)
            for path, outcome in self.outcomes
            if isinstance(outcome, ValidationReport) and not outcome.valid
        ]

    def _init_fix_button(self) -> None:
        self.fixButton.setIcon(QgsApplication.getThemeIcon("mActionRefresh.svg"))
        self.fixButton.clicked.connect(self.fix_by_converting)

    def fix_by_converting(self) -> Optional[ConvertDialog]:
        """Opens the conversion for the files it can fix, with the profile they were validated for.

        The dialog says which files were left out (their errors survive a conversion) and that bucket
        objects become local copies, with the offer to upload them back.
        """
        paths = [to_vsi_path(path) for path in self.invalid_paths()]
        if not paths:
            show_message(self.statusLabel, self._fix_notice(paths), error=True)
            return None
        return open_convert_dialog(self.iface, paths, self.profile, self._fix_notice(paths))

    def _fix_notice(self, paths: Sequence[str]) -> str:
        lines = []
        kept = [(path, report) for path, report in self._invalid_reports() if report.errors_conversion_keeps]
        if kept:
            lines.append(self.tr("Not queued: converting cannot fix these files."))
            for path, report in kept:
                finding = report.errors_conversion_keeps[0]
                lines.append(f"• {os.path.basename(path)} — {finding.code}: {finding.fix}")
        remote = [path for path in paths if is_bucket_object(path)]
        if remote:
            lines.append(
                self.tr(
                    "{count} bucket object(s) will be converted into local copies in the destination folder. "
                    "Tick “Upload the converted copies…” below to put them back in their bucket."
                ).format(count=len(remote))
            )
        return "\n".join(lines)

    def _update_fix_button(self) -> None:
        self.fixButton.setEnabled(bool(self._invalid_reports()))

    def _browse(self) -> None:
        files, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Choose TIFF files"), "", self.tr("TIFF files (*.tif *.tiff)")
        )
        if files:
            self.pathEdit.setText("; ".join(files))
            self.validate()

    def done(self, result: int) -> None:
        self._generation += 1  # late results must not touch a closed dialog
        self._cancel_running()
        super().done(result)


def open_validation_dialog(iface, paths_or_uris: Sequence = (), profile: str = "generic") -> ValidationDialog:
    """Opens the dialog (non-modal) and starts validating; for the layer menu, bucket browser and Browser panel.

    Items are local paths, /vsi…/ paths, s3:// gs:// swift:// URIs, or ObjectLocations (shown by their URI).
    """
    dialog = ValidationDialog(iface, [str(getattr(item, "uri", item)) for item in paths_or_uris], profile)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def install_layer_action(iface) -> Callable[[], None]:
    """Adds "Validate COG" to raster layers' context menu in the Layers panel; returns the undo."""
    action = QAction(QIcon(icon_path("cogport.svg")), tr("Validate COG"), iface.mainWindow())

    def validate_active_layer() -> None:
        layer = iface.activeLayer()
        if isinstance(layer, QgsRasterLayer) and layer.providerType() == "gdal":
            open_validation_dialog(iface, [layer_file_path(layer)])
        elif layer is not None:
            iface.messageBar().pushWarning(
                "Cogport",
                tr("'{layer}' is not a GDAL raster file layer; only TIFF files and objects can be validated.").format(
                    layer=layer.name()
                ),
            )

    action.triggered.connect(validate_active_layer)
    raster = Qgis.LayerType.Raster if hasattr(Qgis, "LayerType") else QgsMapLayerType.RasterLayer
    iface.addCustomActionForLayerType(action, "", raster, True)

    def remove() -> None:
        iface.removeCustomActionForLayerType(action)

    remove.action = action  # type: ignore[attr-defined]  # reachable for tests
    return remove
