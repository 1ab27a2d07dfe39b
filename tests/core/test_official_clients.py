"""The fakes held to the official clients, and Cogport's requests held to theirs.

sentinelhub-py (`SentinelHubBYOC`) and earthengine-api (`ee.Initialize`, `ee.data.startExternalImageIngestion`,
the call behind `earthengine upload external_image`) run against the fakes for every operation Cogport uses, and
the fakes record what they sent, so Cogport's request bodies can be compared with the official ones.

The clients are pinned in requirements-clients.txt and live in their own venv, .venv-clients (`make clients`,
which `make test` runs), so the plugin's runtime never sees them; each runs as a subprocess of that venv's python,
through a driver in tests/support/clients/. To refresh the pins: change the versions in requirements-clients.txt
and run `make test` (the stamp in .venv-clients makes it reinstall). A failure here then means the new client
sends or expects something the fake does not: fix the fake, from the client's behaviour and the documented
contract; or that its body now differs from Cogport's: decide which is right and fix Cogport.
"""

from __future__ import annotations

import base64
import json
from typing import Any, Dict, List
from urllib.parse import parse_qs

import pytest
import requests

from cogport.plugin.core.services.byoc import Band, ByocClient, ByocConnection, TileSpec
from cogport.plugin.core.services.earthengine import EarthEngineClient, EarthEngineConnection, EarthEngineCredentials
from cogport.plugin.core.services.earthengine_manifest import ImageManifest, SourceBands, build_manifest
from cogport.plugin.core.services.http import RetryPolicy
from cogport.plugin.core.services.oauth import ClientCredentials
from cogport.tests.core.test_google_auth import EMAIL, private_key_pem  # noqa: F401 - a fixture
from cogport.tests.support.fake_byoc import FakeByocServer, Ingestion
from cogport.tests.support.fake_earthengine import GOOGLE_TOKEN_ENDPOINT, FakeEarthEngine
from cogport.tests.support.official_clients import run_driver

PROJECT = "ee-demo-project"
EE_TOKEN = "ee-test-token"
IMPORT_PATH = f"/v1/projects/{PROJECT}/image:importExternal"
UTM_COVER = {
    "type": "Polygon",
    "coordinates": [[[500000.0, 4000000.0], [503000.0, 4000000.0], [503000.0, 3997000.0], [500000.0, 4000000.0]]],
    "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32633"}},
}


# ----- Sentinel Hub BYOC


@pytest.fixture
def byoc():
    with FakeByocServer() as server:
        yield server


def _sentinelhub(fake: FakeByocServer, *steps: Dict[str, Any]) -> List[Dict[str, Any]]:
    state = fake.state
    plan = {
        "base_url": fake.base_url,
        "token_url": fake.token_url,
        "client_id": state.client_id,
        "client_secret": state.client_secret,
        "steps": list(steps),
    }
    return run_driver("sentinelhub", plan)["steps"]


def _tile_step(name: str, day: int) -> Dict[str, Any]:
    path = f"s2/{name}_(BAND).tif"
    return {
        "op": "create_tile",
        "as": name,
        "collection": "@demo",
        "path": path,
        "sensing_time": f"2024-05-0{day}T10:00:00Z",
    }


def test_sentinelhub_py_runs_every_byoc_operation_against_the_fake(byoc):
    for name in "abc":
        byoc.state.ingestion[f"s2/{name}_(BAND).tif"] = Ingestion(statuses=("INGESTED",))
    steps = _sentinelhub(
        byoc,
        {"op": "info"},
        # sentinelhub-py sends an unset bandIndex as null: the API's default, 1, applies.
        {
            "op": "create_collection",
            "as": "demo",
            "name": "demo",
            "s3_bucket": "cogs-eu",
            "bands": {"B01": {"bit_depth": 16}, "B02": {"band_index": 2, "bit_depth": 16}},
        },
        {"op": "create_collection", "as": "copies", "name": "copies", "s3_bucket": "cogs-eu"},
        {"op": "create_collection", "as": "bytes", "name": "bytes", "s3_bucket": "cogs-eu", "bands": {"B01": {}}},
        {"op": "iter_collections", "search": "demo"},
        {"op": "update_collection", "collection": "@demo", "changes": {"name": "demo renamed"}},
        {"op": "get_collection", "collection": "@demo"},
        _tile_step("a", 1),
        {**_tile_step("b", 2), "cover": UTM_COVER},
        _tile_step("c", 3),
        _tile_step("a", 1),
        {"op": "iter_tiles", "collection": "@demo", "params": {"count": 2}},
        {"op": "iter_tiles", "collection": "@demo", "sort": "created:desc"},
        {"op": "iter_tiles", "collection": "@demo", "sort": "path:asc"},
        {"op": "iter_tiles", "collection": "@demo", "path": "s2/b_(BAND).tif", "params": {"status": "INGESTED"}},
        {"op": "get_tile", "collection": "@demo", "tile": "@b"},
        {"op": "update_tile", "collection": "@demo", "tile": "@b", "changes": {"sensingTime": "2024-06-01T00:00:00Z"}},
        {"op": "get_tile", "collection": "@demo", "tile": "@b"},
        {"op": "copy_tiles", "collection": "@demo", "to": "@copies"},
        {"op": "copy_tiles", "collection": "@demo", "to": "@bytes"},
        {"op": "copy_tiles", "collection": "@demo", "to": "00000000-0000-0000-0000-00000000dead"},
        {"op": "iter_tiles", "collection": "@copies"},
        {"op": "reingest_tile", "collection": "@demo", "tile": "@a"},
        {"op": "delete_tile", "collection": "@demo", "tile": "@c"},
        {"op": "delete_collection", "collection": "@copies"},
        {"op": "get_collection", "collection": "@copies"},
    )
    (
        info,
        created,
        _copies,
        _bytes,
        found,
        renamed,
        after_rename,
        tile_a,
        tile_b,
        _tile_c,
        duplicate,
        paged,
        newest_first,
        bad_sort,
        by_path,
        got_tile,
        updated,
        after_update,
        copied,
        copy_other_bands,
        copy_nowhere,
        copies,
        reingested,
        deleted_tile,
        deleted_collection,
        gone,
    ) = steps

    claims = info["result"]
    assert claims["azp"] == byoc.state.client_id and claims["exp"] - claims["iat"] == byoc.state.token_lifetime
    assert created["result"]["additionalData"]["bands"] == {
        "B01": {"bandIndex": 1, "bitDepth": 16, "sampleFormat": "UINT"},
        "B02": {"bandIndex": 2, "bitDepth": 16, "sampleFormat": "UINT"},
    }
    assert [c["name"] for c in found["result"]] == ["demo"]
    assert renamed == deleted_tile == deleted_collection == reingested == updated == copied == {"result": ""}
    assert after_rename["result"]["name"] == "demo renamed"
    assert after_rename["result"]["additionalData"] == created["result"]["additionalData"]
    assert tile_b["result"]["coverGeometry"] == UTM_COVER and tile_a["result"]["sensingTime"] == "2024-05-01T10:00:00Z"
    assert duplicate["status"] == 409
    assert [t["path"] for t in paged["result"]] == ["s2/a_(BAND).tif", "s2/b_(BAND).tif", "s2/c_(BAND).tif"]
    pages = [r.query for r in byoc.requests("GET", "/tiles") if r.query.get("count") == ["2"]]
    assert len(pages) == 2 and "viewtoken" in pages[1]
    assert [t["path"] for t in newest_first["result"]] == ["s2/c_(BAND).tif", "s2/b_(BAND).tif", "s2/a_(BAND).tif"]
    assert bad_sort["status"] == 400
    assert [t["id"] for t in by_path["result"]] == [tile_b["result"]["id"]] == [got_tile["result"]["id"]]
    assert after_update["result"]["sensingTime"] == "2024-06-01T00:00:00Z"
    assert after_update["result"]["coverGeometry"] == UTM_COVER
    assert (copy_other_bands["status"], copy_nowhere["status"]) == (400, 404)
    assert sorted(t["path"] for t in copies["result"]) == [t["path"] for t in paged["result"]]
    assert gone["status"] == 404
    assert all(0 < seen.status < 500 for seen in byoc.state.seen)  # every request answered, none by a crash


def test_sentinelhub_py_waits_out_429_in_milliseconds(byoc):
    byoc.throttle_next(2, 40)
    (listed,) = _sentinelhub(byoc, {"op": "iter_collections"})
    assert listed == {"result": []}
    assert [seen.status for seen in byoc.state.seen] == [429, 429, 200]


def test_links_next_is_an_absolute_uri_to_the_next_page(byoc):
    for number in range(3):
        byoc.add_collection(f"demo {number}", "cogs-eu")
    token = requests.post(
        byoc.token_url,
        data={
            "grant_type": "client_credentials",
            "client_id": byoc.state.client_id,
            "client_secret": "s3cr3t-value-never-logged",
        },
        timeout=10,
    ).json()["access_token"]
    headers = {"Authorization": f"Bearer {token}"}
    first = requests.get(f"{byoc.base_url}/api/v1/byoc/collections?count=2&search=demo", headers=headers, timeout=10)
    following = first.json()["links"]["next"]
    assert following.startswith(f"{byoc.base_url}/api/v1/byoc/collections?")
    assert parse_qs(following.split("?", 1)[1])["search"] == ["demo"]
    second = requests.get(following, headers=headers, timeout=10).json()
    assert [c["name"] for c in second["data"]] == ["demo 2"] and "next" not in second["links"]


def _set_fields(value: Any) -> Any:
    """A body without the fields sentinelhub-py leaves unset: JSON nulls, and its empty catch-all `otherData`."""
    if isinstance(value, dict):
        return {k: _set_fields(v) for k, v in value.items() if v is not None and not (k == "otherData" and v == {})}
    if isinstance(value, list):
        return [_set_fields(item) for item in value]
    return value


def test_cogport_sends_the_byoc_bodies_sentinelhub_py_sends(byoc):
    ours = ByocClient(
        ByocConnection.for_deployment(
            "fake",
            "custom",
            ClientCredentials(byoc.state.client_id, byoc.state.client_secret),
            byoc.base_url,
            byoc.token_url,
        )
    )
    collection = ours.create_collection(
        "demo", "cogs-eu", bands={"B01": Band("B01", 1, 16, "UINT"), "B02": Band("B02", 2, 16, "UINT", 0)}
    )
    tile = ours.create_tile(collection.id, TileSpec("s2/a_(BAND).tif", "2024-05-01T10:00:00Z", UTM_COVER))
    ours.update_tile(collection.id, tile, sensing_time="2024-06-01T00:00:00Z")
    theirs = _sentinelhub(
        byoc,
        {
            "op": "create_collection",
            "as": "demo",
            "name": "demo",
            "s3_bucket": "cogs-eu",
            "bands": {
                "B01": {"source": "B01", "band_index": 1, "bit_depth": 16},
                "B02": {"source": "B02", "band_index": 2, "bit_depth": 16, "no_data": 0},
            },
        },
        {**_tile_step("a", 1), "cover": UTM_COVER},
        {"op": "update_tile", "collection": "@demo", "tile": "@a", "changes": {"sensingTime": "2024-06-01T00:00:00Z"}},
    )
    assert all("result" in step for step in theirs)
    sent = [seen for seen in byoc.state.seen if seen.method in ("POST", "PUT")]
    assert len(sent) == 6
    for cogport, official in zip(sent[:3], sent[3:]):
        assert cogport.method == official.method
        assert cogport.body == _set_fields(official.body)


# ----- Earth Engine


def _cogport_manifest() -> Dict[str, Any]:
    """A two-file manifest as Cogport builds and exports it (the file `earthengine upload external_image` takes)."""
    uris = ["gs://cogs-us/scene_b1.tif", "gs://cogs-us/scene_b2.tif"]
    sources = [SourceBands(uris[0], ("red",), (0.0,)), SourceBands(uris[1], ("",), (None,))]
    manifest = build_manifest(
        f"projects/{PROJECT}/assets/cogs/scene",
        uris,
        sources=sources,
        properties={"sensor": "demo", "cloud": 12.5},
        start_time="2024-05-01",
        end_time="2024-05-02T00:00:00Z",
    )
    return json.loads(manifest.to_json())


# Manifests as people write them by hand for the CLI, legacy forms included.
HAND_WRITTEN = [
    {"id": "users/me/scene", "tilesets": [{"id": "0", "sources": [{"primaryPath": "gs://cogs-us/a.tif"}]}]},
    {
        "id": "projects/my-old-project/scene",
        "tilesets": [{"sources": [{"uris": ["gs://cogs-us/a.tif"], "maxError": 0.5}]}],
        "bands": [{"id": "red", "tilesetBandIndex": 0}],
    },
    {"id": "COPERNICUS/demo/scene", "uriPrefix": "gs://cogs-us/", "tilesets": [{"sources": [{"uris": ["a.tif"]}]}]},
    {
        "name": f"projects/{PROJECT}/assets/cogs/one",
        "tilesets": [{"id": "0", "sources": [{"uris": ["gs://cogs-us/a.tif"]}]}],
        "maskBands": [{"tilesetId": "0"}],
    },
]
# Cogport names the single tileset of a band that names none; earthengine-api sends the band as written.
NO_TILESET_ID = {
    "name": f"projects/{PROJECT}/assets/cogs/bands",
    "tilesets": [{"id": "0", "sources": [{"uris": ["gs://cogs-us/a.tif"]}]}],
    "bands": [{"id": "red", "tilesetBandIndex": 0}],
}


@pytest.fixture(scope="module")
def earthengine_api():
    """earthengine-api with a bearer token against one fake: start-up, the imports above, a 409, an overwrite."""
    fake = FakeEarthEngine().start()
    manifests = [_cogport_manifest(), *HAND_WRITTEN, NO_TILESET_ID]
    steps = [{"op": "import_external", "manifest": manifest} for manifest in manifests]
    steps += [{**steps[0], "overwrite": False}, {**steps[0], "overwrite": True}]
    output = run_driver(
        "earthengine-api", {"url": fake.url, "project": PROJECT, "credentials": {"token": EE_TOKEN}, "steps": steps}
    )
    yield fake, manifests, output
    fake.stop()


def test_earthengine_api_starts_and_registers_against_the_fake(earthengine_api):
    fake, manifests, output = earthengine_api
    *imported, refused, overwritten = output["steps"]
    assert [step["result"]["name"] for step in imported] == [
        f"projects/{PROJECT}/assets/cogs/scene",
        "projects/earthengine-legacy/assets/users/me/scene",
        "projects/earthengine-legacy/assets/projects/my-old-project/scene",
        "projects/earthengine-public/assets/COPERNICUS/demo/scene",
        f"projects/{PROJECT}/assets/cogs/one",
        f"projects/{PROJECT}/assets/cogs/bands",
    ]
    assert refused == {"error": f"Cannot overwrite asset 'projects/{PROJECT}/assets/cogs/scene'."}
    assert overwritten == imported[0] and output["sleeps"] == []
    (discovery, *_) = [r for r in fake.requests if r.path == "/$discovery/rest"]
    assert discovery.query["version"] == ["v1"]
    (algorithms,) = [r for r in fake.requests if r.path.endswith("/algorithms")]
    assert algorithms.path == f"/v1/projects/{PROJECT}/algorithms"
    assert {r.path for r in fake.import_requests()} == {IMPORT_PATH}
    assert all(r.header("Authorization") == f"Bearer {EE_TOKEN}" for r in fake.import_requests())
    assert len(fake.assets) == len(manifests)


def test_cogport_sends_the_import_bodies_earthengine_api_sends(earthengine_api, fake_earthengine):
    official_fake, manifests, _output = earthengine_api
    client = EarthEngineClient(
        EarthEngineConnection(project=PROJECT, api_url=fake_earthengine.url),
        EarthEngineCredentials.from_token(EE_TOKEN),
        retry=RetryPolicy(max_attempts=1),
    )
    for manifest in manifests:
        client.import_external(ImageManifest.from_dict(manifest))
    ours = [(r.path, r.json()) for r in fake_earthengine.import_requests()]
    theirs = [(r.path, r.json()) for r in official_fake.import_requests()[: len(manifests)]]
    *same, (their_path, their_bands_body) = theirs
    assert ours[:-1] == same
    their_bands_body["imageManifest"]["bands"][0]["tilesetId"] = "0"  # the one deliberate difference
    assert ours[-1] == (their_path, their_bands_body)


def _jwt_claims(assertion: str) -> Dict[str, Any]:
    claims = assertion.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(claims + "=" * (-len(claims) % 4)))


def test_earthengine_api_with_a_service_account_on_v1alpha_and_failures(private_key_pem):
    fake = FakeEarthEngine().start()
    try:
        fake.register_service_account(EMAIL, private_key_pem)
        fake.success_body = b"{}"
        fake.fail_next(403, "The caller does not have permission", status_name="PERMISSION_DENIED")
        fake.fail_next(503, "The service is currently unavailable.")
        key = {
            "type": "service_account",
            "project_id": PROJECT,
            "private_key_id": "abc123",
            "private_key": private_key_pem,
            "client_email": EMAIL,
            "token_uri": fake.token_uri,
        }
        step = {"op": "import_external", "manifest": NO_TILESET_ID}
        output = run_driver(
            "earthengine-api",
            {
                "url": fake.url,
                "project": PROJECT,
                "credentials": {"service_account": json.dumps(key)},
                "steps": [step] * 2,
            },
            env={"EE_CLOUD_API_VERSION": "v1alpha"},
        )
        denied, registered = output["steps"]
        assert denied == {"error": "The caller does not have permission"}
        assert registered == {"result": {"name": NO_TILESET_ID["name"]}}
        assert len(output["sleeps"]) == 1  # the 503, retried
        (grant, *_) = [r for r in fake.requests if r.path == "/token"]
        claims = _jwt_claims(parse_qs(grant.body.decode())["assertion"][0])
        assert claims["aud"] == GOOGLE_TOKEN_ENDPOINT and claims["iss"] == EMAIL
        assert [r.path for r in fake.import_requests()] == [f"/v1alpha/projects/{PROJECT}/image:importExternal"] * 3
        assert {r.header("Authorization") for r in fake.import_requests()} == {"Bearer sa-token-1"}
    finally:
        fake.stop()
