"""What runs inside Dask workers. Imports only the standard library at module level, so the GDAL probe
can run (and say what is missing) on a worker that has no GDAL at all."""

from __future__ import annotations

import platform
import threading
import time
from typing import Any, Dict, Optional, Set

from ..i18n import tr  # standard library only, like this module

SECRETS_VARIABLE = "cogport-secrets-{job}"  # pragma: allowlist secret - a Dask variable name
CANCEL_EVENT = "cogport-cancel-{job}"
PROGRESS_TOPIC = "cogport-progress-{job}"
CANCEL_CHECK_SECONDS = 0.5  # asking the scheduler costs a round trip; GDAL calls back far more often
STEP_EVENT_SECONDS = 1.0  # at most one progress event per item and second, besides step changes

# Dask starts workers with MALLOC_TRIM_THRESHOLD_=65536, which also freezes glibc's mmap threshold at 128 KiB:
# every tile buffer GDAL allocates while converting is then mapped and unmapped (or trimmed) again, and a
# worker spent 15 times the system time of the same items in a plain process (measured: 4.8 s against 0.3 s
# for six 2000×2000×3 scenes; only raising both thresholds brought it back). Both are raised once per worker
# process: up to 64 MiB per malloc arena stays mapped instead of going back to the OS at once.
MMAP_THRESHOLD = 32 * 1024 * 1024
TRIM_THRESHOLD = 64 * 1024 * 1024
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3

_jobs_lock = threading.Lock()
_job_credentials: Dict[str, Any] = {}
_forgotten: Set[str] = set()  # jobs that ended: a late item of theirs runs nothing and leaves nothing
_malloc_tuned = threading.Event()


def probe() -> Dict[str, Any]:
    """This worker's Python and GDAL, or why GDAL cannot be used here."""
    found: Dict[str, Any] = {"python": platform.python_version(), "host": platform.node()}
    try:
        import requests  # noqa: F401 - the uploads and services need it
        from osgeo import gdal
    except ImportError as exc:
        found["error"] = f"{type(exc).__name__}: {exc}"
        return found
    try:
        from . import item  # noqa: F401 - the shipped chain imports here (and is warm for the first item)
    except ImportError as exc:
        found["error"] = tr("the shipped Cogport core does not import: {error}").format(
            error=f"{type(exc).__name__}: {exc}"
        )
        return found
    found["gdal"] = gdal.VersionInfo("RELEASE_NAME")
    found["gdal_num"] = int(gdal.VersionInfo("VERSION_NUM"))
    found["cog_driver"] = gdal.GetDriverByName("COG") is not None
    return found


def publish(task: Any, job_id: str) -> Any:
    """Runs one item with the job's credentials, reporting steps as worker events and watching for cancel."""
    from distributed import Event, get_worker

    from .item import ItemReport, publish_item

    _tune_malloc()
    worker = get_worker()
    topic = PROGRESS_TOPIC.format(job=job_id)
    last_sent: Dict[str, Any] = {"at": 0.0, "step": ""}

    def on_step(index: int, step: str, fraction: float) -> None:
        now = time.monotonic()
        if step == last_sent["step"] and now - last_sent["at"] < STEP_EVENT_SECONDS:
            return
        last_sent.update(at=now, step=step)
        worker.log_event(topic, {"index": index, "step": step, "fraction": fraction})

    if job_id in _forgotten:  # the job ended before this item started
        report = ItemReport(task.index, cancelled=True)
    else:
        cancel = _cancel_probe(Event(CANCEL_EVENT.format(job=job_id)))
        report = publish_item(task, _credentials(job_id), cancel, on_step)
    report.worker = worker.address
    if job_id in _forgotten and task.connection is not None:
        _withdraw(task.connection.name)  # an item that outlived its job takes the credentials it applied away
    return report


def forget(job_id: str, connection_name: str) -> int:
    """Drops the job's credentials from this worker: its GDAL options and the cached secrets."""
    with _jobs_lock:
        _job_credentials.pop(job_id, None)
        _forgotten.add(job_id)
    _withdraw(scoped_name(connection_name, job_id))
    return 0


def _withdraw(scoped_connection_name: str) -> None:
    from ..storage.gdal_config import SCOPED_OPTIONS

    SCOPED_OPTIONS.withdraw(scoped_connection_name)


def scoped_name(connection_name: str, job_id: str) -> str:
    """The connection name a job's GDAL options carry on workers, so `forget` withdraws exactly those."""
    return f"{connection_name} (job {job_id})"


def _tune_malloc() -> None:
    if _malloc_tuned.is_set():
        return
    _malloc_tuned.set()
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD)
        libc.mallopt(_M_TRIM_THRESHOLD, TRIM_THRESHOLD)
    except (OSError, AttributeError):
        pass  # not glibc (macOS, Windows, musl): nothing of the kind to undo


def _credentials(job_id: str) -> Optional[Any]:
    """Fetched from the scheduler once per worker process and job, never passed as a task argument."""
    from distributed import Variable

    from ..storage.connection import Credentials

    with _jobs_lock:
        if job_id in _job_credentials:
            return _job_credentials[job_id]
    # Fetched outside the lock: the fetch needs the worker's event loop, which `forget` may be holding.
    secrets = Variable(SECRETS_VARIABLE.format(job=job_id)).get(timeout=30)
    credentials = Credentials.from_secrets(secrets) if secrets else None
    with _jobs_lock:
        _job_credentials[job_id] = credentials
    return credentials


def _cancel_probe(event: Any) -> Any:
    state = {"checked": 0.0, "set": False}

    def cancelled() -> bool:
        now = time.monotonic()
        if not state["set"] and now - state["checked"] >= CANCEL_CHECK_SECONDS:
            state["checked"] = now
            state["set"] = bool(event.is_set())
        return bool(state["set"])

    return cancelled
