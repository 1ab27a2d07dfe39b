"""Targets: what each COG profile writes and what its service accepts, defined once.

Validation reports against these rules, conversion refuses what they refuse, and the dialogs,
the Processing algorithms and the README tables show them, so a file conversion writes
always validates, and a tile size or codec validation accepts can always be written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, FrozenSet, List, Optional, Tuple

from ..errors import ConversionError
from ..i18n import tr, translatable

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
            return tr("{sizes} pixels").format(sizes=or_list([str(size) for size in self.sizes]))
        if self.high:
            return tr("{low} to {high} pixels in steps of {step}").format(low=self.low, high=self.high, step=TILE_STEP)
        return tr("{low} pixels or more in steps of {step}").format(low=self.low, step=TILE_STEP)


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
        return ", ".join(sorted(self.accepted)) if self.accepted else tr("any")


@dataclass(frozen=True)
class CrsRule:
    """The CRSs a target supports (nothing listed: any); `limited` ones only on some deployments.

    `summary` and the places in `limited` are shown in messages: translatable(), and read through
    `text` and `limited_to`, which translate them.
    """

    epsg: FrozenSet[int] = frozenset()
    ranges: Tuple[Tuple[int, int], ...] = ()
    limited: Tuple[Tuple[int, str], ...] = ()  # (EPSG code, where it is supported)
    summary: str = translatable("any")

    @property
    def text(self) -> str:
        return tr(self.summary)

    @property
    def restricts(self) -> bool:
        return bool(self.epsg or self.ranges)

    def accepts(self, epsg: Optional[int]) -> bool:
        if not self.restricts:
            return True
        return epsg is not None and (epsg in self.epsg or any(low <= epsg <= high for low, high in self.ranges))

    def limited_to(self, epsg: Optional[int]) -> str:
        """Where `epsg` is supported when only some deployments support it, else ""."""
        where = dict(self.limited).get(epsg, "") if epsg is not None else ""
        return tr(where) if where else ""


@dataclass(frozen=True)
class Profile:
    """One target: what conversion writes for it and what validation holds files to.

    `band_interleave`: the target recommends INTERLEAVE=BAND, and conversion writes it.
    `max_pixel_interleaved_bands`: the target reads at most this many pixel-interleaved
    bands; conversion switches to band interleave above it. `max_header_size` 0: no limit.
    `title`, `service` and `description` are translatable(): pass them through tr() where they are shown.
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
            title=translatable("Generic COG"),
            service=translatable("GDAL"),
            description=translatable(
                "GDAL COG driver, 512-pixel tiles, ZSTD (DEFLATE if this GDAL lacks ZSTD) with a predictor, "
                "AVERAGE overviews (NEAREST for paletted or categorical data). Lossless."
            ),
            block_size=512,
            tiles=TileRule(),
            compression=CompressionRule(written=("ZSTD", "DEFLATE")),
        ),
        Profile(
            name="earthengine",
            title=translatable("Google Earth Engine (COG-backed asset)"),
            service=translatable("Earth Engine"),
            description=translatable(
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
            title=translatable("Sentinel Hub BYOC"),
            service=translatable("Sentinel Hub BYOC"),
            description=translatable(
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
                limited=((6933, translatable("Copernicus Data Space only, not on Sentinel Hub's AWS deployments")),),
                summary=translatable("EPSG:4326, EPSG:3857, UTM (EPSG:326xx/327xx) and EPSG:3035"),
            ),
            max_pixel_interleaved_bands=10,
            max_header_size=1024 * 1024,
        ),
        Profile(
            name="web",
            title=translatable("Web map (GoogleMapsCompatible, EPSG:3857)"),
            service=translatable("web map clients"),
            description=translatable(
                "Reprojected to EPSG:3857 on the GoogleMapsCompatible tile grid (256-pixel tiles), DEFLATE "
                "with a predictor, which every web COG reader decodes. Pixels are resampled."
            ),
            block_size=256,
            # Web tile grids use 256- or 512-pixel tiles.
            tiles=TileRule(sizes=(256, 512)),
            # Browser-side COG readers decode DEFLATE everywhere; ZSTD support varies.
            compression=CompressionRule(written=("DEFLATE",)),
            crs=CrsRule(epsg=frozenset({3857}), summary="EPSG:3857"),
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
            tr("Unknown COG profile '{name}'.").format(name=name),
            tr("the profile name: one of {names}.").format(names=", ".join(PROFILE_NAMES)),
        ) from None


def accepted_summary(profile: Profile) -> str:
    """What the target accepts, in one line: conversion overrides may choose it, validation passes it."""
    tiles = profile.tiles
    recommended = (
        tr(" ({sizes} recommended)").format(sizes=TileRule(sizes=tiles.recommended).text) if tiles.recommended else ""
    )
    uncompressed = tr(" (uncompressed: a warning)") if profile.compression.accepted else ""
    parts = [
        tr("tiles of {sizes}{recommended}").format(sizes=tiles.text, recommended=recommended),
        tr("compression: {codecs}{uncompressed}").format(codecs=profile.compression.text, uncompressed=uncompressed),
    ]
    if profile.crs.restricts:
        parts.append(tr("CRS {crs}").format(crs=profile.crs.text))
    if profile.band_interleave:
        parts.append(tr("BAND interleave recommended"))
    if profile.max_pixel_interleaved_bands:
        parts.append(tr("at most {count} pixel-interleaved bands").format(count=profile.max_pixel_interleaved_bands))
    if profile.max_header_size:
        parts.append(tr("header at most {size} MB").format(size=f"{profile.max_header_size / 1048576:g}"))
    return "; ".join(parts)


def or_list(items: List[str]) -> str:
    """`items` in words: "A", "A or B", "A, B or C"."""
    if len(items) == 1:
        return items[0]
    return tr("{items} or {last}").format(items=", ".join(items[:-1]), last=items[-1])
