"""Pre-flight and send against the fake GCS (real COGs read through /vsigs/) and the fake Earth Engine."""

from __future__ import annotations

import logging

import pytest
from osgeo import gdal

from cogport.plugin.core.services.earthengine import EarthEngineClient, EarthEngineConnection, EarthEngineCredentials
from cogport.plugin.core.services.earthengine_manifest import Band, ImageManifest, Tileset, build_manifest
from cogport.plugin.core.services.earthengine_preflight import (
    PreflightError,
    PreflightOptions,
    check_and_register,
    check_manifest,
    manifests_per_file,
    preflight,
    register_batch,
)
from cogport.plugin.core.services.http import RetryPolicy
from cogport.tests.core.test_earthengine_manifest import write_cog

TOKEN = "ee-test-token"
PROJECT = "ee-demo-project"


@pytest.fixture
def ee(fake_earthengine, fake_gcs):
    """A client wired to both fakes, a US/STANDARD bucket `cogs-us` holding one single-band COG."""
    fake_gcs.bearer_tokens = {TOKEN}
    fake_gcs.add_bucket("cogs-us")
    fake_gcs.configure_gdal("cogs-us")
    write_cog(fake_gcs, "cogs-us", "scene.tif", bands=1, descriptions=("ndvi",), nodata=-9999, data_type=gdal.GDT_Int16)
    connection = EarthEngineConnection(project=PROJECT, api_url=fake_earthengine.url, gcs_api_url=fake_gcs.url)
    sleeps = []
    client = EarthEngineClient(
        connection,
        EarthEngineCredentials.from_token(TOKEN),
        retry=RetryPolicy(max_attempts=3, default_retry_after=0.0),
        sleep=sleeps.append,
    )
    client.sleeps = sleeps
    return client


def _manifest(*uris: str, name: str = f"projects/{PROJECT}/assets/demo/scene") -> ImageManifest:
    return build_manifest(name, list(uris) or ["gs://cogs-us/scene.tif"])


def test_a_good_cog_passes_and_is_registered_with_its_generation_pinned(ee, fake_gcs, fake_earthengine):
    stored = fake_gcs.get_object("cogs-us", "scene.tif")
    outcome = check_and_register(_manifest(), client=ee, options=PreflightOptions(pin_generation=True))

    assert outcome.report.ok, outcome.report.summary()
    assert "GENERATION_PINNED" in outcome.report.codes()
    (request,) = fake_earthengine.import_requests()
    assert request.json()["imageManifest"]["tilesets"] == [
        {"id": "0", "sources": [{"uris": [f"gs://cogs-us/scene.tif#{stored.generation}"]}]}
    ]
    assert outcome.result.message.endswith("?asset=projects/ee-demo-project/assets/demo/scene")
    metadata = fake_gcs.requests_to("/storage/v1/b/cogs-us")
    assert {r.path for r in metadata} == {"/storage/v1/b/cogs-us", "/storage/v1/b/cogs-us/o/scene.tif"}
    assert all(r.header("Authorization") == f"Bearer {TOKEN}" for r in metadata)
    # the COG was read remotely, headers only: every object GET is a range request
    assert all(r.header("Range") for r in fake_gcs.requests_to("/cogs-us/scene.tif", "GET"))


@pytest.mark.parametrize(
    "location, location_type, data_locations, ok",
    [
        ("US", "multi-region", (), True),
        ("US-CENTRAL1", "region", (), True),
        ("NAM4", "dual-region", (), True),
        ("US", "dual-region", ("US-CENTRAL1", "US-EAST1"), True),
        ("US", "dual-region", ("US-EAST1", "US-EAST4"), False),
        ("US-EAST4", "region", (), False),
        ("EUROPE-WEST1", "region", (), False),
        ("EUR4", "dual-region", (), False),
        ("EU", "multi-region", (), False),
    ],
)
def test_bucket_location_rule(ee, fake_gcs, fake_earthengine, location, location_type, data_locations, ok):
    fake_gcs.add_bucket("where", location=location, location_type=location_type, data_locations=data_locations)
    fake_gcs.put_object("where", "a.tif", b"not read: files unchecked here")
    report = preflight(_manifest("gs://where/a.tif"), ee.gcs, PreflightOptions(check_files=False))
    assert ("BUCKET_LOCATION" not in report.codes()) is ok


def test_wrong_region_blocks_sending(ee, fake_gcs, fake_earthengine):
    fake_gcs.add_bucket("eu-bucket", location="EUROPE-WEST1", location_type="region")
    write_cog(fake_gcs, "eu-bucket", "scene.tif", bands=1)
    fake_gcs.configure_gdal("eu-bucket")
    with pytest.raises(PreflightError) as caught:
        check_and_register(_manifest("gs://eu-bucket/scene.tif"), client=ee)
    assert caught.value.what.startswith(
        "Not registered: projects/ee-demo-project/assets/demo/scene failed a pre-flight check: Bucket gs://eu-bucket "
        "is in EUROPE-WEST1 (region)"
    )
    assert "location=us-central1" in caught.value.check
    assert fake_earthengine.import_requests() == []


def test_nearline_bucket_and_object_are_errors_with_fixes(ee, fake_gcs, fake_earthengine):
    fake_gcs.add_bucket("cold", storage_class="NEARLINE")
    write_cog(fake_gcs, "cold", "scene.tif", bands=1)
    fake_gcs.configure_gdal("cold")
    report = preflight(_manifest("gs://cold/scene.tif"), ee.gcs)
    assert {"BUCKET_STORAGE_CLASS", "OBJECT_STORAGE_CLASS"} <= set(report.codes("error"))
    finding = next(f for f in report.findings if f.code == "OBJECT_STORAGE_CLASS")
    assert "NEARLINE" in finding.message and "--storage-class=STANDARD" in finding.fix
    assert not report.ok


def test_non_gs_uri_is_an_error_and_is_not_fetched(ee, fake_gcs):
    report = preflight(_manifest("s3://somewhere/scene.tif"), ee.gcs)
    (finding,) = [f for f in report.findings if f.code == "URI_NOT_GCS"]
    assert finding.severity == "error" and "'s3://somewhere/scene.tif'" in finding.message
    assert fake_gcs.requests == []


def test_a_striped_tiff_fails_the_earthengine_profile(ee, fake_gcs):
    write_cog(fake_gcs, "cogs-us", "striped.tif", bands=1, fmt="GTiff", options=("TILED=NO",))
    report = preflight(_manifest("gs://cogs-us/striped.tif"), ee.gcs)
    assert "NOT_TILED" in report.codes("error")
    assert any(f.message.startswith("gs://cogs-us/striped.tif: ") for f in report.findings)


def test_not_a_tiff_at_all(ee, fake_gcs):
    fake_gcs.put_object("cogs-us", "notes.tif", b"PK\x03\x04 this is a zip" + b"\0" * 2000)
    report = preflight(_manifest("gs://cogs-us/notes.tif"), ee.gcs)
    assert "NOT_TIFF" in report.codes("error")


def test_missing_object_and_missing_bucket(ee, fake_gcs):
    report = preflight(_manifest("gs://cogs-us/nope.tif"), ee.gcs)
    assert report.codes("error") == ["OBJECT_NOT_FOUND"]
    report = preflight(_manifest("gs://no-such-bucket/a.tif"), ee.gcs)
    assert "BUCKET_NOT_FOUND" in report.codes("error")


def test_pinned_generation_that_no_longer_exists(ee, fake_gcs):
    report = preflight(_manifest("gs://cogs-us/scene.tif#123"), ee.gcs)
    assert "GENERATION_NOT_FOUND" in report.codes("error")


def test_unreadable_metadata_is_a_warning_and_429_is_retried(ee, fake_gcs):
    fake_gcs.fail_next(429, path_prefix="/storage/v1/b/cogs-us", headers={"Retry-After": "0"})
    fake_gcs.fail_next(403, path_prefix="/storage/v1/b/cogs-us/o/", message="caller lacks storage.objects.get")
    report = preflight(_manifest(), ee.gcs)
    (finding,) = [f for f in report.findings if f.code == "METADATA_UNREADABLE"]
    assert finding.severity == "warning" and "caller lacks storage.objects.get" in finding.message
    assert ee.sleeps == [0.0]  # the 429 on the bucket call was retried once
    assert [r.path for r in fake_gcs.requests_to("/storage/v1/")] == [
        "/storage/v1/b/cogs-us",
        "/storage/v1/b/cogs-us",
        "/storage/v1/b/cogs-us/o/scene.tif",
    ]
    assert report.ok


def test_band_index_out_of_range_and_unknown_tileset(ee):
    manifest = _manifest()
    manifest.bands = [Band("a", "0", 1), Band("b", "7", 0)]
    report = preflight(manifest, ee.gcs)
    assert {"BAND_INDEX_OUT_OF_RANGE", "BAND_TILESET_UNKNOWN"} <= set(report.codes("error"))
    message = next(f.message for f in report.findings if f.code == "BAND_INDEX_OUT_OF_RANGE")
    assert message == "Band 'a' uses tilesetBandIndex 1, but tileset '0' has 1 band(s)."


def test_a_band_without_tileset_id_is_checked_against_the_single_tileset(ee):
    manifest = _manifest()
    manifest.bands = [Band("red", "", 0), Band("nir", "", 1)]
    report = preflight(manifest, ee.gcs)
    assert "BAND_TILESET_UNKNOWN" not in report.codes()
    message = next(f.message for f in report.findings if f.code == "BAND_INDEX_OUT_OF_RANGE")
    assert message == "Band 'nir' uses tilesetBandIndex 1, but tileset '0' has 1 band(s)."


def test_a_band_without_tileset_id_among_several_tilesets_is_refused():
    manifest = ImageManifest(
        "projects/ee-demo-project/assets/a",
        [Tileset("0", (("gs://cogs-us/a.tif",),)), Tileset("1", (("gs://cogs-us/b.tif",),))],
        bands=[Band("red", "", 0)],
    )
    (finding,) = [f for f in check_manifest(manifest) if f.code == "BAND_TILESET_UNKNOWN"]
    assert finding.message == "Band 'red' refers to tileset '', which does not exist."
    assert finding.fix == (
        "Use one of the tileset ids: 0, 1 (a band may name none only when there is a single tileset)."
    )


def test_manifest_rules_without_network():
    manifest = ImageManifest(
        "my asset",
        [Tileset("0", (("gs://b/a.tif", "gs://b/b.tif"),)), Tileset("0", (("gs://b/c.tif",),))],
        properties={"tags": ["a", "b"], "flag": True, "ok": 1},
        start_time="2024-05-01T00:00:00Z",
        end_time="2024-04-01T00:00:00Z",
    )
    report = preflight(manifest, None, PreflightOptions(check_files=False))
    assert set(report.codes("error")) == {
        "ASSET_NAME_INVALID",
        "TILESET_SOURCES",
        "TILESET_ID_DUPLICATE",
        "PROPERTIES_NOT_FLAT",
        "TIME_ORDER",
    }
    assert "STORAGE_NOT_CHECKED" in report.codes("warning")


def test_manifest_over_10_mb_is_refused():
    manifest = _manifest()
    manifest.properties = {"blob": "x" * (10 * 1024 * 1024)}
    report = preflight(manifest, None, PreflightOptions(check_files=False))
    assert "MANIFEST_TOO_LARGE" in report.codes("error")


DRY_RUN_MANIFEST = """{
  "name": "projects/ee-demo-project/assets/demo/scene",
  "tilesets": [
    {
      "id": "0",
      "sources": [
        {
          "uris": [
            "gs://cogs-us/scene.tif#GEN"
          ]
        }
      ]
    }
  ],
  "bands": [
    {
      "id": "ndvi",
      "tilesetId": "0",
      "tilesetBandIndex": 0,
      "missingData": {
        "values": [
          -9999
        ]
      },
      "pyramidingPolicy": "MEAN"
    }
  ],
  "properties": {
    "sensor": "démo",
    "cloud": 12.5
  },
  "startTime": "2024-05-01T00:00:00Z",
  "endTime": "2024-05-02T00:00:00Z"
}
"""


def test_dry_run_writes_the_manifest_byte_for_byte_and_sends_nothing(ee, fake_gcs, fake_earthengine, tmp_path):
    from cogport.plugin.core.services.earthengine_manifest import read_source_bands

    manifest = build_manifest(
        f"projects/{PROJECT}/assets/demo/scene",
        ["gs://cogs-us/scene.tif"],
        sources=[read_source_bands("gs://cogs-us/scene.tif")],
        properties={"sensor": "démo", "cloud": 12.5},
        start_time="2024-05-01",
        end_time="2024-05-02T00:00:00Z",
    )
    manifest.bands = [Band("ndvi", "0", 0, (-9999.0,), "MEAN")]
    target = tmp_path / "out" / "scene.json"
    outcome = check_and_register(
        manifest, client=ee, dry_run=True, manifest_output=str(target), options=PreflightOptions(pin_generation=True)
    )
    generation = fake_gcs.get_object("cogs-us", "scene.tif").generation
    assert target.read_bytes() == DRY_RUN_MANIFEST.replace("GEN", str(generation)).encode("utf-8")
    assert outcome.result is None and outcome.manifest_path == str(target)
    assert fake_earthengine.import_requests() == []
    assert [p.name for p in target.parent.iterdir()] == ["scene.json"]


def test_failed_check_writes_no_manifest(ee, tmp_path):
    target = tmp_path / "scene.json"
    with pytest.raises(PreflightError):
        check_and_register(_manifest("gs://cogs-us/missing.tif"), client=ee, dry_run=True, manifest_output=str(target))
    assert list(tmp_path.iterdir()) == []


def test_batch_registers_one_asset_per_file_and_reports_the_failure(ee, fake_gcs, fake_earthengine, caplog):
    caplog.set_level(logging.INFO)
    write_cog(fake_gcs, "cogs-us", "second scene.tif", bands=2)
    manifests = manifests_per_file(
        f"projects/{PROJECT}/assets/batch", ["gs://cogs-us/scene.tif", "gs://cogs-us/second scene.tif"]
    )
    manifests[1].bands = [Band("b1", "0", 5)]
    items = register_batch(manifests, client=ee)
    assert [item.asset for item in items] == [
        f"projects/{PROJECT}/assets/batch/scene",
        f"projects/{PROJECT}/assets/batch/second_scene",
    ]
    assert items[0].outcome.result is not None and items[1].error is not None
    assert "tilesetBandIndex 5" in items[1].error.what
    assert list(fake_earthengine.assets) == [f"projects/{PROJECT}/assets/batch/scene"]
    assert TOKEN not in caplog.text
