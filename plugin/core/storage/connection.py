"""Storage connections: what a person configures (non-secret) and the secrets resolved for it."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, fields, replace
from enum import Enum
from typing import Dict, Tuple

from ..errors import CogportError
from ..i18n import tr, translatable
from ..services.google_auth import ServiceAccountKey


class StoreKind(str, Enum):
    AWS_S3 = "aws-s3"
    S3_COMPATIBLE = "s3-compatible"
    SWIFT = "swift"
    GCS = "gcs"
    PUBLIC = "public"  # anonymous public buckets over the S3 API (AWS or a custom endpoint)

    @property
    def label(self) -> str:
        return tr(_KIND_LABELS[self])

    @property
    def handler(self) -> str:
        """The GDAL virtual file system that reads this kind of store."""
        return {StoreKind.SWIFT: "vsiswift", StoreKind.GCS: "vsigs"}.get(self, "vsis3")


_KIND_LABELS = {
    StoreKind.AWS_S3: "Amazon S3",
    StoreKind.S3_COMPATIBLE: translatable("S3-compatible (OVH, MinIO, Ceph, Swift s3api…)"),
    StoreKind.SWIFT: "OpenStack Swift",
    StoreKind.GCS: "Google Cloud Storage",
    StoreKind.PUBLIC: translatable("Public bucket (anonymous S3)"),
}


class AuthMode(str, Enum):
    KEYS = "keys"  # S3 access key + secret (+ session token); GCS HMAC key + secret
    ANONYMOUS = "anonymous"
    SWIFT_V1 = "swift-v1"  # auth v1 URL, user, key
    SWIFT_KEYSTONE = "swift-keystone"  # Keystone v3, user and password
    SWIFT_KEYSTONE_APP_CREDENTIAL = "swift-keystone-application-credential"  # Keystone v3, id and secret
    SWIFT_KEYSTONE_TOKEN = "swift-keystone-token"  # noqa: S105 - a mode's name: a pasted Keystone token
    SWIFT_TOKEN = "swift-token"  # storage URL + token  # noqa: S105 - an authentication mode's name
    SERVICE_ACCOUNT = "service-account"  # GCS service-account JSON key

    @property
    def label(self) -> str:
        return tr(_AUTH_LABELS[self])

    @property
    def keystone(self) -> bool:
        """Authenticates against Keystone v3, which hands out the token and the Swift endpoint."""
        return self in (AuthMode.SWIFT_KEYSTONE, AuthMode.SWIFT_KEYSTONE_APP_CREDENTIAL, AuthMode.SWIFT_KEYSTONE_TOKEN)


_AUTH_LABELS = {
    AuthMode.KEYS: translatable("Access key and secret"),
    AuthMode.ANONYMOUS: translatable("Anonymous (no credentials)"),
    AuthMode.SWIFT_V1: translatable("Auth v1: URL, user and key"),
    AuthMode.SWIFT_KEYSTONE: translatable("Keystone v3: user and password"),
    AuthMode.SWIFT_KEYSTONE_APP_CREDENTIAL: translatable("Keystone v3: application credential"),
    AuthMode.SWIFT_KEYSTONE_TOKEN: translatable("Keystone v3: token (openstack token issue)"),
    AuthMode.SWIFT_TOKEN: translatable("Storage URL and token"),
    AuthMode.SERVICE_ACCOUNT: translatable("Service-account JSON key"),
}

AUTH_MODES: Dict[StoreKind, Tuple[AuthMode, ...]] = {
    StoreKind.AWS_S3: (AuthMode.KEYS, AuthMode.ANONYMOUS),
    StoreKind.S3_COMPATIBLE: (AuthMode.KEYS, AuthMode.ANONYMOUS),
    StoreKind.SWIFT: (
        AuthMode.SWIFT_KEYSTONE,
        AuthMode.SWIFT_KEYSTONE_APP_CREDENTIAL,
        AuthMode.SWIFT_KEYSTONE_TOKEN,
        AuthMode.SWIFT_V1,
        AuthMode.SWIFT_TOKEN,
    ),
    StoreKind.GCS: (AuthMode.KEYS, AuthMode.SERVICE_ACCOUNT, AuthMode.ANONYMOUS),
    StoreKind.PUBLIC: (AuthMode.ANONYMOUS,),
}


@dataclass(frozen=True)
class StorageConnection:
    """Everything about a connection except its secrets; safe to store in settings and export."""

    name: str = ""
    kind: StoreKind = StoreKind.AWS_S3
    auth: AuthMode = AuthMode.KEYS
    endpoint: str = ""  # host[:port] of an S3-compatible or custom endpoint
    region: str = ""
    virtual_hosting: bool = True  # bucket.host/key (AWS) rather than host/bucket/key (path style)
    https: bool = True
    buckets: Tuple[str, ...] = ()  # typed names, for stores that cannot or may not list buckets
    auth_url: str = ""  # Swift auth v1 URL or Keystone URL
    storage_url: str = ""  # Swift pre-authenticated storage URL
    # Keystone: the project by name (with its domain) or by id, the user's domain by name or id (the
    # user name itself is a secret field), a user id instead of name and domain, and which interface of
    # the catalog's object-store endpoints to use (public, internal or admin).
    project_name: str = ""
    user_domain: str = ""
    project_domain: str = ""
    project_id: str = ""
    user_id: str = ""
    user_domain_id: str = ""
    project_domain_id: str = ""
    interface: str = "public"
    authcfg: str = ""  # id of the QGIS auth config holding the secrets
    # A server certificate (PEM) the person chose to trust for this connection only, after a warning.
    accepted_certificate: str = ""

    @property
    def handler(self) -> str:
        return self.kind.handler

    @property
    def anonymous(self) -> bool:
        return self.auth is AuthMode.ANONYMOUS

    def export_fields(self) -> Dict[str, object]:
        """The JSON form used by export/import: no authcfg, no secrets, no accepted certificate.

        Whoever imports a connection decides for themselves whether to trust a server's certificate.
        """
        data = {f.name: getattr(self, f.name) for f in fields(self) if f.name not in _NOT_EXPORTED}
        data.update(kind=self.kind.value, auth=self.auth.value, buckets=list(self.buckets))
        return data

    @classmethod
    def from_export(cls, data: Dict[str, object]) -> StorageConnection:
        known = {f.name for f in fields(cls)} - _NOT_EXPORTED
        values = {key: value for key, value in data.items() if key in known}
        values["kind"] = StoreKind(str(values.get("kind", StoreKind.AWS_S3.value)))
        values["auth"] = AuthMode(str(values.get("auth", AuthMode.KEYS.value)))
        buckets = values.get("buckets") or ()
        values["buckets"] = tuple(str(b) for b in buckets) if isinstance(buckets, (list, tuple)) else ()
        return cls(**values)  # type: ignore[arg-type]

    def renamed(self, name: str) -> StorageConnection:
        return replace(self, name=name)


def endpoint_host(endpoint: str) -> str:
    """The host of a `host[:port]` endpoint, without the port (IPv6 literals keep their brackets off)."""
    if endpoint.startswith("["):
        return endpoint[1:].partition("]")[0]
    return endpoint.rpartition(":")[0] if endpoint.count(":") == 1 else endpoint


def endpoint_is_ip(endpoint: str) -> bool:
    try:
        ipaddress.ip_address(endpoint_host(endpoint))
    except ValueError:
        return False
    return True


def prefers_path_style(endpoint: str) -> bool:
    """IP addresses and endpoints with a port (MinIO, Ceph, local servers) have no per-bucket host names."""
    return endpoint_is_ip(endpoint) or endpoint_host(endpoint) != endpoint or endpoint_host(endpoint) == "localhost"


def check_fields(connection: StorageConnection, service_account_json: str = "") -> None:
    """Refuses what cannot work before anything is sent or saved: a missing or malformed endpoint, a broken key."""
    endpoint = connection.endpoint
    if connection.kind is StoreKind.S3_COMPATIBLE and not endpoint:
        raise CogportError(
            tr("Connection '{name}' has no endpoint.").format(name=connection.name),
            tr("the Endpoint field: an S3-compatible store needs its host[:port], e.g. s3.gra.io.cloud.ovh.net."),
        )
    if "/" in endpoint:
        host, _, path = endpoint.partition("/")
        raise CogportError(
            tr("The endpoint '{endpoint}' of connection '{name}' has a path (/{path}).").format(
                endpoint=endpoint, name=connection.name, path=path
            ),
            tr(
                "the Endpoint field: give only host[:port] ({host}); Cogport adds the bucket and key to the path."
            ).format(host=host),
        )
    port = endpoint.rpartition("]")[2] if endpoint.startswith("[") else endpoint
    if port.count(":") == 1 and not port.rpartition(":")[2].isdigit():
        raise CogportError(
            tr("The endpoint '{endpoint}' of connection '{name}' has no valid port number.").format(
                endpoint=endpoint, name=connection.name
            ),
            tr("the Endpoint field: host or host:port, e.g. minio.example.com:9000."),
        )
    if connection.auth is AuthMode.SERVICE_ACCOUNT:
        ServiceAccountKey.from_json(service_account_json)


_NOT_EXPORTED = {"authcfg", "accepted_certificate"}


def _mask(value: str) -> str:
    return "" if not value else "****"


@dataclass(frozen=True)
class Credentials:
    """Secrets resolved from the QGIS auth database; `repr` never shows them."""

    identity: str = ""  # access key id, HMAC id, Swift user (account:user), Keystone user or app credential id
    secret: str = ""  # secret key, Swift key, Keystone password or application credential secret
    token: str = ""  # AWS session token, Swift auth token or pasted Keystone token
    service_account_json: str = ""

    def __repr__(self) -> str:
        shown = self.identity[:4] + "…" if len(self.identity) > 4 else self.identity
        return (
            f"Credentials(identity={shown!r}, secret={_mask(self.secret)!r}, token={_mask(self.token)!r}, "
            f"service_account_json={_mask(self.service_account_json)!r})"
        )

    __str__ = __repr__

    def to_secrets(self) -> Dict[str, str]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_secrets(cls, secrets: Dict[str, str]) -> Credentials:
        return cls(**{f.name: secrets.get(f.name, "") for f in fields(cls)})

    def secret_values(self) -> Tuple[str, ...]:
        """Every secret string, so callers can check that none leaks into text they write."""
        return tuple(v for v in (self.secret, self.token, self.service_account_json) if v)
