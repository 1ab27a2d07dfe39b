"""ByocRegisterDialog: group bucket objects into tiles, check them, and register them in a BYOC collection."""

from __future__ import annotations

import posixpath
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
    doubtful_tiles,
    expand_selection,
    group_tiles,
    parse_sensing_time,
    preflight,
    tile_specs,
)
from ..common.colours import show_message
from ..common.i18n import tr
from ..common.resources import load_ui
from ..common.tasks import CoreTask, run_task, user_message

FORM = load_ui("byoc_register_dialog")
MAX_TILES_EXPLAINED = 50  # tiles listed one per line after grouping; the rest are counted


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
        """Lists selected prefixes, groups the keys into tiles and explains the proposed templates."""
        entries, bucket, known = self.entries(), self.bucketEdit.text().strip(), self.collection.band_sources

        def work(progress: Progress) -> RegistrationRun:
            grouping = group_tiles(expand_selection(entries, bucket), known)
            return RegistrationRun(grouping.tiles, grouping.problems)

        return self._start(self.tr("Group BYOC tiles"), work, self._grouped)

    def _grouped(self, run: RegistrationRun) -> None:
        self.last_run = run
        self.pathsEdit.setPlainText("\n".join(tile.template for tile in run.tiles))
        bands = sorted({band for tile in run.tiles for band in tile.files})
        self.groupLabel.setText(
            self.tr("{tiles}; band files: {bands}").format(
                tiles=self._tile_count(len(run.tiles)), bands=", ".join(bands) or self.tr("none")
            )
        )
        doubtful = doubtful_tiles(run.tiles, self.collection.band_sources)
        lines = list(run.problems)
        for tile in doubtful:
            names = ", ".join(posixpath.basename(key) for key in tile.files.values())
            lines.append(
                self.tr(
                    "⚠ {names} were grouped into one tile, {template}, only because they share a folder: their "
                    "names ({bands}) look like separate images, not bands. If they are separate images, put each "
                    "in its own folder or name its band files …_B04.tif, …_B08.tif before registering."
                ).format(names=names, template=tile.template, bands=", ".join(tile.bands))
            )
        lines += [self._tile_line(tile) for tile in run.tiles[:MAX_TILES_EXPLAINED]]
        if len(run.tiles) > MAX_TILES_EXPLAINED:
            lines.append(self.tr("… and {count} more tiles.").format(count=len(run.tiles) - MAX_TILES_EXPLAINED))
        self._report(lines)
        if run.problems or doubtful or not run.tiles:
            self._verdict(self.tr("Check the proposed tiles below before registering."), error=bool(run.problems))
        else:
            self._verdict(
                self.tr("{tiles} proposed: check them below, then press Register.").format(
                    tiles=self._tile_count(len(run.tiles))
                )
            )

    def _tile_line(self, tile: TileGroup) -> str:
        files = ", ".join(f"{band} ← {posixpath.basename(key)}" for band, key in sorted(tile.files.items()))
        return self.tr("{template}: {files}").format(template=tile.template, files=files or self.tr("no files"))

    def _tile_count(self, count: int) -> str:
        return self.tr("1 tile") if count == 1 else self.tr("{count} tiles").format(count=count)

    def register(self) -> Optional[CoreTask]:
        """Registers the tiles listed; object keys and prefixes are grouped and explained first, and
        registered once the person has seen the proposed tiles and pressed Register again."""
        entries, bucket = self.entries(), self.bucketEdit.text().strip()
        if any(_is_object_key(entry) for entry in entries):
            return self.group()
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
            self._verdict(self.tr("Nothing was registered: the sensing time cannot be read."), error=True)
            self._report([error.user_message])
            return None
        client, collection = self.client, self.collection

        def work(progress: Progress) -> RegistrationRun:
            tiles = _tiles_for(entries, grouped, collection.band_sources)
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

        return self._start(
            self.tr("Register BYOC tiles in {collection}").format(collection=collection.name), work, self._registered
        )

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel_if_running()

    def _registered(self, run: RegistrationRun) -> None:
        self.last_run = run
        lines: List[str] = list(run.problems)
        if run.checks is not None:
            lines.append(
                self.tr("Pre-flight: {files} files checked, {bytes} bytes read.").format(
                    files=run.checks.files_checked, bytes=run.checks.bytes_read
                )
            )
            lines += [self.tr("ERROR {problem}").format(problem=line) for line in run.checks.errors]
            lines += [self.tr("warning {problem}").format(problem=line) for line in run.checks.warnings]
        if run.bands_configured:
            lines.append(
                self.tr("Collection bands configured from the first tile: {bands}.").format(
                    bands=", ".join(run.bands_configured)
                )
            )
        if run.summary is not None:
            failed = [o for o in run.summary.outcomes if o.result == FAILED]
            self._verdict(self.tr("Registered: {summary}").format(summary=run.summary.text()), error=bool(failed))
            lines += [self.tr("failed {path}: {reason}").format(path=o.path, reason=o.reason) for o in failed]
            self.registered.emit(run.summary)
        else:
            # Blocked before anything was sent: a full bar would say the opposite.
            self.progressBar.setValue(0)
            self._verdict(self.tr("Nothing was registered: fix the problems below first."), error=True)
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
                self.progressBar.setValue(0)
                self._verdict(self.tr("Nothing was registered."), error=True)
                self._report([user_message(error)])

        self._verdict("")
        self.task = CoreTask(description, work, done, failed, on_cancelled=self._cancelled)
        task = self.task
        # Updates queued before the end must not overwrite what the end shows.
        task.progressChanged.connect(lambda value: self.progressBar.setValue(int(value)) if self.task is task else None)
        return run_task(task)

    def closeEvent(self, event) -> None:
        """Closing mid-run cancels it: what was sent stays registered, a re-run resumes."""
        if self.task is not None:
            self._closing = True
            self.task.cancel_if_running()
        super().closeEvent(event)

    def _cancelled(self) -> None:
        if not self._closing:
            self._finish()
            self._verdict(self.tr("Cancelled. Tiles sent before the cancel stay registered; running again resumes."))

    def _finish(self) -> None:
        self.task = None
        self._busy(False)

    def _busy(self, busy: bool) -> None:
        for widget in (self.registerButton, self.groupButton):
            widget.setEnabled(not busy)
        self.cancelButton.setEnabled(busy)

    def _report(self, lines: Sequence[str]) -> None:
        self.reportEdit.setPlainText("\n".join(lines))

    def _verdict(self, text: str, error: bool = False) -> None:
        """The outcome in one sentence above the report, so it is seen without scrolling."""
        show_message(self.verdictLabel, text, error)


def _is_object_key(entry: str) -> bool:
    """An object key or a prefix, as the bucket browser passes them, rather than a (BAND) tile path."""
    return entry.endswith("/") or (BAND not in entry and entry.lower().endswith((".tif", ".tiff")))


def _tiles_for(templates: Sequence[str], grouped: Sequence[TileGroup], sources: Sequence[str]) -> List[TileGroup]:
    """Tiles from (BAND) paths: as grouped from object keys, or typed with the collection's band sources."""
    known = {tile.template: tile for tile in grouped}
    tiles: List[TileGroup] = []
    for template in templates:
        check_tile_path(template)
        tiles.append(known.get(template) or TileGroup(template, {s: band_file_key(template, s) for s in sources}))
    if not tiles:
        raise CogportError(
            tr("No tiles to register."), tr("the list: object keys, prefixes ending in /, or (BAND) paths.")
        )

    return tiles
