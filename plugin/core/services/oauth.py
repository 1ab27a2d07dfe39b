"""OAuth2 client-credentials tokens, cached and renewed before they expire."""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from typing import Callable
from urllib.parse import urlparse

import requests

from ..errors import AuthenticationError, NetworkError, ServiceError
from ..i18n import tr
from ..network import PROXY_SETTINGS, PolicySession
from .http import TRANSIENT_ERRORS, RetryPolicy, send_with_retries

LOG = logging.getLogger("cogport.oauth")
# A token request is small and blocks the calls waiting for it: a few quick attempts.
TOKEN_RETRY = RetryPolicy(max_attempts=3, first_delay=1.0, factor=2.0, max_delay=10.0)


@dataclass(frozen=True)
class ClientCredentials:
    """An OAuth client id and secret; the secret never appears in `repr`."""

    client_id: str
    client_secret: str = field(repr=False)

    def __repr__(self) -> str:
        return f"ClientCredentials(client_id={self.client_id!r}, client_secret='***')"


class ClientCredentialsTokens:
    """A `TokenProvider` for `HttpClient`: one cached token, shared by every thread.

    The token is renewed once fewer than `refresh_margin` seconds of its lifetime
    remain (Sentinel Hub's own client uses 120 s). `invalidate()` after a 401 drops
    it only if it is the token this thread last used: when a pool of workers all get
    401 for the same expired token, one new token serves them all.
    """

    def __init__(
        self,
        token_url: str,
        credentials: ClientCredentials,
        *,
        refresh_margin: float = 120.0,
        clock: Callable[[], float] = time.monotonic,
        timeout: float = 30.0,
        retry: RetryPolicy = TOKEN_RETRY,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.token_url = token_url
        self.credentials = credentials
        self.refresh_margin = refresh_margin
        self.clock = clock
        self._session = PolicySession()
        self.timeout = timeout
        self.retry = retry
        self.sleep = sleep
        self._lock = threading.Lock()
        self._token = ""
        self._expires_at = 0.0
        self._used = threading.local()
        self.fetches = 0

    def __repr__(self) -> str:
        return f"ClientCredentialsTokens({self.token_url!r}, {self.credentials!r})"

    def token(self) -> str:
        with self._lock:
            if not self._token or self.clock() >= self._expires_at - self.refresh_margin:
                self._fetch()
            self._used.token = self._token
            return self._token

    def invalidate(self) -> None:
        with self._lock:
            if getattr(self._used, "token", None) == self._token:
                self._token = ""

    def _fetch(self) -> None:
        form = {
            "grant_type": "client_credentials",
            "client_id": self.credentials.client_id,
            "client_secret": self.credentials.client_secret,
        }
        host = urlparse(self.token_url).netloc or self.token_url
        response = post_token_request(
            lambda: self._session.post(
                self.token_url,
                data=form,
                timeout=self.timeout,
                headers={"Content-Type": "application/x-www-form-urlencoded"},
            ),
            tr("the token service at {host}").format(host=host),
            tr(
                "your network connection, the proxy settings ({proxy_settings}) and the token URL of the connection."
            ).format(proxy_settings=tr(PROXY_SETTINGS)),
            pause=self.sleep,
            retry=self.retry,
        )
        if response.status_code in (400, 401, 403):
            raise AuthenticationError(
                tr("The token service at {host} refused the OAuth client '{client_id}'.").format(
                    host=host, client_id=self.credentials.client_id
                ),
                tr(
                    "the client id and client secret of the connection, and that the OAuth client "
                    "belongs to this deployment."
                ),
                detail=f"HTTP {response.status_code}: {_scrub(response.text, self.credentials)}",
            )
        if response.status_code >= 400:
            raise ServiceError(
                tr("The token service at {host} answered HTTP {status}.").format(
                    host=host, status=response.status_code
                ),
                tr("the token URL of the connection, or try again later."),
                detail=_scrub(response.text, self.credentials),
                status=response.status_code,
            )
        try:
            body = response.json()
            token = str(body["access_token"])
        except (ValueError, KeyError, TypeError) as exc:
            raise ServiceError(
                tr("The token service at {host} sent no access token.").format(host=host),
                tr("that the token URL points to an OAuth2 token endpoint."),
                detail=_scrub(response.text[:500], self.credentials),
                status=response.status_code,
            ) from exc
        # The lifetime is not documented; trust the response, and assume a short one when absent.
        lifetime = float(body.get("expires_in") or 300.0)
        now = self.clock()
        self._token = token
        self._expires_at = now + lifetime
        self.fetches += 1
        LOG.info("New access token from %s for client %s, valid %.0f s", host, self.credentials.client_id, lifetime)


def _scrub(text: str, credentials: ClientCredentials) -> str:
    """Token-service text for the log, with the secret cut out should the server echo it."""
    if credentials.client_secret:
        text = text.replace(credentials.client_secret, "***")
    return text[:500]


def post_token_request(
    post: Callable[[], requests.Response],
    service: str,
    check: str,
    *,
    pause: Callable[[float], None] = time.sleep,
    retry: RetryPolicy = TOKEN_RETRY,
) -> requests.Response:
    """A token request under the shared retry rules; an unreachable `service` becomes a NetworkError naming it."""
    try:
        return send_with_retries(post, retry, f"token request to {service}", pause=pause)
    except TRANSIENT_ERRORS as exc:
        raise NetworkError(
            tr("Could not reach {service}.").format(service=service), check, detail=type(exc).__name__
        ) from None
