"""A fault-injecting HTTP proxy on 127.0.0.1 in front of the real Swift server, for upload tests.

It forwards every request unchanged (Host header included, so SigV4 signatures stay
valid) and records it. Scripted faults apply to the next N requests that match:
- "reset": read part of the request body, then drop the connection with a TCP reset;
- an HTTP status (503, 429…): answer it without forwarding;
- "etag": forward, then replace the ETag of the answer (a store that stored other bytes).
It also counts how many matching requests were in flight at once.
"""

from __future__ import annotations

import http.client
import socket
import struct
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Callable, Dict, List, Optional
from urllib.parse import parse_qs, urlsplit

from .loopback import LoopbackServer


@dataclass
class Seen:
    method: str
    path: str
    query: Dict[str, List[str]]


Match = Callable[[Seen], bool]


@dataclass
class Fault:
    match: Match
    action: str  # "reset", "etag" or an HTTP status as text
    times: int
    headers: Dict[str, str] = field(default_factory=dict)


def is_part_upload(seen: Seen) -> bool:
    return seen.method == "PUT" and "partNumber" in seen.query


class FaultProxy(LoopbackServer):
    def __init__(self, upstream: str) -> None:
        self.upstream = upstream  # host:port
        self.requests: List[Seen] = []
        self.faults: List[Fault] = []
        self.in_flight = 0
        self.max_in_flight: Dict[str, int] = {}
        self._lock = threading.Lock()

    def start(self) -> FaultProxy:
        self._serve(_Handler, "proxy")
        return self

    @property
    def endpoint(self) -> str:
        return f"127.0.0.1:{self.port}"

    def fail(self, match: Match, action: str, times: int = 1, headers: Optional[Dict[str, str]] = None) -> None:
        with self._lock:
            self.faults.append(Fault(match, action, times, dict(headers or {})))

    def count(self, match: Match) -> int:
        with self._lock:
            return sum(1 for seen in self.requests if match(seen))

    def _take(self, seen: Seen) -> Optional[Fault]:
        with self._lock:
            self.requests.append(seen)
            for fault in self.faults:
                if fault.match(seen):
                    fault.times -= 1
                    if fault.times <= 0:
                        self.faults.remove(fault)
                    return fault
        return None


class _Handler(BaseHTTPRequestHandler):
    proxy: FaultProxy
    protocol_version = "HTTP/1.1"

    def log_message(self, *args) -> None:
        pass

    def _handle(self) -> None:
        split = urlsplit(self.path)
        seen = Seen(self.command, split.path, parse_qs(split.query, keep_blank_values=True))
        fault = self.proxy._take(seen)
        length = int(self.headers.get("Content-Length") or 0)
        if fault is not None and fault.action == "reset":
            self.rfile.read(min(length, 64 * 1024))
            # SO_LINGER 0: close() sends RST, what a dropped connection looks like to the client.
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True
            self.connection.close()
            return
        body = self.rfile.read(length) if length else b""
        if fault is not None and fault.action.isdigit():
            payload = b"<?xml version='1.0'?><Error><Code>SlowDown</Code><Message>scripted</Message></Error>"
            self.send_response(int(fault.action))
            for key, value in {**fault.headers, "Content-Length": str(len(payload))}.items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(payload)
            return
        key = "part" if is_part_upload(seen) else seen.method
        with self.proxy._lock:
            self.proxy.in_flight += 1
            self.proxy.max_in_flight[key] = max(self.proxy.max_in_flight.get(key, 0), self.proxy.in_flight)
        try:
            upstream = http.client.HTTPConnection(self.proxy.upstream, timeout=120)
            headers = {k: v for k, v in self.headers.items() if k.lower() not in ("connection", "transfer-encoding")}
            headers["Content-Length"] = str(len(body))
            upstream.request(self.command, self.path, body=body, headers=headers)
            answer = upstream.getresponse()
            data = answer.read()
            answer_headers = [
                (k, v)
                for k, v in answer.getheaders()
                if k.lower() not in ("connection", "transfer-encoding", "content-length")
            ]
            upstream.close()
        finally:
            with self.proxy._lock:
                self.proxy.in_flight -= 1
        self.send_response(answer.status)
        for name, value in answer_headers:
            if fault is not None and fault.action == "etag" and name.lower() == "etag":
                value = '"00000000000000000000000000000000"'
            self.send_header(name, value)
        # A HEAD answer keeps the object's length; other answers carry the body read here.
        self.send_header(
            "Content-Length", answer.getheader("Content-Length", "0") if self.command == "HEAD" else str(len(data))
        )
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    do_GET = do_HEAD = do_PUT = do_POST = do_DELETE = _handle
