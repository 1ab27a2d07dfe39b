"""Where a job's items run: this computer (the default) or a Dask cluster (cluster.py), behind one interface."""

from __future__ import annotations

import concurrent.futures
import os
import threading
from typing import Dict, List, Optional, Protocol

from ..cog.batch import batch_workers
from ..i18n import tr
from ..storage.connection import Credentials
from .item import ItemReport, ItemTask, StepSink, publish_item


class Executor(Protocol):
    """Runs items and hands back their reports; the engine alone writes the manifest and registers."""

    where: str  # for people: "this computer (2 at a time)", "Dask cluster tcp://…: 4 workers, 8 threads"
    dashboard: str  # the cluster's dashboard link, "" when there is none

    def start(self, job_id: str, credentials: Optional[Credentials], on_step: StepSink) -> None: ...

    def submit(self, task: ItemTask) -> None: ...

    def poll(self, timeout: float) -> List[ItemReport]:
        """The reports of items finished since the last call, waiting up to `timeout` seconds for one."""
        ...

    def busy(self) -> int:
        """Items submitted and not yet reported."""
        ...

    def cancel(self) -> None:
        """Running items stop at their next check and clean up; queued items report cancelled at once."""
        ...

    def close(self) -> None: ...


class LocalExecutor:
    """Items in a pool of threads in this process, as Cogport's batch conversion has always run.

    Threads, not processes: GDAL and the uploads release the GIL, QGIS cannot safely fork its GUI process,
    and QGIS's own interpreter is not a plain Python that a process pool could start.
    """

    dashboard = ""

    def __init__(self, workers: int = 0) -> None:
        self.workers = workers
        self.where = tr("this computer")
        self._pool: Optional[concurrent.futures.ThreadPoolExecutor] = None
        self._futures: Dict[concurrent.futures.Future, int] = {}
        self._cancelled = threading.Event()
        self._credentials: Optional[Credentials] = None
        self._on_step: Optional[StepSink] = None

    def start(self, job_id: str, credentials: Optional[Credentials], on_step: StepSink) -> None:
        workers = self.workers or batch_workers(os.cpu_count() or 1)
        self.where = tr("this computer ({count} at a time)").format(count=workers)
        self._pool = concurrent.futures.ThreadPoolExecutor(max_workers=workers, thread_name_prefix="cogport-archive")
        self._credentials, self._on_step = credentials, on_step

    def submit(self, task: ItemTask) -> None:
        assert self._pool is not None, "start() first"  # noqa: S101 - a programming error, not a user's
        future = self._pool.submit(publish_item, task, self._credentials, self._cancelled.is_set, self._on_step)
        self._futures[future] = task.index

    def poll(self, timeout: float) -> List[ItemReport]:
        done, _ = concurrent.futures.wait(
            list(self._futures), timeout=timeout, return_when=concurrent.futures.FIRST_COMPLETED
        )
        reports = []
        for future in done:
            index = self._futures.pop(future)
            reports.append(ItemReport(index, cancelled=True) if future.cancelled() else future.result())
        return reports

    def busy(self) -> int:
        return len(self._futures)

    def cancel(self) -> None:
        self._cancelled.set()
        for future in self._futures:
            future.cancel()  # only queued items: running ones see the flag

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None
