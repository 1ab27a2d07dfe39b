"""The few S3 REST calls GDAL 3.6 cannot make for us, signed with AWS Signature V4
(or, for Google Cloud Storage's S3-like XML API, with its HMAC scheme).

GDAL 3.6 mis-signs path-style ListBuckets, returns a bare failure (no status, no
S3 error code) when a bucket listing is refused, and has no call to list or abort
multipart uploads. These calls fill exactly those gaps. Reads still go through
GDAL's /vsis3/; uploads use the multipart calls here (see storage/multipart.py for why).
"""

from __future__ import annotations

import base64
import datetime as dt
import email.utils
import hashlib
import hmac
from dataclasses import dataclass
from typing import Any, Dict, List, Mapping, Optional, Tuple
from urllib.parse import quote, urlparse

import requests

from ..errors import StorageError
from ..i18n import tr
from ..network import PolicySession
from .connection import Credentials, StorageConnection, StoreKind, endpoint_is_ip
from .failures import bucket_named, explain_http_failure, explain_s3_error
from .xml_answer import parse_answer

EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()
UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD"  # SigV4 without hashing the body first (integrity is checked by MD5)


def _hmac(key: bytes, text: str) -> bytes:
    return hmac.new(key, text.encode(), hashlib.sha256).digest()


def sigv4_headers(
    method: str,
    host: str,
    path: str,
    query: Mapping[str, str],
    credentials: Credentials,
    region: str,
    payload_sha256: str = EMPTY_SHA256,
    now: Optional[dt.datetime] = None,
    service: str = "s3",
) -> Dict[str, str]:
    """Headers carrying an AWS SigV4 signature for one request (path already URI-encoded)."""
    now = now or dt.datetime.now(dt.timezone.utc)
    amz_date = now.strftime("%Y%m%dT%H%M%SZ")
    day = amz_date[:8]
    headers = {"host": host, "x-amz-content-sha256": payload_sha256, "x-amz-date": amz_date}
    if credentials.token:
        headers["x-amz-security-token"] = credentials.token
    signed = ";".join(sorted(headers))
    canonical_query = "&".join(f"{quote(k, safe='-_.~')}={quote(v, safe='-_.~')}" for k, v in sorted(query.items()))
    canonical_headers = "".join(f"{k}:{headers[k].strip()}\n" for k in sorted(headers))
    canonical_request = "\n".join([method, path, canonical_query, canonical_headers, signed, payload_sha256])
    scope = f"{day}/{region}/{service}/aws4_request"
    to_sign = "\n".join(["AWS4-HMAC-SHA256", amz_date, scope, hashlib.sha256(canonical_request.encode()).hexdigest()])
    key = _hmac(_hmac(_hmac(_hmac(f"AWS4{credentials.secret}".encode(), day), region), service), "aws4_request")
    signature = hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest()
    headers["Authorization"] = (
        f"AWS4-HMAC-SHA256 Credential={credentials.identity}/{scope}, SignedHeaders={signed}, Signature={signature}"
    )
    del headers["host"]  # requests sets it from the URL
    return headers


def goog1_headers(
    method: str, resource: str, credentials: Credentials, now: Optional[dt.datetime] = None
) -> Dict[str, str]:
    """Google Cloud Storage XML-API HMAC signature (the scheme GDAL's /vsigs/ uses with HMAC keys)."""
    date = email.utils.format_datetime(now or dt.datetime.now(dt.timezone.utc), usegmt=True)
    to_sign = f"{method}\n\n\n{date}\n{resource}"
    digest = hmac.new(credentials.secret.encode(), to_sign.encode(), hashlib.sha1).digest()
    return {"Date": date, "Authorization": f"GOOG1 {credentials.identity}:{base64.b64encode(digest).decode()}"}


@dataclass(frozen=True)
class MultipartUpload:
    key: str
    upload_id: str


class S3Api:
    """Signed S3 REST calls for one connection (AWS, S3-compatible, or public)."""

    def __init__(self, connection: StorageConnection, credentials: Credentials, timeout: float = 30.0) -> None:
        self.connection = connection
        self.credentials = credentials
        self.timeout = timeout
        # Parallel part uploads share this session: one pooled connection per part in flight.
        self.session = PolicySession(pool_size=32, accepted_certificate=connection.accepted_certificate)
        self.region = connection.region or "us-east-1"
        self.scheme = "https" if connection.https else "http"
        if connection.endpoint:
            self.host = connection.endpoint
        elif connection.kind in (StoreKind.AWS_S3, StoreKind.PUBLIC):
            self.host = "s3.amazonaws.com" if self.region == "us-east-1" else f"s3.{self.region}.amazonaws.com"
        else:
            self.host = ""

    def _address(self, bucket: str, key: str) -> Tuple[str, str]:
        encoded_key = quote(key, safe="/-_.~")
        if bucket and self.connection.virtual_hosting:
            if endpoint_is_ip(self.host):
                raise StorageError(
                    tr(
                        "Connection '{name}' uses virtual hosting, so bucket '{bucket}' was addressed as the host "
                        "{bucket}.{endpoint}, which cannot exist: the endpoint is an IP address."
                    ).format(name=self.connection.name, bucket=bucket, endpoint=self.host),
                    tr("the connection's Path-style addressing (host/bucket) box: tick it for this store."),
                )
            return f"{bucket}.{self.host}", f"/{encoded_key}"
        return self.host, f"/{bucket}/{encoded_key}" if bucket else "/"

    def send(
        self,
        method: str,
        bucket: str = "",
        key: str = "",
        query: Optional[Mapping[str, str]] = None,
        data: Any = None,
        headers: Optional[Mapping[str, str]] = None,
        payload_sha256: str = EMPTY_SHA256,
    ) -> requests.Response:
        """Sends one signed request and returns the answer, whatever its status; network errors propagate.

        `data` may be bytes or a file-like body with `__len__` (streamed); its SHA-256 is
        `payload_sha256`, which SigV4 signs.
        """
        host, path = self._address(bucket, key)
        query = dict(query or {})
        if self.connection.anonymous:
            signed: Dict[str, str] = {}
        elif self.connection.kind is StoreKind.GCS:
            signed = goog1_headers(method, path, self.credentials)
        else:
            signed = sigv4_headers(method, host, path, query, self.credentials, self.region, payload_sha256)
        url = f"{self.scheme}://{host}{path}"
        return self.session.request(
            method, url, params=query, data=data, headers={**(headers or {}), **signed}, timeout=self.timeout
        )

    def explain(self, response: requests.Response, bucket: str, what: str = "") -> Exception:
        return explain_s3_error(response, what or bucket_named(bucket), self.connection)

    def network_failure(self, exc: Exception) -> Exception:
        request = getattr(exc, "request", None)
        host = urlparse(request.url).netloc if request is not None and request.url else self.host
        return explain_http_failure(exc, host, self.connection.name, endpoint=self.host)

    def request(
        self,
        method: str,
        bucket: str = "",
        key: str = "",
        query: Optional[Mapping[str, str]] = None,
        what: str = "",
    ) -> requests.Response:
        """Sends one signed request; any non-2xx answer becomes a StorageError saying what to check."""
        what = what or (bucket_named(bucket) if bucket else tr("endpoint {endpoint}").format(endpoint=self.host))
        try:
            response = self.send(method, bucket, key, query)
        except requests.RequestException as exc:
            raise self.network_failure(exc) from exc
        if response.status_code >= 300:
            raise explain_s3_error(response, what, self.connection)
        return response

    def list_buckets(self) -> List[str]:
        root = parse_answer(self.request("GET").content)
        return sorted(el.text or "" for el in root.iter() if el.tag.endswith("}Name") or el.tag == "Name")

    def probe_bucket(self, bucket: str) -> None:
        """Raises the StorageError explaining why `bucket` cannot be listed; returns if it can."""
        self.request("GET", bucket, query={"list-type": "2", "max-keys": "1"})

    def list_multipart_uploads(self, bucket: str, prefix: str = "") -> List[MultipartUpload]:
        query = {"uploads": ""}
        if prefix:
            query["prefix"] = prefix
        root = parse_answer(self.request("GET", bucket, query=query).content)
        uploads = []
        for element in root.iter():
            if element.tag.split("}")[-1] == "Upload":
                values = {child.tag.split("}")[-1]: child.text or "" for child in element}
                uploads.append(MultipartUpload(values.get("Key", ""), values.get("UploadId", "")))
        return uploads

    def abort_multipart_upload(self, bucket: str, upload: MultipartUpload) -> None:
        self.request("DELETE", bucket, upload.key, query={"uploadId": upload.upload_id})
