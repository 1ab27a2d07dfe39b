"""What lies behind a map layer: the file or /vsi… path GDAL reads."""

from __future__ import annotations

from qgis.core import QgsMapLayer, QgsProviderRegistry, QgsRasterLayer


def layer_file_path(layer: QgsMapLayer) -> str:
    """The file path or /vsi… path behind a GDAL raster layer, without layer-source options; '' for other layers."""
    if not isinstance(layer, QgsRasterLayer) or layer.providerType() != "gdal":
        return ""
    decoded = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
    return decoded.get("path") or layer.source().split("|")[0]
