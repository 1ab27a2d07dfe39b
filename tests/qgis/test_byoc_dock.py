"""The Sentinel Hub BYOC panel: collections, tiles with status and causes, footprints, registration."""

from __future__ import annotations

import pytest
from osgeo import gdal
from qgis.core import QgsCategorizedSymbolRenderer, QgsProject

from cogport.plugin.qgis.byoc import byoc_dock
from cogport.plugin.qgis.byoc.byoc_dock import ByocDock, open_byoc_registration
from cogport.plugin.qgis.byoc.byoc_register_dialog import ByocRegisterDialog
from cogport.plugin.qgis.common.colours import error_colour
from cogport.tests.core.test_byoc_tiles import _utm_cog
from cogport.tests.qgis.test_byoc_qgis import FAILURE, UTM_COVER, fake, saved  # noqa: F401 - fixtures
from cogport.tests.support.fake_byoc import Ingestion


@pytest.fixture
def dock(saved, qgis_iface, qtbot):
    panel = ByocDock(qgis_iface)
    panel.poll_interval_ms = 20
    panel.reload_connections("Fake SH")
    yield panel
    panel.shutdown()
    qtbot.waitUntil(lambda: not panel.busy(), timeout=10000)
    panel.deleteLater()


def _select(dock, qtbot, name):
    qtbot.waitUntil(lambda: any(c.name == name for c in dock.collections), timeout=10000)
    dock.collectionList.setCurrentRow([c.name for c in dock.collections].index(name))


def test_tiles_polled_to_final_status_with_cause_counts_and_footprints(fake, dock, qtbot):
    collection = fake.add_collection("Mosaics", "eu-bucket")
    fake.add_tile(collection["id"], "2019/11/27/33T/(BAND).tif", coverGeometry=UTM_COVER)
    fake.add_tile(collection["id"], "2019/11/28/33T/(BAND).tif")
    fake.state.ingestion["2019/11/28/33T/(BAND).tif"] = Ingestion(("WAITING", "INGESTING", "FAILED"), FAILURE)
    dock.refresh_collections()
    _select(dock, qtbot, "Mosaics")
    qtbot.waitUntil(lambda: len(dock.tiles) == 2, timeout=10000)
    layer = dock.show_footprints()  # shown while ingestion is still running
    assert QgsProject.instance().mapLayer(layer.id()) is layer and layer.crs().authid() == "EPSG:4326"
    qtbot.waitUntil(lambda: dock.tiles and all(t.final for t in dock.tiles), timeout=15000)
    assert dock.countsLabel.text() == "2 tiles: 1 ingested, 1 failed"
    rows = {
        dock.tileTable.item(r, 0).text(): (dock.tileTable.item(r, 1).text(), dock.tileTable.item(r, 4).text())
        for r in range(dock.tileTable.rowCount())
    }
    assert rows["2019/11/28/33T/(BAND).tif"] == ("FAILED", FAILURE)
    # The layer followed the polling: statuses are the final ones, the UTM cover sits at 15° E, 45.15° N.
    features = {f["path"]: f for f in layer.getFeatures()}
    assert features["2019/11/28/33T/(BAND).tif"]["status"] == "FAILED"
    assert features["2019/11/28/33T/(BAND).tif"]["failureCause"] == FAILURE
    box = features["2019/11/27/33T/(BAND).tif"].geometry().boundingBox()
    assert box.xMinimum() == pytest.approx(15.0, abs=1e-6) and box.yMaximum() == pytest.approx(45.1525, abs=1e-3)
    assert isinstance(layer.renderer(), QgsCategorizedSymbolRenderer)
    assert {c.value() for c in layer.renderer().categories()} >= {"FAILED", "INGESTED"}
    polls = len(fake.requests("GET", "/tiles"))
    qtbot.wait(200)
    assert len(fake.requests("GET", "/tiles")) == polls  # polling stops once every tile is final
    QgsProject.instance().removeMapLayer(layer.id())


def test_delete_collection_asks_first_and_warns_about_its_tiles(fake, dock, qtbot, monkeypatch):
    collection = fake.add_collection("Doomed", "b")
    fake.add_tile(collection["id"], "x/(BAND).tif")
    asked = []
    answer = [False]
    monkeypatch.setattr(byoc_dock, "confirm", lambda parent, title, text: asked.append(text) or answer[0])
    dock.refresh_collections()
    _select(dock, qtbot, "Doomed")
    qtbot.waitUntil(lambda: len(dock.tiles) == 1, timeout=10000)
    assert dock.delete_collection() is None
    assert "deletes all of its 1 tiles" in asked[0] and fake.requests("DELETE") == []
    answer[0] = True
    dock.delete_collection()
    qtbot.waitUntil(lambda: not fake.state.collections and not dock.collections, timeout=10000)
    assert fake.requests("DELETE")[0].status == 204


def test_create_and_rename_collection_from_the_panel(fake, dock, qtbot, monkeypatch):
    answers = iter(["Fresh", "fresh-bucket", "Renamed"])
    monkeypatch.setattr(byoc_dock, "prompt", lambda *args: next(answers))
    dock.create_collection()
    # The list is refilled first, the new collection selected once the refill has been shown.
    qtbot.waitUntil(
        lambda: [c.name for c in dock.collections] == ["Fresh"] and dock.selected_collection() is not None,
        timeout=10000,
    )
    assert dock.selected_collection().s3_bucket == "fresh-bucket"
    dock.rename_collection()
    qtbot.waitUntil(lambda: [c.name for c in dock.collections] == ["Renamed"], timeout=10000)


def test_register_dialog_groups_checks_configures_bands_and_registers(fake, dock, qtbot, tmp_path):
    for day in ("27", "28"):
        folder = tmp_path / "2019" / "11" / day / "33T"
        folder.mkdir(parents=True)
        for band in ("B04", "B08"):
            _utm_cog(folder / f"{band}.tif")
    fake.add_collection("Mosaics", "eu-bucket")
    dock.refresh_collections()
    _select(dock, qtbot, "Mosaics")
    keys = [f"2019/11/{d}/33T/{b}.tif" for d in ("27", "28") for b in ("B04", "B08")]
    dock.pending_entries, dock.pending_bucket = keys, str(tmp_path)
    dialog = dock.open_register_dialog()
    assert isinstance(dialog, ByocRegisterDialog) and dialog.entries() == keys
    dialog.group()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=10000)
    assert dialog.entries() == ["2019/11/27/33T/(BAND).tif", "2019/11/28/33T/(BAND).tif"]
    assert dialog.groupLabel.text() == "2 tiles; band files: B04, B08"
    assert "2019/11/27/33T/(BAND).tif: B04 ← B04.tif, B08 ← B08.tif" in dialog.reportEdit.toPlainText()
    dialog.patternEdit.setText("%Y/%m/%d")
    dialog.coverCheck.setChecked(True)
    dialog.register()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=30000)
    report = dialog.reportEdit.toPlainText()
    assert "Pre-flight: 4 files checked" in report
    assert dialog.verdictLabel.text() == "Registered: 2 created, 0 already present, 0 failed."
    (collection,) = fake.state.collections.values()
    assert sorted(collection["additionalData"]["bands"]) == ["B04", "B08"]
    assert collection["additionalData"]["bands"]["B08"]["bitDepth"] == 16
    sent = {s.body["path"]: s.body for s in fake.requests("POST", "/tiles")}
    assert sent["2019/11/28/33T/(BAND).tif"]["sensingTime"] == "2019-11-28T00:00:00Z"
    assert (
        sent["2019/11/28/33T/(BAND).tif"]["coverGeometry"]["crs"]["properties"]["name"] == "urn:ogc:def:crs:EPSG::32633"
    )
    qtbot.waitUntil(lambda: len(dock.tiles) == 2, timeout=10000)  # the panel refreshed after the run
    dialog.close()


def test_register_dialog_stops_on_a_tile_missing_a_band_file(fake, dock, qtbot, tmp_path):
    fake.add_collection("Mosaics", "b")
    dock.refresh_collections()
    _select(dock, qtbot, "Mosaics")
    dock.pending_entries = ["a/B04.tif", "a/B08.tif", "b/B04.tif"]
    dialog = dock.open_register_dialog()
    dialog.preflightCheck.setChecked(False)
    dialog.register()  # object keys: grouped and explained first, nothing sent
    qtbot.waitUntil(lambda: dialog.task is None, timeout=10000)
    assert "Tile b/(BAND).tif lacks B08" in dialog.reportEdit.toPlainText()
    assert dialog.verdictLabel.text() == "Check the proposed tiles below before registering."
    assert dialog.entries() == ["a/(BAND).tif", "b/(BAND).tif"] and fake.requests("POST", "/tiles") == []
    dialog.register()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=10000)
    # The verdict sits above the report, in the error colour, and the bar does not claim a finished run.
    assert dialog.verdictLabel.text() == "Nothing was registered: fix the problems below first."
    assert error_colour(dialog.verdictLabel).name() in dialog.verdictLabel.styleSheet()
    assert dialog.reportEdit.toPlainText().startswith("Tile b/(BAND).tif lacks B08")
    assert dialog.progressBar.value() == 0
    assert fake.requests("POST", "/tiles") == []
    dialog.close()


def test_register_dialog_blocked_by_preflight_says_so_at_the_top(fake, dock, qtbot, tmp_path):
    folder = tmp_path / "2019" / "11" / "27" / "33T"
    folder.mkdir(parents=True)
    _utm_cog(folder / "B04.tif")
    gdal.Translate(str(folder / "B08.tif"), _utm_cog(tmp_path / "src.tif"), format="GTiff")  # strips: not a COG
    fake.add_collection("Mosaics", "eu-bucket")
    dock.refresh_collections()
    _select(dock, qtbot, "Mosaics")
    dock.pending_entries = ["2019/11/27/33T/B04.tif", "2019/11/27/33T/B08.tif"]
    dock.pending_bucket = str(tmp_path)
    dialog = dock.open_register_dialog()
    dialog.bandsCheck.setChecked(False)
    for _grouping_then_registering in range(2):
        dialog.register()
        qtbot.waitUntil(lambda: dialog.task is None, timeout=30000)
    assert dialog.verdictLabel.text() == "Nothing was registered: fix the problems below first."
    assert dialog.progressBar.value() == 0  # not 100 %: nothing was registered
    assert "ERROR" in dialog.reportEdit.toPlainText() and "B08.tif" in dialog.reportEdit.toPlainText()
    assert fake.requests("POST", "/tiles") == []
    dialog.close()


def test_register_dialog_explains_files_grouped_only_because_they_share_a_folder(fake, dock, qtbot):
    fake.add_collection("Mosaics", "b")
    dock.refresh_collections()
    _select(dock, qtbot, "Mosaics")
    dock.pending_entries = ["dem/terrain_small.tif", "dem/roads_overview.tif"]
    dialog = dock.open_register_dialog()
    dialog.register()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=10000)
    report = dialog.reportEdit.toPlainText()
    assert "were grouped into one tile, dem/(BAND).tif, only because they share a folder" in report
    assert "terrain_small ← terrain_small.tif" in report
    assert dialog.verdictLabel.text() == "Check the proposed tiles below before registering."
    assert dialog.groupLabel.text().startswith("1 tile;")  # not "1 tiles"
    assert fake.requests("POST", "/tiles") == []
    dialog.close()


def test_bucket_browser_entry_point_waits_for_a_collection(fake, saved, qgis_iface, qtbot):
    panel = open_byoc_registration(qgis_iface, ["s3://eu-bucket/2019/11/27/33T/B04.tif"], "s3://eu-bucket")
    try:
        panel.reload_connections("Fake SH")
        assert panel.pending_entries == ["s3://eu-bucket/2019/11/27/33T/B04.tif"]
        assert "select or create the target collection" in panel.messageLabel.text() or panel.client is not None
    finally:
        qtbot.waitUntil(lambda: not panel.busy(), timeout=10000)
        byoc_dock.close_byoc_dock(qgis_iface)


def test_cancel_in_the_register_dialog_stops_sending_and_a_rerun_resumes(fake, dock, qtbot):
    fake.state.latency = 0.02
    fake.add_collection("Mosaics", "b")
    dock.refresh_collections()
    _select(dock, qtbot, "Mosaics")
    paths = [f"t/{n:03d}/(BAND).tif" for n in range(150)]
    dock.pending_entries = paths
    dialog = dock.open_register_dialog()
    dialog.preflightCheck.setChecked(False)
    dialog.register()
    qtbot.waitUntil(lambda: len(fake.requests("POST", "/tiles")) >= 10, timeout=10000)
    assert dialog.cancelButton.isEnabled()
    dialog.cancelButton.click()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=10000)
    assert "not sent (cancelled)" in dialog.verdictLabel.text()
    sent = len(fake.requests("POST", "/tiles"))
    assert 10 <= sent < 150
    dialog.register()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=20000)
    assert dialog.verdictLabel.text() == f"Registered: {150 - sent} created, {sent} already present, 0 failed."
    assert sorted(fake.state.created_paths.values()) == [1] * 150
    dialog.close()


def test_a_published_band_tile_registers_as_its_band_path(fake, dock, qtbot, objectstore, bucket_name, tmp_path):
    """Publish's split bands on the real object store, then the register dialog as Publish opens it."""
    from cogport.plugin.core.publish import PublishSettings, publish_file
    from cogport.tests.support.stores import create_bucket, s3_connection, write_test_cog

    connection, credentials = s3_connection(objectstore)
    folder = create_bucket(connection, credentials, bucket_name).child("pub/")
    scene = write_test_cog(tmp_path / "scene.tif", 1100, 900, 3)
    outcome = publish_file(
        str(scene), PublishSettings(folder, profile="byoc", split_bands=True), connection, credentials
    )
    fake.add_collection("Scenes", bucket_name)
    dock.refresh_collections()
    _select(dock, qtbot, "Scenes")
    dock.pending_tiles, dock.pending_bucket = [outcome.tile], f"s3://{bucket_name}"
    dialog = dock.open_register_dialog()
    assert dialog.entries() == ["pub/scene_(BAND).tif"]
    dialog.sensingEdit.setText("2024-05-01T10:00:00Z")
    dialog.register()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=30000)
    report = dialog.reportEdit.toPlainText()
    assert "Pre-flight: 3 files checked" in report
    assert "1 created, 0 already present, 0 failed." in dialog.verdictLabel.text()
    (collection,) = fake.state.collections.values()
    assert sorted(collection["additionalData"]["bands"]) == ["B01", "B02", "B03"]
    assert [s.body["path"] for s in fake.requests("POST", "/tiles")] == ["pub/scene_(BAND).tif"]
    dialog.close()
