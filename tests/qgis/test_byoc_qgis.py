"""Sentinel Hub BYOC in QGIS: saved connections, Processing algorithms, the dock and its footprint layer."""

from __future__ import annotations

import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

from cogport.plugin.core.services.byoc import ByocClient
from cogport.plugin.qgis.byoc.byoc_connections import (
    connection_names,
    delete_connection,
    load_connection,
    resolve_connection,
    save_connection,
)
from cogport.tests.qgis.test_earthengine_qgis import _settings_text
from cogport.tests.qgis.test_validate_algorithm import RecordingFeedback
from cogport.tests.support.fake_byoc import FakeByocServer, Ingestion

UTM_COVER = {
    "type": "Polygon",
    "coordinates": [[[500000, 5000000], [520000, 5000000], [520000, 4980000], [500000, 4980000], [500000, 5000000]]],
    "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32633"}},
}
FAILURE = "Ensure tiles of image at index 1 have width and height between 256 and 2048"


@pytest.fixture
def fake():
    with FakeByocServer() as server:
        yield server


@pytest.fixture
def saved(fake, auth_db):
    connection = save_connection(
        "Fake SH", "custom", fake.state.client_id, fake.state.client_secret, fake.base_url, fake.token_url
    )
    yield connection
    delete_connection("Fake SH")


def test_secret_lives_in_the_auth_db_only_and_repr_masks_it(fake, saved):
    assert "Fake SH" in connection_names()
    loaded = load_connection("Fake SH")
    assert loaded.credentials.client_secret == fake.state.client_secret
    assert loaded.base_url == fake.base_url and loaded.token_url == fake.token_url
    assert fake.state.client_secret not in _settings_text() and fake.state.client_secret not in repr(loaded)
    # Re-saving without retyping the secret keeps it.
    save_connection("Fake SH", "custom", fake.state.client_id, "", fake.base_url, fake.token_url)
    assert load_connection("Fake SH").credentials.client_secret == fake.state.client_secret


def test_environment_connection_when_no_name(fake, monkeypatch):
    monkeypatch.setenv("SH_CLIENT_ID", fake.state.client_id)
    monkeypatch.setenv("SH_CLIENT_SECRET", fake.state.client_secret)
    monkeypatch.setenv("COGPORT_SH_BASE_URL", fake.base_url)
    monkeypatch.setenv("COGPORT_SH_TOKEN_URL", fake.token_url)
    connection = resolve_connection("")
    assert connection.name == "environment" and ByocClient(connection).collections() == []


def test_register_algorithm_creates_the_collection_waits_and_outputs_footprints(fake, saved, cogport_provider):
    import processing

    fake.state.ingestion["2019/11/27/33T/(BAND).tif"] = Ingestion(("WAITING", "INGESTING", "FAILED"), FAILURE)
    feedback = RecordingFeedback()
    result = processing.run(
        "cogport:register_byoc_tiles",
        {
            "CONNECTION": "Fake SH",
            "COLLECTION": "Mosaics",
            "BUCKET": "eu-bucket",
            "CREATE": True,
            "TILE_PATHS": "2019/11/27/33T/(BAND).tif\n2019/11/28/33T/(BAND).tif\n",
            "SENSING_TIME_PATTERN": "%Y/%m/%d",
            "WAIT": True,
            "POLL_SECONDS": 0.0,
            "OUTPUT": "memory:tiles",
        },
        feedback=feedback,
    )
    (collection,) = fake.state.collections.values()
    assert collection["name"] == "Mosaics" and collection["s3Bucket"] == "eu-bucket"
    assert result["COLLECTION_ID"] == collection["id"]
    sent = {s.body["path"]: s.body["sensingTime"] for s in fake.requests("POST", "/tiles")}
    assert sent == {
        "2019/11/27/33T/(BAND).tif": "2019-11-27T00:00:00Z",
        "2019/11/28/33T/(BAND).tif": "2019-11-28T00:00:00Z",
    }
    layer = (
        result["OUTPUT"]
        if isinstance(result["OUTPUT"], QgsVectorLayer)
        else processing.tools.dataobjects.createContext().getMapLayer(result["OUTPUT"])
    )
    statuses = {f["path"]: (f["status"], f["failureCause"]) for f in layer.getFeatures()}
    assert statuses == {"2019/11/27/33T/(BAND).tif": ("FAILED", FAILURE), "2019/11/28/33T/(BAND).tif": ("INGESTED", "")}
    assert any(FAILURE in error for error in feedback.errors)

    # Running again resumes: nothing new is sent.
    processing.run(
        "cogport:register_byoc_tiles",
        {
            "CONNECTION": "Fake SH",
            "COLLECTION": collection["id"],
            "TILE_PATHS": "2019/11/27/33T/(BAND).tif",
            "OUTPUT": "memory:again",
        },
    )
    assert len(fake.requests("POST", "/tiles")) == 2


def test_list_algorithm_filters_by_status_and_reprojects_the_footprint(fake, saved, cogport_provider):
    import processing

    collection = fake.add_collection("Mosaics", "b")
    fake.add_tile(collection["id"], "a/(BAND).tif", coverGeometry=UTM_COVER)
    fake.add_tile(collection["id"], "b/(BAND).tif")
    fake.state.ingestion["b/(BAND).tif"] = Ingestion(("FAILED",), FAILURE)
    result = processing.run(
        "cogport:list_byoc_tiles",
        {"CONNECTION": "Fake SH", "COLLECTION": "Mosaics", "STATUS": 0, "OUTPUT": "memory:all"},
    )
    layer = result["OUTPUT"]
    assert layer.featureCount() == 2 and layer.crs().authid() == "EPSG:4326"
    (covered,) = [f for f in layer.getFeatures() if f["path"] == "a/(BAND).tif"]
    box = covered.geometry().boundingBox()
    assert box.xMinimum() == pytest.approx(15.0, abs=1e-6) and box.yMaximum() == pytest.approx(45.1525, abs=1e-3)
    failed = processing.run(
        "cogport:list_byoc_tiles",
        {"CONNECTION": "Fake SH", "COLLECTION": collection["id"], "STATUS": 5, "OUTPUT": "memory:failed"},
    )["OUTPUT"]
    assert [f["path"] for f in failed.getFeatures()] == ["b/(BAND).tif"]
    assert fake.requests("GET", "/tiles")[-1].query["status"] == ["FAILED"]


def test_algorithms_explain_missing_collection_and_credentials(fake, saved, cogport_provider, monkeypatch):
    import processing

    with pytest.raises(QgsProcessingException) as info:
        processing.run(
            "cogport:register_byoc_tiles",
            {"CONNECTION": "Fake SH", "COLLECTION": "Nope", "TILE_PATHS": "a/(BAND).tif", "OUTPUT": "memory:x"},
        )
    assert "There is no BYOC collection 'Nope'" in str(info.value) and "CREATE" in str(info.value)
    for name in ("SH_CLIENT_ID", "SH_CLIENT_SECRET"):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(QgsProcessingException) as missing:
        processing.run("cogport:list_byoc_tiles", {"COLLECTION": "x", "OUTPUT": "memory:x"})
    assert "SH_CLIENT_ID" in str(missing.value)
