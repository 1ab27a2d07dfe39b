"""TIFF/BigTIFF header inspection through GDAL's VSI layer, reading only the header bytes.

The parser reads the file header, GDAL's ghost area, the IFD chain and the small tags the
COG checks need, then the tile (or strip) offset and byte count arrays of every IFD, masks
included, to tell whether each block's data lies inside the file: truncation and corrupt
offsets show there, and nowhere else in the header. Reads go through a page cache so that
neighbouring structures cost one read, and every byte fetched is counted.

Whatever the file size, reading stops at READ_BUDGET. In a COG the arrays follow the IFDs,
so they usually arrive with the first read. When all arrays do not fit the budget, the last
entries of each array are checked, largest IFD first, as far as the budget goes: a cut file
loses its last blocks first, and in a COG those are the full-resolution tiles (and their
mask), which are the last entries of the largest arrays.
"""

from __future__ import annotations

import math
import re
import struct
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional, Tuple, TypeVar

from osgeo import gdal

from ..errors import AuthenticationError, CogportError, NetworkError, NotFoundError
from ..i18n import number, tr
from ..network import PROXY_SETTINGS
from ..storage.gdal_config import forget_cached, network_scope
from ..storage.uri import parse_location, to_vsi_path

# Tags read by value; everything else is only located (offset and size) for header accounting.
NEW_SUBFILE_TYPE = 254
IMAGE_WIDTH = 256
IMAGE_LENGTH = 257
BITS_PER_SAMPLE = 258
COMPRESSION = 259
PHOTOMETRIC = 262
STRIP_OFFSETS = 273
STRIP_BYTE_COUNTS = 279
SAMPLES_PER_PIXEL = 277
ROWS_PER_STRIP = 278
PLANAR_CONFIGURATION = 284
PREDICTOR = 317
TILE_WIDTH = 322
TILE_LENGTH = 323
TILE_OFFSETS = 324
TILE_BYTE_COUNTS = 325
SAMPLE_FORMAT = 339
MODEL_PIXEL_SCALE = 33550
MODEL_TIEPOINT = 33922
MODEL_TRANSFORMATION = 34264
GEO_KEY_DIRECTORY = 34735
GDAL_NODATA = 42113
VALUE_TAGS = {
    NEW_SUBFILE_TYPE,
    IMAGE_WIDTH,
    IMAGE_LENGTH,
    BITS_PER_SAMPLE,
    COMPRESSION,
    PHOTOMETRIC,
    SAMPLES_PER_PIXEL,
    ROWS_PER_STRIP,
    PLANAR_CONFIGURATION,
    PREDICTOR,
    TILE_WIDTH,
    TILE_LENGTH,
    SAMPLE_FORMAT,
    MODEL_PIXEL_SCALE,
    MODEL_TIEPOINT,
    MODEL_TRANSFORMATION,
    GEO_KEY_DIRECTORY,
    GDAL_NODATA,
}

Result = TypeVar("Result")

GT_MODEL_TYPE_KEY = 1024
GEOGRAPHIC_TYPE_KEY = 2048
PROJECTED_CS_TYPE_KEY = 3072
USER_DEFINED = 32767

# TIFF field type -> (struct code, size in bytes)
FIELD_TYPES: Dict[int, Tuple[str, int]] = {
    1: ("B", 1),
    2: ("c", 1),
    3: ("H", 2),
    4: ("I", 4),
    5: ("II", 8),
    6: ("b", 1),
    7: ("B", 1),
    8: ("h", 2),
    9: ("i", 4),
    10: ("ii", 8),
    11: ("f", 4),
    12: ("d", 8),
    13: ("I", 4),
    16: ("Q", 8),
    17: ("q", 8),
    18: ("Q", 8),
}

COMPRESSION_NAMES = {
    1: "NONE",
    2: "CCITTRLE",
    3: "CCITTFAX3",
    4: "CCITTFAX4",
    5: "LZW",
    6: "OJPEG",
    7: "JPEG",
    8: "DEFLATE",
    32773: "PACKBITS",
    32946: "DEFLATE",
    34887: "LERC",
    34925: "LZMA",
    50000: "ZSTD",
    50001: "WEBP",
    50002: "JXL",
    50013: "PIXTIFF_ZIP",
}

GHOST_PREFIX = "GDAL_STRUCTURAL_METADATA_SIZE="
GHOST_HEADER_LENGTH = len(GHOST_PREFIX + "000000 bytes\n")
MAX_IFDS = 4096
# One GDAL /vsicurl chunk: reading a whole page costs no more network than a few bytes of it.
PAGE_SIZE = 16384
# Validation's promise: at most this many bytes are read per file, whatever its size.
READ_BUDGET = 100 * 1024
# Entries read from the end of each array when not all arrays fit the budget.
TAIL_BLOCKS = 1024
# GDAL's BLOCK_TRAILER=LAST_4_BYTES_REPEATED: 4 bytes after each block that its byte count leaves out.
TRAILER_SIZE = 4


class NotTiffError(CogportError):
    """The file exists but is not a TIFF this inspector can read."""

    bytes_read: int = 0


class IncompleteTiffError(NotTiffError):
    """The file starts as a TIFF but its header points past its end: it was cut short or damaged."""


@dataclass
class TagEntry:
    """Where a tag's value lives; `values` is filled only for the tags the checks use."""

    tag: int
    field_type: int
    count: int
    offset: int  # absolute file offset of the value (inside the IFD entry when inline)
    inline: bool
    values: Tuple = ()

    @property
    def size(self) -> int:
        return self.count * FIELD_TYPES.get(self.field_type, ("B", 1))[1]


@dataclass
class BlockExtents:
    """Where the blocks (tiles or strips) of one IFD lie, from its offset and byte count arrays."""

    total: int = 0
    checked: int = 0  # blocks whose offset and byte count were read
    sparse: int = 0  # offset or byte count 0: not written (GDAL's SPARSE_OK), read as nodata
    outside: int = 0  # blocks whose data ends past the end of the file
    data_end: int = 0  # the furthest end of the blocks checked


@dataclass
class ImageDirectory:
    """One IFD of the main chain, with the properties the COG rules look at."""

    index: int
    offset: int
    size: int
    tags: Dict[int, TagEntry]
    first_block_offset: int = 0
    blocks: BlockExtents = field(default_factory=BlockExtents)

    def value(self, tag: int, default: int = 0) -> int:
        entry = self.tags.get(tag)
        return int(entry.values[0]) if entry is not None and entry.values else default

    def values(self, tag: int) -> Tuple:
        entry = self.tags.get(tag)
        return entry.values if entry is not None else ()

    @property
    def width(self) -> int:
        return self.value(IMAGE_WIDTH)

    @property
    def height(self) -> int:
        return self.value(IMAGE_LENGTH)

    @property
    def tiled(self) -> bool:
        return TILE_WIDTH in self.tags and TILE_OFFSETS in self.tags

    @property
    def block_size(self) -> Tuple[int, int]:
        """(width, height) of a block as GDAL reports it: a tile, or a full-width strip."""
        if self.tiled:
            return self.value(TILE_WIDTH), self.value(TILE_LENGTH)
        rows = self.value(ROWS_PER_STRIP, self.height) or self.height
        return self.width, min(rows, self.height) if self.height else rows

    @property
    def subfile_type(self) -> int:
        return self.value(NEW_SUBFILE_TYPE)

    @property
    def is_mask(self) -> bool:
        return bool(self.subfile_type & 4)

    @property
    def is_reduced(self) -> bool:
        return bool(self.subfile_type & 1)

    @property
    def compression(self) -> int:
        return self.value(COMPRESSION, 1)

    @property
    def compression_name(self) -> str:
        return COMPRESSION_NAMES.get(self.compression, f"code {self.compression}")

    @property
    def photometric(self) -> int:
        return self.value(PHOTOMETRIC, -1)

    @property
    def samples_per_pixel(self) -> int:
        return self.value(SAMPLES_PER_PIXEL, 1)

    @property
    def planar_configuration(self) -> int:
        return self.value(PLANAR_CONFIGURATION, 1)

    @property
    def pixel_interleaved(self) -> bool:
        return self.planar_configuration == 1 and self.samples_per_pixel > 1

    @property
    def bits_per_sample(self) -> int:
        return self.value(BITS_PER_SAMPLE, 1)

    @property
    def sample_format(self) -> int:
        return self.value(SAMPLE_FORMAT, 1)

    @property
    def offsets_entry(self) -> Optional[TagEntry]:
        return self.tags.get(TILE_OFFSETS) or self.tags.get(STRIP_OFFSETS)

    @property
    def byte_counts_entry(self) -> Optional[TagEntry]:
        return self.tags.get(TILE_BYTE_COUNTS) or self.tags.get(STRIP_BYTE_COUNTS)

    @property
    def blocks_per_band(self) -> int:
        block_width, block_height = self.block_size
        if not block_width or not block_height:
            return 0
        return math.ceil(self.width / block_width) * math.ceil(self.height / block_height)


@dataclass
class TiffInspection:
    """What the header says about a TIFF, plus how many bytes it took to find out."""

    path: str
    bigtiff: bool
    little_endian: bool
    file_size: int
    directories: List[ImageDirectory]
    structural_metadata: Dict[str, str] = field(default_factory=dict)
    structural_metadata_size: int = 0
    external_overviews: bool = False
    header_size: int = 0
    bytes_read: int = 0
    blocks_fully_checked: bool = True  # False when the arrays exceeded READ_BUDGET (see the module docstring)

    @property
    def main(self) -> ImageDirectory:
        return self.directories[0]

    @property
    def overviews(self) -> List[ImageDirectory]:
        """Reduced-resolution imagery IFDs in file order, as GDAL lists them (masks excluded)."""
        return [d for d in self.directories[1:] if d.is_reduced and not d.is_mask]

    @property
    def expected_main_ifd_offset(self) -> int:
        """Where GDAL's COG layout puts the first IFD: right after the header and ghost area."""
        position = 16 if self.bigtiff else 8
        if self.structural_metadata_size or self.structural_metadata:
            position += GHOST_HEADER_LENGTH + self.structural_metadata_size
            position += position % 2
        return position

    @property
    def geo_keys(self) -> Dict[int, int]:
        """Short-valued GeoKeys of the main IFD (key id -> value)."""
        directory = self.main.values(GEO_KEY_DIRECTORY)
        keys: Dict[int, int] = {}
        if len(directory) < 4:
            return keys
        for start in range(4, 4 + 4 * int(directory[3]), 4):
            entry = directory[start : start + 4]
            if len(entry) == 4 and entry[1] == 0:
                keys[int(entry[0])] = int(entry[3])
        return keys

    @property
    def epsg(self) -> Optional[int]:
        """The EPSG code of the CRS, or None when absent or user-defined."""
        keys = self.geo_keys
        model = keys.get(GT_MODEL_TYPE_KEY)
        projected = keys.get(PROJECTED_CS_TYPE_KEY)
        geographic = keys.get(GEOGRAPHIC_TYPE_KEY)
        for code in (projected, geographic) if model != 2 else (geographic,):
            if code and 0 < code < USER_DEFINED:
                return code
        return None

    @property
    def has_crs(self) -> bool:
        keys = self.geo_keys
        return any(k in keys for k in (GT_MODEL_TYPE_KEY, GEOGRAPHIC_TYPE_KEY, PROJECTED_CS_TYPE_KEY))

    @property
    def has_geotransform(self) -> bool:
        main = self.main
        if MODEL_TRANSFORMATION in main.tags:
            return True
        return MODEL_TIEPOINT in main.tags and (MODEL_PIXEL_SCALE in main.tags or len(main.values(MODEL_TIEPOINT)) > 6)

    @property
    def nodata(self) -> Optional[str]:
        raw = self.main.values(GDAL_NODATA)
        if not raw:
            return None
        text = b"".join(raw).split(b"\0", 1)[0].decode("ascii", "replace").strip()
        return text or None


class VsiPageReader:
    """Reads a VSI file through a cache of aligned pages and counts the bytes fetched."""

    def __init__(self, path: str, page_size: int = PAGE_SIZE) -> None:
        self.path = path
        self.page_size = page_size
        self.bytes_read = 0
        self._pages: Dict[int, bytes] = {}
        self._handle = _open_vsi(path)
        # Locally this is a stat. Remotely GDAL learns the size from the Content-Range of its first
        # ranged GET, whose bytes it keeps for the first read: the size costs no request of its own.
        gdal.VSIFSeekL(self._handle, 0, 2)
        self.size = gdal.VSIFTellL(self._handle)

    def close(self) -> None:
        if self._handle is not None:
            gdal.VSIFCloseL(self._handle)
            self._handle = None

    def missing_bytes(self, offset: int, length: int) -> int:
        """How many bytes reading this range would fetch (0 when its pages are cached)."""
        if length <= 0:
            return 0
        end = min(offset + length, self.size)
        pages = range(offset // self.page_size, (end - 1) // self.page_size + 1)
        return sum(min(self.page_size, self.size - page * self.page_size) for page in pages if page not in self._pages)

    def read(self, offset: int, length: int) -> bytes:
        if offset < 0 or length < 0 or offset + length > self.size:
            raise IncompleteTiffError(
                tr(
                    "The TIFF header points past the end of the {size}-byte file: the file was cut short or is damaged."
                ).format(size=number(self.size)),
                detail=f"{self.path}: read of {length} bytes at {offset}, file size {self.size}",
            )
        first, last = offset // self.page_size, (offset + length - 1) // self.page_size
        missing = [page for page in range(first, last + 1) if page not in self._pages]
        # Consecutive missing pages are fetched with one read, never one per value.
        while missing:
            run = [missing.pop(0)]
            while missing and missing[0] == run[-1] + 1:
                run.append(missing.pop(0))
            start = run[0] * self.page_size
            wanted = min(len(run) * self.page_size, self.size - start)
            gdal.VSIFSeekL(self._handle, start, 0)
            data = gdal.VSIFReadL(1, wanted, self._handle) or b""
            if len(data) != wanted:
                raise _read_failure(self.path, start, wanted)
            self.bytes_read += len(data)
            for i, page in enumerate(run):
                self._pages[page] = data[i * self.page_size : (i + 1) * self.page_size]
        chunk = b"".join(self._pages[page] for page in range(first, last + 1))
        skip = offset - first * self.page_size
        return chunk[skip : skip + length]


def inspect_tiff(path_or_uri: str) -> TiffInspection:
    """Parses the header of a local or remote TIFF; raises NotTiffError or a StorageError."""
    return read_header(path_or_uri, lambda reader, inspection: inspection)


def read_header(path_or_uri: str, then: Callable[[VsiPageReader, TiffInspection], Result]) -> Result:
    """`then(reader, inspection)` on the parsed header, with the reader still open for more of the header."""
    path = to_vsi_path(path_or_uri)
    # Without this GDAL lists the object's whole "directory" to stat it: bytes that grow with the bucket.
    previous = gdal.GetThreadLocalConfigOption("GDAL_DISABLE_READDIR_ON_OPEN", None)
    gdal.SetThreadLocalConfigOption("GDAL_DISABLE_READDIR_ON_OPEN", "TRUE")
    if is_remote(path):
        # A size GDAL cached before the object was replaced would hide a truncated upload.
        forget_cached(path)
    try:
        reader = VsiPageReader(path)
        try:
            inspection = _parse(reader)
            inspection.external_overviews = not inspection.overviews and (
                _exists(path + ".ovr") or _exists(path + ".OVR")
            )
            result = then(reader, inspection)
            inspection.bytes_read = reader.bytes_read
            return result
        except NotTiffError as exc:
            exc.bytes_read = reader.bytes_read
            raise
        except (struct.error, UnicodeDecodeError, IndexError, ValueError, KeyError) as exc:
            error = NotTiffError(
                tr("The file is not a readable TIFF: its header is corrupt or truncated."),
                tr("that the file is a complete GeoTIFF (re-export or re-upload it)."),
                detail=f"{path}: {exc!r}",
            )
            error.bytes_read = reader.bytes_read
            raise error from exc
        finally:
            reader.close()
    finally:
        gdal.SetThreadLocalConfigOption("GDAL_DISABLE_READDIR_ON_OPEN", previous)


def is_remote(path: str) -> bool:
    return path.startswith("/vsi") and not path.startswith(("/vsimem/", "/vsizip//", "/vsigzip//"))


def _parse(reader: VsiPageReader) -> TiffInspection:
    if reader.size < 8:
        raise NotTiffError(
            tr("The file is not a TIFF: it holds only {size} bytes.").format(size=reader.size),
            tr("that the upload or export completed."),
        )
    head = reader.read(0, min(16, reader.size))
    order = head[:2]
    if order not in (b"II", b"MM"):
        raise NotTiffError(
            tr("The file is not a TIFF: it does not start with a TIFF byte-order mark."),
            tr("that the file is a GeoTIFF, not another format renamed to .tif."),
            detail=f"first bytes {head[:4]!r}",
        )
    endian = "<" if order == b"II" else ">"
    version = struct.unpack(endian + "H", head[2:4])[0]
    if version == 42:
        bigtiff, first_ifd = False, struct.unpack(endian + "I", head[4:8])[0]
    elif version == 43 and len(head) >= 16:
        bigtiff, first_ifd = True, struct.unpack(endian + "Q", head[8:16])[0]
    else:
        raise NotTiffError(
            tr("The file is not a TIFF: unknown TIFF version {version}.").format(version=version),
            tr("that the file is a GeoTIFF."),
        )
    inspection = TiffInspection(
        path=reader.path,
        bigtiff=bigtiff,
        little_endian=endian == "<",
        file_size=reader.size,
        directories=[],
    )
    header_end = 16 if bigtiff else 8
    _read_structural_metadata(reader, inspection, header_end)
    metadata_bytes = header_end + (
        GHOST_HEADER_LENGTH + inspection.structural_metadata_size if inspection.structural_metadata_size else 0
    )
    seen = set()
    offset = first_ifd
    while offset and len(inspection.directories) < MAX_IFDS:
        if offset in seen:
            raise NotTiffError(tr("The TIFF's IFD chain loops back on itself: the file is corrupt."))
        seen.add(offset)
        directory, offset = _read_directory(reader, endian, bigtiff, offset, len(inspection.directories))
        inspection.directories.append(directory)
        metadata_bytes += directory.size + sum(e.size for e in directory.tags.values() if not e.inline)
    if not inspection.directories:
        raise NotTiffError(tr("The TIFF holds no image: its first IFD offset is 0."))
    main = inspection.main
    if not main.width or not main.height or main.offsets_entry is None:
        raise NotTiffError(
            tr("The TIFF's first image has no size or no tile/strip offsets: the file is corrupt."),
        )
    inspection.header_size = metadata_bytes
    _check_block_extents(reader, endian, inspection)
    for directory in [main] + inspection.overviews:
        directory.first_block_offset = _first_block_offset(reader, endian, directory)
    return inspection


def _read_structural_metadata(reader: VsiPageReader, inspection: TiffInspection, start: int) -> None:
    if reader.size < start + GHOST_HEADER_LENGTH:
        return
    header = reader.read(start, GHOST_HEADER_LENGTH).decode("latin-1")
    match = re.match(GHOST_PREFIX + r"(\d{6}) bytes\n", header)
    if not match:
        return
    size = int(match.group(1))
    text = reader.read(start + GHOST_HEADER_LENGTH, size).decode("latin-1")
    inspection.structural_metadata_size = size
    for line in text.splitlines():
        key, sep, value = line.partition("=")
        if sep:
            inspection.structural_metadata[key.strip()] = value.strip()


def _read_directory(
    reader: VsiPageReader, endian: str, bigtiff: bool, offset: int, index: int
) -> Tuple[ImageDirectory, int]:
    count_format, entry_size, inline_size = ("Q", 20, 8) if bigtiff else ("H", 12, 4)
    count_size = struct.calcsize(count_format)
    next_size = 8 if bigtiff else 4
    count = struct.unpack(endian + count_format, reader.read(offset, count_size))[0]
    if count == 0 or count > 4096:
        raise NotTiffError(tr("A TIFF IFD claims {count} entries: the file is corrupt.").format(count=count))
    size = count_size + count * entry_size + next_size
    raw = reader.read(offset, size)
    tags: Dict[int, TagEntry] = {}
    for i in range(count):
        start = count_size + i * entry_size
        if bigtiff:
            tag, field_type, n, value = struct.unpack(endian + "HHQQ", raw[start : start + 20])
        else:
            tag, field_type, n, value = struct.unpack(endian + "HHII", raw[start : start + 12])
        item = FIELD_TYPES.get(field_type)
        if item is None:
            continue  # unknown field types are skipped, as libtiff does
        nbytes = n * item[1]
        inline = nbytes <= inline_size
        location = offset + start + 4 + (8 if bigtiff else 4) if inline else value
        entry = TagEntry(tag, field_type, n, location, inline)
        if tag in VALUE_TAGS:
            data = (
                raw[start + entry_size - inline_size : start + entry_size][:nbytes]
                if inline
                else reader.read(value, nbytes)
            )
            entry.values = _unpack(endian, field_type, n, data)
        tags[tag] = entry
    next_offset = struct.unpack(endian + ("Q" if bigtiff else "I"), raw[-next_size:])[0]
    return ImageDirectory(index=index, offset=offset, size=size, tags=tags), next_offset


def tag_values(reader: VsiPageReader, inspection: TiffInspection, entry: TagEntry) -> Tuple:
    """Every value of a tag, read from the header: for the arrays the checks never read whole."""
    endian = "<" if inspection.little_endian else ">"
    return _unpack(endian, entry.field_type, entry.count, reader.read(entry.offset, entry.size))


def _unpack(endian: str, field_type: int, count: int, data: bytes) -> Tuple:
    code, _size = FIELD_TYPES[field_type]
    if field_type == 2:
        return tuple(bytes([b]) for b in data)
    if field_type in (5, 10):
        parts = struct.unpack(endian + code[0] * (2 * count), data)
        return tuple(parts[i] / parts[i + 1] if parts[i + 1] else 0.0 for i in range(0, len(parts), 2))
    return struct.unpack(endian + code * count, data)


def _check_block_extents(reader: VsiPageReader, endian: str, inspection: TiffInspection) -> None:
    """Fills each IFD's BlockExtents: every block when all arrays fit READ_BUDGET, else the arrays' tails."""
    arrays = [
        (directory, directory.offsets_entry, directory.byte_counts_entry)
        for directory in inspection.directories
        if directory.offsets_entry is not None and directory.byte_counts_entry is not None
    ]
    ranges = [(entry.offset, entry.size) for _d, *entries in arrays for entry in entries if not entry.inline]
    if ranges:
        start = min(offset for offset, _size in ranges)
        span = (start, max(offset + size for offset, size in ranges) - start)
        # One read of the whole span is one request for a COG, whose arrays sit together after the IFDs.
        if _affordable(reader, [span]):
            reader.read(*span)
        elif _affordable(reader, ranges):
            for offset, size in ranges:
                reader.read(offset, size)
    trailer = (
        TRAILER_SIZE
        if inspection.structural_metadata.get("BLOCK_TRAILER") == "LAST_4_BYTES_REPEATED"
        and inspection.structural_metadata.get("KNOWN_INCOMPATIBLE_EDITION") != "YES"
        else 0
    )
    # Largest arrays first: the full-resolution image and its mask hold the blocks a cut removes first.
    for directory, offsets, counts in sorted(arrays, key=lambda item: -min(item[1].count, item[2].count)):
        total = min(offsets.count, counts.count)
        first = 0
        if reader.missing_bytes(offsets.offset, offsets.size) or reader.missing_bytes(counts.offset, counts.size):
            first = max(0, total - TAIL_BLOCKS)
            tail = [_entry_range(offsets, first, total), _entry_range(counts, first, total)]
            affordable = _affordable(reader, tail)
            inspection.blocks_fully_checked &= affordable and first == 0
            if not affordable:
                directory.blocks.total = total
                continue
        _tally_blocks(
            directory.blocks,
            _entry_values(reader, endian, offsets, first, total),
            _entry_values(reader, endian, counts, first, total),
            total,
            trailer,
            reader.size,
        )


def _affordable(reader: VsiPageReader, ranges: List[Tuple[int, int]]) -> bool:
    pages = {
        page
        for offset, size in ranges
        if size > 0
        for page in range(offset // reader.page_size, (min(offset + size, reader.size) - 1) // reader.page_size + 1)
    }
    cost = sum(reader.missing_bytes(page * reader.page_size, reader.page_size) for page in pages)
    return reader.bytes_read + cost <= READ_BUDGET


def _entry_range(entry: TagEntry, first: int, last: int) -> Tuple[int, int]:
    item_size = FIELD_TYPES[entry.field_type][1]
    return entry.offset + first * item_size, (last - first) * item_size


def _entry_values(reader: VsiPageReader, endian: str, entry: TagEntry, first: int, last: int) -> Tuple:
    offset, size = _entry_range(entry, first, last)
    return _unpack(endian, entry.field_type, last - first, reader.read(offset, size))


def _tally_blocks(
    blocks: BlockExtents, offsets: Tuple, counts: Tuple, total: int, trailer: int, file_size: int
) -> None:
    blocks.total = total
    for offset, count in zip(offsets, counts):
        blocks.checked += 1
        if not offset or not count:
            blocks.sparse += 1
            continue
        end = int(offset) + int(count) + trailer
        blocks.data_end = max(blocks.data_end, end)
        if end > file_size:
            blocks.outside += 1


def _first_block_offset(reader: VsiPageReader, endian: str, directory: ImageDirectory) -> int:
    """First non-zero offset among band 1's blocks in row-major order (0 when all are sparse)."""
    entry = directory.offsets_entry
    if entry is None:
        return 0
    code, item_size = FIELD_TYPES[entry.field_type]
    blocks = min(entry.count, directory.blocks_per_band or entry.count)
    if entry.inline:
        values = _unpack(endian, entry.field_type, entry.count, reader.read(entry.offset, entry.size))
        return next((int(v) for v in values[:blocks] if v), 0)
    # Read the head of the array; sparse files (leading zero offsets) extend the read page by page,
    # within the budget (past it the level counts as all sparse, which the layout rules skip).
    done = 0
    while done < blocks:
        batch = min(blocks - done, max(1, (PAGE_SIZE - (entry.offset + done * item_size) % PAGE_SIZE) // item_size))
        start = entry.offset + done * item_size
        if not _affordable(reader, [(start, batch * item_size)]):
            return 0
        values = struct.unpack(endian + code * batch, reader.read(start, batch * item_size))
        for value in values:
            if value:
                return int(value)
        done += batch
    return 0


def _exists(path: str) -> bool:
    with network_scope(path):
        stat, _messages = _collecting_errors(lambda: gdal.VSIStatL(path, gdal.VSI_STAT_EXISTS_FLAG))
    return stat is not None


def _collecting_errors(call):
    """Runs `call()` with GDAL's errors and warnings captured; returns (result, messages)."""
    messages: List[str] = []
    gdal.PushErrorHandler(lambda _class, _number, message: messages.append(message))
    try:
        result = call()
    except RuntimeError as exc:
        result = None
        messages.append(str(exc))
    finally:
        gdal.PopErrorHandler()
    return result, messages


def _open_vsi(path: str):
    with network_scope(path):
        handle, messages = _collecting_errors(lambda: gdal.VSIFOpenL(path, "rb"))
        if handle is not None:
            return handle
        # A failed open is often silent; a stat reports the HTTP status that explains it.
        _stat, more = _collecting_errors(lambda: gdal.VSIStatL(path))
    raise _open_failure(path, " ".join(messages + more))


def _open_failure(path: str, message: str) -> CogportError:
    statuses = {int(code) for code in re.findall(r"HTTP response code on \S+: (\d+)", message)}
    lowered = message.lower()
    if statuses & {401, 403} or any(
        s in lowered for s in ("accessdenied", "invalidaccesskeyid", "signaturedoesnotmatch")
    ):
        return AuthenticationError(
            tr("The storage server refused access to '{path}'.").format(path=path),
            tr("the access key and secret (or token) of the connection, and that they may read this bucket."),
            detail=message,
        )
    if (
        0 in statuses
        or statuses & {502, 503, 504}
        or any(s in lowered for s in ("could not resolve", "couldn't connect", "connection refused", "timed out"))
    ):
        return NetworkError(
            tr("The storage server holding '{path}' could not be reached.").format(path=path),
            tr("the endpoint address, the network and the proxy settings ({proxy_settings}).").format(
                proxy_settings=tr(PROXY_SETTINGS)
            ),
            detail=message,
        )
    if not is_remote(path):
        return NotFoundError(
            tr("The file '{path}' does not exist or cannot be read.").format(path=path), tr("the path."), detail=message
        )
    try:
        location = parse_location(path)
    except CogportError:
        location = None
    if location is not None and "nosuchbucket" not in lowered and _exists(location.bucket_prefix):
        return NotFoundError(
            tr("The object '{key}' does not exist in bucket '{bucket}'.").format(
                key=location.key, bucket=location.bucket
            ),
            tr("the object key (it is case-sensitive)."),
            detail=message,
        )
    if location is not None:
        return NotFoundError(
            tr("The bucket '{bucket}' does not exist, or these credentials cannot see it.").format(
                bucket=location.bucket
            ),
            tr("the bucket name, and the connection's account, endpoint and region."),
            detail=message,
        )
    return NotFoundError(
        tr("'{path}' could not be opened.").format(path=path),
        tr("the path and the connection settings."),
        detail=message,
    )


def _read_failure(path: str, start: int, wanted: int) -> CogportError:
    message = gdal.VSIGetLastErrorMsg() or gdal.GetLastErrorMsg()
    if is_remote(path) and message:
        return NetworkError(
            tr("Reading the header of '{path}' failed part-way.").format(path=path),
            tr("the network and the storage server."),
            detail=f"read {wanted} bytes at {start}: {message}",
        )
    return IncompleteTiffError(
        tr("The file ends inside its TIFF header: it was cut short."),
        detail=f"{path}: short read of {wanted} bytes at {start}",
    )
