"""Cogport's remote raster layers: opened with read tuning scoped to their own dataset, watched while panning.

`open_remote_raster_layer` is what `add_remote_layer` calls (after `SCOPED_OPTIONS.apply` for the
bucket) instead of constructing the QgsRasterLayer itself. `RemoteReadWatcher` turns the render errors
QGIS only logs (“IReadBlock failed … TIFFReadEncodedTile() failed”) into one message-bar warning that
says which layer and bucket could not be read and what to check.

Stale renders need no code of ours: QgsMapCanvas cancels the running job when the view changes, and
QGIS's GDAL provider hands that cancellation to GDAL's RasterIO, so no new reads start for a view that
is gone (bench/panning.py measures it).
"""

from __future__ import annotations

import logging
from typing import List, Optional, Set

from qgis.core import Qgis, QgsMapLayer, QgsProject, QgsRasterLayer
from qgis.PyQt.QtCore import QCoreApplication, QObject, QThread, QTimer, pyqtSignal

from ...core.errors import CogportError, NetworkError
from ...core.network import PROXY_SETTINGS, policy_in_force
from ...core.storage.gdal_config import OPEN_TUNING, SCOPED_OPTIONS, network_scope, thread_options
from ...core.storage.uri import ObjectLocation, parse_location
from ..common.i18n import tr
from ..common.tasks import CoreTask, run_task

LOG = logging.getLogger("cogport.layers")

REMOTE_PROPERTY = "cogport/remote"  # custom layer property: the object's s3:// (gs://, swift://) URI
GENERATION_PROPERTY = "cogport/credentials-generation"  # which credentials of its bucket the dataset holds


def open_remote_raster_layer(location: ObjectLocation, name: str) -> QgsRasterLayer:
    """The raster layer for `location`, its dataset opened with OPEN_TUNING (main thread only).

    GDAL 3.6 reads those options only globally or per thread; setting them for the current thread
    during the open scopes them to this layer's dataset and leaves every other layer alone.
    """
    app = QCoreApplication.instance()
    if app is not None and QThread.currentThread() is not app.thread():
        raise RuntimeError("remote layers are created on the main thread only")
    # The dataset's file handle keeps the proxy and CA options it was opened with (GDAL 3.6 reads them
    # per thread only), so QGIS's render threads read it the same way.
    with thread_options(OPEN_TUNING), network_scope(location.vsi_path):
        layer = QgsRasterLayer(location.vsi_path, name, "gdal")
    layer.setCustomProperty(REMOTE_PROPERTY, location.uri)
    layer.setCustomProperty(GENERATION_PROPERTY, SCOPED_OPTIONS.generation(location.bucket_prefix))
    return layer


class KeystoneRenewal(QObject):
    """Renews Keystone tokens shortly before they expire and reopens the layers that hold the old one.

    A GDAL dataset keeps the token it was opened with and GDAL 3.6 does not re-authenticate range
    reads (see gdal_config.credential_options), so a layer open across a token's expiry would fail
    mid-pan. Its dataset is reopened instead; GDAL's cache keeps the bytes already read.
    """

    reopened = pyqtSignal(list)  # the layers whose datasets were reopened

    def __init__(self, project: Optional[QgsProject] = None, interval_ms: int = 20_000) -> None:
        super().__init__()
        self._project = project
        self._task: Optional[CoreTask] = None
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.tick)
        self._timer.start()

    def tick(self) -> None:
        """The timer's check. Logins run in a task, so a slow or unreachable Keystone never freezes QGIS."""
        if self._task is not None:
            return
        if not SCOPED_OPTIONS.renewal_due():
            self.reopen_stale()  # tokens renewed elsewhere (an upload after a 401) count too
            return
        self._task = run_task(
            CoreTask(
                tr("Renewing Keystone tokens"),
                lambda progress: SCOPED_OPTIONS.renew_tokens(),
                on_done=lambda _renewed: self._renewed(),
                on_error=lambda _error: self._renewed(),
            )
        )

    def _renewed(self) -> None:
        self._task = None
        self.reopen_stale()

    def reopen_stale(self) -> List[QgsRasterLayer]:
        """Reopens the datasets of layers whose bucket got new credentials since they were opened."""
        reopened = []
        for layer in (self._project or QgsProject.instance()).mapLayers().values():
            if not isinstance(layer, QgsRasterLayer) or not layer.customProperty(REMOTE_PROPERTY):
                continue
            try:
                prefix = parse_location(layer.source()).bucket_prefix
            except CogportError:
                continue
            generation = SCOPED_OPTIONS.generation(prefix)
            if layer.customProperty(GENERATION_PROPERTY) != generation:
                layer.setCustomProperty(GENERATION_PROPERTY, generation)
                layer.dataProvider().reloadData()
                layer.triggerRepaint()
                reopened.append(layer)
        if reopened:
            self.reopened.emit(reopened)
        return reopened

    def stop(self) -> None:
        self._timer.stop()


def read_failure(layer: QgsMapLayer, detail: str) -> Optional[NetworkError]:
    """The error to show when a render of a Cogport remote layer failed; None for other layers."""
    uri = layer.customProperty(REMOTE_PROPERTY)
    if not uri:
        return None
    proxy = policy_in_force().proxy
    if proxy is None:
        check = tr("your network connection and that the storage service is up, then pan or refresh the map to retry.")
    else:
        check = tr(
            "your network connection, the {proxy} ({settings}) and that the storage service is up, then pan or "
            "refresh the map to retry."
        ).format(proxy=proxy.label, settings=tr(PROXY_SETTINGS))
    return NetworkError(
        tr("Part of “{layer}” could not be read from {uri}; the map shows what was loaded.").format(
            layer=layer.name(), uri=uri
        ),
        check,
        detail,
    )


class RemoteReadWatcher(QObject):
    """Warns once per layer and outage when a remote layer's reads fail mid-pan.

    A layer is warned about again only after one of its renders has succeeded in between, so a dead
    link does not flood the message bar at every pan.
    """

    def __init__(self, canvas, message_bar, parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self._canvas = canvas
        self._bar = message_bar
        self._warned: Set[str] = set()
        self._failed_now: Set[str] = set()
        canvas.renderErrorOccurred.connect(self._on_error)
        canvas.mapCanvasRefreshed.connect(self._on_refreshed)

    def _on_error(self, message: str, layer: QgsMapLayer) -> None:
        if layer is None:
            return
        error = read_failure(layer, message)
        if error is None:
            return
        self._failed_now.add(layer.id())
        LOG.warning("%s (%s)", error.what, message)
        if layer.id() in self._warned:
            return
        self._warned.add(layer.id())
        self._bar.pushMessage("Cogport", error.user_message, Qgis.MessageLevel.Warning, 10)

    def _on_refreshed(self) -> None:
        self._warned &= self._failed_now  # layers that rendered cleanly this time may be warned about again
        self._failed_now = set()

    def disconnect_canvas(self) -> None:
        self._canvas.renderErrorOccurred.disconnect(self._on_error)
        self._canvas.mapCanvasRefreshed.disconnect(self._on_refreshed)
