"""Saved Sentinel Hub BYOC connections: deployment and URLs in QgsSettings, client id and secret in the auth DB."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import List, Mapping

from ...core.errors import AuthenticationError, CogportError
from ...core.services.byoc import DEPLOYMENTS, ByocConnection
from ...core.services.oauth import ClientCredentials
from ..common.auth import load_secrets, remove_secrets, store_secrets
from ..common.i18n import tr
from ..common.settings import SettingsGroup, read_value, write_value

CONNECTIONS = SettingsGroup("byoc-connections")
_LAST_USED = "byoc/last-connection"


@dataclass
class ByocConnectionRecord:
    """The non-secret part of a saved connection."""

    deployment: str = "eu"
    base_url: str = ""  # only for the custom deployment
    token_url: str = ""  # only for the custom deployment
    authcfg: str = ""


def connection_names() -> List[str]:
    return CONNECTIONS.names()


def form_connection(
    name: str, deployment: str, client_id: str, client_secret: str = "", base_url: str = "", token_url: str = ""
) -> ByocConnection:
    """The connection a form describes; an empty `client_secret` means the one already saved under `name`."""
    name = name.strip()
    if not name or "/" in name or "\\" in name:
        raise CogportError(tr("The connection needs a name without '/' or '\\'."), tr("the Name field."))
    if deployment not in DEPLOYMENTS:
        raise CogportError(
            tr("Unknown deployment '{deployment}'.").format(deployment=deployment), tr("the Deployment choice.")
        )
    secret = client_secret or load_secrets(_existing(name).authcfg).get("client_secret", "")
    if not client_id.strip() or not secret:
        raise AuthenticationError(
            tr("The connection needs an OAuth client id and client secret."),
            tr("the Client id and Client secret fields (Sentinel Hub Dashboard > User settings > OAuth clients)."),
        )
    custom = deployment == "custom"
    return ByocConnection.for_deployment(
        name,
        deployment,
        ClientCredentials(client_id.strip(), secret),
        base_url.strip() if custom else "",
        token_url.strip() if custom else "",
    )


def save_connection(
    name: str, deployment: str, client_id: str, client_secret: str = "", base_url: str = "", token_url: str = ""
) -> ByocConnection:
    """Stores a connection; an empty `client_secret` keeps the secret already saved under `name`."""
    connection = form_connection(name, deployment, client_id, client_secret, base_url, token_url)
    custom = deployment == "custom"
    authcfg = store_secrets(
        f"Sentinel Hub BYOC {connection.name}",  # untranslated: the auth config's name in the QGIS auth database
        {"client_id": connection.credentials.client_id, "client_secret": connection.credentials.client_secret},
        _existing(connection.name).authcfg,
    )
    CONNECTIONS.write(
        connection.name,
        ByocConnectionRecord(
            deployment, base_url.strip() if custom else "", token_url.strip() if custom else "", authcfg
        ),
    )
    return connection


def _existing(name: str) -> ByocConnectionRecord:
    return CONNECTIONS.read(name, ByocConnectionRecord) if CONNECTIONS.exists(name) else ByocConnectionRecord()


def load_record(name: str) -> ByocConnectionRecord:
    if not CONNECTIONS.exists(name):
        raise CogportError(
            tr("There is no BYOC connection named '{name}'.").format(name=name),
            tr("the connection list in the Sentinel Hub BYOC panel."),
        )
    return CONNECTIONS.read(name, ByocConnectionRecord)


def load_connection(name: str) -> ByocConnection:
    """Main thread only: the auth database may ask for the master password."""
    record = load_record(name)
    secrets = load_secrets(record.authcfg)
    if not secrets.get("client_id") or not secrets.get("client_secret"):
        raise AuthenticationError(
            tr("The BYOC connection '{name}' has no saved client id or secret.").format(name=name),
            tr("the connection: edit it and enter the client id and secret again."),
        )
    return ByocConnection.for_deployment(
        name,
        record.deployment,
        ClientCredentials(secrets["client_id"], secrets["client_secret"]),
        record.base_url,
        record.token_url,
    )


def resolve_connection(name: str, environ: Mapping[str, str] = os.environ) -> ByocConnection:
    """A saved connection by name, or (empty name) the one described by SH_CLIENT_ID and friends."""
    return load_connection(name) if name.strip() else ByocConnection.from_env(environ)


def delete_connection(name: str) -> None:
    if CONNECTIONS.exists(name):
        remove_secrets(CONNECTIONS.read(name, ByocConnectionRecord).authcfg)
        CONNECTIONS.remove(name)


def last_used() -> str:
    return read_value(_LAST_USED, "")


def remember(name: str) -> None:
    write_value(_LAST_USED, name)
