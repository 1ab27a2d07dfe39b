"""A real OpenStack Keystone v3 on 127.0.0.1 and a Swift proxy that authenticates against it.

Keystone (Debian's python3-keystone) runs from a sqlite database with fernet tokens, set up and
served by keystone_service.py in a child process. A second Keystone process shares its database
and keys but issues short-lived tokens, for the expiry tests. The Swift side is a second proxy of
the tempauth server (objectstore.py) with keystonemiddleware's `authtoken` and Swift's
`keystoneauth` in place of `s3api tempauth`, on the same storage servers.

The catalog, as OVHcloud lays it out: region GRA has the object-store endpoints (public and admin on
127.0.0.1, internal on `localhost`, so a test can tell which interface was picked); region SBG has
none; region BHS has one where nothing listens (Swift down while Keystone is up). Two projects in
two domains, a user each, a user with only the `reader` role (Swift answers 403), a project whose
catalog is filtered down to the identity service, and an application credential.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, Optional, Tuple

from cogport.plugin.core.storage.connection import AuthMode, Credentials, StorageConnection, StoreKind

from .objectstore import PIPELINE, SwiftServer, _alive, _terminate, free_port

ADMIN_PASSWORD = "cogport-admin-secret"
REGION = "GRA"
REGION_WITHOUT_SWIFT = "SBG"
REGION_SWIFT_DOWN = "BHS"
SHORT_TOKEN_SECONDS = 6
REVOCATION_SEEN_AFTER = 2  # seconds
KEYSTONE_PIPELINE = PIPELINE.replace("s3api tempauth", "authtoken keystoneauth")


def keystone_available() -> bool:
    return _system_python_has("keystone.server.wsgi") and _system_python_has("keystonemiddleware.auth_token")


def _system_python_has(module: str) -> bool:
    from importlib.util import find_spec

    try:
        return find_spec(module) is not None
    except ModuleNotFoundError:
        return False


@dataclass(frozen=True)
class KeystoneUser:
    """A user with a role on one project; ids are Keystone's, names as a person types them."""

    name: str
    password: str
    user_id: str
    domain_name: str
    domain_id: str
    project_name: str
    project_id: str

    @property
    def account(self) -> str:
        """The Swift account keystoneauth maps the project to."""
        return f"AUTH_{self.project_id}"


@dataclass(frozen=True)
class ApplicationCredential:
    id: str
    secret: str
    user: KeystoneUser


@dataclass
class OpenStack:
    """Keystone + a Keystone-authenticated Swift proxy, seeded; see the module docstring."""

    swift: SwiftServer
    state: Path
    port: int = 0
    short_port: int = 0
    swift_port: int = 0
    pids: Dict[str, int] = field(default_factory=dict)
    users: Dict[str, KeystoneUser] = field(default_factory=dict)
    application_credential: Optional[ApplicationCredential] = None
    identity_endpoint_id: str = ""
    _admin_token: str = ""

    # --- addresses ---------------------------------------------------------------------
    @property
    def auth_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v3"

    @property
    def short_auth_url(self) -> str:
        """The same Keystone (database and keys), issuing tokens that live SHORT_TOKEN_SECONDS."""
        return f"http://127.0.0.1:{self.short_port}/v3"

    @property
    def swift_endpoint(self) -> str:
        return f"127.0.0.1:{self.swift_port}"

    def storage_url(self, user: KeystoneUser) -> str:
        return f"http://{self.swift_endpoint}/v1/{user.account}"

    # --- Cogport connections to it -----------------------------------------------------
    def connection(
        self, user: str = "alice", name: str = "", password: str = "", **fields: Any
    ) -> Tuple[StorageConnection, Credentials]:
        """A Keystone password connection for a seeded user, by names (fields override, e.g. project_id)."""
        seeded = self.users[user]
        by_name = dict(
            project_name=seeded.project_name, user_domain=seeded.domain_name, project_domain=seeded.domain_name
        )
        connection = self._keystone_connection(
            name or f"Keystone {user}", AuthMode.SWIFT_KEYSTONE, {**by_name, **fields}
        )
        return connection, Credentials(identity=seeded.name, secret=password or seeded.password)

    def application_credential_connection(self, name: str = "Keystone app credential", **fields: Any):
        assert self.application_credential is not None
        credential = self.application_credential
        connection = self._keystone_connection(name, AuthMode.SWIFT_KEYSTONE_APP_CREDENTIAL, fields)
        return connection, Credentials(identity=credential.id, secret=credential.secret)

    def token_connection(self, token: str, name: str = "Keystone token", **fields: Any):
        return self._keystone_connection(name, AuthMode.SWIFT_KEYSTONE_TOKEN, fields), Credentials(token=token)

    def _keystone_connection(self, name: str, auth: AuthMode, fields: Dict[str, Any]) -> StorageConnection:
        values: Dict[str, Any] = dict(name=name, kind=StoreKind.SWIFT, auth=auth, auth_url=self.auth_url, region=REGION)
        return StorageConnection(**{**values, **fields})

    def swift_listing(self, user: str = "alice", container: str = "") -> list:
        """Names in the user's Swift account (containers) or in one of its containers, asked directly."""
        seeded = self.users[user]
        request = urllib.request.Request(
            f"{self.storage_url(seeded)}/{container}?format=json".replace("/?", "?"),
            headers={"X-Auth-Token": self.user_token(user)},
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                text = response.read()
        except urllib.error.HTTPError as exc:
            if exc.code == 404:
                return []
            raise
        return [item["name"] for item in json.loads(text)] if text else []

    def user_token(self, user: str = "alice", auth_url: str = "") -> str:
        seeded = self.users[user]
        return self.issue_token(seeded.name, seeded.password, seeded.domain_id, seeded.project_name, auth_url)

    # --- life cycle --------------------------------------------------------------------
    @classmethod
    def start(cls, swift: SwiftServer, state: Optional[Path] = None) -> OpenStack:
        cloud = cls(swift, Path(state or tempfile.mkdtemp(prefix="cogport-keystone-")))
        cloud.port, cloud.short_port = free_port(), free_port()
        try:
            cloud._start()
        except Exception:
            cloud.stop()
            raise
        return cloud

    def _start(self) -> None:
        self.state.mkdir(parents=True, exist_ok=True)
        self._write_config("keystone.conf", expiration=3600)
        self._write_config("keystone-short.conf", expiration=SHORT_TOKEN_SECONDS)
        self._spawn("keystone", "keystone.conf", self.port, ["--setup", ADMIN_PASSWORD, REGION])
        # The Swift proxy only needs Keystone's URL until its first request: start it meanwhile.
        self.swift_port = self.swift.start_proxy("proxy-keystone", KEYSTONE_PIPELINE, self._swift_auth_sections())
        self._wait_serving("keystone", self.port)
        # The database exists now: the short-token Keystone starts while the other is being seeded.
        self._spawn("keystone-short", "keystone-short.conf", self.short_port, [])
        self._seed()
        self._wait_serving("keystone-short", self.short_port)

    def stop(self, purge: bool = False) -> None:
        for name in list(self.pids):
            _terminate(self.pids.pop(name))
        if purge:
            shutil.rmtree(self.state, ignore_errors=True)

    def _write_config(self, name: str, expiration: int) -> None:
        (self.state / "fernet").mkdir(exist_ok=True)
        (self.state / "credential").mkdir(exist_ok=True)
        (self.state / name).write_text(
            f"""[DEFAULT]
use_stderr = true
[database]
connection = sqlite:///{self.state / "keystone.db"}
[token]
provider = fernet
expiration = {expiration}
[fernet_tokens]
key_repository = {self.state / "fernet"}
[fernet_receipts]
key_repository = {self.state / "fernet"}
[credential]
key_repository = {self.state / "credential"}
[identity]
# bcrypt's default cost makes each password check take a quarter of a second.
password_hash_rounds = 4
"""
        )

    def _swift_auth_sections(self) -> str:
        # Swift keeps a validated token for REVOCATION_SEEN_AFTER seconds: short enough for the tests
        # that revoke a token mid-upload, long enough that most requests do not wait for Keystone.
        return f"""[filter:authtoken]
paste.filter_factory = keystonemiddleware.auth_token:filter_factory
www_authenticate_uri = {self.auth_url}
auth_url = {self.auth_url}
auth_type = password
username = admin
password = {ADMIN_PASSWORD}
project_name = admin
user_domain_id = default
project_domain_id = default
delay_auth_decision = True
interface = public
token_cache_time = {REVOCATION_SEEN_AFTER}

[filter:keystoneauth]
use = egg:swift#keystoneauth
operator_roles = admin, member
reseller_prefix = AUTH_
"""

    def _spawn(self, name: str, config: str, port: int, extra: list) -> None:
        log = open(self.state / f"{name}.log", "ab")  # noqa: SIM115 - handed to the child
        script = Path(__file__).with_name("keystone_service.py")
        proc = subprocess.Popen(
            ["/usr/bin/python3", str(script), str(self.state), config, str(port), *extra],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=log,
            start_new_session=True,
        )
        log.close()
        self.pids[name] = proc.pid

    def _wait_serving(self, name: str, port: int, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not _alive(self.pids[name]):
                tail = (self.state / f"{name}.log").read_text(errors="replace")[-3000:]
                raise RuntimeError(f"{name} exited during start-up:\n{tail}")
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/v3", timeout=2).close()
                return
            except (OSError, urllib.error.URLError):
                time.sleep(0.1)
        raise RuntimeError(f"{name} did not answer within {timeout:.0f} s; log in {self.state}")

    # --- the admin API -----------------------------------------------------------------
    def request(
        self, method: str, path: str, body: Optional[dict] = None, token: str = "", expect: int = 0
    ) -> Dict[str, Any]:
        """An identity API call as the admin (or with `token`); retries sqlite's 'database is locked'."""
        headers = {"Content-Type": "application/json", "X-Auth-Token": token or self.admin_token()}
        data = json.dumps(body).encode() if body is not None else None
        for attempt in range(20):
            request = urllib.request.Request(f"{self.auth_url}{path}", data=data, method=method, headers=headers)
            try:
                with urllib.request.urlopen(request, timeout=30) as response:
                    text = response.read()
                    result = json.loads(text) if text else {}
                    result["_headers"] = dict(response.headers)
                    return result
            except urllib.error.HTTPError as exc:
                if exc.code == 500 and attempt < 19:
                    time.sleep(0.1)
                    continue
                if expect and exc.code == expect:
                    return {"_status": exc.code}
                raise RuntimeError(f"Keystone {method} {path}: HTTP {exc.code} {exc.read()[:300]!r}") from exc
        raise AssertionError("unreachable")

    def admin_token(self) -> str:
        if not self._admin_token:
            self._admin_token = self.issue_token("admin", ADMIN_PASSWORD, "default", "admin")
        return self._admin_token

    def issue_token(self, user: str, password: str, domain_id: str, project: str, auth_url: str = "") -> str:
        """A project-scoped token for a user, as `openstack token issue` gives it."""
        body = {
            "auth": {
                "identity": {
                    "methods": ["password"],
                    "password": {"user": {"name": user, "domain": {"id": domain_id}, "password": password}},
                },
                "scope": {"project": {"name": project, "domain": {"id": domain_id}}},
            }
        }
        request = urllib.request.Request(
            f"{auth_url or self.auth_url}/auth/tokens",
            data=json.dumps(body).encode(),
            method="POST",
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            return str(response.headers["X-Subject-Token"])

    def revoke(self, token: str) -> None:
        """Revokes a token as an administrator would (Swift refuses it from then on)."""
        request = urllib.request.Request(
            f"{self.auth_url}/auth/tokens",
            method="DELETE",
            headers={"X-Auth-Token": self.admin_token(), "X-Subject-Token": token},
        )
        urllib.request.urlopen(request, timeout=30).close()

    def _seed(self) -> None:
        for region in (REGION_WITHOUT_SWIFT, REGION_SWIFT_DOWN):
            self.request("POST", "/regions", {"region": {"id": region}})
        service = self.request("POST", "/services", {"service": {"type": "object-store", "name": "swift"}})
        service_id = service["service"]["id"]
        endpoints = [
            (REGION, "public", f"http://{self.swift_endpoint}"),
            (REGION, "admin", f"http://{self.swift_endpoint}"),
            (REGION, "internal", f"http://localhost:{self.swift_port}"),
            (REGION_SWIFT_DOWN, "public", f"http://127.0.0.1:{free_port()}"),
        ]
        for region, interface, base in endpoints:
            self.request(
                "POST",
                "/endpoints",
                {
                    "endpoint": {
                        "service_id": service_id,
                        "interface": interface,
                        "region_id": region,
                        "url": base + "/v1/AUTH_%(project_id)s",
                    }
                },
            )
        identity = self.request("GET", "/endpoints?interface=public")["endpoints"]
        self.identity_endpoint_id = next(e["id"] for e in identity if e["url"].startswith(self.auth_url))
        roles = {r["name"]: r["id"] for r in self.request("GET", "/roles")["roles"]}
        orbit = self.request("POST", "/domains", {"domain": {"name": "Orbit"}})["domain"]["id"]
        self.users = {
            "alice": self._user("alice", "alice-secret-pw", "Default", "default", "alpha", roles["member"]),
            "bob": self._user("bob", "bob-secret-pw", "Orbit", orbit, "beta", roles["member"]),
            "rita": self._user("rita", "rita-secret-pw", "Default", "default", "alpha", roles["reader"]),
        }
        # alice also belongs to a project whose catalog lists only the identity service.
        nostore = self.request("POST", "/projects", {"project": {"name": "nostore", "domain_id": "default"}})
        nostore_id = nostore["project"]["id"]
        alice = self.users["alice"]
        self.request("PUT", f"/projects/{nostore_id}/users/{alice.user_id}/roles/{roles['member']}")
        self.request("PUT", f"/OS-EP-FILTER/projects/{nostore_id}/endpoints/{self.identity_endpoint_id}")
        alice_token = self.issue_token(alice.name, alice.password, alice.domain_id, alice.project_name)
        created = self.request(
            "POST",
            f"/users/{alice.user_id}/application_credentials",
            {"application_credential": {"name": "cogport-tests"}},
            token=alice_token,
        )["application_credential"]
        self.application_credential = ApplicationCredential(created["id"], created["secret"], alice)

    def _user(
        self, name: str, password: str, domain_name: str, domain_id: str, project: str, role_id: str
    ) -> KeystoneUser:
        projects = self.request("GET", f"/projects?name={project}&domain_id={domain_id}")["projects"]
        if projects:
            project_id = projects[0]["id"]
        else:
            created = self.request("POST", "/projects", {"project": {"name": project, "domain_id": domain_id}})
            project_id = created["project"]["id"]
        user = self.request("POST", "/users", {"user": {"name": name, "password": password, "domain_id": domain_id}})[
            "user"
        ]
        self.request("PUT", f"/projects/{project_id}/users/{user['id']}/roles/{role_id}")
        return KeystoneUser(name, password, user["id"], domain_name, domain_id, project, project_id)

    def log_text(self) -> str:
        """Everything the Keystone processes and the Keystone Swift proxy wrote (for the secret scan)."""
        logs = [p.read_text(errors="replace") for p in sorted(self.state.glob("*.log"))]
        swift_log = self.swift.state / "log" / "proxy-keystone.log"
        if swift_log.exists():
            logs.append(swift_log.read_text(errors="replace"))
        return "\n".join(logs)


def main() -> None:
    """`python -m cogport.tests.support.keystone`: Swift + Keystone until Ctrl+C, with the seeded users."""
    import signal

    swift = SwiftServer.start_temporary()
    cloud = OpenStack.start(swift)
    print(f"Keystone {cloud.auth_url} (short tokens {cloud.short_auth_url}); Swift {cloud.swift_endpoint}")
    for user in cloud.users.values():
        print(f"  {user.name} / {user.password} (domain {user.domain_name}), project {user.project_name}")
    try:
        signal.pause()
    finally:
        cloud.stop(purge=True)
        swift.stop(purge=True)


if __name__ == "__main__":
    sys.exit(main())
