"""Broken and good TIFFs made with GDAL, each with the finding codes expected per profile."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, List

from osgeo import gdal, osr


@dataclass
class CorpusFile:
    name: str
    make: Callable[[Path], None]
    # profile -> {code: severity}; every finding must be listed, info included.
    expected: Dict[str, Dict[str, str]] = field(default_factory=dict)


def source(
    width: int = 1100, height: int = 1100, bands: int = 1, epsg: int = 32633, data_type: int = gdal.GDT_Byte
) -> gdal.Dataset:
    """An in-memory raster with a gradient, so compressed tiles are not all alike."""
    ds = gdal.GetDriverByName("MEM").Create("", width, height, bands, data_type)
    if epsg:
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(epsg)
        origin = (600000.0, 5000000.0) if srs.IsProjected() else (10.0, 50.0)
        step = 10.0 if srs.IsProjected() else 0.0001
        ds.SetGeoTransform([origin[0], step, 0, origin[1], 0, -step])
        ds.SetProjection(srs.ExportToWkt())
    for b in range(1, bands + 1):
        band = ds.GetRasterBand(b)
        row = bytes((x * 7 + b * 13) % 251 for x in range(width))
        if data_type == gdal.GDT_Byte:
            band.WriteRaster(0, 0, width, height, row * height)
        else:
            band.Fill(float(b))
    return ds


def cog(path: Path, src: gdal.Dataset, *options: str) -> None:
    gdal.Translate(str(path), src, format="COG", creationOptions=list(options) or ["COMPRESS=DEFLATE"])


def gtiff(path: Path, src: gdal.Dataset, *options: str) -> None:
    gdal.Translate(str(path), src, format="GTiff", creationOptions=list(options))


def band_interleaved_cog(path: Path, src: gdal.Dataset, block: int = 512) -> None:
    """The GTiff route: overviews on a temporary copy, then COPY_SRC_OVERVIEWS with BAND interleave."""
    temp = f"/vsimem/{path.name}.tmp.tif"
    gdal.Translate(temp, src, format="GTiff", creationOptions=["TILED=YES"])
    ds = gdal.Open(temp, gdal.GA_Update)
    gdal.SetConfigOption("GDAL_TIFF_OVR_BLOCKSIZE", str(block))
    ds.BuildOverviews("AVERAGE", [2, 4])
    gdal.SetConfigOption("GDAL_TIFF_OVR_BLOCKSIZE", None)
    ds = None
    gdal.Translate(
        str(path),
        temp,
        format="GTiff",
        creationOptions=[
            "TILED=YES",
            f"BLOCKXSIZE={block}",
            f"BLOCKYSIZE={block}",
            "COPY_SRC_OVERVIEWS=YES",
            "INTERLEAVE=BAND",
            "COMPRESS=DEFLATE",
        ],
    )
    gdal.Unlink(temp)


def _external_ovr(path: Path) -> None:
    gtiff(path, source(), "TILED=YES", "COMPRESS=DEFLATE")
    ds = gdal.Open(str(path))  # read-only: GDAL writes the overviews to path.ovr
    ds.BuildOverviews("AVERAGE", [2, 4])
    ds = None


def _gdaladdo_in_place(path: Path) -> None:
    gtiff(path, source(), "TILED=YES", "COMPRESS=DEFLATE")
    ds = gdal.Open(str(path), gdal.GA_Update)
    ds.BuildOverviews("AVERAGE", [2, 4])
    ds = None


def _truncated(path: Path) -> None:
    cog(path.with_suffix(".full"), source())
    path.write_bytes(path.with_suffix(".full").read_bytes()[:300])
    path.with_suffix(".full").unlink()


def _nan_nodata(path: Path) -> None:
    src = source(bands=1, epsg=4326, data_type=gdal.GDT_Float32)
    src.GetRasterBand(1).SetNoDataValue(float("nan"))
    cog(path, src, "COMPRESS=DEFLATE", "BLOCKSIZE=1024")


EE_LOCAL = {"URI_NOT_GCS": "info"}

CORPUS: List[CorpusFile] = [
    CorpusFile(
        "good_generic.tif",
        lambda p: cog(p, source()),
        {
            "generic": {},
            "earthengine": dict(EE_LOCAL),
            "byoc": {"TILE_SIZE_NOT_RECOMMENDED": "warning"},
            "web": {"CRS_NOT_SUPPORTED": "warning"},
        },
    ),
    CorpusFile(
        "good_byoc.tif",
        lambda p: cog(p, source(2100, 1500, epsg=4326), "COMPRESS=ZSTD", "BLOCKSIZE=1024"),
        {
            "generic": {},
            "earthengine": dict(EE_LOCAL),
            "byoc": {},
            "web": {"CRS_NOT_SUPPORTED": "warning", "TILE_SIZE_NOT_ALLOWED": "warning"},
        },
    ),
    CorpusFile(
        "good_earthengine.tif",
        lambda p: band_interleaved_cog(p, source(bands=3)),
        {
            "generic": {},
            "earthengine": dict(EE_LOCAL),
            "byoc": {"TILE_SIZE_NOT_RECOMMENDED": "warning"},
            "web": {"CRS_NOT_SUPPORTED": "warning"},
        },
    ),
    CorpusFile(
        "good_web.tif",
        lambda p: cog(p, source(), "COMPRESS=DEFLATE", "TILING_SCHEME=GoogleMapsCompatible"),
        {
            "generic": {},
            # GoogleMapsCompatible adds an alpha band (pixel-interleaved) and uses 256-pixel tiles.
            "earthengine": {
                "URI_NOT_GCS": "info",
                "TILE_SIZE_NOT_RECOMMENDED": "warning",
                "INTERLEAVE_NOT_BAND": "warning",
            },
            "byoc": {"TILE_SIZE_NOT_RECOMMENDED": "warning"},
            "web": {},
        },
    ),
    CorpusFile(
        "bigtiff.tif",
        lambda p: cog(p, source(), "COMPRESS=DEFLATE", "BIGTIFF=YES"),
        {
            "generic": {},
            "earthengine": dict(EE_LOCAL),
            "byoc": {"TILE_SIZE_NOT_RECOMMENDED": "warning"},
            "web": {"CRS_NOT_SUPPORTED": "warning"},
        },
    ),
    CorpusFile(
        "striped.tif",
        lambda p: gtiff(p, source(1500, 1100), "COMPRESS=DEFLATE"),
        {
            "generic": {"NOT_TILED": "error", "NO_OVERVIEWS": "warning"},
            "earthengine": {"NOT_TILED": "error", "NO_OVERVIEWS": "warning", **EE_LOCAL},
            "byoc": {"NOT_TILED": "error", "NO_OVERVIEWS": "warning"},
            "web": {"NOT_TILED": "error", "NO_OVERVIEWS": "warning", "CRS_NOT_SUPPORTED": "warning"},
        },
    ),
    CorpusFile(
        "striped_narrow.tif",
        lambda p: gtiff(p, source(900, 1100), "COMPRESS=DEFLATE"),
        {
            # GDAL accepts strips up to 1024 pixels wide; the services do not.
            "generic": {"NOT_TILED": "warning", "NO_OVERVIEWS": "warning"},
            "earthengine": {"NOT_TILED": "error", "NO_OVERVIEWS": "warning", **EE_LOCAL},
            "byoc": {"NOT_TILED": "error", "NO_OVERVIEWS": "warning"},
            "web": {"NOT_TILED": "warning", "NO_OVERVIEWS": "warning", "CRS_NOT_SUPPORTED": "warning"},
        },
    ),
    CorpusFile(
        "no_overviews.tif",
        lambda p: cog(p, source(), "COMPRESS=DEFLATE", "OVERVIEWS=NONE"),
        {
            "generic": {"NO_OVERVIEWS": "warning"},
            "earthengine": {"NO_OVERVIEWS": "warning", **EE_LOCAL},
            "byoc": {"NO_OVERVIEWS": "warning", "TILE_SIZE_NOT_RECOMMENDED": "warning"},
            "web": {"NO_OVERVIEWS": "warning", "CRS_NOT_SUPPORTED": "warning"},
        },
    ),
    CorpusFile(
        "external_ovr.tif",
        _external_ovr,
        {
            # GTiff tiles default to 256 pixels.
            "generic": {"EXTERNAL_OVERVIEWS": "error"},
            "earthengine": {"EXTERNAL_OVERVIEWS": "error", "TILE_SIZE_NOT_RECOMMENDED": "warning", **EE_LOCAL},
            "byoc": {"EXTERNAL_OVERVIEWS": "error", "TILE_SIZE_NOT_RECOMMENDED": "warning"},
            "web": {"EXTERNAL_OVERVIEWS": "error", "CRS_NOT_SUPPORTED": "warning"},
        },
    ),
    CorpusFile(
        "gdaladdo_in_place.tif",
        _gdaladdo_in_place,
        {
            # In-place overviews: their IFDs and data are appended after the full-resolution data.
            "generic": {"IFDS_NOT_AT_START": "error", "DATA_ORDER": "error"},
            "earthengine": {
                "IFDS_NOT_AT_START": "error",
                "DATA_ORDER": "error",
                "TILE_SIZE_NOT_RECOMMENDED": "warning",
                **EE_LOCAL,
            },
            "byoc": {"IFDS_NOT_AT_START": "error", "DATA_ORDER": "error", "TILE_SIZE_NOT_RECOMMENDED": "warning"},
            "web": {"IFDS_NOT_AT_START": "error", "DATA_ORDER": "error", "CRS_NOT_SUPPORTED": "warning"},
        },
    ),
    CorpusFile(
        "tiles_128.tif",
        lambda p: cog(p, source(), "COMPRESS=DEFLATE", "BLOCKSIZE=128"),
        {
            "generic": {},
            "earthengine": {"TILE_SIZE_NOT_ALLOWED": "error", **EE_LOCAL},
            "byoc": {"TILE_SIZE_NOT_ALLOWED": "error"},
            "web": {"TILE_SIZE_NOT_ALLOWED": "warning", "CRS_NOT_SUPPORTED": "warning"},
        },
    ),
    CorpusFile(
        "tiles_4096.tif",
        lambda p: cog(p, source(4200, 600), "COMPRESS=DEFLATE", "BLOCKSIZE=4096"),
        {
            "generic": {},
            "earthengine": {"TILE_SIZE_NOT_ALLOWED": "error", **EE_LOCAL},
            "byoc": {"TILE_SIZE_NOT_ALLOWED": "error"},
            "web": {"TILE_SIZE_NOT_ALLOWED": "warning", "CRS_NOT_SUPPORTED": "warning"},
        },
    ),
    CorpusFile(
        "tiles_512x256.tif",
        lambda p: gtiff(p, source(512, 512), "TILED=YES", "BLOCKXSIZE=512", "BLOCKYSIZE=256", "COMPRESS=DEFLATE"),
        {
            "generic": {"TILE_NOT_SQUARE": "info"},
            "earthengine": {"TILE_NOT_SQUARE": "error", "TILE_SIZE_NOT_RECOMMENDED": "warning", **EE_LOCAL},
            "byoc": {"TILE_NOT_SQUARE": "info", "TILE_SIZE_NOT_RECOMMENDED": "warning"},
            "web": {"TILE_NOT_SQUARE": "warning", "CRS_NOT_SUPPORTED": "warning"},
        },
    ),
    CorpusFile(
        "jpeg.tif",
        lambda p: cog(p, source(bands=3), "COMPRESS=JPEG"),
        {
            "generic": {},
            "earthengine": {"COMPRESSION_NOT_ALLOWED": "error", "INTERLEAVE_NOT_BAND": "warning", **EE_LOCAL},
            "byoc": {
                "COMPRESSION_NOT_ALLOWED": "error",
                "PHOTOMETRIC_NOT_ALLOWED": "error",
                "TILE_SIZE_NOT_RECOMMENDED": "warning",
            },
            "web": {"CRS_NOT_SUPPORTED": "warning"},
        },
    ),
    CorpusFile(
        "bands12_pixel.tif",
        lambda p: cog(p, source(600, 600, bands=12, epsg=32733), "COMPRESS=DEFLATE"),
        {
            "generic": {},
            "earthengine": {"INTERLEAVE_NOT_BAND": "warning", **EE_LOCAL},
            "byoc": {"TOO_MANY_BANDS_PIXEL_INTERLEAVED": "error", "TILE_SIZE_NOT_RECOMMENDED": "warning"},
            "web": {"CRS_NOT_SUPPORTED": "warning"},
        },
    ),
    CorpusFile(
        "crs_swiss.tif",
        lambda p: cog(p, source(epsg=2056), "COMPRESS=DEFLATE", "BLOCKSIZE=1024"),
        {
            "generic": {},
            "earthengine": dict(EE_LOCAL),
            "byoc": {"CRS_NOT_SUPPORTED": "error"},
            "web": {"CRS_NOT_SUPPORTED": "warning", "TILE_SIZE_NOT_ALLOWED": "warning"},
        },
    ),
    CorpusFile(
        "not_georeferenced.tif",
        lambda p: cog(p, source(epsg=0), "COMPRESS=DEFLATE", "BLOCKSIZE=1024"),
        {
            "generic": {"NOT_GEOREFERENCED": "warning"},
            "earthengine": {"NOT_GEOREFERENCED": "error", **EE_LOCAL},
            "byoc": {"NOT_GEOREFERENCED": "error"},
            "web": {"NOT_GEOREFERENCED": "error", "TILE_SIZE_NOT_ALLOWED": "warning"},
        },
    ),
    CorpusFile(
        "nan_nodata.tif",
        _nan_nodata,
        {
            "generic": {},
            "earthengine": dict(EE_LOCAL),
            "byoc": {"NODATA_NAN": "warning"},
            "web": {"CRS_NOT_SUPPORTED": "warning", "TILE_SIZE_NOT_ALLOWED": "warning"},
        },
    ),
    CorpusFile(
        "uncompressed_float64.tif",
        lambda p: cog(p, source(bands=1, data_type=gdal.GDT_Float64), "COMPRESS=NONE", "BLOCKSIZE=1024"),
        {
            "generic": {},
            "earthengine": {"NOT_COMPRESSED": "warning", **EE_LOCAL},
            "byoc": {"NOT_COMPRESSED": "warning", "SAMPLE_TYPE_NOT_SUPPORTED": "error"},
            "web": {"CRS_NOT_SUPPORTED": "warning", "TILE_SIZE_NOT_ALLOWED": "warning"},
        },
    ),
]

NOT_TIFF = {profile: {"NOT_TIFF": "error"} for profile in ("generic", "earthengine", "byoc", "web")}
NOT_TIFF_CORPUS: List[CorpusFile] = [
    CorpusFile("empty.tif", lambda p: p.write_bytes(b""), NOT_TIFF),
    CorpusFile("png_renamed.tif", lambda p: gdal.Translate(str(p), source(64, 64), format="PNG"), NOT_TIFF),
    CorpusFile("garbage.tif", lambda p: p.write_bytes(bytes(range(256)) * 40), NOT_TIFF),
    CorpusFile("ifd_loop.tif", lambda p: p.write_bytes(b"II*\x00\x08\x00\x00\x00" + b"\x00\x00"), NOT_TIFF),
]

# A TIFF cut inside its own header is incomplete, not "not a TIFF": copying it again fixes it, converting cannot.
INCOMPLETE_CORPUS: List[CorpusFile] = [
    CorpusFile(
        "truncated.tif",
        _truncated,
        {profile: {"FILE_INCOMPLETE": "error"} for profile in ("generic", "earthengine", "byoc", "web")},
    ),
]


def build(directory: Path, corpus: List[CorpusFile]) -> Dict[str, Path]:
    paths = {}
    for item in corpus:
        path = directory / item.name
        item.make(path)
        paths[item.name] = path
    return paths
