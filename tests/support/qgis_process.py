"""Headless runs of Cogport's algorithms through qgis_process, with Cogport from this checkout in a fresh profile."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Dict, Mapping

IMPORT_ROOT = Path(__file__).resolve().parents[2] / ".build" / "import"


def qgis_process_command() -> str:
    # Debian's qgis_process wrapper adds --noversioncheck (from /etc/default/qgis), which 3.22 rejects.
    return shutil.which("qgis_process.bin") or shutil.which("qgis_process") or ""


def headless_profile(profile: Path, environ: Mapping[str, str] = os.environ) -> Dict[str, str]:
    """The environment of a qgis_process run in `profile`, with the cogport plugin enabled there."""
    env = dict(
        environ, QT_QPA_PLATFORM="offscreen", QGIS_PLUGINPATH=str(IMPORT_ROOT), QGIS_CUSTOM_CONFIG_PATH=str(profile)
    )
    enabled = subprocess.run(
        [qgis_process_command(), "plugins", "enable", "cogport"],
        check=False,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert enabled.returncode == 0, enabled.stderr
    return env


def run_algorithm(algorithm: str, parameters: Mapping[str, object], env: Mapping[str, str]) -> dict:
    """`qgis_process run <algorithm> --json -- KEY=value…`; the JSON answer, after asserting success."""
    arguments = [f"{key}={value}" for key, value in parameters.items()]
    run = subprocess.run(
        [qgis_process_command(), "run", algorithm, "--json", "--", *arguments],
        check=False,
        env=dict(env),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    answer = json.loads(run.stdout[run.stdout.index("{") :])
    answer["output_text"] = run.stdout + run.stderr
    return answer
