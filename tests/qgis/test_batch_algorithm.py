"""`cogport:publish_batch` through processing.run (here and on a Dask cluster, with BYOC registration) and
headless through qgis_process, against the real object store."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsProcessingException

from cogport.tests.support.archive import final_states, local_cluster, local_conversions, make_scenes
from cogport.tests.support.fake_byoc import FakeByocServer
from cogport.tests.support.stores import create_bucket, read_object, s3_connection

IMPORT_ROOT = Path(__file__).resolve().parents[2] / ".build" / "import"


def test_parameters_match_the_documented_interface(cogport_provider):
    algorithm = QgsApplication.processingRegistry().algorithmById("cogport:publish_batch")
    assert [p.name() for p in algorithm.parameterDefinitions()] == [
        "INPUT",
        "DESTINATION",
        "CONNECTION",
        "PROFILE",
        "IF_EXISTS",
        "REGISTER",
        "REGISTRATION_CONNECTION",
        "COLLECTION",
        "SENSING_TIME_PATTERN",
        "ASSET_FOLDER",
        "SCHEDULER",
        "WORKERS",
        "MANIFEST",
    ]
    assert algorithm.parameterDefinition("REGISTER").options() == ["none", "byoc", "earthengine"]
    assert {o.name() for o in algorithm.outputDefinitions()} >= {"URIS", "PUBLISHED", "FAILED", "MANIFEST"}


@pytest.fixture
def saved_target(objectstore, bucket_name, store):
    connection, credentials = s3_connection(objectstore, name="Archive S3")
    store.save(connection, credentials)
    return create_bucket(connection, credentials, bucket_name)


def test_a_batch_on_a_dask_cluster_is_published_and_registered_once_as_byoc_tiles(
    cogport_provider, saved_target, tmp_path, monkeypatch
):
    import processing

    scenes = make_scenes(tmp_path / "in", 6)
    expected = local_conversions(scenes, tmp_path / "local", "byoc")
    with FakeByocServer() as fake, local_cluster() as cluster:
        fake.rate_limit(5.0, burst=2)  # the account's limit holds whatever the number of workers
        collection = fake.add_collection("archive", saved_target.bucket)
        for name, value in (
            ("SH_CLIENT_ID", fake.state.client_id),
            ("SH_CLIENT_SECRET", fake.state.client_secret),
            ("COGPORT_SH_BASE_URL", fake.base_url),
            ("COGPORT_SH_TOKEN_URL", fake.token_url),
        ):
            monkeypatch.setenv(name, value)
        parameters = {
            "INPUT": str(tmp_path / "in"),
            "DESTINATION": f"s3://{saved_target.bucket}/cogs/",
            "CONNECTION": "Archive S3",
            "PROFILE": 2,
            "REGISTER": 1,
            "COLLECTION": "archive",
            "SCHEDULER": cluster.scheduler_address,
            "MANIFEST": str(tmp_path / "job.jsonl"),
        }
        result = processing.run("cogport:publish_batch", parameters)
        again = processing.run("cogport:publish_batch", parameters)
        tiles = sorted(tile["path"] for tile in fake.tiles(collection["id"]))
        creates = fake.requests("POST", "/tiles")
    assert result["PUBLISHED"] == 6 and result["FAILED"] == 0
    assert sorted(result["URIS"].splitlines()) == [
        f"s3://{saved_target.bucket}/cogs/{name}" for name in sorted(expected)
    ]
    for name, data in expected.items():
        assert read_object(saved_target.child(f"cogs/{name}").vsi_path) == data
    assert tiles == [f"cogs/{name}" for name in sorted(expected)]
    assert len([seen for seen in creates if seen.status == 201]) == 6  # the re-run registered nothing again
    assert again["PUBLISHED"] == 6
    assert set(final_states(tmp_path / "job.jsonl").values()) == {"registered"}


def test_a_wrong_scheduler_reaches_processing_as_one_sentence(cogport_provider, saved_target, tmp_path):
    import processing

    make_scenes(tmp_path / "in", 1)
    with pytest.raises(QgsProcessingException, match="'dask-host' is not a Dask scheduler address"):
        processing.run(
            "cogport:publish_batch",
            {
                "INPUT": str(tmp_path / "in"),
                "DESTINATION": f"s3://{saved_target.bucket}/cogs/",
                "CONNECTION": "Archive S3",
                "SCHEDULER": "dask-host",
                "MANIFEST": str(tmp_path / "job.jsonl"),
            },
        )


def _qgis_process() -> str:
    # Debian's qgis_process wrapper adds --noversioncheck (from /etc/default/qgis), which 3.22 rejects.
    return shutil.which("qgis_process.bin") or shutil.which("qgis_process") or ""


@pytest.mark.skipif(not _qgis_process(), reason="qgis_process is not installed")
def test_runs_headless_with_qgis_process_and_resumes(objectstore, bucket_name, tmp_path):
    connection, credentials = s3_connection(objectstore)
    root = create_bucket(connection, credentials, bucket_name)
    scenes = make_scenes(tmp_path / "in", 3)
    expected = local_conversions(scenes, tmp_path / "local")
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        QGIS_PLUGINPATH=str(IMPORT_ROOT),
        QGIS_CUSTOM_CONFIG_PATH=str(tmp_path / "profile"),
        # No saved connection: GDAL's own settings reach the store, as on a headless server.
        AWS_ACCESS_KEY_ID=credentials.identity,
        AWS_SECRET_ACCESS_KEY=credentials.secret,
        AWS_S3_ENDPOINT=connection.endpoint,
        AWS_HTTPS="NO",
        AWS_VIRTUAL_HOSTING="FALSE",
        AWS_REGION="us-east-1",
    )
    command = _qgis_process()
    enabled = subprocess.run(
        [command, "plugins", "enable", "cogport"], check=False, env=env, capture_output=True, text=True, timeout=300
    )
    assert enabled.returncode == 0, enabled.stderr
    arguments = [
        command,
        "run",
        "cogport:publish_batch",
        "--json",
        "--",
        f"INPUT={tmp_path / 'in'}",
        f"DESTINATION=s3://{bucket_name}/cogs/",
        f"MANIFEST={tmp_path / 'job.jsonl'}",
    ]
    runs = [
        subprocess.run(arguments, check=False, env=env, capture_output=True, text=True, timeout=300) for _ in range(2)
    ]
    for run in runs:
        assert run.returncode == 0, run.stdout + run.stderr
    first, second = (json.loads(run.stdout[run.stdout.index("{") :])["results"] for run in runs)
    assert first["PUBLISHED"] == 3 and first["FAILED"] == 0
    for name, data in expected.items():
        assert read_object(root.child(f"cogs/{name}").vsi_path) == data
    assert second["PUBLISHED"] == 3
    assert "3 done by earlier runs" in runs[1].stdout + runs[1].stderr
