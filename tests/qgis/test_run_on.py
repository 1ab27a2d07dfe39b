"""Run on: this computer or a Dask cluster, in the Publish dock: the saved scheduler, the Test button, and a
publish on a real LocalCluster with per-item states, the dashboard link and the manifest."""

from __future__ import annotations

import pytest

from cogport.plugin.qgis.publish.publish_dock import PublishDock
from cogport.plugin.qgis.publish.run_on_widget import DASK_CLUSTER, RunOnWidget
from cogport.tests.support.archive import local_cluster, local_conversions, make_scenes
from cogport.tests.support.objectstore import free_port
from cogport.tests.support.stores import create_bucket, read_object, s3_connection


@pytest.fixture(autouse=True)
def _forget_the_choice():
    """Each test starts on this computer, and other tests' docks run there, whatever these tests chose."""
    from qgis.core import QgsSettings

    QgsSettings().remove("cogport/dask")
    yield
    QgsSettings().remove("cogport/dask")


@pytest.fixture(scope="module")
def cluster():
    with local_cluster() as running:
        yield running


def choose_cluster(widget: RunOnWidget, address: str) -> None:
    widget.runOnCombo.setCurrentIndex(widget.runOnCombo.findData(DASK_CLUSTER))
    widget.schedulerEdit.setText(address)
    widget.schedulerEdit.editingFinished.emit()


def test_the_choice_and_the_scheduler_are_remembered(qgis_app, qtbot):
    first = RunOnWidget()
    qtbot.addWidget(first)
    assert not first.on_cluster and first.schedulerEdit.isHidden()
    choose_cluster(first, "tcp://dask.example.org:8786")
    second = RunOnWidget()
    qtbot.addWidget(second)
    assert second.on_cluster and second.scheduler == "tcp://dask.example.org:8786"
    second.runOnCombo.setCurrentIndex(0)
    assert not RunOnWidget().on_cluster


def test_the_test_button_reports_workers_cores_memory_and_gdal(qgis_app, qtbot, cluster):
    widget = RunOnWidget()
    qtbot.addWidget(widget)
    choose_cluster(widget, cluster.scheduler_address)
    widget.testButton.click()
    qtbot.waitUntil(lambda: widget.testButton.isEnabled(), timeout=60000)
    text = widget.clusterLabel.text()
    assert "2 workers, 2 threads" in text and "GDAL 3." in text and "GiB" in text
    assert "href='http://127.0.0.1:" in text  # the dashboard link


def test_the_test_button_explains_an_unreachable_scheduler(qgis_app, qtbot):
    widget = RunOnWidget()
    widget.connect_timeout = 2.0
    qtbot.addWidget(widget)
    choose_cluster(widget, f"tcp://127.0.0.1:{free_port()}")
    widget.testButton.click()
    qtbot.waitUntil(lambda: widget.testButton.isEnabled(), timeout=60000)
    assert "Could not reach the Dask scheduler" in widget.clusterLabel.text()


def test_the_publish_dock_publishes_on_the_cluster(
    qgis_iface, qtbot, store, objectstore, bucket_name, tmp_path, cluster
):
    connection, credentials = s3_connection(objectstore, name="Cluster S3")
    store.save(connection, credentials)
    root = create_bucket(connection, credentials, bucket_name)
    scenes = make_scenes(tmp_path / "in", 4)
    expected = local_conversions(scenes, tmp_path / "local")
    dock = PublishDock(qgis_iface)
    qtbot.addWidget(dock)
    dock.reload_connections()
    dock.connectionCombo.setCurrentText("Cluster S3")
    dock.add_paths([str(scene) for scene in scenes])
    dock.destinationEdit.setText(f"s3://{bucket_name}/cogs/")
    choose_cluster(dock.runOn, cluster.scheduler_address)
    run = dock.publish()
    assert not dock.publishButton.isEnabled()
    with qtbot.waitSignal(run.finished, timeout=120000):
        pass
    rows = [[dock.filesTable.item(row, col).text() for col in range(3)] for row in range(4)]
    assert [row[1] for row in rows] == ["uploaded"] * 4
    assert [row[2] for row in rows] == [f"s3://{bucket_name}/cogs/{scene.name}" for scene in scenes]
    summary = dock.summaryText.toPlainText()
    assert "4 items on Dask cluster" in summary and "Manifest: " in summary
    assert "href='http://127.0.0.1:" in dock.runOn.clusterLabel.text()
    for name, data in expected.items():
        assert read_object(root.child(f"cogs/{name}").vsi_path) == data
