"""EarthEngineConnectionDialog: create or edit an Earth Engine connection (project id + credentials)."""

from __future__ import annotations

from typing import Optional

from qgis.gui import QgsAuthConfigSelect
from qgis.PyQt.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QWidget

from ...core.errors import CogportError
from ...core.services.earthengine import EarthEngineClient, EarthEngineConnection
from ..common.connection_test import ConnectionTest
from ..common.i18n import tr, translatable
from ..common.resources import load_ui
from .earthengine_connections import SECRET_FIELDS, form_credentials, load_connection, save_connection

FORM = load_ui("earthengine_connection_dialog")
KINDS = (
    ("token", translatable("Access token (pasted)")),
    ("service_account", translatable("Service-account JSON key")),
    ("oauth2", translatable("QGIS OAuth2 configuration")),
)


class EarthEngineConnectionDialog(QDialog, FORM):
    def __init__(self, parent: Optional[QWidget] = None, name: str = "") -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.saved: Optional[EarthEngineConnection] = None
        self._original = load_connection(name) if name else EarthEngineConnection()
        for kind, label in KINDS:
            self.kindCombo.addItem(tr(label), kind)
        self.authSelect = QgsAuthConfigSelect(self)  # QGIS widget: added in code, not in the .ui
        self.oauthLayout.addWidget(self.authSelect)
        self.kindCombo.currentIndexChanged.connect(self.credentialsStack.setCurrentIndex)
        self.loadKeyButton.clicked.connect(self._load_key_file)
        self.tester = ConnectionTest(self.testButton, self.resultLabel)
        self.testButton.clicked.connect(self.test)
        self.buttonBox.button(QDialogButtonBox.StandardButton.Save).clicked.connect(self.save)
        self.buttonBox.rejected.connect(self.reject)
        self._show(self._original)

    def _show(self, connection: EarthEngineConnection) -> None:
        self.nameEdit.setText(connection.name)
        self.projectEdit.setText(connection.project)
        kinds = [kind for kind, _ in KINDS]
        index = kinds.index(connection.credential_kind) if connection.credential_kind in kinds else 0
        self.kindCombo.setCurrentIndex(index)
        self.credentialsStack.setCurrentIndex(index)
        if connection.credential_kind == "oauth2":
            self.authSelect.setConfigId(connection.authcfg)
        self.apiUrlEdit.setText(connection.api_url)
        self.gcsApiUrlEdit.setText(connection.gcs_api_url)
        # Only a secret already in the auth database can be kept by leaving the field empty.
        saved = bool(connection.authcfg) and connection.credential_kind in SECRET_FIELDS
        keep_token = saved and connection.credential_kind == "token"
        keep_key = saved and connection.credential_kind == "service_account"
        self.tokenEdit.setPlaceholderText(
            self.tr("ya29.…  (leave empty to keep the saved token)") if keep_token else self.tr("ya29.…")
        )
        self.keyEdit.setPlaceholderText(
            self.tr("Paste the key JSON, or load it from a file (leave empty to keep the saved key)")
            if keep_key
            else self.tr("Paste the key JSON, or load it from a file")
        )

    def connection(self) -> EarthEngineConnection:
        kind = self.kindCombo.currentData()
        authcfg = (
            self.authSelect.configId()
            if kind == "oauth2"
            else (self._original.authcfg if kind == self._original.credential_kind else "")
        )
        return EarthEngineConnection(
            name=self.nameEdit.text().strip(),
            project=self.projectEdit.text().strip(),
            credential_kind=kind,
            authcfg=authcfg,
            api_url=self.apiUrlEdit.text().strip(),
            gcs_api_url=self.gcsApiUrlEdit.text().strip(),
        )

    def secret(self) -> str:
        kind = self.kindCombo.currentData()
        if kind == "token":
            return self.tokenEdit.text().strip()
        if kind == "service_account":
            return self.keyEdit.toPlainText().strip()
        return ""

    def save(self) -> bool:
        try:
            self.saved = save_connection(self.connection(), self.secret())
        except CogportError as error:
            self.tester.refuse(error)
            return False
        self.tokenEdit.clear()
        self.keyEdit.clear()
        self.accept()
        return True

    def test(self) -> None:
        """Sends one read-only call with what the form holds (the pasted secret, else the saved one)."""
        connection = self.connection()
        try:
            client = EarthEngineClient(connection, form_credentials(connection, self.secret()))
        except CogportError as error:
            self.tester.refuse(error)
            return
        self.tester.start(
            self.tr("Testing Earth Engine connection {name}").format(name=connection.name or connection.project),
            client.check_access,
        )

    def done(self, result: int) -> None:
        self.tester.cancel()
        super().done(result)

    def _load_key_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Service-account key"), "", self.tr("JSON key (*.json)"))
        if path:
            with open(path, encoding="utf-8") as handle:
                self.keyEdit.setPlainText(handle.read())
