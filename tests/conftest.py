"""Shared fixtures: the real local Swift/S3 server, unique bucket names, clean GDAL state."""

from __future__ import annotations

import itertools
import os
from typing import Iterator

import pytest
from osgeo import gdal

from cogport.plugin.core.storage.gdal_config import size_shared_read_cache
from cogport.tests.support.fake_earthengine import FakeEarthEngine
from cogport.tests.support.fake_gcs import FakeGcs
from cogport.tests.support.objectstore import SwiftServer, swift_available

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


@pytest.fixture
def bucket_name(request: pytest.FixtureRequest) -> str:
    """A bucket/container name unique to the test (S3 rules: lower case, digits, dashes)."""
    stem = "".join(c if c.isalnum() else "-" for c in request.node.name.lower())[:40].strip("-")
    return f"t{os.getpid() % 10000}-{next(_names)}-{stem}"


@pytest.fixture(autouse=True)
def _clean_gdal_state() -> Iterator[None]:
    """Path-specific credentials and cached listings never leak from one test to the next."""
    yield
    gdal.ClearPathSpecificOptions()
    gdal.VSICurlClearCache()


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
