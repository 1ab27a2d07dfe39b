"""Google Cloud Storage JSON API metadata: a bucket's location and class, an object's generation and class."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Tuple
from urllib.parse import quote

import requests

from ..errors import CogportError, NotFoundError, ServiceError
from ..i18n import tr
from .http import HttpClient, RetryPolicy, TokenProvider

DEFAULT_GCS_API_URL = "https://storage.googleapis.com"
_BUCKET_FIELDS = "name,location,locationType,storageClass,customPlacementConfig"
_OBJECT_FIELDS = "name,bucket,generation,size,storageClass,md5Hash"


@dataclass(frozen=True)
class BucketInfo:
    name: str
    location: str
    location_type: str
    storage_class: str
    data_locations: Tuple[str, ...] = ()


@dataclass(frozen=True)
class ObjectInfo:
    bucket: str
    name: str
    generation: str  # GCS serialises this int64 as a JSON string; kept as text, never rounded
    size: int
    storage_class: str
    md5_hash: str = ""


def explain_gcs_error(response: requests.Response) -> CogportError:
    """GCS JSON API errors: `{"error": {"code", "message", "errors": [{"reason"}]}}`."""
    message, reason = "", ""
    try:
        error = response.json().get("error", {})
        message = str(error.get("message", ""))
        reason = str((error.get("errors") or [{}])[0].get("reason", ""))
    except (ValueError, AttributeError):
        message = response.reason or ""
    status = response.status_code
    what = tr("Cloud Storage answered HTTP {status}: {message}").format(
        status=status, message=message or response.reason
    )
    if status == 404:
        return NotFoundError(what, tr("the bucket and object names."), detail=response.text[:500])
    if status in (401, 403):
        check = tr(
            "that the account may read the bucket's metadata (storage.buckets.get and storage.objects.get, "
            "e.g. the roles Storage Legacy Bucket Reader and Storage Legacy Object Reader), and that the "
            "token carries a Cloud Storage scope."
        )
    else:
        check = tr("the bucket name and try again later.")
    return ServiceError(what, check, detail=response.text[:500], status=status, code=reason)


class GcsMetadataClient:
    """Reads bucket and object metadata with the same bearer token as Earth Engine."""

    def __init__(
        self,
        tokens: TokenProvider,
        base_url: str = DEFAULT_GCS_API_URL,
        *,
        retry: RetryPolicy = RetryPolicy(),
        http: Optional[HttpClient] = None,
    ) -> None:
        self.http = http or HttpClient(base_url, tokens=tokens, retry=retry, explain=explain_gcs_error)

    def bucket(self, bucket: str) -> BucketInfo:
        response = self.http.request("GET", f"storage/v1/b/{quote(bucket, safe='')}", params={"fields": _BUCKET_FIELDS})
        data = response.json()
        placement = data.get("customPlacementConfig") or {}
        return BucketInfo(
            name=str(data.get("name", bucket)),
            location=str(data.get("location", "")).upper(),
            location_type=str(data.get("locationType", "")).lower().replace("_", "-"),
            storage_class=str(data.get("storageClass", "")).upper(),
            data_locations=tuple(str(item).upper() for item in placement.get("dataLocations", [])),
        )

    def object(self, bucket: str, key: str, generation: str = "") -> ObjectInfo:
        params = {"fields": _OBJECT_FIELDS}
        if generation:
            params["generation"] = generation
        response = self.http.request(
            "GET", f"storage/v1/b/{quote(bucket, safe='')}/o/{quote(key, safe='')}", params=params
        )
        data = response.json()
        return ObjectInfo(
            bucket=bucket,
            name=str(data.get("name", key)),
            generation=str(data.get("generation", "")),
            size=int(data.get("size", 0) or 0),
            storage_class=str(data.get("storageClass", "")).upper(),
            md5_hash=str(data.get("md5Hash", "")),
        )


# Predefined dual-regions whose pair includes us-central1 (Iowa). NAM4 = us-central1 + us-east1.
US_CENTRAL1_DUAL_REGIONS = frozenset({"NAM4"})


def earthengine_location_ok(bucket: BucketInfo, extra_dual_regions: frozenset = frozenset()) -> bool:
    """Earth Engine reads COGs only from US, US-CENTRAL1, or a US dual-region that includes us-central1."""
    location = bucket.location.upper()
    if location in ("US", "US-CENTRAL1") and not bucket.data_locations:
        return True
    if bucket.data_locations:  # configurable dual-region: the pair is listed explicitly
        regions = {region.upper() for region in bucket.data_locations}
        return "US-CENTRAL1" in regions and all(region.startswith("US-") for region in regions)
    return location in US_CENTRAL1_DUAL_REGIONS or location in {name.upper() for name in extra_dual_regions}
