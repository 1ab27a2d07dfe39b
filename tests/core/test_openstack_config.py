"""openrc files, clouds.yaml and the environment as connections, then used against the real Keystone."""

from __future__ import annotations

import dataclasses

import pytest

from cogport.plugin.core.errors import CogportError
from cogport.plugin.core.storage.connection import AuthMode
from cogport.plugin.core.storage.keystone import KEYSTONE
from cogport.plugin.core.storage.openstack_config import (
    from_environment,
    parse_clouds_yaml,
    parse_openrc,
    read_simple_yaml,
)
from cogport.plugin.core.storage.probe import describe_connection

# The shape of the openrc files OVHcloud's control panel hands out: Keystone v2 names for the
# project, domains defaulted, the password read from the terminal when sourced.
OVH_STYLE_OPENRC = """#!/bin/bash
# To use an OpenStack cloud you need to authenticate against the Identity service.
export OS_AUTH_URL={auth_url}/
export OS_IDENTITY_API_VERSION=3

export OS_USER_DOMAIN_NAME=${{OS_USER_DOMAIN_NAME:-"Default"}}
export OS_PROJECT_DOMAIN_NAME=${{OS_PROJECT_DOMAIN_NAME:-"Default"}}

export OS_TENANT_ID={project_id}
export OS_TENANT_NAME="{project_name}"

export OS_USERNAME="{user}"

echo "Please enter your OpenStack Password: "
read -sr OS_PASSWORD_INPUT
export OS_PASSWORD=$OS_PASSWORD_INPUT

export OS_REGION_NAME="GRA"
if [ -z "$OS_REGION_NAME" ]; then unset OS_REGION_NAME; fi
"""

# The shape of Horizon's: project and domain ids, an interface.
HORIZON_STYLE_OPENRC = """#!/usr/bin/env bash
export OS_AUTH_URL={auth_url}
export OS_PROJECT_ID={project_id}
export OS_PROJECT_NAME="{project_name}"
export OS_USER_DOMAIN_NAME="{domain}"
if [ -z "$OS_USER_DOMAIN_NAME" ]; then unset OS_USER_DOMAIN_NAME; fi
export OS_PROJECT_DOMAIN_ID="{domain_id}"
unset OS_TENANT_ID
unset OS_TENANT_NAME
export OS_USERNAME="{user}"
echo "Please enter your OpenStack Password for project $OS_PROJECT_NAME as user $OS_USERNAME: "
read -sr OS_PASSWORD_INPUT
export OS_PASSWORD=$OS_PASSWORD_INPUT
export OS_REGION_NAME="GRA"
export OS_INTERFACE=public
export OS_IDENTITY_API_VERSION=3
"""


@pytest.fixture(autouse=True)
def _fresh_sessions():
    yield
    KEYSTONE._sessions.clear()


@pytest.mark.parametrize("template", [OVH_STYLE_OPENRC, HORIZON_STYLE_OPENRC], ids=["ovh", "horizon"])
def test_an_openrc_file_becomes_a_connection_that_asks_for_the_password(openstack, template):
    bob = openstack.users["bob"]
    text = template.format(
        auth_url=openstack.auth_url,
        project_id=bob.project_id,
        project_name=bob.project_name,
        user=bob.name,
        domain=bob.domain_name,
        domain_id=bob.domain_id,
    )
    if template is OVH_STYLE_OPENRC:  # OVH's defaults say Default; bob lives in Orbit
        text = text.replace('"Default"', f'"{bob.domain_name}"')
    imported = parse_openrc(text, "From openrc")
    assert imported.needs_secret and imported.secret_label == "password"
    assert imported.connection.region == "GRA" and imported.connection.project_id == bob.project_id
    credentials = dataclasses.replace(imported.credentials, secret=bob.password)
    assert "project 'beta'" in describe_connection(imported.connection, credentials)


def test_a_file_that_is_not_an_openrc_is_refused():
    with pytest.raises(CogportError, match="not an OpenStack openrc file"):
        parse_openrc("export AWS_ACCESS_KEY_ID=x\n", "x")


def test_clouds_yaml_gives_one_connection_per_cloud(openstack):
    alice = openstack.users["alice"]
    credential = openstack.application_credential
    text = f"""# ~/.config/openstack/clouds.yaml
clouds:
  ovh-gra:
    auth:
      auth_url: {openstack.auth_url}
      username: "{alice.name}"
      password: '{alice.password}'
      project_name: {alice.project_name}
      user_domain_name: Default
      project_domain_name: "Default"   # a comment
    region_name: GRA
    interface: public
    identity_api_version: 3
  ovh-appcred:
    auth_type: v3applicationcredential
    auth:
      auth_url: {openstack.auth_url}
      application_credential_id: "{credential.id}"
      application_credential_secret: "{credential.secret}"
    regions:
      - GRA
      - SBG
  no-password:
    auth:
      auth_url: {openstack.auth_url}
      username: {alice.name}
      project_name: {alice.project_name}
    region_name: GRA
"""
    imported = {item.connection.name: item for item in parse_clouds_yaml(text)}
    assert sorted(imported) == ["no-password", "ovh-appcred", "ovh-gra"]
    assert imported["ovh-appcred"].connection.auth is AuthMode.SWIFT_KEYSTONE_APP_CREDENTIAL
    assert imported["ovh-appcred"].connection.region == "GRA"
    assert imported["no-password"].needs_secret and not imported["ovh-gra"].needs_secret
    for name in ("ovh-gra", "ovh-appcred"):
        assert "project 'alpha'" in describe_connection(imported[name].connection, imported[name].credentials)


def test_the_yaml_reader_refuses_what_it_does_not_understand():
    assert read_simple_yaml("a:\n  b: [x, 'y']\n  c:\n") == {"a": {"b": ["x", "y"], "c": None}}
    for text in ("a: &anchor 1\n", "a:\n  b: 1\n c: 2\n", "a: |\n  text\n"):
        with pytest.raises(ValueError):
            read_simple_yaml(text)
    with pytest.raises(CogportError, match="not an openstacksdk clouds.yaml"):
        parse_clouds_yaml("clouds: [a, b]\n")


def test_the_environment_gives_keystone_and_swift_connections(openstack):
    alice = openstack.users["alice"]
    environment = {
        "OS_AUTH_URL": openstack.auth_url,
        "OS_IDENTITY_API_VERSION": "3",
        "OS_USERNAME": alice.name,
        "OS_PASSWORD": alice.password,
        "OS_PROJECT_NAME": alice.project_name,
        "OS_USER_DOMAIN_NAME": "Default",
        "OS_PROJECT_DOMAIN_NAME": "Default",
        "OS_REGION_NAME": "GRA",
        "SWIFT_STORAGE_URL": openstack.storage_url(alice),
        "SWIFT_AUTH_TOKEN": openstack.user_token("alice"),
    }
    keystone, swift = from_environment(environment)
    assert keystone.connection.auth is AuthMode.SWIFT_KEYSTONE and swift.connection.auth is AuthMode.SWIFT_TOKEN
    assert "project 'alpha'" in describe_connection(keystone.connection, keystone.credentials)
    assert "Connected." in describe_connection(swift.connection, swift.credentials)
    assert from_environment({"HOME": "/root"}) == []
