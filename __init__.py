"""Cogport QGIS plugin entry point."""


def classFactory(iface):
    from .plugin.qgis.plugin import CogportPlugin

    return CogportPlugin(iface)
