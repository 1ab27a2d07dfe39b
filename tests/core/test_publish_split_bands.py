"""Publishing with one COG per band, against the real object store: the whole tile, then its BYOC registration."""

from __future__ import annotations

import pytest
from osgeo import gdal

from cogport.plugin.core.cog.validate import validate_cog
from cogport.plugin.core.errors import CancelledError, StorageError
from cogport.plugin.core.progress import Progress
from cogport.plugin.core.publish import PublishSettings, Step, publish_file
from cogport.plugin.core.services.byoc import CREATED, ByocClient, ByocConnection, register_tiles
from cogport.plugin.core.services.byoc_tiles import bands_for_tile, group_tiles, preflight, tile_specs
from cogport.plugin.core.services.oauth import ClientCredentials
from cogport.plugin.core.storage.upload import IfExists
from cogport.tests.support.fake_byoc import FakeByocServer
from cogport.tests.support.stores import create_bucket, put_bytes, read_object, s3_connection, write_test_cog

BANDS = ("B01", "B02", "B03")


@pytest.fixture
def target(objectstore, bucket_name):
    connection, credentials = s3_connection(objectstore)
    root = create_bucket(connection, credentials, bucket_name)
    return connection, credentials, root.child("pub/")


@pytest.fixture
def scene(tmp_path):
    return write_test_cog(tmp_path / "scene.tif", 1100, 900, 3)


def split(folder, **options):
    return PublishSettings(folder, profile="byoc", split_bands=True, **options)


def stored_keys(folder):
    gdal.VSICurlClearCache()
    return sorted(f"pub/{name}" for name in gdal.ReadDir(folder.vsi_path.rstrip("/")) or [])


def test_every_band_file_is_uploaded_under_one_band_tile(target, scene):
    connection, credentials, folder = target
    steps = []
    outcome = publish_file(
        str(scene), split(folder), connection, credentials, on_step=lambda step, text: steps.append(step)
    )
    assert Step.CONVERTING in steps and steps[-1] is Step.DONE  # a valid COG is still split
    assert outcome.tile.template == "pub/scene_(BAND).tif"
    assert outcome.tile.files == {band: f"pub/scene_{band}.tif" for band in BANDS}
    assert outcome.uri == f"s3://{folder.bucket}/pub/scene_(BAND).tif"
    assert stored_keys(folder) == [f"pub/scene_{band}.tif" for band in BANDS]
    source = gdal.Open(str(scene))
    for number, band in enumerate(BANDS, 1):
        path = f"/vsis3/{folder.bucket}/pub/scene_{band}.tif"
        assert validate_cog(path, "byoc").valid
        stored = gdal.Open(path)
        assert stored.RasterCount == 1
        assert stored.GetRasterBand(1).Checksum() == source.GetRasterBand(number).Checksum()
    # The registration's own grouping of the bucket finds the same tile.
    assert [tile.template for tile in group_tiles(stored_keys(folder)).tiles] == [outcome.tile.template]


def test_the_band_tile_registers_in_byoc_with_its_band_files_checked(target, scene):
    connection, credentials, folder = target
    outcome = publish_file(str(scene), split(folder), connection, credentials)
    bucket = f"s3://{folder.bucket}"
    with FakeByocServer() as fake:
        byoc = ByocConnection.for_deployment(
            "test",
            "custom",
            ClientCredentials(fake.state.client_id, fake.state.client_secret),
            fake.base_url,
            fake.token_url,
        )
        client = ByocClient(byoc, sleep=lambda seconds: None)
        checks = preflight([outcome.tile], bucket, byoc, check_region=False)
        assert checks.ok and checks.files_checked == 3
        collection = client.create_collection("scenes", folder.bucket, bands=bands_for_tile(outcome.tile, bucket))
        assert sorted(collection.band_sources) == list(BANDS)
        summary = register_tiles(client, collection.id, tile_specs([outcome.tile], bucket))
        assert summary.count(CREATED) == 1
        assert [tile["path"] for tile in fake.tiles(collection.id)] == ["pub/scene_(BAND).tif"]


def test_an_existing_band_file_decides_for_the_whole_tile(target, scene):
    connection, credentials, folder = target
    put_bytes(folder.child("scene_B02.tif"), b"older")
    with pytest.raises(StorageError, match=r"Band files of .*scene_\(BAND\)\.tif already exist: pub/scene_B02\.tif"):
        publish_file(str(scene), split(folder), connection, credentials)
    assert stored_keys(folder) == ["pub/scene_B02.tif"]
    skipped = publish_file(str(scene), split(folder, if_exists=IfExists.SKIP), connection, credentials)
    assert skipped.step is Step.SKIPPED and stored_keys(folder) == ["pub/scene_B02.tif"]
    renamed = publish_file(str(scene), split(folder, if_exists=IfExists.RENAME), connection, credentials)
    assert renamed.tile.template == "pub/scene_(BAND)_1.tif"
    assert stored_keys(folder) == sorted([f"pub/scene_{band}_1.tif" for band in BANDS] + ["pub/scene_B02.tif"])
    assert read_object(f"/vsis3/{folder.bucket}/pub/scene_B02.tif") == b"older"
    publish_file(str(scene), split(folder, if_exists=IfExists.OVERWRITE), connection, credentials)
    assert validate_cog(f"/vsis3/{folder.bucket}/pub/scene_B02.tif", "byoc").valid


def test_a_tile_stopped_half_way_leaves_none_of_the_band_files_it_created(target, scene):
    connection, credentials, folder = target
    put_bytes(folder.child("scene_B01.tif"), b"older")  # overwritten, so not this run's to remove
    progress = Progress()

    def cancel_during_the_second_band(status):
        if status.name == "scene_B02.tif":
            progress.cancel()

    with pytest.raises(CancelledError):
        publish_file(
            str(scene),
            split(folder, if_exists=IfExists.OVERWRITE),
            connection,
            credentials,
            progress=progress,
            on_status=cancel_during_the_second_band,
        )
    assert stored_keys(folder) == ["pub/scene_B01.tif"]


def test_kept_band_copies_share_one_name(target, scene, tmp_path):
    connection, credentials, folder = target
    (tmp_path / "scene_cog_B02.tif").write_bytes(b"an earlier copy")
    outcome = publish_file(str(scene), split(folder, keep_converted=True), connection, credentials)
    assert outcome.converted == [str(tmp_path / f"scene_cog_1_{band}.tif") for band in BANDS]
    assert all(gdal.Open(path).RasterCount == 1 for path in outcome.converted)
