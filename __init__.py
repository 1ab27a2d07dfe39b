"""Cogport QGIS plugin entry point."""


def classFactory(iface):  # noqa: N802 - name fixed by QGIS
    from .plugin.qgis.plugin import CogportPlugin

    return CogportPlugin(iface)
