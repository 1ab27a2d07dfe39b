"""`cogport:publish_batch`: an archive through convert → validate → upload → register, here or on a Dask cluster."""

from __future__ import annotations

import os
import re
from typing import Any, Dict, List, Optional, Tuple

from qgis.core import (
    QgsApplication,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ...core.archive.engine import ArchiveJob, ArchiveSummary, run_archive
from ...core.archive.executors import Executor, LocalExecutor
from ...core.archive.manifest import ItemRecord, ItemState, default_manifest_path
from ...core.archive.plan import is_object_location
from ...core.archive.registration import ByocRegistrar, EarthEngineRegistrar, Registrar
from ...core.cog.profiles import PROFILE_NAMES
from ...core.errors import CogportError
from ...core.services.byoc import ByocClient, ByocConnection
from ...core.services.earthengine import EarthEngineClient, EarthEngineConnection, EarthEngineCredentials
from ...core.services.earthengine_manifest import asset_name
from ...core.storage.connection import Credentials, StorageConnection
from ...core.storage.upload import IfExists
from ...core.storage.uri import parse_location
from ..common.i18n import tr
from .base import CogportAlgorithm
from .feedback import progress_from_feedback

IF_EXISTS_CHOICES = (IfExists.FAIL, IfExists.OVERWRITE, IfExists.SKIP, IfExists.RENAME)
REGISTER_CHOICES = ("none", "byoc", "earthengine")


class PublishBatchAlgorithm(CogportAlgorithm):
    NAME = "publish_batch"
    DISPLAY_NAME = "Publish a batch (archive) to a bucket"
    GROUP_ID = "storage"
    HELP = (
        "Publishes many rasters: each is converted with PROFILE when it is not already a valid COG for it, "
        "validated, uploaded under DESTINATION (a prefix), and optionally registered, with the same rules as "
        "one file in the Publish dock. One item's failure never stops the others.\n\n"
        "INPUT: a local folder, files (one per line), or a bucket prefix (s3://bucket/raw/, /vsiswift/…/): "
        "sub-prefixes are kept under DESTINATION, and every output is named <stem>.tif.\n"
        "CONNECTION: the storage connection of DESTINATION and of a bucket INPUT (empty: GDAL's own settings).\n"
        "IF_EXISTS: what to do with an object already under an output name that this job did not write.\n"
        "REGISTER: none; byoc (each COG a tile of COLLECTION, sensing time read with SENSING_TIME_PATTERN); "
        "earthengine (each COG an asset ASSET_FOLDER/<stem>). REGISTRATION_CONNECTION names the BYOC or Earth "
        "Engine connection (empty: SH_CLIENT_ID/SH_CLIENT_SECRET, or COGPORT_EE_TOKEN). Registration runs on "
        "this computer, one gate for the service's rate limit, so its secrets never reach the workers.\n"
        "SCHEDULER: empty runs here, WORKERS at a time (0: as cores and memory allow); a Dask scheduler address "
        "(tcp://host:8786) sends the items to that cluster. Its workers need GDAL 3.6 or newer and "
        "dask.distributed, not Cogport: the job ships its own code. Local inputs must be on storage every "
        "worker mounts at the same path; bucket inputs are read by the workers themselves.\n"
        "MANIFEST: a JSON-lines file recording each item's state (empty: one kept per job in the QGIS "
        "profile). Running the same job again resumes: finished items are never redone or duplicated, "
        "failed and cancelled ones are tried again."
    )

    INPUT = "INPUT"
    DESTINATION = "DESTINATION"
    CONNECTION = "CONNECTION"
    PROFILE = "PROFILE"
    IF_EXISTS = "IF_EXISTS"
    REGISTER = "REGISTER"
    REGISTRATION_CONNECTION = "REGISTRATION_CONNECTION"
    COLLECTION = "COLLECTION"
    SENSING_TIME_PATTERN = "SENSING_TIME_PATTERN"
    ASSET_FOLDER = "ASSET_FOLDER"
    SCHEDULER = "SCHEDULER"
    WORKERS = "WORKERS"
    MANIFEST = "MANIFEST"

    def __init__(self) -> None:
        super().__init__()
        self._storage: Tuple[Optional[StorageConnection], Optional[Credentials]] = (None, None)
        self._byoc: Optional[ByocConnection] = None
        self._earthengine: Tuple[Optional[EarthEngineConnection], Optional[EarthEngineCredentials]] = (None, None)

    def initAlgorithm(self, config: Optional[Dict[str, Any]] = None) -> None:
        self.addParameter(
            QgsProcessingParameterString(
                self.INPUT, self.tr("Input: a folder, files (one per line) or a bucket prefix"), multiLine=True
            )
        )
        self.addParameter(
            QgsProcessingParameterString(self.DESTINATION, self.tr("Destination prefix (s3://bucket/cogs/)"))
        )
        self.addParameter(
            QgsProcessingParameterString(self.CONNECTION, self.tr("Storage connection name"), optional=True)
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.PROFILE, self.tr("Target profile"), options=list(PROFILE_NAMES), defaultValue=0
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.IF_EXISTS,
                self.tr("An object this job did not write is already there"),
                options=[choice.value for choice in IF_EXISTS_CHOICES],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.REGISTER, self.tr("Register"), options=list(REGISTER_CHOICES), defaultValue=0
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.REGISTRATION_CONNECTION,
                self.tr("BYOC or Earth Engine connection (empty: environment)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(self.COLLECTION, self.tr("BYOC collection (id or name)"), optional=True)
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.SENSING_TIME_PATTERN, self.tr("BYOC sensing-time pattern (strftime or regex)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.ASSET_FOLDER,
                self.tr("Earth Engine asset folder (projects/<project>/assets/<path>)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.SCHEDULER, self.tr("Dask scheduler address (empty: this computer)"), optional=True, defaultValue=""
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.WORKERS,
                self.tr("Items at a time on this computer (0: as cores and memory allow)"),
                QgsProcessingParameterNumber.Type.Integer,
                0,
                optional=True,
                minValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.MANIFEST,
                self.tr("Job manifest"),
                self.tr("JSON lines (*.jsonl)"),
                optional=True,
                createByDefault=False,
            )
        )
        self.addOutput(QgsProcessingOutputString("URIS", self.tr("Published objects, one per line")))
        self.addOutput(QgsProcessingOutputNumber("PUBLISHED", self.tr("Items published (or registered) in all runs")))
        self.addOutput(QgsProcessingOutputNumber("FAILED", self.tr("Items that failed")))

    def prepare(
        self, parameters: Dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> bool:
        # The main thread: the only place the auth database may be asked for secrets.
        from ..storage.connections import ConnectionStore

        name = self.parameterAsString(parameters, self.CONNECTION, context).strip()
        self._storage = ConnectionStore().resolve(name) if name else (None, None)
        register = REGISTER_CHOICES[self.parameterAsEnum(parameters, self.REGISTER, context)]
        service = self.parameterAsString(parameters, self.REGISTRATION_CONNECTION, context).strip()
        if register == "byoc":
            from ..byoc.byoc_connections import resolve_connection

            self._byoc = resolve_connection(service)
        elif register == "earthengine":
            from ..earthengine.earthengine_connections import load_connection, resolve_credentials

            connection = load_connection(service) if service else None
            self._earthengine = (connection, resolve_credentials(connection))
        return True

    def process(
        self, parameters: Dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> Dict[str, Any]:
        connection, credentials = self._storage
        destination_text = self.parameterAsString(parameters, self.DESTINATION, context).strip()
        if not destination_text:
            raise CogportError(
                self.tr("No destination was given."),
                self.tr("the DESTINATION parameter: a prefix such as s3://bucket/cogs/."),
            )
        job = ArchiveJob(
            _inputs(self.parameterAsString(parameters, self.INPUT, context)),
            parse_location(destination_text).as_prefix(),
            connection,
            credentials,
            profile=PROFILE_NAMES[self.parameterAsEnum(parameters, self.PROFILE, context)],
            if_exists=IF_EXISTS_CHOICES[self.parameterAsEnum(parameters, self.IF_EXISTS, context)],
        )
        registrar = self._registrar(parameters, context)
        manifest = self.parameterAsFileOutput(parameters, self.MANIFEST, context) or default_manifest_path(
            os.path.join(QgsApplication.qgisSettingsDirPath(), "cogport", "jobs"), job.identity(registrar)
        )
        feedback.pushInfo(self.tr("Job manifest: {manifest}").format(manifest=manifest))
        summary = run_archive(
            job,
            manifest,
            self._executor(parameters, context),
            registrar,
            progress_from_feedback(feedback),
            on_item=lambda record: _report_item(record, feedback),
        )
        return _outputs(summary, feedback)

    def _executor(self, parameters: Dict[str, Any], context: QgsProcessingContext) -> Executor:
        scheduler = self.parameterAsString(parameters, self.SCHEDULER, context).strip()
        if not scheduler:
            return LocalExecutor(self.parameterAsInt(parameters, self.WORKERS, context))
        from ...core.archive.cluster import DaskExecutor

        return DaskExecutor(scheduler)

    def _registrar(self, parameters: Dict[str, Any], context: QgsProcessingContext) -> Optional[Registrar]:
        register = REGISTER_CHOICES[self.parameterAsEnum(parameters, self.REGISTER, context)]
        if register == "byoc":
            wanted = self.parameterAsString(parameters, self.COLLECTION, context).strip()
            if not wanted or self._byoc is None:
                raise CogportError(
                    self.tr("BYOC registration needs a collection."), self.tr("the COLLECTION parameter (id or name).")
                )
            client = ByocClient(self._byoc)
            collection = client.find_collection(wanted)
            if collection is None:
                raise CogportError(
                    self.tr("There is no BYOC collection '{collection}'.").format(collection=wanted),
                    self.tr("the collection id or name."),
                )
            pattern = self.parameterAsString(parameters, self.SENSING_TIME_PATTERN, context).strip()
            return ByocRegistrar(client, collection.id, pattern)
        if register == "earthengine":
            connection, credentials = self._earthengine
            folder = asset_name(
                connection.project if connection else "",
                self.parameterAsString(parameters, self.ASSET_FOLDER, context).strip(),
            )
            if credentials is None:
                raise CogportError(self.tr("Earth Engine registration needs credentials."), "REGISTRATION_CONNECTION.")
            project = folder.split("/")[1] if folder.startswith("projects/") else ""
            client = EarthEngineClient(connection or EarthEngineConnection(project=project), credentials)
            return EarthEngineRegistrar(client, folder)
        return None


def _inputs(text: str) -> Tuple[str, ...]:
    entries = [entry.strip() for entry in re.split(r"[\n]", text) if entry.strip()]
    if not entries:
        raise CogportError(tr("No input was given."), tr("INPUT: a folder, files (one per line) or a bucket prefix."))
    if len(entries) == 1 and not is_object_location(entries[0]) and not os.path.exists(entries[0]):
        raise CogportError(tr("{path} does not exist.").format(path=entries[0]), tr("the INPUT folder or file."))
    return tuple(entries)


def _report_item(record: ItemRecord, feedback: QgsProcessingFeedback) -> None:
    if record.state is ItemState.FAILED:
        feedback.reportError(f"{record.source}: {record.error}")
    elif record.state is ItemState.SKIPPED:
        feedback.pushWarning(tr("{source}: skipped, {reason}.").format(source=record.source, reason=record.error))
    elif record.state in (ItemState.UPLOADED, ItemState.REGISTERED):
        published = f"{record.source} → {record.uri}"
        if record.registered:
            published = tr("{published} (registered {asset})").format(published=published, asset=record.registered)
        feedback.pushInfo(published)


def _outputs(summary: ArchiveSummary, feedback: QgsProcessingFeedback) -> Dict[str, Any]:
    feedback.pushInfo(summary.text())
    if summary.dashboard:
        feedback.pushInfo(tr("Dask dashboard: {link}").format(link=summary.dashboard))
    published: List[ItemRecord] = [r for r in summary.records if r.state in (ItemState.UPLOADED, ItemState.REGISTERED)]
    if summary.cancelled:
        feedback.reportError(tr("The job was cancelled; run it again with the same manifest to resume."))
    return {
        "URIS": "\n".join(record.uri for record in published),
        "PUBLISHED": len(published),
        "FAILED": len(summary.failed),
        "MANIFEST": summary.manifest,
    }
