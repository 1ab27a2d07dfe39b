"""Connections to the local Swift server, and seeding of buckets through GDAL, for tests, demo and bench."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Tuple

from osgeo import gdal

from cogport.plugin.core.storage.connection import AuthMode, Credentials, StorageConnection, StoreKind
from cogport.plugin.core.storage.gdal_config import SCOPED_OPTIONS, credential_options, forget_cached, network_scope
from cogport.plugin.core.storage.uri import ObjectLocation

from .objectstore import TEST, Account, SwiftServer


def s3_connection(
    server: SwiftServer, account: Account = TEST, name: str = "Local S3", secret: str = ""
) -> Tuple[StorageConnection, Credentials]:
    return s3_connection_at(server.endpoint, account, name, secret)


def s3_connection_at(
    endpoint: str, account: Account = TEST, name: str = "Local S3", secret: str = ""
) -> Tuple[StorageConnection, Credentials]:
    """The local S3 API reached at `endpoint` (host:port, plain HTTP): the server itself or a proxy before it."""
    connection = StorageConnection(
        name=name,
        kind=StoreKind.S3_COMPATIBLE,
        auth=AuthMode.KEYS,
        endpoint=endpoint,
        region="us-east-1",
        virtual_hosting=False,
        https=False,
    )
    return connection, Credentials(identity=account.identity, secret=secret or account.key)


def s3_tls_connection(
    front, endpoint: str = "", accepted_certificate: str = ""
) -> Tuple[StorageConnection, Credentials]:
    """The S3 API of the object store over TLS (tests/support/tls.py), whose certificate a private CA signed."""
    connection, credentials = s3_connection(front.server, name="In-house MinIO")
    secure = replace(
        connection, endpoint=endpoint or front.endpoint, https=True, accepted_certificate=accepted_certificate
    )
    return secure, credentials


def swift_connection(
    server: SwiftServer, account: Account = TEST, name: str = "Local Swift", secret: str = ""
) -> Tuple[StorageConnection, Credentials]:
    connection = StorageConnection(
        name=name,
        kind=StoreKind.SWIFT,
        auth=AuthMode.SWIFT_V1,
        auth_url=server.auth_v1_url,
    )
    return connection, Credentials(identity=account.identity, secret=secret or account.key)


def create_bucket(connection: StorageConnection, credentials: Credentials, bucket: str) -> ObjectLocation:
    SCOPED_OPTIONS.apply(connection, credentials, bucket)
    location = ObjectLocation(connection.handler, bucket)
    with network_scope(location.vsi_path):  # as Cogport's own calls do (GDAL 3.6 reads proxies per thread)
        if gdal.VSIStatL(location.vsi_path) is None:
            gdal.Mkdir(location.vsi_path, 0o755)
    return location


def use_gdal_settings(connection: StorageConnection, credentials: Credentials, bucket: str) -> None:
    """Options for `bucket` as a person sets them for GDAL (a config file's [credentials] section), not Cogport."""
    SCOPED_OPTIONS.withdraw(connection.name)
    prefix = ObjectLocation(connection.handler, bucket).bucket_prefix
    for key, value in credential_options(connection, credentials).items():
        gdal.SetPathSpecificOption(prefix, key, value)
    forget_cached(prefix)


def put_bytes(location: ObjectLocation, data: bytes) -> None:
    with network_scope(location.vsi_path):
        handle = gdal.VSIFOpenL(location.vsi_path, "wb")
        assert handle is not None, f"cannot write {location.vsi_path}"
        gdal.VSIFWriteL(data, 1, len(data), handle)
        assert gdal.VSIFCloseL(handle) == 0
    forget_cached(location.bucket_prefix)


def read_object(vsi_path: str) -> bytes:
    """The stored bytes of an object (b"" when there is none), read fresh through GDAL."""
    forget_cached(vsi_path.rsplit("/", 1)[0])
    with network_scope(vsi_path):
        handle = gdal.VSIFOpenL(vsi_path, "rb")
    if handle is None:
        return b""
    try:
        gdal.VSIFSeekL(handle, 0, 2)
        size = gdal.VSIFTellL(handle)
        gdal.VSIFSeekL(handle, 0, 0)
        return bytes(gdal.VSIFReadL(1, size, handle))
    finally:
        gdal.VSIFCloseL(handle)


def put_file(location: ObjectLocation, path: Path) -> None:
    put_bytes(location, Path(path).read_bytes())


def write_test_cog(path: Path, width: int = 1024, height: int = 1024, bands: int = 3) -> Path:
    """A georeferenced UInt16 COG with a recognisable gradient per band."""
    import numpy as np

    mem = gdal.GetDriverByName("MEM").Create("", width, height, bands, gdal.GDT_UInt16)
    mem.SetGeoTransform((500000.0, 10.0, 0.0, 5000000.0, 0.0, -10.0))
    from osgeo import osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32633)
    mem.SetProjection(srs.ExportToWkt())
    yy, xx = np.mgrid[0:height, 0:width]
    for band in range(1, bands + 1):
        mem.GetRasterBand(band).WriteArray(((xx * 7 + yy * 3 + band * 1000) % 60000).astype("uint16"))
    gdal.Translate(str(path), mem, format="COG", creationOptions=["COMPRESS=DEFLATE", "BLOCKSIZE=256"])
    return Path(path)


def write_byte_cog(path: Path, width: int = 300, height: int = 200) -> object:
    """A single-band Byte COG whose value at (x, y) is (x + 2y) % 256; returns the array."""
    import numpy as np
    from osgeo import osr

    yy, xx = np.mgrid[0:height, 0:width]
    values = ((xx + 2 * yy) % 256).astype("uint8")
    mem = gdal.GetDriverByName("MEM").Create("", width, height, 1, gdal.GDT_Byte)
    mem.SetGeoTransform((10.0, 0.001, 0.0, 50.0, 0.0, -0.001))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    mem.SetProjection(srs.ExportToWkt())
    mem.GetRasterBand(1).WriteArray(values)
    gdal.Translate(str(path), mem, format="COG", creationOptions=["COMPRESS=DEFLATE", "BLOCKSIZE=128"])
    return values
