"""Swift through Keystone v3, against the real Keystone and Swift of tests/support/keystone.py."""

from __future__ import annotations

import dataclasses
import os
import time
from pathlib import Path

import pytest
from osgeo import gdal

from cogport.plugin.core.cog.validate import validate_cog
from cogport.plugin.core.errors import AuthenticationError, CogportError, NetworkError, NotFoundError, StorageError
from cogport.plugin.core.progress import Progress
from cogport.plugin.core.storage.gdal_config import SCOPED_OPTIONS
from cogport.plugin.core.storage.keystone import KEYSTONE
from cogport.plugin.core.storage.listing import walk_objects
from cogport.plugin.core.storage.probe import describe_connection, list_bucket_names
from cogport.plugin.core.storage.transfer import MiB
from cogport.plugin.core.storage.upload import IfExists, UploadOptions, upload_file
from cogport.plugin.core.storage.uri import ObjectLocation
from cogport.tests.support.counting_proxy import CountingProxy
from cogport.tests.support.keystone import (
    REGION_SWIFT_DOWN,
    REGION_WITHOUT_SWIFT,
    REVOCATION_SEEN_AFTER,
    SHORT_TOKEN_SECONDS,
)
from cogport.tests.support.objectstore import free_port
from cogport.tests.support.stores import create_bucket, put_file, read_object, write_byte_cog

SEGMENTED = UploadOptions(swift_segment_threshold=1 * MiB, swift_segment_size=1 * MiB, concurrency=2)


@pytest.fixture(autouse=True)
def _fresh_sessions():
    """Each test authenticates anew: the session registry is keyed by connection name."""
    yield
    KEYSTONE._sessions.clear()


def random_file(tmp_path: Path, size: int, name: str = "scene.tif") -> Path:
    path = tmp_path / name
    path.write_bytes(os.urandom(size))
    return path


def login_count(connection, credentials) -> int:
    return KEYSTONE.session(connection, credentials).authentications


# ----- Test connection, listing, reading ---------------------------------------------------------


def test_test_connection_lists_containers_and_says_project_region_and_endpoint(openstack, bucket_name):
    connection, credentials = openstack.connection("alice")
    create_bucket(connection, credentials, bucket_name)
    text = describe_connection(connection, credentials)
    alice = openstack.users["alice"]
    assert f"project 'alpha', region GRA, public endpoint http://{openstack.swift_endpoint}/v1/{alice.account}" in text
    assert bucket_name in text
    assert bucket_name in openstack.swift_listing("alice")
    assert login_count(connection, credentials) == 1  # the listing, the probe and the message share one token


def test_the_interface_picks_the_catalogs_endpoint(openstack, bucket_name):
    connection, credentials = openstack.connection("alice", interface="internal")
    assert f"internal endpoint http://localhost:{openstack.swift_port}/" in describe_connection(connection, credentials)


@pytest.mark.parametrize(
    "fields",
    [
        lambda u: {"project_name": "", "project_id": u.project_id},
        lambda u: {"user_id": u.user_id, "user_domain": ""},
        lambda u: {
            "user_domain": "",
            "user_domain_id": u.domain_id,
            "project_domain": "",
            "project_domain_id": u.domain_id,
        },
    ],
    ids=["project-id", "user-id", "domain-ids"],
)
def test_users_projects_and_domains_by_name_or_id(openstack, bucket_name, fields):
    bob = openstack.users["bob"]  # in domain Orbit, not Default
    connection, credentials = openstack.connection("bob", **fields(bob))
    create_bucket(connection, credentials, bucket_name)
    assert bucket_name in list_bucket_names(connection, credentials)
    assert bucket_name in openstack.swift_listing("bob")


def test_application_credential_reaches_its_project(openstack, bucket_name):
    connection, credentials = openstack.application_credential_connection()
    create_bucket(connection, credentials, bucket_name)
    assert "project 'alpha'" in describe_connection(connection, credentials)
    assert bucket_name in openstack.swift_listing("alice")


def test_a_pasted_token_is_used_as_is(openstack, bucket_name):
    connection, credentials = openstack.token_connection(openstack.user_token("alice"))
    create_bucket(connection, credentials, bucket_name)
    assert bucket_name in describe_connection(connection, credentials)


def test_browse_read_and_validate_a_cog_through_gdal(openstack, bucket_name, tmp_path):
    connection, credentials = openstack.connection("alice")
    location = create_bucket(connection, credentials, bucket_name).child("sub/scene.tif")
    values = write_byte_cog(tmp_path / "scene.tif")
    put_file(location, tmp_path / "scene.tif")
    found = list(walk_objects(connection, credentials, ObjectLocation("vsiswift", bucket_name), recursive=True))
    assert [entry.location.key for entry in found] == ["sub/scene.tif"]
    dataset = gdal.Open(location.vsi_path)
    assert (dataset.GetRasterBand(1).ReadAsArray() == values).all()
    report = validate_cog(location.vsi_path)
    assert report.valid and report.bytes_read < 100_000


# ----- uploads -----------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [300_000, 3 * MiB + 5], ids=["single-put", "slo"])
def test_upload_single_put_and_segmented_with_segment_clean_up(openstack, bucket_name, tmp_path, size):
    connection, credentials = openstack.connection("alice")
    source = random_file(tmp_path, size)
    destination = f"/vsiswift/{bucket_name}/scene.tif"
    create_bucket(connection, credentials, bucket_name)
    result = upload_file(str(source), destination, connection, credentials, options=SEGMENTED)
    assert read_object(result.location.vsi_path) == source.read_bytes()
    segments = openstack.swift_listing("alice", f"{bucket_name}_segments")
    assert len(segments) == (0 if size < MiB else 4)
    small = random_file(tmp_path, 1000, "small.tif")
    upload_file(str(small), destination, connection, credentials, options=SEGMENTED, if_exists=IfExists.OVERWRITE)
    assert read_object(result.location.vsi_path) == small.read_bytes()
    assert openstack.swift_listing("alice", f"{bucket_name}_segments") == []
    assert login_count(connection, credentials) == 1


def _pausing_progress(pause) -> Progress:
    """Calls `pause` once, at the first progress report after a quarter of the upload."""
    done = []

    def on_fraction(fraction: float) -> None:
        if fraction >= 0.25 and not done:
            done.append(fraction)
            pause()

    return Progress(on_fraction=on_fraction)


def test_a_token_expiring_mid_upload_is_renewed_and_the_object_is_byte_equal(openstack, bucket_name, tmp_path):
    connection, credentials = openstack.connection("alice", auth_url=openstack.short_auth_url)
    create_bucket(connection, credentials, bucket_name)
    source = random_file(tmp_path, 4 * MiB + 3)
    first = KEYSTONE.session(connection, credentials).token()
    # Wait, mid-upload, until the token the upload started with has expired.
    progress = _pausing_progress(lambda: time.sleep(max(first.expires_at - time.time(), 0) + 1))
    result = upload_file(
        str(source), f"/vsiswift/{bucket_name}/big.tif", connection, credentials, options=SEGMENTED, progress=progress
    )
    assert first.expires_at < time.time()
    assert login_count(connection, credentials) == 2
    assert read_object(result.location.vsi_path) == source.read_bytes()


def test_a_token_revoked_mid_upload_is_renewed_after_swifts_401(openstack, bucket_name, tmp_path):
    connection, credentials = openstack.connection("alice")
    create_bucket(connection, credentials, bucket_name)
    source = random_file(tmp_path, 4 * MiB + 3)
    first = KEYSTONE.session(connection, credentials).token()
    progress = _pausing_progress(lambda: openstack.revoke(first.value) or time.sleep(REVOCATION_SEEN_AFTER + 0.5))
    result = upload_file(
        str(source), f"/vsiswift/{bucket_name}/big.tif", connection, credentials, options=SEGMENTED, progress=progress
    )
    assert read_object(result.location.vsi_path) == source.read_bytes()
    assert login_count(connection, credentials) == 2
    assert openstack.swift_listing("alice", f"{bucket_name}_segments") != []  # the SLO's own segments


def test_gdal_gets_a_renewed_token_before_the_old_one_expires(openstack, bucket_name, tmp_path):
    connection, credentials = openstack.connection("alice", auth_url=openstack.short_auth_url)
    location = create_bucket(connection, credentials, bucket_name).child("scene.tif")
    values = write_byte_cog(tmp_path / "scene.tif")
    put_file(location, tmp_path / "scene.tif")
    first = KEYSTONE.session(connection, credentials).token()
    assert SCOPED_OPTIONS.renew_tokens(connection.name) == set()  # still fresh: nothing to do
    time.sleep(max(first.renew_at - time.time(), 0) + 0.2)
    assert SCOPED_OPTIONS.renew_tokens(connection.name) == {location.bucket_prefix}
    time.sleep(max(first.expires_at - time.time(), 0) + 1)
    dataset = gdal.Open(location.vsi_path)  # the old token has expired; the options hold the new one
    assert (dataset.GetRasterBand(1).ReadAsArray() == values).all()


def test_without_a_connection_uploads_use_gdals_os_options(openstack, bucket_name, tmp_path, monkeypatch):
    connection, credentials = openstack.connection("alice")
    create_bucket(connection, credentials, bucket_name)
    SCOPED_OPTIONS.withdraw(connection.name)  # from here on only the environment tells who uploads
    alice = openstack.users["alice"]
    environment = {
        "OS_IDENTITY_API_VERSION": "3",
        "OS_AUTH_URL": openstack.auth_url,
        "OS_USERNAME": alice.name,
        "OS_PASSWORD": alice.password,
        "OS_USER_DOMAIN_NAME": "Default",
        "OS_PROJECT_NAME": alice.project_name,
        "OS_PROJECT_DOMAIN_NAME": "Default",
        "OS_REGION_NAME": "GRA",
    }
    for key, value in environment.items():
        monkeypatch.setenv(key, value)
    source = random_file(tmp_path, 200_000)
    result = upload_file(str(source), f"/vsiswift/{bucket_name}/env.tif")
    assert "env.tif" in openstack.swift_listing("alice", bucket_name)
    # Application credentials the same way.
    credential = openstack.application_credential
    for key in ("OS_USERNAME", "OS_PASSWORD", "OS_PROJECT_NAME"):
        monkeypatch.delenv(key)
    monkeypatch.setenv("OS_AUTH_TYPE", "v3applicationcredential")
    monkeypatch.setenv("OS_APPLICATION_CREDENTIAL_ID", credential.id)
    monkeypatch.setenv("OS_APPLICATION_CREDENTIAL_SECRET", credential.secret)
    upload_file(str(source), f"/vsiswift/{bucket_name}/appcred.tif")
    assert "appcred.tif" in openstack.swift_listing("alice", bucket_name)
    # GDAL itself reads them back with the same options (its OS_* support).
    assert len(read_object(result.location.vsi_path)) == 200_000


# ----- errors that say what to check -------------------------------------------------------------


def _failure(connection, credentials) -> CogportError:
    with pytest.raises(CogportError) as info:
        describe_connection(connection, credentials)
    return info.value


@pytest.mark.parametrize(
    "change",
    [{"secret": "not-her-password"}, {"identity": "nobody"}],  # pragma: allowlist secret
    ids=["wrong-password", "unknown-user"],
)
def test_wrong_password_and_unknown_user_name_the_user_its_domain_and_the_password(openstack, change):
    connection, credentials = openstack.connection("alice")
    credentials = dataclasses.replace(credentials, **change)
    error = _failure(connection, credentials)
    assert isinstance(error, AuthenticationError)
    assert f"Keystone refused user '{credentials.identity}' (domain 'Default') or its password" in error.what
    assert "the user name, the user domain" in error.check and "password" in error.check
    assert credentials.secret not in str(error)


@pytest.mark.parametrize(
    "fields",
    [{"project_name": "beta"}, {"project_domain": "Orbit"}],
    ids=["project-of-another-user", "wrong-project-domain"],
)
def test_wrong_project_or_domain_says_the_user_is_right_but_not_the_project(openstack, fields):
    error = _failure(*openstack.connection("alice", **fields))
    assert isinstance(error, AuthenticationError)
    assert "accepted user 'alice' but not project" in error.what
    assert "its domain" in error.check and "role on that project" in error.check


def test_wrong_user_domain_is_a_refused_user(openstack):
    error = _failure(*openstack.connection("alice", user_domain="Orbit"))
    assert "Keystone refused user 'alice' (domain 'Orbit')" in error.what


def test_a_region_without_swift_lists_the_regions_that_have_it(openstack):
    error = _failure(*openstack.connection("alice", region=REGION_WITHOUT_SWIFT))
    assert f"no public object-store endpoint in region '{REGION_WITHOUT_SWIFT}'" in error.what
    assert "Swift is offered in BHS, GRA" in error.check


def test_a_catalog_without_object_store_says_so(openstack):
    error = _failure(*openstack.connection("alice", project_name="nostore"))
    assert "project 'nostore' has no object-store (Swift) service" in error.what
    assert "Object Storage is enabled" in error.check


def test_keystone_down_names_keystone_and_the_auth_url(openstack):
    dead = f"http://127.0.0.1:{free_port()}/v3"
    error = _failure(*openstack.connection("alice", auth_url=dead))
    assert isinstance(error, NetworkError)
    assert error.what.startswith("Keystone could not be reached.") and dead in error.check


def test_swift_down_while_keystone_is_up_names_the_swift_endpoint(openstack):
    error = _failure(*openstack.connection("alice", region=REGION_SWIFT_DOWN))
    assert isinstance(error, NetworkError)
    assert error.what.startswith("Could not connect to 127.0.0.1:") and "server is down" in error.what


def test_a_missing_role_is_swifts_403_and_names_the_role(openstack):
    error = _failure(*openstack.connection("rita"))  # only the reader role on alpha
    assert isinstance(error, AuthenticationError) and "denied" in error.what
    assert "roles on alpha" in error.check and "member role" in error.check


def test_bad_application_credential_and_bad_pasted_token(openstack):
    connection, credentials = openstack.application_credential_connection()
    error = _failure(connection, dataclasses.replace(credentials, secret="wrong"))
    assert "application credential" in error.what and "ID and secret" in error.check
    error = _failure(*openstack.token_connection("gAAAAAnotatoken"))
    assert "pasted token" in error.what and "openstack token issue" in error.check


def test_an_expired_pasted_token_asks_for_a_new_one(openstack, bucket_name):
    token = openstack.user_token("alice", auth_url=openstack.short_auth_url)
    connection, credentials = openstack.token_connection(token)
    create_bucket(connection, credentials, bucket_name)
    time.sleep(SHORT_TOKEN_SECONDS + 1)
    error = _failure(connection, credentials)
    assert "pasted" in error.what and "paste a new token" in error.check


# ----- two projects side by side -----------------------------------------------------------------


def test_two_projects_side_by_side_never_reach_each_other(openstack, bucket_name, tmp_path):
    alice, alice_credentials = openstack.connection("alice")
    bob, bob_credentials = openstack.connection("bob")
    a_location = create_bucket(alice, alice_credentials, f"{bucket_name}-a").child("a.tif")
    b_location = create_bucket(bob, bob_credentials, f"{bucket_name}-b").child("b.tif")
    put_file(a_location, random_file(tmp_path, 1000, "a.tif"))
    put_file(b_location, random_file(tmp_path, 2000, "b.tif"))
    assert f"{bucket_name}-b" not in list_bucket_names(alice, alice_credentials)
    assert f"{bucket_name}-a" not in list_bucket_names(bob, bob_credentials)
    assert len(read_object(a_location.vsi_path)) == 1000 and len(read_object(b_location.vsi_path)) == 2000
    # Alice's connection pointed at Bob's container finds nothing: the container is not in her account.
    SCOPED_OPTIONS.apply(alice, alice_credentials, f"{bucket_name}-b")
    assert read_object(b_location.vsi_path) == b""
    with pytest.raises(NotFoundError):
        list(walk_objects(alice, alice_credentials, ObjectLocation("vsiswift", f"{bucket_name}-b")))
    with pytest.raises(StorageError):
        upload_file(str(tmp_path / "a.tif"), f"/vsiswift/{bucket_name}-b/", alice, alice_credentials)
    assert openstack.swift_listing("bob", f"{bucket_name}-b") == ["b.tif"]


def test_one_keystone_login_for_browsing_reading_and_uploading(openstack, bucket_name, tmp_path):
    with CountingProxy(openstack.auth_url.split("/")[2]) as keystone:
        connection, credentials = openstack.connection("alice", auth_url=f"http://{keystone.endpoint}/v3")
        location = create_bucket(connection, credentials, bucket_name).child("scene.tif")
        describe_connection(connection, credentials)
        upload_file(str(random_file(tmp_path, 5000)), location.uri, connection, credentials)
        list(walk_objects(connection, credentials, ObjectLocation("vsiswift", bucket_name)))
        assert len(read_object(location.vsi_path)) == 5000
        logins = [r for r in keystone.counter.requests if r[0] == "POST" and r[1].endswith("/auth/tokens")]
    assert len(logins) == 1
