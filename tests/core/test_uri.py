from __future__ import annotations

import pytest

from cogport.plugin.core.errors import CogportError
from cogport.plugin.core.storage.uri import ObjectLocation, parse_location, to_vsi_path


@pytest.mark.parametrize(
    ("text", "vsi"),
    [
        ("s3://bucket/dir/a.tif", "/vsis3/bucket/dir/a.tif"),
        ("gs://b/x.tif", "/vsigs/b/x.tif"),
        ("/vsiswift/cont/k/a.tif", "/vsiswift/cont/k/a.tif"),
        ("swift://cont/2024/k/a.tif", "/vsiswift/cont/2024/k/a.tif"),
        ("/vsis3/bucket", "/vsis3/bucket"),
        ("https://bucket.s3.eu-central-1.amazonaws.com/a%20b.tif", "/vsis3/bucket/a b.tif"),
        ("https://s3.amazonaws.com/bucket/a.tif", "/vsis3/bucket/a.tif"),
        ("https://storage.googleapis.com/b/k.tif", "/vsigs/b/k.tif"),
    ],
)
def test_accepted_forms_map_to_vsi_paths(text, vsi):
    assert parse_location(text).vsi_path == vsi


def test_local_and_other_vsi_paths_pass_through():
    assert to_vsi_path("/data/a.tif") == "/data/a.tif"
    assert to_vsi_path("/vsimem/a.tif") == "/vsimem/a.tif"
    assert to_vsi_path("s3://b/k.tif") == "/vsis3/b/k.tif"


def test_unknown_form_says_which_forms_work():
    with pytest.raises(CogportError) as info:
        parse_location("ftp://host/file.tif")
    assert "s3://bucket/key" in str(info.value)


def test_location_parts():
    location = ObjectLocation("vsis3", "b", "dir/a.tif")
    assert (location.uri, location.name, location.bucket_prefix) == ("s3://b/dir/a.tif", "a.tif", "/vsis3/b")


def test_parent_is_the_folder_holding_an_object_or_prefix():
    assert ObjectLocation("vsis3", "b", "2024/06/scene.tif").parent == ObjectLocation("vsis3", "b", "2024/06/")
    assert ObjectLocation("vsis3", "b", "2024/06/").parent == ObjectLocation("vsis3", "b", "2024/")
    assert ObjectLocation("vsiswift", "c", "scene.tif").parent == ObjectLocation("vsiswift", "c")


def test_as_prefix_turns_a_key_into_a_folder_and_leaves_folders_and_buckets_alone():
    assert ObjectLocation("vsis3", "b", "a/b").as_prefix() == ObjectLocation("vsis3", "b", "a/b/")
    assert ObjectLocation("vsis3", "b", "a/").as_prefix() == ObjectLocation("vsis3", "b", "a/")
    assert ObjectLocation("vsigs", "b").as_prefix() == ObjectLocation("vsigs", "b")
