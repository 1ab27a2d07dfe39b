"""Prefetch around the view for Cogport's remote layers, driven by the map canvas.

The canvas says when the view changes (`extentsChanged`; `renderStarting` for a refresh in place) and
when its render has finished (`mapCanvasRefreshed`). The first stops any prefetch at once, so that the
real read has the link to itself; the second hands the views of the Cogport layers on the canvas to the
core's ViewPrefetcher, which plans and reads on its own threads. Other layers are never read.

While a Cogport remote layer is on the canvas, the canvas's preview jobs are paused. QGIS renders the
eight neighbouring views of every layer whose last render took under 250 ms, and a prefetched remote
layer renders that fast: QGIS would then download eight views per pause, and a view change cannot stop
GDAL's batched read of up to 10 MB per preview (measured in bench/session.py: up to 16 MB of stale
preview reads landed in the next view's render, 3.4 s instead of 0.2 s). Remote layers QGIS opens on its
own never get previews (they are slower than 250 ms), so this keeps them as they are; local layers lose
the neighbouring previews shown during a drag while a Cogport remote layer is on the map.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Callable, List, Optional

from qgis.core import QgsCoordinateTransform, QgsCsException, QgsMapLayer, QgsProject, QgsRasterLayer
from qgis.PyQt.QtCore import QObject

from ...core.cog.prefetch import LayerView, PrefetchLimits, ViewPrefetcher
from ...core.storage.gdal_config import cache_batched_reads
from ..common.settings import read_value, write_value
from .remote_layer_tuning import REMOTE_PROPERTY

LOG = logging.getLogger("cogport.prefetch")


@dataclass(frozen=True)
class PrefetchSettings:
    """Settings ▸ Options ▸ Cogport: what the prefetch may spend while the person looks at a view."""

    enabled: bool = True
    max_megabytes: int = 32  # per idle period, all layers together (and never more than 2 views' worth)
    max_seconds: float = 5.0  # per idle period, from the end of the render

    @property
    def limits(self) -> PrefetchLimits:
        return PrefetchLimits(self.max_megabytes << 20, self.max_seconds)


def prefetch_settings() -> PrefetchSettings:
    default = PrefetchSettings()
    return PrefetchSettings(
        read_value("prefetch/enabled", default.enabled, bool),
        read_value("prefetch/max_megabytes", default.max_megabytes, int),
        read_value("prefetch/max_seconds", default.max_seconds, float),
    )


def save_prefetch_settings(settings: PrefetchSettings) -> None:
    write_value("prefetch/enabled", settings.enabled)
    write_value("prefetch/max_megabytes", settings.max_megabytes)
    write_value("prefetch/max_seconds", settings.max_seconds)


def layer_view(canvas, layer: QgsMapLayer) -> Optional[LayerView]:
    """What the canvas shows of a Cogport remote raster, in its full-resolution pixels; None for other layers."""
    if not isinstance(layer, QgsRasterLayer) or not layer.customProperty(REMOTE_PROPERTY) or not layer.width():
        return None
    settings = canvas.mapSettings()
    extent = settings.visibleExtent()
    if settings.destinationCrs() != layer.crs():
        transform = QgsCoordinateTransform(settings.destinationCrs(), layer.crs(), QgsProject.instance())
        try:
            extent = transform.transformBoundingBox(extent)
        except QgsCsException:
            return None
    full = layer.extent()
    x_res, y_res = full.width() / layer.width(), full.height() / layer.height()
    window = (
        (extent.xMinimum() - full.xMinimum()) / x_res,
        (full.yMaximum() - extent.yMaximum()) / y_res,
        (extent.xMaximum() - full.xMinimum()) / x_res,
        (full.yMaximum() - extent.yMinimum()) / y_res,
    )
    size = settings.deviceOutputSize()
    return LayerView(layer.source(), window, (size.width(), size.height()))


class CanvasPrefetch(QObject):
    """Prefetches for the Cogport layers of one canvas; `unload()` stops it and restores GDAL's settings."""

    def __init__(
        self, canvas, settings: Callable[[], PrefetchSettings] = prefetch_settings, parent: Optional[QObject] = None
    ) -> None:
        super().__init__(parent)
        self._canvas = canvas
        self._settings = settings
        self.prefetcher: Optional[ViewPrefetcher] = None
        self._restore_gdal: Optional[Callable[[], None]] = None
        self._paused_previews = False
        canvas.extentsChanged.connect(self._view_changed)
        canvas.renderStarting.connect(self._view_changed)
        canvas.mapCanvasRefreshed.connect(self._rendered)
        canvas.layersChanged.connect(self._layers_changed)
        if settings().enabled:
            self._start()  # before the first view: its render reads through the cache as well

    def _view_changed(self) -> None:
        if self.prefetcher is not None:
            self.prefetcher.view_changed()

    def _layers_changed(self) -> None:
        shown = self._settings().enabled and any(layer_view(self._canvas, x) for x in self._canvas.layers())
        if shown and not self._paused_previews and self._canvas.previewJobsEnabled():
            self._canvas.setPreviewJobsEnabled(False)
            self._paused_previews = True
        elif not shown and self._paused_previews:
            self._canvas.setPreviewJobsEnabled(True)
            self._paused_previews = False

    def _rendered(self) -> None:
        settings = self._settings()
        self._layers_changed()  # the settings may have changed since
        if not settings.enabled:
            self._stop()
            return
        views: List[LayerView] = [v for v in (layer_view(self._canvas, x) for x in self._canvas.layers()) if v]
        if not views:
            return
        self._start().idle(views, settings.limits)

    def _start(self) -> ViewPrefetcher:
        if self.prefetcher is None:
            self._restore_gdal = cache_batched_reads()
            self.prefetcher = ViewPrefetcher()
        return self.prefetcher

    def _stop(self) -> None:
        if self.prefetcher is not None:
            self.prefetcher.close()
            self.prefetcher = None
        if self._restore_gdal is not None:
            self._restore_gdal()
            self._restore_gdal = None

    def unload(self) -> None:
        self._canvas.extentsChanged.disconnect(self._view_changed)
        self._canvas.renderStarting.disconnect(self._view_changed)
        self._canvas.mapCanvasRefreshed.disconnect(self._rendered)
        self._canvas.layersChanged.disconnect(self._layers_changed)
        if self._paused_previews:
            self._canvas.setPreviewJobsEnabled(True)
        self._stop()
