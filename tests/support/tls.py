"""A private certificate authority made in the test, and the object store served over TLS with its certificate.

`TestCa` issues certificates with Debian's openssl command, the way an in-house PKI would.
`TlsObjectStore` runs one more swift-proxy-server in front of the session's Swift server, with Swift's
own `cert_file`/`key_file`, so the same accounts and objects answer over HTTPS on another port.
"""

from __future__ import annotations

import os
import re
import ssl
import subprocess
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Optional

from .objectstore import SwiftServer, _alive, _terminate, free_port


def _openssl(*args: str, cwd: Path) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True)


@dataclass
class TestCa:
    """A CA key and certificate in `directory`; `issue` signs server certificates for given names."""

    __test__ = False  # not a pytest test class
    directory: Path

    @property
    def cert_path(self) -> Path:
        return self.directory / "ca.pem"

    @property
    def pem(self) -> str:
        return self.cert_path.read_text()

    def create(self) -> TestCa:
        self.directory.mkdir(parents=True, exist_ok=True)
        _openssl(
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "3",
            "-keyout", "ca.key", "-out", "ca.pem", "-subj", "/O=Cogport tests/CN=Cogport Test Private CA",
            "-addext", "basicConstraints=critical,CA:TRUE",
            "-addext", "keyUsage=critical,keyCertSign,cRLSign",
            "-addext", "subjectKeyIdentifier=hash",
            cwd=self.directory,
        )  # fmt: skip
        return self

    def issue(self, name: str, san: str = "IP:127.0.0.1") -> Dict[str, Path]:
        """A server certificate and key valid for `san` (an openssl subjectAltName value)."""
        (self.directory / f"{name}.ext").write_text(
            f"subjectAltName={san}\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\n"
            "extendedKeyUsage=serverAuth\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid,issuer\n"
        )
        _openssl(
            "req", "-newkey", "rsa:2048", "-nodes", "-keyout", f"{name}.key", "-out", f"{name}.csr",
            "-subj", f"/O=Cogport tests/CN={name}",
            cwd=self.directory,
        )  # fmt: skip
        _openssl(
            "x509", "-req", "-in", f"{name}.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
            "-days", "3", "-out", f"{name}.pem", "-extfile", f"{name}.ext",
            cwd=self.directory,
        )  # fmt: skip
        return {"cert": self.directory / f"{name}.pem", "key": self.directory / f"{name}.key"}


@dataclass
class TlsObjectStore:
    """The Swift and S3 APIs of `server` over HTTPS on `port`, with a certificate from `ca`."""

    server: SwiftServer
    ca: TestCa
    port: int = 0
    pid: Optional[int] = field(default=None, repr=False)
    certificate: Dict[str, Path] = field(default_factory=dict)

    @property
    def certificate_pem(self) -> str:
        """The certificate the server presents (what "Accept this server's certificate" stores)."""
        return self.certificate["cert"].read_text()

    @property
    def endpoint(self) -> str:
        return f"127.0.0.1:{self.port}"

    @property
    def auth_v1_url(self) -> str:
        return f"https://{self.endpoint}/auth/v1.0"

    def start(self) -> TlsObjectStore:
        paths = self.certificate = self.ca.issue("objectstore", "IP:127.0.0.1")
        self.port = free_port()
        etc = self.server.state / "etc"
        config = (etc / "proxy-server.conf").read_text()
        config = re.sub(r"(?m)^bind_port = \d+$", f"bind_port = {self.port}", config)
        config = config.replace(
            "[DEFAULT]\n", f"[DEFAULT]\ncert_file = {paths['cert']}\nkey_file = {paths['key']}\n", 1
        )
        (etc / "proxy-tls-server.conf").write_text(config)
        env = dict(os.environ, PYTHONPATH=str(self.server.state / "lib"))
        with open(self.server.state / "log" / "proxy-tls.log", "ab") as log:
            process = subprocess.Popen(
                ["swift-proxy-server", str(etc / "proxy-tls-server.conf"), "-v"],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=log,
                env=env,
                start_new_session=True,
            )
        self.pid = process.pid
        self._wait_healthy()
        return self

    def stop(self) -> None:
        if self.pid is not None:
            _terminate(self.pid)
            self.pid = None

    def _wait_healthy(self, timeout: float = 60.0) -> None:
        context = ssl.create_default_context(cafile=str(self.ca.cert_path))
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.pid is not None and _alive(self.pid), (self.server.state / "log" / "proxy-tls.log").read_text()
            try:
                urllib.request.urlopen(f"https://{self.endpoint}/healthcheck", timeout=2, context=context).close()
                return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"The TLS Swift proxy did not answer within {timeout:.0f} s")
