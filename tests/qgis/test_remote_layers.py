"""Remote layers through /vsis3/ and /vsiswift/: add, render, save, reopen."""

from __future__ import annotations

import zipfile

import numpy as np
import pytest
from osgeo import gdal
from qgis.core import QgsProject

from cogport.plugin.core.errors import CogportError
from cogport.plugin.core.storage.gdal_config import SCOPED_OPTIONS
from cogport.plugin.core.storage.uri import ObjectLocation
from cogport.plugin.qgis.storage.layers import add_remote_layer, install_project_credentials, location_from_user_text
from cogport.tests.support.stores import create_bucket, put_file, s3_connection, swift_connection, write_byte_cog

from .rendering import render_gray

APIS = {"s3": s3_connection, "swift": swift_connection}


@pytest.fixture(params=sorted(APIS))
def saved_connection(request, objectstore, store):
    connection, credentials = APIS[request.param](objectstore)
    return store.save(connection, credentials), credentials


@pytest.fixture
def remote_cog(saved_connection, bucket_name, tmp_path):
    connection, credentials = saved_connection
    values = write_byte_cog(tmp_path / "gradient.tif")
    location = create_bucket(connection, credentials, bucket_name).child("scenes/gradient.tif")
    put_file(location, tmp_path / "gradient.tif")
    gdal.ClearPathSpecificOptions()
    return connection, location, values


def test_layer_renders_the_source_pixels(qgis_new_project, store, remote_cog):
    connection, location, values = remote_cog
    layer = add_remote_layer(store, connection, location)
    assert layer.source() == location.vsi_path
    assert np.array_equal(render_gray(layer, 300, 200), values)


def test_viewing_a_layer_never_writes_into_the_bucket(qgis_new_project, store, remote_cog):
    connection, location, _values = remote_cog
    layer = add_remote_layer(store, connection, location)
    layer.dataProvider().bandStatistics(1)  # what QGIS does for stretches; GDAL marks PAM dirty
    render_gray(layer, 150, 100)
    QgsProject.instance().removeAllMapLayers()
    del layer
    gdal.VSICurlClearCache()
    assert gdal.ReadDir(f"/{location.handler}/{location.bucket}/scenes") == ["gradient.tif"]


def test_add_by_uri_uses_the_selected_connection_then_remembers_the_bucket(qgis_new_project, store, remote_cog):
    connection, location, _values = remote_cog
    with pytest.raises(CogportError) as info:
        location_from_user_text(store, location.uri, None)
    assert "connection" in info.value.check
    found, parsed = location_from_user_text(store, location.vsi_path, connection)
    assert (found.name, parsed) == (connection.name, location)
    add_remote_layer(store, found, parsed)
    assert location_from_user_text(store, location.uri, None)[0].name == connection.name


def test_missing_object_gives_a_clear_message(qgis_new_project, store, remote_cog):
    connection, location, _values = remote_cog
    with pytest.raises(CogportError) as info:
        add_remote_layer(store, connection, location.child("-missing.tif"))
    assert info.value.user_message == (
        f"'{location.uri}-missing.tif' could not be opened through connection '{connection.name}' "
        f"(bucket '{location.bucket}'): the bucket answers, the object is no raster. "
        "Check that the object exists and is a GeoTIFF/COG."
    )


def test_add_by_uri_on_a_bucket_the_connection_lacks_names_connection_and_bucket(
    qgis_new_project, store, remote_cog, bucket_name
):
    connection, location, _values = remote_cog
    elsewhere = ObjectLocation(location.handler, f"{bucket_name}-elsewhere", location.key)
    with pytest.raises(CogportError) as info:
        add_remote_layer(store, connection, elsewhere)
    message = info.value.user_message
    assert message.startswith(
        f"'{elsewhere.uri}' could not be opened through connection '{connection.name}' "
        f"(bucket '{elsewhere.bucket}'): The "
    )
    assert "does not exist" in message and QgsProject.instance().count() == 0


def test_saved_project_has_no_secret_and_reopens_without_prompting(
    qgis_new_project, store, remote_cog, tmp_path, saved_connection
):
    connection, location, values = remote_cog
    _connection, credentials = saved_connection
    remove = install_project_credentials(store)
    try:
        add_remote_layer(store, connection, location)
        project_path = tmp_path / "remote.qgz"
        assert QgsProject.instance().write(str(project_path))
        with zipfile.ZipFile(project_path) as archive:
            text = b"".join(archive.read(name) for name in archive.namelist())
        assert credentials.secret.encode() not in text and location.vsi_path.encode() in text

        QgsProject.instance().clear()
        SCOPED_OPTIONS.withdraw(connection.name)  # as in a fresh QGIS session
        store._credentials.clear()
        gdal.VSICurlClearCache()
        assert QgsProject.instance().read(str(project_path))
        (layer,) = QgsProject.instance().mapLayers().values()
        assert layer.isValid()
        assert np.array_equal(render_gray(layer, 300, 200), values)
        layer.dataProvider().bandStatistics(1)  # stats on a reopened layer must not be written back either
        QgsProject.instance().clear()
        del layer
        gdal.VSICurlClearCache()
        assert gdal.ReadDir(f"/{location.handler}/{location.bucket}/scenes") == ["gradient.tif"]
    finally:
        remove()
