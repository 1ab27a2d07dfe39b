"""Browsing as Processing algorithms: list a bucket prefix, open a remote raster."""

from __future__ import annotations

import datetime as dt
from typing import Optional, Tuple

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputRasterLayer,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ...core.storage.connection import Credentials, StorageConnection
from ...core.storage.listing import walk_objects
from ...core.storage.uri import ObjectLocation, parse_location
from ..common.field_types import INTEGER64, TEXT
from ..common.i18n import tr, translatable
from ..storage.connections import ConnectionStore
from ..storage.layers import open_remote_layer
from .base import CogportAlgorithm, connection_parameter
from .feedback import progress_from_feedback

HELP_CONNECTION = translatable("CONNECTION: the name of a storage connection from the Cogport buckets dock.")


def resolve_storage(name: str, location_text: str) -> Tuple[StorageConnection, Credentials, ObjectLocation]:
    """Main thread only: the auth database may ask for the master password."""
    location = parse_location(location_text)
    store = ConnectionStore()
    connection, credentials = store.resolve(name)
    store.activate(connection, location.bucket)
    if connection.handler != location.handler:
        raise QgsProcessingException(
            tr(
                "Connection '{name}' reads {kind} stores but '{location}' is a {location_kind} location. "
                "Check the CONNECTION and the location."
            ).format(name=name, kind=connection.handler[3:], location=location_text, location_kind=location.handler[3:])
        )
    return connection, credentials, location


class StorageAlgorithm(CogportAlgorithm):
    GROUP_ID = "storage"
    CONNECTION_HELP = HELP_CONNECTION


class PrefixAlgorithm(StorageAlgorithm):
    """An algorithm over the objects under a bucket prefix: CONNECTION, LOCATION, RECURSIVE and PATTERN."""

    CONNECTION, LOCATION, RECURSIVE, PATTERN, OUTPUT = "CONNECTION", "LOCATION", "RECURSIVE", "PATTERN", "OUTPUT"

    def __init__(self) -> None:
        super().__init__()
        self._resolved: Optional[Tuple[StorageConnection, Credentials, ObjectLocation]] = None

    def add_prefix_parameters(self) -> None:
        self.addParameter(connection_parameter(self.CONNECTION, self.tr("Storage connection"), "storage", False))
        self.addParameter(
            QgsProcessingParameterString(self.LOCATION, self.tr("Bucket or prefix (s3://bucket/prefix/)"))
        )
        self.addParameter(
            QgsProcessingParameterBoolean(self.RECURSIVE, self.tr("Include sub-prefixes"), defaultValue=False)
        )
        self.addParameter(
            QgsProcessingParameterString(self.PATTERN, self.tr("Name pattern"), defaultValue="*.tif", optional=True)
        )

    def prepare(self, parameters, context: QgsProcessingContext, feedback) -> bool:
        self._resolved = resolve_storage(
            self.parameterAsChoice(parameters, self.CONNECTION, context),
            self.parameterAsString(parameters, self.LOCATION, context).strip(),
        )
        return True

    def selection(self, parameters, context: QgsProcessingContext) -> Tuple[bool, str]:
        """Whether sub-prefixes count, and the name pattern."""
        return (
            self.parameterAsBoolean(parameters, self.RECURSIVE, context),
            self.parameterAsString(parameters, self.PATTERN, context).strip(),
        )


class ListObjectsAlgorithm(PrefixAlgorithm):
    NAME = "list_objects"
    DISPLAY_NAME = translatable("List bucket objects")
    HELP = translatable(
        "Lists the objects under a bucket prefix into a table (uri, vsi_path, size, modified), page by "
        "page, so prefixes of any size work. Feed the table to batch mode or a model.\n\n"
        "{connection_help}\nLOCATION: s3://bucket/prefix/, gs://…, /vsiswift/container/prefix/.\n"
        "RECURSIVE: include sub-prefixes.\nPATTERN: a name filter such as *.tif (empty: all)."
    )

    def initAlgorithm(self, config=None) -> None:
        self.add_prefix_parameters()
        self.addParameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Objects"), QgsProcessing.SourceType.TypeVector)
        )

    def process(self, parameters, context: QgsProcessingContext, feedback: QgsProcessingFeedback) -> dict:
        connection, credentials, prefix = self._resolved
        location = prefix.as_prefix()
        fields = QgsFields()
        for name, kind in (("uri", TEXT), ("vsi_path", TEXT), ("size", INTEGER64), ("modified", TEXT)):
            fields.append(QgsField(name, kind))
        sink, sink_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.Type.NoGeometry)
        progress = progress_from_feedback(feedback)
        count = 0
        for entry in walk_objects(connection, credentials, location, *self.selection(parameters, context), progress):
            feature = QgsFeature(fields)
            modified = (
                dt.datetime.fromtimestamp(entry.modified, dt.timezone.utc).isoformat() if entry.modified else None
            )
            feature.setAttributes([entry.location.uri, entry.location.vsi_path, entry.size, modified])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
            count += 1
            if count % 500 == 0:
                feedback.pushInfo(self.tr("{count} objects so far…").format(count=count))
        feedback.pushInfo(self.tr("{count} objects listed under {uri}.").format(count=count, uri=location.uri))

        return {self.OUTPUT: sink_id}


class OpenRemoteRasterAlgorithm(StorageAlgorithm):
    NAME = "open_remote_raster"
    DISPLAY_NAME = translatable("Open remote raster")
    HELP = translatable(
        "Adds a raster from a bucket to the map, with the connection's credentials and Cogport's panning "
        "tuning scoped to its bucket. The project keeps no secret.\n\n{connection_help}\n"
        "INPUT: s3://bucket/key.tif, gs://…, /vsis3/…, /vsiswift/…, or an https:// S3/GCS URL."
    )

    CONNECTION, INPUT, OUTPUT = "CONNECTION", "INPUT", "OUTPUT"

    def flags(self):
        # Layers are created on the main thread only, with Cogport's scoped open tuning.
        return super().flags() | QgsProcessingAlgorithm.Flag.FlagNoThreading

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(connection_parameter(self.CONNECTION, self.tr("Storage connection"), "storage", False))
        self.addParameter(QgsProcessingParameterString(self.INPUT, self.tr("Object URI")))
        self.addOutput(QgsProcessingOutputRasterLayer(self.OUTPUT, self.tr("Remote raster")))

    def process(self, parameters, context: QgsProcessingContext, feedback: QgsProcessingFeedback) -> dict:
        name = self.parameterAsChoice(parameters, self.CONNECTION, context)
        connection, _credentials, location = resolve_storage(
            name, self.parameterAsString(parameters, self.INPUT, context)
        )
        layer = open_remote_layer(ConnectionStore(), connection, location)
        context.temporaryLayerStore().addMapLayer(layer)
        context.addLayerToLoadOnCompletion(
            layer.id(), QgsProcessingContext.LayerDetails(location.name, context.project(), self.OUTPUT)
        )
        return {self.OUTPUT: layer.id()}
