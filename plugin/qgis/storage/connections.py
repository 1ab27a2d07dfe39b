"""Saved storage connections: fields in QgsSettings, secrets in the QGIS auth database.

Call on the main thread: resolving secrets may make QGIS ask for the master password.
"""

from __future__ import annotations

import json
from typing import Dict, List, Optional, Tuple

from ...core.errors import CogportError
from ...core.storage.connection import AuthMode, Credentials, StorageConnection, check_fields
from ...core.storage.gdal_config import SCOPED_OPTIONS, forget_cached
from ...core.storage.keystone import KEYSTONE
from ...core.storage.openstack_config import Imported
from ...core.storage.uri import ObjectLocation
from ..common.auth import load_secrets, remove_secrets, store_secrets
from ..common.i18n import tr
from ..common.settings import SettingsGroup, read_value, write_value

EXPORT_FORMAT = "cogport-connections/1"


class ConnectionStore:
    """The one place that reads, writes and activates storage connections."""

    def __init__(self) -> None:
        self.group = SettingsGroup("storage-connections")
        self._credentials: Dict[str, Credentials] = {}

    def names(self) -> List[str]:
        return self.group.names()

    def load(self, name: str) -> StorageConnection:
        if not self.group.exists(name):
            raise CogportError(
                tr("There is no storage connection named '{name}'.").format(name=name),
                tr("the connection name in the Cogport bucket browser (names are case-sensitive)."),
            )
        return self.group.read(name, StorageConnection).renamed(name)

    def save(
        self, connection: StorageConnection, credentials: Credentials, previous_name: str = ""
    ) -> StorageConnection:
        """Stores the connection; secrets go to the auth DB under the connection's auth config."""
        if not connection.name.strip():
            raise CogportError(tr("A connection needs a name."), tr("the Name field."))
        if connection.name != previous_name and self.group.exists(connection.name):
            raise CogportError(
                tr("A connection named '{name}' already exists.").format(name=connection.name), tr("the Name field.")
            )
        check_fields(connection, credentials.service_account_json)
        authcfg = connection.authcfg
        if connection.auth is AuthMode.ANONYMOUS:
            remove_secrets(authcfg)
            authcfg = ""
        else:
            authcfg = store_secrets(connection.name, credentials.to_secrets(), authcfg)
        saved = StorageConnection(**{**connection.__dict__, "authcfg": authcfg})
        if previous_name and previous_name != connection.name:
            self.group.remove(previous_name)
            self._forget(previous_name)
        self.group.write(saved.name, saved)
        self._forget(saved.name)
        return saved

    def remove(self, name: str) -> None:
        connection = self.load(name)
        remove_secrets(connection.authcfg)
        self.group.remove(name)
        self._forget(name)

    def resolve(self, name: str) -> Tuple[StorageConnection, Credentials]:
        """The named connection with its secrets (what Processing algorithms take by name)."""
        connection = self.load(name)
        return connection, self.credentials(connection)

    def credentials(self, connection: StorageConnection) -> Credentials:
        if connection.anonymous:
            return Credentials()
        cached = self._credentials.get(connection.name)
        if cached is None:
            cached = Credentials.from_secrets(load_secrets(connection.authcfg))
            self._credentials[connection.name] = cached
        return cached

    def activate(self, connection: StorageConnection, bucket: str) -> str:
        """Attaches the connection's options to `bucket`'s prefix and remembers the binding for reopened projects."""
        location = ObjectLocation(connection.handler, bucket)
        SCOPED_OPTIONS.renew_tokens(connection.name)  # a Keystone token about to expire: GDAL gets the new one
        # Each use re-applies: the options stay untouched (caches warm) unless the network settings changed.
        prefix = SCOPED_OPTIONS.apply(connection, self.credentials(connection), bucket)
        write_value(_binding_key(location), connection.name)
        return prefix

    def forget_cache(self, connection: StorageConnection) -> None:
        """Drops GDAL's cached listings of the connection's buckets so Refresh shows the store as it is now."""
        for prefix in SCOPED_OPTIONS.prefixes_of(connection.name):
            forget_cached(prefix)

    def connection_for(self, location: ObjectLocation) -> Optional[StorageConnection]:
        """The connection that last opened `location`'s bucket, if it still exists."""
        name = read_value(_binding_key(location), "")
        if name and self.group.exists(name):
            return self.load(name)
        for candidate in self.names():
            connection = self.load(candidate)
            if connection.handler == location.handler and location.bucket in connection.buckets:
                return connection
        return None

    def export_json(self, names: List[str]) -> str:
        """Connections as JSON for sharing; never any secret (the recipient enters their own)."""
        return json.dumps(
            {"format": EXPORT_FORMAT, "connections": [self.load(n).export_fields() for n in names]}, indent=2
        )

    def import_json(self, text: str) -> List[str]:
        """Adds the connections in `text`; an existing name gets a numbered suffix. Returns the new names."""
        try:
            data = json.loads(text)
            entries = data["connections"] if data.get("format") == EXPORT_FORMAT else None
            if entries is None:
                raise ValueError("unknown format")
            connections = [StorageConnection.from_export(entry) for entry in entries]
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise CogportError(
                tr("This file is not a Cogport connections export."),
                tr("that you chose a file written by Cogport's Export connections."),
                detail=repr(exc),
            ) from exc
        added = []
        for connection in connections:
            name = self._free_name(connection.name)
            self.group.write(name, connection.renamed(name))
            added.append(name)
        return added

    def add_imported(self, imported: List[Imported]) -> List[str]:
        """Saves connections read from openrc, clouds.yaml or the environment, secrets in the auth DB."""
        added = []
        for item in imported:
            saved = self.save(item.connection.renamed(self._free_name(item.connection.name)), item.credentials)
            added.append(saved.name)
        return added

    def _free_name(self, wanted: str) -> str:
        name, number = wanted, 1
        while self.group.exists(name):
            number += 1
            name = f"{wanted} ({number})"
        return name

    def _forget(self, name: str) -> None:
        self._credentials.pop(name, None)
        SCOPED_OPTIONS.withdraw(name)
        KEYSTONE.forget(name)


def _binding_key(location: ObjectLocation) -> str:
    return f"bucket-bindings/{location.handler}/{location.bucket}"
