"""The GDAL version the suite runs on, for tests that pin one version's behaviour and assert the newer one."""

from osgeo import gdal

GDAL_VERSION = int(gdal.VersionInfo())
GDAL_36 = GDAL_VERSION < 3070000
