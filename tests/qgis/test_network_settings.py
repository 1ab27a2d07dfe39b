"""Cogport follows QGIS's own network settings: the proxy of Settings ▸ Options ▸ Network (its credentials from
the settings or the authentication database, its excluded URLs), changed without a restart, in QGIS and in
qgis_process; and the CAs trusted in the certificate manager. Real tinyproxy, real TLS object store."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

import numpy as np
import pytest
from osgeo import gdal
from qgis.core import QgsApplication, QgsAuthMethodConfig, QgsMessageLog, QgsProject, QgsSettings
from qgis.PyQt.QtNetwork import QSslCertificate

from cogport.plugin.core import network
from cogport.plugin.core.errors import NetworkError, UntrustedCertificateError
from cogport.plugin.core.network import NetworkPolicy, Proxy, ProxyMode
from cogport.plugin.core.storage.connection import StoreKind
from cogport.plugin.core.storage.listing import PrefixLister
from cogport.plugin.core.storage.probe import s3_api_for
from cogport.plugin.qgis.common.network import read_network_policy
from cogport.plugin.qgis.storage.connection_dialog import ConnectionDialog
from cogport.plugin.qgis.storage.layers import add_remote_layer
from cogport.tests.support.http_proxy import PROXY_PASSWORD, PROXY_USER
from cogport.tests.support.qgis_process import headless_profile, qgis_process_command, run_algorithm
from cogport.tests.support.stores import create_bucket, put_file, s3_connection, s3_tls_connection, write_byte_cog

from .rendering import render_gray

pytestmark = pytest.mark.objectstore
IMPORT_ROOT = Path(__file__).resolve().parents[2] / ".build" / "import"


@pytest.fixture
def qgis_network(monkeypatch) -> Iterator[QgsSettings]:
    """QGIS's proxy settings for one test, read by Cogport's own reader as the loaded plugin does; restored after."""
    for name in ("no_proxy", "NO_PROXY", "http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    settings = QgsSettings()
    settings.remove("proxy")
    saved_reader, saved_policy = network._InForce.reader, network._InForce.policy
    network.set_policy_reader(read_network_policy)
    yield settings
    settings.remove("proxy")
    network.set_policy_reader(saved_reader)
    network.use_policy(saved_policy)


def use_proxy(settings: QgsSettings, port: int, user: str = PROXY_USER, password: str = PROXY_PASSWORD, **extra):
    values = {
        "proxy/proxyEnabled": True,
        "proxy/proxyType": "HttpProxy",
        "proxy/proxyHost": "127.0.0.1",
        "proxy/proxyPort": str(port),
        "proxy/proxyUser": user,
        "proxy/proxyPassword": password,
        **extra,
    }
    for key, value in values.items():
        settings.setValue(key, value)


@pytest.fixture
def proxy_login(auth_db) -> Iterator[str]:
    """The proxy's user and password in a QGIS "Basic" authentication configuration, as QGIS's own form saves it."""
    config = QgsAuthMethodConfig("Basic")
    config.setName("Corporate proxy")
    config.setConfig("username", PROXY_USER)
    config.setConfig("password", PROXY_PASSWORD)
    stored = auth_db.storeAuthenticationConfig(config)
    assert (stored[0] if isinstance(stored, tuple) else stored) and config.id()
    yield config.id()
    auth_db.removeAuthenticationConfig(config.id())


@pytest.fixture
def trusted_ca(auth_db, test_ca) -> Iterator[QSslCertificate]:
    """The private CA added to the test profile's certificate manager (Authorities), as a person would."""
    (certificate,) = QSslCertificate.fromData(test_ca.pem.encode())
    assert auth_db.storeCertAuthority(certificate)
    yield certificate
    auth_db.removeCertAuthority(certificate)


def test_the_policy_is_read_from_qgis_settings_and_follows_every_field(qgis_network):
    settings = qgis_network
    assert read_network_policy() == NetworkPolicy()  # proxy off in QGIS: the environment decides, as before
    use_proxy(
        settings,
        3128,
        **{"proxy/proxyExcludedUrls": ["https://minio.corp.local"], "proxy/noProxyUrls": ["http://10.0.0.5:9000", ""]},
    )
    policy = read_network_policy()
    assert policy == NetworkPolicy(
        ProxyMode.MANUAL,
        Proxy("127.0.0.1", 3128, PROXY_USER, PROXY_PASSWORD),
        ("http://10.0.0.5:9000", "https://minio.corp.local"),
    )
    assert PROXY_PASSWORD not in repr(policy) + str(policy) + policy.describe()
    settings.setValue("proxy/proxyType", "Socks5Proxy")
    assert read_network_policy().proxy == Proxy("127.0.0.1", 3128, PROXY_USER, PROXY_PASSWORD, socks=True)
    settings.setValue("proxy/proxyType", "DefaultProxy")
    assert read_network_policy().mode is ProxyMode.SYSTEM


def test_proxy_credentials_come_from_the_authentication_database(qgis_network, proxy_login):
    use_proxy(qgis_network, 3128, user="", password="", **{"proxy/authcfg": proxy_login})
    assert read_network_policy().proxy == Proxy("127.0.0.1", 3128, PROXY_USER, PROXY_PASSWORD)


def test_a_settings_change_applies_to_the_next_listing_without_a_restart(
    qgis_network, store, objectstore, http_proxy, bucket_name
):
    connection, credentials = s3_connection(objectstore)
    connection = store.save(connection, credentials)
    use_proxy(qgis_network, http_proxy.port)
    location = create_bucket(connection, credentials, bucket_name)

    def listing_was_proxied() -> bool:
        mark = http_proxy.mark()
        store.activate(connection, bucket_name)  # what each listing in the dock and the Browser does first
        PrefixLister(connection, credentials, location).next_page()
        s3_api_for(connection, credentials).probe_bucket(bucket_name)
        seen = http_proxy.seen(since=mark)
        return sum(bucket_name in item.target for item in seen) >= 2

    assert listing_was_proxied()
    qgis_network.setValue("proxy/proxyExcludedUrls", [f"http://{objectstore.endpoint}"])
    assert not listing_was_proxied()
    qgis_network.setValue("proxy/proxyExcludedUrls", [])
    assert listing_was_proxied()


def test_a_remote_layer_opens_and_renders_through_the_proxy(
    qgis_new_project, qgis_network, store, objectstore, http_proxy, bucket_name, tmp_path
):
    connection, credentials = s3_connection(objectstore)
    connection = store.save(connection, credentials)
    use_proxy(qgis_network, http_proxy.port)
    values = write_byte_cog(tmp_path / "gradient.tif")
    location = create_bucket(connection, credentials, bucket_name).child("gradient.tif")
    put_file(location, tmp_path / "gradient.tif")
    gdal.VSICurlClearCache()
    assert gdal.GetConfigOption("GDAL_HTTP_PROXY") is None  # no global option: the proxy is Cogport's doing
    mark = http_proxy.mark()
    layer = add_remote_layer(store, connection, location)
    assert np.array_equal(render_gray(layer, 300, 200), values)
    reads = [item for item in http_proxy.seen(since=mark) if item.target.endswith(f"/{bucket_name}/gradient.tif")]
    assert reads, "the layer's reads went around the proxy"
    assert PROXY_PASSWORD not in layer.source()
    QgsProject.instance().removeAllMapLayers()


def test_a_ca_trusted_in_the_certificate_manager_opens_the_private_store(
    qgis_network, store, tls_objectstore, trusted_ca, bucket_name, tmp_path
):
    connection, credentials = s3_tls_connection(tls_objectstore)
    connection = store.save(connection, credentials)
    location = create_bucket(connection, credentials, bucket_name).child("gradient.tif")  # GDAL, over TLS
    write_byte_cog(tmp_path / "gradient.tif")
    put_file(location, tmp_path / "gradient.tif")
    store.activate(connection, bucket_name)
    assert [
        entry.name
        for entry in PrefixLister(connection, credentials, location.__class__("vsis3", bucket_name)).next_page()
    ] == ["gradient.tif"]
    assert isinstance(s3_api_for(connection, credentials).list_buckets(), list)  # requests, over TLS


def test_without_the_ca_the_private_store_fails_with_the_untrusted_certificate_sentence(
    qgis_network, store, tls_objectstore
):
    connection, credentials = s3_tls_connection(tls_objectstore)
    with pytest.raises(UntrustedCertificateError) as info:
        s3_api_for(connection, credentials).list_buckets()
    assert info.value.user_message == (
        f"The certificate of {tls_objectstore.endpoint} is not signed by a certificate authority QGIS trusts. "
        "Check that the issuing CA is added and trusted in Settings ▸ Options ▸ Authentication ▸ Certificate "
        "Manager, or accept this server's certificate in the connection's settings."
    )


def test_accepting_the_servers_certificate_shows_its_warning_and_is_stored_in_the_connection(
    qgis_network, store, tls_objectstore, qtbot
):
    connection, credentials = s3_tls_connection(tls_objectstore)
    dialog = ConnectionDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(StoreKind.S3_COMPATIBLE))
    dialog.name_edit.setText(connection.name)
    dialog.endpoint_edit.setText(connection.endpoint)
    dialog.identity_edit.setText(credentials.identity)
    dialog.secret_edit.setText(credentials.secret)
    assert not dialog.accept_certificate_check.isVisible()  # never offered out of the blue

    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=30000)
    assert "not signed by a certificate authority QGIS trusts" in dialog.test_result_label.text()
    assert dialog.accept_certificate_check.isVisible() and not dialog.certificate_warning_label.isVisible()

    dialog.accept_certificate_check.setChecked(True)
    qtbot.waitUntil(lambda: dialog.certificate_warning_label.isVisible(), timeout=30000)
    fingerprint = network.certificate_fingerprint(tls_objectstore.certificate_pem)
    assert fingerprint in dialog.certificate_warning_label.text()
    assert dialog.certificate_warning_label.text().startswith("Warning: no certificate authority QGIS trusts")

    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=30000)
    assert "trusted because you accepted it" in dialog.test_result_label.text()
    dialog.button_box.button(dialog.button_box.StandardButton.Save).click()
    saved = store.load(connection.name)
    assert network.certificate_fingerprint(saved.accepted_certificate) == fingerprint
    assert "accepted_certificate" not in store.export_json([connection.name])  # importers decide for themselves

    reopened = ConnectionDialog(store, saved)
    qtbot.addWidget(reopened)
    reopened.show()
    assert reopened.accept_certificate_check.isChecked() and reopened.certificate_warning_label.isVisible()


def test_the_proxy_password_is_in_no_setting_layer_source_log_or_message(
    qgis_new_project, qgis_network, proxy_login, store, objectstore, http_proxy, bucket_name, tmp_path, caplog
):
    logged = []
    QgsApplication.messageLog().messageReceived.connect(lambda message, *_: logged.append(message))
    use_proxy(qgis_network, http_proxy.port, user="", password="", **{"proxy/authcfg": proxy_login})
    connection, credentials = s3_connection(objectstore)
    connection = store.save(connection, credentials)
    location = create_bucket(connection, credentials, bucket_name).child("gradient.tif")
    write_byte_cog(tmp_path / "gradient.tif")
    put_file(location, tmp_path / "gradient.tif")
    layer = add_remote_layer(store, connection, location)
    render_gray(layer, 30, 20)
    QgsMessageLog.logMessage(network.policy_in_force().describe(), "Cogport")

    everything = QgsSettings()
    values = " ".join(str(everything.value(key)) for key in everything.allKeys())
    project = tmp_path / "project.qgz"
    QgsProject.instance().write(str(project))
    assert http_proxy.saw(f"/{bucket_name}/gradient.tif")
    for text in (values, layer.source(), caplog.text, " ".join(logged), project.read_bytes().decode("latin-1")):
        assert PROXY_PASSWORD not in text
    QgsProject.instance().removeAllMapLayers()


@pytest.mark.skipif(not qgis_process_command(), reason="qgis_process is not installed")
def test_qgis_process_follows_the_profiles_proxy(objectstore, http_proxy, in_force, bucket_name, tmp_path):
    connection, credentials = s3_connection(objectstore)
    location = create_bucket(connection, credentials, bucket_name).child("scene.tif")
    write_byte_cog(tmp_path / "scene.tif")
    put_file(location, tmp_path / "scene.tif")
    environ = {key: value for key, value in os.environ.items() if "proxy" not in key.lower()}
    # No Cogport connection: GDAL's own settings, as a batch script would give them.
    environ.update(
        AWS_ACCESS_KEY_ID=credentials.identity,
        AWS_SECRET_ACCESS_KEY=credentials.secret,
        AWS_S3_ENDPOINT=objectstore.endpoint,
        AWS_HTTPS="NO",
        AWS_VIRTUAL_HOSTING="FALSE",
        AWS_REGION="us-east-1",
    )
    env = headless_profile(tmp_path / "profile", environ)
    ini = tmp_path / "profile" / "profiles" / "default" / "QGIS" / "QGIS3.ini"
    ini.write_text(
        ini.read_text()
        + f"\n[proxy]\nproxyEnabled=true\nproxyType=HttpProxy\nproxyHost=127.0.0.1\nproxyPort={http_proxy.port}\n"
        f"proxyUser={PROXY_USER}\nproxyPassword={PROXY_PASSWORD}\n"
    )
    mark = http_proxy.mark()
    answer = run_algorithm("cogport:validate_cog", {"INPUT": location.vsi_path}, env)
    assert answer["results"]["VALID"] is True
    assert http_proxy.saw(f"/{bucket_name}/scene.tif", since=mark)
    assert PROXY_PASSWORD not in answer["output_text"]


def test_a_layer_that_cannot_open_because_of_the_proxy_says_so(
    qgis_new_project, qgis_network, store, objectstore, http_proxy, bucket_name, tmp_path
):
    connection, credentials = s3_connection(objectstore)
    connection = store.save(connection, credentials)
    location = create_bucket(connection, credentials, bucket_name).child("gradient.tif")
    write_byte_cog(tmp_path / "gradient.tif")
    put_file(location, tmp_path / "gradient.tif")
    use_proxy(qgis_network, http_proxy.port, password="not-the-password")
    gdal.VSICurlClearCache()
    with pytest.raises(NetworkError) as info:
        add_remote_layer(store, connection, location)
    # tinyproxy 1.11.1 answers a wrong password with 401, RFC 9110 proxies with 407: either is the proxy's.
    assert info.value.what.startswith(f"The proxy 127.0.0.1:{http_proxy.port} refused Cogport's credentials (HTTP 40")
