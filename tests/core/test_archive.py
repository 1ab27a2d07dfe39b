"""Publishing an archive on this computer against the real object store: resume, rules, failures, cancel."""

from __future__ import annotations

import json

import pytest
from osgeo import gdal

from cogport.plugin.core.archive.engine import ArchiveJob, run_archive
from cogport.plugin.core.archive.executors import LocalExecutor
from cogport.plugin.core.archive.manifest import ItemState
from cogport.plugin.core.archive.plan import plan_items
from cogport.plugin.core.errors import CogportError
from cogport.plugin.core.progress import Progress
from cogport.plugin.core.storage.gdal_config import forget_cached
from cogport.plugin.core.storage.upload import IfExists
from cogport.tests.support.archive import final_states, local_conversions, make_scenes, manifest_lines
from cogport.tests.support.stores import create_bucket, put_bytes, put_file, read_object, s3_connection


@pytest.fixture
def target(objectstore, bucket_name):
    connection, credentials = s3_connection(objectstore)
    root = create_bucket(connection, credentials, bucket_name)
    return connection, credentials, root


def stored_keys(root) -> list:
    forget_cached(root.bucket_prefix)
    return sorted(gdal.ReadDirRecursive(root.vsi_path) or [])


def job_for(target, inputs, **options) -> ArchiveJob:
    connection, credentials, root = target
    return ArchiveJob(tuple(inputs), root.child("cogs/"), connection, credentials, **options)


def test_a_folder_is_published_byte_equal_to_local_conversion_and_a_rerun_does_nothing(target, tmp_path):
    scenes = make_scenes(tmp_path / "in", 6)
    expected = local_conversions(scenes, tmp_path / "local")
    manifest = tmp_path / "job.jsonl"
    seen = []
    summary = run_archive(job_for(target, [str(tmp_path / "in")]), str(manifest), LocalExecutor(2), on_item=seen.append)
    root = target[2]
    assert stored_keys(root) == sorted(f"cogs/{name}" for name in expected)
    for name, data in expected.items():
        assert read_object(root.child(f"cogs/{name}").vsi_path) == data
    assert summary.count(ItemState.UPLOADED) == 6 and not summary.failed
    assert sorted(r.uri for r in seen) == sorted(f"s3://{root.bucket}/cogs/{name}" for name in expected)
    assert set(final_states(manifest).values()) == {"uploaded"}
    lines = len(manifest_lines(manifest))

    again = run_archive(job_for(target, [str(tmp_path / "in")]), str(manifest), LocalExecutor(2))
    assert again.already_done == 6 and again.count(ItemState.UPLOADED) == 6
    assert len(manifest_lines(manifest)) == lines  # nothing new happened, nothing was recorded


def test_one_failing_item_does_not_stop_the_others_and_a_rerun_retries_only_it(target, tmp_path):
    scenes = make_scenes(tmp_path / "in", 3)
    broken = tmp_path / "in" / "scene_001.tif"
    good_bytes = broken.read_bytes()
    broken.write_bytes(b"II*\x00" + b"\x00garbage" * 40)
    manifest = tmp_path / "job.jsonl"
    summary = run_archive(job_for(target, [str(s) for s in scenes]), str(manifest), LocalExecutor(2))
    assert [r.state for r in summary.records] == [ItemState.UPLOADED, ItemState.FAILED, ItemState.UPLOADED]
    assert "scene_001.tif" in summary.failed[0].error
    assert stored_keys(target[2]) == ["cogs/scene_000.tif", "cogs/scene_002.tif"]

    broken.write_bytes(good_bytes)
    done = []
    again = run_archive(job_for(target, [str(s) for s in scenes]), str(manifest), LocalExecutor(2), on_item=done.append)
    assert [r.source for r in done] == [str(broken)]
    assert again.count(ItemState.UPLOADED) == 3 and again.already_done == 2


def test_objects_the_job_did_not_write_follow_the_rule_and_its_own_are_overwritten(target, tmp_path):
    connection, credentials, root = target
    scenes = make_scenes(tmp_path / "in", 2)
    put_bytes(root.child("cogs/scene_000.tif"), b"someone else's object")
    manifest = tmp_path / "job.jsonl"
    failed = run_archive(job_for(target, [str(s) for s in scenes]), str(manifest), LocalExecutor(1))
    assert [r.state for r in failed.records] == [ItemState.FAILED, ItemState.UPLOADED]
    assert "already exists and was not written by this job" in failed.records[0].error
    assert read_object(root.child("cogs/scene_000.tif").vsi_path) == b"someone else's object"

    # The rule may change between runs of one job: the failed item is now skipped, the done one left alone.
    skipped = run_archive(job_for(target, [str(s) for s in scenes], if_exists=IfExists.SKIP), str(manifest))
    assert [r.state for r in skipped.records] == [ItemState.SKIPPED, ItemState.UPLOADED]
    assert skipped.already_done == 1

    # A new job (its own manifest) did not write either object, so both get the next free name.
    rename = tmp_path / "rename.jsonl"
    renamed = run_archive(job_for(target, [str(s) for s in scenes], if_exists=IfExists.RENAME), str(rename))
    assert [r.uri for r in renamed.records] == [
        f"s3://{root.bucket}/cogs/scene_000_1.tif",
        f"s3://{root.bucket}/cogs/scene_001_1.tif",
    ]
    assert read_object(root.child("cogs/scene_000.tif").vsi_path) == b"someone else's object"

    # An object the job wrote itself before its run was interrupted (so not recorded as uploaded) is
    # replaced, under the name the job chose for it then.
    lines = manifest_lines(rename)
    rename.write_text("\n".join(json.dumps(line) for line in lines if line.get("state") != "uploaded") + "\n")
    put_bytes(root.child("cogs/scene_000_1.tif"), b"what an interrupted attempt left")
    resumed = run_archive(job_for(target, [str(s) for s in scenes], if_exists=IfExists.RENAME), str(rename))
    assert [r.uri for r in resumed.records] == [r.uri for r in renamed.records]
    assert read_object(root.child("cogs/scene_000_1.tif").vsi_path)[:4] == b"II*\x00"
    assert "cogs/scene_000_2.tif" not in stored_keys(root)

    # Skipped stays skipped while the rule says skip; a new rule applies to it on the next run.
    lines = len(manifest_lines(manifest))
    again = run_archive(job_for(target, [str(s) for s in scenes], if_exists=IfExists.SKIP), str(manifest))
    assert again.already_done == 2 and len(manifest_lines(manifest)) == lines
    overwritten = run_archive(job_for(target, [str(s) for s in scenes], if_exists=IfExists.OVERWRITE), str(manifest))
    assert [r.state for r in overwritten.records] == [ItemState.UPLOADED, ItemState.UPLOADED]
    assert read_object(root.child("cogs/scene_000.tif").vsi_path)[:4] == b"II*\x00"


def test_a_bucket_prefix_input_is_read_through_vsi_keeping_sub_prefixes(target, tmp_path):
    connection, credentials, root = target
    scenes = make_scenes(tmp_path / "in", 3)
    for number, scene in enumerate(scenes):
        put_file(root.child(f"raw/{2020 + number}/{scene.name}"), scene)
    put_bytes(root.child("raw/readme.txt"), b"not a raster")
    expected = local_conversions(scenes, tmp_path / "local")
    summary = run_archive(job_for(target, [f"s3://{root.bucket}/raw/"]), str(tmp_path / "job.jsonl"))
    assert summary.count(ItemState.UPLOADED) == 3
    for number, scene in enumerate(scenes):
        assert read_object(root.child(f"cogs/{2020 + number}/{scene.name}").vsi_path) == expected[scene.name]


def test_cancel_stops_the_job_leaves_no_partial_object_and_a_rerun_finishes(target, tmp_path):
    scenes = make_scenes(tmp_path / "in", 8)
    progress = Progress()
    manifest = tmp_path / "job.jsonl"

    def after_two(record):
        if sum(1 for state in final_states(manifest).values() if state == "uploaded") >= 2:
            progress.cancel()

    summary = run_archive(
        job_for(target, [str(s) for s in scenes]), str(manifest), LocalExecutor(1), progress=progress, on_item=after_two
    )
    assert summary.cancelled
    uploaded = [r for r in summary.records if r.state is ItemState.UPLOADED]
    assert 2 <= len(uploaded) < 8
    assert stored_keys(target[2]) == sorted(r.key for r in uploaded)  # no object besides the finished ones
    rest = run_archive(job_for(target, [str(s) for s in scenes]), str(manifest), LocalExecutor(2))
    assert rest.count(ItemState.UPLOADED) == 8 and rest.already_done == len(uploaded)


def test_a_manifest_of_another_job_is_refused(target, tmp_path):
    scenes = make_scenes(tmp_path / "in", 1)
    manifest = tmp_path / "job.jsonl"
    run_archive(job_for(target, [str(scenes[0])]), str(manifest))
    with pytest.raises(CogportError, match="belongs to another job .*profile"):
        run_archive(job_for(target, [str(scenes[0])], profile="byoc"), str(manifest))


def test_inputs_that_would_share_an_output_are_refused_before_anything_runs(target, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = make_scenes(tmp_path / "a", 1)[0]
    second = make_scenes(tmp_path / "b", 1)[0]
    with pytest.raises(CogportError, match="would both be published as cogs/scene_000.tif"):
        plan_items([str(first), str(second)], target[2].child("cogs/"))


def test_registration_runs_here_once_per_item_and_a_failed_one_is_only_registered_again(target, tmp_path):
    from cogport.plugin.core.archive.registration import ByocRegistrar
    from cogport.plugin.core.services.byoc import ByocClient, ByocConnection
    from cogport.plugin.core.services.oauth import ClientCredentials
    from cogport.tests.support.fake_byoc import FakeByocServer

    root = target[2]
    for day, scene in enumerate(make_scenes(tmp_path / "in", 4), start=1):
        put_file(root.child(f"raw/2024/05/0{day}/{scene.name}"), scene)
    job = job_for(target, [f"s3://{root.bucket}/raw/"])
    manifest = tmp_path / "job.jsonl"
    with FakeByocServer() as fake:
        collection = fake.add_collection("archive", root.bucket)
        connection = ByocConnection(
            "fake", fake.base_url, fake.token_url, ClientCredentials(fake.state.client_id, fake.state.client_secret)
        )
        registrar = ByocRegistrar(ByocClient(connection), collection["id"], "%Y/%m/%d")
        fake.fail_next(400)
        first = run_archive(job, str(manifest), LocalExecutor(1), registrar)
        failed = [r for r in first.records if r.state is ItemState.FAILED]
        assert len(failed) == 1 and failed[0].step == "register" and first.count(ItemState.REGISTERED) == 3
        submitted = sum(1 for line in manifest_lines(manifest) if line.get("state") == "submitted")

        again = run_archive(job, str(manifest), LocalExecutor(1), registrar)
        tiles = sorted(fake.tiles(collection["id"]), key=lambda tile: tile["path"])
    assert again.count(ItemState.REGISTERED) == 4 and again.already_done == 3
    assert sum(1 for line in manifest_lines(manifest) if line.get("state") == "submitted") == submitted  # no upload
    assert [tile["path"] for tile in tiles] == [f"cogs/2024/05/0{n}/scene_00{n - 1}.tif" for n in range(1, 5)]
    assert [tile["sensingTime"][:10] for tile in tiles] == [f"2024-05-0{n}" for n in range(1, 5)]


def test_without_dask_installed_the_message_says_how_to_install_it(monkeypatch):
    import sys

    from cogport.plugin.core.archive.cluster import ClusterError, DaskExecutor

    monkeypatch.setitem(sys.modules, "distributed", None)  # as on a QGIS install without dask.distributed
    with pytest.raises(ClusterError, match="needs the dask.distributed package.*python3-distributed.*pip install"):
        DaskExecutor("tcp://127.0.0.1:8786").start("job", None, lambda *_: None)


def test_a_worker_with_a_gdal_older_than_the_floor_is_refused_by_name():
    from cogport.plugin.core.archive.cluster import ClusterError, ClusterReport, WorkerInfo, check_workers

    report = ClusterReport(
        "tcp://scheduler:8786",
        "",
        (
            WorkerInfo("tcp://10.0.0.1:4000", 4, 2**34, "3.11.2", "3.6.2", 3060200),
            WorkerInfo("tcp://10.0.0.2:4000", 4, 2**34, "3.10.6", "3.4.1", 3040100),
        ),
    )
    with pytest.raises(
        ClusterError, match=r"1 of 2 Dask workers have GDAL older than 3.6 \(tcp://10.0.0.2:4000: GDAL 3.4.1\)"
    ):
        check_workers(report)
    check_workers(ClusterReport("tcp://scheduler:8786", "", report.workers[:1]))
    assert report.summary == "2 workers, 8 threads, 32.0 GiB"


def test_earth_engine_assets_are_registered_once_each_for_the_published_cogs(fake_gcs, fake_earthengine, tmp_path):
    from cogport.plugin.core.archive.registration import EarthEngineRegistrar
    from cogport.plugin.core.services.earthengine import (
        EarthEngineClient,
        EarthEngineConnection,
        EarthEngineCredentials,
    )
    from cogport.plugin.core.storage.uri import parse_location

    fake_gcs.bearer_tokens = {"ee-test-token"}
    fake_gcs.add_bucket("cogs-us")
    fake_gcs.configure_gdal("cogs-us")  # no connection: GDAL's own settings for the bucket
    connection = EarthEngineConnection(
        project="ee-demo-project", api_url=fake_earthengine.url, gcs_api_url=fake_gcs.url
    )
    registrar = EarthEngineRegistrar(
        EarthEngineClient(connection, EarthEngineCredentials.from_token("ee-test-token")),
        "projects/ee-demo-project/assets/archive",
    )
    scenes = make_scenes(tmp_path / "in", 2)
    job = ArchiveJob(tuple(str(s) for s in scenes), parse_location("gs://cogs-us/cogs/"), profile="earthengine")
    summary = run_archive(job, str(tmp_path / "job.jsonl"), LocalExecutor(2), registrar)
    assert [r.registered for r in summary.records] == [
        "projects/ee-demo-project/assets/archive/scene_000",
        "projects/ee-demo-project/assets/archive/scene_001",
    ], summary.failed[:1]
    assert sorted(fake_earthengine.assets) == [r.registered for r in summary.records]
    again = run_archive(job, str(tmp_path / "job.jsonl"), LocalExecutor(2), registrar)
    assert again.already_done == 2 and len(fake_earthengine.import_requests()) == 2
