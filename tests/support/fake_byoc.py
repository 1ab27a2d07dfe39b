"""An in-process fake of Sentinel Hub's BYOC API and OAuth token endpoint (stdlib only, 127.0.0.1).

Built from the documented contract (cloud-apis.md, Part 2): `/api/v1/byoc`, 201
`{"data": …}` on create, 204 on update/delete/reingest/copyTiles, `{"error": Boom}`
bodies, 409 on a duplicate tile path, `links.nextToken` (and the absolute URI
`links.next`) paging through `viewtoken` with `count` ≤ 100, tile lists sorted by
`created:asc|desc`, and 429 with `Retry-After` in milliseconds. A JSON `null` is an
unset field (sentinelhub-py sends them), so a band's `bandIndex` defaults to 1.
Tokens are JWTs (HS256), as Sentinel Hub's are. It checks what it receives (bearer
token, payload fields, path rules, ≤ 100 cover points) and can simulate errors,
rate limits, expiring tokens, lost responses and ingestion that goes
WAITING → … → INGESTED or FAILED.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import hmac
import json
import re
import secrets
import threading
import time
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Dict, List, Optional, Tuple
from urllib.parse import parse_qs, urlencode, urlparse

API = "/api/v1/byoc"
TOKEN_PATH = "/oauth/token"
TILE_PATH_RULE = re.compile(r"^([^/](/?[^/])*)?$")
DEFAULT_SCRIPT = ("WAITING", "QUEUED", "INGESTING", "INGESTED")
TILE_SORTS = ("created:asc", "created:desc")
BAND_DEFAULTS = {"bandIndex": 1}  # the API schema's default for a band field left unset


@dataclass
class Seen:
    method: str
    path: str
    query: Dict[str, List[str]]
    body: Any
    authorization: str
    status: int = 0


@dataclass
class Ingestion:
    """How one tile's ingestion goes: statuses shown on successive observations, then the cause."""

    statuses: Tuple[str, ...] = DEFAULT_SCRIPT
    cause: str = ""
    warnings: str = ""


class TokenBucket:
    """`rate` requests a second, bursts up to `capacity`; refused requests cost nothing."""

    def __init__(self, rate: float, capacity: Optional[float] = None) -> None:
        self.rate = rate
        self.capacity = capacity if capacity is not None else rate
        self.tokens = self.capacity
        self.stamp = time.monotonic()
        self.lock = threading.Lock()

    def take(self) -> float:
        """0 when allowed, else the seconds until a request would be."""
        with self.lock:
            now = time.monotonic()
            self.tokens = min(self.capacity, self.tokens + (now - self.stamp) * self.rate)
            self.stamp = now
            if self.tokens >= 1:
                self.tokens -= 1
                return 0.0
            return (1 - self.tokens) / self.rate


@dataclass
class FakeByocState:
    client_id: str = "cogport-test-client"
    client_secret: str = "s3cr3t-value-never-logged"
    token_lifetime: float = 3600.0
    latency: float = 0.0
    limiter: Optional[TokenBucket] = None
    enforce_unique_paths: bool = True
    collections: Dict[str, Dict[str, Any]] = field(default_factory=dict)
    tiles: Dict[str, Dict[str, Dict[str, Any]]] = field(default_factory=lambda: defaultdict(dict))
    ingestion: Dict[str, Ingestion] = field(default_factory=dict)  # by tile path
    observed: Counter = field(default_factory=Counter)  # tile id -> times seen
    tokens: Dict[str, float] = field(default_factory=dict)  # token -> expiry (monotonic)
    token_requests: int = 0
    failures: List[Any] = field(default_factory=list)  # status or (429, retry-after ms), next requests first
    lose_responses: int = 0  # next N tile creations succeed but the connection is dropped
    regions: Dict[str, str] = field(default_factory=dict)  # bucket -> region for HeadBucket
    seen: List[Seen] = field(default_factory=list)
    created_paths: Counter = field(default_factory=Counter)
    rate_limited: int = 0
    signing_key: bytes = field(default_factory=lambda: secrets.token_bytes(32))
    lock: threading.RLock = field(default_factory=threading.RLock)


class FakeByocServer:
    def __init__(self, **options: Any) -> None:
        self.state = FakeByocState(**options)
        handler = type("Handler", (_Handler,), {"state": self.state})
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def __enter__(self) -> FakeByocServer:
        self.thread.start()
        return self

    def __exit__(self, *_exc: Any) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_port}"

    @property
    def token_url(self) -> str:
        return self.base_url + TOKEN_PATH

    # Test controls

    def expire_tokens(self) -> None:
        """Every issued token stops working now, as if its lifetime had run out."""
        with self.state.lock:
            self.state.tokens.clear()

    def fail_next(self, *statuses: int) -> None:
        with self.state.lock:
            self.state.failures.extend(statuses)

    def throttle_next(self, count: int, retry_after_ms: int) -> None:
        """The next `count` API requests get 429 with this `Retry-After` (milliseconds)."""
        with self.state.lock:
            self.state.failures.extend([(429, retry_after_ms)] * count)

    def rate_limit(self, per_second: float, burst: Optional[float] = None) -> None:
        self.state.limiter = TokenBucket(per_second, burst)

    def add_collection(self, name: str, bucket: str, **extra: Any) -> Dict[str, Any]:
        with self.state.lock:
            collection = _new_collection({"name": name, "s3Bucket": bucket, **extra})
            self.state.collections[collection["id"]] = collection
            return collection

    def add_tile(self, collection_id: str, path: str, **extra: Any) -> Dict[str, Any]:
        with self.state.lock:
            tile = _new_tile({"path": path, **extra})
            self.state.tiles[collection_id][tile["id"]] = tile
            return tile

    def tiles(self, collection_id: str) -> List[Dict[str, Any]]:
        return list(self.state.tiles[collection_id].values())

    def requests(self, method: str = "", contains: str = "") -> List[Seen]:
        return [s for s in list(self.state.seen) if (not method or s.method == method) and contains in s.path]


def _now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _set(body: Dict[str, Any]) -> Dict[str, Any]:
    """The fields given a value: the API reads a JSON null as a field left unset."""
    return {key: value for key, value in body.items() if value is not None}


def _additional_data(body: Dict[str, Any]) -> Dict[str, Any]:
    """`additionalData` as stored: unset fields dropped, each band completed with the schema defaults."""
    extra = _set(dict(body.get("additionalData") or {}))
    if extra.get("bands"):
        extra["bands"] = {name: {**BAND_DEFAULTS, **_set(band)} for name, band in extra["bands"].items()}
    return extra


def _new_collection(body: Dict[str, Any]) -> Dict[str, Any]:
    body = _set(body)
    extra = _additional_data(body)
    collection = {
        "id": str(uuid.uuid4()),
        "accountId": "00000000-0000-0000-0000-000000000001",
        "name": body["name"],
        "s3Bucket": body["s3Bucket"],
        "created": _now(),
        "isConfigured": bool(extra.get("bands")),
        "requiresMetadataUpdate": False,
        "additionalData": extra,
    }
    if "noData" in body:
        collection["noData"] = body["noData"]
    return collection


def _new_tile(body: Dict[str, Any]) -> Dict[str, Any]:
    tile = {
        "id": str(uuid.uuid4()),
        "path": body["path"],
        "status": "WAITING",
        "created": _now(),
        "sensingTime": body.get("sensingTime"),
        "additionalData": {"failedIngestionCause": None, "warnings": None},
    }
    if body.get("coverGeometry"):
        tile["coverGeometry"] = body["coverGeometry"]
        tile["tileGeometry"] = _bbox_polygon(body["coverGeometry"])
    return tile


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _points(geometry: Dict[str, Any]) -> List[List[float]]:
    coordinates = geometry.get("coordinates") or []
    flat: List[List[float]] = []

    def walk(node: Any) -> None:
        if node and isinstance(node[0], (int, float)):
            flat.append(node)
        else:
            for child in node:
                walk(child)

    walk(coordinates)
    return flat


def _band_types(bands: Dict[str, Dict[str, Any]]) -> Dict[str, Tuple[Any, Any]]:
    return {name: (band.get("bitDepth"), band.get("sampleFormat")) for name, band in bands.items()}


def _bbox_polygon(geometry: Dict[str, Any]) -> Dict[str, Any]:
    points = _points(geometry)
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    ring = [[min(xs), min(ys)], [max(xs), min(ys)], [max(xs), max(ys)], [min(xs), max(ys)], [min(xs), min(ys)]]
    polygon: Dict[str, Any] = {"type": "Polygon", "coordinates": [ring]}
    if "crs" in geometry:
        polygon["crs"] = geometry["crs"]
    return polygon


class _Handler(BaseHTTPRequestHandler):
    state: FakeByocState
    protocol_version = "HTTP/1.1"
    current: Optional[Seen] = None  # the API request being answered; its status is set before replying

    def log_message(self, *_args: Any) -> None:
        pass

    # Dispatch

    def do_GET(self) -> None:
        self._api("GET")

    def do_POST(self) -> None:
        if urlparse(self.path).path == TOKEN_PATH:
            self._token()
        else:
            self._api("POST")

    def do_PUT(self) -> None:
        self._api("PUT")

    def do_DELETE(self) -> None:
        self._api("DELETE")

    def do_HEAD(self) -> None:
        bucket = urlparse(self.path).path.strip("/").split("/")[-1]
        region = self.state.regions.get(bucket)
        self.send_response(403 if region else 404)
        if region:
            self.send_header("x-amz-bucket-region", region)
        self.send_header("Content-Length", "0")
        self.end_headers()

    # OAuth

    def _token(self) -> None:
        form = parse_qs(self._read().decode())
        state = self.state
        with state.lock:
            state.token_requests += 1
        if form.get("grant_type") != ["client_credentials"]:
            return self._json(400, {"error": "unsupported_grant_type"})
        if form.get("client_id") != [state.client_id] or form.get("client_secret") != [state.client_secret]:
            return self._json(401, {"error": "invalid_client", "error_description": "Invalid client credentials"})
        token = self._jwt()
        with state.lock:
            state.tokens[token] = time.monotonic() + state.token_lifetime
        self._json(200, {"access_token": token, "expires_in": int(state.token_lifetime), "token_type": "Bearer"})

    def _jwt(self) -> str:
        """An HS256 JWT with the usual OpenID claims, which sentinelhub-py's `SentinelHubSession.info()` decodes."""
        state = self.state
        now = int(time.time())
        claims = {
            "iss": f"http://{self.headers.get('Host', '127.0.0.1')}/auth/realms/main",
            "sub": state.client_id,
            "azp": state.client_id,
            "typ": "Bearer",
            "iat": now,
            "exp": now + int(state.token_lifetime),
            "jti": str(uuid.uuid4()),
        }
        signed = (
            f"{_b64url(json.dumps({'alg': 'HS256', 'typ': 'JWT'}).encode())}.{_b64url(json.dumps(claims).encode())}"
        )
        signature = hmac.new(state.signing_key, signed.encode(), hashlib.sha256).digest()
        return f"{signed}.{_b64url(signature)}"

    # API

    def _api(self, method: str) -> None:
        state = self.state
        url = urlparse(self.path)
        raw = self._read()
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = "<not json>"
        seen = Seen(method, url.path, parse_qs(url.query), body, self.headers.get("Authorization", ""))
        with state.lock:
            state.seen.append(seen)
        self.current = seen
        self._route(method, url.path, seen.query, body, seen)

    def _route(self, method: str, path: str, query: Dict[str, List[str]], body: Any, seen: Seen) -> int:
        state = self.state
        if not path.startswith(API + "/"):
            return self._boom(404, "Not Found", "No such endpoint.", "COMMON_NOT_FOUND")
        token = seen.authorization[7:] if seen.authorization.startswith("Bearer ") else ""
        with state.lock:
            expiry = state.tokens.get(token)
            if expiry is not None and expiry < time.monotonic():
                del state.tokens[token]
                expiry = None
        if expiry is None:
            return self._boom(401, "Unauthorized", "Token invalid or expired.", "COMMON_UNAUTHORIZED")
        if state.limiter is not None:
            wait = state.limiter.take()
            if wait > 0:
                with state.lock:
                    state.rate_limited += 1
                return self._boom(
                    429,
                    "Too Many Requests",
                    "You have exceeded your rate limit",
                    "RATE_LIMIT_EXCEEDED",
                    {"Retry-After": str(max(1, int(wait * 1000 + 0.999)))},
                )
        if state.latency:  # server-side work, after the rate limiter admitted the request
            time.sleep(state.latency)
        with state.lock:
            failure = state.failures.pop(0) if state.failures else None
        if failure is not None:
            status, retry_after_ms = failure if isinstance(failure, tuple) else (failure, None)
            headers = {"Retry-After": str(retry_after_ms)} if retry_after_ms is not None else None
            return self._boom(status, "Simulated", "Simulated failure.", "COMMON_EXCEPTION", headers)
        parts = path[len(API) + 1 :].strip("/").split("/")
        with state.lock:
            return self._resource(method, parts, query, body)

    def _resource(self, method: str, parts: List[str], query: Dict[str, List[str]], body: Any) -> int:
        state = self.state
        if parts[0] != "collections":
            return self._boom(404, "Not Found", "No such endpoint.", "COMMON_NOT_FOUND")
        if len(parts) == 1:
            if method == "GET":
                items = sorted(state.collections.values(), key=lambda c: c["created"])
                search = (query.get("search") or [""])[0]
                if search:
                    items = [c for c in items if search.lower() in c["name"].lower()]
                return self._page(items, query)
            if method == "POST":
                problem = self._check_collection(body)
                if problem:
                    return self._boom(400, "Bad Request", problem, "COMMON_BAD_PAYLOAD")
                collection = _new_collection(body)
                state.collections[collection["id"]] = collection
                return self._json(201, {"data": collection})
            return self._boom(405, "Method Not Allowed", "Not allowed.", "COMMON_METHOD_NOT_ALLOWED")
        collection = state.collections.get(parts[1])
        if collection is None:
            return self._boom(404, "Not Found", f"Collection {parts[1]} not found.", "COMMON_NOT_FOUND")
        if len(parts) == 2:
            if method == "GET":
                return self._json(200, {"data": collection})
            if method == "PUT":
                problem = self._check_collection(body)
                if problem:
                    return self._boom(400, "Bad Request", problem, "COMMON_BAD_PAYLOAD")
                body = _set(body)
                collection["name"] = body["name"]
                collection["s3Bucket"] = body["s3Bucket"]
                if "noData" in body:
                    collection["noData"] = body["noData"]
                else:
                    collection.pop("noData", None)
                if "additionalData" in body:
                    collection["additionalData"] = _additional_data(body)
                    collection["isConfigured"] = bool(collection["additionalData"].get("bands"))
                return self._empty(204)
            if method == "DELETE":
                del state.collections[parts[1]]
                state.tiles.pop(parts[1], None)
                return self._empty(204)
            return self._boom(405, "Method Not Allowed", "Not allowed.", "COMMON_METHOD_NOT_ALLOWED")
        tiles = state.tiles[parts[1]]
        if len(parts) == 3 and parts[2] == "copyTiles":
            if method != "POST":
                return self._boom(405, "Method Not Allowed", "Not allowed.", "COMMON_METHOD_NOT_ALLOWED")
            return self._copy_tiles(collection, tiles, (query.get("toCollection") or [""])[0])
        if len(parts) == 3 and parts[2] == "tiles":
            if method == "GET":
                sort = (query.get("sort") or ["created:asc"])[0]
                if sort not in TILE_SORTS:
                    return self._boom(
                        400, "Bad Request", f"sort must be one of {', '.join(TILE_SORTS)}.", "COMMON_BAD_PAYLOAD"
                    )
                # `created` has whole seconds: ties are broken by creation order (dicts keep insertion order).
                ordered = sorted(enumerate(tiles.values()), key=lambda pair: (pair[1]["created"], pair[0]))
                items = [tile for _, tile in (reversed(ordered) if sort == "created:desc" else ordered)]
                wanted_path = (query.get("path") or [""])[0]
                if wanted_path:
                    items = [t for t in items if t["path"] == wanted_path]
                for tile in items:
                    self._observe(tile)
                wanted_status = (query.get("status") or [""])[0]
                if wanted_status:
                    items = [t for t in items if t["status"] == wanted_status]
                return self._page(items, query)
            if method == "POST":
                problem = self._check_tile(body, creating=True)
                if problem:
                    return self._boom(400, "Bad Request", problem, "COMMON_BAD_PAYLOAD")
                if state.enforce_unique_paths and any(t["path"] == body["path"] for t in tiles.values()):
                    return self._boom(
                        409, "Conflict", f"Tile with path {body['path']} already exists.", "COMMON_UNIQUE_KEY_VIOLATION"
                    )
                tile = _new_tile(body)
                tiles[tile["id"]] = tile
                state.created_paths[body["path"]] += 1
                if state.lose_responses > 0:
                    state.lose_responses -= 1
                    self._record(201)
                    self.close_connection = True
                    self.connection.shutdown(2)
                    return 201
                return self._json(201, {"data": tile})
            return self._boom(405, "Method Not Allowed", "Not allowed.", "COMMON_METHOD_NOT_ALLOWED")
        tile = tiles.get(parts[3]) if len(parts) >= 4 and parts[2] == "tiles" else None
        if tile is None:
            return self._boom(404, "Not Found", "Tile not found.", "COMMON_NOT_FOUND")
        if len(parts) == 5 and parts[4] == "reingest" and method == "POST":
            tile["status"] = "WAITING"
            tile["additionalData"] = {"failedIngestionCause": None, "warnings": None}
            state.observed[tile["id"]] = 0
            return self._empty(204)
        if len(parts) != 4:
            return self._boom(404, "Not Found", "No such endpoint.", "COMMON_NOT_FOUND")
        if method == "GET":
            self._observe(tile)
            return self._json(200, {"data": tile})
        if method == "PUT":
            problem = self._check_tile(body, creating=False)
            if problem:
                return self._boom(400, "Bad Request", problem, "COMMON_BAD_PAYLOAD")
            tile["sensingTime"] = body.get("sensingTime")
            if body.get("coverGeometry"):
                tile["coverGeometry"] = body["coverGeometry"]
            else:
                tile.pop("coverGeometry", None)
            return self._empty(204)
        if method == "DELETE":
            del tiles[parts[3]]
            return self._empty(204)
        return self._boom(405, "Method Not Allowed", "Not allowed.", "COMMON_METHOD_NOT_ALLOWED")

    def _copy_tiles(self, source: Dict[str, Any], tiles: Dict[str, Dict[str, Any]], target_id: str) -> int:
        """copyTiles: the ingested tiles whose path the target lacks, into a target with the same bands or none."""
        state = self.state
        if not target_id:
            return self._boom(400, "Bad Request", "toCollection is required.", "COMMON_BAD_PAYLOAD")
        target = state.collections.get(target_id)
        if target is None:
            return self._boom(404, "Not Found", f"Collection {target_id} not found.", "COMMON_NOT_FOUND")
        source_bands = source["additionalData"].get("bands") or {}
        target_bands = target["additionalData"].get("bands") or {}
        if target_bands and _band_types(target_bands) != _band_types(source_bands):
            return self._boom(
                400,
                "Bad Request",
                "The target collection must have the same band names and types as the source, or no bands.",
                "COMMON_BAD_PAYLOAD",
            )
        if source_bands and not target_bands:  # as the first ingested tile configures a collection without bands
            target["additionalData"]["bands"] = copy.deepcopy(source_bands)
            target["isConfigured"] = True
        present = {tile["path"] for tile in state.tiles[target_id].values()}
        for tile in list(tiles.values()):
            if tile["status"] == "INGESTED" and tile["path"] not in present:
                duplicate = dict(copy.deepcopy(tile), id=str(uuid.uuid4()), created=_now())
                state.tiles[target_id][duplicate["id"]] = duplicate
                state.observed[duplicate["id"]] = state.observed[tile["id"]]  # arrives ingested, as its source
        return self._empty(204)

    def _observe(self, tile: Dict[str, Any]) -> None:
        state = self.state
        script = state.ingestion.get(tile["path"], Ingestion())
        step = min(state.observed[tile["id"]], len(script.statuses) - 1)
        tile["status"] = script.statuses[step]
        if tile["status"] == "FAILED":
            tile["additionalData"] = {"failedIngestionCause": script.cause or "Unknown", "warnings": None}
        elif script.warnings and tile["status"] == "INGESTED":
            tile["additionalData"] = {"failedIngestionCause": None, "warnings": script.warnings}
        state.observed[tile["id"]] += 1

    # Contract checks

    @staticmethod
    def _check_collection(body: Any) -> str:
        if not isinstance(body, dict) or not body.get("name") or not body.get("s3Bucket"):
            return "name and s3Bucket are required."
        bands = ((body.get("additionalData") or {}).get("bands")) or {}
        if len(bands) > 100:
            return "Limited to 100 bands."
        for name, band in bands.items():
            if not re.match(r"^[A-Za-z_$][A-Za-z0-9_$]*$", name):
                return f"Band name {name} is not a valid identifier."
            if not isinstance(band, dict):
                return f"Band {name} is not an object."
            if band.get("bitDepth") not in (8, 16, 32) or band.get("sampleFormat") not in ("UINT", "INT", "FLOAT"):
                return f"Band {name} needs bitDepth 8/16/32 and sampleFormat UINT/INT/FLOAT."
            index = band.get("bandIndex")
            if index is not None and (isinstance(index, bool) or not isinstance(index, int) or index < 1):
                return f"Band {name}: bandIndex is a 1-based integer."
        return ""

    @staticmethod
    def _check_tile(body: Any, creating: bool) -> str:
        if not isinstance(body, dict):
            return "A JSON object is required."
        if creating and not body.get("path"):
            return "path is required."
        if "path" in body and not TILE_PATH_RULE.match(body["path"] or ""):
            return f"path {body['path']} must not start with / or contain //."
        sensing = body.get("sensingTime")
        if sensing:
            try:
                datetime.fromisoformat(sensing.replace("Z", "+00:00"))
            except (ValueError, AttributeError):
                return f"sensingTime {sensing} is not an ISO 8601 date-time."
        cover = body.get("coverGeometry")
        if cover:
            if cover.get("type") not in ("Polygon", "MultiPolygon"):
                return "coverGeometry must be a Polygon or MultiPolygon."
            if len(_points(cover)) > 100:
                return "coverGeometry has more than 100 points."
            name = ((cover.get("crs") or {}).get("properties") or {}).get("name", "")
            if name and not re.search(r"(EPSG::\d+|CRS84)$", name):
                return f"Unknown CRS {name}."
        return ""

    # Responses

    def _page(self, items: List[Dict[str, Any]], query: Dict[str, List[str]]) -> int:
        try:
            count = int((query.get("count") or ["100"])[0])
        except ValueError:
            count = 0
        if not 1 <= count <= 100:
            return self._boom(400, "Bad Request", "count must be between 1 and 100.", "COMMON_BAD_PAYLOAD")
        token = (query.get("viewtoken") or [""])[0]
        offset = int(base64.urlsafe_b64decode(token.encode()).decode()) if token else 0
        page = items[offset : offset + count]
        links: Dict[str, Any] = {"currentToken": token}
        if offset + count < len(items):
            next_token = base64.urlsafe_b64encode(str(offset + count).encode()).decode()
            links["nextToken"] = next_token
            # An absolute URI, as the API's `View.next` is: the same query with the next view token.
            following = {key: values[0] for key, values in query.items()}
            following.update(count=str(count), viewtoken=next_token)
            host = self.headers.get("Host", f"127.0.0.1:{self.server.server_address[1]}")
            links["next"] = f"http://{host}{urlparse(self.path).path}?{urlencode(following)}"
        return self._json(200, {"data": page, "links": links})

    def _boom(self, status: int, reason: str, message: str, code: str, headers: Optional[Dict[str, str]] = None) -> int:
        return self._json(
            status, {"error": {"status": status, "reason": reason, "message": message, "code": code}}, headers
        )

    def _json(self, status: int, body: Any, headers: Optional[Dict[str, str]] = None) -> int:
        data = json.dumps(body).encode()
        self._record(status)
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(data)
        return status

    def _empty(self, status: int) -> int:
        self._record(status)
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()
        return status

    def _record(self, status: int) -> None:
        if self.current is not None:
            self.current.status = status

    def _read(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""
