from __future__ import annotations

import pytest

from cogport.plugin.qgis.connections import ConnectionStore
from qgis.core import QgsSettings


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
