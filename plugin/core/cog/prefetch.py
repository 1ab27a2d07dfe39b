"""Prefetch around the view: the tiles a person's next move most likely needs, read into GDAL's shared cache.

GDAL's /vsicurl/ read cache (behind /vsis3/, /vsigs/, /vsiswift/) is process-wide and keyed by URL and
byte range, so a range read through any handle of a path is served to the layer's own dataset without
a request. While the person looks at a view, worker threads read the tiles of the likely next views
with VSIFReadL, computed from the tile offsets in the TIFF header, most likely first:
  - after a pan, the same step again (people pan in runs);
  - the view zoomed in by two at its centre, at the finer level;
  - the view zoomed out by two around its centre, at the coarser level;
  - a ring of tiles around the view at its level.
A prefetch starts only after a render has finished (`idle`), stops the moment the view changes
(`view_changed`: no new range starts, and a range is small enough to end within tens of milliseconds),
and is bounded per idle period in bytes and in time.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict, deque
from dataclasses import dataclass, field
from typing import Deque, Dict, Iterable, List, Optional, Sequence, Set, Tuple

from osgeo import gdal

from ..errors import CogportError
from .tiles import ByteRange, TileLayout, TileLevel, Window, read_tile_layout

LOG = logging.getLogger("cogport.prefetch")

# GDAL 3.6 reads the coarsest overview that is at most this much coarser than the screen (nearest
# resampling, which QGIS asks for by default; GDAL_OVERVIEW_OVERSAMPLING_THRESHOLD changes it).
OVERVIEW_THRESHOLD = 1.2
CHUNK = 16384  # GDAL's /vsicurl/ cache chunk: ranges are cut on these boundaries so no chunk is read twice
# One read of a prefetch: small enough that a view change waits for little (two in flight are 80 ms of
# a 50 Mbit/s link), large enough that the 30 ms a request costs on such a link stays a small share.
PIECE_SIZE = 256 * 1024
WORKERS = 2  # two reads in flight keep the link busy through each request's round trip
SAME_SCALE = 0.02  # relative difference under which two views are at the same zoom


@dataclass(frozen=True)
class LayerView:
    """What a render just showed of one COG: its /vsi…/ path, the full-resolution pixels, the screen."""

    path: str
    window: Window  # full-resolution pixels (may reach past the raster's edges)
    screen: Tuple[int, int]

    @property
    def scale(self) -> float:
        """Raster pixels per screen pixel."""
        return (self.window[2] - self.window[0]) / max(self.screen[0], 1)


@dataclass(frozen=True)
class PrefetchLimits:
    max_bytes: int  # per idle period, over every layer
    max_seconds: float  # per idle period, from the end of the render
    view_multiple: float = 2.0  # and at most this many times the bytes the view just shown needed


@dataclass
class PrefetchReport:
    """What the last idle period's prefetch did (for the log, the bench and the tests)."""

    planned: int = 0  # bytes planned, most likely first
    fetched: int = 0  # bytes read (served from GDAL's cache or fetched)
    ranges: int = 0
    stopped: str = ""  # "done", "bytes", "time", "view changed", "failed: …"


@dataclass
class _Piece:
    path: str
    offset: int
    size: int
    tile: Optional[_TileRead] = None


@dataclass
class _TileRead:
    """The pieces of one tile still to read; the tile counts as read once none is left."""

    key: Tuple[int, int, int]
    size: int
    left: int


@dataclass
class _LayerState:
    layout: Optional[TileLayout] = None
    unusable: bool = False  # not tiled or unreadable: never tried again
    previous: Optional[LayerView] = None
    current: Optional[LayerView] = None
    known: OrderedDict[Tuple[int, int, int], int] = field(default_factory=OrderedDict)  # tile -> bytes
    known_bytes: int = 0


def level_for(layout: TileLayout, scale: float) -> int:
    """The level GDAL reads for a view drawn at `scale` raster pixels per screen pixel."""
    level = 0
    for index, candidate in enumerate(layout.levels):
        if layout.width / candidate.width <= scale * OVERVIEW_THRESHOLD:
            level = index
    return level


def tiles_of(layout: TileLayout, window: Window, scale: float) -> Tuple[int, List[Tuple[int, int]]]:
    """(level, tiles) a render of `window` (full-resolution pixels) at `scale` reads.

    A view whose far edge falls exactly on a tile edge reads one pixel of the next tile: QGIS and GDAL
    round the window's far edges outwards (measured).
    """
    index = level_for(layout, scale)
    level = layout.levels[index]
    x0, y0, x1, y1 = _to_level(layout, level, window)
    return index, level.tiles_in((x0, y0, x1 + 1, y1 + 1))


def likely_views(previous: Optional[LayerView], view: LayerView) -> List[Tuple[Window, float]]:
    """(window, scale) of the views the next move most likely shows, most likely first."""
    x0, y0, x1, y1 = view.window
    cx, cy, half_w, half_h = (x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) / 2, (y1 - y0) / 2
    views = []
    if previous is not None and abs(previous.scale - view.scale) <= SAME_SCALE * view.scale:
        px0, py0, px1, py1 = previous.window
        dx, dy = cx - (px0 + px1) / 2, cy - (py0 + py1) / 2
        if (dx or dy) and abs(dx) <= 2 * half_w and abs(dy) <= 2 * half_h:  # a pan, not a jump
            views.append(((x0 + dx, y0 + dy, x1 + dx, y1 + dy), view.scale))
    views.append(((cx - half_w / 2, cy - half_h / 2, cx + half_w / 2, cy + half_h / 2), view.scale / 2))
    views.append(((cx - 2 * half_w, cy - 2 * half_h, cx + 2 * half_w, cy + 2 * half_h), view.scale * 2))
    return views


def plan_tiles(layout: TileLayout, previous: Optional[LayerView], view: LayerView) -> List[Tuple[int, int, int]]:
    """(level, column, row) of the tiles to prefetch after `view`, most likely first, without the view's own."""
    shown_level, shown = tiles_of(layout, view.window, view.scale)
    seen: Set[Tuple[int, int, int]] = {(shown_level, c, r) for c, r in shown}
    ordered: List[Tuple[int, int, int]] = []

    def add(level: int, tiles: Iterable[Tuple[int, int]]) -> None:
        for column, row in tiles:
            key = (level, column, row)
            if key not in seen:
                seen.add(key)
                ordered.append(key)

    for window, scale in likely_views(previous, view):
        add(*tiles_of(layout, window, scale))
    level = layout.levels[shown_level]
    x0, y0, x1, y1 = _to_level(layout, level, view.window)
    ring = (x0 - level.tile_width, y0 - level.tile_height, x1 + level.tile_width, y1 + level.tile_height)
    add(shown_level, level.tiles_in(ring))
    return ordered


def pieces_for(path: str, ranges: Sequence[ByteRange], file_size: int, piece_size: int = PIECE_SIZE) -> List[_Piece]:
    """`ranges` (one group, any order) as chunk-aligned reads of at most `piece_size`, neighbours merged."""
    merged: List[List[int]] = []
    for offset, size in sorted(ranges):
        start, end = offset // CHUNK * CHUNK, min(-(-(offset + size) // CHUNK) * CHUNK, file_size)
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    pieces = []
    for start, end in merged:
        for offset in range(start, end, piece_size):
            pieces.append(_Piece(path, offset, min(piece_size, end - offset)))
    return pieces


class ViewPrefetcher:
    """Reads, on its own threads, what the next views of the COGs on a map most likely need.

    `idle(views, limits)` after each finished render (main thread, cheap: the planning runs on a
    worker), `view_changed()` as soon as the view changes, `close()` when done.
    """

    def __init__(self, workers: int = WORKERS, piece_size: int = PIECE_SIZE, memory_bytes: int = 128 << 20) -> None:
        self.piece_size = piece_size
        self.memory_bytes = memory_bytes  # tiles remembered as read; GDAL's cache holds about as much
        self.report = PrefetchReport()
        self._cv = threading.Condition()
        self._generation = 0
        self._request: Optional[Tuple[int, List[LayerView], PrefetchLimits, float]] = None
        self._pieces: Deque[_Piece] = deque()
        self._in_flight = 0
        self._budget = 0
        self._deadline = 0.0
        self._idle_views: List[LayerView] = []
        self._spent = 0  # bytes read in the current idle period
        self._started = 0.0
        self._closed = False
        self._layers: Dict[str, _LayerState] = {}
        self._threads = [
            threading.Thread(target=self._work, name=f"cogport-prefetch-{n}", daemon=True) for n in range(workers)
        ]
        for thread in self._threads:
            thread.start()

    # --- called by the map (main thread) -------------------------------------------------------
    def idle(self, views: Sequence[LayerView], limits: PrefetchLimits) -> None:
        """A render of `views` has finished: prefetch for the next move, within `limits`."""
        with self._cv:
            for view in views:
                state = self._layers.setdefault(view.path, _LayerState())
                if state.current != view:
                    state.previous, state.current = state.current, view
            if list(views) != self._idle_views:
                # A new idle period. QGIS also redraws a view in place (a layer asks for a repaint): that
                # resumes the same period, with what is left of its budget and its time.
                self._idle_views, self._spent, self._started = list(views), 0, time.monotonic()
                self.report = PrefetchReport()
            self._generation += 1
            self._pieces.clear()
            self._request = (self._generation, list(views), limits, self._started)
            self._cv.notify_all()

    def view_changed(self) -> None:
        """Stops at once: no new read starts; the few in flight end on their own."""
        with self._cv:
            if self._request is not None or self._pieces:
                self.report.stopped = "view changed"
            self._generation += 1
            self._request = None
            self._pieces.clear()

    def forget(self, path: str) -> None:
        with self._cv:
            self._layers.pop(path, None)

    def wait_until_idle(self, timeout: float) -> bool:
        """True once nothing is planned, queued or in flight (tests and the bench's counted runs)."""
        deadline = time.monotonic() + timeout
        with self._cv:
            while self._request is not None or self._pieces or self._in_flight:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                self._cv.wait(remaining)
            return True

    def close(self) -> None:
        with self._cv:
            self._closed = True
            self._generation += 1
            self._request = None
            self._pieces.clear()
            self._cv.notify_all()
        for thread in self._threads:
            thread.join(timeout=5)

    # --- worker threads ---------------------------------------------------------------------
    def _work(self) -> None:
        gdal.PushErrorHandler("CPLQuietErrorHandler")  # per thread: a failed prefetch read is not the user's error
        try:
            self._serve()
        finally:
            gdal.PopErrorHandler()

    def _serve(self) -> None:
        while True:
            with self._cv:
                while not self._closed and self._request is None and not self._pieces:
                    self._cv.wait()
                if self._closed:
                    return
                generation = self._generation
                request, self._request = self._request, None
                piece = None if request is not None else self._next_piece()
                self._in_flight += 1
            try:
                if request is not None:
                    self._plan(*request)
                elif piece is not None:
                    self._fetch(generation, piece)
            finally:
                with self._cv:
                    self._in_flight -= 1
                    self._cv.notify_all()

    def _next_piece(self) -> Optional[_Piece]:
        """The next read if the idle period's budget allows it (lock held)."""
        if not self._pieces:
            return None
        stop = ""
        if self._pieces[0].size > self._budget:
            stop = "bytes"
        elif time.monotonic() > self._deadline:
            stop = "time"
        if stop:
            self._pieces.clear()
            self.report.stopped = stop
            return None
        piece = self._pieces.popleft()
        self._budget -= piece.size
        self._spent += piece.size
        return piece

    def _plan(self, generation: int, views: List[LayerView], limits: PrefetchLimits, started: float) -> None:
        per_layer: List[List[List[_Piece]]] = []
        view_bytes = 0
        for view in views:
            state = self._layers.get(view.path)
            layout = self._layout(view.path, state) if state is not None else None
            if layout is None or state is None:
                continue
            view_bytes += self._remember_shown(layout, state, view)
            per_layer.append(self._pieces_for(layout, state, view))
        pieces = [piece for tile in _interleave(per_layer) for piece in tile]
        with self._cv:
            if generation != self._generation:
                return
            self._budget = int(min(limits.max_bytes, limits.view_multiple * view_bytes)) - self._spent
            self._deadline = started + limits.max_seconds
            self._pieces.extend(pieces)
            self.report.planned += sum(piece.size for piece in pieces)
            self.report.stopped = "done"
            self._cv.notify_all()

    def _layout(self, path: str, state: _LayerState) -> Optional[TileLayout]:
        if state.layout is None and not state.unusable:
            try:
                state.layout = read_tile_layout(path)  # the header is in GDAL's cache since the layer opened
            except CogportError as error:
                LOG.info("No prefetch for %s: %s", path, error)
            state.unusable = state.layout is None
        return state.layout

    def _remember_shown(self, layout: TileLayout, state: _LayerState, view: LayerView) -> int:
        """Marks the tiles the render just read as read; returns their bytes."""
        index, tiles = tiles_of(layout, view.window, view.scale)
        level = layout.levels[index]
        shown = 0
        for column, row in tiles:
            size = sum(s for _, s in level.tile_ranges(column, row))
            shown += size
            self._remember(state, (index, column, row), size)
        return shown

    def _remember(self, state: _LayerState, key: Tuple[int, int, int], size: int) -> None:
        with self._cv:
            if key in state.known:
                state.known.move_to_end(key)
                return
            state.known[key] = size
            state.known_bytes += size
            while state.known_bytes > self.memory_bytes and state.known:
                _, forgotten = state.known.popitem(last=False)
                state.known_bytes -= forgotten

    def _pieces_for(self, layout: TileLayout, state: _LayerState, view: LayerView) -> List[List[_Piece]]:
        """The plan for one layer: per tile, most likely first, the reads of what is not known to be read."""
        with self._cv:
            previous = state.previous
            known = set(state.known)
        groups = []
        for key in plan_tiles(layout, previous, view):
            if key in known:
                continue
            ranges = layout.levels[key[0]].tile_ranges(key[1], key[2])
            pieces = pieces_for(view.path, ranges, layout.file_size, self.piece_size)
            tile = _TileRead(key, sum(size for _, size in ranges), len(pieces))
            for piece in pieces:
                piece.tile = tile
            if pieces:
                groups.append(pieces)
        return groups

    def _fetch(self, generation: int, piece: _Piece) -> None:
        if generation != self._generation:
            return  # the view changed since the piece was taken
        try:
            size = _read(piece)
        except (RuntimeError, OSError) as error:
            with self._cv:
                if generation == self._generation:
                    self._pieces.clear()
                    self.report.stopped = f"failed: {error}"
            LOG.info("Prefetch of %s stopped: %s", piece.path, error)
            return
        with self._cv:
            if generation == self._generation:
                self.report.fetched += size
                self.report.ranges += 1
            tile = piece.tile
            if tile is not None:
                tile.left -= 1
        state = self._layers.get(piece.path)
        if tile is not None and tile.left == 0 and state is not None:
            self._remember(state, tile.key, tile.size)


def _interleave(per_layer: List[List[List[_Piece]]]) -> List[List[_Piece]]:
    """One tile of each layer in turn, so several layers share an idle period fairly."""
    out: List[List[_Piece]] = []
    for index in range(max((len(tiles) for tiles in per_layer), default=0)):
        out.extend(tiles[index] for tiles in per_layer if index < len(tiles))
    return out


def _to_level(layout: TileLayout, level: TileLevel, window: Window) -> Window:
    fx, fy = level.width / layout.width, level.height / layout.height
    return (window[0] * fx, window[1] * fy, window[2] * fx, window[3] * fy)


def _read(piece: _Piece) -> int:
    """One range through a fresh handle: GDAL's read-ahead grows on a handle read in sequence."""
    handle = gdal.VSIFOpenL(piece.path, "rb")
    if handle is None:
        raise _read_failure("cannot open")
    try:
        gdal.VSIFSeekL(handle, piece.offset, 0)
        data = gdal.VSIFReadL(1, piece.size, handle)
    finally:
        gdal.VSIFCloseL(handle)
    if len(data or b"") != piece.size:
        raise _read_failure(f"short read at {piece.offset}")
    return piece.size


def _read_failure(fallback: str) -> OSError:
    """GDAL's reason for a failed read, else `fallback`: for the log only (prefetching never shows an error)."""
    return OSError(gdal.VSIGetLastErrorMsg() or fallback)
