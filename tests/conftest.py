"""Shared fixtures: the real local Swift/S3 server, unique bucket names, clean GDAL state."""

from __future__ import annotations

import itertools
import os
from typing import Callable, Iterator

import pytest
from osgeo import gdal

from cogport.plugin.core import network
from cogport.plugin.core.network import NetworkPolicy
from cogport.plugin.core.storage.gdal_config import CACHED_MULTIRANGE, size_shared_read_cache
from cogport.tests.support.fake_earthengine import FakeEarthEngine
from cogport.tests.support.fake_gcs import FakeGcs
from cogport.tests.support.http_proxy import HttpProxy, tinyproxy_available
from cogport.tests.support.keystone import OpenStack, keystone_available
from cogport.tests.support.objectstore import SwiftServer, swift_available
from cogport.tests.support.tls import TestCa, TlsObjectStore

gdal.UseExceptions()
size_shared_read_cache()  # as Cogport does while QGIS loads it, before any remote read fixes the size
_names = itertools.count()


@pytest.fixture(scope="session")
def objectstore(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SwiftServer]:
    """One real Swift server (Swift API + S3 API) for the whole session."""
    if not swift_available():
        pytest.fail("OpenStack Swift is not installed; run `make test`, which installs it.")
    server = SwiftServer.start_temporary(tmp_path_factory.mktemp("swift"))
    yield server
    server.stop(purge=True)


@pytest.fixture(scope="session")
def openstack(objectstore: SwiftServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[OpenStack]:
    """A real Keystone v3 and a Swift proxy authenticating against it, beside the tempauth proxy (~5 s to start).

    Started only by the tests that ask for it.
    """
    if not keystone_available():
        pytest.fail("OpenStack Keystone is not installed; run `make test`, which installs it.")
    cloud = OpenStack.start(objectstore, tmp_path_factory.mktemp("keystone"))
    yield cloud
    cloud.stop(purge=True)


@pytest.fixture
def bucket_name(request: pytest.FixtureRequest) -> str:
    """A bucket/container name unique to the test (S3 rules: lower case, digits, dashes)."""
    stem = "".join(c if c.isalnum() else "-" for c in request.node.name.lower())[:40].strip("-")
    return f"t{os.getpid() % 10000}-{next(_names)}-{stem}"


# Process-wide GDAL options Cogport sets for a while (the prefetch's batched reads, the network policy): a test
# that leaves one behind changes what every later test reads, so it fails instead.
PROCESS_WIDE_OPTIONS = (*CACHED_MULTIRANGE, *network.GDAL_NETWORK_KEYS)


@pytest.fixture(autouse=True)
def _clean_gdal_state() -> Iterator[None]:
    """Path-specific credentials, cached listings and process-wide options never leak from one test to the next."""
    before = {key: gdal.GetConfigOption(key) for key in PROCESS_WIDE_OPTIONS}
    yield
    gdal.ClearPathSpecificOptions()
    gdal.VSICurlClearCache()
    left = {key: gdal.GetConfigOption(key) for key in PROCESS_WIDE_OPTIONS if gdal.GetConfigOption(key) != before[key]}
    for key in left:
        gdal.SetConfigOption(key, before[key])
    assert not left, f"the test left process-wide GDAL options behind: {sorted(left)}"


@pytest.fixture(scope="session")
def auth_db(qgis_app):
    """An unlocked QGIS authentication database in the test profile."""
    from qgis.core import QgsApplication

    manager = QgsApplication.authManager()
    if not manager.masterPasswordIsSet():
        assert manager.setMasterPassword("cogport-test-master", True)
    return manager


@pytest.fixture
def fake_gcs() -> Iterator[FakeGcs]:
    """A fresh in-process fake of GCS (XML API for /vsigs/ + JSON metadata API) on 127.0.0.1."""
    fake = FakeGcs().start()
    yield fake
    fake.stop()


@pytest.fixture
def fake_earthengine() -> Iterator[FakeEarthEngine]:
    """A fresh in-process fake of the Earth Engine REST API and Google's token endpoint."""
    fake = FakeEarthEngine().start()
    yield fake
    fake.stop()


@pytest.fixture(scope="session")
def http_proxy(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HttpProxy]:
    """Debian's tinyproxy on 127.0.0.1 with basic authentication, logging every request, for the session."""
    if not tinyproxy_available():
        pytest.fail("tinyproxy is not installed; run `make test`, which installs it.")
    proxy = HttpProxy(tmp_path_factory.mktemp("tinyproxy")).start()
    yield proxy
    proxy.stop()


@pytest.fixture
def in_force(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[NetworkPolicy], None]]:
    """Puts network policies in force for one test; QGIS's settings reader, if registered, is set aside meanwhile."""
    for name in ("no_proxy", "NO_PROXY", "http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)  # libcurl obeys no_proxy even when GDAL names a proxy
    saved_reader, saved_policy = network._InForce.reader, network._InForce.policy
    network.set_policy_reader(None)
    yield network.use_policy
    network.set_policy_reader(saved_reader)
    network.use_policy(saved_policy)


@pytest.fixture(scope="session")
def test_ca(tmp_path_factory: pytest.TempPathFactory) -> TestCa:
    """A private certificate authority made for the session."""
    return TestCa(tmp_path_factory.mktemp("private-ca")).create()


@pytest.fixture(scope="session")
def tls_objectstore(objectstore: SwiftServer, test_ca: TestCa) -> Iterator[TlsObjectStore]:
    """The session's object store over HTTPS, with a certificate from the private CA."""
    front = TlsObjectStore(objectstore, test_ca).start()
    yield front
    front.stop()
