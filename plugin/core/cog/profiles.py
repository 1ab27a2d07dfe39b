"""Conversion targets: what each COG profile writes and what its service accepts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, Optional, Tuple

from ..errors import ConversionError

PROFILE_NAMES: Tuple[str, ...] = ("generic", "earthengine", "byoc", "web")

# Lossless TIFF codecs where a horizontal predictor helps; GDAL ignores PREDICTOR for the others.
PREDICTOR_CODECS = frozenset({"LZW", "DEFLATE", "ZSTD", "LZMA"})
LOSSY_CODECS = frozenset({"JPEG", "WEBP", "JXL"})


@dataclass(frozen=True)
class Profile:
    """One conversion target.

    `compressions` is an order of preference: the first one the GDAL build supports is the
    default. `allowed_block_sizes` empty means any multiple of 16 from 128 up.
    `max_pixel_interleaved_bands` switches to band interleave above that band count (BYOC).
    """

    name: str
    title: str
    description: str
    block_size: int
    compressions: Tuple[str, ...]
    allowed_block_sizes: Tuple[int, ...] = ()
    forbidden_compressions: Tuple[str, ...] = ()
    band_interleave: bool = False
    max_pixel_interleaved_bands: int = 0
    tiling_scheme: str = ""
    needs_georeferencing: bool = False


PROFILES: Dict[str, Profile] = {
    profile.name: profile
    for profile in (
        Profile(
            name="generic",
            title="Generic COG",
            description=(
                "GDAL COG driver, 512-pixel tiles, ZSTD (DEFLATE if this GDAL lacks ZSTD) with a predictor, "
                "AVERAGE overviews (NEAREST for paletted or categorical data). Lossless."
            ),
            block_size=512,
            compressions=("ZSTD", "DEFLATE"),
        ),
        Profile(
            name="earthengine",
            title="Google Earth Engine (COG-backed asset)",
            description=(
                "Square 256/512/1024/2048 tiles (512 by default), all IFDs at the start, power-of-two "
                "overviews, BAND interleave as Earth Engine recommends. Lossless."
            ),
            block_size=512,
            compressions=("ZSTD", "DEFLATE"),
            allowed_block_sizes=(256, 512, 1024, 2048),
            # Earth Engine's list of accepted TIFF codecs leaves these out.
            forbidden_compressions=("JPEG", "PACKBITS", "NONE"),
            band_interleave=True,
        ),
        Profile(
            name="byoc",
            title="Sentinel Hub BYOC",
            description=(
                "1024-pixel tiles, DEFLATE with a predictor (never JPEG), AVERAGE overviews until the whole "
                "image fits one tile, nodata in the GDAL_NODATA tag; optionally one COG per band. Lossless."
            ),
            block_size=1024,
            # DEFLATE is read by every Sentinel Hub deployment (CDSE documents only DEFLATE).
            compressions=("DEFLATE",),
            allowed_block_sizes=(256, 512, 1024, 2048),
            forbidden_compressions=("JPEG", "WEBP", "JXL", "LERC", "LERC_DEFLATE", "LERC_ZSTD", "LZMA"),
            max_pixel_interleaved_bands=10,
        ),
        Profile(
            name="web",
            title="Web map (GoogleMapsCompatible, EPSG:3857)",
            description=(
                "Reprojected to EPSG:3857 on the GoogleMapsCompatible tile grid (256-pixel tiles), DEFLATE "
                "with a predictor, which every web COG reader decodes. Pixels are resampled."
            ),
            block_size=256,
            # Browser-side COG readers decode DEFLATE everywhere; ZSTD support varies.
            compressions=("DEFLATE",),
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
