"""convert_to_cog beyond the matrix: cancel, bad input, overrides, metadata, split bands, progress."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import pytest
from osgeo import gdal
from osgeo_utils.samples import validate_cloud_optimized_geotiff as gdal_validator

from cogport.plugin.core.cog import convert as convert_module
from cogport.plugin.core.cog.convert import (
    ConversionOptions,
    available_compressions,
    band_output_path,
    choose_compression,
    convert_to_cog,
)
from cogport.plugin.core.errors import CancelledError, ConversionError
from cogport.plugin.core.progress import Progress
from cogport.tests.support.gdal_version import GDAL_VERSION
from cogport.tests.support.rasters import make_raster


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.fixture(scope="module")
def rgb(tmp_path_factory) -> str:
    return make_raster(str(tmp_path_factory.mktemp("src") / "rgb.tif"), 1200, 900, 3, "UInt16")


@pytest.fixture(scope="module")
def large(tmp_path_factory) -> str:
    return make_raster(str(tmp_path_factory.mktemp("large") / "large.tif"), 4000, 4000, 3, "UInt16")


def _errors(path: str) -> list:
    return gdal_validator.validate(path, full_check=True)[1]


# --- cancel -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("profile", ["generic", "earthengine"])
def test_cancel_during_a_running_conversion_leaves_no_file(large, out_dir, profile):
    """Both routes (COG driver; GTiff band-interleave staging) stop at the next GDAL callback."""
    seen = []
    progress = Progress(on_fraction=seen.append)

    def cancel_once_started(fraction: float) -> None:
        seen.append(fraction)
        if fraction > 0.05:
            progress.cancel()

    progress._on_fraction = cancel_once_started
    with pytest.raises(CancelledError):
        convert_to_cog(large, str(out_dir / "large.tif"), profile, progress=progress)
    assert list(out_dir.iterdir()) == []
    # It stopped near where it was cancelled instead of running on to the end.
    assert max(seen) < 0.6


def test_cancel_from_another_thread_leaves_no_file(large, out_dir):
    started = threading.Event()
    progress = Progress(on_fraction=lambda f: started.set() if f > 0.02 else None)
    outcome = {}

    def work() -> None:
        try:
            convert_to_cog(large, str(out_dir / "large.tif"), "byoc", progress=progress)
            outcome["error"] = None
        except Exception as exc:
            outcome["error"] = exc

    worker = threading.Thread(target=work)
    worker.start()
    assert started.wait(60)
    progress.cancel()
    worker.join(60)
    assert isinstance(outcome["error"], CancelledError)
    assert list(out_dir.iterdir()) == []


def test_cancel_while_splitting_bands_removes_the_bands_already_written(rgb, out_dir):
    progress = Progress()
    progress._on_fraction = lambda f: progress.cancel() if f > 0.5 else None
    with pytest.raises(CancelledError):
        convert_to_cog(rgb, str(out_dir / "scene.tif"), "byoc", ConversionOptions(split_bands=True), progress)
    assert list(out_dir.iterdir()) == []


def test_a_failed_conversion_keeps_the_previous_output(rgb, out_dir):
    previous = out_dir / "rgb.tif"
    previous.write_bytes(b"previous version")
    progress = Progress()
    progress.cancel()
    with pytest.raises(CancelledError):
        convert_to_cog(rgb, str(previous), progress=progress)
    assert previous.read_bytes() == b"previous version"
    assert [p.name for p in out_dir.iterdir()] == ["rgb.tif"]


# --- bad input ----------------------------------------------------------------------------------------


def test_a_file_that_is_not_a_raster_gives_a_clear_error(tmp_path, out_dir):
    junk = tmp_path / "notes.tif"
    junk.write_bytes(b"this is not a TIFF at all" * 100)
    with pytest.raises(ConversionError) as caught:
        convert_to_cog(str(junk), str(out_dir / "notes.tif"))
    assert caught.value.what == "notes.tif is not a raster GDAL can read."
    assert "truncated or corrupt" in caught.value.check
    assert list(out_dir.iterdir()) == []


def test_a_truncated_tiff_fails_with_a_clear_error_and_leaves_nothing(tmp_path, out_dir):
    whole = make_raster(str(tmp_path / "whole.tif"), 1500, 1500, 3, "UInt16", creation_options=["TILED=YES"])
    cut = tmp_path / "cut.tif"
    cut.write_bytes(Path(whole).read_bytes()[: Path(whole).stat().st_size // 2])
    with pytest.raises(ConversionError) as caught:
        convert_to_cog(str(cut), str(out_dir / "cut.tif"))
    assert caught.value.what == "Converting cut.tif to COG failed."
    assert "complete and readable" in caught.value.check
    assert caught.value.detail  # GDAL's own words go to the log
    assert list(out_dir.iterdir()) == []


def test_errors_are_the_same_without_gdal_exceptions(tmp_path, out_dir):
    junk = tmp_path / "junk.tif"
    junk.write_bytes(b"\x00" * 64)
    gdal.DontUseExceptions()
    try:
        with pytest.raises(ConversionError, match="is not a raster GDAL can read"):
            convert_to_cog(str(junk), str(out_dir / "junk.tif"))
    finally:
        gdal.UseExceptions()


def test_a_missing_source_and_a_missing_destination_folder_are_named(rgb, tmp_path):
    with pytest.raises(ConversionError, match=r"The raster gone\.tif does not exist\."):
        convert_to_cog(str(tmp_path / "gone.tif"), str(tmp_path / "out.tif"))
    with pytest.raises(ConversionError, match="destination folder .* does not exist"):
        convert_to_cog(rgb, str(tmp_path / "nowhere" / "out.tif"))


def test_the_output_may_not_replace_its_source(tmp_path):
    source = make_raster(str(tmp_path / "same.tif"), 100, 100)
    before = Path(source).read_bytes()
    with pytest.raises(ConversionError, match="would replace its source"):
        convert_to_cog(source, source)
    assert Path(source).read_bytes() == before


def test_remote_destinations_are_refused_with_a_pointer_to_upload(rgb):
    with pytest.raises(ConversionError, match="local files only") as caught:
        convert_to_cog(rgb, "/vsis3/bucket/out.tif")
    assert "upload" in caught.value.check


# --- overrides ----------------------------------------------------------------------------------------


def test_compression_level_and_block_size_overrides_are_honoured(rgb, out_dir):
    output = str(out_dir / "rgb.tif")
    result = convert_to_cog(rgb, output, "generic", ConversionOptions(compress="lzw", block_size=256, level=9))
    dataset = gdal.Open(output)
    assert dataset.GetMetadataItem("COMPRESSION", "IMAGE_STRUCTURE") == "LZW"
    assert dataset.GetRasterBand(1).GetBlockSize() == [256, 256]
    assert "COMPRESS=LZW" in result.creation_options
    assert _errors(output) == []
    assert np.array_equal(gdal.Open(rgb).ReadAsArray(), dataset.ReadAsArray())


def test_band_interleave_takes_the_cog_driver_from_gdal_3_11_and_the_gtiff_route_before(rgb, out_dir):
    output = str(out_dir / "ee.tif")
    result = convert_to_cog(rgb, output, "earthengine", ConversionOptions(block_size=256, compress="DEFLATE", level=1))
    assert result.driver == ("COG" if GDAL_VERSION >= 3110000 else "GTiff")
    dataset = gdal.Open(output)
    band = dataset.GetRasterBand(1)
    assert band.GetBlockSize() == [256, 256]
    assert [band.GetOverview(i).GetBlockSize() for i in range(band.GetOverviewCount())] == [[256, 256]] * 3
    assert dataset.GetMetadataItem("COMPRESSION", "IMAGE_STRUCTURE") == "DEFLATE"
    assert dataset.GetMetadataItem("INTERLEAVE", "IMAGE_STRUCTURE") == "BAND"
    assert _errors(output) == []


def test_resampling_override_changes_the_overviews(tmp_path, out_dir):
    source = str(tmp_path / "checker.tif")
    dataset = gdal.GetDriverByName("GTiff").Create(source, 1024, 1024, 1, gdal.GDT_Byte)
    dataset.GetRasterBand(1).WriteArray((np.indices((1024, 1024)).sum(axis=0) % 2 * 100).astype(np.uint8))
    dataset = None
    averaged, nearest = str(out_dir / "avg.tif"), str(out_dir / "near.tif")
    convert_to_cog(source, averaged)
    convert_to_cog(source, nearest, options=ConversionOptions(resampling="nearest"))
    averaged_dataset, nearest_dataset = gdal.Open(averaged), gdal.Open(nearest)
    assert set(np.unique(averaged_dataset.GetRasterBand(1).GetOverview(0).ReadAsArray())) == {50}
    assert set(np.unique(nearest_dataset.GetRasterBand(1).GetOverview(0).ReadAsArray())) <= {0, 100}


@pytest.mark.parametrize("profile", ["generic", "earthengine"])
def test_nodata_and_band_subset_overrides_are_honoured(rgb, out_dir, profile):
    output = str(out_dir / "subset.tif")
    convert_to_cog(rgb, output, profile, ConversionOptions(nodata=0, bands=[3, 1]))
    source, dataset = gdal.Open(rgb), gdal.Open(output)
    assert dataset.RasterCount == 2
    assert [dataset.GetRasterBand(i).GetNoDataValue() for i in (1, 2)] == [0.0, 0.0]
    assert np.array_equal(dataset.GetRasterBand(1).ReadAsArray(), source.GetRasterBand(3).ReadAsArray())
    assert np.array_equal(dataset.GetRasterBand(2).ReadAsArray(), source.GetRasterBand(1).ReadAsArray())
    assert dataset.GetRasterBand(1).GetDescription() == "band 3"
    assert _errors(output) == []


@pytest.mark.parametrize(
    ("profile", "options", "message"),
    [
        ("byoc", ConversionOptions(compress="JPEG"), "JPEG compression is not accepted by the Sentinel Hub BYOC"),
        ("earthengine", ConversionOptions(block_size=300), "Block size 300 is not allowed"),
        (
            "generic",
            ConversionOptions(block_size=100),
            "Block size 100 is not allowed.* 128 pixels or more in steps of 16",
        ),
        ("generic", ConversionOptions(compress="ROT13"), "cannot write ROT13 compression"),
        ("generic", ConversionOptions(resampling="sharpest"), "Unknown resampling 'sharpest'"),
        ("generic", ConversionOptions(bands=[4]), "has no band 4"),
        ("mapbox", None, "Unknown COG profile 'mapbox'"),
    ],
)
def test_options_a_profile_cannot_honour_are_refused_before_writing(rgb, out_dir, profile, options, message):
    with pytest.raises(ConversionError, match=message):
        convert_to_cog(rgb, str(out_dir / "x.tif"), profile, options)
    assert list(out_dir.iterdir()) == []


def test_without_zstd_the_profile_falls_back_to_deflate_and_says_so(rgb, out_dir, monkeypatch):
    assert choose_compression(("ZSTD", "DEFLATE"), frozenset({"DEFLATE", "LZW"})) == "DEFLATE"
    assert {"DEFLATE", "LZW", "NONE"} <= available_compressions()
    # A GDAL build without ZSTD, as some platforms ship.
    monkeypatch.setattr(convert_module, "available_compressions", lambda: frozenset({"NONE", "LZW", "DEFLATE"}))
    output = str(out_dir / "fallback.tif")
    result = convert_to_cog(rgb, output, "generic")
    assert gdal.Open(output).GetMetadataItem("COMPRESSION", "IMAGE_STRUCTURE") == "DEFLATE"
    assert result.notes == ["ZSTD is not available in this GDAL build; DEFLATE was used."]


# --- metadata and split bands ------------------------------------------------------------------------


def test_scale_offset_units_and_categories_are_kept(tmp_path, out_dir):
    source = make_raster(str(tmp_path / "classes.tif"), 600, 600, 1, "Byte")
    dataset = gdal.Open(source, gdal.GA_Update)
    band = dataset.GetRasterBand(1)
    band.SetScale(0.5)
    band.SetOffset(-10)
    band.SetUnitType("m")
    band.SetCategoryNames(["water", "forest"])
    dataset = band = None
    output = str(out_dir / "classes.tif")
    convert_to_cog(source, output)
    dataset = gdal.Open(output)
    band = dataset.GetRasterBand(1)
    assert (band.GetScale(), band.GetOffset(), band.GetUnitType()) == (0.5, -10.0, "m")
    assert band.GetCategoryNames() == ["water", "forest"]
    # Category names make the band categorical: overview values come from the source, not averages.
    source_values = set(np.unique(gdal.Open(source).ReadAsArray()))
    assert set(np.unique(band.GetOverview(0).ReadAsArray())) <= source_values
    assert sorted(p.name for p in out_dir.iterdir()) == ["classes.tif", "classes.tif.aux.xml"]


def test_band_output_names():
    assert band_output_path("/data/scene.tif", 1) == "/data/scene_B01.tif"
    assert band_output_path("/data/scene_(BAND).tif", 12) == "/data/scene_B12.tif"
    assert band_output_path("/data/(BAND)", 3) == "/data/B03"


@pytest.mark.parametrize("name", ["scene.tif", "scene_(BAND).tif"])
def test_split_bands_writes_one_valid_cog_per_band(rgb, out_dir, name):
    result = convert_to_cog(rgb, str(out_dir / name), "byoc", ConversionOptions(split_bands=True, nodata=7))
    expected = [str(out_dir / f"scene_B0{band}.tif") for band in (1, 2, 3)]
    assert result.outputs == expected
    assert sorted(str(p) for p in out_dir.iterdir()) == expected
    source = gdal.Open(rgb)
    for band, path in enumerate(expected, start=1):
        dataset = gdal.Open(path)
        assert dataset.RasterCount == 1
        assert dataset.GetRasterBand(1).GetNoDataValue() == 7.0
        assert dataset.GetRasterBand(1).GetBlockSize() == [1024, 1024]
        assert np.array_equal(dataset.ReadAsArray(), source.GetRasterBand(band).ReadAsArray())
        assert _errors(path) == []


def test_split_bands_numbers_files_after_the_source_bands(rgb, out_dir):
    result = convert_to_cog(rgb, str(out_dir / "s.tif"), "byoc", ConversionOptions(split_bands=True, bands=[2, 3]))
    assert [Path(p).name for p in result.outputs] == ["s_B02.tif", "s_B03.tif"]


def test_byoc_writes_nodata_in_the_gdal_nodata_tag(rgb, out_dir):
    output = str(out_dir / "nd.tif")
    convert_to_cog(rgb, output, "byoc", ConversionOptions(nodata=65535))
    # GDAL_NODATA is TIFF tag 42113; the raw TIFF holds it, not a sidecar.
    assert list(out_dir.iterdir()) == [Path(output)]
    assert b"65535\x00" in Path(output).read_bytes()[:4096]
    dataset = gdal.Open(output)
    assert dataset.GetRasterBand(1).GetNoDataValue() == 65535


def test_progress_rises_to_one(rgb, out_dir):
    seen = []
    convert_to_cog(rgb, str(out_dir / "p.tif"), "earthengine", progress=Progress(on_fraction=seen.append))
    assert seen == sorted(seen)
    assert seen[-1] == 1.0
    assert len(seen) > 3
