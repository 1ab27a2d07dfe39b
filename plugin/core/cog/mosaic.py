"""A whole prefix of COGs as one mosaic: a local VRT over their /vsi… paths, its own overview, and footprints.

What makes it fast to build and cheap to view:
- every scene's header is read in parallel (one ranged GET each), not one open after another as
  gdalbuildvrt does;
- each VRT source states the scene's size, type and block size, so GDAL opens a scene only when a view
  needs its pixels: a view at full resolution opens the scenes it touches and no other;
- the mosaic carries its own overview, a local GeoTIFF made from every scene's smallest overview while
  the headers are read, so the full extent and coarse zooms read no scene at all.
The VRT holds /vsi… paths and nothing secret; the buckets it reads are listed in its COGPORT metadata so
that reopening a project can restore their credentials before GDAL opens it.
"""

from __future__ import annotations

import math
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, List, Optional, Sequence, Tuple
from xml.sax.saxutils import escape

from osgeo import gdal, ogr, osr

from ..errors import CancelledError, CogportError
from ..i18n import tr
from ..progress import Progress
from ..storage.connection import Credentials, StorageConnection
from ..storage.listing import walk_objects
from ..storage.uri import ObjectLocation, parse_location

READERS = 32  # headers read at once: enough to hide a 30 ms round trip behind the others
MAX_OVERVIEW_PIXELS = 8192  # the mosaic's own overview is at most this wide and high: quick to write locally
METADATA_DOMAIN = "COGPORT"
SOURCES_KEY = "SOURCE_PREFIXES"  # the /vsi…/bucket prefixes the mosaic reads, for credentials on reopening
OVERVIEW_SMALLEST = 256  # the mosaic's own overviews go down to this many pixels across
FOOTPRINTS_LAYER = "footprints"  # the layer inside <name>.footprints.gpkg


@dataclass(frozen=True)
class Scene:
    """What the mosaic needs of one COG, from its header, and its smallest overview's pixels."""

    path: str
    width: int
    height: int
    geotransform: Tuple[float, float, float, float, float, float]
    srs_wkt: str
    data_type: int
    bands: int
    block: Tuple[int, int]
    nodata: Optional[float]
    overview_factor: int  # of its smallest overview

    @property
    def bounds(self) -> Tuple[float, float, float, float]:
        """(xmin, ymin, xmax, ymax)."""
        x0, dx, _, y0, _, dy = self.geotransform
        xs, ys = (x0, x0 + dx * self.width), (y0, y0 + dy * self.height)
        return min(xs), min(ys), max(xs), max(ys)


@dataclass(frozen=True)
class Mosaic:
    vrt: Path
    overview: Path
    footprints: Path
    scenes: int
    skipped: List[str]  # "path: why"

    @property
    def footprints_source(self) -> str:
        """The footprints layer as an OGR data source."""
        return f"{self.footprints}|layername={FOOTPRINTS_LAYER}"


def read_scene(path: str) -> Scene:
    """One scene's header through GDAL (one ranged GET); raises CogportError when it is no georeferenced raster."""
    dataset = gdal.OpenEx(path, gdal.OF_RASTER | gdal.OF_VERBOSE_ERROR)
    if dataset is None:
        raise CogportError(
            tr("'{path}' could not be opened.").format(path=path), tr("that it is a GeoTIFF."), gdal.GetLastErrorMsg()
        )
    band = dataset.GetRasterBand(1)
    transform = dataset.GetGeoTransform(can_return_null=True)
    if transform is None or transform[2] or transform[4] or not dataset.GetProjectionRef():
        raise CogportError(
            tr("'{path}' is not georeferenced north-up.").format(path=path), tr("its CRS and geotransform.")
        )
    count = band.GetOverviewCount()
    smallest = band.GetOverview(count - 1) if count else band
    return Scene(
        path,
        dataset.RasterXSize,
        dataset.RasterYSize,
        tuple(transform),
        dataset.GetProjectionRef(),
        band.DataType,
        dataset.RasterCount,
        tuple(band.GetBlockSize()),
        band.GetNoDataValue(),
        max(1, round(dataset.RasterXSize / smallest.XSize)),
    )


@dataclass(frozen=True)
class _Grid:
    srs_wkt: str
    x_min: float
    y_max: float
    x_res: float
    y_res: float
    width: int
    height: int

    def window(self, scene: Scene, factor: float = 1.0) -> Tuple[float, float, float, float]:
        """(x, y, width, height) of `scene` in the grid's pixels, `factor` times coarser."""
        x0, y0, x1, y1 = scene.bounds
        return (
            (x0 - self.x_min) / (self.x_res * factor),
            (self.y_max - y1) / (self.y_res * factor),
            (x1 - x0) / (self.x_res * factor),
            (y1 - y0) / (self.y_res * factor),
        )


def build_prefix_mosaic(
    connection: StorageConnection,
    credentials: Credentials,
    prefix: ObjectLocation,
    vrt: Path,
    recursive: bool = False,
    pattern: str = "",
    progress: Optional[Progress] = None,
) -> Mosaic:
    """The mosaic of every raster under `prefix` (the bucket's options must already be applied)."""
    progress = progress or Progress()
    listed = [
        entry.location.vsi_path
        for entry in walk_objects(connection, credentials, prefix.as_prefix(), recursive, pattern, progress)
        if entry.is_raster
    ]
    if not listed:
        raise CogportError(
            tr("There is no raster under {uri} to make a mosaic of.").format(uri=prefix.as_prefix().uri),
            tr("the prefix, the name pattern, and whether its rasters sit in sub-prefixes (include them)."),
        )
    return build_mosaic(listed, vrt, progress.span(0.05, 1.0))


def build_mosaic(
    paths: Sequence[str],
    vrt: Path,
    progress: Optional[Progress] = None,
    read: Callable[[str], Scene] = read_scene,
) -> Mosaic:
    """Writes `vrt`, `<stem>.overview.tif` and `<stem>.footprints.gpkg` for the COGs at `paths` (/vsi… paths)."""
    progress = progress or Progress()
    vrt = Path(vrt)
    scenes, skipped = _read_all(paths, progress.span(0.0, 0.5), read)
    if not scenes:
        raise CogportError(
            tr("None of the objects could be read as a georeferenced raster, so there is no mosaic to build."),
            tr("the prefix and the name pattern; the Cogport log lists why each object was left out."),
            "; ".join(skipped[:20]),
        )
    grid = _grid(scenes)
    same_crs = [scene for scene in scenes if _same_crs(scene.srs_wkt, grid.srs_wkt)]
    another_crs = tr("{path}: another CRS than {first}")
    skipped += [another_crs.format(path=scene.path, first=scenes[0].path) for scene in scenes if scene not in same_crs]
    grid = _grid(same_crs)
    # The scenes' smallest overviews, or coarser when the mosaic is so large that its overview would be huge.
    coarser = 2 ** max(0, math.ceil(math.log2(max(grid.width, grid.height, 1) / MAX_OVERVIEW_PIXELS)))
    factor = max(coarser, *(scene.overview_factor for scene in same_crs))
    overview = vrt.with_name(vrt.stem + ".overview.tif")
    footprints = vrt.with_name(vrt.stem + ".footprints.gpkg")
    _write_overview(same_crs, grid, factor, overview, progress.span(0.5, 0.95))
    _write_footprints(same_crs, grid.srs_wkt, footprints)
    _write_atomically(vrt, _vrt_xml(same_crs, grid, overview.name))
    progress.report(1.0)
    return Mosaic(vrt, overview, footprints, len(same_crs), skipped)


def _read_all(paths: Sequence[str], progress: Progress, read: Callable[[str], Scene]) -> Tuple[List[Scene], List[str]]:
    scenes: List[Scene] = []
    skipped: List[str] = []

    def one(path: str) -> Optional[Scene]:
        if progress.cancelled:
            return None
        gdal.PushErrorHandler("CPLQuietErrorHandler")  # per thread; what failed is reported in `skipped`
        try:
            return read(path)
        except (CogportError, RuntimeError) as error:
            skipped.append(f"{path}: {error}")
            return None
        finally:
            gdal.PopErrorHandler()

    with ThreadPoolExecutor(READERS, thread_name_prefix="cogport-mosaic") as pool:
        for index, scene in enumerate(pool.map(one, paths)):
            if scene is not None:
                scenes.append(scene)
            progress.report((index + 1) / max(len(paths), 1))
    progress.raise_if_cancelled()
    return scenes, skipped


def _same_crs(a: str, b: str) -> bool:
    if a == b:
        return True
    first, second = osr.SpatialReference(), osr.SpatialReference()
    first.ImportFromWkt(a)
    second.ImportFromWkt(b)
    return bool(first.IsSame(second))


def _grid(scenes: Sequence[Scene]) -> _Grid:
    """The finest resolution among the scenes over the union of their bounds, in the first scene's CRS."""
    x_res = min(abs(scene.geotransform[1]) for scene in scenes)
    y_res = min(abs(scene.geotransform[5]) for scene in scenes)
    x_min = min(scene.bounds[0] for scene in scenes)
    y_min = min(scene.bounds[1] for scene in scenes)
    x_max = max(scene.bounds[2] for scene in scenes)
    y_max = max(scene.bounds[3] for scene in scenes)
    width, height = math.ceil((x_max - x_min) / x_res - 1e-6), math.ceil((y_max - y_min) / y_res - 1e-6)
    return _Grid(scenes[0].srs_wkt, x_min, y_max, x_res, y_res, width, height)


def _write_overview(scenes: Sequence[Scene], grid: _Grid, factor: int, path: Path, progress: Progress) -> None:
    """The mosaic at `factor`, from each scene's smallest overview (GDAL reads no finer level for it)."""
    first = scenes[0]
    width, height = max(1, math.ceil(grid.width / factor)), max(1, math.ceil(grid.height / factor))
    partial = path.with_name(path.name + ".partial.tif")
    target = gdal.GetDriverByName("GTiff").Create(
        str(partial), width, height, first.bands, first.data_type, ["TILED=YES", "COMPRESS=DEFLATE", "BIGTIFF=IF_SAFER"]
    )
    target.SetGeoTransform((grid.x_min, grid.x_res * factor, 0.0, grid.y_max, 0.0, -grid.y_res * factor))
    target.SetProjection(grid.srs_wkt)
    if first.nodata is not None:
        for band in range(1, first.bands + 1):
            target.GetRasterBand(band).SetNoDataValue(first.nodata)
            target.GetRasterBand(band).Fill(first.nodata)

    def pixels(scene: Scene) -> Tuple[Tuple[int, int, int, int], Optional[bytes]]:
        x, y, w, h = grid.window(scene, factor)
        box = (int(round(x)), int(round(y)), max(1, int(round(w))), max(1, int(round(h))))
        box = (box[0], box[1], min(box[2], width - box[0]), min(box[3], height - box[1]))
        if progress.cancelled or box[2] <= 0 or box[3] <= 0:
            return box, None
        gdal.PushErrorHandler("CPLQuietErrorHandler")
        try:
            source = gdal.Open(scene.path)  # its header is in GDAL's cache since it was read
            data = source.ReadRaster(
                0,
                0,
                scene.width,
                scene.height,
                box[2],
                box[3],
                band_list=list(range(1, first.bands + 1)),
                resample_alg=gdal.GRIORA_Average,
            )
        except RuntimeError:
            data = None
        finally:
            gdal.PopErrorHandler()
        return box, data

    with ThreadPoolExecutor(READERS, thread_name_prefix="cogport-mosaic") as pool:
        for index, (box, data) in enumerate(pool.map(pixels, scenes)):
            if data is not None:
                target.WriteRaster(*box, data, band_list=list(range(1, first.bands + 1)))
            progress.report((index + 1) / len(scenes))
    if progress.cancelled:
        target = None
        gdal.Unlink(str(partial))
        raise CancelledError()
    factors = [2**n for n in range(1, 32) if max(width, height) / 2**n >= OVERVIEW_SMALLEST]
    if factors:
        target.BuildOverviews("AVERAGE", factors)
    target = None
    os.replace(partial, path)


def _write_footprints(scenes: Sequence[Scene], srs_wkt: str, path: Path) -> None:
    partial = path.with_name(path.name + ".partial.gpkg")
    if partial.exists():
        partial.unlink()
    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(partial))
    srs = osr.SpatialReference()
    srs.ImportFromWkt(srs_wkt)
    layer = source.CreateLayer(FOOTPRINTS_LAYER, srs, ogr.wkbPolygon)
    for name, kind in (
        ("path", ogr.OFTString),
        ("name", ogr.OFTString),
        ("width", ogr.OFTInteger),
        ("height", ogr.OFTInteger),
    ):
        layer.CreateField(ogr.FieldDefn(name, kind))
    layer.StartTransaction()
    for scene in scenes:
        feature = ogr.Feature(layer.GetLayerDefn())
        x0, y0, x1, y1 = scene.bounds
        ring = f"POLYGON (({x0} {y0}, {x1} {y0}, {x1} {y1}, {x0} {y1}, {x0} {y0}))"
        feature.SetGeometry(ogr.CreateGeometryFromWkt(ring))
        feature.SetField("path", scene.path)
        feature.SetField("name", scene.path.rsplit("/", 1)[-1])
        feature.SetField("width", scene.width)
        feature.SetField("height", scene.height)
        layer.CreateFeature(feature)
    layer.CommitTransaction()
    source = None
    os.replace(partial, path)


def source_prefixes(paths: Iterable[str]) -> List[str]:
    """The bucket prefixes (/vsis3/bucket, …) of the remote ones among `paths`, once each, in order."""
    prefixes: List[str] = []
    for path in paths:
        if not path.startswith(("/vsis3/", "/vsigs/", "/vsiswift/")):
            continue
        prefix = parse_location(path).bucket_prefix
        if prefix not in prefixes:
            prefixes.append(prefix)
    return prefixes


def mosaic_source_prefixes(vrt: str) -> List[str]:
    """The bucket prefixes a Cogport mosaic reads, from its COGPORT metadata ([] for other files)."""
    try:
        with open(vrt, encoding="utf-8") as handle:
            head = handle.read(64 * 1024)  # the metadata comes first
    except OSError:
        return []
    marker = f'<MDI key="{SOURCES_KEY}">'
    start = head.find(marker)
    if start < 0:
        return []
    end = head.find("</MDI>", start)
    text = head[start + len(marker) : end]
    return [prefix for prefix in text.replace("&amp;", "&").split(",") if prefix.startswith("/vsi")]


def _vrt_xml(scenes: Sequence[Scene], grid: _Grid, overview_name: str) -> str:
    first = scenes[0]
    type_name = gdal.GetDataTypeName(first.data_type)
    lines = [
        f'<VRTDataset rasterXSize="{grid.width}" rasterYSize="{grid.height}">',
        f'  <Metadata domain="{METADATA_DOMAIN}">',
        f'    <MDI key="{SOURCES_KEY}">{escape(",".join(source_prefixes(s.path for s in scenes)))}</MDI>',
        "  </Metadata>",
        f"  <SRS>{escape(grid.srs_wkt)}</SRS>",
        f"  <GeoTransform>{grid.x_min!r}, {grid.x_res!r}, 0.0, {grid.y_max!r}, 0.0, {-grid.y_res!r}</GeoTransform>",
    ]
    for band in range(1, first.bands + 1):
        lines.append(f'  <VRTRasterBand dataType="{type_name}" band="{band}">')
        if first.nodata is not None:
            lines.append(f"    <NoDataValue>{first.nodata!r}</NoDataValue>")
        source_kind = "ComplexSource" if first.nodata is not None else "SimpleSource"
        for scene in scenes:
            x, y, w, h = grid.window(scene)
            lines += [
                f"    <{source_kind}>",
                f'      <SourceFilename relativeToVRT="0">{escape(scene.path)}</SourceFilename>',
                f"      <SourceBand>{band}</SourceBand>",
                f'      <SourceProperties RasterXSize="{scene.width}" RasterYSize="{scene.height}" '
                f'DataType="{gdal.GetDataTypeName(scene.data_type)}" BlockXSize="{scene.block[0]}" '
                f'BlockYSize="{scene.block[1]}"/>',
                f'      <SrcRect xOff="0" yOff="0" xSize="{scene.width}" ySize="{scene.height}"/>',
                f'      <DstRect xOff="{x!r}" yOff="{y!r}" xSize="{w!r}" ySize="{h!r}"/>',
            ]
            if scene.nodata is not None:
                lines.append(f"      <NODATA>{scene.nodata!r}</NODATA>")
            lines.append(f"    </{source_kind}>")
        lines += [
            "    <Overview>",
            f'      <SourceFilename relativeToVRT="1">{escape(overview_name)}</SourceFilename>',
            f"      <SourceBand>{band}</SourceBand>",
            "    </Overview>",
            "  </VRTRasterBand>",
        ]
    lines.append("</VRTDataset>")
    return "\n".join(lines) + "\n"


def _write_atomically(path: Path, text: str) -> None:
    partial = path.with_name(path.name + ".partial")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, path)
