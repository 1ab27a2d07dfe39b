"""“Add as mosaic”: every raster under a prefix as one mosaic layer, with its footprints, built off the main thread."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Tuple

from qgis.core import Qgis, QgsApplication, QgsProject, QgsRasterLayer, QgsVectorLayer

from ...core.cog.mosaic import Mosaic, build_prefix_mosaic
from ...core.storage.connection import StorageConnection
from ...core.storage.uri import ObjectLocation
from ..common.i18n import tr
from ..common.tasks import CoreTask, run_task, user_message
from .connections import ConnectionStore


def default_mosaic_path(location: ObjectLocation) -> Path:
    """Where “Add as mosaic” writes: beside the saved project, else in the QGIS profile."""
    home = QgsProject.instance().homePath()
    folder = Path(home) if home else Path(QgsApplication.qgisSettingsDirPath()) / "cogport" / "mosaics"
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", f"{location.bucket}-{location.key}".strip("/")).strip("-")
    return folder / f"{stem or location.bucket}.vrt"


def add_mosaic_layers(mosaic: Mosaic, name: str, project: QgsProject) -> Tuple[QgsRasterLayer, QgsVectorLayer]:
    """Main thread only: the mosaic and its footprints in the project (the buckets' options already applied)."""
    raster = QgsRasterLayer(str(mosaic.vrt), name, "gdal")
    footprints = QgsVectorLayer(mosaic.footprints_source, tr("{name} footprints").format(name=name), "ogr")
    project.addMapLayer(raster)
    project.addMapLayer(footprints)
    return raster, footprints


def add_prefix_as_mosaic(
    iface, store: ConnectionStore, connection: StorageConnection, location: ObjectLocation
) -> CoreTask:
    """Builds the mosaic of `location` in a background task, then adds it and its footprints to the map."""
    credentials = store.credentials(connection)  # main thread: the auth database may ask for its password
    store.activate(connection, location.bucket)
    target = default_mosaic_path(location)
    target.parent.mkdir(parents=True, exist_ok=True)
    name = location.name

    def done(mosaic: Mosaic) -> None:
        add_mosaic_layers(mosaic, name, QgsProject.instance())
        skipped = (
            tr(" ({count} objects left out: see the Cogport log)").format(count=len(mosaic.skipped))
            if mosaic.skipped
            else ""
        )
        iface.messageBar().pushMessage(
            "Cogport",
            tr("Mosaic of {count} scenes from {uri} saved as {path}{skipped}.").format(
                count=mosaic.scenes, uri=location.as_prefix().uri, path=mosaic.vrt, skipped=skipped
            ),
            Qgis.MessageLevel.Success,
            10,
        )

    def failed(error: Exception) -> None:
        iface.messageBar().pushMessage("Cogport", user_message(error), Qgis.MessageLevel.Warning, 10)

    return run_task(
        CoreTask(
            tr("Building the mosaic of {uri}").format(uri=location.as_prefix().uri),
            lambda progress: build_prefix_mosaic(connection, credentials, location, target, progress=progress),
            done,
            failed,
        )
    )
