"""cogport:register_byoc_tiles and cogport:list_byoc_tiles: Sentinel Hub BYOC tiles from Processing."""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from qgis.core import (
    QgsFeatureSink,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ...core.errors import CogportError
from ...core.services.byoc import (
    FAILED,
    STATUSES,
    ByocClient,
    ByocConnection,
    Collection,
    Tile,
    TileSpec,
    counts_text,
    register_tiles,
    status_counts,
    wait_for_ingestion,
)
from ...core.services.byoc_tiles import sensing_time_from_path, templates_from_text
from ..byoc.byoc_connections import resolve_connection
from ..byoc.byoc_footprints import footprint_crs, footprint_feature, footprint_fields, footprint_geometry_type
from ..common.i18n import tr, translatable
from .base import CogportAlgorithm, choice_parameter, connection_parameter
from .feedback import progress_from_feedback

CONNECTION_HELP = translatable(
    "CONNECTION names a connection saved in the Sentinel Hub BYOC panel. When empty, the OAuth client comes "
    "from SH_CLIENT_ID and SH_CLIENT_SECRET, the service from COGPORT_SH_BASE_URL (default "
    "https://services.sentinel-hub.com) and COGPORT_SH_TOKEN_URL (default: the deployment's token URL)."
)


class _ByocAlgorithm(CogportAlgorithm):
    GROUP_ID = "services"
    CONNECTION_HELP = CONNECTION_HELP

    CONNECTION = "CONNECTION"
    COLLECTION = "COLLECTION"
    OUTPUT = "OUTPUT"

    def __init__(self) -> None:
        super().__init__()
        self._connection: Optional[ByocConnection] = None
        self._connection_error: Optional[CogportError] = None

    def prepare(
        self, parameters: Dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> bool:
        """Runs on the main thread: the only place the QGIS auth database may be read."""
        self._connection, self._connection_error = None, None
        try:
            self._connection = resolve_connection(self.parameterAsChoice(parameters, self.CONNECTION, context))
        except CogportError as error:
            self._connection_error = error  # raised from processAlgorithm, whose message is shown as is
        return True

    def _client(self) -> ByocClient:
        if self._connection_error is not None or self._connection is None:
            error = self._connection_error or CogportError(self.tr("No BYOC connection."))
            raise QgsProcessingException(error.user_message)
        return ByocClient(self._connection)

    def _write(self, parameters: Dict[str, Any], context: QgsProcessingContext, tiles: List[Tile]) -> str:
        fields = footprint_fields()
        sink, destination = self.parameterAsSink(
            parameters, self.OUTPUT, context, fields, footprint_geometry_type(), footprint_crs()
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        for tile in tiles:
            sink.addFeature(footprint_feature(tile, fields), QgsFeatureSink.Flag.FastInsert)
        return destination


class RegisterByocTilesAlgorithm(_ByocAlgorithm):
    NAME = "register_byoc_tiles"
    DISPLAY_NAME = translatable("Register Sentinel Hub BYOC tiles")
    HELP = translatable(
        "Registers tiles in a Sentinel Hub BYOC collection and outputs them as a layer with their status.\n\n"
        "COLLECTION is a collection id or an exact name; with CREATE, a missing collection is created for "
        "BUCKET. TILE_PATHS holds one tile path per line, relative to the bucket, usually with the (BAND) "
        "placeholder, e.g. 2019/11/27/28V/(BAND).tif. SENSING_TIME_PATTERN reads the sensing time from each "
        "path: a strftime pattern (%Y/%m/%d) or a regular expression with named groups year, month, day "
        "(and hour, minute, second, or doy). Tiles already in the collection are reported and not sent "
        "again, so a re-run resumes. With WAIT, the status is polled until every tile is INGESTED or "
        "FAILED; failure causes are reported.\n\n{connection_help}"
    )

    BUCKET = "BUCKET"
    CREATE = "CREATE"
    TILE_PATHS = "TILE_PATHS"
    SENSING_TIME_PATTERN = "SENSING_TIME_PATTERN"
    WAIT = "WAIT"
    POLL_SECONDS = "POLL_SECONDS"
    COLLECTION_ID = "COLLECTION_ID"

    def initAlgorithm(self, config: Optional[Dict[str, Any]] = None) -> None:
        self.addParameter(
            connection_parameter(
                self.CONNECTION, self.tr("BYOC connection (empty: SH_CLIENT_ID / SH_CLIENT_SECRET)"), "byoc", True
            )
        )
        self.addParameter(QgsProcessingParameterString(self.COLLECTION, self.tr("Collection (id or name)")))
        self.addParameter(
            QgsProcessingParameterString(
                self.BUCKET, self.tr("Bucket of a new collection (CDSE: PROJECT_ID:bucket)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(self.CREATE, self.tr("Create the collection if missing"), False)
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.TILE_PATHS, self.tr("Tile paths, one per line (with (BAND))"), multiLine=True
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.SENSING_TIME_PATTERN,
                self.tr("Sensing-time pattern (strftime or regex with named groups)"),
                optional=True,
            )
        )
        self.addParameter(QgsProcessingParameterBoolean(self.WAIT, self.tr("Wait until ingestion ends"), False))
        self.addParameter(
            QgsProcessingParameterNumber(
                self.POLL_SECONDS,
                self.tr("Seconds between status polls"),
                QgsProcessingParameterNumber.Type.Double,
                10.0,
                minValue=0.0,
            )
        )
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("BYOC tiles")))
        self.addOutput(QgsProcessingOutputString(self.COLLECTION_ID, self.tr("Collection id")))

    def process(
        self, parameters: Dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> Dict[str, Any]:
        client = self._client()
        progress = progress_from_feedback(feedback)
        paths = templates_from_text(self.parameterAsString(parameters, self.TILE_PATHS, context))
        if not paths:
            raise CogportError(
                self.tr("No tile paths were given."), self.tr("the TILE_PATHS parameter: one path per line.")
            )
        pattern = self.parameterAsString(parameters, self.SENSING_TIME_PATTERN, context).strip()
        specs = [TileSpec(p, sensing_time_from_path(p, pattern) if pattern else "") for p in paths]
        collection = self._collection(client, parameters, context, feedback)
        summary = register_tiles(client, collection.id, specs, progress.span(0.0, 0.5))
        feedback.pushInfo(
            self.tr("Collection {name} ({id}): {summary}").format(
                name=collection.name, id=collection.id, summary=summary.text()
            )
        )
        for outcome in summary.outcomes:
            if outcome.result == FAILED:
                feedback.reportError(f"{outcome.path}: {outcome.reason}")
        if summary.cancelled:
            raise CogportError(self.tr("Registration was cancelled."), self.tr("the summary above; a re-run resumes."))
        wanted = set(paths)
        if self.parameterAsBool(parameters, self.WAIT, context):
            tiles = wait_for_ingestion(
                client,
                collection.id,
                wanted,
                progress.span(0.5, 1.0),
                interval=self.parameterAsDouble(parameters, self.POLL_SECONDS, context),
            )
        else:
            tiles = [t for t in client.tiles(collection.id, progress=progress) if t.path in wanted]
        _report_status(tiles, feedback)
        return {self.OUTPUT: self._write(parameters, context, tiles), self.COLLECTION_ID: collection.id}

    def _collection(
        self,
        client: ByocClient,
        parameters: Dict[str, Any],
        context: QgsProcessingContext,
        feedback: QgsProcessingFeedback,
    ) -> Collection:
        wanted = self.parameterAsString(parameters, self.COLLECTION, context).strip()
        found = client.find_collection(wanted)
        if found is not None:
            return found
        if not self.parameterAsBool(parameters, self.CREATE, context):
            raise CogportError(
                self.tr("There is no BYOC collection '{collection}'.").format(collection=wanted),
                self.tr("the collection id or name, or tick CREATE (with BUCKET) to create it."),
            )
        bucket = self.parameterAsString(parameters, self.BUCKET, context).strip()
        if not bucket:
            raise CogportError(self.tr("A new collection needs a bucket."), self.tr("the BUCKET parameter."))
        created = client.create_collection(wanted, bucket)
        feedback.pushInfo(
            self.tr("Created collection {name} ({id}) on bucket {bucket}.").format(
                name=created.name, id=created.id, bucket=bucket
            )
        )
        return created


class ListByocTilesAlgorithm(_ByocAlgorithm):
    NAME = "list_byoc_tiles"
    DISPLAY_NAME = translatable("List Sentinel Hub BYOC tiles")
    HELP = translatable(
        "Lists the tiles of a BYOC collection (id or exact name) as footprints in EPSG:4326 with path, "
        "status, sensing time, creation time and failure cause; STATUS keeps only tiles in that state.\n\n"
        "{connection_help}"
    )

    STATUS = "STATUS"
    STATUS_CHOICES = ("any",) + STATUSES

    def initAlgorithm(self, config: Optional[Dict[str, Any]] = None) -> None:
        self.addParameter(
            connection_parameter(
                self.CONNECTION, self.tr("BYOC connection (empty: SH_CLIENT_ID / SH_CLIENT_SECRET)"), "byoc", True
            )
        )
        self.addParameter(QgsProcessingParameterString(self.COLLECTION, self.tr("Collection (id or name)")))
        self.addParameter(choice_parameter(self.STATUS, self.tr("Status"), self.STATUS_CHOICES, "any"))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("BYOC tiles")))

    def process(
        self, parameters: Dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> Dict[str, Any]:
        client = self._client()
        status = self.parameterAsChoice(parameters, self.STATUS, context)
        wanted = self.parameterAsString(parameters, self.COLLECTION, context).strip()
        collection = client.find_collection(wanted)
        if collection is None:
            raise CogportError(
                self.tr("There is no BYOC collection '{collection}'.").format(collection=wanted),
                self.tr("the collection id or name."),
            )
        tiles = client.tiles(
            collection.id, status="" if status == "any" else status, progress=progress_from_feedback(feedback)
        )
        _report_status(tiles, feedback)
        return {self.OUTPUT: self._write(parameters, context, tiles)}


def _report_status(tiles: List[Tile], feedback: QgsProcessingFeedback) -> None:
    feedback.pushInfo(
        tr("{count} tiles: {statuses}.").format(count=len(tiles), statuses=counts_text(status_counts(tiles)))
    )
    for tile in tiles:
        if tile.status == "FAILED":
            feedback.reportError(
                tr("{path} FAILED: {cause}").format(path=tile.path, cause=tile.failed_cause or tr("no cause given"))
            )

        elif tile.warnings:
            feedback.pushWarning(f"{tile.path}: {tile.warnings}")
