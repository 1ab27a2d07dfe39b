"""What OpenStack users already have, as Cogport connections: openrc files, clouds.yaml and the OS_*/SWIFT_*
variables of the environment (or GDAL's options of the same names).

An openrc file (`*-openrc.sh`, from OVHcloud's control panel or Horizon) exports OS_* variables and
usually asks for the password when sourced, so it holds none. openstacksdk's clouds.yaml holds one
entry per cloud. Both describe Keystone v3 logins; the result leaves `Credentials.secret` empty when
the file has no password, for the caller to ask.
"""

from __future__ import annotations

import os
import re
import shlex
from dataclasses import dataclass, replace
from typing import Any, Callable, Dict, List, Mapping, Optional, Tuple

from ..errors import CogportError
from ..i18n import tr
from .connection import AuthMode, Credentials, StorageConnection, StoreKind

_TOKEN_MODES = (AuthMode.SWIFT_TOKEN, AuthMode.SWIFT_KEYSTONE_TOKEN)


@dataclass(frozen=True)
class Imported:
    """One connection found in a file or the environment; `needs_secret` when it must be asked for."""

    connection: StorageConnection
    credentials: Credentials

    @property
    def needs_secret(self) -> bool:
        if self.connection.auth in _TOKEN_MODES:
            return not self.credentials.token
        return not self.credentials.secret

    @property
    def secret_label(self) -> str:
        """What to ask for when the file had no secret."""
        if self.connection.auth is AuthMode.SWIFT_KEYSTONE_APP_CREDENTIAL:
            return tr("application credential secret")
        if self.connection.auth is AuthMode.SWIFT_V1:
            return tr("Swift key")
        if self.connection.auth in _TOKEN_MODES:
            return tr("token")
        return tr("password")

    def with_secret(self, value: str) -> Imported:
        """The same connection with the secret a person typed in."""
        field_name = "token" if self.connection.auth in _TOKEN_MODES else "secret"
        return replace(self, credentials=replace(self.credentials, **{field_name: value}))


def from_os_variables(values: Callable[[str], str], name: str) -> Optional[Imported]:
    """A connection from OS_* values (openrc, environment, GDAL options); `values` answers "" when unset."""
    auth_url = values("OS_AUTH_URL")
    if not auth_url or values("OS_IDENTITY_API_VERSION") not in ("", "3"):
        return None
    auth_type = values("OS_AUTH_TYPE").lower().replace("_", "")
    common: Dict[str, Any] = dict(
        name=name,
        kind=StoreKind.SWIFT,
        auth_url=auth_url,
        region=values("OS_REGION_NAME"),
        interface=_interface(values("OS_INTERFACE") or values("OS_ENDPOINT_TYPE")),
    )
    if auth_type == "v3applicationcredential":
        connection = StorageConnection(auth=AuthMode.SWIFT_KEYSTONE_APP_CREDENTIAL, **common)
        credentials = Credentials(
            identity=values("OS_APPLICATION_CREDENTIAL_ID"), secret=values("OS_APPLICATION_CREDENTIAL_SECRET")
        )
        return Imported(connection, credentials)
    if auth_type in ("v3token", "token"):
        connection = StorageConnection(auth=AuthMode.SWIFT_KEYSTONE_TOKEN, **common, **_scope(values))
        return Imported(connection, Credentials(token=values("OS_TOKEN")))
    connection = StorageConnection(
        auth=AuthMode.SWIFT_KEYSTONE,
        user_id=values("OS_USER_ID"),
        user_domain=values("OS_USER_DOMAIN_NAME"),
        user_domain_id=values("OS_USER_DOMAIN_ID"),
        **common,
        **_scope(values),
    )
    return Imported(connection, Credentials(identity=values("OS_USERNAME"), secret=values("OS_PASSWORD")))


def _scope(values: Callable[[str], str]) -> Dict[str, Any]:
    # OVHcloud's openrc files still say OS_TENANT_*, the Keystone v2 names of projects.
    return dict(
        project_name=values("OS_PROJECT_NAME") or values("OS_TENANT_NAME"),
        project_id=values("OS_PROJECT_ID") or values("OS_TENANT_ID"),
        project_domain=values("OS_PROJECT_DOMAIN_NAME"),
        project_domain_id=values("OS_PROJECT_DOMAIN_ID"),
    )


def _interface(text: str) -> str:
    interface = text.lower().removesuffix("url")  # openstack CLI also accepts publicURL, internalURL
    return interface if interface in ("public", "internal", "admin") else "public"


def from_swift_variables(values: Callable[[str], str], name: str) -> Optional[Imported]:
    """A connection from GDAL's SWIFT_* values: storage URL + token, or auth v1."""
    if values("SWIFT_STORAGE_URL") and values("SWIFT_AUTH_TOKEN"):
        connection = StorageConnection(
            name=name, kind=StoreKind.SWIFT, auth=AuthMode.SWIFT_TOKEN, storage_url=values("SWIFT_STORAGE_URL")
        )
        return Imported(connection, Credentials(token=values("SWIFT_AUTH_TOKEN")))
    if values("SWIFT_AUTH_V1_URL"):
        connection = StorageConnection(
            name=name, kind=StoreKind.SWIFT, auth=AuthMode.SWIFT_V1, auth_url=values("SWIFT_AUTH_V1_URL")
        )
        return Imported(connection, Credentials(identity=values("SWIFT_USER"), secret=values("SWIFT_KEY")))
    return None


def from_environment(environment: Mapping[str, str], name: str = "OpenStack (environment)") -> List[Imported]:
    """The connections the OS_* and SWIFT_* variables describe (each kind at most once)."""

    def values(key: str) -> str:
        return environment.get(key, "").strip()

    found = [from_os_variables(values, name), from_swift_variables(values, f"{name} Swift")]
    return [item for item in found if item is not None]


# --- openrc --------------------------------------------------------------------------------------

_EXPORT = re.compile(r"^\s*(?:export\s+)?(OS_[A-Z_]+)=(.*)$")
_DEFAULTED = re.compile(r"^\$\{(OS_[A-Z_]+):?-(.*)\}$")


def openrc_name(path: str) -> str:
    """A connection name from an openrc file's name: 'OpenStack 1234-openrc.sh' -> 'OpenStack 1234'."""
    stem = os.path.basename(path).removesuffix(".sh").removesuffix("-openrc").removesuffix("openrc").strip("-_ .")
    return f"OpenStack {stem}" if stem else "OpenStack"


def parse_openrc(text: str, name: str) -> Imported:
    """The connection an openrc file sets up; its password is empty when the file reads it from the terminal."""
    exported: Dict[str, str] = {}
    for line in text.splitlines():
        match = _EXPORT.match(line)
        if not match:
            continue
        key, raw = match.groups()
        try:
            words = shlex.split(raw, comments=True)
        except ValueError:
            continue
        value = words[0] if words else ""
        defaulted = _DEFAULTED.match(value)
        if defaulted:  # export OS_USER_DOMAIN_NAME=${OS_USER_DOMAIN_NAME:-"Default"}
            value = defaulted.group(2).strip("\"'")
        if value.startswith("$"):  # export OS_PASSWORD=$OS_PASSWORD_INPUT: typed when sourced
            value = ""
        exported[key] = value
    imported = from_os_variables(lambda key: exported.get(key, ""), name)
    if imported is None:
        raise CogportError(
            tr("This file is not an OpenStack openrc file for Keystone v3."),
            tr("that you chose the *-openrc.sh file of your project (it sets OS_AUTH_URL ending in /v3)."),
        )
    return imported


# --- clouds.yaml ---------------------------------------------------------------------------------


class YamlSyntaxError(ValueError):
    """What read_simple_yaml cannot read; for the log only, as the person is told the file is not a clouds.yaml."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)


def parse_clouds_yaml(text: str) -> List[Imported]:
    """One connection per cloud of an openstacksdk clouds.yaml (~/.config/openstack/clouds.yaml)."""
    try:
        document = read_simple_yaml(text)
        clouds = document["clouds"]
        if not isinstance(clouds, dict):
            raise YamlSyntaxError(detail="clouds is not a mapping")
    except (ValueError, KeyError, TypeError) as exc:
        raise CogportError(
            tr("This file is not an openstacksdk clouds.yaml."),
            tr("that the file starts with 'clouds:' and lists one entry per cloud."),
            detail=repr(exc),
        ) from exc
    imported = []
    for cloud_name, cloud in clouds.items():
        if not isinstance(cloud, dict):
            continue
        auth = cloud.get("auth")
        if not isinstance(auth, dict):
            auth = {}
        variables = {f"OS_{key.upper()}": str(value) for key, value in auth.items() if not isinstance(value, dict)}
        for key in ("region_name", "interface", "auth_type", "identity_api_version"):
            if isinstance(cloud.get(key), str):
                variables[f"OS_{key.upper()}"] = cloud[key]
        regions = cloud.get("regions")
        if "OS_REGION_NAME" not in variables and isinstance(regions, list) and regions:
            variables["OS_REGION_NAME"] = str(regions[0])
        found = from_os_variables(_lookup(variables), str(cloud_name))
        if found is not None:
            imported.append(found)
    if not imported:
        raise CogportError(
            tr("The clouds.yaml file describes no Keystone v3 cloud."),
            tr("that each cloud has an auth section with auth_url."),
        )
    return imported


def _lookup(variables: Dict[str, str]) -> Callable[[str], str]:
    return lambda key: variables.get(key, "")


def read_simple_yaml(text: str) -> Dict[str, Any]:
    """The block mappings, scalars and scalar lists clouds.yaml files use (no PyYAML in QGIS's core set).

    Raises YamlSyntaxError (a ValueError) for anything else, so an unusual file is refused rather than misread.
    """
    root: Dict[str, Any] = {}
    stack: List[Tuple[int, Any]] = [(0, root)]
    pending: Optional[Tuple[int, Dict[str, Any], str]] = None  # a "key:" whose block has not started yet
    for number, line in enumerate(text.splitlines(), 1):
        content = _strip_comment(line).rstrip()
        if not content.strip() or content.strip() in ("---", "..."):
            continue
        indent = len(content) - len(content.lstrip(" "))
        item = content.strip()
        if pending is not None:
            parent_indent, owner, key = pending
            pending = None
            if indent > parent_indent:
                owner[key] = [] if item.startswith("-") else {}
                stack.append((indent, owner[key]))
            else:
                owner[key] = None
        while len(stack) > 1 and indent < stack[-1][0]:
            stack.pop()
        if indent != stack[-1][0]:
            raise YamlSyntaxError(detail=f"line {number}: unexpected indentation")
        container = stack[-1][1]
        if item.startswith("-"):
            if not isinstance(container, list):
                raise YamlSyntaxError(detail=f"line {number}: a list item outside a list")
            container.append(_scalar(item[1:].strip()))
            continue
        key, colon, rest = item.partition(":")
        if not colon or not isinstance(container, dict):
            raise YamlSyntaxError(detail=f"line {number}: expected 'key: value'")
        key = str(_scalar(key.strip()))
        if rest.strip():
            container[key] = _scalar(rest.strip())
        else:
            pending = (indent, container, key)
    if pending is not None:
        pending[1][pending[2]] = None
    return root


def _strip_comment(line: str) -> str:
    quote = ""
    for index, char in enumerate(line):
        if quote:
            if char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == "#" and (index == 0 or line[index - 1] in " \t"):
            return line[:index]
    return line


def _scalar(text: str) -> Any:
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        return text[1:-1]
    if text.startswith("[") and text.endswith("]"):
        return [_scalar(part.strip()) for part in text[1:-1].split(",") if part.strip()]
    if text.startswith(("{", "&", "*", "|", ">", "!")):
        raise YamlSyntaxError(detail=f"unsupported YAML: {text[:20]}")
    return text
