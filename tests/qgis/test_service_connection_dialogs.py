"""The Earth Engine and Sentinel Hub BYOC connection forms: labelled fields, wording, and a Test button."""

from __future__ import annotations

import pytest

from cogport.plugin.core.services.earthengine import EarthEngineConnection
from cogport.plugin.qgis.byoc.byoc_connection_dialog import ByocConnectionDialog
from cogport.plugin.qgis.earthengine.earthengine_connection_dialog import EarthEngineConnectionDialog
from cogport.plugin.qgis.earthengine.earthengine_connections import delete_connection, save_connection
from cogport.tests.qgis.test_byoc_qgis import fake, saved  # noqa: F401 - fixtures

TOKEN = "ya29.form-test-token"
PROJECT = "ee-demo-project"
WAIT = 20000


@pytest.fixture
def ee_dialog(fake_earthengine, auth_db, qtbot):
    fake_earthengine.tokens = {TOKEN}
    dialog = EarthEngineConnectionDialog()
    qtbot.addWidget(dialog)
    dialog.nameEdit.setText("Form EE")
    dialog.projectEdit.setText(PROJECT)
    dialog.apiUrlEdit.setText(fake_earthengine.url)
    yield dialog
    delete_connection("Form EE")


def _tested(dialog, qtbot) -> str:
    dialog.testButton.click()
    qtbot.waitUntil(lambda: dialog.testButton.isEnabled(), timeout=WAIT)
    return dialog.resultLabel.text()


def test_token_field_is_labelled_and_only_a_saved_token_can_be_kept(ee_dialog, fake_earthengine):
    assert ee_dialog.tokenLabel.text() == "Access token" and ee_dialog.tokenLabel.buddy() is ee_dialog.tokenEdit
    assert "keep" not in ee_dialog.tokenEdit.placeholderText() and "keep" not in ee_dialog.keyEdit.placeholderText()
    save_connection(
        EarthEngineConnection(name="Form EE", project=PROJECT, credential_kind="token", api_url=fake_earthengine.url),
        TOKEN,
    )
    editing = EarthEngineConnectionDialog(name="Form EE")
    assert "leave empty to keep the saved token" in editing.tokenEdit.placeholderText()
    assert "keep" not in editing.keyEdit.placeholderText()  # no key is saved


def test_earth_engine_test_button_sends_one_read_only_call(ee_dialog, qtbot, fake_earthengine):
    ee_dialog.tokenEdit.setText(TOKEN)
    assert _tested(ee_dialog, qtbot) == f"Earth Engine accepts these credentials for project '{PROJECT}'."
    (call,) = fake_earthengine.requests
    assert (call.method, call.path, call.header("Authorization")) == (
        "GET",
        f"/v1/projects/{PROJECT}:listAssets",
        f"Bearer {TOKEN}",
    )
    assert fake_earthengine.assets == {}


def test_earth_engine_test_names_what_failed(ee_dialog, qtbot, fake_earthengine):
    ee_dialog.tokenEdit.setText("ya29.expired")
    assert _tested(ee_dialog, qtbot).startswith("Google refused the pasted token (HTTP 401 UNAUTHENTICATED)")
    ee_dialog.tokenEdit.setText(TOKEN)
    ee_dialog.projectEdit.setText("not-registered")
    assert "Project 'not-registered' not found" in _tested(ee_dialog, qtbot)


def test_earth_engine_wording_without_credentials(ee_dialog):
    ee_dialog.testButton.click()  # a new connection and no token pasted: nothing to send
    assert ee_dialog.resultLabel.text() == (
        "The connection 'Form EE' has no credentials. "
        "Check the credentials: paste an access token or a service-account key."
    )
    assert ee_dialog.testButton.isEnabled()
    assert not ee_dialog.save() and "Check the credentials: paste" in ee_dialog.resultLabel.text()


def test_byoc_test_button_checks_the_client_against_the_service(fake, qtbot, auth_db):
    dialog = ByocConnectionDialog()
    qtbot.addWidget(dialog)
    dialog.nameEdit.setText("Form SH")
    dialog.deploymentCombo.setCurrentIndex(dialog.deploymentCombo.findData("custom"))
    dialog.baseUrlEdit.setText(fake.base_url)
    dialog.tokenUrlEdit.setText(fake.token_url)
    dialog.clientIdEdit.setText(fake.state.client_id)
    dialog.clientSecretEdit.setText("not-the-secret")
    failed = _tested(dialog, qtbot)
    assert failed.startswith("The token service at 127.0.0.1") and "refused the OAuth client" in failed
    assert "s3cr3t" not in failed and "not-the-secret" not in failed
    dialog.clientSecretEdit.setText(fake.state.client_secret)
    assert _tested(dialog, qtbot) == "Sentinel Hub accepts the OAuth client of connection 'Form SH'."
    dialog.clientIdEdit.clear()
    dialog.testButton.click()
    assert dialog.resultLabel.text().startswith("The connection needs an OAuth client id and client secret.")


def test_byoc_test_keeps_the_saved_secret(fake, saved, qtbot):
    dialog = ByocConnectionDialog(name="Fake SH")
    qtbot.addWidget(dialog)
    assert dialog.clientSecretEdit.text() == ""
    assert _tested(dialog, qtbot) == "Sentinel Hub accepts the OAuth client of connection 'Fake SH'."
