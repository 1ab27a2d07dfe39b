"""Direct HTTP probes that explain why GDAL could not reach a bucket, and "Test connection"."""

from __future__ import annotations

from dataclasses import replace
from typing import List, Tuple
from urllib.parse import urlparse

import requests

from ..errors import CogportError, StorageError
from .connection import AuthMode, Credentials, StorageConnection, StoreKind
from .failures import explain_http_failure, explain_swift_status
from .keystone import KEYSTONE
from .s3_api import S3Api


def s3_api_for(connection: StorageConnection, credentials: Credentials) -> S3Api:
    """S3-style signed access; GCS buckets are reached through its S3-interoperable XML API."""
    if connection.kind is StoreKind.GCS:
        gcs = replace(connection, endpoint=connection.endpoint or "storage.googleapis.com", virtual_hosting=False)
        return S3Api(gcs, credentials)
    return S3Api(connection, credentials)


def swift_session(connection: StorageConnection, credentials: Credentials, timeout: float = 30.0) -> Tuple[str, str]:
    """(storage URL, token) of a Swift connection; Keystone's are cached and renewed before they expire."""
    if connection.auth is AuthMode.SWIFT_TOKEN:
        return connection.storage_url.rstrip("/"), credentials.token
    if connection.auth.keystone:
        token = KEYSTONE.session(connection, credentials).token()
        return token.storage_url, token.value
    try:
        response = requests.get(
            connection.auth_url,
            headers={"X-Auth-User": credentials.identity, "X-Auth-Key": credentials.secret},
            timeout=timeout,
        )
    except requests.RequestException as exc:
        raise explain_http_failure(exc, urlparse(connection.auth_url).netloc, connection.name) from exc
    if response.status_code >= 300:
        raise explain_swift_status(response.status_code, "auth endpoint", connection, response.text[:300])
    return response.headers.get("X-Storage-Url", "").rstrip("/"), response.headers.get("X-Auth-Token", "")


def renew_swift_session(connection: StorageConnection, credentials: Credentials, refused: str) -> Tuple[str, str]:
    """(storage URL, token) after Swift refused the token `refused` (expired or revoked)."""
    if connection.auth.keystone:
        token = KEYSTONE.session(connection, credentials).renew(refused)
        return token.storage_url, token.value
    return swift_session(connection, credentials)


def probe_bucket(connection: StorageConnection, credentials: Credentials, bucket: str) -> None:
    """Returns when `bucket` can be listed with these credentials; raises the reason otherwise."""
    if connection.kind is StoreKind.SWIFT:
        storage_url, token = swift_session(connection, credentials)
        try:
            response = requests.head(f"{storage_url}/{bucket}", headers={"X-Auth-Token": token}, timeout=30)
        except requests.RequestException as exc:
            raise explain_http_failure(exc, urlparse(storage_url).netloc, connection.name) from exc
        if response.status_code >= 300:
            raise explain_swift_status(response.status_code, f"container '{bucket}'", connection)
        return
    if connection.kind is StoreKind.GCS and connection.auth is AuthMode.SERVICE_ACCOUNT:
        raise StorageError(
            f"Bucket '{bucket}' could not be opened with the service-account key of '{connection.name}'.",
            "the bucket name and that the service account has Storage Object Viewer on it.",
        )
    s3_api_for(connection, credentials).probe_bucket(bucket)


def list_bucket_names(connection: StorageConnection, credentials: Credentials) -> List[str]:
    """Bucket names from the store where it can list them, merged with the ones typed in the connection."""
    typed = list(connection.buckets)
    if connection.anonymous or connection.auth is AuthMode.SERVICE_ACCOUNT:
        listed: List[str] = []
    elif connection.kind is StoreKind.SWIFT:
        listed = _swift_containers(connection, credentials)
    else:
        try:
            listed = s3_api_for(connection, credentials).list_buckets()
        except CogportError as exc:
            # A key may be valid yet not allowed to enumerate buckets: typed names still work.
            if typed and "denied" in exc.what:
                listed = []
            else:
                raise
    names = sorted(set(listed) | set(typed), key=str.casefold)
    if not names and connection.kind is not StoreKind.SWIFT:  # a Swift account's listing is complete, even empty
        raise CogportError(
            f"Connection '{connection.name}' cannot list its buckets.",
            "the connection's bucket names: type the buckets you use in its settings.",
        )
    return names


def _swift_containers(connection: StorageConnection, credentials: Credentials) -> List[str]:
    storage_url, token = swift_session(connection, credentials)
    try:
        response = requests.get(storage_url, params={"format": "json"}, headers={"X-Auth-Token": token}, timeout=30)
    except requests.RequestException as exc:
        raise explain_http_failure(exc, urlparse(storage_url).netloc, connection.name) from exc
    if response.status_code == 204:
        return []
    if response.status_code >= 300:
        raise explain_swift_status(response.status_code, "account", connection)
    return [str(item["name"]) for item in response.json()]


def describe_connection(connection: StorageConnection, credentials: Credentials) -> str:
    """The "Test connection" answer: a sentence saying what works; raises what does not."""
    names = list_bucket_names(connection, credentials)
    for bucket in connection.buckets:
        probe_bucket(connection, credentials, bucket)
    if not connection.buckets and names:
        probe_bucket(connection, credentials, names[0])
    shown = ", ".join(names[:5]) + ("…" if len(names) > 5 else "")
    noun = "container" if connection.kind is StoreKind.SWIFT else "bucket"
    reached = "Connected"
    if connection.auth.keystone:
        token = KEYSTONE.session(connection, credentials).token()
        reached = (
            f"Connected through Keystone to project '{token.project}', region {token.region}, "
            f"{token.interface} endpoint {token.storage_url}"
        )
    if not names:
        return f"{reached}. No {noun}s yet."
    return f"{reached}. {len(names)} {noun}{'s' if len(names) != 1 else ''}: {shown}."
