"""Google OAuth2 bearer tokens for Earth Engine and the GCS JSON API: pasted, or signed from a service-account key.

A service-account key is turned into a token with the JWT bearer grant (RFC 7523):
an RS256-signed assertion is posted to the key's `token_uri`. RS256 is RSASSA-PKCS1-v1_5
with SHA-256. The standard library has no RSA, and `cryptography` is not a dependency of a
stock QGIS install (on Debian it is only suggested by python3-requests), so the signature
is computed here with Python integers: PKCS#1 v1.5 is deterministic, and the tests check it
byte for byte against `openssl dgst -sha256 -sign`.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import re
import threading
import time
from dataclasses import dataclass, field
from typing import Callable, List, Sequence, Tuple
from urllib.parse import urlparse

import requests

from ..errors import AuthenticationError
from ..i18n import tr, translatable
from ..network import PROXY_SETTINGS, PolicySession
from .oauth import post_token_request

LOG = logging.getLogger("cogport.earthengine")

EE_SCOPE = "https://www.googleapis.com/auth/earthengine"
STORAGE_READ_SCOPE = "https://www.googleapis.com/auth/devstorage.read_only"
DEFAULT_SCOPES = (EE_SCOPE, STORAGE_READ_SCOPE)
DEFAULT_TOKEN_URI = "https://oauth2.googleapis.com/token"  # noqa: S105 - Google's public token endpoint URL
_JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer"
_SHA256_DIGEST_INFO = bytes.fromhex("3031300d060960864801650304020105000420")
_REFRESH_MARGIN = 120.0  # seconds before expiry at which a signed token is renewed


class StaticToken:
    """A bearer token obtained elsewhere (pasted, COGPORT_EE_TOKEN, or a QGIS OAuth2 config).

    It cannot be renewed here: once the service refuses it, `token()` raises an
    AuthenticationError saying how to get a fresh one.
    """

    def __init__(self, token: str, source: str = translatable("the access token")) -> None:
        self._token = token.strip()
        self.source = source
        self._refused = False

    def token(self) -> str:
        if not self._token:
            raise AuthenticationError(
                tr("No Earth Engine access token was given ({source} is empty).").format(source=tr(self.source)),
                tr("the Earth Engine connection's credentials, or set COGPORT_EE_TOKEN."),
            )
        if self._refused:
            raise AuthenticationError(
                tr(
                    "Google refused {source} (HTTP 401 UNAUTHENTICATED): it has expired or lacks the "
                    "Earth Engine scope."
                ).format(source=tr(self.source)),
                tr(
                    "the token: paste a fresh one (e.g. from `gcloud auth print-access-token`), or use a "
                    "service-account key or a QGIS OAuth2 configuration, which renew themselves."
                ),
            )
        return self._token

    def invalidate(self) -> None:
        self._refused = True

    def __repr__(self) -> str:
        return f"StaticToken(token='***', source={self.source!r})"


@dataclass(frozen=True, repr=False)
class ServiceAccountKey:
    """The fields of a Google service-account JSON key that signing needs."""

    client_email: str
    private_key: str = field(compare=False)
    private_key_id: str = ""
    token_uri: str = DEFAULT_TOKEN_URI
    project_id: str = ""

    @classmethod
    def from_json(cls, text: str) -> ServiceAccountKey:
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise AuthenticationError(
                tr("The service-account key is not valid JSON."),
                tr("that you pasted or chose the whole .json key file downloaded from the Cloud console."),
                detail=f"JSON error at position {getattr(exc, 'pos', '?')}",
            ) from None
        if not isinstance(data, dict) or data.get("type") != "service_account":
            raise AuthenticationError(
                tr("The JSON file is not a service-account key."),
                tr('that its "type" is "service_account" (Cloud console > IAM > Service accounts > Keys).'),
            )
        missing = [name for name in ("client_email", "private_key") if not data.get(name)]
        if missing:
            raise AuthenticationError(
                tr("The service-account key lacks {fields}.").format(fields=", ".join(missing)),
                tr("that the key file is complete; download a new key if in doubt."),
            )
        return cls(
            client_email=str(data["client_email"]),
            private_key=str(data["private_key"]),
            private_key_id=str(data.get("private_key_id", "")),
            token_uri=str(data.get("token_uri") or DEFAULT_TOKEN_URI),
            project_id=str(data.get("project_id", "")),
        )

    def __repr__(self) -> str:
        return (
            f"ServiceAccountKey(client_email={self.client_email!r}, private_key='***', "
            f"private_key_id='***', token_uri={self.token_uri!r}, project_id={self.project_id!r})"
        )


class ServiceAccountTokens:
    """Signs a JWT with the key, exchanges it for an access token, and renews it before expiry."""

    def __init__(
        self,
        key: ServiceAccountKey,
        scopes: Sequence[str] = DEFAULT_SCOPES,
        *,
        clock: Callable[[], float] = time.time,
        timeout: float = 30.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.key = key
        self.scopes = tuple(scopes)
        self._session = PolicySession()
        self._clock = clock
        self._timeout = timeout
        self._sleep = sleep
        self._token = ""
        self._expires_at = 0.0
        self._lock = threading.Lock()
        self.exchanges = 0

    def token(self) -> str:
        with self._lock:
            if not self._token or self._clock() > self._expires_at - _REFRESH_MARGIN:
                self._exchange()
            return self._token

    def invalidate(self) -> None:
        with self._lock:
            self._token = ""

    def _exchange(self) -> None:
        assertion = signed_jwt(self.key, self.scopes, now=int(self._clock()))
        response = post_token_request(
            lambda: self._session.post(
                self.key.token_uri,
                data={"grant_type": _JWT_BEARER, "assertion": assertion},
                timeout=self._timeout,
            ),
            tr("the Google token service at {host}").format(host=urlparse(self.key.token_uri).netloc),
            tr("your network connection and the proxy settings ({proxy_settings}).").format(
                proxy_settings=tr(PROXY_SETTINGS)
            ),
            pause=self._sleep,
        )
        self.exchanges += 1
        if response.status_code != 200:
            raise AuthenticationError(
                tr("Google refused the service-account key of {account} (HTTP {status}: {reason}).").format(
                    account=self.key.client_email, status=response.status_code, reason=_oauth_error(response)
                ),
                tr(
                    "that the key has not been deleted or disabled, that the service account exists, "
                    "and that this computer's clock is right."
                ),
                detail=response.text[:500],
            )
        payload = response.json()
        self._token = str(payload.get("access_token", ""))
        self._expires_at = self._clock() + float(payload.get("expires_in", 3600))
        if not self._token:
            raise AuthenticationError(
                tr("The Google token service answered without an access token."), tr("the key's token_uri.")
            )
        LOG.info("Signed in to Google as %s (token valid %s s)", self.key.client_email, payload.get("expires_in"))

    def __repr__(self) -> str:
        return f"ServiceAccountTokens(key={self.key!r}, scopes={self.scopes!r})"


def _oauth_error(response: requests.Response) -> str:
    try:
        payload = response.json()
        return f"{payload.get('error', '')} {payload.get('error_description', '')}".strip()
    except ValueError:
        return response.reason or tr("no detail")


def signed_jwt(key: ServiceAccountKey, scopes: Sequence[str], now: int) -> str:
    """The RS256 assertion for the JWT bearer grant, valid for one hour from `now`."""
    header = {"alg": "RS256", "typ": "JWT"}
    if key.private_key_id:
        header["kid"] = key.private_key_id
    claims = {"iss": key.client_email, "scope": " ".join(scopes), "aud": key.token_uri, "iat": now, "exp": now + 3600}
    signing_input = (
        f"{_b64url(json.dumps(header, separators=(',', ':')).encode())}."
        f"{_b64url(json.dumps(claims, separators=(',', ':')).encode())}"
    )
    signature = rsa_sha256_sign(key.private_key, signing_input.encode())
    return f"{signing_input}.{_b64url(signature)}"


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


# ----- RSASSA-PKCS1-v1_5 with SHA-256 (RFC 8017 8.2.1) on a PEM key


@dataclass(frozen=True, repr=False)
class _RsaKey:
    n: int
    e: int
    d: int
    p: int
    q: int
    dp: int
    dq: int
    qinv: int

    def __repr__(self) -> str:
        return f"_RsaKey(bits={self.n.bit_length()}, private='***')"


def rsa_sha256_sign(pem: str, message: bytes) -> bytes:
    """The PKCS#1 v1.5 SHA-256 signature of `message` with an RSA private key in PEM (PKCS#8 or PKCS#1)."""
    key = _parse_private_key(pem)
    size = (key.n.bit_length() + 7) // 8
    digest_info = _SHA256_DIGEST_INFO + hashlib.sha256(message).digest()
    if size < len(digest_info) + 11:
        raise AuthenticationError(
            tr("The service-account private key is too short to sign with."),
            tr("that the key file is a Google service-account key."),
        )
    encoded = b"\x00\x01" + b"\xff" * (size - len(digest_info) - 3) + b"\x00" + digest_info
    m = int.from_bytes(encoded, "big")
    # Chinese remainder theorem: four times faster than pow(m, d, n).
    m1 = pow(m, key.dp, key.p)
    m2 = pow(m, key.dq, key.q)
    h = (key.qinv * (m1 - m2)) % key.p
    signature = m2 + h * key.q
    if pow(signature, key.e, key.n) != m:  # guards against a corrupt key producing a bad signature
        raise AuthenticationError(
            tr("The service-account private key is inconsistent."),
            tr("that the key file is intact; download a new key if in doubt."),
        )
    return signature.to_bytes(size, "big")


def _parse_private_key(pem: str) -> _RsaKey:
    match = re.search(r"-----BEGIN (RSA )?PRIVATE KEY-----(.+?)-----END (RSA )?PRIVATE KEY-----", pem, re.S)
    if match is None:
        raise AuthenticationError(
            tr("The service-account private key is not a PEM RSA key."),
            tr('that "private_key" is the PEM text exactly as in the downloaded JSON key.'),
        )
    try:
        der = base64.b64decode("".join(match.group(2).split()))
        if match.group(1) is None:  # PKCS#8 PrivateKeyInfo wraps the PKCS#1 RSAPrivateKey
            items = _der_sequence(der)
            der = _der_value(items[2], expected_tag=0x04)
        values = [_der_integer(item) for item in _der_sequence(der)]
        return _RsaKey(*values[1:9])
    except (ValueError, IndexError, TypeError):
        raise AuthenticationError(
            tr("The service-account private key could not be read."),
            tr("that the key file is intact; download a new key if in doubt."),
        ) from None


def _der_read(data: bytes, offset: int) -> Tuple[int, bytes, int]:
    tag = data[offset]
    length = data[offset + 1]
    offset += 2
    if length & 0x80:
        count = length & 0x7F
        length = int.from_bytes(data[offset : offset + count], "big")
        offset += count
    value = data[offset : offset + length]
    if len(value) != length:
        raise ValueError("truncated")  # caught: the person reads "could not be read"
    return tag, value, offset + length


def _der_sequence(data: bytes) -> List[bytes]:
    tag, body, _ = _der_read(data, 0)
    if tag != 0x30:
        raise ValueError(tag)  # not a SEQUENCE; caught like any malformed key
    items, offset = [], 0
    while offset < len(body):
        start = offset
        _, _, offset = _der_read(body, offset)
        items.append(body[start:offset])
    return items


def _der_value(item: bytes, expected_tag: int) -> bytes:
    tag, value, _ = _der_read(item, 0)
    if tag != expected_tag:
        raise ValueError(tag)  # not the expected type; caught like any malformed key
    return value


def _der_integer(item: bytes) -> int:
    return int.from_bytes(_der_value(item, 0x02), "big")
