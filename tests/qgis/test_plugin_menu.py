"""Raster ▸ Cogport: every entry opens its panel or dialog, however often it is chosen."""

from __future__ import annotations

import pytest

import cogport
from cogport.plugin.core.storage.connection import AuthMode, Credentials, StorageConnection, StoreKind
from cogport.plugin.qgis.byoc import byoc_dock
from cogport.plugin.qgis.publish import publish_dock


@pytest.fixture
def plugin(qgis_iface, store):
    loaded = cogport.classFactory(qgis_iface)
    loaded.initGui()
    yield loaded
    loaded.unload()


def entry(plugin, text):
    return next(action for action in plugin.actions if action.text() == text)


def test_panel_entries_open_their_panel_every_time(plugin, qtbot):
    for text, panel in (
        ("Sentinel Hub BYOC", lambda: byoc_dock._DOCK),
        ("Cogport buckets", lambda: plugin.browser_dock),
        ("Publish to bucket…", lambda: publish_dock._DOCK[0]),
    ):
        entry(plugin, text).trigger()
        assert not panel().isHidden(), text
        entry(plugin, text).trigger()  # chosen again: still open, not hidden
        assert not panel().isHidden(), text
    qtbot.waitUntil(lambda: not byoc_dock._DOCK.busy(), timeout=10000)


def test_publish_entry_starts_with_the_connection_selected_in_the_bucket_dock(plugin, store):
    for name in ("Archive", "Scenes"):
        store.save(
            StorageConnection(name=name, kind=StoreKind.PUBLIC, auth=AuthMode.ANONYMOUS, buckets=("public",)),
            Credentials(),
        )
    plugin.browser_dock.refresh_connections(select="Scenes")
    entry(plugin, "Publish to bucket…").trigger()
    assert publish_dock._DOCK[0].connectionCombo.currentText() == "Scenes"
    plugin.browser_dock.refresh_connections(select="Archive")
    entry(plugin, "Publish to bucket…").trigger()
    assert publish_dock._DOCK[0].connectionCombo.currentText() == "Archive"
