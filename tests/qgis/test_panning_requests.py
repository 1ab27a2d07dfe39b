"""Panning a remote COG: what each view costs in HTTP requests, against plain QGIS, and failures mid-pan.

Counts come from a LatencyProxy (no delay) between GDAL and the real local S3 server; they are
deterministic, so they may be asserted (timings are left to bench/panning.py).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Iterator, List

import pytest
from osgeo import gdal
from qgis.core import Qgis, QgsProject, QgsRasterLayer, QgsRectangle

import cogport
from cogport.plugin.core.storage.gdal_config import SCOPED_OPTIONS, credential_options
from cogport.plugin.core.storage.uri import ObjectLocation
from cogport.plugin.qgis.storage.remote_layer_tuning import open_remote_raster_layer
from cogport.plugin.qgis.storage.view_prefetch import PrefetchSettings, save_prefetch_settings
from cogport.tests.support.latency_proxy import LatencyProxy
from cogport.tests.support.panning import (
    CLOSING,
    REVISITS,
    SCRIPT,
    RasterGeometry,
    ViewCost,
    raster_geometry,
    run_script,
    write_scenario_cog,
)
from cogport.tests.support.stores import create_bucket, put_bytes, put_file, s3_connection

KEY = "scenes/scenario.tif"


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 33 MB COG (3072×2560, 3 bands UInt16, DEFLATE, 512-pixel tiles, 3 overview levels)."""
    return write_scenario_cog(tmp_path_factory.mktemp("panning") / "scenario.tif", 3072, 2560)


@pytest.fixture
def remote(objectstore, bucket_name, scenario) -> Iterator[tuple]:
    """The scenario COG in a bucket beside a few sibling objects, and a counting proxy in front."""
    connection, credentials = s3_connection(objectstore)
    root = create_bucket(connection, credentials, bucket_name)
    put_file(root.child(KEY), scenario)
    for name in ("a.tif", "b.tif", "notes.txt"):
        put_bytes(root.child(f"scenes/{name}"), b"sibling")
    with LatencyProxy(objectstore.endpoint, delay=0) as proxy:
        proxied = dataclasses.replace(connection, endpoint=proxy.endpoint)
        yield proxy, proxied, credentials, root.child(KEY)
    gdal.VSICurlClearCache()


def cogport_layer(proxied, credentials, location: ObjectLocation) -> QgsRasterLayer:
    """The layer as Cogport adds it: bucket-scoped options, then the tuned open on the main thread."""
    SCOPED_OPTIONS.apply(proxied, credentials, location.bucket)
    layer = open_remote_raster_layer(location, "scenario")
    assert layer.isValid(), layer.error().summary()
    return layer


def run_plain(proxy, proxied, credentials, location, geometry) -> List[ViewCost]:
    """The same object as a plain QGIS user adds it: global credentials, every other option default."""
    gdal.ClearPathSpecificOptions(location.bucket_prefix)
    gdal.VSICurlClearCache()
    options = credential_options(proxied, credentials)
    for key, value in options.items():
        gdal.SetConfigOption(key, value)
    try:

        def open_plain() -> QgsRasterLayer:
            layer = QgsRasterLayer(location.vsi_path, "scenario", "gdal")
            assert layer.isValid(), layer.error().summary()
            return layer

        return run_script(open_plain, geometry, proxy.snapshot)
    finally:
        for key in options:
            gdal.SetConfigOption(key, None)


def writes_and_listings(proxy) -> List[str]:
    return [
        target
        for target, _ in proxy.snapshot().ranges
        if not target.startswith("GET /") or "?" in target or target.endswith("/")
    ]


def test_cogport_layer_views_stay_within_request_and_byte_targets(remote, scenario):
    proxy, proxied, credentials, location = remote
    geometry = raster_geometry(scenario)
    costs = run_script(lambda: cogport_layer(proxied, credentials, location), geometry, proxy.snapshot)

    assert all(not cost.error for cost in costs), [cost.error for cost in costs]
    assert costs[0].requests <= 8, "first view (open included) must take at most 8 requests"
    for view, earlier in REVISITS.items():
        assert costs[view].requests == 0, f"revisiting view {earlier} must come from cache"
    _assert_bytes_within_twice_the_needed_tiles(costs, geometry)
    assert costs[-1].name == CLOSING and costs[-1].requests == 0, "closing must not write into the bucket"
    assert writes_and_listings(proxy) == [], "only ranged reads of the object itself"
    assert gdal.VSIStatL(location.vsi_path + ".aux.xml") is None


def _assert_bytes_within_twice_the_needed_tiles(costs: List[ViewCost], geometry: RasterGeometry) -> None:
    for cost, (name, cx, cy, fraction) in zip(costs, SCRIPT):
        needed = geometry.needed_bytes(geometry.view_extent(cx, cy, fraction))
        assert cost.bytes <= 2 * needed, f"{name}: {cost.bytes} bytes read for {needed} bytes of tiles"


def test_plain_qgis_defaults_need_more_requests_and_write_into_the_bucket(remote, scenario):
    proxy, proxied, credentials, location = remote
    geometry = raster_geometry(scenario)
    cogport = run_script(lambda: cogport_layer(proxied, credentials, location), geometry, proxy.snapshot)
    proxy.reset()
    plain = run_plain(proxy, proxied, credentials, location, geometry)

    cogport_total = sum(cost.requests for cost in cogport)
    plain_total = sum(cost.requests for cost in plain)
    # The plain layer lists the folder on open, reads the header in two steps, and on close PUTs the
    # histogram QGIS computed as scenario.tif.aux.xml into the user's bucket.
    assert plain_total >= cogport_total + 3, (plain_total, cogport_total)
    extra = writes_and_listings(proxy)
    assert any(target.startswith("PUT ") and target.endswith(".aux.xml") for target in extra), extra
    assert any(target.startswith("GET ") and ("?" in target or target.endswith("/")) for target in extra), extra
    assert plain[0].requests > cogport[0].requests
    for view in REVISITS:
        assert plain[view].requests == 0 and cogport[view].requests == 0


def _render_canvas(canvas, qtbot, extent: QgsRectangle) -> None:
    qtbot.waitUntil(lambda: not canvas.isDrawing(), timeout=30000)
    with qtbot.waitSignal(canvas.mapCanvasRefreshed, timeout=30000):
        canvas.setExtent(extent)
        canvas.refresh()


def test_network_failure_mid_pan_tells_the_user_once_per_outage(remote, scenario, qgis_iface, qtbot):
    proxy, proxied, credentials, location = remote
    geometry = raster_geometry(scenario)
    canvas, bar = qgis_iface.mapCanvas(), qgis_iface.messageBar()
    bar.clear_messages()
    # Off, so that the views below are read while they render: a prefetch could have put them in the cache
    # before the outage, and then nothing would fail (the failure of a prefetch is never shown).
    save_prefetch_settings(PrefetchSettings(enabled=False))
    plugin = cogport.classFactory(qgis_iface)
    plugin.initGui()  # installs the RemoteReadWatcher on the canvas
    layer = cogport_layer(proxied, credentials, location)
    QgsProject.instance().addMapLayer(layer)
    canvas.setLayers([layer])
    canvas.setDestinationCrs(layer.crs())
    canvas.window().show()  # a hidden canvas never renders
    qtbot.wait(50)
    views = [QgsRectangle(*geometry.view_extent(cx, cy, fraction)) for _, cx, cy, fraction in SCRIPT]
    try:
        _render_canvas(canvas, qtbot, views[0])
        assert bar.get_messages(Qgis.Warning) == []

        proxy.failing = True  # the store answers 503 from here on
        _render_canvas(canvas, qtbot, views[7])
        warnings = bar.get_messages(Qgis.Warning)
        assert len(warnings) == 1, warnings
        assert "scenario" in warnings[0] and f"s3://{location.bucket}/{KEY}" in warnings[0]
        assert "network" in warnings[0] and "retry" in warnings[0]
        assert "TIFF" not in warnings[0] and "IReadBlock" not in warnings[0]

        _render_canvas(canvas, qtbot, views[8])  # still down: no second message for the same outage
        assert len(bar.get_messages(Qgis.Warning)) == 1

        proxy.failing = False
        _render_canvas(canvas, qtbot, views[4])  # back up: renders cleanly
        assert len(bar.get_messages(Qgis.Warning)) == 1
        proxy.stop()  # the link dies altogether: a new outage is reported again
        _render_canvas(canvas, qtbot, views[2])
        assert len(bar.get_messages(Qgis.Warning)) == 2
    finally:
        plugin.unload()
        save_prefetch_settings(PrefetchSettings())
        canvas.setLayers([])
        QgsProject.instance().removeMapLayer(layer.id())
