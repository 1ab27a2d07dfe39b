"""Earth Engine: connection, credentials, and the `image:importExternal` call that registers a COG-backed asset.

Contract (shared/reference/cloud-apis.md, Part 1): `POST {base}/v1/projects/{project}/image:importExternal`
with `{"imageManifest": …, "overwrite": …}` and a bearer token; success is an empty body
(synchronous, nothing to poll); errors are google.rpc.Status JSON. 429 and 5xx are retried
by the shared HttpClient; a 401 renews the token once. A 404 for the method itself on v1
is asked again on v1alpha.
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass
from typing import Any, Callable, Dict, Mapping, Optional
from urllib.parse import quote

import requests

from ..errors import AuthenticationError, CogportError, ServiceError
from ..i18n import tr, translatable
from ..progress import Progress
from .earthengine_manifest import ImageManifest
from .gcs import DEFAULT_GCS_API_URL, GcsMetadataClient, explain_gcs_error
from .google_auth import ServiceAccountKey, ServiceAccountTokens, StaticToken
from .http import HttpClient, RetryPolicy, TokenProvider

LOG = logging.getLogger("cogport.earthengine")

DEFAULT_EE_API_URL = "https://earthengine.googleapis.com"
# earthengine-api 1.7 calls importExternal on v1; the Earth Engine guide still shows v1alpha,
# so where v1 lacks the method it is asked once on v1alpha.
API_VERSIONS = ("v1", "v1alpha")
CODE_EDITOR = "https://code.earthengine.google.com/"
ENV_TOKEN = "COGPORT_EE_TOKEN"  # noqa: S105 - the name of an environment variable
ENV_EE_API_URL = "COGPORT_EE_API_URL"
ENV_GCS_API_URL = "COGPORT_GCS_API_URL"
PROJECT_ID = re.compile(r"^[a-z][a-z0-9-]{4,28}[a-z0-9]$|^\d{6,}$")

CREDENTIAL_KINDS = ("oauth2", "service_account", "token")

# What to check for each google.rpc.Status code, said for an Earth Engine user.
HINTS = {
    "PERMISSION_DENIED": translatable(
        "that the account has earthengine.imports.create on the Cloud project (e.g. the role "
        "Earth Engine Resource Writer), that the project is registered for Earth Engine, and that "
        "the account can read the bucket (storage.buckets.get and storage.objects.get)."
    ),
    "NOT_FOUND": translatable(
        "the Cloud project id (the id, not the display name), that the parent folder of the asset "
        "exists, and that every gs:// object exists."
    ),
    "ALREADY_EXISTS": translatable(
        "the asset id: choose another one, or tick Overwrite to replace the existing asset."
    ),
    "INVALID_ARGUMENT": translatable(
        "the manifest field the message names (asset id, tileset ids, band indices, times), and run "
        "Check to verify that each file is a COG Earth Engine accepts in a US/US-CENTRAL1 bucket."
    ),
    "FAILED_PRECONDITION": translatable(
        "the manifest against the message, and that the project is registered for Earth Engine."
    ),
    "UNAUTHENTICATED": translatable(
        "the Earth Engine connection's credentials: the token may have expired or lack the "
        "https://www.googleapis.com/auth/earthengine scope."
    ),
    "RESOURCE_EXHAUSTED": translatable("the project's Earth Engine quota, then try again later."),
}


def explain_ee_error(response: requests.Response) -> CogportError:
    """The google.rpc.Status `error.status` and `error.message` verbatim, plus what to check."""
    status_name, message = "", ""
    try:
        error = response.json().get("error", {})
        status_name = str(error.get("status", ""))
        message = str(error.get("message", ""))
    except (ValueError, AttributeError):
        pass
    if not status_name:
        status_name = f"HTTP {response.status_code}"
        message = message or (response.reason or tr("no error body"))
    what = tr("Earth Engine refused the request: {status}: {message}").format(status=status_name, message=message)
    hint = HINTS.get(status_name)
    check = tr(hint) if hint else tr("the message above; details are in the Cogport log.")
    if response.status_code == 401:
        return AuthenticationError(what, check, detail=response.text[:1000])
    return ServiceError(what, check, detail=response.text[:1000], status=response.status_code, code=status_name)


def _method_missing(error: ServiceError) -> bool:
    """A 404 for the method itself ("Method not found."), not for a project or an asset."""
    return error.status == 404 and "method not found" in error.what.lower()


def code_editor_url(asset: str) -> str:
    return f"{CODE_EDITOR}?asset={quote(asset, safe='/')}"


@dataclass(frozen=True)
class EarthEngineConnection:
    """Non-secret connection fields; the credentials travel separately (see `EarthEngineCredentials`)."""

    name: str = ""
    project: str = ""
    credential_kind: str = "token"  # one of CREDENTIAL_KINDS
    authcfg: str = ""  # QGIS auth config holding the secret (service-account key or token) or OAuth2
    api_url: str = ""  # empty: COGPORT_EE_API_URL, else https://earthengine.googleapis.com
    gcs_api_url: str = ""  # empty: COGPORT_GCS_API_URL, else https://storage.googleapis.com

    def ee_base(self, environ: Mapping[str, str] = os.environ) -> str:
        return (self.api_url or environ.get(ENV_EE_API_URL, "") or DEFAULT_EE_API_URL).rstrip("/")

    def gcs_base(self, environ: Mapping[str, str] = os.environ) -> str:
        return (self.gcs_api_url or environ.get(ENV_GCS_API_URL, "") or DEFAULT_GCS_API_URL).rstrip("/")


class EarthEngineCredentials:
    """A resolved credential, handed from the main thread to the core; `repr` never shows the secret."""

    def __init__(self, tokens: TokenProvider, kind: str) -> None:
        self.tokens = tokens
        self.kind = kind

    @classmethod
    def from_token(cls, token: str, source: str = translatable("the access token")) -> EarthEngineCredentials:
        return cls(StaticToken(token, source), "token")

    @classmethod
    def from_service_account_json(cls, key_json: str) -> EarthEngineCredentials:
        return cls(ServiceAccountTokens(ServiceAccountKey.from_json(key_json)), "service_account")

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] = os.environ) -> EarthEngineCredentials:
        token = environ.get(ENV_TOKEN, "")
        if not token:
            raise AuthenticationError(
                tr("No Earth Engine credentials: no connection was chosen and COGPORT_EE_TOKEN is not set."),
                tr(
                    "the connection choice: pick an Earth Engine connection, or export "
                    "COGPORT_EE_TOKEN=$(gcloud auth print-access-token) before starting QGIS."
                ),
            )
        return cls.from_token(token, tr("the token in {variable}").format(variable=ENV_TOKEN))

    def __repr__(self) -> str:
        return f"EarthEngineCredentials(kind={self.kind!r}, tokens={self.tokens!r})"


def validate_project_id(project: str) -> None:
    """Earth Engine bills a Cloud project by its id (or number); a display name is a common mistake."""
    if not project:
        raise CogportError(
            tr("No Cloud project is known for this asset."),
            tr(
                "the asset id: write it in full as projects/<project-id>/assets/<path>, or choose an Earth Engine "
                "connection, whose project id is then used."
            ),
        )
    if not PROJECT_ID.match(project):
        raise CogportError(
            tr("'{project}' is not a Google Cloud project id.").format(project=project),
            tr(
                "the project id in the Cloud console's project picker (6-30 lower-case letters, digits and "
                "hyphens, e.g. my-ee-project), not the project's display name."
            ),
        )


@dataclass(frozen=True)
class RegistrationResult:
    asset: str
    overwritten: bool

    @property
    def code_editor_url(self) -> str:
        return code_editor_url(self.asset)

    @property
    def message(self) -> str:
        if self.overwritten:
            text = tr("Registered (overwriting) Earth Engine asset {asset}. Open it in the Code Editor: {url}")
        else:
            text = tr("Registered Earth Engine asset {asset}. Open it in the Code Editor: {url}")
        return text.format(asset=self.asset, url=self.code_editor_url)


class EarthEngineClient:
    """Sends manifests to one Cloud project."""

    def __init__(
        self,
        connection: EarthEngineConnection,
        credentials: EarthEngineCredentials,
        *,
        retry: RetryPolicy = RetryPolicy(),
        environ: Mapping[str, str] = os.environ,
        sleep: Optional[Callable[[float], None]] = None,
    ) -> None:
        validate_project_id(connection.project)
        self.connection = connection
        self.api_version = API_VERSIONS[0]
        self.credentials = credentials
        extra: Dict[str, Any] = {"sleep": sleep} if sleep is not None else {}
        self.http = HttpClient(
            connection.ee_base(environ), tokens=credentials.tokens, retry=retry, explain=explain_ee_error, **extra
        )
        self.gcs = GcsMetadataClient(
            credentials.tokens,
            http=HttpClient(
                connection.gcs_base(environ), tokens=credentials.tokens, retry=retry, explain=explain_gcs_error, **extra
            ),
        )

    def import_external(
        self, manifest: ImageManifest, overwrite: bool = False, progress: Optional[Progress] = None
    ) -> RegistrationResult:
        LOG.info("Registering %s in project %s (overwrite=%s)", manifest.name, self.connection.project, overwrite)
        response = self._post_import({"imageManifest": manifest.to_dict(), "overwrite": bool(overwrite)}, progress)
        body = response.text.strip()
        if body not in ("", "{}"):
            LOG.info("importExternal answered a non-empty body (ignored): %s", body[:200])
        return RegistrationResult(manifest.name, bool(overwrite))

    def _post_import(self, body: Dict[str, Any], progress: Optional[Progress]) -> requests.Response:
        """importExternal on the first API version that serves it; that version is kept for the next calls."""
        project = quote(self.connection.project, safe="")
        while True:
            path = f"{self.api_version}/projects/{project}/image:importExternal"
            try:
                return self.http.request("POST", path, json=body, progress=progress)
            except ServiceError as error:
                position = API_VERSIONS.index(self.api_version)
                if position + 1 == len(API_VERSIONS) or not _method_missing(error):
                    raise
                LOG.info("importExternal is not served on %s (%s)", self.api_version, error.what)
                self.api_version = API_VERSIONS[position + 1]

    def check_access(self) -> str:
        """One `projects.listAssets` call on the project's root: proves the credentials, the project id and
        that the project may use Earth Engine, without changing anything."""
        project = self.connection.project
        self.http.request(
            "GET", f"{self.api_version}/projects/{quote(project, safe='')}:listAssets", params={"pageSize": 1}
        )
        return tr("Earth Engine accepts these credentials for project '{project}'.").format(project=project)
