"""ByocRegisterDialog: group bucket objects into tiles, check them, and register them in a BYOC collection."""

from __future__ import annotations

from dataclasses import dataclass
from typing import List, Optional, Sequence

from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import QDialog, QWidget

from ...core.errors import CogportError
from ...core.progress import Progress
from ...core.services.byoc import FAILED, ByocClient, Collection, RegistrationSummary, register_tiles
from ...core.services.byoc_tiles import (
    BAND,
    Preflight,
    TileGroup,
    band_file_key,
    bands_for_tile,
    check_band_files,
    check_tile_path,
    expand_selection,
    group_tiles,
    parse_sensing_time,
    preflight,
    tile_specs,
)
from ..common.resources import load_ui
from ..common.tasks import CoreTask, run_task, user_message

FORM = load_ui("byoc_register_dialog")


@dataclass
class RegistrationRun:
    tiles: List[TileGroup]
    problems: List[str]
    checks: Optional[Preflight] = None
    summary: Optional[RegistrationSummary] = None
    bands_configured: Sequence[str] = ()


class ByocRegisterDialog(QDialog, FORM):
    registered = pyqtSignal(object)  # RegistrationSummary, once a run has sent its requests

    def __init__(
        self,
        client: ByocClient,
        collection: Collection,
        bucket_uri: str = "",
        entries: Sequence[str] = (),
        parent: Optional[QWidget] = None,
        tiles: Sequence[TileGroup] = (),
    ) -> None:
        """`tiles` are already grouped (Publish's split bands): shown as their `(BAND)` paths, registered as such."""
        super().__init__(parent)
        self.setupUi(self)
        self.client = client
        self.collection = collection
        self.task: Optional[CoreTask] = None
        self.last_run: Optional[RegistrationRun] = RegistrationRun(list(tiles), []) if tiles else None
        self.collectionLabel.setText(f"{collection.name} ({collection.id})")
        bucket = collection.s3_bucket.split(":", 1)[-1]  # CDSE writes PROJECT_ID:bucket
        self.bucketEdit.setText(bucket_uri or (f"s3://{bucket}" if bucket else ""))
        self.pathsEdit.setPlainText("\n".join([tile.template for tile in tiles] + list(entries)))
        self.bandsCheck.setEnabled(not collection.bands)
        self.bandsCheck.setChecked(not collection.bands)
        self.groupButton.clicked.connect(self.group)
        self.registerButton.clicked.connect(self.register)
        self.cancelButton.clicked.connect(self.cancel)
        self.closeButton.clicked.connect(self.close)
        self.cancelButton.setEnabled(False)
        self._closing = False

    def entries(self) -> List[str]:
        return [line.strip() for line in self.pathsEdit.toPlainText().splitlines() if line.strip()]

    def group(self) -> Optional[CoreTask]:
        """Lists selected prefixes, groups the keys into tiles and shows the proposed templates."""
        entries, bucket, known = self.entries(), self.bucketEdit.text().strip(), self.collection.band_sources

        def work(progress: Progress) -> RegistrationRun:
            grouping = group_tiles(expand_selection(entries, bucket), known)
            return RegistrationRun(grouping.tiles, grouping.problems)

        def done(run: RegistrationRun) -> None:
            self.last_run = run
            self.pathsEdit.setPlainText("\n".join(tile.template for tile in run.tiles))
            bands = sorted({band for tile in run.tiles for band in tile.files})
            self.groupLabel.setText(f"{len(run.tiles)} tiles; band files: {', '.join(bands) or 'none'}")
            self._report(run.problems or ["Every tile has the same band files."])

        return self._start("Group BYOC tiles", work, done)

    def register(self) -> Optional[CoreTask]:
        entries, bucket = self.entries(), self.bucketEdit.text().strip()
        pattern, fixed_text = self.patternEdit.text().strip(), self.sensingEdit.text().strip()
        run_checks, configure, trace = (
            self.preflightCheck.isChecked(),
            self.bandsCheck.isChecked(),
            self.coverCheck.isChecked(),
        )
        grouped = self.last_run.tiles if self.last_run else []
        try:
            fixed_time = parse_sensing_time(fixed_text) if fixed_text else ""
        except CogportError as error:
            self._report([error.user_message])
            return None
        client, collection = self.client, self.collection

        def work(progress: Progress) -> RegistrationRun:
            tiles = _tiles_for(entries, bucket, grouped, collection.band_sources)
            expected = collection.band_sources or (sorted(tiles[0].files) if tiles and tiles[0].files else [])
            problems = check_band_files([t for t in tiles if t.files], expected) if expected else []
            run = RegistrationRun(tiles, problems)
            if problems:
                return run
            with_files = [t for t in tiles if t.files]
            if run_checks and with_files and bucket:
                run.checks = preflight(with_files, bucket, client.connection, progress=progress.span(0.0, 0.3))
                if not run.checks.ok:
                    return run
            if configure and not collection.bands and with_files and bucket:
                bands = bands_for_tile(with_files[0], bucket)
                client.update_collection(collection, bands=bands)
                collection.bands = bands
                run.bands_configured = sorted(bands)
            specs = tile_specs(
                tiles,
                bucket,
                sensing_time_pattern=pattern,
                sensing_time=fixed_time,
                trace_cover=trace and bool(bucket),
                progress=progress.span(0.3, 0.4),
            )
            run.summary = register_tiles(client, collection.id, specs, progress.span(0.4, 1.0))
            return run

        return self._start(f"Register BYOC tiles in {collection.name}", work, self._registered)

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel_if_running()

    def _registered(self, run: RegistrationRun) -> None:
        self.last_run = run
        lines: List[str] = list(run.problems)
        if run.checks is not None:
            lines.append(f"Pre-flight: {run.checks.files_checked} files checked, {run.checks.bytes_read} bytes read.")
            lines += [f"ERROR {line}" for line in run.checks.errors] + [
                f"warning {line}" for line in run.checks.warnings
            ]
        if run.bands_configured:
            lines.append(f"Collection bands configured from the first tile: {', '.join(run.bands_configured)}.")
        if run.summary is not None:
            lines.append(run.summary.text())
            lines += [f"failed {o.path}: {o.reason}" for o in run.summary.outcomes if o.result == FAILED]
            self.registered.emit(run.summary)
        elif run.problems or (run.checks is not None and not run.checks.ok):
            lines.append("Nothing was registered: fix the problems above first.")
        self._report(lines)

    def _start(self, description: str, work, on_done) -> Optional[CoreTask]:
        if self.task is not None:
            return None
        self.progressBar.setValue(0)
        self._busy(True)

        def done(result) -> None:
            if not self._closing:
                self._finish()
                on_done(result)

        def failed(error: Exception) -> None:
            if not self._closing:
                self._finish()
                self._report([user_message(error)])

        self.task = CoreTask(description, work, done, failed, on_cancelled=self._cancelled)
        self.task.progressChanged.connect(lambda value: self.progressBar.setValue(int(value)))
        return run_task(self.task)

    def closeEvent(self, event) -> None:
        """Closing mid-run cancels it: what was sent stays registered, a re-run resumes."""
        if self.task is not None:
            self._closing = True
            self.task.cancel_if_running()
        super().closeEvent(event)

    def _cancelled(self) -> None:
        if not self._closing:
            self._finish()
            self._report(["Cancelled. Tiles sent before the cancel stay registered; running again resumes."])

    def _finish(self) -> None:
        self.task = None
        self._busy(False)

    def _busy(self, busy: bool) -> None:
        for widget in (self.registerButton, self.groupButton):
            widget.setEnabled(not busy)
        self.cancelButton.setEnabled(busy)

    def _report(self, lines: Sequence[str]) -> None:
        self.reportEdit.setPlainText("\n".join(lines))


def _tiles_for(
    entries: Sequence[str], bucket: str, grouped: Sequence[TileGroup], sources: Sequence[str]
) -> List[TileGroup]:
    """Tiles from typed (BAND) templates, or from object keys grouped on the spot."""
    templates = [e for e in entries if BAND in e or not e.lower().endswith((".tif", ".tiff"))]
    keys = [e for e in entries if e not in templates or e.endswith("/")]
    tiles: List[TileGroup] = []
    if keys:
        tiles += group_tiles(expand_selection(keys, bucket), sources).tiles
    known = {tile.template: tile for tile in grouped}
    for template in templates:
        if template.endswith("/"):
            continue
        check_tile_path(template)
        tile = known.get(template) or TileGroup(template, {s: band_file_key(template, s) for s in sources})
        tiles.append(tile)
    if not tiles:
        raise CogportError("No tiles to register.", "the list: object keys, prefixes ending in /, or (BAND) paths.")
    return tiles
