"""Prefetch around the view in a real map canvas: a person's session costs what CI pins, only Cogport's
layers are read, and the settings switch it off.

The person's session (tests/support/session.py) runs on a 640×400 canvas over a 3072×2560 COG, which
keeps the levels the bench's 1280×800 over 8192² has. The think time lasts until the prefetch is done,
so the counts are those of a person who pauses long enough: requests and bytes, never timings.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Iterator

import pytest
from osgeo import gdal
from qgis.core import QgsProject, QgsRasterLayer, QgsSettings

from cogport.plugin.core.storage.gdal_config import SCOPED_OPTIONS, credential_options
from cogport.plugin.qgis.storage.remote_layer_tuning import open_remote_raster_layer
from cogport.plugin.qgis.storage.view_prefetch import CanvasPrefetch, PrefetchSettings, save_prefetch_settings
from cogport.tests.support.latency_proxy import LatencyProxy
from cogport.tests.support.panning import raster_geometry, write_scenario_cog
from cogport.tests.support.session import (
    FIRST,
    PREDICTABLE,
    move_extent,
    person_session,
    run_session,
    set_extent,
    show_view,
    spin,
    spin_until,
    user_canvas,
)
from cogport.tests.support.stores import create_bucket, put_file, s3_connection

CANVAS = (640, 400)
KEY = "scenes/session.tif"


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_scenario_cog(tmp_path_factory.mktemp("session") / "session.tif", 3072, 2560)


@pytest.fixture
def remote(qgis_app, objectstore, bucket_name, scenario) -> Iterator[tuple]:
    QgsProject.instance().clear()  # the person starts from an empty project: QGIS zooms to the first layer
    connection, credentials = s3_connection(objectstore)
    root = create_bucket(connection, credentials, bucket_name)
    put_file(root.child(KEY), scenario)
    with LatencyProxy(objectstore.endpoint, delay=0) as proxy:
        yield proxy, dataclasses.replace(connection, endpoint=proxy.endpoint), credentials, root.child(KEY)
    QgsProject.instance().clear()
    QgsSettings().remove("cogport/prefetch")
    gdal.VSICurlClearCache()


def _cogport_layer(proxied, credentials, location) -> QgsRasterLayer:
    SCOPED_OPTIONS.apply(proxied, credentials, location.bucket)
    layer = open_remote_raster_layer(location, "session")
    assert layer.isValid(), layer.error().summary()
    return layer


def _session(canvas, clock, proxy, geometry, think, layer):
    moves = person_session(geometry.size, CANVAS)
    add = lambda: QgsProject.instance().addMapLayer(layer())  # noqa: E731 - the first view's change
    return run_session(canvas, clock, geometry, moves, proxy.snapshot, think, CANVAS, add)


def test_a_persons_session_costs_no_request_for_the_moves_a_prefetch_can_foresee(remote, scenario):
    proxy, proxied, credentials, location = remote
    geometry = raster_geometry(scenario)
    canvas, _bridge, clock = user_canvas(CANVAS)
    prefetch = CanvasPrefetch(canvas)
    stops = []
    first_view_requests = []
    try:

        def think(move) -> None:
            if not stops:
                first_view_requests.extend(proxy.snapshot().ranges)
            assert not canvas.previewJobsEnabled(), "QGIS's neighbour previews pause while a Cogport layer shows"
            assert spin_until(lambda: prefetch.prefetcher.wait_until_idle(0), 60)
            stops.append(prefetch.prefetcher.report.stopped)

        costs = _session(canvas, clock, proxy, geometry, think, lambda: _cogport_layer(proxied, credentials, location))
    finally:
        prefetch.unload()
    moves = person_session(geometry.size, CANVAS)
    assert all(not cost.error for cost in costs), [cost.error for cost in costs]
    # The header and the smallest overviews; in long runs QGIS sometimes also reads one finer level for the first
    # view (two more ranges, as plain QGIS does), so up to three.
    assert costs[0].kind == FIRST and costs[0].requests <= 3, ("the header and the overviews", first_view_requests)
    foreseen = [index for index, move in enumerate(moves) if move.kind in PREDICTABLE]
    paid = [(moves[i].label, costs[i].requests, stops[i - 1]) for i in foreseen if costs[i].requests]
    # A foreseen move costs requests only when the idle period before it ran out of its byte budget (twice the
    # view's bytes): here the zooms in from the two coarsest views, whose finer views touch more 512-pixel tiles.
    assert all(stopped == "bytes" for _, _, stopped in paid), paid
    assert len(paid) <= 2 and sum(costs[i].requests for i in foreseen) <= 2, paid
    needed = [geometry.needed_bytes(cost.extent, cost.size) for cost in costs]  # of what the canvas showed
    for move, cost, need in list(zip(moves, costs, needed))[1:]:  # the first view also reads the header
        assert cost.bytes + cost.idle_bytes <= 3 * need, (move.label, cost, need)
    assert sum(cost.bytes + cost.idle_bytes for cost in costs[1:]) <= scenario.stat().st_size
    assert canvas.previewJobsEnabled(), "previews are back once Cogport stops"


def test_plain_qgis_pays_for_the_foreseeable_moves_a_prefetch_saves(remote, scenario):
    proxy, proxied, credentials, location = remote
    geometry = raster_geometry(scenario)
    gdal.ClearPathSpecificOptions(location.bucket_prefix)  # Cogport's own, from writing the object
    options = credential_options(proxied, credentials)
    for key, value in options.items():
        gdal.SetConfigOption(key, value)
    canvas, _bridge, clock = user_canvas(CANVAS)
    try:
        plain = lambda: QgsRasterLayer(location.vsi_path, "plain", "gdal")  # noqa: E731 - as a user adds it
        costs = _session(canvas, clock, proxy, geometry, lambda move: spin(0.05), plain)
    finally:
        for key in options:
            gdal.SetConfigOption(key, None)
    moves = person_session(geometry.size, CANVAS)
    paid = [cost.requests for move, cost in zip(moves, costs) if move.kind in PREDICTABLE]
    # Measured 6 of the 16 foreseeable moves (the others reuse what earlier views read); Cogport pays for 2.
    assert sum(1 for requests in paid if requests) >= 5, paid
    assert sum(cost.idle_requests for cost in costs) == 0, "nothing is read between views"


def test_only_cogport_layers_are_prefetched_and_the_switch_turns_it_off(remote, scenario, tmp_path):
    proxy, proxied, credentials, location = remote
    geometry = raster_geometry(scenario)
    other = QgsRasterLayer(str(scenario), "local copy", "gdal")  # a layer Cogport did not add
    canvas, _bridge, clock = user_canvas(CANVAS)
    prefetch = CanvasPrefetch(canvas)
    try:
        QgsProject.instance().addMapLayer(other)
        moves = person_session(geometry.size, CANVAS)
        show_view(canvas, clock, set_extent(canvas, move_extent(geometry, moves[2], CANVAS)))
        spin(0.3)
        assert prefetch.prefetcher is None or prefetch.prefetcher.wait_until_idle(0)
        assert canvas.previewJobsEnabled(), "previews stay on while no Cogport layer is shown"

        layer = _cogport_layer(proxied, credentials, location)
        QgsProject.instance().addMapLayer(layer)
        show_view(canvas, clock, set_extent(canvas, move_extent(geometry, moves[3], CANVAS)))
        assert spin_until(lambda: prefetch.prefetcher.wait_until_idle(0), 60)
        assert prefetch.prefetcher.report.fetched > 0
        assert set(proxy.snapshot().paths) == {f"/{location.bucket}/{KEY}"}

        save_prefetch_settings(PrefetchSettings(enabled=False))
        show_view(canvas, clock, set_extent(canvas, move_extent(geometry, moves[4], CANVAS)))
        assert prefetch.prefetcher is None and canvas.previewJobsEnabled(), "off: QGIS's previews are back"
        canvas.setPreviewJobsEnabled(False)  # they would read between views too, but they are not Cogport's
        proxy.reset()
        for move in moves[5:8]:
            show_view(canvas, clock, set_extent(canvas, move_extent(geometry, move, CANVAS)))
            rendered = proxy.snapshot().requests
            spin(0.5)
            assert proxy.snapshot().requests == rendered, "switched off: nothing read between views"
    finally:
        prefetch.unload()
        save_prefetch_settings(PrefetchSettings())
    assert gdal.GetConfigOption("GDAL_HTTP_MULTIRANGE") is None, "unloading restores GDAL's settings"
