"""Service-account keys become tokens without third-party crypto; secrets never show."""

from __future__ import annotations

import json
import logging
import subprocess

import pytest

from cogport.plugin.core.errors import AuthenticationError
from cogport.plugin.core.services.earthengine import EarthEngineClient, EarthEngineConnection, EarthEngineCredentials
from cogport.plugin.core.services.earthengine_manifest import ImageManifest, Tileset
from cogport.plugin.core.services.google_auth import ServiceAccountKey, ServiceAccountTokens, rsa_sha256_sign
from cogport.plugin.core.services.http import RetryPolicy

EMAIL = "cogport-test@ee-demo-project.iam.gserviceaccount.com"


@pytest.fixture(scope="session")
def private_key_pem(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("sa") / "key.pem"
    subprocess.run(
        ["openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", str(path)],
        check=True,
        capture_output=True,
    )
    return path.read_text()


def _key_json(pem: str, token_uri: str) -> str:
    return json.dumps(
        {
            "type": "service_account",
            "project_id": "ee-demo-project",
            "private_key_id": "abc123",
            "private_key": pem,
            "client_email": EMAIL,
            "token_uri": token_uri,
        }
    )


def test_signature_matches_openssl_byte_for_byte(private_key_pem, tmp_path):
    (tmp_path / "key.pem").write_text(private_key_pem)
    (tmp_path / "msg").write_bytes(b"header.claims")
    expected = subprocess.run(
        ["openssl", "dgst", "-sha256", "-sign", str(tmp_path / "key.pem"), str(tmp_path / "msg")],
        check=True,
        capture_output=True,
    ).stdout
    assert rsa_sha256_sign(private_key_pem, b"header.claims") == expected


def test_pkcs1_pem_is_accepted_too(private_key_pem, tmp_path):
    (tmp_path / "key.pem").write_text(private_key_pem)
    pkcs1 = subprocess.run(
        ["openssl", "pkey", "-in", str(tmp_path / "key.pem"), "-traditional"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert pkcs1.startswith("-----BEGIN RSA PRIVATE KEY-----")
    assert rsa_sha256_sign(pkcs1, b"x") == rsa_sha256_sign(private_key_pem, b"x")


def test_service_account_key_registers_an_asset_via_the_token_endpoint(fake_earthengine, private_key_pem, caplog):
    caplog.set_level(logging.DEBUG)
    fake_earthengine.register_service_account(EMAIL, private_key_pem)
    credentials = EarthEngineCredentials.from_service_account_json(
        _key_json(private_key_pem, fake_earthengine.token_uri)
    )
    client = EarthEngineClient(
        EarthEngineConnection(project="ee-demo-project", api_url=fake_earthengine.url),
        credentials,
        retry=RetryPolicy(max_attempts=2, first_delay=0.0),
    )
    manifest = ImageManifest("projects/ee-demo-project/assets/a", [Tileset("0", (("gs://b/a.tif",),))])
    client.import_external(manifest)
    client.import_external(manifest, overwrite=True)

    token_calls = [r for r in fake_earthengine.requests if r.path == "/token"]
    assert len(token_calls) == 1  # cached until shortly before expiry
    assert fake_earthengine.import_requests()[0].header("Authorization") == "Bearer sa-token-1"
    shown = repr(credentials) + caplog.text
    assert "PRIVATE KEY" not in shown and "sa-token-1" not in shown and "abc123" not in shown


def test_expired_signed_token_is_renewed_once_on_401(fake_earthengine, private_key_pem):
    fake_earthengine.register_service_account(EMAIL, private_key_pem)
    tokens = ServiceAccountTokens(ServiceAccountKey.from_json(_key_json(private_key_pem, fake_earthengine.token_uri)))
    client = EarthEngineClient(
        EarthEngineConnection(project="ee-demo-project", api_url=fake_earthengine.url),
        EarthEngineCredentials(tokens, "service_account"),
        retry=RetryPolicy(max_attempts=2),
    )
    manifest = ImageManifest("projects/ee-demo-project/assets/a", [Tileset("0", (("gs://b/a.tif",),))])
    client.import_external(manifest)
    fake_earthengine.expire("sa-token-1")
    client.import_external(manifest, overwrite=True)
    assert [r.header("Authorization") for r in fake_earthengine.import_requests()] == [
        "Bearer sa-token-1",
        "Bearer sa-token-1",
        "Bearer sa-token-2",
    ]


def test_a_key_the_service_does_not_know_is_refused_clearly(fake_earthengine, private_key_pem):
    tokens = ServiceAccountTokens(ServiceAccountKey.from_json(_key_json(private_key_pem, fake_earthengine.token_uri)))
    with pytest.raises(AuthenticationError) as caught:
        tokens.token()
    assert f"Google refused the service-account key of {EMAIL} (HTTP 400: invalid_grant" in caught.value.what
    assert "PRIVATE KEY" not in str(caught.value) + caught.value.detail


@pytest.mark.parametrize(
    "text, message",
    [
        ("not json", "not valid JSON"),
        (json.dumps({"type": "authorized_user"}), "not a service-account key"),
        (json.dumps({"type": "service_account", "client_email": "x@y"}), "lacks private_key"),
    ],
)
def test_broken_key_files_are_explained(text, message):
    with pytest.raises(AuthenticationError, match=message):
        ServiceAccountKey.from_json(text)


def test_a_corrupt_private_key_is_explained_without_echoing_it():
    key = ServiceAccountKey(EMAIL, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n")
    with pytest.raises(AuthenticationError, match="could not be read") as caught:
        rsa_sha256_sign(key.private_key, b"x")
    assert "AAAA" not in str(caught.value) and "AAAA" not in repr(key)


def test_unauthenticated_after_renewal_is_shown_verbatim_with_its_hint(fake_earthengine, private_key_pem):
    fake_earthengine.register_service_account(EMAIL, private_key_pem)
    fake_earthengine.fail_next(401, "Request had invalid authentication credentials.", times=2)
    credentials = EarthEngineCredentials.from_service_account_json(
        _key_json(private_key_pem, fake_earthengine.token_uri)
    )
    client = EarthEngineClient(
        EarthEngineConnection(project="ee-demo-project", api_url=fake_earthengine.url),
        credentials,
        retry=RetryPolicy(max_attempts=2),
    )
    manifest = ImageManifest("projects/ee-demo-project/assets/a", [Tileset("0", (("gs://b/a.tif",),))])
    with pytest.raises(AuthenticationError) as caught:
        client.import_external(manifest)
    assert caught.value.what == (
        "Earth Engine refused the request: UNAUTHENTICATED: Request had invalid authentication credentials."
    )
    assert "https://www.googleapis.com/auth/earthengine" in caught.value.check
    assert [r.path for r in fake_earthengine.requests].count("/token") == 2  # renewed once, then gave up
