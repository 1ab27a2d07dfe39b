"""The BYOC client against the fake Sentinel Hub: what users see, and what the service receives."""

from __future__ import annotations

import logging
import threading

import pytest

from cogport.plugin.core.errors import AuthenticationError, CogportError, ServiceError
from cogport.plugin.core.progress import Progress
from cogport.plugin.core.services.byoc import (
    CREATED,
    FAILED,
    NOT_SENT,
    PRESENT,
    Band,
    ByocClient,
    ByocConnection,
    TileSpec,
    bucket_region,
    bucket_region_problem,
    register_tiles,
    status_counts,
    wait_for_ingestion,
)
from cogport.plugin.core.services.oauth import ClientCredentials, ClientCredentialsTokens
from cogport.tests.support.fake_byoc import FakeByocServer, Ingestion


@pytest.fixture
def fake():
    with FakeByocServer() as server:
        yield server


def connect(fake, secret=None, **options) -> ByocClient:
    credentials = ClientCredentials(fake.state.client_id, secret or fake.state.client_secret)
    connection = ByocConnection.for_deployment("test", "custom", credentials, fake.base_url, fake.token_url)
    options.setdefault("sleep", lambda seconds: None)
    return ByocClient(connection, **options)


def specs(count, prefix="2019/11/27"):
    return [TileSpec(f"{prefix}/{n:04d}/(BAND).tif", "2019-11-27T10:00:00Z") for n in range(count)]


def test_collections_are_listed_across_pages_of_at_most_100(fake):
    for number in range(230):
        fake.add_collection(f"collection {number}", "bucket")
    names = [c.name for c in connect(fake).collections()]
    assert len(names) == 230 and len(set(names)) == 230
    pages = fake.requests("GET", "/collections")
    assert len(pages) == 3
    assert all(int(p.query["count"][0]) <= 100 for p in pages)
    assert "viewtoken" not in pages[0].query and pages[1].query["viewtoken"] and pages[2].query["viewtoken"]


def test_create_201_rename_and_delete_204_keep_what_they_should(fake):
    client = connect(fake)
    bands = {"B04": Band("B04", 1, 16, "UINT", 0), "RGB_2": Band("RGB", 2, 8, "UINT")}
    created = client.create_collection("Sentinel mosaics", "my-bucket", bands, no_data=0)
    sent = fake.requests("POST", "/collections")[0]
    assert sent.status == 201
    assert sent.body["additionalData"]["bands"]["RGB_2"] == {
        "source": "RGB",
        "bandIndex": 2,
        "bitDepth": 8,
        "sampleFormat": "UINT",
    }
    assert created.bands["B04"].bit_depth == 16 and created.s3_bucket == "my-bucket"

    client.rename_collection(created, "Renamed mosaics")
    renamed = client.collection(created.id)
    assert fake.requests("PUT")[0].status == 204
    assert renamed.name == "Renamed mosaics"
    assert renamed.no_data == 0 and set(renamed.bands) == {"B04", "RGB_2"}  # not dropped by the PUT

    fake.add_tile(created.id, "a/(BAND).tif")
    client.delete_collection(created.id)
    assert fake.requests("DELETE")[0].status == 204
    assert client.collections() == [] and fake.tiles(created.id) == []


def test_error_body_message_and_check_reach_the_user(fake):
    client = connect(fake)
    with pytest.raises(ServiceError) as info:
        client.collection("0000-missing")
    assert info.value.status == 404 and info.value.code == "COMMON_NOT_FOUND"
    assert "Collection 0000-missing not found." in str(info.value)
    assert "may have been deleted" in str(info.value)
    collection = client.create_collection("c", "b")
    with pytest.raises(ServiceError) as bad:
        client.create_tile(collection.id, TileSpec("/leading/slash/(BAND).tif"))
    assert bad.value.status == 400 and "must not start with /" in str(bad.value)


def test_duplicate_path_is_409_and_bulk_counts_it_as_already_present(fake):
    client = connect(fake)
    collection = client.create_collection("c", "b")
    client.create_tile(collection.id, TileSpec("t/1/(BAND).tif"))
    with pytest.raises(ServiceError) as info:
        client.create_tile(collection.id, TileSpec("t/1/(BAND).tif"))
    assert info.value.status == 409 and "already exists" in str(info.value)

    summary = register_tiles(
        client, collection.id, [TileSpec("t/1/(BAND).tif"), TileSpec("t/2/(BAND).tif")], skip_existing=False
    )
    assert [(o.path, o.result) for o in summary.outcomes] == [("t/1/(BAND).tif", PRESENT), ("t/2/(BAND).tif", CREATED)]
    assert len(fake.tiles(collection.id)) == 2


def test_429_waits_retry_after_milliseconds_then_succeeds(fake):
    waits = []
    client = connect(fake, sleep=waits.append)
    collection = client.create_collection("c", "b")
    fake.throttle_next(1, 1500)
    tile = client.create_tile(collection.id, TileSpec("t/(BAND).tif"))
    assert tile.status == "WAITING"
    assert sum(waits) == pytest.approx(1.5, abs=0.05)  # 1500 ms, not 1500 s
    assert [s.status for s in fake.requests("POST", "/tiles")] == [429, 201]


def test_bulk_under_rate_limit_loses_nothing_and_all_workers_back_off(fake):
    client = ByocClient(connect(fake).connection)  # real sleeping
    collection = client.create_collection("c", "b")
    fake.rate_limit(40, burst=5)
    summary = register_tiles(client, collection.id, specs(120), workers=6)
    assert summary.counts() == {CREATED: 120, PRESENT: 0, FAILED: 0, NOT_SENT: 0}
    assert fake.state.rate_limited > 0 and client.gate.deferrals == fake.state.rate_limited
    assert sorted(fake.state.created_paths.values()) == [1] * 120
    # The shared gate keeps refusals a small fraction of the requests, not one per worker per tile.
    assert fake.state.rate_limited < 60


def test_5xx_is_retried_with_backoff_and_other_errors_fail_with_reason(fake):
    waits = []
    client = connect(fake, sleep=waits.append)
    collection = client.create_collection("c", "b")
    fake.fail_next(500, 503)
    summary = register_tiles(client, collection.id, specs(1), workers=1)
    assert summary.counts()[CREATED] == 1
    assert 0.8 * (1 + 3) <= sum(waits) <= 1.2 * (1 + 3)  # backoff 1 s, then 3 s (with jitter)
    fake.fail_next(*([500] * 8))
    summary = register_tiles(client, collection.id, specs(2, "other"), workers=1, skip_existing=False)
    failed = [o for o in summary.outcomes if o.result == FAILED]
    assert len(failed) == 1 and "internal error (500)" in failed[0].reason
    assert summary.text().startswith("1 created, 0 already present, 1 failed")


def test_lost_response_after_create_is_not_a_duplicate(fake):
    client = connect(fake)
    collection = client.create_collection("c", "b")
    fake.state.lose_responses = 1
    summary = register_tiles(client, collection.id, specs(3), workers=1)
    assert summary.count(FAILED) == 0 and summary.count(CREATED) + summary.count(PRESENT) == 3
    assert len(fake.tiles(collection.id)) == 3


def test_cancel_mid_bulk_then_rerun_resumes_without_duplicates(fake):
    fake.state.latency = 0.01
    client = connect(fake)
    collection = client.create_collection("c", "b")
    cancel = threading.Event()
    progress = Progress(on_fraction=lambda f: cancel.set() if f >= 0.25 else None, is_cancelled=cancel.is_set)
    first = register_tiles(client, collection.id, specs(80), progress, workers=4)
    assert first.cancelled and 0 < first.count(CREATED) < 80 and first.count(NOT_SENT) > 0
    assert first.count(CREATED) + first.count(NOT_SENT) == 80
    posts_before = len(fake.requests("POST", "/tiles"))

    second = register_tiles(client, collection.id, specs(80), workers=4)
    assert second.count(FAILED) == 0 and not second.cancelled
    assert second.count(PRESENT) == len(fake.tiles(collection.id)) - second.count(CREATED)
    assert len(fake.tiles(collection.id)) == 80
    assert sorted(fake.state.created_paths.values()) == [1] * 80
    # Existing paths were looked up first: no POST was spent on them, so no 409 either.
    assert len(fake.requests("POST", "/tiles")) - posts_before == second.count(CREATED)
    assert not [s for s in fake.requests("POST", "/tiles") if s.status == 409]


def test_expired_token_gets_401_then_one_refresh_and_retry(fake):
    client = connect(fake)
    client.collections()
    assert fake.state.token_requests == 1
    fake.expire_tokens()
    assert client.collections() == []
    gets = fake.requests("GET", "/collections")
    assert [g.status for g in gets] == [200, 401, 200]
    assert fake.state.token_requests == 2 and gets[1].authorization != gets[2].authorization


def test_token_is_renewed_120_seconds_before_it_expires(fake):
    now = [0.0]
    credentials = ClientCredentials(fake.state.client_id, fake.state.client_secret)
    tokens = ClientCredentialsTokens(fake.token_url, credentials, clock=lambda: now[0])
    first = tokens.token()
    now[0] = 3600 - 121
    assert tokens.token() == first and tokens.fetches == 1
    now[0] = 3600 - 119
    assert tokens.token() != first and tokens.fetches == 2


def test_wrong_secret_names_the_client_and_never_shows_the_secret(fake, caplog):
    caplog.set_level(logging.DEBUG)
    client = connect(fake, secret="wrong-secret-value")
    with pytest.raises(AuthenticationError) as info:
        client.collections()
    assert "refused the OAuth client 'cogport-test-client'" in str(info.value)
    assert "client id and client secret" in str(info.value)
    for text in (str(info.value), info.value.detail, caplog.text, repr(client), repr(client.tokens)):
        assert "wrong-secret-value" not in text
    assert "***" in repr(client.connection)


def test_ingestion_waiting_ingesting_failed_shows_the_cause(fake):
    client = connect(fake)
    collection = client.create_collection("c", "b")
    cause = "Ensure tiles of image at index 1 have width and height between 256 and 2048"
    fake.state.ingestion["bad/(BAND).tif"] = Ingestion(("WAITING", "INGESTING", "FAILED"), cause)
    fake.state.ingestion["good/(BAND).tif"] = Ingestion(("WAITING", "INGESTED"), warnings="No overviews")
    register_tiles(client, collection.id, [TileSpec("bad/(BAND).tif"), TileSpec("good/(BAND).tif")])
    rounds = []
    final = wait_for_ingestion(
        client, collection.id, on_update=lambda tiles: rounds.append({t.path: t.status for t in tiles}), interval=0.01
    )
    assert [r["bad/(BAND).tif"] for r in rounds] == ["WAITING", "INGESTING", "FAILED"]
    by_path = {t.path: t for t in final}
    assert by_path["bad/(BAND).tif"].failed_cause == cause
    assert by_path["good/(BAND).tif"].warnings == "No overviews"
    assert status_counts(final)["FAILED"] == 1 and status_counts(final)["INGESTED"] == 1

    client.reingest_tile(collection.id, by_path["bad/(BAND).tif"].id)
    assert client.tile(collection.id, by_path["bad/(BAND).tif"].id).status == "WAITING"


def test_edit_sensing_time_and_cover_geometry_then_delete_tile(fake):
    client = connect(fake)
    collection = client.create_collection("c", "b")
    tile = client.create_tile(collection.id, TileSpec("t/(BAND).tif", "2020-01-01T00:00:00Z"))
    cover = {
        "type": "Polygon",
        "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]],
        "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32633"}},
    }
    client.update_tile(collection.id, tile, cover_geometry=cover)
    updated = client.tile(collection.id, tile.id)
    assert updated.cover_geometry == cover and updated.sensing_time == "2020-01-01T00:00:00Z"
    client.update_tile(collection.id, updated, sensing_time="2021-05-06T07:08:09Z")
    again = client.tile(collection.id, tile.id)
    assert again.sensing_time == "2021-05-06T07:08:09Z" and again.cover_geometry == cover
    client.delete_tile(collection.id, tile.id)
    assert client.tiles(collection.id) == []


def test_find_collection_by_id_or_name(fake):
    one = fake.add_collection("Alpha", "b")
    fake.add_collection("Beta", "b")
    client = connect(fake)
    assert client.find_collection("Beta").name == "Beta"
    assert client.find_collection(one["id"]).name == "Alpha"
    assert client.find_collection("Gamma") is None


def test_connection_from_environment_and_missing_credentials():
    env = {
        "SH_CLIENT_ID": "id",
        "SH_CLIENT_SECRET": "hush-hush-value",
        "COGPORT_SH_BASE_URL": "https://sh.dataspace.copernicus.eu",
        "COGPORT_SH_TOKEN_URL": "https://identity.example/token",
    }
    connection = ByocConnection.from_env(env)
    assert connection.deployment == "cdse" and connection.token_url == "https://identity.example/token"
    assert "hush-hush-value" not in repr(connection)
    default = ByocConnection.from_env({"SH_CLIENT_ID": "id", "SH_CLIENT_SECRET": "sec"})
    assert default.base_url == "https://services.sentinel-hub.com" and default.region == "eu-central-1"
    with pytest.raises(CogportError) as info:
        ByocConnection.from_env({})
    assert "SH_CLIENT_ID" in str(info.value)


def test_bucket_region_is_checked_against_the_deployment(fake):
    fake.state.regions["eu-data"] = "eu-central-1"
    fake.state.regions["us-data"] = "us-east-1"
    credentials = ClientCredentials("id", "secret")
    eu = ByocConnection.for_deployment("eu", "eu", credentials)
    assert bucket_region("eu-data", fake.base_url) == "eu-central-1"
    assert bucket_region_problem(eu, bucket_region("eu-data", fake.base_url)) == ""
    problem = bucket_region_problem(eu, bucket_region("us-data", fake.base_url))
    assert "us-east-1" in problem and "eu-central-1" in problem
    assert bucket_region("unknown", fake.base_url) == ""
