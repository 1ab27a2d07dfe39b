"""Tile byte ranges read from the TIFF header agree with what GDAL reports for every level and plane."""

from __future__ import annotations

from osgeo import gdal

from cogport.plugin.core.cog.tiles import read_tile_layout
from cogport.tests.support.tiff_corpus import band_interleaved_cog, cog, gtiff, source


def _gdal_tiles(band: gdal.Band, index: int = 0):
    """(offset, size) per block of `band` in row-major order, as GDAL's TIFF metadata domain gives them."""
    width, height = band.GetBlockSize()
    columns, rows = -(-band.XSize // width), -(-band.YSize // height)
    return tuple(
        (
            int(band.GetMetadataItem(f"BLOCK_OFFSET_{c}_{r}", "TIFF")),
            int(band.GetMetadataItem(f"BLOCK_SIZE_{c}_{r}", "TIFF")),
        )
        for r in range(rows)
        for c in range(columns)
    )


def _bands_of_level(dataset: gdal.Dataset, level: int):
    bands = [dataset.GetRasterBand(b + 1) for b in range(dataset.RasterCount)]
    return [band if level == 0 else band.GetOverview(level - 1) for band in bands]


def test_pixel_interleaved_cog_has_one_plane_per_level_as_gdal_reads_it(tmp_path):
    path = tmp_path / "pixel.tif"
    cog(path, source(1500, 1100, bands=3), "COMPRESS=DEFLATE", "BLOCKSIZE=256")
    layout = read_tile_layout(str(path))
    dataset = gdal.Open(str(path))
    assert (layout.width, layout.height) == (1500, 1100)
    assert len(layout.levels) == 1 + dataset.GetRasterBand(1).GetOverviewCount() >= 3
    for index, level in enumerate(layout.levels):
        band = _bands_of_level(dataset, index)[0]
        assert (level.width, level.height, level.tile_width) == (band.XSize, band.YSize, 256)
        assert level.planes == (_gdal_tiles(band),)
    last = layout.levels[0]
    assert last.tile_ranges(last.columns - 1, last.rows - 1) == [_gdal_tiles(dataset.GetRasterBand(1))[-1]]


def test_band_interleaved_cog_has_a_plane_per_band(tmp_path):
    path = tmp_path / "band.tif"
    band_interleaved_cog(path, source(1100, 1100, bands=2), block=256)
    layout = read_tile_layout(str(path))
    dataset = gdal.Open(str(path))
    for index, level in enumerate(layout.levels):
        assert level.planes == tuple(_gdal_tiles(band) for band in _bands_of_level(dataset, index))
    assert len(layout.levels[0].tile_ranges(0, 0)) == 2


def test_internal_mask_tiles_belong_to_their_level(tmp_path):
    src = source(1100, 1100, bands=1)
    src.CreateMaskBand(gdal.GMF_PER_DATASET)
    src.GetRasterBand(1).GetMaskBand().Fill(255)
    path = tmp_path / "masked.tif"
    cog(path, src, "COMPRESS=DEFLATE", "BLOCKSIZE=256")
    layout = read_tile_layout(str(path))
    dataset = gdal.Open(str(path))
    mask = dataset.GetRasterBand(1).GetMaskBand()
    assert layout.levels[0].planes == (_gdal_tiles(dataset.GetRasterBand(1)), _gdal_tiles(mask))


def test_a_striped_tiff_has_no_tile_layout(tmp_path):
    path = tmp_path / "strips.tif"
    gtiff(path, source(600, 400))
    assert read_tile_layout(str(path)) is None
