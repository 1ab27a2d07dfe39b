"""An in-process fake of the Earth Engine REST API (importExternal) and Google's OAuth2 token endpoint.

Built from the documented contract (shared/reference/cloud-apis.md, Part 1):
- `POST /v1/projects/{project}/image:importExternal`, JSON body `{"imageManifest": {...}, "overwrite": bool}`,
  `Authorization: Bearer <token>`; success = HTTP 200 with an empty body (synchronous, no Operation);
- errors are google.rpc.Status: `{"error": {"code", "message", "status"}}`;
- an existing asset without `overwrite` -> 409 ALREADY_EXISTS; an unknown project -> 404 NOT_FOUND;
  a malformed manifest -> 400 INVALID_ARGUMENT; a missing/unknown token -> 401 UNAUTHENTICATED;
- `GET /v1/projects/{project}:listAssets?pageSize=N` (projects.listAssets, the EE REST reference) lists the
  project's root assets as `{"assets": [{"name", "type"}...]}`, with the same 401 / 404 answers;
- `POST /token` is the JWT bearer grant (RFC 7523): the RS256 assertion is verified with
  `openssl dgst -verify` against the service account's public key, and the claims are checked.
Everything received is recorded in `requests`. `fail_next()` scripts google.rpc.Status answers
(429 with Retry-After, 5xx, 403 …); `expire()` makes a token answer 401 from then on.
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


@dataclass
class EeRequest:
    method: str
    path: str
    headers: Dict[str, str]
    body: bytes

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
        if claims.get("aud") != self.token_uri:
            return "aud must be the token URI"
        if not (claims.get("iat", 0) - 300 <= now <= claims.get("exp", 0)) or claims["exp"] - claims["iat"] > 3600:
            return "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe."
        if not EE_SCOPES & set(str(claims.get("scope", "")).split()):
            return "scope lacks Earth Engine"
        return None


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

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        path = urlsplit(self.path).path
        request = EeRequest("POST", path, dict(self.headers.items()), body)
        with self.fake._lock:
            self.fake.requests.append(request)
        if path == "/token":
            self._token(body)
            return
        self._import_external(request)

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        request = EeRequest("GET", parts.path, dict(self.headers.items()), b"")
        with self.fake._lock:
            self.fake.requests.append(request)
        match = re.fullmatch(r"/v1/projects/([^/]+):listAssets", parts.path)
        if match is None:
            self._status(404, "Method not found.", "NOT_FOUND")
            return
        project = self._authorised_project(request, match.group(1))
        if project is None:
            return
        size = int(parse_qs(parts.query).get("pageSize", ["1000"])[0])
        prefix = f"projects/{project}/assets/"
        with self.fake._lock:
            names = sorted(name for name in self.fake.assets if name.startswith(prefix))[:size]
        self._send(200, json.dumps({"assets": [{"name": name, "type": "IMAGE"} for name in names]}).encode())

    def _authorised_project(self, request: EeRequest, quoted_project: str) -> Optional[str]:
        """The project of a call with a valid token; otherwise answers the error and returns None."""
        fake = self.fake
        auth = request.header("Authorization") or ""
        if not auth.startswith("Bearer ") or auth[len("Bearer ") :] not in fake.tokens:
            self._status(
                401,
                "Request had invalid authentication credentials. Expected OAuth 2 access token, "
                "login cookie or other valid authentication credential.",
            )
            return None
        failure = fake._take_failure()
        if failure is not None:
            self._status(failure.status, failure.message, failure.status_name, failure.headers)
            return None
        project = unquote(quoted_project)
        if project not in fake.projects:
            self._status(404, f"Project '{project}' not found or deleted.")
            return None
        return project

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
        match = re.fullmatch(r"/v1/projects/([^/]+)/image:importExternal", request.path)
        if match is None:
            self._status(404, f"Method not found: {request.path}", "NOT_FOUND")
            return
        if self._authorised_project(request, match.group(1)) is None:
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
