"""cogport:register_earthengine: check gs:// COGs and register them as a COG-backed Earth Engine asset."""

from __future__ import annotations

import json
import re
from typing import Any, Dict, List, Optional

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ...core.cog.validate import ERROR, WARNING
from ...core.errors import CogportError
from ...core.services.earthengine import EarthEngineClient, EarthEngineConnection, EarthEngineCredentials
from ...core.services.earthengine_manifest import (
    ImageManifest,
    asset_name,
    bands_from_json,
    build_manifest,
    read_source_bands,
)
from ...core.services.earthengine_preflight import (
    PreflightError,
    PreflightOptions,
    PreflightReport,
    check_and_register,
    manifests_per_file,
    register_batch,
)
from ..common.i18n import tr, translatable
from ..earthengine.earthengine_connections import activate_storage, load_connection, resolve_credentials
from .base import CogportAlgorithm, connection_parameter
from .feedback import progress_from_feedback


class RegisterEarthEngineAlgorithm(CogportAlgorithm):
    NAME = "register_earthengine"
    DISPLAY_NAME = translatable("Register Earth Engine asset (COG-backed)")
    GROUP_ID = "services"
    HELP = translatable(
        "Registers gs:// Cloud Optimized GeoTIFFs as an Earth Engine asset (importExternal) after "
        "pre-flight checks: gs:// only, one COG per tileset, the COG layout Earth Engine needs (read from "
        "the headers), the bucket in US / US-CENTRAL1 / a US dual-region with us-central1, Standard "
        "storage, flat properties, RFC 3339 times, band indices in range. Any error stops before sending.\n\n"
        "CONNECTION names a saved Earth Engine connection; when empty, the token comes from COGPORT_EE_TOKEN "
        "and ASSET_ID must be a full projects/<project>/assets/<path>. COGPORT_EE_API_URL and "
        "COGPORT_GCS_API_URL override the service addresses.\n"
        "DRY_RUN only checks and writes MANIFEST_OUTPUT (for `earthengine upload external_image --manifest`). "
        "ONE_ASSET_PER_FILE makes ASSET_ID a folder and registers each source as <folder>/<file name>.\n"
        "The files are read through GDAL /vsigs/ with STORAGE_CONNECTION (a Cogport storage connection), "
        "else with the storage connection that last opened the bucket, else with GDAL's own GS_* settings."
    )

    ASSET_ID = "ASSET_ID"
    SOURCES = "SOURCES"
    BANDS = "BANDS"
    PROPERTIES = "PROPERTIES"
    START_TIME = "START_TIME"
    END_TIME = "END_TIME"
    OVERWRITE = "OVERWRITE"
    PIN_GENERATION = "PIN_GENERATION"
    ONE_ASSET_PER_FILE = "ONE_ASSET_PER_FILE"
    CONNECTION = "CONNECTION"
    STORAGE_CONNECTION = "STORAGE_CONNECTION"
    DRY_RUN = "DRY_RUN"
    MANIFEST_OUTPUT = "MANIFEST_OUTPUT"
    ASSET = "ASSET"

    def __init__(self) -> None:
        super().__init__()
        self._connection: Optional[EarthEngineConnection] = None
        self._credentials: Optional[EarthEngineCredentials] = None
        self._credential_error: Optional[CogportError] = None
        self._storage_error: Optional[CogportError] = None

    def initAlgorithm(self, config: Optional[Dict[str, Any]] = None) -> None:
        self.addParameter(
            QgsProcessingParameterString(
                self.ASSET_ID, self.tr("Asset ID (projects/<project>/assets/<path>, or <path> with a connection)")
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.SOURCES, self.tr("gs:// COG URIs, one per tileset (newline- or comma-separated)"), multiLine=True
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.BANDS,
                self.tr("Bands (JSON list of band objects; empty: from the files)"),
                multiLine=True,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(self.PROPERTIES, self.tr("Properties (flat JSON object)"), optional=True)
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.START_TIME, self.tr("Start time (RFC 3339, e.g. 2024-05-01T00:00:00Z)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterString(self.END_TIME, self.tr("End time (RFC 3339, exclusive)"), optional=True)
        )
        self.addParameter(QgsProcessingParameterBoolean(self.OVERWRITE, self.tr("Overwrite an existing asset"), False))
        self.addParameter(
            QgsProcessingParameterBoolean(self.PIN_GENERATION, self.tr("Pin object generations (#generation)"), False)
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.ONE_ASSET_PER_FILE, self.tr("One asset per file (ASSET_ID is a folder)"), False
            )
        )
        self.addParameter(
            connection_parameter(
                self.CONNECTION, self.tr("Earth Engine connection (empty: COGPORT_EE_TOKEN)"), "earthengine", True
            )
        )
        self.addParameter(
            connection_parameter(
                self.STORAGE_CONNECTION,
                self.tr("Storage connection reading the files (empty: the bucket's own, else GDAL's)"),
                "storage",
                True,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(self.DRY_RUN, self.tr("Dry run: check and write the manifest only"), False)
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.MANIFEST_OUTPUT,
                self.tr("Manifest JSON"),
                self.tr("JSON files (*.json)"),
                optional=True,
                createByDefault=False,
            )
        )
        self.addOutput(QgsProcessingOutputString(self.ASSET, self.tr("Asset")))

    def prepare(
        self, parameters: Dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> bool:
        """Runs on the main thread: the only place the QGIS auth database may be read."""
        name = self.parameterAsChoice(parameters, self.CONNECTION, context)
        dry_run = self.parameterAsBool(parameters, self.DRY_RUN, context)
        self._credentials, self._credential_error, self._storage_error = None, None, None
        sources = re.split(r"[\n,]", self.parameterAsString(parameters, self.SOURCES, context))
        try:
            activate_storage(
                [u.strip() for u in sources if u.strip()],
                self.parameterAsChoice(parameters, self.STORAGE_CONNECTION, context),
            )
        except CogportError as error:
            self._storage_error = error
        try:
            self._connection = load_connection(name) if name else None
            self._credentials = resolve_credentials(self._connection)
        except CogportError as error:
            # Raised from processAlgorithm, whose message processing.run and the dialog show as is.
            self._credential_error = error
            if dry_run:
                feedback.pushWarning(
                    self.tr("{reason} The dry run skips the bucket checks.").format(reason=error.user_message)
                )
        return True

    def process(
        self, parameters: Dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> Dict[str, Any]:
        progress = progress_from_feedback(feedback)
        dry_run = self.parameterAsBool(parameters, self.DRY_RUN, context)
        overwrite = self.parameterAsBool(parameters, self.OVERWRITE, context)
        options = PreflightOptions(pin_generation=self.parameterAsBool(parameters, self.PIN_GENERATION, context))
        output = self.parameterAsFileOutput(parameters, self.MANIFEST_OUTPUT, context)
        if self._storage_error is not None:
            raise QgsProcessingException(self._storage_error.user_message)
        named = bool(self.parameterAsChoice(parameters, self.CONNECTION, context))
        if self._credential_error is not None and (not dry_run or named):
            raise QgsProcessingException(self._credential_error.user_message)
        try:
            manifests = self._manifests(parameters, context)
            client = self._client(manifests[0])
            if len(manifests) > 1 or self.parameterAsBool(parameters, self.ONE_ASSET_PER_FILE, context):
                return self._batch(manifests, client, overwrite, options, dry_run, feedback)
            outcome = check_and_register(
                manifests[0],
                client=client,
                overwrite=overwrite,
                options=options,
                dry_run=dry_run,
                manifest_output=output,
                progress=progress,
            )
        except PreflightError as failure:
            _report_findings(failure.report, feedback)
            raise QgsProcessingException(failure.user_message) from None
        except CogportError as error:
            raise QgsProcessingException(error.user_message) from None
        _report_findings(outcome.report, feedback)
        if outcome.result is not None:
            feedback.pushInfo(outcome.result.message)
        else:
            feedback.pushInfo(
                self.tr("Dry run: {asset} passed the checks; nothing was sent.").format(
                    asset=outcome.report.manifest.name
                )
            )
        return {self.ASSET: outcome.report.manifest.name, self.MANIFEST_OUTPUT: outcome.manifest_path or None}

    def _manifests(self, parameters: Dict[str, Any], context: QgsProcessingContext) -> List[ImageManifest]:
        project = self._connection.project if self._connection else ""
        name = asset_name(project, self.parameterAsString(parameters, self.ASSET_ID, context))
        uris = [
            u.strip()
            for u in re.split(r"[\n,]", self.parameterAsString(parameters, self.SOURCES, context))
            if u.strip()
        ]
        if not uris:
            raise CogportError(self.tr("No source COG was given."), self.tr("SOURCES: gs:// URIs, one per tileset."))
        fields = dict(
            properties=_properties(self.parameterAsString(parameters, self.PROPERTIES, context)),
            start_time=self.parameterAsString(parameters, self.START_TIME, context),
            end_time=self.parameterAsString(parameters, self.END_TIME, context),
        )
        if self.parameterAsBool(parameters, self.ONE_ASSET_PER_FILE, context):
            return manifests_per_file(name, uris, **fields)
        bands_text = self.parameterAsString(parameters, self.BANDS, context).strip()
        if bands_text:
            manifest = build_manifest(name, uris, **fields)
            manifest.bands = bands_from_json(bands_text)
        else:
            sources = [read_source_bands(uri) if uri.startswith("gs://") else None for uri in uris]
            manifest = build_manifest(name, uris, sources=sources if all(sources) else None, **fields)
        return [manifest]

    def _client(self, manifest: ImageManifest) -> Optional[EarthEngineClient]:
        if self._credentials is None:
            return None
        connection = self._connection or EarthEngineConnection(project=manifest.project)
        return EarthEngineClient(connection, self._credentials)

    def _batch(self, manifests, client, overwrite, options, dry_run, feedback) -> Dict[str, Any]:
        items = register_batch(
            manifests,
            client=client,
            overwrite=overwrite,
            options=options,
            dry_run=dry_run,
            progress=progress_from_feedback(feedback),
        )
        failed = [item for item in items if item.error is not None]
        for item in items:
            if item.error is not None:
                feedback.reportError(f"{item.asset}: {item.error.user_message}")
            elif item.outcome.result is not None:
                feedback.pushInfo(item.outcome.result.message)
            else:
                feedback.pushInfo(self.tr("Dry run: {asset} passed the checks.").format(asset=item.asset))
        if failed:
            raise QgsProcessingException(
                self.tr("{failed} of {count} asset(s) failed: {assets}. See the log above.").format(
                    failed=len(failed), count=len(items), assets=", ".join(item.asset for item in failed)
                )
            )
        return {self.ASSET: ",".join(item.asset for item in items), self.MANIFEST_OUTPUT: None}


def _properties(text: str) -> Dict[str, Any]:
    if not text.strip():
        return {}
    try:
        value = json.loads(text)
    except ValueError as exc:
        raise CogportError(
            tr("PROPERTIES is not valid JSON."),
            tr('a flat object, e.g. {"sensor": "S2", "cloud": 12.5}.'),
            detail=str(exc),
        ) from None
    if not isinstance(value, dict):
        raise CogportError(
            tr("PROPERTIES is not a JSON object."), tr('a flat object, e.g. {"sensor": "S2", "cloud": 12.5}.')
        )
    return value


def _report_findings(report: PreflightReport, feedback: QgsProcessingFeedback) -> None:
    for finding in report.findings:
        text = f"[{finding.code}] {finding.message}"
        if finding.fix:
            text += tr(" Fix: {fix}").format(fix=finding.fix)

        if finding.severity == ERROR:
            feedback.reportError(text)
        elif finding.severity == WARNING:
            feedback.pushWarning(text)
        else:
            feedback.pushInfo(text)
