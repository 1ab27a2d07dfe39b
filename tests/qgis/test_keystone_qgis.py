"""Keystone connections in QGIS, against the real Keystone: the dialog, the dock, layers across token expiry,
Processing, dropped uploads, imports, and a scan for secrets after a full run."""

from __future__ import annotations

import logging
import time
import zipfile
from pathlib import Path

import numpy as np
import pytest
from osgeo import gdal
from qgis.core import (
    QgsApplication,
    QgsMapRendererParallelJob,
    QgsMapSettings,
    QgsProcessingContext,
    QgsProject,
    QgsRectangle,
    QgsSettings,
)
from qgis.PyQt.QtCore import QSize

from cogport.plugin.core.storage.connection import AuthMode, StoreKind
from cogport.plugin.core.storage.keystone import KEYSTONE
from cogport.plugin.core.storage.uri import ObjectLocation
from cogport.plugin.qgis.publish.upload_flow import upload_files
from cogport.plugin.qgis.storage.browser_dock import BrowserDock
from cogport.plugin.qgis.storage.connection_dialog import ConnectionDialog
from cogport.plugin.qgis.storage.layers import add_remote_layer
from cogport.plugin.qgis.storage.remote_layer_tuning import REMOTE_PROPERTY, KeystoneRenewal
from cogport.tests.support.stores import create_bucket, put_file, read_object, write_byte_cog, write_test_cog

from .rendering import render_gray

WAIT = 30_000


@pytest.fixture(autouse=True)
def _fresh_sessions():
    yield
    KEYSTONE._sessions.clear()


def _bucket_names(dock, qtbot, expected):
    qtbot.waitUntil(lambda: dock.tree.topLevelItemCount() and expected in _top_names(dock), timeout=WAIT)
    return _top_names(dock)


def _top_names(dock):
    return [dock.tree.topLevelItem(i).text(0) for i in range(dock.tree.topLevelItemCount())]


def test_the_dialog_offers_keystone_first_tests_it_and_keeps_the_password_out_of_settings(
    qgis_iface, qtbot, store, openstack
):
    alice = openstack.users["alice"]
    dialog = ConnectionDialog(store)
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("OVH GRA")
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(StoreKind.SWIFT))
    assert dialog.auth_combo.currentData() is AuthMode.SWIFT_KEYSTONE
    dialog.auth_url_edit.setText(openstack.auth_url)
    dialog.region_edit.setText("GRA")
    dialog.project_edit.setText(alice.project_name)
    dialog.identity_edit.setText(alice.name)
    dialog.secret_edit.setText(alice.password)
    dialog.test_button.click()
    qtbot.waitUntil(lambda: "Connected through Keystone" in dialog.test_result_label.text(), timeout=WAIT)
    assert "project 'alpha', region GRA, public endpoint" in dialog.test_result_label.text()
    dialog.button_box.accepted.emit()
    saved = store.load("OVH GRA")
    assert (saved.auth, saved.project_name, saved.interface) == (AuthMode.SWIFT_KEYSTONE, "alpha", "public")
    assert store.credentials(saved).secret == alice.password
    QgsSettings().sync()
    assert alice.password not in Path(QgsSettings().fileName()).read_text(encoding="utf-8")

    dialog = ConnectionDialog(store, saved)
    qtbot.addWidget(dialog)
    dialog.auth_combo.setCurrentIndex(dialog.auth_combo.findData(AuthMode.SWIFT_KEYSTONE_APP_CREDENTIAL))
    assert dialog.identity_label.text() == "Application credential ID"
    assert not dialog.project_edit.isVisibleTo(dialog) and dialog.interface_combo.isVisibleTo(dialog)


def test_the_dock_lists_a_keystone_account_and_adds_its_cog_to_the_map(
    qgis_iface, qgis_new_project, qtbot, store, openstack, bucket_name, tmp_path
):
    connection, credentials = openstack.connection("alice", name="Alice on Keystone")
    saved = store.save(connection, credentials)
    location = create_bucket(connection, credentials, bucket_name).child("gradient.tif")
    values = write_byte_cog(tmp_path / "gradient.tif")
    put_file(location, tmp_path / "gradient.tif")
    gdal.ClearPathSpecificOptions()
    dock = BrowserDock(qgis_iface, store)
    qtbot.addWidget(dock)
    assert bucket_name in _bucket_names(dock, qtbot, bucket_name)
    layer = add_remote_layer(store, saved, location)
    assert np.array_equal(render_gray(layer, 300, 200), values)


def _render_errors(layer, extent: QgsRectangle) -> list:
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(layer.crs())
    settings.setExtent(extent)
    settings.setOutputSize(QSize(256, 256))
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    return [error.message for error in job.errors()]


def _corner(layer, column: int, row: int) -> QgsRectangle:
    """One of 16 tiles of the layer's extent, at full resolution (blocks no other corner reads)."""
    extent = layer.extent()
    width, height = extent.width() / 4, extent.height() / 4
    x, y = extent.xMinimum() + column * width, extent.yMaximum() - (row + 1) * height
    return QgsRectangle(x, y, x + width, y + height)


def _provider_read(layer, column: int, row: int) -> np.ndarray:
    block = layer.dataProvider().block(1, _corner(layer, column, row), 256, 256)
    data = bytes(block.data()) if block.isValid() else b""
    return np.frombuffer(data, dtype=np.uint8).reshape(256, 256) if len(data) == 256 * 256 else np.zeros(0)


def test_a_layer_open_across_token_expiry_is_reopened_and_keeps_rendering(
    qgis_new_project, qtbot, store, openstack, bucket_name, tmp_path
):
    connection, credentials = openstack.connection("alice", name="Short tokens", auth_url=openstack.short_auth_url)
    saved = store.save(connection, credentials)
    noise = np.random.default_rng(7).integers(0, 255, (1024, 1024), dtype=np.uint8)
    source = gdal.GetDriverByName("MEM").Create("", 1024, 1024, 1, gdal.GDT_Byte)
    source.SetGeoTransform((0, 1, 0, 1024, 0, -1))
    source.GetRasterBand(1).WriteArray(noise)
    gdal.Translate(str(tmp_path / "noise.tif"), source, format="COG", creationOptions=["BLOCKSIZE=256"])
    location = create_bucket(connection, credentials, bucket_name).child("noise.tif")
    put_file(location, tmp_path / "noise.tif")
    renewal = KeystoneRenewal(QgsProject.instance(), interval_ms=3_600_000)  # checked by hand below
    try:
        layer = add_remote_layer(store, saved, location)
        stale = add_remote_layer(store, saved, location)  # the control: never reopened
        stale.removeCustomProperty(REMOTE_PROPERTY)
        assert _render_errors(layer, _corner(layer, 0, 0)) == []
        first = KEYSTONE.session(saved, credentials).token()
        time.sleep(max(first.renew_at - time.time(), 0) + 0.2)
        with qtbot.waitSignal(renewal.reopened, timeout=WAIT) as reopened:
            renewal.tick()  # what the timer calls: the login runs in a task
        assert reopened.args == [[layer]]
        time.sleep(max(first.expires_at - time.time(), 0) + 1)  # the token the datasets opened with is dead
        # Each render opens its own dataset, with the token GDAL holds now.
        assert _render_errors(layer, _corner(layer, 3, 3)) == []
        assert _render_errors(stale, _corner(stale, 3, 2)) == []
        # The layer's own dataset (identify, statistics, tools reading the provider) was reopened.
        assert np.array_equal(_provider_read(layer, 2, 1), noise[256:512, 512:768])
        assert not np.array_equal(_provider_read(stale, 1, 2), noise[512:768, 256:512])  # the control
        assert renewal.reopen_stale() == []
    finally:
        renewal.stop()


def test_processing_lists_opens_and_uploads_through_a_keystone_connection(
    cogport_provider, qgis_new_project, store, openstack, bucket_name, tmp_path
):
    import processing

    connection, credentials = openstack.application_credential_connection(name="Keystone app")
    store.save(connection, credentials)
    root = create_bucket(connection, credentials, bucket_name)
    gdal.ClearPathSpecificOptions()
    cog = write_test_cog(tmp_path / "scene.tif", 256, 256, 1)
    uploaded = processing.run(
        "cogport:upload",
        {"INPUT": str(cog), "DESTINATION": f"/vsiswift/{bucket_name}/up/", "CONNECTION": "Keystone app"},
    )
    assert read_object(uploaded["VSI_PATH"]) == cog.read_bytes()
    listed = processing.run(
        "cogport:list_objects",
        {"CONNECTION": "Keystone app", "LOCATION": f"/vsiswift/{bucket_name}/", "RECURSIVE": True, "OUTPUT": "memory:"},
    )
    assert [f["vsi_path"] for f in listed["OUTPUT"].getFeatures()] == [root.child("up/scene.tif").vsi_path]
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    opened = processing.run(
        "cogport:open_remote_raster",
        {"CONNECTION": "Keystone app", "INPUT": f"/vsiswift/{bucket_name}/up/scene.tif"},
        context=context,
    )
    assert opened["OUTPUT"].isValid() and opened["OUTPUT"].width() == 256


def test_dropped_files_upload_through_keystone(qgis_iface, qtbot, openstack, bucket_name, tmp_path):
    connection, credentials = openstack.connection("bob")
    root = create_bucket(connection, credentials, bucket_name)
    good = write_test_cog(tmp_path / "good.tif", 256, 256, 1)
    run = upload_files(qgis_iface, connection, root.child("drops/"), [str(good)], credentials=credentials)
    with qtbot.waitSignal(run.finished, timeout=60000):
        pass
    assert read_object(root.child("drops/good.tif").vsi_path) == good.read_bytes()
    assert "good.tif" in " ".join(openstack.swift_listing("bob", bucket_name))


def test_an_imported_openrc_asks_for_the_password_and_works(qgis_iface, qtbot, store, openstack, tmp_path):
    alice = openstack.users["alice"]
    dock = BrowserDock(qgis_iface, store)
    qtbot.addWidget(dock)
    asked = []
    dock.ask_secret = lambda item: asked.append(item.secret_label) or alice.password
    openrc = tmp_path / "alpha-openrc.sh"
    openrc.write_text(
        f'export OS_AUTH_URL={openstack.auth_url}\nexport OS_PROJECT_NAME="alpha"\n'
        f'export OS_USERNAME="{alice.name}"\nread -sr OS_PASSWORD_INPUT\nexport OS_PASSWORD=$OS_PASSWORD_INPUT\n'
        'export OS_REGION_NAME="GRA"\nexport OS_IDENTITY_API_VERSION=3\n'
    )
    from cogport.plugin.core.storage.openstack_config import openrc_name, parse_openrc

    dock.add_imported([parse_openrc(openrc.read_text(), openrc_name(str(openrc)))])
    assert asked == ["password"] and "Imported OpenStack alpha." in dock.status_label.text()
    connection, credentials = store.resolve("OpenStack alpha")
    assert credentials.secret == alice.password and connection.project_name == "alpha"
    qtbot.waitUntil(lambda: "container" in dock.status_label.text(), timeout=WAIT)
    assert "⚠" not in " ".join(_top_names(dock))


# ----- no secret anywhere ------------------------------------------------------------------------


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage() + repr(record.args))


def test_no_password_secret_or_token_in_settings_projects_logs_layer_sources_or_messages(
    cogport_provider, qgis_iface, qgis_new_project, qtbot, store, openstack, bucket_name, tmp_path
):
    import processing

    logged = _Collect()
    logging.getLogger("cogport").addHandler(logged)
    logging.getLogger("cogport").setLevel(logging.DEBUG)
    qgis_messages: list = []
    QgsApplication.messageLog().messageReceived.connect(lambda message, *_: qgis_messages.append(message))
    pasted = openstack.user_token("bob")
    shown: list = []
    try:
        password, password_credentials = openstack.connection("alice", name="Scan password")
        app, app_credentials = openstack.application_credential_connection(name="Scan app")
        token, token_credentials = openstack.token_connection(pasted, name="Scan token")
        for connection, credentials in ((password, password_credentials), (app, app_credentials)):
            store.save(connection, credentials)
        store.save(token, token_credentials)
        root = create_bucket(password, password_credentials, bucket_name)
        bob_root = create_bucket(token, token_credentials, f"{bucket_name}-bob")
        cog = write_test_cog(tmp_path / "scan.tif", 256, 256, 1)
        for name, destination in (("Scan password", root), ("Scan app", root), ("Scan token", bob_root)):
            processing.run(
                "cogport:upload",
                {
                    "INPUT": str(cog),
                    "DESTINATION": destination.child(name.split()[1] + "/").vsi_path,
                    "CONNECTION": name,
                    "OVERWRITE": True,
                },
            )
        layers = [
            add_remote_layer(store, store.load("Scan password"), root.child("password/scan.tif")),
            add_remote_layer(store, store.load("Scan token"), bob_root.child("token/scan.tif")),
        ]
        dock = BrowserDock(qgis_iface, store)
        qtbot.addWidget(dock)
        for name in ("Scan app", "Scan password", "Scan token"):
            dock.connection_combo.setCurrentText(name)
            dock.test_connection()
            qtbot.waitUntil(lambda n=name: dock.status_label.text().startswith(f"{n}: "), timeout=WAIT)
            assert ": Connected" in dock.status_label.text(), dock.status_label.text()
            shown.append(dock.status_label.text())
        wrong, wrong_credentials = openstack.connection("alice", name="Scan wrong", password="typo-password")
        store.save(wrong, wrong_credentials)
        dock.refresh_connections(select="Scan wrong")
        qtbot.waitUntil(lambda: "Keystone refused" in dock.status_label.text(), timeout=WAIT)
        shown.append(dock.status_label.text())
        project_path = tmp_path / "scan.qgz"
        assert QgsProject.instance().write(str(project_path))
        with zipfile.ZipFile(project_path) as archive:
            project_text = b"".join(archive.read(name) for name in archive.namelist()).decode(errors="replace")
        QgsSettings().sync()
        settings_text = Path(QgsSettings().fileName()).read_text(encoding="utf-8")
        sources = " ".join(layer.source() + layer.dataProvider().dataSourceUri() for layer in layers)
        tokens = [session._token.value for session in KEYSTONE._sessions.values() if session._token is not None] + [
            pasted
        ]
    finally:
        logging.getLogger("cogport").removeHandler(logged)
    secrets = [user.password for user in openstack.users.values()] + [openstack.application_credential.secret]
    secrets += ["typo-password", *tokens]
    assert len(tokens) >= 3 and all(len(secret) >= 8 for secret in secrets)
    places = {
        "settings": settings_text,
        "project": project_text,
        "Cogport log": "\n".join(logged.lines),
        "QGIS message log": "\n".join(qgis_messages),
        "layer sources": sources,
        "messages shown": "\n".join(shown),
    }
    assert logged.lines and shown  # the scan looked at something
    leaks = [(place, secret[:4]) for place, text in places.items() for secret in secrets if secret in text]
    assert leaks == []
    assert ObjectLocation("vsiswift", bucket_name).bucket_prefix in sources
