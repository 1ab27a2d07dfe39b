"""An in-process fake of the Earth Engine REST API (importExternal) and Google's OAuth2 token endpoint.

Built from the documented contract (shared/reference/cloud-apis.md, Part 1, and platforms.md section 8):
- `POST /{v1,v1beta,v1alpha}/projects/{project}/image:importExternal`, JSON body
  `{"imageManifest": {...}, "overwrite": bool}`, `Authorization: Bearer <token>`; success = HTTP 200 with an
  empty body (synchronous, no Operation). `import_versions` says which API versions serve the method; the
  others answer 404 "Method not found.", as Google does for a method a version lacks;
- errors are google.rpc.Status: `{"error": {"code", "message", "status"}}`;
- an existing asset without `overwrite` -> 409 ALREADY_EXISTS; an unknown project -> 404 NOT_FOUND;
  a malformed manifest -> 400 INVALID_ARGUMENT; a missing/unknown token -> 401 UNAUTHENTICATED;
- what earthengine-api needs to start: the discovery document at `/$discovery/rest?version=<v>`
  (the methods above and `projects.algorithms.list`), and `GET /<v>/projects/{project}/algorithms`;
- `GET /v1/projects/{project}:listAssets?pageSize=N` (projects.listAssets, the EE REST reference) lists the
  project's root assets as `{"assets": [{"name", "type"}...]}`, with the same 401 / 404 answers;
- `POST /token` is the JWT bearer grant (RFC 7523): the RS256 assertion is verified with
  `openssl dgst -verify` against the service account's public key, and the claims are checked; `aud` is
  Google's token endpoint (what google-auth always sends) or this fake's own token URL (a key's `token_uri`).
Everything received is recorded in `requests`. `fail_next()` scripts google.rpc.Status answers
(429 with Retry-After, 5xx, 403 …) for importExternal; `expire()` makes a token answer 401 from then on.
"""

from __future__ import annotations

import base64
import itertools
import json
import re
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Dict, List, Optional, Set
from urllib.parse import parse_qs, unquote, urlsplit

from cogport.tests.support.loopback import LoopbackServer

STATUS_NAMES = {
    400: "INVALID_ARGUMENT",
    401: "UNAUTHENTICATED",
    403: "PERMISSION_DENIED",
    404: "NOT_FOUND",
    409: "ALREADY_EXISTS",
    429: "RESOURCE_EXHAUSTED",
    500: "INTERNAL",
    503: "UNAVAILABLE",
    504: "DEADLINE_EXCEEDED",
}
EE_SCOPES = {"https://www.googleapis.com/auth/earthengine", "https://www.googleapis.com/auth/cloud-platform"}
GOOGLE_TOKEN_ENDPOINT = "https://oauth2.googleapis.com/token"
API_VERSIONS = ("v1", "v1beta", "v1alpha")


@dataclass
class EeRequest:
    method: str
    path: str
    headers: Dict[str, str]
    body: bytes
    query: Dict[str, List[str]] = field(default_factory=dict)

    def header(self, name: str) -> Optional[str]:
        return next((v for k, v in self.headers.items() if k.lower() == name.lower()), None)

    def json(self):
        return json.loads(self.body.decode("utf-8"))


@dataclass
class _Failure:
    status: int
    status_name: str
    message: str
    times: int
    headers: Dict[str, str]


@dataclass
class FakeEarthEngine(LoopbackServer):
    projects: Set[str] = field(default_factory=lambda: {"ee-demo-project"})
    tokens: Set[str] = field(default_factory=lambda: {"ee-test-token"})
    assets: Dict[str, dict] = field(default_factory=dict)
    requests: List[EeRequest] = field(default_factory=list)
    success_body: bytes = b""
    token_lifetime: int = 3600
    import_versions: Set[str] = field(default_factory=lambda: set(API_VERSIONS))

    def __post_init__(self) -> None:
        self._failures: List[_Failure] = []
        self._service_accounts: Dict[str, str] = {}  # client_email -> public key PEM path
        self._issued = itertools.count(1)
        self._lock = threading.RLock()
        self._keydir = tempfile.TemporaryDirectory(prefix="fake-ee-")

    def start(self) -> FakeEarthEngine:
        self._serve(_Handler, "fake")
        return self

    def stop(self) -> None:
        super().stop()
        self._keydir.cleanup()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def token_uri(self) -> str:
        return f"{self.url}/token"

    def expire(self, token: str) -> None:
        with self._lock:
            self.tokens.discard(token)

    def fail_next(
        self,
        status: int,
        message: str = "",
        *,
        status_name: str = "",
        times: int = 1,
        headers: Optional[Dict[str, str]] = None,
    ) -> None:
        with self._lock:
            self._failures.append(
                _Failure(
                    status,
                    status_name or STATUS_NAMES.get(status, "UNKNOWN"),
                    message or f"Scripted failure {status}.",
                    times,
                    dict(headers or {}),
                )
            )

    def register_service_account(self, client_email: str, private_key_pem: str) -> None:
        """Accepts JWTs from `client_email` signed by this key (public half derived with openssl)."""
        private = Path(self._keydir.name) / f"{len(self._service_accounts)}.pem"
        private.write_text(private_key_pem)
        public = private.with_suffix(".pub")
        subprocess.run(
            ["openssl", "pkey", "-in", str(private), "-pubout", "-out", str(public)], check=True, capture_output=True
        )
        private.unlink()
        self._service_accounts[client_email] = str(public)

    def import_requests(self) -> List[EeRequest]:
        return [r for r in self.requests if r.path.endswith("/image:importExternal")]

    def _take_failure(self) -> Optional[_Failure]:
        with self._lock:
            if not self._failures:
                return None
            failure = self._failures[0]
            failure.times -= 1
            if failure.times <= 0:
                self._failures.pop(0)
            return failure

    def _verify_jwt(self, assertion: str) -> Optional[str]:
        """The error text for a bad assertion, or None when it is valid."""
        parts = assertion.split(".")
        if len(parts) != 3:
            return "malformed JWT"
        header, claims = (json.loads(_b64url_decode(part)) for part in parts[:2])
        if header.get("alg") != "RS256":
            return "alg must be RS256"
        public = self._service_accounts.get(claims.get("iss", ""))
        if public is None:
            return "unknown service account"
        with tempfile.TemporaryDirectory() as scratch:
            data, sig = Path(scratch) / "data", Path(scratch) / "sig"
            data.write_bytes(f"{parts[0]}.{parts[1]}".encode())
            sig.write_bytes(_b64url_decode(parts[2]))
            verify = subprocess.run(
                ["openssl", "dgst", "-sha256", "-verify", public, "-signature", str(sig), str(data)],
                check=False,
                capture_output=True,
            )
        if verify.returncode != 0:
            return "Invalid JWT Signature."
        now = time.time()
        if claims.get("aud") not in (GOOGLE_TOKEN_ENDPOINT, self.token_uri):
            return f"Invalid JWT: aud must be {GOOGLE_TOKEN_ENDPOINT}"
        if not (claims.get("iat", 0) - 300 <= now <= claims.get("exp", 0)) or claims["exp"] - claims["iat"] > 3600:
            return "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe."
        if not EE_SCOPES & set(str(claims.get("scope", "")).split()):
            return "scope lacks Earth Engine"
        return None


# What `GET …/algorithms` lists: one algorithm in the REST `Algorithm` shape, enough for ee.Initialize to
# build its dynamic classes from.
ALGORITHMS = [
    {
        "name": "algorithms/Image.constant",
        "description": "An image of one constant value in every pixel.",
        "returnType": "Image",
        "arguments": [{"argumentName": "value", "type": "Object", "description": "The pixel value."}],
    }
]


def _discovery_document(base_url: str, version: str) -> dict:
    """The part of Earth Engine's REST discovery document that covers the calls earthengine-api makes here.

    googleapiclient builds `projects().image().importExternal` and `projects().algorithms().list`
    from it; earthengine-api then sends them to its own base URL.
    """

    def query(kind: str, description: str, **extra) -> dict:
        return {"type": kind, "location": "query", "description": description, **extra}

    def path_parameter(name: str, description: str) -> dict:
        return {
            name: {
                "type": "string",
                "location": "path",
                "required": True,
                "pattern": "^projects/[^/]+$",
                "description": description,
            }
        }

    scopes = sorted(EE_SCOPES)
    return {
        "kind": "discovery#restDescription",
        "discoveryVersion": "v1",
        "id": f"earthengine:{version}",
        "name": "earthengine",
        "version": version,
        "title": "Google Earth Engine API",
        "protocol": "rest",
        "rootUrl": f"{base_url}/",
        "servicePath": "",
        "baseUrl": f"{base_url}/",
        "batchPath": "batch",
        "parameters": {
            "alt": query("string", "Data format for the response.", default="json", enum=["json", "media", "proto"]),
            "prettyPrint": query("boolean", "Returns the response with indentations and line breaks.", default="true"),
            "fields": query("string", "Selector specifying which fields to include in a partial response."),
            "key": query("string", "API key."),
            "access_token": query("string", "OAuth access token."),
            "quotaUser": query("string", "Quota user."),
            "$.xgafv": query("string", "V1 error format.", enum=["1", "2"]),
        },
        "auth": {"oauth2": {"scopes": {scope: {"description": scope} for scope in scopes}}},
        "resources": {
            "projects": {
                "resources": {
                    "image": {
                        "methods": {
                            "importExternal": {
                                "id": "earthengine.projects.image.importExternal",
                                "path": f"{version}/{{+project}}/image:importExternal",
                                "flatPath": f"{version}/projects/{{projectsId}}/image:importExternal",
                                "httpMethod": "POST",
                                "parameters": path_parameter("project", "The project billed for the import."),
                                "parameterOrder": ["project"],
                                "request": {"$ref": "ImportExternalImageRequest"},
                                "response": {"$ref": "ImportExternalImageResponse"},
                                "scopes": scopes,
                            }
                        }
                    },
                    "algorithms": {
                        "methods": {
                            "list": {
                                "id": "earthengine.projects.algorithms.list",
                                "path": f"{version}/{{+parent}}/algorithms",
                                "flatPath": f"{version}/projects/{{projectsId}}/algorithms",
                                "httpMethod": "GET",
                                "parameters": path_parameter("parent", "The project whose algorithms are listed."),
                                "parameterOrder": ["parent"],
                                "response": {"$ref": "ListAlgorithmsResponse"},
                                "scopes": scopes,
                            }
                        }
                    },
                }
            }
        },
        "schemas": {
            "ImportExternalImageRequest": {
                "id": "ImportExternalImageRequest",
                "type": "object",
                "properties": {"imageManifest": {"$ref": "ImageManifest"}, "overwrite": {"type": "boolean"}},
            },
            "ImportExternalImageResponse": {"id": "ImportExternalImageResponse", "type": "object", "properties": {}},
            "ImageManifest": {"id": "ImageManifest", "type": "object", "additionalProperties": {"type": "any"}},
            "ListAlgorithmsResponse": {
                "id": "ListAlgorithmsResponse",
                "type": "object",
                "properties": {"algorithms": {"type": "array", "items": {"type": "object"}}},
            },
        },
    }


def _b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class _Handler(BaseHTTPRequestHandler):
    fake: FakeEarthEngine
    protocol_version = "HTTP/1.1"

    def log_message(self, *args) -> None:
        pass

    def _send(
        self,
        status: int,
        body: bytes,
        headers: Optional[Dict[str, str]] = None,
        content_type: str = "application/json; charset=UTF-8",
    ) -> None:
        self.send_response(status)
        for key, value in {"Content-Type": content_type, "Content-Length": str(len(body)), **(headers or {})}.items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def _status(self, code: int, message: str, status_name: str = "", headers: Optional[Dict[str, str]] = None) -> None:
        payload = {"error": {"code": code, "message": message, "status": status_name or STATUS_NAMES.get(code, "")}}
        self._send(code, json.dumps(payload).encode(), headers)

    def _record(self, method: str, body: bytes = b"") -> EeRequest:
        url = urlsplit(self.path)
        request = EeRequest(method, url.path, dict(self.headers.items()), body, parse_qs(url.query))
        with self.fake._lock:
            self.fake.requests.append(request)
        return request

    def _authorised(self, request: EeRequest) -> bool:
        """True when the bearer token is one this fake issued; else answers 401 and returns False."""
        auth = request.header("Authorization") or ""
        if auth.startswith("Bearer ") and auth[len("Bearer ") :] in self.fake.tokens:
            return True
        self._status(
            401,
            "Request had invalid authentication credentials. Expected OAuth 2 access token, "
            "login cookie or other valid authentication credential.",
        )
        return False

    def do_POST(self) -> None:
        request = self._record("POST", self.rfile.read(int(self.headers.get("Content-Length") or 0)))
        if request.path == "/token":
            self._token(request.body)
            return
        self._import_external(request)

    def do_GET(self) -> None:
        request = self._record("GET")
        if request.path == "/$discovery/rest":
            version = (request.query.get("version") or [""])[0]
            if version not in API_VERSIONS:
                self._status(404, f"Discovery document not found for API service: earthengine.googleapis.com {version}")
                return
            self._send(200, json.dumps(_discovery_document(self.fake.url, version)).encode())
            return
        listing = re.fullmatch(r"/(v1|v1beta|v1alpha)/projects/([^/]+):listAssets", request.path)
        if listing is not None:
            self._list_assets(request, unquote(listing.group(2)))
            return
        match = re.fullmatch(r"/(v1|v1beta|v1alpha)/projects/([^/]+)/algorithms", request.path)
        if match is None:
            self._status(404, "Method not found.")
            return
        if not self._authorised(request):
            return
        if unquote(match.group(2)) not in self.fake.projects:
            self._status(404, f"Project '{unquote(match.group(2))}' not found or deleted.")
            return
        self._send(200, json.dumps({"algorithms": ALGORITHMS}).encode())

    def _list_assets(self, request: EeRequest, project: str) -> None:
        if not self._authorised(request):
            return
        if project not in self.fake.projects:
            self._status(404, f"Project '{project}' not found or deleted.")
            return
        size = int((request.query.get("pageSize") or ["1000"])[0])
        prefix = f"projects/{project}/assets/"
        with self.fake._lock:
            names = sorted(name for name in self.fake.assets if name.startswith(prefix))[:size]
        self._send(200, json.dumps({"assets": [{"name": name, "type": "IMAGE"} for name in names]}).encode())

    def _token(self, body: bytes) -> None:
        form = {key: values[0] for key, values in parse_qs(body.decode()).items()}
        if form.get("grant_type") != "urn:ietf:params:oauth:grant-type:jwt-bearer":
            self._send(400, json.dumps({"error": "unsupported_grant_type"}).encode())
            return
        problem = self.fake._verify_jwt(form.get("assertion", ""))
        if problem is not None:
            self._send(400, json.dumps({"error": "invalid_grant", "error_description": problem}).encode())
            return
        token = f"sa-token-{next(self.fake._issued)}"
        with self.fake._lock:
            self.fake.tokens.add(token)
        self._send(
            200,
            json.dumps(
                {"access_token": token, "expires_in": self.fake.token_lifetime, "token_type": "Bearer"}
            ).encode(),
        )

    def _import_external(self, request: EeRequest) -> None:
        fake = self.fake
        match = re.fullmatch(r"/(v1|v1beta|v1alpha)/projects/([^/]+)/image:importExternal", request.path)
        if match is None or match.group(1) not in fake.import_versions:
            self._status(404, "Method not found.")
            return
        if not self._authorised(request):
            return
        failure = fake._take_failure()
        if failure is not None:
            self._status(failure.status, failure.message, failure.status_name, failure.headers)
            return
        project = unquote(match.group(2))
        if project not in fake.projects:
            self._status(404, f"Project '{project}' not found or deleted.")
            return
        if not (request.header("Content-Type") or "").startswith("application/json"):
            self._status(400, "Content-Type must be application/json.")
            return
        try:
            body = request.json()
            manifest = body["imageManifest"]
            name = manifest["name"]
            uris = [uri for tileset in manifest["tilesets"] for source in tileset["sources"] for uri in source["uris"]]
        except (ValueError, KeyError, TypeError):
            self._status(400, "Invalid JSON payload received. Expected imageManifest with name and tilesets.")
            return
        unknown = set(body) - {"imageManifest", "overwrite"}
        if unknown:
            self._status(400, f'Invalid JSON payload received. Unknown name "{sorted(unknown)[0]}": Cannot find field.')
            return
        if not re.fullmatch(r"projects/[^/]+/assets/.+", name):
            self._status(400, f"Invalid asset name '{name}'.")
            return
        if any(not (manifest.get("uriPrefix", "") + uri).startswith("gs://") for uri in uris):
            self._status(400, "Only Google Cloud Storage URIs (gs://) are supported.")
            return
        with fake._lock:
            if name in fake.assets and not body.get("overwrite", False):
                self._status(409, f"Cannot overwrite asset '{name}'.")
                return
            fake.assets[name] = manifest
        self._send(200, fake.success_body)
