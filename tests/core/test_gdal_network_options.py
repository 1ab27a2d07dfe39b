"""The measured truth behind NetworkPolicy.gdal_options and network_scope: where GDAL honours proxy and CA options.

Each option is given three ways: path-specific for the bucket, thread-local on the calling thread, and
thread-local only while a file handle is opened, the handle then being read from another thread (as
QGIS's render threads read a layer Cogport opened). Measured with the real tinyproxy and the TLS object
store on GDAL 3.6.2, 3.10.3 and 3.13.3:

  option                                   path-specific   thread-local   kept by a handle
  GDAL_HTTP_PROXY, GDAL_HTTPS_PROXY,        3.10+           yes            yes
  GDAL_HTTP_PROXYUSERPWD, GDAL_PROXY_AUTH,  (/vsiswift/'s login: never)
  an empty GDAL_HTTP_PROXY (no proxy)
  the CA file (the three names together)   3.10+           yes            yes
  GDAL_HTTP_UNSAFESSL                      no              yes            no
  GDAL_HTTP_PROXYAUTH                      not a GDAL option: no effect anywhere

So Cogport sets the options per bucket (enough on 3.10+, render threads included) and per thread around
its own GDAL calls (needed on 3.6), never globally; and it trusts an accepted server certificate as a CA
rather than with GDAL_HTTP_UNSAFESSL, which a layer's render threads would not see. If a GDAL upgrade
changes a row, a test here fails and storage/gdal_config.py is due for another look.
"""

from __future__ import annotations

import contextlib
import threading
from typing import Dict, Iterator

import pytest
from osgeo import gdal

from cogport.plugin.core.network import GDAL_CA_BUNDLES, NetworkPolicy
from cogport.plugin.core.storage.gdal_config import READ_TUNING, credential_options, thread_options
from cogport.plugin.core.storage.uri import ObjectLocation
from cogport.tests.support.gdal_version import GDAL_36
from cogport.tests.support.http_proxy import PROXY_PASSWORD, PROXY_USER
from cogport.tests.support.stores import create_bucket, put_bytes, s3_connection, s3_tls_connection, swift_connection
from cogport.tests.support.tls import TlsObjectStore

pytestmark = pytest.mark.objectstore

MODES = ("path", "thread", "handle")
PER_PATH = not GDAL_36  # measured: 3.6.2 no; 3.10.3 and 3.13.3 yes
HONOURED = {"path": PER_PATH, "thread": True, "handle": True}
SIZE = 1024 * 1024
FAR = 700_000  # an offset whose read needs a request of its own after the open


class Target:
    """One object of the store, under a GDAL prefix whose base options (address, credentials) are kept."""

    def __init__(self, location: ObjectLocation, base: Dict[str, str]) -> None:
        self.location = location
        self.base = base

    @property
    def prefix(self) -> str:
        return self.location.bucket_prefix

    def reset(self) -> None:
        gdal.ClearPathSpecificOptions(self.prefix)
        for key, value in self.base.items():
            gdal.SetPathSpecificOption(self.prefix, key, value)
        gdal.VSICurlClearCache()


def make_target(connection, credentials, bucket: str) -> Target:
    location = create_bucket(connection, credentials, bucket).child("probe.bin")
    put_bytes(location, bytes(range(256)) * (SIZE // 256))
    return Target(location, {**credential_options(connection, credentials), **READ_TUNING})


@pytest.fixture(params=["vsis3", "vsiswift"])
def plain(request, objectstore, bucket_name, in_force) -> Iterator[Target]:
    connection, credentials = (s3_connection if request.param == "vsis3" else swift_connection)(objectstore)
    target = make_target(connection, credentials, bucket_name)
    yield target
    target.reset()


@pytest.fixture
def tls(tls_objectstore: TlsObjectStore, test_ca, bucket_name, in_force) -> Iterator[Target]:
    connection, credentials = s3_tls_connection(tls_objectstore)
    in_force(NetworkPolicy(ca_bundle=str(test_ca.cert_path)))  # to seed the object
    target = make_target(connection, credentials, bucket_name)
    in_force(NetworkPolicy())
    yield target
    target.reset()


@contextlib.contextmanager
def global_options(options: Dict[str, str]) -> Iterator[None]:
    """What QGIS itself may have set globally (its own proxy), for the tests of overriding it."""
    for key, value in options.items():
        gdal.SetConfigOption(key, value)
    try:
        yield
    finally:
        for key in options:
            gdal.SetConfigOption(key, None)


def reads(target: Target, mode: str, options: Dict[str, str]) -> bool:
    """Opens the object and reads far into it, with `options` given in `mode`; whether the bytes came back."""
    target.reset()
    if mode == "path":
        for key, value in options.items():
            gdal.SetPathSpecificOption(target.prefix, key, value)
        context = contextlib.nullcontext()
    else:
        context = thread_options(options)
    with context:
        handle = _open(target.location.vsi_path)
        if handle is None:
            return False
        if mode == "thread":
            data = _read(handle)
    try:
        if mode != "thread":
            result: Dict[str, bytes] = {}
            reader = threading.Thread(target=lambda: result.update(data=_read(handle)))
            reader.start()
            reader.join()
            data = result.get("data", b"")
        return data == bytes(range(256))[FAR % 256 : FAR % 256 + 4]
    finally:
        gdal.VSIFCloseL(handle)
        target.reset()


def _open(path: str):
    try:
        return gdal.VSIFOpenL(path, "rb")
    except RuntimeError:
        return None


def _read(handle) -> bytes:
    try:
        gdal.VSIFSeekL(handle, FAR, 0)
        return bytes(gdal.VSIFReadL(1, 4, handle) or b"")
    except RuntimeError:
        return b""


def proxy_options(http_proxy, password: str = PROXY_PASSWORD) -> Dict[str, str]:
    address = f"127.0.0.1:{http_proxy.port}"
    return {
        "GDAL_HTTP_PROXY": address,
        "GDAL_HTTPS_PROXY": address,
        "GDAL_HTTP_PROXYUSERPWD": f"{PROXY_USER}:{password}",
    }


@pytest.mark.parametrize("mode", MODES)
def test_the_proxy_is_honoured_where_measured(plain, http_proxy, mode):
    mark = http_proxy.mark()
    assert reads(plain, mode, proxy_options(http_proxy))
    assert http_proxy.saw(plain.location.key, since=mark) is HONOURED[mode]


@pytest.mark.parametrize("mode", MODES)
def test_the_proxy_login_and_method_are_honoured_where_measured(plain, http_proxy, mode):
    address = f"127.0.0.1:{http_proxy.port}"
    with global_options({"GDAL_HTTP_PROXY": address}):
        login = {"GDAL_HTTP_PROXYUSERPWD": f"{PROXY_USER}:{PROXY_PASSWORD}"}
        # /vsiswift/ reads the proxy login of its auth request globally or per thread only (GDAL 3.10.3 and 3.13.3
        # measured): Cogport's thread-local options around its own calls, kept by the handles, carry it there.
        swift_login_per_path = plain.location.handler != "vsiswift"
        assert reads(plain, mode, login) is (HONOURED[mode] and (mode != "path" or swift_login_per_path))
        with global_options(login):
            # tinyproxy speaks Basic only: a method GDAL honours breaks the login, an unknown option does not.
            assert reads(plain, mode, {"GDAL_PROXY_AUTH": "DIGEST"}) is not HONOURED[mode]
            assert reads(plain, mode, {"GDAL_HTTP_PROXYAUTH": "DIGEST"})


@pytest.mark.parametrize("mode", MODES)
def test_an_empty_proxy_overrides_a_global_one_where_measured(plain, http_proxy, mode):
    with global_options(proxy_options(http_proxy)):
        mark = http_proxy.mark()
        assert reads(plain, mode, {"GDAL_HTTP_PROXY": "", "GDAL_HTTPS_PROXY": ""})
        assert http_proxy.saw(plain.location.key, since=mark) is not HONOURED[mode]


@pytest.mark.parametrize("mode", MODES)
def test_https_goes_through_the_proxy_tunnel_where_measured(tls, test_ca, http_proxy, mode):
    mark = http_proxy.mark()
    ca = dict.fromkeys(GDAL_CA_BUNDLES, str(test_ca.cert_path))
    with global_options(ca):
        assert reads(tls, mode, proxy_options(http_proxy))
    tunnels = [item for item in http_proxy.seen(since=mark) if item.method == "CONNECT"]
    assert bool(tunnels) is HONOURED[mode]


@pytest.mark.parametrize("mode", MODES)
def test_the_ca_file_is_honoured_where_measured_even_against_the_environment(tls, test_ca, mode, monkeypatch):
    system = gdal.GetConfigOption("CURL_CA_BUNDLE") or "/etc/ssl/certs/ca-certificates.crt"
    monkeypatch.setenv("CURL_CA_BUNDLE", system)  # as many systems, containers and conda set them
    monkeypatch.setenv("SSL_CERT_FILE", system)
    assert not reads(tls, mode, {})
    assert reads(tls, mode, dict.fromkeys(GDAL_CA_BUNDLES, str(test_ca.cert_path))) is HONOURED[mode]
    # Why all three names: on GDAL 3.6 an SSL_CERT_FILE in the environment wins over CURL_CA_BUNDLE.
    assert reads(tls, mode, {"CURL_CA_BUNDLE": str(test_ca.cert_path)}) is (HONOURED[mode] and not GDAL_36)


@pytest.mark.parametrize("mode", MODES)
def test_unsafe_ssl_is_never_path_specific_nor_kept_by_a_handle(tls, mode):
    assert reads(tls, mode, {"GDAL_HTTP_UNSAFESSL": "YES"}) is (mode == "thread")
