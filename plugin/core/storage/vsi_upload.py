"""Uploads through GDAL's VSI writers: GCS, and S3 with GDAL's own credential chain (no saved connection).

GDAL serves here because it already knows every way these stores authenticate (GCS
service accounts and HMAC keys, ~/.aws, instance metadata…). Its writers have no abort
call, but a refused seek marks the handle as failed, and closing a failed handle aborts
the multipart upload (S3) or skips the final PUT (GCS) instead of completing it: that is
how a cancel or failure leaves nothing under the final key.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import logging
import os
import re
from typing import Iterator, List

from osgeo import gdal

from ..errors import AuthenticationError, CogportError, NotFoundError, StorageError
from ..i18n import tr, translatable
from .failures import naming_connection
from .gdal_config import forget_cached, network_scope, thread_options
from .multipart import StoredObject
from .transfer import MiB, TransferMeter, check_etag, check_size, clean_etag, multipart_etag
from .uri import ObjectLocation

LOG = logging.getLogger("cogport.upload")
WRITE_SLICE = 1 * MiB
_STEP_FAILED = {
    "open": translatable("GDAL could not open {uri}{connection}."),
    "write": translatable("GDAL could not write {uri}{connection}."),
    "finish": translatable("GDAL could not finish {uri}{connection}."),
}


class VsiUploader:
    """GDAL's writers, for GCS buckets and S3 buckets without a connection (Swift has SwiftUploader)."""

    def __init__(self, part_size: int, connection_name: str = "") -> None:
        # VSIS3_CHUNK_SIZE is read as a plain config option (in MB) by GDAL 3.6, so it is set per thread.
        self.part_mb = max(5, part_size // MiB)
        self.connection_name = connection_name
        self._seen: List[str] = []

    def check_bucket(self, location: ObjectLocation) -> None:
        """Raises when GDAL cannot open `location`'s bucket: it is missing or the credentials do not reach it."""
        forget_cached(location.bucket_prefix)
        gdal.ErrorReset()
        try:
            found = gdal.VSIStatL(location.bucket_prefix) is not None
        except RuntimeError:
            found = False
        if not found:
            raise NotFoundError(
                tr("The bucket '{bucket}' does not exist or cannot be reached{connection}.").format(
                    bucket=location.bucket, connection=naming_connection(self.connection_name)
                ),
                tr(
                    "the bucket name, and the credentials for it (the connection, or GDAL's AWS_*, GS_* and "
                    "SWIFT_* settings)."
                ),
                detail=gdal.GetLastErrorMsg(),
            )

    def exists(self, location: ObjectLocation) -> bool:
        forget_cached(location.bucket_prefix)
        try:
            with network_scope(location.vsi_path):
                return gdal.VSIStatL(location.vsi_path) is not None
        except RuntimeError:
            return False

    def upload(self, source: str, location: ObjectLocation, meter: TransferMeter) -> StoredObject:
        size = os.path.getsize(source)
        whole = hashlib.md5(usedforsecurity=False)
        part = hashlib.md5(usedforsecurity=False)
        part_md5s = []
        part_bytes = self.part_mb * MiB
        in_part = 0
        # CPL_DEBUG makes GDAL 3.6 pass on the store's error answer, which its errors leave out.
        options = {"VSIS3_CHUNK_SIZE": str(self.part_mb), "CPL_DEBUG": "ON"}
        with thread_options(options), network_scope(location.vsi_path), self._messages():
            handle = self._open(location)
            written = 0
            try:
                with open(source, "rb") as stream:
                    while True:
                        meter.check()
                        data = stream.read(min(WRITE_SLICE, part_bytes - in_part))
                        if not data:
                            break
                        if gdal.VSIFWriteL(data, 1, len(data), handle) != len(data):
                            raise self._failure(location, "write")
                        written += len(data)
                        whole.update(data)
                        part.update(data)
                        in_part += len(data)
                        if in_part == part_bytes:
                            part_md5s.append(part.digest())
                            part, in_part = hashlib.md5(usedforsecurity=False), 0
                        meter.add(len(data))
                meter.check()
            except BaseException:
                self._discard(handle, written)
                raise
            if self._close(handle) != 0:
                raise self._failure(location, "finish")
        if in_part or not part_md5s:
            part_md5s.append(part.digest())
        forget_cached(location.bucket_prefix)
        etag = self._verify(location, size, whole.hexdigest(), part_md5s)
        # GDAL 3.6 sends /vsigs/ objects (and S3 files below one part) in a single PUT.
        return StoredObject(etag, len(part_md5s) if "-" in etag else 1)

    @contextlib.contextmanager
    def _messages(self) -> Iterator[None]:
        """Collects this thread's GDAL messages (errors and the debug lines holding the store's answers)."""
        self._seen = []

        def handler(_class: int, _number: int, message: str) -> None:
            if len(self._seen) < 50:
                self._seen.append(str(message))

        gdal.PushErrorHandler(handler)
        try:
            yield
        finally:
            gdal.PopErrorHandler()

    def _open(self, location: ObjectLocation):
        try:
            handle = gdal.VSIFOpenL(location.vsi_path, "wb")
        except RuntimeError:
            handle = None
        if handle is None:
            raise self._failure(location, "open")
        return handle

    @staticmethod
    def _close(handle) -> int:
        try:
            return gdal.VSIFCloseL(handle)
        except RuntimeError:
            return -1

    def _discard(self, handle, written: int) -> None:
        """Closes `handle` so that nothing is stored: a refused seek first marks it as failed."""
        try:
            gdal.VSIFSeekL(handle, written + 1, 0)
        except RuntimeError:
            pass  # the refusal is the point
        self._close(handle)

    def _verify(self, location: ObjectLocation, size: int, md5_hex: str, part_md5s) -> str:
        """Checks size and checksum; returns the store's ETag (or the MD5 when it gives none)."""
        try:
            with network_scope(location.vsi_path):
                stat = gdal.VSIStatL(location.vsi_path)
                headers = gdal.GetFileMetadata(location.vsi_path, "HEADERS") or {}
        except RuntimeError:
            stat, headers = None, {}
        check_size(str(stat.size) if stat is not None else None, size, location.uri)
        etag = clean_etag(headers.get("ETag") or headers.get("Etag"))
        goog_md5 = re.search(r"md5=([A-Za-z0-9+/=]+)", headers.get("x-goog-hash", ""))
        if goog_md5:
            check_etag(base64.b64decode(goog_md5.group(1)).hex(), md5_hex, location.uri)
        elif etag and "-" in etag:
            check_etag(etag, multipart_etag(part_md5s), location.uri)
        elif etag:
            check_etag(etag, md5_hex, location.uri)
        else:
            LOG.info("The store gave no checksum for %s; its size was checked", location.uri)
        return etag or md5_hex

    def _failure(self, location: ObjectLocation, step: str) -> CogportError:
        seen = [m for m in self._seen if "<Error>" in m or "HTTP" in m or "failed" in m]
        message = " | ".join(seen[-5:]) or gdal.GetLastErrorMsg() or ""
        where = naming_connection(self.connection_name)
        detail = f"{step} {location.vsi_path}: {message[:500]}"
        if re.search(r"SignatureDoesNotMatch|InvalidAccessKeyId|InvalidSecurity|AccessDenied|\b403\b|\b401\b", message):
            return AuthenticationError(
                tr("The store refused to let these credentials write {uri}{connection}.").format(
                    uri=location.uri, connection=where
                ),
                tr("the access key and secret (or service account), and that they may write to this bucket."),
                detail,
            )
        if re.search(r"NoSuchBucket|\b404\b|does not exist", message):
            return NotFoundError(
                tr("The bucket '{bucket}' does not exist{connection}.").format(
                    bucket=location.bucket, connection=where
                ),
                tr("the bucket name and the account or project that owns it."),
                detail,
            )
        if not message:
            return StorageError(
                tr(_STEP_FAILED[step]).format(uri=location.uri, connection=where),
                tr("the credentials for this bucket (connection or AWS_*/GS_* settings) and the network."),
                detail,
            )
        return StorageError(
            tr("Uploading {uri} failed{connection}.").format(uri=location.uri, connection=where),
            tr("the network and the store's status; details are in the Cogport log."),
            detail,
        )
