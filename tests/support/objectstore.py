"""A real single-node OpenStack Swift server on 127.0.0.1, speaking the Swift and the S3 API.

Used by the tests (one server per session), `make demo` and `make bench`. Four
foreground `swift-*-server` processes, tempauth with two accounts, s3api before
tempauth, and a dict-backed cache standing in for memcached (valid only because
every server runs with `workers = 0`). All state lives in one directory; servers
are stopped by their recorded PIDs only.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

SERVICES = ("account", "container", "object", "proxy")
PIPELINE = (
    "catch_errors gatekeeper healthcheck proxy-logging cache listing_formats bulk tempurl "
    "ratelimit s3api tempauth copy container-quotas account-quotas slo dlo versioned_writes "
    "symlink proxy-logging proxy-server"
)
EGG_FILTERS = {
    "healthcheck": "healthcheck",
    "catch_errors": "catch_errors",
    "gatekeeper": "gatekeeper",
    "proxy-logging": "proxy_logging",
    "listing_formats": "listing_formats",
    "bulk": "bulk",
    "tempurl": "tempurl",
    "ratelimit": "ratelimit",
    "copy": "copy",
    "container-quotas": "container_quotas",
    "account-quotas": "account_quotas",
    "slo": "slo",
    "dlo": "dlo",
    "versioned_writes": "versioned_writes",
    "symlink": "symlink",
}

CACHE_MODULE = '''
"""Dict-backed stand-in for swift.cache (memcache); valid with workers = 0 only."""
import time

class _Cache:
    def __init__(self):
        self._data = {}

    def _expiry(self, ttl):
        if not ttl:
            return None
        return ttl if ttl > 30 * 86400 else time.time() + ttl

    def _live(self, key):
        item = self._data.get(key)
        if item is None:
            return None
        value, expiry = item
        if expiry is not None and expiry < time.time():
            del self._data[key]
            return None
        return item

    def set(self, key, value, serialize=True, time=0, min_compress_len=0, raise_on_error=False, **kw):
        self._data[key] = (value, self._expiry(time))

    def get(self, key, raise_on_error=False, **kw):
        item = self._live(key)
        return None if item is None else item[0]

    def incr(self, key, delta=1, time=0, **kw):
        item = self._live(key)
        value = max(int(item[0] if item else 0) + delta, 0)
        self._data[key] = (value, item[1] if item else self._expiry(time))
        return value

    def decr(self, key, delta=1, time=0, **kw):
        return self.incr(key, -delta, time)

    def delete(self, key, server_key=None, **kw):
        self._data.pop(key, None)

    def set_multi(self, mapping, server_key, serialize=True, time=0, **kw):
        for key, value in mapping.items():
            self.set(key, value, time=time)

    def get_multi(self, keys, server_key, **kw):
        return [self.get(key) for key in keys]

_CACHE = _Cache()

def filter_factory(global_conf, **local_conf):
    def make(app):
        def middleware(env, start_response):
            env["swift.cache"] = _CACHE
            return app(env, start_response)
        return middleware
    return make
'''


@dataclass(frozen=True)
class Account:
    """A tempauth user; its S3 access key is `account:user`, its secret the key."""

    account: str
    user: str
    key: str

    @property
    def identity(self) -> str:
        return f"{self.account}:{self.user}"


TEST = Account("test", "tester", "testing")
TEST2 = Account("test2", "tester2", "testing2")


SWIFT_CONF = "/etc/swift/swift.conf"  # written by scripts/install-system-packages.sh when Debian left none


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def swift_available() -> bool:
    return shutil.which("swift-proxy-server") is not None and os.access(SWIFT_CONF, os.R_OK)


@dataclass
class SwiftServer:
    state: Path
    ports: Dict[str, int] = field(default_factory=dict)
    pids: Dict[str, int] = field(default_factory=dict)

    @classmethod
    def start_temporary(cls, state: Optional[Path] = None, proxy_port: int = 0) -> SwiftServer:
        server = cls(Path(state or tempfile.mkdtemp(prefix="cogport-swift-")))
        server.ports = {svc: free_port() for svc in SERVICES}
        if proxy_port:
            server.ports["proxy"] = proxy_port
        server.start()
        return server

    # --- addresses -----------------------------------------------------------------
    @property
    def endpoint(self) -> str:
        """host:port of the proxy, the S3 endpoint (path-style, plain HTTP)."""
        return f"127.0.0.1:{self.ports['proxy']}"

    @property
    def auth_v1_url(self) -> str:
        return f"http://{self.endpoint}/auth/v1.0"

    def storage_url(self, account: Account = TEST) -> str:
        return f"http://{self.endpoint}/v1/AUTH_{account.account}"

    def auth_token(self, account: Account = TEST) -> str:
        request = urllib.request.Request(
            self.auth_v1_url, headers={"X-Auth-User": account.identity, "X-Auth-Key": account.key}
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.headers["X-Auth-Token"]

    def swift_request(
        self,
        method: str,
        path: str,
        account: Account = TEST,
        data: bytes = b"",
        headers: Optional[Dict[str, str]] = None,
    ) -> int:
        """A raw Swift API call (seeding and checks in tests); returns the HTTP status."""
        all_headers = {"X-Auth-Token": self.auth_token(account), **(headers or {})}
        request = urllib.request.Request(
            f"{self.storage_url(account)}/{path.lstrip('/')}",
            data=data or None,
            method=method,
            headers=all_headers,
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return int(response.status)
        except urllib.error.HTTPError as exc:
            return int(exc.code)

    # --- life cycle ----------------------------------------------------------------
    def start(self) -> None:
        for sub in ("etc", "srv/node/d1", "lib", "run", "log"):
            (self.state / sub).mkdir(parents=True, exist_ok=True)
        self._check_xattrs()
        self._write_configs()
        self._build_rings()
        for svc in SERVICES:
            self._spawn(svc, svc)
        try:
            self._wait_healthy()
        except Exception:
            self.stop()
            raise

    def start_proxy(self, name: str, pipeline: str, auth_sections: str) -> int:
        """A second proxy on the same storage servers with another pipeline (e.g. Keystone instead of tempauth).

        `auth_sections` holds the filter sections of its own auth filters. Returns its port; it is
        stopped with the server, before the storage servers.
        """
        self.ports[name] = free_port()
        (self.state / "etc" / f"{name}-server.conf").write_text(
            self._proxy_conf(self.ports[name], pipeline, auth_sections)
        )
        self._spawn(name, "proxy")
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            self._check_alive()
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.ports[name]}/healthcheck", timeout=2).close()
                return self.ports[name]
            except (OSError, urllib.error.URLError):
                time.sleep(0.2)
        raise RuntimeError(f"The {name} Swift proxy did not answer within 60 s; logs in {self.state / 'log'}")

    def _spawn(self, name: str, binary: str) -> None:
        env = dict(os.environ)
        if binary == "proxy":
            env["PYTHONPATH"] = str(self.state / "lib")
        log = open(self.state / "log" / f"{name}.log", "ab")  # noqa: SIM115 - handed to the child
        proc = subprocess.Popen(
            [f"swift-{binary}-server", str(self.state / "etc" / f"{name}-server.conf"), "-v"],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=log,
            env=env,
            start_new_session=True,
        )
        log.close()
        self.pids[name] = proc.pid
        (self.state / "run" / f"{name}.pid").write_text(str(proc.pid))

    def stop(self, purge: bool = False) -> None:
        extra_proxies = [name for name in self.pids if name not in SERVICES]
        for name in extra_proxies + list(reversed(SERVICES)):
            pid = self.pids.pop(name, None)
            if pid is None:
                continue
            _terminate(pid)
            (self.state / "run" / f"{name}.pid").unlink(missing_ok=True)
        if purge:
            shutil.rmtree(self.state, ignore_errors=True)

    def kill_proxy(self) -> None:
        """Simulates the server going down (tests of network failures)."""
        pid = self.pids.pop("proxy", None)
        if pid is not None:
            _terminate(pid)

    # --- internals -----------------------------------------------------------------
    def _check_xattrs(self) -> None:
        probe = self.state / "srv/node/d1/.xattr-probe"
        probe.write_bytes(b"")
        try:
            os.setxattr(probe, "user.swift.metadata", b"x" * 254)
            assert os.getxattr(probe, "user.swift.metadata") == b"x" * 254
        except OSError as exc:
            raise RuntimeError(
                f"{self.state} does not support user extended attributes, which Swift needs; "
                "put the state directory on ext4 (or tmpfs on Linux >= 6.6)."
            ) from exc
        finally:
            probe.unlink()

    def _write_configs(self) -> None:
        etc = self.state / "etc"
        # Swift 2.30 reads /etc/swift/swift.conf; 2.35 and newer read swift.conf from the configured swift_dir.
        shutil.copyfile(SWIFT_CONF, etc / "swift.conf")
        user = _current_user()
        tempauth = f"""[filter:tempauth]
use = egg:swift#tempauth
user_admin_admin = admin .admin .reseller_admin
user_{TEST.account}_{TEST.user} = {TEST.key} .admin
user_{TEST2.account}_{TEST2.user} = {TEST2.key} .admin

[filter:s3api]
use = egg:swift#s3api
location = us-east-1
"""
        (etc / "proxy-server.conf").write_text(self._proxy_conf(self.ports["proxy"], PIPELINE, tempauth))
        for svc in ("account", "container", "object"):
            (etc / f"{svc}-server.conf").write_text(
                f"""[DEFAULT]
bind_ip = 127.0.0.1
bind_port = {self.ports[svc]}
user = {user}
swift_dir = {etc}
devices = {self.state / "srv/node"}
mount_check = false
disable_fallocate = true
workers = 0
log_level = INFO
log_name = {svc}-server

[pipeline:main]
pipeline = healthcheck {svc}-server

[app:{svc}-server]
use = egg:swift#{svc}

[filter:healthcheck]
use = egg:swift#healthcheck
"""
            )
        (self.state / "lib" / "cogport_swift_cache.py").write_text(CACHE_MODULE)

    def _proxy_conf(self, port: int, pipeline: str, auth_sections: str) -> str:
        filters = "\n".join(f"[filter:{name}]\nuse = egg:swift#{egg}\n" for name, egg in EGG_FILTERS.items())
        return f"""[DEFAULT]
bind_ip = 127.0.0.1
bind_port = {port}
user = {_current_user()}
swift_dir = {self.state / "etc"}
workers = 0
log_name = proxy-server
log_level = INFO

[pipeline:main]
pipeline = {pipeline}

[app:proxy-server]
use = egg:swift#proxy
allow_account_management = true
account_autocreate = true

{auth_sections}
[filter:cache]
paste.filter_factory = cogport_swift_cache:filter_factory

{filters}"""

    def _build_rings(self) -> None:
        from swift.common.ring import RingBuilder  # system package python3-swift

        etc = self.state / "etc"
        for svc in ("account", "container", "object"):
            builder = RingBuilder(8, 1, 1)
            builder.add_dev(
                {
                    "id": 0,
                    "region": 1,
                    "zone": 1,
                    "ip": "127.0.0.1",
                    "port": self.ports[svc],
                    "device": "d1",
                    "weight": 1.0,
                    "meta": "",
                }
            )
            builder.rebalance()
            builder.save(str(etc / f"{svc}.builder"))
            builder.get_ring().save(str(etc / f"{svc}.ring.gz"))

    def _check_alive(self) -> None:
        for name, pid in self.pids.items():
            if not _alive(pid):
                tail = (self.state / "log" / f"{name}.log").read_text(errors="replace")[-3000:]
                raise RuntimeError(f"Swift's {name} server exited during start-up:\n{tail}")

    def _wait_healthy(self, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        probe = f"cogport-probe-{os.getpid()}"
        while time.monotonic() < deadline:
            self._check_alive()
            try:
                for svc in SERVICES:
                    urllib.request.urlopen(f"http://127.0.0.1:{self.ports[svc]}/healthcheck", timeout=2).close()
                if self.swift_request("PUT", probe) < 300 and self.swift_request("DELETE", probe) < 300:
                    return
            except (OSError, urllib.error.URLError):
                pass
            time.sleep(0.2)
        raise RuntimeError(f"Swift did not become healthy within {timeout:.0f} s; logs in {self.state / 'log'}")


def _current_user() -> str:
    import pwd

    return pwd.getpwuid(os.getuid()).pw_name


def _alive(pid: int) -> bool:
    try:
        finished, _ = os.waitpid(pid, os.WNOHANG)
        if finished == pid:
            return False
    except ChildProcessError:
        pass
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def _terminate(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    for _ in range(50):
        if not _alive(pid):
            return
        time.sleep(0.1)
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        return
    _alive(pid)


def main(argv: Optional[List[str]] = None) -> None:
    """`python -m cogport.tests.support.objectstore`: run a server until Ctrl+C."""
    server = SwiftServer.start_temporary()
    print(f"Swift/S3 on http://{server.endpoint} (auth {server.auth_v1_url}); state {server.state}")
    try:
        signal.pause()
    finally:
        server.stop(purge=True)


if __name__ == "__main__":
    main()
