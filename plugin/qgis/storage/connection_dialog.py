"""Create or edit a storage connection, with a "Test connection" that runs off the main thread."""

from __future__ import annotations

from typing import Dict, Optional, Tuple

from qgis.PyQt.QtWidgets import QDialog, QWidget

from ...core.storage.connection import AUTH_MODES, AuthMode, Credentials, StorageConnection, StoreKind
from ...core.storage.keystone import INTERFACES
from ...core.storage.probe import describe_connection
from ..common.resources import load_ui
from ..common.tasks import CoreTask, run_task, user_message
from .connections import ConnectionStore

FORM_CLASS = load_ui("connection_dialog")

S3_KINDS = (StoreKind.AWS_S3, StoreKind.S3_COMPATIBLE, StoreKind.PUBLIC)
IDENTITY_LABELS = {
    AuthMode.SWIFT_V1: ("User (account:user)", "Key"),
    AuthMode.SWIFT_KEYSTONE: ("User name", "Password"),
    AuthMode.SWIFT_KEYSTONE_APP_CREDENTIAL: ("Application credential ID", "Application credential secret"),
}
TOKEN_LABELS = {AuthMode.SWIFT_TOKEN: "Auth token", AuthMode.SWIFT_KEYSTONE_TOKEN: "Keystone token"}
KEY_AND_SECRET_MODES = (AuthMode.KEYS, *IDENTITY_LABELS)
KEYSTONE_ID_ROWS = ("project_id", "user_id", "user_domain_id", "project_domain_id")


class ConnectionDialog(QDialog, FORM_CLASS):
    def __init__(
        self, store: ConnectionStore, connection: Optional[StorageConnection] = None, parent: Optional[QWidget] = None
    ) -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.store = store
        self.original = connection
        self.result_connection: Optional[StorageConnection] = None
        self._test_task: Optional[CoreTask] = None
        for kind in StoreKind:
            self.kind_combo.addItem(kind.label, kind)
        for interface in INTERFACES:
            self.interface_combo.addItem(interface, interface)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.auth_combo.currentIndexChanged.connect(self._update_rows)
        self.endpoint_edit.textChanged.connect(self._update_rows)
        self.test_button.clicked.connect(self._test)
        self.button_box.accepted.connect(self._save)
        self.button_box.rejected.connect(self.reject)
        if connection is not None:
            self._load(connection, store.credentials(connection))
        else:
            self._kind_changed()

    # --- reading and writing the form ------------------------------------------------
    def _load(self, connection: StorageConnection, credentials: Credentials) -> None:
        self.name_edit.setText(connection.name)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(connection.kind))
        self._kind_changed()
        self.auth_combo.setCurrentIndex(max(self.auth_combo.findData(connection.auth), 0))
        self.endpoint_edit.setText(connection.endpoint)
        self.region_edit.setText(connection.region)
        self.https_check.setChecked(connection.https)
        self.path_style_check.setChecked(not connection.virtual_hosting)
        self.auth_url_edit.setText(connection.auth_url)
        self.storage_url_edit.setText(connection.storage_url)
        self.project_edit.setText(connection.project_name)
        self.user_domain_edit.setText(connection.user_domain)
        self.project_domain_edit.setText(connection.project_domain)
        for row in KEYSTONE_ID_ROWS:
            getattr(self, f"{row}_edit").setText(getattr(connection, row))
        self.interface_combo.setCurrentIndex(max(self.interface_combo.findData(connection.interface), 0))
        self.buckets_edit.setText(", ".join(connection.buckets))
        self.identity_edit.setText(credentials.identity)
        self.secret_edit.setText(credentials.secret)
        self.token_edit.setText(credentials.token)
        self.service_account_edit.setPlainText(credentials.service_account_json)

    def connection_and_credentials(self) -> Tuple[StorageConnection, Credentials]:
        kind: StoreKind = self.kind_combo.currentData()
        auth: AuthMode = self.auth_combo.currentData()
        connection = StorageConnection(
            name=self.name_edit.text().strip(),
            kind=kind,
            auth=auth,
            endpoint=self.endpoint_edit.text().strip().removeprefix("https://").removeprefix("http://").rstrip("/"),
            region=self.region_edit.text().strip(),
            # AWS itself uses virtual hosting; other stores follow the check box.
            virtual_hosting=kind is StoreKind.AWS_S3 or not self.path_style_check.isChecked(),
            https=self.https_check.isChecked(),
            buckets=tuple(b.strip() for b in self.buckets_edit.text().split(",") if b.strip()),
            auth_url=self.auth_url_edit.text().strip(),
            storage_url=self.storage_url_edit.text().strip(),
            project_name=self.project_edit.text().strip(),
            user_domain=self.user_domain_edit.text().strip(),
            project_domain=self.project_domain_edit.text().strip(),
            interface=self.interface_combo.currentData(),
            authcfg=self.original.authcfg if self.original else "",
            **{row: getattr(self, f"{row}_edit").text().strip() for row in KEYSTONE_ID_ROWS},
        )
        visible = self._visible_rows()
        credentials = Credentials(
            identity=self.identity_edit.text().strip() if visible["identity"] else "",
            secret=self.secret_edit.text() if visible["secret"] else "",
            token=self.token_edit.text().strip() if visible["token"] else "",
            service_account_json=self.service_account_edit.toPlainText().strip() if visible["service_account"] else "",
        )
        return connection, credentials

    # --- which fields apply ------------------------------------------------------------
    def _kind_changed(self) -> None:
        kind: StoreKind = self.kind_combo.currentData()
        self.auth_combo.blockSignals(True)
        self.auth_combo.clear()
        for mode in AUTH_MODES[kind]:
            self.auth_combo.addItem(mode.label, mode)
        self.auth_combo.blockSignals(False)
        self.path_style_check.setChecked(kind is StoreKind.S3_COMPATIBLE)
        self._update_rows()

    def _visible_rows(self) -> Dict[str, bool]:
        kind: StoreKind = self.kind_combo.currentData()
        auth: AuthMode = self.auth_combo.currentData()
        s3 = kind in S3_KINDS
        password = auth is AuthMode.SWIFT_KEYSTONE
        keystone_rows = {row: password for row in ("project", "user_domain", "project_domain", *KEYSTONE_ID_ROWS)}
        return {
            "endpoint": kind in (StoreKind.S3_COMPATIBLE, StoreKind.PUBLIC, StoreKind.GCS),
            "region": s3 or auth.keystone,
            "interface": auth.keystone,
            "switches": kind in (StoreKind.S3_COMPATIBLE, StoreKind.PUBLIC)
            or (kind is StoreKind.GCS and bool(self.endpoint_edit.text().strip())),
            "auth_url": auth is AuthMode.SWIFT_V1 or auth.keystone,
            "storage_url": auth is AuthMode.SWIFT_TOKEN,
            **keystone_rows,
            "identity": auth in KEY_AND_SECRET_MODES,
            "secret": auth in KEY_AND_SECRET_MODES,
            "token": auth in TOKEN_LABELS or (auth is AuthMode.KEYS and kind is StoreKind.AWS_S3),
            "service_account": auth is AuthMode.SERVICE_ACCOUNT,
        }

    def _update_rows(self) -> None:
        if self.auth_combo.currentData() is None:
            return
        visible = self._visible_rows()
        for row, shown in visible.items():
            if row == "switches":
                self.https_check.setVisible(shown)
                self.path_style_check.setVisible(shown and self.kind_combo.currentData() is not StoreKind.GCS)
                continue
            getattr(self, f"{row}_label").setVisible(shown)
            (getattr(self, f"{row}_edit", None) or getattr(self, f"{row}_combo")).setVisible(shown)
        auth: AuthMode = self.auth_combo.currentData()
        kind: StoreKind = self.kind_combo.currentData()
        identity, secret = IDENTITY_LABELS.get(auth, ("Access key ID", "Secret key"))
        if kind is StoreKind.GCS:
            identity, secret = "HMAC access ID", "HMAC secret"  # pragma: allowlist secret
        self.identity_label.setText(identity)
        self.secret_label.setText(secret)
        self.token_label.setText(TOKEN_LABELS.get(auth, "Session token"))
        self.region_edit.setPlaceholderText("e.g. GRA" if auth.keystone else "e.g. eu-central-1")

    # --- actions -------------------------------------------------------------------------
    def _test(self) -> None:
        connection, credentials = self.connection_and_credentials()
        self.test_button.setEnabled(False)
        self._show_result("Testing…", ok=None)
        self._test_task = run_task(
            CoreTask(
                f"Testing connection {connection.name or '(unnamed)'}",
                lambda progress: describe_connection(connection, credentials),
                on_done=lambda text: self._show_result(text, ok=True),
                on_error=lambda error: self._show_result(user_message(error), ok=False),
            )
        )

    def _show_result(self, text: str, ok: Optional[bool]) -> None:
        self.test_button.setEnabled(ok is not None)
        color = {True: "#1b7f3b", False: "#b3261e", None: "palette(text)"}[ok]
        self.test_result_label.setStyleSheet(f"color: {color};")
        self.test_result_label.setText(text)

    def _save(self) -> None:
        connection, credentials = self.connection_and_credentials()
        try:
            self.result_connection = self.store.save(
                connection, credentials, previous_name=self.original.name if self.original else ""
            )
        except Exception as error:  # noqa: BLE001 - shown to the person, dialog stays open
            self._show_result(user_message(error), ok=False)
            return
        self.accept()
