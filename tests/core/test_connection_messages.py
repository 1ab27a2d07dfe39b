"""What a connection that cannot work says: the actual cause, never a generic "cannot list its buckets"."""

from __future__ import annotations

import pytest
import requests

from cogport.plugin.core.errors import AuthenticationError, CogportError, NetworkError, StorageError
from cogport.plugin.core.storage.connection import (
    AuthMode,
    Credentials,
    StorageConnection,
    StoreKind,
    check_fields,
    prefers_path_style,
)
from cogport.plugin.core.storage.probe import describe_connection, list_bucket_names
from cogport.plugin.core.storage.s3_api import S3Api
from cogport.tests.support.objectstore import free_port


def _public(endpoint: str, virtual_hosting: bool = False, buckets=()) -> StorageConnection:
    return StorageConnection(
        name="Open data",
        kind=StoreKind.PUBLIC,
        auth=AuthMode.ANONYMOUS,
        endpoint=endpoint,
        https=False,
        virtual_hosting=virtual_hosting,
        buckets=tuple(buckets),
    )


def test_ip_and_port_endpoints_prefer_path_style():
    assert prefers_path_style("127.0.0.1:18080") and prefers_path_style("10.0.0.7")
    assert prefers_path_style("minio.lab:9000") and prefers_path_style("[::1]:9000") and prefers_path_style("::1")
    assert not prefers_path_style("s3.gra.io.cloud.ovh.net") and not prefers_path_style("")


def test_virtual_hosting_on_an_ip_endpoint_says_what_it_tried(objectstore):
    connection = _public(objectstore.endpoint, virtual_hosting=True, buckets=["open-data"])
    with pytest.raises(StorageError) as info:
        describe_connection(connection, Credentials())
    message = info.value.user_message
    assert f"open-data.{objectstore.endpoint}" in message and "virtual hosting" in message
    assert "Check the connection's Path-style addressing (host/bucket) box" in message


class _UnresolvableHosts(requests.adapters.HTTPAdapter):
    """Answers every request as a resolver that does not know the host would (no DNS query leaves the machine)."""

    def send(self, request, **kwargs):
        raise requests.ConnectionError(
            "Failed to resolve host: [Errno -2] Name or service not known (NameResolutionError)", request=request
        )


def test_a_bucket_host_name_that_does_not_resolve_is_blamed_on_virtual_hosting():
    connection = StorageConnection(
        name="Lab MinIO", kind=StoreKind.S3_COMPATIBLE, endpoint="minio.lab:9000", https=False, virtual_hosting=True
    )
    api = S3Api(connection, Credentials("key", "secret"))
    api.session.mount("http://", _UnresolvableHosts())
    with pytest.raises(NetworkError) as info:
        api.probe_bucket("scenes")
    message = info.value.user_message
    assert message.startswith("The host name scenes.minio.lab:9000 could not be resolved (connection 'Lab MinIO')")
    assert "bucket name was put in front of the endpoint minio.lab:9000" in message and "Path-style" in message


def test_keystone_auth_url_on_a_closed_port_is_the_cause():
    dead = f"127.0.0.1:{free_port()}"
    connection = StorageConnection(
        name="Keystone", kind=StoreKind.SWIFT, auth=AuthMode.SWIFT_KEYSTONE, auth_url=f"http://{dead}/v3"
    )
    with pytest.raises(NetworkError) as info:
        list_bucket_names(connection, Credentials("user", "password"))
    message = info.value.user_message
    assert (
        message.startswith("Keystone could not be reached.")
        and f"Could not connect to {dead} (connection 'Keystone')" in message
    )


def test_an_auth_url_that_is_not_keystone_says_to_check_it(objectstore):
    connection = StorageConnection(
        name="Keystone", kind=StoreKind.SWIFT, auth=AuthMode.SWIFT_KEYSTONE, auth_url=objectstore.auth_v1_url
    )
    with pytest.raises(CogportError) as info:
        list_bucket_names(connection, Credentials("user", "password"))
    assert info.value.user_message.startswith("Keystone answered HTTP 405 to connection 'Keystone'. Check the auth URL")


def test_broken_service_account_key_is_the_cause():
    connection = StorageConnection(name="GCS key", kind=StoreKind.GCS, auth=AuthMode.SERVICE_ACCOUNT)
    with pytest.raises(AuthenticationError) as info:
        list_bucket_names(connection, Credentials(service_account_json="{not json"))
    assert info.value.user_message.startswith("The service-account key is not valid JSON.")


def test_public_bucket_on_a_closed_port_is_the_cause():
    dead = f"127.0.0.1:{free_port()}"
    with pytest.raises(NetworkError) as info:
        list_bucket_names(_public(dead), Credentials())
    assert info.value.user_message.startswith(f"Could not connect to {dead} (connection 'Open data')")


def test_reachable_anonymous_store_asks_for_the_bucket_names(objectstore):
    with pytest.raises(CogportError) as info:
        list_bucket_names(_public(objectstore.endpoint), Credentials())
    assert info.value.user_message == (
        "Cogport cannot list the buckets of an anonymous connection ('Open data'). "
        "Check the connection's Buckets field: type the buckets you use there."
    )


@pytest.mark.parametrize(
    "endpoint, expected",
    [
        ("", "Connection 'S3' has no endpoint. Check the Endpoint field: an S3-compatible store needs its host"),
        ("127.0.0.1:9000/foo", "The endpoint '127.0.0.1:9000/foo' of connection 'S3' has a path (/foo). Check"),
        ("minio:nine", "The endpoint 'minio:nine' of connection 'S3' has no valid port number."),
    ],
)
def test_endpoints_that_cannot_work_are_refused_before_sending(endpoint, expected):
    connection = StorageConnection(name="S3", kind=StoreKind.S3_COMPATIBLE, endpoint=endpoint)
    with pytest.raises(CogportError) as info:
        check_fields(connection)
    assert info.value.user_message.startswith(expected)
    with pytest.raises(CogportError):
        describe_connection(connection, Credentials("key", "secret"))


def test_optional_endpoints_may_be_empty():
    check_fields(StorageConnection(name="AWS open data", kind=StoreKind.PUBLIC, auth=AuthMode.ANONYMOUS))
    check_fields(StorageConnection(name="GCS", kind=StoreKind.GCS, auth=AuthMode.KEYS))
    check_fields(StorageConnection(name="Lab", kind=StoreKind.S3_COMPATIBLE, endpoint="[::1]:9000"))
