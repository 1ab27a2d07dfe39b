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
from ..i18n import number, tr, translatable
from ..storage.uri import parse_location, to_vsi_path
from .inspect import ImageDirectory, IncompleteTiffError, NotTiffError, TiffInspection, inspect_tiff, is_remote
from .profiles import PROFILE_NAMES, PROFILES, Profile, TileRule, or_list

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
        raise CogportError(
            tr("Unknown validation profile '{profile}'.").format(profile=profile),
            tr("one of: {names}.").format(names=", ".join(PROFILE_NAMES)),
        )
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
    size = {"width": main.width, "height": main.height}
    if tiff.external_overviews:
        out.add("EXTERNAL_OVERVIEWS", tr("The overviews are in an external .ovr file; they must be inside the TIFF."))
    in_strips = tr("The {width}×{height} image is stored in strips, not tiles.")
    if main.width > 512 or main.height > 512:
        if _gdal_untiled(main):
            out.add("NOT_TILED", in_strips.format(**size), severity=ERROR)
        elif not main.tiled:
            out.add(
                "NOT_TILED",
                tr("The {width}×{height} image is stored in strips of {rows} rows, not tiles.").format(
                    rows=main.block_size[1], **size
                ),
            )
        if not overviews and not tiff.external_overviews:
            out.add(
                "NO_OVERVIEWS",
                tr(
                    "The image is {width}×{height} pixels and has no internal "
                    "overviews, so zoomed-out reads must fetch full-resolution data."
                ).format(**size),
            )
    elif not main.tiled and out.profile in ("earthengine", "byoc"):
        out.add("NOT_TILED", in_strips.format(**size))
    if tiff.structural_metadata.get("KNOWN_INCOMPATIBLE_EDITION") == "YES":
        out.add(
            "LAYOUT_INVALIDATED",
            tr(
                "GDAL declared KNOWN_INCOMPATIBLE_EDITION=YES: the file was edited "
                "after it was written as a COG and its layout is no longer guaranteed."
            ),
        )
    if main.offset not in (8, 16) and main.offset != tiff.expected_main_ifd_offset:
        out.add(
            "IFDS_NOT_AT_START",
            tr("The main IFD is at byte {offset}; a COG has it at byte {expected}, right after the header.").format(
                offset=main.offset, expected=tiff.expected_main_ifd_offset
            ),
        )
    previous = main
    for index, overview in enumerate(overviews):
        level = {"number": index + 1, "width": overview.width, "height": overview.height}
        if overview.width > previous.width or overview.height > previous.height:
            out.add(
                "OVERVIEW_ORDER",
                tr(
                    "Overview {number} ({width}×{height}) is larger "
                    "than the level before it ({previous_width}×{previous_height})."
                ).format(previous_width=previous.width, previous_height=previous.height, **level),
            )
        if _gdal_untiled(overview):
            out.add(
                "NOT_TILED", tr("Overview {number} ({width}×{height}) is not tiled.").format(**level), severity=ERROR
            )
        if overview.offset < previous.offset:
            out.add(
                "IFDS_NOT_AT_START",
                tr(
                    "The IFD of overview {number} (byte {offset}) comes before "
                    "the IFD of the level above it (byte {previous_offset})."
                ).format(number=index + 1, offset=overview.offset, previous_offset=previous.offset),
            )
        previous = overview
    levels = [main] + overviews
    data = [level.first_block_offset for level in levels]
    last = levels[-1]
    # GDAL compares only the last IFD with its own data; an IFD after any level's data breaks the layout too.
    first_data = min((offset for offset in data if offset), default=0)
    late = max(levels, key=lambda level: level.offset)
    ifd_after_data = tr(
        "An IFD (byte {offset}) comes after image data (byte {data}): "
        "a reader needs several requests before it sees all levels."
    )
    if data[-1] and data[-1] < last.offset:
        out.add("IFDS_NOT_AT_START", ifd_after_data.format(offset=last.offset, data=data[-1]))
    elif first_data and late.offset > first_data:
        out.add("IFDS_NOT_AT_START", ifd_after_data.format(offset=late.offset, data=first_data))
    for i in range(len(data) - 2, -1, -1):
        if data[i] and data[i] < data[i + 1]:
            before = (
                tr(
                    "The full-resolution data (byte {offset}) comes before the data of overview {next} "
                    "(byte {next_offset}); a COG stores the smallest overview first."
                )
                if i == 0
                else tr(
                    "The data of overview {number} (byte {offset}) comes before the data of overview {next} "
                    "(byte {next_offset}); a COG stores the smallest overview first."
                )
            )
            out.add("DATA_ORDER", before.format(number=i, offset=data[i], next=i + 1, next_offset=data[i + 1]))


# FILE_INCOMPLETE's message, by (tiled, more than one block outside).
_PAST_END = {
    (True, True): translatable(
        "The file is {size} bytes long, but {count} tiles of {levels} lie past its end (its data runs to byte "
        "{end}): the file was cut short or its tile offsets are damaged."
    ),
    (True, False): translatable(
        "The file is {size} bytes long, but 1 tile of {levels} lies past its end (its data runs to byte "
        "{end}): the file was cut short or its tile offsets are damaged."
    ),
    (False, True): translatable(
        "The file is {size} bytes long, but {count} strips of {levels} lie past its end (its data runs to byte "
        "{end}): the file was cut short or its strip offsets are damaged."
    ),
    (False, False): translatable(
        "The file is {size} bytes long, but 1 strip of {levels} lies past its end (its data runs to byte "
        "{end}): the file was cut short or its strip offsets are damaged."
    ),
}


def _block_extent_rules(tiff: TiffInspection, out: _Collector) -> None:
    """Every block must lie inside the file; unwritten (sparse) blocks are legal but worth knowing."""
    levels = [(directory, _level_name(tiff, directory)) for directory in tiff.directories]
    cut = [(directory, name) for directory, name in levels if directory.blocks.outside]
    tiled = tiff.main.tiled
    if cut:
        outside = sum(directory.blocks.outside for directory, _name in cut)
        end = max(directory.blocks.data_end for directory, _name in cut)
        past_end = _PAST_END[(tiled, outside > 1)]
        out.add(
            "FILE_INCOMPLETE",
            tr(past_end).format(
                size=number(tiff.file_size),
                count=number(outside),
                levels=_join_names([name for _directory, name in cut]),
                end=number(end),
            ),
        )
    sparse = sum(directory.blocks.sparse for directory, _name in levels)
    if sparse:
        checked = sum(directory.blocks.checked for directory, _name in levels)
        not_stored = (
            tr(
                "{count} of {total} tiles are not stored (offset or byte count 0); readers show them as "
                "nodata. GDAL writes such files with SPARSE_OK=TRUE; any other cause means the file is damaged."
            )
            if tiled
            else tr(
                "{count} of {total} strips are not stored (offset or byte count 0); readers show them as "
                "nodata. GDAL writes such files with SPARSE_OK=TRUE; any other cause means the file is damaged."
            )
        )
        out.add("SPARSE_TILES", not_stored.format(count=number(sparse), total=number(checked)))


def _level_name(tiff: TiffInspection, directory: ImageDirectory) -> str:
    if directory is tiff.main:
        return tr("the full-resolution image")
    if directory in tiff.overviews:
        return tr("overview {number}").format(number=tiff.overviews.index(directory) + 1)
    return tr("the mask") if not directory.is_reduced else tr("an overview mask")


def _join_names(names: List[str]) -> str:
    unique = list(dict.fromkeys(names))
    if len(unique) == 1:
        return unique[0]
    return tr("{names} and {last}").format(names=", ".join(unique[:-1]), last=unique[-1])


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
        out.add(
            "TILE_NOT_SQUARE", tr("Tiles are {width}×{height} pixels, not square.").format(width=odd[0], height=odd[1])
        )
    if len(set(sizes)) > 1:
        listed = ", ".join(sorted({f"{w}×{h}" for w, h in sizes}))
        out.add(
            "TILE_SIZE_DIFFERS_BETWEEN_LEVELS", tr("Tile sizes differ between levels: {sizes}.").format(sizes=listed)
        )
    tiles, service = out.rules.tiles, tr(out.rules.service)
    for w, h in sorted(set(sizes)):
        if not (tiles.accepts(w) and tiles.accepts(h)):
            out.add(
                "TILE_SIZE_NOT_ALLOWED",
                tr("Tiles are {width}×{height}; tile widths and heights of {sizes} are accepted by {service}.").format(
                    width=w, height=h, sizes=tiles.text, service=service
                ),
            )
        elif not (tiles.recommends(w) and tiles.recommends(h)):
            recommended = TileRule(sizes=tiles.recommended).text
            out.add(
                "TILE_SIZE_NOT_RECOMMENDED",
                tr("Tiles are {width}×{height}; {sizes} are recommended for {service}.").format(
                    width=w, height=h, sizes=recommended, service=service
                ),
            )
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
                tr("Overview {number} ({width}×{height}) reduces the image by {ratio}, not a power of two.").format(
                    number=index + 1, width=overview.width, height=overview.height, ratio=f"{ratio:.2f}"
                ),
            )


def _georeference_rules(tiff: TiffInspection, out: _Collector) -> None:
    if not (tiff.has_crs and tiff.has_geotransform):
        missing = {
            (False, True): tr("The file has no CRS{note}."),
            (True, False): tr("The file has no geotransform{note}."),
            (False, False): tr("The file has no CRS and no geotransform{note}."),
        }[(tiff.has_crs, tiff.has_geotransform)]
        note = tr(" (Earth Engine accepts it only if the manifest sets crs)") if out.profile == "earthengine" else ""
        out.add("NOT_GEOREFERENCED", missing.format(note=note))
        return
    epsg, rule, service = tiff.epsg, out.rules.crs, tr(out.rules.service)
    if rule.limited_to(epsg):
        out.add(
            "CRS_NOT_SUPPORTED",
            tr("EPSG:{epsg} is supported by {service} on {where}.").format(
                epsg=epsg, service=service, where=rule.limited_to(epsg)
            ),
            severity=WARNING,
        )
    elif not rule.accepts(epsg):
        refused = (
            tr("EPSG:{epsg} is not supported by {service} (supported: {supported}).")
            if epsg
            else tr("A CRS without an EPSG code is not supported by {service} (supported: {supported}).")
        )
        out.add("CRS_NOT_SUPPORTED", refused.format(epsg=epsg, service=service, supported=rule.text))


def _encoding_rules(tiff: TiffInspection, out: _Collector) -> None:
    main, rules = tiff.main, out.rules
    compression, service = main.compression_name, tr(rules.service)
    if rules.compression.accepted and compression == "NONE":
        out.add(
            "NOT_COMPRESSED",
            tr("The file is uncompressed; only compressed COGs are documented for {service}.").format(service=service),
        )
    elif not rules.compression.accepts(compression):
        out.add(
            "COMPRESSION_NOT_ALLOWED",
            tr("{compression} compression is not supported by {service} (supported: {supported}).").format(
                compression=compression, service=service, supported=rules.compression.text
            ),
        )
    if main.pixel_interleaved and rules.band_interleave:
        out.add(
            "INTERLEAVE_NOT_BAND",
            tr("The {count} bands are pixel-interleaved; INTERLEAVE=BAND is recommended for {service}.").format(
                count=main.samples_per_pixel, service=service
            ),
        )
    limit = rules.max_pixel_interleaved_bands
    if main.pixel_interleaved and limit and main.samples_per_pixel > limit:
        out.add(
            "TOO_MANY_BANDS_PIXEL_INTERLEAVED",
            tr(
                "{count} bands are pixel-interleaved; at most {limit} are allowed in one such file by {service}."
            ).format(count=main.samples_per_pixel, limit=limit, service=service),
        )
    if rules.max_header_size and tiff.header_size > rules.max_header_size:
        out.add(
            "HEADER_TOO_LARGE",
            tr("The header is {size} MB; the limit for {service} is {limit} MB.").format(
                size=f"{tiff.header_size / 1048576:.1f}", service=service, limit=f"{rules.max_header_size / 1048576:g}"
            ),
        )
    if main.photometric not in (-1, 1, 2):
        # TIFF's names of the interpretations, not translated.
        names = {0: "min-is-white", 3: "palette", 4: "mask", 5: "CMYK", 6: "YCbCr"}
        name = names.get(main.photometric) or tr("code {code}").format(code=main.photometric)
        out.add(
            "PHOTOMETRIC_NOT_ALLOWED",
            tr("Photometric interpretation is {name}; Sentinel Hub BYOC reads min-is-black or RGB only.").format(
                name=name
            ),
        )
    bits, sample_format = main.bits_per_sample, main.sample_format
    supported = (
        (sample_format in (1, 2) and bits in (8, 16, 32))
        or (sample_format == 3 and bits == 32)
        or (sample_format == 1 and bits in (1, 2, 4))
    )
    if not supported:
        kind = {
            1: tr("Samples are {bits}-bit unsigned integer; {readable}"),
            2: tr("Samples are {bits}-bit signed integer; {readable}"),
            3: tr("Samples are {bits}-bit float; {readable}"),
        }.get(sample_format, tr("Samples are {bits}-bit complex or other; {readable}"))
        readable = tr("Sentinel Hub BYOC reads 8/16/32-bit integers and 32-bit floats.")
        out.add("SAMPLE_TYPE_NOT_SUPPORTED", kind.format(bits=bits, readable=readable))
    nodata = tiff.nodata
    if nodata is not None and nodata.lower() in ("nan", "-nan", "+nan"):
        out.add("NODATA_NAN", tr("The nodata value is NaN, which cannot be set as a BYOC collection's noData."))


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
            "URI_NOT_GCS",
            tr("'{uri}' is not in Google Cloud Storage; Earth Engine registers COGs from gs:// only.").format(
                uri=where
            ),
        )
    else:
        out.add(
            "URI_NOT_GCS",
            tr("This is a local file: upload it to a Google Cloud Storage bucket before registering it."),
            severity=INFO,
        )


def _worst(a: str, b: str) -> str:
    order = [ERROR, WARNING, INFO]
    return a if order.index(a) <= order.index(b) else b


def _convert_hint(profile: str) -> str:
    return tr("Convert with the `{profile}` profile (Cogport ▸ Convert to COG, or `cogport:convert_to_cog`)").format(
        profile=profile
    )


_WRITES_TILES = translatable("{convert}, which writes {size}-pixel tiles.")
_WRITES_SCHEME_TILES = translatable("{convert}, which writes {size}-pixel {scheme} tiles.")
_WRITES_CODECS = translatable("{convert}: it writes lossless {codecs}.")
_REWRITE = translatable("Rewrite the file: {convert}, or {gdal_cog}.")
_WEB_CRS_FIX = translatable("Convert with the `web` profile: GoogleMapsCompatible tiling in EPSG:3857.")
# Each code's fix: {convert} is the conversion hint, {gdal_cog} the equivalent gdal_translate command.
_FIXES: Dict[str, str] = {
    "NOT_TIFF": translatable("Check the file opens in QGIS; re-export or re-upload it, then {convert}."),
    "FILE_INCOMPLETE": translatable(
        "The file is incomplete: copy or upload it again from the original, then validate "
        "the new copy. Converting this copy cannot restore the missing data."
    ),
    "SPARSE_TILES": translatable(
        "Nothing to do if those areas are meant to be empty; otherwise the file is damaged: copy or upload it again."
    ),
    "NOT_TILED": translatable("{convert}, or {gdal_cog}."),
    "NO_OVERVIEWS": translatable("{convert}, which builds internal overviews, or {gdal_cog}."),
    "EXTERNAL_OVERVIEWS": translatable("{convert}, or {gdal_cog}: both copy the overviews inside the file."),
    "IFDS_NOT_AT_START": translatable(
        "Rewrite the file: {convert}, or {gdal_cog}. Adding overviews in place (gdaladdo) appends IFDs after the data."
    ),
    "DATA_ORDER": _REWRITE,
    "OVERVIEW_ORDER": translatable("Rebuild the overviews: {convert}."),
    "LAYOUT_INVALIDATED": translatable("Rewrite the file: {convert}; do not edit COGs in place."),
    "TILE_NOT_SQUARE": translatable("{convert} (square tiles), or {gdal_cog} with `-co BLOCKSIZE=512`."),
    "TILE_SIZE_NOT_ALLOWED": _WRITES_TILES,
    "TILE_SIZE_NOT_RECOMMENDED": _WRITES_TILES,
    "TILE_SIZE_DIFFERS_BETWEEN_LEVELS": translatable("{convert}: it uses one tile size for every level."),
    "OVERVIEWS_NOT_POWER_OF_TWO": translatable("{convert}, which builds overviews at factors 2, 4, 8, …."),
    "INTERLEAVE_NOT_BAND": translatable(
        "Convert with the `earthengine` profile: it writes INTERLEAVE=BAND (GTiff route on GDAL < 3.11)."
    ),
    "COMPRESSION_NOT_ALLOWED": _WRITES_CODECS,
    "NOT_COMPRESSED": _WRITES_CODECS,
    "TOO_MANY_BANDS_PIXEL_INTERLEAVED": translatable(
        "Convert with the `byoc` profile: above {band_limit} bands it writes INTERLEAVE=BAND (or use its "
        "one-file-per-band option, SPLIT_BANDS)."
    ),
    "CRS_NOT_SUPPORTED": translatable(
        "Reproject, e.g. `gdalwarp -t_srs EPSG:4326` (or a UTM zone, EPSG:3857, EPSG:3035), then {convert}."
    ),
    "HEADER_TOO_LARGE": translatable(
        "Convert with the `byoc` profile ({byoc_size}-pixel tiles shrink the tile arrays), or split the image into "
        "several files."
    ),
    "PHOTOMETRIC_NOT_ALLOWED": translatable(
        "Convert with the `byoc` profile: it writes min-is-black or RGB, never "
        "YCbCr or palette (expand a palette with `gdal_translate -expand rgb`)."
    ),
    "SAMPLE_TYPE_NOT_SUPPORTED": translatable(
        "Convert the data type, e.g. `gdal_translate -ot Float32`, then convert with the `byoc` profile."
    ),
    "NODATA_NAN": translatable(
        "Convert with the `byoc` profile and a numeric nodata (e.g. -9999), or set the band's noData in the collection."
    ),
    "NOT_GEOREFERENCED": translatable(
        "Assign the CRS and extent, e.g. `gdal_translate -a_srs EPSG:4326 -a_ullr "
        "<ulx> <uly> <lrx> <lry>`, then {convert}."
    ),
    "URI_NOT_GCS": translatable(
        "Upload the file to a gs:// bucket in the US multi-region or US-CENTRAL1, and register that URI."
    ),
}
# The fixes where the hint follows "then", so it starts in lower case.
_HINT_MID_SENTENCE = frozenset({"NOT_TIFF", "CRS_NOT_SUPPORTED", "NOT_GEOREFERENCED"})


def _default_fix(code: str, profile: str) -> str:
    rules, byoc = PROFILES[profile], PROFILES["byoc"]
    template = _FIXES[code]
    if code == "CRS_NOT_SUPPORTED" and profile == "web":
        template = _WEB_CRS_FIX
    elif template == _WRITES_TILES and rules.tiling_scheme:
        template = _WRITES_SCHEME_TILES
    convert = _convert_hint(profile)
    if code in _HINT_MID_SENTENCE:
        convert = convert[0].lower() + convert[1:]
    return tr(template).format(
        convert=convert,
        gdal_cog="`gdal_translate -of COG -co COMPRESS=DEFLATE in.tif out.tif`",
        size=rules.block_size,
        scheme=rules.tiling_scheme,
        codecs=or_list(list(rules.compression.written)),
        band_limit=byoc.max_pixel_interleaved_bands,
        byoc_size=byoc.block_size,
    )


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
            tr("The validation report could not be written to '{path}'.").format(path=destination),
            tr("that the folder exists and is writable."),
            detail=repr(exc),
        ) from exc
    return str(target)
