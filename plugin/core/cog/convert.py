"""Converting one raster to a Cloud Optimized GeoTIFF with a named profile."""

from __future__ import annotations

import logging
import math
import os
import secrets

# Parses GDAL's own option list.
import xml.etree.ElementTree as ET  # nosec B405
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import FrozenSet, Iterator, List, Optional, Sequence, Tuple

from osgeo import gdal

from ..errors import CogportError, ConversionError
from ..i18n import tr
from ..progress import Progress, silent
from ..storage.gdal_config import network_scope, thread_options
from .profiles import LOSSY_CODECS, PREDICTOR_CODECS, Profile, TileRule, get_profile

LOG = logging.getLogger("cogport.cog")

BAND_TOKEN = "(BAND)"  # noqa: S105 - a file-name placeholder, not a secret
PIXEL_INTERLEAVED_CODECS = frozenset({"WEBP", "JPEG"})
RESAMPLINGS = ("NEAREST", "AVERAGE", "BILINEAR", "CUBIC", "CUBICSPLINE", "LANCZOS", "MODE", "RMS")
# The COG driver writes INTERLEAVE=BAND itself from this version on.
COG_BAND_INTERLEAVE_VERSION = 3110000
_TEMP_MARK = ".cogport-part"


@dataclass
class ConversionOptions:
    """Overrides of a profile's defaults; None keeps the profile's choice.

    `bands` are 1-based source band numbers. `split_bands` writes one single-band COG per
    band, named by `band_output_path`. `threads` None means all CPU cores.
    """

    compress: Optional[str] = None
    level: Optional[int] = None
    block_size: Optional[int] = None
    resampling: Optional[str] = None
    nodata: Optional[float] = None
    bands: Optional[Sequence[int]] = None
    split_bands: bool = False
    threads: Optional[int] = None


@dataclass
class ConversionResult:
    """What was written: the final paths, the GDAL driver and creation options used, and notes for the person."""

    source: str
    profile: str
    outputs: List[str]
    driver: str = "COG"
    creation_options: List[str] = field(default_factory=list)
    notes: List[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Recipe:
    """The GDAL settings chosen for one conversion."""

    compress: str
    creation_options: Tuple[str, ...]
    block_size: int
    resampling: str
    band_interleave: bool
    tiling_scheme: str
    warp_resampling: str
    threads: str
    notes: Tuple[str, ...]


def convert_to_cog(
    source: str,
    destination: str,
    profile: str = "generic",
    options: Optional[ConversionOptions] = None,
    progress: Optional[Progress] = None,
) -> ConversionResult:
    """Converts `source` (anything GDAL reads) to a COG at `destination` (a local path).

    Every output is written under a temporary name beside its destination and renamed only
    once all are complete; cancelling or failing leaves no file behind.
    """
    try:
        return _convert(source, destination, profile, options, progress)
    except CogportError as exc:
        # Dropping the traceback releases the GDAL datasets its frames hold, so the source file
        # is closed as soon as the error is raised, not whenever the garbage collector runs.
        raise exc.with_traceback(None) from None


def _convert(
    source: str,
    destination: str,
    profile: str,
    options: Optional[ConversionOptions],
    progress: Optional[Progress],
) -> ConversionResult:
    chosen = get_profile(profile)
    options = options or ConversionOptions()
    progress = progress or silent()
    final = _local_destination(destination)
    if not source.startswith("/vsi"):
        # The band-interleave route writes a VRT elsewhere; it must not hold a relative source path.
        source = os.path.abspath(source)
    dataset = open_raster(source)
    bands = _band_list(dataset, options.bands, source)
    _check_fits_profile(dataset, chosen, source)
    recipe = _recipe(dataset, bands, chosen, options)
    if options.split_bands:
        targets = [([band], Path(band_output_path(str(final), band))) for band in bands]
    else:
        targets = [(bands, final)]
    for _band_subset, target in targets:
        _refuse_overwriting_source(source, target)

    token = secrets.token_hex(4)
    written: List[Tuple[Path, Path]] = []
    driver, used = "COG", list(recipe.creation_options)
    try:
        for index, (band_subset, target) in enumerate(targets):
            step = progress.span(index / len(targets), (index + 1) / len(targets))
            temporary = target.with_name(f".{target.name}.{token}{_TEMP_MARK}.tif")
            written.append((temporary, target))
            driver, used = _write(dataset, band_subset, temporary, recipe, options, step, source)
        progress.raise_if_cancelled()
        for temporary, target in written:
            _publish(temporary, target)
    finally:
        dataset = None
        # After a success only staging files remain under this prefix; after a failure, everything.
        for temporary, target in written:
            _remove_temporaries(temporary.parent, f".{target.name}.{token}")
    progress.report(1.0)
    outputs = [str(target) for _temporary, target in written]
    LOG.info("Converted %s to %s with profile %s", source, ", ".join(outputs), chosen.name)
    return ConversionResult(source, chosen.name, outputs, driver, used, list(recipe.notes))


def band_output_path(destination: str, band: int) -> str:
    """Where band `band` goes when bands are split: `(BAND)` in the name, or `<stem>_B01<suffix>`."""
    template = Path(band_template(destination))
    return str(template.with_name(template.name.replace(BAND_TOKEN, band_label(band))))


def band_template(destination: str) -> str:
    """The split-bands name with `(BAND)` where each band's label goes (a BYOC tile path's form)."""
    path = Path(destination)
    if BAND_TOKEN in path.name:
        return str(path)
    return str(path.with_name(f"{path.stem}_{BAND_TOKEN}{path.suffix or '.tif'}"))


def band_label(band: int) -> str:
    """What stands for band `band` (1-based) in split-bands names: B01, B02, …"""
    return f"B{band:02d}"


def open_raster(source: str) -> gdal.Dataset:
    """Opens `source` read-only, or raises a ConversionError saying why it cannot be read."""
    name = _display_name(source)
    if not source.startswith("/vsi") and not os.path.exists(source):
        raise ConversionError(
            tr("The raster {name} does not exist.").format(name=name), tr("the path, and that the file was not moved.")
        )
    with _gdal_errors() as messages, network_scope(source):
        try:
            dataset = gdal.OpenEx(source, gdal.OF_RASTER | gdal.OF_READONLY | gdal.OF_VERBOSE_ERROR)
        except RuntimeError as exc:
            messages.append(str(exc))
            dataset = None
    if dataset is None:
        raise ConversionError(
            tr("{name} is not a raster GDAL can read.").format(name=name),
            tr("that the file is complete (not truncated or corrupt) and in a raster format GDAL supports."),
            detail="; ".join(messages),
        )
    if dataset.RasterCount == 0:
        raise ConversionError(
            tr("{name} has no raster bands.").format(name=name),
            tr("whether it holds subdatasets; open one of them and convert that."),
            detail=str(dataset.GetSubDatasets()[:5]),
        )
    return dataset


@lru_cache(maxsize=1)
def available_compressions() -> FrozenSet[str]:
    """The TIFF codecs this GDAL build can write (ZSTD, WEBP and LERC depend on the build)."""
    option_list = gdal.GetDriverByName("GTiff").GetMetadataItem("DMD_CREATIONOPTIONLIST") or ""
    # GDAL's creation option list, not remote input.
    root = ET.fromstring(option_list)  # nosec B314  # noqa: S314 - GDAL's own option list
    for option in root.iter("Option"):
        if option.get("name") == "COMPRESS":
            return frozenset((value.text or "").strip().upper() for value in option.iter("Value"))
    return frozenset({"NONE", "DEFLATE", "LZW"})


def choose_compression(preferences: Sequence[str], available: FrozenSet[str]) -> str:
    """The first preferred codec the build has; DEFLATE is in every GDAL build."""
    for codec in preferences:
        if codec in available:
            return codec
    return "DEFLATE"


def is_categorical(band: gdal.Band) -> bool:
    """Paletted, thematic-RAT or category-named bands hold classes, which must not be averaged."""
    if band.GetColorTable() is not None or band.GetCategoryNames():
        return True
    rat = band.GetDefaultRAT()
    return rat is not None and rat.GetTableType() == gdal.GRTT_THEMATIC


def overview_factors(width: int, height: int, block_size: int) -> List[int]:
    """Power-of-two decimation factors until the whole image fits one tile (the COG driver's rule)."""
    factors: List[int] = []
    factor = 1
    while math.ceil(max(width, height) / factor) > block_size:
        factor *= 2
        factors.append(factor)
    return factors


def _recipe(dataset: gdal.Dataset, bands: List[int], profile: Profile, options: ConversionOptions) -> _Recipe:
    available = available_compressions()
    notes: List[str] = []
    rule = profile.compression
    title, service = tr(profile.title), tr(profile.service)
    if options.compress:
        compress = options.compress.strip().upper()
        if compress not in available:
            raise ConversionError(
                tr("This GDAL build cannot write {compression} compression.").format(compression=compress),
                tr("the compression: one of {codecs}.").format(codecs=", ".join(sorted(available))),
            )
        if not rule.accepts(compress):
            raise ConversionError(
                tr("{compression} compression is not accepted by the {profile} profile.").format(
                    compression=compress, profile=title
                ),
                tr("the compression: {service} reads {codecs}.").format(service=service, codecs=rule.text),
            )
        if compress == "NONE" and rule.accepted:
            notes.append(
                tr("Written uncompressed as asked; only compressed COGs are documented for {service}.").format(
                    service=service
                )
            )
    else:
        compress = choose_compression(rule.written, available)
        if compress != rule.written[0]:
            notes.append(
                tr("{preferred} is not available in this GDAL build; {compression} was used.").format(
                    preferred=rule.written[0], compression=compress
                )
            )

    block_size = options.block_size or profile.block_size
    if not profile.tiles.accepts(block_size):
        raise ConversionError(
            tr("Block size {size} is not allowed by the {profile} profile.").format(size=block_size, profile=title),
            tr("the block size: {service} accepts {sizes}.").format(service=service, sizes=profile.tiles.text),
        )
    if not profile.tiles.recommends(block_size):
        recommended = TileRule(sizes=profile.tiles.recommended).text
        notes.append(
            tr("{size}-pixel tiles are accepted by {service}, but {recommended} are recommended.").format(
                size=block_size, service=service, recommended=recommended
            )
        )
    notes += _crs_notes(dataset, profile)

    categorical = any(is_categorical(dataset.GetRasterBand(band)) for band in bands)
    resampling = (options.resampling or ("NEAREST" if categorical else "AVERAGE")).strip().upper()
    if resampling not in RESAMPLINGS:
        raise ConversionError(
            tr("Unknown resampling '{resampling}'.").format(resampling=options.resampling),
            tr("the resampling: {resamplings}.").format(resamplings=", ".join(RESAMPLINGS)),
        )
    warp_resampling = options.resampling or ("NEAREST" if categorical else "BILINEAR")

    band_interleave = profile.band_interleave or (
        profile.max_pixel_interleaved_bands > 0
        and not options.split_bands
        and len(bands) > profile.max_pixel_interleaved_bands
    )
    if band_interleave and compress in PIXEL_INTERLEAVED_CODECS and profile.band_interleave:
        # GDAL's TIFF writer has WEBP and JPEG only for pixel-interleaved tiles (the COG driver of GDAL 3.13 refuses
        # the pair); a profile that merely prefers band interleave (Earth Engine) still accepts pixel interleave.
        band_interleave = False
        notes.append(
            tr(
                "{compression} tiles can only be pixel-interleaved; {service} accepts them, band interleave "
                "is recommended."
            ).format(compression=compress, service=service)
        )
    data_type = dataset.GetRasterBand(bands[0]).DataType
    threads = str(options.threads) if options.threads else "ALL_CPUS"

    creation: List[str] = [f"COMPRESS={compress}", f"NUM_THREADS={threads}", "BIGTIFF=IF_SAFER"]
    predictor = _predictor(compress, data_type)
    if predictor:
        creation.append(f"PREDICTOR={predictor}")
    if options.level is not None:
        creation.append(f"LEVEL={options.level}" if compress not in LOSSY_CODECS else f"QUALITY={options.level}")
    return _Recipe(
        compress=compress,
        creation_options=tuple(creation),
        block_size=block_size,
        resampling=resampling,
        band_interleave=band_interleave,
        tiling_scheme=profile.tiling_scheme,
        warp_resampling=warp_resampling.strip().upper(),
        threads=threads,
        notes=tuple(notes),
    )


def _crs_notes(dataset: gdal.Dataset, profile: Profile) -> List[str]:
    """Conversion keeps the CRS (except on a tiling scheme, which reprojects): say when the target refuses it."""
    srs = dataset.GetSpatialRef()
    if profile.tiling_scheme or srs is None or not profile.crs.restricts:
        return []
    srs = srs.Clone()
    srs.AutoIdentifyEPSG()
    code = srs.GetAuthorityCode(None) if srs.GetAuthorityName(None) == "EPSG" else None
    epsg = int(code) if code else None
    if profile.crs.accepts(epsg) and not profile.crs.limited_to(epsg):
        return []
    where = profile.crs.limited_to(epsg)
    if where:
        note = tr("EPSG:{epsg} is supported by {service} on {where}.")
    elif epsg:
        note = tr(
            "EPSG:{epsg} is not supported by {service} (supported: {supported}): reproject the source "
            "first, e.g. with `gdalwarp -t_srs EPSG:4326`."
        )
    else:
        note = tr(
            "The source's CRS (no EPSG code) is not supported by {service} (supported: {supported}): reproject the "
            "source first, e.g. with `gdalwarp -t_srs EPSG:4326`."
        )
    return [note.format(epsg=epsg, service=tr(profile.service), where=where, supported=profile.crs.text)]


def _predictor(compress: str, data_type: int) -> str:
    if compress not in PREDICTOR_CODECS or gdal.DataTypeIsComplex(data_type):
        return ""
    floating = data_type in (gdal.GDT_Float32, gdal.GDT_Float64)
    return "3" if floating else "2"


def _write(
    dataset: gdal.Dataset,
    bands: List[int],
    temporary: Path,
    recipe: _Recipe,
    options: ConversionOptions,
    progress: Progress,
    source: str,
) -> Tuple[str, List[str]]:
    """Writes one output; returns the GDAL driver and creation options it used."""
    if recipe.band_interleave and int(gdal.VersionInfo()) < COG_BAND_INTERLEAVE_VERSION:
        return "GTiff", _write_band_interleaved_gtiff(dataset, bands, temporary, recipe, options, progress, source)
    creation = list(recipe.creation_options) + [
        f"BLOCKSIZE={recipe.block_size}",
        f"OVERVIEW_RESAMPLING={recipe.resampling}",
        "OVERVIEWS=IGNORE_EXISTING",
    ]
    if recipe.band_interleave:
        creation.append("INTERLEAVE=BAND")
    if recipe.tiling_scheme:
        creation += [f"TILING_SCHEME={recipe.tiling_scheme}", f"WARP_RESAMPLING={recipe.warp_resampling}"]
    creation = _level_names(creation, "COG", recipe.compress)
    translate = gdal.TranslateOptions(
        format="COG",
        creationOptions=creation,
        bandList=None if bands == list(range(1, dataset.RasterCount + 1)) else bands,
        noData=options.nodata,
        callback=progress.gdal_callback(),
    )
    _translate(str(temporary), dataset, translate, progress, source)
    return "COG", creation


def _write_band_interleaved_gtiff(
    dataset: gdal.Dataset,
    bands: List[int],
    temporary: Path,
    recipe: _Recipe,
    options: ConversionOptions,
    progress: Progress,
    source: str,
) -> List[str]:
    """The GTiff route to a band-interleaved COG before GDAL 3.11; returns the GTiff creation options.

    Overviews are built on a temporary VRT of the source (an external .ovr beside the
    destination, so the full-resolution pixels are not copied twice), then GTiff's
    CreateCopy with COPY_SRC_OVERVIEWS=YES writes IFDs first and data smallest-overview-first.
    Band subset and nodata go into the VRT: COPY_SRC_OVERVIEWS ignores translate options.
    """
    staging = temporary.with_suffix(".vrt")
    with _gdal_errors() as messages:
        vrt = gdal.Translate(
            str(staging),
            dataset,
            options=gdal.TranslateOptions(format="VRT", bandList=bands, noData=options.nodata),
        )
    if vrt is None:
        raise _failure(source, messages)
    factors = overview_factors(vrt.RasterXSize, vrt.RasterYSize, recipe.block_size)
    staging_codec = choose_compression(("ZSTD", "DEFLATE"), available_compressions())
    with thread_options(
        {
            "GDAL_TIFF_OVR_BLOCKSIZE": str(recipe.block_size),
            "COMPRESS_OVERVIEW": staging_codec,
            # Speed over size: the staging overviews are deleted once copied.
            "ZSTD_LEVEL_OVERVIEW": "1",
            "ZLEVEL_OVERVIEW": "1",
            "PREDICTOR_OVERVIEW": _predictor(staging_codec, vrt.GetRasterBand(1).DataType) or "1",
            "INTERLEAVE_OVERVIEW": "BAND",
            # The COG driver computes overviews on NUM_THREADS; BuildOverviews reads this instead.
            "GDAL_NUM_THREADS": recipe.threads,
        }
    ):
        if factors:
            with _gdal_errors() as messages:
                try:
                    status = vrt.BuildOverviews(
                        recipe.resampling, factors, callback=progress.span(0.0, 0.35).gdal_callback()
                    )
                except RuntimeError as exc:
                    messages.append(str(exc))
                    status = 1
            if status != 0:
                vrt = None
                progress.raise_if_cancelled()
                raise _failure(source, messages)
        creation = list(recipe.creation_options) + [
            "TILED=YES",
            f"BLOCKXSIZE={recipe.block_size}",
            f"BLOCKYSIZE={recipe.block_size}",
            "INTERLEAVE=BAND",
            "COPY_SRC_OVERVIEWS=YES",
        ]
        creation = _level_names(creation, "GTiff", recipe.compress)
        translate = gdal.TranslateOptions(
            format="GTiff",
            creationOptions=creation,
            callback=progress.span(0.35 if factors else 0.0, 1.0).gdal_callback(),
        )
        _translate(str(temporary), vrt, translate, progress, source)
    vrt = None
    return creation


def _translate(
    destination: str, dataset: gdal.Dataset, options: gdal.TranslateOptions, progress: Progress, source: str
) -> None:
    with _gdal_errors() as messages:
        try:
            written = gdal.Translate(destination, dataset, options=options)
        except RuntimeError as exc:
            messages.append(str(exc))
            written = None
    if written is None:
        progress.raise_if_cancelled()
        raise _failure(source, messages)
    written.FlushCache()
    written = None
    progress.raise_if_cancelled()


def _level_names(creation: List[str], driver: str, compress: str) -> List[str]:
    """GTiff spells the codec level per codec; the COG driver uses LEVEL/QUALITY."""
    if driver == "COG":
        return creation
    per_codec = {
        "DEFLATE": "ZLEVEL",
        "ZSTD": "ZSTD_LEVEL",
        "LZMA": "LZMA_PRESET",
        "JPEG": "JPEG_QUALITY",
        "WEBP": "WEBP_LEVEL",
        "JXL": "JXL_DISTANCE",
    }
    renamed = []
    for item in creation:
        key, _sep, value = item.partition("=")
        if key in ("LEVEL", "QUALITY"):
            if compress not in per_codec:
                continue
            key = per_codec[compress]
        renamed.append(f"{key}={value}")
    return renamed


def _failure(source: str, messages: List[str]) -> CogportError:
    return ConversionError(
        tr("Converting {name} to COG failed.").format(name=_display_name(source)),
        tr(
            "that the source is complete and readable, the chosen options suit its data type, "
            "and the destination disk has free space."
        ),
        detail="; ".join(messages) or gdal.GetLastErrorMsg(),
    )


def _publish(temporary: Path, target: Path) -> None:
    os.replace(temporary, target)
    sidecar = Path(f"{temporary}.aux.xml")
    stale = Path(f"{target}.aux.xml")
    if sidecar.exists():
        # Raster attribute tables and category names live only in the PAM sidecar.
        os.replace(sidecar, stale)
    elif stale.exists():
        stale.unlink()


def _remove_temporaries(folder: Path, prefix: str) -> None:
    try:
        leftovers = [entry for entry in folder.iterdir() if entry.name.startswith(prefix)]
    except OSError:
        return
    for entry in leftovers:
        try:
            entry.unlink()
        except OSError as exc:
            LOG.warning("Could not remove the temporary file %s: %s", entry, exc)


def _local_destination(destination: str) -> Path:
    if not destination or destination.startswith("/vsi"):
        raise ConversionError(
            tr("COG conversion writes local files only."),
            tr("the output path: convert to a local folder, then upload."),
        )
    final = Path(destination).expanduser().absolute()
    if not final.parent.is_dir():
        raise ConversionError(
            tr("The destination folder {folder} does not exist.").format(folder=final.parent), tr("the output folder.")
        )
    if not os.access(final.parent, os.W_OK):
        raise ConversionError(
            tr("The destination folder {folder} is not writable.").format(folder=final.parent),
            tr("the folder's permissions."),
        )
    return final


def _refuse_overwriting_source(source: str, target: Path) -> None:
    if (
        not source.startswith("/vsi")
        and os.path.exists(source)
        and os.path.realpath(source) == os.path.realpath(target)
    ):
        raise ConversionError(
            tr("The output {name} would replace its source.").format(name=target.name),
            tr("the output name or folder: write the COG beside the source under another name."),
        )


def _band_list(dataset: gdal.Dataset, requested: Optional[Sequence[int]], source: str) -> List[int]:
    if not requested:
        return list(range(1, dataset.RasterCount + 1))
    bands = [int(band) for band in requested]
    wrong = [band for band in bands if band < 1 or band > dataset.RasterCount]
    if wrong:
        raise ConversionError(
            tr("{name} has no band {band}.").format(name=_display_name(source), band=wrong[0]),
            tr("the band list: bands are numbered 1 to {count}.").format(count=dataset.RasterCount),
        )
    return bands


def _check_fits_profile(dataset: gdal.Dataset, profile: Profile, source: str) -> None:
    if profile.needs_georeferencing and dataset.GetSpatialRef() is None and not dataset.GetGCPCount():
        raise ConversionError(
            tr("{name} has no coordinate reference system, so it cannot be put on the web map grid.").format(
                name=_display_name(source)
            ),
            tr("the source's georeferencing, or use the generic profile."),
        )


def _display_name(source: str) -> str:
    return os.path.basename(source.rstrip("/")) or source


@contextmanager
def _gdal_errors() -> Iterator[List[str]]:
    """Collects GDAL's error messages, whatever the process-wide UseExceptions setting."""
    messages: List[str] = []

    def handler(error_class: int, _number: int, message: str) -> None:
        if error_class >= gdal.CE_Failure:
            messages.append(message)

    gdal.PushErrorHandler(handler)
    try:
        yield messages
    finally:
        gdal.PopErrorHandler()
