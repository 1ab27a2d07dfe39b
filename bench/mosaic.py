"""A whole prefix as one mosaic: 2,000 COGs behind a 30 ms link, Cogport's mosaic against gdalbuildvrt.

The parent starts the local Swift/S3 server, puts 2,000 small COGs (512², 256-pixel tiles, one overview)
on a 50 × 40 grid under one prefix, and a LatencyProxy adding 30 ms per request in front. Each step runs
in its own cold process, reading through the proxy, which counts requests per object:
  build    gdalbuildvrt over the same /vsis3/ paths (global credentials, as a user runs it), then
           Cogport's build_prefix_mosaic (listing, headers in parallel, the overview);
  views    on each VRT: a 1280×800 window at full resolution, then the full extent at 1280×800,
           counting the scenes each read opens.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path
from typing import Dict

from bench.workers import in_worker, report

COLUMNS, ROWS = 50, 40
DELAY = 0.030
BUCKET, PREFIX = "catalogue", "scenes/"
WINDOW = (1280, 800)


def run(args) -> str:
    from cogport.tests.support.latency_proxy import LatencyProxy
    from cogport.tests.support.objectstore import SwiftServer
    from cogport.tests.support.scenes import seed_scenes
    from cogport.tests.support.stores import create_bucket, s3_connection

    work = Path(tempfile.mkdtemp(prefix="cogport-mosaic-"))
    results: Dict[str, dict] = {}
    server = SwiftServer.start_temporary()
    try:
        connection, credentials = s3_connection(server)
        create_bucket(connection, credentials, BUCKET)
        started = time.monotonic()
        seed_scenes(server, BUCKET, PREFIX, COLUMNS, ROWS)
        seeding = time.monotonic() - started
        with LatencyProxy(server.endpoint, delay=DELAY) as proxy:
            for step in ("gdalbuildvrt", "cogport"):
                results[f"build-{step}"] = _in_worker("build", step, proxy.endpoint, work)
            for step in ("gdalbuildvrt", "cogport"):
                results[f"views-{step}"] = _in_worker("views", step, proxy.endpoint, work)
    finally:
        server.stop(purge=True)
    return _report(results, seeding)


def _in_worker(mode: str, side: str, endpoint: str, work: Path) -> dict:
    return in_worker("mosaic", [mode, side, endpoint, str(work)], timeout=3600)


# --- worker processes ----------------------------------------------------------------------------
def _worker(mode: str, side: str, endpoint: str, work: str) -> None:
    from osgeo import gdal

    from cogport.plugin.core.storage.gdal_config import SCOPED_OPTIONS, credential_options
    from cogport.plugin.core.storage.uri import ObjectLocation
    from cogport.tests.support.latency_proxy import remote_traffic
    from cogport.tests.support.stores import s3_connection_at

    gdal.UseExceptions()
    connection, credentials = s3_connection_at(endpoint)
    vrt = Path(work) / f"{side}.vrt"
    if side == "gdalbuildvrt":
        for key, value in credential_options(connection, credentials).items():
            gdal.SetConfigOption(key, value)  # what a user of gdalbuildvrt does: global settings
    else:
        SCOPED_OPTIONS.apply(connection, credentials, BUCKET)
    remote_traffic(endpoint, reset=True)
    if mode == "build":
        started = time.monotonic()
        if side == "gdalbuildvrt":
            paths = [f"/vsis3/{BUCKET}/{PREFIX}scene-{r:03d}-{c:03d}.tif" for r in range(ROWS) for c in range(COLUMNS)]
            gdal.BuildVRT(str(vrt), paths)
            scenes = len(paths)
        else:
            from cogport.plugin.core.cog.mosaic import build_prefix_mosaic

            scenes = build_prefix_mosaic(connection, credentials, ObjectLocation("vsis3", BUCKET, PREFIX), vrt).scenes
        seconds = time.monotonic() - started
        traffic = remote_traffic(endpoint)
        result: dict = {"seconds": seconds, "requests": traffic.requests, "bytes": traffic.bytes, "scenes": scenes}
    else:
        dataset = gdal.Open(str(vrt))
        x, y = 17 * 512 + 100, 13 * 512 + 60  # a full-resolution view across the corners of a few scenes
        started = time.monotonic()
        dataset.ReadRaster(x, y, WINDOW[0], WINDOW[1])
        window_seconds = time.monotonic() - started
        window = remote_traffic(endpoint, reset=True)
        started = time.monotonic()
        fit = max(dataset.RasterXSize / WINDOW[0], dataset.RasterYSize / WINDOW[1])
        dataset.ReadRaster(
            0,
            0,
            dataset.RasterXSize,
            dataset.RasterYSize,
            int(dataset.RasterXSize / fit),
            int(dataset.RasterYSize / fit),
        )
        full_seconds = time.monotonic() - started
        full = remote_traffic(endpoint)
        touched = {
            (c, r)
            for c in range(x // 512, (x + WINDOW[0] - 1) // 512 + 1)
            for r in range(y // 512, (y + WINDOW[1] - 1) // 512 + 1)
        }
        result = {
            "window_seconds": window_seconds,
            "window_opened": len([p for p in window.paths if p.endswith(".tif")]),
            "window_touches": len(touched),
            "window_bytes": window.bytes,
            "full_seconds": full_seconds,
            "full_opened": len([p for p in full.paths if p.endswith(".tif")]),
            "full_bytes": full.bytes,
        }
    report(result)


# --- report --------------------------------------------------------------------------------------
def _report(results: Dict[str, dict], seeding: float) -> str:
    build_b, build_a = results["build-gdalbuildvrt"], results["build-cogport"]
    views_b, views_a = results["views-gdalbuildvrt"], results["views-cogport"]
    ratio = build_b["seconds"] / build_a["seconds"]
    only_touched = views_a["window_opened"] <= views_a["window_touches"]
    lines = [
        f"Scenario: {COLUMNS * ROWS:,} COGs of 512×512 (256-pixel tiles, one overview) on a {COLUMNS} × {ROWS} grid "
        f"under one prefix of the local S3 API, {DELAY * 1000:.0f} ms added per request (no bandwidth cap); "
        f"each step in its own cold process (seeding took {seeding:.0f} s).",
        "",
        "| | gdalbuildvrt (same /vsis3/ paths) | Cogport `build_mosaic` | ratio |",
        "|---|---|---|---|",
        f"| build time | {build_b['seconds']:.1f} s | {build_a['seconds']:.1f} s | **{ratio:.1f}×** faster |",
        f"| requests while building | {build_b['requests']:,} | {build_a['requests']:,} | |",
        f"| bytes while building | {build_b['bytes'] / 1e6:.1f} MB | {build_a['bytes'] / 1e6:.1f} MB | |",
        f"| {WINDOW[0]}×{WINDOW[1]} view at full resolution: scenes opened (it touches "
        f"{views_a['window_touches']}) | {views_b['window_opened']} | {views_a['window_opened']} | |",
        f"| same view, time | {views_b['window_seconds']:.2f} s | {views_a['window_seconds']:.2f} s | |",
        f"| full extent at {WINDOW[0]}×{WINDOW[1]}: scenes opened | {views_b['full_opened']:,} "
        f"| {views_a['full_opened']} | |",
        f"| full extent: remote bytes, time | {views_b['full_bytes'] / 1e6:.1f} MB, {views_b['full_seconds']:.1f} s "
        f"| {views_a['full_bytes'] / 1e6:.1f} MB, {views_a['full_seconds']:.2f} s (its local overview) | |",
        "",
        "| target | measured | met |",
        "|---|---|---|",
        f"| built ≥ 10× faster than gdalbuildvrt | {ratio:.1f}× | {'yes' if ratio >= 10 else '**no**'} |",
        f"| a full-resolution view opens only the scenes it touches | {views_a['window_opened']} of "
        f"{views_a['window_touches']} | {'yes' if only_touched else '**no**'} |",
        f"| the full extent reads only overview bytes | {views_a['full_opened']} scenes opened | "
        f"{'yes' if views_a['full_opened'] == 0 else '**no**'} |",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    if len(sys.argv) == 6 and sys.argv[1] == "worker":
        _worker(*sys.argv[2:])
