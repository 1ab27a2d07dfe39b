"""Runs a function on the main thread and waits for it, from any thread.

The QGIS Browser populates items in worker threads, but the auth manager may
need to ask for the master password, which must happen on the main thread.
"""

from __future__ import annotations

from typing import Any, Callable, Optional

from qgis.PyQt.QtCore import QCoreApplication, QObject, Qt, QThread, pyqtSignal


class _Invoker(QObject):
    call = pyqtSignal(object)

    def __init__(self) -> None:
        super().__init__()
        self.call.connect(self._run, Qt.ConnectionType.BlockingQueuedConnection)

    @staticmethod
    def _run(job: Callable[[], None]) -> None:
        job()


_INVOKER: Optional[_Invoker] = None


def prepare_main_thread_calls() -> None:
    """Creates the invoker; call once on the main thread (plugin start)."""
    global _INVOKER
    if _INVOKER is None:
        _INVOKER = _Invoker()


def on_main_thread(function: Callable[[], Any]) -> Any:
    app = QCoreApplication.instance()
    if app is None or QThread.currentThread() is app.thread() or _INVOKER is None:
        return function()
    outcome: dict = {}

    def job() -> None:
        try:
            outcome["value"] = function()
        except Exception as exc:  # noqa: BLE001 - re-raised in the calling thread
            outcome["error"] = exc

    _INVOKER.call.emit(job)
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")
