"""Upload of a 2 GB file to the local object store (S3 API) against `aws s3 cp`, in the same run.

Peer: awscli (pinned in requirements-bench.txt, installed in .venv-bench by `make bench`),
path-style, us-east-1, credentials test:tester / testing, default transfer settings.
Also measured: GDAL 3.6's own /vsis3/ writer (parts one after the other), which is what
Cogport would do without its multipart client.
Each upload runs in its own process; its peak memory is that process's maximum RSS (wait4).
Targets: throughput ratio Cogport/awscli >= 0.8; Cogport's peak memory <= 256 MB.
Set COGPORT_BENCH_UPLOAD_MB to try another size.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import List

BUCKET = "bench-upload"
TARGET_RATIO = 0.8
TARGET_RSS_MB = 256
ROOT = Path(__file__).resolve().parents[1]
AWS = ROOT / ".venv-bench" / "bin" / "aws"


@dataclass
class Measure:
    name: str
    seconds: float
    peak_rss_mb: float
    size: int

    @property
    def rate(self) -> float:
        return self.size / self.seconds / 1e6


# Linux keeps a process's pre-exec peak in ru_maxrss, so a child forked from this (large) process
# would report at least our size. A tiny launcher forks the measured command instead.
LAUNCHER = """
import os, sys
pid = os.fork()
if pid == 0:
    os.execvpe(sys.argv[1], sys.argv[1:], os.environ)
_pid, status, usage = os.wait4(pid, 0)
print("MAXRSS_KB", usage.ru_maxrss, flush=True)
sys.exit(os.waitstatus_to_exitcode(status))
"""


def _run(argv: List[str], env: dict) -> Measure:
    started = time.perf_counter()
    done = subprocess.run(
        ["/usr/bin/python3", "-S", "-c", LAUNCHER, *argv],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"{argv[0]} failed ({done.returncode}): {(done.stdout + done.stderr)[-2000:]}")
    peak_kb = int(done.stdout.rsplit("MAXRSS_KB", 1)[1].split()[0])
    return Measure("", elapsed, peak_kb / 1024, 0)


def _worker(endpoint: str, source: str, key: str, engine: str) -> None:
    """Runs in the measured child process: one upload, nothing else."""
    from osgeo import gdal

    from cogport.plugin.core.storage.gdal_config import SCOPED_OPTIONS
    from cogport.plugin.core.storage.upload import IfExists, upload_file
    from cogport.tests.support.objectstore import TEST
    from cogport.tests.support.stores import s3_connection

    gdal.UseExceptions()
    server = type("Server", (), {"endpoint": endpoint})()
    connection, credentials = s3_connection(server, TEST)
    if engine == "cogport":
        upload_file(source, f"s3://{BUCKET}/{key}", connection, credentials, if_exists=IfExists.OVERWRITE)
    else:  # GDAL's writer, reached by uploading without a connection (GDAL options scoped to the bucket)
        SCOPED_OPTIONS.apply(connection, credentials, BUCKET)
        upload_file(source, f"/vsis3/{BUCKET}/{key}", if_exists=IfExists.OVERWRITE)


def run(args=None) -> str:
    from cogport.plugin.core.storage.probe import s3_api_for
    from cogport.tests.support.objectstore import SwiftServer
    from cogport.tests.support.stores import create_bucket, s3_connection

    if not AWS.exists():
        raise RuntimeError("awscli is missing: run `make bench`, which installs it in .venv-bench")
    size = int(os.environ.get("COGPORT_BENCH_UPLOAD_MB", "2048")) * 1024 * 1024
    workdir = Path(tempfile.mkdtemp(prefix="cogport-bench-upload-"))
    server = SwiftServer.start_temporary(workdir / "swift")
    try:
        connection, credentials = s3_connection(server)
        create_bucket(connection, credentials, BUCKET)
        api = s3_api_for(connection, credentials)
        source = workdir / "big.tif"
        with open(source, "wb") as stream:  # sparse: instant to make, no disk used until read
            stream.truncate(size)
        env = {**os.environ, "PYTHONPATH": str(ROOT / ".build" / "import")}
        aws_dir = workdir / "aws"
        aws_dir.mkdir()
        (aws_dir / "config").write_text("[default]\nregion = us-east-1\ns3 =\n    addressing_style = path\n")
        aws_env = {
            **os.environ,
            "AWS_CONFIG_FILE": str(aws_dir / "config"),
            "AWS_SHARED_CREDENTIALS_FILE": str(aws_dir / "credentials"),
            "AWS_ACCESS_KEY_ID": "test:tester",
            "AWS_SECRET_ACCESS_KEY": "testing",
            # botocore's default CRC trailers (aws-chunked) are newer than Swift 2.30's s3api.
            "AWS_REQUEST_CHECKSUM_CALCULATION": "when_required",
            "AWS_RESPONSE_CHECKSUM_VALIDATION": "when_required",
        }
        runs = [
            (
                "Cogport (S3 multipart, 16 MiB parts, 4 in flight)",
                [
                    sys.executable,
                    "-m",
                    "bench.upload",
                    "worker",
                    server.endpoint,
                    str(source),
                    "cogport.tif",
                    "cogport",
                ],
                env,
                "cogport.tif",
            ),
            (
                "aws s3 cp (awscli 1.46.2, defaults)",
                [
                    str(AWS),
                    "--endpoint-url",
                    f"http://{server.endpoint}",
                    "s3",
                    "cp",
                    str(source),
                    f"s3://{BUCKET}/aws.tif",
                    "--no-progress",
                    "--only-show-errors",
                ],
                aws_env,
                "aws.tif",
            ),
            (
                "GDAL 3.6 /vsis3/ writer (sequential parts)",
                [sys.executable, "-m", "bench.upload", "worker", server.endpoint, str(source), "gdal.tif", "gdal"],
                env,
                "gdal.tif",
            ),
        ]
        measures = []
        for name, argv, run_env, key in runs:
            measure = _run(argv, run_env)
            measure.name, measure.size = name, size
            head = api.request("HEAD", BUCKET, key)
            if int(head.headers.get("Content-Length", "-1")) != size:
                raise RuntimeError(f"{name}: the stored object has the wrong size")
            api.request("DELETE", BUCKET, key)  # Swift keeps objects on this disk: free it before the next run
            measures.append(measure)
    finally:
        server.stop(purge=True)
        shutil.rmtree(workdir, ignore_errors=True)
    cogport, aws, gdal_writer = measures
    ratio = cogport.rate / aws.rate
    lines = [
        f"Upload of a {size / 1024**3:.1f} GiB file to the local Swift server's S3 API (one run each, same server).",
        "",
        "| uploader | seconds | MB/s | peak RSS (MB) |",
        "|---|---|---|---|",
    ]
    lines += [f"| {m.name} | {m.seconds:.1f} | {m.rate:.0f} | {m.peak_rss_mb:.0f} |" for m in measures]
    lines += [
        "",
        "| measure | value | target | met |",
        "|---|---|---|---|",
        f"| throughput ratio Cogport / awscli | {ratio:.2f} | >= {TARGET_RATIO} | "
        f"{'yes' if ratio >= TARGET_RATIO else 'NO'} |",
        f"| Cogport peak memory | {cogport.peak_rss_mb:.0f} MB | <= {TARGET_RSS_MB} MB | "
        f"{'yes' if cogport.peak_rss_mb <= TARGET_RSS_MB else 'NO'} |",
        f"| GDAL writer / Cogport throughput | {gdal_writer.rate / cogport.rate:.2f} | "
        "(why multipart is hand-written) | |",
    ]
    return "\n".join(lines)


if __name__ == "__main__" and len(sys.argv) == 6 and sys.argv[1] == "worker":
    _worker(*sys.argv[2:])
