"""The packaged ZIP installs as the Plugin Manager installs it, and works from there in QGIS and qgis_process."""

from __future__ import annotations

import configparser
import json
import os
import shutil
import signal
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from osgeo import gdal

from cogport.tests.support.qgis_process import qgis_process_command, run_algorithm

ROOT = Path(__file__).resolve().parents[2]
PROBE = ROOT / "tests" / "support" / "installed_plugin_probe.py"
RUN_TIME_TOP_LEVEL = {"metadata.txt", "__init__.py", "LICENSE", "plugin", "ui", "resources"}


@pytest.fixture(scope="module")
def package(tmp_path_factory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "package.py"), "--dist", str(dist)], check=True, capture_output=True
    )
    (archive,) = dist.glob("cogport-*.zip")
    return archive


@pytest.fixture(scope="module")
def profiles(package, tmp_path_factory) -> Path:
    """A fresh QGIS profiles folder whose default profile has the ZIP extracted into python/plugins, enabled."""
    root = tmp_path_factory.mktemp("qgis-profiles")
    profile = root / "profiles" / "default"
    with zipfile.ZipFile(package) as bundle:
        bundle.extractall(profile / "python" / "plugins")
    (profile / "QGIS").mkdir(parents=True)
    (profile / "QGIS" / "QGIS3.ini").write_text(
        "[PythonPlugins]\ncogport=true\n\n[qgis]\ncheckVersion=false\nallowVersionCheck=false\n"
    )
    return root


def _environment(profiles: Path) -> dict:
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "QGIS_PLUGINPATH")}
    env.update(QT_QPA_PLATFORM="offscreen", QGIS_CUSTOM_CONFIG_PATH=str(profiles))
    return env


def test_zip_holds_one_cogport_folder_with_only_run_time_files(package):
    with zipfile.ZipFile(package) as bundle:
        names = bundle.namelist()
    assert {name.split("/")[0] for name in names} == {"cogport"}
    assert {name.split("/")[1] for name in names} == RUN_TIME_TOP_LEVEL
    assert not [name for name in names if "__pycache__" in name or name.endswith((".pyc", ".ts"))]


def test_zip_metadata_is_ready_for_the_plugin_manager(package):
    with zipfile.ZipFile(package) as bundle:
        metadata = bundle.read("cogport/metadata.txt").decode("utf-8")
    general = configparser.ConfigParser(interpolation=None)
    general.read_string(metadata)
    fields = general["general"]
    assert package.name == f"cogport-{fields['version']}.zip"
    assert fields["qgisMinimumVersion"] == "3.22" and fields["qgisMaximumVersion"] == "4.99"
    assert fields["changelog"].strip().startswith(fields["version"])


def test_installed_plugin_adds_its_docks_menu_and_provider(profiles, tmp_path):
    qgis, xvfb_run = shutil.which("qgis"), shutil.which("xvfb-run")
    if qgis is None or xvfb_run is None:
        pytest.skip("the qgis application or xvfb-run is not installed")
    report_path = tmp_path / "report.json"
    env = dict(_environment(profiles), COGPORT_PROBE_REPORT=str(report_path))
    env.pop("QT_QPA_PLATFORM")  # the QGIS application refuses to start without a display: it gets Xvfb's
    qgis_run = subprocess.Popen(
        [xvfb_run, "-a", qgis, "--profiles-path", str(profiles), "--nologo", "--noversioncheck", "--code", str(PROBE)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        output, _ = qgis_run.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        os.killpg(qgis_run.pid, signal.SIGKILL)
        output, _ = qgis_run.communicate()
        pytest.fail("QGIS did not quit: a Python error dialog is most likely open. QGIS printed:\n" + output)
    assert report_path.exists(), output
    report = json.loads(report_path.read_text())
    assert report["loaded_from"] == str(
        profiles / "profiles" / "default" / "python" / "plugins" / "cogport" / "__init__.py"
    )
    assert "Cogport buckets" in report["docks"]
    assert {"Cogport buckets", "Convert to COG…", "Validate COG…", "Publish to bucket…"} <= set(report["menu"])
    assert {"cogport:convert_to_cog", "cogport:validate_cog", "cogport:upload"} <= set(report["algorithms"])


@pytest.mark.skipif(not qgis_process_command(), reason="qgis_process is not installed")
def test_installed_plugin_runs_an_algorithm_through_qgis_process(profiles, tmp_path):
    source = tmp_path / "tiny.tif"
    gdal.Translate(str(source), gdal.GetDriverByName("MEM").Create("", 64, 64, 1), format="COG")
    # The profile enables the plugin as the Plugin Manager does; qgis_process reads the same setting.
    answer = run_algorithm("cogport:validate_cog", {"INPUT": source}, _environment(profiles))
    assert answer["algorithm_details"]["id"] == "cogport:validate_cog"
    assert answer["results"]["VALID"] is True
