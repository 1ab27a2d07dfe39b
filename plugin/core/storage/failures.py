"""Turns store answers and network failures into sentences that say what to check."""

from __future__ import annotations

import re
import ssl

import requests

from ..errors import AuthenticationError, CogportError, NetworkError, NotFoundError, StorageError
from ..network import PROXY_SETTINGS
from .connection import StorageConnection
from .xml_answer import ParseError, parse_answer


def explain_http_failure(exc: Exception, host: str, connection_name: str = "", endpoint: str = "") -> NetworkError:
    """A connection-level failure (no HTTP answer): DNS, refused, TLS or timeout.

    `endpoint` is the connection's own host when `host` differs from it: virtual hosting put the bucket in front.
    """
    text = repr(exc)
    where = f" (connection '{connection_name}')" if connection_name else ""
    if isinstance(exc, (requests.exceptions.SSLError, ssl.SSLError)) or "SSL" in text:
        return NetworkError(
            f"The TLS handshake with {host} failed{where}.",
            "whether the endpoint speaks HTTPS (switch HTTPS off for plain-HTTP servers) and its certificate.",
            detail=text,
        )
    if isinstance(exc, requests.Timeout) or "timed out" in text:
        return NetworkError(
            f"{host} did not answer in time{where}.",
            f"your network connection, the proxy settings ({PROXY_SETTINGS}) and the endpoint.",
            detail=text,
        )
    if re.search(r"Name or service not known|nodename nor servname|getaddrinfo|NameResolution", text):
        if endpoint and host != endpoint:
            return NetworkError(
                f"The host name {host} could not be resolved{where}: virtual hosting is on, so the bucket name "
                f"was put in front of the endpoint {endpoint}.",
                "the connection's Path-style addressing (host/bucket) box: tick it unless the store serves a "
                "host name per bucket; then the endpoint's spelling and your DNS.",
                detail=text,
            )
        return NetworkError(
            f"The host name {host} could not be resolved{where}.",
            "the endpoint's spelling, your DNS and your network connection.",
            detail=text,
        )
    return NetworkError(
        f"Could not connect to {host}{where}: the server is down or refused the connection.",
        f"that the server is running, the endpoint host and port, and the proxy settings ({PROXY_SETTINGS}).",
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
            f"The store does not know the access key of connection '{name}'.",
            "the access key ID in the connection.",
            detail,
        )
    if code == "SignatureDoesNotMatch":
        return AuthenticationError(
            f"The store rejected the secret key of connection '{name}' (signature mismatch).",
            "the secret key, then the region and the path-style/virtual-hosting setting.",
            detail,
        )
    if code in ("NoSuchBucket",) or (status == 404 and not code):
        return NotFoundError(
            f"The {what} does not exist at {connection.endpoint or 'AWS'}.",
            "the bucket name, and that the connection's account and region own it.",
            detail,
        )
    if code in ("PermanentRedirect", "AuthorizationHeaderMalformed", "IllegalLocationConstraintException"):
        return StorageError(
            f"The {what} lives in another region than connection '{name}' uses.",
            "the region of the connection (the bucket's region is in the store's console).",
            detail,
        )
    if status in (401, 403):
        return AuthenticationError(
            f"Access to the {what} was denied for connection '{name}'.",
            "that this key may list and read the bucket (bucket policy, IAM permissions, ACLs).",
            detail,
        )
    if status == 429 or code in ("SlowDown", "TooManyRequests"):
        return StorageError(f"The store is rate-limiting requests to the {what}.", "again in a minute.", detail)
    return StorageError(
        f"The store answered HTTP {status}{' ' + code if code else ''} for the {what}.",
        "the endpoint and the store's status page; details are in the Cogport log.",
        detail,
    )


def explain_swift_status(status: int, what: str, connection: StorageConnection, detail: str = "") -> CogportError:
    name = connection.name
    keystone = connection.auth.keystone
    if status == 401:
        return AuthenticationError(
            f"Swift refused the credentials of connection '{name}'.",
            "that the region's Swift trusts this Keystone (the auth URL and the region)."
            if keystone
            else "the user (account:user), the key, and the auth URL.",
            detail,
        )
    if status == 403:
        project = connection.project_name or connection.project_id or "the project"
        return AuthenticationError(
            f"Access to the {what} was denied for connection '{name}'.",
            f"the user's roles on {project}: Swift lets in the member role (or another operator role), "
            "and the container's ACLs."
            if keystone
            else "the container's ACLs and the user's roles.",
            detail,
        )
    if status == 404:
        return NotFoundError(
            f"The {what} does not exist in the Swift account of connection '{name}'.",
            "the container name and the account the user belongs to.",
            detail,
        )
    return StorageError(
        f"Swift answered HTTP {status} for the {what}.",
        "the storage URL and the server's status; details are in the Cogport log.",
        detail,
    )
