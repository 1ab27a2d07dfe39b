"""The plugins.qgis.org security scan passes on the packaged ZIP's content, as the site runs it on upload:
bandit finds nothing of medium severity or worse, detect-secrets nothing."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def unpacked(tmp_path_factory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "package.py"), "--dist", str(dist)], check=True, capture_output=True
    )
    (archive,) = dist.glob("cogport-*.zip")
    with zipfile.ZipFile(archive) as bundle:
        bundle.extractall(dist / "unpacked")
    return dist / "unpacked" / "cogport"


def _run(tool: str, folder: Path, *args: str) -> subprocess.CompletedProcess:
    executable = Path(sys.executable).parent / tool  # the venv's console script
    return subprocess.run([str(executable), *args], cwd=folder, capture_output=True, text=True, check=False)


def test_bandit_finds_no_medium_or_high_issue(unpacked):
    result = _run("bandit", unpacked, "-q", "-r", ".", "-ll", "-f", "json")
    report = json.loads(result.stdout)
    assert report["metrics"]["_totals"]["loc"] > 1000, "bandit scanned next to nothing"
    assert [f"{r['filename']}:{r['line_number']} {r['test_id']} {r['issue_text']}" for r in report["results"]] == []


def test_detect_secrets_finds_nothing_in_the_zip(unpacked):
    result = _run("detect-secrets", unpacked, "scan", "--all-files", ".")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["results"] == {}
