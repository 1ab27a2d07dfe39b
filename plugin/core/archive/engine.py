"""The batch engine: plans a job, skips what its manifest says is done, runs the rest, registers, records.

The driver (this process) alone lists, decides, writes the manifest and registers; the executor only
runs items. So a job resumes from its manifest whatever ran it, and no state lives on the workers.
"""

from __future__ import annotations

import concurrent.futures
import logging
import secrets
import threading
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Callable, Dict, List, Optional, Sequence, Set, Tuple

from ..errors import CancelledError, CogportError
from ..i18n import tr, translatable
from ..progress import Progress
from ..publish import ConvertPolicy
from ..storage.connection import Credentials, StorageConnection
from ..storage.probe import s3_api_for
from ..storage.upload import IfExists, UploadOptions, free_name
from ..storage.uri import ObjectLocation
from .executors import Executor, LocalExecutor
from .item import ItemReport, ItemTask
from .manifest import ItemRecord, ItemState, JobManifest
from .plan import PlannedItem, existing_keys, plan_items
from .registration import Registrar

LOG = logging.getLogger("cogport.archive")

POLL_SECONDS = 0.5

ItemSink = Callable[[ItemRecord], None]
StepSink = Callable[[str, str, float], None]  # source, step, fraction of that item (-1 when unknown)
STATE_COUNTS = {
    ItemState.SUBMITTED: translatable("{count} submitted"),
    ItemState.UPLOADED: translatable("{count} uploaded"),
    ItemState.REGISTERED: translatable("{count} registered"),
    ItemState.SKIPPED: translatable("{count} skipped"),
    ItemState.FAILED: translatable("{count} failed"),
    ItemState.CANCELLED: translatable("{count} cancelled"),
}


@dataclass(frozen=True)
class ArchiveJob:
    inputs: Tuple[str, ...]  # one folder, one bucket prefix, or files (local or in a bucket)
    destination: ObjectLocation  # a prefix
    connection: Optional[StorageConnection] = None  # None: GDAL's own settings on every worker
    credentials: Optional[Credentials] = None
    profile: str = "generic"
    convert: ConvertPolicy = ConvertPolicy.IF_INVALID
    upload_invalid: bool = False
    if_exists: IfExists = IfExists.FAIL  # for objects already there that this job did not write
    upload_options: UploadOptions = UploadOptions()

    def identity(self, registrar: Optional[Registrar]) -> Dict[str, object]:
        """What makes two runs the same job: the manifest of one is refused by another.

        The inputs are not part of it, so files added to the input later join the job on its next run.
        """
        return {
            "destination": self.destination.as_prefix().uri,
            "profile": self.profile,
            "convert": self.convert.value,
            "upload_invalid": self.upload_invalid,
            "register": f"{registrar.kind}:{registrar.target}" if registrar is not None else "",
        }


@dataclass
class ArchiveSummary:
    manifest: str
    where: str = ""
    dashboard: str = ""
    records: List[ItemRecord] = field(default_factory=list)  # each item's state at the end, in input order
    already_done: int = 0  # items the manifest had finished before this run
    cancelled: bool = False

    def count(self, state: ItemState) -> int:
        return sum(1 for record in self.records if record.state is state)

    @property
    def failed(self) -> List[ItemRecord]:
        return [record for record in self.records if record.state is ItemState.FAILED]

    def text(self) -> str:
        counts = Counter(record.state for record in self.records)
        in_order = sorted(counts.items(), key=lambda count: count[0].value)
        states = ", ".join(tr(STATE_COUNTS[state]).format(count=number) for state, number in in_order)
        text = (
            tr("{count} items on {where}: {states} ({done} done by earlier runs).")
            if self.already_done
            else tr("{count} items on {where}: {states}.")
        )
        text = text.format(count=len(self.records), where=self.where, states=states, done=self.already_done)
        return (text + tr(" Cancelled: a re-run resumes.")) if self.cancelled else text


def run_archive(
    job: ArchiveJob,
    manifest_path: str,
    executor: Optional[Executor] = None,
    registrar: Optional[Registrar] = None,
    progress: Optional[Progress] = None,
    on_item: Optional[ItemSink] = None,
    on_step: Optional[StepSink] = None,
) -> ArchiveSummary:
    """Publishes every input not done yet; one item's failure never stops the others.

    Cancelling stops the running items (they leave nothing behind), sends no new ones, and returns
    with `cancelled` set; what finished is in the manifest. A cluster that stops answering raises.
    """
    progress = progress or Progress()
    executor = executor or LocalExecutor()
    manifest = JobManifest.open(manifest_path, job.identity(registrar))
    try:
        return _Run(job, manifest, executor, registrar, progress, on_item, on_step).run()
    finally:
        manifest.close()


class _Run:
    def __init__(
        self,
        job: ArchiveJob,
        manifest: JobManifest,
        executor: Executor,
        registrar: Optional[Registrar],
        progress: Progress,
        on_item: Optional[ItemSink],
        on_step: Optional[StepSink],
    ) -> None:
        self.job, self.manifest, self.executor, self.registrar = job, manifest, executor, registrar
        self.progress, self.on_item, self.on_step = progress, on_item, on_step
        self.summary = ArchiveSummary(manifest.path)
        self.items: List[PlannedItem] = []
        self.fractions: Dict[int, float] = {}
        self.index_of: Dict[str, int] = {}
        self.lock = threading.Lock()
        self.work = 0

    def run(self) -> ArchiveSummary:
        job = self.job
        self.progress.message(tr("Listing the inputs and the destination…"))
        self.items = plan_items(job.inputs, job.destination, job.connection, job.credentials)
        present = existing_keys(job.destination, job.connection, job.credentials)
        self.index_of = {item.source: index for index, item in enumerate(self.items)}
        to_run, to_register = self._decide(present)
        self.work = len(to_run) + len(to_register)
        keys = [task.destination.key for task in to_run]
        self._sweep_uploads(keys)
        registrations: Dict[concurrent.futures.Future, int] = {}
        pool = concurrent.futures.ThreadPoolExecutor(
            max_workers=self.registrar.concurrency if self.registrar else 1, thread_name_prefix="cogport-register"
        )
        try:
            if to_run:
                self.executor.start(secrets.token_hex(6), job.credentials, self._step)
                self.summary.where, self.summary.dashboard = self.executor.where, self.executor.dashboard
                self.progress.message(
                    tr("Publishing {count} items on {where}…").format(count=len(to_run), where=self.executor.where)
                )
                self.manifest.record(
                    ItemRecord(self.items[t.index].source, ItemState.SUBMITTED, key=t.destination.key) for t in to_run
                )
                for task in to_run:
                    self.executor.submit(task)
            else:
                self.summary.where = self.executor.where
            for index in to_register:
                registrations[self._register(pool, index)] = index
            self._wait(pool, registrations)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
            self.executor.close()
            self._sweep_uploads(keys)
        self.summary.records = [self.manifest.latest[item.source] for item in self.items]
        self.summary.cancelled = self.progress.cancelled
        LOG.info("Archive job into %s: %s", job.destination.uri, self.summary.text())
        return self.summary

    def _decide(self, present: Set[str]) -> Tuple[List[ItemTask], List[int]]:
        """Which items run, which only need registering, and the rule for objects the job did not write."""
        job, manifest = self.job, self.manifest
        to_run: List[ItemTask] = []
        to_register: List[int] = []
        decided: List[ItemRecord] = []
        reserved: Set[str] = set()
        for index, item in enumerate(self.items):
            last = manifest.latest.get(item.source)
            if last is not None and self._done(last):
                self.summary.already_done += 1
                continue
            if last is not None and self.registrar and (last.state is ItemState.UPLOADED or last.step == "register"):
                to_register.append(index)  # the object is there: only its registration is missing
                continue
            key = manifest.owned.get(item.source, "")
            if not key:
                key = item.key
                if key in present or key in reserved:
                    record = self._existing(item, key)
                    if record is not None:
                        decided.append(record)
                        continue
                    if job.if_exists is IfExists.RENAME:
                        key = self._renamed(key, present | reserved)
            reserved.add(key)
            location = ObjectLocation(job.destination.handler, job.destination.bucket, key)
            to_run.append(
                ItemTask(
                    index,
                    item.source,
                    location,
                    job.profile,
                    job.convert,
                    job.upload_invalid,
                    job.upload_options,
                    job.connection,
                )
            )
        if decided:
            manifest.record(decided)
            for record in decided:
                if self.on_item is not None:
                    self.on_item(record)
        return to_run, to_register

    def _done(self, last: ItemRecord) -> bool:
        """Whether an item needs nothing more; a skipped one is looked at again when the rule changed."""
        if last.state is ItemState.SKIPPED:
            return self.job.if_exists is IfExists.SKIP
        return last.state is ItemState.REGISTERED or (last.state is ItemState.UPLOADED and not self.registrar)

    def _existing(self, item: PlannedItem, key: str) -> Optional[ItemRecord]:
        """The record for an input whose key holds an object this job did not write (None: publish anyway)."""
        uri = ObjectLocation(self.job.destination.handler, self.job.destination.bucket, key).uri
        if self.job.if_exists is IfExists.SKIP:
            exists = tr("{uri} already exists").format(uri=uri)
            return ItemRecord(item.source, ItemState.SKIPPED, uri=uri, key=key, error=exists)
        if self.job.if_exists is IfExists.FAIL:
            return ItemRecord(
                item.source,
                ItemState.FAILED,
                uri=uri,
                key=key,
                step="upload",
                error=tr(
                    "{uri} already exists and was not written by this job. Check whether to overwrite it "
                    "(IF_EXISTS), skip it, or publish to another prefix."
                ).format(uri=uri),
            )
        return None

    def _renamed(self, key: str, taken: Set[str]) -> str:
        location = ObjectLocation(self.job.destination.handler, self.job.destination.bucket, key)
        return free_name(location, lambda candidate: candidate.key in taken).key

    def _wait(self, pool: concurrent.futures.ThreadPoolExecutor, registrations: Dict) -> None:
        cancelling = False
        while self.executor.busy() or registrations:
            if self.progress.cancelled and not cancelling:
                cancelling = True
                self.progress.message(tr("Cancelling: running items stop and clean up…"))
                self.executor.cancel()
            reports = self.executor.poll(POLL_SECONDS) if self.executor.busy() else []
            if reports:
                self._reported(reports, pool, registrations)
            elif not self.executor.busy():
                concurrent.futures.wait(list(registrations), timeout=POLL_SECONDS, return_when="FIRST_COMPLETED")
            for future in [f for f in registrations if f.done()]:
                self._registered(registrations.pop(future), future)

    def _reported(self, reports: Sequence[ItemReport], pool, registrations: Dict) -> None:
        records = [self._record(report) for report in reports]
        self.manifest.record(records)
        for report, record in zip(reports, records):
            self._finished(record)
            if record.state is ItemState.UPLOADED and self.registrar is not None and not self.progress.cancelled:
                registrations[self._register(pool, report.index)] = report.index

    def _record(self, report: ItemReport) -> ItemRecord:
        item = self.items[report.index]
        key = self.manifest.owned.get(item.source, item.key)
        if report.uploaded:
            return ItemRecord(
                item.source,
                ItemState.UPLOADED,
                uri=report.uri,
                key=key,
                size=report.size,
                etag=report.etag,
                worker=report.worker,
                seconds=round(report.seconds, 3),
            )
        if report.cancelled:
            return ItemRecord(item.source, ItemState.CANCELLED, key=key, worker=report.worker)
        return ItemRecord(
            item.source,
            ItemState.FAILED,
            key=key,
            step=report.step,
            error=report.error,
            worker=report.worker,
            seconds=round(report.seconds, 3),
        )

    def _register(self, pool: concurrent.futures.ThreadPoolExecutor, index: int) -> concurrent.futures.Future:
        assert self.registrar is not None  # noqa: S101 - only called when the job registers
        record = self.manifest.latest[self.items[index].source]
        location = ObjectLocation(self.job.destination.handler, self.job.destination.bucket, record.key)
        return pool.submit(self.registrar.register, location, self.progress.span(0.0, 0.0))

    def _registered(self, index: int, future: concurrent.futures.Future) -> None:
        uploaded = self.manifest.latest[self.items[index].source]
        try:
            registered = future.result()
        except CancelledError:
            return  # stays uploaded: the next run registers it
        except CogportError as error:
            record = replace(uploaded, state=ItemState.FAILED, step="register", error=error.user_message, at="")
        else:
            record = replace(uploaded, state=ItemState.REGISTERED, registered=registered, step="", error="", at="")
        self.manifest.record([record])
        self._finished(record)

    def _finished(self, record: ItemRecord) -> None:
        with self.lock:
            index = self.index_of[record.source]
            waits_for_registration = record.state is ItemState.UPLOADED and self.registrar is not None
            self.fractions[index] = 0.5 if waits_for_registration else 1.0
        self._report_overall()
        if self.on_item is not None:
            self.on_item(record)

    def _step(self, index: int, step: str, fraction: float) -> None:
        if fraction >= 0:
            with self.lock:
                self.fractions[index] = fraction * (0.5 if self.registrar is not None else 1.0)
            self._report_overall()
        if self.on_step is not None:
            self.on_step(self.items[index].source, step, fraction)

    def _report_overall(self) -> None:
        with self.lock:
            total = sum(self.fractions.values())
        self.progress.report(total / self.work if self.work else 1.0)

    def _sweep_uploads(self, keys: Sequence[str]) -> None:
        """Aborts multipart uploads of the job's keys that a killed worker or driver left pending."""
        job = self.job
        if not keys or job.connection is None or job.destination.handler != "vsis3":
            return
        wanted = set(keys)
        api = s3_api_for(job.connection, job.credentials or Credentials())
        try:
            pending = api.list_multipart_uploads(job.destination.bucket, job.destination.as_prefix().key)
            for upload in pending:
                if upload.key in wanted:
                    LOG.info("Aborting the pending multipart upload of %s left by an interrupted item", upload.key)
                    api.abort_multipart_upload(job.destination.bucket, upload)
        except CogportError as error:
            LOG.warning("Could not check for pending multipart uploads: %s", error.user_message)
