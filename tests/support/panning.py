"""The panning scenario shared by the regression test and `bench/panning.py`.

A georeferenced 3-band UInt16 COG whose content compresses like real imagery (gradients, waves,
noise), a fixed script of views over it (the same for every layer compared), and headless rendering
with QgsMapRendererParallelJob while a LatencyProxy counts what each view costs.
"""

from __future__ import annotations

import gc
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, List, Optional, Sequence, Tuple

from osgeo import gdal, osr

from .latency_proxy import Traffic

SIZE = (1280, 800)
BLOCK = 512

# (centre x, centre y, width) as fractions of the raster's width: full view, pans, zooms in and out,
# and revisits (views 6 and 10 repeat views 2 and 1, which a cache must answer without the network).
SCRIPT: Tuple[Tuple[str, float, float, float], ...] = (
    ("full extent", 0.50, 0.50, 1.00),
    ("zoom in ×4, north-west", 0.30, 0.35, 0.25),
    ("pan east", 0.45, 0.35, 0.25),
    ("pan south", 0.45, 0.50, 0.25),
    ("zoom in ×2", 0.45, 0.50, 0.125),
    ("zoom out ×2", 0.45, 0.50, 0.25),
    ("back to view 2", 0.30, 0.35, 0.25),
    ("zoom to 1:1 pixels", 0.62, 0.62, 0.125),
    ("pan west at 1:1", 0.55, 0.62, 0.125),
    ("zoom out ×2", 0.55, 0.62, 0.25),
    ("back to full extent", 0.50, 0.50, 1.00),
)
REVISITS = {6: 1, 10: 0}  # view index -> the earlier view it repeats
CLOSING = "closing the layer"


def write_scenario_cog(path: Path, width: int, height: int, seed: int = 7) -> Path:
    """A UInt16 3-band DEFLATE COG, 512-pixel tiles, overviews down to one tile; written once."""
    import numpy as np

    path = Path(path)
    if path.exists():
        return path
    mem = gdal.GetDriverByName("MEM").Create("", width, height, 3, gdal.GDT_UInt16)
    mem.SetGeoTransform((500000.0, 10.0, 0.0, 5000000.0, 0.0, -10.0))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32633)
    mem.SetProjection(srs.ExportToWkt())
    rng = np.random.default_rng(seed)
    rows = 1024
    xx = np.arange(width, dtype=np.float32)[None, :]
    for top in range(0, height, rows):
        count = min(rows, height - top)
        yy = np.arange(top, top + count, dtype=np.float32)[:, None]
        for band in range(3):
            base = (
                8000
                + 20000 * xx / width
                + 15000 * yy / height
                + 3000 * np.sin(xx / (300 + 70 * band)) * np.cos(yy / (260 + 50 * band))
            )
            noise = rng.normal(0.0, 16.0, size=(count, width))  # sensor noise: what keeps DEFLATE honest
            mem.GetRasterBand(band + 1).WriteArray(np.clip(base + noise, 0, 65535).astype("uint16"), 0, top)
    partial = path.with_name(path.name + ".partial")
    gdal.Translate(
        str(partial),
        mem,
        format="COG",
        creationOptions=[
            "COMPRESS=DEFLATE",
            "PREDICTOR=2",
            f"BLOCKSIZE={BLOCK}",
            "OVERVIEWS=AUTO",
            "RESAMPLING=AVERAGE",
        ],
    )
    partial.rename(path)
    return path


@dataclass(frozen=True)
class RasterGeometry:
    """What the script needs to know of the raster: its extent and its per-level tile sizes."""

    origin: Tuple[float, float]
    pixel: float
    size: Tuple[int, int]
    levels: Tuple[Level, ...]  # full resolution first, then the overviews

    def view_extent(self, cx: float, cy: float, fraction: float) -> Tuple[float, float, float, float]:
        """(xmin, ymin, xmax, ymax) of a SIZE-shaped view; the full view fits the whole raster."""
        width_m = self.size[0] * self.pixel * fraction
        height_m = width_m * SIZE[1] / SIZE[0]
        if fraction >= 1.0:
            height_m = max(height_m, self.size[1] * self.pixel)
            width_m = height_m * SIZE[0] / SIZE[1]
        x = self.origin[0] + cx * self.size[0] * self.pixel
        y = self.origin[1] - cy * self.size[1] * self.pixel
        return (x - width_m / 2, y - height_m / 2, x + width_m / 2, y + height_m / 2)

    def level_for(self, extent: Tuple[float, float, float, float], size: Tuple[int, int] = SIZE) -> int:
        """The overview GDAL 3.6 reads for a `size` render: the coarsest at most 1.2× coarser than the screen."""
        screen = (extent[2] - extent[0]) / size[0] / self.pixel  # source pixels per screen pixel
        level = 0
        for index, candidate in enumerate(self.levels):
            if self.size[0] / candidate.width <= screen * 1.2:
                level = index
        return level

    def tiles_for(
        self, extent: Tuple[float, float, float, float], size: Tuple[int, int] = SIZE
    ) -> List[Tuple[int, int]]:
        """(offset, size) of the tiles of the chosen level that intersect `extent`."""
        level = self.levels[self.level_for(extent, size)]
        res = self.size[0] * self.pixel / level.width
        col0 = max(int((extent[0] - self.origin[0]) / res) // BLOCK, 0)
        # A view whose far edge falls on a tile edge reads one pixel of the next tile (QGIS and GDAL round
        # the far edges of the window outwards).
        col1 = min(int((extent[2] - self.origin[0]) / res) // BLOCK, len(level.tiles[0]) - 1)
        row0 = max(int((self.origin[1] - extent[3]) / res) // BLOCK, 0)
        row1 = min(int((self.origin[1] - extent[1]) / res) // BLOCK, len(level.tiles) - 1)
        return [level.tiles[r][c] for r in range(row0, row1 + 1) for c in range(col0, col1 + 1)]

    def needed_bytes(self, extent: Tuple[float, float, float, float], size: Tuple[int, int] = SIZE) -> int:
        """Compressed size of the tiles a render of `extent` needs at its overview level."""
        return sum(length for _, length in self.tiles_for(extent, size))


@dataclass(frozen=True)
class Level:
    width: int
    height: int
    tiles: Tuple[Tuple[Tuple[int, int], ...], ...]  # [row][col] -> (offset, compressed size)


def raster_geometry(path: Path) -> RasterGeometry:
    """Reads the tile byte counts of every level from the (local) COG's TIFF tags."""
    dataset = gdal.Open(str(path))
    transform = dataset.GetGeoTransform()
    band = dataset.GetRasterBand(1)
    levels = [_level_tiles(band)] + [_level_tiles(band.GetOverview(i)) for i in range(band.GetOverviewCount())]
    geometry = RasterGeometry(
        (transform[0], transform[3]), transform[1], (dataset.RasterXSize, dataset.RasterYSize), tuple(levels)
    )
    dataset = None
    return geometry


def _level_tiles(band: gdal.Band) -> Level:
    cols = -(-band.XSize // BLOCK)
    rows = -(-band.YSize // BLOCK)
    tiles = tuple(
        tuple(
            (
                int(band.GetMetadataItem(f"BLOCK_OFFSET_{c}_{r}", "TIFF") or 0),
                int(band.GetMetadataItem(f"BLOCK_SIZE_{c}_{r}", "TIFF") or 0),
            )
            for c in range(cols)
        )
        for r in range(rows)
    )
    return Level(band.XSize, band.YSize, tiles)


def serves(byte_range: str, tiles: Sequence[Tuple[int, int]]) -> bool:
    """Whether an HTTP Range header (`bytes=a-b`) overlaps any of `tiles`."""
    if not byte_range.startswith("bytes="):
        return False
    first, _, last = byte_range[6:].partition("-")
    start, end = int(first), int(last or first)
    return any(offset <= end and start < offset + size for offset, size in tiles)


@dataclass
class ViewCost:
    name: str
    requests: int
    bytes: int
    seconds: float
    error: str = ""


def render(layer, extent: Tuple[float, float, float, float], cancel_after: Optional[float] = None):
    """Renders `layer` at SIZE over `extent` headless; returns (job, seconds to a finished render)."""
    from qgis.core import QgsMapRendererParallelJob, QgsMapSettings, QgsRectangle
    from qgis.PyQt.QtCore import QSize

    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(layer.crs())
    settings.setOutputSize(QSize(*SIZE))
    settings.setExtent(QgsRectangle(*extent))
    job = QgsMapRendererParallelJob(settings)
    started = time.monotonic()
    job.start()
    if cancel_after is not None:
        time.sleep(cancel_after)
        job.cancelWithoutBlocking()
        return job, time.monotonic() - started
    job.waitForFinished()
    return job, time.monotonic() - started


def run_script(
    open_layer: Callable[[], object],
    geometry: RasterGeometry,
    traffic: Callable[[], Traffic],
    views: Sequence[Tuple[str, float, float, float]] = SCRIPT,
) -> List[ViewCost]:
    """Opens the layer (counted in the first view, as a user sees it), renders every view in turn, then
    closes the layer (the last entry: what closing costs, such as writing sidecars back)."""
    costs = []
    before = traffic()
    started = time.monotonic()
    layer = open_layer()
    opened = time.monotonic() - started
    for index, (name, cx, cy, fraction) in enumerate(views):
        job, seconds = render(layer, geometry.view_extent(cx, cy, fraction))
        after = traffic()
        spent = after.minus(before)
        errors = "; ".join(e.message for e in job.errors()) if job.errors() else ""
        costs.append(ViewCost(name, spent.requests, spent.bytes, seconds + (opened if index == 0 else 0.0), errors))
        before = after
    del job, layer
    gc.collect()
    spent = traffic().minus(before)
    costs.append(ViewCost(CLOSING, spent.requests, spent.bytes, 0.0))
    return costs
