"""A progress bar drawn in a table or tree cell: one per file in the Convert dialog and the Publish dock."""

from __future__ import annotations

from qgis.PyQt.QtCore import QRect, Qt
from qgis.PyQt.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionProgressBar

# The cell's percent (0..100) is its UserRole data; None draws no bar (the file is not queued).
PERCENT_ROLE = Qt.ItemDataRole.UserRole


class ProgressDelegate(QStyledItemDelegate):
    """Draws the cell's percent as a progress bar, or the cell as usual when it has none."""

    def paint(self, painter, option, index) -> None:
        value = index.data(PERCENT_ROLE)
        if value is None:
            super().paint(painter, option, index)
            return
        bar = QStyleOptionProgressBar()
        height = min(option.rect.height() - 4, option.fontMetrics.height() + 4)  # a bar, not a block
        bar.rect = QRect(option.rect.x() + 2, option.rect.center().y() - height // 2, option.rect.width() - 4, height)
        bar.minimum, bar.maximum, bar.progress = 0, 100, int(value)
        bar.text, bar.textVisible = f"{int(value)} %", True
        bar.state = option.state
        QApplication.style().drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter)
