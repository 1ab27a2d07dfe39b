"""The measured truth behind READ_TUNING and OPEN_TUNING: which options GDAL honours for one bucket only.

If a GDAL upgrade changes what is path-specific, these fail and the tuning in gdal_config.py is due
for another look.
"""

from __future__ import annotations

import dataclasses

import pytest
from osgeo import gdal

from cogport.plugin.core.storage.gdal_config import (
    OPEN_TUNING,
    SCOPED_OPTIONS,
    cache_batched_reads,
    thread_options,
)
from cogport.tests.support.latency_proxy import LatencyProxy
from cogport.tests.support.stores import create_bucket, put_bytes, put_file, s3_connection, write_test_cog


@pytest.fixture
def cog(objectstore, bucket_name, tmp_path):
    """A COG beside a sibling object, read through a counting proxy with Cogport's scoped options."""
    connection, credentials = s3_connection(objectstore)
    root = create_bucket(connection, credentials, bucket_name)
    put_file(root.child("x.tif"), write_test_cog(tmp_path / "x.tif"))
    put_bytes(root.child("y.tif"), b"sibling")
    with LatencyProxy(objectstore.endpoint, delay=0) as proxy:
        SCOPED_OPTIONS.apply(dataclasses.replace(connection, endpoint=proxy.endpoint), credentials, bucket_name)
        yield proxy, root.child("x.tif")


def _open_and_list_requests(proxy, path: str):
    gdal.VSICurlClearCache()
    proxy.reset()
    dataset = gdal.Open(path)
    assert dataset.RasterCount == 3
    return proxy.snapshot().ranges


def test_scoped_tuning_opens_with_one_ranged_get_and_no_listing(cog):
    proxy, location = cog
    requests = _open_and_list_requests(proxy, location.vsi_path)
    assert requests == [(f"GET /{location.bucket}/x.tif", "bytes=0-16383")]


def test_readdir_option_is_honoured_per_bucket(cog):
    proxy, location = cog
    gdal.SetPathSpecificOption(location.bucket_prefix, "GDAL_DISABLE_READDIR_ON_OPEN", "FALSE")
    requests = _open_and_list_requests(proxy, location.vsi_path)
    assert any("?" in target or target.endswith("/") for target, _ in requests), "GDAL listed the folder"


def test_ingested_bytes_at_open_is_read_per_thread_but_not_per_bucket(cog):
    """Measured the same on GDAL 3.6.2, 3.10.3 and 3.13.3."""
    proxy, location = cog
    gdal.SetPathSpecificOption(location.bucket_prefix, "GDAL_INGESTED_BYTES_AT_OPEN", "65536")
    assert _open_and_list_requests(proxy, location.vsi_path)[0][1] == "bytes=0-16383"
    with thread_options({"GDAL_INGESTED_BYTES_AT_OPEN": "65536"}):
        assert _open_and_list_requests(proxy, location.vsi_path)[0][1] == "bytes=0-65535"
    assert _open_and_list_requests(proxy, location.vsi_path)[0][1] == "bytes=0-16383", "nothing left behind"


def test_open_tuning_reads_header_and_small_overviews_in_one_request(cog):
    proxy, location = cog
    with thread_options(OPEN_TUNING):
        requests = _open_and_list_requests(proxy, location.vsi_path)
    ingested = int(OPEN_TUNING["GDAL_INGESTED_BYTES_AT_OPEN"])
    assert requests == [(f"GET /{location.bucket}/x.tif", f"bytes=0-{ingested - 1}")]
    assert gdal.GetThreadLocalConfigOption("GDAL_PAM_ENABLED", None) is None


def _read_ranges(path: str, ranges) -> None:
    handle = gdal.VSIFOpenL(path, "rb")
    try:
        for offset, size in ranges:
            gdal.VSIFSeekL(handle, offset, 0)
            assert len(gdal.VSIFReadL(1, size, handle)) == size
    finally:
        gdal.VSIFCloseL(handle)


def test_what_this_process_just_wrote_is_read_once_then_served_from_cache(objectstore, bucket_name):
    """The write leaves GDAL's file properties right; re-applying the same options keeps the read cache."""
    connection, credentials = s3_connection(objectstore)
    with LatencyProxy(objectstore.endpoint, delay=0) as proxy:
        proxied = dataclasses.replace(connection, endpoint=proxy.endpoint)
        location = create_bucket(proxied, credentials, bucket_name).child("fresh.bin")
        put_bytes(location, bytes(range(256)) * 4096)  # 1 MiB, written through the same proxy by this process
        ranges = [(65536, 100000), (600000, 200000)]
        assert gdal.VSIStatL(location.vsi_path).size == 1 << 20
        proxy.reset()
        _read_ranges(location.vsi_path, ranges)
        assert proxy.snapshot().requests == 2, "a stat and the two ranges need nothing but the ranges"
        proxy.reset()
        _read_ranges(location.vsi_path, ranges)  # another handle, as a layer's dataset after a prefetch
        SCOPED_OPTIONS.apply(proxied, credentials, bucket_name)  # opening a layer applies the options again
        _read_ranges(location.vsi_path, ranges)
        assert proxy.snapshot().requests == 0

        SCOPED_OPTIONS.apply(dataclasses.replace(proxied, region="eu-west-1"), credentials, bucket_name)
        _read_ranges(location.vsi_path, ranges)
        fetched = [byte_range for _, byte_range in proxy.snapshot().ranges]
        assert {"bytes=65536-180223", "bytes=589824-802815"} <= set(fetched), "other options: the cache is dropped"


def _window_after_prefetch(dataset_path: str, proxy) -> int:
    """Requests a 4 × 4-tile window read costs right after its tiles were read through another handle."""
    gdal.VSICurlClearCache()
    dataset = gdal.Open(dataset_path)
    band = dataset.GetRasterBand(1)
    tiles = [
        (
            int(band.GetMetadataItem(f"BLOCK_OFFSET_{c}_{r}", "TIFF")),
            int(band.GetMetadataItem(f"BLOCK_SIZE_{c}_{r}", "TIFF")),
        )
        for r in range(4)
        for c in range(4)
    ]
    handle = gdal.VSIFOpenL(dataset_path, "rb")
    for offset, size in tiles:
        gdal.VSIFSeekL(handle, offset, 0)
        gdal.VSIFReadL(1, size, handle)
    gdal.VSIFCloseL(handle)
    proxy.reset()
    dataset.ReadRaster(0, 0, 4 * 256, 4 * 256)
    return proxy.snapshot().requests


@pytest.fixture
def big_cog(objectstore, bucket_name, tmp_path):
    connection, credentials = s3_connection(objectstore)
    root = create_bucket(connection, credentials, bucket_name)
    put_file(root.child("big.tif"), write_test_cog(tmp_path / "big.tif", 2048, 2048))
    with LatencyProxy(objectstore.endpoint, delay=0) as proxy:
        SCOPED_OPTIONS.apply(dataclasses.replace(connection, endpoint=proxy.endpoint), credentials, bucket_name)
        yield proxy, root.child("big.tif")


def test_gtiffs_batched_tile_reads_reach_the_shared_cache_only_with_cogports_settings(big_cog):
    """GTiff reads a window's tiles in one multi-range batch, and GDAL's default parallel path neither looks in
    nor fills the /vsicurl/ cache: a prefetch would be fetched again (measured on GDAL 3.6.2, 3.10.3, 3.13.3)."""
    proxy, location = big_cog
    path = location.vsi_path
    assert _window_after_prefetch(path, proxy) > 0, "the default path fetches the prefetched tiles again"
    for key in (location.bucket_prefix, location.bucket_prefix + "/", path):
        gdal.SetPathSpecificOption(key, "GDAL_HTTP_MULTIRANGE", "SERIAL")
        try:
            assert _window_after_prefetch(path, proxy) > 0, f"GDAL does not read it per path ({key})"
        finally:
            gdal.SetPathSpecificOption(key, "GDAL_HTTP_MULTIRANGE", None)
    restore = cache_batched_reads()
    try:
        assert _window_after_prefetch(path, proxy) == 0
    finally:
        restore()
    assert gdal.GetConfigOption("GDAL_HTTP_MULTIRANGE") is None
