"""Keystone v3 for Swift: one authentication per connection, the object-store endpoint from the catalog,
the token kept until shortly before it expires and renewed then (or when Swift answers 401).

Tokens live in memory only, in `KEYSTONE`, and never reach a log, an exception or a setting: a
`KeystoneToken`'s repr masks its value.
"""

from __future__ import annotations

import email.utils
import logging
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Dict, List, Optional, Tuple
from urllib.parse import urlparse

import requests

from .. import network
from ..errors import AuthenticationError, CogportError, NetworkError, StorageError
from ..i18n import tr
from .connection import AuthMode, Credentials, StorageConnection
from .failures import explain_http_failure

LOG = logging.getLogger("cogport.keystone")

# Renew this long before expires_at (at most a tenth of the token's life, for short-lived tokens), so a
# request sent with the token never arrives after it expired.
RENEW_MARGIN = 120.0
INTERFACES = ("public", "internal", "admin")


def identity_url(auth_url: str) -> str:
    """The Keystone v3 base URL: OpenStack users give it with or without the trailing /v3."""
    url = auth_url.strip().rstrip("/")
    return url if url.endswith("/v3") else f"{url}/v3"


@dataclass(frozen=True)
class KeystoneToken:
    """A project-scoped token and where it leads; `value` never appears in repr."""

    value: str = field(repr=False)
    expires_at: float  # on the local clock (corrected by the answer's Date header)
    lifetime: float  # 0 for a token Cogport cannot renew (pasted): used until it expires
    storage_url: str
    project: str
    project_id: str
    region: str
    interface: str

    @property
    def renew_at(self) -> float:
        return self.expires_at - min(RENEW_MARGIN, self.lifetime / 10)

    def fresh(self) -> bool:
        return time.time() < self.renew_at


class KeystoneSession:
    """The token of one connection: obtained on first use, renewed when due or after a 401."""

    def __init__(self, connection: StorageConnection, credentials: Credentials, timeout: float = 30.0) -> None:
        self.connection = connection
        self.credentials = credentials
        self.timeout = timeout
        self.authentications = 0  # requests to Keystone, for the tests and the benchmark
        self._token: Optional[KeystoneToken] = None
        self._lock = threading.Lock()

    def token(self) -> KeystoneToken:
        with self._lock:
            if self._token is None or not self._token.fresh():
                self._token = self._authenticate()
            return self._token

    @property
    def renewal_due(self) -> bool:
        """Whether token() would log in now (never for a pasted token, which cannot be renewed)."""
        token = self._token
        if self.connection.auth is AuthMode.SWIFT_KEYSTONE_TOKEN:
            return token is None
        return token is None or not token.fresh()

    def renew(self, refused: str) -> KeystoneToken:
        """A new token after Swift refused `refused` (revoked, or expired early); one renewal for all threads."""
        with self._lock:
            if self._token is None or self._token.value == refused:
                self._token = self._authenticate()
            return self._token

    # --- talking to Keystone ------------------------------------------------------------
    def _authenticate(self) -> KeystoneToken:
        connection = self.connection
        if connection.auth is AuthMode.SWIFT_KEYSTONE_TOKEN:
            if self._token is not None:
                raise AuthenticationError(
                    tr("The pasted Keystone token of connection '{name}' has expired.").format(name=connection.name),
                    tr(
                        "the connection: paste a new token (openstack token issue), or use a password or an "
                        "application credential, which Cogport renews by itself."
                    ),
                )
            # Validating the token with itself returns its catalog and expiry: no new token is issued.
            pasted = self.credentials.token
            response = self._send("GET", "auth/tokens", headers={"X-Auth-Token": pasted, "X-Subject-Token": pasted})
        else:
            response = self._send("POST", "auth/tokens", json=self._auth_body(scoped=True))
        if response.status_code in (401, 404):
            raise self._refusal(response)
        if response.status_code >= 300:
            raise StorageError(
                tr("Keystone answered HTTP {status} to connection '{name}'.").format(
                    status=response.status_code, name=connection.name
                ),
                tr("the auth URL (it ends in /v3) and Keystone's status; details are in the Cogport log."),
                detail=response.text[:300],
            )
        if connection.auth is AuthMode.SWIFT_KEYSTONE_TOKEN:
            return self._token_from(response, self.credentials.token, renewable=False)
        return self._token_from(response, response.headers.get("X-Subject-Token", ""), renewable=True)

    def _send(self, method: str, path: str, headers: Optional[Dict[str, str]] = None, **kwargs: Any):
        url = f"{identity_url(self.connection.auth_url)}/{path}"
        self.authentications += 1
        try:
            return network.request(method, url, headers=headers, timeout=self.timeout, **kwargs)
        except requests.RequestException as exc:
            failure = explain_http_failure(exc, urlparse(url).netloc, self.connection.name)
            raise NetworkError(
                tr("Keystone could not be reached. {reason}").format(reason=failure.what),
                tr("the auth URL ({url}); {check}").format(
                    url=self.connection.auth_url or tr("empty"), check=failure.check
                ),
                failure.detail,
            ) from exc

    def _auth_body(self, scoped: bool) -> Dict[str, Any]:
        connection, credentials = self.connection, self.credentials
        if connection.auth is AuthMode.SWIFT_KEYSTONE_APP_CREDENTIAL:
            # An application credential carries its own project: it may not ask for a scope.
            secret = {"id": credentials.identity, "secret": credentials.secret}
            return {"auth": {"identity": {"methods": ["application_credential"], "application_credential": secret}}}
        if connection.user_id:
            user: Dict[str, Any] = {"id": connection.user_id}
        else:
            user = {"name": credentials.identity, "domain": _domain(connection.user_domain_id, connection.user_domain)}
        user["password"] = credentials.secret
        auth: Dict[str, Any] = {"identity": {"methods": ["password"], "password": {"user": user}}}
        if scoped and (connection.project_id or connection.project_name):
            if connection.project_id:
                project: Dict[str, Any] = {"id": connection.project_id}
            else:
                domain = _domain(connection.project_domain_id, connection.project_domain)
                project = {"name": connection.project_name, "domain": domain}
            auth["scope"] = {"project": project}
        return {"auth": auth}

    def _refusal(self, response: requests.Response) -> CogportError:
        connection, name = self.connection, self.connection.name
        detail = f"HTTP {response.status_code}: {response.text[:300]}"
        if connection.auth is AuthMode.SWIFT_KEYSTONE_TOKEN:
            return AuthenticationError(
                tr(
                    "Keystone does not accept the pasted token of connection '{name}' (expired, revoked or "
                    "issued by another cloud)."
                ).format(name=name),
                tr("the auth URL, or paste a new token (openstack token issue)."),
                detail,
            )
        if connection.auth is AuthMode.SWIFT_KEYSTONE_APP_CREDENTIAL:
            return AuthenticationError(
                tr("Keystone refused the application credential of connection '{name}'.").format(name=name),
                tr(
                    "the application credential ID and secret, and that it has not expired or been deleted "
                    "(openstack application credential list)."
                ),
                detail,
            )
        # Keystone answers 401 to every mistake alike; an unscoped try tells the user's from the project's.
        unscoped = self._send("POST", "auth/tokens", json=self._auth_body(scoped=False))
        user = connection.user_id or self.credentials.identity
        user_domain = connection.user_domain_id or connection.user_domain or "Default"
        if unscoped.status_code < 300:
            project = connection.project_id or connection.project_name
            project_domain = connection.project_domain_id or connection.project_domain or "Default"
            return AuthenticationError(
                tr(
                    "Keystone accepted user '{user}' but not project '{project}' (domain '{domain}') "
                    "for connection '{name}'."
                ).format(user=user, project=project, domain=project_domain, name=name),
                tr("the project name or ID and its domain, and that the user has a role on that project."),
                detail,
            )
        return AuthenticationError(
            tr("Keystone refused user '{user}' (domain '{domain}') or its password for connection '{name}'.").format(
                user=user, domain=user_domain, name=name
            ),
            tr("the user name, the user domain (often Default) and the password."),
            detail,
        )

    def _token_from(self, response: requests.Response, value: str, renewable: bool) -> KeystoneToken:
        connection = self.connection
        body = response.json().get("token", {})
        project = body.get("project") or {}
        expires = _timestamp(body.get("expires_at", ""))
        issued = _timestamp(body.get("issued_at", "")) or expires
        # Measure the token's life against Keystone's own clock (the Date header), so a skewed local
        # clock neither keeps a dead token nor renews a live one at every request.
        server_now = _http_date(response.headers.get("Date", "")) or issued
        now = time.time()
        storage_url, region = pick_endpoint(body.get("catalog") or [], connection, project.get("name", ""))
        LOG.info(
            "Keystone token for connection '%s': project %s, region %s, %s endpoint %s, valid %.0f s",
            connection.name,
            project.get("name", ""),
            region,
            connection.interface or "public",
            storage_url,
            expires - server_now,
        )
        return KeystoneToken(
            value=value,
            expires_at=now + (expires - server_now),
            lifetime=max(expires - issued, 0.0) if renewable else 0.0,  # a pasted token is used to its end
            storage_url=storage_url.rstrip("/"),
            project=project.get("name", "") or project.get("id", ""),
            project_id=project.get("id", ""),
            region=region,
            interface=connection.interface or "public",
        )


def pick_endpoint(catalog: List[Dict[str, Any]], connection: StorageConnection, project: str) -> Tuple[str, str]:
    """(URL, region) of the object-store endpoint for the connection's region and interface."""
    name = connection.name
    interface = connection.interface or "public"
    where = tr("project '{project}'").format(project=project) if project else tr("this token")
    services = [s for s in catalog if s.get("type") == "object-store"]
    if not services:
        if not catalog:
            raise StorageError(
                tr("Keystone gave connection '{name}' a token without a service catalog.").format(name=name),
                tr("that the connection names a project (a token must be scoped to a project to reach Swift)."),
            )
        raise StorageError(
            tr("The service catalog of {scope} has no object-store (Swift) service (connection '{name}').").format(
                scope=where, name=name
            ),
            tr("that Object Storage is enabled for this project, or choose the project that holds your containers."),
        )
    endpoints = [e for s in services for e in s.get("endpoints", []) if e.get("interface", "public") == interface]
    regions = sorted({_region(e) for e in endpoints})
    if connection.region:
        endpoints = [e for e in endpoints if _region(e) == connection.region]
    if not endpoints:
        offered = ", ".join(regions) if regions else tr("none")
        raise StorageError(
            tr(
                "The catalog of {scope} has no {interface} object-store endpoint in region '{region}' "
                "(connection '{name}')."
            ).format(scope=where, interface=interface, region=connection.region or tr("(any)"), name=name),
            tr("the region: Swift is offered in {regions} (interface {interface}).").format(
                regions=offered, interface=interface
            ),
        )
    return str(endpoints[0]["url"]), _region(endpoints[0])


def _region(endpoint: Dict[str, Any]) -> str:
    return str(endpoint.get("region_id") or endpoint.get("region") or "")


def _domain(domain_id: str, domain_name: str) -> Dict[str, str]:
    return {"id": domain_id} if domain_id else {"name": domain_name or "Default"}


def _timestamp(text: str) -> float:
    if not text:
        return 0.0
    return datetime.fromisoformat(text.replace("Z", "+00:00")).replace(tzinfo=timezone.utc).timestamp()


def _http_date(text: str) -> float:
    try:
        return email.utils.parsedate_to_datetime(text).timestamp() if text else 0.0
    except (TypeError, ValueError):
        return 0.0


class KeystoneSessions:
    """One KeystoneSession per connection name; a connection edited since gets a new one."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._sessions: Dict[str, KeystoneSession] = {}

    def session(self, connection: StorageConnection, credentials: Credentials) -> KeystoneSession:
        with self._lock:
            session = self._sessions.get(connection.name)
            if session is None or (session.connection, session.credentials) != (connection, credentials):
                session = KeystoneSession(connection, credentials)
                self._sessions[connection.name] = session
            return session

    def forget(self, connection_name: str) -> None:
        with self._lock:
            self._sessions.pop(connection_name, None)


KEYSTONE = KeystoneSessions()
