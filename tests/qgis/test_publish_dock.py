"""The Publish dock against the real server: per-file steps, one failure does not stop the others, the summary."""

from __future__ import annotations

from osgeo import gdal

from cogport.plugin.core.publish import ConvertPolicy
from cogport.plugin.qgis.common.progress_column import PERCENT_ROLE
from cogport.plugin.qgis.publish.publish_dock import PROGRESS, PublishDock, gdal_settings_label, open_publish_dock
from cogport.tests.support.stores import create_bucket, s3_connection, use_gdal_settings, write_test_cog


def table(dock):
    """File, step and status of each row (the progress column draws a bar)."""
    return [[dock.filesTable.item(row, col).text() for col in (0, 1, 3)] for row in range(dock.filesTable.rowCount())]


def test_publish_uploads_valid_files_and_stops_invalid_ones_alone(
    qgis_iface, qtbot, objectstore, bucket_name, tmp_path
):
    connection, credentials = s3_connection(objectstore)
    create_bucket(connection, credentials, bucket_name)
    use_gdal_settings(connection, credentials, bucket_name)  # GDAL settings for the bucket: no saved connection
    good = write_test_cog(tmp_path / "good.tif", 256, 256, 1)
    striped = tmp_path / "striped.tif"
    gdal.Translate(str(striped), str(write_test_cog(tmp_path / "big.tif", 1500, 1100, 1)), format="GTiff")
    dock = PublishDock(qgis_iface, ask=lambda *args: "unused")
    qtbot.addWidget(dock)
    notes = tmp_path / "notes.tif"
    notes.write_text("a text file with a raster's name")
    # Only local rasters are taken: a missing path and a text file are refused before anything runs.
    assert dock.add_paths([str(good), str(striped), "/not/here.tif", str(notes)]) == ["/not/here.tif", str(notes)]
    assert dock.paths == [str(good), str(striped)]
    dock.connectionCombo.setCurrentText(gdal_settings_label())
    dock.destinationEdit.setText(f"s3://{bucket_name}/published")
    dock.convertCombo.setCurrentIndex(dock.convertCombo.findData(ConvertPolicy.NEVER))
    assert "BYOC" in dock.registerCheck.text() and dock.registerCheck.isEnabled()  # s3:// destinations
    dock.destinationEdit.setText(f"/vsiswift/{bucket_name}/published")
    assert not dock.registerCheck.isEnabled()  # nothing registers Swift objects
    dock.destinationEdit.setText(f"s3://{bucket_name}/published")
    assert dock.profileCombo.currentText() == "Generic COG" and dock.settings().profile == "generic"  # titles
    run = dock.publish()
    assert not dock.publishButton.isEnabled() and not dock.overallProgress.isHidden()
    with qtbot.waitSignal(run.finished, timeout=60000):
        pass
    # A full bar for the uploaded file; none for the failed one (a full bar would read as success).
    assert [dock.filesTable.item(row, PROGRESS).data(PERCENT_ROLE) for row in range(2)] == [100, None]
    assert dock.overallProgress.value() == 100
    rows = table(dock)
    assert rows[0][:2] == ["good.tif", "uploaded"] and rows[0][2] == f"s3://{bucket_name}/published/good.tif"
    assert rows[1][:2] == ["striped.tif", "failed"] and "not a valid COG for the 'generic' profile" in rows[1][2]
    summary = dock.summaryText.toPlainText()
    assert summary.startswith(f"Uploaded 1 of 2 file(s) to s3://{bucket_name}/published/")
    assert f"good.tif → s3://{bucket_name}/published/good.tif" in summary and "✘ striped.tif" in summary
    assert dock.publishButton.isEnabled()
    gdal.VSICurlClearCache()
    assert gdal.VSIStatL(f"/vsis3/{bucket_name}/published/good.tif").size == good.stat().st_size


def test_bad_destination_is_explained(qgis_iface, qtbot, tmp_path):
    dock = PublishDock(qgis_iface)
    qtbot.addWidget(dock)
    dock.add_paths([str(write_test_cog(tmp_path / "a.tif", 64, 64, 1))])
    dock.destinationEdit.setText("ftp://nowhere/x")
    assert dock.publish() is None
    assert "not an object location" in dock.summaryText.toPlainText()


def test_menu_opens_one_dock_with_files_and_destination(qgis_iface, tmp_path):
    from cogport.plugin.core.storage.uri import ObjectLocation

    path = str(write_test_cog(tmp_path / "a.tif", 64, 64, 1))
    dock = open_publish_dock(qgis_iface, [path], ObjectLocation("vsigs", "bucket", "cogs/"))
    assert open_publish_dock(qgis_iface) is dock
    assert dock.paths == [path] and dock.destinationEdit.text() == "gs://bucket/cogs/"
    assert dock.registerCheck.isEnabled() and "Earth Engine" in dock.registerCheck.text()


def test_publish_through_a_saved_connection(qgis_iface, qtbot, store, objectstore, bucket_name, tmp_path):
    from cogport.tests.support.stores import read_object, swift_connection

    connection, credentials = swift_connection(objectstore)
    saved = store.save(connection, credentials)
    create_bucket(connection, credentials, bucket_name)
    gdal.ClearPathSpecificOptions()
    good = write_test_cog(tmp_path / "good.tif", 128, 128, 1)
    dock = PublishDock(qgis_iface)
    qtbot.addWidget(dock)
    assert dock.connectionCombo.findText(saved.name) >= 0
    dock.connectionCombo.setCurrentText(saved.name)
    dock.add_paths([str(good)])
    dock.destinationEdit.setText(f"/vsiswift/{bucket_name}/pub/")
    run = dock.publish()
    with qtbot.waitSignal(run.finished, timeout=60000):
        pass
    assert table(dock)[0][1:] == ["uploaded", f"swift://{bucket_name}/pub/good.tif"]
    assert read_object(f"/vsiswift/{bucket_name}/pub/good.tif") == good.read_bytes()


def test_split_bands_publish_every_band_file_and_register_their_band_tile(
    qgis_iface, qtbot, objectstore, bucket_name, tmp_path, monkeypatch
):
    from cogport.plugin.qgis.byoc import byoc_dock

    registered = []
    monkeypatch.setattr(byoc_dock, "open_byoc_registration", lambda *args: registered.append(args))
    connection, credentials = s3_connection(objectstore)
    create_bucket(connection, credentials, bucket_name)
    use_gdal_settings(connection, credentials, bucket_name)  # GDAL's own settings, not Cogport's
    scene = write_test_cog(tmp_path / "scene.tif", 600, 500, 3)
    dock = PublishDock(qgis_iface, ask=lambda *args: "unused")
    qtbot.addWidget(dock)
    dock.add_paths([str(scene)])
    dock.connectionCombo.setCurrentText(gdal_settings_label())
    dock.destinationEdit.setText(f"s3://{bucket_name}/published/")
    dock.profileCombo.setCurrentText("byoc")
    dock.splitBandsCheck.setChecked(True)
    dock.registerCheck.setChecked(True)
    run = dock.publish()
    with qtbot.waitSignal(run.finished, timeout=60000):
        pass
    tile_uri = f"s3://{bucket_name}/published/scene_(BAND).tif"
    assert table(dock)[0] == ["scene.tif", "uploaded", tile_uri]
    assert f"scene.tif → {tile_uri} (3 band files)" in dock.summaryText.toPlainText()
    gdal.VSICurlClearCache()
    assert sorted(gdal.ReadDir(f"/vsis3/{bucket_name}/published")) == [
        "scene_B01.tif",
        "scene_B02.tif",
        "scene_B03.tif",
    ]
    ((_iface, singles, bucket, tiles),) = registered
    assert singles == [] and bucket == f"s3://{bucket_name}"
    assert [(t.template, sorted(t.files)) for t in tiles] == [("published/scene_(BAND).tif", ["B01", "B02", "B03"])]


def test_a_missing_bucket_fails_the_run_before_any_question(qgis_iface, qtbot, objectstore, tmp_path):
    connection, credentials = s3_connection(objectstore)
    use_gdal_settings(connection, credentials, "no-such-bucket-pub")
    striped = tmp_path / "striped.tif"
    gdal.Translate(str(striped), str(write_test_cog(tmp_path / "big.tif", 1500, 1100, 1)), format="GTiff")

    def ask(title, text, choices):
        raise AssertionError(f"asked {title!r} although the destination does not exist")

    dock = PublishDock(qgis_iface, ask=ask)
    qtbot.addWidget(dock)
    dock.add_paths([str(striped)])
    dock.connectionCombo.setCurrentText(gdal_settings_label())
    dock.destinationEdit.setText("s3://no-such-bucket-pub/cogs/")
    run = dock.publish()
    with qtbot.waitSignal(run.finished, timeout=60000):
        pass
    (row,) = table(dock)
    assert row[1] == "failed" and "'no-such-bucket-pub' does not exist" in row[2]
    assert "Uploaded 0 of 1" in dock.summaryText.toPlainText()


def test_a_dropped_text_file_is_refused_before_anything_is_asked(qgis_iface, tmp_path):
    from cogport.plugin.core.storage.uri import ObjectLocation
    from cogport.plugin.qgis.publish.upload_flow import upload_files

    notes = tmp_path / "notes.txt"
    notes.write_text("not a raster")
    asked = []
    run = upload_files(
        qgis_iface, "unused", ObjectLocation("vsis3", "bucket", "cogs/"), [str(notes)], ask=lambda *a: asked.append(a)
    )
    assert run is None and asked == []


def test_each_file_shows_its_progress_and_the_run_its_total(qgis_iface, qtbot, objectstore, bucket_name, tmp_path):
    connection, credentials = s3_connection(objectstore)
    create_bucket(connection, credentials, bucket_name)
    use_gdal_settings(connection, credentials, bucket_name)  # GDAL's own settings, not Cogport's
    striped = tmp_path / "striped.tif"
    gdal.Translate(str(striped), str(write_test_cog(tmp_path / "big.tif", 2000, 2000, 3)), format="GTiff")
    dock = PublishDock(qgis_iface, ask=lambda title, text, choices: "convert")
    qtbot.addWidget(dock)
    dock.add_paths([str(striped), str(write_test_cog(tmp_path / "small.tif", 256, 256, 1))])
    dock.connectionCombo.setCurrentText(gdal_settings_label())
    dock.destinationEdit.setText(f"s3://{bucket_name}/progress/")
    run = dock.publish()
    rows, overall = [], []
    run.progressChanged.connect(lambda row, percent: rows.append((row, percent)))
    run.overallChanged.connect(overall.append)
    with qtbot.waitSignal(run.finished, timeout=120000):
        pass
    converting = [percent for row, percent in rows if row == 0]
    assert any(0 < percent < 100 for percent in converting) and converting == sorted(converting)
    assert converting[-1] == 100 and [p for row, p in rows if row == 1][-1] == 100
    assert any(0 < percent < 100 for percent in overall) and overall[-1] == 100 and overall == sorted(overall)
    assert [dock.filesTable.item(row, PROGRESS).data(PERCENT_ROLE) for row in range(2)] == [100, 100]
