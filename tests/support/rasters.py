"""Synthetic source rasters for conversion tests and benchmarks: deterministic, realistically compressible."""

from __future__ import annotations

from typing import Dict, Optional

import numpy as np
from osgeo import gdal, osr

DTYPES: Dict[str, int] = {
    "Byte": gdal.GDT_Byte,
    "UInt16": gdal.GDT_UInt16,
    "Int16": gdal.GDT_Int16,
    "Float32": gdal.GDT_Float32,
}
GEOTRANSFORM = (500000.0, 10.0, 0.0, 5300000.0, 0.0, -10.0)
EPSG = 32633


def make_raster(
    path: str,
    width: int,
    height: int,
    bands: int = 1,
    dtype: str = "Byte",
    *,
    georeferenced: bool = True,
    paletted: bool = False,
    alpha: bool = False,
    nodata: Optional[float] = None,
    creation_options: Optional[list] = None,
) -> str:
    """A striped-or-tiled GTiff with smooth gradients plus noise per band (like imagery, not like white noise).

    Float32 rasters get NaN nodata and a NaN patch in the top-left corner. Band descriptions,
    dataset and band metadata are set so tests can check they survive.
    """
    data_type = DTYPES[dtype]
    options = creation_options if creation_options is not None else ["TILED=YES", "BLOCKXSIZE=256", "BLOCKYSIZE=256"]
    dataset = gdal.GetDriverByName("GTiff").Create(path, width, height, bands, data_type, options)
    if georeferenced:
        dataset.SetGeoTransform(GEOTRANSFORM)
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(EPSG)
        dataset.SetSpatialRef(srs)
    dataset.SetMetadata({"SOURCE_NAME": "cogport synthetic", "ACQUIRED": "2024-05-01"})
    if dtype == "Float32" and nodata is None:
        nodata = float("nan")
    rows = np.arange(height, dtype=np.float32)[:, None]
    cols = np.arange(width, dtype=np.float32)[None, :]
    # Cheap deterministic speckle (a hash of the position), so large rasters are quick to make.
    speckle = (
        (
            np.arange(height, dtype=np.uint32)[:, None] * np.uint32(2654435761)
            + np.arange(width, dtype=np.uint32)[None, :] * np.uint32(40503)
        )
        >> np.uint32(13)
    ) % np.uint32(8)
    base = (np.sin(cols / np.float32(37.0)) + np.cos(rows / np.float32(53.0)) + np.float32(2.0)) / np.float32(4.0)
    base = np.clip(base + speckle.astype(np.float32) / np.float32(255.0), 0.0, 1.0)
    top = {"Byte": 250, "UInt16": 60000, "Int16": 30000, "Float32": 1.0}[dtype]
    for index in range(1, bands + 1):
        band = dataset.GetRasterBand(index)
        # Each band is the pattern shifted sideways, so bands differ without recomputing it.
        values = np.roll(base, 7 * index, axis=1) * np.float32(top)
        if dtype == "Int16":
            values = values - 15000
        array = values.astype(gdal_array_type(dtype))
        if paletted:
            array = (array % 16).astype(np.uint8)
        if alpha and index == bands:
            array = np.full((height, width), 255, dtype=np.uint8)
            array[: height // 4, : width // 4] = 0
        if dtype == "Float32":
            array[: max(1, height // 10), : max(1, width // 10)] = np.nan
        if paletted:  # GDAL 3.10 and newer refuse a colour table once pixels are written
            table = gdal.ColorTable()
            for entry in range(16):
                table.SetColorEntry(entry, (entry * 16, 255 - entry * 16, (entry * 40) % 256, 255))
            band.SetColorTable(table)
            band.SetColorInterpretation(gdal.GCI_PaletteIndex)
        band.WriteArray(array)
        band.SetDescription(f"band {index}")
        band.SetMetadata({"WAVELENGTH": str(400 + 10 * index)})
        if nodata is not None:
            band.SetNoDataValue(nodata)
        if alpha and index == bands:
            band.SetColorInterpretation(gdal.GCI_AlphaBand)
    dataset.FlushCache()
    dataset = None
    return path


def gdal_array_type(dtype: str):
    return {"Byte": np.uint8, "UInt16": np.uint16, "Int16": np.int16, "Float32": np.float32}[dtype]
