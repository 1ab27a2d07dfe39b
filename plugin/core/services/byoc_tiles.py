"""BYOC tiles from bucket objects: grouping into `(BAND)` templates, sensing times, bands, cover geometry."""

from __future__ import annotations

import json
import posixpath
import re
import threading
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

from osgeo import gdal, ogr, osr

from ..cog.validate import validate_cog
from ..errors import CogportError
from ..i18n import tr
from ..progress import Progress
from ..storage.gdal_config import network_scope
from ..storage.uri import parse_location, to_vsi_path
from .byoc import Band, ByocConnection, TileSpec, bucket_region, bucket_region_problem

BAND = "(BAND)"
TIFF_SUFFIXES = (".tif", ".tiff", ".TIF", ".TIFF")
MAX_COVER_POINTS = 100
CRS84 = "urn:ogc:def:crs:OGC:1.3:CRS84"
_SEPARATORS = re.compile(r"([_\-.])")


@dataclass
class TileGroup:
    """One proposed tile: its path template and the object key of each band file."""

    template: str
    files: Dict[str, str] = field(default_factory=dict)  # band source -> object key

    @property
    def bands(self) -> List[str]:
        return sorted(self.files)

    def key_for(self, band: str) -> str:
        return self.files[band]


@dataclass
class TileGrouping:
    tiles: List[TileGroup]
    bands: List[str]  # the band file set most tiles share
    problems: List[str] = field(default_factory=list)
    ignored: List[str] = field(default_factory=list)  # keys that are not TIFFs


def object_key(text: str) -> str:
    """The key inside the bucket for an s3:// or /vsi… location; a bare key stays as it is."""
    if "://" in text or text.startswith("/vsi"):
        return parse_location(text).key
    return text.lstrip("/")


def group_tiles(keys: Iterable[str], known_bands: Sequence[str] = ()) -> TileGrouping:
    """Groups object keys into tiles and proposes a `(BAND)` template for each.

    The band is the whole file name (`…/28V/B04.tif` → `…/28V/(BAND).tif`) or one
    `_`/`-`/`.`-separated part of it (`T28V_B04_2019.tif` → `T28V_(BAND)_2019.tif`).
    Each candidate split is tried; the one under which most files form tiles with
    the same band set wins (the collection's bands, when given, break ties).
    """
    tiffs: List[str] = []
    ignored: List[str] = []
    for key in keys:
        (tiffs if key.endswith(TIFF_SUFFIXES) else ignored).append(object_key(key))
    tiffs = sorted(set(tiffs))
    if not tiffs:
        return TileGrouping([], [], [tr("No GeoTIFF (.tif/.tiff) files were selected.")], ignored)
    scored: List[Tuple[tuple, Dict[str, Dict[str, str]]]] = []
    for rule in _candidate_rules(tiffs):
        groups = _apply_rule(tiffs, rule)
        if groups is not None:
            scored.append((_score(groups, rule, known_bands), groups))
    # Never empty: the whole-name rule always applies. On a tie the first rule tried wins.
    groups = max(scored, key=lambda candidate: candidate[0])[1]
    tiles = [TileGroup(template, files) for template, files in sorted(groups.items())]
    common = _common_band_set(groups)
    expected = sorted(known_bands) if known_bands else common
    return TileGrouping(tiles, expected, check_band_files(tiles, expected), ignored)


def doubtful_tiles(tiles: Sequence[TileGroup], known_bands: Sequence[str] = ()) -> List[TileGroup]:
    """Tiles whose band names look like separate images rather than bands of one image: numbers (dates,
    counters) or names that still hold parts (`terrain_small`). Their files were grouped because they
    share a folder; the person should confirm before they are registered as one tile."""
    known = set(known_bands)
    return [
        tile
        for tile in tiles
        if len(tile.files) > 1
        and not set(tile.files) <= known
        and any(band.isdigit() or _SEPARATORS.search(band) for band in tile.files)
    ]


def check_band_files(tiles: Sequence[TileGroup], bands: Sequence[str]) -> List[str]:
    """One sentence per tile whose band files differ from `bands` (BYOC needs the same set everywhere)."""
    wanted = set(bands)
    problems = []
    for tile in tiles:
        have = set(tile.files)
        missing, extra = sorted(wanted - have), sorted(have - wanted)
        if missing and extra:
            problem = tr("Tile {tile} lacks {missing} and has extra {extra}; every tile needs the band files {bands}.")
        elif missing:
            problem = tr("Tile {tile} lacks {missing}; every tile needs the band files {bands}.")
        elif extra:
            problem = tr("Tile {tile} has extra {extra}; every tile needs the band files {bands}.")
        else:
            continue
        problems.append(
            problem.format(
                tile=tile.template,
                missing=", ".join(missing),
                extra=", ".join(extra),
                bands=", ".join(sorted(wanted)),
            )
        )
    return problems


def templates_from_text(text: str) -> List[str]:
    """Tile paths typed one per line (blank lines and surrounding spaces ignored), validated."""
    paths = [object_key(line.strip()) for line in text.splitlines() if line.strip()]
    for path in paths:
        check_tile_path(path)
    return list(dict.fromkeys(paths))


def check_tile_path(path: str) -> None:
    """BYOC tile paths: no leading '/', no '//'."""
    if not path or path.startswith("/") or "//" in path:
        raise CogportError(
            tr("'{path}' is not a valid BYOC tile path.").format(path=path),
            tr(
                "that it is the path inside the bucket, without a leading '/' or '//' (e.g. 2019/11/27/28V/(BAND).tif)."
            ),
        )


def band_file_key(template: str, band_source: str) -> str:
    """The object key of one band file of a tile (a folder-only template means `<folder>/(BAND).tiff`)."""
    if BAND not in template:
        if template.endswith(TIFF_SUFFIXES):
            return template
        template = template.rstrip("/") + "/" + BAND + ".tiff"
    return template.replace(BAND, band_source)


def _candidate_rules(keys: Sequence[str]) -> List[Tuple[str, int]]:
    longest = max(len(_SEPARATORS.split(_stem(posixpath.basename(k))[0])) for k in keys)
    rules: List[Tuple[str, int]] = [("stem", 0)]
    for index in range(0, longest, 2):  # even positions are parts, odd ones separators
        rules.append(("start", index))
        rules.append(("end", index))
    return rules


def _stem(name: str) -> Tuple[str, str]:
    for suffix in TIFF_SUFFIXES:
        if name.endswith(suffix):
            return name[: -len(suffix)], suffix
    return name, ""


def _apply_rule(keys: Sequence[str], rule: Tuple[str, int]) -> Optional[Dict[str, Dict[str, str]]]:
    kind, index = rule
    groups: Dict[str, Dict[str, str]] = defaultdict(dict)
    for key in keys:
        folder, name = posixpath.split(key)
        stem, suffix = _stem(name)
        if kind == "stem":
            band, template_name = stem, BAND + suffix
        else:
            parts = _SEPARATORS.split(stem)
            if len(parts) < 3 or index >= len(parts):  # a single part is the whole-name rule
                return None
            position = index if kind == "start" else len(parts) - 1 - index
            band = parts[position]
            if not band:
                return None
            template_name = "".join(parts[:position]) + BAND + "".join(parts[position + 1 :]) + suffix
        template = posixpath.join(folder, template_name) if folder else template_name
        if band in groups[template]:
            return None
        groups[template][band] = key
    return dict(groups)


def _common_band_set(groups: Mapping[str, Mapping[str, str]]) -> List[str]:
    sets = Counter(tuple(sorted(files)) for files in groups.values())
    return list(sets.most_common(1)[0][0]) if sets else []


def _score(groups: Mapping[str, Mapping[str, str]], rule: Tuple[str, int], known: Sequence[str]) -> tuple:
    common = set(known) if known else set(_common_band_set(groups))
    consistent = sum(len(files) for files in groups.values() if set(files) == common)
    bands = {band for files in groups.values() for band in files}
    matches_known = bool(known) and bands == set(known)
    numeric = sum(1 for band in bands if band.isdigit())  # dates and counters are rarely band names
    compound = sum(1 for band in bands if _SEPARATORS.search(band))  # a whole name still holding parts
    # Band names usually close a file name (…_B04.tif): prefer the end, then the whole name.
    position = -rule[1] if rule[0] == "end" else (-1000 if rule[0] == "start" else 1)
    return (matches_known, consistent, -numeric, -compound, -len(groups) if consistent else 0, position)


# Sensing time

_STRFTIME_REGEX = {
    "%Y": r"(?P<Y>\d{4})",
    "%y": r"(?P<y>\d{2})",
    "%m": r"(?P<m>\d{2})",
    "%d": r"(?P<d>\d{2})",
    "%j": r"(?P<j>\d{3})",
    "%H": r"(?P<H>\d{2})",
    "%M": r"(?P<M>\d{2})",
    "%S": r"(?P<S>\d{2})",
    "%b": r"(?P<b>[A-Za-z]{3})",
    "%%": "%",
}
_GROUP_NAMES = ("year", "month", "day", "hour", "minute", "second", "doy")


def sensing_time_from_path(path: str, pattern: str) -> str:
    """The sensing time (ISO 8601, UTC, `…Z`) found in `path` by `pattern`.

    `pattern` is either a regular expression with named groups (year, month, day,
    and optionally hour, minute, second, or doy for day-of-year) or a strftime
    pattern such as `%Y/%m/%d` or `%Y%m%dT%H%M%S`, searched anywhere in the path.
    """
    if "(?P<" in pattern:
        return _from_named_groups(path, pattern)
    return _from_strftime(path, pattern)


def _from_named_groups(path: str, pattern: str) -> str:
    try:
        match = re.search(pattern, path)
    except re.error as exc:
        raise CogportError(
            tr("The sensing-time pattern '{pattern}' is not a valid regular expression.").format(pattern=pattern),
            tr("the pattern's syntax."),
            detail=str(exc),
        ) from exc
    if match is None:
        raise _no_match(path, pattern)
    values = {name: int(value) for name, value in match.groupdict().items() if name in _GROUP_NAMES and value}
    try:
        if "doy" in values:
            moment = datetime.strptime(f"{values['year']} {values['doy']}", "%Y %j")
        else:
            moment = datetime(values["year"], values["month"], values["day"])
        moment = moment.replace(
            hour=values.get("hour", 0), minute=values.get("minute", 0), second=values.get("second", 0)
        )
    except (KeyError, ValueError) as exc:
        raise CogportError(
            tr("The sensing-time pattern found no valid date in '{path}'.").format(path=path),
            tr("that the pattern has named groups year, month and day (or year and doy)."),
            detail=repr(exc),
        ) from exc
    return format_sensing_time(moment)


def _from_strftime(path: str, pattern: str) -> str:
    regex, index = "", 0
    while index < len(pattern):
        token = pattern[index : index + 2]
        if token in _STRFTIME_REGEX:
            regex += _STRFTIME_REGEX[token]
            index += 2
        elif pattern[index] == "%":
            raise CogportError(
                tr("The sensing-time pattern '{pattern}' uses {token}, which Cogport does not read.").format(
                    pattern=pattern, token=token
                ),
                tr("the pattern: use %Y %y %m %d %j %H %M %S %b."),
            )
        else:
            regex += re.escape(pattern[index])
            index += 1
    for match in re.finditer(regex, path):
        try:
            moment = datetime.strptime(match.group(0), pattern)
        except ValueError:
            continue
        return format_sensing_time(moment)
    raise _no_match(path, pattern)


def _no_match(path: str, pattern: str) -> CogportError:
    return CogportError(
        tr("The sensing-time pattern '{pattern}' does not match '{path}'.").format(pattern=pattern, path=path),
        tr("the pattern, or enter the sensing time by hand."),
    )


def format_sensing_time(moment: datetime) -> str:
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
    return moment.replace(microsecond=0).isoformat() + "Z"


def parse_sensing_time(text: str) -> str:
    """A typed sensing time (`2019-11-27`, `2019-11-27 10:30`, `…T10:30:00Z`, offsets) as BYOC wants it."""
    cleaned = text.strip().replace(" ", "T")
    if not cleaned:
        return ""
    if cleaned.endswith("Z"):
        cleaned = cleaned[:-1] + "+00:00"
    try:
        return format_sensing_time(datetime.fromisoformat(cleaned))
    except ValueError as exc:
        raise CogportError(
            tr("'{text}' is not a date and time.").format(text=text), tr("the format, e.g. 2019-11-27T10:30:00Z.")
        ) from exc


# Band configuration from a sample file

_SAMPLE_TYPES = {
    gdal.GDT_Byte: (8, "UINT"),
    gdal.GDT_UInt16: (16, "UINT"),
    gdal.GDT_Int16: (16, "INT"),
    gdal.GDT_UInt32: (32, "UINT"),
    gdal.GDT_Int32: (32, "INT"),
    gdal.GDT_Float32: (32, "FLOAT"),
}
if hasattr(gdal, "GDT_Int8"):  # GDAL >= 3.7
    _SAMPLE_TYPES[gdal.GDT_Int8] = (8, "INT")


def bands_from_sample(location: str, source: str) -> Dict[str, Band]:
    """Band entries for one band file, read from its header: one per band inside it.

    A single-band file gives a band named after `source`; a multi-band file gives
    `<source>_1`, `<source>_2`, … (as BYOC's own auto-configuration names them).
    """
    dataset = _open(location)
    layout = [
        (dataset.GetRasterBand(i).DataType, dataset.GetRasterBand(i).GetNoDataValue())
        for i in range(1, dataset.RasterCount + 1)
    ]
    dataset = None  # closed before any exception, whose traceback would otherwise outlive it
    bands: Dict[str, Band] = {}
    for index, (data_type, no_data) in enumerate(layout, start=1):
        if data_type not in _SAMPLE_TYPES:
            raise CogportError(
                tr("{location} holds {data_type} samples, which BYOC cannot serve.").format(
                    location=location, data_type=gdal.GetDataTypeName(data_type)
                ),
                tr("the data type: BYOC takes 8-, 16- or 32-bit unsigned/signed integers or 32-bit floats."),
            )
        bit_depth, sample_format = _SAMPLE_TYPES[data_type]
        if no_data is not None and no_data != no_data:  # NaN: BYOC treats NaNs as nodata anyway
            no_data = None
        name = source if len(layout) == 1 else f"{source}_{index}"
        bands[name] = Band(source, index, bit_depth, sample_format, no_data)
    return bands


def bands_for_tile(tile: TileGroup, bucket_uri_prefix: str) -> Dict[str, Band]:
    """The band configuration of a collection, prefilled from the files of one sample tile."""
    bands: Dict[str, Band] = {}
    for source in tile.bands:
        bands.update(bands_from_sample(_join(bucket_uri_prefix, tile.files[source]), source))
    return bands


# Cover geometry


def trace_cover_geometry(
    locations: Sequence[str], max_points: int = MAX_COVER_POINTS, working_size: int = 512
) -> Optional[Dict[str, Any]]:
    """The valid-data area of a tile's files as GeoJSON in the file CRS, at most `max_points` points.

    The mask of each file is read at the coarsest overview still at least
    `working_size` pixels across (so a remote COG costs a few tiles, not the full
    image), polygonized, and intersected across files as BYOC reads a tile only
    where every band has data. Returns None when every file is fully valid: BYOC's
    default cover (the tile bounds) is then exact.
    """
    area: Optional[ogr.Geometry] = None
    bounds: Optional[ogr.Geometry] = None
    srs: Optional[osr.SpatialReference] = None
    coarsest_pixel = 0.0
    for location in locations:
        traced = _file_valid_area(location, working_size)
        if traced is None:
            continue
        shape, pixel, box, file_srs = traced
        coarsest_pixel = max(coarsest_pixel, pixel)
        srs = srs or file_srs
        area = shape if area is None else area.Intersection(shape)
        bounds = box if bounds is None else bounds.Intersection(box)
    if area is None or bounds is None or area.GetArea() >= bounds.GetArea() * (1 - 1e-9):
        return None
    if area.IsEmpty():
        raise CogportError(
            tr("The tile's files have no valid pixels in common."),
            tr("the nodata value and mask of the files, and that they cover the same area."),
        )
    simplified = _simplify(area, coarsest_pixel, max_points)
    geojson = json.loads(simplified.ExportToJson())
    geojson["crs"] = {"type": "name", "properties": {"name": crs_urn(srs)}}
    return geojson


def crs_urn(srs: Optional[osr.SpatialReference]) -> str:
    if srs is None:
        raise CogportError(
            tr("The file has no coordinate reference system."),
            tr("the file: BYOC needs a georeferenced COG in a supported CRS."),
        )
    copy = srs.Clone()
    copy.AutoIdentifyEPSG()
    code = copy.GetAuthorityCode(None)
    if not code:
        raise CogportError(
            tr("The file's coordinate reference system has no EPSG code."),
            tr("the CRS: BYOC supports EPSG:4326, 3857, 3035 and UTM zones (326xx/327xx)."),
        )
    # CRS84 spells out lon/lat order, which is how the coordinates are written.
    return CRS84 if code == "4326" else f"urn:ogc:def:crs:EPSG::{code}"


def count_points(geometry: ogr.Geometry) -> int:
    if geometry.GetGeometryCount() == 0:
        return geometry.GetPointCount()
    return sum(count_points(geometry.GetGeometryRef(i)) for i in range(geometry.GetGeometryCount()))


def _file_valid_area(
    location: str, working_size: int
) -> Optional[Tuple[ogr.Geometry, float, ogr.Geometry, osr.SpatialReference]]:
    """(valid area, working pixel size, file bounds, CRS); None when every pixel is valid by definition."""
    dataset = _open(location)
    if all(dataset.GetRasterBand(i).GetMaskFlags() & gdal.GMF_ALL_VALID for i in range(1, dataset.RasterCount + 1)):
        return None
    srs = dataset.GetSpatialRef()
    box = _bounds(dataset)
    shape, pixel = _valid_area(dataset, working_size)
    if shape is None:
        raise CogportError(
            tr("{location} has no valid pixels.").format(location=location), tr("its nodata value and mask.")
        )
    return shape, pixel, box, srs


def _valid_area(dataset: gdal.Dataset, working_size: int) -> Tuple[Optional[ogr.Geometry], float]:
    band = dataset.GetRasterBand(1)
    level = band
    for index in range(band.GetOverviewCount()):
        overview = band.GetOverview(index)
        if max(overview.XSize, overview.YSize) >= working_size and overview.XSize < level.XSize:
            level = overview
    mask = level.GetMaskBand()
    origin_x, pixel_x, rot_x, origin_y, rot_y, pixel_y = dataset.GetGeoTransform()
    scale_x, scale_y = dataset.RasterXSize / level.XSize, dataset.RasterYSize / level.YSize
    memory = gdal.GetDriverByName("MEM").Create("", level.XSize, level.YSize, 1, gdal.GDT_Byte)
    memory.SetGeoTransform((origin_x, pixel_x * scale_x, rot_x, origin_y, rot_y, pixel_y * scale_y))
    memory.GetRasterBand(1).WriteRaster(0, 0, level.XSize, level.YSize, mask.ReadRaster())
    source = ogr.GetDriverByName("Memory").CreateDataSource("")  # must outlive the layer
    layer = source.CreateLayer("valid")
    layer.CreateField(ogr.FieldDefn("value", ogr.OFTInteger))
    gdal.Polygonize(memory.GetRasterBand(1), memory.GetRasterBand(1), layer, 0)
    # Polygonize already merges touching pixels, so the parts do not overlap. Holes are
    # dropped: nodata inside the cover is still nodata to BYOC, and holes cost points.
    parts = ogr.Geometry(ogr.wkbMultiPolygon)
    for feature in layer:
        polygon = ogr.Geometry(ogr.wkbPolygon)
        polygon.AddGeometry(feature.GetGeometryRef().GetGeometryRef(0))
        parts.AddGeometry(polygon)
    if parts.GetGeometryCount() == 0:
        return None, 0.0
    merged = parts.UnionCascaded() if parts.GetGeometryCount() > 1 else parts.GetGeometryRef(0).Clone()
    return merged, abs(pixel_x * scale_x)


def _bounds(dataset: gdal.Dataset) -> ogr.Geometry:
    origin_x, pixel_x, _, origin_y, _, pixel_y = dataset.GetGeoTransform()
    far_x, far_y = origin_x + pixel_x * dataset.RasterXSize, origin_y + pixel_y * dataset.RasterYSize
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for x, y in ((origin_x, origin_y), (far_x, origin_y), (far_x, far_y), (origin_x, far_y), (origin_x, origin_y)):
        ring.AddPoint_2D(x, y)
    box = ogr.Geometry(ogr.wkbPolygon)
    box.AddGeometry(ring)
    return box


def _simplify(area: ogr.Geometry, pixel: float, max_points: int) -> ogr.Geometry:
    tolerance = pixel
    for _attempt in range(16):
        shape = area.SimplifyPreserveTopology(tolerance)
        if count_points(shape) <= max_points:
            return shape
        if shape.GetGeometryCount() * 4 > max_points and shape.GetGeometryType() == ogr.wkbMultiPolygon:
            # Too many separate parts for any tolerance: close the gaps between them.
            area = shape.Buffer(tolerance, 1).Buffer(-tolerance, 1)
        tolerance *= 2
    hull = area.ConvexHull()
    while count_points(hull) > max_points:
        hull = hull.SimplifyPreserveTopology(tolerance)
        tolerance *= 2
    return hull


def _open(location: str) -> gdal.Dataset:
    path = to_vsi_path(location)
    what = tr("Could not open {location}.").format(location=location)
    check = tr("that the object exists and the storage connection's credentials can read it.")
    try:
        with network_scope(path):
            dataset = gdal.OpenEx(path, gdal.OF_RASTER | gdal.OF_VERBOSE_ERROR)
    except RuntimeError as exc:
        raise CogportError(what, check, detail=str(exc)) from exc
    if dataset is None:
        raise CogportError(what, check)
    return dataset


def _join(prefix: str, key: str) -> str:
    return f"{prefix.rstrip('/')}/{key}" if prefix else key


# Tile specs


def tile_specs(
    tiles: Sequence[TileGroup],
    bucket_uri_prefix: str,
    *,
    sensing_time_pattern: str = "",
    sensing_time: str = "",
    trace_cover: bool = False,
    progress: Optional[Progress] = None,
) -> List[TileSpec]:
    """The registration requests for grouped tiles: sensing time from the pattern (or the fixed
    value), and a traced cover geometry when asked for."""
    specs = []
    for number, tile in enumerate(tiles):
        if progress is not None:
            progress.raise_if_cancelled()
            progress.report(number / max(len(tiles), 1))
        when = sensing_time_from_path(tile.template, sensing_time_pattern) if sensing_time_pattern else sensing_time
        cover = None
        if trace_cover:
            cover = trace_cover_geometry([_join(bucket_uri_prefix, tile.files[b]) for b in tile.bands])
        specs.append(TileSpec(tile.template, when, cover))
    return specs


def footprint_wkt(geometry: Optional[Mapping[str, Any]], target_epsg: int = 4326) -> str:
    """A tile's GeoJSON geometry (with its `crs` member) reprojected to `target_epsg`, as WKT.

    Coordinates are read and written easting/longitude first, as GeoJSON writes them.
    A geometry without `crs` is taken as CRS84.
    """
    if not geometry:
        return ""
    body = dict(geometry)
    crs = body.pop("crs", None)
    name = ((crs or {}).get("properties") or {}).get("name", CRS84)
    shape = ogr.CreateGeometryFromJson(json.dumps(body))
    if shape is None:
        return ""
    source = srs_from_urn(name)
    target = osr.SpatialReference()
    target.ImportFromEPSG(target_epsg)
    target.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    if not source.IsSame(target):
        shape.Transform(osr.CoordinateTransformation(source, target))
    return shape.ExportToWkt()


def srs_from_urn(name: str) -> osr.SpatialReference:
    srs = osr.SpatialReference()
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    match = re.search(r"EPSG(?:::|:|/0/)(\d+)$", name)
    if match:
        srs.ImportFromEPSG(int(match.group(1)))
    elif name.upper().endswith("CRS84") or not name:
        srs.ImportFromEPSG(4326)
    else:
        srs.SetFromUserInput(name)
    return srs


# Pre-flight


@dataclass
class Preflight:
    """What stands in the way of registering: errors block, warnings inform."""

    errors: List[str] = field(default_factory=list)
    warnings: List[str] = field(default_factory=list)
    files_checked: int = 0
    bytes_read: int = 0
    region: str = ""  # the bucket's region when it could be read

    @property
    def ok(self) -> bool:
        return not self.errors


def preflight(
    tiles: Sequence[TileGroup],
    bucket_uri_prefix: str,
    connection: ByocConnection,
    *,
    progress: Optional[Progress] = None,
    region_endpoint: str = "https://s3.amazonaws.com",
    check_region: bool = True,
    workers: int = 8,
) -> Preflight:
    """Checks every band file against the `byoc` validation profile (headers only) and, for AWS
    buckets of a Sentinel Hub deployment, that the bucket is in the deployment's region."""
    result = Preflight()
    progress = progress or Progress()
    location = (
        parse_location(bucket_uri_prefix)
        if "://" in bucket_uri_prefix or bucket_uri_prefix.startswith("/vsi")
        else None
    )
    if check_region and location is not None and location.handler == "vsis3" and connection.region:
        result.region = bucket_region(location.bucket, region_endpoint)
        problem = bucket_region_problem(connection, result.region)
        if problem:
            result.errors.append(problem)
        elif not result.region:
            result.warnings.append(
                tr("The region of bucket {bucket} could not be read; make sure it is {region}.").format(
                    bucket=location.bucket, region=connection.region
                )
            )
    files = [_join(bucket_uri_prefix, tile.files[band]) for tile in tiles for band in tile.bands]
    done = [0]
    lock = threading.Lock()

    def check(path: str) -> Any:
        progress.raise_if_cancelled()
        report = validate_cog(path, "byoc")
        with lock:
            done[0] += 1
            progress.report(done[0] / len(files))
        return report

    with ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="cogport-byoc-check") as pool:
        for report in pool.map(check, files):
            result.files_checked += 1
            result.bytes_read += report.bytes_read
            for finding in report.findings:
                line = f"{report.path}: {finding.message}" + (
                    tr(" Fix: {fix}").format(fix=finding.fix) if finding.fix else ""
                )
                if finding.severity in ("error", "warning"):
                    (result.errors if finding.severity == "error" else result.warnings).append(line)
    return result


# Selections from the bucket browser and hand-drawn covers


def expand_selection(entries: Sequence[str], bucket_uri_prefix: str = "") -> List[str]:
    """Object keys for the selected objects; an entry ending in '/' is a prefix whose TIFFs are listed."""
    keys: List[str] = []
    for entry in entries:
        entry = entry.strip()
        if not entry:
            continue
        if entry.endswith("/"):
            prefix = entry if ("://" in entry or entry.startswith("/vsi")) else _join(bucket_uri_prefix, entry)
            location = parse_location(prefix)
            with network_scope(location.vsi_path):
                names = gdal.ReadDirRecursive(location.vsi_path.rstrip("/")) or []
            base = location.key.rstrip("/")
            keys += [f"{base}/{name}" if base else name for name in names if name.endswith(TIFF_SUFFIXES)]
        else:
            keys.append(object_key(entry))
    return list(dict.fromkeys(keys))


def cover_from_geometry(geojson: Mapping[str, Any], epsg: int, max_points: int = MAX_COVER_POINTS) -> Dict[str, Any]:
    """A hand-picked polygon as a BYOC cover geometry: in its own CRS, simplified to ≤ `max_points` points."""
    shape = ogr.CreateGeometryFromJson(json.dumps({k: v for k, v in geojson.items() if k != "crs"}))
    if shape is None or ogr.GT_Flatten(shape.GetGeometryType()) not in (ogr.wkbPolygon, ogr.wkbMultiPolygon):
        raise CogportError(tr("The cover geometry must be a polygon."), tr("that the selected feature is a polygon."))
    min_x, max_x, min_y, max_y = shape.GetEnvelope()
    if count_points(shape) > max_points:
        shape = _simplify(shape, max(max_x - min_x, max_y - min_y) / 1000.0, max_points)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    cover = json.loads(shape.ExportToJson())
    cover["crs"] = {"type": "name", "properties": {"name": crs_urn(srs)}}
    return cover
