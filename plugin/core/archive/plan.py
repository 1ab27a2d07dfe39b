"""What a job publishes: its inputs (a folder, files or a bucket prefix) paired with the object each becomes."""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Set, Tuple, Union

from osgeo import gdal

from ..cog.batch import list_rasters
from ..errors import CogportError
from ..i18n import tr
from ..storage.connection import Credentials, StorageConnection
from ..storage.gdal_config import SCOPED_OPTIONS
from ..storage.listing import RASTER_SUFFIXES, walk_objects
from ..storage.uri import ObjectLocation, parse_location, to_vsi_path

_OBJECT_PREFIXES = ("s3://", "gs://", "swift://", "/vsis3/", "/vsigs/", "/vsiswift/")


@dataclass(frozen=True)
class PlannedItem:
    """One input and the key its COG is published under (`relative` is its path below the input root)."""

    source: str  # a local path or a /vsi…/ path
    relative: str
    key: str


def is_object_location(text: str) -> bool:
    return text.strip().startswith(_OBJECT_PREFIXES)


def published_name(relative: str) -> str:
    """`dir/scene.jp2` → `dir/scene.tif`: every output is a COG named after its source."""
    folder, name = posixpath.split(relative.replace("\\", "/"))
    stem = name.rsplit(".", 1)[0] if "." in name else name
    return posixpath.join(folder, f"{stem}.tif")


def plan_items(
    inputs: Union[str, Sequence[str]],
    destination: ObjectLocation,
    connection: Optional[StorageConnection] = None,
    credentials: Optional[Credentials] = None,
) -> List[PlannedItem]:
    """Expands the inputs and names each output; two inputs that would land on one key stop the job."""
    prefix = destination.as_prefix().key
    pairs: List[Tuple[str, str]] = []
    if isinstance(inputs, str):
        inputs = [inputs]
    if len(inputs) == 1 and is_object_location(inputs[0]) and _is_prefix(inputs[0]):
        pairs = _prefix_sources(parse_location(inputs[0]), connection, credentials)
    elif len(inputs) == 1 and os.path.isdir(inputs[0]):
        pairs = [(path, os.path.basename(path)) for path in list_rasters(inputs[0])]
    else:
        pairs = [(to_vsi_path(text.strip()), posixpath.basename(text.strip())) for text in inputs if text.strip()]
    if not pairs:
        raise CogportError(
            tr("No rasters were found in {inputs}.").format(inputs=", ".join(inputs) or tr("the input")),
            tr("the input: a folder of rasters, a list of files, or a bucket prefix ending in '/'."),
        )
    items = [PlannedItem(source, relative, prefix + published_name(relative)) for source, relative in pairs]
    _refuse_collisions(items)
    return items


def existing_keys(
    destination: ObjectLocation, connection: Optional[StorageConnection], credentials: Optional[Credentials]
) -> Set[str]:
    """The keys already stored under the destination prefix: one listing, however many items the job has."""
    return set(_keys_under(destination.as_prefix(), connection, credentials))


def _keys_under(
    root: ObjectLocation, connection: Optional[StorageConnection], credentials: Optional[Credentials]
) -> List[str]:
    """Every object key under `root`, through the connection, else through GDAL's own settings."""
    if connection is None:
        gdal.ErrorReset()
        try:
            names = gdal.ReadDirRecursive(root.vsi_path.rstrip("/")) or []
        except RuntimeError:
            names = []  # nothing under the prefix yet (GDAL cannot tell an empty prefix from a missing one)
        return [root.key + name for name in names if not name.endswith("/")]
    SCOPED_OPTIONS.apply(connection, credentials or Credentials(), root.bucket)
    return [
        entry.location.key for entry in walk_objects(connection, credentials or Credentials(), root, recursive=True)
    ]


def _is_prefix(text: str) -> bool:
    location = parse_location(text)
    return not location.key or location.key.endswith("/")


def _prefix_sources(
    root: ObjectLocation, connection: Optional[StorageConnection], credentials: Optional[Credentials]
) -> List[Tuple[str, str]]:
    start = len(root.key)
    return sorted(
        (ObjectLocation(root.handler, root.bucket, key).vsi_path, key[start:])
        for key in _keys_under(root, connection, credentials)
        if key.lower().endswith(RASTER_SUFFIXES)
    )


def _refuse_collisions(items: Sequence[PlannedItem]) -> None:
    seen: Dict[str, str] = {}
    for item in items:
        if item.key in seen:
            raise CogportError(
                tr("{first} and {second} would both be published as {key}.").format(
                    first=seen[item.key], second=item.source, key=item.key
                ),
                tr("the input: rename one of them, or publish them in two jobs to different prefixes."),
            )
        seen[item.key] = item.source
