"""A large prefix shows its first page after one listing request; later pages cost one request per 1,000 keys."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import requests

from cogport.plugin.core.storage.gdal_config import SCOPED_OPTIONS
from cogport.plugin.core.storage.listing import PrefixLister
from cogport.plugin.core.storage.uri import ObjectLocation
from cogport.tests.support.latency_proxy import LatencyProxy
from cogport.tests.support.objectstore import TEST
from cogport.tests.support.stores import create_bucket, s3_connection

OBJECTS = 2100


def test_first_page_costs_one_request_whatever_the_prefix_size(objectstore, bucket_name):
    connection, credentials = s3_connection(objectstore)
    create_bucket(connection, credentials, bucket_name)
    token, session = objectstore.auth_token(TEST), requests.Session()
    base = f"{objectstore.storage_url(TEST)}/{bucket_name}/big"
    with ThreadPoolExecutor(8) as pool:  # seeded through the Swift API: faster than one GDAL write each
        list(
            pool.map(
                lambda i: session.put(
                    f"{base}/obj{i:05d}.tif", data=b"x", headers={"X-Auth-Token": token}
                ).raise_for_status(),
                range(OBJECTS),
            )
        )

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
