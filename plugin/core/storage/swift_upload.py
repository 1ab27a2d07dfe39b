"""Uploads over the Swift API: one PUT up to the segment threshold, a static large object (SLO) above it.

Written by hand rather than through GDAL's /vsiswift/ writer because GDAL 3.6 streams the
whole file as one chunked PUT: it cannot go past Swift's 5 GB object limit, and closing the
handle after a cancel (even after a refused seek) completes the PUT, so a truncated object
would appear under the final key. Here every PUT carries the MD5 as `ETag` (Swift refuses a
corrupted body with 422), a cancel drops the connection before the body ends (Swift then
stores nothing), and segments of a failed SLO upload are deleted.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import threading
import time
from typing import Callable, List, Mapping, Optional, Sequence, Tuple
from urllib.parse import quote, urlparse

import requests

from ..errors import CogportError
from ..i18n import tr
from ..network import PolicySession
from .connection import AuthMode, Credentials, StorageConnection
from .failures import container_named, explain_http_failure, explain_swift_status
from .multipart import StoredObject
from .probe import renew_swift_session, swift_session
from .transfer import (
    FileSliceBody,
    TransferMeter,
    check_etag,
    check_size,
    digest_slice,
    part_ranges,
    pick_part_size,
    run_parallel,
    send_with_retries,
)
from .uri import ObjectLocation

LOG = logging.getLogger("cogport.upload")
SWIFT_MAX_OBJECT = 5 * 1024**3  # Swift's default max_file_size
SLO_MAX_SEGMENTS = 1000  # Swift's default max_manifest_segments


class SwiftApi:
    """Token-authenticated Swift calls; a 401 (expired or revoked token) re-authenticates once.

    A Keystone token is also renewed before each request once it is about to expire, so an upload
    may outlive the token it started with.
    """

    def __init__(
        self,
        connection: StorageConnection,
        credentials: Credentials,
        timeout: float = 60.0,
        session: Optional[Tuple[str, str]] = None,
    ) -> None:
        self.connection = connection
        self.credentials = credentials
        self.timeout = timeout
        self.storage_url, self.token = session or swift_session(connection, credentials)
        self._lock = threading.Lock()
        self.http = PolicySession(pool_size=32, accepted_certificate=connection.accepted_certificate)

    @property
    def host(self) -> str:
        return urlparse(self.storage_url).netloc

    def url(self, container: str, key: str = "") -> str:
        path = quote(container, safe="") + (f"/{quote(key, safe='/')}" if key else "")
        return f"{self.storage_url}/{path}"

    def _current_token(self) -> str:
        if self.connection.auth.keystone:
            self.storage_url, self.token = swift_session(self.connection, self.credentials)
        return self.token

    def send(
        self,
        method: str,
        container: str,
        key: str = "",
        query: Optional[Mapping[str, str]] = None,
        data=None,
        headers: Optional[Mapping[str, str]] = None,
        rewind: Optional[Callable[[], None]] = None,
    ) -> requests.Response:
        for attempt in range(2):
            if rewind is not None:
                rewind()
            token = self._current_token()
            response = self.http.request(
                method,
                self.url(container, key),
                params=dict(query or {}),
                data=data,
                headers={**(headers or {}), "X-Auth-Token": token},
                timeout=self.timeout,
            )
            if not _token_refused(response) or attempt or not self.connection.auth_url:
                return response
            with self._lock:
                if self.token == token:  # one thread re-authenticates for all
                    self.storage_url, self.token = renew_swift_session(self.connection, self.credentials, token)
        return response

    def explainer(self, what: str) -> Callable[[requests.Response], Exception]:
        return lambda response: explain_swift_status(
            response.status_code, what, self.connection, f"HTTP {response.status_code}: {response.text[:300]}"
        )

    def network_failure(self, exc: Exception) -> Exception:
        return explain_http_failure(exc, self.host, self.connection.name)


class SwiftUploader:
    def __init__(self, api: SwiftApi, segment_threshold: int, segment_size: int, concurrency: int) -> None:
        self.api = api
        self.segment_threshold = segment_threshold
        self.segment_size = segment_size
        self.concurrency = max(1, concurrency)

    def check_bucket(self, location: ObjectLocation) -> None:
        """Raises why nothing can be stored in `location`'s container (missing, denied)."""
        try:
            response = self.api.send("HEAD", location.bucket)
        except requests.RequestException as exc:
            raise self.api.network_failure(exc) from exc
        if response.status_code >= 300:
            raise self.api.explainer(container_named(location.bucket))(response)

    def exists(self, location: ObjectLocation) -> bool:
        return self._head(location) is not None

    def _head(self, location: ObjectLocation) -> Optional[requests.Response]:
        try:
            response = self.api.send("HEAD", location.bucket, location.key)
        except requests.RequestException as exc:
            raise self.api.network_failure(exc) from exc
        if response.status_code == 404:
            return None
        if response.status_code >= 300:
            raise self.api.explainer(tr("object {uri}").format(uri=location.uri))(response)
        return response

    def upload(self, source: str, location: ObjectLocation, meter: TransferMeter) -> StoredObject:
        size = os.path.getsize(source)
        old_segments = self._segments_of(location)
        fd = os.open(source, os.O_RDONLY)
        try:
            if size <= self.segment_threshold:
                stored = self._single_put(fd, size, location, meter)
            else:
                stored = self._slo(fd, size, location, meter)
        finally:
            os.close(fd)
        head = self._head(location)
        check_size(head.headers.get("Content-Length") if head is not None else None, size, location.uri)
        check_etag(head.headers.get("Etag") if head is not None else None, stored.etag, location.uri)
        self._delete_paths(old_segments)  # the object replaced was an SLO: its segments are garbage now
        return stored

    def _single_put(self, fd: int, size: int, location: ObjectLocation, meter: TransferMeter) -> StoredObject:
        digest = digest_slice(fd, 0, size, meter, sha256=False)
        body = FileSliceBody(fd, 0, size, meter)
        response = send_with_retries(
            lambda: self.api.send(
                "PUT",
                location.bucket,
                location.key,
                data=body,
                rewind=body.rewind,
                headers={"ETag": digest.md5_hex, "Content-Type": _content_type(location)},
            ),
            f"PUT {location.uri}",
            meter,
            self.api.explainer(container_named(location.bucket)),
            self.api.network_failure,
            body=body,
        )
        check_etag(response.headers.get("Etag"), digest.md5_hex, location.uri)
        return StoredObject(digest.md5_hex, 1)

    def _slo(self, fd: int, size: int, location: ObjectLocation, meter: TransferMeter) -> StoredObject:
        segment_size = pick_part_size(size, self.segment_size, SLO_MAX_SEGMENTS, 1)
        ranges = part_ranges(size, segment_size)
        container = f"{location.bucket}_segments"
        prefix = f"{location.key}/slo/{time.time():.6f}/{size}/{segment_size}"
        self._ensure_container(container, meter)
        keys = [f"{prefix}/{index:08d}" for index in range(len(ranges))]
        LOG.info("SLO upload of %s: %d segments of %d bytes in %s", location.uri, len(ranges), segment_size, container)
        try:
            digests = self._send_segments(fd, ranges, container, keys, meter)
            meter.check()
            manifest = [
                {"path": f"/{container}/{key}", "etag": md5_hex, "size_bytes": length}
                for key, md5_hex, (_offset, length) in zip(keys, digests, ranges)
            ]
            send_with_retries(
                lambda: self.api.send(
                    "PUT",
                    location.bucket,
                    location.key,
                    query={"multipart-manifest": "put"},
                    data=json.dumps(manifest).encode(),
                    headers={"Content-Type": _content_type(location)},
                ),
                f"manifest of {location.uri}",
                meter,
                self.api.explainer(container_named(location.bucket)),
                self.api.network_failure,
            )
        except BaseException:
            meter.stop.set()
            self._delete_paths([f"/{container}/{key}" for key in keys])
            raise
        # Swift's SLO ETag: MD5 of the concatenated hex MD5s of the segments.
        etag = hashlib.md5("".join(digests).encode(), usedforsecurity=False).hexdigest()  # Swift SLO rule
        return StoredObject(etag, len(ranges))

    def _ensure_container(self, container: str, meter: TransferMeter) -> None:
        send_with_retries(
            lambda: self.api.send("PUT", container),
            f"PUT container {container}",
            meter,
            self.api.explainer(tr("segment container '{container}'").format(container=container)),
            self.api.network_failure,
        )

    def _send_segments(
        self, fd: int, ranges: Sequence[Tuple[int, int]], container: str, keys: List[str], meter: TransferMeter
    ) -> List[str]:
        tasks = [
            functools.partial(self._send_segment, fd, offset, length, container, key, meter)
            for (offset, length), key in zip(ranges, keys)
        ]
        return run_parallel(tasks, self.concurrency, meter, "cogport-segment")

    def _send_segment(self, fd: int, offset: int, length: int, container: str, key: str, meter: TransferMeter) -> str:
        # One read of the segment, MD5 computed while sending: a mismatch deletes every segment.
        body = FileSliceBody(fd, offset, length, meter)
        response = send_with_retries(
            lambda: self.api.send("PUT", container, key, data=body, rewind=body.rewind),
            f"segment {key}",
            meter,
            self.api.explainer(tr("segment container '{container}'").format(container=container)),
            self.api.network_failure,
            body=body,
        )
        check_etag(response.headers.get("Etag"), body.md5_hex, tr("segment {key}").format(key=key))
        return body.md5_hex

    def _segments_of(self, location: ObjectLocation) -> List[str]:
        """Segment paths of the SLO currently stored under `location` (empty if none or a plain object)."""
        head = self._head(location)
        if head is None or head.headers.get("X-Static-Large-Object", "").lower() != "true":
            return []
        response = self.api.send("GET", location.bucket, location.key, query={"multipart-manifest": "get"})
        if response.status_code >= 300:
            return []
        try:
            return [str(item["name"]) for item in response.json()]
        except (ValueError, KeyError, TypeError):
            return []

    def _delete_paths(self, paths: List[str]) -> None:
        for path in paths:
            container, _, key = path.lstrip("/").partition("/")
            try:
                response = self.api.send("DELETE", container, key)
                if response.status_code >= 300 and response.status_code != 404:
                    LOG.warning("Could not delete segment %s: HTTP %s", path, response.status_code)
            except requests.RequestException as exc:
                LOG.warning("Could not delete segment %s: %r", path, exc)


def _token_refused(response: requests.Response) -> bool:
    # Swift authorises a manifest PUT only after the SLO middleware has checked its segments, so a
    # token that stopped working just before it shows as a 400 listing the segments as 401.
    if response.status_code == 401:
        return True
    manifest = response.status_code == 400 and "multipart-manifest=put" in (response.request.url or "")
    return manifest and "401 Unauthorized" in response.text


def _content_type(location: ObjectLocation) -> str:
    return "image/tiff" if location.key.lower().endswith((".tif", ".tiff")) else "application/octet-stream"


def swift_api_from_gdal_config(bucket: str) -> SwiftApi:
    """A SwiftApi from GDAL's SWIFT_* or OS_* options in force for `bucket` (uploads without a saved connection)."""
    from osgeo import gdal

    from .openstack_config import from_os_variables, from_swift_variables

    def option(key: str) -> str:
        prefix = f"/vsiswift/{bucket}/"
        return gdal.GetPathSpecificOption(prefix, key, None) or gdal.GetConfigOption(key) or os.environ.get(key, "")

    # GDAL's own order: a storage URL and token first, then Keystone (OS_IDENTITY_API_VERSION=3), then auth v1.
    name = f"GDAL configuration of /vsiswift/{bucket}"
    swift = from_swift_variables(option, name)
    keystone = from_os_variables(option, name) if option("OS_IDENTITY_API_VERSION") == "3" else None
    found = swift if swift is not None and swift.connection.auth is AuthMode.SWIFT_TOKEN else keystone or swift
    if found is None:
        raise CogportError(
            tr("No Swift credentials are configured for container '{container}'.").format(container=bucket),
            tr(
                "the connection, or set GDAL's OS_* options (OS_IDENTITY_API_VERSION=3, OS_AUTH_URL, OS_USERNAME, "
                "OS_PASSWORD, OS_PROJECT_NAME…), SWIFT_AUTH_V1_URL, SWIFT_USER and SWIFT_KEY, or SWIFT_STORAGE_URL "
                "and SWIFT_AUTH_TOKEN."
            ),
        )
    return SwiftApi(found.connection, found.credentials)
