"""FormRows: shows and hides whole rows of a QFormLayout without leaving gaps where hidden rows were."""

from __future__ import annotations

from typing import Dict, List, Optional, Tuple

from qgis.PyQt.QtWidgets import QFormLayout, QWidget

_ROLES = (QFormLayout.ItemRole.FieldRole, QFormLayout.ItemRole.SpanningRole)


class FormRows:
    """Qt 6.4 added QFormLayout.setRowVisible. Before it a row whose widgets are hidden keeps its spacing, so
    there a hidden row is taken out of the layout and put back at its place when it is shown again."""

    def __init__(self, form: QFormLayout) -> None:
        self.form = form
        self._rows: List[Tuple[Optional[QWidget], QWidget]] = []  # (label, field) in the form's order
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = next(form.itemAt(row, role) for role in _ROLES if form.itemAt(row, role) is not None)
            self._rows.append((label.widget() if label is not None else None, field.widget()))
        self._shown: Dict[int, bool] = {id(field): True for _, field in self._rows}

    def set_visible(self, field: QWidget, visible: bool) -> None:
        if hasattr(self.form, "setRowVisible"):
            self.form.setRowVisible(field, visible)
            return
        if self._shown[id(field)] == visible:
            return
        index = next(i for i, (_, candidate) in enumerate(self._rows) if candidate is field)
        position = sum(1 for _, before in self._rows[:index] if self._shown[id(before)])
        label = self._rows[index][0]
        if visible:
            if label is None:
                self.form.insertRow(position, field)
            else:
                self.form.insertRow(position, label, field)
        else:
            self.form.takeRow(position)
        for widget in (label, field):
            if widget is not None:
                widget.setVisible(visible)
        self._shown[id(field)] = visible
