"""Remote validation against the real local Swift server: header-only reads, and clear storage errors."""

from __future__ import annotations

import dataclasses

import pytest
from osgeo import gdal
from osgeo_utils.samples import validate_cloud_optimized_geotiff as gdal_validator

from cogport.plugin.core.cog.validate import validate_cog
from cogport.plugin.core.errors import AuthenticationError, NetworkError, NotFoundError
from cogport.plugin.core.storage.gdal_config import SCOPED_OPTIONS
from cogport.plugin.core.storage.uri import parse_location
from cogport.tests.support.counting_proxy import CountingProxy
from cogport.tests.support.objectstore import free_port
from cogport.tests.support.stores import create_bucket, put_file, s3_connection, swift_connection
from cogport.tests.support.tiff_corpus import cog, source

TARGET = 100 * 1024


def configure_s3(server, bucket: str, endpoint: str, secret: str = "") -> None:
    """Scopes a local-S3 connection to the bucket exactly as the plugin does, at `endpoint`."""
    connection, credentials = s3_connection(server, secret=secret)
    connection = dataclasses.replace(connection, endpoint=endpoint)
    SCOPED_OPTIONS.apply(connection, credentials, bucket)


@pytest.fixture
def proxy(objectstore):
    with CountingProxy(objectstore.endpoint) as running:
        yield running


@pytest.fixture
def remote_cogs(objectstore, proxy, bucket_name, tmp_path):
    """Two uncompressed COGs about 10x apart in size, in a bucket reached through the counting proxy."""
    configure_s3(objectstore, bucket_name, proxy.endpoint)
    gdal.Mkdir(f"/vsis3/{bucket_name}", 0)
    paths = {}
    for name, side in (("small.tif", 1400), ("large.tif", 4400)):
        local = tmp_path / name
        cog(local, source(side, side), "COMPRESS=NONE")
        put_file(parse_location(f"/vsis3/{bucket_name}/{name}"), local)
        paths[name] = (f"/vsis3/{bucket_name}/{name}", local.stat().st_size)
    return paths


def test_remote_validation_reads_the_same_few_bytes_whatever_the_file_size(remote_cogs, proxy, bucket_name):
    measured = {}
    for name, (path, size) in remote_cogs.items():
        gdal.VSICurlClearCache()
        proxy.counter.reset()
        report = validate_cog(path)
        assert report.valid and report.findings == []
        measured[name] = (report.bytes_read, proxy.counter.body_bytes, size)
    (small_own, small_net, small_size), (large_own, large_net, large_size) = (
        measured["small.tif"],
        measured["large.tif"],
    )
    assert large_size > 8 * small_size
    assert small_own == large_own <= TARGET
    assert small_net == large_net <= TARGET


def test_remote_generic_result_agrees_with_gdals_validator(remote_cogs):
    path, _size = remote_cogs["large.tif"]
    _warnings, errors, _ = gdal_validator.validate(path)
    assert validate_cog(path).valid == (not errors)


def test_s3_uri_is_read_through_vsis3_and_earthengine_wants_gcs(remote_cogs, bucket_name):
    report = validate_cog(f"s3://{bucket_name}/small.tif", "earthengine")
    assert report.codes("error") == ["URI_NOT_GCS"] and set(report.codes()) == {"URI_NOT_GCS", "NOT_COMPRESSED"}
    assert f"s3://{bucket_name}/small.tif" in report.findings[0].message
    assert "gs://" in report.findings[0].fix


def test_swift_paths_validate_too(objectstore, bucket_name, tmp_path):
    location = create_bucket(*swift_connection(objectstore), bucket_name)
    local = tmp_path / "striped.tif"
    gdal.Translate(str(local), source(1500, 1100), format="GTiff")
    put_file(location.child("striped.tif"), local)
    report = validate_cog(f"{location.vsi_path}/striped.tif")
    assert report.valid is False and "NOT_TILED" in report.codes("error")


def test_wrong_credentials_give_an_authentication_error_without_the_secret(
    objectstore, remote_cogs, proxy, bucket_name
):
    configure_s3(objectstore, bucket_name, proxy.endpoint, secret="not-the-secret-123")
    with pytest.raises(AuthenticationError) as caught:
        validate_cog(f"/vsis3/{bucket_name}/small.tif")
    message = caught.value.user_message
    assert "refused" in message and "access key" in message
    assert "not-the-secret-123" not in message + caught.value.detail


def test_missing_bucket_and_missing_object_are_told_apart(objectstore, remote_cogs, proxy, bucket_name):
    with pytest.raises(NotFoundError, match="object 'absent.tif' does not exist in bucket"):
        validate_cog(f"/vsis3/{bucket_name}/absent.tif")
    configure_s3(objectstore, "no-such-bucket-x", proxy.endpoint)
    with pytest.raises(NotFoundError, match="bucket 'no-such-bucket-x' does not exist"):
        validate_cog("s3://no-such-bucket-x/a.tif")


def test_unreachable_server_gives_a_network_error(objectstore, bucket_name):
    configure_s3(objectstore, bucket_name, f"127.0.0.1:{free_port()}")
    gdal.SetPathSpecificOption(f"/vsis3/{bucket_name}", "GDAL_HTTP_MAX_RETRY", "0")
    with pytest.raises(NetworkError, match="could not be reached"):
        validate_cog(f"/vsis3/{bucket_name}/a.tif")


def test_gcs_objects_pass_the_earthengine_location_rule(fake_gcs, tmp_path):
    fake_gcs.add_bucket("ee-cogs")
    local = tmp_path / "band.tif"
    cog(local, source(600, 600), "COMPRESS=DEFLATE")
    fake_gcs.put_file("ee-cogs", "scene/band.tif", str(local))
    fake_gcs.configure_gdal("ee-cogs")
    report = validate_cog("gs://ee-cogs/scene/band.tif", "earthengine")
    assert report.valid and report.findings == []
    assert report.path == "gs://ee-cogs/scene/band.tif"
