"""Targets: what each COG profile writes and what its service accepts, defined once.

Validation reports against these rules, conversion refuses what they refuse, and the dialogs,
the Processing algorithms and the README tables show them, so a file conversion writes
always validates, and a tile size or codec validation accepts can always be written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, FrozenSet, List, Optional, Tuple

from ..errors import ConversionError

PROFILE_NAMES: Tuple[str, ...] = ("generic", "earthengine", "byoc", "web")

# Lossless TIFF codecs where a horizontal predictor helps; GDAL ignores PREDICTOR for the others.
PREDICTOR_CODECS = frozenset({"LZW", "DEFLATE", "ZSTD", "LZMA"})
LOSSY_CODECS = frozenset({"JPEG", "WEBP", "JXL"})

# TIFF tiles are multiples of 16 pixels; GDAL's COG driver documents BLOCKSIZE from 128.
TILE_STEP = 16
COG_MIN_TILE = 128
# The largest tile size pick lists offer when a target sets no upper limit.
LARGEST_OFFERED_TILE = 4096


@dataclass(frozen=True)
class TileRule:
    """The square tile sizes a target accepts, and the ones it recommends.

    `sizes` lists the accepted sizes; empty means every multiple of 16 from `low` to `high`
    (`high` 0: no upper limit). `recommended` empty means every accepted size is fine.
    """

    sizes: Tuple[int, ...] = ()
    low: int = COG_MIN_TILE
    high: int = 0
    recommended: Tuple[int, ...] = ()

    def accepts(self, size: int) -> bool:
        if self.sizes:
            return size in self.sizes
        return size % TILE_STEP == 0 and size >= self.low and (not self.high or size <= self.high)

    def recommends(self, size: int) -> bool:
        return self.accepts(size) and (not self.recommended or size in self.recommended)

    def offered(self) -> Tuple[int, ...]:
        """Sizes for pick lists: the listed ones, else the powers of two in range."""
        if self.sizes:
            return self.sizes
        top = self.high or LARGEST_OFFERED_TILE
        return tuple(2**power for power in range(4, 13) if self.low <= 2**power <= top)

    @property
    def text(self) -> str:
        """The accepted sizes in words, e.g. "256, 512, 1024 or 2048 pixels"."""
        if self.sizes:
            return _or_list([str(size) for size in self.sizes]) + " pixels"
        if self.high:
            return f"{self.low} to {self.high} pixels in steps of {TILE_STEP}"
        return f"{self.low} pixels or more in steps of {TILE_STEP}"


@dataclass(frozen=True)
class CompressionRule:
    """The codecs a target reads, and the order conversion prefers.

    `written`: the first one this GDAL build has is conversion's default. `accepted` empty
    means any codec. Uncompressed files are read by every target; one with an `accepted`
    list documents compressed files only, so validation warns (NOT_COMPRESSED) and
    conversion writes them only when asked.
    """

    written: Tuple[str, ...]
    accepted: FrozenSet[str] = frozenset()

    def accepts(self, codec: str) -> bool:
        return not self.accepted or codec in self.accepted or codec == "NONE"

    @property
    def text(self) -> str:
        return ", ".join(sorted(self.accepted)) if self.accepted else "any"


@dataclass(frozen=True)
class CrsRule:
    """The CRSs a target supports (nothing listed: any); `limited` ones only on some deployments."""

    epsg: FrozenSet[int] = frozenset()
    ranges: Tuple[Tuple[int, int], ...] = ()
    limited: Tuple[Tuple[int, str], ...] = ()  # (EPSG code, where it is supported)
    text: str = "any"

    @property
    def restricts(self) -> bool:
        return bool(self.epsg or self.ranges)

    def accepts(self, epsg: Optional[int]) -> bool:
        if not self.restricts:
            return True
        return epsg is not None and (epsg in self.epsg or any(low <= epsg <= high for low, high in self.ranges))

    def limited_to(self, epsg: Optional[int]) -> str:
        """Where `epsg` is supported when only some deployments support it, else ""."""
        return dict(self.limited).get(epsg, "") if epsg is not None else ""


@dataclass(frozen=True)
class Profile:
    """One target: what conversion writes for it and what validation holds files to.

    `band_interleave`: the target recommends INTERLEAVE=BAND, and conversion writes it.
    `max_pixel_interleaved_bands`: the target reads at most this many pixel-interleaved
    bands; conversion switches to band interleave above it. `max_header_size` 0: no limit.
    """

    name: str
    title: str
    service: str  # how messages name the target
    description: str
    block_size: int
    tiles: TileRule
    compression: CompressionRule
    crs: CrsRule = field(default_factory=CrsRule)
    band_interleave: bool = False
    max_pixel_interleaved_bands: int = 0
    max_header_size: int = 0
    tiling_scheme: str = ""
    needs_georeferencing: bool = False


EARTH_ENGINE_COMPRESSIONS = frozenset(
    # Earth Engine's manifest guide lists these TIFF codecs.
    {"DEFLATE", "JXL", "LERC", "LERC_DEFLATE", "LERC_ZSTD", "LZMA", "LZW", "WEBP", "ZSTD"}
)
BYOC_COMPRESSIONS = frozenset(
    # Sentinel Hub's BYOC page lists DEFLATE, ZLIB (the same TIFF codec), ZSTD, PIXTIFF_ZIP, PACKBITS and LZW.
    {"DEFLATE", "ZSTD", "PIXTIFF_ZIP", "PACKBITS", "LZW"}
)

PROFILES: Dict[str, Profile] = {
    profile.name: profile
    for profile in (
        Profile(
            name="generic",
            title="Generic COG",
            service="GDAL",
            description=(
                "GDAL COG driver, 512-pixel tiles, ZSTD (DEFLATE if this GDAL lacks ZSTD) with a predictor, "
                "AVERAGE overviews (NEAREST for paletted or categorical data). Lossless."
            ),
            block_size=512,
            tiles=TileRule(),
            compression=CompressionRule(written=("ZSTD", "DEFLATE")),
        ),
        Profile(
            name="earthengine",
            title="Google Earth Engine (COG-backed asset)",
            service="Earth Engine",
            description=(
                "Square 256/512/1024/2048 tiles (512 by default), all IFDs at the start, power-of-two "
                "overviews, BAND interleave as Earth Engine recommends. Lossless."
            ),
            block_size=512,
            # "Tiled with square tiles of 256, 512, 1024 or 2048"; 512 or larger is recommended.
            tiles=TileRule(sizes=(256, 512, 1024, 2048), recommended=(512, 1024, 2048)),
            compression=CompressionRule(written=("ZSTD", "DEFLATE"), accepted=EARTH_ENGINE_COMPRESSIONS),
            band_interleave=True,
        ),
        Profile(
            name="byoc",
            title="Sentinel Hub BYOC",
            service="Sentinel Hub BYOC",
            description=(
                "1024-pixel tiles, DEFLATE with a predictor (never JPEG), AVERAGE overviews until the whole "
                "image fits one tile, nodata in the GDAL_NODATA tag; optionally one COG per band. Lossless."
            ),
            block_size=1024,
            # BYOC takes any tile size "between 256×256 and 2048×2048" (Sentinel Hub's BYOC page, and its
            # ingestion error "Ensure tiles of image at index 1 have width and height between 256 and 2048";
            # shared/reference/cloud-apis.md 2.7), so 768 is accepted: not only powers of two. 1024 is recommended.
            tiles=TileRule(low=256, high=2048, recommended=(1024,)),
            # DEFLATE is read by every Sentinel Hub deployment (CDSE documents only DEFLATE).
            compression=CompressionRule(written=("DEFLATE",), accepted=BYOC_COMPRESSIONS),
            crs=CrsRule(
                epsg=frozenset({4326, 3857, 3035, 6933}),
                ranges=((32601, 32660), (32701, 32760)),
                limited=((6933, "Copernicus Data Space only, not on Sentinel Hub's AWS deployments"),),
                text="EPSG:4326, EPSG:3857, UTM (EPSG:326xx/327xx) and EPSG:3035",
            ),
            max_pixel_interleaved_bands=10,
            max_header_size=1024 * 1024,
        ),
        Profile(
            name="web",
            title="Web map (GoogleMapsCompatible, EPSG:3857)",
            service="web map clients",
            description=(
                "Reprojected to EPSG:3857 on the GoogleMapsCompatible tile grid (256-pixel tiles), DEFLATE "
                "with a predictor, which every web COG reader decodes. Pixels are resampled."
            ),
            block_size=256,
            # Web tile grids use 256- or 512-pixel tiles.
            tiles=TileRule(sizes=(256, 512)),
            # Browser-side COG readers decode DEFLATE everywhere; ZSTD support varies.
            compression=CompressionRule(written=("DEFLATE",)),
            crs=CrsRule(epsg=frozenset({3857}), text="EPSG:3857"),
            tiling_scheme="GoogleMapsCompatible",
            needs_georeferencing=True,
        ),
    )
}


def get_profile(name: Optional[str]) -> Profile:
    """The profile called `name` (None or empty means generic)."""
    key = (name or "generic").strip().lower()
    try:
        return PROFILES[key]
    except KeyError:
        raise ConversionError(
            f"Unknown COG profile '{name}'.", f"the profile name: one of {', '.join(PROFILE_NAMES)}."
        ) from None


def accepted_summary(profile: Profile) -> str:
    """What the target accepts, in one line: conversion overrides may choose it, validation passes it."""
    tiles = profile.tiles
    recommended = f" ({TileRule(sizes=tiles.recommended).text} recommended)" if tiles.recommended else ""
    uncompressed = " (uncompressed: a warning)" if profile.compression.accepted else ""
    parts = [f"tiles of {tiles.text}{recommended}", f"compression: {profile.compression.text}{uncompressed}"]
    if profile.crs.restricts:
        parts.append(f"CRS {profile.crs.text}")
    if profile.band_interleave:
        parts.append("BAND interleave recommended")
    if profile.max_pixel_interleaved_bands:
        parts.append(f"at most {profile.max_pixel_interleaved_bands} pixel-interleaved bands")
    if profile.max_header_size:
        parts.append(f"header at most {profile.max_header_size / 1048576:g} MB")
    return "; ".join(parts)


def _or_list(items: List[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} or {items[-1]}"
