"""The storage connection form: defaults that work, fields refused before anything is sent, rows without gaps."""

from __future__ import annotations

import pytest
from qgis.PyQt.QtWidgets import QFormLayout

from cogport.plugin.core.storage.connection import AUTH_MODES, StoreKind
from cogport.plugin.qgis.storage.connection_dialog import ConnectionDialog


@pytest.fixture
def dialog(store, qtbot):
    form = ConnectionDialog(store)
    qtbot.addWidget(form)
    form.name_edit.setText("Form test")
    return form


def _choose(dialog, kind: StoreKind, auth=None) -> None:
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(kind))
    if auth is not None:
        dialog.auth_combo.setCurrentIndex(dialog.auth_combo.findData(auth))


def test_ip_or_port_endpoint_switches_a_public_bucket_to_path_style(dialog):
    _choose(dialog, StoreKind.PUBLIC)
    assert not dialog.path_style_check.isChecked()  # AWS public buckets use virtual hosting
    dialog.endpoint_edit.setText("http://127.0.0.1:18080")
    assert dialog.path_style_check.isChecked() and not dialog.https_check.isChecked()
    dialog.path_style_check.setChecked(False)  # the person's choice stands while they keep typing
    dialog.endpoint_edit.setText("http://127.0.0.1:18081")
    assert not dialog.path_style_check.isChecked()
    dialog.endpoint_edit.setText("")
    dialog.endpoint_edit.setText("minio.lab:9000")
    assert dialog.path_style_check.isChecked()


@pytest.mark.parametrize(
    "endpoint, expected",
    [("", "Connection 'Form test' has no endpoint."), ("127.0.0.1:9000/foo", "has a path (/foo)")],
)
def test_unusable_endpoint_is_refused_on_test_and_on_save(dialog, store, endpoint, expected):
    _choose(dialog, StoreKind.S3_COMPATIBLE)
    dialog.endpoint_edit.setText(endpoint)
    dialog.test_button.click()
    assert expected in dialog.test_result_label.text() and dialog.test_button.isEnabled()  # no test started
    dialog.button_box.accepted.emit()
    assert expected in dialog.test_result_label.text()
    assert store.names() == [] and dialog.result() == 0  # nothing saved, the form stays open


def test_gcs_service_account_key_is_validated_on_save(dialog, store):
    from cogport.plugin.core.storage.connection import AuthMode

    _choose(dialog, StoreKind.GCS, AuthMode.SERVICE_ACCOUNT)
    dialog.service_account_edit.setPlainText("{not json")
    dialog.button_box.accepted.emit()
    assert dialog.test_result_label.text().startswith("The service-account key is not valid JSON.")
    assert store.names() == []


def test_gcs_form_says_the_endpoint_is_optional_with_a_gcs_example(dialog):
    _choose(dialog, StoreKind.GCS)
    assert dialog.endpoint_label.text() == "Endpoint (optional)"
    assert "storage.googleapis.com" in dialog.endpoint_edit.placeholderText()
    assert "ovh" not in dialog.endpoint_edit.placeholderText()
    _choose(dialog, StoreKind.S3_COMPATIBLE)
    assert dialog.endpoint_label.text() == "Endpoint" and "ovh" in dialog.endpoint_edit.placeholderText()


@pytest.mark.parametrize("kind", list(StoreKind), ids=[kind.value for kind in StoreKind])
def test_hidden_rows_leave_no_gap(dialog, qtbot, kind):
    dialog.show()
    for auth in AUTH_MODES[kind]:
        _choose(dialog, kind, auth)
        dialog.layout().activate()
        form = dialog.form
        fields = [
            field
            for row in range(form.rowCount())
            for role in (QFormLayout.ItemRole.FieldRole, QFormLayout.ItemRole.SpanningRole)
            if (field := form.itemAt(row, role)) is not None and field.widget().isVisible()
        ]
        tops = sorted(field.geometry().top() for field in fields)
        bottoms = sorted(field.geometry().bottom() for field in fields)
        gaps = [top - bottom - 1 for top, bottom in zip(tops[1:], bottoms)]
        assert len(fields) >= 4 and max(gaps) <= form.verticalSpacing() + 2, (kind, auth, gaps)
