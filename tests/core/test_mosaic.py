"""A prefix of COGs as one mosaic: built from headers read in parallel, opened scene by scene as views need them."""

from __future__ import annotations

import dataclasses
import re

import pytest
from osgeo import gdal, ogr

from cogport.plugin.core.cog.mosaic import build_prefix_mosaic, mosaic_source_prefixes
from cogport.plugin.core.errors import CogportError
from cogport.tests.support.latency_proxy import LatencyProxy
from cogport.tests.support.scenes import PIXEL, SCENE, seed_scenes
from cogport.tests.support.stores import create_bucket, put_bytes, s3_connection

COLUMNS, ROWS = 6, 5


@pytest.fixture(scope="module")
def catalogue(objectstore):
    """30 scenes of 512² on a 6 × 5 grid under one prefix, beside a text file and a sub-prefix."""
    connection, credentials = s3_connection(objectstore)
    bucket = "mosaic-catalogue"
    root = create_bucket(connection, credentials, bucket)
    seed_scenes(objectstore, bucket, "scenes/", COLUMNS, ROWS)
    put_bytes(root.child("scenes/readme.txt"), b"not a raster")
    return connection, credentials, root.child("scenes/")


@pytest.fixture
def proxied(objectstore, catalogue):
    connection, credentials, prefix = catalogue
    with LatencyProxy(objectstore.endpoint, delay=0) as proxy:
        from cogport.plugin.core.storage.gdal_config import SCOPED_OPTIONS

        via = dataclasses.replace(connection, endpoint=proxy.endpoint)
        SCOPED_OPTIONS.apply(via, credentials, prefix.bucket)
        yield proxy, via, credentials, prefix
    gdal.VSICurlClearCache()


def _scenes_read(proxy) -> set:
    """The scene objects a read touched (any request to them, the header included)."""
    return {path for path in proxy.snapshot().paths if path.endswith(".tif")}


def test_the_mosaic_covers_every_scene_and_holds_no_secret(proxied, tmp_path):
    proxy, connection, credentials, prefix = proxied
    mosaic = build_prefix_mosaic(connection, credentials, prefix, tmp_path / "scenes.vrt")
    assert mosaic.scenes == COLUMNS * ROWS and mosaic.skipped == []
    text = mosaic.vrt.read_text()
    assert credentials.secret not in text and credentials.identity not in text
    assert text.count('<SourceFilename relativeToVRT="0">/vsis3/mosaic-catalogue/scenes/') == COLUMNS * ROWS
    assert mosaic_source_prefixes(str(mosaic.vrt)) == ["/vsis3/mosaic-catalogue"]
    dataset = gdal.Open(str(mosaic.vrt))
    assert (dataset.RasterXSize, dataset.RasterYSize) == (COLUMNS * SCENE, ROWS * SCENE)
    assert dataset.GetGeoTransform()[1] == PIXEL
    source = ogr.Open(str(mosaic.footprints))
    assert source.GetLayer("footprints").GetFeatureCount() == COLUMNS * ROWS
    requests = [target for target, _ in proxy.snapshot().ranges if target.endswith(".tif")]
    assert len(requests) <= 2 * COLUMNS * ROWS, "a header read and a smallest-overview read per scene at most"


def test_a_full_resolution_view_opens_only_the_scenes_it_touches(proxied, tmp_path):
    proxy, connection, credentials, prefix = proxied
    mosaic = build_prefix_mosaic(connection, credentials, prefix, tmp_path / "scenes.vrt")
    gdal.VSICurlClearCache()  # as in a new QGIS session: nothing of the scenes in memory
    proxy.reset()
    dataset = gdal.Open(str(mosaic.vrt))
    assert proxy.snapshot().requests == 0, "opening the mosaic reads no scene"
    # A 700×600 window across the corner of scenes (1,1), (2,1), (1,2) and (2,2).
    dataset.ReadRaster(SCENE + 200, SCENE + 300, 700, 600)
    touched = _scenes_read(proxy)
    assert touched == {f"/mosaic-catalogue/scenes/scene-{r:03d}-{c:03d}.tif" for r in (1, 2) for c in (1, 2)}


def test_the_full_extent_reads_no_scene_only_the_mosaics_own_overview(proxied, tmp_path):
    proxy, connection, credentials, prefix = proxied
    mosaic = build_prefix_mosaic(connection, credentials, prefix, tmp_path / "scenes.vrt")
    gdal.VSICurlClearCache()
    proxy.reset()
    dataset = gdal.Open(str(mosaic.vrt))
    full = dataset.ReadRaster(0, 0, dataset.RasterXSize, dataset.RasterYSize, 640, 533)
    assert proxy.snapshot().requests == 0
    overview = gdal.Open(str(mosaic.overview))
    assert overview.ReadRaster(0, 0, overview.RasterXSize, overview.RasterYSize, 640, 533) == full
    band = dataset.GetRasterBand(1)
    smallest = SCENE // 2  # the scenes' own smallest overview: 256 pixels, one tile
    assert band.GetOverviewCount() == 1 and band.GetOverview(0).XSize == COLUMNS * smallest


def test_a_prefix_without_rasters_says_so(proxied, tmp_path):
    _proxy, connection, credentials, prefix = proxied
    with pytest.raises(CogportError, match=re.escape("no raster under")):
        build_prefix_mosaic(connection, credentials, prefix.child("nothing-here/"), tmp_path / "none.vrt")
    assert not (tmp_path / "none.vrt").exists()
