"""Batch conversion: folders and lists, name patterns, parallel workers, one failure among many."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from osgeo import gdal

from cogport.plugin.core.cog.batch import batch_workers, convert_batch, list_rasters, plan_batch
from cogport.plugin.core.cog.convert import ConversionOptions
from cogport.plugin.core.errors import CancelledError, ConversionError
from cogport.plugin.core.progress import Progress
from cogport.tests.support.rasters import make_raster


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Three good rasters, one truncated TIFF, a sidecar and a text file."""
    source = tmp_path / "in"
    source.mkdir()
    for name, dtype in (("a", "Byte"), ("b", "UInt16"), ("c", "Float32")):
        make_raster(str(source / f"{name}.tif"), 900, 700, 2, dtype)
    whole = Path(make_raster(str(tmp_path / "whole.tif"), 1500, 1500, 3, "UInt16"))
    (source / "broken.tif").write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    (source / "a.tif.aux.xml").write_text("<PAMDataset/>")
    (source / "readme.txt").write_text("not a raster")
    return source


def test_a_folder_lists_its_rasters_but_not_sidecars_or_text(folder):
    assert [Path(p).name for p in list_rasters(str(folder))] == ["a.tif", "b.tif", "broken.tif", "c.tif"]


def test_one_failing_file_is_reported_and_the_others_are_converted(folder, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    done = []
    result = convert_batch(str(folder), str(out), "generic", pattern="{stem}_{profile}.tif", on_item=done.append)
    assert sorted(Path(p).name for p in result.outputs) == ["a_generic.tif", "b_generic.tif", "c_generic.tif"]
    assert [Path(item.source).name for item in result.failed] == ["broken.tif"]
    assert result.failed[0].error.what == "Converting broken.tif to COG failed."
    assert len(done) == 4
    # Only finished COGs in the output folder: no temporary or partial file of the broken one.
    assert sorted(p.name for p in out.iterdir()) == ["a_generic.tif", "b_generic.tif", "c_generic.tif"]
    for item in result.succeeded:
        source, output = gdal.Open(item.source), gdal.Open(item.destination)
        assert np.array_equal(source.ReadAsArray(), output.ReadAsArray(), equal_nan=True)


def test_each_file_reports_its_own_progress_in_whole_percents(folder, tmp_path):
    reports = []
    progress = Progress(on_item_fraction=lambda index, fraction: reports.append((index, fraction)))
    sources = [str(folder / name) for name in ("a.tif", "broken.tif", "c.tif")]
    convert_batch(sources, str(tmp_path / "out"), "generic", progress=progress, max_workers=1)
    for index in range(3):
        own = [fraction for i, fraction in reports if i == index]
        assert own[-1] == 1.0, index  # the failing file's bar ends too
        assert own == sorted(set(own)) and all(abs(f * 100 - round(f * 100)) < 1e-9 for f in own)
    assert len([1 for i, _ in reports if i == 0]) <= 101  # not one report per GDAL callback


def test_a_list_of_files_with_split_bands(folder, tmp_path):
    out = tmp_path / "bands"
    out.mkdir()
    sources = [str(folder / "a.tif"), str(folder / "b.tif")]
    result = convert_batch(sources, str(out), "byoc", ConversionOptions(split_bands=True), pattern="{stem}_(BAND).tif")
    assert sorted(p.name for p in out.iterdir()) == ["a_B01.tif", "a_B02.tif", "b_B01.tif", "b_B02.tif"]
    assert result.failed == []


def test_two_sources_writing_the_same_output_name_are_caught(tmp_path):
    make_raster(str(tmp_path / "x.tif"), 100, 100)
    gdal.Translate(str(tmp_path / "x.img"), str(tmp_path / "x.tif"), format="HFA")
    out = tmp_path / "out"
    out.mkdir()
    result = convert_batch([str(tmp_path / "x.tif"), str(tmp_path / "x.img")], str(out))
    assert [Path(item.source).name for item in result.succeeded] == ["x.tif"]
    assert "would both be written to x.tif" in result.failed[0].error.what
    assert "{name}" in result.failed[0].error.check


def test_a_bad_name_pattern_is_explained(folder, tmp_path):
    with pytest.raises(ConversionError, match="pattern '{band}.tif' is not valid"):
        plan_batch(str(folder), str(tmp_path), "{band}.tif")


def test_parallel_workers_stay_within_cores_and_memory():
    gib = 1024**3
    assert batch_workers(10, cpu_count=2, available_memory=16 * gib) == 2
    assert batch_workers(10, cpu_count=8, available_memory=1 * gib) == 2
    assert batch_workers(1, cpu_count=8, available_memory=16 * gib) == 1
    assert batch_workers(5, cpu_count=8, available_memory=100) == 1


def test_cancelling_a_batch_leaves_no_partial_file(folder, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    progress = Progress()
    progress._on_fraction = lambda f: progress.cancel() if f > 0.05 else None
    with pytest.raises(CancelledError):
        convert_batch(
            [str(folder / n) for n in ("a.tif", "b.tif", "c.tif")], str(out), progress=progress, max_workers=1
        )
    # A file finished before the cancel may stay; nothing partial or temporary does.
    leftovers = [p.name for p in out.iterdir()]
    assert all(not name.startswith(".") for name in leftovers)
    assert len(leftovers) < 3
    for name in leftovers:
        assert gdal.Open(str(out / name)) is not None
