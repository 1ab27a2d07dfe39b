"""EarthEngineConnectionDialog: create or edit an Earth Engine connection (project id + credentials)."""

from __future__ import annotations

from typing import Optional

from qgis.gui import QgsAuthConfigSelect
from qgis.PyQt.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QWidget

from ...core.errors import CogportError
from ...core.services.earthengine import EarthEngineConnection
from ..common.resources import load_ui
from .earthengine_connections import load_connection, save_connection

FORM = load_ui("earthengine_connection_dialog")
KINDS = (
    ("token", "Access token (pasted)"),
    ("service_account", "Service-account JSON key"),
    ("oauth2", "QGIS OAuth2 configuration"),
)


class EarthEngineConnectionDialog(QDialog, FORM):
    def __init__(self, parent: Optional[QWidget] = None, name: str = "") -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.saved: Optional[EarthEngineConnection] = None
        self._original = load_connection(name) if name else EarthEngineConnection()
        for kind, label in KINDS:
            self.kindCombo.addItem(label, kind)
        self.authSelect = QgsAuthConfigSelect(self)  # QGIS widget: added in code, not in the .ui
        self.oauthLayout.addWidget(self.authSelect)
        self.kindCombo.currentIndexChanged.connect(self.credentialsStack.setCurrentIndex)
        self.loadKeyButton.clicked.connect(self._load_key_file)
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
            self.errorLabel.setText(error.user_message)
            return False
        self.tokenEdit.clear()
        self.keyEdit.clear()
        self.accept()
        return True

    def _load_key_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Service-account key", "", "JSON key (*.json)")
        if path:
            with open(path, encoding="utf-8") as handle:
                self.keyEdit.setPlainText(handle.read())
