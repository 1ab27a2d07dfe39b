"""Saved Earth Engine connections: non-secret fields in QgsSettings, secrets in the QGIS auth database.

Credentials are resolved here, on the main thread, into an `EarthEngineCredentials` the core
can use from a worker thread. For a QGIS OAuth2 auth config, QgsAuthManager signs a request
and the bearer token is lifted from its Authorization header: the core never sees Qt.
"""

from __future__ import annotations

import os
from dataclasses import replace
from typing import Dict, List, Optional, Sequence

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtNetwork import QNetworkRequest

from ...core.errors import AuthenticationError, CogportError
from ...core.services.earthengine import (
    ENV_TOKEN,
    EarthEngineConnection,
    EarthEngineCredentials,
    validate_project_id,
)
from ...core.storage.uri import parse_location
from ..common.auth import load_secrets, remove_secrets, store_secrets
from ..common.i18n import tr, translatable
from ..common.settings import SettingsGroup, read_value, write_value

CONNECTIONS = SettingsGroup("earthengine-connections")
_LAST_USED = "earthengine/last-connection"
SECRET_FIELDS = {"token": "token", "service_account": "service_account_json"}
ENVIRONMENT = translatable("(environment: COGPORT_EE_TOKEN)")  # a choice of the connection list: tr() it there
_BEARER = "Bearer "  # untranslated: the HTTP authorization scheme


def connection_names() -> List[str]:
    return CONNECTIONS.names()


def load_connection(name: str) -> EarthEngineConnection:
    if not CONNECTIONS.exists(name):
        raise CogportError(
            tr("There is no Earth Engine connection named '{name}'.").format(name=name),
            tr("the connection list (Cogport > Register Earth Engine asset…)."),
        )
    return replace(CONNECTIONS.read(name, EarthEngineConnection), name=name)


def save_connection(connection: EarthEngineConnection, secret: str = "") -> EarthEngineConnection:
    """Stores the connection; `secret` (token or key JSON) goes to the auth database, never to settings.

    For kind "oauth2", `connection.authcfg` is the id of an existing QGIS OAuth2 config.
    An empty `secret` keeps the one already stored.
    """
    validate_project_id(connection.project)
    if not connection.name.strip():
        raise CogportError(tr("The connection has no name."), tr("the Name field."))
    authcfg = connection.authcfg
    if connection.credential_kind in SECRET_FIELDS:
        if secret:
            field = SECRET_FIELDS[connection.credential_kind]
            if field == "service_account_json":
                EarthEngineCredentials.from_service_account_json(secret)  # refuse a broken key now, not at send
            stored_name = f"Earth Engine {connection.name}"  # untranslated: the auth database entry's name
            authcfg = store_secrets(stored_name, {field: secret}, authcfg)
        elif not authcfg:
            raise _no_credentials(connection)
    elif connection.credential_kind == "oauth2" and not authcfg:
        raise AuthenticationError(
            tr("No QGIS OAuth2 configuration was chosen."),
            tr("the Authentication selector: pick or create an OAuth2 configuration."),
        )
    saved = replace(connection, authcfg=authcfg)
    CONNECTIONS.write(saved.name, saved)
    return saved


def _no_credentials(connection: EarthEngineConnection) -> AuthenticationError:
    return AuthenticationError(
        tr("The connection '{name}' has no credentials.").format(name=connection.name),
        tr("the credentials: paste an access token or a service-account key."),
    )


def form_credentials(connection: EarthEngineConnection, secret: str = "") -> EarthEngineCredentials:
    """Main thread: what the connection form holds, the pasted `secret` first, else what is saved."""
    if secret and connection.credential_kind == "token":
        return EarthEngineCredentials.from_token(secret, tr("the pasted token"))
    if secret and connection.credential_kind == "service_account":
        return EarthEngineCredentials.from_service_account_json(secret)
    if connection.credential_kind in SECRET_FIELDS and not connection.authcfg:
        raise _no_credentials(connection)
    return resolve_credentials(connection)


def delete_connection(name: str) -> None:
    if CONNECTIONS.exists(name):
        connection = load_connection(name)
        if connection.credential_kind in SECRET_FIELDS:
            remove_secrets(connection.authcfg)  # an OAuth2 config is the user's own: keep it
        CONNECTIONS.remove(name)


def last_used() -> str:
    return read_value(_LAST_USED, "")


def remember(name: str) -> None:
    write_value(_LAST_USED, name)


def resolve_credentials(
    connection: Optional[EarthEngineConnection], environ: Dict[str, str] = os.environ
) -> EarthEngineCredentials:
    """Main thread only: reads the auth database (which may prompt for the master password)."""
    if connection is None:
        return EarthEngineCredentials.from_environment(environ)
    if connection.credential_kind == "oauth2":
        return EarthEngineCredentials.from_token(_oauth2_token(connection.authcfg), tr("the QGIS OAuth2 sign-in"))
    field = SECRET_FIELDS.get(connection.credential_kind)
    if field is None:
        raise CogportError(
            tr("Unknown credential kind '{kind}'.").format(kind=connection.credential_kind),
            tr("the connection settings."),
        )
    secret = load_secrets(connection.authcfg).get(field, "")
    if not secret:
        raise AuthenticationError(
            tr("The connection '{name}' has no saved credentials.").format(name=connection.name),
            tr("the connection's credentials: edit it and paste the token or service-account key again."),
        )
    if field == "token":
        return EarthEngineCredentials.from_token(
            secret, tr("the token of connection '{name}'").format(name=connection.name)
        )
    return EarthEngineCredentials.from_service_account_json(secret)


def _oauth2_token(authcfg: str) -> str:
    request = QNetworkRequest(QUrl("https://earthengine.googleapis.com/"))
    result = QgsApplication.authManager().updateNetworkRequest(request, authcfg)
    ok, request = result if isinstance(result, tuple) else (result, request)
    header = bytes(request.rawHeader(b"Authorization")).decode("ascii", "replace")
    if not ok or not header.startswith(_BEARER):
        raise AuthenticationError(
            tr("QGIS could not get an Earth Engine token from the OAuth2 configuration."),
            tr(
                "the configuration in Settings > Options > Authentication: Google's auth and token URLs, the "
                "client id, and the scope https://www.googleapis.com/auth/earthengine (plus "
                "https://www.googleapis.com/auth/devstorage.read_only for the bucket checks)."
            ),
        )
    return header[len(_BEARER) :]


def activate_storage(uris: Sequence[str], storage_connection: str = "") -> List[str]:
    """Main thread: gives GDAL /vsigs/ read access to each gs:// bucket through a Cogport storage connection.

    Uses the named storage connection, else the one that last opened (or lists) the bucket; a
    bucket without one keeps whatever GDAL already has (GS_* options, ~/.boto, …). Returns the
    buckets that were activated.
    """
    from ..storage.connections import ConnectionStore

    store = ConnectionStore()
    named = store.load(storage_connection) if storage_connection else None
    activated: List[str] = []
    for uri in uris:
        base = uri.partition("#")[0]
        if not base.startswith("gs://"):
            continue
        location = parse_location(base)
        if location.bucket in activated:
            continue
        connection = named or store.connection_for(location)
        if connection is not None and connection.handler == "vsigs":
            store.activate(connection, location.bucket)
            activated.append(location.bucket)
    return activated


def environment_available(environ: Dict[str, str] = os.environ) -> bool:
    return bool(environ.get(ENV_TOKEN))
