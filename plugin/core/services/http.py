"""JSON-over-HTTP calls with the retry rules every Cogport service shares.

Transient failures (connection errors, timeouts, 5xx, 429) are retried with
exponential backoff; a 429's `Retry-After` is honoured in the unit the service
uses. A 401 makes the token provider refresh once. Anything else fails at once,
turned into a `ServiceError` by the service's own `explain` function.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from dataclasses import dataclass
from typing import Any, Callable, Dict, Mapping, Optional, Protocol
from urllib.parse import urlparse

import requests

from ..errors import CogportError, NetworkError, RateLimitedError, ServiceError
from ..progress import Progress

LOG = logging.getLogger("cogport.http")
USER_AGENT = "Cogport-QGIS-plugin"


class TokenProvider(Protocol):
    def token(self) -> str: ...

    def invalidate(self) -> None: ...


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
        f"The server answered HTTP {response.status_code} for {response.request.method} {_safe_url(response.url)}.",
        "the request parameters and your permissions.",
        detail=response.text[:2000],
        status=response.status_code,
    )


class HttpClient:
    """A small session wrapper: base URL, bearer token, proxies, retries."""

    def __init__(
        self,
        base_url: str,
        *,
        tokens: Optional[TokenProvider] = None,
        proxies: Optional[Mapping[str, str]] = None,
        retry: RetryPolicy = RetryPolicy(),
        explain: Explain = default_explain,
        timeout: float = 60.0,
        sleep: Callable[[float], None] = time.sleep,
        session: Optional[requests.Session] = None,
        gate: Optional[RequestGate] = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.tokens = tokens
        self.retry = retry
        self.explain = explain
        self.timeout = timeout
        self.sleep = sleep
        self.session = session or requests.Session()
        self.session.headers["User-Agent"] = USER_AGENT
        if proxies:
            self.session.proxies.update(proxies)
        self.retries_done = 0
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
        refreshed = False
        attempt = 0
        while True:
            if progress is not None:
                progress.raise_if_cancelled()
            send_headers = dict(headers or {})
            if self.tokens is not None:
                send_headers["Authorization"] = f"Bearer {self.tokens.token()}"
            if self.gate is not None:
                wait = self.gate.reserve()
                if wait > 0:
                    self._pause(wait, progress)
                sent_at = self.gate.clock()
            try:
                response = self.session.request(
                    method, url, json=json, params=params, headers=send_headers, timeout=self.timeout
                )
            except (requests.ConnectionError, requests.Timeout) as exc:
                if attempt + 1 >= self.retry.max_attempts:
                    raise NetworkError(
                        f"Could not reach {_host(url)}.",
                        "your network connection, proxy settings and the service URL.",
                        detail=repr(exc),
                    ) from exc
                self._wait(self.retry.backoff(attempt), f"{method} {_safe_url(url)}: {exc!r}", progress)
                attempt += 1
                continue

            if response.status_code == 401 and self.tokens is not None and not refreshed:
                refreshed = True
                self.tokens.invalidate()
                continue
            if response.status_code == 429 or response.status_code >= 500:
                if attempt + 1 >= self.retry.max_attempts:
                    error = self.explain(response)
                    if response.status_code == 429:
                        raise RateLimitedError(
                            error.what,
                            "the service's rate limits, then try again later.",
                            detail=error.detail,
                            status=429,
                            code=getattr(error, "code", ""),
                        )
                    raise error
                why = f"{method} {_safe_url(url)} -> {response.status_code}"
                if response.status_code == 429 and self.gate is not None:
                    # The gate makes every thread wait, this one included, at its next reserve().
                    self.gate.defer(self.retry.retry_after(response), sent_at)
                    self.retries_done += 1
                    LOG.info("Rate limited: %s", why)
                    attempt += 1
                    continue
                delay = self.retry.retry_after(response) if response.status_code == 429 else self.retry.backoff(attempt)
                self._wait(delay, why, progress)
                attempt += 1
                continue
            if response.status_code >= 400:
                raise self.explain(response)
            if self.gate is not None:
                self.gate.succeeded()
            return response

    def _wait(self, seconds: float, why: str, progress: Optional[Progress]) -> None:
        self.retries_done += 1
        LOG.info("Retrying in %.1f s after %s", seconds, why)
        self._pause(seconds, progress)

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
