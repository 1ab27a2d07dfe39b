"""The publish chain for one file: validate, convert if needed, validate again, upload, tidy up.

The Publish dock and drops on the bucket browser both run this, one file per task, so a
failure stops that file's chain only. With split bands one file becomes one BYOC tile: a
single-band COG per band, uploaded together under a `(BAND)` path.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from enum import Enum
from typing import Callable, List, Optional, Tuple

from .cog.convert import BAND_TOKEN, ConversionOptions, band_label, band_template, convert_to_cog, open_raster
from .cog.validate import ValidationReport, validate_cog
from .errors import CogportError, StorageError
from .i18n import tr
from .progress import Progress
from .services.byoc_tiles import TileGroup
from .storage.connection import Credentials, StorageConnection
from .storage.transfer import TransferStatus
from .storage.upload import (
    IfExists,
    UploadOptions,
    UploadResult,
    delete_object,
    free_name,
    object_exists,
    resolve_destination,
    upload_file,
)
from .storage.uri import ObjectLocation

LOG = logging.getLogger("cogport.publish")


class Step(str, Enum):
    WAITING = "waiting"
    VALIDATING = "validating"
    CONVERTING = "converting"
    UPLOADING = "uploading"
    DONE = "done"
    SKIPPED = "skipped"
    FAILED = "failed"


class ConvertPolicy(str, Enum):
    IF_INVALID = "if-invalid"  # convert only files that are not valid COGs for the profile
    ALWAYS = "always"
    NEVER = "never"  # an invalid file stops its chain (unless upload_invalid)


@dataclass(frozen=True)
class PublishSettings:
    destination: ObjectLocation  # a prefix (key ending in '/') or the bucket itself
    profile: str = "generic"
    convert: ConvertPolicy = ConvertPolicy.IF_INVALID
    upload_invalid: bool = False  # the analyst chose to upload a file that is not a valid COG as it is
    if_exists: IfExists = IfExists.FAIL
    keep_converted: bool = False
    converted_folder: str = ""  # where kept conversions go (default: beside the source)
    upload_options: UploadOptions = UploadOptions()
    # One single-band COG per band (so always converted), uploaded as one BYOC `(BAND)` tile: every
    # band file, or, when one fails, none of the band files this run created.
    split_bands: bool = False


@dataclass
class PublishOutcome:
    source: str
    step: Step = Step.WAITING
    converted: List[str] = field(default_factory=list)  # conversion outputs that were uploaded (kept on request)
    uploads: List[UploadResult] = field(default_factory=list)  # one per band file when bands are split
    tile: Optional[TileGroup] = None  # split bands: the BYOC `(BAND)` tile path and each band file's key
    findings: List[str] = field(default_factory=list)

    @property
    def uri(self) -> str:
        """The uploaded object, or the `(BAND)` path covering the band files."""
        if not self.uploads:
            return ""
        first = self.uploads[0].location
        return ObjectLocation(first.handler, first.bucket, self.tile.template).uri if self.tile else first.uri


StepSink = Callable[[Step, str], None]


def will_convert(settings: PublishSettings, valid: bool) -> bool:
    """Whether the chain converts a file that validates as `valid` (split bands always convert)."""
    return (
        settings.split_bands
        or settings.convert is ConvertPolicy.ALWAYS
        or (not valid and settings.convert is ConvertPolicy.IF_INVALID)
    )


def upload_targets(source: str, settings: PublishSettings, converting: bool) -> List[ObjectLocation]:
    """The objects publishing `source` writes: one, or one per band when bands are split."""
    if settings.split_bands:
        return _band_objects(_tile_location(source, settings), open_raster(source).RasterCount)
    name = _converted_name(source) if converting else os.path.basename(source)
    return [resolve_destination(name, settings.destination)]


def publish_file(
    source: str,
    settings: PublishSettings,
    connection: Optional[StorageConnection],
    credentials: Optional[Credentials],
    progress: Optional[Progress] = None,
    on_step: Optional[StepSink] = None,
    on_status: Optional[Callable[[TransferStatus], None]] = None,
) -> PublishOutcome:
    """Runs the chain for `source`; raises the CogportError of the step that failed."""
    progress = progress or Progress()
    outcome = PublishOutcome(source)

    def step(value: Step, text: str = "") -> None:
        outcome.step = value
        if on_step is not None:
            on_step(value, text)

    step(Step.VALIDATING)
    # Even a forced conversion validates first: a cut-short file must be refused, not converted.
    report = validate_cog(source, settings.profile)
    paths, reports = [source], [report]
    workdir = ""
    try:
        if report.incomplete:
            raise incomplete_error(source, report)
        if will_convert(settings, report.valid):
            step(Step.CONVERTING)
            workdir = tempfile.mkdtemp(prefix="cogport-publish-")
            paths = _convert(source, workdir, settings, progress.span(0.0, 0.5))
            outcome.converted = list(paths)
            step(
                Step.VALIDATING,
                tr("checking the converted files") if len(paths) > 1 else tr("checking the converted file"),
            )
            reports = [validate_cog(path, settings.profile) for path in paths]
        outcome.findings = [
            (f"{os.path.basename(r.path)}: " if len(reports) > 1 else "")
            + f"{f.severity.upper()} {f.code}: {f.message}"
            for r in reports
            for f in r.findings
        ]
        invalid = next((r for r in reports if not r.valid), None)
        if invalid is not None and not settings.upload_invalid:
            raise _invalid(source, invalid, converted=bool(outcome.converted))
        step(Step.UPLOADING)
        upload_progress = progress.span(0.5, 1.0) if outcome.converted else progress
        if settings.split_bands:
            tile = _tile_location(source, settings)
            outcome.uploads, outcome.tile = _upload_tile(
                paths, tile, settings, connection, credentials, upload_progress, on_status
            )
        else:
            outcome.uploads = [
                upload_file(
                    paths[0],
                    upload_targets(source, settings, bool(outcome.converted))[0],
                    connection,
                    credentials,
                    if_exists=settings.if_exists,
                    options=settings.upload_options,
                    progress=upload_progress,
                    on_status=on_status,
                )
            ]
        if outcome.converted and settings.keep_converted:
            outcome.converted = _keep(paths, source, settings.converted_folder)
        skipped = all(upload.skipped for upload in outcome.uploads)
        step(
            Step.SKIPPED if skipped else Step.DONE,
            tr("{uri} already exists").format(uri=outcome.uri) if skipped else outcome.uri,
        )
        return outcome
    except BaseException:
        outcome.step = Step.FAILED
        raise
    finally:
        if workdir:
            shutil.rmtree(workdir, ignore_errors=True)  # temporary conversion output (kept copies were moved out)


def incomplete_error(source: str, report: ValidationReport) -> CogportError:
    """Why a damaged file is neither converted nor uploaded, whatever the settings."""
    finding = next(f for f in report.findings if f.code == "FILE_INCOMPLETE")
    return CogportError(
        tr("{name} is incomplete, so it was not uploaded: {reason}").format(
            name=os.path.basename(source), reason=finding.message
        ),
        tr("the original file: copy or upload it again, then publish the new copy."),
    )


def _converted_name(source: str) -> str:
    return os.path.splitext(os.path.basename(source))[0] + ".tif"


def _convert(source: str, workdir: str, settings: PublishSettings, progress: Progress) -> List[str]:
    options = ConversionOptions(split_bands=settings.split_bands)
    destination = os.path.join(workdir, _converted_name(source))
    return convert_to_cog(source, destination, settings.profile, options, progress=progress).outputs


def _tile_location(source: str, settings: PublishSettings) -> ObjectLocation:
    """Where the split band files go, with `(BAND)` in the key: the tile's BYOC path."""
    return resolve_destination(os.path.basename(band_template(_converted_name(source))), settings.destination)


def _band_objects(tile: ObjectLocation, bands: int) -> List[ObjectLocation]:
    return [
        ObjectLocation(tile.handler, tile.bucket, tile.key.replace(BAND_TOKEN, band_label(band)))
        for band in range(1, bands + 1)
    ]


def _upload_tile(
    paths: List[str],
    tile: ObjectLocation,
    settings: PublishSettings,
    connection: Optional[StorageConnection],
    credentials: Optional[Credentials],
    progress: Progress,
    on_status: Optional[Callable[[TransferStatus], None]],
) -> Tuple[List[UploadResult], TileGroup]:
    """Uploads the band files of one tile as a whole: an existing band file decides for all of them."""

    def taken(candidate: ObjectLocation) -> List[str]:
        return [o.key for o in _band_objects(candidate, len(paths)) if object_exists(o, connection, credentials)]

    existing = taken(tile)
    if existing and settings.if_exists is IfExists.FAIL:
        raise StorageError(
            tr("Band files of {tile} already exist: {keys}.").format(tile=tile.uri, keys=", ".join(existing)),
            tr("whether to overwrite them, keep both (a renamed tile) or skip the file."),
        )
    if existing and settings.if_exists is IfExists.SKIP:
        skipped = [UploadResult(p, o, skipped=True) for p, o in zip(paths, _band_objects(tile, len(paths)))]
        return skipped, _tile_group(tile, len(paths))
    if existing and settings.if_exists is IfExists.RENAME:
        tile, existing = free_name(tile, lambda candidate: bool(taken(candidate))), []
    results: List[UploadResult] = []
    attempted: List[ObjectLocation] = []
    try:
        for index, (path, target) in enumerate(zip(paths, _band_objects(tile, len(paths)))):
            attempted.append(target)
            results.append(
                upload_file(
                    path,
                    target,
                    connection,
                    credentials,
                    if_exists=IfExists.OVERWRITE,  # decided above for the whole tile
                    options=settings.upload_options,
                    progress=progress.span(index / len(paths), (index + 1) / len(paths)),
                    on_status=on_status,
                )
            )
    except BaseException:
        # Half a tile would register as a broken one: remove the band files this run created, including
        # the one in flight, which a cancel arriving after its last byte leaves stored.
        for location in attempted:
            if location.key not in existing and not delete_object(location, connection, credentials):
                LOG.warning("Could not remove %s after the tile's upload stopped", location.uri)
        raise
    return results, _tile_group(tile, len(paths))


def _tile_group(tile: ObjectLocation, bands: int) -> TileGroup:
    return TileGroup(tile.key, {band_label(band): o.key for band, o in enumerate(_band_objects(tile, bands), 1)})


def _invalid(source: str, report: ValidationReport, converted: bool) -> CogportError:
    codes = ", ".join(report.codes("error")) or tr("errors")
    name = os.path.basename(source)
    if converted:
        return CogportError(
            tr("The COG converted from {name} is still not valid for the '{profile}' profile ({codes}).").format(
                name=name, profile=report.profile, codes=codes
            ),
            tr("the findings in the Validate COG dialog; the source may not fit this profile (bands, CRS, size)."),
        )
    return CogportError(
        tr("{name} is not a valid COG for the '{profile}' profile ({codes}); it was not uploaded.").format(
            name=name, profile=report.profile, codes=codes
        ),
        tr("the findings, or let Cogport convert it first."),
    )


def _keep(converted: List[str], source: str, folder: str) -> List[str]:
    """Moves conversion outputs out of the temporary folder, next to their source unless a folder is given.

    `scene.tif` is kept as `scene_cog.tif` and split bands as `scene_cog_B01.tif`, …; a number
    (`scene_cog_1…`) keeps them apart from earlier copies, the same number for every band.
    """
    folder = folder or os.path.dirname(os.path.abspath(source))
    stem = os.path.splitext(os.path.basename(source))[0]
    tails = [os.path.basename(path)[len(stem) :] for path in converted]  # ".tif", or "_B01.tif", …
    number = 0
    targets = [os.path.join(folder, f"{stem}_cog{tail}") for tail in tails]
    while any(os.path.exists(target) for target in targets):
        number += 1
        targets = [os.path.join(folder, f"{stem}_cog_{number}{tail}") for tail in tails]
    for path, target in zip(converted, targets):
        shutil.move(path, target)
    return targets
