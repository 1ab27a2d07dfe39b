"""Remote validation: bytes fetched when validating 25 MB and 250 MB COGs on the local object store.

Peer: GDAL's validate_cloud_optimized_geotiff (osgeo_utils) on the same /vsis3/ path, in the same run.
Network bytes are counted by a reverse proxy between GDAL and the Swift server (response bodies).
Target: at most 100 KB, and the same for both sizes.
"""

from __future__ import annotations

import dataclasses
import tempfile
import time
from functools import partial
from pathlib import Path
from typing import List, Tuple

from osgeo import gdal

from cogport.plugin.core.cog.validate import validate_cog
from cogport.plugin.core.storage.gdal_config import SCOPED_OPTIONS
from cogport.tests.support.counting_proxy import CountingProxy
from cogport.tests.support.objectstore import SwiftServer
from cogport.tests.support.stores import s3_connection

TARGET = 100 * 1024
SIZES_MB = (25, 250)
BUCKET = "bench-validation"


def _make_cog(path: Path, megabytes: int) -> None:
    # UInt16, one band, uncompressed, in whole 512-pixel tiles; overviews add about a third.
    side = round((megabytes * 1e6 / 2 / 1.333) ** 0.5 / 512) * 512
    source = gdal.GetDriverByName("MEM").Create("", side, side, 1, gdal.GDT_UInt16)
    source.SetGeoTransform([500000, 10, 0, 5000000, 0, -10])
    source.GetRasterBand(1).Fill(1234)
    gdal.Translate(str(path), source, format="COG", creationOptions=["COMPRESS=NONE", "NUM_THREADS=ALL_CPUS"])


def _upload(local: Path, remote: str) -> None:
    handle = gdal.VSIFOpenL(remote, "wb")
    with open(local, "rb") as stream:
        while chunk := stream.read(8 << 20):
            gdal.VSIFWriteL(chunk, 1, len(chunk), handle)
    if gdal.VSIFCloseL(handle) != 0:
        raise RuntimeError(f"upload of {remote} failed")


def _measure(proxy: CountingProxy, action) -> Tuple[int, int, float, object]:
    gdal.VSICurlClearCache()
    proxy.counter.reset()
    started = time.perf_counter()
    result = action()
    elapsed = time.perf_counter() - started
    return proxy.counter.body_bytes, len(proxy.counter.requests), elapsed, result


def _gdal_validator(path: str):
    from osgeo_utils.samples import validate_cloud_optimized_geotiff as peer

    dataset = gdal.Open(path)
    warnings, errors, _details = peer.validate(dataset)
    dataset = None
    return not errors


def run(args=None) -> str:
    rows: List[str] = []
    workdir = Path(tempfile.mkdtemp(prefix="cogport-bench-validation-"))
    server = SwiftServer.start_temporary(workdir / "swift")
    try:
        with CountingProxy(server.endpoint) as proxy:
            connection, credentials = s3_connection(server)
            SCOPED_OPTIONS.apply(dataclasses.replace(connection, endpoint=proxy.endpoint), credentials, BUCKET)
            gdal.Mkdir(f"/vsis3/{BUCKET}", 0)
            figures = {}
            for megabytes in SIZES_MB:
                local = workdir / f"cog_{megabytes}mb.tif"
                _make_cog(local, megabytes)
                remote = f"/vsis3/{BUCKET}/{local.name}"
                _upload(local, remote)
                size = local.stat().st_size
                local.unlink()
                ours_net, ours_requests, ours_time, report = _measure(proxy, partial(validate_cog, remote))
                peer_net, peer_requests, peer_time, peer_valid = _measure(proxy, partial(_gdal_validator, remote))
                if report.valid != peer_valid:
                    raise RuntimeError(f"verdicts differ on {remote}: ours {report.valid}, GDAL {peer_valid}")
                figures[megabytes] = (report.bytes_read, ours_net)
                rows.append(
                    f"| {size / 1e6:.1f} MB | {report.bytes_read:,} | {ours_net:,} ({ours_requests} req) | "
                    f"{peer_net:,} ({peer_requests} req) | {ours_net / peer_net:.2f} | {ours_time * 1000:.0f} ms / "
                    f"{peer_time * 1000:.0f} ms | {'valid' if report.valid else 'invalid'} (both) |"
                )
    finally:
        server.stop(purge=True)
    same = len({value for value in figures.values()}) == 1
    under = all(max(value) <= TARGET for value in figures.values())
    header = (
        "| COG size | Cogport bytes requested | Cogport network bytes | GDAL validator network bytes | "
        "ratio (Cogport / GDAL) | time (Cogport / GDAL) | verdict |\n|---|---|---|---|---|---|---|"
    )
    verdict = (
        f"\nTarget ≤ {TARGET // 1024} KB and equal for both sizes: "
        f"{'met' if same and under else 'NOT met'} (same for both sizes: {same}; under target: {under})."
    )
    return "\n".join([header, *rows]) + "\n" + verdict
