"""The `cogport` Processing provider: every Cogport capability as an algorithm."""

from __future__ import annotations

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..common.resources import icon_path


class CogportProvider(QgsProcessingProvider):
    def id(self) -> str:
        return "cogport"

    def name(self) -> str:
        return "Cogport"

    def icon(self) -> QIcon:
        return QIcon(icon_path("cogport.svg"))

    def svgIconPath(self) -> str:
        return icon_path("cogport.svg")

    def loadAlgorithms(self) -> None:
        for algorithm_class in algorithm_classes():
            self.addAlgorithm(algorithm_class())


def algorithm_classes() -> list:
    """All algorithm classes; imported here so the provider module stays cheap to load."""
    from .batch_algorithm import PublishBatchAlgorithm
    from .byoc_algorithm import ListByocTilesAlgorithm, RegisterByocTilesAlgorithm
    from .convert_algorithm import ConvertToCogAlgorithm
    from .earthengine_algorithm import RegisterEarthEngineAlgorithm
    from .mosaic_algorithm import BuildMosaicAlgorithm
    from .storage_algorithms import ListObjectsAlgorithm, OpenRemoteRasterAlgorithm
    from .upload_algorithm import UploadAlgorithm
    from .validate_algorithm import ValidateCogAlgorithm

    return [
        ValidateCogAlgorithm,
        RegisterEarthEngineAlgorithm,
        UploadAlgorithm,
        ListObjectsAlgorithm,
        OpenRemoteRasterAlgorithm,
        BuildMosaicAlgorithm,
        RegisterByocTilesAlgorithm,
        ListByocTilesAlgorithm,
        ConvertToCogAlgorithm,
        PublishBatchAlgorithm,
    ]
