"""Drops on the bucket browser: validation first, the analyst's answers, one task per file, real server."""

from __future__ import annotations

import pytest
from osgeo import gdal
from qgis.core import QgsRasterLayer

from cogport.plugin.core.publish import Step
from cogport.plugin.qgis.publish.upload_flow import CONVERT, SKIP, upload_files
from cogport.tests.support.stores import (
    create_bucket,
    put_bytes,
    read_object,
    s3_connection,
    swift_connection,
    write_test_cog,
)


class Answers:
    """Stands in for the analyst at the question boxes, recording what was asked."""

    def __init__(self, *choices: str) -> None:
        self.choices = list(choices)
        self.asked = []

    def __call__(self, title, text, options):
        self.asked.append((title, text, [choice for choice, _label in options]))
        return self.choices.pop(0)


def striped_tiff(tmp_path, name="striped.tif"):
    big = write_test_cog(tmp_path / f"src-{name}", 1500, 1100, 1)
    path = tmp_path / name
    gdal.Translate(str(path), str(big), format="GTiff")
    return path


def run_drop(qtbot, *args, **kwargs):
    run = upload_files(*args, **kwargs)
    assert run is not None
    with qtbot.waitSignal(run.finished, timeout=60000):
        pass
    return run


@pytest.mark.parametrize("make", [s3_connection, swift_connection], ids=["s3", "swift"])
def test_drop_uploads_valid_files_and_asks_about_invalid_ones(
    qgis_iface, qtbot, objectstore, bucket_name, tmp_path, make
):
    connection, credentials = make(objectstore)
    root = create_bucket(connection, credentials, bucket_name)
    good = write_test_cog(tmp_path / "good.tif", 256, 256, 1)
    bad = striped_tiff(tmp_path)
    answers = Answers(SKIP)
    steps = []
    run = upload_files(
        qgis_iface, connection, root.child("drops/"), [str(good), str(bad)], credentials=credentials, ask=answers
    )
    run.stepChanged.connect(lambda index, step, text: steps.append((index, step)))
    with qtbot.waitSignal(run.finished, timeout=60000):
        pass
    title, text, options = answers.asked[0]
    assert title == "Not valid COGs" and "striped.tif" in text and "good.tif" not in text
    assert options == [CONVERT, "as-is", SKIP]
    assert read_object(f"/{connection.handler}/{bucket_name}/drops/good.tif") == good.read_bytes()
    assert read_object(f"/{connection.handler}/{bucket_name}/drops/striped.tif") == b""
    assert [o.step for o in run.outcomes] == [Step.DONE, Step.SKIPPED]
    assert (0, "uploading") in steps and (0, "done") in steps
    assert f"good.tif → {root.child('drops/good.tif').uri}" in run.summary()


def test_existing_object_can_be_kept_beside_and_a_corrupt_file_fails_alone(
    qgis_iface, qtbot, objectstore, bucket_name, tmp_path
):
    connection, credentials = s3_connection(objectstore)
    root = create_bucket(connection, credentials, bucket_name)
    put_bytes(root.child("in/good.tif"), b"already here")
    good = write_test_cog(tmp_path / "good.tif", 256, 256, 1)
    corrupt = tmp_path / "corrupt.tif"
    corrupt.write_bytes(b"II*\x00\x08\x00\x00\x00" + b"\x00garbage" * 50)  # an IFD of 0 entries
    layer = QgsRasterLayer(str(write_test_cog(tmp_path / "layer.tif", 128, 128, 1)), "layer")
    assert layer.isValid()
    answers = Answers(CONVERT, "rename")
    run = run_drop(
        qtbot,
        qgis_iface,
        connection,
        root.child("in/"),
        [str(good), str(corrupt), layer],
        credentials=credentials,
        ask=answers,
    )
    assert answers.asked[0][0] == "Not valid COGs" and "corrupt.tif" in answers.asked[0][1]
    assert answers.asked[1][0] == "Objects already exist" and "good.tif" in answers.asked[1][1]
    assert read_object(f"/vsis3/{bucket_name}/in/good.tif") == b"already here"
    assert read_object(f"/vsis3/{bucket_name}/in/good_1.tif") == good.read_bytes()
    assert read_object(f"/vsis3/{bucket_name}/in/layer.tif") == (tmp_path / "layer.tif").read_bytes()
    steps = [o.step for o in run.outcomes]
    assert steps == [Step.DONE, Step.FAILED, Step.DONE]
    assert "corrupt.tif" in run.errors[1]


def test_a_cut_short_file_fails_in_the_check_without_a_question(qgis_iface, qtbot, objectstore, bucket_name, tmp_path):
    connection, credentials = s3_connection(objectstore)
    root = create_bucket(connection, credentials, bucket_name)
    whole = write_test_cog(tmp_path / "whole.tif", 1024, 1024, 1)
    cut = tmp_path / "cut.tif"
    cut.write_bytes(whole.read_bytes()[:-1])
    answers = Answers()
    run = run_drop(qtbot, qgis_iface, connection, root.child("in/"), [str(cut)], credentials=credentials, ask=answers)
    assert answers.asked == []  # converting cannot repair it, and uploading it as it is is never offered
    assert [o.step for o in run.outcomes] == [Step.FAILED]
    assert "cut.tif is incomplete" in run.errors[0] and "copy or upload it again" in run.errors[0]
    assert read_object(f"/vsis3/{bucket_name}/in/cut.tif") == b""


def test_nothing_local_to_upload_says_so(qgis_iface, objectstore):
    connection, credentials = s3_connection(objectstore)
    from cogport.plugin.core.storage.uri import ObjectLocation

    assert (
        upload_files(
            qgis_iface, connection, ObjectLocation("vsis3", "b", "x/"), ["/nonexistent.tif"], credentials=credentials
        )
        is None
    )


def test_drop_handler_signature_with_a_saved_connection(qgis_iface, qtbot, store, objectstore, bucket_name, tmp_path):
    """What the bucket browser passes on a drop: the saved connection, the folder's location and paths."""
    connection, credentials = s3_connection(objectstore)
    saved = store.save(connection, credentials)
    root = create_bucket(connection, credentials, bucket_name)
    gdal.ClearPathSpecificOptions()  # the secrets must come from the auth DB
    good = write_test_cog(tmp_path / "good.tif", 128, 128, 1)
    run = run_drop(qtbot, qgis_iface, saved, root.child("folder/"), [str(good)])
    assert run.summary().splitlines()[1] == f"✔ good.tif → s3://{bucket_name}/folder/good.tif"
    assert read_object(f"/vsis3/{bucket_name}/folder/good.tif") == good.read_bytes()
