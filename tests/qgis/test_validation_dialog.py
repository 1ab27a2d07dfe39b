"""The Validate COG dialog: findings with severity icons and fixes, profile switch, layer context action."""

from __future__ import annotations

from pathlib import Path

import pytest
from qgis.core import QgsProject, QgsRasterLayer
from qgis.PyQt.QtWidgets import QApplication

from cogport.plugin.qgis.cog.validation_dialog import ValidationDialog, install_layer_action, open_validation_dialog
from cogport.tests.support.tiff_corpus import cog, gtiff, source


@pytest.fixture
def files(tmp_path):
    good, striped = tmp_path / "good.tif", tmp_path / "striped.tif"
    cog(good, source())
    gtiff(striped, source(1500, 1100), "COMPRESS=DEFLATE")
    return str(good), str(striped)


def rows(dialog):
    tree = dialog.findingsTree
    result = {}
    for i in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(i)
        result[item.text(0)] = [(item.child(j).text(0), item.child(j).text(2)) for j in range(item.childCount())]
    return result


def wait_for_results(qtbot, dialog):
    qtbot.waitUntil(lambda: "file(s) are valid" in dialog.statusLabel.text(), timeout=20000)


def test_dialog_lists_findings_per_file_with_fixes(qgis_iface, qtbot, files):
    good, striped = files
    dialog = open_validation_dialog(qgis_iface, [good, striped], "generic")
    assert dialog.findingsTree.topLevelItemCount() == 0  # validation runs in a task, not in the click
    assert "Validating 2 file(s)" in dialog.statusLabel.text()
    wait_for_results(qtbot, dialog)
    assert dialog.statusLabel.text().startswith("1 of 2 file(s) are valid COGs for the 'generic' profile")
    found = rows(dialog)
    assert found[good] == []
    assert [code for code, _fix in found[striped]] == ["NOT_TILED", "NO_OVERVIEWS"]
    assert "gdal_translate -of COG" in found[striped][0][1]
    tree = dialog.findingsTree
    assert not tree.topLevelItem(0).icon(0).isNull() and not tree.topLevelItem(1).child(0).icon(0).isNull()
    assert "Not a valid COG" in tree.topLevelItem(1).text(1)
    dialog.close()


def test_changing_the_profile_revalidates(qgis_iface, qtbot, files):
    good, _striped = files
    dialog = open_validation_dialog(qgis_iface, [good])
    wait_for_results(qtbot, dialog)
    assert rows(dialog)[good] == []
    dialog.profileCombo.setCurrentIndex(dialog.profileCombo.findData("byoc"))
    qtbot.waitUntil(lambda: "valid COGs for the 'byoc' profile" in dialog.statusLabel.text(), timeout=20000)
    assert [code for code, _ in rows(dialog)[good]] == ["TILE_SIZE_NOT_RECOMMENDED"]
    assert "`byoc` profile" in rows(dialog)[good][0][1]
    dialog.close()


def test_unreadable_paths_show_a_clear_message_on_their_row(qgis_iface, qtbot, tmp_path, files):
    missing = str(tmp_path / "missing.tif")
    dialog = open_validation_dialog(qgis_iface, [missing, files[0]])
    wait_for_results(qtbot, dialog)
    item = dialog.findingsTree.topLevelItem(0)
    assert item.text(0) == missing and "does not exist" in item.text(1)
    assert "could not be read" in dialog.statusLabel.text()
    dialog.close()


def test_typed_paths_are_validated_from_the_menu_dialog(qgis_iface, qtbot, files):
    dialog = open_validation_dialog(qgis_iface)
    dialog.validateButton.click()
    assert "Enter a file path" in dialog.statusLabel.text()
    dialog.pathEdit.setText(f"{files[1]} ; {files[0]}")
    dialog.validateButton.click()
    wait_for_results(qtbot, dialog)
    assert set(rows(dialog)) == set(files)
    dialog.close()


def test_layer_context_action_validates_the_layer_file(qgis_iface, qtbot, files):
    remove = install_layer_action(qgis_iface)
    layer = QgsRasterLayer(files[1], "striped")
    QgsProject.instance().addMapLayer(layer)
    qgis_iface.setActiveLayer(layer)
    try:
        remove.action.trigger()
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, ValidationDialog) and w.isVisible()]
        assert len(dialogs) == 1
        wait_for_results(qtbot, dialogs[0])
        assert dialogs[0].paths == [files[1]]
        assert [code for code, _ in rows(dialogs[0])[files[1]]] == ["NOT_TILED", "NO_OVERVIEWS"]
        dialogs[0].close()
    finally:
        remove()
        QgsProject.instance().removeMapLayer(layer.id())


def test_plugin_offers_the_menu_entry_and_removes_the_layer_action(qgis_iface):
    import cogport

    plugin = cogport.classFactory(qgis_iface)
    plugin.initGui()
    try:
        entry = next(a for a in plugin.actions if a.text() == "Validate COG…")
        entry.trigger()
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, ValidationDialog) and w.isVisible()]
        assert dialogs and dialogs[-1].paths == []
        dialogs[-1].close()
    finally:
        plugin.unload()
    assert qgis_iface.removeCustomActionForLayerType.called


def test_bucket_objects_are_validated_by_their_uri(qgis_iface, qtbot, objectstore, bucket_name, files):
    from cogport.tests.support.stores import create_bucket, put_file, s3_connection

    location = create_bucket(*s3_connection(objectstore), bucket_name).child("scene.tif")
    put_file(location, files[0])
    dialog = open_validation_dialog(qgis_iface, [location], "earthengine")
    wait_for_results(qtbot, dialog)
    assert dialog.paths == [f"s3://{bucket_name}/scene.tif"]
    found = rows(dialog)[f"s3://{bucket_name}/scene.tif"]
    assert [code for code, _ in found] == ["URI_NOT_GCS"]
    assert dialog.findingsTree.topLevelItem(0).text(1).startswith("Not a valid COG for 'earthengine'")
    dialog.close()


def test_fix_by_converting_opens_the_conversion_with_the_invalid_files_and_profile(qgis_iface, qtbot, files):
    from cogport.plugin.qgis.cog.convert_dialog import ConvertDialog, close_convert_dialog

    good, striped = files
    dialog = open_validation_dialog(qgis_iface, [good, striped], "earthengine")
    wait_for_results(qtbot, dialog)
    assert dialog.fixButton.isVisible() and dialog.fixButton.isEnabled()
    dialog.fixButton.click()
    converts = [w for w in QApplication.topLevelWidgets() if isinstance(w, ConvertDialog) and w.isVisible()]
    try:
        assert len(converts) == 1
        assert converts[0].sources() == [striped] and converts[0].profile == "earthengine"
    finally:
        close_convert_dialog()
        dialog.close()


def test_fix_by_converting_does_not_queue_a_cut_short_file_and_says_why(qgis_iface, qtbot, files, tmp_path):
    good, _striped = files
    cut = tmp_path / "cut.tif"
    cut.write_bytes(Path(good).read_bytes()[:-1])
    dialog = open_validation_dialog(qgis_iface, [str(cut)])
    wait_for_results(qtbot, dialog)
    assert [code for code, _fix in rows(dialog)[str(cut)]] == ["FILE_INCOMPLETE"]
    assert "copy or upload it again" in rows(dialog)[str(cut)][0][1]
    assert dialog.fix_by_converting() is None  # converting cannot restore missing tiles
    assert "FILE_INCOMPLETE" in dialog.statusLabel.text()
    dialog.close()


def test_fix_button_is_disabled_when_everything_is_valid(qgis_iface, qtbot, files):
    dialog = open_validation_dialog(qgis_iface, [files[0]])
    wait_for_results(qtbot, dialog)
    assert not dialog.fixButton.isEnabled()
    dialog.close()


def test_fix_by_converting_leaves_out_what_conversion_cannot_fix_and_says_why(qgis_iface, qtbot, files, tmp_path):
    from cogport.plugin.qgis.cog.convert_dialog import close_convert_dialog

    _good, striped = files
    ungeoreferenced = str(tmp_path / "no_crs.tif")
    cog(ungeoreferenced, source(epsg=0), "COMPRESS=DEFLATE", "BLOCKSIZE=512")
    dialog = open_validation_dialog(qgis_iface, [striped, ungeoreferenced], "earthengine")
    wait_for_results(qtbot, dialog)
    try:
        convert = dialog.fix_by_converting()
        assert convert.sources() == [striped]
        notice = convert.noticeLabel.text()
        assert convert.noticeLabel.isVisibleTo(convert)
        assert "converting cannot fix" in notice and "no_crs.tif — NOT_GEOREFERENCED" in notice
        assert "gdal_translate -a_srs" in notice  # the fix that does work
        assert convert.uploadBackCheck.isHidden() and "bucket" not in notice  # local files stay local
        # Only the file conversion cannot fix: nothing opens, the dialog says why.
        dialog.pathEdit.setText(ungeoreferenced)
        dialog.validate()
        wait_for_results(qtbot, dialog)
        assert dialog.fixButton.isEnabled() and dialog.fix_by_converting() is None
        assert "NOT_GEOREFERENCED" in dialog.statusLabel.text()
    finally:
        close_convert_dialog()
        dialog.close()


def test_fix_by_converting_bucket_objects_says_they_become_local_copies_and_uploads_them_back(
    qgis_iface, qtbot, store, objectstore, bucket_name, files, tmp_path
):
    from cogport.plugin.core.cog.validate import validate_cog
    from cogport.plugin.qgis.cog.convert_dialog import close_convert_dialog
    from cogport.tests.support.stores import create_bucket, put_file, read_object, s3_connection

    connection, credentials = s3_connection(objectstore)
    connection = store.save(connection, credentials)
    store.activate(connection, bucket_name)  # as the bucket dock does before its actions run
    location = create_bucket(connection, credentials, bucket_name).child("scenes/striped.tif")
    put_file(location, files[1])
    dialog = open_validation_dialog(qgis_iface, [location], "generic")
    wait_for_results(qtbot, dialog)
    try:
        convert = dialog.fix_by_converting()
        assert convert.sources() == [location.vsi_path]
        assert "1 bucket object(s) will be converted into local copies" in convert.noticeLabel.text()
        assert convert.uploadBackCheck.isVisibleTo(convert) and not convert.uploadBackCheck.isChecked()
        asked = []
        convert.ask = lambda title, text, choices: asked.append(text) or "overwrite"
        convert.destinationEdit.setText(str(tmp_path / "local"))
        convert.uploadBackCheck.setChecked(True)
        convert.start()
        qtbot.waitUntil(lambda: convert.task is None, timeout=60_000)
        assert (tmp_path / "local" / "striped.tif").exists()  # the local copy
        assert f"back to s3://{bucket_name}/scenes/" in convert.statusLabel.text()
        (run,) = convert.upload_runs
        qtbot.waitUntil(lambda: bool(run.outcomes[0].uploads), timeout=60_000)
        assert "striped.tif" in asked[0]  # asked before replacing the object
        assert read_object(location.vsi_path) == (tmp_path / "local" / "striped.tif").read_bytes()
        assert validate_cog(location.vsi_path, "generic").valid
    finally:
        close_convert_dialog()
        dialog.close()
