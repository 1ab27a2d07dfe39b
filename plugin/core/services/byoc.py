"""Sentinel Hub BYOC: connections, collections, tiles, bulk registration and ingestion polling.

Every QGIS surface (dock, dialogs, Processing) calls these functions. The REST
contract is Sentinel Hub's `/api/v1/byoc`: 201 `{"data": …}` on create, 204 on
update/delete/reingest, `{"error": {…}}` bodies, `links.nextToken` paging via
`viewtoken`, and 429 with `Retry-After` in milliseconds.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Iterable, Iterator, List, Mapping, Optional
from urllib.parse import urlparse

import requests

from .. import network
from ..errors import CancelledError, CogportError, NetworkError, RateLimitedError, ServiceError
from ..i18n import tr, translatable
from ..network import PolicySession
from ..progress import Progress
from .http import HttpClient, RequestGate, RetryPolicy
from .oauth import ClientCredentials, ClientCredentialsTokens

LOG = logging.getLogger("cogport.byoc")

API_PATH = "/api/v1/byoc"
PAGE_SIZE = 100
FINAL_STATUSES = ("INGESTED", "FAILED")
STATUSES = ("WAITING", "QUEUED", "INGESTING", "INGESTED", "FAILED")
SH_TOKEN_URL = "https://services.sentinel-hub.com/auth/realms/main/protocol/openid-connect/token"  # noqa: S105 - a public token endpoint URL
CDSE_TOKEN_URL = "https://identity.dataspace.copernicus.eu/auth/realms/CDSE/protocol/openid-connect/token"  # noqa: S105 - a public token endpoint URL
ENV_CLIENT_ID = "SH_CLIENT_ID"
ENV_CLIENT_SECRET = "SH_CLIENT_SECRET"  # pragma: allowlist secret  # noqa: S105 - a variable name
ENV_BASE_URL = "COGPORT_SH_BASE_URL"
ENV_TOKEN_URL = "COGPORT_SH_TOKEN_URL"  # noqa: S105 - the variable's name, not a secret


@dataclass(frozen=True)
class Deployment:
    key: str
    label: str  # marked translatable(): shown through tr()
    base_url: str
    token_url: str
    bucket_region: str  # AWS region the data bucket must be in; "" when it cannot be checked


DEPLOYMENTS: Dict[str, Deployment] = {
    d.key: d
    for d in (
        Deployment(
            "eu",
            translatable("Sentinel Hub EU (AWS eu-central-1)"),
            "https://services.sentinel-hub.com",
            SH_TOKEN_URL,
            "eu-central-1",
        ),
        Deployment(
            "us-west",
            translatable("Sentinel Hub US West (AWS us-west-2)"),
            "https://services-uswest2.sentinel-hub.com",
            SH_TOKEN_URL,
            "us-west-2",
        ),
        Deployment(
            "cdse",
            translatable("Copernicus Data Space Ecosystem"),
            "https://sh.dataspace.copernicus.eu",
            CDSE_TOKEN_URL,
            "",
        ),
        Deployment("custom", translatable("Custom base URL and token URL"), "", "", ""),
    )
}


@dataclass(frozen=True)
class ByocConnection:
    """Where and as whom to talk to BYOC; `repr` masks the client secret."""

    name: str
    base_url: str
    token_url: str
    credentials: ClientCredentials
    deployment: str = "custom"

    @classmethod
    def for_deployment(
        cls, name: str, deployment: str, credentials: ClientCredentials, base_url: str = "", token_url: str = ""
    ) -> ByocConnection:
        known = DEPLOYMENTS.get(deployment, DEPLOYMENTS["custom"])
        base = (base_url or known.base_url).rstrip("/")
        token = token_url or known.token_url
        if not base or not token:
            raise CogportError(
                tr("The BYOC connection '{name}' has no base URL or token URL.").format(name=name),
                tr("the connection settings: a custom deployment needs both URLs."),
            )
        return cls(name, base, token, credentials, known.key)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> ByocConnection:
        """The headless connection: SH_CLIENT_ID/SH_CLIENT_SECRET, optional COGPORT_SH_BASE_URL/_TOKEN_URL."""
        client_id = environ.get(ENV_CLIENT_ID, "")
        secret = environ.get(ENV_CLIENT_SECRET, "")
        if not client_id or not secret:
            raise CogportError(
                tr("No Sentinel Hub credentials were given."),
                tr("that {client_id} and {client_secret} are set, or choose a saved BYOC connection.").format(
                    client_id=ENV_CLIENT_ID, client_secret=ENV_CLIENT_SECRET
                ),
            )
        base = environ.get(ENV_BASE_URL, "").rstrip("/")
        token = environ.get(ENV_TOKEN_URL, "")
        deployment = next((d.key for d in DEPLOYMENTS.values() if d.base_url and d.base_url == base), "custom")
        if not base:
            deployment = "eu"
        return cls.for_deployment("environment", deployment, ClientCredentials(client_id, secret), base, token)

    @property
    def region(self) -> str:
        return DEPLOYMENTS.get(self.deployment, DEPLOYMENTS["custom"]).bucket_region


@dataclass
class Band:
    """One band of a collection: which file (`source`) and which 1-based band inside it."""

    source: str
    band_index: int = 1
    bit_depth: int = 8
    sample_format: str = "UINT"
    no_data: Optional[float] = None

    def to_json(self) -> Dict[str, Any]:
        body: Dict[str, Any] = {
            "source": self.source,
            "bandIndex": self.band_index,
            "bitDepth": self.bit_depth,
            "sampleFormat": self.sample_format,
        }
        if self.no_data is not None:
            body["noData"] = self.no_data
        return body

    @classmethod
    def from_json(cls, name: str, body: Mapping[str, Any]) -> Band:
        return cls(
            source=str(body.get("source") or name),
            band_index=int(body.get("bandIndex") or 1),
            bit_depth=int(body.get("bitDepth") or 8),
            sample_format=str(body.get("sampleFormat") or "UINT"),
            no_data=body.get("noData"),
        )


@dataclass
class Collection:
    id: str
    name: str
    s3_bucket: str
    bands: Dict[str, Band] = field(default_factory=dict)
    no_data: Optional[float] = None
    created: str = ""
    raw: Dict[str, Any] = field(default_factory=dict, repr=False)

    @classmethod
    def from_json(cls, body: Mapping[str, Any]) -> Collection:
        extra = body.get("additionalData") or {}
        bands = {name: Band.from_json(name, spec or {}) for name, spec in (extra.get("bands") or {}).items()}
        return cls(
            id=str(body.get("id", "")),
            name=str(body.get("name", "")),
            s3_bucket=str(body.get("s3Bucket", "")),
            bands=bands,
            no_data=body.get("noData"),
            created=str(body.get("created") or ""),
            raw=dict(body),
        )

    @property
    def band_sources(self) -> List[str]:
        return sorted({band.source for band in self.bands.values()})


@dataclass
class Tile:
    id: str
    path: str
    status: str = ""
    sensing_time: str = ""
    created: str = ""
    cover_geometry: Optional[Dict[str, Any]] = None
    tile_geometry: Optional[Dict[str, Any]] = None
    failed_cause: str = ""
    warnings: str = ""

    @classmethod
    def from_json(cls, body: Mapping[str, Any]) -> Tile:
        extra = body.get("additionalData") or {}
        warnings = extra.get("warnings") or ""
        if isinstance(warnings, (list, tuple)):
            warnings = "; ".join(str(w) for w in warnings)
        return cls(
            id=str(body.get("id", "")),
            path=str(body.get("path", "")),
            status=str(body.get("status") or ""),
            sensing_time=str(body.get("sensingTime") or ""),
            created=str(body.get("created") or ""),
            cover_geometry=body.get("coverGeometry"),
            tile_geometry=body.get("tileGeometry"),
            failed_cause=str(extra.get("failedIngestionCause") or ""),
            warnings=str(warnings),
        )

    @property
    def final(self) -> bool:
        return self.status in FINAL_STATUSES

    @property
    def geometry(self) -> Optional[Dict[str, Any]]:
        """The footprint to draw: the cover geometry, else the tile's own bounds."""
        return self.cover_geometry or self.tile_geometry


@dataclass
class TileSpec:
    """A tile to register: a bucket path (may hold `(BAND)`), optional sensing time and cover."""

    path: str
    sensing_time: str = ""
    cover_geometry: Optional[Dict[str, Any]] = None

    def to_json(self) -> Dict[str, Any]:
        body: Dict[str, Any] = {"path": self.path}
        if self.sensing_time:
            body["sensingTime"] = self.sensing_time
        if self.cover_geometry:
            body["coverGeometry"] = self.cover_geometry
        return body


def explain_byoc(response: requests.Response) -> ServiceError:
    """A `ServiceError` from a BYOC error response (`{"error": Boom}`, parsed defensively)."""
    status = response.status_code
    message, code, details = _boom(response)
    request = response.request
    where = f"{request.method} {_api_path(request.url or '')}" if request is not None else tr("the request")
    checks = {
        400: tr("the values sent (tile path, sensing time, cover geometry, bands): {details}").format(details=details)
        if details
        else tr("the values sent (tile path, sensing time, cover geometry, bands)"),
        401: tr("the client id and secret of the BYOC connection."),
        403: tr(
            "that this OAuth client's account may use BYOC (on CDSE it needs a Copernicus Service account) "
            "and owns the collection."
        ),
        404: tr("the collection or tile id; it may have been deleted meanwhile."),
        409: tr("whether the collection or tile already exists."),
        429: tr("the account's rate limits, then try again later."),
    }
    if status >= 500:
        what = (
            tr("Sentinel Hub had an internal error ({status}) for {request}: {message}")
            if message
            else tr("Sentinel Hub had an internal error ({status}) for {request}.")
        )
        check = tr("again later.")
    else:
        what = (
            tr("Sentinel Hub refused {request} ({status}): {message}")
            if message
            else tr("Sentinel Hub refused {request} ({status}).")
        )
        check = checks.get(status) or tr("the request.")
    what = what.format(status=status, request=where, message=message)
    error_class = RateLimitedError if status == 429 else ServiceError
    return error_class(what, check, detail=response.text[:2000], status=status, code=code)


def _boom(response: requests.Response) -> tuple:
    try:
        body = response.json()
    except ValueError:
        return "", "", ""
    error = body.get("error") if isinstance(body, dict) else None
    if isinstance(error, str):
        return error, "", ""
    if not isinstance(error, dict):
        return "", "", ""
    message = str(error.get("message") or error.get("reason") or "")
    errors = error.get("errors")
    return message, str(error.get("code") or ""), str(errors) if errors else ""


def _api_path(url: str) -> str:
    path = urlparse(url).path
    return path.split(API_PATH, 1)[-1] or path


class ByocClient:
    """The BYOC REST API for one connection; safe to share between worker threads."""

    def __init__(
        self,
        connection: ByocConnection,
        *,
        retry: Optional[RetryPolicy] = None,
        sleep: Callable[[float], None] = time.sleep,
        tokens: Optional[ClientCredentialsTokens] = None,
        pool_size: int = 16,
    ) -> None:
        self.connection = connection
        self.tokens = tokens or ClientCredentialsTokens(connection.token_url, connection.credentials)
        self.gate = RequestGate()
        self.http = HttpClient(
            connection.base_url + API_PATH,
            tokens=self.tokens,
            retry=retry
            or RetryPolicy(
                max_attempts=8,
                first_delay=1.0,
                factor=3.0,
                max_delay=60.0,
                retry_after_unit=0.001,
                default_retry_after=30.0,
            ),
            explain=explain_byoc,
            sleep=sleep,
            session=PolicySession(pool_size=pool_size),
            gate=self.gate,
        )

    def __repr__(self) -> str:
        return f"ByocClient({self.connection!r})"

    def check_access(self) -> str:
        """One page of collections: proves the OAuth client, the deployment's URLs and the BYOC API access."""
        self.http.request("GET", "collections", params={"count": 1})
        return tr("Sentinel Hub accepts the OAuth client of connection '{name}'.").format(name=self.connection.name)

    # Collections

    def collections(self, search: str = "", progress: Optional[Progress] = None) -> List[Collection]:
        params = {"search": search} if search else {}
        return [Collection.from_json(item) for item in self._all("collections", params, progress)]

    def collection(self, collection_id: str) -> Collection:
        return Collection.from_json(self._data(self.http.request("GET", f"collections/{collection_id}")))

    def find_collection(self, id_or_name: str, progress: Optional[Progress] = None) -> Optional[Collection]:
        """The collection with this id, else the one with this exact name."""
        wanted = id_or_name.strip()
        matches = [c for c in self.collections(progress=progress) if wanted in (c.id, c.name)]
        by_id = [c for c in matches if c.id == wanted]
        if by_id:
            return by_id[0]
        if len(matches) > 1:
            raise CogportError(
                tr("Several BYOC collections are named '{name}'.").format(name=wanted),
                tr("the collection id instead of its name."),
            )
        return matches[0] if matches else None

    def create_collection(
        self,
        name: str,
        s3_bucket: str,
        bands: Optional[Mapping[str, Band]] = None,
        no_data: Optional[float] = None,
    ) -> Collection:
        body: Dict[str, Any] = {"name": name, "s3Bucket": s3_bucket}
        if bands:
            body["additionalData"] = {"bands": {key: band.to_json() for key, band in bands.items()}}
        if no_data is not None:
            body["noData"] = no_data
        return Collection.from_json(self._data(self.http.request("POST", "collections", json=body)))

    def update_collection(
        self,
        collection: Collection,
        *,
        name: Optional[str] = None,
        bands: Optional[Mapping[str, Band]] = None,
    ) -> None:
        """Renames and/or replaces the band set; everything else is sent back unchanged."""
        body: Dict[str, Any] = {"name": name or collection.name, "s3Bucket": collection.s3_bucket}
        # Omitting noData would delete it; additionalData, when sent, replaces the bands.
        if collection.no_data is not None:
            body["noData"] = collection.no_data
        if bands is not None:
            body["additionalData"] = {"bands": {key: band.to_json() for key, band in bands.items()}}
        self.http.request("PUT", f"collections/{collection.id}", json=body)

    def rename_collection(self, collection: Collection, new_name: str) -> None:
        self.update_collection(collection, name=new_name)

    def delete_collection(self, collection_id: str) -> None:
        self.http.request("DELETE", f"collections/{collection_id}")

    # Tiles

    def tiles(
        self, collection_id: str, *, status: str = "", path: str = "", progress: Optional[Progress] = None
    ) -> List[Tile]:
        params: Dict[str, Any] = {}
        if status:
            params["status"] = status
        if path:
            params["path"] = path
        return [Tile.from_json(item) for item in self._all(f"collections/{collection_id}/tiles", params, progress)]

    def tile(self, collection_id: str, tile_id: str) -> Tile:
        return Tile.from_json(self._data(self.http.request("GET", f"collections/{collection_id}/tiles/{tile_id}")))

    def create_tile(self, collection_id: str, spec: TileSpec, progress: Optional[Progress] = None) -> Tile:
        response = self.http.request(
            "POST", f"collections/{collection_id}/tiles", json=spec.to_json(), progress=progress
        )
        return Tile.from_json(self._data(response))

    def update_tile(
        self,
        collection_id: str,
        tile: Tile,
        *,
        sensing_time: Optional[str] = None,
        cover_geometry: Optional[Dict[str, Any]] = None,
    ) -> None:
        """Sets the sensing time and/or cover geometry; the other value is sent back unchanged."""
        body: Dict[str, Any] = {"path": tile.path}
        time_value = tile.sensing_time if sensing_time is None else sensing_time
        cover = tile.cover_geometry if cover_geometry is None else cover_geometry
        if time_value:
            body["sensingTime"] = time_value
        if cover:
            body["coverGeometry"] = cover
        self.http.request("PUT", f"collections/{collection_id}/tiles/{tile.id}", json=body)

    def delete_tile(self, collection_id: str, tile_id: str) -> None:
        self.http.request("DELETE", f"collections/{collection_id}/tiles/{tile_id}")

    def reingest_tile(self, collection_id: str, tile_id: str) -> None:
        self.http.request("POST", f"collections/{collection_id}/tiles/{tile_id}/reingest")

    # Plumbing

    def _all(self, path: str, params: Dict[str, Any], progress: Optional[Progress]) -> Iterator[Dict[str, Any]]:
        token = ""
        while True:
            query = dict(params, count=PAGE_SIZE)
            if token:
                query["viewtoken"] = token
            body = self.http.request("GET", path, params=query, progress=progress).json()
            data = body.get("data") if isinstance(body, dict) else None
            if not isinstance(data, list):
                raise ServiceError(
                    tr("Sentinel Hub sent an unexpected list for {path}.").format(path=path),
                    tr("the base URL of the BYOC connection."),
                    detail=str(body)[:500],
                )
            yield from data
            token = str((body.get("links") or {}).get("nextToken") or "")
            if not token or not data:
                return

    @staticmethod
    def _data(response: requests.Response) -> Dict[str, Any]:
        try:
            data = response.json().get("data")
        except (ValueError, AttributeError):
            data = None
        if not isinstance(data, dict):
            raise ServiceError(
                tr("Sentinel Hub sent an unexpected answer."),
                tr("the base URL of the BYOC connection."),
                detail=response.text[:500],
                status=response.status_code,
            )
        return data


# Bulk registration

CREATED = "created"
PRESENT = "already present"
FAILED = "failed"
NOT_SENT = "not sent"


@dataclass
class TileOutcome:
    path: str
    result: str
    tile_id: str = ""
    reason: str = ""


@dataclass
class RegistrationSummary:
    collection_id: str
    outcomes: List[TileOutcome]
    cancelled: bool = False
    seconds: float = 0.0

    def count(self, result: str) -> int:
        return sum(1 for outcome in self.outcomes if outcome.result == result)

    def counts(self) -> Dict[str, int]:
        return {result: self.count(result) for result in (CREATED, PRESENT, FAILED, NOT_SENT)}

    def text(self) -> str:
        counts = self.counts()
        text = (
            tr("{created} created, {present} already present, {failed} failed, {not_sent} not sent (cancelled).")
            if counts[NOT_SENT]
            else tr("{created} created, {present} already present, {failed} failed.")
        )
        return text.format(
            created=counts[CREATED], present=counts[PRESENT], failed=counts[FAILED], not_sent=counts[NOT_SENT]
        )


def register_tiles(
    client: ByocClient,
    collection_id: str,
    specs: Iterable[TileSpec],
    progress: Optional[Progress] = None,
    *,
    workers: int = 8,
    skip_existing: bool = True,
) -> RegistrationSummary:
    """Creates the tiles with bounded concurrency; one outcome per tile, none lost.

    Paths already in the collection are reported as present without a request, and a
    409 counts as present too, so re-running after a cancel or failure resumes
    without duplicates. 429s are waited out together through the client's gate.
    """
    progress = progress or Progress()
    started = time.monotonic()
    wanted: Dict[str, TileSpec] = {}
    for spec in specs:
        wanted.setdefault(spec.path, spec)
    outcomes: Dict[str, TileOutcome] = {}
    if skip_existing and wanted:
        progress.message(tr("Looking up tiles already in the collection…"))
        for tile in client.tiles(collection_id, progress=progress):
            if tile.path in wanted:
                outcomes[tile.path] = TileOutcome(tile.path, PRESENT, tile.id)
    todo = [spec for path, spec in wanted.items() if path not in outcomes]
    total = len(wanted)
    lock = threading.Lock()
    done = [len(outcomes)]

    def register(spec: TileSpec) -> TileOutcome:
        outcome = _register_one(client, collection_id, spec, progress)
        with lock:
            done[0] += 1
            progress.report(done[0] / total if total else 1.0)
        return outcome

    if todo:
        progress.message(tr("Registering {count} tiles…").format(count=len(todo)))
        with ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="cogport-byoc") as pool:
            for outcome in pool.map(register, todo):
                outcomes[outcome.path] = outcome
    summary = RegistrationSummary(
        collection_id,
        [outcomes[path] for path in wanted],
        cancelled=progress.cancelled,
        seconds=time.monotonic() - started,
    )
    LOG.info("BYOC registration in %s: %s", collection_id, summary.text())
    return summary


RATE_LIMITED_ROUNDS = 25


def _register_one(client: ByocClient, collection_id: str, spec: TileSpec, progress: Progress) -> TileOutcome:
    # RateLimitedError means the client's own retries ran out while the service stayed busy:
    # start over (the gate keeps the pace) so no tile is dropped merely for being late in line.
    for _round in range(RATE_LIMITED_ROUNDS):
        if progress.cancelled:
            return TileOutcome(spec.path, NOT_SENT, reason="cancelled")
        try:
            tile = client.create_tile(collection_id, spec, progress)
            return TileOutcome(spec.path, CREATED, tile.id)
        except CancelledError:
            return TileOutcome(spec.path, NOT_SENT, reason="cancelled")
        except RateLimitedError as error:
            last_limit = error
            continue
        except ServiceError as error:
            if error.status == 409:
                return TileOutcome(spec.path, PRESENT)
            return TileOutcome(spec.path, FAILED, reason=error.user_message)
        except NetworkError as error:
            return TileOutcome(spec.path, FAILED, reason=error.user_message)
    return TileOutcome(spec.path, FAILED, reason=last_limit.user_message)


# Ingestion status


def status_counts(tiles: Iterable[Tile]) -> Dict[str, int]:
    counts = {status: 0 for status in STATUSES}
    for tile in tiles:
        counts[tile.status] = counts.get(tile.status, 0) + 1
    return counts


STATUS_COUNTS = {
    "WAITING": translatable("{count} waiting"),
    "QUEUED": translatable("{count} queued"),
    "INGESTING": translatable("{count} ingesting"),
    "INGESTED": translatable("{count} ingested"),
    "FAILED": translatable("{count} failed"),
}


def counts_text(counts: Mapping[str, int]) -> str:
    """`1 ingested, 1 failed`; a status BYOC may add later is shown as it comes (`2 archived`)."""
    parts = [
        tr(STATUS_COUNTS[status]).format(count=count) if status in STATUS_COUNTS else f"{count} {status.lower()}"
        for status, count in counts.items()
        if count
    ]
    return ", ".join(parts) or tr("no tiles")


def wait_for_ingestion(
    client: ByocClient,
    collection_id: str,
    paths: Optional[Iterable[str]] = None,
    progress: Optional[Progress] = None,
    *,
    interval: float = 10.0,
    timeout: Optional[float] = None,
    on_update: Optional[Callable[[List[Tile]], None]] = None,
    sleep: Callable[[float], None] = time.sleep,
) -> List[Tile]:
    """Polls the collection's tile list until every watched tile is INGESTED or FAILED.

    One paged list per round (100 tiles a request) instead of one GET per tile.
    `on_update` gets the watched tiles after each round. Stops with what it has when
    `timeout` seconds pass; raises `CancelledError` on cancel.
    """
    progress = progress or Progress()
    watched = set(paths) if paths is not None else None
    deadline = None if timeout is None else time.monotonic() + timeout
    while True:
        tiles = [t for t in client.tiles(collection_id, progress=progress) if watched is None or t.path in watched]
        if on_update is not None:
            on_update(tiles)
        final = sum(1 for t in tiles if t.final)
        progress.report(final / len(tiles) if tiles else 1.0)
        progress.message(counts_text(status_counts(tiles)))
        if final == len(tiles) or (deadline is not None and time.monotonic() >= deadline):
            return tiles
        remaining = interval
        while remaining > 0:
            progress.raise_if_cancelled()
            step = min(remaining, 0.2)
            sleep(step)
            remaining -= step


# Pre-flight: bucket region


def bucket_region(bucket: str, endpoint: str = "https://s3.amazonaws.com", timeout: float = 15.0) -> str:
    """The AWS region of an S3 bucket from HeadBucket's `x-amz-bucket-region`; "" if unknown.

    S3 sends that header even on 403 and 301, so no credentials are needed.
    """
    try:
        response = network.request("HEAD", f"{endpoint.rstrip('/')}/{bucket}", timeout=timeout, allow_redirects=False)
    except (requests.ConnectionError, requests.Timeout, NetworkError):
        return ""  # the registration itself will say what is wrong with the network
    return response.headers.get("x-amz-bucket-region", "")


def bucket_region_problem(connection: ByocConnection, region: str) -> str:
    """Why the bucket cannot serve this deployment, or "" when it can (or cannot be told)."""
    expected = connection.region
    if not expected or not region or region == expected:
        return ""
    return tr(
        "The bucket is in {region}, but {deployment} reads only buckets in {expected}. "
        "Move the data or choose the deployment for {region}."
    ).format(region=region, deployment=tr(DEPLOYMENTS[connection.deployment].label), expected=expected)
