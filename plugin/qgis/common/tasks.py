"""QgsTask wrapper: core work off the main thread, results and errors back on it."""

from __future__ import annotations

import logging
from typing import Any, Callable, Optional, Set

from qgis.core import Qgis, QgsApplication, QgsMessageLog, QgsTask

from ...core.errors import CancelledError, CogportError
from ...core.progress import Progress
from .log import LOG_TAG
from .network import refresh_network_policy

LOG = logging.getLogger("cogport")

# QgsTaskManager does not own the Python wrapper: keep running tasks alive here.
_RUNNING: Set[CoreTask] = set()


class CoreTask(QgsTask):
    """Runs `work(progress)` in a worker thread and hands its result to `on_done` on the main thread.

    `work` must not touch layers, widgets or the project. `on_error` gets the exception
    (a `CogportError` carries a user message); it is not called on cancellation.
    """

    def __init__(
        self,
        description: str,
        work: Callable[[Progress], Any],
        on_done: Optional[Callable[[Any], None]] = None,
        on_error: Optional[Callable[[Exception], None]] = None,
        on_message: Optional[Callable[[str], None]] = None,
        flags: QgsTask.Flags = QgsTask.Flag.CanCancel,
    ) -> None:
        super().__init__(description, flags)
        refresh_network_policy()  # created on the main thread: the work runs under QGIS's network settings of now
        self._work = work
        self._on_done = on_done
        self._on_error = on_error
        self._on_message = on_message
        self.result: Any = None
        self.error: Optional[Exception] = None

    def run(self) -> bool:
        progress = Progress(
            on_fraction=lambda f: self.setProgress(100.0 * f),
            is_cancelled=self.isCanceled,
            on_message=self._on_message,
        )
        try:
            self.result = self._work(progress)
            return True
        except Exception as exc:  # noqa: BLE001 - reported in finished() on the main thread
            self.error = exc
            return False

    def finished(self, ok: bool) -> None:
        _RUNNING.discard(self)
        if ok:
            if self._on_done is not None:
                self._on_done(self.result)
            return
        if self.isCanceled() or isinstance(self.error, CancelledError):
            QgsMessageLog.logMessage(f"{self.description()}: cancelled", LOG_TAG, Qgis.MessageLevel.Info)
            return
        error = self.error or CogportError(f"{self.description()} failed.")
        detail = error.detail if isinstance(error, CogportError) else repr(error)
        QgsMessageLog.logMessage(f"{self.description()}: {error} {detail}", LOG_TAG, Qgis.MessageLevel.Warning)
        if self._on_error is not None:
            self._on_error(error)


def run_task(task: CoreTask) -> CoreTask:
    """Queues the task in QGIS's task manager (progress bar and cancel button included)."""
    _RUNNING.add(task)
    QgsApplication.taskManager().addTask(task)
    return task


def user_message(error: Exception) -> str:
    """The sentence shown to the person: the CogportError message, or a generic pointer to the log."""
    if isinstance(error, CogportError):
        return error.user_message
    return f"Unexpected error ({type(error).__name__}). Details are in the Cogport log panel."
