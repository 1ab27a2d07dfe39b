"""Bridges Python logging under `cogport` to the QGIS log panel's Cogport tab."""

from __future__ import annotations

import logging
from typing import Callable

from qgis.core import Qgis, QgsMessageLog

LOG_TAG = "Cogport"
_LEVELS = {
    logging.DEBUG: Qgis.MessageLevel.Info,
    logging.INFO: Qgis.MessageLevel.Info,
    logging.WARNING: Qgis.MessageLevel.Warning,
    logging.ERROR: Qgis.MessageLevel.Critical,
    logging.CRITICAL: Qgis.MessageLevel.Critical,
}


class MessageLogHandler(logging.Handler):
    """QgsMessageLog.logMessage is thread-safe, so worker threads may log through it."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            QgsMessageLog.logMessage(self.format(record), LOG_TAG, _LEVELS.get(record.levelno, Qgis.MessageLevel.Info))
        except Exception:  # noqa: BLE001 - logging must never raise
            self.handleError(record)


def install_log_bridge() -> Callable[[], None]:
    """Attaches the handler; returns the function that removes it (called from unload())."""
    logger = logging.getLogger("cogport")
    handler = MessageLogHandler()
    handler.setFormatter(logging.Formatter("%(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)

    def remove() -> None:
        logger.removeHandler(handler)

    return remove
