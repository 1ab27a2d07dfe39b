"""Where each tile of a COG lives: byte ranges per level, from the TIFF header alone.

This is what a prefetch needs to read a view's tiles without GDAL's help: for every level (full
resolution first, then the overviews in the order GDAL lists them) the tile grid and, per tile, the
byte ranges of its image and mask planes. A COG keeps these arrays in its header, which GDAL read and
cached when the layer was opened, so reading the layout of an open layer costs no request.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List, Optional, Tuple

from .inspect import (
    TILE_BYTE_COUNTS,
    TILE_OFFSETS,
    ImageDirectory,
    TiffInspection,
    VsiPageReader,
    read_header,
    tag_values,
)

ByteRange = Tuple[int, int]  # (offset, size)
Window = Tuple[float, float, float, float]  # (x0, y0, x1, y1) in pixels, x1 and y1 excluded


@dataclass(frozen=True)
class TileLevel:
    width: int
    height: int
    tile_width: int
    tile_height: int
    planes: Tuple[Tuple[ByteRange, ...], ...]  # per plane (bands of BAND interleave, mask): tiles row by row

    @property
    def columns(self) -> int:
        return -(-self.width // self.tile_width)

    @property
    def rows(self) -> int:
        return -(-self.height // self.tile_height)

    def tiles_in(self, window: Window) -> List[Tuple[int, int]]:
        """(column, row) of the tiles that `window` (in this level's pixels) touches."""
        x0, y0, x1, y1 = window
        first_column, last_column = (
            max(int(x0 // self.tile_width), 0),
            min(int(-(-x1 // self.tile_width)), self.columns),
        )
        first_row, last_row = max(int(y0 // self.tile_height), 0), min(int(-(-y1 // self.tile_height)), self.rows)
        return [(c, r) for r in range(first_row, last_row) for c in range(first_column, last_column)]

    def tile_ranges(self, column: int, row: int) -> List[ByteRange]:
        """The byte ranges holding tile (column, row) in every plane; sparse tiles have none."""
        index = row * self.columns + column
        return [plane[index] for plane in self.planes if plane[index][1] > 0]


@dataclass(frozen=True)
class TileLayout:
    width: int
    height: int
    levels: Tuple[TileLevel, ...]
    file_size: int


def read_tile_layout(path_or_uri: str) -> Optional[TileLayout]:
    """The tile layout of a TIFF, or None when its image is stored in strips (nothing to prefetch by tile)."""
    return read_header(path_or_uri, _layout)


def _layout(reader: VsiPageReader, inspection: TiffInspection) -> Optional[TileLayout]:
    images = [inspection.main] + inspection.overviews
    if not all(directory.tiled for directory in images):
        return None
    masks: Dict[Tuple[int, int], ImageDirectory] = {
        (d.width, d.height): d for d in inspection.directories if d.is_mask and d.tiled
    }
    levels = []
    for image in images:
        planes = _planes(reader, inspection, image)
        mask = masks.get((image.width, image.height))
        if mask is not None and mask.block_size == image.block_size:
            planes += _planes(reader, inspection, mask)
        tile_width, tile_height = image.block_size
        levels.append(TileLevel(image.width, image.height, tile_width, tile_height, tuple(planes)))
    return TileLayout(inspection.main.width, inspection.main.height, tuple(levels), inspection.file_size)


def _planes(
    reader: VsiPageReader, inspection: TiffInspection, directory: ImageDirectory
) -> List[Tuple[ByteRange, ...]]:
    offsets = tag_values(reader, inspection, directory.tags[TILE_OFFSETS])
    sizes = tag_values(reader, inspection, directory.tags[TILE_BYTE_COUNTS])
    per_plane = directory.blocks_per_band
    count = len(offsets) // per_plane if per_plane else 0
    return [
        tuple(
            zip(
                map(int, offsets[p * per_plane : (p + 1) * per_plane]),
                map(int, sizes[p * per_plane : (p + 1) * per_plane]),
            )
        )
        for p in range(count)
    ]
