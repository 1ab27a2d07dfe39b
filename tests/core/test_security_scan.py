"""The plugins.qgis.org security scan passes: bandit finds nothing of medium severity or worse, detect-secrets nothing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ["__init__.py", "plugin"]


def _run(tool: str, *args: str) -> subprocess.CompletedProcess:
    executable = Path(sys.executable).parent / tool  # the venv's console script
    return subprocess.run([str(executable), *args], cwd=ROOT, capture_output=True, text=True, check=False)


def test_bandit_finds_no_medium_or_high_issue():
    result = _run("bandit", "-q", "-r", *SHIPPED, "-ll", "-f", "json")
    report = json.loads(result.stdout)
    assert [f"{r['filename']}:{r['line_number']} {r['test_id']} {r['issue_text']}" for r in report["results"]] == []


def test_detect_secrets_finds_nothing_in_the_shipped_code():
    result = _run("detect-secrets", "scan", *SHIPPED, "metadata.txt", "ui")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["results"] == {}
