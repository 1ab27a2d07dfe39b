"""Damaged COGs never validate: cut files and offsets past the end, locally and in the real object store.

Header-only still: validation reads at most 100 KB, and one request for a normal remote COG.
"""

from __future__ import annotations

import dataclasses
import struct
from pathlib import Path

import numpy as np
import pytest
from osgeo import gdal

from cogport.plugin.core.cog.profiles import PROFILE_NAMES
from cogport.plugin.core.cog.validate import validate_cog
from cogport.plugin.core.errors import CogportError
from cogport.plugin.core.publish import ConvertPolicy, PublishSettings, Step, publish_file
from cogport.plugin.core.storage.gdal_config import SCOPED_OPTIONS
from cogport.plugin.core.storage.uri import parse_location
from cogport.tests.support.counting_proxy import CountingProxy
from cogport.tests.support.stores import create_bucket, put_file, read_object, s3_connection
from cogport.tests.support.tiff_corpus import cog, source

BUDGET = 100 * 1024
CUTS = {
    "4000 bytes": lambda size: 4000,
    "half": lambda size: size // 2,
    "one byte short": lambda size: size - 1,
}


def masked_cog(path: Path) -> Path:
    """A 3-band COG with overviews and a per-dataset mask, whose mask tile is the last block in the file."""
    src = source(2100, 1500, bands=3, epsg=4326)
    src.CreateMaskBand(gdal.GMF_PER_DATASET)
    mask = np.full((1500, 2100), 255, "uint8")
    mask[:200, :300] = 0
    band = src.GetRasterBand(1)
    band.GetMaskBand().WriteArray(mask)
    cog(path, src, "COMPRESS=DEFLATE", "BLOCKSIZE=512")
    return path


def cut_copy(original: Path, destination: Path, keep: int) -> Path:
    destination.write_bytes(original.read_bytes()[:keep])
    return destination


def offset_past_end(original: Path, destination: Path) -> Path:
    """A copy whose TileOffsets entry for one full-resolution tile points 1,000 bytes past the end."""
    data = bytearray(original.read_bytes())
    dataset = gdal.Open(str(original))
    tile = dataset.GetRasterBand(1).GetMetadataItem("BLOCK_OFFSET_1_1", "TIFF")
    dataset = None
    needle = struct.pack("<I", int(tile))
    header_end = data.index(needle) + 4  # the tile itself lies after the header, so the first hit is the entry
    assert data.count(needle, 0, header_end) == 1
    data[header_end - 4 : header_end] = struct.pack("<I", len(data) + 1000)
    destination.write_bytes(bytes(data))
    return destination


@pytest.fixture(scope="module")
def damaged(tmp_path_factory):
    """The intact COG and its damaged copies, by name."""
    folder = tmp_path_factory.mktemp("damaged")
    intact = masked_cog(folder / "intact.tif")
    size = intact.stat().st_size
    copies = {name: cut_copy(intact, folder / f"cut-{keep(size)}.tif", keep(size)) for name, keep in CUTS.items()}
    copies["offset past the end"] = offset_past_end(intact, folder / "offset.tif")
    return intact, copies


def test_the_intact_cog_is_valid_and_reads_one_page(damaged):
    intact, _copies = damaged
    report = validate_cog(str(intact))
    assert report.valid and report.findings == [] and report.bytes_read <= 16384


@pytest.mark.parametrize("damage", list(CUTS) + ["offset past the end"])
def test_a_damaged_copy_is_invalid_in_every_profile(damaged, damage):
    _intact, copies = damaged
    for profile in PROFILE_NAMES:
        report = validate_cog(str(copies[damage]), profile)
        assert not report.valid and report.incomplete, profile
        finding = next(f for f in report.findings if f.code == "FILE_INCOMPLETE")
        assert finding.severity == "error"
        assert "copy or upload it again" in finding.fix
        assert report.bytes_read <= BUDGET


def test_the_finding_says_how_much_is_missing_and_where(damaged):
    intact, copies = damaged
    size = intact.stat().st_size
    one_short = {f.code: f.message for f in validate_cog(str(copies["one byte short"])).findings}
    # GDAL writes each mask tile after its image tile, so the last byte belongs to the mask.
    assert one_short["FILE_INCOMPLETE"].startswith(f"The file is {size - 1:,} bytes long, but 1 tile of the mask")
    assert f"runs to byte {size:,}" in one_short["FILE_INCOMPLETE"]
    patched = {f.code: f.message for f in validate_cog(str(copies["offset past the end"])).findings}
    assert "1 tile of the full-resolution image lies past its end" in patched["FILE_INCOMPLETE"]


def test_unstored_tiles_of_a_sparse_cog_are_a_warning(tmp_path):
    src = source(1024, 1024, epsg=4326)
    band = src.GetRasterBand(1)
    band.WriteArray(np.zeros((1024, 600), "uint8"), 424, 0)
    path = tmp_path / "sparse.tif"
    cog(path, src, "COMPRESS=DEFLATE", "BLOCKSIZE=256", "SPARSE_OK=TRUE")
    report = validate_cog(str(path))
    assert report.valid and report.codes() == ["SPARSE_TILES"]
    assert report.findings[0].severity == "warning" and "SPARSE_OK" in report.findings[0].message


def test_arrays_beyond_the_budget_are_checked_at_their_end(tmp_path):
    """16,384 tiles: 128 KB of offsets and byte counts, more than validation may read."""
    src = source(2048, 2048, epsg=4326)
    path = tmp_path / "many_tiles.tif"
    gdal.Translate(str(path), src, format="GTiff", creationOptions=["TILED=YES", "BLOCKXSIZE=16", "BLOCKYSIZE=16"])
    intact = validate_cog(str(path))
    assert "FILE_INCOMPLETE" not in intact.codes() and intact.bytes_read <= BUDGET
    cut = cut_copy(path, tmp_path / "many_tiles_cut.tif", path.stat().st_size - 1)
    report = validate_cog(str(cut))
    assert report.incomplete and report.bytes_read <= BUDGET


@pytest.fixture
def proxy(objectstore):
    with CountingProxy(objectstore.endpoint) as running:
        yield running


@pytest.fixture
def remote_bucket(objectstore, proxy, bucket_name):
    connection, credentials = s3_connection(objectstore)
    create_bucket(connection, credentials, bucket_name)
    SCOPED_OPTIONS.apply(dataclasses.replace(connection, endpoint=proxy.endpoint), credentials, bucket_name)
    return bucket_name


def test_damaged_objects_are_invalid_and_intact_ones_cost_one_request(damaged, remote_bucket, proxy):
    intact, copies = damaged
    for path in [intact, *copies.values()]:
        put_file(parse_location(f"/vsis3/{remote_bucket}/{path.name}"), path)
    gdal.VSICurlClearCache()
    proxy.counter.reset()
    report = validate_cog(f"s3://{remote_bucket}/{intact.name}")
    assert report.valid and report.findings == []
    assert len(proxy.counter.requests) == 1 and proxy.counter.body_bytes <= BUDGET
    for name, path in copies.items():
        proxy.counter.reset()
        report = validate_cog(f"s3://{remote_bucket}/{path.name}", "byoc")
        assert report.incomplete and not report.valid, name
        assert proxy.counter.body_bytes <= BUDGET, name


def test_an_object_replaced_by_a_cut_copy_is_not_judged_by_its_cached_size(damaged, remote_bucket, objectstore):
    intact, copies = damaged
    put_file(parse_location(f"/vsis3/{remote_bucket}/scene.tif"), intact)
    assert validate_cog(f"/vsis3/{remote_bucket}/scene.tif").valid  # GDAL now caches the object's size
    # Replaced behind GDAL's back (another tool, another machine): GDAL's cache still has the old size.
    status = objectstore.swift_request("PUT", f"{remote_bucket}/scene.tif", data=copies["half"].read_bytes())
    assert status == 201
    assert validate_cog(f"/vsis3/{remote_bucket}/scene.tif").incomplete


@pytest.fixture
def target(objectstore, bucket_name):
    connection, credentials = s3_connection(objectstore)
    root = create_bucket(connection, credentials, bucket_name)
    return connection, credentials, root.child("pub/")


@pytest.mark.parametrize(
    "settings",
    [
        {},
        {"convert": ConvertPolicy.ALWAYS},
        {"convert": ConvertPolicy.NEVER, "upload_invalid": True},
    ],
    ids=["convert if invalid", "always convert", "upload invalid as it is"],
)
def test_publish_refuses_a_damaged_file_before_converting_or_uploading(damaged, target, settings):
    connection, credentials, folder = target
    _intact, copies = damaged
    steps = []
    for damage, path in copies.items():
        with pytest.raises(CogportError) as caught:
            publish_file(
                str(path),
                PublishSettings(folder, **settings),
                connection,
                credentials,
                on_step=lambda step, text: steps.append(step),
            )
        assert f"{path.name} is incomplete, so it was not uploaded" in caught.value.user_message, damage
        assert "copy or upload it again" in caught.value.user_message
        assert read_object(f"/vsis3/{folder.bucket}/pub/{path.name}") == b""
    assert set(steps) == {Step.VALIDATING}  # never converting, never uploading
