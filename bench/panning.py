"""Panning a remote 250 MB COG at 1280×800 over a 50 ms link: Cogport's layer against plain QGIS.

The parent starts the local Swift/S3 server, uploads the scenario COG (generated once, cached in the
temp directory) and puts a LatencyProxy in front. Each side then runs in its own QGIS process, so
caches are cold for both and the plain side's global options cannot leak into Cogport's:
  (a) the layer as Cogport adds it: SCOPED_OPTIONS.apply for the bucket, open_remote_raster_layer;
  (b) the same /vsis3/ object as a plain QGIS user adds it: global credentials, every other default.
Both render the same script of views with QgsMapRendererParallelJob; a second pair of processes runs
the rapid pan (10 views in 1 s, each render cancelled 100 ms after it started).
"""

from __future__ import annotations

import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path
from typing import Callable, Dict, List

from osgeo import gdal

from bench.workers import in_worker, report

WIDTH, HEIGHT = 8192, 8192  # 3 bands UInt16, DEFLATE: about 280 MB with overviews (shared with bench/session.py)
DELAY = 0.05
SIDES = {"a": "Cogport layer", "b": "plain QGIS /vsis3/ layer"}
BUCKET, KEY = "panning", "scenes/panning.tif"
RAPID_VIEWS = 10
RAPID_CANCEL_AFTER = 0.1
RAPID_RUNS = 3  # the rapid pan depends on thread timing: each side runs it this many times
SIBLINGS = 2500  # a catalogue folder: other scenes next to the one opened


def run(args) -> str:
    from cogport.tests.support.latency_proxy import LatencyProxy
    from cogport.tests.support.objectstore import SwiftServer
    from cogport.tests.support.panning import raster_geometry, write_scenario_cog
    from cogport.tests.support.stores import create_bucket, put_file, s3_connection

    cache = Path(tempfile.gettempdir()) / "cogport-bench"
    cache.mkdir(exist_ok=True)
    cog = write_scenario_cog(cache / f"panning-{WIDTH}x{HEIGHT}.tif", WIDTH, HEIGHT)
    geometry = raster_geometry(cog)
    server = SwiftServer.start_temporary()
    try:
        connection, credentials = s3_connection(server)
        location = create_bucket(connection, credentials, BUCKET).child(KEY)
        put_file(location, cog)
        with LatencyProxy(server.endpoint, delay=DELAY) as proxy:
            results: Dict[str, Dict[str, object]] = {}
            runs = [("script", "script"), ("drag", "drag")] + [("rapid", f"rapid{n}") for n in range(RAPID_RUNS)]
            runs.append(("first", "siblings"))
            for mode, name in runs:
                if name == "siblings":
                    _seed_siblings(server, SIBLINGS)
                for side in SIDES:
                    _remove_sidecar(location.vsi_path + ".aux.xml")  # the plain side writes one on close
                    proxy.reset()
                    results[f"{name}-{side}"] = _in_worker(mode, side, proxy.endpoint, cog)
    finally:
        server.stop(purge=True)
    return _report(results, geometry, cog)


def _seed_siblings(server, count: int) -> None:
    """`count` small objects beside the COG, through the Swift API with one token and a few threads."""
    import http.client
    from concurrent.futures import ThreadPoolExecutor
    from urllib.parse import urlsplit

    token = server.auth_token()
    storage = urlsplit(server.storage_url())

    def put(index: int) -> None:
        connection = http.client.HTTPConnection(storage.netloc, timeout=30)
        connection.request(
            "PUT",
            f"{storage.path}/{BUCKET}/scenes/scene-{index:05d}.tif",
            body=b"sibling",
            headers={"X-Auth-Token": token, "Content-Length": "7"},
        )
        assert connection.getresponse().status == 201
        connection.close()

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(put, range(count)))


def _remove_sidecar(path: str) -> None:
    try:
        gdal.Unlink(path)
    except RuntimeError:
        pass  # not there
    gdal.VSICurlClearCache()


def _in_worker(mode: str, side: str, endpoint: str, cog: Path) -> Dict[str, object]:
    return in_worker("panning", [mode, side, endpoint, str(cog)], timeout=900)


# --- worker processes ----------------------------------------------------------------------------
def _worker(mode: str, side: str, endpoint: str, cog: str) -> None:
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    from cogport.tests.support.latency_proxy import remote_traffic
    from cogport.tests.support.panning import SCRIPT, raster_geometry, run_script

    geometry = raster_geometry(Path(cog))
    open_layer = _opener(side, endpoint)

    def traffic():
        return remote_traffic(endpoint)

    if mode == "script":
        result: object = [asdict(cost) for cost in run_script(open_layer, geometry, traffic)]
    elif mode == "first":
        result = asdict(run_script(open_layer, geometry, traffic, SCRIPT[:1])[0])
    elif mode == "drag":
        result = _drag_to_completion(open_layer, geometry, traffic)
    else:
        result = _rapid_pan(open_layer, geometry, traffic)
    report(result)


def _opener(side: str, endpoint: str) -> Callable[[], object]:
    from qgis.core import QgsRasterLayer

    from cogport.plugin.core.storage.gdal_config import SCOPED_OPTIONS, credential_options
    from cogport.plugin.core.storage.uri import ObjectLocation
    from cogport.plugin.qgis.storage.remote_layer_tuning import open_remote_raster_layer
    from cogport.tests.support.stores import s3_connection_at

    connection, credentials = s3_connection_at(endpoint)
    location = ObjectLocation("vsis3", BUCKET, KEY)

    def cogport_layer():
        SCOPED_OPTIONS.apply(connection, credentials, BUCKET)
        return open_remote_raster_layer(location, "panning")

    def plain_layer():
        for key, value in credential_options(connection, credentials).items():
            gdal.SetConfigOption(key, value)  # what a plain QGIS user does: global settings
        return QgsRasterLayer(location.vsi_path, "panning", "gdal")

    return cogport_layer if side == "a" else plain_layer


def _rapid_pan(open_layer, geometry, traffic) -> Dict[str, object]:
    """A drag across fresh 1:1 areas: 10 views in 1 s, each render cancelled when the next starts."""
    from cogport.tests.support.panning import render, serves

    layer = open_layer()
    render(layer, geometry.view_extent(0.5, 0.5, 1.0))
    extents = _drag_extents(geometry)
    before = traffic()
    stale_jobs = []
    started = time.monotonic()
    for extent in extents[:-1]:
        job, _ = render(layer, extent, cancel_after=RAPID_CANCEL_AFTER)
        stale_jobs.append(job)
    at_last = traffic()
    _, last_seconds = render(layer, extents[-1])
    for job in stale_jobs:
        job.waitForFinished()
    end = traffic()
    after = end.minus(at_last)
    last_tiles = geometry.tiles_for(extents[-1])
    return {
        "pan_seconds": time.monotonic() - started - last_seconds,
        "requests": end.minus(before).requests,
        "completed_after_last": len(after.finished),
        "stale_after_last": sum(1 for _, byte_range in after.finished if not serves(byte_range, last_tiles)),
        "last_view_seconds": last_seconds,
    }


def _drag_to_completion(open_layer, geometry, traffic) -> Dict[str, object]:
    """The rapid pan's views with every render left to finish: what cancelling saves."""
    from cogport.tests.support.panning import render

    layer = open_layer()
    render(layer, geometry.view_extent(0.5, 0.5, 1.0))
    before = traffic()
    for extent in _drag_extents(geometry):
        render(layer, extent)
    return {"requests": traffic().minus(before).requests}


def _drag_extents(geometry) -> list:
    return [geometry.view_extent(0.2 + 0.06 * i, 0.3 + 0.04 * i, 0.125) for i in range(RAPID_VIEWS)]


# --- report --------------------------------------------------------------------------------------
def _ratio(b: float, a: float) -> str:
    if a == 0:
        return "–" if b == 0 else "∞"
    return f"{b / a:.2f}"


def _report(results: Dict[str, object], geometry, cog: Path) -> str:
    from cogport.tests.support.panning import CLOSING, REVISITS, SCRIPT

    a_costs: List[dict] = results["script-a"]  # type: ignore[assignment]
    b_costs: List[dict] = results["script-b"]  # type: ignore[assignment]
    lines = [
        f"Scenario: {cog.stat().st_size / 1e6:.0f} MB COG, {WIDTH}×{HEIGHT}, 3 bands UInt16, DEFLATE, 512-pixel "
        f"tiles, {len(geometry.levels) - 1} overviews; 1280×800 QgsMapRendererParallelJob renders; "
        f"{DELAY * 1000:.0f} ms added per HTTP request; view 1 includes opening the layer. "
        "(a) Cogport layer, (b) plain QGIS /vsis3/ layer, each in its own cold process.",
        "",
        "| # | view | level | tiles needed (bytes) | requests a | requests b | b/a | bytes a | bytes b | b/a "
        "| a / needed | time a (s) | time b (s) | b/a |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    over_two = []
    for index, (a, b) in enumerate(zip(a_costs, b_costs)):
        if a["name"] == CLOSING:
            lines.append(
                f"| – | {CLOSING} | | | {a['requests']} | {b['requests']} "
                f"| {_ratio(b['requests'], a['requests'])} | {a['bytes']:,} | {b['bytes']:,} | | | | | |"
            )
            continue
        _, cx, cy, fraction = SCRIPT[index]
        extent = geometry.view_extent(cx, cy, fraction)
        needed = geometry.needed_bytes(extent)
        share = a["bytes"] / needed if needed else 0.0
        if share > 2.0:
            over_two.append(index + 1)
        errors = " ⚠" if a["error"] or b["error"] else ""
        lines.append(
            f"| {index + 1} | {a['name']}{errors} | {geometry.level_for(extent)} | {needed:,} | {a['requests']} "
            f"| {b['requests']} | {_ratio(b['requests'], a['requests'])} | {a['bytes']:,} | {b['bytes']:,} "
            f"| {_ratio(b['bytes'], a['bytes'])} | {share:.2f} | {a['seconds']:.2f} | {b['seconds']:.2f} "
            f"| {_ratio(b['seconds'], a['seconds'])} |"
        )
    total = {
        side: {key: sum(c[key] for c in costs) for key in ("requests", "bytes", "seconds")}
        for side, costs in (("a", a_costs), ("b", b_costs))
    }
    lines.append(
        f"| | **total** | | | **{total['a']['requests']}** | **{total['b']['requests']}** "
        f"| **{_ratio(total['b']['requests'], total['a']['requests'])}** | {total['a']['bytes']:,} "
        f"| {total['b']['bytes']:,} | {_ratio(total['b']['bytes'], total['a']['bytes'])} | | "
        f"{total['a']['seconds']:.2f} | {total['b']['seconds']:.2f} "
        f"| {_ratio(total['b']['seconds'], total['a']['seconds'])} |"
    )

    revisit_requests = sum(a_costs[view]["requests"] for view in REVISITS)
    first = a_costs[0]
    targets = [
        ("first view of the plugin layer", "≤ 1.0 s", f"{first['seconds']:.2f} s", first["seconds"] <= 1.0),
        ("first view, HTTP requests", "≤ 8", str(first["requests"]), first["requests"] <= 8),
        (
            "whole script, requests (b/a)",
            "≥ 3× fewer for the plugin layer",
            f"{_ratio(total['b']['requests'], total['a']['requests'])}×",
            total["b"]["requests"] >= 3 * total["a"]["requests"],
        ),
        (
            "revisited views",
            "0 new requests",
            f"{revisit_requests} (views " + ", ".join(str(v + 1) for v in REVISITS) + ")",
            revisit_requests == 0,
        ),
        (
            "bytes of a view",
            "≤ 2× the needed tiles",
            "all views" if not over_two else "over in views " + ", ".join(map(str, over_two)),
            not over_two,
        ),
    ]
    lines += ["", "| measure | target | measured | met |", "|---|---|---|---|"]
    lines += [f"| {name} | {target} | {value} | {'yes' if met else '**no**'} |" for name, target, value, met in targets]

    lines += [
        "",
        f"Rapid pan: {RAPID_VIEWS} views at 1:1 in about 1 s, each render cancelled "
        f"{RAPID_CANCEL_AFTER * 1000:.0f} ms after it started (QgsMapRendererJob.cancelWithoutBlocking); "
        f"{RAPID_RUNS} runs per side, each in a cold process.",
        "",
        "| side | requests over the pan | completed after the last view started | of which for stale views "
        "| same 10 views, every render finished | last view (s) |",
        "|---|---|---|---|---|---|",
    ]
    for side, label in SIDES.items():
        rapid = [results[f"rapid{n}-{side}"] for n in range(RAPID_RUNS)]

        def each(key: str, form: str = "{}") -> str:
            return " / ".join(form.format(run[key]) for run in rapid)  # noqa: B023 - used at once

        lines.append(
            f"| {label} | {each('requests')} | {each('completed_after_last')} | {each('stale_after_last')} "
            f"| {results[f'drag-{side}']['requests']} | {each('last_view_seconds', '{:.2f}')} |"
        )

    a, b = results["siblings-a"], results["siblings-b"]
    lines += [
        "",
        f"First view again, with the COG among {SIBLINGS:,} other objects in its folder (a catalogue):",
        "",
        "| | requests a | requests b | b/a | bytes a | bytes b | time a (s) | time b (s) | b/a |",
        "|---|---|---|---|---|---|---|---|---|",
        f"| open + full extent | {a['requests']} | {b['requests']} | {_ratio(b['requests'], a['requests'])} "
        f"| {a['bytes']:,} | {b['bytes']:,} | {a['seconds']:.2f} | {b['seconds']:.2f} "
        f"| {_ratio(b['seconds'], a['seconds'])} |",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    if len(sys.argv) == 6 and sys.argv[1] == "worker":
        _worker(*sys.argv[2:])
