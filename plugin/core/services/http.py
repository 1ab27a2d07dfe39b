"""The retry rules every Cogport request shares (`send_with_retries`), and JSON-over-HTTP calls on them.

Transient failures (connection resets, timeouts, 408, 429, 5xx) are retried with
exponential backoff; a `Retry-After` is honoured in the unit the service uses. The
services' HttpClient, the upload engines and the OAuth token requests all send through
`send_with_retries`. In HttpClient a 401 makes the token provider refresh once, and
anything else fails at once, turned into a `ServiceError` by the service's `explain`.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from dataclasses import dataclass
from typing import Any, Callable, Dict, Optional, Protocol
from urllib.parse import urlparse

import requests

from ..errors import CogportError, NetworkError, RateLimitedError, ServiceError
from ..i18n import tr
from ..network import PROXY_SETTINGS, PolicySession
from ..progress import Progress

LOG = logging.getLogger("cogport.http")
USER_AGENT = "Cogport-QGIS-plugin"


class TokenProvider(Protocol):
    def token(self) -> str: ...

    def invalidate(self) -> None: ...


# Answers worth sending again: the request may succeed later unchanged. Anything else 4xx is permanent.
TRANSIENT_STATUS = frozenset({408, 429, 500, 502, 503, 504})
# Failures before any answer that a new attempt may cure: resets, timeouts, a body cut mid-stream.
TRANSIENT_ERRORS = (requests.ConnectionError, requests.Timeout, requests.exceptions.ChunkedEncodingError)


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int = 6
    first_delay: float = 1.0
    factor: float = 2.0
    max_delay: float = 60.0
    retry_after_unit: float = 1.0  # seconds per Retry-After unit; 0.001 for milliseconds
    default_retry_after: float = 5.0  # seconds, when a 429 carries no Retry-After

    def backoff(self, attempt: int) -> float:
        delay = min(self.first_delay * self.factor**attempt, self.max_delay)
        return delay * (0.8 + 0.4 * random.random())  # noqa: S311 - jitter, not crypto

    def retry_after(self, response: requests.Response) -> float:
        header = response.headers.get("Retry-After", "")
        try:
            return max(float(header) * self.retry_after_unit, 0.0)
        except ValueError:
            return self.default_retry_after

    def delay(self, response: requests.Response, attempt: int) -> float:
        """How long to wait before sending again after this transient answer."""
        if response.status_code == 429 or "Retry-After" in response.headers:
            return min(self.retry_after(response), self.max_delay)
        return self.backoff(attempt)


def _nothing() -> None:
    return None


def send_with_retries(
    send: Callable[[], requests.Response],
    policy: RetryPolicy,
    what: str,
    *,
    pause: Callable[[float], None],
    check: Callable[[], None] = _nothing,
    on_retry: Callable[[], None] = _nothing,
    defer: Optional[Callable[[float], None]] = None,
) -> requests.Response:
    """Sends until the answer is final and returns it: a success, a permanent error, or the last transient one.

    Connection resets, timeouts, TRANSIENT_STATUS answers are sent again after a back-off
    (a Retry-After is honoured); the last network failure is raised once the attempts are
    spent. `check` raises when the work was cancelled: it runs before each attempt and after
    a network failure, which a cancel may have caused. With `defer`, a 429's wait is handed
    to it (a gate shared by threads) instead of being waited here.
    """
    attempt = 0
    while True:
        check()
        try:
            response = send()
        except TRANSIENT_ERRORS as exc:
            check()
            if attempt + 1 >= policy.max_attempts:
                raise
            delay, why, rate_limited = policy.backoff(attempt), repr(exc), False
        else:
            if response.status_code not in TRANSIENT_STATUS or attempt + 1 >= policy.max_attempts:
                return response
            delay, why = policy.delay(response, attempt), f"HTTP {response.status_code}"
            rate_limited = response.status_code == 429
        on_retry()
        attempt += 1
        if rate_limited and defer is not None:
            LOG.info("Rate limited: %s; every thread waits %.1f s", what, delay)
            defer(delay)
        else:
            LOG.info("Retrying %s in %.1f s after %s", what, delay, why)
            pause(delay)


class RequestGate:
    """Paces request starts shared by every thread using one service.

    A 429 seen by any thread closes the gate for its `Retry-After`, so all workers
    back off together instead of each hammering the service on its own. Starts are
    also spaced by a learned interval: raised once per burst of 429s (the refusals
    of requests already in flight carry no news) and relaxed a little on each
    success, so a pool of workers settles near the allowed rate.
    """

    def __init__(
        self,
        *,
        clock: Callable[[], float] = time.monotonic,
        raise_factor: float = 1.25,
        relax_factor: float = 0.99,
        first_interval: float = 0.01,
        max_interval: float = 5.0,
    ) -> None:
        self.clock = clock
        self._lock = threading.Lock()
        self._next_start = 0.0
        self._last_raise = -1e18
        self.interval = 0.0
        self._raise = raise_factor
        self._relax = relax_factor
        self._first = first_interval
        self._max_interval = max_interval
        self.deferrals = 0

    def reserve(self) -> float:
        """Seconds this caller must wait before sending; each caller gets its own slot."""
        with self._lock:
            now = self.clock()
            start = max(now, self._next_start)
            self._next_start = start + self.interval
            return start - now

    def defer(self, seconds: float, sent_at: float) -> None:
        """A request sent at `sent_at` (gate clock) got 429 with this `Retry-After`."""
        with self._lock:
            self.deferrals += 1
            now = self.clock()
            self._next_start = max(self._next_start, now + seconds)
            if sent_at >= self._last_raise:
                self._last_raise = now
                self.interval = min(max(self.interval * self._raise, self._first), self._max_interval)

    def succeeded(self) -> None:
        with self._lock:
            self.interval *= self._relax


Explain = Callable[[requests.Response], CogportError]


def default_explain(response: requests.Response) -> ServiceError:
    return ServiceError(
        tr("The server answered HTTP {status} for {method} {url}.").format(
            status=response.status_code, method=response.request.method, url=_safe_url(response.url)
        ),
        tr("the request parameters and your permissions."),
        detail=response.text[:2000],
        status=response.status_code,
    )


class HttpClient:
    """A small session wrapper: base URL, bearer token, retries; proxies and CAs from the network policy."""

    def __init__(
        self,
        base_url: str,
        *,
        tokens: Optional[TokenProvider] = None,
        retry: RetryPolicy = RetryPolicy(),
        explain: Explain = default_explain,
        timeout: float = 60.0,
        sleep: Callable[[float], None] = time.sleep,
        session: Optional[PolicySession] = None,
        gate: Optional[RequestGate] = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.tokens = tokens
        self.retry = retry
        self.explain = explain
        self.timeout = timeout
        self.sleep = sleep
        self.session = session or PolicySession()
        self.session.headers["User-Agent"] = USER_AGENT
        self.gate = gate

    def request(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        params: Optional[Dict[str, Any]] = None,
        headers: Optional[Dict[str, str]] = None,
        progress: Optional[Progress] = None,
    ) -> requests.Response:
        url = path if path.startswith(("http://", "https://")) else f"{self.base_url}/{path.lstrip('/')}"
        sent_at = [0.0]  # gate clock at the last send, for the gate to tell new 429s from stale ones

        def send_once() -> requests.Response:
            send_headers = dict(headers or {})
            if self.tokens is not None:
                send_headers["Authorization"] = f"Bearer {self.tokens.token()}"
            if self.gate is not None:
                wait = self.gate.reserve()
                if wait > 0:
                    self._pause(wait, progress)
                sent_at[0] = self.gate.clock()
            return self.session.request(
                method, url, json=json, params=params, headers=send_headers, timeout=self.timeout
            )

        def send() -> requests.Response:
            response = send_once()
            if response.status_code == 401 and self.tokens is not None:
                self.tokens.invalidate()  # an expired token: renew it once
                response = send_once()
            return response

        gate = self.gate
        try:
            response = send_with_retries(
                send,
                self.retry,
                f"{method} {_safe_url(url)}",
                pause=lambda seconds: self._pause(seconds, progress),
                check=progress.raise_if_cancelled if progress is not None else _nothing,
                defer=(lambda seconds: gate.defer(seconds, sent_at[0])) if gate is not None else None,
            )
        except TRANSIENT_ERRORS as exc:
            raise NetworkError(
                tr("Could not reach {host}.").format(host=_host(url)),
                tr("your network connection, the proxy settings ({proxy_settings}) and the service URL.").format(
                    proxy_settings=tr(PROXY_SETTINGS)
                ),
                detail=repr(exc),
            ) from exc
        if response.status_code == 429:
            error = self.explain(response)
            raise RateLimitedError(
                error.what,
                tr("the service's rate limits, then try again later."),
                detail=error.detail,
                status=429,
                code=getattr(error, "code", ""),
            )
        if response.status_code >= 400:
            raise self.explain(response)
        if self.gate is not None:
            self.gate.succeeded()
        return response

    def _pause(self, seconds: float, progress: Optional[Progress]) -> None:
        if progress is None:
            self.sleep(seconds)
            return
        remaining = seconds
        while remaining > 0:  # sleep in slices so a cancel is seen within 0.2 s
            progress.raise_if_cancelled()
            step = min(remaining, 0.2)
            self.sleep(step)
            remaining -= step


def _host(url: str) -> str:
    return urlparse(url).netloc or url


def _safe_url(url: str) -> str:
    """The URL without its query string, which may carry tokens."""
    return url.split("?", 1)[0]
