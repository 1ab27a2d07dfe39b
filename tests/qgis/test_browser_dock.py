"""The bucket browser dock as an analyst uses it, against the real local server."""

from __future__ import annotations

import pytest
from qgis.core import QgsErrorItem, QgsLayerItem, QgsProject
from qgis.gui import QgsDataItemGuiContext
from qgis.PyQt.QtWidgets import QApplication, QMenu

from cogport.plugin.core.storage.connection import AuthMode, Credentials
from cogport.plugin.core.storage.uri import ObjectLocation
from cogport.plugin.qgis.storage.browser_dock import BrowserDock, MessageItem, MoreItem, NodeItem, SearchItem
from cogport.plugin.qgis.storage.browser_items import CogportItemProvider, ConnectionItem, PrefixItem
from cogport.plugin.qgis.storage.connection_dialog import ConnectionDialog
from cogport.tests.support.objectstore import free_port
from cogport.tests.support.stores import (
    create_bucket,
    put_bytes,
    put_file,
    s3_connection,
    swift_connection,
    write_byte_cog,
)

WAIT = 20000


@pytest.fixture
def seeded(objectstore, store, bucket_name, tmp_path):
    connection, credentials = swift_connection(objectstore)
    connection = store.save(connection, credentials)
    root = create_bucket(connection, credentials, bucket_name)
    for i in range(7):
        put_bytes(root.child(f"many/obj{i}.txt"), b"x" * 10)
    write_byte_cog(tmp_path / "g.tif")
    put_file(root.child("cogs/g.tif"), tmp_path / "g.tif")
    return connection, bucket_name


def _dock(qgis_iface, qtbot, store, page_size=None, monkeypatch=None):
    if page_size is not None:
        monkeypatch.setattr("cogport.plugin.qgis.storage.browser_dock.PAGE_SIZE", page_size)
    dock = BrowserDock(qgis_iface, store)
    qtbot.addWidget(dock)
    return dock


def _child(item, name):
    return next(
        item.child(i)
        for i in range(item.childCount())
        if isinstance(item.child(i), NodeItem) and item.child(i).entry.name == name
    )


def _bucket_item(dock, qtbot, bucket):
    qtbot.waitUntil(
        lambda: any(
            isinstance(dock.tree.topLevelItem(i), NodeItem) and dock.tree.topLevelItem(i).entry.name == bucket
            for i in range(dock.tree.topLevelItemCount())
        ),
        timeout=WAIT,
    )
    return next(
        dock.tree.topLevelItem(i)
        for i in range(dock.tree.topLevelItemCount())
        if dock.tree.topLevelItem(i).entry.name == bucket
    )


def _expand_and_wait(item, qtbot):
    item.setExpanded(True)
    qtbot.waitUntil(
        lambda: item.childCount()
        and not isinstance(item.child(0), MessageItem)
        or (item.childCount() and item.child(0).text(0) != "Loading…"),
        timeout=WAIT,
    )


def test_walks_prefixes_pages_and_adds_a_layer(qgis_iface, qgis_new_project, qtbot, store, seeded, monkeypatch):
    connection, bucket = seeded
    dock = _dock(qgis_iface, qtbot, store, page_size=3, monkeypatch=monkeypatch)
    bucket_item = _bucket_item(dock, qtbot, bucket)
    _expand_and_wait(bucket_item, qtbot)
    many = _child(bucket_item, "many")
    _expand_and_wait(many, qtbot)
    assert [many.child(i).text(0) for i in range(many.childCount())][:3] == ["obj0.txt", "obj1.txt", "obj2.txt"]
    more = many.child(many.childCount() - 1)
    assert isinstance(more, MoreItem) and "3 shown" in more.text(0)
    dock._double_clicked(more)
    qtbot.waitUntil(
        lambda: sum(isinstance(many.child(i), NodeItem) for i in range(many.childCount())) == 6, timeout=WAIT
    )
    assert many.child(2).text(1) == "10 B"

    cogs = _child(bucket_item, "cogs")
    _expand_and_wait(cogs, qtbot)
    dock._double_clicked(_child(cogs, "g.tif"))
    (layer,) = QgsProject.instance().mapLayers().values()
    assert layer.isValid() and layer.source() == f"/vsiswift/{bucket}/cogs/g.tif"
    assert "Added" in dock.status_label.text()


def _search_items(dock, bucket=""):
    """The search results, of one bucket when given (the account holds other tests' buckets too)."""
    tops = [dock.tree.topLevelItem(i) for i in range(dock.tree.topLevelItemCount())]
    return [t for t in tops if isinstance(t, SearchItem) and bucket in ("", t.entry.location.bucket)]


def _matches(item):
    return [item.child(i).text(0) for i in range(item.childCount()) if isinstance(item.child(i), NodeItem)]


def test_the_filter_searches_names_on_the_server_as_the_user_types(
    qgis_iface, qgis_new_project, qtbot, store, seeded, tmp_path
):
    connection, bucket = seeded
    root = ObjectLocation(connection.handler, bucket)
    put_file(root.child("dem/2024/terrain_small.tif"), tmp_path / "g.tif")
    dock = _dock(qgis_iface, qtbot, store)
    bucket_item = _bucket_item(dock, qtbot, bucket)  # listed, never expanded
    bucket_item.setSelected(True)  # the account holds other tests' buckets: search this one
    for typed in ("s", "sm", "sma", "smal", "small"):
        dock.filter_edit.setText(typed)
    # Typing returns at once: the search waits for a pause, then lists in a task.
    assert _search_items(dock) == [] and dock._search_timer.isActive()
    qtbot.waitUntil(
        lambda: bool(_search_items(dock, bucket) and _matches(_search_items(dock, bucket)[0])), timeout=WAIT
    )
    (found,) = _search_items(dock, bucket)
    assert _matches(found) == ["dem/2024/terrain_small.tif"]  # a folder nobody expanded
    assert found.text(0) == f"“small” in swift://{bucket}/" and bucket_item.isHidden()
    dock._double_clicked(found.child(0))  # a match is an object like any other: it opens on the map
    (layer,) = QgsProject.instance().mapLayers().values()
    assert layer.source() == f"/vsiswift/{bucket}/dem/2024/terrain_small.tif"
    dock.filter_edit.clear()
    qtbot.waitUntil(lambda: not _search_items(dock), timeout=WAIT)
    assert not bucket_item.isHidden()


def test_the_search_is_paged_and_covers_the_selected_folder(qgis_iface, qtbot, store, seeded, monkeypatch):
    connection, bucket = seeded
    dock = _dock(qgis_iface, qtbot, store, page_size=3, monkeypatch=monkeypatch)
    bucket_item = _bucket_item(dock, qtbot, bucket)
    _expand_and_wait(bucket_item, qtbot)
    _child(bucket_item, "many").setSelected(True)
    dock.filter_edit.setText("OBJ")  # case does not matter
    qtbot.waitUntil(lambda: bool(_search_items(dock) and _matches(_search_items(dock)[0])), timeout=WAIT)
    (found,) = _search_items(dock)
    assert found.text(0) == f"“OBJ” in swift://{bucket}/many/"
    assert _matches(found) == ["obj0.txt", "obj1.txt", "obj2.txt"]
    more = found.child(found.childCount() - 1)
    assert isinstance(more, MoreItem) and more.text(0).startswith("Search further… (3 found")
    dock._double_clicked(more)
    qtbot.waitUntil(lambda: len(_matches(found)) == 6, timeout=WAIT)
    dock._double_clicked(found.child(found.childCount() - 1))
    qtbot.waitUntil(lambda: len(_matches(found)) == 7, timeout=WAIT)
    assert not any(isinstance(found.child(i), MoreItem) for i in range(found.childCount()))
    dock.filter_edit.setText("nothing-like-this")
    qtbot.waitUntil(
        lambda: bool(_search_items(dock))
        and _search_items(dock)[0].text(0).startswith("“nothing")
        and any(
            isinstance(c, MessageItem) and "no name holds" in c.text(0)
            for c in [_search_items(dock)[0].child(i) for i in range(_search_items(dock)[0].childCount())]
        ),
        timeout=WAIT,
    )
    assert _search_items(dock)[0].text(0).endswith(f"swift://{bucket}/many/")  # the same folder as typing began


def test_wrong_key_is_a_sentence_in_the_dock_not_an_empty_tree(qgis_iface, qtbot, store, objectstore):
    connection, _credentials = s3_connection(objectstore, name="Bad key")
    store.save(connection, Credentials(identity="test:tester", secret="wrong"))
    dock = _dock(qgis_iface, qtbot, store)
    qtbot.waitUntil(lambda: "secret key" in dock.status_label.text(), timeout=WAIT)
    assert "wrong" not in dock.status_label.text()
    assert "⚠" in dock.tree.topLevelItem(0).text(0)


def test_server_down_is_a_sentence_in_the_dock(qgis_iface, qtbot, store, objectstore):
    connection, credentials = s3_connection(objectstore, name="Down")
    dead = f"127.0.0.1:{free_port()}"
    store.save(connection.__class__(**{**connection.__dict__, "endpoint": dead}), credentials)
    dock = _dock(qgis_iface, qtbot, store)
    qtbot.waitUntil(lambda: "down or refused" in dock.status_label.text(), timeout=WAIT)


def test_connection_dialog_tests_and_saves(qgis_iface, qtbot, store, objectstore):
    dialog = ConnectionDialog(store)
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("Typed S3")
    dialog.kind_combo.setCurrentIndex(1)  # S3-compatible
    assert dialog.endpoint_edit.isVisibleTo(dialog) and not dialog.auth_url_edit.isVisibleTo(dialog)
    dialog.endpoint_edit.setText(f"http://{objectstore.endpoint}/")
    dialog.https_check.setChecked(False)
    dialog.identity_edit.setText("test:tester")
    dialog.secret_edit.setText("testing")
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.test_result_label.text().startswith("Connected."), timeout=WAIT)
    dialog.button_box.accepted.emit()
    saved = store.load("Typed S3")
    assert saved.endpoint == objectstore.endpoint and not saved.virtual_hosting and not saved.https
    assert store.credentials(saved).secret == "testing"
    dialog.kind_combo.setCurrentIndex(2)  # Swift: Keystone first, as OVHcloud and most OpenStack clouds use it
    assert dialog.auth_url_edit.isVisibleTo(dialog) and dialog.project_edit.isVisibleTo(dialog)
    assert dialog.identity_label.text() == "User name"
    dialog.auth_combo.setCurrentIndex(dialog.auth_combo.findData(AuthMode.SWIFT_V1))
    assert dialog.identity_label.text() == "User (account:user)" and not dialog.project_edit.isVisibleTo(dialog)


def test_browser_panel_lists_connections_buckets_and_rasters(qgis_app, store, seeded):
    connection, bucket = seeded
    root = CogportItemProvider(store).createDataItem("", None)
    assert root.name() == "Cogport" and [c.name() for c in root.createChildren()] == [connection.name]
    buckets = ConnectionItem(None, store, connection.name).createChildren()
    bucket_item = next(item for item in buckets if item.name() == bucket)
    assert isinstance(bucket_item, PrefixItem)
    cogs = next(item for item in bucket_item.createChildren() if item.name() == "cogs")
    (raster,) = cogs.createChildren()
    assert isinstance(raster, QgsLayerItem) and raster.uri() == f"/vsiswift/{bucket}/cogs/g.tif"
    store.save(
        connection.__class__(**{**connection.__dict__, "name": "Broken", "authcfg": ""}),
        Credentials("test:tester", "nope"),
    )
    (error,) = ConnectionItem(None, store, "Broken").createChildren()
    assert isinstance(error, QgsErrorItem) and "refused the credentials" in error.name()


def _browser_menu_labels(plugin, item):
    menu = QMenu()
    plugin.item_gui_provider.populateContextMenu(item, menu, [item], QgsDataItemGuiContext())
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def _browser_item(store, connection, *names):
    item = next(i for i in ConnectionItem(None, store, connection.name).createChildren() if i.name() == names[0])
    for name in names[1:]:
        item = next(i for i in item.createChildren() if i.name() == name)
    return item


def test_plugin_offers_the_same_object_actions_in_the_dock_and_the_browser_panel(
    qgis_iface, qtbot, store, seeded, monkeypatch
):
    import cogport

    connection, bucket = seeded
    plugin = cogport.classFactory(qgis_iface)
    plugin.initGui()
    try:
        dock = plugin.browser_dock
        bucket_item = _bucket_item(dock, qtbot, bucket)
        _expand_and_wait(bucket_item, qtbot)
        cogs = _child(bucket_item, "cogs")
        _expand_and_wait(cogs, qtbot)
        raster = _child(cogs, "g.tif")
        labels = [a.text() for a in dock.menu_for([raster.entry]).actions() if not a.isSeparator()]
        assert "Validate COG…" in labels and "Add to map" in labels and "Copy URI" in labels
        assert "Register in Earth Engine…" not in labels  # Swift object: Earth Engine reads gs:// only
        assert "Register as Sentinel Hub BYOC tiles…" not in labels  # BYOC reads S3 buckets
        folder_labels = [a.text() for a in dock.menu_for([cogs.entry]).actions() if not a.isSeparator()]
        assert "Publish local files here…" in folder_labels
        # The Browser panel offers the same actions; adding to the map and refreshing are its own entries there.
        dock_only = {"Add to map", "Refresh"}
        browser_raster = _browser_item(store, connection, bucket, "cogs", "g.tif")
        assert _browser_menu_labels(plugin, browser_raster) == [x for x in labels if x not in dock_only]
        browser_folder = _browser_item(store, connection, bucket, "cogs")
        assert _browser_menu_labels(plugin, browser_folder) == [x for x in folder_labels if x not in dock_only]

        opened = []
        monkeypatch.setattr(
            "cogport.plugin.qgis.plugin.open_validation_dialog", lambda iface, items: opened.append(items)
        )
        validate = next(a for a in plugin.object_actions.actions if a.label == "Validate COG…")
        plugin.object_actions.run(validate, connection, [raster.entry])
        assert [location.uri for location in opened[0]] == [f"swift://{bucket}/cogs/g.tif"]
        menu = QMenu()
        plugin.item_gui_provider.populateContextMenu(browser_raster, menu, [browser_raster], QgsDataItemGuiContext())
        next(a for a in menu.actions() if a.text() == "Validate COG…").trigger()
        assert [location.uri for location in opened[1]] == [f"swift://{bucket}/cogs/g.tif"]
        next(a for a in menu.actions() if a.text() == "Copy GDAL path").trigger()
        assert QApplication.clipboard().text() == f"/vsiswift/{bucket}/cogs/g.tif"
        assert dock.drop_handler is not None
    finally:
        plugin.unload()


def test_reloading_while_folders_are_listing_keeps_late_answers_away_from_the_new_tree(
    qgis_iface, qtbot, store, seeded
):
    """A listing that answers after a reload must not touch the items the reload replaced (they would be freed)."""
    _connection, bucket = seeded
    dock = _dock(qgis_iface, qtbot, store)
    for _ in range(3):
        bucket_item = _bucket_item(dock, qtbot, bucket)
        bucket_item.setExpanded(True)  # a page listing starts in a task
        dock.reload()  # and the tree it would fill is replaced at once
    bucket_item = _bucket_item(dock, qtbot, bucket)
    _expand_and_wait(bucket_item, qtbot)
    qtbot.wait(500)  # the earlier listings answer now, into retired items
    assert {_child(bucket_item, name).entry.name for name in ("many", "cogs")} == {"many", "cogs"}
    dock.close()
