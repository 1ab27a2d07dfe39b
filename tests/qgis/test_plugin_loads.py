"""The plugin loads in QGIS, registers its provider, and unloads cleanly."""

from __future__ import annotations

from qgis.core import QgsApplication

import cogport


def test_class_factory_init_and_unload(qgis_iface):
    plugin = cogport.classFactory(qgis_iface)
    plugin.initGui()
    assert QgsApplication.processingRegistry().providerById("cogport") is not None
    plugin.unload()
    assert QgsApplication.processingRegistry().providerById("cogport") is None
