"""The publish chain for one file: validate, convert if needed, validate again, upload, tidy up.

The Publish dock and drops on the bucket browser both run this, one file per task, so a
failure stops that file's chain only.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from enum import Enum
from typing import Callable, List, Optional

from .cog.validate import ValidationReport, validate_cog
from .errors import CogportError
from .progress import Progress
from .storage.connection import Credentials, StorageConnection
from .storage.transfer import TransferStatus
from .storage.upload import IfExists, UploadOptions, UploadResult, resolve_destination, upload_file
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


@dataclass
class PublishOutcome:
    source: str
    step: Step = Step.WAITING
    converted: str = ""  # the conversion output that was uploaded, if any (kept only on request)
    upload: Optional[UploadResult] = None
    findings: List[str] = field(default_factory=list)

    @property
    def uri(self) -> str:
        return self.upload.uri if self.upload is not None else ""


StepSink = Callable[[Step, str], None]


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

    name = os.path.splitext(os.path.basename(source))[0] + ".tif"
    step(Step.VALIDATING)
    # Even a forced conversion validates first: a cut-short file must be refused, not converted.
    report = validate_cog(source, settings.profile)
    upload_path = source
    workdir = ""
    try:
        if report.incomplete:
            raise incomplete_error(source, report)
        if settings.convert is ConvertPolicy.ALWAYS or (
            not report.valid and settings.convert is ConvertPolicy.IF_INVALID
        ):
            step(Step.CONVERTING)
            workdir = tempfile.mkdtemp(prefix="cogport-publish-")
            upload_path = _convert(source, os.path.join(workdir, name), settings.profile, progress.span(0.0, 0.5))
            outcome.converted = upload_path
            step(Step.VALIDATING, "checking the converted file")
            report = validate_cog(upload_path, settings.profile)
        outcome.findings = [f"{f.severity.upper()} {f.code}: {f.message}" for f in report.findings]
        if not report.valid and not settings.upload_invalid:
            raise _invalid(source, report, converted=bool(outcome.converted))
        step(Step.UPLOADING)
        upload_progress = progress.span(0.5, 1.0) if outcome.converted else progress
        outcome.upload = upload_file(
            upload_path,
            resolve_destination(name, settings.destination)
            if outcome.converted
            else resolve_destination(source, settings.destination),
            connection,
            credentials,
            if_exists=settings.if_exists,
            options=settings.upload_options,
            progress=upload_progress,
            on_status=on_status,
        )
        if outcome.converted and settings.keep_converted:
            outcome.converted = _keep(upload_path, source, settings.converted_folder)
        step(
            Step.SKIPPED if outcome.upload.skipped else Step.DONE,
            f"{outcome.upload.uri} already exists" if outcome.upload.skipped else outcome.upload.uri,
        )
        return outcome
    except BaseException:
        outcome.step = Step.FAILED
        raise
    finally:
        if workdir:
            shutil.rmtree(workdir, ignore_errors=True)  # temporary conversion output (kept copies were moved out)


def _convert(source: str, destination: str, profile: str, progress: Progress) -> str:
    try:
        from .cog.convert import convert_to_cog
    except ImportError as exc:  # the conversion module ships separately while it is being built
        raise CogportError(
            f"{os.path.basename(source)} needs converting to a COG, and conversion is not available in this build.",
            "that Cogport is up to date, or convert the file with Processing 'Convert to COG' first.",
        ) from exc
    result = convert_to_cog(source, destination, profile, progress=progress)
    return result.outputs[0]


def incomplete_error(source: str, report: ValidationReport) -> CogportError:
    """Why a damaged file is neither converted nor uploaded, whatever the settings."""
    finding = next(f for f in report.findings if f.code == "FILE_INCOMPLETE")
    return CogportError(
        f"{os.path.basename(source)} is incomplete, so it was not uploaded: {finding.message}",
        "the original file: copy or upload it again, then publish the new copy.",
    )


def _invalid(source: str, report: ValidationReport, converted: bool) -> CogportError:
    codes = ", ".join(report.codes("error")) or "errors"
    name = os.path.basename(source)
    if converted:
        return CogportError(
            f"The COG converted from {name} is still not valid for the '{report.profile}' profile ({codes}).",
            "the findings in the Validate COG dialog; the source may not fit this profile (bands, CRS, size).",
        )
    return CogportError(
        f"{name} is not a valid COG for the '{report.profile}' profile ({codes}); it was not uploaded.",
        "the findings, or let Cogport convert it first.",
    )


def _keep(converted: str, source: str, folder: str) -> str:
    """Moves a conversion output out of the temporary folder, next to its source unless a folder is given."""
    folder = folder or os.path.dirname(os.path.abspath(source))
    stem = os.path.splitext(os.path.basename(source))[0]
    target = os.path.join(folder, f"{stem}_cog.tif")
    number = 1
    while os.path.exists(target):
        target = os.path.join(folder, f"{stem}_cog_{number}.tif")
        number += 1
    shutil.move(converted, target)
    return target
