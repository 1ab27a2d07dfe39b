"""`cogport:convert_to_cog`: COG conversion with a target profile as a Processing algorithm."""

from __future__ import annotations

import os
from typing import Tuple

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputMultipleLayers,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)

from ...core.cog.convert import ConversionOptions, convert_to_cog, open_raster
from ...core.cog.profiles import PROFILE_NAMES, PROFILES
from ...core.errors import CogportError
from ..common.i18n import tr, translatable
from ..common.layer_sources import layer_file_path
from .base import CogportAlgorithm, choice_parameter
from .feedback import progress_from_feedback
from .validate_algorithm import profiles_help


class ConvertToCogAlgorithm(CogportAlgorithm):
    NAME = "convert_to_cog"
    DISPLAY_NAME = translatable("Convert to COG")
    GROUP_ID = "cog"
    HELP = translatable(
        "Converts a raster to a Cloud Optimized GeoTIFF laid out for the chosen target. Lossless unless "
        "you pick a lossy compression: full-resolution pixels equal the source's (the web profile "
        "reprojects and so resamples). CRS, geotransform, nodata, band descriptions, colour table and "
        "metadata are kept. The file appears only once complete; cancelling leaves nothing behind.\n\n"
        "Profiles:\n{profiles}\n\n"
        "COMPRESS: empty keeps the profile's compression. BLOCKSIZE: 0 keeps the profile's tile size. "
        "An override the target does not accept is refused:\n{accepted}\n\n"
        "SPLIT_BANDS: one single-band COG per band beside OUTPUT, named <stem>_B01.tif, "
        "<stem>_B02.tif, … (or put (BAND) in the output name); OUTPUT then returns the first band's "
        "file and OUTPUTS lists them all."
    )

    INPUT = "INPUT"
    PROFILE = "PROFILE"
    COMPRESS = "COMPRESS"
    BLOCKSIZE = "BLOCKSIZE"
    SPLIT_BANDS = "SPLIT_BANDS"
    OUTPUT = "OUTPUT"
    OUTPUTS = "OUTPUTS"

    def shortHelpString(self) -> str:
        profiles = "\n".join(f"• {name}: {tr(PROFILES[name].description)}" for name in PROFILE_NAMES)
        return self.tr(self.HELP).replace("{profiles}", profiles).replace("{accepted}", profiles_help())

    def tags(self) -> list:
        # One translatable list, as QGIS's own algorithms have: a translation may add its language's words.
        return [
            tag.strip() for tag in self.tr("cog,geotiff,cloud,convert,earth engine,sentinel hub,byoc,web").split(",")
        ]

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(QgsProcessingParameterRasterLayer(self.INPUT, self.tr("Input raster (layer or file)")))
        self.addParameter(choice_parameter(self.PROFILE, self.tr("Target profile"), PROFILE_NAMES, "generic"))
        self.addParameter(
            QgsProcessingParameterString(
                self.COMPRESS, self.tr("Compression (empty = the profile's default)"), defaultValue="", optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.BLOCKSIZE,
                self.tr("Tile size in pixels (0 = the profile's default)"),
                type=QgsProcessingParameterNumber.Type.Integer,
                defaultValue=0,
                minValue=0,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.SPLIT_BANDS, self.tr("Write one single-band COG per band (<stem>_B01.tif, …)"), defaultValue=False
            )
        )
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Cloud Optimized GeoTIFF")))
        self.addOutput(QgsProcessingOutputMultipleLayers(self.OUTPUTS, self.tr("All files written")))

    def checkParameterValues(self, parameters: dict, context: QgsProcessingContext) -> Tuple[bool, str]:
        # QGIS says "<path> not found" for any file it cannot load as a layer, even one that exists.
        source = parameters.get(self.INPUT)
        if isinstance(source, str) and os.path.isfile(source):
            try:
                open_raster(source)
            except CogportError as error:
                return False, error.user_message
        return super().checkParameterValues(parameters, context)

    def process(self, parameters: dict, context: QgsProcessingContext, feedback: QgsProcessingFeedback) -> dict:
        layer = self.parameterAsRasterLayer(parameters, self.INPUT, context)
        if layer is None:
            raise QgsProcessingException(self.tr("The input raster could not be loaded. Check the INPUT parameter."))
        if layer.providerType() != "gdal":
            raise QgsProcessingException(
                self.tr(
                    "The layer '{layer}' is not a file-based raster ({provider} provider). "
                    "Check the INPUT: choose a raster file or a layer read by GDAL."
                ).format(layer=layer.name(), provider=layer.providerType())
            )
        source = layer_file_path(layer)
        profile = self.parameterAsChoice(parameters, self.PROFILE, context)
        compress = (self.parameterAsString(parameters, self.COMPRESS, context) or "").strip()
        block_size = self.parameterAsInt(parameters, self.BLOCKSIZE, context)
        split = self.parameterAsBool(parameters, self.SPLIT_BANDS, context)
        destination = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        options = ConversionOptions(compress=compress or None, block_size=block_size or None, split_bands=split)
        feedback.pushInfo(
            self.tr("Converting {source} with the '{profile}' profile.").format(source=source, profile=profile)
        )
        result = convert_to_cog(source, destination, profile, options, progress_from_feedback(feedback))
        for note in result.notes:
            feedback.pushWarning(note)
        feedback.pushInfo(self.tr("Creation options: {options}").format(options=" ".join(result.creation_options)))

        if split:
            _load_band_files_instead(context, destination, result.outputs)
        return {self.OUTPUT: result.outputs[0], self.OUTPUTS: result.outputs}


def _load_band_files_instead(context: QgsProcessingContext, destination: str, outputs: list) -> None:
    """The nominal OUTPUT file does not exist when bands are split; load the band files in its place."""
    if not context.willLoadLayerOnCompletion(destination):
        return
    details = context.layerToLoadOnCompletionDetails(destination)
    layers = context.layersToLoadOnCompletion()
    layers.pop(destination, None)
    for path in outputs:
        band_details = QgsProcessingContext.LayerDetails(
            f"{details.name or 'COG'} {path.rsplit('_', 1)[-1].split('.')[0]}", details.project, details.outputName
        )
        layers[path] = band_details
    context.setLayersToLoadOnCompletion(layers)
