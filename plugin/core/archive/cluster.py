"""Running a job's items on a Dask cluster given by its scheduler address.

`dask.distributed` is imported only here and only when a cluster is chosen.

How workers get Cogport: the job ships it. Before the first item, the core (plugin/core, pure Python)
is zipped and sent with `Client.upload_file`, which Dask also hands to workers that join or restart
later. Workers need only Python 3.9+, GDAL ≥ 3.6 with its Python bindings, `requests` and
`dask.distributed`, not Cogport itself, and always run the very code the driver runs.

Credentials: the storage secrets go to the scheduler once per job, as a Dask Variable named after the
job, and each worker process reads them once from there. They are never a task argument, so they are in
no task key, task spec, dashboard page or "compute failed" log line; workers apply them with GDAL
path-specific options under a job-scoped name and drop them when the job ends. Anyone who may connect to
the scheduler may run code on it and its workers anyway: the cluster is the trust boundary (use TLS, `tls://`
addresses, on a shared network).
"""

from __future__ import annotations

import hashlib
import logging
import queue
import tempfile
import time
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

from ..errors import CogportError
from ..i18n import tr
from ..storage.connection import Credentials
from . import on_worker
from .item import ItemReport, ItemTask, StepSink

LOG = logging.getLogger("cogport.archive")

GDAL_FLOOR = 3060000
DRAIN_SECONDS = 30.0  # after an early stop, how long running items get to see the cancel and clean up
GDAL_FLOOR_TEXT = "3.6"


class ClusterError(CogportError):
    """The cluster cannot take the job, or stopped answering during it."""


@dataclass(frozen=True)
class WorkerInfo:
    address: str
    threads: int
    memory: int  # bytes
    python: str = ""
    gdal: str = ""
    gdal_num: int = 0
    error: str = ""  # why GDAL cannot be used on this worker

    @property
    def text(self) -> str:
        memory = tr("{size} GiB").format(size=f"{self.memory / 2**30:.1f}") if self.memory else tr("no memory limit")
        gdal = f"GDAL {self.gdal}" if self.gdal else tr("no GDAL ({error})").format(error=self.error)
        threads = tr("1 thread") if self.threads == 1 else tr("{count} threads").format(count=self.threads)
        return tr("{address}: {threads}, {memory}, Python {python}, {gdal}").format(
            address=self.address, threads=threads, memory=memory, python=self.python, gdal=gdal
        )


@dataclass(frozen=True)
class ClusterReport:
    address: str
    dashboard: str
    workers: Tuple[WorkerInfo, ...]

    @property
    def threads(self) -> int:
        return sum(worker.threads for worker in self.workers)

    @property
    def summary(self) -> str:
        memory = sum(worker.memory for worker in self.workers) / 2**30
        return tr("{workers} workers, {threads} threads, {size} GiB").format(
            workers=len(self.workers), threads=self.threads, size=f"{memory:.1f}"
        )


def import_distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise ClusterError(
            tr("Sending a job to a Dask cluster needs the dask.distributed package."),
            tr(
                "that it is installed where QGIS runs: on Debian or Ubuntu `sudo apt install python3-distributed`, "
                "elsewhere `python3 -m pip install distributed` with the Python QGIS uses."
            ),
        ) from None
    return distributed


def connect(address: str, timeout: float = 10.0) -> Any:
    """A client of the scheduler, or a ClusterError saying what to check."""
    distributed = import_distributed()
    address = address.strip()
    if "://" not in address or not address.split("://", 1)[1]:
        raise ClusterError(
            tr("'{address}' is not a Dask scheduler address.").format(address=address),
            tr("the address: it looks like tcp://host:8786."),
        )
    try:
        return distributed.Client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterError(
            tr("Could not reach the Dask scheduler at {address}.").format(address=address),
            tr(
                "the address (tcp://host:8786), that the scheduler is running, and that this computer may reach "
                "that port (firewall, VPN)."
            ),
            detail=repr(exc),
        ) from None


def describe(client: Any, address: str, worker_timeout: float = 60.0) -> ClusterReport:
    """The workers with their threads, memory, Python and GDAL (after shipping Cogport's core to them)."""
    try:
        client.wait_for_workers(1, timeout=worker_timeout)
    except (OSError, TimeoutError) as exc:
        raise ClusterError(
            tr("The Dask scheduler at {address} has no workers.").format(address=address),
            tr("that workers are started and connected to it (with dask-jobqueue or dask-gateway, scale the cluster)."),
            detail=repr(exc),
        ) from None
    ship_core(client)
    probes = client.run(on_worker.probe)
    info = client.scheduler_info()
    workers = []
    for worker_address, details in sorted(info.get("workers", {}).items()):
        found = probes.get(worker_address, {"error": tr("did not answer the probe")})
        workers.append(
            WorkerInfo(
                worker_address,
                int(details.get("nthreads", 0)),
                int(details.get("memory_limit", 0) or 0),
                str(found.get("python", "")),
                str(found.get("gdal", "")),
                int(found.get("gdal_num", 0)),
                str(found.get("error", "")),
            )
        )
    return ClusterReport(address, _dashboard(client), tuple(workers))


def probe_cluster(address: str, timeout: float = 10.0, worker_timeout: float = 10.0) -> ClusterReport:
    """What the Test button reports: connects, probes every worker, closes."""
    client = connect(address, timeout)
    try:
        return describe(client, address, worker_timeout)
    finally:
        client.close()


def check_workers(report: ClusterReport) -> None:
    """Refuses a cluster where any worker lacks GDAL or has one older than the floor."""
    without = [worker for worker in report.workers if worker.error]
    if without:
        raise ClusterError(
            tr("{count} of {total} Dask workers cannot run GDAL ({address}: {error}).").format(
                count=len(without), total=len(report.workers), address=without[0].address, error=without[0].error
            ),
            tr(
                "the workers' environment: it needs GDAL {version} or newer with its Python bindings "
                "(Debian python3-gdal, conda-forge gdal) and requests."
            ).format(version=GDAL_FLOOR_TEXT),
        )
    old = [worker for worker in report.workers if worker.gdal_num < GDAL_FLOOR]
    if old:
        raise ClusterError(
            tr("{count} of {total} Dask workers have GDAL older than {version} ({address}: GDAL {found}).").format(
                count=len(old),
                total=len(report.workers),
                version=GDAL_FLOOR_TEXT,
                address=old[0].address,
                found=old[0].gdal,
            ),
            tr("the workers' environment: Cogport needs GDAL {version} or newer on every worker.").format(
                version=GDAL_FLOOR_TEXT
            ),
        )


def core_zip(folder: str) -> str:
    """plugin/core as an importable zip under Cogport's package name, named after its content."""
    core = Path(__file__).resolve().parents[1]
    package = __name__.split(".")[:-2]  # e.g. cogport.plugin.core
    entries: List[Tuple[str, bytes]] = [
        ("/".join(package[:depth]) + "/__init__.py", b"") for depth in range(1, len(package))
    ]
    for path in sorted(core.rglob("*.py")):
        if "__pycache__" not in path.parts:
            entries.append(("/".join(package) + "/" + path.relative_to(core).as_posix(), path.read_bytes()))
    digest = hashlib.sha256(b"".join(name.encode() + data for name, data in entries)).hexdigest()[:12]
    target = Path(folder) / f"cogport_core_{digest}.zip"
    if not target.exists():
        partial = target.with_suffix(".partial")
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in entries:
                archive.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), data)
        partial.replace(target)
    return str(target)


def ship_core(client: Any) -> None:
    with tempfile.TemporaryDirectory(prefix="cogport-ship-") as folder:
        client.upload_file(core_zip(folder))


class DaskExecutor:
    """Items as Dask tasks; cancel and progress travel through a Dask Event and worker events."""

    def __init__(self, address: str, connect_timeout: float = 10.0, worker_timeout: float = 60.0) -> None:
        self.address = address.strip()
        self.connect_timeout = connect_timeout
        self.worker_timeout = worker_timeout
        self.where = tr("Dask cluster {address}").format(address=self.address)
        self.dashboard = ""
        self.report: Optional[ClusterReport] = None
        self._client: Any = None
        self._job_id = ""
        self._futures: Dict[Any, int] = {}
        self._secrets: Any = None
        self._cancel: Any = None
        self._cancelled = False
        self._topic = ""
        self._connection_name = ""
        self._finished: queue.Queue = queue.Queue()

    def start(self, job_id: str, credentials: Optional[Credentials], on_step: StepSink) -> None:
        distributed = import_distributed()
        self._job_id = job_id
        self._client = connect(self.address, self.connect_timeout)
        try:
            self.report = describe(self._client, self.address, self.worker_timeout)
            check_workers(self.report)
            self.dashboard = self.report.dashboard
            self.where = tr("Dask cluster {address} ({summary})").format(
                address=self.address, summary=self.report.summary
            )
            self._secrets = distributed.Variable(on_worker.SECRETS_VARIABLE.format(job=job_id), client=self._client)
            self._secrets.set(credentials.to_secrets() if credentials is not None else {})
            self._cancel = distributed.Event(on_worker.CANCEL_EVENT.format(job=job_id), client=self._client)
            self._topic = on_worker.PROGRESS_TOPIC.format(job=job_id)
            self._client.subscribe_topic(self._topic, lambda event: _forward(event, on_step))
        except BaseException:
            self.close()
            raise

    def submit(self, task: ItemTask) -> None:
        if task.connection is not None:
            self._connection_name = task.connection.name
            task = replace(
                task, connection=task.connection.renamed(on_worker.scoped_name(task.connection.name, self._job_id))
            )
        future = self._client.submit(
            on_worker.publish, task, self._job_id, key=f"cogport-{self._job_id}-{task.index:07d}", pure=False
        )
        self._futures[future] = task.index
        future.add_done_callback(self._finished.put)

    def poll(self, timeout: float) -> List[ItemReport]:
        finished = []
        try:
            finished.append(self._finished.get(timeout=timeout))
            while True:
                finished.append(self._finished.get_nowait())
        except queue.Empty:
            pass
        if not finished and self._client.status not in ("running", "connecting"):
            raise self._gone()
        reports = []
        for future in finished:
            reports.append(self._report(future, self._futures.pop(future)))
            future.release()  # a finished item is never computed again when its worker leaves
        return reports

    def _report(self, future: Any, index: int) -> ItemReport:
        if future.status == "finished":
            try:
                return future.result()
            except Exception as exc:  # noqa: BLE001 - the scheduler, not the item, failed: judged below
                if self._client.status == "running":
                    lost = tr("Its result could not be fetched ({error}).").format(error=repr(exc))
                    return ItemReport(index, step="transfer", error=lost)
                raise self._gone() from None
        if future.status == "cancelled":
            if self._cancelled:
                return ItemReport(index, cancelled=True)
            raise self._gone()
        error = future.exception()
        name = type(error).__name__
        if name == "KilledWorker":
            text = tr("The workers running it died repeatedly (out of memory?). Check the workers' logs and memory.")
        else:
            text = tr("It failed on the cluster: {error}").format(error=f"{name}: {error}")
        return ItemReport(index, step="cluster", error=text)

    def _gone(self) -> ClusterError:
        return ClusterError(
            tr("The Dask scheduler at {address} stopped answering in the middle of the job.").format(
                address=self.address
            ),
            tr(
                "that the scheduler is running, then run the job again: the items done so far are in the manifest "
                "and are not redone."
            ),
        )

    def busy(self) -> int:
        return len(self._futures)

    def cancel(self) -> None:
        self._cancelled = True
        if self._cancel is not None and self._client.status == "running":
            self._cancel.set()

    def close(self) -> None:
        client = self._client
        if client is None:
            return
        stopped_early = bool(self._futures)
        try:
            if client.status == "running":
                if stopped_early:  # nothing of this job may go on running, now or when a task starts
                    self.cancel()
                    self._drain(DRAIN_SECONDS)
                    client.cancel(list(self._futures))
                if self._topic:
                    client.unsubscribe_topic(self._topic)
                client.run(on_worker.forget, self._job_id, self._connection_name)
                if self._secrets is not None:
                    self._secrets.delete()
                if self._cancel is not None and not stopped_early:
                    self._cancel.clear()  # after an early stop it stays set for items still finishing
        except Exception as exc:  # noqa: BLE001 - closing must not hide the job's own outcome
            LOG.warning("Could not tidy up the cluster after the job: %r", exc)
        finally:
            self._client = None
            client.close()

    def _drain(self, seconds: float) -> None:
        """Waits for running items to see the cancel and stop (they clean up after themselves)."""
        deadline = time.monotonic() + seconds
        while self._futures and time.monotonic() < deadline:
            try:
                self._futures.pop(self._finished.get(timeout=max(0.0, deadline - time.monotonic())), None)
            except queue.Empty:
                break


def _forward(event: Tuple[float, Dict[str, Any]], on_step: StepSink) -> None:
    """A worker's progress event, as (time, message), to the engine."""
    message = event[1]
    on_step(int(message["index"]), str(message["step"]), float(message["fraction"]))


def _dashboard(client: Any) -> str:
    try:
        return str(client.dashboard_link or "")
    except (AttributeError, KeyError, ValueError):
        return ""
