"""Run inside QGIS by the install test (`qgis --code`): reports what the installed plugin added, then quits."""

import json
import os
import sys

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication, QDockWidget
from qgis.utils import iface, plugins


def report_and_quit():
    provider = QgsApplication.processingRegistry().providerById("cogport")
    menu_actions = []
    for menu_action in iface.rasterMenu().actions():
        if menu_action.menu() is not None and "Cogport" in menu_action.text():
            menu_actions = [action.text() for action in menu_action.menu().actions()]
    plugin = plugins.get("cogport")
    report = {
        "loaded_from": sys.modules["cogport"].__file__ if plugin else None,
        "docks": sorted(dock.windowTitle() for dock in iface.mainWindow().findChildren(QDockWidget)),
        "menu": menu_actions,
        "algorithms": sorted(a.id() for a in provider.algorithms()) if provider else [],
    }
    with open(os.environ["COGPORT_PROBE_REPORT"], "w", encoding="utf-8") as out:
        json.dump(report, out)
    QApplication.instance().quit()


QTimer.singleShot(0, report_and_quit)
