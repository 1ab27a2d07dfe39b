"""JSON-over-HTTP calls with the retry rules every Cogport service shares.

Transient failures (connection errors, timeouts, 5xx, 429) are retried with
exponential backoff; a 429's `Retry-After` is honoured in the unit the service
uses. A 401 makes the token provider refresh once. Anything else fails at once,
turned into a `ServiceError` by the service's own `explain` function.
"""

from __future__ import annotations

import logging
import random
import time
from dataclasses import dataclass
from typing import Any, Callable, Dict, Mapping, Optional, Protocol

import requests

from ..errors import NetworkError, RateLimitedError, ServiceError
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


Explain = Callable[[requests.Response], ServiceError]


def default_explain(response: requests.Response) -> ServiceError:
    return ServiceError(
        f"The server answered HTTP {response.status_code} for {response.request.method} "
        f"{_safe_url(response.url)}.",
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
                            error.what, "the service's rate limits, then try again later.",
                            detail=error.detail, status=429, code=error.code,
                        )
                    raise error
                delay = (
                    self.retry.retry_after(response)
                    if response.status_code == 429
                    else self.retry.backoff(attempt)
                )
                self._wait(delay, f"{method} {_safe_url(url)} -> {response.status_code}", progress)
                attempt += 1
                continue
            if response.status_code >= 400:
                raise self.explain(response)
            return response

    def _wait(self, seconds: float, why: str, progress: Optional[Progress]) -> None:
        self.retries_done += 1
        LOG.info("Retrying in %.1f s after %s", seconds, why)
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
    return requests.utils.urlparse(url).netloc or url


def _safe_url(url: str) -> str:
    """The URL without its query string, which may carry tokens."""
    return url.split("?", 1)[0]
