"""A stdlib HTTP server on 127.0.0.1 with an ephemeral port, run in a daemon thread: the base of the fakes."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Optional, Type


class LoopbackServer:
    """Subclasses call `_serve(handler_class, owner_attribute)`; the handler reaches the owner by that name."""

    _server: Optional[ThreadingHTTPServer] = None

    def _serve(self, handler: Type[BaseHTTPRequestHandler], owner_attribute: str) -> None:
        bound = type(f"{type(self).__name__}Handler", (handler,), {owner_attribute: self})
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), bound)
        self._server.daemon_threads = True
        # A short poll interval keeps stop() (and so each test's teardown) fast.
        threading.Thread(target=self._server.serve_forever, args=(0.05,), name=type(self).__name__, daemon=True).start()

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    @property
    def port(self) -> int:
        assert self._server is not None, "start() the server first"
        return self._server.server_address[1]
