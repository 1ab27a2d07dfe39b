"""What a job publishes: its inputs (a folder, files or a bucket prefix) paired with the object each becomes."""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Set, Tuple, Union

from ..cog.batch import list_rasters
from ..errors import CogportError
from ..storage.connection import Credentials, StorageConnection
from ..storage.gdal_config import SCOPED_OPTIONS
from ..storage.listing import walk_objects
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
            f"No rasters were found in {', '.join(inputs) or 'the input'}.",
            "the input: a folder of rasters, a list of files, or a bucket prefix ending in '/'.",
        )
    items = [PlannedItem(source, relative, prefix + published_name(relative)) for source, relative in pairs]
    _refuse_collisions(items)
    return items


def existing_keys(
    destination: ObjectLocation, connection: Optional[StorageConnection], credentials: Optional[Credentials]
) -> Set[str]:
    """The keys already stored under the destination prefix: one listing, however many items the job has."""
    if connection is not None:
        SCOPED_OPTIONS.apply(connection, credentials or Credentials(), destination.bucket)
    return {
        entry.location.key
        for entry in walk_objects(
            connection or StorageConnection(), credentials or Credentials(), destination.as_prefix(), recursive=True
        )
    }


def _is_prefix(text: str) -> bool:
    location = parse_location(text)
    return not location.key or location.key.endswith("/")


def _prefix_sources(
    root: ObjectLocation, connection: Optional[StorageConnection], credentials: Optional[Credentials]
) -> List[Tuple[str, str]]:
    if connection is not None:
        SCOPED_OPTIONS.apply(connection, credentials or Credentials(), root.bucket)
    entries = walk_objects(connection or StorageConnection(), credentials or Credentials(), root, recursive=True)
    start = len(root.key)
    return sorted((entry.location.vsi_path, entry.location.key[start:]) for entry in entries if entry.is_raster)


def _refuse_collisions(items: Sequence[PlannedItem]) -> None:
    seen: Dict[str, str] = {}
    for item in items:
        if item.key in seen:
            raise CogportError(
                f"{seen[item.key]} and {item.source} would both be published as {item.key}.",
                "the input: rename one of them, or publish them in two jobs to different prefixes.",
            )
        seen[item.key] = item.source
