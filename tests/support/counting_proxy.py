"""A reverse proxy on 127.0.0.1 that forwards every request verbatim and counts response bytes.

Used to measure what GDAL really fetches from the object store (tests and `make bench`).
The Host header is forwarded unchanged, so S3 signatures made for the proxy's address
still verify at the server behind it.
"""

from __future__ import annotations

import http.client
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import List, Tuple


@dataclass
class TrafficCounter:
    requests: List[Tuple[str, str, str, int]] = field(default_factory=list)  # method, path, range, body bytes
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def body_bytes(self) -> int:
        with self.lock:
            return sum(r[3] for r in self.requests)

    @property
    def get_bytes(self) -> int:
        with self.lock:
            return sum(r[3] for r in self.requests if r[0] == "GET")

    def reset(self) -> None:
        with self.lock:
            self.requests.clear()


class CountingProxy:
    """`with CountingProxy("127.0.0.1:8080") as proxy:` then point GDAL at `proxy.endpoint`."""

    def __init__(self, upstream: str) -> None:
        self.upstream = upstream
        self.counter = TrafficCounter()
        host, port = upstream.rsplit(":", 1)
        counter = self.counter

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:  # quiet
                pass

            def _forward(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                connection = http.client.HTTPConnection(host, int(port), timeout=60)
                headers = {k: v for k, v in self.headers.items() if k.lower() != "connection"}
                connection.request(self.command, self.path, body=body, headers=headers)
                response = connection.getresponse()
                payload = response.read()
                connection.close()
                with counter.lock:
                    counter.requests.append((self.command, self.path, self.headers.get("Range", ""), len(payload)))
                self.send_response(response.status, response.reason)
                for key, value in response.getheaders():
                    if key.lower() not in ("transfer-encoding", "connection", "content-length"):
                        self.send_header(key, value)
                self.send_header(
                    "Content-Length",
                    str(len(payload)) if self.command != "HEAD" else response.getheader("Content-Length", "0"),
                )
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(payload)

            do_GET = do_HEAD = do_PUT = do_POST = do_DELETE = _forward

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def endpoint(self) -> str:
        return f"127.0.0.1:{self._server.server_address[1]}"

    def __enter__(self) -> CountingProxy:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()
