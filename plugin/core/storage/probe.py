"""Direct HTTP probes that explain why GDAL could not reach a bucket, and "Test connection"."""

from __future__ import annotations

from dataclasses import replace
from typing import List, NoReturn, Tuple
from urllib.parse import urlparse

import requests

from .. import network
from ..errors import CogportError, StorageError
from ..i18n import tr
from .connection import AuthMode, Credentials, StorageConnection, StoreKind, check_fields
from .failures import AccessDeniedError, container_named, explain_http_failure, explain_swift_status
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
        response = network.request(
            "GET",
            connection.auth_url,
            accepted_certificate=connection.accepted_certificate,
            headers={"X-Auth-User": credentials.identity, "X-Auth-Key": credentials.secret},
            timeout=timeout,
        )
    except requests.RequestException as exc:
        raise explain_http_failure(exc, urlparse(connection.auth_url).netloc, connection.name) from exc
    if response.status_code >= 300:
        raise explain_swift_status(response.status_code, tr("auth endpoint"), connection, response.text[:300])
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
            response = network.request(
                "HEAD",
                f"{storage_url}/{bucket}",
                accepted_certificate=connection.accepted_certificate,
                headers={"X-Auth-Token": token},
                timeout=30,
            )
        except requests.RequestException as exc:
            raise explain_http_failure(exc, urlparse(storage_url).netloc, connection.name) from exc
        if response.status_code >= 300:
            raise explain_swift_status(response.status_code, container_named(bucket), connection)
        return
    if connection.kind is StoreKind.GCS and connection.auth is AuthMode.SERVICE_ACCOUNT:
        raise StorageError(
            tr("Bucket '{bucket}' could not be opened with the service-account key of '{name}'.").format(
                bucket=bucket, name=connection.name
            ),
            tr("the bucket name and that the service account has Storage Object Viewer on it."),
        )
    s3_api_for(connection, credentials).probe_bucket(bucket)


def list_bucket_names(connection: StorageConnection, credentials: Credentials) -> List[str]:
    """Bucket names from the store where it can list them, merged with the ones typed in the connection.

    Where the store cannot list them and none are typed, the error says why: the store is unreachable,
    the key is broken, or this kind of connection cannot list buckets at all.
    """
    check_fields(connection, credentials.service_account_json)
    typed = list(connection.buckets)
    listed = _listed_names(connection, credentials, typed)
    names = sorted(set(listed) | set(typed), key=str.casefold)
    if not names and connection.kind is not StoreKind.SWIFT:  # a Swift account's listing is complete, even empty
        raise CogportError(
            tr("Connection '{name}' reached the store, which lists no buckets for it.").format(name=connection.name),
            tr("that the account owns buckets, or type the buckets you use in the connection's Buckets field."),
        )
    return names


def _listed_names(connection: StorageConnection, credentials: Credentials, typed: List[str]) -> List[str]:
    # Service-account and anonymous connections are to bucket stores only (GCS, S3): never Swift containers.
    if connection.auth is AuthMode.SERVICE_ACCOUNT:
        return typed or _cannot_list(
            connection, tr("Cogport cannot list the buckets of a service-account connection ('{name}').")
        )
    if connection.kind is StoreKind.SWIFT:
        return _swift_containers(connection, credentials)
    if connection.anonymous and typed:
        return []  # anonymous users cannot enumerate buckets; the typed ones are probed on their own
    try:
        return s3_api_for(connection, credentials).list_buckets()
    except StorageError as exc:
        if connection.anonymous:  # the store answered, but anonymous users may not enumerate buckets
            _cannot_list(connection, tr("Cogport cannot list the buckets of an anonymous connection ('{name}')."))
        # A key may be valid yet not allowed to enumerate buckets: typed names still work.
        if typed and isinstance(exc, AccessDeniedError):
            return []
        raise


def _cannot_list(connection: StorageConnection, sentence: str) -> NoReturn:
    """Raises `sentence` (translated, naming the connection as {name}) with what to do instead."""
    raise CogportError(
        sentence.format(name=connection.name), tr("the connection's Buckets field: type the buckets you use there.")
    )


def _swift_containers(connection: StorageConnection, credentials: Credentials) -> List[str]:
    storage_url, token = swift_session(connection, credentials)
    try:
        response = network.request(
            "GET",
            storage_url,
            accepted_certificate=connection.accepted_certificate,
            params={"format": "json"},
            headers={"X-Auth-Token": token},
            timeout=30,
        )
    except requests.RequestException as exc:
        raise explain_http_failure(exc, urlparse(storage_url).netloc, connection.name) from exc
    if response.status_code == 204:
        return []
    if response.status_code >= 300:
        raise explain_swift_status(response.status_code, tr("account"), connection)
    return [str(item["name"]) for item in response.json()]


def describe_connection(connection: StorageConnection, credentials: Credentials) -> str:
    """The "Test connection" answer: a sentence saying what works; raises what does not."""
    names = list_bucket_names(connection, credentials)
    for bucket in connection.buckets:
        probe_bucket(connection, credentials, bucket)
    if not connection.buckets and names:
        probe_bucket(connection, credentials, names[0])
    shown = ", ".join(names[:5]) + ("…" if len(names) > 5 else "")
    reached = tr("Connected")
    if connection.auth.keystone:
        token = KEYSTONE.session(connection, credentials).token()
        reached = tr(
            "Connected through Keystone to project '{project}', region {region}, {interface} endpoint {url}"
        ).format(project=token.project, region=token.region, interface=token.interface, url=token.storage_url)
    if connection.kind is StoreKind.SWIFT:
        none, one, many = tr("No containers yet."), tr("1 container: {names}."), tr("{count} containers: {names}.")
    else:
        none, one, many = tr("No buckets yet."), tr("1 bucket: {names}."), tr("{count} buckets: {names}.")
    listing = none if not names else (one if len(names) == 1 else many).format(count=len(names), names=shown)
    return f"{reached}. {listing}"
