"""Prefetch around the view: what it plans for the next move, and that it reaches the layer through GDAL's cache."""

from __future__ import annotations

import dataclasses
import time

import pytest
from osgeo import gdal

from cogport.plugin.core.cog.prefetch import (
    CHUNK,
    LayerView,
    PrefetchLimits,
    ViewPrefetcher,
    pieces_for,
    plan_tiles,
    tiles_of,
)
from cogport.plugin.core.cog.tiles import TileLayout, TileLevel, read_tile_layout
from cogport.plugin.core.storage.gdal_config import cache_batched_reads
from cogport.tests.support.latency_proxy import LatencyProxy
from cogport.tests.support.panning import write_scenario_cog
from cogport.tests.support.stores import create_bucket, put_file, s3_connection

SCREEN = (640, 400)


def _grid(width: int, height: int, levels: int, tile: int = 256) -> TileLayout:
    """A synthetic layout: every tile 1,000 bytes, one after the other."""
    out, offset = [], 0
    for index in range(levels):
        w, h = -(-width // 2**index), -(-height // 2**index)
        count = -(-w // tile) * -(-h // tile)
        out.append(TileLevel(w, h, tile, tile, (tuple((offset + 1000 * i, 1000) for i in range(count)),)))
        offset += 1000 * count
    return TileLayout(width, height, tuple(out), offset)


def _view(cx: float, cy: float, scale: float, path: str = "/vsimem/x.tif") -> LayerView:
    half_w, half_h = SCREEN[0] * scale / 2, SCREEN[1] * scale / 2
    return LayerView(path, (cx - half_w, cy - half_h, cx + half_w, cy + half_h), SCREEN)


def test_after_a_pan_the_same_step_again_comes_first_then_zoom_in_and_out():
    layout = _grid(8192, 8192, 5)
    before, now = _view(2000, 3000, 1.0), _view(2320, 3000, 1.0)  # panned east by half a view
    planned = plan_tiles(layout, before, now)
    _, shown = tiles_of(layout, now.window, now.scale)
    ahead = {(0, c, r) for c, r in tiles_of(layout, _view(2640, 3000, 1.0).window, 1.0)[1]}
    ahead -= {(0, c, r) for c, r in shown}
    assert set(planned[: len(ahead)]) == ahead, "the next step east first"
    assert not {(0, c, r) for c, r in shown} & set(planned), "what the render just read is never planned"
    coarser = {key for key in planned if key[0] == 1}
    assert coarser, "the view zoomed out by two, from the coarser level"
    assert all(column >= ahead_column for (_, ahead_column, _) in ahead for (_, column, _) in planned[: len(ahead)])


def test_at_an_overview_zoom_in_reads_the_finer_level_at_the_centre():
    layout = _grid(8192, 8192, 5)
    view = _view(4096, 4096, 4.0)  # level 2
    planned = plan_tiles(layout, None, view)
    finer = [key for key in planned if key[0] == 1]
    assert finer and planned[: len(finer)] == finer, "no pan yet: the zoom in first"
    columns = {column for _, column, _ in finer}
    assert min(columns) * 256 >= 4096 / 2 - 640 * 2 - 256 and max(columns) * 256 <= 4096 / 2 + 640 * 2


def test_pieces_are_chunk_aligned_merged_and_bounded():
    ranges = [(101000, 600000), (10, 5000), (100000, 1000)]
    pieces = pieces_for("/vsimem/x", ranges, file_size=701_001, piece_size=256 * 1024)
    spans = [(p.offset, p.offset + p.size) for p in pieces]
    assert spans[0] == (0, CHUNK), "a range inside one chunk reads that chunk"
    assert spans[1][0] == 100000 // CHUNK * CHUNK and spans[-1][1] == 701_001, "no read past the end of the file"
    assert all(a[1] == b[0] for a, b in zip(spans[1:], spans[2:])), "neighbouring ranges are read as one run"
    assert all(p.offset % CHUNK == 0 and p.size <= 256 * 1024 for p in pieces)


@pytest.fixture(scope="module")
def scenario(tmp_path_factory):
    return write_scenario_cog(tmp_path_factory.mktemp("prefetch") / "scenario.tif", 3072, 2560)


@pytest.fixture
def remote(objectstore, bucket_name, scenario):
    """The scenario COG in a bucket, read through a counting proxy, with the process-wide prefetch settings."""
    connection, credentials = s3_connection(objectstore)
    with LatencyProxy(objectstore.endpoint, delay=0) as proxy:
        proxied = dataclasses.replace(connection, endpoint=proxy.endpoint)
        location = create_bucket(proxied, credentials, bucket_name).child("scenario.tif")
        put_file(location, scenario)
        restore = cache_batched_reads()
        prefetcher = ViewPrefetcher()
        try:
            yield proxy, location.vsi_path, prefetcher
        finally:
            prefetcher.close()
            restore()


def _render(dataset: gdal.Dataset, view: LayerView) -> None:
    """What QGIS asks of GDAL for a view: the window at screen resolution."""
    x0, y0, x1, y1 = (max(v, 0) for v in view.window)
    x1, y1 = min(x1, dataset.RasterXSize), min(y1, dataset.RasterYSize)
    width, height = int(x1 - x0), int(y1 - y0)
    dataset.ReadRaster(int(x0), int(y0), width, height, int(width / view.scale), int(height / view.scale))


def test_the_next_step_of_a_pan_is_read_from_gdals_cache(remote):
    proxy, path, prefetcher = remote
    dataset = gdal.Open(path)
    steps = [_view(900 + 160 * n, 1200, 0.75, path) for n in range(3)]
    for view in steps[:2]:
        _render(dataset, view)
        prefetcher.idle([view], PrefetchLimits(64 << 20, 30.0))
        assert prefetcher.wait_until_idle(30)
    assert prefetcher.report.fetched > 0
    proxy.reset()
    _render(dataset, steps[2])
    assert proxy.snapshot().requests == 0, proxy.snapshot().ranges


def test_an_idle_period_never_reads_more_than_its_byte_budget(remote):
    proxy, path, prefetcher = remote
    dataset = gdal.Open(path)
    view = _view(1500, 1200, 1.0, path)
    _render(dataset, view)
    proxy.reset()
    prefetcher.idle([view], PrefetchLimits(600_000, 30.0))
    assert prefetcher.wait_until_idle(30)
    assert prefetcher.report.stopped == "bytes"
    assert 0 < proxy.snapshot().bytes <= 600_000 + 2 * prefetcher.piece_size


def test_a_view_change_stops_the_prefetch_at_once(objectstore, bucket_name, scenario):
    connection, credentials = s3_connection(objectstore)
    with LatencyProxy(objectstore.endpoint, delay=0.05, mbit_per_s=4) as proxy:  # slow: a few reads a second
        proxied = dataclasses.replace(connection, endpoint=proxy.endpoint)
        location = create_bucket(proxied, credentials, bucket_name).child("scenario.tif")
        put_file(location, scenario)
        assert read_tile_layout(location.vsi_path) is not None  # the header in GDAL's cache, as after an open
        prefetcher = ViewPrefetcher()
        try:
            proxy.reset()
            prefetcher.idle([_view(1500, 1200, 1.0, location.vsi_path)], PrefetchLimits(64 << 20, 60.0))
            deadline = time.monotonic() + 20
            while proxy.snapshot().requests < 3 and time.monotonic() < deadline:
                time.sleep(0.01)
            prefetcher.view_changed()
            started = proxy.snapshot().requests
            assert prefetcher.wait_until_idle(30)
            time.sleep(0.3)
            assert proxy.snapshot().requests <= started + 2, "no read starts after the view changed"
            assert prefetcher.report.stopped == "view changed"
        finally:
            prefetcher.close()
