"""Every request Cogport makes follows the network policy: through a real proxy (tinyproxy), around it for
excluded hosts, to a TLS object store whose certificate comes from a private CA; failures say what to fix."""

from __future__ import annotations

import json
import logging
import os
import re
import subprocess
from pathlib import Path

import pytest
from osgeo import gdal

from cogport.plugin.core import network
from cogport.plugin.core.cog.validate import validate_cog
from cogport.plugin.core.errors import CogportError, NetworkError
from cogport.plugin.core.network import GDAL_NETWORK_KEYS, NetworkPolicy, PolicySession, Proxy, ProxyMode
from cogport.plugin.core.services.byoc import ByocClient, ByocConnection
from cogport.plugin.core.services.earthengine import EarthEngineClient, EarthEngineConnection, EarthEngineCredentials
from cogport.plugin.core.services.earthengine_manifest import ImageManifest, Tileset
from cogport.plugin.core.services.oauth import ClientCredentials
from cogport.plugin.core.storage.connection import Credentials, StorageConnection
from cogport.plugin.core.storage.gdal_config import SCOPED_OPTIONS, store_url
from cogport.plugin.core.storage.listing import PrefixLister
from cogport.plugin.core.storage.probe import s3_api_for
from cogport.plugin.core.storage.transfer import MiB
from cogport.plugin.core.storage.upload import UploadOptions, upload_file
from cogport.plugin.core.storage.uri import ObjectLocation
from cogport.tests.support.fake_byoc import FakeByocServer
from cogport.tests.support.http_proxy import PROXY_PASSWORD, HttpProxy
from cogport.tests.support.objectstore import free_port
from cogport.tests.support.stores import (
    create_bucket,
    put_file,
    s3_connection,
    s3_tls_connection,
    swift_connection,
    write_test_cog,
)

SETTINGS = "Settings ▸ Options ▸ Network"
CERTIFICATES = "Settings ▸ Options ▸ Authentication ▸ Certificate Manager"
SMALL_PARTS = UploadOptions(part_size=5 * MiB, concurrency=2, swift_segment_threshold=1 * MiB, swift_segment_size=MiB)


def list_buckets(connection: StorageConnection, credentials: Credentials) -> list:
    return s3_api_for(connection, credentials).list_buckets()


def shown(error: CogportError) -> str:
    return f"{error.user_message} {error.detail}"


# ----- the policy as a plain object


def test_the_policy_never_shows_the_proxy_password():
    policy = NetworkPolicy(ProxyMode.MANUAL, Proxy("proxy.corp", 3128, "analyst", PROXY_PASSWORD))
    for text in (repr(policy), str(policy), policy.describe(), repr(policy.proxy), policy.proxy.label):
        assert PROXY_PASSWORD not in text
    assert "proxy.corp:3128" in policy.describe()
    assert policy.scrub(f"x {policy.proxy.url()} y") == "x http://analyst:***@proxy.corp:3128 y"


def test_excluded_urls_go_straight_to_the_server_and_the_rest_through_the_proxy():
    proxy = Proxy("proxy.corp", 3128)
    policy = NetworkPolicy(ProxyMode.MANUAL, proxy, ("https://minio.corp.local", "http://10.1.2.3:9000/"))
    assert policy.proxy_for("https://minio.corp.local/bucket/key") is None
    assert policy.proxy_for("http://10.1.2.3:9000/bucket") is None
    assert policy.proxy_for("https://s3.eu-west-3.amazonaws.com/bucket") == proxy
    assert NetworkPolicy().gdal_options("https://s3.amazonaws.com/") == {}  # proxy off in QGIS: GDAL as it was


def test_gdal_gets_the_proxy_per_store_and_an_explicit_no_proxy_for_excluded_ones():
    policy = NetworkPolicy(ProxyMode.MANUAL, Proxy("proxy.corp", 3128, "analyst", "pw"), ("http://127.0.0.1:9000",))
    assert policy.gdal_options("https://s3.amazonaws.com/b/") == {
        "GDAL_HTTP_PROXY": "proxy.corp:3128",
        "GDAL_HTTPS_PROXY": "proxy.corp:3128",
        "GDAL_HTTP_PROXYUSERPWD": "analyst:pw",
        "GDAL_PROXY_AUTH": "ANY",
    }
    # Empty values override a proxy QGIS itself may have set globally for GDAL.
    assert policy.gdal_options("http://127.0.0.1:9000/b/") == {
        "GDAL_HTTP_PROXY": "",
        "GDAL_HTTPS_PROXY": "",
        "GDAL_HTTP_PROXYUSERPWD": "",
    }


def test_the_system_proxy_is_the_environments_with_its_no_proxy_list(in_force, monkeypatch):
    monkeypatch.setenv("https_proxy", "http://user:pw@sysproxy.corp:8081")
    monkeypatch.setenv("no_proxy", "internal.corp")
    policy = NetworkPolicy(ProxyMode.SYSTEM)
    assert policy.proxy_for("https://s3.amazonaws.com/b") == Proxy("sysproxy.corp", 8081, "user", "pw")
    assert policy.proxy_for("https://minio.internal.corp/b") is None


# ----- requests through the real proxy


@pytest.mark.objectstore
def test_store_requests_go_through_the_proxy_and_excluded_hosts_bypass_it(objectstore, http_proxy, in_force):
    connection, credentials = s3_connection(objectstore)
    in_force(http_proxy.policy())
    mark = http_proxy.mark()
    list_buckets(connection, credentials)
    assert http_proxy.saw(f"http://{objectstore.endpoint}/", since=mark)

    in_force(http_proxy.policy(bypass=[f"http://{objectstore.endpoint}"]))
    mark = http_proxy.mark()
    list_buckets(connection, credentials)
    assert http_proxy.seen(since=mark) == []


@pytest.mark.objectstore
def test_a_settings_change_applies_to_the_next_request_of_a_running_session(objectstore, http_proxy, in_force):
    session = PolicySession()
    url = f"http://{objectstore.endpoint}/healthcheck"
    in_force(NetworkPolicy(ProxyMode.MANUAL))  # QGIS: proxy on, but its type carries no HTTP
    mark = http_proxy.mark()
    assert session.get(url, timeout=10).status_code == 200
    in_force(http_proxy.policy())
    assert session.get(url, timeout=10).status_code == 200
    assert [item.target for item in http_proxy.seen(since=mark)] == [url]


@pytest.mark.objectstore
@pytest.mark.parametrize(
    "password, answer",
    [
        # tinyproxy 1.11.1 answers a wrong password with 401; a proxy following RFC 9110 answers 407.
        ("not-the-password", ("401 Unauthorized", "407 Proxy Authentication Required")),
        (None, ("407 Proxy Authentication Required",)),  # no login sent
    ],
)
def test_a_proxy_refusing_the_login_is_the_proxy_credentials_sentence_for_http_and_https(
    password, answer, objectstore, tls_objectstore, http_proxy, in_force
):
    proxy = Proxy("127.0.0.1", http_proxy.port, *(("analyst", password) if password else ()))
    in_force(NetworkPolicy(ProxyMode.MANUAL, proxy))
    with pytest.raises(NetworkError) as plain:
        list_buckets(*s3_connection(objectstore))
    with pytest.raises(NetworkError) as tunnel:
        list_buckets(*s3_tls_connection(tls_objectstore))
    for error in (plain.value, tunnel.value):
        assert error.what in [
            f"The proxy 127.0.0.1:{http_proxy.port} refused Cogport's credentials (HTTP {expected})."
            for expected in answer
        ]
        assert error.check == (
            "the proxy user and password, or the proxy's authentication configuration, in Settings ▸ Options ▸ Network."
        )
        assert "not-the-password" not in shown(error)


@pytest.mark.objectstore
def test_a_servers_own_401_through_the_proxy_stays_the_servers(objectstore, http_proxy, in_force):
    in_force(http_proxy.policy())
    response = network.request("GET", f"http://{objectstore.endpoint}/v1/AUTH_test", headers={"X-Auth-Token": "bad"})
    assert response.status_code == 401  # Swift refusing a token: explained as the store's answer, not the proxy's


def test_a_proxy_that_is_down_is_named(in_force):
    port = free_port()
    in_force(NetworkPolicy(ProxyMode.MANUAL, Proxy("127.0.0.1", port, "analyst", PROXY_PASSWORD)))
    with pytest.raises(NetworkError) as info:
        network.request("GET", "http://127.0.0.1:9/x", timeout=5)
    assert info.value.what == f"The proxy 127.0.0.1:{port} did not answer, so 127.0.0.1:9 could not be reached."
    assert SETTINGS in info.value.check and PROXY_PASSWORD not in shown(info.value)


@pytest.mark.objectstore
def test_a_proxy_refusing_connect_is_named(tls_objectstore, in_force, tmp_path):
    strict = HttpProxy(tmp_path / "strict", connect_ports=(443,)).start()  # the usual corporate rule
    try:
        in_force(strict.policy())
        with pytest.raises(NetworkError) as info:
            list_buckets(*s3_tls_connection(tls_objectstore))
    finally:
        strict.stop()
    assert info.value.what.startswith(f"The proxy 127.0.0.1:{strict.port} refused to open a tunnel (HTTP CONNECT")
    assert tls_objectstore.endpoint in info.value.what and "excluded URLs" in info.value.check


# ----- certificates


@pytest.mark.objectstore
def test_a_private_ca_store_works_once_the_ca_is_trusted_and_says_why_before(tls_objectstore, test_ca, in_force):
    connection, credentials = s3_tls_connection(tls_objectstore)
    in_force(NetworkPolicy())
    with pytest.raises(NetworkError) as untrusted:
        list_buckets(connection, credentials)
    assert untrusted.value.what == (
        f"The certificate of {tls_objectstore.endpoint} is not signed by a certificate authority QGIS trusts."
    )
    assert CERTIFICATES in untrusted.value.check and "accept this server's certificate" in untrusted.value.check

    in_force(NetworkPolicy(ca_bundle=str(test_ca.cert_path)))
    assert isinstance(list_buckets(connection, credentials), list)


@pytest.mark.objectstore
def test_a_certificate_for_another_host_name_is_named(tls_objectstore, test_ca, in_force):
    in_force(NetworkPolicy(ca_bundle=str(test_ca.cert_path)))
    host = f"localhost:{tls_objectstore.port}"  # the certificate is for 127.0.0.1
    with pytest.raises(NetworkError) as info:
        list_buckets(*s3_tls_connection(tls_objectstore, endpoint=host))
    assert info.value.what == f"The certificate of {host} was issued for another host name."
    assert "endpoint" in info.value.check


@pytest.mark.objectstore
@pytest.mark.parametrize("through_proxy", [False, True])
def test_an_accepted_server_certificate_is_trusted_for_its_connection_only(
    through_proxy, tls_objectstore, http_proxy, in_force, bucket_name
):
    in_force(http_proxy.policy() if through_proxy else NetworkPolicy())
    accepted = s3_tls_connection(tls_objectstore, accepted_certificate=tls_objectstore.certificate_pem)
    assert isinstance(list_buckets(*accepted), list)
    with pytest.raises(NetworkError):
        list_buckets(*s3_tls_connection(tls_objectstore))  # another connection to the same server
    # GDAL trusts it for that connection's buckets as well.
    location = create_bucket(*accepted, bucket_name)
    assert PrefixLister(*accepted, location).next_page() == []
    if through_proxy:
        assert http_proxy.saw(tls_objectstore.endpoint)


# ----- GDAL, for Cogport's own paths


@pytest.mark.objectstore
def test_listing_and_remote_validation_go_through_the_proxy_and_excluded_stores_do_not(
    objectstore, http_proxy, in_force, bucket_name, tmp_path
):
    connection, credentials = s3_connection(objectstore)
    in_force(http_proxy.policy())
    location = create_bucket(connection, credentials, bucket_name)
    put_file(location.child("scene.tif"), write_test_cog(tmp_path / "scene.tif", 512, 512, 1))

    mark = http_proxy.mark()
    entries = PrefixLister(connection, credentials, location).next_page()
    assert [entry.name for entry in entries] == ["scene.tif"]
    assert validate_cog(location.child("scene.tif").vsi_path).valid
    targets = [item.target for item in http_proxy.seen(since=mark)]
    assert any(f"/{bucket_name}/?" in target or f"/{bucket_name}?" in target for target in targets), targets
    assert any(target.endswith(f"/{bucket_name}/scene.tif") for target in targets), targets

    in_force(http_proxy.policy(bypass=[f"http://{objectstore.endpoint}/"]))
    SCOPED_OPTIONS.apply(connection, credentials, bucket_name)  # each use re-applies the policy in force
    mark = http_proxy.mark()
    assert [e.name for e in PrefixLister(connection, credentials, ObjectLocation("vsis3", bucket_name)).next_page()]
    assert http_proxy.seen(since=mark) == []


@pytest.mark.objectstore
def test_gdal_reads_a_private_ca_store_with_the_trusted_bundle(
    tls_objectstore, test_ca, in_force, bucket_name, tmp_path
):
    connection, credentials = s3_tls_connection(tls_objectstore)
    in_force(NetworkPolicy(ca_bundle=str(test_ca.cert_path)))
    location = create_bucket(connection, credentials, bucket_name)
    put_file(location.child("scene.tif"), write_test_cog(tmp_path / "scene.tif", 512, 512, 1))
    assert validate_cog(location.child("scene.tif").vsi_path).valid
    options = {key: gdal.GetPathSpecificOption(location.bucket_prefix, key, None) for key in GDAL_NETWORK_KEYS}
    assert (
        options["CURL_CA_BUNDLE"]
        == options["GDAL_CURL_CA_BUNDLE"]
        == options["SSL_CERT_FILE"]
        == str(test_ca.cert_path)
    )


# ----- uploads


@pytest.mark.objectstore
@pytest.mark.parametrize("api", ["s3", "swift"])
def test_multipart_and_swift_segmented_uploads_go_through_the_proxy(
    api, objectstore, http_proxy, in_force, bucket_name, tmp_path
):
    connection, credentials = (s3_connection if api == "s3" else swift_connection)(objectstore)
    in_force(http_proxy.policy())
    create_bucket(connection, credentials, bucket_name)
    source = tmp_path / "scene.tif"
    source.write_bytes(os.urandom(11 * MiB if api == "s3" else 3 * MiB))
    mark = http_proxy.mark()
    result = upload_file(
        str(source),
        ObjectLocation(connection.handler, bucket_name, "up/"),
        connection,
        credentials,
        options=SMALL_PARTS,
    )
    assert result.parts == 3
    puts = [item.target for item in http_proxy.seen(since=mark) if item.method == "PUT"]
    if api == "s3":
        assert sum("partNumber=" in target for target in puts) == 3
    else:
        assert sum(f"/{bucket_name}_segments/up/scene.tif/slo/" in target for target in puts) == 3
        assert any(target.endswith(f"/{bucket_name}/up/scene.tif?multipart-manifest=put") for target in puts), puts


# ----- Earth Engine, BYOC and their OAuth token requests


def test_earthengine_registration_and_its_token_exchange_go_through_the_proxy(
    fake_earthengine, http_proxy, in_force, tmp_path
):
    key_path = tmp_path / "key.pem"
    subprocess.run(["openssl", "genpkey", "-algorithm", "RSA", "-out", str(key_path)], check=True, capture_output=True)
    email = "cogport@ee-demo-project.iam.gserviceaccount.com"
    fake_earthengine.register_service_account(email, key_path.read_text())
    key = {
        "type": "service_account",
        "client_email": email,
        "private_key": key_path.read_text(),
        "token_uri": fake_earthengine.token_uri,
    }
    in_force(http_proxy.policy())
    mark = http_proxy.mark()
    client = EarthEngineClient(
        EarthEngineConnection(project="ee-demo-project", api_url=fake_earthengine.url),
        EarthEngineCredentials.from_service_account_json(json.dumps(key)),
    )
    client.import_external(ImageManifest("projects/ee-demo-project/assets/a", [Tileset("0", (("gs://b/a.tif",),))]))
    targets = [f"{item.method} {item.target}" for item in http_proxy.seen(since=mark)]
    assert f"POST {fake_earthengine.token_uri}" in targets
    assert f"POST {fake_earthengine.url}/v1/projects/ee-demo-project/image:importExternal" in targets


def test_byoc_calls_and_their_oauth_token_requests_go_through_the_proxy(http_proxy, in_force):
    with FakeByocServer() as fake:
        credentials = ClientCredentials(fake.state.client_id, fake.state.client_secret)
        connection = ByocConnection.for_deployment("test", "custom", credentials, fake.base_url, fake.token_url)
        in_force(http_proxy.policy())
        mark = http_proxy.mark()
        client = ByocClient(connection, sleep=lambda seconds: None)
        client.create_collection("proxied", "bucket")
        assert [c.name for c in client.collections()] == ["proxied"]
        targets = [f"{item.method} {item.target}" for item in http_proxy.seen(since=mark)]
    assert f"POST {fake.token_url}" in targets
    assert f"POST {fake.base_url}/api/v1/byoc/collections" in targets
    assert any(target.startswith(f"GET {fake.base_url}/api/v1/byoc/collections") for target in targets)


# ----- secrets


@pytest.mark.objectstore
def test_the_proxy_password_appears_in_no_log_and_no_message(objectstore, http_proxy, in_force, caplog, bucket_name):
    caplog.set_level(logging.DEBUG)
    connection, credentials = s3_connection(objectstore)
    in_force(http_proxy.policy())
    create_bucket(connection, credentials, bucket_name)
    list_buckets(connection, credentials)
    messages = []
    for password in ("wrong-Pa55word", PROXY_PASSWORD):
        in_force(NetworkPolicy(ProxyMode.MANUAL, Proxy("127.0.0.1", free_port(), "analyst", password)))
        with pytest.raises(NetworkError) as info:
            list_buckets(connection, credentials)
        messages.append(shown(info.value))
    text = caplog.text + " ".join(messages)
    assert PROXY_PASSWORD not in text and "wrong-Pa55word" not in text
    assert store_url(connection, bucket_name) == f"http://{objectstore.endpoint}/{bucket_name}/"


# ----- no way around the policy

ROOT = Path(__file__).resolve().parents[2]
_AROUND_THE_POLICY = re.compile(
    r"requests\.(?:Session|get|post|put|head|delete|patch|request)\(|urllib\.request\.urlopen|http\.client\.HTTPS?Connection"
)


def test_no_request_of_the_plugin_goes_around_the_policy_session():
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in (ROOT / "plugin").rglob("*.py")
        if path != ROOT / "plugin" / "core" / "network.py"
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if _AROUND_THE_POLICY.search(line)
    ]
    assert offenders == []


def test_the_check_itself_catches_a_plain_requests_call():
    assert _AROUND_THE_POLICY.search("    response = requests.get(url, timeout=5)")
    assert not _AROUND_THE_POLICY.search("    response = network.request('GET', url)")
