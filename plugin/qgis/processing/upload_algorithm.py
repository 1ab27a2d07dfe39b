"""`cogport:upload`: uploads a local file to a bucket or container as a Processing algorithm."""

from __future__ import annotations

from typing import Optional, Tuple

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
)

from ...core.progress import Progress
from ...core.storage.connection import Credentials, StorageConnection
from ...core.storage.upload import IfExists, upload_file
from ..common.i18n import translatable
from .base import CogportAlgorithm, connection_parameter


class UploadAlgorithm(CogportAlgorithm):
    NAME = "upload"
    DISPLAY_NAME = translatable("Upload to bucket")
    GROUP_ID = "storage"
    HELP = translatable(
        "Uploads a local file to S3 (or an S3-compatible store), OpenStack Swift or Google Cloud Storage, "
        "checking its size and checksum afterwards. A cancelled or failed upload leaves nothing behind.\n\n"
        "DESTINATION: s3://bucket/key, /vsis3/bucket/key, /vsiswift/container/key, gs://bucket/key or "
        "/vsigs/bucket/key. A destination ending in '/' means that prefix plus the file's name.\n"
        "CONNECTION: a saved Cogport storage connection; leave it empty to use GDAL's own credentials "
        "(AWS_*, GS_*, SWIFT_* settings, ~/.aws…). An empty CONNECTION is refused for a bucket Cogport has "
        "open through a saved connection, whose keys GDAL would use instead.\n"
        "OVERWRITE: replace an existing object; otherwise an existing object stops the upload.\n"
        "VALID: in a model, connect the VALID output of 'Validate COG' to upload only valid COGs.\n\n"
        "Output URI: the uploaded object."
    )

    INPUT = "INPUT"
    DESTINATION = "DESTINATION"
    CONNECTION = "CONNECTION"
    OVERWRITE = "OVERWRITE"
    VALID = "VALID"
    OUTPUT = "OUTPUT"

    def __init__(self) -> None:
        super().__init__()
        self._target: Tuple[Optional[StorageConnection], Optional[Credentials]] = (None, None)

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(QgsProcessingParameterFile(self.INPUT, self.tr("Local file")))
        self.addParameter(QgsProcessingParameterString(self.DESTINATION, self.tr("Destination URI")))
        self.addParameter(
            connection_parameter(
                self.CONNECTION, self.tr("Storage connection (empty: GDAL's own settings)"), "storage", True
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(self.OVERWRITE, self.tr("Overwrite an existing object"), defaultValue=False)
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.VALID, self.tr("Upload only if this is true (validation result)"), defaultValue=True, optional=True
            )
        )
        self.addOutput(QgsProcessingOutputString(self.OUTPUT, self.tr("Uploaded object URI")))
        self.addOutput(QgsProcessingOutputString("VSI_PATH", self.tr("Uploaded object as a GDAL /vsi…/ path")))
        self.addOutput(QgsProcessingOutputNumber("SIZE", self.tr("Bytes uploaded")))

    def prepare(self, parameters: dict, context: QgsProcessingContext, feedback: QgsProcessingFeedback) -> bool:
        # Runs on the main thread: the only place the auth database may be asked for secrets.
        name = self.parameterAsChoice(parameters, self.CONNECTION, context)
        self._target = (None, None)
        if name:
            from ..storage.connections import ConnectionStore

            self._target = ConnectionStore().resolve(name)
        return True

    def process(self, parameters: dict, context: QgsProcessingContext, feedback: QgsProcessingFeedback) -> dict:
        source = self.parameterAsFile(parameters, self.INPUT, context)
        destination = self.parameterAsString(parameters, self.DESTINATION, context).strip()
        if not destination:
            raise QgsProcessingException(self.tr("No destination was given. Check the DESTINATION parameter."))
        if parameters.get(self.VALID) is not None and not self.parameterAsBoolean(parameters, self.VALID, context):
            raise QgsProcessingException(
                self.tr(
                    "{source} was not uploaded: validation found errors. Check the validation report and fix the "
                    "file (or convert it with 'Convert to COG')."
                ).format(source=source)
            )
        overwrite = self.parameterAsBoolean(parameters, self.OVERWRITE, context)
        connection, credentials = self._target
        result = upload_file(
            source,
            destination,
            connection,
            credentials,
            if_exists=IfExists.OVERWRITE if overwrite else IfExists.FAIL,
            progress=Progress(
                on_fraction=lambda f: feedback.setProgress(100.0 * f),
                is_cancelled=feedback.isCanceled,
                on_message=feedback.setProgressText,
            ),
        )
        feedback.pushInfo(
            self.tr("Uploaded {source} to {uri}: {size} bytes, {parts} part(s), checksum verified.").format(
                source=source, uri=result.uri, size=result.size, parts=result.parts
            )
        )

        return {self.OUTPUT: result.uri, "VSI_PATH": result.location.vsi_path, "SIZE": result.size}
