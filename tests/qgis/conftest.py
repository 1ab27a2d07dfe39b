from __future__ import annotations

import pytest
from qgis.core import QgsSettings

from cogport.plugin.qgis.storage.connections import ConnectionStore


@pytest.fixture
def store(auth_db):
    """A connection store starting empty; what the test saves is removed afterwards."""
    store = ConnectionStore()
    for name in store.names():
        store.remove(name)
    yield store
    for name in store.names():
        store.remove(name)
    QgsSettings().remove("cogport/bucket-bindings")


@pytest.fixture
def cogport_provider(qgis_processing):
    """The cogport Processing provider, registered for the test."""
    from qgis.core import QgsApplication

    from cogport.plugin.qgis.processing.provider import CogportProvider

    registry = QgsApplication.processingRegistry()
    added = None
    if registry.providerById("cogport") is None:
        added = CogportProvider()
        registry.addProvider(added)
    yield registry.providerById("cogport")
    if added is not None:
        registry.removeProvider(added)
