"""Scenes, destinations and a real Dask cluster on 127.0.0.1 for the archive (batch publishing) tests."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Dict, List

from cogport.plugin.core.cog.convert import convert_to_cog
from cogport.plugin.core.storage.connection import Credentials, StorageConnection
from cogport.plugin.core.storage.probe import s3_api_for

from .rasters import make_raster


def make_scenes(folder: Path, count: int, width: int = 1030, height: int = 40) -> List[Path]:
    """`count` small 3-band UInt16 scenes, each with its own size; striped and wider than 1024 pixels, so
    not valid COGs: publishing converts them, as it would an archive's plain GeoTIFFs."""
    folder.mkdir(parents=True, exist_ok=True)
    scenes = []
    for number in range(count):
        path = folder / f"scene_{number:03d}.tif"
        make_raster(str(path), width + number % 7, height, 3, "UInt16", creation_options=[])
        scenes.append(path)
    return scenes


def local_conversions(scenes: List[Path], folder: Path, profile: str = "generic") -> Dict[str, bytes]:
    """What converting each scene on this machine gives, by published name."""
    folder.mkdir(parents=True, exist_ok=True)
    expected = {}
    for scene in scenes:
        target = folder / f"{scene.stem}.tif"
        convert_to_cog(str(scene), str(target), profile)
        expected[target.name] = target.read_bytes()
    return expected


def manifest_lines(path: Path) -> List[dict]:
    return [json.loads(line) for line in Path(path).read_text().splitlines()]


def final_states(path: Path) -> Dict[str, str]:
    """Each source's last state in a manifest."""
    states = {}
    for line in manifest_lines(path)[1:]:
        states[os.path.basename(line["source"])] = line["state"]
    return states


def pending_uploads(connection: StorageConnection, credentials: Credentials, bucket: str) -> list:
    return s3_api_for(connection, credentials).list_multipart_uploads(bucket)


def local_cluster(workers: int = 2, **options):
    """A real Dask scheduler and `workers` worker processes (one thread each) on 127.0.0.1."""
    from distributed import LocalCluster

    return LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address="127.0.0.1:0",
        **options,
    )


def dask_process(*arguments: str):
    """`dask-scheduler` or `dask-worker` as its own process, killable like a real cluster's."""
    import subprocess
    import sys

    return subprocess.Popen(
        [sys.executable, "-m", *arguments], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
