"""A prefix as one mosaic layer in QGIS: the Processing algorithm, the dock's action, and a reopened project."""

from __future__ import annotations

import zipfile

import numpy as np
import pytest
from osgeo import gdal
from qgis.core import QgsProject, QgsRasterLayer, QgsRectangle
from qgis.gui import QgsDataItemGuiContext
from qgis.PyQt.QtWidgets import QMenu

from cogport.plugin.core.storage.gdal_config import SCOPED_OPTIONS
from cogport.plugin.core.storage.listing import Entry
from cogport.plugin.qgis.storage.browser_items import ConnectionItem
from cogport.plugin.qgis.storage.layers import install_project_credentials
from cogport.tests.support.scenes import ORIGIN, PIXEL, SCENE, seed_scenes
from cogport.tests.support.stores import create_bucket, s3_connection

COLUMNS, ROWS = 4, 3


@pytest.fixture
def catalogue(objectstore, store, bucket_name):
    connection, credentials = s3_connection(objectstore, name="Local")
    store.save(connection, credentials)
    root = create_bucket(connection, credentials, bucket_name)
    seed_scenes(objectstore, bucket_name, "scenes/", COLUMNS, ROWS)
    gdal.ClearPathSpecificOptions()  # seeding applied the options; the algorithm and the dock apply their own
    return connection, credentials, root.child("scenes/")


def _browser_item(store, connection, bucket):
    return next(i for i in ConnectionItem(None, store, connection.name).createChildren() if i.name() == bucket)


def _scene_pixels(layer: QgsRasterLayer, column: int, row: int) -> np.ndarray:
    """The top left 64×64 pixels of scene (column, row), read through the layer at full resolution."""
    x0, y0 = ORIGIN[0] + column * SCENE * PIXEL, ORIGIN[1] - row * SCENE * PIXEL
    block = layer.dataProvider().block(1, QgsRectangle(x0, y0 - 64 * PIXEL, x0 + 64 * PIXEL, y0), 64, 64)
    return np.frombuffer(bytes(block.data()), dtype=np.uint8).reshape(64, 64)


def _expected(column: int, row: int) -> np.ndarray:
    yy, xx = np.mgrid[0:64, 0:64]
    return ((xx // 32 + yy // 32 + column * 7 + row * 13) % 200 + 20).astype("uint8")


def test_build_mosaic_algorithm_and_a_reopened_project_without_secrets(
    cogport_provider, qgis_new_project, store, catalogue, tmp_path
):
    import processing

    connection, credentials, prefix = catalogue
    result = processing.run(
        "cogport:build_mosaic",
        {"CONNECTION": "Local", "LOCATION": prefix.uri, "OUTPUT": str(tmp_path / "catalogue.vrt")},
    )
    assert result["SCENES"] == COLUMNS * ROWS and result["OUTPUT"] == str(tmp_path / "catalogue.vrt")
    layer = QgsRasterLayer(result["OUTPUT"], "catalogue", "gdal")
    assert layer.isValid() and (layer.width(), layer.height()) == (COLUMNS * SCENE, ROWS * SCENE)
    QgsProject.instance().addMapLayer(layer)
    QgsProject.instance().addMapLayer(QgsRasterLayer(result["OUTPUT"], "again", "gdal"))
    project_path = tmp_path / "mosaic.qgz"
    assert QgsProject.instance().write(str(project_path))
    with zipfile.ZipFile(project_path) as archive:
        text = b"".join(archive.read(name) for name in archive.namelist())
    assert credentials.secret.encode() not in text
    assert credentials.secret not in (tmp_path / "catalogue.vrt").read_text()

    remove = install_project_credentials(store)
    try:
        QgsProject.instance().clear()
        del layer
        SCOPED_OPTIONS.withdraw(connection.name)  # as in a fresh QGIS session
        store._credentials.clear()
        gdal.VSICurlClearCache()
        assert QgsProject.instance().read(str(project_path))
        reopened = QgsProject.instance().mapLayersByName("catalogue")[0]
        assert np.array_equal(_scene_pixels(reopened, 2, 1), _expected(2, 1)), "credentials restored on reopening"
    finally:
        remove()
        QgsProject.instance().clear()


def test_add_as_mosaic_in_the_bucket_dock_and_the_browser_panel(
    qgis_iface, qgis_new_project, qtbot, store, catalogue, monkeypatch, tmp_path
):
    import cogport

    connection, _credentials, prefix = catalogue
    monkeypatch.setattr(
        "cogport.plugin.qgis.storage.mosaic_layers.default_mosaic_path", lambda location: tmp_path / "dock.vrt"
    )
    plugin = cogport.classFactory(qgis_iface)
    plugin.initGui()
    try:
        entry = Entry(prefix, True)
        assert "Add as mosaic" in [action.text() for action in plugin.browser_dock.menu_for([entry]).actions()]
        (scenes_item,) = [i for i in _browser_item(store, connection, prefix.bucket).createChildren()]
        menu = QMenu()
        plugin.item_gui_provider.populateContextMenu(scenes_item, menu, [scenes_item], QgsDataItemGuiContext())
        next(a for a in menu.actions() if a.text() == "Add as mosaic").trigger()
        qtbot.waitUntil(lambda: len(QgsProject.instance().mapLayers()) == 2, timeout=60000)
        names = sorted(layer.name() for layer in QgsProject.instance().mapLayers().values())
        assert names == ["scenes", "scenes footprints"]
        footprints = QgsProject.instance().mapLayersByName("scenes footprints")[0]
        assert footprints.featureCount() == COLUMNS * ROWS
    finally:
        plugin.unload()
        QgsProject.instance().clear()
