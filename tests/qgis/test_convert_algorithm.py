"""`cogport:convert_to_cog` through processing.run and headless through qgis_process."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest
from osgeo import gdal
from osgeo_utils.samples import validate_cloud_optimized_geotiff as gdal_validator
from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback, QgsProject

from cogport.tests.support.qgis_process import headless_profile, qgis_process_command, run_algorithm
from cogport.tests.support.rasters import make_raster

IMPORT_ROOT = Path(__file__).resolve().parents[2] / ".build" / "import"


@pytest.fixture
def source(tmp_path) -> str:
    return make_raster(str(tmp_path / "scene.tif"), 1200, 800, 3, "UInt16")


def test_parameters_match_the_documented_interface(cogport_provider):
    algorithm = QgsApplication.processingRegistry().algorithmById("cogport:convert_to_cog")
    names = [p.name() for p in algorithm.parameterDefinitions()]
    assert names == ["INPUT", "PROFILE", "COMPRESS", "BLOCKSIZE", "SPLIT_BANDS", "OUTPUT"]
    assert algorithm.parameterDefinition("PROFILE").options() == ["generic", "earthengine", "byoc", "web"]
    assert algorithm.parameterDefinition("COMPRESS").flags() & algorithm.parameterDefinition("COMPRESS").FlagOptional
    assert algorithm.parameterDefinition("BLOCKSIZE").defaultValue() == 0
    assert "SPLIT_BANDS" in algorithm.shortHelpString() and "_B01.tif" in algorithm.shortHelpString()


def test_converts_a_file_with_profile_and_overrides(cogport_provider, source, tmp_path):
    import processing

    output = str(tmp_path / "out" / "scene_cog.tif")
    os.makedirs(os.path.dirname(output))
    result = processing.run(
        "cogport:convert_to_cog",
        {
            "INPUT": source,
            "PROFILE": 1,
            "COMPRESS": "deflate",
            "BLOCKSIZE": 256,
            "SPLIT_BANDS": False,
            "OUTPUT": output,
        },
    )
    assert result["OUTPUT"] == output
    dataset = gdal.Open(output)
    assert dataset.GetRasterBand(1).GetBlockSize() == [256, 256]
    assert dataset.GetMetadata("IMAGE_STRUCTURE")["COMPRESSION"] == "DEFLATE"
    assert dataset.GetMetadata("IMAGE_STRUCTURE")["INTERLEAVE"] == "BAND"
    assert gdal_validator.validate(output, full_check=True)[1] == []
    assert np.array_equal(gdal.Open(source).ReadAsArray(), dataset.ReadAsArray())


def test_split_bands_writes_band_files_beside_output_and_loads_them(cogport_provider, source, tmp_path):
    import processing

    output = str(tmp_path / "bands.tif")
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    algorithm = QgsApplication.processingRegistry().algorithmById("cogport:convert_to_cog")
    parameters = {"INPUT": source, "PROFILE": 2, "SPLIT_BANDS": True, "OUTPUT": output}
    context.addLayerToLoadOnCompletion(
        output, QgsProcessingContext.LayerDetails("bands", QgsProject.instance(), "OUTPUT")
    )
    result = processing.run(algorithm, parameters, context=context, feedback=QgsProcessingFeedback())
    expected = [str(tmp_path / f"bands_B0{band}.tif") for band in (1, 2, 3)]
    assert result["OUTPUTS"] == expected
    assert result["OUTPUT"] == expected[0]
    assert not os.path.exists(output)
    assert sorted(context.layersToLoadOnCompletion()) == expected


def test_a_broken_input_fails_with_the_cogport_message(cogport_provider, tmp_path):
    import processing

    whole = Path(make_raster(str(tmp_path / "whole.tif"), 1500, 1500, 3, "UInt16"))
    cut = tmp_path / "cut.tif"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    with pytest.raises(QgsProcessingException, match="Converting cut.tif to COG failed"):
        processing.run("cogport:convert_to_cog", {"INPUT": str(cut), "PROFILE": 0, "OUTPUT": str(tmp_path / "o.tif")})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cut.tif", "whole.tif"]


def test_an_existing_text_file_is_not_a_raster_rather_than_not_found(cogport_provider, tmp_path):
    import processing

    notes = tmp_path / "notes.txt"
    notes.write_text("field notes, not pixels")
    with pytest.raises(QgsProcessingException) as info:
        processing.run("cogport:convert_to_cog", {"INPUT": str(notes), "OUTPUT": str(tmp_path / "o.tif")})
    assert "notes.txt is not a raster GDAL can read." in str(info.value) and "not found" not in str(info.value)
    with pytest.raises(QgsProcessingException, match="not found"):  # a missing file still says so
        processing.run(
            "cogport:convert_to_cog", {"INPUT": str(tmp_path / "gone.tif"), "OUTPUT": str(tmp_path / "o.tif")}
        )


def test_a_forbidden_override_is_refused(cogport_provider, source, tmp_path):
    import processing

    with pytest.raises(QgsProcessingException, match="JPEG compression is not accepted"):
        processing.run(
            "cogport:convert_to_cog",
            {"INPUT": source, "PROFILE": 2, "COMPRESS": "JPEG", "OUTPUT": str(tmp_path / "o.tif")},
        )


@pytest.mark.skipif(not qgis_process_command(), reason="qgis_process is not installed")
def test_runs_headless_with_qgis_process(source, tmp_path):
    env = headless_profile(tmp_path / "profile")
    output = tmp_path / "headless.tif"
    parameters = {"INPUT": source, "PROFILE": "byoc", "COMPRESS": "", "BLOCKSIZE": 512, "SPLIT_BANDS": "false"}
    answer = run_algorithm("cogport:convert_to_cog", {**parameters, "OUTPUT": output}, env)
    assert answer["results"]["OUTPUT"] == str(output)
    dataset = gdal.Open(str(output))
    assert dataset.GetRasterBand(1).GetBlockSize() == [512, 512]
    assert dataset.GetMetadata("IMAGE_STRUCTURE")["COMPRESSION"] == "DEFLATE"
    assert gdal_validator.validate(str(output), full_check=True)[1] == []
