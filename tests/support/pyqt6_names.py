"""Run under /usr/bin/python3 with PyQt6 alone: prints, as JSON, what each PyQt6 class holds.

For every class of the Qt modules QGIS plugins use: its attribute names, and which nested enum each enum
member belongs to (PyQt6 only accepts the scoped form, `Qt.AlignmentFlag.AlignLeft`). The Qt 6 scan test
reads this instead of a hand-written list. PyQt6 runs in its own process: Qt 5 and Qt 6 cannot share one.
"""

import enum
import importlib
import json
import sys

MODULES = ["QtCore", "QtGui", "QtWidgets", "QtNetwork", "QtXml", "QtSql", "QtSvg", "QtPrintSupport"]


def describe(cls: type) -> dict:
    members = {}
    for name in dir(cls):
        value = getattr(cls, name, None)
        if isinstance(value, type) and issubclass(value, enum.Enum):
            for member in value.__members__:
                members.setdefault(member, name)
    return {"attributes": sorted(dir(cls)), "enum_members": members}


def main() -> None:
    names = {}
    for module_name in MODULES:
        try:
            module = importlib.import_module(f"PyQt6.{module_name}")
        except ImportError:
            continue
        names[module_name] = {name: describe(value) for name, value in vars(module).items() if isinstance(value, type)}
    json.dump(names, sys.stdout)


main()
