"""The GCS fake answers real GDAL /vsigs/ calls and the JSON metadata API as documented, and checks what it gets."""

from __future__ import annotations

import pytest
import requests
from osgeo import gdal, osr

from cogport.tests.support.fake_gcs import object_json_path
from cogport.tests.support.gdal_version import GDAL_36


def _small_cog(path: str, size: int = 300) -> None:
    source = gdal.GetDriverByName("MEM").Create("", size, size, 2, gdal.GDT_UInt16)
    source.SetGeoTransform([500000, 10, 0, 4000000, 0, -10])
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32633)
    source.SetProjection(srs.ExportToWkt())
    source.GetRasterBand(1).SetDescription("red")
    source.GetRasterBand(1).Fill(7)
    gdal.Translate(path, source, format="COG", creationOptions=["BLOCKSIZE=256", "COMPRESS=DEFLATE"])


def test_gdal_reads_a_cog_with_ranges_using_only_path_specific_options(fake_gcs):
    fake_gcs.add_bucket("cogs")
    _small_cog("/vsimem/fake_gcs_read.tif")
    fake_gcs.put_file("cogs", "dir/a.tif", "/vsimem/fake_gcs_read.tif")
    gdal.Unlink("/vsimem/fake_gcs_read.tif")
    fake_gcs.configure_gdal("cogs")

    dataset = gdal.Open("/vsigs/cogs/dir/a.tif")
    assert dataset.GetMetadataItem("LAYOUT", "IMAGE_STRUCTURE") == "COG"
    assert dataset.GetRasterBand(1).GetDescription() == "red"
    assert dataset.GetRasterBand(1).ComputeRasterMinMax() == (7, 7)
    dataset = None
    gets = fake_gcs.requests_to("/cogs/dir/a.tif", "GET")
    assert gets and all(r.header("Range") for r in gets)
    assert all(r.header("Authorization") is None for r in fake_gcs.requests)  # GS_NO_SIGN_REQUEST


def test_gdal_writes_lists_pages_and_deletes(fake_gcs):
    fake_gcs.page_size = 2  # forces GDAL to follow NextMarker
    fake_gcs.add_bucket("cogs")
    fake_gcs.configure_gdal("cogs")
    handle = gdal.VSIFOpenL("/vsigs/cogs/dir/x.bin", "wb")
    gdal.VSIFWriteL(b"x" * 1000, 1, 1000, handle)
    gdal.VSIFCloseL(handle)
    for name in ("a.txt", "b.txt", "sub/c.txt"):
        fake_gcs.put_object("cogs", f"dir/{name}", b"hello")
    gdal.VSICurlClearCache()

    assert sorted(gdal.ReadDir("/vsigs/cogs/dir")) == ["a.txt", "b.txt", "sub", "x.bin"]
    # GDAL 3.6 and 3.10 page with marker (ListObjects), 3.13 with continuation-token (ListObjectsV2).
    assert any("marker" in r.query or "continuation-token" in r.query for r in fake_gcs.requests_to("/cogs/", "GET"))
    assert fake_gcs.requests_to("/cogs/dir/x.bin", "PUT")[0].body == b"x" * 1000
    assert gdal.VSIStatL("/vsigs/cogs/dir/x.bin").size == 1000

    gdal.Unlink("/vsigs/cogs/dir/a.txt")
    assert fake_gcs.get_object("cogs", "dir/a.txt") is None


def test_gdal_random_write_to_gcs_needs_the_temp_file_option(fake_gcs):
    """GDAL 3.6 ignores CPL_VSIL_USE_TEMP_FILE_FOR_RANDOM_WRITE as a path-specific option; 3.10 and 3.13 honour it."""
    fake_gcs.add_bucket("cogs")
    fake_gcs.configure_gdal("cogs")
    gdal.SetPathSpecificOption("/vsigs/cogs", "CPL_VSIL_USE_TEMP_FILE_FOR_RANDOM_WRITE", "YES")
    source = gdal.GetDriverByName("MEM").Create("", 64, 64, 1)
    if GDAL_36:
        with pytest.raises(RuntimeError, match="Permission denied"):
            gdal.Translate("/vsigs/cogs/w.tif", source, format="COG")
        gdal.SetThreadLocalConfigOption("CPL_VSIL_USE_TEMP_FILE_FOR_RANDOM_WRITE", "YES")
        try:
            gdal.Translate("/vsigs/cogs/w.tif", source, format="COG")
        finally:
            gdal.SetThreadLocalConfigOption("CPL_VSIL_USE_TEMP_FILE_FOR_RANDOM_WRITE", None)
    else:
        gdal.Translate("/vsigs/cogs/w.tif", source, format="COG")
    assert fake_gcs.get_object("cogs", "w.tif") is not None


def test_hmac_keys_are_checked(fake_gcs):
    fake_gcs.add_bucket("private")
    fake_gcs.put_object("private", "a.bin", b"0123456789")
    fake_gcs.hmac_keys = {"GOOGTESTKEY": "right-secret"}
    fake_gcs.configure_gdal("private", access_key="GOOGTESTKEY", secret="right-secret")
    assert gdal.VSIStatL("/vsigs/private/a.bin").size == 10
    assert fake_gcs.requests[-1].header("Authorization").startswith("GOOG1 GOOGTESTKEY:")

    fake_gcs.configure_gdal("private", access_key="GOOGTESTKEY", secret="wrong-secret")
    with pytest.raises(RuntimeError, match="403"):
        gdal.Open("/vsigs/private/a.bin")


def test_json_metadata_api_reports_location_class_and_generation_as_string(fake_gcs):
    fake_gcs.add_bucket(
        "dual",
        location="US",
        location_type="dual-region",
        storage_class="NEARLINE",
        data_locations=("US-CENTRAL1", "US-EAST1"),
    )
    stored = fake_gcs.put_object("dual", "a b/c.tif", b"abc", storage_class="STANDARD")
    fake_gcs.bearer_tokens = {"good-token"}
    auth = {"Authorization": "Bearer good-token"}

    bucket = requests.get(
        f"{fake_gcs.url}storage/v1/b/dual",
        params={"fields": "location,locationType,storageClass,customPlacementConfig"},
        headers=auth,
        timeout=5,
    ).json()
    assert bucket == {
        "location": "US",
        "locationType": "dual-region",
        "storageClass": "NEARLINE",
        "customPlacementConfig": {"dataLocations": ["US-CENTRAL1", "US-EAST1"]},
    }
    obj = requests.get(fake_gcs.url.rstrip("/") + object_json_path("dual", "a b/c.tif"), headers=auth, timeout=5).json()
    assert obj["generation"] == str(stored.generation) and obj["storageClass"] == "STANDARD" and obj["size"] == "3"

    unencoded = requests.get(f"{fake_gcs.url}storage/v1/b/dual/o/a b/c.tif", headers=auth, timeout=5)
    assert unencoded.status_code == 404
    assert requests.get(f"{fake_gcs.url}storage/v1/b/dual", timeout=5).status_code == 401


def test_scripted_failures_answer_google_errors(fake_gcs):
    fake_gcs.add_bucket("b")
    fake_gcs.fail_next(429, path_prefix="/storage/v1/b/b", headers={"Retry-After": "1"})
    fake_gcs.fail_next(403, path_prefix="/storage/v1/b/b", message="no storage.buckets.get")
    first = requests.get(f"{fake_gcs.url}storage/v1/b/b", timeout=5)
    second = requests.get(f"{fake_gcs.url}storage/v1/b/b", timeout=5)
    third = requests.get(f"{fake_gcs.url}storage/v1/b/b", timeout=5)
    assert (first.status_code, first.headers["Retry-After"]) == (429, "1")
    assert second.json()["error"]["message"] == "no storage.buckets.get"
    assert third.status_code == 200
    assert requests.get(f"{fake_gcs.url}storage/v1/b/missing", timeout=5).status_code == 404
