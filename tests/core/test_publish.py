"""The publish chain against the real server: conversion when needed, validation, upload, temporary files."""

from __future__ import annotations

import os

import pytest
from osgeo import gdal

from cogport.plugin.core.cog.validate import validate_cog
from cogport.plugin.core.errors import CogportError
from cogport.plugin.core.publish import ConvertPolicy, PublishSettings, Step, publish_file
from cogport.tests.support.stores import create_bucket, read_object, s3_connection, write_test_cog


@pytest.fixture
def target(objectstore, bucket_name):
    connection, credentials = s3_connection(objectstore)
    root = create_bucket(connection, credentials, bucket_name)
    return connection, credentials, root.child("pub/")


def striped(tmp_path, name="striped.tif"):
    path = tmp_path / name
    gdal.Translate(str(path), str(write_test_cog(tmp_path / f"src-{name}", 1500, 1100, 1)), format="GTiff")
    return path


def test_an_invalid_file_is_converted_then_uploaded_and_the_temporary_copy_removed(target, tmp_path):
    connection, credentials, folder = target
    source = striped(tmp_path)
    steps = []
    outcome = publish_file(
        str(source), PublishSettings(folder), connection, credentials, on_step=lambda step, text: steps.append(step)
    )
    assert steps == [Step.VALIDATING, Step.CONVERTING, Step.VALIDATING, Step.UPLOADING, Step.DONE]
    assert outcome.uri == f"s3://{folder.bucket}/pub/striped.tif"
    assert not os.path.exists(outcome.converted[0])  # temporary conversion output gone
    assert validate_cog(outcome.uploads[0].location.vsi_path).valid  # what is on the store is a valid COG
    assert sorted(os.listdir(tmp_path)) == ["src-striped.tif", "striped.tif"]


def test_converted_copies_are_kept_on_request(target, tmp_path):
    connection, credentials, folder = target
    source = striped(tmp_path)
    outcome = publish_file(str(source), PublishSettings(folder, keep_converted=True), connection, credentials)
    assert outcome.converted == [str(tmp_path / "striped_cog.tif")]
    assert read_object(outcome.uploads[0].location.vsi_path) == (tmp_path / "striped_cog.tif").read_bytes()


def test_a_valid_cog_is_uploaded_as_it_is(target, tmp_path):
    connection, credentials, folder = target
    cog = write_test_cog(tmp_path / "good.tif", 256, 256, 1)
    outcome = publish_file(str(cog), PublishSettings(folder, profile="generic"), connection, credentials)
    assert not outcome.converted and read_object(outcome.uploads[0].location.vsi_path) == cog.read_bytes()


def test_never_convert_stops_an_invalid_file_with_its_findings(target, tmp_path):
    connection, credentials, folder = target
    with pytest.raises(CogportError) as info:
        publish_file(
            str(striped(tmp_path)), PublishSettings(folder, convert=ConvertPolicy.NEVER), connection, credentials
        )
    assert "striped.tif is not a valid COG for the 'generic' profile (NOT_TILED)" in str(info.value)
    assert read_object(f"/vsis3/{folder.bucket}/pub/striped.tif") == b""


def test_a_corrupt_file_fails_naming_the_file_and_uploads_nothing(target, tmp_path):
    connection, credentials, folder = target
    corrupt = tmp_path / "corrupt.tif"
    corrupt.write_bytes(b"II*\x00" + b"\x00garbage" * 50)
    with pytest.raises(CogportError) as info:
        publish_file(str(corrupt), PublishSettings(folder), connection, credentials)
    assert "corrupt.tif" in str(info.value)
    assert read_object(f"/vsis3/{folder.bucket}/pub/corrupt.tif") == b""
    assert sorted(os.listdir(tmp_path)) == ["corrupt.tif"]
