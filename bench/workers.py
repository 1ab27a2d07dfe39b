"""What the benchmarks share: each measured side runs in its own cold process and prints one JSON result."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Sequence

ROOT = Path(__file__).resolve().parents[1]
RESULT = "RESULT "


def in_worker(module: str, args: Sequence[str], timeout: float) -> object:
    """Runs `python -m bench.<module> worker <args…>` headless and returns what it reported."""
    env = dict(os.environ, PYTHONPATH=str(ROOT / ".build" / "import"), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-m", f"bench.{module}", "worker", *args],
        check=False,
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    for line in done.stdout.splitlines():
        if line.startswith(RESULT):
            return json.loads(line[len(RESULT) :])
    raise RuntimeError(f"{module} worker {' '.join(args[:2])} failed: {done.stderr[-2000:]}")


def report(result: object) -> None:
    """The worker's answer to in_worker; then out at once (QGIS's exit can crash headless after GDAL reads)."""
    print(RESULT + json.dumps(result), flush=True)
    os._exit(0)
