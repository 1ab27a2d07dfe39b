"""The manifest: defaults read from real COGs in the fake GCS, and JSON the earthengine CLI reads, both ways."""

from __future__ import annotations

import json

import pytest
from osgeo import gdal, osr

from cogport.plugin.core.errors import CogportError
from cogport.plugin.core.services.earthengine_manifest import (
    Band,
    ImageManifest,
    MaskBand,
    Tileset,
    asset_name,
    build_manifest,
    normalise_time,
    read_source_bands,
    with_generations,
)

DOC_EXAMPLE = """{"name":"projects/{project}/assets/cogdemo1",
 "tilesets":[{"id":"0","sources":[{"uris":["gs://ee-docs-demos/COG_demo.tif"]}]}],
 "properties":{"version":"1.1"},
 "startTime":"2016-01-01T00:00:00.000000000Z","endTime":"2016-12-31T15:01:23.000000000Z"}"""


def write_cog(
    fake_gcs,
    bucket: str,
    key: str,
    bands: int = 2,
    descriptions=(),
    nodata=None,
    data_type=gdal.GDT_UInt16,
    fmt: str = "COG",
    options=("BLOCKSIZE=256", "COMPRESS=DEFLATE"),
):
    """A real small raster written by GDAL and stored in the fake bucket."""
    source = gdal.GetDriverByName("MEM").Create("", 300, 300, bands, data_type)
    source.SetGeoTransform([500000, 10, 0, 4000000, 0, -10])
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32633)
    source.SetProjection(srs.ExportToWkt())
    for index in range(bands):
        band = source.GetRasterBand(index + 1)
        band.Fill(index + 1)
        if index < len(descriptions):
            band.SetDescription(descriptions[index])
        if nodata is not None:
            band.SetNoDataValue(nodata)
    scratch = f"/vsimem/{bucket}-{key.replace('/', '_')}"
    gdal.Translate(scratch, source, format=fmt, creationOptions=list(options))
    stored = fake_gcs.put_file(bucket, key, scratch)
    gdal.Unlink(scratch)
    return stored


def test_doc_example_imports_and_exports_the_same_fields():
    manifest = ImageManifest.from_json(DOC_EXAMPLE)
    assert manifest.tilesets[0].uri == "gs://ee-docs-demos/COG_demo.tif"
    assert json.loads(manifest.to_json()) == json.loads(DOC_EXAMPLE)


def test_unedited_fields_survive_a_round_trip():
    original = {
        "name": "projects/p-123456/assets/x",
        "uriPrefix": "gs://b/",
        "tilesets": [
            {"id": "t", "crs": "EPSG:4326", "sources": [{"uris": ["a.tif"], "affineTransform": {"scaleX": 1}}]}
        ],
        "bands": [
            {
                "id": "m",
                "tilesetId": "t",
                "tilesetBandIndex": 1,
                "missingData": {"values": []},
                "pyramidingPolicy": "MODE",
            }
        ],
        "maskBands": [{"tilesetId": "t", "bandIds": ["m"]}],
        "footprint": {"points": [{"x": 0.5, "y": 0.5}]},
        "memo": "keep me",
    }
    manifest = ImageManifest.from_dict(original)
    assert manifest.bands[0].missing_data == ()
    assert manifest.mask_bands == [MaskBand("t", ("m",))]
    assert json.loads(manifest.to_json()) == original


def test_legacy_id_and_seconds_times_are_converted():
    manifest = ImageManifest.from_dict({"id": "users/me/img", "tilesets": [], "startTime": {"seconds": 1704067200}})
    assert manifest.name == "projects/earthengine-legacy/assets/users/me/img"
    assert manifest.start_time == "2024-01-01T00:00:00Z"


@pytest.mark.parametrize(
    "legacy_id, name",
    [
        ("users/me/img", "projects/earthengine-legacy/assets/users/me/img"),
        ("projects/my-old-project/img", "projects/earthengine-legacy/assets/projects/my-old-project/img"),
        ("COPERNICUS/S2_SR/tile", "projects/earthengine-public/assets/COPERNICUS/S2_SR/tile"),
        ("projects/ee-demo-project/assets/cogs/a", "projects/ee-demo-project/assets/cogs/a"),
        ("projects/example.com:ee-demo/assets/a", "projects/example.com:ee-demo/assets/a"),
    ],
)
def test_legacy_ids_map_as_the_earth_engine_client_maps_them(legacy_id, name):
    """The same cases are sent through earthengine-api itself in test_official_clients.py."""
    assert ImageManifest.from_dict({"id": legacy_id, "tilesets": []}).name == name


def test_bands_and_mask_without_tileset_id_belong_to_the_single_tileset():
    manifest = ImageManifest.from_dict(
        {
            "name": "projects/p-12345/assets/a",
            "tilesets": [{"id": "0", "sources": [{"uris": ["gs://b/a.tif"]}]}],
            "bands": [{"id": "red", "tilesetBandIndex": 0}],
            "maskBands": [{"bandIds": ["red"]}],
        }
    )
    assert manifest.tileset_for("") == manifest.tilesets[0]
    sent = manifest.to_dict()
    assert sent["bands"] == [{"id": "red", "tilesetId": "0", "tilesetBandIndex": 0}]
    assert sent["maskBands"] == [{"tilesetId": "0", "bandIds": ["red"]}]


def test_the_empty_tileset_id_is_an_id_like_any_other():
    tilesets = [Tileset("", (("gs://b/a.tif",),)), Tileset("1", (("gs://b/b.tif",),))]
    manifest = ImageManifest("projects/p-12345/assets/a", tilesets, bands=[Band("a", "", 0), Band("b", "1", 0)])
    assert manifest.tileset_for("") is tilesets[0] and manifest.tileset_for("1") is tilesets[1]
    sent = manifest.to_dict()
    assert [tileset.get("id") for tileset in sent["tilesets"]] == [None, "1"]  # "" is the default: left out
    assert sent["bands"] == [{"id": "a", "tilesetBandIndex": 0}, {"id": "b", "tilesetId": "1", "tilesetBandIndex": 0}]
    assert ImageManifest("projects/p-12345/assets/a", tilesets[1:] * 2).tileset_for("") is None


def test_not_a_manifest_is_explained():
    with pytest.raises(CogportError, match="not valid JSON"):
        ImageManifest.from_json("{oops")
    with pytest.raises(CogportError, match="malformed"):
        ImageManifest.from_dict(
            {
                "name": "x",
                "tilesets": [{"id": "0", "sources": [{"uris": ["a"]}]}],
                "bands": [{"id": "b", "tilesetBandIndex": "first"}],
            }
        )


def test_defaults_come_from_band_descriptions_and_nodata_read_through_vsigs(fake_gcs):
    fake_gcs.add_bucket("cogs-us")
    write_cog(fake_gcs, "cogs-us", "rgb.tif", bands=3, descriptions=("vis-red", "", "vis red"), nodata=0)
    write_cog(fake_gcs, "cogs-us", "nir.tif", bands=1, nodata=-9999, data_type=gdal.GDT_Int16)
    fake_gcs.configure_gdal("cogs-us")
    uris = ["gs://cogs-us/rgb.tif", "gs://cogs-us/nir.tif"]

    manifest = build_manifest(
        asset_name("ee-demo-project", "scenes/s1"),
        uris,
        sources=[read_source_bands(uri) for uri in uris],
        start_time="2024-05-01",
        properties={"cloud": 3},
    )

    assert manifest.name == "projects/ee-demo-project/assets/scenes/s1"
    assert manifest.bands == [
        Band("vis-red", "0", 0, (0.0,)),
        Band("b2", "0", 1, (0.0,)),
        Band("vis_red", "0", 2, (0.0,)),
        Band("b4", "1", 0, (-9999.0,)),
    ]
    assert manifest.start_time == "2024-05-01T00:00:00Z"
    exported = json.loads(manifest.to_json())
    assert exported["bands"][3]["missingData"] == {"values": [-9999]}
    # headers only: no full-object GET, no sidecar probing
    gets = fake_gcs.requests_to("/cogs-us/", "GET")
    assert all(r.header("Range") or "prefix" in r.query for r in gets)
    assert not any(r.path.endswith((".aux.xml", ".msk", ".MSK")) for r in fake_gcs.requests)


def test_an_unreadable_source_is_explained(fake_gcs):
    fake_gcs.add_bucket("cogs-us")
    fake_gcs.configure_gdal("cogs-us")
    with pytest.raises(CogportError, match="Could not open gs://cogs-us/missing.tif"):
        read_source_bands("gs://cogs-us/missing.tif")


def test_generations_are_pinned_on_the_uri_prefix_aware_source():
    manifest = ImageManifest("projects/p-123456/assets/x", [Tileset("0", (("a.tif",),))], uri_prefix="gs://b/")
    pinned = with_generations(manifest, {"gs://b/a.tif": "1700000000000001"})
    assert pinned.tilesets[0].uri == "a.tif#1700000000000001"
    assert pinned.source_uris() == ["gs://b/a.tif#1700000000000001"]


@pytest.mark.parametrize(
    "project, typed, expected",
    [
        ("p-123456", "folder/img", "projects/p-123456/assets/folder/img"),
        ("p-123456", "/folder/img/", "projects/p-123456/assets/folder/img"),
        ("p-123456", "projects/other-1/assets/x", "projects/other-1/assets/x"),
        ("", "folder/img", "folder/img"),
    ],
)
def test_asset_names(project, typed, expected):
    assert asset_name(project, typed) == expected


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("2024-05-01", "2024-05-01T00:00:00Z"),
        ("2024-05-01 10:30", "2024-05-01T10:30:00Z"),
        ("2014-10-02T15:01:23.045123456Z", "2014-10-02T15:01:23.045123456Z"),
        ("2014-10-02T15:01:23+05:30", "2014-10-02T15:01:23+05:30"),
        ("yesterday", "yesterday"),
    ],
)
def test_times_are_normalised_to_rfc3339(typed, expected):
    assert normalise_time(typed) == expected
