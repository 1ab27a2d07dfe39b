"""Remote raster layers on the map, and their credentials when a saved project is reopened."""

from __future__ import annotations

import logging
from typing import Callable, Optional

from osgeo import gdal
from qgis.core import QgsPathResolver, QgsProject, QgsRasterLayer
from qgis.PyQt.QtCore import QCoreApplication

from ...core.cog.mosaic import mosaic_source_prefixes
from ...core.errors import CogportError, NetworkError
from ...core.storage.connection import StorageConnection
from ...core.storage.probe import probe_bucket
from ...core.storage.uri import ObjectLocation, parse_location
from ..common.i18n import tr
from .connections import ConnectionStore
from .remote_layer_tuning import open_remote_raster_layer

LOG = logging.getLogger("cogport.layers")
CONNECTION_PROPERTY = "cogport/connection"


def open_remote_layer(
    store: ConnectionStore, connection: StorageConnection, location: ObjectLocation
) -> QgsRasterLayer:
    """A raster layer over `location`'s /vsi…/ path with the connection's options applied to its bucket."""
    store.activate(connection, location.bucket)
    gdal.ErrorReset()
    layer = open_remote_raster_layer(location, location.name)
    if not layer.isValid():
        detail = f"{layer.error().summary()} {gdal.GetLastErrorMsg()}"
        tried = QCoreApplication.translate(
            "RemoteLayers", "'{uri}' could not be opened through connection '{connection}' (bucket '{bucket}'):"
        ).format(uri=location.uri, connection=connection.name, bucket=location.bucket)
        # GDAL gives no reason; the store (through the same proxy and CAs) says what is wrong.
        try:
            probe_bucket(connection, store.credentials(connection), location.bucket)
        except NetworkError:
            raise
        except CogportError as cause:  # the bucket itself is the problem: say what the store answered
            raise CogportError(f"{tried} {cause.what}", cause.check, detail=detail) from cause
        raise CogportError(
            f"{tried} {QCoreApplication.translate('RemoteLayers', 'the bucket answers, the object is no raster.')}",
            QCoreApplication.translate("RemoteLayers", "that the object exists and is a GeoTIFF/COG."),
            detail=detail,
        )
    layer.setCustomProperty(CONNECTION_PROPERTY, connection.name)
    return layer


def add_remote_layer(
    store: ConnectionStore,
    connection: StorageConnection,
    location: ObjectLocation,
    project: Optional[QgsProject] = None,
) -> QgsRasterLayer:
    """Main thread only: opens the layer and adds it to the project."""
    layer = open_remote_layer(store, connection, location)
    (project or QgsProject.instance()).addMapLayer(layer)
    return layer


def location_from_user_text(store: ConnectionStore, text: str, fallback: Optional[StorageConnection]) -> tuple:
    """(connection, location) for an "Add by URI" entry; the bucket's known connection wins over the fallback."""
    location = parse_location(text)
    connection = store.connection_for(location)
    if connection is None and fallback is not None and fallback.handler == location.handler:
        connection = fallback
    if connection is None:
        raise CogportError(
            tr("No Cogport connection is set up for '{bucket}'.").format(bucket=location.bucket),
            tr(
                "that a connection of the right kind is selected in the bucket browser, or add the bucket "
                "name to one of your connections."
            ),
        )
    return connection, location


def install_project_credentials(store: ConnectionStore) -> Callable[[], None]:
    """Re-applies credentials while a project loads, before its remote layers open; returns the remover.

    Project files hold only /vsi…/ paths, or the local path of a Cogport mosaic whose VRT lists the buckets
    it reads. QGIS passes every path through the path preprocessors before opening the layer, which is the
    moment to attach the bucket's connection options, so layers load without prompting; a mosaic's buckets
    get theirs as it is added.
    """

    def restore(remote: str) -> None:
        try:
            location = parse_location(remote)
            connection = store.connection_for(location)
            if connection is not None:
                store.activate(connection, location.bucket)
        except CogportError as exc:
            LOG.warning("Could not restore credentials for %s: %s", remote, exc)

    def preprocess(path: str) -> str:
        if path.startswith(("/vsis3/", "/vsiswift/", "/vsigs/")):
            restore(path)
        return path

    def mosaics_added(layers) -> None:
        # A Cogport mosaic is a local VRT naming the buckets it reads. Opening it reads no bucket (every
        # source states its size), so its buckets' options may follow the open, before the first render.
        for layer in layers:
            if isinstance(layer, QgsRasterLayer) and layer.source().lower().endswith(".vrt"):
                for prefix in mosaic_source_prefixes(layer.source()):
                    restore(prefix)

    preprocessor_id = QgsPathResolver.setPathPreprocessor(preprocess)
    project = QgsProject.instance()
    project.layersAdded.connect(mosaics_added)

    def remove() -> None:
        QgsPathResolver.removePathPreprocessor(preprocessor_id)
        project.layersAdded.disconnect(mosaics_added)

    return remove
