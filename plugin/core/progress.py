"""The progress and cancel channel shared by QgsTasks, Processing feedback and GDAL callbacks."""

from __future__ import annotations

import threading
from typing import Any, Callable, Optional

from .errors import CancelledError

FractionSink = Callable[[float], None]
ItemFractionSink = Callable[[int, float], None]
CancelProbe = Callable[[], bool]


class Progress:
    """Reports a 0..1 fraction and answers whether the work was cancelled.

    A child made with `span()` maps its own 0..1 onto part of the parent's range, so
    a multi-step job reports one smooth bar. `gdal_callback()` gives GDAL a callback
    that returns 0 (stop) once cancelled, which is how GDAL work is interrupted.
    A batch also reports each item's own fraction (`report_item`), for a bar per file.
    """

    def __init__(
        self,
        on_fraction: Optional[FractionSink] = None,
        is_cancelled: Optional[CancelProbe] = None,
        on_message: Optional[Callable[[str], None]] = None,
        on_item_fraction: Optional[ItemFractionSink] = None,
    ) -> None:
        self._on_fraction = on_fraction
        self._is_cancelled = is_cancelled
        self._on_message = on_message
        self._on_item_fraction = on_item_fraction
        self._cancel_event = threading.Event()
        self._start = 0.0
        self._end = 1.0
        self._root: Progress = self

    def report(self, fraction: float) -> None:
        fraction = min(max(fraction, 0.0), 1.0)
        root = self._root
        if root._on_fraction is not None:
            root._on_fraction(self._start + (self._end - self._start) * fraction)

    def report_item(self, index: int, fraction: float) -> None:
        """Item `index` of a batch (in the order it was given) is `fraction` done."""
        if self._root._on_item_fraction is not None:
            self._root._on_item_fraction(index, min(max(fraction, 0.0), 1.0))

    def message(self, text: str) -> None:
        if self._root._on_message is not None:
            self._root._on_message(text)

    def cancel(self) -> None:
        self._root._cancel_event.set()

    @property
    def cancelled(self) -> bool:
        root = self._root
        if root._cancel_event.is_set():
            return True
        if root._is_cancelled is not None and root._is_cancelled():
            root._cancel_event.set()
            return True
        return False

    def raise_if_cancelled(self) -> None:
        if self.cancelled:
            raise CancelledError()

    def span(self, start: float, end: float) -> Progress:
        """A child reporting into [start, end] of this progress."""
        child = Progress.__new__(Progress)
        child._root = self._root
        width = self._end - self._start
        child._start = self._start + width * start
        child._end = self._start + width * end
        return child

    def gdal_callback(self) -> Callable[[float, Any, Any], int]:
        def callback(complete: float, _message: Any = None, _data: Any = None) -> int:
            if self.cancelled:
                return 0
            self.report(complete)
            return 1

        return callback


def silent() -> Progress:
    """A progress that reports nowhere and is never cancelled from outside."""
    return Progress()
