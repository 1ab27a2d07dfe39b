"""A counting HTTP proxy with added latency and a bandwidth cap, in front of the local object store.

GDAL reaches it when a connection's endpoint is the proxy's `endpoint` (S3 path-style, plain HTTP):
the Host header is forwarded unchanged, so SigV4 signatures made for the proxy's address still verify.
Every request waits `delay` seconds before it is forwarded, standing in for a real link's round trip,
and with `mbit_per_s` every response body is paced through one shared downlink of that rate, so
parallel requests share the bandwidth as they do on an office link (LINKS holds the bench's profiles).
Requests and response-body bytes are counted per path; `failing = True` makes it answer 503 and
`stop()` closes it, to simulate a network that fails mid-pan. A control path (`/__proxy__/stats`,
`/__proxy__/reset`) lets a separate process (the bench's rendering workers) read and reset the counters.
"""

from __future__ import annotations

import http.client
import json
import socket
import sys
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Dict, List, Optional, Set, Tuple
from urllib.parse import urlsplit

CONTROL = "/__proxy__/"
PACING_CHUNK = 16384  # bytes sent per reservation of the shared link: parallel responses interleave at this grain
BURST = 0.010  # seconds of link time a response may use ahead of its slot (a token bucket's depth)
_HOP_BY_HOP = {"connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade"}


@dataclass(frozen=True)
class Link:
    """A network link as the bench models it: added time per request and a downlink shared by all."""

    name: str
    delay: float  # seconds before each request is forwarded
    mbit_per_s: float  # 0: unlimited

    def describe(self) -> str:
        return f"{self.delay * 1000:.0f} ms per request and {self.mbit_per_s:g} Mbit/s shared"


LINKS = {
    link.name: link
    for link in (
        Link("30ms-50mbit", 0.030, 50.0),  # the default: an office link to a cloud region nearby
        Link("30ms-10mbit", 0.030, 10.0),
        Link("10ms-200mbit", 0.010, 200.0),
    )
}


class SharedDownlink:
    """Paces bytes so that all responses together never exceed `mbit_per_s`; each chunk waits for its slot."""

    def __init__(self, mbit_per_s: float) -> None:
        self.bytes_per_second = mbit_per_s * 1e6 / 8
        self._lock = threading.Lock()
        self._free_at = 0.0

    def send(self, write, data: bytes, count) -> None:
        for start in range(0, len(data), PACING_CHUNK):
            piece = data[start : start + PACING_CHUNK]
            with self._lock:
                # A little burst credit, so that sleeping a bit too long does not slow the link below its rate.
                begin = max(time.monotonic() - BURST, self._free_at)
                self._free_at = begin + len(piece) / self.bytes_per_second
                arrives = self._free_at
            wait = arrives - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            write(piece)
            count(len(piece))


@dataclass
class Traffic:
    """Counters since the last reset; `paths` maps a path to [requests, bytes]."""

    requests: int = 0
    bytes: int = 0
    paths: Dict[str, List[int]] = field(default_factory=dict)
    ranges: List[Tuple[str, str]] = field(default_factory=list)  # (method target, Range header), as arrived
    finished: List[Tuple[str, str]] = field(default_factory=list)  # the same, as their responses completed

    def to_dict(self) -> dict:
        return {
            "requests": self.requests,
            "bytes": self.bytes,
            "paths": self.paths,
            "ranges": self.ranges,
            "finished": self.finished,
        }

    @classmethod
    def from_dict(cls, data: dict) -> Traffic:
        return cls(
            int(data["requests"]),
            int(data["bytes"]),
            dict(data["paths"]),
            [tuple(r) for r in data["ranges"]],
            [tuple(r) for r in data["finished"]],
        )

    def minus(self, earlier: Traffic) -> Traffic:
        """What happened between `earlier` and this snapshot."""
        paths = {
            p: [n - earlier.paths.get(p, [0, 0])[0], b - earlier.paths.get(p, [0, 0])[1]]
            for p, (n, b) in self.paths.items()
        }
        return Traffic(
            self.requests - earlier.requests,
            self.bytes - earlier.bytes,
            {p: v for p, v in paths.items() if v[0]},
            self.ranges[len(earlier.ranges) :],
            self.finished[len(earlier.finished) :],
        )


class LatencyProxy:
    """Threaded proxy on 127.0.0.1; `start()` returns self, `endpoint` is host:port for GDAL."""

    def __init__(self, upstream: str, delay: float = 0.05, mbit_per_s: float = 0.0) -> None:
        self.upstream = upstream  # host:port of the object store
        self.delay = delay
        self.downlink = SharedDownlink(mbit_per_s) if mbit_per_s else None
        self.failing = False
        self._lock = threading.Lock()
        self._requests = 0
        self._bytes = 0
        self._paths: Dict[str, List[int]] = defaultdict(lambda: [0, 0])
        self._ranges: List[Tuple[str, str]] = []
        self._finished: List[Tuple[str, str]] = []
        self._sockets: Set[socket.socket] = set()
        self._server: Optional[ThreadingHTTPServer] = None
        self._thread: Optional[threading.Thread] = None

    @classmethod
    def over(cls, upstream: str, link: Link) -> LatencyProxy:
        return cls(upstream, link.delay, link.mbit_per_s)

    # --- counters ------------------------------------------------------------------------
    def snapshot(self) -> Traffic:
        with self._lock:
            return Traffic(
                self._requests,
                self._bytes,
                {p: list(v) for p, v in self._paths.items()},
                list(self._ranges),
                list(self._finished),
            )

    def reset(self) -> None:
        with self._lock:
            self._requests = self._bytes = 0
            self._paths.clear()
            self._ranges.clear()
            self._finished.clear()

    def _count_request(self, method: str, path: str, target: str, byte_range: str) -> None:
        with self._lock:
            self._requests += 1
            self._paths[path][0] += 1
            self._ranges.append((f"{method} {target}", byte_range))

    def _count_bytes(self, path: str, size: int) -> None:
        with self._lock:
            self._bytes += size
            self._paths[path][1] += size

    def _count_finished(self, method: str, target: str, byte_range: str) -> None:
        with self._lock:
            self._finished.append((f"{method} {target}", byte_range))

    # --- life cycle ----------------------------------------------------------------------
    @property
    def endpoint(self) -> str:
        assert self._server is not None, "proxy not started"
        return f"127.0.0.1:{self._server.server_address[1]}"

    def start(self) -> LatencyProxy:
        proxy = self

        class Handler(_ForwardingHandler):
            owner = proxy

        self._server = _QuietServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, name="latency-proxy", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Closes the port and every open connection, as a dead link would (kept-alive ones included)."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        with self._lock:
            sockets, self._sockets = list(self._sockets), set()
        for sock in sockets:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def __enter__(self) -> LatencyProxy:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        """A client that hangs up (a bench worker exiting with connections kept alive) is no error."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class _ForwardingHandler(BaseHTTPRequestHandler):
    owner: LatencyProxy
    protocol_version = "HTTP/1.1"  # keep-alive, as GDAL's curl expects from a real endpoint
    _upstream: Optional[http.client.HTTPConnection] = None

    def setup(self) -> None:
        super().setup()
        with self.owner._lock:
            self.owner._sockets.add(self.connection)

    def finish(self) -> None:
        with self.owner._lock:
            self.owner._sockets.discard(self.connection)
        try:
            super().finish()
        finally:
            if self._upstream is not None:
                self._upstream.close()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass

    def do_GET(self) -> None:
        self._forward()

    do_HEAD = do_PUT = do_POST = do_DELETE = do_GET

    def _forward(self) -> None:
        path = urlsplit(self.path).path
        if path.startswith(CONTROL):
            self._control(path[len(CONTROL) :])
            return
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        owner = self.owner
        owner._count_request(self.command, path, self.path, self.headers.get("Range", ""))
        try:
            self._answer(owner, path, body)
        finally:
            owner._count_finished(self.command, self.path, self.headers.get("Range", ""))

    def _answer(self, owner: LatencyProxy, path: str, body: Optional[bytes]) -> None:
        if owner.delay:
            time.sleep(owner.delay)
        if owner.failing:
            self._reply(
                503,
                b"<Error><Code>ServiceUnavailable</Code><Message>proxy failing</Message></Error>",
                "application/xml",
            )
            return
        headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP_BY_HOP}
        try:
            response = self._send_upstream(self.command, self.path, body, headers)
        except OSError:
            self._reply(502, b"upstream unreachable", "text/plain")
            return
        length = response.getheader("Content-Length")
        # Bodies of known length are passed on as they arrive, as a router would; others are read whole.
        streamed = self.command != "HEAD" and length is not None and response.getheader("Transfer-Encoding") is None
        data = b"" if streamed or self.command == "HEAD" else response.read()
        self.send_response(response.status, response.reason)
        for key, value in response.getheaders():
            if key.lower() not in _HOP_BY_HOP and key.lower() != "content-length":
                self.send_header(key, value)
        if streamed or self.command == "HEAD":
            if length is not None:
                self.send_header("Content-Length", length)
        else:
            self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command == "HEAD":
            return
        chunks = iter(lambda: response.read(PACING_CHUNK), b"") if streamed else [data]
        try:
            for chunk in chunks:
                if owner.downlink is None:
                    self.wfile.write(chunk)
                    owner._count_bytes(path, len(chunk))
                else:  # counted as the bytes leave: a read the client abandons counts what it really took
                    owner.downlink.send(self.wfile.write, chunk, lambda size: owner._count_bytes(path, size))
        except OSError:
            if self._upstream is not None:  # the rest of the body is still unread on it
                self._upstream.close()
                self._upstream = None
            raise

    def _send_upstream(
        self, method: str, target: str, body: Optional[bytes], headers: Dict[str, str]
    ) -> http.client.HTTPResponse:
        for attempt in (0, 1):  # a kept-alive upstream connection may have been closed meanwhile
            if self._upstream is None:
                self._upstream = http.client.HTTPConnection(self.owner.upstream, timeout=60)
            try:
                self._upstream.request(method, target, body=body, headers=headers)
                return self._upstream.getresponse()
            except (http.client.HTTPException, OSError):
                self._upstream.close()
                self._upstream = None
                if attempt:
                    raise
        raise OSError("unreachable")

    def _control(self, action: str) -> None:
        counted = self.owner.snapshot()
        if action == "reset":
            self.owner.reset()
        self._reply(200, json.dumps(counted.to_dict()).encode(), "application/json")

    def _reply(self, status: int, data: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)


def remote_traffic(endpoint: str, reset: bool = False) -> Traffic:
    """The counters of a proxy running in another process (then reset, when asked)."""
    connection = http.client.HTTPConnection(endpoint, timeout=10)
    try:
        connection.request("GET", CONTROL + ("reset" if reset else "stats"))
        return Traffic.from_dict(json.loads(connection.getresponse().read()))
    finally:
        connection.close()
