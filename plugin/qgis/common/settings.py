"""Named, non-secret settings records under `cogport/` in QgsSettings.

Each record is a dataclass; one key per field. Secrets never come here: a record
holds at most the id of a QGIS authentication config (see auth.py). Kept in one
module so a later move to QgsSettingsEntry* (QGIS >= 3.30) touches one file.
"""

from __future__ import annotations

import dataclasses
import typing
from enum import Enum
from typing import Any, List, Type, TypeVar

from qgis.core import QgsSettings

ROOT = "cogport"
Record = TypeVar("Record")


class SettingsGroup:
    """The records of one kind, e.g. `SettingsGroup("storage-connections")`."""

    def __init__(self, group: str) -> None:
        self.prefix = f"{ROOT}/{group}"

    def names(self) -> List[str]:
        settings = QgsSettings()
        settings.beginGroup(self.prefix)
        names = settings.childGroups()
        settings.endGroup()
        return sorted(names, key=str.casefold)

    def exists(self, name: str) -> bool:
        return name in self.names()

    def write(self, name: str, record: Any) -> None:
        settings = QgsSettings()
        settings.remove(f"{self.prefix}/{name}")
        for field in dataclasses.fields(record):
            value = getattr(record, field.name)
            if isinstance(value, tuple):
                value = list(value)
            elif isinstance(value, Enum):
                value = value.value
            settings.setValue(f"{self.prefix}/{name}/{field.name}", value)

    def read(self, name: str, record_type: Type[Record]) -> Record:
        settings = QgsSettings()
        hints = typing.get_type_hints(record_type)
        values = {}
        for field in dataclasses.fields(record_type):
            key = f"{self.prefix}/{name}/{field.name}"
            if not settings.contains(key):
                continue
            values[field.name] = _typed(settings, key, hints[field.name])
        return record_type(**values)

    def remove(self, name: str) -> None:
        QgsSettings().remove(f"{self.prefix}/{name}")


def _typed(settings: QgsSettings, key: str, hint: Any) -> Any:
    origin = typing.get_origin(hint)
    if origin is tuple:
        raw = settings.value(key, [], type=list)
        return tuple(str(item) for item in (raw or []))
    if hint in (bool, int, float, str):
        return settings.value(key, hint(), type=hint)
    if isinstance(hint, type) and issubclass(hint, str):  # str-valued Enum
        return hint(settings.value(key, "", type=str))
    return settings.value(key)


def read_value(key: str, default: Any, value_type: type = str) -> Any:
    """A single plugin-wide option under `cogport/`."""
    return QgsSettings().value(f"{ROOT}/{key}", default, type=value_type)


def write_value(key: str, value: Any) -> None:
    QgsSettings().setValue(f"{ROOT}/{key}", value)
