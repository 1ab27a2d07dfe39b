"""CoreTask reports back exactly once, done, failed or cancelled, and is safe to cancel after it has finished."""

from __future__ import annotations

import threading

import pytest
from qgis.PyQt.QtCore import QThreadPool

from cogport.plugin.core.errors import CogportError
from cogport.plugin.qgis.common.tasks import CoreTask, run_task


class Calls:
    def __init__(self) -> None:
        self.seen = []

    def task(self, work, **kwargs) -> CoreTask:
        return CoreTask(
            "test task",
            work,
            on_done=lambda result: self.seen.append(("done", result)),
            on_error=lambda error: self.seen.append(("failed", str(error))),
            on_cancelled=lambda: self.seen.append(("cancelled",)),
            **kwargs,
        )


def _wait_until_settled(qtbot, task: CoreTask) -> None:
    qtbot.waitUntil(lambda: task.settled, timeout=10000)
    qtbot.wait(50)  # any late second callback would arrive now


def test_done_calls_on_done_once_and_a_late_cancel_is_harmless(qtbot):
    calls = Calls()
    task = run_task(calls.task(lambda progress: 42))
    _wait_until_settled(qtbot, task)
    task.cancel_if_running()
    assert calls.seen == [("done", 42)]


def test_failure_calls_on_error_once(qtbot):
    calls = Calls()

    def work(progress):
        raise CogportError("The bucket is missing.", "the bucket name.")

    task = run_task(calls.task(work))
    _wait_until_settled(qtbot, task)
    assert len(calls.seen) == 1 and calls.seen[0][0] == "failed" and "The bucket is missing." in calls.seen[0][1]


def test_cancel_while_running_calls_on_cancelled_once(qtbot):
    calls, started = Calls(), threading.Event()

    def work(progress):
        started.set()
        while True:
            progress.raise_if_cancelled()
            threading.Event().wait(0.01)

    task = run_task(calls.task(work))
    assert started.wait(10)
    task.cancel_if_running()
    _wait_until_settled(qtbot, task)
    assert calls.seen == [("cancelled",)] and task.cancelled


def test_cancel_before_the_task_starts_calls_on_cancelled_once(qtbot):
    """QGIS calls finished(False) for a task cancelled in the queue too; this pins it."""
    calls, release = Calls(), threading.Event()
    # Hold every worker thread so the second task is still queued when it is cancelled.
    workers = QThreadPool.globalInstance().maxThreadCount()  # the pool QgsTaskManager runs tasks on
    blockers = [run_task(Calls().task(lambda progress: release.wait(10))) for _ in range(workers)]
    queued = run_task(calls.task(lambda progress: pytest.fail("a cancelled task ran")))
    queued.cancel_if_running()
    release.set()
    _wait_until_settled(qtbot, queued)
    for blocker in blockers:
        _wait_until_settled(qtbot, blocker)
    assert calls.seen == [("cancelled",)]
