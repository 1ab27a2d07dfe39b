"""An in-process fake of Google Cloud Storage on 127.0.0.1, for GDAL's /vsigs/ and the JSON metadata API.

Built from the documented contract (shared/reference/cloud-apis.md 1.5, object-store.md
"GCS emulators") and from what GDAL 3.6.2 was seen to send:

XML API (what /vsigs/ speaks):
- `GET /<bucket>/?delimiter=%2F&prefix=p%2F[&max-keys=N][&marker=M]` -> ListBucketResult,
  paged with IsTruncated/NextMarker (page size = min(max-keys, `page_size`)), as GDAL 3.6 and 3.10 list;
- the same with `list-type=2[&continuation-token=T]` (ListObjectsV2, as GDAL 3.13 lists) -> KeyCount and an
  opaque NextContinuationToken instead of NextMarker;
- `GET /` -> ListAllMyBucketsResult;
- `HEAD`/`GET /<bucket>/<object>` with `Range: bytes=a-b` (206 + Content-Range);
- `PUT /<bucket>/<object>` (Content-Length or chunked body), `PUT /<bucket>/` creates a bucket;
- `DELETE /<bucket>/<object>` -> 204.
Requests are checked: with `hmac_keys` set, every XML request must carry a valid
`Authorization: GOOG1 <access>:<signature>` (HMAC-SHA1, as GDAL signs with
GS_ACCESS_KEY_ID/GS_SECRET_ACCESS_KEY), otherwise 403 SignatureDoesNotMatch/InvalidAccessKeyId.
Without `hmac_keys`, anonymous requests (GS_NO_SIGN_REQUEST=YES) are accepted.

JSON API (what the Earth Engine pre-flight reads):
- `GET /storage/v1/b/{bucket}` -> storage#bucket (location, locationType, storageClass,
  customPlacementConfig when set), honouring a flat `fields=` list;
- `GET /storage/v1/b/{bucket}/o/{object}` (object name URL-encoded; a raw `/` is a 404,
  as on GCS) -> storage#object with `generation` as a JSON string, `size`, `storageClass`,
  `md5Hash`; `?generation=N` must match.
With `bearer_tokens` set, JSON calls need `Authorization: Bearer <one of them>` (else 401);
`expired_tokens` answer 401 too. `fail_next()` scripts 403/404/429/5xx answers.

Every request is recorded in `requests` (method, path, query, headers, body) for assertions.
"""

from __future__ import annotations

import base64
import email.utils
import hashlib
import hmac
import itertools
import json
import re
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Dict, List, Optional, Set, Tuple
from urllib.parse import parse_qs, quote, unquote, urlsplit
from xml.sax.saxutils import escape

from cogport.tests.support.loopback import LoopbackServer

_generations = itertools.count(1_700_000_000_000_001)


@dataclass
class FakeObject:
    data: bytes
    generation: int
    storage_class: str
    content_type: str = "application/octet-stream"
    updated: float = field(default_factory=time.time)

    @property
    def md5_b64(self) -> str:
        return base64.b64encode(hashlib.md5(self.data).digest()).decode()

    @property
    def etag(self) -> str:
        return hashlib.md5(self.data).hexdigest()


@dataclass
class FakeBucket:
    name: str
    location: str = "US"
    location_type: str = "multi-region"
    storage_class: str = "STANDARD"
    data_locations: Tuple[str, ...] = ()
    objects: Dict[str, FakeObject] = field(default_factory=dict)

    def resource(self) -> dict:
        body = {
            "kind": "storage#bucket",
            "id": self.name,
            "name": self.name,
            "projectNumber": "123456789012",
            "metageneration": "1",
            "location": self.location,
            "locationType": self.location_type,
            "storageClass": self.storage_class,
        }
        if self.data_locations:
            body["customPlacementConfig"] = {"dataLocations": list(self.data_locations)}
        return body


@dataclass
class RecordedRequest:
    method: str
    path: str  # raw path, still percent-encoded
    query: Dict[str, List[str]]
    headers: Dict[str, str]
    body: bytes

    def header(self, name: str) -> Optional[str]:
        for key, value in self.headers.items():
            if key.lower() == name.lower():
                return value
        return None

    @property
    def api(self) -> str:
        return "json" if self.path.startswith("/storage/v1/") else "xml"


@dataclass
class _ScriptedFailure:
    status: int
    method: Optional[str]
    path_prefix: str
    times: int
    headers: Dict[str, str]
    message: str


class FakeGcs(LoopbackServer):
    """Start with `FakeGcs().start()` (or the `fake_gcs` pytest fixture); `stop()` when done."""

    def __init__(self, page_size: int = 1000) -> None:
        self.buckets: Dict[str, FakeBucket] = {}
        self.requests: List[RecordedRequest] = []
        self.page_size = page_size
        self.hmac_keys: Dict[str, str] = {}
        self.bearer_tokens: Set[str] = set()
        self.expired_tokens: Set[str] = set()
        self._failures: List[_ScriptedFailure] = []
        self._lock = threading.RLock()

    # ----- lifecycle
    def start(self) -> FakeGcs:
        self._serve(_Handler, "fake")
        return self

    @property
    def url(self) -> str:
        """Base URL with a trailing slash: the value for CPL_GS_ENDPOINT and the JSON API base."""
        return f"http://127.0.0.1:{self.port}/"

    # ----- state
    def add_bucket(
        self,
        name: str,
        location: str = "US",
        location_type: str = "multi-region",
        storage_class: str = "STANDARD",
        data_locations: Tuple[str, ...] = (),
    ) -> FakeBucket:
        with self._lock:
            bucket = FakeBucket(name, location, location_type, storage_class, tuple(data_locations))
            self.buckets[name] = bucket
            return bucket

    def put_object(self, bucket: str, key: str, data: bytes, storage_class: Optional[str] = None) -> FakeObject:
        """Stores an object directly (a new generation each time), bypassing HTTP."""
        with self._lock:
            owner = self.buckets[bucket]
            obj = FakeObject(data, next(_generations), storage_class or owner.storage_class)
            owner.objects[key] = obj
            return obj

    def put_file(self, bucket: str, key: str, path: str, storage_class: Optional[str] = None) -> FakeObject:
        """Stores a local or /vsimem/ file (e.g. a COG written by GDAL) as an object."""
        from osgeo import gdal

        handle = gdal.VSIFOpenL(path, "rb")
        try:
            gdal.VSIFSeekL(handle, 0, 2)
            size = gdal.VSIFTellL(handle)
            gdal.VSIFSeekL(handle, 0, 0)
            data = gdal.VSIFReadL(1, size, handle)
        finally:
            gdal.VSIFCloseL(handle)
        return self.put_object(bucket, key, bytes(data), storage_class)

    def get_object(self, bucket: str, key: str) -> Optional[FakeObject]:
        with self._lock:
            owner = self.buckets.get(bucket)
            return owner.objects.get(key) if owner else None

    def fail_next(
        self,
        status: int,
        *,
        path_prefix: str = "/",
        method: Optional[str] = None,
        times: int = 1,
        headers: Optional[Dict[str, str]] = None,
        message: str = "",
    ) -> None:
        """The next `times` requests whose raw path starts with `path_prefix` get `status`."""
        with self._lock:
            self._failures.append(_ScriptedFailure(status, method, path_prefix, times, dict(headers or {}), message))

    def requests_to(self, path_prefix: str, method: Optional[str] = None) -> List[RecordedRequest]:
        with self._lock:
            return [
                r for r in self.requests if r.path.startswith(path_prefix) and (method is None or r.method == method)
            ]

    def gdal_options(self, *, access_key: str = "", secret: str = "") -> Dict[str, str]:
        """Options that reach this fake when set path-specifically on /vsigs/<bucket> (GDAL 3.6.2).

        CPL_VSIL_USE_TEMP_FILE_FOR_RANDOM_WRITE is not among them: GDAL 3.6 reads it only as a
        global or thread-local config option, so GTiff/COG writes to /vsigs/ need it set that way
        (or write locally and `put_file`).
        """
        options = {"CPL_GS_ENDPOINT": self.url}
        if access_key:
            options["GS_ACCESS_KEY_ID"] = access_key
            options["GS_SECRET_ACCESS_KEY"] = secret
        else:
            options["GS_NO_SIGN_REQUEST"] = "YES"
        return options

    def configure_gdal(self, bucket: str, *, access_key: str = "", secret: str = "") -> None:
        """Scopes the options to /vsigs/<bucket> with gdal.SetPathSpecificOption."""
        from osgeo import gdal

        for key, value in self.gdal_options(access_key=access_key, secret=secret).items():
            gdal.SetPathSpecificOption(f"/vsigs/{bucket}", key, value)
        gdal.VSICurlClearCache()

    # ----- used by the handler
    def _take_failure(self, method: str, path: str) -> Optional[_ScriptedFailure]:
        with self._lock:
            for failure in self._failures:
                if path.startswith(failure.path_prefix) and failure.method in (None, method):
                    failure.times -= 1
                    if failure.times <= 0:
                        self._failures.remove(failure)
                    return failure
        return None


class _Handler(BaseHTTPRequestHandler):
    fake: FakeGcs
    protocol_version = "HTTP/1.1"

    def log_message(self, *args) -> None:  # keep pytest output clean
        pass

    # ----- plumbing
    def _read_body(self) -> bytes:
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            chunks = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    self.rfile.readline()
                    break
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
            return b"".join(chunks)
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _send(
        self,
        status: int,
        body: bytes = b"",
        headers: Optional[Dict[str, str]] = None,
        content_type: str = "application/xml",
    ) -> None:
        self.send_response(status)
        headers = dict(headers or {})
        headers.setdefault("Content-Type", content_type)
        if "Content-Length" not in headers:
            headers["Content-Length"] = str(len(body))
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD" and body:
            self.wfile.write(body)

    def _xml_error(self, status: int, code: str, message: str, headers: Optional[Dict[str, str]] = None) -> None:
        body = (
            "<?xml version='1.0' encoding='UTF-8'?>"
            f"<Error><Code>{escape(code)}</Code><Message>{escape(message)}</Message></Error>"
        ).encode()
        self._send(status, body, headers)

    def _json(self, status: int, payload: dict, headers: Optional[Dict[str, str]] = None) -> None:
        self._send(status, json.dumps(payload).encode(), headers, "application/json; charset=UTF-8")

    def _json_error(self, status: int, message: str, reason: str, headers: Optional[Dict[str, str]] = None) -> None:
        self._json(
            status,
            {
                "error": {
                    "code": status,
                    "message": message,
                    "errors": [{"message": message, "domain": "global", "reason": reason}],
                }
            },
            headers,
        )

    def _handle(self) -> None:
        split = urlsplit(self.path)
        body = self._read_body() if self.command in ("PUT", "POST") else b""
        recorded = RecordedRequest(
            self.command,
            split.path,
            parse_qs(split.query, keep_blank_values=True),
            {k: v for k, v in self.headers.items()},
            body,
        )
        with self.fake._lock:
            self.fake.requests.append(recorded)
        failure = self.fake._take_failure(self.command, split.path)
        if failure is not None:
            self._scripted(recorded, failure)
            return
        if recorded.api == "json":
            self._handle_json(recorded)
        else:
            self._handle_xml(recorded)

    def _scripted(self, request: RecordedRequest, failure: _ScriptedFailure) -> None:
        reasons = {401: "required", 403: "forbidden", 404: "notFound", 429: "rateLimitExceeded"}
        message = failure.message or f"Scripted HTTP {failure.status} from the fake GCS."
        if request.api == "json":
            self._json_error(failure.status, message, reasons.get(failure.status, "backendError"), failure.headers)
        else:
            codes = {403: "AccessDenied", 404: "NoSuchKey", 429: "SlowDown"}
            self._xml_error(failure.status, codes.get(failure.status, "InternalError"), message, failure.headers)

    do_GET = do_HEAD = do_PUT = do_DELETE = do_POST = _handle

    # ----- JSON API
    def _handle_json(self, request: RecordedRequest) -> None:
        fake = self.fake
        if fake.bearer_tokens or fake.expired_tokens:
            auth = request.header("Authorization") or ""
            token = auth[len("Bearer ") :] if auth.startswith("Bearer ") else ""
            if token in fake.expired_tokens or token not in fake.bearer_tokens:
                self._json_error(
                    401,
                    "Invalid Credentials",
                    "authError",
                    {"WWW-Authenticate": 'Bearer realm="https://accounts.google.com/"'},
                )
                return
        if request.method != "GET":
            self._json_error(405, "Method not allowed by the fake.", "methodNotAllowed")
            return
        match = re.fullmatch(r"/storage/v1/b/([^/]+)(?:/o/([^/]+))?", request.path)
        if match is None:
            self._json_error(404, "Not Found", "notFound")
            return
        bucket_name = unquote(match.group(1))
        with fake._lock:
            bucket = fake.buckets.get(bucket_name)
            if bucket is None:
                self._json_error(404, "The specified bucket does not exist.", "notFound")
                return
            if match.group(2) is None:
                self._json(200, _partial(bucket.resource(), request.query))
                return
            name = unquote(match.group(2))
            obj = bucket.objects.get(name)
            wanted = request.query.get("generation", [""])[0]
            if obj is None or (wanted and wanted != str(obj.generation)):
                self._json_error(404, "No such object: " + f"{bucket_name}/{name}", "notFound")
                return
            resource = {
                "kind": "storage#object",
                "id": f"{bucket_name}/{name}/{obj.generation}",
                "name": name,
                "bucket": bucket_name,
                "generation": str(obj.generation),
                "metageneration": "1",
                "contentType": obj.content_type,
                "storageClass": obj.storage_class,
                "size": str(len(obj.data)),
                "md5Hash": obj.md5_b64,
                "etag": obj.etag,
                "updated": time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(obj.updated)),
            }
        self._json(200, _partial(resource, request.query))

    # ----- XML API
    def _handle_xml(self, request: RecordedRequest) -> None:
        fake = self.fake
        if not self._xml_authorised(request):
            return
        parts = request.path.lstrip("/").split("/", 1)
        bucket_name = unquote(parts[0])
        key = unquote(parts[1]) if len(parts) > 1 else ""
        with fake._lock:
            if not bucket_name:
                self._list_buckets()
                return
            bucket = fake.buckets.get(bucket_name)
            if request.method == "PUT" and not key:
                if bucket is None:
                    fake.add_bucket(bucket_name)
                self._send(200)
                return
            if bucket is None:
                self._xml_error(404, "NoSuchBucket", "The specified bucket does not exist.")
                return
            if not key and request.method == "GET":
                self._list_objects(bucket, request.query)
                return
            if request.method == "PUT":
                obj = fake.put_object(bucket_name, key, request.body)
                obj.content_type = request.header("Content-Type") or obj.content_type
                self._send(200, headers={"ETag": f'"{obj.etag}"', "x-goog-generation": str(obj.generation)})
                return
            obj = bucket.objects.get(key)
            if request.method == "DELETE":
                if obj is None:
                    self._xml_error(404, "NoSuchKey", "The specified key does not exist.")
                    return
                del bucket.objects[key]
                self._send(204)
                return
            if request.method not in ("GET", "HEAD"):
                self._xml_error(405, "MethodNotAllowed", "The fake does not support this method.")
                return
            if obj is None:
                self._xml_error(404, "NoSuchKey", "The specified key does not exist.")
                return
            self._send_object(obj, request.header("Range"))

    def _xml_authorised(self, request: RecordedRequest) -> bool:
        keys = self.fake.hmac_keys
        if not keys:
            return True
        auth = request.header("Authorization") or ""
        match = re.fullmatch(r"GOOG1 ([^:]+):(.+)", auth)
        if match is None:
            self._xml_error(403, "AccessDenied", "Anonymous caller does not have storage.objects.get access.")
            return False
        secret = keys.get(match.group(1))
        if secret is None:
            self._xml_error(
                403, "InvalidAccessKeyId", "The Google Cloud Storage access key Id you provided does not exist."
            )
            return False
        if not hmac.compare_digest(match.group(2), _goog1_signature(secret, request)):
            self._xml_error(
                403,
                "SignatureDoesNotMatch",
                "The request signature we calculated does not match the signature you provided.",
            )
            return False
        return True

    def _send_object(self, obj: FakeObject, range_header: Optional[str]) -> None:
        size = len(obj.data)
        headers = {
            "ETag": f'"{obj.etag}"',
            "Last-Modified": email.utils.formatdate(obj.updated, usegmt=True),
            "x-goog-generation": str(obj.generation),
            "x-goog-storage-class": obj.storage_class,
            "x-goog-stored-content-length": str(size),
            "Accept-Ranges": "bytes",
        }
        match = re.fullmatch(r"bytes=(\d+)-(\d*)", range_header or "")
        if match is None:
            self._send(200, obj.data, headers, obj.content_type)
            return
        start = int(match.group(1))
        end = min(int(match.group(2)) if match.group(2) else size - 1, size - 1)
        if start >= size:
            headers["Content-Range"] = f"bytes */{size}"
            self._xml_error(416, "InvalidRange", "The requested range cannot be satisfied.", headers)
            return
        headers["Content-Range"] = f"bytes {start}-{end}/{size}"
        self._send(206, obj.data[start : end + 1], headers, obj.content_type)

    def _list_buckets(self) -> None:
        entries = "".join(
            f"<Bucket><Name>{escape(name)}</Name><CreationDate>2024-01-01T00:00:00.000Z</CreationDate></Bucket>"
            for name in sorted(self.fake.buckets)
        )
        body = (
            "<?xml version='1.0' encoding='UTF-8'?><ListAllMyBucketsResult>"
            f"<Buckets>{entries}</Buckets></ListAllMyBucketsResult>"
        ).encode()
        self._send(200, body)

    def _list_objects(self, bucket: FakeBucket, query: Dict[str, List[str]]) -> None:
        prefix = query.get("prefix", [""])[0]
        delimiter = query.get("delimiter", [""])[0]
        version_2 = query.get("list-type", [""])[0] == "2"
        token = query.get("continuation-token", [""])[0]
        marker = (
            (base64.urlsafe_b64decode(token).decode() if token else query.get("start-after", [""])[0])
            if version_2
            else query.get("marker", [""])[0]
        )
        limit = min(int(query.get("max-keys", ["1000"])[0] or 1000), self.fake.page_size)
        # One sorted stream of keys and common prefixes, as GCS pages them.
        entries: Dict[str, Optional[FakeObject]] = {}
        for key in sorted(bucket.objects):
            if not key.startswith(prefix):
                continue
            rest = key[len(prefix) :]
            if delimiter and delimiter in rest:
                entries.setdefault(prefix + rest.split(delimiter, 1)[0] + delimiter, None)
            else:
                entries[key] = bucket.objects[key]
        names = [name for name in sorted(entries) if name > marker]
        page, truncated = names[:limit], len(names) > limit
        contents, prefixes = [], []
        for name in page:
            obj = entries[name]
            if obj is None:
                prefixes.append(f"<CommonPrefixes><Prefix>{escape(name)}</Prefix></CommonPrefixes>")
            else:
                modified = time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(obj.updated))
                contents.append(
                    f"<Contents><Key>{escape(name)}</Key><Generation>{obj.generation}</Generation>"
                    f'<LastModified>{modified}</LastModified><ETag>"{obj.etag}"</ETag>'
                    f"<Size>{len(obj.data)}</Size><StorageClass>{obj.storage_class}</StorageClass></Contents>"
                )
        if version_2:
            position = f"<KeyCount>{len(page)}</KeyCount>" + (
                f"<ContinuationToken>{token}</ContinuationToken>" if token else ""
            )
            if truncated:
                next_token = base64.urlsafe_b64encode(page[-1].encode()).decode()
                position += f"<NextContinuationToken>{next_token}</NextContinuationToken>"
        else:
            position = f"<Marker>{escape(marker)}</Marker>"
            if truncated:
                position += f"<NextMarker>{escape(page[-1])}</NextMarker>"
        body = (
            "<?xml version='1.0' encoding='UTF-8'?>"
            "<ListBucketResult xmlns='http://doc.s3.amazonaws.com/2006-03-01'>"
            f"<Name>{escape(bucket.name)}</Name><Prefix>{escape(prefix)}</Prefix>{position}"
            f"<IsTruncated>{'true' if truncated else 'false'}</IsTruncated>"
            f"{''.join(contents)}{''.join(prefixes)}</ListBucketResult>"
        ).encode()
        self._send(200, body)


def _goog1_signature(secret: str, request: RecordedRequest) -> str:
    """HMAC-SHA1 over the legacy GCS/S3 string-to-sign (as GDAL's /vsigs/ builds it with HMAC keys)."""
    goog_headers = sorted(
        (key.lower(), value.strip()) for key, value in request.headers.items() if key.lower().startswith("x-goog-")
    )
    canonical_headers = "".join(f"{key}:{value}\n" for key, value in goog_headers)
    string_to_sign = (
        "\n".join(
            [
                request.method,
                request.header("Content-MD5") or "",
                request.header("Content-Type") or "",
                request.header("Date") or "",
            ]
        )
        + "\n"
        + canonical_headers
        + request.path
    )
    digest = hmac.new(secret.encode(), string_to_sign.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()


def _partial(resource: dict, query: Dict[str, List[str]]) -> dict:
    """Honours a flat `fields=a,b,c` partial-response list (nested selectors are not needed here)."""
    fields = query.get("fields", [""])[0]
    if not fields:
        return resource
    wanted = {name.strip().split("/")[0].split("(")[0] for name in fields.split(",")}
    return {key: value for key, value in resource.items() if key in wanted}


def object_json_path(bucket: str, key: str) -> str:
    """The JSON API path of an object, with the name URL-encoded as GCS requires."""
    return f"/storage/v1/b/{quote(bucket, safe='')}/o/{quote(key, safe='')}"
