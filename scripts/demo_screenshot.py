"""Run inside QGIS by `make demo` without a display: opens the bucket tree, then saves a screenshot and quits."""

import os

from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtWidgets import QApplication
from qgis.utils import iface, plugins


def expand_demo_bucket():
    dock = plugins["cogport"].browser_dock
    dock.show()
    dock.raise_()
    iface.mainWindow().resizeDocks([dock], [400], Qt.Orientation.Horizontal)
    for index in range(dock.tree.topLevelItemCount()):
        dock.tree.topLevelItem(index).setExpanded(True)
    QTimer.singleShot(2500, expand_first_folder)


def expand_first_folder():
    dock = plugins["cogport"].browser_dock
    bucket = dock.tree.topLevelItem(0)
    if bucket is not None and bucket.childCount():
        bucket.child(0).setExpanded(True)
        QTimer.singleShot(2500, lambda: select_raster(bucket.child(0)))
    else:
        QTimer.singleShot(1000, save_and_quit)


def select_raster(folder):
    for index in range(folder.childCount()):
        child = folder.child(index)
        if child.text(0).endswith(".tif"):
            child.setSelected(True)
    iface.mapCanvas().refreshAllLayers()
    QTimer.singleShot(4000, save_and_quit)


def save_and_quit():
    iface.mainWindow().grab().save(os.environ["COGPORT_DEMO_SCREENSHOT"])
    QApplication.instance().quit()


# Without a window manager (Xvfb) showMaximized() keeps QGIS 3.40 and newer at their small default size.
iface.mainWindow().resize(1280, 800)
iface.mainWindow().show()
QTimer.singleShot(4000, expand_demo_bucket)
