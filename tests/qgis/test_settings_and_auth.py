from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Tuple

from qgis.core import QgsSettings

from cogport.plugin.qgis.common.auth import load_secrets, remove_secrets, store_secrets
from cogport.plugin.qgis.common.settings import SettingsGroup


@dataclass(frozen=True)
class _Record:
    endpoint: str = ""
    https: bool = True
    buckets: Tuple[str, ...] = ()
    authcfg: str = ""


def test_records_round_trip_with_types(qgis_app):
    group = SettingsGroup("test-records")
    group.write("Demo one", _Record("127.0.0.1:1", False, ("a", "b"), "abc1234"))
    assert group.names() == ["Demo one"]
    assert group.read("Demo one", _Record) == _Record("127.0.0.1:1", False, ("a", "b"), "abc1234")
    group.remove("Demo one")
    assert group.names() == []


def test_secrets_live_in_the_auth_db_not_in_settings(auth_db, tmp_path):
    authcfg = store_secrets("unit", {"secret_key": "s3cr3t-value", "token": ""})
    assert load_secrets(authcfg) == {"secret_key": "s3cr3t-value"}
    authcfg2 = store_secrets("unit", {"secret_key": "rotated"}, authcfg)
    assert authcfg2 == authcfg and load_secrets(authcfg) == {"secret_key": "rotated"}
    QgsSettings().sync()
    assert "rotated" not in Path(QgsSettings().fileName()).read_text(encoding="utf-8")
    remove_secrets(authcfg)
    assert authcfg not in auth_db.configIds()
