"""Tile footprints as QGIS features: one field set and one style for the dock's layer and Processing outputs."""

from __future__ import annotations

from typing import Iterable

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsFillSymbol,
    QgsGeometry,
    QgsRendererCategory,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ...core.services.byoc import Tile
from ...core.services.byoc_tiles import footprint_wkt
from ..common.field_types import TEXT

CRS = "EPSG:4326"
STATUS_COLOURS = {
    "WAITING": "#9e9e9e",
    "QUEUED": "#64b5f6",
    "INGESTING": "#ffb300",
    "INGESTED": "#43a047",
    "FAILED": "#e53935",
}


def footprint_fields() -> QgsFields:
    fields = QgsFields()
    for name in ("path", "status", "sensingTime", "created", "failureCause", "warnings", "tileId"):
        fields.append(QgsField(name, TEXT))
    return fields


def footprint_feature(tile: Tile, fields: QgsFields) -> QgsFeature:
    """The tile's cover (else tile) geometry in EPSG:4326 as a multipolygon, with its attributes."""
    feature = QgsFeature(fields)
    wkt = footprint_wkt(tile.geometry, 4326)
    if wkt:
        geometry = QgsGeometry.fromWkt(wkt)
        geometry.convertToMultiType()
        feature.setGeometry(geometry)
    feature.setAttributes(
        [tile.path, tile.status, tile.sensing_time, tile.created, tile.failed_cause, tile.warnings, tile.id]
    )
    return feature


def create_footprint_layer(name: str, tiles: Iterable[Tile] = ()) -> QgsVectorLayer:
    """A styled memory layer of tile footprints. Main thread only."""
    layer = QgsVectorLayer(f"MultiPolygon?crs={CRS}", name, "memory")
    layer.dataProvider().addAttributes(footprint_fields().toList())
    layer.updateFields()
    apply_status_style(layer)
    update_footprints(layer, tiles)
    return layer


def update_footprints(layer: QgsVectorLayer, tiles: Iterable[Tile]) -> None:
    """Replaces the layer's features with the tiles' current state. Main thread only."""
    provider = layer.dataProvider()
    provider.truncate()
    provider.addFeatures([footprint_feature(tile, layer.fields()) for tile in tiles])
    layer.updateExtents()
    layer.triggerRepaint()


def apply_status_style(layer: QgsVectorLayer) -> None:
    categories = []
    for status, colour in STATUS_COLOURS.items():
        symbol = QgsFillSymbol.createSimple({"color": colour + "55", "outline_color": colour, "outline_width": "0.6"})
        categories.append(QgsRendererCategory(status, symbol, status.capitalize()))
    layer.setRenderer(QgsCategorizedSymbolRenderer("status", categories))


def footprint_geometry_type() -> QgsWkbTypes.Type:
    return QgsWkbTypes.Type.MultiPolygon


def footprint_crs() -> QgsCoordinateReferenceSystem:
    return QgsCoordinateReferenceSystem(CRS)
