"""FindingsView: validation and pre-flight findings as the Validate and Earth Engine dialogs show them."""

from __future__ import annotations

from typing import Iterable, List, Optional

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import (
    QHeaderView,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from ...core.cog.validate import ERROR, INFO, WARNING, Finding
from .i18n import tr
from .wrapped_rows import wrap_rows

CODE, MESSAGE, FIX = range(3)
# QGIS 3.22's mIconCritical is a pale outlined circle that reads milder than the yellow warning triangle;
# the red disc of mIconDelete is the error sign people recognise, on every QGIS version.
ERROR_ICON = "mIconDelete.svg"
SEVERITY_ICONS = {ERROR: ERROR_ICON, WARNING: "mIconWarning.svg", INFO: "mIconInfo.svg"}
VALID_ICON = "mIconSuccess.svg"
MESSAGE_SHARE = 0.55  # of the width left after the code column; the fix column takes the rest
MIN_TEXT_COLUMN = 120


def severity_icon(severity: str) -> QIcon:
    return QgsApplication.getThemeIcon(SEVERITY_ICONS[severity])


def severity_label(severity: str) -> str:
    return {ERROR: tr("Error"), WARNING: tr("Warning"), INFO: tr("Information")}[severity]


class FindingItem(QTreeWidgetItem):
    """One finding: severity icon and code, message, fix."""

    def __init__(self, finding: Finding) -> None:
        super().__init__()
        self.finding = finding
        self.setIcon(CODE, severity_icon(finding.severity))
        self.setText(CODE, finding.code)
        self.setToolTip(CODE, f"{severity_label(finding.severity)}: {finding.code}")
        for column, text in ((MESSAGE, finding.message), (FIX, finding.fix)):
            self.setText(column, text)
            self.setToolTip(column, text)


class FindingsView(QTreeWidget):
    """Findings with QGIS's severity icons, wrapped messages and fixes, and columns the person can resize.

    Findings are top-level rows, or children of a file row when several files were checked.
    """

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setColumnCount(3)
        self.setHeaderLabels([self.tr("Finding"), self.tr("Message"), self.tr("Fix")])
        self.setAlternatingRowColors(True)
        wrap_rows(self, one_line=(CODE,))
        header = self.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(60)
        header.sectionResized.connect(self._remember_user_width)
        self._fitting = False
        self._user_sized = False

    @classmethod
    def replacing(cls, placeholder: QTreeWidget) -> FindingsView:
        """Puts a FindingsView where a Designer form has a plain tree, under the same object name."""
        view = cls(placeholder.parentWidget())
        view.setObjectName(placeholder.objectName())
        view.setRootIsDecorated(placeholder.rootIsDecorated())  # flat lists have no expand arrows
        placeholder.parentWidget().layout().replaceWidget(placeholder, view)
        placeholder.hide()
        placeholder.deleteLater()
        return view

    # --- content ---------------------------------------------------------------------------
    def add_file(self, path: str, verdict: str, ok: bool, details: str = "") -> QTreeWidgetItem:
        """A row for one checked file: its path (elided in the middle), the verdict, details in the tooltip."""
        item = QTreeWidgetItem(self)
        item.setData(CODE, Qt.ItemDataRole.UserRole, path)
        item.setIcon(CODE, QgsApplication.getThemeIcon(VALID_ICON if ok else ERROR_ICON))
        item.setText(CODE, path)
        item.setToolTip(CODE, "\n".join(part for part in (path, details) if part))
        item.setText(MESSAGE, verdict)
        item.setToolTip(MESSAGE, verdict)
        return item

    def add_findings(self, findings: Iterable[Finding], parent: Optional[QTreeWidgetItem] = None) -> None:
        """Finding rows, under `parent` (a file row) or at the top level."""
        for finding in findings:
            item = FindingItem(finding)
            if parent is not None:
                parent.addChild(item)
            else:
                self.addTopLevelItem(item)
        if parent is not None:
            parent.setExpanded(True)
        self.fit_columns()

    def finding_items(self) -> List[FindingItem]:
        """Every finding row, top to bottom."""
        rows: List[FindingItem] = []
        for index in range(self.topLevelItemCount()):
            item = self.topLevelItem(index)
            rows += [
                row
                for row in [item, *(item.child(i) for i in range(item.childCount()))]
                if isinstance(row, FindingItem)
            ]
        return rows

    # --- columns ---------------------------------------------------------------------------
    def fit_columns(self) -> None:
        """The code column fits the longest code (never cut); message and fix share the rest of the width."""
        if self._user_sized:
            return
        metrics = self.fontMetrics()
        rows = self.finding_items()
        decorated = 1 if self.rootIsDecorated() else 0
        widest = max(
            (
                metrics.horizontalAdvance(row.text(CODE)) + self.indentation() * (_depth(row) + decorated)
                for row in rows
            ),
            default=0,
        )
        icon = (
            self.iconSize().width()
            if self.iconSize().isValid()
            else self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        )
        code_width = max(widest + icon + 3 * metrics.horizontalAdvance("M"), 160)
        rest = max(self.viewport().width() - code_width, 2 * MIN_TEXT_COLUMN)
        self._fitting = True
        try:
            self.setColumnWidth(CODE, code_width)
            self.setColumnWidth(MESSAGE, max(int(rest * MESSAGE_SHARE), MIN_TEXT_COLUMN))
        finally:
            self._fitting = False

    def _remember_user_width(self, column: int, _old: int, _new: int) -> None:
        # The last column follows the viewport (it stretches); a change to another one is the person's.
        if not self._fitting and column != FIX and self.isVisible():
            self._user_sized = True

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit_columns()


def _depth(item: QTreeWidgetItem) -> int:
    depth, parent = 0, item.parent()
    while parent is not None:
        depth, parent = depth + 1, parent.parent()
    return depth
