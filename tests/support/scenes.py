"""A catalogue prefix: many small georeferenced COGs side by side on a grid, uploaded in parallel (tests, bench)."""

from __future__ import annotations

import http.client
from concurrent.futures import ThreadPoolExecutor
from typing import List, Tuple
from urllib.parse import urlsplit
from uuid import uuid4

import numpy as np
from osgeo import gdal, osr

SCENE = 512  # pixels a side; 256-pixel tiles, overviews down to 128
PIXEL = 10.0
ORIGIN = (500000.0, 5000000.0)


def scene_cog(column: int, row: int) -> bytes:
    """The COG of grid cell (column, row): a value that tells the scene apart, and its own overviews."""
    mem = gdal.GetDriverByName("MEM").Create("", SCENE, SCENE, 1, gdal.GDT_Byte)
    mem.SetGeoTransform((ORIGIN[0] + column * SCENE * PIXEL, PIXEL, 0.0, ORIGIN[1] - row * SCENE * PIXEL, 0.0, -PIXEL))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32633)
    mem.SetProjection(srs.ExportToWkt())
    yy, xx = np.mgrid[0:SCENE, 0:SCENE]
    mem.GetRasterBand(1).WriteArray(((xx // 32 + yy // 32 + column * 7 + row * 13) % 200 + 20).astype("uint8"))
    path = f"/vsimem/scene-{uuid4().hex}.tif"
    gdal.Translate(path, mem, format="COG", creationOptions=["BLOCKSIZE=256", "COMPRESS=DEFLATE", "OVERVIEWS=AUTO"])
    data = gdal.VSIFOpenL(path, "rb")
    gdal.VSIFSeekL(data, 0, 2)
    size = gdal.VSIFTellL(data)
    gdal.VSIFSeekL(data, 0, 0)
    content = bytes(gdal.VSIFReadL(1, size, data))
    gdal.VSIFCloseL(data)
    gdal.Unlink(path)
    return content


def seed_scenes(server, container: str, prefix: str, columns: int, rows: int) -> List[Tuple[int, int, str]]:
    """Puts columns × rows scenes under `prefix` through the Swift API; returns (column, row, key)."""
    token = server.auth_token()
    storage = urlsplit(server.storage_url())
    cells = [(c, r, f"{prefix}scene-{r:03d}-{c:03d}.tif") for r in range(rows) for c in range(columns)]

    def put(cell: Tuple[int, int, str]) -> None:
        column, row, key = cell
        body = scene_cog(column, row)
        connection = http.client.HTTPConnection(storage.netloc, timeout=60)
        connection.request(
            "PUT",
            f"{storage.path}/{container}/{key}",
            body=body,
            headers={"X-Auth-Token": token, "Content-Length": str(len(body))},
        )
        assert connection.getresponse().status == 201
        connection.close()

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(put, cells))
    return cells
