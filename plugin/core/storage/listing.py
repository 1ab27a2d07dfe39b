"""Paged listing of a bucket prefix through GDAL, so a huge prefix shows its first page fast."""

from __future__ import annotations

import fnmatch
import stat
from dataclasses import dataclass
from typing import Any, Iterator, List, Optional

from osgeo import gdal

from ..progress import Progress
from .connection import Credentials, StorageConnection
from .gdal_config import network_scope
from .probe import probe_bucket
from .uri import ObjectLocation

RASTER_SUFFIXES = (".tif", ".tiff", ".vrt", ".jp2")


@dataclass(frozen=True)
class Entry:
    location: ObjectLocation
    is_prefix: bool
    size: int = 0
    modified: Optional[float] = None  # seconds since the epoch

    @property
    def name(self) -> str:
        return self.location.name

    @property
    def is_raster(self) -> bool:
        return not self.is_prefix and self.location.key.lower().endswith(RASTER_SUFFIXES)


class PrefixLister:
    """Walks one prefix (one "folder" level) page by page, keeping GDAL's directory handle between pages.

    GDAL itself fetches the store's listing in chunks (1,000 keys for S3), so the
    first page costs one request however many objects the prefix holds.
    """

    def __init__(
        self,
        connection: StorageConnection,
        credentials: Credentials,
        location: ObjectLocation,
        page_size: int = 500,
    ) -> None:
        self.connection = connection
        self.credentials = credentials
        self.location = location
        self.page_size = page_size
        self.exhausted = False
        self._handle: Any = None
        self._opened = False

    def next_page(self, progress: Optional[Progress] = None) -> List[Entry]:
        if self.exhausted:
            return []
        if not self._opened:
            self._open()
        entries: List[Entry] = []
        while len(entries) < self.page_size:
            if progress is not None:
                progress.raise_if_cancelled()
            with network_scope(self.location.vsi_path):  # a later page may need another listing request
                item = gdal.GetNextDirEntry(self._handle) if self._handle is not None else None
            if item is None:
                self.close()
                self.exhausted = True
                break
            entries.append(self._entry(item))
        return entries

    def close(self) -> None:
        if self._handle is not None:
            gdal.CloseDir(self._handle)
            self._handle = None

    def _open(self) -> None:
        self._opened = True
        path = self.location.vsi_path.rstrip("/")
        gdal.ErrorReset()
        try:
            with network_scope(path):
                self._handle = gdal.OpenDir(path, 0)
        except RuntimeError:
            self._handle = None
        if self._handle is None:
            # GDAL reports no reason: ask the store directly. An existing bucket with
            # nothing under this prefix is simply empty.
            probe_bucket(self.connection, self.credentials, self.location.bucket)

    def _entry(self, item: Any) -> Entry:
        name = item.name.rstrip("/")
        is_prefix = item.name.endswith("/") or (item.modeKnown and stat.S_ISDIR(item.mode))
        key = f"{self.location.key.rstrip('/')}/{name}".lstrip("/") if self.location.key else name
        if is_prefix:
            key += "/"
        return Entry(
            ObjectLocation(self.location.handler, self.location.bucket, key),
            is_prefix,
            int(item.size) if item.sizeKnown and not is_prefix else 0,
            float(item.mtime) if item.mtimeKnown and item.mtime else None,
        )


def walk_objects(
    connection: StorageConnection,
    credentials: Credentials,
    location: ObjectLocation,
    recursive: bool = False,
    pattern: str = "",
    progress: Optional[Progress] = None,
) -> Iterator[Entry]:
    """Objects under a prefix, page by page (sub-prefixes too when `recursive`), filtered by a glob on names."""
    pending = [location]
    while pending:
        lister = PrefixLister(connection, credentials, pending.pop(0))
        try:
            while not lister.exhausted:
                for entry in lister.next_page(progress):
                    if entry.is_prefix:
                        if recursive:
                            pending.append(entry.location)
                    elif not pattern or fnmatch.fnmatch(entry.name.lower(), pattern.lower()):
                        yield entry
        finally:
            lister.close()
