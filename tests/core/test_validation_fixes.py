"""Each finding's fix holds: converting with the suggested profile removes the layout errors."""

from __future__ import annotations

import pytest
from osgeo_utils.samples import validate_cloud_optimized_geotiff as gdal_validator

from cogport.plugin.core.cog.convert import convert_to_cog
from cogport.plugin.core.cog.profiles import PROFILE_NAMES
from cogport.plugin.core.cog.validate import NOT_FIXED_BY_CONVERSION, validate_cog
from cogport.tests.support.tiff_corpus import CORPUS, build

CASES = [
    (item, profile)
    for item in CORPUS
    for profile in PROFILE_NAMES
    if set(code for code, severity in item.expected[profile].items() if severity == "error") - NOT_FIXED_BY_CONVERSION
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return build(tmp_path_factory.mktemp("fix-corpus"), CORPUS)


@pytest.mark.parametrize("item,profile", CASES, ids=[f"{i.name}-{p}" for i, p in CASES])
def test_converting_with_the_profile_named_in_the_fix_removes_the_errors(corpus, tmp_path, item, profile):
    before = validate_cog(str(corpus[item.name]), profile)
    fixable = [f for f in before.errors if f.code not in NOT_FIXED_BY_CONVERSION]
    assert fixable
    for finding in fixable:
        assert f"`{profile}` profile" in finding.fix, finding
    output = tmp_path / f"fixed_{profile}.tif"
    convert_to_cog(str(corpus[item.name]), str(output), profile)
    after = validate_cog(str(output), profile)
    assert not set(after.codes("error")) & {f.code for f in fixable}, after.findings
    assert after.valid
    _warnings, gdal_errors, _ = gdal_validator.validate(str(output))
    assert gdal_errors == []
