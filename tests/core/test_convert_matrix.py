"""Conversion matrix: every data type, band count and special layout through every profile.

Each output is judged by GDAL's own validate_cloud_optimized_geotiff (full check) and its
pixels are compared with the source (with an independent gdal.Warp for the web profile).
All dtype x bands x profile combinations run at 100x100 and 1000x777; at 5000x5000 a
covering subset runs (every dtype, every band count and every profile at least once),
because the full product at that size would take several minutes on the CI machine.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Dict, Tuple

import numpy as np
import pytest
from osgeo import gdal
from osgeo_utils.samples import validate_cloud_optimized_geotiff as gdal_validator

from cogport.plugin.core.cog.convert import convert_to_cog
from cogport.plugin.core.cog.profiles import PROFILE_NAMES, PROFILES
from cogport.plugin.core.errors import ConversionError
from cogport.tests.support.rasters import make_raster

DTYPES = ("Byte", "UInt16", "Int16", "Float32")
BAND_COUNTS = (1, 3, 4, 12)
SMALL_SIZES = ((100, 100), (1000, 777))
LARGE_COVER = (
    ("Byte", 12, "byoc"),
    ("UInt16", 4, "earthengine"),
    ("Int16", 3, "generic"),
    ("Float32", 1, "web"),
)


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory):
    """Source rasters made once per module and shared by the profiles."""
    folder = tmp_path_factory.mktemp("sources")
    made: Dict[Tuple, str] = {}

    def get(width: int, height: int, bands: int, dtype: str, **kind) -> str:
        key = (width, height, bands, dtype, tuple(sorted(kind.items())))
        if key not in made:
            label = "_".join(str(part) for part in key[:4]) + "".join(f"_{k}" for k, v in kind.items() if v)
            made[key] = make_raster(str(folder / f"{label}.tif"), width, height, bands, dtype, **kind)
        return made[key]

    return get


def _assert_valid_for_gdal(path: str, block_size: int) -> None:
    warnings, errors, _details = gdal_validator.validate(path, full_check=True)
    assert errors == []
    dataset = gdal.Open(path)
    fits_one_tile = max(dataset.RasterXSize, dataset.RasterYSize) <= block_size
    # GDAL recommends overviews above 512 px; a profile whose one tile holds the image needs none.
    allowed = {"The file is greater than 512xH or Wx512, it is recommended to include internal overviews"}
    assert set(warnings) <= (allowed if fits_one_tile else set())


def _pixels_equal(expected: np.ndarray, actual: np.ndarray, exact: bool = True) -> bool:
    if expected.shape != actual.shape:
        return False
    if expected.dtype.kind == "f":
        if exact:
            return bool(np.array_equal(expected, actual, equal_nan=True))
        return bool(np.allclose(expected, actual, rtol=1e-6, atol=1e-6, equal_nan=True))
    return bool(np.array_equal(expected, actual))


def _assert_same_band_properties(source: gdal.Dataset, output: gdal.Dataset) -> None:
    assert output.RasterCount == source.RasterCount
    assert output.GetMetadataItem("SOURCE_NAME") == "cogport synthetic"
    for index in range(1, source.RasterCount + 1):
        expected, actual = source.GetRasterBand(index), output.GetRasterBand(index)
        assert actual.DataType == expected.DataType
        assert actual.GetDescription() == expected.GetDescription()
        assert actual.GetMetadataItem("WAVELENGTH") == expected.GetMetadataItem("WAVELENGTH")
        assert actual.GetColorInterpretation() == expected.GetColorInterpretation()
        expected_nodata, actual_nodata = expected.GetNoDataValue(), actual.GetNoDataValue()
        if expected_nodata is not None and math.isnan(expected_nodata):
            assert actual_nodata is not None and math.isnan(actual_nodata)
        else:
            assert actual_nodata == expected_nodata
        expected_table, actual_table = expected.GetColorTable(), actual.GetColorTable()
        if expected_table is None:
            assert actual_table is None
        else:
            entries = range(expected_table.GetCount())
            assert [actual_table.GetColorEntry(i) for i in entries] == [
                expected_table.GetColorEntry(i) for i in entries
            ]


def _assert_profile_layout(output: gdal.Dataset, profile: str, bands: int) -> None:
    chosen = PROFILES[profile]
    band = output.GetRasterBand(1)
    assert band.GetBlockSize() == [chosen.block_size, chosen.block_size]
    structure = output.GetMetadata("IMAGE_STRUCTURE")
    assert structure["COMPRESSION"] in ("ZSTD", "DEFLATE")
    expected_predictor = "3" if band.DataType == gdal.GDT_Float32 else "2"
    assert structure["PREDICTOR"] == expected_predictor
    band_interleaved = profile == "earthengine" or (profile == "byoc" and bands > 10)
    if bands > 1:
        assert structure["INTERLEAVE"] == ("BAND" if band_interleaved else "PIXEL")
    sizes = [(output.RasterXSize, output.RasterYSize)] + [
        (band.GetOverview(i).XSize, band.GetOverview(i).YSize) for i in range(band.GetOverviewCount())
    ]
    # Overviews go on until the whole image fits one tile, halving each time (GDAL rounds odd sizes either way).
    assert max(sizes[-1]) <= chosen.block_size
    full_width, full_height = sizes[0]
    for level, (width, height) in enumerate(sizes[1:], start=1):
        assert full_width // 2**level <= width <= math.ceil(full_width / 2**level)
        assert full_height // 2**level <= height <= math.ceil(full_height / 2**level)
    for index in range(band.GetOverviewCount()):
        assert band.GetOverview(index).GetBlockSize() == [chosen.block_size, chosen.block_size]


def _assert_web_matches_independent_warp(source_path: str, output: gdal.Dataset) -> None:
    assert output.GetSpatialRef().GetAuthorityCode(None) == "3857"
    geotransform = output.GetGeoTransform()
    # GoogleMapsCompatible: the origin sits on the zoom level's 256-px tile grid.
    tile_span = 256 * geotransform[1]
    assert abs(((geotransform[0] + 20037508.342789244) / tile_span) % 1) < 1e-6
    source = gdal.Open(source_path)
    add_alpha = output.RasterCount > source.RasterCount
    reference = gdal.Warp(
        "",
        source,
        format="MEM",
        dstSRS="EPSG:3857",
        outputBounds=(
            geotransform[0],
            geotransform[3] + geotransform[5] * output.RasterYSize,
            geotransform[0] + geotransform[1] * output.RasterXSize,
            geotransform[3],
        ),
        width=output.RasterXSize,
        height=output.RasterYSize,
        resampleAlg="near" if source.GetRasterBand(1).GetColorTable() else "bilinear",
        dstAlpha=add_alpha,
    )
    assert _pixels_equal(reference.ReadAsArray(), output.ReadAsArray(), exact=False)


def _convert_and_check(source_path: str, out_dir: Path, profile: str, bands: int) -> None:
    output_path = str(out_dir / f"{Path(source_path).stem}_{profile}.tif")
    result = convert_to_cog(source_path, output_path, profile)
    assert result.outputs == [output_path]
    assert sorted(p.name for p in out_dir.iterdir()) == [Path(output_path).name]
    _assert_valid_for_gdal(output_path, PROFILES[profile].block_size)
    output = gdal.Open(output_path)
    _assert_profile_layout(output, profile, bands)
    if profile == "web":
        _assert_web_matches_independent_warp(source_path, output)
        return
    source = gdal.Open(source_path)
    assert _pixels_equal(source.ReadAsArray(), output.ReadAsArray())
    assert output.GetGeoTransform() == source.GetGeoTransform()
    assert output.GetSpatialRef().IsSame(source.GetSpatialRef())
    _assert_same_band_properties(source, output)


@pytest.mark.parametrize("profile", PROFILE_NAMES)
@pytest.mark.parametrize("size", SMALL_SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("bands", BAND_COUNTS)
@pytest.mark.parametrize("dtype", DTYPES)
def test_every_dtype_and_band_count_through_every_profile(sources, tmp_path, dtype, bands, size, profile):
    _convert_and_check(sources(size[0], size[1], bands, dtype), tmp_path, profile, bands)


@pytest.mark.parametrize(("dtype", "bands", "profile"), LARGE_COVER)
def test_5000_by_5000_covering_subset(sources, tmp_path, dtype, bands, profile):
    _convert_and_check(sources(5000, 5000, bands, dtype), tmp_path, profile, bands)


def test_the_large_subset_covers_every_dtype_band_count_and_profile():
    assert {case[0] for case in LARGE_COVER} == set(DTYPES)
    assert {case[1] for case in LARGE_COVER} == set(BAND_COUNTS)
    assert {case[2] for case in LARGE_COVER} == set(PROFILE_NAMES)


@pytest.mark.parametrize("profile", PROFILE_NAMES)
def test_paletted_raster_keeps_its_colour_table_and_uses_nearest_overviews(sources, tmp_path, profile):
    source_path = sources(1000, 777, 1, "Byte", paletted=True)
    _convert_and_check(source_path, tmp_path, profile, 1)
    output = gdal.Open(str(next(tmp_path.iterdir())))
    band = output.GetRasterBand(1)
    if band.GetOverviewCount():
        # Averaging palette indices would invent classes; NEAREST keeps only the 16 the source uses.
        assert set(np.unique(band.GetOverview(0).ReadAsArray())) <= set(range(16))


@pytest.mark.parametrize("profile", PROFILE_NAMES)
def test_rgba_raster_keeps_its_alpha_band(sources, tmp_path, profile):
    _convert_and_check(sources(1000, 777, 4, "Byte", alpha=True), tmp_path, profile, 4)
    output = gdal.Open(str(next(tmp_path.iterdir())))
    assert output.GetRasterBand(4).GetColorInterpretation() == gdal.GCI_AlphaBand


@pytest.mark.parametrize("profile", [name for name in PROFILE_NAMES if name != "web"])
def test_non_georeferenced_raster_converts_without_inventing_a_crs(sources, tmp_path, profile):
    source_path = sources(1000, 777, 3, "Byte", georeferenced=False)
    output_path = tmp_path / "plain.tif"
    convert_to_cog(source_path, str(output_path), profile)
    _assert_valid_for_gdal(str(output_path), PROFILES[profile].block_size)
    output = gdal.Open(str(output_path))
    assert output.GetSpatialRef() is None
    assert _pixels_equal(gdal.Open(source_path).ReadAsArray(), output.ReadAsArray())


def test_non_georeferenced_raster_cannot_go_on_the_web_grid(sources, tmp_path):
    source_path = sources(1000, 777, 3, "Byte", georeferenced=False)
    with pytest.raises(ConversionError, match="no coordinate reference system") as caught:
        convert_to_cog(source_path, str(tmp_path / "web.tif"), "web")
    assert "generic profile" in caught.value.check
    assert list(tmp_path.iterdir()) == []
