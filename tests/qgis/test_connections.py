"""Saved connections: secrets only in the auth DB, export/import without secrets."""

from __future__ import annotations

import json

import pytest
from qgis.core import QgsSettings

from cogport.plugin.core.errors import CogportError
from cogport.plugin.core.storage.connection import AuthMode, Credentials, StorageConnection, StoreKind


def _settings_text() -> str:
    QgsSettings().sync()
    with open(QgsSettings().fileName(), encoding="utf-8") as handle:
        return handle.read()


def test_save_keeps_secrets_out_of_settings_and_loads_them_back(store):
    connection = StorageConnection(
        name="OVH",
        kind=StoreKind.S3_COMPATIBLE,
        endpoint="s3.gra.io.cloud.ovh.net",
        region="gra",
        virtual_hosting=False,
        buckets=("rasters",),
    )
    saved = store.save(connection, Credentials("AK-ovh-1234", "very-secret-value"))
    assert saved.authcfg and store.names() == ["OVH"]
    assert "very-secret-value" not in _settings_text() and "AK-ovh-1234" not in _settings_text()
    store._credentials.clear()
    assert store.credentials(store.load("OVH")).secret == "very-secret-value"


def test_rename_and_duplicate_names(store):
    store.save(StorageConnection(name="A", auth=AuthMode.ANONYMOUS, kind=StoreKind.PUBLIC), Credentials())
    store.save(StorageConnection(name="B", auth=AuthMode.ANONYMOUS, kind=StoreKind.PUBLIC), Credentials())
    with pytest.raises(CogportError):
        store.save(
            StorageConnection(name="B", auth=AuthMode.ANONYMOUS, kind=StoreKind.PUBLIC),
            Credentials(),
            previous_name="A",
        )
    store.save(
        StorageConnection(name="C", auth=AuthMode.ANONYMOUS, kind=StoreKind.PUBLIC), Credentials(), previous_name="A"
    )
    assert store.names() == ["B", "C"]


def test_export_has_no_secrets_and_imports_back(store):
    store.save(
        StorageConnection(
            name="Swift", kind=StoreKind.SWIFT, auth=AuthMode.SWIFT_V1, auth_url="https://auth.example/auth/v1.0"
        ),
        Credentials("acc:user", "swift-key-9"),
    )
    exported = store.export_json(["Swift"])
    assert "swift-key-9" not in exported and "authcfg" not in exported
    assert json.loads(exported)["connections"][0]["auth_url"] == "https://auth.example/auth/v1.0"
    assert store.import_json(exported) == ["Swift (2)"]
    assert store.load("Swift (2)").authcfg == ""
    with pytest.raises(CogportError) as info:
        store.import_json('{"something": "else"}')
    assert "not a Cogport connections export" in str(info.value)
