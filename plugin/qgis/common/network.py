"""QGIS's proxy and certificate settings, read into the core's NetworkPolicy whenever Cogport needs them.

The reader is registered with the core when the plugin loads (in QGIS and in `qgis_process` alike); the
core calls it on the main thread at each use, so a change in *Settings ▸ Options* applies to the next
action without a restart. The proxy password comes from QGIS's own settings or, when QGIS keeps it in
an authentication configuration, from the authentication database; Cogport never stores it.
"""

from __future__ import annotations

import hashlib
import logging
import os
from typing import List, Tuple

from qgis.core import QgsApplication, QgsAuthCertUtils, QgsSettings
from qgis.PyQt.QtNetwork import QNetworkProxy

from ...core.network import NetworkPolicy, Proxy, ProxyMode, policy_in_force, set_policy_reader

LOG = logging.getLogger("cogport.network")

# QGIS's proxy types (Settings ▸ Options ▸ Network) that carry HTTP; "DefaultProxy" is the system's.
_HTTP_PROXY_TYPES = {"HttpProxy": False, "HttpCachingProxy": False, "Socks5Proxy": True}  # type -> is SOCKS
_DEFAULT_PORTS = {False: 8080, True: 1080}
BUNDLE_NAME = "trusted-cas.pem"


def read_network_policy() -> NetworkPolicy:
    """What QGIS's settings say now (main thread: the authentication database may be read)."""
    settings = QgsSettings()
    ca_bundle = trusted_ca_bundle()
    if not settings.value("proxy/proxyEnabled", False, type=bool):
        return NetworkPolicy(ca_bundle=ca_bundle)
    # QGIS sends both lists straight to the server: "no proxy" URLs, and the older "excluded" URLs.
    bypass = tuple(
        url for url in _url_list(settings, "proxy/noProxyUrls") + _url_list(settings, "proxy/proxyExcludedUrls")
    )
    kind = settings.value("proxy/proxyType", "", type=str)
    if kind == "DefaultProxy":
        return NetworkPolicy(ProxyMode.SYSTEM, bypass=bypass, ca_bundle=ca_bundle)
    host = settings.value("proxy/proxyHost", "", type=str).strip()
    if kind not in _HTTP_PROXY_TYPES or not host:
        return NetworkPolicy(ProxyMode.MANUAL, None, bypass, ca_bundle)  # QGIS itself reaches web servers directly
    socks = _HTTP_PROXY_TYPES[kind]
    port = _port(settings.value("proxy/proxyPort", "", type=str)) or _DEFAULT_PORTS[socks]
    user, password = _proxy_login(settings)
    return NetworkPolicy(ProxyMode.MANUAL, Proxy(host, port, user, password, socks=socks), bypass, ca_bundle)


def install_network_policy() -> None:
    """Registers the reader with the core and reads the settings once."""
    set_policy_reader(read_network_policy)
    refresh_network_policy()


def refresh_network_policy() -> None:
    policy_in_force()  # on the main thread, this reads QGIS's settings again


def uninstall_network_policy() -> None:
    set_policy_reader(None)


def _url_list(settings: QgsSettings, key: str) -> List[str]:
    value = settings.value(key, [])
    # QGIS 3.22 stores a list; older profiles hold one string joined with "|".
    items = value.split("|") if isinstance(value, str) else list(value or [])
    return [str(item).strip() for item in items if str(item).strip()]


def _port(text: str) -> int:
    try:
        return int(str(text).strip())
    except ValueError:
        return 0


def _proxy_login(settings: QgsSettings) -> Tuple[str, str]:
    """The proxy's user and password: from the authentication configuration QGIS names, else QGIS's own fields."""
    authcfg = settings.value("proxy/authcfg", "", type=str)
    if authcfg:
        proxy = QNetworkProxy()
        result = QgsApplication.authManager().updateNetworkProxy(proxy, authcfg)
        ok, proxy = result if isinstance(result, tuple) else (result, proxy)  # a tuple in QGIS 3.22
        if ok:
            return proxy.user(), proxy.password()
        LOG.warning("The proxy's authentication configuration %s could not be read; no proxy login is sent", authcfg)
        return "", ""
    return settings.value("proxy/proxyUser", "", type=str), settings.value("proxy/proxyPassword", "", type=str)


def trusted_ca_bundle() -> str:
    """A PEM file of every CA QGIS trusts, when its certificate manager adds CAs to the system's; "" otherwise.

    Written into the profile folder under a name that does not change, and rewritten only when the
    trusted set does, so GDAL's and requests' settings stay the same from one use to the next.
    """
    manager = QgsApplication.authManager()
    if manager.isDisabled():
        return ""
    added = list(manager.databaseCAs()) + list(manager.extraFileCAs())
    if not added:
        return ""
    # The trusted cache is rebuilt by QGIS's certificate editors; CAs stored otherwise since then are added here.
    trusted = list(manager.trustedCaCertsCache()) + [
        cert for cert in added if manager.certTrustPolicy(cert) != QgsAuthCertUtils.CertTrustPolicy.Untrusted
    ]
    pem = b"".join(dict.fromkeys(bytes(cert.toPem()) for cert in trusted if not cert.isNull()))
    path = os.path.join(QgsApplication.qgisSettingsDirPath(), "cogport", BUNDLE_NAME)
    if not _same_content(path, pem):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        partial = f"{path}.part"
        with open(partial, "wb") as out:
            out.write(pem)
        os.replace(partial, path)
        LOG.info(
            "Trusted CAs from QGIS's certificate manager written to %s (%d certificates)", path, pem.count(b"BEGIN")
        )
    return path


def _same_content(path: str, content: bytes) -> bool:
    try:
        with open(path, "rb") as existing:
            return hashlib.sha256(existing.read()).digest() == hashlib.sha256(content).digest()
    except OSError:
        return False
