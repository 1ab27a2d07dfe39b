"""QgsTask wrapper: core work off the main thread, results and errors back on it."""

from __future__ import annotations

import logging
from typing import Any, Callable, Optional, Set

from qgis.core import Qgis, QgsApplication, QgsMessageLog, QgsTask
from qgis.PyQt.QtCore import pyqtSignal

from ...core.errors import CancelledError, CogportError
from ...core.progress import Progress
from .i18n import tr
from .log import LOG_TAG
from .network import refresh_network_policy

LOG = logging.getLogger("cogport")

# QgsTaskManager does not own the Python wrapper: keep running tasks alive here.
_RUNNING: Set[CoreTask] = set()


class CoreTask(QgsTask):
    """Runs `work(progress)` in a worker thread and reports back on the main thread, exactly once.

    `work` must not touch layers, widgets or the project. Then one of three callbacks runs: `on_done` with
    the result, `on_error` with the exception (a `CogportError` carries a user message), or `on_cancelled`.
    QGIS deletes a task's C++ side once it has finished, so callers ask `settled` and call `cancel_if_running()`
    rather than the QgsTask methods. A batch's per-item progress (`Progress.report_item`) arrives
    through `itemProgressChanged` (item index, 0..100), queued to the main thread like `progressChanged`.
    """

    itemProgressChanged = pyqtSignal(int, float)

    def __init__(
        self,
        description: str,
        work: Callable[[Progress], Any],
        on_done: Optional[Callable[[Any], None]] = None,
        on_error: Optional[Callable[[Exception], None]] = None,
        on_message: Optional[Callable[[str], None]] = None,
        flags: QgsTask.Flags = QgsTask.Flag.CanCancel,
        on_cancelled: Optional[Callable[[], None]] = None,
    ) -> None:
        super().__init__(description, flags)
        refresh_network_policy()  # created on the main thread: the work runs under QGIS's network settings of now
        self._work = work
        self._on_done = on_done
        self._on_error = on_error
        self._on_message = on_message
        self._on_cancelled = on_cancelled
        self.result: Any = None
        self.error: Optional[Exception] = None
        self.settled = False
        self.cancelled = False

    def run(self) -> bool:
        progress = Progress(
            on_fraction=lambda f: self.setProgress(100.0 * f),
            is_cancelled=self.isCanceled,
            on_message=self._on_message,
            on_item_fraction=lambda index, fraction: self.itemProgressChanged.emit(index, 100.0 * fraction),
        )
        try:
            self.result = self._work(progress)
            return True
        except Exception as exc:  # noqa: BLE001 - reported in finished() on the main thread
            self.error = exc
            return False

    def cancel_if_running(self) -> None:
        if not self.settled:
            self.cancel()

    def finished(self, ok: bool) -> None:
        if self.settled:
            return
        self.settled = True
        _RUNNING.discard(self)
        if ok:
            self._deliver(self._on_done, self.result)
            return
        if self.isCanceled() or isinstance(self.error, CancelledError):
            self.cancelled = True
            QgsMessageLog.logMessage(f"{self.description()}: cancelled", LOG_TAG, Qgis.MessageLevel.Info)
            self._deliver(self._on_cancelled)
            return
        error = self.error or CogportError(tr("{task} failed.").format(task=self.description()))
        detail = error.detail if isinstance(error, CogportError) else repr(error)
        QgsMessageLog.logMessage(f"{self.description()}: {error} {detail}", LOG_TAG, Qgis.MessageLevel.Warning)
        self._deliver(self._on_error, error)

    def _deliver(self, callback: Optional[Callable[..., None]], *args: Any) -> None:
        if callback is None:
            return
        try:
            callback(*args)
        except RuntimeError as error:
            if "has been deleted" not in str(error):
                raise
            # Qt deleted the window this task reports to (closed, plugin unloaded, QGIS quitting): the
            # result has nowhere to go, which is no error.
            QgsMessageLog.logMessage(
                f"{self.description()}: finished after its window was closed", LOG_TAG, Qgis.MessageLevel.Info
            )


def run_task(task: CoreTask) -> CoreTask:
    """Queues the task in QGIS's task manager (progress bar and cancel button included)."""
    _RUNNING.add(task)
    QgsApplication.taskManager().addTask(task)
    return task


def user_message(error: Exception) -> str:
    """The sentence shown to the person: the CogportError message, or a generic pointer to the log."""
    if isinstance(error, CogportError):
        return error.user_message
    return tr("Unexpected error ({kind}). Details are in the Cogport log panel.").format(kind=type(error).__name__)
