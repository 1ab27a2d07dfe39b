"""ByocConnectionDialog: create or edit a Sentinel Hub BYOC connection (deployment + OAuth client)."""

from __future__ import annotations

from typing import Optional

from qgis.PyQt.QtWidgets import QDialog, QDialogButtonBox, QWidget

from ...core.errors import CogportError
from ...core.services.byoc import DEPLOYMENTS, ByocClient, ByocConnection
from ..common.auth import load_secrets
from ..common.connection_test import ConnectionTest
from ..common.i18n import tr
from ..common.resources import load_ui
from .byoc_connections import form_connection, load_record, save_connection

FORM = load_ui("byoc_connection_dialog")


class ByocConnectionDialog(QDialog, FORM):
    def __init__(self, parent: Optional[QWidget] = None, name: str = "") -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.saved: Optional[ByocConnection] = None
        for deployment in DEPLOYMENTS.values():
            self.deploymentCombo.addItem(tr(deployment.label), deployment.key)
        self.deploymentCombo.currentIndexChanged.connect(self._deployment_changed)
        self.buttonBox.button(QDialogButtonBox.StandardButton.Save).clicked.connect(self.save)
        self.buttonBox.rejected.connect(self.reject)
        self.tester = ConnectionTest(self.testButton, self.resultLabel)
        self.testButton.clicked.connect(self.test)
        if name:
            record = load_record(name)
            self.nameEdit.setText(name)
            self.deploymentCombo.setCurrentIndex(max(0, self.deploymentCombo.findData(record.deployment)))
            self.baseUrlEdit.setText(record.base_url)
            self.tokenUrlEdit.setText(record.token_url)
            self.clientIdEdit.setText(load_secrets(record.authcfg).get("client_id", ""))
            self.clientSecretEdit.setPlaceholderText(self.tr("unchanged (stored in the QGIS authentication database)"))
        self._deployment_changed()

    def _deployment_changed(self) -> None:
        deployment = DEPLOYMENTS[self.deploymentCombo.currentData()]
        custom = deployment.key == "custom"
        self.baseUrlEdit.setEnabled(custom)
        self.tokenUrlEdit.setEnabled(custom)
        if not custom:
            self.baseUrlEdit.setText(deployment.base_url)
            self.tokenUrlEdit.setText(deployment.token_url)

    def _fields(self) -> tuple:
        return (
            self.nameEdit.text(),
            self.deploymentCombo.currentData(),
            self.clientIdEdit.text(),
            self.clientSecretEdit.text(),
            self.baseUrlEdit.text(),
            self.tokenUrlEdit.text(),
        )

    def save(self) -> bool:
        try:
            self.saved = save_connection(*self._fields())
        except CogportError as error:
            self.tester.refuse(error)
            return False
        self.clientSecretEdit.clear()
        self.accept()
        return True

    def test(self) -> None:
        """Asks Sentinel Hub for a token and one page of collections with what the form holds."""
        try:
            client = ByocClient(form_connection(*self._fields()))
        except CogportError as error:
            self.tester.refuse(error)
            return
        self.tester.start(
            self.tr("Testing BYOC connection {name}").format(name=client.connection.name), client.check_access
        )

    def done(self, result: int) -> None:
        self.tester.cancel()
        super().done(result)
