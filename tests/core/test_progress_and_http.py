from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from cogport.plugin.core.errors import CancelledError, NetworkError, RateLimitedError, ServiceError
from cogport.plugin.core.progress import Progress
from cogport.plugin.core.services.http import HttpClient, RetryPolicy
from cogport.plugin.core.services.oauth import ClientCredentials, ClientCredentialsTokens


def test_span_maps_child_progress_into_parent_range():
    seen = []
    progress = Progress(on_fraction=seen.append)
    progress.span(0.5, 1.0).span(0.0, 0.5).report(1.0)
    assert seen == [0.75]


def test_gdal_callback_returns_zero_once_cancelled():
    cancelled = False
    progress = Progress(is_cancelled=lambda: cancelled)
    callback = progress.gdal_callback()
    assert callback(0.1, "", None) == 1
    cancelled = True
    assert callback(0.2, "", None) == 0
    with pytest.raises(CancelledError):
        progress.raise_if_cancelled()


class _Scripted(BaseHTTPRequestHandler):
    script: list = []
    seen: list = []

    def do_GET(self):
        type(self).seen.append(self.headers.get("Authorization"))
        status, headers, body = type(self).script.pop(0)
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(json.dumps(body).encode())

    do_POST = do_GET

    def log_message(self, *args):
        pass


@pytest.fixture
def scripted_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Scripted)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    _Scripted.seen = []
    yield server, _Scripted
    server.shutdown()


class _Tokens:
    def __init__(self):
        self.issued = 0

    def token(self):
        return f"tok{self.issued}"

    def invalidate(self):
        self.issued += 1


def test_429_waits_retry_after_in_the_service_unit_then_succeeds(scripted_server):
    server, handler = scripted_server
    handler.script = [(429, {"Retry-After": "1500"}, {}), (200, {}, {"ok": True})]
    slept = []
    client = HttpClient(
        f"http://127.0.0.1:{server.server_port}", sleep=slept.append, retry=RetryPolicy(retry_after_unit=0.001)
    )
    assert client.request("GET", "/x").json() == {"ok": True}
    assert sum(slept) == pytest.approx(1.5)


def test_429_forever_raises_rate_limited(scripted_server):
    server, handler = scripted_server
    handler.script = [(429, {"Retry-After": "1"}, {})] * 3
    client = HttpClient(
        f"http://127.0.0.1:{server.server_port}", sleep=lambda s: None, retry=RetryPolicy(max_attempts=3)
    )
    with pytest.raises(RateLimitedError) as info:
        client.request("GET", "/x")
    assert "rate limit" in str(info.value)


def test_401_refreshes_the_token_once(scripted_server):
    server, handler = scripted_server
    handler.script = [(401, {}, {}), (200, {}, {})]
    client = HttpClient(f"http://127.0.0.1:{server.server_port}", tokens=_Tokens(), sleep=lambda s: None)
    client.request("GET", "/x")
    assert handler.seen == ["Bearer tok0", "Bearer tok1"]


def test_permanent_error_is_not_retried(scripted_server):
    server, handler = scripted_server
    handler.script = [(403, {}, {"error": "nope"})]
    client = HttpClient(f"http://127.0.0.1:{server.server_port}", sleep=lambda s: None)
    with pytest.raises(ServiceError) as info:
        client.request("GET", "/x")
    assert info.value.status == 403 and len(handler.seen) == 1


def test_unreachable_server_is_a_network_error_naming_the_host():
    client = HttpClient("http://127.0.0.1:9", sleep=lambda s: None, retry=RetryPolicy(max_attempts=2))
    with pytest.raises(NetworkError) as info:
        client.request("GET", "/x")
    assert "127.0.0.1:9" in str(info.value) and "proxy" in str(info.value)


def test_a_503_with_retry_after_waits_what_the_server_asks(scripted_server):
    server, handler = scripted_server
    handler.script = [(503, {"Retry-After": "7"}, {}), (200, {}, {"ok": True})]
    slept = []
    client = HttpClient(f"http://127.0.0.1:{server.server_port}", sleep=slept.append)
    assert client.request("GET", "/x").json() == {"ok": True}
    assert slept == [7.0]


def test_token_requests_follow_the_same_retry_rules(scripted_server):
    server, handler = scripted_server
    handler.script = [
        (503, {}, {}),
        (429, {"Retry-After": "2"}, {}),
        (200, {}, {"access_token": "t", "expires_in": 60}),
    ]
    slept = []
    tokens = ClientCredentialsTokens(
        f"http://127.0.0.1:{server.server_port}/token", ClientCredentials("id", "secret"), sleep=slept.append
    )
    assert tokens.token() == "t"
    assert len(slept) == 2 and slept[1] == 2.0
