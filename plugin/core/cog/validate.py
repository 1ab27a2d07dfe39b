"""COG layout validation against a target profile: findings with stable codes, severities and fixes.

The `generic` profile applies GDAL's COG layout rules (the checks of GDAL's
validate_cloud_optimized_geotiff) with GDAL's severities. `earthengine` and `byoc` add the
rules of those services: errors for what the service rejects, warnings for what it only
recommends. `web` adds Web-Mercator expectations as warnings. Every profile also checks that
each tile lies inside the file (FILE_INCOMPLETE), which GDAL's validator leaves to its full check.
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

from ..errors import CogportError
from ..storage.uri import parse_location, to_vsi_path
from .inspect import ImageDirectory, IncompleteTiffError, NotTiffError, TiffInspection, inspect_tiff, is_remote
from .profiles import PROFILE_NAMES, PROFILES, Profile, TileRule

ERROR, WARNING, INFO = "error", "warning", "info"

FINDING_CODES: Dict[str, str] = {
    "NOT_TIFF": "The file is not a readable TIFF (corrupt or another format).",
    "FILE_INCOMPLETE": "Tile data or header structures lie past the end of the file: it was cut short or damaged.",
    "SPARSE_TILES": "Some tiles are not stored (offset or byte count 0); readers show them as nodata.",
    "NOT_TILED": "The image (or an overview) is stored in strips, not tiles.",
    "NO_OVERVIEWS": "Larger than 512 pixels in a dimension and no internal overviews.",
    "EXTERNAL_OVERVIEWS": "Overviews live in a .ovr sidecar instead of inside the TIFF.",
    "IFDS_NOT_AT_START": "The main IFD is not at the start of the file, or an IFD comes after image data.",
    "DATA_ORDER": "Tile data is not ordered from the smallest overview to full resolution.",
    "OVERVIEW_ORDER": "Overviews are not sorted from largest to smallest.",
    "LAYOUT_INVALIDATED": "GDAL marked the file KNOWN_INCOMPATIBLE_EDITION: edits broke its COG layout.",
    "TILE_NOT_SQUARE": "Tile width and height differ.",
    "TILE_SIZE_NOT_ALLOWED": "The tile size is outside the sizes the target accepts.",
    "TILE_SIZE_NOT_RECOMMENDED": "The tile size is accepted but not the one the target recommends.",
    "TILE_SIZE_DIFFERS_BETWEEN_LEVELS": "Overviews use a different tile size from the full-resolution image.",
    "OVERVIEWS_NOT_POWER_OF_TWO": "Overview levels are not reductions by powers of two.",
    "INTERLEAVE_NOT_BAND": "Multi-band pixels are interleaved (PIXEL); the target prefers BAND interleave.",
    "COMPRESSION_NOT_ALLOWED": "The compression is not one the target can read (e.g. JPEG for BYOC).",
    "NOT_COMPRESSED": "The file is uncompressed; the target documents only compressed files.",
    "TOO_MANY_BANDS_PIXEL_INTERLEAVED": "More than 10 bands in a pixel-interleaved file (BYOC limit).",
    "CRS_NOT_SUPPORTED": "The CRS is not one the target supports.",
    "HEADER_TOO_LARGE": "The TIFF header (IFDs and tile arrays) is larger than 1 MB (BYOC limit).",
    "PHOTOMETRIC_NOT_ALLOWED": "The photometric interpretation is not min-is-black or RGB (BYOC).",
    "SAMPLE_TYPE_NOT_SUPPORTED": "The sample type is not 8/16/32-bit integer or 32-bit float (BYOC).",
    "NODATA_NAN": "The nodata value is NaN, which BYOC cannot configure.",
    "NOT_GEOREFERENCED": "The file has no CRS or no geotransform.",
    "URI_NOT_GCS": "Earth Engine reads COGs only from Google Cloud Storage (gs://).",
}

# Severity of each code per profile, in PROFILE_NAMES order (generic, earthengine, byoc, web); None: not reported.
# The values the rules compare with (tile sizes, codecs, CRSs, limits) live in the profiles.
_SEVERITY: Dict[str, tuple] = {
    "NOT_TIFF": (ERROR, ERROR, ERROR, ERROR),
    "FILE_INCOMPLETE": (ERROR, ERROR, ERROR, ERROR),
    "SPARSE_TILES": (WARNING, WARNING, WARNING, WARNING),
    "NOT_TILED": (WARNING, ERROR, ERROR, WARNING),
    "NO_OVERVIEWS": (WARNING, WARNING, WARNING, WARNING),
    "EXTERNAL_OVERVIEWS": (ERROR, ERROR, ERROR, ERROR),
    "IFDS_NOT_AT_START": (ERROR, ERROR, ERROR, ERROR),
    "DATA_ORDER": (ERROR, ERROR, ERROR, ERROR),
    "OVERVIEW_ORDER": (ERROR, ERROR, ERROR, ERROR),
    "LAYOUT_INVALIDATED": (ERROR, ERROR, ERROR, ERROR),
    "TILE_NOT_SQUARE": (INFO, ERROR, INFO, WARNING),
    "TILE_SIZE_NOT_ALLOWED": (None, ERROR, ERROR, WARNING),
    "TILE_SIZE_NOT_RECOMMENDED": (None, WARNING, WARNING, None),
    "TILE_SIZE_DIFFERS_BETWEEN_LEVELS": (INFO, None, ERROR, WARNING),
    "OVERVIEWS_NOT_POWER_OF_TWO": (INFO, WARNING, None, WARNING),
    "INTERLEAVE_NOT_BAND": (None, WARNING, None, None),
    "COMPRESSION_NOT_ALLOWED": (None, ERROR, ERROR, None),
    "NOT_COMPRESSED": (None, WARNING, WARNING, None),
    "TOO_MANY_BANDS_PIXEL_INTERLEAVED": (None, None, ERROR, None),
    "CRS_NOT_SUPPORTED": (None, None, ERROR, WARNING),
    "HEADER_TOO_LARGE": (None, None, ERROR, None),
    "PHOTOMETRIC_NOT_ALLOWED": (None, None, ERROR, None),
    "SAMPLE_TYPE_NOT_SUPPORTED": (None, None, ERROR, None),
    "NODATA_NAN": (None, None, WARNING, None),
    "NOT_GEOREFERENCED": (WARNING, ERROR, ERROR, ERROR),
    "URI_NOT_GCS": (None, ERROR, None, None),
}


@dataclass
class Finding:
    code: str
    severity: str
    message: str
    fix: str


# Errors converting cannot remove: they need a CRS, a reprojection, another data type, another bucket, or (for a
# file cut short) a new copy.
NOT_FIXED_BY_CONVERSION = frozenset(
    {"NOT_GEOREFERENCED", "CRS_NOT_SUPPORTED", "SAMPLE_TYPE_NOT_SUPPORTED", "URI_NOT_GCS", "FILE_INCOMPLETE"}
)


@dataclass
class ValidationReport:
    path: str
    profile: str
    valid: bool
    findings: List[Finding] = field(default_factory=list)
    bytes_read: int = 0

    @property
    def errors(self) -> List[Finding]:
        return [f for f in self.findings if f.severity == ERROR]

    @property
    def warnings(self) -> List[Finding]:
        return [f for f in self.findings if f.severity == WARNING]

    @property
    def incomplete(self) -> bool:
        """The file itself is damaged: converting it cannot help, only a new copy can."""
        return "FILE_INCOMPLETE" in self.codes(ERROR)

    def codes(self, severity: Optional[str] = None) -> List[str]:
        return [f.code for f in self.findings if severity is None or f.severity == severity]

    @property
    def errors_conversion_keeps(self) -> List[Finding]:
        """The errors a conversion with the profile leaves in place (an unreadable file counts: it cannot be read)."""
        return [f for f in self.errors if f.code in NOT_FIXED_BY_CONVERSION or f.code == "NOT_TIFF"]

    def to_dict(self) -> dict:
        return {
            "path": self.path,
            "profile": self.profile,
            "valid": self.valid,
            "findings": [asdict(f) for f in self.findings],
            "bytes_read": self.bytes_read,
        }


class _Collector:
    """Gathers findings for one profile; one finding per code, messages of repeats joined."""

    def __init__(self, profile: str) -> None:
        self.profile = profile
        self.rules: Profile = PROFILES[profile]
        self.column = PROFILE_NAMES.index(profile)
        self.findings: Dict[str, Finding] = {}

    def add(self, code: str, message: str, fix: str = "", severity: Optional[str] = None) -> None:
        severity = severity or _SEVERITY[code][self.column]
        if severity is None:
            return
        existing = self.findings.get(code)
        if existing is not None:
            if message not in existing.message:
                existing.message = f"{existing.message} {message}"
            existing.severity = _worst(existing.severity, severity)
            return
        self.findings[code] = Finding(code, severity, message, fix or _default_fix(code, self.profile))


def validate_cog(path_or_uri: str, profile: str = "generic") -> ValidationReport:
    """Validates the layout of a local or remote TIFF for a target profile, reading only its header.

    Storage failures (missing object or bucket, refused credentials, unreachable server) raise
    a CogportError; a file that is not a readable TIFF gives a NOT_TIFF finding, and one cut
    short or pointing past its end (header or tiles) a FILE_INCOMPLETE finding.
    """
    if profile not in PROFILE_NAMES:
        raise CogportError(f"Unknown validation profile '{profile}'.", f"one of: {', '.join(PROFILE_NAMES)}.")
    path = path_or_uri.strip()
    collector = _Collector(profile)
    try:
        inspection = inspect_tiff(path)
    except IncompleteTiffError as exc:
        collector.add("FILE_INCOMPLETE", exc.user_message)
        return _report(path, profile, collector, exc.bytes_read)
    except NotTiffError as exc:
        collector.add("NOT_TIFF", exc.user_message)
        return _report(path, profile, collector, exc.bytes_read)
    _block_extent_rules(inspection, collector)
    _layout_rules(inspection, collector)
    _tiling_rules(inspection, collector)
    _georeference_rules(inspection, collector)
    _encoding_rules(inspection, collector)
    if profile == "earthengine":
        _location_rules(path, collector)
    return _report(path, profile, collector, inspection.bytes_read)


def _report(path: str, profile: str, collector: _Collector, bytes_read: int) -> ValidationReport:
    order = {ERROR: 0, WARNING: 1, INFO: 2}
    findings = sorted(collector.findings.values(), key=lambda f: order[f.severity])
    valid = not any(f.severity == ERROR for f in findings)
    return ValidationReport(path, profile, valid, findings, bytes_read)


def _layout_rules(tiff: TiffInspection, out: _Collector) -> None:
    """GDAL's COG layout rules, in the order and with the conditions of its validator."""
    main, overviews = tiff.main, tiff.overviews
    if tiff.external_overviews:
        out.add("EXTERNAL_OVERVIEWS", "The overviews are in an external .ovr file; they must be inside the TIFF.")
    if main.width > 512 or main.height > 512:
        if _gdal_untiled(main):
            out.add(
                "NOT_TILED", f"The {main.width}×{main.height} image is stored in strips, not tiles.", severity=ERROR
            )
        elif not main.tiled:
            out.add(
                "NOT_TILED",
                f"The {main.width}×{main.height} image is stored in strips of {main.block_size[1]} rows, not tiles.",
            )
        if not overviews and not tiff.external_overviews:
            out.add(
                "NO_OVERVIEWS",
                f"The image is {main.width}×{main.height} pixels and has no internal "
                "overviews, so zoomed-out reads must fetch full-resolution data.",
            )
    elif not main.tiled and out.profile in ("earthengine", "byoc"):
        out.add("NOT_TILED", f"The {main.width}×{main.height} image is stored in strips, not tiles.")
    if tiff.structural_metadata.get("KNOWN_INCOMPATIBLE_EDITION") == "YES":
        out.add(
            "LAYOUT_INVALIDATED",
            "GDAL declared KNOWN_INCOMPATIBLE_EDITION=YES: the file was edited "
            "after it was written as a COG and its layout is no longer guaranteed.",
        )
    if main.offset not in (8, 16) and main.offset != tiff.expected_main_ifd_offset:
        out.add(
            "IFDS_NOT_AT_START",
            f"The main IFD is at byte {main.offset}; a COG has it at byte "
            f"{tiff.expected_main_ifd_offset}, right after the header.",
        )
    previous = main
    for index, overview in enumerate(overviews):
        if overview.width > previous.width or overview.height > previous.height:
            out.add(
                "OVERVIEW_ORDER",
                f"Overview {index + 1} ({overview.width}×{overview.height}) is larger "
                f"than the level before it ({previous.width}×{previous.height}).",
            )
        if _gdal_untiled(overview):
            out.add(
                "NOT_TILED", f"Overview {index + 1} ({overview.width}×{overview.height}) is not tiled.", severity=ERROR
            )
        if overview.offset < previous.offset:
            out.add(
                "IFDS_NOT_AT_START",
                f"The IFD of overview {index + 1} (byte {overview.offset}) comes before "
                f"the IFD of the level above it (byte {previous.offset}).",
            )
        previous = overview
    levels = [main] + overviews
    data = [level.first_block_offset for level in levels]
    last = levels[-1]
    # GDAL compares only the last IFD with its own data; an IFD after any level's data breaks the layout too.
    first_data = min((offset for offset in data if offset), default=0)
    late = max(levels, key=lambda level: level.offset)
    if data[-1] and data[-1] < last.offset:
        out.add(
            "IFDS_NOT_AT_START",
            f"An IFD (byte {last.offset}) comes after image data (byte {data[-1]}): "
            "a reader needs several requests before it sees all levels.",
        )
    elif first_data and late.offset > first_data:
        out.add(
            "IFDS_NOT_AT_START",
            f"An IFD (byte {late.offset}) comes after image data (byte {first_data}): "
            "a reader needs several requests before it sees all levels.",
        )
    for i in range(len(data) - 2, -1, -1):
        if data[i] and data[i] < data[i + 1]:
            what = "The full-resolution data" if i == 0 else f"The data of overview {i}"
            out.add(
                "DATA_ORDER",
                f"{what} (byte {data[i]}) comes before the data of overview {i + 1} "
                f"(byte {data[i + 1]}); a COG stores the smallest overview first.",
            )


def _block_extent_rules(tiff: TiffInspection, out: _Collector) -> None:
    """Every block must lie inside the file; unwritten (sparse) blocks are legal but worth knowing."""
    levels = [(directory, _level_name(tiff, directory)) for directory in tiff.directories]
    cut = [(directory, name) for directory, name in levels if directory.blocks.outside]
    unit = "tiles" if tiff.main.tiled else "strips"
    if cut:
        outside = sum(directory.blocks.outside for directory, _name in cut)
        end = max(directory.blocks.data_end for directory, _name in cut)
        counted = f"{outside:,} {unit} of" if outside > 1 else f"1 {unit[:-1]} of"
        out.add(
            "FILE_INCOMPLETE",
            f"The file is {tiff.file_size:,} bytes long, but {counted} "
            f"{_join_names([name for _directory, name in cut])} {'lie' if outside > 1 else 'lies'} past its end "
            f"(its data runs to byte {end:,}): the file was cut short or its {unit[:-1]} offsets are damaged.",
        )
    sparse = sum(directory.blocks.sparse for directory, _name in levels)
    if sparse:
        checked = sum(directory.blocks.checked for directory, _name in levels)
        out.add(
            "SPARSE_TILES",
            f"{sparse:,} of {checked:,} {unit} are not stored (offset or byte count 0); readers show them as "
            "nodata. GDAL writes such files with SPARSE_OK=TRUE; any other cause means the file is damaged.",
        )


def _level_name(tiff: TiffInspection, directory: ImageDirectory) -> str:
    if directory is tiff.main:
        return "the full-resolution image"
    if directory in tiff.overviews:
        return f"overview {tiff.overviews.index(directory) + 1}"
    return "the mask" if not directory.is_reduced else "an overview mask"


def _join_names(names: List[str]) -> str:
    unique = list(dict.fromkeys(names))
    return unique[0] if len(unique) == 1 else f"{', '.join(unique[:-1])} and {unique[-1]}"


def _gdal_untiled(level: ImageDirectory) -> bool:
    """GDAL's own test: one block spans the full width, and that width is over 1024 pixels."""
    block_width = level.block_size[0]
    return block_width == level.width and block_width > 1024


def _tiling_rules(tiff: TiffInspection, out: _Collector) -> None:
    levels = [level for level in [tiff.main] + tiff.overviews if level.tiled]
    if not levels:
        return
    sizes = [level.block_size for level in levels]
    width, height = sizes[0]
    if any(w != h for w, h in sizes):
        odd = next((w, h) for w, h in sizes if w != h)
        out.add("TILE_NOT_SQUARE", f"Tiles are {odd[0]}×{odd[1]} pixels, not square.")
    if len(set(sizes)) > 1:
        listed = ", ".join(sorted({f"{w}×{h}" for w, h in sizes}))
        out.add("TILE_SIZE_DIFFERS_BETWEEN_LEVELS", f"Tile sizes differ between levels: {listed}.")
    tiles, service = out.rules.tiles, out.rules.service
    for w, h in sorted(set(sizes)):
        if not (tiles.accepts(w) and tiles.accepts(h)):
            out.add(
                "TILE_SIZE_NOT_ALLOWED",
                f"Tiles are {w}×{h}; tile widths and heights of {tiles.text} are accepted by {service}.",
            )
        elif not (tiles.recommends(w) and tiles.recommends(h)):
            recommended = TileRule(sizes=tiles.recommended).text
            out.add("TILE_SIZE_NOT_RECOMMENDED", f"Tiles are {w}×{h}; {recommended} are recommended for {service}.")
    _overview_factor_rules(tiff, out)


def _overview_factor_rules(tiff: TiffInspection, out: _Collector) -> None:
    main = tiff.main
    for index, overview in enumerate(tiff.overviews):
        if not overview.width or not overview.height:
            continue
        factor = 2 ** round(math.log2(max(main.width / overview.width, 1.0)))
        if (
            factor < 2
            or abs(overview.width - main.width / factor) > 1
            or abs(overview.height - main.height / factor) > 1
        ):
            ratio = main.width / overview.width
            out.add(
                "OVERVIEWS_NOT_POWER_OF_TWO",
                f"Overview {index + 1} ({overview.width}×{overview.height}) "
                f"reduces the image by {ratio:.2f}, not a power of two.",
            )


def _georeference_rules(tiff: TiffInspection, out: _Collector) -> None:
    missing = [
        what for what, present in (("CRS", tiff.has_crs), ("geotransform", tiff.has_geotransform)) if not present
    ]
    if missing:
        extra = " (Earth Engine accepts it only if the manifest sets crs)" if out.profile == "earthengine" else ""
        out.add("NOT_GEOREFERENCED", f"The file has no {' and no '.join(missing)}{extra}.")
        return
    epsg, rule, service = tiff.epsg, out.rules.crs, out.rules.service
    if rule.limited_to(epsg):
        out.add(
            "CRS_NOT_SUPPORTED",
            f"EPSG:{epsg} is supported by {service} on {rule.limited_to(epsg)}.",
            severity=WARNING,
        )
    elif not rule.accepts(epsg):
        crs = f"EPSG:{epsg}" if epsg else "A CRS without an EPSG code"
        out.add("CRS_NOT_SUPPORTED", f"{crs} is not supported by {service} (supported: {rule.text}).")


def _encoding_rules(tiff: TiffInspection, out: _Collector) -> None:
    main, rules = tiff.main, out.rules
    compression, service = main.compression_name, rules.service
    if rules.compression.accepted and compression == "NONE":
        out.add("NOT_COMPRESSED", f"The file is uncompressed; only compressed COGs are documented for {service}.")
    elif not rules.compression.accepts(compression):
        out.add(
            "COMPRESSION_NOT_ALLOWED",
            f"{compression} compression is not supported by {service} (supported: {rules.compression.text}).",
        )
    if main.pixel_interleaved and rules.band_interleave:
        out.add(
            "INTERLEAVE_NOT_BAND",
            f"The {main.samples_per_pixel} bands are pixel-interleaved; INTERLEAVE=BAND is recommended for {service}.",
        )
    limit = rules.max_pixel_interleaved_bands
    if main.pixel_interleaved and limit and main.samples_per_pixel > limit:
        out.add(
            "TOO_MANY_BANDS_PIXEL_INTERLEAVED",
            f"{main.samples_per_pixel} bands are pixel-interleaved; at most {limit} are allowed in one such file "
            f"by {service}.",
        )
    if rules.max_header_size and tiff.header_size > rules.max_header_size:
        out.add(
            "HEADER_TOO_LARGE",
            f"The header is {tiff.header_size / 1048576:.1f} MB; the limit for {service} is "
            f"{rules.max_header_size / 1048576:g} MB.",
        )
    if main.photometric not in (-1, 1, 2):
        names = {0: "min-is-white", 3: "palette", 4: "mask", 5: "CMYK", 6: "YCbCr"}
        name = names.get(main.photometric, f"code {main.photometric}")
        out.add(
            "PHOTOMETRIC_NOT_ALLOWED",
            f"Photometric interpretation is {name}; Sentinel Hub BYOC reads min-is-black or RGB only.",
        )
    bits, sample_format = main.bits_per_sample, main.sample_format
    supported = (
        (sample_format in (1, 2) and bits in (8, 16, 32))
        or (sample_format == 3 and bits == 32)
        or (sample_format == 1 and bits in (1, 2, 4))
    )
    if not supported:
        kind = {1: "unsigned integer", 2: "signed integer", 3: "float"}.get(sample_format, "complex or other")
        out.add(
            "SAMPLE_TYPE_NOT_SUPPORTED",
            f"Samples are {bits}-bit {kind}; Sentinel Hub BYOC reads 8/16/32-bit integers and 32-bit floats.",
        )
    nodata = tiff.nodata
    if nodata is not None and nodata.lower() in ("nan", "-nan", "+nan"):
        out.add("NODATA_NAN", "The nodata value is NaN, which cannot be set as a BYOC collection's noData.")


def _location_rules(path: str, out: _Collector) -> None:
    vsi = to_vsi_path(path)
    if vsi.startswith("/vsigs/"):
        return
    if is_remote(vsi):
        try:
            where = parse_location(vsi).uri
        except CogportError:
            where = vsi
        out.add(
            "URI_NOT_GCS", f"'{where}' is not in Google Cloud Storage; Earth Engine registers COGs from gs:// only."
        )
    else:
        out.add(
            "URI_NOT_GCS",
            "This is a local file: upload it to a Google Cloud Storage bucket before registering it.",
            severity=INFO,
        )


def _worst(a: str, b: str) -> str:
    order = [ERROR, WARNING, INFO]
    return a if order.index(a) <= order.index(b) else b


def _convert_hint(profile: str) -> str:
    return f"Convert with the `{profile}` profile (Cogport ▸ Convert to COG, or `cogport:convert_to_cog`)"


def _default_fix(code: str, profile: str) -> str:
    convert = _convert_hint(profile)
    rules, byoc = PROFILES[profile], PROFILES["byoc"]
    tiles = f"{rules.block_size}-pixel{' ' + rules.tiling_scheme if rules.tiling_scheme else ''}"
    codecs = " or ".join(rules.compression.written)
    gdal_cog = "`gdal_translate -of COG -co COMPRESS=DEFLATE in.tif out.tif`"
    fixes = {
        "NOT_TIFF": f"Check the file opens in QGIS; re-export or re-upload it, then {convert[0].lower()}{convert[1:]}.",
        "FILE_INCOMPLETE": "The file is incomplete: copy or upload it again from the original, then validate "
        "the new copy. Converting this copy cannot restore the missing data.",
        "SPARSE_TILES": "Nothing to do if those areas are meant to be empty; otherwise the file is damaged: copy "
        "or upload it again.",
        "NOT_TILED": f"{convert}, or {gdal_cog}.",
        "NO_OVERVIEWS": f"{convert}, which builds internal overviews, or {gdal_cog}.",
        "EXTERNAL_OVERVIEWS": f"{convert}, or {gdal_cog}: both copy the overviews inside the file.",
        "IFDS_NOT_AT_START": f"Rewrite the file: {convert}, or {gdal_cog}. Adding overviews in place "
        "(gdaladdo) appends IFDs after the data.",
        "DATA_ORDER": f"Rewrite the file: {convert}, or {gdal_cog}.",
        "OVERVIEW_ORDER": f"Rebuild the overviews: {convert}.",
        "LAYOUT_INVALIDATED": f"Rewrite the file: {convert}; do not edit COGs in place.",
        "TILE_NOT_SQUARE": f"{convert} (square tiles), or {gdal_cog} with `-co BLOCKSIZE=512`.",
        "TILE_SIZE_NOT_ALLOWED": f"{convert}, which writes {tiles} tiles.",
        "TILE_SIZE_NOT_RECOMMENDED": f"{convert}, which writes {tiles} tiles.",
        "TILE_SIZE_DIFFERS_BETWEEN_LEVELS": f"{convert}: it uses one tile size for every level.",
        "OVERVIEWS_NOT_POWER_OF_TWO": f"{convert}, which builds overviews at factors 2, 4, 8, ….",
        "INTERLEAVE_NOT_BAND": "Convert with the `earthengine` profile: it writes INTERLEAVE=BAND (GTiff route "
        "on GDAL < 3.11).",
        "COMPRESSION_NOT_ALLOWED": f"{convert}: it writes lossless {codecs}.",
        "NOT_COMPRESSED": f"{convert}: it writes lossless {codecs}.",
        "TOO_MANY_BANDS_PIXEL_INTERLEAVED": f"Convert with the `byoc` profile: above {byoc.max_pixel_interleaved_bands}"
        " bands it writes INTERLEAVE=BAND (or use its one-file-per-band option, SPLIT_BANDS).",
        "CRS_NOT_SUPPORTED": "Reproject, e.g. `gdalwarp -t_srs EPSG:4326` (or a UTM zone, EPSG:3857, EPSG:3035), "
        f"then {convert[0].lower()}{convert[1:]}."
        if profile != "web"
        else "Convert with the `web` profile: GoogleMapsCompatible tiling in EPSG:3857.",
        "HEADER_TOO_LARGE": f"Convert with the `byoc` profile ({byoc.block_size}-pixel tiles shrink the tile "
        "arrays), or split the image into several files.",
        "PHOTOMETRIC_NOT_ALLOWED": "Convert with the `byoc` profile: it writes min-is-black or RGB, never "
        "YCbCr or palette (expand a palette with `gdal_translate -expand rgb`).",
        "SAMPLE_TYPE_NOT_SUPPORTED": "Convert the data type, e.g. `gdal_translate -ot Float32`, then convert with "
        "the `byoc` profile.",
        "NODATA_NAN": "Convert with the `byoc` profile and a numeric nodata (e.g. -9999), or set the band's "
        "noData in the collection.",
        "NOT_GEOREFERENCED": "Assign the CRS and extent, e.g. `gdal_translate -a_srs EPSG:4326 -a_ullr "
        f"<ulx> <uly> <lrx> <lry>`, then {convert[0].lower()}{convert[1:]}.",
        "URI_NOT_GCS": "Upload the file to a gs:// bucket in the US multi-region or US-CENTRAL1, and register "
        "that URI.",
    }
    return fixes[code]


def write_report(report: ValidationReport, destination: str) -> str:
    """Writes `report.to_dict()` as JSON; the file appears only once complete."""
    target = Path(destination)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.partial")
    try:
        temporary.write_text(json.dumps(report.to_dict(), indent=2, ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, target)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise CogportError(
            f"The validation report could not be written to '{destination}'.",
            "that the folder exists and is writable.",
            detail=repr(exc),
        ) from exc
    return str(target)
