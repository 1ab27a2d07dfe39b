"""CogportAlgorithm: what every Cogport Processing algorithm shares.

A subclass sets NAME, DISPLAY_NAME, GROUP_ID and HELP, declares its parameters in initAlgorithm(), and
implements process() (and prepare() when something must be resolved on the main thread first). A
CogportError raised by either reaches the person as its one-sentence message, as a QgsProcessingException.
"""

from __future__ import annotations

from typing import Any, Dict

from qgis.core import QgsProcessingAlgorithm, QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback
from qgis.PyQt.QtGui import QIcon

from ...core.errors import CogportError
from ..common.i18n import tr, translatable
from ..common.resources import icon_path

# Group ids and the names the Toolbox shows for them.
GROUPS = {
    "cog": translatable("Cloud Optimized GeoTIFF"),
    "storage": translatable("Object storage"),
    "services": translatable("Cloud services"),
}


class CogportAlgorithm(QgsProcessingAlgorithm):
    NAME = ""
    DISPLAY_NAME = ""
    GROUP_ID = ""
    HELP = ""

    def name(self) -> str:
        return self.NAME

    def displayName(self) -> str:
        return tr(self.DISPLAY_NAME)

    def group(self) -> str:
        return tr(GROUPS[self.GROUP_ID])

    def groupId(self) -> str:
        return self.GROUP_ID

    def shortHelpString(self) -> str:
        return tr(self.HELP)

    def icon(self) -> QIcon:
        return QIcon(icon_path("cogport.svg"))

    def createInstance(self) -> CogportAlgorithm:
        return type(self)()

    def tr(self, text: str) -> str:
        return tr(text)

    def prepareAlgorithm(
        self, parameters: Dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> bool:
        try:
            return self.prepare(parameters, context, feedback)
        except CogportError as error:
            raise QgsProcessingException(error.user_message) from error

    def processAlgorithm(
        self, parameters: Dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> Dict[str, Any]:
        try:
            return self.process(parameters, context, feedback)
        except CogportError as error:
            raise QgsProcessingException(error.user_message) from error

    def prepare(
        self, parameters: Dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> bool:
        """Runs on the main thread before process(): resolve connections and secrets here."""
        return True

    def process(
        self, parameters: Dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> Dict[str, Any]:
        raise NotImplementedError
