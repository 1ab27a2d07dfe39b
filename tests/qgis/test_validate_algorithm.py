"""`cogport:validate_cog` through processing.run, as in the toolbox, models and qgis_process."""

from __future__ import annotations

import json

import pytest
from qgis.core import QgsApplication, QgsProcessingFeedback

from cogport.tests.support.tiff_corpus import cog, gtiff, source


class RecordingFeedback(QgsProcessingFeedback):
    def __init__(self) -> None:
        super().__init__()
        self.errors, self.warnings, self.infos = [], [], []

    def reportError(self, error, fatalError=False):
        self.errors.append(error)

    def pushWarning(self, warning):
        self.warnings.append(warning)

    def pushInfo(self, info):
        self.infos.append(info)


def test_profile_enum_order_and_outputs(cogport_provider):
    algorithm = QgsApplication.processingRegistry().algorithmById("cogport:validate_cog")
    assert algorithm.parameterDefinition("PROFILE").options() == ["generic", "earthengine", "byoc", "web"]
    assert (
        algorithm.parameterDefinition("OUTPUT_REPORT").flags()
        & algorithm.parameterDefinition("OUTPUT_REPORT").FlagOptional
    )
    assert {o.name() for o in algorithm.outputDefinitions()} >= {"VALID", "ERRORS", "WARNINGS", "OUTPUT_REPORT"}


def test_striped_file_is_invalid_and_the_report_file_holds_the_findings(cogport_provider, tmp_path):
    import processing

    tif = tmp_path / "striped.tif"
    gtiff(tif, source(1500, 1100), "COMPRESS=DEFLATE")
    report_path = tmp_path / "out" / "report.json"
    report_path.parent.mkdir()
    feedback = RecordingFeedback()
    result = processing.run(
        "cogport:validate_cog", {"INPUT": str(tif), "PROFILE": 2, "OUTPUT_REPORT": str(report_path)}, feedback=feedback
    )
    assert result["VALID"] is False
    assert result["ERRORS"] == 1 and result["WARNINGS"] == 1
    data = json.loads(report_path.read_text())
    assert data["profile"] == "byoc" and data["valid"] is False
    assert [f["code"] for f in data["findings"]] == ["NOT_TILED", "NO_OVERVIEWS"]
    assert any("NOT_TILED" in e and "Fix:" in e for e in feedback.errors)
    assert any("NO_OVERVIEWS" in w for w in feedback.warnings)
    assert [p.name for p in report_path.parent.iterdir()] == ["report.json"]  # no temporary left behind


def test_valid_cog_without_report(cogport_provider, tmp_path):
    import processing

    tif = tmp_path / "good.tif"
    cog(tif, source())
    result = processing.run("cogport:validate_cog", {"INPUT": str(tif), "PROFILE": 0})
    assert result["VALID"] is True and result["ERRORS"] == 0 and result["WARNINGS"] == 0
    assert not result.get("OUTPUT_REPORT")


def test_missing_file_fails_with_the_core_message(cogport_provider, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="does not exist"):
        processing.run("cogport:validate_cog", {"INPUT": str(tmp_path / "gone.tif"), "PROFILE": 0})


def test_not_a_tiff_is_a_finding_not_a_failure(cogport_provider, tmp_path):
    import processing

    bad = tmp_path / "bad.tif"
    bad.write_text("hello")
    result = processing.run("cogport:validate_cog", {"INPUT": str(bad), "PROFILE": 3})
    assert result["VALID"] is False and result["ERRORS"] == 1
