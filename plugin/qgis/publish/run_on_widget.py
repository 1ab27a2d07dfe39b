"""Run on: this computer or a Dask cluster, for the docks that publish many files; and the run itself.

`RunOnWidget` holds the choice and the scheduler address (kept in the settings) and tests the cluster in a
background task. `ArchiveRun` publishes a batch through the core's batch engine in a background task and
reports each item's step and final state on the main thread.
"""

from __future__ import annotations

import html
import os
from typing import Optional

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QObject, pyqtSignal
from qgis.PyQt.QtWidgets import QWidget

from ...core.archive.engine import ArchiveJob, ArchiveSummary, run_archive
from ...core.archive.executors import Executor, LocalExecutor
from ...core.archive.manifest import default_manifest_path
from ...core.errors import CogportError
from ...core.progress import Progress
from ..common.colours import error_html
from ..common.i18n import tr
from ..common.resources import load_ui
from ..common.settings import read_value, write_value
from ..common.tasks import CoreTask, run_task, user_message

FORM_CLASS = load_ui("run_on_widget")
SCHEDULER_KEY = "dask/scheduler"
RUN_ON_KEY = "dask/run-on"
THIS_COMPUTER, DASK_CLUSTER = "local", "dask"


class RunOnWidget(QWidget, FORM_CLASS):
    connect_timeout = 10.0  # seconds Test waits for the scheduler (and for a first worker)

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.runOnCombo.addItem(tr("This computer"), THIS_COMPUTER)
        self.runOnCombo.addItem(tr("Dask cluster…"), DASK_CLUSTER)
        self.schedulerEdit.setText(read_value(SCHEDULER_KEY, ""))
        self.runOnCombo.setCurrentIndex(max(0, self.runOnCombo.findData(read_value(RUN_ON_KEY, THIS_COMPUTER))))
        self.test_task: Optional[CoreTask] = None
        self.runOnCombo.currentIndexChanged.connect(self._changed)
        self.schedulerEdit.editingFinished.connect(self._remember)
        self.testButton.clicked.connect(self.test)
        self._changed()

    @property
    def on_cluster(self) -> bool:
        return self.runOnCombo.currentData() == DASK_CLUSTER

    @property
    def scheduler(self) -> str:
        return self.schedulerEdit.text().strip()

    def executor(self) -> Executor:
        if not self.on_cluster:
            return LocalExecutor()
        if not self.scheduler:
            raise CogportError(tr("No Dask scheduler address was given."), tr("the address, e.g. tcp://host:8786."))
        from ...core.archive.cluster import DaskExecutor

        return DaskExecutor(self.scheduler)

    def test(self) -> CoreTask:
        """Connects and probes every worker in the background; the answer replaces the label's text."""
        from ...core.archive.cluster import check_workers, probe_cluster

        address = self.scheduler
        self._remember()
        self.clusterLabel.setText(tr("Connecting to {address}…").format(address=html.escape(address)))
        self.testButton.setEnabled(False)

        def done(report) -> None:
            self.testButton.setEnabled(True)
            lines = [f"<b>{html.escape(report.summary)}</b>"]
            lines += [html.escape(worker.text) for worker in report.workers]
            try:
                check_workers(report)
            except CogportError as problem:
                lines.append(error_html(problem.user_message, self.clusterLabel))
            if report.dashboard:
                lines.append(_link(report.dashboard, tr("Dashboard")))
            self.clusterLabel.setText("<br>".join(lines))

        def failed(error: Exception) -> None:
            self.testButton.setEnabled(True)
            self.clusterLabel.setText(html.escape(user_message(error)))

        self.test_task = run_task(
            CoreTask(
                tr("Testing the Dask cluster at {address}").format(address=address),
                lambda _p: probe_cluster(address, self.connect_timeout, self.connect_timeout),
                done,
                failed,
            )
        )
        return self.test_task

    def show_dashboard(self, link: str) -> None:
        if link:
            self.clusterLabel.setText(f"{_link(link, tr('Dask dashboard'))}: {html.escape(link)}")

    def _changed(self) -> None:
        cluster = self.on_cluster
        self.schedulerEdit.setVisible(cluster)
        self.testButton.setVisible(cluster)
        self.clusterLabel.setVisible(cluster)
        write_value(RUN_ON_KEY, self.runOnCombo.currentData())

    def _remember(self) -> None:
        write_value(SCHEDULER_KEY, self.scheduler)


def _link(url: str, text: str) -> str:
    return f"<a href='{html.escape(url)}'>{html.escape(text)}</a>"  # untranslated: HTML markup


class ArchiveRun(QObject):
    """One batch through the core's engine, off the main thread; signals arrive on the main thread."""

    itemStep = pyqtSignal(str, str, float)  # source, step, fraction of the item (-1: unknown)
    itemDone = pyqtSignal(object)  # the item's ItemRecord
    started = pyqtSignal(str, str)  # where it runs, dashboard link
    finished = pyqtSignal(object)  # ArchiveSummary, or the exception that stopped the job

    def __init__(self, job: ArchiveJob, executor: Executor, parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self.job = job
        self.executor = executor
        self.manifest = default_manifest_path(
            os.path.join(QgsApplication.qgisSettingsDirPath(), "cogport", "jobs"), job.identity(None)
        )
        self.task: Optional[CoreTask] = None

    def start(self) -> CoreTask:
        self.task = run_task(
            CoreTask(
                tr("Publishing {count} file(s) to {destination}").format(
                    count=len(self.job.inputs), destination=self.job.destination.uri
                ),
                self._work,
                on_done=self.finished.emit,
                on_error=self.finished.emit,
                on_cancelled=lambda: self.finished.emit(None),
            )
        )
        return self.task

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel_if_running()

    def _work(self, progress: Progress) -> ArchiveSummary:
        def step(source: str, value: str, fraction: float) -> None:
            if not self._announced:
                self._announced = True
                self.started.emit(self.executor.where, self.executor.dashboard)
            self.itemStep.emit(source, value, fraction)

        self._announced = False
        summary = run_archive(
            self.job, self.manifest, self.executor, None, progress, on_item=self.itemDone.emit, on_step=step
        )
        if summary.cancelled:
            progress.raise_if_cancelled()
        return summary
