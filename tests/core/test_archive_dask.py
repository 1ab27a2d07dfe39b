"""Publishing an archive on a real Dask cluster (scheduler and worker processes on 127.0.0.1) against the
real object store: byte-equal outputs, a killed worker, a re-run, cancel, and clusters that cannot serve."""

from __future__ import annotations

import os
import signal
import textwrap
import urllib.error
import urllib.request

import pytest
from distributed import Client

from cogport.plugin.core.archive.cluster import ClusterError, DaskExecutor, probe_cluster
from cogport.plugin.core.archive.engine import ArchiveJob, run_archive
from cogport.plugin.core.archive.manifest import ItemState
from cogport.plugin.core.progress import Progress
from cogport.plugin.core.storage.gdal_config import forget_cached
from cogport.plugin.core.storage.probe import s3_api_for
from cogport.tests.support.archive import (
    dask_process,
    final_states,
    local_cluster,
    local_conversions,
    make_scenes,
    pending_uploads,
)
from cogport.tests.support.objectstore import free_port
from cogport.tests.support.stores import create_bucket, read_object, s3_connection


@pytest.fixture(scope="module")
def cluster():
    with local_cluster() as running:
        yield running


@pytest.fixture
def target(objectstore, bucket_name):
    connection, credentials = s3_connection(objectstore)
    root = create_bucket(connection, credentials, bucket_name)
    return connection, credentials, root


def job_for(target, inputs) -> ArchiveJob:
    connection, credentials, root = target
    return ArchiveJob(tuple(inputs), root.child("cogs/"), connection, credentials)


def stored(root) -> dict:
    from osgeo import gdal

    forget_cached(root.bucket_prefix)
    keys = sorted(gdal.ReadDirRecursive(root.vsi_path) or [])
    return {key: read_object(root.child(key).vsi_path) for key in keys if not key.endswith("/")}


def test_fifty_scenes_on_two_workers_equal_a_local_conversion_and_a_rerun_does_nothing(cluster, target, tmp_path):
    scenes = make_scenes(tmp_path / "in", 50)
    expected = {f"cogs/{name}": data for name, data in local_conversions(scenes, tmp_path / "local").items()}
    manifest = tmp_path / "job.jsonl"
    steps = []
    summary = run_archive(
        job_for(target, [str(tmp_path / "in")]),
        str(manifest),
        DaskExecutor(cluster.scheduler_address),
        on_step=lambda source, step, fraction: steps.append(step),
    )
    assert summary.count(ItemState.UPLOADED) == 50, summary.failed[:1]
    assert stored(target[2]) == expected
    assert {record.worker for record in summary.records} == set(cluster.scheduler_info["workers"])
    assert "2 workers, 2 threads" in summary.where and summary.dashboard.startswith("http://127.0.0.1:")
    assert {"validating", "converting", "uploading"} <= set(steps)  # as the workers reported them

    again = run_archive(job_for(target, [str(tmp_path / "in")]), str(manifest), DaskExecutor(cluster.scheduler_address))
    assert again.already_done == 50
    assert set(final_states(manifest).values()) == {"uploaded"}


def test_workers_run_the_core_the_job_shipped(cluster):
    with Client(cluster, set_as_default=False) as client:
        probe_cluster(cluster.scheduler_address)
        files = client.run(lambda: __import__("cogport.plugin.core.archive.item", fromlist=["x"]).__file__)
    assert all("cogport_core_" in path and ".zip" in path for path in files.values()), files


def test_a_worker_killed_mid_job_has_its_items_retried_elsewhere(target, tmp_path):
    scenes = make_scenes(tmp_path / "in", 16)
    expected = {f"cogs/{name}": data for name, data in local_conversions(scenes, tmp_path / "local").items()}
    manifest = tmp_path / "job.jsonl"
    killed = {}
    with local_cluster() as running, Client(running, set_as_default=False) as client:

        def kill_a_busy_worker(record):
            if killed or sum(1 for state in final_states(manifest).values() if state == "uploaded") < 3:
                return
            pids = client.run(os.getpid)
            busy = {address: keys for address, keys in client.processing().items() if keys}
            address = sorted(busy)[0]
            killed.update(address=address, keys=set(busy[address]))
            os.kill(pids[address], signal.SIGKILL)

        summary = run_archive(
            job_for(target, [str(s) for s in scenes]),
            str(manifest),
            DaskExecutor(running.scheduler_address),
            on_item=kill_a_busy_worker,
        )
    assert killed["keys"]
    assert summary.count(ItemState.UPLOADED) == 16, summary.failed[:1]
    retried = [summary.records[int(key.rsplit("-", 1)[1])] for key in killed["keys"]]
    assert all(record.worker != killed["address"] for record in retried)
    assert stored(target[2]) == expected  # every object complete, nothing partial or extra
    assert pending_uploads(*target[:2], target[2].bucket) == []
    assert set(final_states(manifest).values()) == {"uploaded"}


def test_cancel_on_the_cluster_leaves_only_finished_objects_and_a_rerun_completes(cluster, target, tmp_path):
    scenes = make_scenes(tmp_path / "in", 20)
    manifest = tmp_path / "job.jsonl"
    progress = Progress()

    def cancel_after_three(record):
        if sum(1 for state in final_states(manifest).values() if state == "uploaded") >= 3:
            progress.cancel()

    summary = run_archive(
        job_for(target, [str(s) for s in scenes]),
        str(manifest),
        DaskExecutor(cluster.scheduler_address),
        progress=progress,
        on_item=cancel_after_three,
    )
    assert summary.cancelled
    uploaded = {record.key for record in summary.records if record.state is ItemState.UPLOADED}
    assert 3 <= len(uploaded) < 20
    assert set(stored(target[2])) == uploaded
    assert pending_uploads(*target[:2], target[2].bucket) == []
    rest = run_archive(
        job_for(target, [str(s) for s in scenes]), str(manifest), DaskExecutor(cluster.scheduler_address)
    )
    assert rest.count(ItemState.UPLOADED) == 20 and rest.already_done == len(uploaded)


def test_a_multipart_upload_left_pending_by_an_interrupted_run_is_aborted(cluster, target, tmp_path):
    connection, credentials, root = target
    scenes = make_scenes(tmp_path / "in", 2)
    api = s3_api_for(connection, credentials)
    started = api.send("POST", root.bucket, "cogs/scene_001.tif", query={"uploads": ""})
    assert started.status_code == 200
    assert [u.key for u in pending_uploads(connection, credentials, root.bucket)] == ["cogs/scene_001.tif"]
    run_archive(
        job_for(target, [str(s) for s in scenes]), str(tmp_path / "job.jsonl"), DaskExecutor(cluster.scheduler_address)
    )
    assert pending_uploads(connection, credentials, root.bucket) == []


def test_no_secret_reaches_task_keys_the_dashboard_logs_or_the_manifest(cluster, target, tmp_path):
    connection, credentials, root = target
    make_scenes(tmp_path / "in", 4)
    (tmp_path / "in" / "scene_002.tif").write_bytes(b"II*\x00" + b"\x00broken" * 30)  # a failure gets logged
    manifest = tmp_path / "job.jsonl"
    seen, during = [], {}

    def _scoped_secret(prefix: str):  # nested, so Dask sends it by value: workers have no Cogport tests
        from osgeo import gdal

        return gdal.GetPathSpecificOption(prefix, "AWS_SECRET_ACCESS_KEY", None)

    with Client(cluster, set_as_default=False) as client:
        link = client.dashboard_link.rsplit("/", 1)[0]

        def snapshot(record):
            tasks = client.run_on_scheduler(
                lambda dask_scheduler: {key: repr(ts.run_spec) for key, ts in dask_scheduler.tasks.items()}
            )
            seen.append(repr(tasks))
            for key in tasks:
                seen.append(_page(f"{link}/info/task/{key}.html"))
            seen.append(_page(f"{link}/info/main/workers.html"))
            during.update(client.run(_scoped_secret, root.bucket_prefix))

        summary = run_archive(
            job_for(target, [str(tmp_path / "in")]),
            str(manifest),
            DaskExecutor(cluster.scheduler_address),
            on_item=snapshot,
        )
        assert summary.count(ItemState.FAILED) == 1 and summary.count(ItemState.UPLOADED) == 3
        seen.append(repr(client.get_worker_logs()))
        seen.append(repr(client.get_scheduler_logs()))
        seen.append(repr(client.get_events()))
        for address in client.scheduler_info()["workers"]:
            seen.append(_page(f"{link}/info/logs/{address.replace('/', '%2F')}.html"))
        credentials_left = client.run(
            lambda: sorted(__import__("cogport.plugin.core.archive.on_worker", fromlist=["x"])._job_credentials)
        )
        gdal_left = client.run(_scoped_secret, root.bucket_prefix)
    seen.append(manifest.read_text())
    text = "\n".join(seen)
    assert "scene_002.tif" in text  # the snapshots did capture the job
    assert credentials.secret not in text
    assert all(jobs == [] for jobs in credentials_left.values())  # dropped from the workers at the end
    assert credentials.secret in during.values()  # the workers held the key, path-specific, during the job…
    assert set(gdal_left.values()) == {None}  # … and no longer after it


def _page(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            return answer.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        assert error.code == 404, url  # a task finished and was forgotten between listing and fetching its page
        return ""


def test_a_wrong_scheduler_address_says_what_to_check(target, tmp_path):
    scenes = make_scenes(tmp_path / "in", 1)
    address = f"tcp://127.0.0.1:{free_port()}"
    with pytest.raises(ClusterError, match=f"Could not reach the Dask scheduler at {address}.*scheduler is running"):
        run_archive(job_for(target, [str(scenes[0])]), str(tmp_path / "job.jsonl"), DaskExecutor(address, 2.0))
    with pytest.raises(ClusterError, match="'127.0.0.1:8786' is not a Dask scheduler address.*tcp://host:8786"):
        probe_cluster("127.0.0.1:8786")


def test_workers_without_gdal_are_refused_before_any_item_runs(target, tmp_path):
    preload = tmp_path / "no_gdal.py"
    preload.write_text(
        textwrap.dedent("""
        import sys
        sys.modules["osgeo"] = None  # this worker's Python cannot import GDAL
    """)
    )
    scenes = make_scenes(tmp_path / "in", 1)
    with (
        local_cluster(1, preload=[str(preload)]) as running,
        pytest.raises(ClusterError, match="1 of 1 Dask workers cannot run GDAL .*python3-gdal"),
    ):
        run_archive(
            job_for(target, [str(scenes[0])]), str(tmp_path / "job.jsonl"), DaskExecutor(running.scheduler_address)
        )
    assert stored(target[2]) == {}
    assert final_states(tmp_path / "job.jsonl") == {}


def test_the_scheduler_gone_mid_job_stops_with_a_clear_message_and_a_rerun_resumes(target, tmp_path):
    scenes = make_scenes(tmp_path / "in", 12)
    manifest = tmp_path / "job.jsonl"
    address = f"tcp://127.0.0.1:{free_port()}"
    scheduler = dask_process(
        "distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1], "--no-dashboard"
    )
    worker = dask_process(
        "distributed.cli.dask_worker", address, "--nthreads", "1", "--host", "127.0.0.1", "--no-dashboard"
    )
    try:

        def stop_the_scheduler(record):
            if scheduler.poll() is None:
                os.killpg(scheduler.pid, signal.SIGKILL)
                scheduler.wait()

        with pytest.raises(
            ClusterError, match=f"scheduler at {address} stopped answering.*items done so far are in the manifest"
        ):
            run_archive(
                job_for(target, [str(s) for s in scenes]),
                str(manifest),
                DaskExecutor(address, connect_timeout=30, worker_timeout=30),
                on_item=stop_the_scheduler,
            )
    finally:
        for process in (scheduler, worker):
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    done_before = [name for name, state in final_states(manifest).items() if state == "uploaded"]
    assert 1 <= len(done_before) < 12
    rest = run_archive(job_for(target, [str(s) for s in scenes]), str(manifest))
    assert rest.count(ItemState.UPLOADED) == 12 and rest.already_done == len(done_before)
    assert pending_uploads(*target[:2], target[2].bucket) == []


def test_a_job_stopped_by_an_error_on_this_side_still_takes_its_credentials_off_the_workers(cluster, target, tmp_path):
    scenes = make_scenes(tmp_path / "in", 6)

    def stop(record):
        raise RuntimeError("the driver's callback broke")

    with pytest.raises(RuntimeError, match="callback broke"):
        run_archive(
            job_for(target, [str(s) for s in scenes]),
            str(tmp_path / "job.jsonl"),
            DaskExecutor(cluster.scheduler_address),
            on_item=stop,
        )

    def held(prefix: str):  # nested, so Dask sends it by value
        from osgeo import gdal

        from cogport.plugin.core.archive import on_worker

        return sorted(on_worker._job_credentials), gdal.GetPathSpecificOption(prefix, "AWS_SECRET_ACCESS_KEY", None)

    with Client(cluster, set_as_default=False) as client:
        assert set(map(repr, client.run(held, target[2].bucket_prefix).values())) == {repr(([], None))}
