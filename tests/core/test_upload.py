"""Uploads against the real local Swift server (S3 and Swift APIs), through a fault-injecting proxy, and fake GCS."""

from __future__ import annotations

import os
import types
from pathlib import Path

import pytest
import requests

from cogport.plugin.core.errors import (
    AuthenticationError,
    CancelledError,
    CogportError,
    NotFoundError,
    StorageError,
)
from cogport.plugin.core.progress import Progress
from cogport.plugin.core.storage.connection import AuthMode, Credentials, StorageConnection, StoreKind
from cogport.plugin.core.storage.probe import s3_api_for
from cogport.plugin.core.storage.transfer import IntegrityError, MiB, TransferStatus, multipart_etag
from cogport.plugin.core.storage.upload import (
    IfExists,
    UploadOptions,
    check_destination,
    free_name,
    object_exists,
    resolve_destination,
    upload_file,
)
from cogport.plugin.core.storage.uri import ObjectLocation
from cogport.tests.support.fault_proxy import FaultProxy, is_part_upload
from cogport.tests.support.objectstore import TEST
from cogport.tests.support.stores import (
    create_bucket,
    put_bytes,
    read_object,
    s3_connection,
    swift_connection,
    use_gdal_settings,
)

APIS = {"s3": s3_connection, "swift": swift_connection}
SMALL_PARTS = UploadOptions(
    part_size=5 * MiB, concurrency=3, swift_segment_threshold=1 * MiB, swift_segment_size=1 * MiB
)


@pytest.fixture(params=sorted(APIS))
def api(request):
    return APIS[request.param]


@pytest.fixture
def proxy(objectstore):
    fault_proxy = FaultProxy(objectstore.endpoint).start()
    yield fault_proxy
    fault_proxy.stop()


def via(proxy: FaultProxy):
    """A server-like object whose addresses are the proxy's."""
    return types.SimpleNamespace(endpoint=proxy.endpoint, auth_v1_url=f"http://{proxy.endpoint}/auth/v1.0")


def random_file(tmp_path: Path, size: int, name: str = "scene.tif") -> Path:
    path = tmp_path / name
    path.write_bytes(os.urandom(size))
    return path


def swift_listing(objectstore, container: str) -> list:
    response = requests.get(
        f"{objectstore.storage_url(TEST)}/{container}",
        params={"format": "json"},
        headers={"X-Auth-Token": objectstore.auth_token(TEST)},
        timeout=30,
    )
    return [] if response.status_code in (204, 404) else [item["name"] for item in response.json()]


def cancelling_progress(after_fraction: float):
    seen = []
    progress = Progress(on_fraction=seen.append, is_cancelled=lambda: bool(seen) and seen[-1] >= after_fraction)
    return progress, seen


# ----- round trips -------------------------------------------------------------------------------


def test_round_trip_is_byte_for_byte_and_reports_bytes_rate_and_time_left(objectstore, bucket_name, api, tmp_path):
    connection, credentials = api(objectstore)
    create_bucket(connection, credentials, bucket_name)
    source = random_file(tmp_path, 3 * MiB + 17)
    statuses, messages, fractions = [], [], []
    progress = Progress(on_fraction=fractions.append, on_message=messages.append)
    result = upload_file(
        str(source),
        f"/{connection.handler}/{bucket_name}/cogs/",
        connection,
        credentials,
        progress=progress,
        on_status=statuses.append,
    )
    assert result.uri == f"{'s3' if api is s3_connection else 'swift'}://{bucket_name}/cogs/scene.tif"
    assert read_object(result.location.vsi_path) == source.read_bytes()
    assert result.size == source.stat().st_size and result.parts == 1 and not result.skipped
    assert fractions[-1] == pytest.approx(1.0)
    assert isinstance(statuses[-1], TransferStatus) and statuses[-1].sent == result.size
    assert messages[-1].startswith("Uploading scene.tif: 3.0 MB of 3.0 MB") and "/s" in messages[-1]


def test_s3_multipart_sends_parts_in_parallel_and_checks_the_multipart_etag(objectstore, bucket_name, proxy, tmp_path):
    connection, credentials = s3_connection(via(proxy))
    create_bucket(connection, credentials, bucket_name)
    source = random_file(tmp_path, 16 * MiB + 5)
    result = upload_file(str(source), f"s3://{bucket_name}/big.tif", connection, credentials, options=SMALL_PARTS)
    assert result.parts == 4 and result.etag.endswith("-4")
    assert proxy.count(is_part_upload) == 4
    assert proxy.max_in_flight["part"] >= 2  # several parts were in flight at once
    assert read_object(result.location.vsi_path) == source.read_bytes()
    assert s3_api_for(connection, credentials).list_multipart_uploads(bucket_name) == []


def test_swift_above_the_threshold_becomes_a_static_large_object(objectstore, bucket_name, tmp_path):
    connection, credentials = swift_connection(objectstore)
    create_bucket(connection, credentials, bucket_name)
    source = random_file(tmp_path, 3 * MiB + 100)
    result = upload_file(str(source), f"/vsiswift/{bucket_name}/big.tif", connection, credentials, options=SMALL_PARTS)
    assert result.parts == 4
    assert read_object(result.location.vsi_path) == source.read_bytes()
    assert len(swift_listing(objectstore, f"{bucket_name}_segments")) == 4
    head = requests.head(
        f"{objectstore.storage_url(TEST)}/{bucket_name}/big.tif",
        headers={"X-Auth-Token": objectstore.auth_token(TEST)},
        timeout=30,
    )
    assert head.headers["X-Static-Large-Object"].lower() == "true"
    # Overwriting an SLO with a small file leaves no orphan segments behind.
    small = random_file(tmp_path, 1000, "small.tif")
    upload_file(
        str(small),
        f"/vsiswift/{bucket_name}/big.tif",
        connection,
        credentials,
        options=SMALL_PARTS,
        if_exists=IfExists.OVERWRITE,
    )
    assert read_object(result.location.vsi_path) == small.read_bytes()
    assert swift_listing(objectstore, f"{bucket_name}_segments") == []


# ----- cancel ------------------------------------------------------------------------------------


def test_cancel_mid_multipart_leaves_no_object_and_no_pending_upload(objectstore, bucket_name, tmp_path):
    connection, credentials = s3_connection(objectstore)
    create_bucket(connection, credentials, bucket_name)
    source = random_file(tmp_path, 21 * MiB)
    progress, fractions = cancelling_progress(0.3)
    with pytest.raises(CancelledError):
        upload_file(
            str(source), f"s3://{bucket_name}/big.tif", connection, credentials, options=SMALL_PARTS, progress=progress
        )
    assert 0.3 <= fractions[-1] < 1.0
    location = ObjectLocation("vsis3", bucket_name, "big.tif")
    assert not object_exists(location, connection, credentials)
    assert s3_api_for(connection, credentials).list_multipart_uploads(bucket_name) == []


@pytest.mark.parametrize("make", [s3_connection, swift_connection], ids=["s3", "swift"])
def test_a_cancel_after_the_last_byte_was_sent_reports_the_object_that_landed(objectstore, bucket_name, tmp_path, make):
    connection, credentials = make(objectstore)
    root = create_bucket(connection, credentials, bucket_name)
    source = random_file(tmp_path, 100 * 1024)  # one send slice: the status after it comes with every byte sent
    progress = Progress()
    result = upload_file(
        str(source),
        root.child("late.tif"),
        connection,
        credentials,
        progress=progress,
        on_status=lambda _s: progress.cancel(),
    )
    assert progress.cancelled and not result.skipped
    assert read_object(result.location.vsi_path) == source.read_bytes()


@pytest.mark.parametrize("size", [3 * MiB, 512 * 1024], ids=["slo", "single-put"])
def test_cancel_mid_swift_upload_leaves_no_object_and_no_segments(objectstore, bucket_name, tmp_path, size):
    connection, credentials = swift_connection(objectstore)
    create_bucket(connection, credentials, bucket_name)
    source = random_file(tmp_path, size)
    progress, _fractions = cancelling_progress(0.5)
    with pytest.raises(CancelledError):
        upload_file(
            str(source),
            f"/vsiswift/{bucket_name}/big.tif",
            connection,
            credentials,
            options=UploadOptions(swift_segment_threshold=1 * MiB, swift_segment_size=1 * MiB, concurrency=2),
            progress=progress,
        )
    assert swift_listing(objectstore, bucket_name) == []
    assert swift_listing(objectstore, f"{bucket_name}_segments") == []


# ----- transient and permanent failures ----------------------------------------------------------


def test_parts_cut_mid_upload_are_retried_and_the_upload_completes(objectstore, bucket_name, proxy, tmp_path):
    connection, credentials = s3_connection(via(proxy))
    create_bucket(connection, credentials, bucket_name)
    source = random_file(tmp_path, 11 * MiB)
    proxy.fail(is_part_upload, "reset", times=2)
    result = upload_file(str(source), f"s3://{bucket_name}/big.tif", connection, credentials, options=SMALL_PARTS)
    assert result.retries == 2 and proxy.count(is_part_upload) == 3 + 2
    assert read_object(result.location.vsi_path) == source.read_bytes()
    assert s3_api_for(connection, credentials).list_multipart_uploads(bucket_name) == []


def test_503_and_429_are_retried(objectstore, bucket_name, proxy, api, tmp_path):
    connection, credentials = api(via(proxy))
    create_bucket(connection, credentials, bucket_name)
    source = random_file(tmp_path, 200_000)

    def object_put(seen):
        return seen.method == "PUT" and seen.path.endswith("/scene.tif")

    proxy.fail(object_put, "503")
    proxy.fail(object_put, "429", headers={"Retry-After": "0"})
    result = upload_file(str(source), f"/{connection.handler}/{bucket_name}/scene.tif", connection, credentials)
    assert result.retries == 2 and proxy.count(object_put) == 3
    assert read_object(result.location.vsi_path) == source.read_bytes()


def test_swift_connection_reset_is_retried(objectstore, bucket_name, proxy, tmp_path):
    connection, credentials = swift_connection(via(proxy))
    create_bucket(connection, credentials, bucket_name)
    source = random_file(tmp_path, 2 * MiB)
    proxy.fail(lambda seen: seen.method == "PUT" and seen.path.endswith("/scene.tif"), "reset")
    result = upload_file(str(source), f"/vsiswift/{bucket_name}/scene.tif", connection, credentials)
    assert result.retries == 1
    assert read_object(result.location.vsi_path) == source.read_bytes()


def test_wrong_secret_fails_at_once_saying_to_check_the_key(objectstore, bucket_name, proxy, api, tmp_path):
    good, credentials = api(objectstore)
    create_bucket(good, credentials, bucket_name)
    connection, wrong = api(via(proxy), secret="not-the-key")
    with pytest.raises(AuthenticationError) as info:
        upload_file(
            str(random_file(tmp_path, 1000)),
            f"/{connection.handler}/{bucket_name}/x.tif",
            connection,
            wrong,
            if_exists=IfExists.OVERWRITE,
        )
    assert "key" in info.value.check and "not-the-key" not in str(info.value)
    assert proxy.count(lambda seen: seen.method == "PUT") <= 1  # no retries of a permanent failure


def test_missing_bucket_says_it_does_not_exist(objectstore, api, tmp_path):
    connection, credentials = api(objectstore)
    with pytest.raises(NotFoundError) as info:
        upload_file(
            str(random_file(tmp_path, 1000)), f"/{connection.handler}/no-such-bucket-up/x.tif", connection, credentials
        )
    assert "does not exist" in str(info.value) and "no-such-bucket-up" in str(info.value)


def test_the_destination_is_checked_before_any_file(objectstore, bucket_name, api):
    connection, credentials = api(objectstore)
    create_bucket(connection, credentials, bucket_name)
    check_destination(ObjectLocation(connection.handler, bucket_name, "pub/"), connection, credentials)
    with pytest.raises(NotFoundError) as info:
        check_destination(ObjectLocation(connection.handler, "no-such-bucket-check", "pub/"), connection, credentials)
    assert "does not exist" in str(info.value) and "no-such-bucket-check" in str(info.value)


def test_the_destination_is_checked_with_gdal_settings_too(objectstore, bucket_name):
    connection, credentials = s3_connection(objectstore)
    create_bucket(connection, credentials, bucket_name)
    use_gdal_settings(connection, credentials, bucket_name)  # the bucket's GDAL options, as a user would set them
    check_destination(ObjectLocation("vsis3", bucket_name, "pub/"))
    use_gdal_settings(connection, credentials, "no-such-bucket-gdal")  # the same server, a missing bucket
    with pytest.raises(NotFoundError) as info:
        check_destination(ObjectLocation("vsis3", "no-such-bucket-gdal", "pub/"))
    assert "'no-such-bucket-gdal' does not exist or cannot be reached" in str(info.value)


# ----- integrity ---------------------------------------------------------------------------------


def test_a_part_checksum_mismatch_is_an_error_and_aborts(objectstore, bucket_name, proxy, tmp_path):
    connection, credentials = s3_connection(via(proxy))
    create_bucket(connection, credentials, bucket_name)
    proxy.fail(is_part_upload, "etag")
    with pytest.raises(IntegrityError) as info:
        upload_file(
            str(random_file(tmp_path, 11 * MiB)),
            f"s3://{bucket_name}/big.tif",
            connection,
            credentials,
            options=SMALL_PARTS,
        )
    assert "checksum" in str(info.value)
    assert not object_exists(ObjectLocation("vsis3", bucket_name, "big.tif"), connection, credentials)
    assert s3_api_for(connection, credentials).list_multipart_uploads(bucket_name) == []


def test_a_stored_object_whose_etag_differs_is_an_error(objectstore, bucket_name, proxy, api, tmp_path):
    connection, credentials = api(via(proxy))
    create_bucket(connection, credentials, bucket_name)
    proxy.fail(lambda seen: seen.method == "HEAD" and seen.path.endswith("/x.tif"), "etag", times=5)
    with pytest.raises(IntegrityError):
        upload_file(
            str(random_file(tmp_path, 1000)),
            f"/{connection.handler}/{bucket_name}/x.tif",
            connection,
            credentials,
            if_exists=IfExists.OVERWRITE,
        )


def test_multipart_etag_rule():
    import hashlib

    parts = [hashlib.md5(b"a").digest(), hashlib.md5(b"b").digest()]
    assert multipart_etag(parts) == hashlib.md5(parts[0] + parts[1]).hexdigest() + "-2"


# ----- existing keys -----------------------------------------------------------------------------


def test_existing_key_policies(objectstore, bucket_name, api, tmp_path):
    connection, credentials = api(objectstore)
    root = create_bucket(connection, credentials, bucket_name)
    target = root.child("cogs/scene.tif")
    put_bytes(target, b"old bytes")
    source = random_file(tmp_path, 1000)
    with pytest.raises(StorageError) as info:
        upload_file(str(source), target, connection, credentials)
    assert "already exists" in str(info.value) and "OVERWRITE" in str(info.value)
    skipped = upload_file(str(source), target, connection, credentials, if_exists=IfExists.SKIP)
    assert skipped.skipped and read_object(target.vsi_path) == b"old bytes"
    first = upload_file(str(source), target, connection, credentials, if_exists=IfExists.RENAME)
    second = upload_file(str(source), target, connection, credentials, if_exists=IfExists.RENAME)
    assert (first.location.key, second.location.key) == ("cogs/scene_1.tif", "cogs/scene_2.tif")
    assert read_object(target.vsi_path) == b"old bytes" and read_object(second.location.vsi_path) == source.read_bytes()
    replaced = upload_file(str(source), target, connection, credentials, if_exists=IfExists.OVERWRITE)
    assert replaced.location == target and read_object(target.vsi_path) == source.read_bytes()


def test_destination_forms():
    assert resolve_destination("/tmp/a.tif", "s3://b/dir/").key == "dir/a.tif"
    assert resolve_destination("/tmp/a.tif", "/vsiswift/c").key == "a.tif"
    assert resolve_destination("/tmp/a.tif", "gs://b/x/y.tif").vsi_path == "/vsigs/b/x/y.tif"
    taken = {"d/n.tif", "d/n_1.tif"}
    renamed = free_name(ObjectLocation("vsis3", "b", "d/n.tif"), lambda loc: loc.key in taken)
    assert renamed.key == "d/n_2.tif"
    assert free_name(ObjectLocation("vsis3", "b", "README"), lambda loc: False).key == "README_1"


# ----- GDAL's own credentials and GCS ------------------------------------------------------------


def test_without_a_connection_gdal_configured_credentials_apply(objectstore, bucket_name, tmp_path):
    connection, credentials = s3_connection(objectstore)
    create_bucket(connection, credentials, bucket_name)
    use_gdal_settings(connection, credentials, bucket_name)
    source = random_file(tmp_path, 11 * MiB)
    result = upload_file(str(source), f"/vsis3/{bucket_name}/gdal.tif", options=SMALL_PARTS)
    assert result.etag.endswith("-3") and read_object(result.location.vsi_path) == source.read_bytes()
    progress, _ = cancelling_progress(0.5)
    with pytest.raises(CancelledError):
        upload_file(str(source), f"/vsis3/{bucket_name}/cancelled.tif", options=SMALL_PARTS, progress=progress)
    assert not object_exists(ObjectLocation("vsis3", bucket_name, "cancelled.tif"))
    assert s3_api_for(connection, credentials).list_multipart_uploads(bucket_name) == []


@pytest.fixture
def gcs(fake_gcs):
    fake_gcs.hmac_keys = {"GOOGTESTKEY": "gcs-secret"}
    fake_gcs.add_bucket("cogs-gcs")
    host = fake_gcs.url.split("://", 1)[1].rstrip("/")
    connection = StorageConnection(name="Fake GCS", kind=StoreKind.GCS, auth=AuthMode.KEYS, endpoint=host, https=False)
    return fake_gcs, connection


def test_gcs_round_trip_with_md5_check(gcs, tmp_path):
    fake, connection = gcs
    source = random_file(tmp_path, 2 * MiB + 3)
    result = upload_file(str(source), "gs://cogs-gcs/cogs/", connection, Credentials("GOOGTESTKEY", "gcs-secret"))
    stored = fake.get_object("cogs-gcs", "cogs/scene.tif")
    assert stored is not None and stored.data == source.read_bytes() and result.etag == stored.etag


def test_gcs_cancel_stores_nothing(gcs, tmp_path):
    fake, connection = gcs
    progress, _ = cancelling_progress(0.5)
    with pytest.raises(CancelledError):
        upload_file(
            str(random_file(tmp_path, 3 * MiB)),
            "gs://cogs-gcs/x.tif",
            connection,
            Credentials("GOOGTESTKEY", "gcs-secret"),
            progress=progress,
        )
    assert fake.get_object("cogs-gcs", "x.tif") is None
    assert fake.requests_to("/cogs-gcs/x.tif", "PUT") == []


def test_gcs_wrong_secret_says_to_check_the_key(gcs, tmp_path):
    _fake, connection = gcs
    with pytest.raises(AuthenticationError) as info:
        upload_file(
            str(random_file(tmp_path, 1000)),
            "gs://cogs-gcs/x.tif",
            connection,
            Credentials("GOOGTESTKEY", "wrong"),
            if_exists=IfExists.OVERWRITE,
        )
    assert "secret" in info.value.check and "wrong" not in str(info.value)


def test_an_expired_swift_token_is_renewed_once(objectstore, bucket_name, proxy, tmp_path):
    connection, credentials = swift_connection(via(proxy))
    create_bucket(connection, credentials, bucket_name)
    proxy.fail(lambda seen: seen.method == "PUT" and seen.path.endswith("/scene.tif"), "401")
    source = random_file(tmp_path, 100_000)
    logins_before = proxy.count(lambda seen: seen.path.startswith("/auth/"))
    result = upload_file(str(source), f"/vsiswift/{bucket_name}/scene.tif", connection, credentials)
    assert read_object(result.location.vsi_path) == source.read_bytes()
    logins = proxy.count(lambda seen: seen.path.startswith("/auth/")) - logins_before
    assert logins == 2  # the upload's login and one renewal after the 401


def test_wrong_key_without_a_connection_is_explained_from_the_stores_answer(objectstore, bucket_name, tmp_path):
    connection, credentials = s3_connection(objectstore)
    create_bucket(connection, credentials, bucket_name)
    wrong_connection, wrong = s3_connection(objectstore, secret="not-the-key")
    use_gdal_settings(wrong_connection, wrong, bucket_name)
    with pytest.raises(AuthenticationError) as info:
        upload_file(str(random_file(tmp_path, 1000)), f"/vsis3/{bucket_name}/x.tif", if_exists=IfExists.OVERWRITE)
    assert "credentials" in str(info.value) and "not-the-key" not in str(info.value)


def test_destination_of_another_store_kind_is_refused(objectstore, tmp_path):
    connection, credentials = s3_connection(objectstore)
    with pytest.raises(CogportError) as info:
        upload_file(str(random_file(tmp_path, 10)), "gs://bucket/x.tif", connection, credentials)
    assert "cannot be reached through connection 'Local S3'" in str(info.value)
