"""cogport:build_mosaic — every COG under a prefix as one mosaic (a local VRT) with its footprints."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingOutputVectorLayer,
    QgsProcessingParameterFileDestination,
)

from ...core.cog.mosaic import build_prefix_mosaic
from ..common.i18n import translatable
from .feedback import progress_from_feedback
from .storage_algorithms import PrefixAlgorithm


class BuildMosaicAlgorithm(PrefixAlgorithm):
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

    FOOTPRINTS, SCENES = "FOOTPRINTS", "SCENES"

    def initAlgorithm(self, config=None) -> None:
        self.add_prefix_parameters()
        self.addParameter(
            QgsProcessingParameterFileDestination(self.OUTPUT, self.tr("Mosaic"), self.tr("VRT files (*.vrt)"))
        )
        self.addOutput(QgsProcessingOutputVectorLayer(self.FOOTPRINTS, self.tr("Footprints")))
        self.addOutput(QgsProcessingOutputNumber(self.SCENES, self.tr("Scenes in the mosaic")))

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
            *self.selection(parameters, context),
            progress_from_feedback(feedback),
        )
        for reason in mosaic.skipped:
            feedback.pushWarning(self.tr("Left out {reason}").format(reason=reason))
        feedback.pushInfo(self.tr("{scenes} scenes in {path}.").format(scenes=mosaic.scenes, path=mosaic.vrt))
        footprints = mosaic.footprints_source
        name = prefix.name
        for source, label, output_name in (
            (str(mosaic.vrt), name, self.OUTPUT),
            (footprints, self.tr("{name} footprints").format(name=name), self.FOOTPRINTS),
        ):
            context.addLayerToLoadOnCompletion(
                source, QgsProcessingContext.LayerDetails(label, context.project(), output_name)
            )
        return {self.OUTPUT: str(mosaic.vrt), self.FOOTPRINTS: footprints, self.SCENES: mosaic.scenes}
