"""Swift through Keystone: Keystone logins per session per connection, and the first view beside tempauth.

The parent starts the local Swift server and the test Keystone (tests/support/keystone.py), uploads a
COG into a Keystone project's container and into the tempauth account, and puts a counting proxy in
front of Keystone. A "session" is what an analyst does with one connection: Test connection, browse
the container, open the COG and read 10 views, upload a file, and the renewal checks QGIS runs every
20 s. Target: 1 Keystone login for all of it. The first view (open + the first 1280×800 read, cold
caches, the login included) is timed against the same object through a tempauth (auth v1) connection.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import Callable, List

from osgeo import gdal

from cogport.plugin.core.storage.gdal_config import SCOPED_OPTIONS
from cogport.plugin.core.storage.keystone import KEYSTONE
from cogport.plugin.core.storage.listing import walk_objects
from cogport.plugin.core.storage.probe import describe_connection
from cogport.plugin.core.storage.upload import IfExists, upload_file
from cogport.plugin.core.storage.uri import ObjectLocation
from cogport.tests.support.counting_proxy import CountingProxy
from cogport.tests.support.keystone import OpenStack
from cogport.tests.support.objectstore import SwiftServer
from cogport.tests.support.stores import create_bucket, put_file, swift_connection, write_test_cog

CONTAINER = "bench-keystone"
VIEW = (1280, 800)
VIEWS = 10
RUNS = 5


def _views(dataset) -> None:
    band = dataset.GetRasterBand(1)
    step_x = (dataset.RasterXSize - VIEW[0]) // VIEWS
    step_y = (dataset.RasterYSize - VIEW[1]) // VIEWS
    for index in range(VIEWS):
        band.ReadRaster(index * step_x, index * step_y, *VIEW)


def _first_view(path: str, prepare: Callable[[], None]) -> float:
    gdal.VSICurlClearCache()  # also GDAL's cached Swift logins
    started = time.perf_counter()
    prepare()
    dataset = gdal.Open(path)
    dataset.GetRasterBand(1).ReadRaster(0, 0, *VIEW)
    elapsed = time.perf_counter() - started
    dataset = None
    return elapsed


def run(args=None) -> str:
    workdir = Path(tempfile.mkdtemp(prefix="cogport-bench-keystone-"))
    server = SwiftServer.start_temporary(workdir / "swift")
    cloud = OpenStack.start(server, workdir / "keystone")
    try:
        cog = write_test_cog(workdir / "scene.tif", 4096, 4096, 1)
        with CountingProxy(cloud.auth_url.split("/")[2]) as keystone:
            connection, credentials = cloud.connection("alice", auth_url=f"http://{keystone.endpoint}/v3")
            location = create_bucket(connection, credentials, CONTAINER).child("scene.tif")
            put_file(location, cog)
            v1, v1_credentials = swift_connection(server)
            v1_location = create_bucket(v1, v1_credentials, CONTAINER).child("scene.tif")
            put_file(v1_location, cog)
            SCOPED_OPTIONS.withdraw(v1.name)
            KEYSTONE.forget(connection.name)
            keystone.counter.reset()

            # One session with the Keystone connection.
            describe_connection(connection, credentials)
            SCOPED_OPTIONS.apply(connection, credentials, CONTAINER)
            listed = list(walk_objects(connection, credentials, ObjectLocation("vsiswift", CONTAINER)))
            dataset = gdal.Open(location.vsi_path)
            _views(dataset)
            dataset = None
            copy = ObjectLocation("vsiswift", CONTAINER, "copy.tif")
            upload_file(str(cog), copy, connection, credentials, if_exists=IfExists.OVERWRITE)
            for _ in range(3):
                SCOPED_OPTIONS.renew_tokens()
            logins = sum(1 for r in keystone.counter.requests if r[0] == "POST" and r[1].endswith("/auth/tokens"))

            keystone_times: List[float] = []
            v1_times: List[float] = []
            login_times: List[float] = []
            for _ in range(RUNS):
                KEYSTONE.forget(connection.name)
                started = time.perf_counter()
                KEYSTONE.session(connection, credentials).token()
                login_times.append(time.perf_counter() - started)
                SCOPED_OPTIONS.withdraw(connection.name)
                KEYSTONE.forget(connection.name)
                keystone_times.append(
                    _first_view(location.vsi_path, lambda: SCOPED_OPTIONS.apply(connection, credentials, CONTAINER))
                )
                SCOPED_OPTIONS.withdraw(connection.name)
                v1_times.append(
                    _first_view(v1_location.vsi_path, lambda: SCOPED_OPTIONS.apply(v1, v1_credentials, CONTAINER))
                )
                SCOPED_OPTIONS.withdraw(v1.name)
    finally:
        cloud.stop(purge=True)
        server.stop(purge=True)
    ours, peer, login = (sorted(times)[RUNS // 2] for times in (keystone_times, v1_times, login_times))
    return "\n".join(
        [
            "| Measure | Target | Keystone connection | tempauth (auth v1) connection, same object | Ratio |",
            "|---|---|---|---|---|",
            f"| Keystone logins in a session (Test connection, browse {len(listed)} object(s), open + {VIEWS} views "
            f"at {VIEW[0]}×{VIEW[1]}, upload, 3 renewal checks) | 1 | {logins} | | |",
            f"| first view, cold (median of {RUNS}, login included) | | {ours * 1000:.0f} ms | {peer * 1000:.0f} ms "
            f"| {ours / peer:.2f} |",
            f"| of which the Keystone login (test Keystone: sqlite, one request at a time) | | {login * 1000:.0f} ms "
            "| | |",
        ]
    )
