"""How far a bucket's path-specific options reach in GDAL: pinned, because Cogport's secrecy rests on it.

GDAL matches path-specific options by plain string prefix, and listing a bucket looks them up under
`/vsis3/<bucket>` without a trailing slash, so the prefix cannot end in '/'. Options set for `/vsis3/data`
therefore also answer for `/vsis3/data-archive/…` when that bucket has none of its own (the longer prefix wins
when it has). Measured the same on GDAL 3.6.2, 3.10.3 and 3.13.3; the README says what it means for users.
"""

from __future__ import annotations

from osgeo import gdal


def test_a_bucket_prefix_also_answers_for_longer_bucket_names_without_options_of_their_own():
    gdal.SetPathSpecificOption("/vsis3/scope-probe", "AWS_SECRET_ACCESS_KEY", "probe-secret")
    try:
        assert gdal.GetPathSpecificOption("/vsis3/scope-probe/key.tif", "AWS_SECRET_ACCESS_KEY", None) == "probe-secret"
        assert gdal.GetPathSpecificOption("/vsis3/scope-probe-2/key.tif", "AWS_SECRET_ACCESS_KEY", None) == (
            "probe-secret"
        )
        assert gdal.GetPathSpecificOption("/vsis3/other/key.tif", "AWS_SECRET_ACCESS_KEY", None) is None
        gdal.SetPathSpecificOption("/vsis3/scope-probe-2", "AWS_SECRET_ACCESS_KEY", "its-own")
        assert gdal.GetPathSpecificOption("/vsis3/scope-probe-2/key.tif", "AWS_SECRET_ACCESS_KEY", None) == "its-own"
    finally:
        gdal.ClearPathSpecificOptions("/vsis3/scope-probe")
        gdal.ClearPathSpecificOptions("/vsis3/scope-probe-2")


def test_a_prefix_ending_in_a_slash_would_not_cover_the_bucket_listing_lookup():
    gdal.SetPathSpecificOption("/vsis3/scope-probe/", "AWS_SECRET_ACCESS_KEY", "probe-secret")
    try:
        assert gdal.GetPathSpecificOption("/vsis3/scope-probe", "AWS_SECRET_ACCESS_KEY", None) is None
    finally:
        gdal.ClearPathSpecificOptions("/vsis3/scope-probe/")
