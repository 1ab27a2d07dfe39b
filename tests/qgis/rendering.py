"""Renders layers with QgsMapRendererParallelJob and reads the image back as gray values."""

from __future__ import annotations

import numpy as np
from qgis.core import QgsContrastEnhancement, QgsMapRendererParallelJob, QgsMapSettings, QgsRasterLayer
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor


def render_gray(layer: QgsRasterLayer, width: int, height: int) -> np.ndarray:
    """Renders the whole layer pixel-for-pixel with a 0..255 gray stretch; returns the gray values."""
    renderer = layer.renderer().clone()
    enhancement = QgsContrastEnhancement(layer.dataProvider().dataType(1))
    enhancement.setContrastEnhancementAlgorithm(QgsContrastEnhancement.StretchToMinimumMaximum)
    enhancement.setMinimumValue(0)
    enhancement.setMaximumValue(255)
    renderer.setContrastEnhancement(enhancement)
    layer.setRenderer(renderer)
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(layer.crs())
    settings.setExtent(layer.extent())
    settings.setOutputSize(QSize(width, height))
    settings.setBackgroundColor(QColor(0, 0, 0))
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    assert not job.errors(), [e.message for e in job.errors()]
    pointer = image.constBits()
    pointer.setsize(image.sizeInBytes())
    argb = np.frombuffer(pointer, dtype=np.uint8).reshape(height, image.bytesPerLine() // 4, 4)[:, :width]
    return argb[:, :, 0].copy()  # blue channel of BGRA = gray
