"""importExternal against the fake Earth Engine: the request sent, each error as the user sees it, retries."""

from __future__ import annotations

import logging

import pytest

from cogport.plugin.core.errors import AuthenticationError, CogportError, RateLimitedError, ServiceError
from cogport.plugin.core.services.earthengine import (
    EarthEngineClient,
    EarthEngineConnection,
    EarthEngineCredentials,
    validate_project_id,
)
from cogport.plugin.core.services.earthengine_manifest import Band, ImageManifest, Tileset
from cogport.plugin.core.services.http import RetryPolicy

TOKEN = "ee-test-token"
FAST = RetryPolicy(max_attempts=4, first_delay=0.0, default_retry_after=0.0)


def _manifest(name: str = "projects/ee-demo-project/assets/cogs/scene1") -> ImageManifest:
    return ImageManifest(
        name=name,
        tilesets=[Tileset("0", (("gs://cogs-us/scene1.tif",),))],
        bands=[Band("red", "0", 0, (0.0,), "MEAN")],
        properties={"cloud_cover": 12.5, "sensor": "demo"},
        start_time="2024-05-01T00:00:00Z",
    )


def _client(fake, token: str = TOKEN, sleeps=None, **connection) -> EarthEngineClient:
    conn = EarthEngineConnection(project="ee-demo-project", api_url=fake.url, **connection)
    recorded = sleeps if sleeps is not None else []
    return EarthEngineClient(conn, EarthEngineCredentials.from_token(token), retry=FAST, sleep=recorded.append)


def test_import_external_sends_the_documented_request(fake_earthengine):
    result = _client(fake_earthengine).import_external(_manifest(), overwrite=False)

    (request,) = fake_earthengine.import_requests()
    assert request.method == "POST"
    assert request.path == "/v1/projects/ee-demo-project/image:importExternal"
    assert request.header("Authorization") == f"Bearer {TOKEN}"
    assert request.json() == {
        "imageManifest": {
            "name": "projects/ee-demo-project/assets/cogs/scene1",
            "tilesets": [{"id": "0", "sources": [{"uris": ["gs://cogs-us/scene1.tif"]}]}],
            "bands": [
                {
                    "id": "red",
                    "tilesetId": "0",
                    "tilesetBandIndex": 0,
                    "missingData": {"values": [0]},
                    "pyramidingPolicy": "MEAN",
                }
            ],
            "properties": {"cloud_cover": 12.5, "sensor": "demo"},
            "startTime": "2024-05-01T00:00:00Z",
        },
        "overwrite": False,
    }
    assert "projects/ee-demo-project/assets/cogs/scene1" in fake_earthengine.assets
    assert result.message == (
        "Registered Earth Engine asset projects/ee-demo-project/assets/cogs/scene1. Open it in the Code Editor: "
        "https://code.earthengine.google.com/?asset=projects/ee-demo-project/assets/cogs/scene1"
    )


def test_an_empty_json_object_is_also_success(fake_earthengine):
    fake_earthengine.success_body = b"{}\n"
    assert _client(fake_earthengine).import_external(_manifest()).asset.endswith("scene1")


def test_base_url_comes_from_the_environment_when_the_connection_has_none(fake_earthengine, monkeypatch):
    monkeypatch.setenv("COGPORT_EE_API_URL", fake_earthengine.url)
    conn = EarthEngineConnection(project="ee-demo-project")
    client = EarthEngineClient(conn, EarthEngineCredentials.from_environment({"COGPORT_EE_TOKEN": TOKEN}), retry=FAST)
    client.import_external(_manifest())
    assert len(fake_earthengine.import_requests()) == 1


def test_already_exists_is_shown_verbatim_with_a_hint_and_overwrite_replaces(fake_earthengine):
    client = _client(fake_earthengine)
    client.import_external(_manifest())
    with pytest.raises(ServiceError) as caught:
        client.import_external(_manifest())
    assert caught.value.code == "ALREADY_EXISTS"
    assert str(caught.value).startswith(
        "Earth Engine refused the request: ALREADY_EXISTS: Cannot overwrite asset "
        "'projects/ee-demo-project/assets/cogs/scene1'. Check the asset id"
    )
    assert "tick Overwrite" in str(caught.value)
    assert client.import_external(_manifest(), overwrite=True).overwritten
    assert fake_earthengine.import_requests()[-1].json()["overwrite"] is True


@pytest.mark.parametrize(
    "status, status_name, hint",
    [
        (403, "PERMISSION_DENIED", "earthengine.imports.create"),
        (404, "NOT_FOUND", "the Cloud project id"),
        (400, "INVALID_ARGUMENT", "band indices"),
    ],
)
def test_each_rpc_status_is_shown_verbatim_with_its_hint(fake_earthengine, status, status_name, hint):
    fake_earthengine.fail_next(status, f"Scripted {status_name} message.", status_name=status_name)
    with pytest.raises(ServiceError) as caught:
        _client(fake_earthengine).import_external(_manifest())
    assert caught.value.what == f"Earth Engine refused the request: {status_name}: Scripted {status_name} message."
    assert hint in caught.value.check
    assert (caught.value.status, caught.value.code) == (status, status_name)


def test_unknown_project_is_not_found_and_not_asked_again_on_v1alpha(fake_earthengine):
    with pytest.raises(ServiceError, match="NOT_FOUND: Project 'other-project' not found"):
        EarthEngineClient(
            EarthEngineConnection(project="other-project", api_url=fake_earthengine.url),
            EarthEngineCredentials.from_token(TOKEN),
            retry=FAST,
        ).import_external(_manifest())
    assert [r.path for r in fake_earthengine.import_requests()] == ["/v1/projects/other-project/image:importExternal"]


def test_where_v1_lacks_import_external_v1alpha_is_asked_once_and_then_kept(fake_earthengine):
    fake_earthengine.import_versions = {"v1alpha"}
    client = _client(fake_earthengine)
    client.import_external(_manifest("projects/ee-demo-project/assets/a"))
    client.import_external(_manifest("projects/ee-demo-project/assets/b"))
    assert [r.path for r in fake_earthengine.import_requests()] == [
        "/v1/projects/ee-demo-project/image:importExternal",
        "/v1alpha/projects/ee-demo-project/image:importExternal",
        "/v1alpha/projects/ee-demo-project/image:importExternal",
    ]
    assert set(fake_earthengine.assets) == {"projects/ee-demo-project/assets/a", "projects/ee-demo-project/assets/b"}


def test_a_method_missing_everywhere_says_so(fake_earthengine):
    fake_earthengine.import_versions = set()
    with pytest.raises(ServiceError) as caught:
        _client(fake_earthengine).import_external(_manifest())
    assert caught.value.what == "Earth Engine refused the request: NOT_FOUND: Method not found."
    assert len(fake_earthengine.import_requests()) == 2


def test_429_is_retried_after_retry_after_then_succeeds(fake_earthengine):
    fake_earthengine.fail_next(429, "Too many requests.", times=2, headers={"Retry-After": "7"})
    sleeps = []
    _client(fake_earthengine, sleeps=sleeps).import_external(_manifest())
    assert sleeps == [7.0, 7.0]
    assert len(fake_earthengine.import_requests()) == 3


def test_persistent_429_becomes_a_rate_limit_error(fake_earthengine):
    fake_earthengine.fail_next(429, "Quota exceeded.", times=10)
    with pytest.raises(RateLimitedError, match="RESOURCE_EXHAUSTED: Quota exceeded."):
        _client(fake_earthengine).import_external(_manifest())
    assert len(fake_earthengine.import_requests()) == FAST.max_attempts


def test_5xx_is_retried_with_backoff(fake_earthengine):
    fake_earthengine.fail_next(503, "The service is currently unavailable.", times=2)
    sleeps = []
    _client(fake_earthengine, sleeps=sleeps).import_external(_manifest())
    assert len(sleeps) == 2 and len(fake_earthengine.import_requests()) == 3


def test_expired_pasted_token_says_how_to_get_a_new_one_and_never_shows_it(fake_earthengine, caplog):
    secret = "ya29.expired-secret-token-value"
    caplog.set_level(logging.DEBUG)
    with pytest.raises(AuthenticationError) as caught:
        _client(fake_earthengine, token=secret).import_external(_manifest())
    assert "expired" in caught.value.what and "gcloud auth print-access-token" in caught.value.check
    assert len(fake_earthengine.import_requests()) == 1  # a pasted token cannot be renewed: no blind retry
    everything = " ".join(
        [
            str(caught.value),
            caught.value.detail,
            repr(caught.value),
            caplog.text,
            repr(EarthEngineCredentials.from_token(secret)),
        ]
    )
    assert secret not in everything


def test_missing_token_in_environment_is_explained():
    with pytest.raises(AuthenticationError, match="COGPORT_EE_TOKEN"):
        EarthEngineCredentials.from_environment({})


@pytest.mark.parametrize(
    "bad, message",
    [
        ("My EE Project", "not a Google Cloud project id"),
        ("proj", "not a Google Cloud project id"),
        ("", "No Cloud project is known"),
    ],
)
def test_project_display_names_are_rejected_with_the_reason(bad, message):
    with pytest.raises(CogportError, match=message):
        validate_project_id(bad)


def test_ui_connection_urls_win_over_environment():
    conn = EarthEngineConnection(project="p-123456", api_url="http://a/", gcs_api_url="")
    env = {"COGPORT_EE_API_URL": "http://b", "COGPORT_GCS_API_URL": "http://g/"}
    assert (conn.ee_base(env), conn.gcs_base(env)) == ("http://a", "http://g")
    assert EarthEngineConnection().ee_base({}) == "https://earthengine.googleapis.com"
    assert EarthEngineConnection().gcs_base({}) == "https://storage.googleapis.com"
