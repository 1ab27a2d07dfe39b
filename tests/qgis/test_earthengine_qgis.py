"""The Earth Engine connection, the manifest editor and cogport:register_earthengine, against the fakes."""

from __future__ import annotations

import json

import pytest
from qgis.core import QgsProcessingException, QgsSettings

from cogport.plugin.core.errors import AuthenticationError, CogportError
from cogport.plugin.core.services.earthengine import EarthEngineConnection
from cogport.plugin.core.storage.uri import ObjectLocation
from cogport.plugin.qgis.earthengine.earthengine_connections import (
    connection_names,
    delete_connection,
    load_connection,
    resolve_credentials,
    save_connection,
)
from cogport.plugin.qgis.earthengine.earthengine_dialog import EarthEngineDialog, open_earthengine_dialog
from cogport.tests.core.test_earthengine_manifest import write_cog
from cogport.tests.qgis.test_validate_algorithm import RecordingFeedback

TOKEN = "ya29.dialog-test-token-secret"
PROJECT = "ee-demo-project"


@pytest.fixture
def world(fake_gcs, fake_earthengine, auth_db):
    """A US bucket with a 2-band COG, an EU bucket with a COG, and a saved connection to the fakes."""
    fake_gcs.bearer_tokens = {TOKEN}
    fake_earthengine.tokens = {TOKEN}
    fake_gcs.add_bucket("cogs-us")
    fake_gcs.add_bucket("cogs-eu", location="EUROPE-WEST1", location_type="region")
    for bucket in ("cogs-us", "cogs-eu"):
        write_cog(fake_gcs, bucket, "scene.tif", bands=2, descriptions=("red", ""), nodata=0)
        fake_gcs.configure_gdal(bucket)
    connection = save_connection(
        EarthEngineConnection(
            name="Fake EE",
            project=PROJECT,
            credential_kind="token",
            api_url=fake_earthengine.url,
            gcs_api_url=fake_gcs.url,
        ),
        TOKEN,
    )
    yield connection
    delete_connection("Fake EE")


def _settings_text() -> str:
    QgsSettings().sync()
    with open(QgsSettings().fileName(), encoding="utf-8") as handle:
        return handle.read()


def test_token_lives_in_the_auth_db_and_resolves_masked(world, auth_db):
    assert "Fake EE" in connection_names()
    assert load_connection("Fake EE").authcfg == world.authcfg
    assert TOKEN not in _settings_text()
    credentials = resolve_credentials(world)
    assert credentials.tokens.token() == TOKEN and TOKEN not in repr(credentials)
    delete_connection("Fake EE")
    assert world.authcfg not in auth_db.configIds()


def test_connection_rules_are_explained(auth_db):
    with pytest.raises(CogportError, match="not a Google Cloud project id"):
        save_connection(EarthEngineConnection(name="x", project="My Project"), TOKEN)
    with pytest.raises(AuthenticationError, match="not a service-account key"):
        save_connection(
            EarthEngineConnection(name="x", project=PROJECT, credential_kind="service_account"),
            json.dumps({"type": "authorized_user"}),
        )
    with pytest.raises(AuthenticationError, match="No QGIS OAuth2 configuration"):
        save_connection(EarthEngineConnection(name="x", project=PROJECT, credential_kind="oauth2"))
    assert "x" not in connection_names()


def _wait(qtbot, dialog: EarthEngineDialog) -> None:
    qtbot.waitUntil(lambda: dialog.task is None, timeout=20000)


def test_dialog_reads_bands_checks_and_registers(world, qgis_iface, qtbot, fake_earthengine):
    dialog = open_earthengine_dialog(qgis_iface, [ObjectLocation("vsigs", "cogs-us", "scene.tif")])
    qtbot.addWidget(dialog)
    _wait(qtbot, dialog)
    assert dialog.tilesetTable.item(0, 1).text() == "gs://cogs-us/scene.tif"
    assert dialog.assetEdit.text() == "scene"
    assert [dialog.bandTable.item(r, 0).text() for r in range(dialog.bandTable.rowCount())] == ["red", "b2"]
    assert dialog.bandTable.item(0, 3).text() == "0"

    dialog.connectionCombo.setCurrentText("Fake EE")
    dialog.assetEdit.setText("cogs/scene")
    dialog.bandTable.setCurrentCell(1, 0)
    dialog.move_band(-1)
    dialog.pinGenerationCheck.setChecked(True)
    dialog.check()
    _wait(qtbot, dialog)
    assert dialog.last_report.ok
    shown = [row.finding.code for row in dialog.findingsTree.finding_items()]
    assert "GENERATION_PINNED" in shown and "INTERLEAVE_NOT_BAND" in shown
    assert fake_earthengine.import_requests() == []

    dialog.register()
    _wait(qtbot, dialog)
    sent = fake_earthengine.import_requests()[0].json()["imageManifest"]
    assert sent["name"] == f"projects/{PROJECT}/assets/cogs/scene"
    assert [band["id"] for band in sent["bands"]] == ["b2", "red"]
    assert (
        "Registered Earth Engine asset <b>projects/ee-demo-project/assets/cogs/scene</b>" in dialog.statusLabel.text()
    )
    assert (
        "https://code.earthengine.google.com/?asset=projects/ee-demo-project/assets/cogs/scene"
        in dialog.statusLabel.text()
    )
    dialog.close()


def test_dialog_shows_region_finding_and_does_not_send(world, qgis_iface, qtbot, fake_earthengine):
    dialog = EarthEngineDialog(qgis_iface, ["gs://cogs-eu/scene.tif"])
    qtbot.addWidget(dialog)
    _wait(qtbot, dialog)
    dialog.connectionCombo.setCurrentText("Fake EE")
    dialog.register()
    _wait(qtbot, dialog)
    codes = [row.finding.code for row in dialog.findingsTree.finding_items()]
    assert codes[0] == "BUCKET_LOCATION"
    assert "Not registered" in dialog.statusLabel.text() and "EUROPE-WEST1" in dialog.statusLabel.text()
    assert fake_earthengine.import_requests() == []


def test_export_then_import_restores_the_editor(world, qgis_iface, qtbot, tmp_path):
    dialog = EarthEngineDialog(qgis_iface, ["gs://cogs-us/scene.tif"])
    qtbot.addWidget(dialog)
    _wait(qtbot, dialog)
    dialog.assetEdit.setText(f"projects/{PROJECT}/assets/x")
    dialog._append_row(dialog.propertyTable, ["cloud", "12.5"])
    dialog._append_row(dialog.propertyTable, ["tile", "007"])
    dialog.startTimeEdit.setText("2024-05-01")
    path = tmp_path / "m.json"
    dialog.export_manifest(str(path))
    exported = json.loads(path.read_text())
    assert exported["properties"] == {"cloud": 12.5, "tile": "007"}
    assert exported["startTime"] == "2024-05-01T00:00:00Z"

    other = EarthEngineDialog(qgis_iface)
    qtbot.addWidget(other)
    other.import_manifest(str(path))
    assert other.manifest().to_dict() == exported
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2]")
    other.import_manifest(str(bad))
    assert "not a JSON object" in other.statusLabel.text()


def test_bad_band_index_cell_is_explained(world, qgis_iface, qtbot):
    dialog = EarthEngineDialog(qgis_iface)
    qtbot.addWidget(dialog)
    dialog._append_row(dialog.bandTable, ["b1", "0", "first", "", ""])
    dialog.check()
    assert "not a number" in dialog.statusLabel.text() and dialog.task is None


@pytest.fixture
def headless(world, fake_gcs, fake_earthengine, monkeypatch):
    monkeypatch.setenv("COGPORT_EE_TOKEN", TOKEN)
    monkeypatch.setenv("COGPORT_EE_API_URL", fake_earthengine.url)
    monkeypatch.setenv("COGPORT_GCS_API_URL", fake_gcs.url)


def test_processing_dry_run_writes_the_manifest_and_sends_nothing(
    cogport_provider, headless, fake_earthengine, tmp_path
):
    import processing

    out = tmp_path / "manifest.json"
    feedback = RecordingFeedback()
    result = processing.run(
        "cogport:register_earthengine",
        {
            "ASSET_ID": f"projects/{PROJECT}/assets/dry",
            "SOURCES": "gs://cogs-us/scene.tif",
            "PROPERTIES": '{"sensor": "demo"}',
            "START_TIME": "2024-05-01",
            "DRY_RUN": True,
            "MANIFEST_OUTPUT": str(out),
        },
        feedback=feedback,
    )
    assert result == {"ASSET": f"projects/{PROJECT}/assets/dry", "MANIFEST_OUTPUT": str(out)}
    manifest = json.loads(out.read_text())
    assert [b["id"] for b in manifest["bands"]] == ["red", "b2"]
    assert manifest["properties"] == {"sensor": "demo"} and manifest["startTime"] == "2024-05-01T00:00:00Z"
    assert fake_earthengine.import_requests() == []
    assert any("nothing was sent" in info for info in feedback.infos)


def test_processing_registers_with_bands_json_and_a_saved_connection(cogport_provider, world, fake_earthengine):
    import processing

    result = processing.run(
        "cogport:register_earthengine",
        {
            "ASSET_ID": "folder/img",
            "SOURCES": "gs://cogs-us/scene.tif",
            "CONNECTION": "Fake EE",
            "BANDS": '[{"id": "nir", "tilesetId": "0", "tilesetBandIndex": 1, "pyramidingPolicy": "SAMPLE"}]',
            "OVERWRITE": True,
        },
    )
    assert result["ASSET"] == f"projects/{PROJECT}/assets/folder/img"
    (request,) = fake_earthengine.import_requests()
    assert request.header("Authorization") == f"Bearer {TOKEN}"
    body = request.json()
    assert body["overwrite"] is True
    assert body["imageManifest"]["bands"] == [
        {"id": "nir", "tilesetId": "0", "tilesetBandIndex": 1, "pyramidingPolicy": "SAMPLE"}
    ]


def test_processing_bands_without_tileset_id_belong_to_the_single_tileset(cogport_provider, world, fake_earthengine):
    import processing

    processing.run(
        "cogport:register_earthengine",
        {
            "ASSET_ID": "folder/img",
            "SOURCES": "gs://cogs-us/scene.tif",
            "CONNECTION": "Fake EE",
            "BANDS": '[{"id": "red", "tilesetBandIndex": 0}, {"id": "nir", "tilesetBandIndex": 1}]',
        },
    )
    (request,) = fake_earthengine.import_requests()
    assert request.json()["imageManifest"]["bands"] == [
        {"id": "red", "tilesetId": "0", "tilesetBandIndex": 0},
        {"id": "nir", "tilesetId": "0", "tilesetBandIndex": 1},
    ]


def test_processing_failure_lists_the_findings(cogport_provider, headless, fake_earthengine):
    import processing

    feedback = RecordingFeedback()
    with pytest.raises(QgsProcessingException, match="Not registered"):
        processing.run(
            "cogport:register_earthengine",
            {"ASSET_ID": f"projects/{PROJECT}/assets/eu", "SOURCES": "gs://cogs-eu/scene.tif, s3://x/y.tif"},
            feedback=feedback,
        )
    assert any(e.startswith("[BUCKET_LOCATION]") for e in feedback.errors)
    assert any(e.startswith("[URI_NOT_GCS]") for e in feedback.errors)
    assert fake_earthengine.import_requests() == []
    assert all(TOKEN not in text for text in feedback.errors + feedback.warnings + feedback.infos)


def test_processing_one_asset_per_file(cogport_provider, headless, fake_gcs, fake_earthengine):
    import processing

    write_cog(fake_gcs, "cogs-us", "second.tif", bands=1)
    result = processing.run(
        "cogport:register_earthengine",
        {
            "ASSET_ID": f"projects/{PROJECT}/assets/batch",
            "ONE_ASSET_PER_FILE": True,
            "SOURCES": "gs://cogs-us/scene.tif\ngs://cogs-us/second.tif",
        },
    )
    assert result["ASSET"] == f"projects/{PROJECT}/assets/batch/scene,projects/{PROJECT}/assets/batch/second"
    assert sorted(fake_earthengine.assets) == [
        f"projects/{PROJECT}/assets/batch/scene",
        f"projects/{PROJECT}/assets/batch/second",
    ]


def test_processing_without_any_credentials_says_what_to_set(cogport_provider, monkeypatch):
    import processing

    monkeypatch.delenv("COGPORT_EE_TOKEN", raising=False)
    with pytest.raises(QgsProcessingException, match="COGPORT_EE_TOKEN"):
        processing.run(
            "cogport:register_earthengine",
            {"ASSET_ID": f"projects/{PROJECT}/assets/x", "SOURCES": "gs://cogs-us/scene.tif"},
        )


def test_menu_entry_opens_the_editor(qgis_iface, qtbot):
    import cogport
    from cogport.plugin.qgis.earthengine import earthengine_dialog

    plugin = cogport.classFactory(qgis_iface)
    plugin.initGui()
    try:
        (action,) = [a for a in plugin.actions if a.text() == "Register Earth Engine asset…"]
        action.trigger()
        dialog = earthengine_dialog._OPEN[-1]
        qtbot.addWidget(dialog)
        assert dialog.isVisible() and dialog.windowTitle() == "Register Earth Engine asset"
        dialog.close()
        assert dialog not in earthengine_dialog._OPEN
    finally:
        plugin.unload()


def test_processing_short_asset_id_without_connection_asks_for_the_full_id(cogport_provider, headless):
    import processing

    with pytest.raises(QgsProcessingException, match="projects/<project-id>/assets/<path>"):
        processing.run("cogport:register_earthengine", {"ASSET_ID": "folder/img", "SOURCES": "gs://cogs-us/scene.tif"})


def test_dialog_registers_one_asset_per_file_and_lists_each_result(world, qgis_iface, qtbot, fake_earthengine):
    dialog = EarthEngineDialog(qgis_iface, ["gs://cogs-us/scene.tif", "gs://cogs-eu/scene.tif"])
    qtbot.addWidget(dialog)
    _wait(qtbot, dialog)
    dialog.connectionCombo.setCurrentText("Fake EE")
    dialog.assetEdit.setText("batch")
    dialog.batchCheck.setChecked(True)
    dialog.register()
    _wait(qtbot, dialog)
    text = dialog.statusLabel.text()
    assert text.startswith("1 of 2 asset(s) registered.")
    assert "projects/ee-demo-project/assets/batch/scene" in fake_earthengine.assets
    assert "projects/ee-demo-project/assets/batch/scene_2: Not registered" in text and "EUROPE-WEST1" in text
    shown = [row.finding.code for row in dialog.findingsTree.finding_items()]
    assert "BUCKET_LOCATION" in shown


@pytest.fixture
def gcs_storage_connection(fake_gcs, auth_db):
    """A Cogport storage connection (HMAC keys) for the fake GCS; GDAL is NOT configured by the test."""
    from cogport.plugin.core.storage.connection import AuthMode, Credentials, StorageConnection, StoreKind
    from cogport.plugin.qgis.storage.connections import ConnectionStore

    fake_gcs.add_bucket("private-us")
    write_cog(fake_gcs, "private-us", "scene.tif", bands=1, descriptions=("swir",))
    fake_gcs.hmac_keys = {"GOOGHMACKEY": "hmac-secret"}
    store = ConnectionStore()
    saved = store.save(
        StorageConnection(
            name="Fake GCS",
            kind=StoreKind.GCS,
            auth=AuthMode.KEYS,
            endpoint=f"127.0.0.1:{fake_gcs.port}",
            https=False,
            buckets=("private-us",),
        ),
        Credentials(identity="GOOGHMACKEY", secret="hmac-secret"),
    )
    yield saved
    store.remove("Fake GCS")


def test_dialog_reads_private_files_through_the_buckets_storage_connection(
    world, gcs_storage_connection, qgis_iface, qtbot, fake_gcs
):
    dialog = EarthEngineDialog(qgis_iface, ["gs://private-us/scene.tif"])
    qtbot.addWidget(dialog)
    _wait(qtbot, dialog)
    assert dialog.bandTable.item(0, 0).text() == "swir"
    signed = fake_gcs.requests_to("/private-us/scene.tif", "GET")
    assert signed and all(r.header("Authorization").startswith("GOOG1 GOOGHMACKEY:") for r in signed)


def test_processing_storage_connection_parameter(cogport_provider, world, gcs_storage_connection, fake_earthengine):
    import processing

    result = processing.run(
        "cogport:register_earthengine",
        {
            "ASSET_ID": "private/scene",
            "SOURCES": "gs://private-us/scene.tif",
            "CONNECTION": "Fake EE",
            "STORAGE_CONNECTION": "Fake GCS",
        },
    )
    assert result["ASSET"] == f"projects/{PROJECT}/assets/private/scene"
    assert fake_earthengine.import_requests()[0].json()["imageManifest"]["bands"][0]["id"] == "swir"
    with pytest.raises(QgsProcessingException, match="no storage connection named 'Nope'"):
        processing.run(
            "cogport:register_earthengine",
            {
                "ASSET_ID": "private/scene",
                "SOURCES": "gs://private-us/scene.tif",
                "CONNECTION": "Fake EE",
                "STORAGE_CONNECTION": "Nope",
            },
        )
