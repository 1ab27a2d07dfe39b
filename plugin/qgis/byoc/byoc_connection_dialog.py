"""ByocConnectionDialog: create or edit a Sentinel Hub BYOC connection (deployment + OAuth client)."""

from __future__ import annotations

from typing import Optional

from qgis.PyQt.QtWidgets import QDialog, QDialogButtonBox, QWidget

from ...core.errors import CogportError
from ...core.services.byoc import DEPLOYMENTS, ByocConnection
from ..common.auth import load_secrets
from ..common.resources import load_ui
from .byoc_connections import load_record, save_connection

FORM = load_ui("byoc_connection_dialog")


class ByocConnectionDialog(QDialog, FORM):
    def __init__(self, parent: Optional[QWidget] = None, name: str = "") -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.saved: Optional[ByocConnection] = None
        for deployment in DEPLOYMENTS.values():
            self.deploymentCombo.addItem(deployment.label, deployment.key)
        self.deploymentCombo.currentIndexChanged.connect(self._deployment_changed)
        self.buttonBox.button(QDialogButtonBox.StandardButton.Save).clicked.connect(self.save)
        self.buttonBox.rejected.connect(self.reject)
        if name:
            record = load_record(name)
            self.nameEdit.setText(name)
            self.deploymentCombo.setCurrentIndex(max(0, self.deploymentCombo.findData(record.deployment)))
            self.baseUrlEdit.setText(record.base_url)
            self.tokenUrlEdit.setText(record.token_url)
            self.clientIdEdit.setText(load_secrets(record.authcfg).get("client_id", ""))
            self.clientSecretEdit.setPlaceholderText("unchanged (stored in the QGIS authentication database)")
        self._deployment_changed()

    def _deployment_changed(self) -> None:
        deployment = DEPLOYMENTS[self.deploymentCombo.currentData()]
        custom = deployment.key == "custom"
        self.baseUrlEdit.setEnabled(custom)
        self.tokenUrlEdit.setEnabled(custom)
        if not custom:
            self.baseUrlEdit.setText(deployment.base_url)
            self.tokenUrlEdit.setText(deployment.token_url)

    def save(self) -> bool:
        try:
            self.saved = save_connection(
                self.nameEdit.text(),
                self.deploymentCombo.currentData(),
                self.clientIdEdit.text(),
                self.clientSecretEdit.text(),
                self.baseUrlEdit.text(),
                self.tokenUrlEdit.text(),
            )
        except CogportError as error:
            self.errorLabel.setText(error.user_message)
            return False
        self.clientSecretEdit.clear()
        self.accept()
        return True
