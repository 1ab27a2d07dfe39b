"""A large prefix shows its first page after one listing request; later pages cost one request per 1,000 keys."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import requests

from cogport.plugin.core.storage.gdal_config import SCOPED_OPTIONS
from cogport.plugin.core.storage.listing import PrefixLister, PrefixSearch
from cogport.plugin.core.storage.uri import ObjectLocation
from cogport.tests.support.latency_proxy import LatencyProxy
from cogport.tests.support.objectstore import TEST
from cogport.tests.support.stores import create_bucket, s3_connection

OBJECTS = 2100


def _seed(objectstore, bucket_name, key_of, count: int = OBJECTS) -> None:
    """`count` one-byte objects, seeded through the Swift API: faster than one GDAL write each."""
    token, session = objectstore.auth_token(TEST), requests.Session()
    base = f"{objectstore.storage_url(TEST)}/{bucket_name}"
    with ThreadPoolExecutor(8) as pool:
        list(
            pool.map(
                lambda i: session.put(
                    f"{base}/{key_of(i)}", data=b"x", headers={"X-Auth-Token": token}
                ).raise_for_status(),
                range(count),
            )
        )


def test_first_page_costs_one_request_whatever_the_prefix_size(objectstore, bucket_name):
    connection, credentials = s3_connection(objectstore)
    create_bucket(connection, credentials, bucket_name)
    _seed(objectstore, bucket_name, lambda i: f"big/obj{i:05d}.tif")

    with LatencyProxy(objectstore.endpoint, delay=0) as proxy:
        through_proxy = connection.__class__(**{**connection.__dict__, "endpoint": proxy.endpoint})
        SCOPED_OPTIONS.apply(through_proxy, credentials, bucket_name)
        lister = PrefixLister(through_proxy, credentials, ObjectLocation("vsis3", bucket_name, "big/"), 500)
        proxy.reset()
        first = lister.next_page()
        assert len(first) == 500 and proxy.snapshot().requests == 1
        pages = [first]
        while not lister.exhausted:
            pages.append(lister.next_page())
        assert sum(len(page) for page in pages) == OBJECTS
        assert proxy.snapshot().requests == 3  # S3 lists 1,000 keys a request: ceil(2,100 / 1,000)


def test_a_search_lists_the_prefix_on_the_server_not_folder_by_folder(objectstore, bucket_name):
    connection, credentials = s3_connection(objectstore)
    create_bucket(connection, credentials, bucket_name)
    _seed(objectstore, bucket_name, lambda i: f"big/tile{i % 3}/obj{i:05d}.tif", 1100)  # three folders

    with LatencyProxy(objectstore.endpoint, delay=0) as proxy:
        through_proxy = connection.__class__(**{**connection.__dict__, "endpoint": proxy.endpoint})
        SCOPED_OPTIONS.apply(through_proxy, credentials, bucket_name)
        search = PrefixSearch(
            through_proxy, credentials, ObjectLocation("vsis3", bucket_name, "big/"), "OBJ0004", scan_limit=1000
        )
        proxy.reset()
        first = search.next_page()
        assert proxy.snapshot().requests == 1  # the first page answers after one listing request
        found = first
        while not search.exhausted:
            found += search.next_page()
        assert sorted(e.name for e in found) == [f"obj0004{d}.tif" for d in range(10)]
        # One listing of every key below the prefix, 1,000 a request, whatever the folders (folder by
        # folder would cost 4: the prefix, then each folder).
        assert search.scanned == 1100 and proxy.snapshot().requests == 2
