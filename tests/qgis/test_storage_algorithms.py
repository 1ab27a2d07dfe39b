"""cogport:list_objects and cogport:open_remote_raster, headless through processing.run."""

from __future__ import annotations

import pytest
from qgis.core import QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback, QgsProject

from cogport.tests.support.stores import create_bucket, put_bytes, put_file, s3_connection, write_byte_cog


@pytest.fixture
def listed_bucket(objectstore, store, bucket_name, tmp_path):
    connection, credentials = s3_connection(objectstore, name="Local")
    store.save(connection, credentials)
    root = create_bucket(connection, credentials, bucket_name)
    for key in ("a.tif", "b.TIF", "notes.txt", "sub/c.tif", "sub/deeper/d.tif"):
        put_bytes(root.child(key), b"1234")
    write_byte_cog(tmp_path / "g.tif")
    put_file(root.child("cog/g.tif"), tmp_path / "g.tif")
    return bucket_name


def test_list_objects_flat_recursive_and_filtered(cogport_provider, listed_bucket):
    import processing

    def listed(**extra):
        result = processing.run(
            "cogport:list_objects",
            {"CONNECTION": "Local", "LOCATION": f"s3://{listed_bucket}/", "OUTPUT": "memory:", **extra},
        )
        return sorted(f["uri"] for f in result["OUTPUT"].getFeatures())

    base = f"s3://{listed_bucket}"
    assert listed(PATTERN="*.tif") == [f"{base}/a.tif", f"{base}/b.TIF"]
    assert listed(PATTERN="*.tif", RECURSIVE=True) == [
        f"{base}/a.tif",
        f"{base}/b.TIF",
        f"{base}/cog/g.tif",
        f"{base}/sub/c.tif",
        f"{base}/sub/deeper/d.tif",
    ]
    assert f"{base}/notes.txt" in listed(PATTERN="")


class _Errors(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.errors = []

    def reportError(self, error, fatalError=False):
        self.errors.append(error)


def test_list_objects_unknown_connection_says_what_to_check(cogport_provider, store):
    import processing

    feedback = _Errors()
    with pytest.raises(QgsProcessingException):
        processing.run(
            "cogport:list_objects",
            {"CONNECTION": "Nope", "LOCATION": "s3://b/", "OUTPUT": "memory:"},
            feedback=feedback,
        )
    assert any("no storage connection named 'Nope'" in e for e in feedback.errors)


def test_open_remote_raster_loads_a_layer(cogport_provider, listed_bucket, qgis_new_project):
    import processing

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    result = processing.run(
        "cogport:open_remote_raster",
        {"CONNECTION": "Local", "INPUT": f"s3://{listed_bucket}/cog/g.tif"},
        context=context,
        feedback=QgsProcessingFeedback(),
    )
    layer = result["OUTPUT"]  # processing.run hands back the layer itself
    assert layer.isValid() and layer.source() == f"/vsis3/{listed_bucket}/cog/g.tif" and layer.width() == 300
