"""Tiles from bucket objects: grouping, sensing times, band configuration, cover geometry, footprints."""

from __future__ import annotations

import json

import numpy as np
import pytest
from osgeo import gdal, ogr, osr

from cogport.plugin.core.errors import CogportError
from cogport.plugin.core.services.byoc_tiles import (
    band_file_key,
    bands_from_sample,
    count_points,
    doubtful_tiles,
    footprint_wkt,
    group_tiles,
    parse_sensing_time,
    sensing_time_from_path,
    templates_from_text,
    tile_specs,
    trace_cover_geometry,
)


def test_folder_per_tile_layout_gives_band_templates():
    keys = [f"2019/11/{day}/28V/{band}.tif" for day in ("27", "28") for band in ("B02", "B03", "B04")]
    grouping = group_tiles(keys + ["2019/11/27/28V/metadata.xml"])
    assert [t.template for t in grouping.tiles] == ["2019/11/27/28V/(BAND).tif", "2019/11/28/28V/(BAND).tif"]
    assert grouping.bands == ["B02", "B03", "B04"] and grouping.problems == []
    assert grouping.ignored == ["2019/11/27/28V/metadata.xml"]
    assert grouping.tiles[0].key_for("B03") == "2019/11/27/28V/B03.tif"


def test_flat_layout_finds_the_band_part_of_the_name():
    keys = [f"s3://bucket/flat/T{tile}_{band}_20191127.tif" for tile in ("28V", "29V") for band in ("B04", "B08")]
    grouping = group_tiles(keys)
    assert [t.template for t in grouping.tiles] == ["flat/T28V_(BAND)_20191127.tif", "flat/T29V_(BAND)_20191127.tif"]
    assert grouping.bands == ["B04", "B08"]


def test_a_tile_missing_a_band_file_is_reported():
    keys = ["a/1/B04.tif", "a/1/B08.tif", "a/2/B04.tif", "a/3/B04.tif", "a/3/B08.tif"]
    grouping = group_tiles(keys)
    assert grouping.problems == ["Tile a/2/(BAND).tif lacks B08; every tile needs the band files B04, B08."]
    against_collection = group_tiles(keys, known_bands=["B04", "B08", "SCL"])
    assert len(against_collection.problems) == 3 and "lacks B08, SCL" in against_collection.problems[1]


def test_typed_paths_are_checked_and_band_keys_derived():
    assert templates_from_text(" a/(BAND).tif \n\n s3://b/c/(BAND).tif\na/(BAND).tif") == [
        "a/(BAND).tif",
        "c/(BAND).tif",
    ]
    with pytest.raises(CogportError) as info:
        templates_from_text("a//b/(BAND).tif")
    assert "without a leading '/' or '//'" in str(info.value)
    assert band_file_key("x/(BAND).tif", "B04") == "x/B04.tif"
    assert band_file_key("folder", "B04") == "folder/B04.tiff"


@pytest.mark.parametrize(
    "pattern, path, expected",
    [
        (r"(?P<year>\d{4})/(?P<month>\d\d)/(?P<day>\d\d)", "2019/11/27/28V/(BAND).tif", "2019-11-27T00:00:00Z"),
        (r"_(?P<year>\d{4})(?P<doy>\d{3})T(?P<hour>\d\d)", "x/T28V_2019331T10_(BAND).tif", "2019-11-27T10:00:00Z"),
        ("%Y/%m/%d", "2019/11/27/28V/(BAND).tif", "2019-11-27T00:00:00Z"),
        ("%Y%m%dT%H%M%S", "S2_20191127T103059_(BAND).tif", "2019-11-27T10:30:59Z"),
    ],
)
def test_sensing_time_from_named_groups_or_strftime(pattern, path, expected):
    assert sensing_time_from_path(path, pattern) == expected


def test_sensing_time_pattern_that_does_not_match_says_so():
    with pytest.raises(CogportError) as info:
        sensing_time_from_path("no/date/here/(BAND).tif", "%Y/%m/%d")
    assert "does not match 'no/date/here/(BAND).tif'" in str(info.value) and "by hand" in str(info.value)
    assert parse_sensing_time("2019-11-27 10:30") == "2019-11-27T10:30:00Z"
    assert parse_sensing_time("2019-11-27T12:30:00+02:00") == "2019-11-27T10:30:00Z"
    with pytest.raises(CogportError):
        parse_sensing_time("yesterday")


def _utm_cog(path, *, nodata_triangle=True, data_type=gdal.GDT_UInt16, bands=1):
    """A 2048² UTM 33N COG at 10 m whose lower-left triangle is nodata (0)."""
    size = 2048
    memory = gdal.GetDriverByName("MEM").Create("", size, size, bands, data_type)
    memory.SetGeoTransform((500000, 10, 0, 5000000, 0, -10))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32633)
    memory.SetSpatialRef(srs)
    rows, cols = np.mgrid[0:size, 0:size]
    data = np.where((rows > cols) & nodata_triangle, 0, 100).astype(np.uint16)
    for index in range(1, bands + 1):
        memory.GetRasterBand(index).WriteArray(data)
        memory.GetRasterBand(index).SetNoDataValue(0)
    gdal.Translate(str(path), memory, format="COG", creationOptions=["BLOCKSIZE=512", "COMPRESS=DEFLATE"])
    return str(path)


def test_cover_geometry_traced_from_the_mask_in_file_crs(tmp_path):
    first = _utm_cog(tmp_path / "B04.tif")
    second = _utm_cog(tmp_path / "B08.tif")
    cover = trace_cover_geometry([first, second])
    assert cover["crs"]["properties"]["name"] == "urn:ogc:def:crs:EPSG::32633"
    shape = ogr.CreateGeometryFromJson(json.dumps({k: v for k, v in cover.items() if k != "crs"}))
    assert count_points(shape) <= 100
    full = 20480.0**2
    assert shape.GetArea() == pytest.approx(full / 2, rel=0.02)  # the valid upper-right half
    min_x, max_x, min_y, max_y = shape.GetEnvelope()
    assert (min_x, max_y) == pytest.approx((500000, 5000000), abs=50)
    assert (max_x, min_y) == pytest.approx((520480, 4979520), abs=50)
    assert trace_cover_geometry([_utm_cog(tmp_path / "full.tif", nodata_triangle=False)]) is None


def test_ragged_mask_is_simplified_to_at_most_100_points(tmp_path):
    size = 1024
    memory = gdal.GetDriverByName("MEM").Create("", size, size, 1, gdal.GDT_Byte)
    memory.SetGeoTransform((10.0, 0.0001, 0, 46.0, 0, -0.0001))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    memory.SetSpatialRef(srs)
    rows, cols = np.mgrid[0:size, 0:size]
    data = np.where((rows // 7 + cols // 5) % 3 == 0, 0, 1).astype(np.uint8)  # many small holes
    memory.GetRasterBand(1).WriteArray(data)
    memory.GetRasterBand(1).SetNoDataValue(0)
    path = str(tmp_path / "ragged.tif")
    gdal.Translate(path, memory, format="COG")
    cover = trace_cover_geometry([path])
    shape = ogr.CreateGeometryFromJson(json.dumps({k: v for k, v in cover.items() if k != "crs"}))
    assert count_points(shape) <= 100 and shape.GetArea() > 0
    assert cover["crs"]["properties"]["name"] == "urn:ogc:def:crs:OGC:1.3:CRS84"


def test_band_configuration_prefilled_from_a_sample(tmp_path):
    single = bands_from_sample(_utm_cog(tmp_path / "B04.tif"), "B04")
    assert {name: (b.source, b.band_index, b.bit_depth, b.sample_format, b.no_data) for name, b in single.items()} == {
        "B04": ("B04", 1, 16, "UINT", 0.0)
    }
    multi = bands_from_sample(_utm_cog(tmp_path / "RGB.tif", data_type=gdal.GDT_Byte, bands=3), "RGB")
    assert [(name, b.band_index, b.bit_depth) for name, b in multi.items()] == [
        ("RGB_1", 1, 8),
        ("RGB_2", 2, 8),
        ("RGB_3", 3, 8),
    ]
    float64 = tmp_path / "f64.tif"
    gdal.Translate(str(float64), _utm_cog(tmp_path / "src.tif"), outputType=gdal.GDT_Float64, width=64, height=64)
    with pytest.raises(CogportError) as info:
        bands_from_sample(str(float64), "X")
    assert "Float64" in str(info.value) and "32-bit floats" in str(info.value)


def test_unreadable_sample_names_the_file(tmp_path):
    broken = tmp_path / "broken.tif"
    broken.write_bytes(b"II*\x00not a tiff at all")
    with pytest.raises(CogportError) as info:
        bands_from_sample(str(broken), "B")
    assert str(broken) in str(info.value) and "credentials" in str(info.value)


def test_footprint_reprojected_from_utm_to_wgs84():
    utm = {
        "type": "Polygon",
        "coordinates": [
            [[500000, 5000000], [520000, 5000000], [520000, 4980000], [500000, 4980000], [500000, 5000000]]
        ],
        "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32633"}},
    }
    shape = ogr.CreateGeometryFromWkt(footprint_wkt(utm))
    min_x, max_x, min_y, max_y = shape.GetEnvelope()
    # Easting 500 000 is the zone's central meridian, 15° E; northing 5 000 000 is about 45.15° N.
    assert min_x == pytest.approx(15.0, abs=1e-6)
    assert max_y == pytest.approx(45.1525, abs=1e-3)
    assert max_x == pytest.approx(15.2545, abs=1e-3) and min_y == pytest.approx(44.9726, abs=1e-3)


def test_tile_specs_combine_pattern_and_cover(tmp_path):
    (tmp_path / "2019" / "11" / "27").mkdir(parents=True)
    _utm_cog(tmp_path / "2019" / "11" / "27" / "B04.tif")
    grouping = group_tiles(["2019/11/27/B04.tif"])
    specs = tile_specs(grouping.tiles, str(tmp_path), sensing_time_pattern="%Y/%m/%d", trace_cover=True)
    assert specs[0].path == "2019/11/27/(BAND).tif" and specs[0].sensing_time == "2019-11-27T00:00:00Z"
    assert specs[0].cover_geometry["crs"]["properties"]["name"] == "urn:ogc:def:crs:EPSG::32633"


def test_preflight_validates_every_band_file_with_the_byoc_profile(tmp_path):
    from cogport.plugin.core.services.byoc import ByocConnection
    from cogport.plugin.core.services.byoc_tiles import preflight
    from cogport.plugin.core.services.oauth import ClientCredentials

    for tile in ("a", "b"):
        (tmp_path / tile).mkdir()
        _utm_cog(tmp_path / tile / "B04.tif")
    # A striped (untiled) GeoTIFF: BYOC cannot read it efficiently and rejects it.
    gdal.Translate(
        str(tmp_path / "b" / "B08.tif"), str(tmp_path / "a" / "B04.tif"), format="GTiff", creationOptions=["TILED=NO"]
    )
    _utm_cog(tmp_path / "a" / "B08.tif")
    grouping = group_tiles(["a/B04.tif", "a/B08.tif", "b/B04.tif", "b/B08.tif"])
    connection = ByocConnection.for_deployment("eu", "eu", ClientCredentials("id", "secret"))
    result = preflight(grouping.tiles, str(tmp_path), connection, workers=2)
    assert result.files_checked == 4 and not result.ok
    assert all(str(tmp_path / "b" / "B08.tif") in line for line in result.errors)
    assert result.region == ""  # a local folder has no bucket region to check


@pytest.mark.parametrize(
    "keys,doubtful",
    [
        (["dem/terrain_small.tif", "dem/roads_overview.tif"], True),  # unrelated files in one folder
        (["mosaic/2019.tif", "mosaic/2020.tif"], True),  # two years, not two bands
        (["2019/11/27/28V/B04.tif", "2019/11/27/28V/B08.tif"], False),
        (["T28V_B04_2019.tif", "T28V_B08_2019.tif"], False),
        (["dem/terrain_small.tif"], False),  # one file is one tile: nothing was grouped
    ],
)
def test_files_grouped_only_because_they_share_a_folder_are_doubtful(keys, doubtful):
    tiles = group_tiles(keys).tiles
    assert bool(doubtful_tiles(tiles)) is doubtful, [(t.template, t.bands) for t in tiles]
