"""Turns store answers and network failures into sentences that say what to check."""

from __future__ import annotations

import re
import ssl

import requests

from ..errors import AuthenticationError, CogportError, NetworkError, NotFoundError, StorageError
from ..i18n import tr
from ..network import PROXY_SETTINGS
from .connection import StorageConnection
from .xml_answer import ParseError, parse_answer


def bucket_named(bucket: str) -> str:
    """How the sentences below name a bucket, after "the": "The bucket 'x' does not exist…"."""
    return tr("bucket '{bucket}'").format(bucket=bucket)


def container_named(container: str) -> str:
    """How the sentences below name a Swift container, after "the": "Access to the container 'x' was denied…"."""
    return tr("container '{container}'").format(container=container)


def naming_connection(name: str) -> str:
    """ " (connection 'x')", the part a sentence adds to name the connection it was about ("" without one)."""
    return tr(" (connection '{name}')").format(name=name) if name else ""


class AccessDeniedError(AuthenticationError):
    """The store knows the credentials but does not let them do this (list, read or write)."""


def explain_http_failure(exc: Exception, host: str, connection_name: str = "", endpoint: str = "") -> NetworkError:
    """A connection-level failure (no HTTP answer): DNS, refused, TLS or timeout.

    `endpoint` is the connection's own host when `host` differs from it: virtual hosting put the bucket in front.
    """
    text = repr(exc)
    where = naming_connection(connection_name)
    if isinstance(exc, (requests.exceptions.SSLError, ssl.SSLError)) or "SSL" in text:
        return NetworkError(
            tr("The TLS handshake with {host} failed{connection}.").format(host=host, connection=where),
            tr("whether the endpoint speaks HTTPS (switch HTTPS off for plain-HTTP servers) and its certificate."),
            detail=text,
        )
    if isinstance(exc, requests.Timeout) or "timed out" in text:
        return NetworkError(
            tr("{host} did not answer in time{connection}.").format(host=host, connection=where),
            tr("your network connection, the proxy settings ({settings}) and the endpoint.").format(
                settings=tr(PROXY_SETTINGS)
            ),
            detail=text,
        )
    if re.search(r"Name or service not known|nodename nor servname|getaddrinfo|NameResolution", text):
        if endpoint and host != endpoint:
            return NetworkError(
                tr(
                    "The host name {host} could not be resolved{connection}: virtual hosting is on, so the bucket "
                    "name was put in front of the endpoint {endpoint}."
                ).format(host=host, connection=where, endpoint=endpoint),
                tr(
                    "the connection's Path-style addressing (host/bucket) box: tick it unless the store serves a "
                    "host name per bucket; then the endpoint's spelling and your DNS."
                ),
                detail=text,
            )
        return NetworkError(
            tr("The host name {host} could not be resolved{connection}.").format(host=host, connection=where),
            tr("the endpoint's spelling, your DNS and your network connection."),
            detail=text,
        )
    return NetworkError(
        tr("Could not connect to {host}{connection}: the server is down or refused the connection.").format(
            host=host, connection=where
        ),
        tr("that the server is running, the endpoint host and port, and the proxy settings ({settings}).").format(
            settings=tr(PROXY_SETTINGS)
        ),
        detail=text,
    )


def _s3_error_code(response: requests.Response) -> str:
    try:
        root = parse_answer(response.content)
    except ParseError:
        return ""
    code = root.find("Code")
    return code.text or "" if code is not None else ""


def explain_s3_error(response: requests.Response, what: str, connection: StorageConnection) -> StorageError:
    code = _s3_error_code(response)
    status = response.status_code
    detail = f"HTTP {status} {code}: {response.text[:500]}"
    name = connection.name
    if code == "InvalidAccessKeyId":
        return AuthenticationError(
            tr("The store does not know the access key of connection '{name}'.").format(name=name),
            tr("the access key ID in the connection."),
            detail,
        )
    if code == "SignatureDoesNotMatch":
        return AuthenticationError(
            tr("The store rejected the secret key of connection '{name}' (signature mismatch).").format(name=name),
            tr("the secret key, then the region and the path-style/virtual-hosting setting."),
            detail,
        )
    if code in ("NoSuchBucket",) or (status == 404 and not code):
        return NotFoundError(
            tr("The {what} does not exist at {endpoint}.").format(what=what, endpoint=connection.endpoint or "AWS"),
            tr("the bucket name, and that the connection's account and region own it."),
            detail,
        )
    if code in ("PermanentRedirect", "AuthorizationHeaderMalformed", "IllegalLocationConstraintException"):
        return StorageError(
            tr("The {what} lives in another region than connection '{name}' uses.").format(what=what, name=name),
            tr("the region of the connection (the bucket's region is in the store's console)."),
            detail,
        )
    if status in (401, 403):
        return AccessDeniedError(
            tr("Access to the {what} was denied for connection '{name}'.").format(what=what, name=name),
            tr("that this key may list and read the bucket (bucket policy, IAM permissions, ACLs)."),
            detail,
        )
    if status == 429 or code in ("SlowDown", "TooManyRequests"):
        return StorageError(
            tr("The store is rate-limiting requests to the {what}.").format(what=what), tr("again in a minute."), detail
        )
    return StorageError(
        tr("The store answered HTTP {status} for the {what}.").format(
            status=f"{status} {code}" if code else status, what=what
        ),
        tr("the endpoint and the store's status page; details are in the Cogport log."),
        detail,
    )


def explain_swift_status(status: int, what: str, connection: StorageConnection, detail: str = "") -> CogportError:
    name = connection.name
    keystone = connection.auth.keystone
    if status == 401:
        return AuthenticationError(
            tr("Swift refused the credentials of connection '{name}'.").format(name=name),
            tr("that the region's Swift trusts this Keystone (the auth URL and the region).")
            if keystone
            else tr("the user (account:user), the key, and the auth URL."),
            detail,
        )
    if status == 403:
        project = connection.project_name or connection.project_id or tr("the project")
        return AccessDeniedError(
            tr("Access to the {what} was denied for connection '{name}'.").format(what=what, name=name),
            tr(
                "the user's roles on {project}: Swift lets in the member role (or another operator role), "
                "and the container's ACLs."
            ).format(project=project)
            if keystone
            else tr("the container's ACLs and the user's roles."),
            detail,
        )
    if status == 404:
        return NotFoundError(
            tr("The {what} does not exist in the Swift account of connection '{name}'.").format(what=what, name=name),
            tr("the container name and the account the user belongs to."),
            detail,
        )
    return StorageError(
        tr("Swift answered HTTP {status} for the {what}.").format(status=status, what=what),
        tr("the storage URL and the server's status; details are in the Cogport log."),
        detail,
    )
