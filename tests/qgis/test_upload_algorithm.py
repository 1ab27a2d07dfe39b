"""`cogport:upload` through processing.run and inside a Processing model, headless, against the real server."""

from __future__ import annotations

import pytest
from osgeo import gdal
from qgis.core import (
    QgsApplication,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingModelAlgorithm,
    QgsProcessingModelChildAlgorithm,
    QgsProcessingModelChildParameterSource,
    QgsProcessingModelParameter,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
)

from cogport.plugin.core.storage.gdal_config import forget_cached
from cogport.tests.support.stores import (
    create_bucket,
    put_bytes,
    read_object,
    s3_connection,
    swift_connection,
    use_gdal_settings,
    write_test_cog,
)


def test_parameters(cogport_provider):
    algorithm = QgsApplication.processingRegistry().algorithmById("cogport:upload")
    assert [p.name() for p in algorithm.parameterDefinitions()][:4] == [
        "INPUT",
        "DESTINATION",
        "CONNECTION",
        "OVERWRITE",
    ]
    assert (
        algorithm.parameterDefinition("CONNECTION").flags() & algorithm.parameterDefinition("CONNECTION").FlagOptional
    )
    assert {o.name() for o in algorithm.outputDefinitions()} >= {"OUTPUT", "VSI_PATH", "SIZE"}


@pytest.mark.parametrize("make", [s3_connection, swift_connection], ids=["s3", "swift"])
def test_upload_with_gdal_configured_credentials_and_overwrite_rule(
    cogport_provider, objectstore, bucket_name, tmp_path, make
):
    import processing

    connection, credentials = make(objectstore)
    root = create_bucket(connection, credentials, bucket_name)
    use_gdal_settings(connection, credentials, bucket_name)  # GDAL options for the bucket, no saved connection
    cog = write_test_cog(tmp_path / "scene.tif", 256, 256, 1)
    scheme = "s3" if connection.handler == "vsis3" else "swift"
    destination = f"s3://{bucket_name}/cogs/" if scheme == "s3" else f"/vsiswift/{bucket_name}/cogs/"
    result = processing.run("cogport:upload", {"INPUT": str(cog), "DESTINATION": destination, "OVERWRITE": False})
    assert result["OUTPUT"] == f"{scheme}://{bucket_name}/cogs/scene.tif"
    assert result["SIZE"] == cog.stat().st_size
    assert read_object(result["VSI_PATH"]) == cog.read_bytes()
    with pytest.raises(QgsProcessingException, match="already exists.*OVERWRITE"):
        processing.run("cogport:upload", {"INPUT": str(cog), "DESTINATION": destination, "OVERWRITE": False})
    put_bytes(root.child("cogs/scene.tif"), b"replace me")
    processing.run("cogport:upload", {"INPUT": str(cog), "DESTINATION": destination, "OVERWRITE": True})
    assert read_object(result["VSI_PATH"]) == cog.read_bytes()


def test_missing_bucket_message_reaches_processing(cogport_provider, objectstore, tmp_path):
    import processing

    connection, credentials = s3_connection(objectstore)
    create_bucket(connection, credentials, "upload-alg-exists")
    use_gdal_settings(connection, credentials, "upload-alg-missing")
    cog = write_test_cog(tmp_path / "scene.tif", 64, 64, 1)
    with pytest.raises(QgsProcessingException, match="does not exist"):
        processing.run("cogport:upload", {"INPUT": str(cog), "DESTINATION": "s3://upload-alg-missing/x.tif"})


class ErrorFeedback(QgsProcessingFeedback):
    def __init__(self) -> None:
        super().__init__()
        self.errors = []

    def reportError(self, error, fatalError=False):
        self.errors.append(error)


def publish_model(convert: bool = False) -> QgsProcessingModelAlgorithm:
    """[convert_to_cog ->] validate_cog -> upload; upload only runs when VALID is true."""
    model = QgsProcessingModelAlgorithm("Publish COG", "cogport-tests")
    model.addModelParameter(QgsProcessingParameterFile("source", "Source"), QgsProcessingModelParameter("source"))
    model.addModelParameter(
        QgsProcessingParameterString("destination", "Destination"), QgsProcessingModelParameter("destination")
    )
    cog = QgsProcessingModelChildParameterSource.fromModelParameter("source")
    if convert:
        conversion = QgsProcessingModelChildAlgorithm("cogport:convert_to_cog")
        conversion.setChildId("convert")
        conversion.addParameterSources("INPUT", [cog])
        conversion.addParameterSources("PROFILE", [QgsProcessingModelChildParameterSource.fromStaticValue(0)])
        model.addChildAlgorithm(conversion)
        cog = QgsProcessingModelChildParameterSource.fromChildOutput("convert", "OUTPUT")
    validate = QgsProcessingModelChildAlgorithm("cogport:validate_cog")
    validate.setChildId("validate")
    validate.addParameterSources("INPUT", [cog])
    validate.addParameterSources("PROFILE", [QgsProcessingModelChildParameterSource.fromStaticValue(0)])
    model.addChildAlgorithm(validate)
    upload = QgsProcessingModelChildAlgorithm("cogport:upload")
    upload.setChildId("upload")
    upload.addParameterSources("INPUT", [cog])
    upload.addParameterSources(
        "DESTINATION", [QgsProcessingModelChildParameterSource.fromModelParameter("destination")]
    )
    upload.addParameterSources("VALID", [QgsProcessingModelChildParameterSource.fromChildOutput("validate", "VALID")])
    upload.addParameterSources("OVERWRITE", [QgsProcessingModelChildParameterSource.fromStaticValue(False)])
    model.addChildAlgorithm(upload)
    return model


def test_model_converts_validates_and_uploads(cogport_provider, objectstore, bucket_name, tmp_path):
    import processing

    from cogport.plugin.core.cog.validate import validate_cog

    connection, credentials = s3_connection(objectstore)
    create_bucket(connection, credentials, bucket_name)
    use_gdal_settings(connection, credentials, bucket_name)
    striped = tmp_path / "striped.tif"
    gdal.Translate(str(striped), str(write_test_cog(tmp_path / "big.tif", 1500, 1100, 1)), format="GTiff")
    destination = f"s3://{bucket_name}/published/scene.tif"
    processing.run(publish_model(convert=True), {"source": str(striped), "destination": destination})
    report = validate_cog(f"/vsis3/{bucket_name}/published/scene.tif")
    assert report.valid, report.findings
    original = gdal.Open(str(striped))
    uploaded = gdal.Open(f"/vsis3/{bucket_name}/published/scene.tif")
    assert uploaded.GetRasterBand(1).Checksum() == original.GetRasterBand(1).Checksum()


def test_model_validates_then_uploads_and_refuses_an_invalid_file(cogport_provider, objectstore, bucket_name, tmp_path):
    import processing

    connection, credentials = s3_connection(objectstore)
    create_bucket(connection, credentials, bucket_name)
    use_gdal_settings(connection, credentials, bucket_name)
    cog = write_test_cog(tmp_path / "good.tif", 512, 512, 1)
    processing.run(publish_model(), {"source": str(cog), "destination": f"s3://{bucket_name}/published/"})
    assert read_object(f"/vsis3/{bucket_name}/published/good.tif") == cog.read_bytes()

    striped = tmp_path / "striped.tif"
    big = write_test_cog(tmp_path / "big.tif", 1500, 1100, 1)
    gdal.Translate(str(striped), str(big), format="GTiff")  # striped, no overviews: not a COG
    feedback = ErrorFeedback()
    with pytest.raises(QgsProcessingException) as refused:
        processing.run(
            publish_model(),
            {"source": str(striped), "destination": f"s3://{bucket_name}/published/"},
            feedback=feedback,
        )
    # QGIS 3.22 reports a failed model step in the log as an error; 3.40 and newer put it in the model's own
    # error, which the Processing dialog shows in its log. Either way the user reads why.
    shown = [str(refused.value), *feedback.errors]
    assert any("striped.tif was not uploaded: validation found errors" in line for line in shown)
    forget_cached(f"/vsis3/{bucket_name}")
    assert gdal.VSIStatL(f"/vsis3/{bucket_name}/published/striped.tif") is None


@pytest.mark.parametrize("make", [s3_connection, swift_connection], ids=["s3", "swift"])
def test_upload_through_a_saved_connection_by_name(cogport_provider, store, objectstore, bucket_name, tmp_path, make):
    import processing

    connection, credentials = make(objectstore)
    saved = store.save(connection, credentials)
    create_bucket(connection, credentials, bucket_name)
    gdal.ClearPathSpecificOptions()  # only the saved connection can reach the bucket now
    cog = write_test_cog(tmp_path / "scene.tif", 128, 128, 1)
    destination = f"/{connection.handler}/{bucket_name}/by-name/"
    result = processing.run("cogport:upload", {"INPUT": str(cog), "DESTINATION": destination, "CONNECTION": saved.name})
    assert result["VSI_PATH"] == f"{destination}scene.tif"
    assert read_object(result["VSI_PATH"]) == cog.read_bytes()
    feedback = ErrorFeedback()
    with pytest.raises(QgsProcessingException):
        processing.run(
            "cogport:upload", {"INPUT": str(cog), "DESTINATION": destination, "CONNECTION": "Nope"}, feedback=feedback
        )
    assert any("There is no storage connection named 'Nope'" in error for error in feedback.errors)
