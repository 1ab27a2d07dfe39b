"""One source of truth per target: what validation accepts, conversion can write, and the other way round.

Tile sizes are tried across the boundaries the targets document (TIFF tiles come in multiples of 16,
and GDAL's COG driver writes them from 128); codecs are every one this GDAL build writes on the test
raster. Files for the validation side are written with plain GDAL, not by Cogport's conversion.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from osgeo import gdal

from cogport.plugin.core.cog.convert import ConversionOptions, available_compressions, convert_to_cog
from cogport.plugin.core.cog.profiles import PROFILE_NAMES, PROFILES, accepted_summary
from cogport.plugin.core.cog.validate import validate_cog
from cogport.plugin.core.errors import ConversionError
from cogport.tests.support.tiff_corpus import source

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
SIZES = (128, 240, 256, 272, 512, 768, 1008, 1024, 2048, 2064, 4096)


@pytest.fixture(scope="module")
def raster(tmp_path_factory):
    path = tmp_path_factory.mktemp("rules") / "source.tif"
    gdal.Translate(str(path), source(96, 80, bands=3, epsg=4326), format="GTiff")
    return str(path)


def gdal_written(folder: Path, name: str, *options: str) -> str:
    """A COG written by GDAL itself with `options`, or '' when GDAL cannot write it."""
    path = folder / name
    try:
        gdal.Translate(str(path), source(96, 80, bands=3, epsg=4326), format="COG", creationOptions=list(options))
    except RuntimeError:
        return ""
    return str(path)


def converted(raster: str, folder: Path, profile: str, options: ConversionOptions) -> str:
    """Cogport's conversion output, or '' when the profile refuses the override."""
    try:
        return convert_to_cog(raster, str(folder / f"{profile}.tif"), profile, options).outputs[0]
    except ConversionError as exc:
        assert "not allowed by" in exc.what or "not accepted by" in exc.what, exc.user_message
        return ""


@pytest.mark.parametrize("profile", PROFILE_NAMES)
def test_every_tile_size_validation_accepts_conversion_writes_and_the_other_way_round(raster, tmp_path, profile):
    for size in SIZES:
        sample = gdal_written(tmp_path, f"tiles_{size}.tif", f"BLOCKSIZE={size}")
        accepted = "TILE_SIZE_NOT_ALLOWED" not in validate_cog(sample, profile).codes()
        output = converted(raster, tmp_path, profile, ConversionOptions(block_size=size))
        assert bool(output) == accepted, (profile, size)
        if output:
            assert gdal.Open(output).GetRasterBand(1).GetBlockSize() == [size, size]
            assert "TILE_SIZE_NOT_ALLOWED" not in validate_cog(output, profile).codes(), (profile, size)


@pytest.mark.parametrize("profile", PROFILE_NAMES)
def test_every_codec_validation_accepts_conversion_writes_and_the_other_way_round(raster, tmp_path, profile):
    tried = []
    for codec in sorted(available_compressions()):
        sample = gdal_written(tmp_path, f"codec_{codec}.tif", f"COMPRESS={codec}")
        if not sample:
            continue  # this GDAL cannot write it on 3 Byte bands (e.g. CCITT fax codecs are 1-bit only)
        tried.append(codec)
        accepted = "COMPRESSION_NOT_ALLOWED" not in validate_cog(sample, profile).codes()
        output = converted(raster, tmp_path, profile, ConversionOptions(compress=codec))
        assert bool(output) == accepted, (profile, codec)
        if output:
            assert "COMPRESSION_NOT_ALLOWED" not in validate_cog(output, profile).codes(), (profile, codec)
    assert {"NONE", "DEFLATE", "LZW", "JPEG", "PACKBITS"} <= set(tried)


def test_byoc_takes_any_tile_size_from_256_to_2048_as_sentinel_hub_documents(raster, tmp_path):
    output = converted(raster, tmp_path, "byoc", ConversionOptions(block_size=768))
    report = validate_cog(output, "byoc")
    assert report.valid and report.codes() == ["TILE_SIZE_NOT_RECOMMENDED"]


@pytest.mark.parametrize(
    ("epsg", "note"),
    [
        (2056, "EPSG:2056 is not supported by Sentinel Hub BYOC (supported: EPSG:4326, EPSG:3857, UTM"),
        (6933, "EPSG:6933 is supported by Sentinel Hub BYOC on Copernicus Data Space only"),
        (32633, ""),
    ],
)
def test_conversion_keeps_the_crs_and_says_when_the_target_does_not_support_it(tmp_path, epsg, note):
    path = tmp_path / "source.tif"
    gdal.Translate(str(path), source(96, 80, epsg=epsg), format="GTiff")
    result = convert_to_cog(str(path), str(tmp_path / "out.tif"), "byoc")
    crs_notes = [n for n in result.notes if "EPSG:" in n]
    assert len(crs_notes) == bool(note) and all(n.startswith(note) for n in crs_notes)
    report = validate_cog(result.outputs[0], "byoc")
    assert ("CRS_NOT_SUPPORTED" in report.codes()) == bool(note)


def _table(heading: str) -> dict:
    """The rows of the README table whose header row starts with `heading`, by their first cell."""
    lines = README.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"| {heading} |"))
    rows = {}
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        rows[cells[0].strip("`")] = cells[1:]
    return rows


def test_readme_profile_tables_match_the_registry():
    written = _table("Profile")
    accepts = _table("Target")
    assert list(written) == list(PROFILE_NAMES) and list(accepts) == list(PROFILE_NAMES)
    for name in PROFILE_NAMES:
        profile = PROFILES[name]
        tiles, compression = written[name][0], written[name][1]
        assert re.match(rf"{profile.block_size}\b", tiles), name
        assert compression.startswith(profile.compression.written[0]), name
        assert accepts[name] == [accepted_summary(profile)], name
