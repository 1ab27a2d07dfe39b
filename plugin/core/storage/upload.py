"""Upload a local file to a bucket or container: the one entry point docks, drops and Processing call.

The engine depends on the store: S3-compatible connections use the parallel multipart
client (multipart.py), Swift uses the Swift API with segmented uploads (swift_upload.py),
GCS and uploads without a saved connection go through GDAL's VSI writers (vsi_upload.py).
All of them stream from the file, verify size and checksum afterwards, and leave nothing
under the final key (and no pending multipart upload or segment) when cancelled or failed.
"""

from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass
from enum import Enum
from typing import Callable, Optional, Union

from osgeo import gdal

from ..errors import CogportError, StorageError
from ..i18n import tr
from ..progress import Progress
from .connection import Credentials, StorageConnection, StoreKind
from .gdal_config import SCOPED_OPTIONS, forget_cached
from .multipart import S3Uploader
from .probe import s3_api_for
from .swift_upload import SWIFT_MAX_OBJECT, SwiftApi, SwiftUploader, swift_api_from_gdal_config
from .transfer import MiB, TransferMeter, TransferStatus
from .uri import ObjectLocation, parse_location
from .vsi_upload import VsiUploader

LOG = logging.getLogger("cogport.upload")

Uploader = Union[S3Uploader, SwiftUploader, VsiUploader]


class IfExists(str, Enum):
    """What to do when the destination key already holds an object."""

    FAIL = "fail"
    OVERWRITE = "overwrite"
    SKIP = "skip"
    RENAME = "rename"  # next free name: scene_1.tif, scene_2.tif…


@dataclass(frozen=True)
class UploadOptions:
    part_size: int = 16 * MiB  # S3 part size (GDAL's VSIS3_CHUNK_SIZE for GDAL-written uploads, rounded to MB)
    concurrency: int = 4  # parts or segments in flight
    swift_segment_threshold: int = SWIFT_MAX_OBJECT  # above this size Swift uploads become SLOs
    swift_segment_size: int = 1024 * MiB


@dataclass(frozen=True)
class UploadResult:
    source: str
    location: ObjectLocation  # where the object ended up (differs from the request after a rename)
    size: int = 0
    etag: str = ""
    parts: int = 0
    skipped: bool = False
    seconds: float = 0.0
    retries: int = 0

    @property
    def uri(self) -> str:
        return self.location.uri

    @property
    def rate(self) -> float:
        return self.size / self.seconds if self.seconds > 0 else 0.0


def resolve_destination(source: str, destination: Union[str, ObjectLocation]) -> ObjectLocation:
    """The object a file goes to; a destination that is a bucket or ends in '/' gets the file's name."""
    location = destination if isinstance(destination, ObjectLocation) else parse_location(destination)
    if not location.key or location.key.endswith("/"):
        return location.child(os.path.basename(source))
    return location


def uploader_for(
    location: ObjectLocation,
    connection: Optional[StorageConnection] = None,
    credentials: Optional[Credentials] = None,
    options: UploadOptions = UploadOptions(),
) -> Uploader:
    """The engine for this destination; with a connection its GDAL options are scoped to the bucket.

    Without one, GDAL's own settings apply (AWS_*, GS_*, SWIFT_*, ~/.aws, GDAL config files), never the keys
    of a connection Cogport opened the bucket with.
    """
    if connection is not None:
        _check_matches(location, connection)
        credentials = credentials or Credentials()
        SCOPED_OPTIONS.apply(connection, credentials, location.bucket)
        if location.handler == "vsis3":
            return S3Uploader(s3_api_for(connection, credentials), options.part_size, options.concurrency)
        if location.handler == "vsiswift":
            return SwiftUploader(
                SwiftApi(connection, credentials),
                options.swift_segment_threshold,
                options.swift_segment_size,
                options.concurrency,
            )
        return VsiUploader(options.part_size, connection.name)
    owner = SCOPED_OPTIONS.owner(location.bucket_prefix)
    if owner:
        # GDAL options are scoped per bucket name, so GDAL's own settings cannot be reached for this bucket now.
        raise StorageError(
            tr(
                "{uri} would not be uploaded with GDAL's own settings: Cogport has bucket '{bucket}' open through "
                "connection '{name}', whose keys GDAL uses for it."
            ).format(uri=location.uri, bucket=location.bucket, name=owner),
            tr(
                "the connection of the upload: choose '{name}' to upload with it; GDAL's own settings apply to "
                "buckets Cogport has not opened in this QGIS session."
            ).format(name=owner),
        )
    if location.handler == "vsiswift":
        return SwiftUploader(
            swift_api_from_gdal_config(location.bucket),
            options.swift_segment_threshold,
            options.swift_segment_size,
            options.concurrency,
        )
    return VsiUploader(options.part_size)


def _check_matches(location: ObjectLocation, connection: StorageConnection) -> None:
    if connection.handler != location.handler:
        kind = StoreKind(connection.kind).label
        raise CogportError(
            tr("{uri} cannot be reached through connection '{name}' ({kind}).").format(
                uri=location.uri, name=connection.name, kind=kind
            ),
            tr("that the destination starts with the scheme of the connection's store (/{handler}/… here).").format(
                handler=connection.handler
            ),
        )


def object_exists(
    location: ObjectLocation,
    connection: Optional[StorageConnection] = None,
    credentials: Optional[Credentials] = None,
) -> bool:
    """Whether an object is stored under `location` (the GUI asks overwrite/skip/rename when it is)."""
    return uploader_for(location, connection, credentials).exists(location)


def delete_object(
    location: ObjectLocation,
    connection: Optional[StorageConnection] = None,
    credentials: Optional[Credentials] = None,
) -> bool:
    """Removes one object (a multi-file publish undoing its partial upload); False when it could not."""
    if connection is not None:
        _check_matches(location, connection)
        SCOPED_OPTIONS.apply(connection, credentials or Credentials(), location.bucket)
    try:
        removed = gdal.Unlink(location.vsi_path) == 0
    except RuntimeError:  # GDAL in exception mode
        removed = False
    forget_cached(location.bucket_prefix)
    return removed


def check_destination(
    location: ObjectLocation,
    connection: Optional[StorageConnection] = None,
    credentials: Optional[Credentials] = None,
) -> None:
    """Raises why nothing can be uploaded under `location` (a missing bucket, refused credentials); checked
    before anyone is asked about the files."""
    uploader_for(location, connection, credentials).check_bucket(location)


def free_name(location: ObjectLocation, exists: Callable[[ObjectLocation], bool], limit: int = 1000) -> ObjectLocation:
    """The first of name_1.ext, name_2.ext… that holds no object."""
    folder, _, name = location.key.rpartition("/")
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    for number in range(1, limit + 1):
        candidate = f"{stem}_{number}{dot}{ext}"
        renamed = ObjectLocation(location.handler, location.bucket, f"{folder}/{candidate}" if folder else candidate)
        if not exists(renamed):
            return renamed
    raise StorageError(
        tr("No free name was found for {uri} after {count} tries.").format(uri=location.uri, count=limit),
        tr("the destination prefix: clean it up or choose another name."),
    )


def upload_file(
    source: str,
    destination: Union[str, ObjectLocation],
    connection: Optional[StorageConnection] = None,
    credentials: Optional[Credentials] = None,
    *,
    if_exists: IfExists = IfExists.FAIL,
    options: UploadOptions = UploadOptions(),
    progress: Optional[Progress] = None,
    on_status: Optional[Callable[[TransferStatus], None]] = None,
) -> UploadResult:
    """Uploads `source` and verifies it; without a connection GDAL's own configured credentials apply."""
    progress = progress or Progress()
    source = os.fspath(source)
    if not os.path.isfile(source):
        raise CogportError(
            tr("'{path}' is not a local file that can be uploaded.").format(path=source), tr("the path of the file.")
        )
    location = resolve_destination(source, destination)
    uploader = uploader_for(location, connection, credentials, options)
    if if_exists is not IfExists.OVERWRITE and uploader.exists(location):
        if if_exists is IfExists.SKIP:
            LOG.info("Skipped %s: %s already exists", source, location.uri)
            return UploadResult(source, location, skipped=True)
        if if_exists is IfExists.FAIL:
            raise StorageError(
                tr("{uri} already exists.").format(uri=location.uri),
                tr("whether to overwrite it (the OVERWRITE option), or choose another destination."),
            )
        location = free_name(location, uploader.exists)
    size = os.path.getsize(source)
    meter = TransferMeter(os.path.basename(source), size, progress, on_status)
    started = time.monotonic()
    try:
        stored = uploader.upload(source, location, meter)
    finally:
        forget_cached(location.bucket_prefix)
        if connection is not None:
            SCOPED_OPTIONS.renew_tokens(connection.name)  # a Keystone token renewed mid-upload, for GDAL too
    meter.publish()
    seconds = time.monotonic() - started
    LOG.info(
        "Uploaded %s to %s: %d bytes in %.1f s, %d part(s), %d retries",
        source,
        location.uri,
        size,
        seconds,
        stored.parts,
        meter.retries,
    )
    return UploadResult(source, location, size, stored.etag, stored.parts, False, seconds, meter.retries)
