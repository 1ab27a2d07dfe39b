"""CogportAlgorithm: what every Cogport Processing algorithm shares.

A subclass sets NAME, DISPLAY_NAME, GROUP_ID and HELP, declares its parameters in initAlgorithm(), and
implements process() (and prepare() when something must be resolved on the main thread first). A
CogportError raised by either reaches the person as its one-sentence message, as a QgsProcessingException.

Choices are enums with static strings (QGIS >= 3.18), so `PROFILE=byoc` works in qgis_process, processing.run
and models; `choice_parameter` enums also take the 0-based index that models saved before held, and
`connection_parameter` enums list the saved connections of one kind, so the Toolbox offers them while a
name typed headless (any letter case) still resolves. A QgsProcessingParameterString with a Python widget
wrapper would do the second too, but those wrappers are deprecated and replace the modeler's own widget
(model inputs, expressions); QGIS 3.22 has no `value_hints` for string parameters.
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProperty,
)
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


# Metadata key of a connection_parameter: which kind of saved connection it lists.
CONNECTION_KIND = "cogport_connection_kind"


def _storage_names() -> List[str]:
    from ..storage.connections import ConnectionStore

    return ConnectionStore().names()


def _earthengine_names() -> List[str]:
    from ..earthengine.earthengine_connections import connection_names

    return connection_names()


def _byoc_names() -> List[str]:
    from ..byoc.byoc_connections import connection_names

    return connection_names()


# Kind of connection -> (the label messages use, the saved names).
CONNECTION_KINDS: Dict[str, Tuple[str, Callable[[], List[str]]]] = {
    "storage": (translatable("storage"), _storage_names),
    "earthengine": (translatable("Earth Engine"), _earthengine_names),
    "byoc": (translatable("BYOC"), _byoc_names),
}


def choice_parameter(name: str, description: str, options: Sequence[str], default: str) -> QgsProcessingParameterEnum:
    """An enum that takes its option names (PROFILE=byoc) and, as models saved before did, 0-based indexes."""
    parameter = QgsProcessingParameterEnum(name, description, options=list(options), defaultValue=default)
    parameter.setUsesStaticStrings(True)
    return parameter


def connection_parameter(name: str, description: str, kind: str, optional: bool) -> QgsProcessingParameterEnum:
    """The saved connections of `kind` as choices; empty (when optional) means the algorithm's fallback."""
    parameter = QgsProcessingParameterEnum(
        name, description, options=CONNECTION_KINDS[kind][1](), defaultValue=None, optional=optional
    )
    parameter.setUsesStaticStrings(True)
    parameter.setMetadata({CONNECTION_KIND: kind})
    return parameter


def _chosen(definition: QgsProcessingParameterDefinition, text: str) -> Optional[str]:
    """The option `text` names: exactly, in another letter case, or (plain choices only) by index."""
    options = list(definition.options())
    if text in options:
        return text
    folded = [option for option in options if option.casefold() == text.casefold()]
    if len(folded) == 1:
        return folded[0]
    if CONNECTION_KIND not in definition.metadata() and text.isdigit() and int(text) < len(options):
        return options[int(text)]
    return None


def _unknown(definition: QgsProcessingParameterDefinition, text: str) -> str:
    kind = definition.metadata().get(CONNECTION_KIND)
    options = ", ".join(definition.options())
    if kind is None:
        return tr("'{value}' is not a {name} choice. Check the {name} parameter: one of {options}.").format(
            value=text, name=definition.name(), options=options
        )
    label = tr(CONNECTION_KINDS[kind][0])
    if not options:
        return tr(
            "There is no {kind} connection named '{value}'. Check the {name} parameter: no {kind} connection is "
            "saved in this QGIS profile yet."
        ).format(kind=label, value=text, name=definition.name())
    return tr(
        "There is no {kind} connection named '{value}'. Check the {name} parameter: the saved ones are {options}."
    ).format(kind=label, value=text, name=definition.name(), options=options)


def _is_choice(definition: QgsProcessingParameterDefinition) -> bool:
    return isinstance(definition, QgsProcessingParameterEnum) and definition.usesStaticStrings()


class CogportAlgorithm(QgsProcessingAlgorithm):
    NAME = ""
    DISPLAY_NAME = ""
    GROUP_ID = ""
    HELP = ""
    CONNECTION_HELP = ""  # what the CONNECTION parameter takes, put in HELP's {connection_help}

    def name(self) -> str:
        return self.NAME

    def displayName(self) -> str:
        return tr(self.DISPLAY_NAME)

    def group(self) -> str:
        return tr(GROUPS[self.GROUP_ID])

    def groupId(self) -> str:
        return self.GROUP_ID

    def shortHelpString(self) -> str:
        return tr(self.HELP).replace("{connection_help}", tr(self.CONNECTION_HELP))

    def icon(self) -> QIcon:
        return QIcon(icon_path("cogport.svg"))

    def createInstance(self) -> CogportAlgorithm:
        return type(self)()

    def tr(self, text: str) -> str:
        return tr(text)

    def checkParameterValues(self, parameters: Dict[str, Any], context: QgsProcessingContext) -> Tuple[bool, str]:
        # QGIS checks static-string enums against their option names only: map indexes, letter case and
        # names first, and say which names exist when a value matches none.
        checked = dict(parameters)
        for definition in self.parameterDefinitions():
            value = parameters.get(definition.name())
            if not _is_choice(definition) or value is None or value == "" or isinstance(value, QgsProperty):
                continue
            text = self.parameterAsString(parameters, definition.name(), context).strip()
            chosen = _chosen(definition, text)
            if chosen is None:
                return False, _unknown(definition, text)
            checked[definition.name()] = chosen
        return super().checkParameterValues(checked, context)

    def parameterAsChoice(self, parameters: Dict[str, Any], name: str, context: QgsProcessingContext) -> str:
        """The option chosen for a choice_parameter or connection_parameter ("" when an optional one is empty)."""
        definition = self.parameterDefinition(name)
        text = self.parameterAsString(parameters, name, context).strip()
        if not text:
            return ""
        chosen = _chosen(definition, text)
        if chosen is None:
            raise QgsProcessingException(_unknown(definition, text))
        return chosen

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
