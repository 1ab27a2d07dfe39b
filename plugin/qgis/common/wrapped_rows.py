"""Tree rows whose text wraps to the column width, with one-line columns elided in the middle."""

from __future__ import annotations

from typing import Collection

from qgis.PyQt.QtCore import QRect, QSize, Qt
from qgis.PyQt.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QTreeView


class WrappingDelegate(QStyledItemDelegate):
    """Wraps text to its column's width; `one_line` columns (codes, paths) stay on one line, elided in the middle
    so a path keeps its file name."""

    def __init__(self, view: QTreeView, one_line: Collection[int] = ()) -> None:
        super().__init__(view)
        self.view = view
        self.one_line = frozenset(one_line)

    def initStyleOption(self, option, index) -> None:
        super().initStyleOption(option, index)
        if index.column() in self.one_line:
            option.features &= ~QStyleOptionViewItem.ViewItemFeature.WrapText
            option.textElideMode = Qt.TextElideMode.ElideMiddle

    def sizeHint(self, option, index) -> QSize:
        # A tree asks for row heights without saying how wide the column is, so wrapped text would
        # measure as one line: give the style the column's width to wrap into.
        option = QStyleOptionViewItem(option)
        option.rect = QRect(0, 0, self.view.columnWidth(index.column()), 1)
        return super().sizeHint(option, index)


def wrap_rows(view: QTreeView, one_line: Collection[int] = ()) -> WrappingDelegate:
    """Makes `view`'s rows as tall as their wrapped text, laid out again whenever a column is resized."""
    delegate = WrappingDelegate(view, one_line)
    view.setItemDelegate(delegate)
    view.setWordWrap(True)
    view.setUniformRowHeights(False)
    view.header().sectionResized.connect(lambda *_sizes: view.scheduleDelayedItemsLayout())
    return delegate
