"""ConnectionTest: the Test button of a connection form, checking off the main thread."""

from __future__ import annotations

from typing import Callable, Optional

from qgis.PyQt import sip
from qgis.PyQt.QtWidgets import QAbstractButton, QLabel

from ...core.errors import CogportError
from .colours import error_style
from .i18n import tr
from .tasks import CoreTask, run_task, user_message

# A green that reads on light and dark QGIS themes alike.
SUCCESS_STYLE = "color: #1b7f3b;"  # untranslated: a style sheet


class ConnectionTest:
    """Runs `check()` in a task and shows its sentence, or the error's, in green or red under the form.

    The form calls `cancel()` when it closes; a result arriving after its widgets are gone is dropped.
    """

    def __init__(self, button: QAbstractButton, label: QLabel) -> None:
        self.button = button
        self.label = label
        self.task: Optional[CoreTask] = None

    def start(
        self,
        description: str,
        check: Callable[[], str],
        passed: Optional[Callable[[str], str]] = None,
        failed: Optional[Callable[[Exception], None]] = None,
    ) -> CoreTask:
        """`passed` may add to the success sentence; `failed` runs after the error is shown."""

        def show_error(error: Exception) -> None:
            self.show(user_message(error), ok=False)
            if failed is not None:
                failed(error)

        self.show(tr("Testing…"), ok=None)
        self.task = run_task(
            CoreTask(
                description,
                lambda progress: check(),
                on_done=lambda text: self.show(passed(text) if passed else text, ok=True),
                on_error=show_error,
                on_cancelled=lambda: self.show("", ok=False),
            )
        )
        return self.task

    def refuse(self, error: CogportError) -> None:
        """Shows why the form cannot be tested (or saved) as it is; nothing is sent."""
        self.show(error.user_message, ok=False)

    def show(self, text: str, ok: Optional[bool]) -> None:
        if sip.isdeleted(self.label):
            return
        self.button.setEnabled(ok is not None)
        self.label.setStyleSheet({True: SUCCESS_STYLE, False: error_style(self.label), None: ""}[ok])
        self.label.setText(text)

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel_if_running()
