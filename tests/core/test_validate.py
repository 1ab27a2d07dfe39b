"""COG validation on a GDAL-made corpus: expected codes per profile, and agreement with GDAL's validator."""

from __future__ import annotations

import json
import re

import pytest
from osgeo import gdal
from osgeo_utils.samples import validate_cloud_optimized_geotiff as gdal_validator

from cogport.plugin.core.cog.inspect import inspect_tiff
from cogport.plugin.core.cog.profiles import PROFILE_NAMES
from cogport.plugin.core.cog.validate import FINDING_CODES, validate_cog
from cogport.plugin.core.errors import CogportError, NotFoundError
from cogport.tests.support.tiff_corpus import CORPUS, INCOMPLETE_CORPUS, NOT_TIFF_CORPUS, build, cog, source

ALL = CORPUS + NOT_TIFF_CORPUS + INCOMPLETE_CORPUS

# GDAL validator messages -> our codes (wording from osgeo_utils/samples/validate_cloud_optimized_geotiff.py).
GDAL_MESSAGES = [
    (r"external \.ovr", "EXTERNAL_OVERVIEWS"),
    (r"but is not tiled|is not tiled", "NOT_TILED"),
    (r"KNOWN_INCOMPATIBLE_EDITION", "LAYOUT_INVALIDATED"),
    (r"offset of the main IFD|offset of the IFD|should be after its IFD", "IFDS_NOT_AT_START"),
    (r"larger dimension", "OVERVIEW_ORDER"),
    (r"first block of", "DATA_ORDER"),
]


def gdal_codes(messages):
    codes = set()
    for message in messages:
        codes.update(code for pattern, code in GDAL_MESSAGES if re.search(pattern, message))
    return codes


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return build(tmp_path_factory.mktemp("corpus"), ALL)


@pytest.mark.parametrize("item", ALL, ids=lambda item: item.name)
def test_each_corpus_file_gives_its_expected_findings_in_every_profile(corpus, item):
    for profile in PROFILE_NAMES:
        report = validate_cog(str(corpus[item.name]), profile)
        got = {f.code: f.severity for f in report.findings}
        assert got == item.expected[profile], profile
        assert report.valid == ("error" not in got.values())
        for finding in report.findings:
            assert finding.message and finding.fix, finding


@pytest.mark.parametrize("item", CORPUS, ids=lambda item: item.name)
def test_generic_profile_agrees_with_gdals_validator(corpus, item):
    path = str(corpus[item.name])
    warnings, errors, _details = gdal_validator.validate(path)
    report = validate_cog(path, "generic")
    assert report.valid == (not errors), (errors, report.codes())
    assert bool(warnings) == ("NO_OVERVIEWS" in report.codes("warning"))
    ours = set(report.codes("error"))
    theirs = gdal_codes(errors)
    assert len(theirs) == len({gdal_codes([m]).pop() for m in errors}), errors  # every GDAL message is mapped
    if "EXTERNAL_OVERVIEWS" in ours:
        # GDAL then compares offsets across the .tif and the .ovr, which says nothing about either.
        assert "EXTERNAL_OVERVIEWS" in theirs
    else:
        assert theirs <= ours, (errors, report.codes())


@pytest.mark.parametrize("item", NOT_TIFF_CORPUS, ids=lambda item: item.name)
def test_unreadable_input_is_reported_as_not_tiff_with_a_clear_message(corpus, item):
    report = validate_cog(str(corpus[item.name]))
    assert report.to_dict()["findings"][0]["code"] == "NOT_TIFF"
    message = report.findings[0].message
    assert "TIFF" in message and "Traceback" not in message and len(message) < 300
    with pytest.raises((gdal_validator.ValidateCloudOptimizedGeoTIFFException, RuntimeError)):
        gdal_validator.validate(str(corpus[item.name]))


def test_report_dict_has_the_documented_shape(corpus):
    report = validate_cog(str(corpus["jpeg.tif"]), "byoc")
    data = json.loads(json.dumps(report.to_dict()))
    assert set(data) == {"path", "profile", "valid", "findings", "bytes_read"}
    assert data["profile"] == "byoc" and data["valid"] is False
    assert data["findings"][0]["severity"] == "error"
    assert all(set(f) == {"code", "severity", "message", "fix"} for f in data["findings"])
    assert all(f["code"] in FINDING_CODES for f in data["findings"])
    jpeg = next(f for f in data["findings"] if f["code"] == "COMPRESSION_NOT_ALLOWED")
    assert "JPEG" in jpeg["message"] and "`byoc` profile" in jpeg["fix"]


def test_bigtiff_header_is_parsed(corpus):
    tiff = inspect_tiff(str(corpus["bigtiff.tif"]))
    classic = inspect_tiff(str(corpus["good_generic.tif"]))
    assert tiff.bigtiff and not classic.bigtiff
    assert tiff.main.offset == tiff.expected_main_ifd_offset
    assert [(d.width, d.height) for d in tiff.directories] == [(d.width, d.height) for d in classic.directories]
    assert tiff.epsg == classic.epsg == 32633
    assert tiff.structural_metadata["LAYOUT"] == "IFDS_BEFORE_DATA"


def test_header_fields_match_what_gdal_reports(corpus):
    path = str(corpus["nan_nodata.tif"])
    tiff = inspect_tiff(path)
    ds = gdal.Open(path)
    band = ds.GetRasterBand(1)
    assert (tiff.main.width, tiff.main.height) == (ds.RasterXSize, ds.RasterYSize)
    assert list(tiff.main.block_size) == band.GetBlockSize()
    assert len(tiff.overviews) == band.GetOverviewCount()
    assert tiff.main.offset == int(band.GetMetadataItem("IFD_OFFSET", "TIFF"))
    assert tiff.main.first_block_offset == int(band.GetMetadataItem("BLOCK_OFFSET_0_0", "TIFF"))
    assert tiff.epsg == 4326 and tiff.nodata.lower() == "nan"
    assert tiff.main.compression_name == "DEFLATE" and tiff.main.sample_format == 3


def test_a_broken_layout_flag_is_an_error(tmp_path):
    path = tmp_path / "edited.tif"
    cog(path, source())
    data = bytearray(path.read_bytes())
    at = data.index(b"KNOWN_INCOMPATIBLE_EDITION=NO")
    data[at : at + 29] = b"KNOWN_INCOMPATIBLE_EDITION=YE"  # same length keeps every offset
    data[at + 29 : at + 30] = b"S"
    path.write_bytes(bytes(data))
    _warnings, errors, _ = gdal_validator.validate(str(path))
    assert gdal_codes(errors) == {"LAYOUT_INVALIDATED"}
    assert validate_cog(str(path)).codes("error") == ["LAYOUT_INVALIDATED"]


def test_sparse_file_uses_first_written_block(tmp_path):
    path = tmp_path / "sparse.tif"
    ds = gdal.GetDriverByName("GTiff").Create(str(path), 2048, 2048, 1, gdal.GDT_Byte, ["TILED=YES", "SPARSE_OK=YES"])
    ds.GetRasterBand(1).WriteRaster(1024, 1024, 16, 16, b"\x05" * 256)
    ds = None
    tiff = inspect_tiff(str(path))
    ds = gdal.Open(str(path))
    assert tiff.main.first_block_offset == int(ds.GetRasterBand(1).GetMetadataItem("BLOCK_OFFSET_4_4", "TIFF"))
    assert ds.GetRasterBand(1).GetMetadataItem("BLOCK_OFFSET_0_0", "TIFF") is None  # really sparse


def test_missing_local_file_raises_a_clear_error(tmp_path):
    with pytest.raises(NotFoundError) as caught:
        validate_cog(str(tmp_path / "nope.tif"))
    assert "nope.tif" in str(caught.value) and "does not exist" in str(caught.value)


def test_unknown_profile_is_refused(corpus):
    with pytest.raises(CogportError, match="generic, earthengine, byoc, web"):
        validate_cog(str(corpus["good_generic.tif"]), "mapbox")


def test_every_code_has_a_meaning_and_a_fix():
    from cogport.plugin.core.cog import validate as module

    for code in FINDING_CODES:
        for profile in PROFILE_NAMES:
            assert module._default_fix(code, profile)
    assert {
        "NOT_TIFF",
        "NOT_TILED",
        "NO_OVERVIEWS",
        "EXTERNAL_OVERVIEWS",
        "IFDS_NOT_AT_START",
        "DATA_ORDER",
        "TILE_NOT_SQUARE",
        "TILE_SIZE_NOT_ALLOWED",
        "OVERVIEWS_NOT_POWER_OF_TWO",
        "INTERLEAVE_NOT_BAND",
        "COMPRESSION_NOT_ALLOWED",
        "TOO_MANY_BANDS_PIXEL_INTERLEAVED",
        "CRS_NOT_SUPPORTED",
        "HEADER_TOO_LARGE",
        "NOT_GEOREFERENCED",
        "URI_NOT_GCS",
    } <= set(FINDING_CODES)


def test_findings_read_in_the_language_the_qgis_layer_installs(corpus):
    """Messages and fixes are translated whole, then filled: a translation may reorder the values."""
    from cogport.plugin.core import i18n

    french = {
        "Tiles are {width}×{height}; {sizes} are recommended for {service}.": (
            "{service} recommande {sizes} ; les tuiles font {width}×{height}."
        ),
        "{sizes} pixels": "{sizes} pixels",
        "{convert}, which writes {size}-pixel tiles.": "{convert}, qui écrit des tuiles de {size} pixels.",
        "Convert with the `{profile}` profile (Cogport ▸ Convert to COG, or `cogport:convert_to_cog`)": (
            "Convertissez avec le profil `{profile}`"
        ),
    }
    undo = i18n.use_translation(lambda text: french.get(text, text))
    try:
        (finding,) = validate_cog(str(corpus["good_generic.tif"]), "byoc").findings
    finally:
        undo()
    assert finding.message == "Sentinel Hub BYOC recommande 1024 pixels ; les tuiles font 512×512."
    assert finding.fix == "Convertissez avec le profil `byoc`, qui écrit des tuiles de 1024 pixels."
