"""A person panning a remote 8192² COG over a shaped link, in a real QgsMapCanvas: local file, plain QGIS, Cogport.

The parent starts the local Swift/S3 server, uploads the scenario COG (generated once, cached in the temp
directory) and puts a LatencyProxy with a bandwidth cap in front (tests/support/latency_proxy.py LINKS).
Each side runs the person's session (tests/support/session.py) in its own cold QGIS process:
  local    the same COG as a local file: the floor;
  plain    the /vsis3/ object as a plain QGIS user adds it: global credentials, every other default;
  cogport  the layer as Cogport adds it, with its prefetch around the view.
Times run from each extent change until the canvas's refresh has finished; bytes and requests are the
proxy's, for the render and for the think time after it.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path
from typing import Dict, List, Sequence, Tuple

from bench.workers import in_worker, report

WIDTH = HEIGHT = 8192  # 3 bands UInt16, DEFLATE, 512-pixel tiles: about 280 MB with overviews
CANVAS = (1280, 800)
BUCKET, KEY = "session", "scenes/session.tif"
SIDES = {"local": "local file", "plain": "plain QGIS /vsis3/", "cogport": "Cogport"}
THINK_SWEEP = (0.5, 1.0, 2.5)  # besides the default 1.5 s, for the Cogport side on the default link


def run(args) -> str:
    from cogport.tests.support.latency_proxy import LINKS, LatencyProxy
    from cogport.tests.support.objectstore import SwiftServer
    from cogport.tests.support.panning import write_scenario_cog
    from cogport.tests.support.session import THINK_SECONDS
    from cogport.tests.support.stores import create_bucket, put_file, s3_connection

    cache = Path(tempfile.gettempdir()) / "cogport-bench"
    cache.mkdir(exist_ok=True)
    cog = write_scenario_cog(cache / f"panning-{WIDTH}x{HEIGHT}.tif", WIDTH, HEIGHT)
    results: Dict[Tuple[str, str, float], List[dict]] = {}
    server = SwiftServer.start_temporary()
    try:
        connection, credentials = s3_connection(server)
        put_file(create_bucket(connection, credentials, BUCKET).child(KEY), cog)
        default, *others = LINKS.values()
        results[("local", "", THINK_SECONDS)] = _in_worker("local", "", cog, THINK_SECONDS)
        for link in [default, *others]:
            with LatencyProxy.over(server.endpoint, link) as proxy:
                for side in ("plain", "cogport"):
                    results[(side, link.name, THINK_SECONDS)] = _in_worker(side, proxy.endpoint, cog, THINK_SECONDS)
                if link is default:
                    for think in THINK_SWEEP:
                        results[("cogport", link.name, think)] = _in_worker("cogport", proxy.endpoint, cog, think)
    finally:
        server.stop(purge=True)
    return _report(results, cog)


def _in_worker(side: str, endpoint: str, cog: Path, think: float) -> List[dict]:
    return in_worker("session", [side, endpoint or "-", str(cog), str(think)], timeout=1800)


# --- worker processes ----------------------------------------------------------------------------
def _worker(side: str, endpoint: str, cog: str, think: str) -> None:
    from qgis.core import QgsApplication, QgsProject

    app = QgsApplication([], True)
    app.initQgis()
    if side == "cogport":
        from cogport.plugin.core.storage.gdal_config import size_shared_read_cache

        size_shared_read_cache()  # what the plugin does as QGIS loads it
    from cogport.tests.support.latency_proxy import Traffic, remote_traffic
    from cogport.tests.support.panning import raster_geometry
    from cogport.tests.support.session import MainThreadWatch, person_session, run_session, spin, user_canvas

    geometry = raster_geometry(Path(cog))
    canvas, _bridge, clock = user_canvas(CANVAS)
    watch = MainThreadWatch()

    def traffic() -> Traffic:
        return remote_traffic(endpoint) if side != "local" else Traffic()

    prefetch = None
    if side == "cogport":
        from cogport.plugin.qgis.storage.view_prefetch import CanvasPrefetch

        prefetch = CanvasPrefetch(canvas)  # what the plugin installs on the QGIS map canvas at start-up

    def add_layer() -> None:  # as a person adds it: opened, added to the project, the canvas zooms to it
        QgsProject.instance().addMapLayer(_open_layer(side, endpoint, cog))

    moves = person_session(geometry.size, CANVAS)
    costs = run_session(
        canvas, clock, geometry, moves, traffic, lambda move: spin(float(think)), CANVAS, add_layer, watch
    )
    del prefetch  # kept alive until here
    report([cost.to_dict() for cost in costs])


def _open_layer(side: str, endpoint: str, cog: str):
    from osgeo import gdal
    from qgis.core import QgsRasterLayer

    from cogport.plugin.core.storage.gdal_config import SCOPED_OPTIONS, credential_options
    from cogport.plugin.core.storage.uri import ObjectLocation
    from cogport.plugin.qgis.storage.remote_layer_tuning import open_remote_raster_layer
    from cogport.tests.support.stores import s3_connection_at

    if side == "local":
        return QgsRasterLayer(cog, "session", "gdal")
    connection, credentials = s3_connection_at(endpoint)
    location = ObjectLocation("vsis3", BUCKET, KEY)
    if side == "plain":
        for key, value in credential_options(connection, credentials).items():
            gdal.SetConfigOption(key, value)  # what a plain QGIS user does: global settings
        return QgsRasterLayer(location.vsi_path, "session", "gdal")
    SCOPED_OPTIONS.apply(connection, credentials, BUCKET)
    return open_remote_raster_layer(location, "session")


# --- report --------------------------------------------------------------------------------------
def _ratio(a: float, b: float) -> str:
    return "–" if b == 0 else f"{a / b:.2f}"


def _report(results: Dict[Tuple[str, str, float], List[dict]], cog: Path) -> str:
    from cogport.tests.support.latency_proxy import LINKS
    from cogport.tests.support.panning import raster_geometry
    from cogport.tests.support.session import THINK_SECONDS, person_session

    geometry = raster_geometry(cog)
    moves = person_session(geometry.size, CANVAS)
    default = next(iter(LINKS.values()))
    shown = [(cost["extent"], cost["size"]) for cost in results[("cogport", default.name, THINK_SECONDS)]]
    needed = [geometry.needed_bytes(extent, size) for extent, size in shown]  # what the canvas really showed
    levels = [geometry.level_for(extent, size) for extent, size in shown]
    local = results[("local", "", THINK_SECONDS)]
    plain = results[("plain", default.name, THINK_SECONDS)]
    ours = results[("cogport", default.name, THINK_SECONDS)]
    lines = [
        f"Scenario: {cog.stat().st_size / 1e6:.0f} MB COG, {WIDTH}×{HEIGHT}, 3 bands UInt16, DEFLATE, 512-pixel "
        f"tiles, {len(geometry.levels) - 1} overviews; a {CANVAS[0]}×{CANVAS[1]} QgsMapCanvas set up as QGIS "
        f"sets it; link {default.name} ({default.describe()}); think time {THINK_SECONDS} s; each side in its "
        "own cold QGIS process. Time: extent change until the canvas's refresh finished (view 1 includes "
        "opening the layer). Bytes: the render's plus the think time's after it.",
        "",
        "| # | move | kind | level | view needs (MB) | local (s) | plain (s) | Cogport (s) | Cogport / local "
        "| plain / Cogport | plain MB | Cogport MB (render + think) | Cogport / needed |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for index, move in enumerate(moves):
        a, b, c = local[index], plain[index], ours[index]
        ours_bytes = c["bytes"] + c["idle_bytes"]
        errors = " ⚠" if a["error"] or b["error"] or c["error"] else ""
        lines.append(
            f"| {index + 1} | {move.label}{errors} | {move.kind} | {levels[index]} | {needed[index] / 1e6:.1f} "
            f"| {a['seconds']:.2f} | {b['seconds']:.2f} | {c['seconds']:.2f} | {_ratio(c['seconds'], a['seconds'])} "
            f"| {_ratio(b['seconds'], c['seconds'])} | {(b['bytes'] + b['idle_bytes']) / 1e6:.1f} "
            f"| {c['bytes'] / 1e6:.1f} + {c['idle_bytes'] / 1e6:.1f} | {_ratio(ours_bytes, needed[index])} |"
        )
    totals = {name: sum(cost["seconds"] for cost in side) for name, side in (("a", local), ("b", plain), ("c", ours))}
    lines.append(
        f"| | **total** | | | {sum(needed) / 1e6:.1f} | {totals['a']:.2f} | {totals['b']:.2f} | {totals['c']:.2f} "
        f"| {_ratio(totals['c'], totals['a'])} | **{_ratio(totals['b'], totals['c'])}** "
        f"| {sum(x['bytes'] + x['idle_bytes'] for x in plain) / 1e6:.1f} "
        f"| {sum(x['bytes'] for x in ours) / 1e6:.1f} + {sum(x['idle_bytes'] for x in ours) / 1e6:.1f} | |"
    )
    lines += ["", *_targets(moves, needed, local, plain, ours)]
    lines += ["", *_links(moves, results, local)]
    lines += ["", *_think_sweep(moves, results, local, plain, default.name)]
    return "\n".join(lines)


def _kind_ratios(moves, kinds: Sequence[str], local, plain, ours):
    """(Cogport / local, plain / Cogport) for each move of `kinds`."""
    ratios = []
    for index, move in enumerate(moves):
        if move.kind in kinds:
            ratios.append(
                (ours[index]["seconds"] / local[index]["seconds"], plain[index]["seconds"] / ours[index]["seconds"])
            )
    return ratios


def _targets(moves, needed, local, plain, ours) -> List[str]:
    from cogport.tests.support.session import JUMP, PAN_ON, TURN, ZOOM_IN, ZOOM_OUT

    lines = ["| move | target | measured | met |", "|---|---|---|---|"]

    def row(name: str, target: str, measured: str, met: bool) -> None:
        lines.append(f"| {name} | {target} | {measured} | {'yes' if met else '**no**'} |")

    for name, kinds in (
        ("keep panning (2nd and later steps)", (PAN_ON,)),
        ("zoom in by two / back out", (ZOOM_IN, ZOOM_OUT)),
    ):
        ratios = _kind_ratios(moves, kinds, local, plain, ours)
        worst_local = max(r[0] for r in ratios)
        worst_plain = min(r[1] for r in ratios)
        row(
            name,
            "≤ 1.5× local, ≥ 3× faster than plain",
            f"Cogport/local {statistics.median(r[0] for r in ratios):.2f} median, {worst_local:.2f} worst; "
            f"plain/Cogport {statistics.median(r[1] for r in ratios):.2f} median, {worst_plain:.2f} worst",
            worst_local <= 1.5 and worst_plain >= 3.0,
        )
    ratios = _kind_ratios(moves, (TURN, JUMP), local, plain, ours)
    worst = min(r[1] for r in ratios)
    row(
        "change of direction, or a jump",
        "no slower than plain",
        f"plain/Cogport {statistics.median(r[1] for r in ratios):.2f} median, {worst:.2f} worst",
        worst >= 0.9,
    )
    total_plain = sum(x["seconds"] for x in plain)
    total_ours = sum(x["seconds"] for x in ours)
    row("whole session", "≥ 2× faster than plain", f"{total_plain / total_ours:.2f}×", total_plain >= 2 * total_ours)
    shares = [(x["bytes"] + x["idle_bytes"]) / n for x, n in zip(ours, needed) if n]
    later = max(shares[1:])
    row(
        "bytes per move, prefetch included",
        "≤ 3× the view's needs",
        f"{later:.2f}× worst after the first view; first view {shares[0]:.2f}× (its render reads what plain QGIS "
        f"reads: {ours[0]['bytes'] / 1e6:.1f} and {plain[0]['bytes'] / 1e6:.1f} MB, the layer's statistics included)",
        later <= 3.0,
    )
    gaps = {
        name: max(x["main_thread_gap"] for x in side[1:]) * 1000
        for name, side in (("a", local), ("b", plain), ("c", ours))
    }
    row(
        "main thread",
        "never blocked > 100 ms",
        f"{gaps['c']:.0f} ms longest after the first view (plain {gaps['b']:.0f} ms, local {gaps['a']:.0f} ms); "
        f"adding the layer, QGIS opens it on the main thread: {ours[0]['main_thread_gap'] * 1000:.0f} ms "
        f"(plain {plain[0]['main_thread_gap'] * 1000:.0f} ms)",
        gaps["c"] <= 100,
    )
    row(
        "first view, requests",
        "no more than plain QGIS",
        f"{ours[0]['requests']} (plain {plain[0]['requests']}; bench/panning.py has the old request table)",
        ours[0]["requests"] <= plain[0]["requests"],
    )
    return lines


def _links(moves, results, local) -> List[str]:
    from cogport.tests.support.latency_proxy import LINKS
    from cogport.tests.support.session import PREDICTABLE, THINK_SECONDS

    lines = [
        f"Per link, think time {THINK_SECONDS} s (totals over the session; predictable: pans on, zooms in and out):",
        "",
        "| link | local (s) | plain (s) | Cogport (s) | plain / Cogport "
        "| predictable moves, Cogport / local (median, worst) | plain MB | Cogport MB |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for link in LINKS.values():
        plain, ours = results[("plain", link.name, THINK_SECONDS)], results[("cogport", link.name, THINK_SECONDS)]
        predictable = [ours[i]["seconds"] / local[i]["seconds"] for i, m in enumerate(moves) if m.kind in PREDICTABLE]
        lines.append(
            f"| {link.name} | {sum(x['seconds'] for x in local):.2f} | {sum(x['seconds'] for x in plain):.2f} "
            f"| {sum(x['seconds'] for x in ours):.2f} "
            f"| {sum(x['seconds'] for x in plain) / sum(x['seconds'] for x in ours):.2f} "
            f"| {statistics.median(predictable):.2f}, {max(predictable):.2f} "
            f"| {sum(x['bytes'] + x['idle_bytes'] for x in plain) / 1e6:.0f} "
            f"| {sum(x['bytes'] + x['idle_bytes'] for x in ours) / 1e6:.0f} |"
        )
    return lines


def _think_sweep(moves, results, local, plain, link: str) -> List[str]:
    from cogport.tests.support.session import PAN_ON, THINK_SECONDS, ZOOM_IN, ZOOM_OUT

    lines = [
        f"Think time, link {link} (Cogport side; the plain and local sides do not depend on it):",
        "",
        "| think (s) | pans on, Cogport / local (median, worst) | zooms, Cogport / local (median, worst) "
        "| session, plain / Cogport |",
        "|---|---|---|---|",
    ]
    for think in sorted({THINK_SECONDS, *THINK_SWEEP}):
        ours = results[("cogport", link, think)]
        cells = []
        for kinds in ((PAN_ON,), (ZOOM_IN, ZOOM_OUT)):
            ratios = [r[0] for r in _kind_ratios(moves, kinds, local, plain, ours)]
            cells.append(f"{statistics.median(ratios):.2f}, {max(ratios):.2f}")
        total = sum(x["seconds"] for x in plain) / sum(x["seconds"] for x in ours)
        lines.append(f"| {think} | {cells[0]} | {cells[1]} | {total:.2f} |")
    return lines


if __name__ == "__main__":
    if len(sys.argv) == 6 and sys.argv[1] == "worker":
        _worker(*sys.argv[2:])
