"""A whole session: load the plugin, use every dock and dialog, run and cancel a task in each, unload, quit.

Fails on any Python exception (sys.excepthook, where QGIS sends errors raised in Qt callbacks and task
callbacks) and on any Critical message in the QGIS log, such as "wrapped C/C++ object of type CoreTask has
been deleted" after a Publish run.
"""

from __future__ import annotations

import sys
import traceback

import pytest
from qgis.core import Qgis, QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, QEvent
from qgis.PyQt.QtWidgets import QMessageBox

import cogport
from cogport.plugin.qgis.byoc import byoc_dock
from cogport.plugin.qgis.byoc.byoc_connection_dialog import ByocConnectionDialog
from cogport.plugin.qgis.byoc.byoc_connections import save_connection as save_byoc
from cogport.plugin.qgis.cog.convert_dialog import open_convert_dialog
from cogport.plugin.qgis.cog.validation_dialog import open_validation_dialog
from cogport.plugin.qgis.earthengine.earthengine_connection_dialog import EarthEngineConnectionDialog
from cogport.plugin.qgis.earthengine.earthengine_dialog import open_earthengine_dialog
from cogport.plugin.qgis.publish.publish_dock import open_publish_dock
from cogport.plugin.qgis.storage.connection_dialog import ConnectionDialog
from cogport.tests.core.test_earthengine_manifest import write_cog
from cogport.tests.support.fake_byoc import FakeByocServer
from cogport.tests.support.stores import create_bucket, put_file, s3_connection, write_test_cog

WAIT = 30000
EE_TOKEN = "ya29.lifecycle-token"  # a fake's token


class Trouble:
    """Python exceptions and Critical log messages seen while the plugin runs."""

    def __init__(self) -> None:
        self.seen = []

    def excepthook(self, kind, value, trace) -> None:
        self.seen.append(f"{kind.__name__}: {value} at {''.join(traceback.format_tb(trace)[-2:])}")

    def message(self, text: str, tag: str, level) -> None:
        if level == Qgis.MessageLevel.Critical:
            self.seen.append(f"Critical [{tag}]: {text}")


@pytest.fixture
def trouble(monkeypatch):
    watcher = Trouble()
    monkeypatch.setattr(sys, "excepthook", watcher.excepthook)
    # A modal question would wait for a click forever here: answer it as Escape would, and say so.
    monkeypatch.setattr(QMessageBox, "exec", lambda box: watcher.seen.append(f"unexpected question: {box.text()}"))
    log = QgsApplication.messageLog()
    log.messageReceived.connect(watcher.message)
    yield watcher
    log.messageReceived.disconnect(watcher.message)


@pytest.fixture
def byoc_fake(auth_db):
    with FakeByocServer() as server:
        server.add_collection("Mosaics", "lifecycle-bucket")
        save_byoc("Lifecycle SH", "custom", server.state.client_id, server.state.client_secret, server.base_url,
                  server.token_url)  # fmt: skip
        yield server
        from cogport.plugin.qgis.byoc.byoc_connections import delete_connection

        delete_connection("Lifecycle SH")


def _settle(qtbot) -> None:
    manager = QgsApplication.taskManager()
    qtbot.waitUntil(lambda: manager.countActiveTasks() == 0, timeout=WAIT)
    qtbot.wait(50)  # finished() callbacks and queued signals arrive now


def _run_then_cancel(qtbot, start, cancel) -> None:
    """Runs to the end, cancels the finished run, then starts again and cancels at once, then once more."""
    start()
    _settle(qtbot)
    cancel()
    start()
    cancel()
    _settle(qtbot)
    cancel()


def _cancel_all() -> None:
    QgsApplication.taskManager().cancelAll()  # the status bar's cancel button


def test_every_dock_and_dialog_runs_and_cancels_a_task_then_the_plugin_unloads_cleanly(
    trouble, qgis_iface, qgis_new_project, qtbot, store, objectstore, bucket_name, tmp_path, fake_gcs,
    fake_earthengine, byoc_fake,
):  # fmt: skip
    connection, credentials = s3_connection(objectstore, name="Lifecycle S3")
    saved = store.save(connection, credentials)
    cog = write_test_cog(tmp_path / "scene.tif", 512, 512, 1)
    put_file(create_bucket(connection, credentials, bucket_name).child("cogs/scene.tif"), cog)
    fake_gcs.bearer_tokens, fake_earthengine.tokens = {EE_TOKEN}, {EE_TOKEN}
    fake_gcs.add_bucket("lifecycle-us")
    write_cog(fake_gcs, "lifecycle-us", "scene.tif", bands=1)
    fake_gcs.configure_gdal("lifecycle-us")

    plugin = cogport.classFactory(qgis_iface)
    plugin.initGui()
    actions = {action.text(): action for action in plugin.actions}

    # The bucket dock lists the saved connection; its Test connection runs as a task.
    dock = plugin.browser_dock
    dock.refresh_connections(saved.name)
    _run_then_cancel(qtbot, dock.test_connection, _cancel_all)

    form = ConnectionDialog(store, saved)
    _run_then_cancel(qtbot, form.test_button.click, _cancel_all)
    form.reject()

    validation = open_validation_dialog(qgis_iface, [str(cog)])
    _run_then_cancel(qtbot, validation.validate, _cancel_all)
    validation.close()

    actions["Convert to COG…"].trigger()
    convert = open_convert_dialog(qgis_iface, [str(cog)])
    convert.destinationEdit.setText(str(tmp_path / "converted"))
    _run_then_cancel(qtbot, convert.start, _cancel_all)

    actions["Publish to bucket…"].trigger()
    publish = open_publish_dock(qgis_iface, [str(cog)], connection_name=saved.name)
    publish.destinationEdit.setText(f"s3://{bucket_name}/published/")
    publish.ask = lambda title, text, choices: choices[0][0]  # overwrite what the first run uploaded
    _run_then_cancel(qtbot, publish.publish, publish.cancel)

    earthengine = open_earthengine_dialog(qgis_iface, ["gs://lifecycle-us/scene.tif"])
    _run_then_cancel(qtbot, earthengine.read_bands, _cancel_all)
    ee_form = EarthEngineConnectionDialog(earthengine)
    ee_form.nameEdit.setText("Lifecycle EE")
    ee_form.projectEdit.setText("ee-demo-project")
    ee_form.apiUrlEdit.setText(fake_earthengine.url)
    ee_form.tokenEdit.setText(EE_TOKEN)
    _run_then_cancel(qtbot, ee_form.test, ee_form.tester.cancel)
    ee_form.reject()
    earthengine.close()

    actions["Sentinel Hub BYOC"].trigger()
    panel = byoc_dock.open_byoc_dock(qgis_iface)
    panel.reload_connections("Lifecycle SH")
    _run_then_cancel(qtbot, panel.refresh_collections, _cancel_all)
    sh_form = ByocConnectionDialog(panel, "Lifecycle SH")
    _run_then_cancel(qtbot, sh_form.test, sh_form.tester.cancel)
    sh_form.reject()
    panel.collectionList.setCurrentRow(0)
    register = panel.open_register_dialog()
    register.pathsEdit.setPlainText(f"s3://{bucket_name}/cogs/scene.tif")
    _run_then_cancel(qtbot, register.group, register.cancel)
    register.close()

    # Leave tasks running, as a person quitting QGIS in the middle of a publish would.
    publish.publish()
    convert.start()
    plugin.unload()
    _settle(qtbot)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qtbot.wait(50)
    publish.cancel()  # a late click on a dock that is gone
    assert not trouble.seen, "\n\n".join(trouble.seen)
