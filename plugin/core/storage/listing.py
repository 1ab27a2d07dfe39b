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
        entries: List[Entry] = []
        while len(entries) < self.page_size:
            entry = self._next_entry(progress)
            if entry is None:
                break
            entries.append(entry)
        return entries

    def _next_entry(self, progress: Optional[Progress]) -> Optional[Entry]:
        """The next entry GDAL lists, or None once the prefix is exhausted."""
        if self.exhausted:
            return None
        if not self._opened:
            self._open()
        if progress is not None:
            progress.raise_if_cancelled()
        with network_scope(self.location.vsi_path):  # a later page may need another listing request
            item = gdal.GetNextDirEntry(self._handle) if self._handle is not None else None
        if item is None:
            self.close()
            self.exhausted = True
            return None
        return self._entry(item)

    def close(self) -> None:
        if self._handle is not None:
            gdal.CloseDir(self._handle)
            self._handle = None

    # How deep GDAL lists: 0 is one folder level; -1 lists every key below (no delimiter: S3 sends
    # 1,000 keys a request whatever the folders).
    depth = 0

    def _open(self) -> None:
        self._opened = True
        path = self.location.vsi_path.rstrip("/")
        gdal.ErrorReset()
        try:
            with network_scope(path):
                self._handle = gdal.OpenDir(path, self.depth)
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


class PrefixSearch(PrefixLister):
    """Objects at any depth under a prefix whose path below it contains `text` (case ignored), page by page.

    The store lists the prefix on the server (one recursive listing, no delimiter); a page ends at
    `page_size` matches or after `scan_limit` objects, so even a rare name in a huge bucket answers soon
    and the next page carries on where this one stopped.
    """

    depth = -1

    def __init__(
        self,
        connection: StorageConnection,
        credentials: Credentials,
        location: ObjectLocation,
        text: str,
        page_size: int = 500,
        scan_limit: int = 10_000,
    ) -> None:
        super().__init__(connection, credentials, location, page_size)
        self.text = text.casefold()
        self.scan_limit = scan_limit
        self.scanned = 0  # objects looked at so far, over all pages

    def next_page(self, progress: Optional[Progress] = None) -> List[Entry]:
        matches: List[Entry] = []
        budget = self.scan_limit
        while len(matches) < self.page_size and budget > 0:
            entry = self._next_entry(progress)
            if entry is None:
                break
            if entry.is_prefix:
                continue  # folders show through the objects inside them
            budget -= 1
            self.scanned += 1
            if self.text in self.relative_name(entry).casefold():
                matches.append(entry)
        return matches

    def relative_name(self, entry: Entry) -> str:
        """Where a match lies below the searched prefix (`dem/terrain_small.tif`)."""
        base = self.location.key.rstrip("/")
        return entry.location.key[len(base) + 1 :] if base else entry.location.key


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
