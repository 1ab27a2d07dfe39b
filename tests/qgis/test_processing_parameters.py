"""Processing parameters as people type them: choices by name (old models' indexes still work), saved
connections offered as choices and typed headless, and an empty CONNECTION meaning GDAL's own settings."""

from __future__ import annotations

import json

import pytest
from qgis.core import (
    QgsApplication,
    QgsProcessingException,
    QgsProcessingModelAlgorithm,
    QgsProcessingModelChildAlgorithm,
    QgsProcessingModelChildParameterSource,
    QgsProcessingModelParameter,
    QgsProcessingParameterFile,
)

from cogport.tests.support.stores import (
    create_bucket,
    put_bytes,
    read_object,
    s3_connection,
    use_gdal_settings,
    write_test_cog,
)

CHOICES = {
    ("cogport:convert_to_cog", "PROFILE"): ["generic", "earthengine", "byoc", "web"],
    ("cogport:validate_cog", "PROFILE"): ["generic", "earthengine", "byoc", "web"],
    ("cogport:list_byoc_tiles", "STATUS"): ["any", "WAITING", "QUEUED", "INGESTING", "INGESTED", "FAILED"],
}
CONNECTIONS = {
    ("cogport:upload", "CONNECTION"): "storage",
    ("cogport:list_objects", "CONNECTION"): "storage",
    ("cogport:open_remote_raster", "CONNECTION"): "storage",
    ("cogport:register_earthengine", "STORAGE_CONNECTION"): "storage",
    ("cogport:register_earthengine", "CONNECTION"): "earthengine",
    ("cogport:register_byoc_tiles", "CONNECTION"): "byoc",
    ("cogport:list_byoc_tiles", "CONNECTION"): "byoc",
}


_CREATED = []  # the algorithms own their parameter definitions: keep them alive for the test


def _definition(algorithm_id: str, name: str):
    _CREATED.append(QgsApplication.processingRegistry().createAlgorithmById(algorithm_id))
    return _CREATED[-1].parameterDefinition(name)


@pytest.mark.parametrize("key", sorted(CHOICES), ids=lambda key: f"{key[0]}-{key[1]}")
def test_choices_are_static_strings(cogport_provider, key):
    definition = _definition(*key)
    assert definition.usesStaticStrings() and definition.options() == CHOICES[key]
    assert definition.defaultValue() == CHOICES[key][0]


def _validated_profile(tmp_path, run, profile) -> str:
    tif = tmp_path / "scene.tif"
    write_test_cog(tif, 256, 256, 1)
    report = tmp_path / f"report-{profile}.json"
    run("cogport:validate_cog", {"INPUT": str(tif), "PROFILE": profile, "OUTPUT_REPORT": str(report)})
    return json.loads(report.read_text())["profile"]


@pytest.mark.parametrize("typed", ["byoc", "BYOC", 2, "2"], ids=["name", "any-case", "old-index", "index-text"])
def test_profile_by_name_and_by_the_index_old_models_hold(cogport_provider, tmp_path, typed):
    import processing

    assert _validated_profile(tmp_path, processing.run, typed) == "byoc"


@pytest.mark.parametrize("value", ["byoc", 2], ids=["name", "old-index"])
def test_profile_in_a_model(cogport_provider, tmp_path, value):
    import processing

    model = QgsProcessingModelAlgorithm("Validate", "cogport-tests")
    model.addModelParameter(QgsProcessingParameterFile("source", "Source"), QgsProcessingModelParameter("source"))
    model.addModelParameter(QgsProcessingParameterFile("report", "Report"), QgsProcessingModelParameter("report"))
    child = QgsProcessingModelChildAlgorithm("cogport:validate_cog")
    child.setChildId("validate")
    child.addParameterSources("INPUT", [QgsProcessingModelChildParameterSource.fromModelParameter("source")])
    child.addParameterSources("PROFILE", [QgsProcessingModelChildParameterSource.fromStaticValue(value)])
    child.addParameterSources("OUTPUT_REPORT", [QgsProcessingModelChildParameterSource.fromModelParameter("report")])
    model.addChildAlgorithm(child)
    tif, report = tmp_path / "scene.tif", tmp_path / "report.json"
    write_test_cog(tif, 256, 256, 1)
    processing.run(model, {"source": str(tif), "report": str(report)})
    assert json.loads(report.read_text())["profile"] == "byoc"


def test_an_unknown_choice_lists_the_names(cogport_provider, tmp_path):
    import processing

    with pytest.raises(QgsProcessingException) as info:
        _validated_profile(tmp_path, processing.run, "bycc")
    assert "'bycc' is not a PROFILE choice. Check the PROFILE parameter: one of generic, earthengine, byoc, web." in (
        str(info.value)
    )


@pytest.mark.parametrize("key", sorted(CONNECTIONS), ids=lambda key: f"{key[0]}-{key[1]}")
def test_connections_are_offered_as_choices(cogport_provider, store, monkeypatch, key):
    from cogport.plugin.qgis.processing import base

    kind = CONNECTIONS[key]
    label, _names = base.CONNECTION_KINDS[kind]
    monkeypatch.setitem(base.CONNECTION_KINDS, kind, (label, lambda: ["Archive", "Project rasters"]))
    definition = _definition(*key)
    assert definition.usesStaticStrings() and definition.options() == ["Archive", "Project rasters"]


def test_storage_connection_choices_follow_the_saved_connections(cogport_provider, store, objectstore):
    connection, credentials = s3_connection(objectstore, name="Project rasters")
    store.save(connection, credentials)
    assert _definition("cogport:upload", "CONNECTION").options() == ["Project rasters"]


def test_a_typed_connection_name_resolves_in_any_case(cogport_provider, store, objectstore, bucket_name):
    import processing

    connection, credentials = s3_connection(objectstore, name="Project rasters")
    store.save(connection, credentials)
    put_bytes(create_bucket(connection, credentials, bucket_name).child("a.tif"), b"x")
    result = processing.run(
        "cogport:list_objects",
        {"CONNECTION": "project RASTERS", "LOCATION": f"s3://{bucket_name}/", "OUTPUT": "memory:"},
    )
    assert [f["uri"] for f in result["OUTPUT"].getFeatures()] == [f"s3://{bucket_name}/a.tif"]
    with pytest.raises(QgsProcessingException) as info:
        processing.run(
            "cogport:list_objects", {"CONNECTION": "Nope", "LOCATION": f"s3://{bucket_name}/", "OUTPUT": "memory:"}
        )
    assert (
        "There is no storage connection named 'Nope'. Check the CONNECTION parameter: the saved ones are "
        "Project rasters." in str(info.value)
    )


def test_empty_connection_uploads_with_gdals_own_settings_never_the_docks(
    cogport_provider, store, objectstore, bucket_name, tmp_path
):
    import processing

    connection, credentials = s3_connection(objectstore, name="Browsed")
    saved = store.save(connection, credentials)
    create_bucket(connection, credentials, bucket_name)
    store.activate(saved, bucket_name)  # what the bucket dock does when the bucket is browsed
    cog = write_test_cog(tmp_path / "scene.tif", 64, 64, 1)
    destination = f"s3://{bucket_name}/scene.tif"
    with pytest.raises(QgsProcessingException) as info:
        processing.run("cogport:upload", {"INPUT": str(cog), "DESTINATION": destination})
    assert (
        f"{destination} would not be uploaded with GDAL's own settings: Cogport has bucket '{bucket_name}' open "
        "through connection 'Browsed'" in str(info.value)
    )
    assert read_object(f"/vsis3/{bucket_name}/scene.tif") == b""
    result = processing.run("cogport:upload", {"INPUT": str(cog), "DESTINATION": destination, "CONNECTION": "Browsed"})
    assert read_object(result["VSI_PATH"]) == cog.read_bytes()
    use_gdal_settings(connection, credentials, bucket_name)  # GDAL's own settings, Cogport's withdrawn
    result = processing.run("cogport:upload", {"INPUT": str(cog), "DESTINATION": f"s3://{bucket_name}/gdal.tif"})
    assert read_object(result["VSI_PATH"]) == cog.read_bytes()
