"""Uploads to S3-compatible stores: one PUT for small files, parallel multipart above the part size.

Written by hand on `S3Api` rather than through GDAL's /vsis3/ writer because GDAL 3.6:
- sends the parts of a multipart upload one after the other (measured in bench/upload.py);
- has no abort call: closing a handle completes the upload with the parts sent so far, and only
  a deliberately refused seek makes it abort instead (the trick vsi_upload.py relies on);
- reports failures without the HTTP status, so transient and permanent errors cannot be told
  apart, and gives no part checksums to verify.
Here each part carries Content-MD5 (the store rejects a corrupted part), parts go up
`concurrency` at a time straight from the file (memory stays flat), a cancel or failure
aborts the upload, and the final ETag is checked against the multipart rule.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
from dataclasses import dataclass
from typing import List, Tuple

import requests

from ..errors import StorageError
from ..i18n import tr
from .s3_api import UNSIGNED_PAYLOAD, MultipartUpload, S3Api
from .transfer import (
    FileSliceBody,
    SliceDigest,
    TransferMeter,
    check_etag,
    check_size,
    clean_etag,
    digest_slice,
    multipart_etag,
    part_ranges,
    pick_part_size,
    quiet_meter,
    run_parallel,
    send_with_retries,
)
from .uri import ObjectLocation
from .xml_answer import ParseError, parse_answer

LOG = logging.getLogger("cogport.upload")
S3_MIN_PART = 5 * 1024 * 1024  # S3's smallest part (except the last)
S3_MAX_PARTS = 10000


@dataclass(frozen=True)
class StoredObject:
    etag: str
    parts: int


class S3Uploader:
    def __init__(self, api: S3Api, part_size: int, concurrency: int) -> None:
        self.api = api
        self.part_size = part_size
        self.concurrency = max(1, concurrency)

    # ----- existence
    def check_bucket(self, location: ObjectLocation) -> None:
        """Raises why nothing can be stored in `location`'s bucket (missing, other region, denied)."""
        self.api.probe_bucket(location.bucket)

    def exists(self, location: ObjectLocation) -> bool:
        try:
            answer = self.api.send("HEAD", location.bucket, location.key)
        except requests.RequestException as exc:
            raise self.api.network_failure(exc) from exc
        if answer.status_code == 404:
            return False
        if answer.status_code >= 300:
            # A HEAD answer has no body to explain itself: ask the bucket for the reason (key, bucket).
            self.api.probe_bucket(location.bucket)
            raise self.api.explain(answer, location.bucket, tr("object {uri}").format(uri=location.uri))
        return True

    # ----- upload
    def upload(self, source: str, location: ObjectLocation, meter: TransferMeter) -> StoredObject:
        size = os.path.getsize(source)
        part_size = pick_part_size(size, self.part_size, S3_MAX_PARTS, S3_MIN_PART if size > self.part_size else 1)
        fd = os.open(source, os.O_RDONLY)
        try:
            if size <= part_size:
                stored = self._single_put(fd, size, location, meter)
            else:
                stored = self._multipart(fd, size, part_size, location, meter)
        finally:
            os.close(fd)
        self._verify(location, size, stored)
        return stored

    def _explain(self, location: ObjectLocation):
        return lambda response: self.api.explain(response, location.bucket)

    def _single_put(self, fd: int, size: int, location: ObjectLocation, meter: TransferMeter) -> StoredObject:
        digest = digest_slice(fd, 0, size, meter)
        body = FileSliceBody(fd, 0, size, meter)

        response = send_with_retries(
            lambda: self.api.send(
                "PUT",
                location.bucket,
                location.key,
                data=body,
                payload_sha256=digest.sha256,
                headers=_put_headers(digest, location),
            ),
            f"PUT {location.uri}",
            meter,
            self._explain(location),
            self.api.network_failure,
            body=body,
        )
        check_etag(response.headers.get("ETag"), digest.md5_hex, location.uri)
        return StoredObject(digest.md5_hex, 1)

    def _multipart(
        self, fd: int, size: int, part_size: int, location: ObjectLocation, meter: TransferMeter
    ) -> StoredObject:
        created = send_with_retries(
            lambda: self.api.send(
                "POST",
                location.bucket,
                location.key,
                query={"uploads": ""},
                headers={"Content-Type": _content_type(location)},
            ),
            f"create multipart {location.uri}",
            meter,
            self._explain(location),
            self.api.network_failure,
        )
        upload = MultipartUpload(location.key, _xml_text(created.content, "UploadId"))
        if not upload.upload_id:
            raise StorageError(
                tr("The store did not start a multipart upload for {uri}.").format(uri=location.uri),
                tr("that the store supports S3 multipart uploads (or raise the part size above the file size)."),
                detail=created.text[:500],
            )
        LOG.info(
            "Multipart upload of %s: %d parts of %d bytes, %d in flight",
            location.uri,
            len(part_ranges(size, part_size)),
            part_size,
            self.concurrency,
        )
        try:
            parts = self._send_parts(fd, size, part_size, location, upload, meter)
            meter.check()
            etag = self._complete(location, upload, parts, meter)
        except BaseException:
            meter.stop.set()
            self._abort(location, upload)
            raise
        expected = multipart_etag(digest for _number, digest in parts)
        check_etag(etag, expected, location.uri)
        return StoredObject(expected, len(parts))

    def _send_parts(
        self,
        fd: int,
        size: int,
        part_size: int,
        location: ObjectLocation,
        upload: MultipartUpload,
        meter: TransferMeter,
    ) -> List[Tuple[int, bytes]]:
        tasks = [
            functools.partial(self._send_part, fd, number, offset, length, location, upload, meter)
            for number, (offset, length) in enumerate(part_ranges(size, part_size), start=1)
        ]
        return run_parallel(tasks, self.concurrency, meter, "cogport-part")

    def _send_part(
        self,
        fd: int,
        number: int,
        offset: int,
        length: int,
        location: ObjectLocation,
        upload: MultipartUpload,
        meter: TransferMeter,
    ) -> Tuple[int, bytes]:
        # One read of the part: unsigned payload, MD5 computed while sending and checked against the
        # part's ETag (a mismatch aborts the whole upload, so a corrupted part is never assembled).
        body = FileSliceBody(fd, offset, length, meter)
        query = {"partNumber": str(number), "uploadId": upload.upload_id}
        response = send_with_retries(
            lambda: self.api.send(
                "PUT", location.bucket, location.key, query=query, data=body, payload_sha256=UNSIGNED_PAYLOAD
            ),
            f"part {number} of {location.uri}",
            meter,
            self._explain(location),
            self.api.network_failure,
            body=body,
        )
        part = tr("part {number} of {uri}").format(number=number, uri=location.uri)
        check_etag(response.headers.get("ETag"), body.md5_hex, part)
        return number, body.md5.digest()

    def _complete(
        self, location: ObjectLocation, upload: MultipartUpload, parts: List[Tuple[int, bytes]], meter: TransferMeter
    ) -> str:
        body = (
            "<CompleteMultipartUpload>"
            + "".join(f'<Part><PartNumber>{n}</PartNumber><ETag>"{d.hex()}"</ETag></Part>' for n, d in parts)
            + "</CompleteMultipartUpload>"
        ).encode()
        sha = hashlib.sha256(body).hexdigest()
        response = send_with_retries(
            lambda: self.api.send(
                "POST",
                location.bucket,
                location.key,
                query={"uploadId": upload.upload_id},
                data=body,
                payload_sha256=sha,
                headers={"Content-Type": "application/xml"},
            ),
            f"complete {location.uri}",
            meter,
            self._explain(location),
            self.api.network_failure,
        )
        # S3 may answer 200 and still report an error in the body of a CompleteMultipartUpload.
        if _xml_text(response.content, "Code"):
            raise StorageError(
                tr("The store could not assemble the parts of {uri}.").format(uri=location.uri),
                tr("the store's status, then upload again."),
                detail=response.text[:500],
            )
        return clean_etag(_xml_text(response.content, "ETag"))

    def _abort(self, location: ObjectLocation, upload: MultipartUpload) -> None:
        for _attempt in range(3):
            try:
                self.api.abort_multipart_upload(location.bucket, upload)
                LOG.info("Aborted the multipart upload of %s", location.uri)
                return
            except Exception as exc:  # noqa: BLE001 - logged; the original failure is what the person sees
                LOG.warning("Could not abort the multipart upload of %s: %s", location.uri, exc)

    def _verify(self, location: ObjectLocation, size: int, stored: StoredObject) -> None:
        response = send_with_retries(
            lambda: self.api.send("HEAD", location.bucket, location.key),
            f"HEAD {location.uri}",
            quiet_meter(),
            self._explain(location),
            self.api.network_failure,
        )
        check_size(response.headers.get("Content-Length"), size, location.uri)
        check_etag(response.headers.get("ETag"), stored.etag, location.uri)


def _put_headers(digest: SliceDigest, location: ObjectLocation) -> dict:
    return {"Content-MD5": digest.md5_base64, "Content-Type": _content_type(location)}


def _content_type(location: ObjectLocation) -> str:
    key = location.key.lower()
    if key.endswith((".tif", ".tiff")):
        return "image/tiff"
    if key.endswith(".json"):
        return "application/json"
    return "application/octet-stream"


def _xml_text(content: bytes, tag: str) -> str:
    try:
        root = parse_answer(content)
    except ParseError:
        return ""
    for element in root.iter():
        if element.tag.split("}")[-1] == tag:
            return element.text or ""
    return ""
