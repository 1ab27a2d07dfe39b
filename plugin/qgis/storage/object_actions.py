"""What Cogport offers on selected bucket objects: one registry for the bucket dock and the QGIS Browser panel."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, List

from qgis.PyQt.QtWidgets import QApplication, QMenu

from ...core.errors import CogportError
from ...core.storage.connection import StorageConnection
from ...core.storage.listing import Entry
from ..common.i18n import tr
from .connections import ConnectionStore


@dataclass(frozen=True)
class ObjectAction:
    """A context-menu entry for selected bucket objects and prefixes."""

    label: str
    applies_to: Callable[[List[Entry]], bool]
    run: Callable[[StorageConnection, List[Entry]], None]


def _copy(lines: List[str]) -> None:
    QApplication.clipboard().setText("\n".join(lines))


class ObjectActions:
    """The actions on bucket objects, in the order menus show them; copying URIs and GDAL paths comes built in."""

    def __init__(self, store: ConnectionStore) -> None:
        self.store = store
        self.actions: List[ObjectAction] = [
            ObjectAction(
                tr("Copy URI"),
                lambda entries: bool(entries),
                lambda _c, entries: _copy([e.location.uri for e in entries]),
            ),
            ObjectAction(
                tr("Copy GDAL path"),
                lambda entries: bool(entries),
                lambda _c, entries: _copy([e.location.vsi_path for e in entries]),
            ),
        ]
        self._builtin = len(self.actions)

    def add(self, action: ObjectAction) -> None:
        self.actions.append(action)

    def applicable(self, entries: List[Entry]) -> List[ObjectAction]:
        return [action for action in self.actions if action.applies_to(entries)]

    def run(self, action: ObjectAction, connection: StorageConnection, entries: List[Entry]) -> None:
        """Runs the action with the objects' buckets readable through GDAL; raises CogportError."""
        for bucket in {e.location.bucket for e in entries}:
            self.store.activate(connection, bucket)
        action.run(connection, entries)

    def populate(
        self,
        menu: QMenu,
        connection: StorageConnection,
        entries: List[Entry],
        report: Callable[[CogportError], None],
    ) -> None:
        """Adds the actions that apply to `entries` to `menu`, features after a separator; failures go to `report`."""
        separated = False
        for index, action in enumerate(self.actions):
            if not action.applies_to(entries):
                continue
            if index >= self._builtin and not separated:
                menu.addSeparator()
                separated = True
            menu.addAction(action.label, lambda a=action: self._run_reporting(a, connection, entries, report))

    def _run_reporting(
        self,
        action: ObjectAction,
        connection: StorageConnection,
        entries: List[Entry],
        report: Callable[[CogportError], None],
    ) -> None:
        try:
            self.run(action, connection, entries)
        except CogportError as error:
            report(error)
