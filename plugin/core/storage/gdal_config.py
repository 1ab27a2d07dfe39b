"""GDAL options for a connection, scoped to one bucket or container with path-specific options.

Nothing here uses global `SetConfigOption`: one connection's keys are only ever
attached to the prefixes of buckets that connection opened, so they are never
sent to another connection's bucket.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from typing import Callable, Dict, Iterator, Optional, Set, Tuple

from osgeo import gdal

from ..errors import CogportError
from ..network import GDAL_NETWORK_KEYS, certificate_fingerprint, policy_in_force
from ..services.google_auth import ServiceAccountKey
from .connection import AuthMode, Credentials, StorageConnection, StoreKind
from .keystone import KEYSTONE
from .uri import ObjectLocation, parse_location

LOG = logging.getLogger("cogport.storage")

# Read tuning for Cogport's own prefixes. What GDAL 3.6.2 really honours was measured with the counting
# proxy (tests/support/latency_proxy.py), setting each option three ways (not at all, path-specific for
# /vsis3/<bucket>, global) and comparing the HTTP requests; tests/core/test_gdal_read_options.py pins
# the parts Cogport relies on, so a GDAL upgrade that changes them fails there:
#
#   honoured as a path-specific option      GDAL_DISABLE_READDIR_ON_OPEN (and the AWS_*/SWIFT_*/GS_* keys)
#   global or thread-local only (no effect  VSI_CACHE, VSI_CACHE_SIZE, GDAL_HTTP_MULTIRANGE,
#   when path-specific; GDAL_HTTP_MULTI-    GDAL_HTTP_MERGE_CONSECUTIVE_RANGES, GDAL_INGESTED_BYTES_AT_OPEN,
#   RANGE on 3.10 and 3.13 too)             CPL_VSIL_CURL_CHUNK_SIZE, GDAL_HTTP_MAX_RETRY, GDAL_PAM_ENABLED
#   process-wide by nature                  GDAL_CACHEMAX (the block cache), CPL_VSIL_CURL_CACHE_SIZE
#
# So the path-specific set is tiny, and it is enough: GDAL 3.6's defaults already merge consecutive tile
# ranges (one GET per tile row of a view) and fetch the rows in parallel, and the default block cache
# (5 % of RAM) answers revisited views with no request at all. HTTP/2 multiplexing is GDAL's default
# where the server negotiates it. Setting the others globally would change every other layer in QGIS.
READ_TUNING: Dict[str, str] = {
    # No listing of the object's "folder" on open (one GET per 1,000 siblings, plus their bytes), and no
    # probes for .aux.xml/.ovr/.msk sidecars: a COG carries its overviews and mask inside.
    "GDAL_DISABLE_READDIR_ON_OPEN": "EMPTY_DIR",
}

# GTiff reads the first 10 MB of a view's tiles (GDAL_MAX_RAW_BLOCK_CACHE_SIZE) with one multi-range read,
# and GDAL's default parallel multi-range path neither looks in nor fills the /vsicurl/ read cache. So a
# view prefetched into that cache was fetched again: the 9.8 MB "that remained" after a prefetch (measured
# here: 2 requests, 10.2 MB for a 2560×1600 window prefetched whole). SERIAL reads each of those ranges as an
# ordinary read through the cache: a prefetched view then costs 0 requests. A view not prefetched costs the
# same requests and bytes either way (measured: 12 requests, 22.4 MB), its few ranges one after the other
# instead of at once (one round trip more), and they land in the cache for the views that overlap it.
# GDAL reads it globally or per thread only, never per path (measured on 3.6.2, 3.10.3 and 3.13.3: a bucket,
# bucket/ or object key changes nothing), and QGIS renders in its own threads: see cache_batched_reads.
CACHED_MULTIRANGE: Dict[str, str] = {"GDAL_HTTP_MULTIRANGE": "SERIAL"}

# Options GDAL only reads globally or per thread, but reads while a dataset is opened: Cogport sets them
# thread-locally around the open of its own layers on the main thread (`thread_options`), which scopes
# them to that dataset without touching other layers.
OPEN_TUNING: Dict[str, str] = {
    # The first GET takes the header and the smallest overviews (QGIS's contrast histogram reads those),
    # saving a round trip on the first view. COG writers put both at the start of the file.
    "GDAL_INGESTED_BYTES_AT_OPEN": str(512 * 1024),
    # Without this, the histogram QGIS computes for the default stretch is written back as
    # `<object>.aux.xml` into the bucket when the layer closes: a PUT into the user's data (and a
    # warning with read-only keys).
    "GDAL_PAM_ENABLED": "NO",
}


def credential_options(connection: StorageConnection, credentials: Credentials) -> Dict[str, str]:
    """The GDAL options that address and authenticate `connection`'s store."""
    kind, auth = connection.kind, connection.auth
    if kind in (StoreKind.AWS_S3, StoreKind.S3_COMPATIBLE, StoreKind.PUBLIC):
        options = {
            "AWS_REGION": connection.region or "us-east-1",
            "AWS_HTTPS": "YES" if connection.https else "NO",
            "AWS_VIRTUAL_HOSTING": "TRUE" if connection.virtual_hosting else "FALSE",
        }
        if connection.endpoint:
            options["AWS_S3_ENDPOINT"] = connection.endpoint
        if auth is AuthMode.ANONYMOUS:
            options["AWS_NO_SIGN_REQUEST"] = "YES"
        else:
            options.update(
                AWS_NO_SIGN_REQUEST="NO",
                AWS_ACCESS_KEY_ID=credentials.identity,
                AWS_SECRET_ACCESS_KEY=credentials.secret,
            )
            if credentials.token:
                options["AWS_SESSION_TOKEN"] = credentials.token
        return options
    if kind is StoreKind.SWIFT:
        if auth is AuthMode.SWIFT_TOKEN:
            return {"SWIFT_STORAGE_URL": connection.storage_url, "SWIFT_AUTH_TOKEN": credentials.token}
        if auth.keystone:
            # GDAL gets Cogport's Keystone token and storage URL rather than the OS_* options. Measured
            # with GDAL 3.6.2 against the test Keystone (tests/support/keystone.py), counting requests:
            # - OS_*: GDAL keeps one cached Keystone login per process, so two connections open side by
            #   side re-authenticate on almost every open (5 Keystone requests for 6 alternating opens);
            #   the token route costs GDAL none, Cogport one per connection and token life.
            # - OS_* cannot say a user or project by id, a domain by id, a pasted token or the endpoint
            #   interface, and puts the password itself into GDAL's options.
            # - Expiry mid-pan: on an open dataset both routes fail the same way once the token expires
            #   (GDAL 3.6 does not re-authenticate its parallel range reads, even with a global
            #   GDAL_HTTP_MAX_RETRY=1), and a dataset keeps the token it was opened with. So Cogport
            #   renews the token shortly before it expires (`renew_tokens`) and the QGIS layer reopens
            #   its datasets. Uploads use Cogport's own Swift client, which renews on expiry and on 401.
            token = KEYSTONE.session(connection, credentials).token()
            return {"SWIFT_STORAGE_URL": token.storage_url, "SWIFT_AUTH_TOKEN": token.value}
        return {
            "SWIFT_AUTH_V1_URL": connection.auth_url,
            "SWIFT_USER": credentials.identity,
            "SWIFT_KEY": credentials.secret,
        }
    options = {}
    if connection.endpoint:
        scheme = "https" if connection.https else "http"
        options["CPL_GS_ENDPOINT"] = f"{scheme}://{connection.endpoint.rstrip('/')}/"
    if auth is AuthMode.ANONYMOUS:
        options["GS_NO_SIGN_REQUEST"] = "YES"
    elif auth is AuthMode.SERVICE_ACCOUNT:
        key = ServiceAccountKey.from_json(credentials.service_account_json)
        options.update(
            GS_NO_SIGN_REQUEST="NO",
            GS_OAUTH2_PRIVATE_KEY=key.private_key,
            GS_OAUTH2_CLIENT_EMAIL=key.client_email,
        )
    else:
        options.update(
            GS_NO_SIGN_REQUEST="NO", GS_ACCESS_KEY_ID=credentials.identity, GS_SECRET_ACCESS_KEY=credentials.secret
        )
    return options


class ScopedOptions:
    """Tracks which bucket prefixes carry which connection's options, so they can be withdrawn."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._owners: Dict[str, str] = {}  # prefix -> connection name
        self._applied: Dict[str, Dict[str, str]] = {}  # prefix -> options set
        self._keystone: Dict[str, Tuple[StorageConnection, Credentials]] = {}  # prefix -> its token's source
        self._generations: Dict[str, int] = {}  # prefix -> how many times its credentials were set
        self._renewal_failed: Set[str] = set()  # prefixes whose renewal failed and was logged

    def apply(self, connection: StorageConnection, credentials: Credentials, bucket: str) -> str:
        """Attaches the connection's options, and the network policy in force for its store, to the bucket.

        Options already in place are left alone, which keeps GDAL's caches for the bucket warm.
        """
        prefix = ObjectLocation(connection.handler, bucket).bucket_prefix
        network_options = policy_in_force().gdal_options(store_url(connection, bucket), connection.accepted_certificate)
        options = {**credential_options(connection, credentials), **READ_TUNING, **network_options}
        with self._lock:
            if self._owners.get(prefix) == connection.name and self._intact(prefix, options):
                # Same store, same keys: what GDAL cached under the prefix is still true, so it stays. Emptying
                # it on every apply() is why a prefetch to the local Swift "right after this process wrote the
                # object" saved nothing: the layer read after a second apply() (as the test and bench helpers
                # open layers) found an empty read cache. The write is not to blame: it leaves GDAL's file
                # properties right, and reads through other handles are served from the cache
                # (tests/core/test_gdal_read_options.py).
                return prefix
            gdal.ClearPathSpecificOptions(prefix)
            for key, value in options.items():
                gdal.SetPathSpecificOption(prefix, key, value)
            self._owners[prefix] = connection.name
            self._applied[prefix] = options
            self._generations[prefix] = self._generations.get(prefix, 0) + 1
            if connection.auth.keystone:
                self._keystone[prefix] = (connection, credentials)
            else:
                self._keystone.pop(prefix, None)
        forget_cached(prefix)
        if connection.accepted_certificate:
            LOG.warning(
                "Connection '%s' trusts the server certificate accepted for it (SHA-256 %s), which no CA vouches for",
                connection.name,
                certificate_fingerprint(connection.accepted_certificate),
            )
        return prefix

    def _intact(self, prefix: str, options: Dict[str, str]) -> bool:
        return self._applied.get(prefix) == options and all(
            gdal.GetPathSpecificOption(prefix, key, None) == value for key, value in options.items()
        )

    def renewal_due(self) -> bool:
        """Whether renew_tokens would ask Keystone for a token now (cheap: no request)."""
        return any(KEYSTONE.session(*source).renewal_due for source in self._live_keystone_sources("").values())

    def _live_keystone_sources(self, connection_name: str) -> Dict[str, Tuple[StorageConnection, Credentials]]:
        with self._lock:
            # Only prefixes whose options GDAL still holds as Cogport set them: others were withdrawn,
            # cleared or replaced, and are not Cogport's to set again.
            return {
                prefix: source
                for prefix, source in self._keystone.items()
                if (not connection_name or source[0].name == connection_name)
                and self._intact(prefix, self._applied.get(prefix, {}))
            }

    def renew_tokens(self, connection_name: str = "") -> Set[str]:
        """Gives GDAL a new Keystone token where the current one is about to expire; returns those prefixes.

        Datasets opened before keep the old token, so their layers must reopen them. GDAL's cached
        data stays valid: the storage URL does not change.
        """
        sources = self._live_keystone_sources(connection_name)
        renewed = set()
        for prefix, (connection, credentials) in sources.items():
            try:
                options = credential_options(connection, credentials)
            except CogportError as exc:
                if prefix not in self._renewal_failed:  # said once, not at every check
                    LOG.warning("Could not renew the Keystone token of connection '%s': %s", connection.name, exc)
                    self._renewal_failed.add(prefix)
                continue
            self._renewal_failed.discard(prefix)
            with self._lock:
                applied = self._applied.get(prefix)
                if applied is None or all(applied.get(key) == value for key, value in options.items()):
                    continue
                for key, value in options.items():
                    gdal.SetPathSpecificOption(prefix, key, value)
                applied.update(options)
                self._generations[prefix] = self._generations.get(prefix, 0) + 1
                renewed.add(prefix)
        return renewed

    def generation(self, prefix: str) -> int:
        """Changes whenever `prefix` gets new credentials: a dataset opened under an older one holds stale ones."""
        with self._lock:
            return self._generations.get(prefix, 0)

    def owner(self, prefix: str) -> str:
        """The connection whose options GDAL currently holds for `prefix` ("" if none or cleared since)."""
        with self._lock:
            options = self._applied.get(prefix, {})
            return self._owners.get(prefix, "") if options and self._intact(prefix, options) else ""

    def network_options(self, prefix: str) -> Optional[Dict[str, str]]:
        """The network options Cogport attached to `prefix`; None when no connection of Cogport's holds it."""
        with self._lock:
            options = self._applied.get(prefix, {})
            if not options or not self._intact(prefix, options):
                return None
            return {key: value for key, value in options.items() if key in GDAL_NETWORK_KEYS}

    def prefixes_of(self, connection_name: str) -> Set[str]:
        with self._lock:
            return {p for p, owner in self._owners.items() if owner == connection_name}

    def withdraw(self, connection_name: str) -> None:
        with self._lock:
            for prefix in [p for p, owner in self._owners.items() if owner == connection_name]:
                gdal.ClearPathSpecificOptions(prefix)
                forget_cached(prefix)
                del self._owners[prefix]
                self._applied.pop(prefix, None)
                self._keystone.pop(prefix, None)


SCOPED_OPTIONS = ScopedOptions()


def forget_cached(prefix: str) -> None:
    """Drops GDAL's cached listings and headers under `prefix` (after writes and credential changes)."""
    try:
        gdal.VSICurlPartialClearCache(prefix)
    except RuntimeError:
        pass  # in exception mode GDAL re-raises an earlier, unrelated error here; the cache is cleared


@contextlib.contextmanager
def thread_options(options: Dict[str, str]) -> Iterator[None]:
    """Options visible to GDAL calls of the current thread only (root listings have no bucket prefix)."""
    previous = {key: gdal.GetThreadLocalConfigOption(key, None) for key in options}
    for key, value in options.items():
        gdal.SetThreadLocalConfigOption(key, value)
    try:
        yield
    finally:
        for key, value in previous.items():
            gdal.SetThreadLocalConfigOption(key, value)


def store_url(connection: StorageConnection, bucket: str = "") -> str:
    """The URL GDAL sends a bucket's requests to (the server's root without a bucket).

    What the proxy policy and its excluded URLs are matched against, and where a certificate is fetched.
    """
    if connection.kind is StoreKind.SWIFT:
        base = connection.storage_url or connection.auth_url
        return f"{base.rstrip('/')}/{bucket}/" if connection.storage_url and bucket else base
    scheme = "https" if connection.https else "http"
    region = connection.region or "us-east-1"
    if connection.kind is StoreKind.GCS:
        host = connection.endpoint or "storage.googleapis.com"
    else:
        host = connection.endpoint or ("s3.amazonaws.com" if region == "us-east-1" else f"s3.{region}.amazonaws.com")
    virtual = connection.virtual_hosting and connection.kind is not StoreKind.GCS
    return _s3_bucket_url(scheme, host, bucket, virtual) if bucket else f"{scheme}://{host}/"


def _s3_bucket_url(scheme: str, host: str, bucket: str, virtual_hosting: bool) -> str:
    return f"{scheme}://{bucket}.{host}/" if virtual_hosting else f"{scheme}://{host}/{bucket}/"


def _vsicurl_url(path: str) -> str:
    for prefix in ("/vsicurl/", "/vsicurl_streaming/"):
        if path.startswith(prefix):
            return path[len(prefix) :]
    return ""


@contextlib.contextmanager
def network_scope(path: str) -> Iterator[None]:
    """The network policy for `path`, in force for the GDAL calls of this thread and the handles they open.

    GDAL 3.6 reads proxy and CA options only globally or per thread (a bucket's path-specific ones are
    ignored), but a file handle keeps those read when it was opened, so a layer opened here is read
    through the right proxy from QGIS's render threads too. GDAL 3.10 and later also honour the
    path-specific options `ScopedOptions.apply` sets; this sets the same values
    (tests/core/test_gdal_network_options.py).
    """
    with thread_options(_network_options(path) if path.startswith("/vsi") else {}):
        yield


def _network_options(path: str) -> Dict[str, str]:
    policy = policy_in_force()
    url = _vsicurl_url(path)
    if url:
        # A plain https:// object: scope the policy to its server for this and later (render-thread) reads.
        origin = "/vsicurl/" + "/".join(url.split("/", 3)[:3]) + "/"
        options = policy.gdal_options(url)
        gdal.ClearPathSpecificOptions(origin)  # what an earlier policy said goes
        for key, value in options.items():
            gdal.SetPathSpecificOption(origin, key, value)
        return options
    try:
        location = parse_location(path)
    except CogportError:
        return {}  # /vsimem/, /vsizip/…: no network, or GDAL's business
    applied = SCOPED_OPTIONS.network_options(location.bucket_prefix)
    if applied is not None:
        return applied
    # A bucket no Cogport connection opened (GDAL's own AWS_*, SWIFT_*, GS_* settings): this call only.
    return policy.gdal_options(gdal_store_url(location))


def gdal_store_url(location: ObjectLocation) -> str:
    """Where GDAL's own settings send `location`'s requests, for buckets no Cogport connection opened."""

    def option(key: str, default: str) -> str:
        return gdal.GetPathSpecificOption(location.bucket_prefix, key, None) or default

    def yes(key: str, default: str) -> bool:
        return option(key, default).upper() not in ("NO", "FALSE", "OFF", "0")

    if location.handler == "vsiswift":
        return option("SWIFT_STORAGE_URL", "") or option("SWIFT_AUTH_V1_URL", "") or option("OS_AUTH_URL", "")
    if location.handler == "vsigs":
        return f"{option('CPL_GS_ENDPOINT', 'https://storage.googleapis.com/').rstrip('/')}/{location.bucket}/"
    host = option("AWS_S3_ENDPOINT", "s3.amazonaws.com").removeprefix("https://").removeprefix("http://")
    scheme = "https" if yes("AWS_HTTPS", "YES") else "http"
    return _s3_bucket_url(scheme, host, location.bucket, yes("AWS_VIRTUAL_HOSTING", "TRUE"))


# GDAL keeps one LRU of downloaded 16 KB chunks per network file system (/vsis3/, /vsigs/, /vsiswift/…),
# shared by every handle of the process; 16 MB by default. A prefetch is only worth its bytes if they are still
# there when the person moves: one idle period fetches up to 2 views (about 20 MB for a 1280×800 view of a
# 3-band UInt16 COG), and the view on screen and the one the person came from should survive it too. With
# 16 MB the prefetch evicted itself (the measured session in bench/session.py: see the README); 128 MB holds
# six such views. For other layers this only means more of what they downloaded stays in memory (never a
# request more), at most 128 MB per file system. GDAL 3.6 fixes the size when a file system is first used
# (measured: neither VSICurlClearCache nor a later option changes it for /vsis3/), so it is set as QGIS
# loads the plugin, before any layer opens.
SHARED_READ_CACHE_BYTES = 128 << 20
_CACHE_SIZE_KEY = "CPL_VSIL_CURL_CACHE_SIZE"
_DEFAULT_CACHE_BYTES = 16 << 20


def size_shared_read_cache(cache_bytes: int = SHARED_READ_CACHE_BYTES) -> None:
    """Makes GDAL's process-wide read cache hold at least `cache_bytes`; a larger size the user set is kept."""
    if int(gdal.GetConfigOption(_CACHE_SIZE_KEY) or _DEFAULT_CACHE_BYTES) < cache_bytes:
        gdal.SetConfigOption(_CACHE_SIZE_KEY, str(cache_bytes))


def cache_batched_reads() -> Callable[[], None]:
    """Makes GTiff's batched reads go through GDAL's read cache (CACHED_MULTIRANGE); returns the undo.

    GDAL has no per-bucket choice for it, so while it is on it applies to every remote layer of the
    process: one round trip more per view not prefetched, and views that overlap one already read served
    from the cache. A value the user set is kept.
    """
    if any(gdal.GetConfigOption(key) is not None for key in CACHED_MULTIRANGE):
        return lambda: None
    for key, value in CACHED_MULTIRANGE.items():
        gdal.SetConfigOption(key, value)

    def restore() -> None:
        for key in CACHED_MULTIRANGE:
            gdal.SetConfigOption(key, None)

    return restore
