"""Bridges Processing feedback to the core's Progress."""

from __future__ import annotations

from qgis.core import QgsProcessingFeedback

from ...core.progress import Progress


def progress_from_feedback(feedback: QgsProcessingFeedback) -> Progress:
    """Progress whose fraction drives the Processing bar and whose cancel is the dialog's Cancel."""
    return Progress(
        on_fraction=lambda fraction: feedback.setProgress(100.0 * fraction),
        is_cancelled=feedback.isCanceled,
        on_message=feedback.pushInfo,
    )
