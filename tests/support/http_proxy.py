"""A real HTTP proxy for the tests: Debian's tinyproxy on 127.0.0.1, with basic authentication and a request log.

The log is how tests see that a request went through the proxy: tinyproxy writes one `Request` line per
request it receives, with the absolute URL for plain HTTP and `CONNECT host:port` for an HTTPS tunnel.
Stopped by its own PID only.
"""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import List, Optional, Sequence

from cogport.plugin.core.network import NetworkPolicy, Proxy, ProxyMode

from .objectstore import free_port

PROXY_USER = "analyst"
PROXY_PASSWORD = "pr0xy-Secret-7"  # a test secret: tests check it never leaks
_REQUEST = re.compile(r"Request \(file descriptor \d+\): (\S+) (\S+) HTTP/")


def tinyproxy_available() -> bool:
    return shutil.which("tinyproxy") is not None


@dataclass(frozen=True)
class Seen:
    method: str
    target: str  # the absolute URL, or host:port for CONNECT


@dataclass
class HttpProxy:
    directory: Path
    connect_ports: Sequence[int] = ()  # empty: CONNECT to any port (tinyproxy's rule when none is listed)
    port: int = 0
    process: Optional[subprocess.Popen] = field(default=None, repr=False)

    @property
    def log_path(self) -> Path:
        return self.directory / "tinyproxy.log"

    def start(self) -> HttpProxy:
        self.directory.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        lines = [
            f"Port {self.port}",
            "Listen 127.0.0.1",
            "Timeout 120",
            f'LogFile "{self.log_path}"',
            "LogLevel Info",
            "MaxClients 200",
            # tinyproxy refuses clients not allowed here; the tests' requests all come from loopback.
            "Allow 127.0.0.1",
            f"BasicAuth {PROXY_USER} {PROXY_PASSWORD}",
            "DisableViaHeader Yes",
        ]
        lines += [f"ConnectPort {port}" for port in self.connect_ports]
        config = self.directory / "tinyproxy.conf"
        config.write_text("\n".join(lines) + "\n")
        self.log_path.write_text("")
        self.process = subprocess.Popen(
            ["tinyproxy", "-d", "-c", str(config)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self._wait_listening()
        return self

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            self.process = None

    def _wait_listening(self, timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process is not None and self.process.poll() is None, self.log_path.read_text()[-2000:]
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError(f"tinyproxy did not listen within {timeout:.0f} s: {self.log_path.read_text()[-2000:]}")

    # --- what it saw
    def mark(self) -> int:
        """A position in the log; `seen(since=…)` returns only what came after it."""
        return len(self.log_path.read_bytes())

    def seen(self, since: int = 0) -> List[Seen]:
        text = self.log_path.read_bytes()[since:].decode(errors="replace")
        return [Seen(method, target) for method, target in _REQUEST.findall(text)]

    def saw(self, fragment: str, since: int = 0) -> bool:
        """Whether any request since `since` was for a URL (or CONNECT target) containing `fragment`."""
        return any(fragment in item.target for item in self.seen(since))

    def log_text(self) -> str:
        return self.log_path.read_text(errors="replace")

    # --- policies pointing at it
    def policy(self, password: str = PROXY_PASSWORD, bypass: Sequence[str] = (), ca_bundle: str = "") -> NetworkPolicy:
        proxy = Proxy("127.0.0.1", self.port, PROXY_USER, password)
        return NetworkPolicy(ProxyMode.MANUAL, proxy, tuple(bypass), ca_bundle)
