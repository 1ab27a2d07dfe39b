"""One item of a job, as any worker runs it: fetch a bucket input, then the same publish chain as one file."""

from __future__ import annotations

import logging
import os
import shutil
import socket
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Callable, Iterator, List, Optional

from osgeo import gdal

from ..errors import CancelledError, CogportError, StorageError
from ..i18n import tr
from ..progress import CancelProbe, Progress
from ..publish import ConvertPolicy, PublishSettings, Step, publish_file
from ..storage.connection import Credentials, StorageConnection
from ..storage.gdal_config import SCOPED_OPTIONS
from ..storage.upload import IfExists, UploadOptions
from ..storage.uri import ObjectLocation, parse_location

LOG = logging.getLogger("cogport.archive")

FETCH_CHUNK = 8 * 1024 * 1024
FETCHING = "fetching"  # the step before publish_file's own: copying a bucket input to the worker's disk

StepSink = Callable[[int, str, float], None]  # item index, step, fraction of the item done


@dataclass(frozen=True)
class ItemTask:
    """Everything a worker needs for one item, except the credentials (they travel apart, see cluster.py)."""

    index: int
    source: str
    destination: ObjectLocation  # the exact key: the driver already applied the job's rule for existing objects
    profile: str = "generic"
    convert: ConvertPolicy = ConvertPolicy.IF_INVALID
    upload_invalid: bool = False
    upload_options: UploadOptions = UploadOptions()
    connection: Optional[StorageConnection] = None


@dataclass
class ItemReport:
    index: int
    uploaded: bool = False
    cancelled: bool = False
    uri: str = ""
    size: int = 0
    etag: str = ""
    step: str = ""  # the step that failed
    error: str = ""
    worker: str = ""
    seconds: float = 0.0
    converted: bool = False
    findings: List[str] = field(default_factory=list)


def publish_item(
    task: ItemTask,
    credentials: Optional[Credentials],
    is_cancelled: CancelProbe,
    on_step: Optional[StepSink] = None,
) -> ItemReport:
    """Runs one item to its end and reports it; never raises, so one item never stops the others."""
    started = time.monotonic()
    report = ItemReport(task.index, worker=socket.gethostname())
    progress = Progress(
        on_fraction=(lambda fraction: on_step(task.index, report.step, fraction)) if on_step else None,
        is_cancelled=is_cancelled,
    )

    def step(value: str) -> None:
        report.step = value
        if on_step is not None:
            on_step(task.index, value, -1.0)

    try:
        progress.raise_if_cancelled()
        with _local_copy(task, credentials, progress.span(0.0, 0.2), step) as local:
            outcome = publish_file(
                local,
                PublishSettings(
                    task.destination,
                    profile=task.profile,
                    convert=task.convert,
                    upload_invalid=task.upload_invalid,
                    if_exists=IfExists.OVERWRITE,
                    upload_options=task.upload_options,
                ),
                task.connection,
                credentials,
                progress=progress.span(0.2, 1.0),
                on_step=lambda value, _text: step(value.value),
            )
        (upload,) = outcome.uploads  # one file a scene: the archive job does not split bands
        report.uploaded = True
        report.uri, report.size, report.etag = outcome.uri, upload.size, upload.etag
        report.converted, report.findings = bool(outcome.converted), outcome.findings
        report.step = Step.DONE.value
    except CancelledError:
        report.cancelled = True
    except CogportError as error:
        report.error = error.user_message
        LOG.warning("%s failed while %s: %s", task.source, report.step, error.user_message)
        if error.detail:
            LOG.info("Details: %s", error.detail)
    except Exception as exc:
        LOG.exception("Publishing %s failed unexpectedly", task.source)
        report.error = tr("Publishing {name} failed unexpectedly ({error}).").format(
            name=os.path.basename(task.source), error=type(exc).__name__
        )
    report.seconds = time.monotonic() - started
    return report


@contextmanager
def _local_copy(
    task: ItemTask, credentials: Optional[Credentials], progress: Progress, step: Callable[[str], None]
) -> Iterator[str]:
    """A local file for the chain: local inputs as they are, bucket inputs fetched through /vsi… first."""
    if not task.source.startswith("/vsi"):
        if not os.path.isfile(task.source):
            raise CogportError(
                tr("{path} is not visible on {host}.").format(path=task.source, host=socket.gethostname()),
                tr(
                    "that the input folder is on storage every worker mounts at the same path, or give a bucket "
                    "prefix as the input."
                ),
            )
        yield task.source
        return
    step(FETCHING)
    if task.connection is not None:
        SCOPED_OPTIONS.apply(task.connection, credentials or Credentials(), parse_location(task.source).bucket)
    folder = tempfile.mkdtemp(prefix="cogport-item-")
    try:
        target = os.path.join(folder, os.path.basename(task.source))
        _fetch(task.source, target, progress)
        yield target
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _fetch(source: str, target: str, progress: Progress) -> None:
    try:
        handle = gdal.VSIFOpenL(source, "rb")
    except RuntimeError:
        handle = None  # with gdal.UseExceptions() a missing object raises instead of returning None
    if handle is None:
        raise StorageError(
            tr("{path} could not be read.").format(path=source),
            tr("that the object exists and the connection may read it."),
        )
    try:
        gdal.VSIFSeekL(handle, 0, os.SEEK_END)
        size = gdal.VSIFTellL(handle)
        gdal.VSIFSeekL(handle, 0, os.SEEK_SET)
        done = 0
        with open(target, "wb") as out:
            while done < size:
                progress.raise_if_cancelled()
                chunk = gdal.VSIFReadL(1, min(FETCH_CHUNK, size - done), handle)
                if not chunk:
                    raise StorageError(
                        tr("Reading {path} stopped after {done} of {size} bytes.").format(
                            path=source, done=done, size=size
                        ),
                        tr("the connection."),
                    )
                out.write(chunk)
                done += len(chunk)
                progress.report(done / size)
    finally:
        gdal.VSIFCloseL(handle)
