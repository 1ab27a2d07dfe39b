"""The Convert to COG dialog: prefilled from other parts, runs a task, reports failures, adds layers."""

from __future__ import annotations

from pathlib import Path

import pytest
from osgeo import gdal
from qgis.core import QgsProject, QgsRasterLayer
from qgis.PyQt.QtCore import Qt

from cogport.plugin.qgis.cog.convert_dialog import PROGRESS, RESULT, close_convert_dialog, open_convert_dialog
from cogport.plugin.qgis.common.colours import error_colour
from cogport.tests.support.rasters import make_raster


@pytest.fixture
def dialog(qgis_iface, qgis_new_project):
    yield lambda *args, **kwargs: open_convert_dialog(qgis_iface, *args, **kwargs)
    close_convert_dialog()


@pytest.fixture
def rasters(tmp_path):
    good = make_raster(str(tmp_path / "good.tif"), 900, 700, 3, "UInt16")
    whole = Path(make_raster(str(tmp_path / "whole.tif"), 1500, 1500, 3, "UInt16"))
    broken = tmp_path / "broken.tif"
    broken.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    return good, str(broken)


def test_opens_prefilled_with_paths_and_profile(dialog, rasters):
    shown = dialog(list(rasters), "byoc")
    assert shown.sources() == list(rasters)
    assert shown.profile == "byoc"
    assert "1024-pixel tiles" in shown.profileDescription.text()
    assert shown.destinationEdit.text() == str(Path(rasters[0]).parent / "cog")
    assert shown.noticeLabel.isHidden() and shown.uploadBackCheck.isHidden()  # local files only


def test_each_opening_starts_fresh(dialog, rasters, tmp_path, qtbot):
    first = dialog([rasters[0]], "byoc")
    first.destinationEdit.setText(str(tmp_path / "elsewhere"))
    task = first.start()
    first.convertButton.click()  # Cancel
    qtbot.waitUntil(lambda: first.task is None, timeout=60_000)
    assert task.cancelled and "cancelled" in first.statusLabel.text()
    first.close()
    # Opening again (e.g. from "Fix by converting"): no old destination, no "cancelled", no old rows.
    again = dialog([rasters[1]], "earthengine")
    assert again is not first
    assert again.sources() == [rasters[1]] and again.profile == "earthengine"
    assert again.destinationEdit.text() == str(Path(rasters[1]).parent / "cog")
    assert again.statusLabel.text() == "" and again.overallProgress.isHidden()


def test_converts_reports_the_failing_file_and_adds_results_to_the_map(dialog, rasters, tmp_path, qtbot):
    shown = dialog(list(rasters), "generic")
    shown.destinationEdit.setText(str(tmp_path / "out"))
    shown.overridesGroup.setChecked(True)
    shown.blockSizeCombo.setCurrentIndex(shown.blockSizeCombo.findData(256))
    bars = []
    shown.sourceList.model().dataChanged.connect(
        lambda first, _last, _roles: bars.append((first.row(), first.data(Qt.ItemDataRole.UserRole)))
        if first.column() == PROGRESS
        else None
    )
    overall = []
    shown.overallProgress.valueChanged.connect(overall.append)
    qtbot.mouseClick(shown.convertButton, Qt.LeftButton)
    assert shown.convertButton.text() == "Cancel" and shown.overallProgress.isVisible()
    qtbot.waitUntil(lambda: shown.task is None, timeout=120_000)
    assert shown.statusLabel.text() == "Converted 1 of 2 rasters."
    assert error_colour(shown.statusLabel).name() in shown.statusLabel.styleSheet()  # one file failed
    good_row, broken_row = shown.sourceList.topLevelItem(0), shown.sourceList.topLevelItem(1)
    assert good_row.text(RESULT) == "✔ converted." and good_row.toolTip(RESULT) == str(tmp_path / "out" / "good.tif")
    assert broken_row.text(RESULT).startswith("✘ Converting broken.tif to COG failed.")
    # A bar per file that moved through the conversion, and an overall bar that reached the end.
    good_values = [value for row, value in bars if row == 0]
    assert len(set(good_values)) > 0 and good_values[-1] == 100 and any(0 < v < 100 for v in good_values)
    assert [value for row, value in bars if row == 1][-1] == 100
    assert overall and overall[-1] == 100
    output = tmp_path / "out" / "good.tif"
    assert sorted(p.name for p in output.parent.iterdir()) == ["good.tif"]
    dataset = gdal.Open(str(output))
    assert dataset.GetRasterBand(1).GetBlockSize() == [256, 256]
    layers = [layer for layer in QgsProject.instance().mapLayers().values() if isinstance(layer, QgsRasterLayer)]
    assert [layer.source() for layer in layers] == [str(output)]


def test_bad_override_fields_are_explained_before_starting(dialog, rasters, tmp_path):
    shown = dialog([rasters[0]])
    shown.destinationEdit.setText(str(tmp_path / "out"))
    shown.overridesGroup.setChecked(True)
    shown.bandsEdit.setText("1,two")
    assert shown.start() is None
    assert "band list '1,two' is not valid" in shown.statusLabel.text()
    assert error_colour(shown.statusLabel).name() in shown.statusLabel.styleSheet()  # shown as an error
    assert shown.focusWidget() is shown.bandsEdit  # the field to correct
    shown.bandsEdit.setText("")
    shown.nodataEdit.setText("none")
    assert shown.start() is None
    assert "nodata value 'none' is not a number" in shown.statusLabel.text()
    assert shown.focusWidget() is shown.nodataEdit


def test_cancel_from_the_dialog_leaves_no_file(dialog, tmp_path, qtbot):
    big = make_raster(str(tmp_path / "big.tif"), 5000, 5000, 3, "UInt16")
    shown = dialog([big], "byoc")
    shown.destinationEdit.setText(str(tmp_path / "out"))
    task = shown.start()
    qtbot.waitUntil(lambda: task.progress() > 1, timeout=120_000)
    qtbot.mouseClick(shown.convertButton, Qt.LeftButton)
    qtbot.waitUntil(lambda: shown.task is None, timeout=60_000)
    assert "cancelled" in shown.statusLabel.text()
    assert list((tmp_path / "out").iterdir()) == []


def test_add_map_layers_lists_gdal_raster_layers(dialog, rasters, qgis_new_project):
    layer = QgsRasterLayer(rasters[0], "good")
    QgsProject.instance().addMapLayer(layer)
    shown = dialog()
    shown.set_sources([])
    shown.add_map_layers()
    assert shown.sources() == [rasters[0]]


def offered(combo):
    return [combo.itemData(index) for index in range(1, combo.count())]  # after "Profile default"


def test_overrides_offer_only_what_the_profile_accepts(dialog):
    shown = dialog()
    shown.set_profile("web")
    assert offered(shown.blockSizeCombo) == [256, 512]
    shown.set_profile("byoc")
    assert offered(shown.blockSizeCombo) == [256, 512, 1024, 2048]
    assert "JPEG" not in offered(shown.compressCombo) and "WEBP" not in offered(shown.compressCombo)
    assert {"DEFLATE", "LZW", "NONE"} <= set(offered(shown.compressCombo))
    shown.set_profile("earthengine")
    assert "PACKBITS" not in offered(shown.compressCombo) and "DEFLATE" in offered(shown.compressCombo)
    shown.set_profile("generic")
    assert {128, 4096} <= set(offered(shown.blockSizeCombo)) and "JPEG" in offered(shown.compressCombo)


def test_a_choice_survives_a_profile_change_only_while_the_new_profile_accepts_it(dialog):
    shown = dialog()
    shown.blockSizeCombo.setCurrentIndex(shown.blockSizeCombo.findData(512))
    shown.compressCombo.setCurrentIndex(shown.compressCombo.findData("JPEG"))
    shown.set_profile("web")
    assert shown.blockSizeCombo.currentData() == 512 and shown.compressCombo.currentData() == "JPEG"
    shown.set_profile("byoc")
    assert shown.blockSizeCombo.currentData() == 512 and shown.compressCombo.currentData() is None
