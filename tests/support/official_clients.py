"""Runs the official clients' drivers (tests/support/clients/) in their own venv, .venv-clients.

The venv is made by `make clients` (which `make test` runs) from requirements-clients.txt, so that
sentinelhub-py and earthengine-api never enter the plugin's runtime; a driver reads a JSON plan on
stdin and prints what the client returned.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path
from typing import Any, Dict, Mapping, Optional

import pytest

ROOT = Path(__file__).resolve().parents[2]
CLIENTS_PYTHON = ROOT / ".venv-clients" / "bin" / "python"
DRIVERS = Path(__file__).resolve().parent / "clients"


def pinned_versions() -> Dict[str, str]:
    """`name==version` lines of requirements-clients.txt, as {name: "name==version"}."""
    text = (ROOT / "requirements-clients.txt").read_text(encoding="utf-8")
    return {match.group(1): match.group(0) for match in re.finditer(r"^([\w.-]+)==\S+", text, re.MULTILINE)}


def run_driver(client: str, plan: Mapping[str, Any], env: Optional[Mapping[str, str]] = None) -> Dict[str, Any]:
    """The JSON the driver for `client` printed; it must run the version pinned in requirements-clients.txt."""
    if not CLIENTS_PYTHON.exists():
        pytest.fail(f"{CLIENTS_PYTHON} is missing: run `make clients` (`make test` does it first).")
    completed = subprocess.run(
        [str(CLIENTS_PYTHON), str(DRIVERS / f"{client.replace('-', '_')}_driver.py")],
        input=json.dumps(plan),
        capture_output=True,
        text=True,
        timeout=120,
        # Only what a process needs: no proxy, EE_CLOUD_API_VERSION or SH_* of the developer's reaches the client.
        env={**{key: os.environ[key] for key in ("PATH", "HOME", "LANG") if key in os.environ}, **(env or {})},
        check=False,  # a failure is reported with the driver's stderr below
    )
    assert completed.returncode == 0, f"the {client} driver failed:\n{completed.stderr[-4000:]}"
    output = json.loads(completed.stdout)
    assert output["client"] == pinned_versions()[client], "stale .venv-clients: run `make clients`"
    return output
