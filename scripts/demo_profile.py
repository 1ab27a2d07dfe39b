"""Run by demo.py inside the demo profile: saves the "Local demo" and "Local OpenStack (Keystone)" connections and
the demo project."""

from __future__ import annotations

import os
import sys

from qgis.core import QgsApplication, QgsProject, QgsRasterLayer, QgsReferencedRectangle
from qgis.PyQt.QtCore import QCoreApplication, QSettings

profiles = os.environ["QGIS_CUSTOM_CONFIG_PATH"]
QCoreApplication.setOrganizationName(QgsApplication.QGIS_ORGANIZATION_NAME)
QCoreApplication.setOrganizationDomain(QgsApplication.QGIS_ORGANIZATION_DOMAIN)
QCoreApplication.setApplicationName(QgsApplication.QGIS_APPLICATION_NAME)
QSettings.setDefaultFormat(QSettings.IniFormat)
QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, os.path.join(profiles, "profiles", "default"))
app = QgsApplication([], False)
app.initQgis()

from cogport.plugin.core.storage.connection import (
    AuthMode,
    Credentials,
    StorageConnection,
    StoreKind,
)
from cogport.plugin.core.storage.uri import ObjectLocation
from cogport.plugin.qgis.storage.connections import ConnectionStore
from cogport.plugin.qgis.storage.layers import open_remote_layer

manager = QgsApplication.authManager()
with open(os.path.join(profiles, "..", "master-password.txt"), encoding="utf-8") as password_file:
    assert manager.setMasterPassword(password_file.read(), True)
store = ConnectionStore()
connection = store.save(
    StorageConnection(
        name="Local demo",
        kind=StoreKind.S3_COMPATIBLE,
        auth=AuthMode.KEYS,
        endpoint=os.environ["COGPORT_DEMO_ENDPOINT"],
        region="us-east-1",
        virtual_hosting=False,
        https=False,
    ),
    Credentials(identity="test:tester", secret="testing"),  # noqa: S106 - the local server's tempauth user
)
# The seeded Keystone user of tests/support/keystone.py, as an OVHcloud user would set it up.
store.save(
    StorageConnection(
        name="Local OpenStack (Keystone)",
        kind=StoreKind.SWIFT,
        auth=AuthMode.SWIFT_KEYSTONE,
        auth_url=os.environ["COGPORT_DEMO_KEYSTONE_URL"],
        region="GRA",
        project_name="alpha",
        user_domain="Default",
        project_domain="Default",
    ),
    Credentials(identity="alice", secret=os.environ["COGPORT_DEMO_KEYSTONE_PASSWORD"]),
)
layer = open_remote_layer(store, connection, ObjectLocation("vsis3", "demo-cogs", "alps/terrain_rgb.tif"))
assert isinstance(layer, QgsRasterLayer) and layer.isValid()
project = QgsProject.instance()
project.addMapLayer(layer)
project.setCrs(layer.crs())
project.viewSettings().setDefaultViewExtent(QgsReferencedRectangle(layer.extent(), layer.crs()))
if not project.write(os.environ["COGPORT_DEMO_PROJECT"]):
    sys.exit("could not write the demo project")
app.exitQgis()
