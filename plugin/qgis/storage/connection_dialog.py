"""Create or edit a storage connection, with a "Test connection" that runs off the main thread."""

from __future__ import annotations

from typing import Dict, Optional, Tuple

from qgis.PyQt.QtWidgets import QDialog, QWidget

from ...core.errors import CogportError, UntrustedCertificateError
from ...core.network import CERTIFICATE_SETTINGS, certificate_fingerprint, fetch_server_certificate
from ...core.storage.connection import (
    AUTH_MODES,
    AuthMode,
    Credentials,
    StorageConnection,
    StoreKind,
    check_fields,
    prefers_path_style,
)
from ...core.storage.gdal_config import store_url
from ...core.storage.keystone import INTERFACES
from ...core.storage.probe import describe_connection
from ..common.colours import error_style
from ..common.connection_test import ConnectionTest
from ..common.form_rows import FormRows
from ..common.i18n import tr, translatable
from ..common.resources import load_ui
from ..common.tasks import CoreTask, run_task, user_message
from .connections import ConnectionStore

FORM_CLASS = load_ui("connection_dialog")

S3_KINDS = (StoreKind.AWS_S3, StoreKind.S3_COMPATIBLE, StoreKind.PUBLIC)
IDENTITY_LABELS = {
    AuthMode.SWIFT_V1: (translatable("User (account:user)"), translatable("Key")),
    AuthMode.SWIFT_KEYSTONE: (translatable("User name"), translatable("Password")),
    AuthMode.SWIFT_KEYSTONE_APP_CREDENTIAL: (
        translatable("Application credential ID"),
        translatable("Application credential secret"),
    ),
}
TOKEN_LABELS = {
    AuthMode.SWIFT_TOKEN: translatable("Auth token"),
    AuthMode.SWIFT_KEYSTONE_TOKEN: translatable("Keystone token"),
}
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
        self.tester = ConnectionTest(self.test_button, self.test_result_label)
        self.rows = FormRows(self.form)
        outer = self.layout()  # the spacer below the form takes the dialog's spare height, not the form's rows
        for index in range(outer.count()):
            outer.setStretch(index, 1 if outer.itemAt(index).spacerItem() is not None else 0)
        self._endpoint_wants_path_style = False
        self._certificate_task: Optional[CoreTask] = None
        self.accepted_certificate = connection.accepted_certificate if connection is not None else ""
        for kind in StoreKind:
            self.kind_combo.addItem(kind.label, kind)
        for interface in INTERFACES:
            self.interface_combo.addItem(interface, interface)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.auth_combo.currentIndexChanged.connect(self._update_rows)
        self.endpoint_edit.textChanged.connect(self._endpoint_changed)
        self.test_button.clicked.connect(self._test)
        self.accept_certificate_check.toggled.connect(self._accept_certificate_toggled)
        self._show_certificate_choice(offered=bool(self.accepted_certificate))
        self.button_box.accepted.connect(self._save)
        self.button_box.rejected.connect(self.reject)
        if connection is not None:
            self._load(connection, store.credentials(connection))
        else:
            self._kind_changed()
        self._show_certificate_choice(offered=bool(self.accepted_certificate))

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
            endpoint=self._endpoint(),
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
            accepted_certificate=self.accepted_certificate,
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
        self.path_style_check.setChecked(kind is StoreKind.S3_COMPATIBLE or self._endpoint_wants_path_style)
        self._update_rows()

    def _endpoint(self) -> str:
        """host[:port] as GDAL takes it: a pasted URL loses its scheme (the HTTPS box says it) and final slash."""
        return self.endpoint_edit.text().strip().removeprefix("https://").removeprefix("http://").rstrip("/")

    def _endpoint_changed(self, text: str) -> None:
        for scheme, https in (("http://", False), ("https://", True)):
            if text.strip().startswith(scheme):
                self.https_check.setChecked(https)
        # IP addresses and host:port endpoints have no per-bucket host names: switch to path-style as they
        # are typed, but leave the box alone afterwards so a store that does serve them can untick it.
        wants = prefers_path_style(self._endpoint())
        if wants and not self._endpoint_wants_path_style:
            self.path_style_check.setChecked(True)
        self._endpoint_wants_path_style = wants
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
        kind: StoreKind = self.kind_combo.currentData()
        auth: AuthMode = self.auth_combo.currentData()
        for row, shown in self._visible_rows().items():
            if row == "switches":
                field = self.switches_widget
            else:
                field = getattr(self, f"{row}_edit", None) or getattr(self, f"{row}_combo")
            self.rows.set_visible(field, shown)
        self.path_style_check.setVisible(kind is not StoreKind.GCS)
        identity, secret = (
            tr(text) for text in IDENTITY_LABELS.get(auth, (translatable("Access key ID"), translatable("Secret key")))
        )
        if kind is StoreKind.GCS:
            identity, secret = self.tr("HMAC access ID"), self.tr("HMAC secret")
        self.identity_label.setText(identity)
        self.secret_label.setText(secret)
        self.token_label.setText(tr(TOKEN_LABELS.get(auth, translatable("Session token"))))
        self.region_edit.setPlaceholderText(self.tr("e.g. GRA") if auth.keystone else self.tr("e.g. eu-central-1"))
        optional = kind in (StoreKind.PUBLIC, StoreKind.GCS)
        self.endpoint_label.setText(self.tr("Endpoint (optional)") if optional else self.tr("Endpoint"))
        self.endpoint_edit.setPlaceholderText(
            {
                StoreKind.PUBLIC: self.tr("Amazon S3 when empty; else host[:port] of the store"),
                StoreKind.GCS: self.tr("storage.googleapis.com when empty"),
            }.get(kind, self.tr("host[:port], e.g. s3.gra.io.cloud.ovh.net"))
        )

    # --- actions -------------------------------------------------------------------------
    def _test(self) -> None:
        connection, credentials = self.connection_and_credentials()
        try:
            check_fields(connection, credentials.service_account_json)
        except CogportError as error:
            self.tester.refuse(error)
            return
        self.tester.start(
            self.tr("Testing connection {name}").format(name=connection.name or self.tr("(unnamed)")),
            lambda: describe_connection(connection, credentials),
            passed=self._with_certificate_note,
            failed=self._offer_certificate,
        )

    def _with_certificate_note(self, text: str) -> str:
        if not self.accepted_certificate:
            return text
        return (
            text
            + " "
            + self.tr("The server's certificate is trusted because you accepted it, not because a CA vouches for it.")
        )

    def _offer_certificate(self, error: Exception) -> None:
        if isinstance(error, UntrustedCertificateError):
            self._show_certificate_choice(offered=True)

    # --- "Accept this server's certificate": only ever with its warning in view --------------
    def _show_certificate_choice(self, offered: bool) -> None:
        self.accept_certificate_check.blockSignals(True)
        self.accept_certificate_check.setChecked(bool(self.accepted_certificate))
        self.accept_certificate_check.blockSignals(False)
        self.accept_certificate_check.setVisible(offered or bool(self.accepted_certificate))
        self.certificate_warning_label.setVisible(bool(self.accepted_certificate))
        if self.accepted_certificate:
            self.certificate_warning_label.setStyleSheet(error_style(self.certificate_warning_label))
            self.certificate_warning_label.setText(
                self.tr(
                    "Warning: no certificate authority QGIS trusts vouches for this server. Cogport will trust the "
                    "certificate with SHA-256 fingerprint {fingerprint} for this connection only, so whoever holds "
                    "that certificate's key can read and change what this connection sends and receives. Check the "
                    "fingerprint with the server's administrator; better, add the server's certificate authority "
                    "in {settings}."
                ).format(
                    fingerprint=certificate_fingerprint(self.accepted_certificate), settings=tr(CERTIFICATE_SETTINGS)
                )
            )

    def _accept_certificate_toggled(self, checked: bool) -> None:
        if not checked:
            self.accepted_certificate = ""
            self._show_certificate_choice(offered=True)
            return
        connection, _credentials = self.connection_and_credentials()
        url = store_url(connection)
        self.accept_certificate_check.setEnabled(False)
        self._certificate_task = run_task(
            CoreTask(
                self.tr("Fetching the certificate of {url}").format(url=url),
                lambda progress: fetch_server_certificate(url),
                on_done=self._certificate_fetched,
                on_error=self._certificate_not_fetched,
            )
        )

    def _certificate_fetched(self, pem: str) -> None:
        self.accept_certificate_check.setEnabled(True)
        self.accepted_certificate = pem
        self._show_certificate_choice(offered=True)

    def _certificate_not_fetched(self, error: Exception) -> None:
        self.accept_certificate_check.setEnabled(True)
        self.tester.show(user_message(error), ok=False)
        self._show_certificate_choice(offered=True)

    def _save(self) -> None:
        connection, credentials = self.connection_and_credentials()
        try:
            self.result_connection = self.store.save(
                connection, credentials, previous_name=self.original.name if self.original else ""
            )
        except CogportError as error:  # shown to the person, the form stays open
            self.tester.refuse(error)
            return
        self.accept()

    def done(self, result: int) -> None:
        self.tester.cancel()
        super().done(result)
