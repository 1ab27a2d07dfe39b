"""Connections, scoped credentials, listing and error messages against the real local Swift/S3 server."""

from __future__ import annotations

from dataclasses import replace

import pytest
from osgeo import gdal

from cogport.plugin.core import i18n
from cogport.plugin.core.errors import AuthenticationError, NetworkError, NotFoundError
from cogport.plugin.core.storage.connection import Credentials, StorageConnection, StoreKind
from cogport.plugin.core.storage.gdal_config import SCOPED_OPTIONS
from cogport.plugin.core.storage.listing import PrefixLister, PrefixSearch
from cogport.plugin.core.storage.probe import describe_connection, list_bucket_names
from cogport.plugin.core.storage.uri import ObjectLocation
from cogport.tests.support.objectstore import TEST2, free_port
from cogport.tests.support.stores import create_bucket, put_bytes, s3_connection, swift_connection

APIS = {"s3": s3_connection, "swift": swift_connection}


@pytest.fixture(params=sorted(APIS))
def api(request):
    return APIS[request.param]


def test_lists_buckets_including_new_one(objectstore, bucket_name, api):
    connection, credentials = api(objectstore)
    create_bucket(connection, credentials, bucket_name)
    assert bucket_name in list_bucket_names(connection, credentials)
    assert describe_connection(connection, credentials).startswith("Connected.")


def test_prefix_listing_is_paged_with_sizes_and_folders(objectstore, bucket_name, api):
    connection, credentials = api(objectstore)
    root = create_bucket(connection, credentials, bucket_name)
    for i in range(23):
        put_bytes(root.child(f"scenes/img{i:02d}.tif"), b"x" * (i + 1))
    put_bytes(root.child("scenes/sub/a.tif"), b"abc")
    put_bytes(root.child("other/b.txt"), b"b")
    lister = PrefixLister(connection, credentials, root.child("scenes/"), page_size=10)
    pages = [lister.next_page(), lister.next_page(), lister.next_page()]
    assert [len(p) for p in pages] == [10, 10, 4] and lister.exhausted
    entries = {e.name: e for page in pages for e in page}
    assert entries["img05.tif"].size == 6 and entries["img05.tif"].is_raster
    assert entries["sub"].is_prefix and entries["sub"].location.key == "scenes/sub/"
    assert entries["img05.tif"].location.vsi_path == f"/{connection.handler}/{bucket_name}/scenes/img05.tif"


def test_a_search_finds_names_at_any_depth_on_the_server_page_by_page(objectstore, bucket_name, api):
    connection, credentials = api(objectstore)
    root = create_bucket(connection, credentials, bucket_name)
    for key in ("dem/terrain_small.tif", "dem/terrain_large.tif", "top_small.tif", "deep/a/b/SMALL_x.tif"):
        put_bytes(root.child(key), b"x")
    for i in range(6):
        put_bytes(root.child(f"dem/noise{i}.tif"), b"x")
    search = PrefixSearch(connection, credentials, root, "small", page_size=2)
    first = search.next_page()
    assert len(first) == 2 and not search.exhausted
    found = first + search.next_page()
    while not search.exhausted:
        found += search.next_page()
    assert sorted(search.relative_name(e) for e in found) == [
        "deep/a/b/SMALL_x.tif",  # case ignored, three folders down
        "dem/terrain_small.tif",  # in a folder nobody expanded
        "top_small.tif",
    ]
    assert all(e.is_raster and not e.is_prefix for e in found) and search.scanned == 10
    in_dem = PrefixSearch(connection, credentials, root.child("dem/"), "terrain")
    assert sorted(in_dem.relative_name(e) for e in in_dem.next_page()) == ["terrain_large.tif", "terrain_small.tif"]
    budgeted = PrefixSearch(connection, credentials, root, "nothing-matches", scan_limit=4)
    assert budgeted.next_page() == [] and budgeted.scanned == 4 and not budgeted.exhausted  # a page ends


def test_empty_prefix_in_existing_bucket_is_empty_not_an_error(objectstore, bucket_name, api):
    connection, credentials = api(objectstore)
    root = create_bucket(connection, credentials, bucket_name)
    assert PrefixLister(connection, credentials, root.child("nothing/")).next_page() == []


def test_wrong_key_says_to_check_the_key(objectstore, bucket_name, api):
    good, credentials = api(objectstore)
    create_bucket(good, credentials, bucket_name)
    connection, wrong = api(objectstore, secret="not-the-key")
    SCOPED_OPTIONS.apply(connection, wrong, bucket_name)
    with pytest.raises(AuthenticationError) as info:
        PrefixLister(connection, wrong, ObjectLocation(connection.handler, bucket_name)).next_page()
    assert "key" in info.value.check and "not-the-key" not in str(info.value)


def test_missing_bucket_says_so(objectstore, api):
    connection, credentials = api(objectstore)
    SCOPED_OPTIONS.apply(connection, credentials, "no-such-bucket-here")
    with pytest.raises(NotFoundError) as info:
        PrefixLister(connection, credentials, ObjectLocation(connection.handler, "no-such-bucket-here")).next_page()
    assert "does not exist" in str(info.value)


def test_server_down_says_to_check_the_server(objectstore, api):
    connection, credentials = api(objectstore)
    dead = f"127.0.0.1:{free_port()}"
    connection = StorageConnection(**{**connection.__dict__, "endpoint": dead, "auth_url": f"http://{dead}/auth/v1.0"})
    with pytest.raises(NetworkError) as info:
        list_bucket_names(connection, credentials)
    assert "down or refused" in str(info.value) and dead.split(":")[0] in str(info.value)


def test_each_bucket_only_ever_gets_its_own_connections_keys(objectstore, bucket_name):
    conn_a, cred_a = s3_connection(objectstore, name="A")
    conn_b, cred_b = s3_connection(objectstore, TEST2, name="B")
    bucket_a, bucket_b = f"{bucket_name}-a", f"{bucket_name}-b"
    put_bytes(create_bucket(conn_a, cred_a, bucket_a).child("a.txt"), b"A")
    put_bytes(create_bucket(conn_b, cred_b, bucket_b).child("b.txt"), b"B")
    assert gdal.GetPathSpecificOption(f"/vsis3/{bucket_a}/x", "AWS_ACCESS_KEY_ID") == cred_a.identity
    assert gdal.GetPathSpecificOption(f"/vsis3/{bucket_b}/x", "AWS_ACCESS_KEY_ID") == cred_b.identity
    assert gdal.GetConfigOption("AWS_SECRET_ACCESS_KEY") is None  # nothing global
    # Bucket names are per account: had A's keys reached B's bucket, this read would fail.
    assert gdal.ReadDir(f"/vsis3/{bucket_a}") == ["a.txt"]
    assert gdal.ReadDir(f"/vsis3/{bucket_b}") == ["b.txt"]
    SCOPED_OPTIONS.withdraw("B")
    gdal.VSICurlClearCache()
    assert gdal.GetPathSpecificOption(f"/vsis3/{bucket_b}/x", "AWS_ACCESS_KEY_ID") is None
    assert gdal.ReadDir(f"/vsis3/{bucket_a}") == ["a.txt"]


def test_credentials_repr_masks_secrets():
    text = repr(Credentials("AKIDEXAMPLE", "topsecret", "tok", '{"private_key": "k"}'))
    assert "topsecret" not in text and "tok'" not in text and "private_key" not in text


def test_connection_export_has_no_secret_fields():
    connection = StorageConnection(name="x", kind=StoreKind.GCS, authcfg="abc123", buckets=("a",))
    data = connection.export_fields()
    assert "authcfg" not in data and data["kind"] == "gcs"
    assert StorageConnection.from_export(data) == StorageConnection(name="x", kind=StoreKind.GCS, buckets=("a",))


def _gcs(fake_gcs, secret="gsecret", name="GCS"):
    from cogport.plugin.core.storage.connection import AuthMode

    fake_gcs.hmac_keys["GOOGKEY"] = "gsecret"
    connection = StorageConnection(
        name=name,
        kind=StoreKind.GCS,
        auth=AuthMode.KEYS,
        endpoint=fake_gcs.url.split("://")[1].rstrip("/"),
        https=False,
    )
    return connection, Credentials("GOOGKEY", secret)


def test_gcs_buckets_and_objects_through_vsigs(fake_gcs):
    fake_gcs.add_bucket("gcs-rasters")
    fake_gcs.put_object("gcs-rasters", "scenes/a.tif", b"abcd")
    connection, credentials = _gcs(fake_gcs)
    assert list_bucket_names(connection, credentials) == ["gcs-rasters"]
    SCOPED_OPTIONS.apply(connection, credentials, "gcs-rasters")
    root = ObjectLocation("vsigs", "gcs-rasters")
    (scenes,) = PrefixLister(connection, credentials, root).next_page()
    (tif,) = PrefixLister(connection, credentials, scenes.location).next_page()
    assert (tif.location.uri, tif.size) == ("gs://gcs-rasters/scenes/a.tif", 4)


def test_gcs_wrong_secret_and_missing_bucket_are_explained(fake_gcs):
    fake_gcs.add_bucket("gcs-rasters")
    connection, wrong = _gcs(fake_gcs, secret="nope")
    SCOPED_OPTIONS.apply(connection, wrong, "gcs-rasters")
    with pytest.raises(AuthenticationError):
        PrefixLister(connection, wrong, ObjectLocation("vsigs", "gcs-rasters")).next_page()
    connection, credentials = _gcs(fake_gcs)
    SCOPED_OPTIONS.apply(connection, credentials, "gone")
    with pytest.raises(NotFoundError):
        PrefixLister(connection, credentials, ObjectLocation("vsigs", "gone")).next_page()


def test_typed_buckets_still_serve_a_key_refused_bucket_listing_in_any_language(fake_gcs):
    """The refusal is recognised by its kind, not by an English word in its sentence."""
    fake_gcs.add_bucket("gcs-rasters")
    connection, credentials = _gcs(fake_gcs)
    typed = replace(connection, buckets=("gcs-rasters",))
    undo = i18n.use_translation(lambda text: text.replace("denied", "refusé"))
    try:
        fake_gcs.fail_next(403, path_prefix="/", method="GET")
        assert list_bucket_names(typed, credentials) == ["gcs-rasters"]
        fake_gcs.fail_next(403, path_prefix="/", method="GET")
        with pytest.raises(AuthenticationError, match="refusé"):
            list_bucket_names(connection, credentials)
    finally:
        undo()
