"""Object locations: s3://, gs://, /vsis3/, /vsiswift/, /vsigs/ and https:// forms, all to one shape."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote, urlparse

from ..errors import CogportError
from ..i18n import tr

HANDLERS = ("vsis3", "vsiswift", "vsigs")
SCHEME_TO_HANDLER = {"s3": "vsis3", "gs": "vsigs", "swift": "vsiswift"}
HANDLER_TO_SCHEME = {handler: scheme for scheme, handler in SCHEME_TO_HANDLER.items()}
_VSI = re.compile(r"^/(vsis3|vsiswift|vsigs)(?:_streaming)?/(.*)$")
_S3_VIRTUAL_HOST = re.compile(r"^(?P<bucket>.+)\.s3(?:[.-](?P<region>[a-z0-9-]+))?\.amazonaws\.com$")


@dataclass(frozen=True)
class ObjectLocation:
    """A bucket (or container) and a key (empty for the bucket itself) under one VSI handler."""

    handler: str
    bucket: str
    key: str = ""

    @property
    def vsi_path(self) -> str:
        return f"/{self.handler}/{self.bucket}/{self.key}" if self.key else f"/{self.handler}/{self.bucket}"

    @property
    def bucket_prefix(self) -> str:
        """The prefix that path-specific GDAL options are scoped to."""
        return f"/{self.handler}/{self.bucket}"

    @property
    def uri(self) -> str:
        """The familiar form: s3://bucket/key, gs://bucket/key, swift://container/key."""
        return f"{HANDLER_TO_SCHEME[self.handler]}://{self.bucket}/{self.key}"

    @property
    def name(self) -> str:
        return self.key.rstrip("/").rsplit("/", 1)[-1] if self.key else self.bucket

    def child(self, name: str) -> ObjectLocation:
        return ObjectLocation(self.handler, self.bucket, f"{self.key}{name}")

    @property
    def parent(self) -> ObjectLocation:
        """The folder holding this object or prefix: a prefix ending in '/', or the bucket itself."""
        folder = self.key.rstrip("/").rpartition("/")[0]
        return ObjectLocation(self.handler, self.bucket, f"{folder}/" if folder else "")

    def as_prefix(self) -> ObjectLocation:
        """The same place as a folder: the key ends with '/' (the bucket itself stays as it is)."""
        if not self.key or self.key.endswith("/"):
            return self
        return ObjectLocation(self.handler, self.bucket, self.key + "/")


def parse_location(text: str) -> ObjectLocation:
    """Parses any accepted form; raises a CogportError that lists the accepted forms."""
    text = text.strip()
    match = _VSI.match(text)
    if match:
        bucket, _, key = match.group(2).partition("/")
        if bucket:
            return ObjectLocation(match.group(1), bucket, key)
    parsed = urlparse(text)
    if parsed.scheme in SCHEME_TO_HANDLER and parsed.netloc:
        return ObjectLocation(SCHEME_TO_HANDLER[parsed.scheme], parsed.netloc, unquote(parsed.path.lstrip("/")))
    if parsed.scheme in ("http", "https") and parsed.netloc:
        location = _from_https(parsed.netloc, unquote(parsed.path.lstrip("/")))
        if location is not None:
            return location
    raise CogportError(
        tr("'{text}' is not an object location Cogport understands.").format(text=text),
        tr(
            "the form: s3://bucket/key, gs://bucket/key, swift://container/key, /vsis3/bucket/key, "
            "/vsiswift/container/key, /vsigs/bucket/key, or an https:// S3 or Google Cloud Storage URL."
        ),
    )


def _from_https(host: str, path: str):
    if host in ("storage.googleapis.com", "storage.cloud.google.com"):
        bucket, _, key = path.partition("/")
        return ObjectLocation("vsigs", bucket, key) if bucket else None
    virtual = _S3_VIRTUAL_HOST.match(host)
    if virtual:
        return ObjectLocation("vsis3", virtual.group("bucket"), path)
    if host.startswith("s3.") and host.endswith(".amazonaws.com") or host == "s3.amazonaws.com":
        bucket, _, key = path.partition("/")
        return ObjectLocation("vsis3", bucket, key) if bucket else None
    return None


def to_vsi_path(text: str) -> str:
    """A local path is returned unchanged; any object location becomes its /vsi…/ path."""
    if text.startswith("/vsi") and not _VSI.match(text):
        return text  # /vsimem/, /vsizip/ and friends: GDAL's business
    if _VSI.match(text) or re.match(r"^(s3|gs|swift|https?)://", text):
        return parse_location(text).vsi_path
    return text
