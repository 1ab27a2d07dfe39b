"""cogport:build_mosaic — every COG under a prefix as one mosaic (a local VRT) with its footprints."""

from __future__ import annotations

from pathlib import Path
from typing import Optional, Tuple

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingOutputVectorLayer,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ...core.cog.mosaic import build_prefix_mosaic
from ...core.storage.connection import Credentials, StorageConnection
from ...core.storage.uri import ObjectLocation
from ..common.i18n import translatable
from .base import connection_parameter
from .feedback import progress_from_feedback
from .storage_algorithms import StorageAlgorithm, resolve_storage


class BuildMosaicAlgorithm(StorageAlgorithm):
    NAME = "build_mosaic"
    DISPLAY_NAME = translatable("Build mosaic of a prefix")
    HELP = translatable(
        "Makes one mosaic layer of every COG under a bucket prefix: a local VRT over their /vsi… paths (no "
        "secret in it), a local overview made from each scene's smallest overview so the full extent reads no "
        "scene, and a footprints layer. Headers are read in parallel; a view at full resolution opens only the "
        "scenes it shows. Scenes in another CRS than the first are left out.\n\n{connection_help}\n"
        "LOCATION: s3://bucket/prefix/, gs://…, /vsiswift/container/prefix/.\nRECURSIVE: include sub-prefixes.\n"
        "PATTERN: a name filter such as *.tif (empty: every raster).\nOUTPUT: the .vrt file; the overview "
        "(<name>.overview.tif) and footprints (<name>.footprints.gpkg) are written beside it."
    )

    CONNECTION, LOCATION, RECURSIVE, PATTERN, OUTPUT = "CONNECTION", "LOCATION", "RECURSIVE", "PATTERN", "OUTPUT"
    FOOTPRINTS, SCENES = "FOOTPRINTS", "SCENES"

    def __init__(self) -> None:
        super().__init__()
        self._resolved: Optional[Tuple[StorageConnection, Credentials, ObjectLocation]] = None

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(connection_parameter(self.CONNECTION, self.tr("Storage connection"), "storage", False))
        self.addParameter(QgsProcessingParameterString(self.LOCATION, self.tr("Prefix (s3://bucket/prefix/)")))
        self.addParameter(
            QgsProcessingParameterBoolean(self.RECURSIVE, self.tr("Include sub-prefixes"), defaultValue=False)
        )
        self.addParameter(
            QgsProcessingParameterString(self.PATTERN, self.tr("Name pattern"), defaultValue="*.tif", optional=True)
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(self.OUTPUT, self.tr("Mosaic"), self.tr("VRT files (*.vrt)"))
        )
        self.addOutput(QgsProcessingOutputVectorLayer(self.FOOTPRINTS, self.tr("Footprints")))
        self.addOutput(QgsProcessingOutputNumber(self.SCENES, self.tr("Scenes in the mosaic")))

    def prepare(self, parameters, context: QgsProcessingContext, feedback) -> bool:
        self._resolved = resolve_storage(
            self.parameterAsChoice(parameters, self.CONNECTION, context),
            self.parameterAsString(parameters, self.LOCATION, context).strip(),
        )
        return True

    def process(self, parameters, context: QgsProcessingContext, feedback: QgsProcessingFeedback) -> dict:
        connection, credentials, prefix = self._resolved
        output = Path(self.parameterAsFileOutput(parameters, self.OUTPUT, context))
        if output.suffix.lower() != ".vrt":
            output = output.with_suffix(".vrt")
        output.parent.mkdir(parents=True, exist_ok=True)
        mosaic = build_prefix_mosaic(
            connection,
            credentials,
            prefix,
            output,
            self.parameterAsBoolean(parameters, self.RECURSIVE, context),
            self.parameterAsString(parameters, self.PATTERN, context).strip(),
            progress_from_feedback(feedback),
        )
        for reason in mosaic.skipped:
            feedback.pushWarning(self.tr("Left out {reason}").format(reason=reason))
        feedback.pushInfo(self.tr("{scenes} scenes in {path}.").format(scenes=mosaic.scenes, path=mosaic.vrt))
        footprints = f"{mosaic.footprints}|layername=footprints"
        name = prefix.as_prefix().key.rstrip("/").rsplit("/", 1)[-1] or prefix.bucket
        for source, label, output_name in (
            (str(mosaic.vrt), name, self.OUTPUT),
            (footprints, self.tr("{name} footprints").format(name=name), self.FOOTPRINTS),
        ):
            context.addLayerToLoadOnCompletion(
                source, QgsProcessingContext.LayerDetails(label, context.project(), output_name)
            )
        return {self.OUTPUT: str(mosaic.vrt), self.FOOTPRINTS: footprints, self.SCENES: mosaic.scenes}
