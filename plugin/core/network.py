"""How Cogport's requests leave the machine: the proxy and the certificate authorities QGIS is set to use.

The QGIS layer reads QGIS's settings into a `NetworkPolicy` (plugin/qgis/common/network.py) and
registers that reader here; the policy is read again on the main thread each time Cogport asks for
it, so a change in *Settings ▸ Options* applies to the next action without a restart. Worker threads
use the policy last read. The core applies it to every `requests` session (`PolicySession`) and to
GDAL for Cogport's own paths (`NetworkPolicy.gdal_options`, scoped by storage/gdal_config.py); it
never sets a global GDAL option.
"""

from __future__ import annotations

import base64
import hashlib
import http.client
import importlib.util
import logging
import os
import re
import ssl
import tempfile
import threading
import urllib.request
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Callable, Dict, Optional, Tuple
from urllib.parse import quote, unquote, urlparse

import requests
import requests.adapters
import requests.certs

from .errors import NetworkError, UntrustedCertificateError
from .i18n import tr, translatable

LOG = logging.getLogger("cogport.network")

# Where QGIS keeps these settings, as its menus name them: pass through tr() where shown.
PROXY_SETTINGS = translatable("Settings ▸ Options ▸ Network")
CERTIFICATE_SETTINGS = translatable("Settings ▸ Options ▸ Authentication ▸ Certificate Manager")

# GDAL's names (measured per version in tests/core/test_gdal_network_options.py). The proxy
# authentication method is GDAL_PROXY_AUTH: GDAL knows no GDAL_HTTP_PROXYAUTH.
GDAL_PROXY = "GDAL_HTTP_PROXY"
GDAL_HTTPS_PROXY = "GDAL_HTTPS_PROXY"
GDAL_PROXY_USERPWD = "GDAL_HTTP_PROXYUSERPWD"  # pragma: allowlist secret (an option name)
GDAL_PROXY_AUTH = "GDAL_PROXY_AUTH"
# GDAL looks for a CA file under several names, and one it meets first in the environment wins over the
# others: SSL_CERT_FILE on GDAL 3.6, CURL_CA_BUNDLE on 3.10 and later (measured). All three are set.
GDAL_CA_BUNDLES = ("CURL_CA_BUNDLE", "GDAL_CURL_CA_BUNDLE", "SSL_CERT_FILE")
GDAL_NETWORK_KEYS = (GDAL_PROXY, GDAL_HTTPS_PROXY, GDAL_PROXY_USERPWD, GDAL_PROXY_AUTH, *GDAL_CA_BUNDLES)


class ProxyMode(str, Enum):
    ENVIRONMENT = "environment"  # QGIS's proxy is off: http_proxy, https_proxy and no_proxy decide, as before
    SYSTEM = "system"  # QGIS uses the system's proxy: the operating system's (or environment's) settings
    MANUAL = "manual"  # QGIS names a proxy: its type, host, port and credentials


@dataclass(frozen=True)
class Proxy:
    """A proxy server; `repr` and `label` never show the password."""

    host: str
    port: int
    user: str = ""
    password: str = field(default="", repr=False)
    socks: bool = False

    @property
    def label(self) -> str:
        """How messages name the proxy."""
        name = tr("SOCKS5 proxy {host}:{port}") if self.socks else tr("proxy {host}:{port}")
        return name.format(host=self.host, port=self.port)

    def url(self) -> str:
        """The proxy URL `requests` takes, credentials included."""
        scheme = "socks5h" if self.socks else "http"
        login = f"{quote(self.user, safe='')}:{quote(self.password, safe='')}@" if self.user else ""
        return f"{scheme}://{login}{self.host}:{self.port}"

    def gdal_address(self) -> str:
        return f"socks5h://{self.host}:{self.port}" if self.socks else f"{self.host}:{self.port}"

    def __repr__(self) -> str:
        secret = ", password='***'" if self.password else ""
        return f"Proxy({self.host!r}, {self.port}, user={self.user!r}{secret}, socks={self.socks})"

    @classmethod
    def from_url(cls, url: str) -> Optional[Proxy]:
        """A proxy from a URL in the form http_proxy takes (scheme, optional login, host, port); None without a host."""
        parts = urlparse(url if "://" in url else f"http://{url}")
        if not parts.hostname:
            return None
        default_port = 1080 if parts.scheme.startswith("socks") else 8080
        return cls(
            parts.hostname,
            parts.port or default_port,
            unquote(parts.username or ""),
            unquote(parts.password or ""),
            socks=parts.scheme.startswith("socks"),
        )


@dataclass(frozen=True)
class NetworkPolicy:
    """What QGIS's settings say about proxies and trusted CAs, as a plain object; `repr` masks the password."""

    mode: ProxyMode = ProxyMode.ENVIRONMENT
    proxy: Optional[Proxy] = None  # MANUAL only; None there means QGIS's proxy type cannot carry HTTP
    bypass: Tuple[str, ...] = ()  # URL prefixes reached directly: QGIS's "no proxy" and excluded URLs
    ca_bundle: str = ""  # a PEM file of every CA QGIS trusts, when QGIS trusts CAs the system does not

    def proxy_for(self, url: str) -> Optional[Proxy]:
        """The proxy a request to `url` goes through; None: straight to the server."""
        if any(url.startswith(prefix) for prefix in self.bypass):
            return None
        if self.mode is ProxyMode.MANUAL:
            return self.proxy
        return _system_proxy(url)

    def gdal_options(self, url: str, accepted_certificate: str = "") -> Dict[str, str]:
        """GDAL options that send requests to `url` the way this policy says (empty: leave GDAL as it is)."""
        options: Dict[str, str] = {}
        if self.mode is not ProxyMode.ENVIRONMENT:
            proxy = self.proxy_for(url)
            # An empty value is a decision too: straight to the server, whatever a global option says.
            address = proxy.gdal_address() if proxy is not None else ""
            login = f"{proxy.user}:{proxy.password}" if proxy is not None and proxy.user else ""
            options.update({GDAL_PROXY: address, GDAL_HTTPS_PROXY: address, GDAL_PROXY_USERPWD: login})
            if login:
                # Like QGIS (Qt), let the proxy choose: Basic, Digest, NTLM or Negotiate.
                options[GDAL_PROXY_AUTH] = "ANY"
        bundle = trust_file(self.ca_bundle, accepted_certificate)
        if bundle:
            options.update(dict.fromkeys(GDAL_CA_BUNDLES, bundle))
        return options

    def secrets(self) -> Tuple[str, ...]:
        return (self.proxy.password,) if self.proxy is not None and self.proxy.password else ()

    def scrub(self, text: str) -> str:
        """`text` with the proxy password cut out (plain and URL-encoded), for logs and error details."""
        for secret in self.secrets():
            text = text.replace(secret, "***").replace(quote(secret, safe=""), "***")
        return text

    def describe(self) -> str:
        """One line for the log: where requests go, without the password."""
        if self.mode is ProxyMode.ENVIRONMENT:
            where = "proxy off in QGIS (environment proxies apply)"
        elif self.mode is ProxyMode.SYSTEM:
            where = "the system proxy"
        else:
            proxy = self.proxy
            where = (
                f"proxy {proxy.gdal_address()}"
                if proxy is not None
                else "no HTTP proxy (QGIS's proxy type carries none)"
            )
        extra = f", {len(self.bypass)} excluded URL(s)" if self.bypass else ""
        cas = ", CAs from QGIS's certificate manager" if self.ca_bundle else ""
        return f"Network: {where}{extra}{cas}"


def _system_proxy(url: str) -> Optional[Proxy]:
    """The operating system's proxy for `url` (environment variables; the registry on Windows, macOS settings)."""
    parts = urlparse(url)
    if not parts.hostname or urllib.request.proxy_bypass(parts.hostname):
        return None
    proxies = urllib.request.getproxies()
    chosen = proxies.get(parts.scheme) or proxies.get("all")
    return Proxy.from_url(chosen) if chosen else None


# ----- the policy in force


class _InForce:
    lock = threading.Lock()
    policy = NetworkPolicy()
    reader: Optional[Callable[[], NetworkPolicy]] = None
    described = ""


def set_policy_reader(reader: Optional[Callable[[], NetworkPolicy]]) -> None:
    """Registers the function that reads QGIS's settings (main thread only); None unregisters it."""
    _InForce.reader = reader


def use_policy(policy: NetworkPolicy) -> None:
    """Puts `policy` in force for every request from now on."""
    with _InForce.lock:
        _InForce.policy = policy
        if policy.describe() != _InForce.described:
            _InForce.described = policy.describe()
            LOG.info("%s", _InForce.described)


def policy_in_force() -> NetworkPolicy:
    """The policy to apply now: read again from QGIS on the main thread, the last one read elsewhere."""
    reader = _InForce.reader
    if reader is not None and threading.current_thread() is threading.main_thread():
        use_policy(reader())
    return _InForce.policy


# ----- certificate authorities

_PARTIAL_CHAIN = getattr(ssl, "VERIFY_X509_PARTIAL_CHAIN", 0x80000)  # Python 3.9 lacks the name, not the flag
_trust_lock = threading.Lock()


def system_ca_file() -> str:
    """The CA file requests would use: REQUESTS_CA_BUNDLE or CURL_CA_BUNDLE if set, else the system's."""
    return os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE") or requests.certs.where()


def trust_file(ca_bundle: str, accepted_certificate: str = "") -> str:
    """The CA file for a connection: QGIS's bundle, plus the server certificate the person accepted ("" if neither).

    The combined file is named after its content, so it is written once and never changes under a
    reader.
    """
    if not accepted_certificate:
        return ca_bundle
    with open(ca_bundle or system_ca_file(), encoding="ascii", errors="ignore") as base:
        content = base.read().rstrip("\n") + "\n" + accepted_certificate.strip() + "\n"
    digest = hashlib.sha256(content.encode()).hexdigest()[:20]
    user = str(os.getuid()) if hasattr(os, "getuid") else "user"  # Windows keeps a temp folder per user anyway
    folder = os.path.dirname(ca_bundle) if ca_bundle else os.path.join(tempfile.gettempdir(), f"cogport-{user}")
    path = os.path.join(folder, f"trusted-{digest}.pem")
    with _trust_lock:
        if not os.path.exists(path):
            os.makedirs(folder, mode=0o700, exist_ok=True)
            partial = f"{path}.{threading.get_ident()}.part"
            with open(partial, "w", encoding="ascii") as out:
                out.write(content)
            os.replace(partial, path)
    return path


def fetch_server_certificate(url: str, timeout: float = 20.0) -> str:
    """The certificate the server at `url` presents, as PEM, fetched without trusting it (through the proxy in force).

    This is what the person is shown, by fingerprint, before choosing to accept it for one connection.
    """
    parts = urlparse(url)
    host, port = parts.hostname or "", parts.port or 443
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE  # nothing is sent: the certificate is only read, to be shown
    proxy = policy_in_force().proxy_for(url)
    if proxy is not None and not proxy.socks:
        connection = http.client.HTTPSConnection(proxy.host, proxy.port, timeout=timeout, context=context)
        connection.set_tunnel(host, port, _login_header(proxy))
    else:
        connection = http.client.HTTPSConnection(host, port, timeout=timeout, context=context)
    try:
        connection.connect()
        der = connection.sock.getpeercert(binary_form=True)
    except OSError as exc:
        failure = explain_proxy_failure(exc, proxy, url) if proxy is not None else None
        raise failure or NetworkError(
            tr("The certificate of {host}:{port} could not be fetched.").format(host=host, port=port),
            tr("the connection's endpoint, and that the server speaks HTTPS."),
            detail=repr(exc),
        ) from None
    finally:
        connection.close()
    if not der:
        raise NetworkError(
            tr("{host}:{port} presented no certificate.").format(host=host, port=port),
            tr("that the endpoint speaks HTTPS."),
        )
    return ssl.DER_cert_to_PEM_cert(der)


def _login_header(proxy: Proxy) -> Optional[Dict[str, str]]:
    if not proxy.user:
        return None
    return {"Proxy-Authorization": "Basic " + base64.b64encode(f"{proxy.user}:{proxy.password}".encode()).decode()}


def _proxy_refuses_login(proxy: Proxy, url: str, timeout: float = 10.0) -> str:
    """The proxy's answer, 401 or 407, when it refuses its login to a tunnel request for `url`'s server; "" if not."""
    parts = urlparse(url)
    connection = http.client.HTTPConnection(proxy.host, proxy.port, timeout=timeout)
    connection.set_tunnel(parts.hostname or "", parts.port or 80, _login_header(proxy))
    try:
        connection.connect()
    except OSError as exc:
        refused = re.search(r"Tunnel connection failed: (40[17])", str(exc))
        return refused.group(1) if refused else ""  # e.g. 403: tunnels to that port are not allowed
    finally:
        connection.close()
    return ""


def certificate_fingerprint(pem: str) -> str:
    """SHA-256 of a PEM certificate, as the colon-separated hex browsers and QGIS show."""
    digest = hashlib.sha256(ssl.PEM_cert_to_DER_cert(pem.strip())).hexdigest().upper()
    return ":".join(digest[i : i + 2] for i in range(0, len(digest), 2))


class _PartialChainAdapter(requests.adapters.HTTPAdapter):
    """Verifies against a trust file holding a server's own certificate, which may not be a CA's (as curl does)."""

    @staticmethod
    def _context() -> ssl.SSLContext:
        context = ssl.create_default_context()
        context.verify_flags |= _PARTIAL_CHAIN
        context.check_hostname = False  # urllib3 matches the host name itself (for IP addresses too)
        return context

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        kwargs["ssl_context"] = self._context()
        super().init_poolmanager(*args, **kwargs)

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        proxy_kwargs.setdefault("ssl_context", self._context())  # HTTPS through a proxy's tunnel too
        return super().proxy_manager_for(proxy, **proxy_kwargs)


# ----- requests


class PolicySession(requests.Session):
    """A requests session that asks the policy in force, at every request, for its proxy and trusted CAs.

    Proxy and certificate failures become one sentence naming the proxy or the certificate and
    where to fix it in QGIS. `accepted_certificate` is a server certificate (PEM) the person chose
    to trust for one connection.
    """

    def __init__(self, pool_size: int = 10, accepted_certificate: str = "") -> None:
        super().__init__()
        self.trust_env = False  # the policy decides proxies and CAs; .netrc logins would break signatures
        self.accepted_certificate = accepted_certificate
        adapter_class = _PartialChainAdapter if accepted_certificate else requests.adapters.HTTPAdapter
        adapter = adapter_class(pool_connections=4, pool_maxsize=pool_size)
        self.mount("http://", adapter)
        self.mount("https://", adapter)

    def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> requests.Response:
        policy = policy_in_force()
        proxy = policy.proxy_for(url)
        if proxy is not None and proxy.socks:
            _require_socks_support(proxy)
        kwargs.setdefault("proxies", {"http": proxy.url(), "https": proxy.url()} if proxy is not None else {})
        kwargs.setdefault("verify", trust_file(policy.ca_bundle, self.accepted_certificate) or system_ca_file())
        try:
            try:
                response = super().request(method, url, *args, **kwargs)
            except requests.exceptions.ProxyError as exc:
                if explain_proxy_failure(exc, proxy, url, policy) is not None or not _resendable(method, kwargs):
                    raise
                # Many proxies (tinyproxy among them) close a connection after each answer without saying
                # so, and a pooled one can be found closed on reuse: send once more on a new connection.
                response = super().request(method, url, *args, **kwargs)
        except requests.exceptions.ProxyError as exc:
            failure = explain_proxy_failure(exc, proxy, url, policy)
            if failure is None:
                raise  # a dropped connection again: callers that stream a body retry from its start
            raise failure from None
        except requests.exceptions.SSLError as exc:
            problem = explain_certificate_failure(exc, url, policy)
            if problem is None:
                raise
            raise problem from None
        if proxy is not None and not proxy.socks and response.status_code in (401, 407):
            # A 407 is the proxy's by definition. A plain-HTTP 401 may be the server's or, from proxies
            # that answer a wrong login with 401 (tinyproxy), the proxy's: its answer to a tunnel tells.
            refused = "407" if response.status_code == 407 else _proxy_refuses_login(proxy, url)
            if refused:
                raise proxy_refused_credentials(proxy, refused)
        return response


def _resendable(method: str, kwargs: Dict[str, Any]) -> bool:
    return method.upper() in ("GET", "HEAD", "DELETE", "OPTIONS") and kwargs.get("data") is None


def request(method: str, url: str, accepted_certificate: str = "", **kwargs: Any) -> requests.Response:
    """One request under the policy in force, for calls that need no session of their own."""
    with PolicySession(accepted_certificate=accepted_certificate) as session:
        return session.request(method, url, **kwargs)


def _require_socks_support(proxy: Proxy) -> None:
    if importlib.util.find_spec("socks") is None:  # PySocks, which requests needs for SOCKS proxies
        raise NetworkError(
            tr("QGIS is set to use the {proxy}, which Cogport's web requests cannot use without PySocks.").format(
                proxy=proxy.label
            ),
            tr("that python3-socks is installed (pip install PySocks), or choose an HTTP proxy in {settings}.").format(
                settings=tr(PROXY_SETTINGS)
            ),
        )


# ----- errors that say what to check


def _host(url: str) -> str:
    return urlparse(url).netloc or url


_ANSWERS = {"401": "401 Unauthorized", "407": "407 Proxy Authentication Required"}


def proxy_refused_credentials(proxy: Proxy, status: str = "407", detail: str = "") -> NetworkError:
    """The proxy wants (other) credentials. Some proxies, tinyproxy among them, answer a wrong password with 401."""
    return NetworkError(
        tr("The {proxy} refused Cogport's credentials (HTTP {answer}).").format(
            proxy=proxy.label, answer=_ANSWERS.get(status, status)
        ),
        tr("the proxy user and password, or the proxy's authentication configuration, in {settings}.").format(
            settings=tr(PROXY_SETTINGS)
        ),
        detail=detail,
    )


_PROXY_UNREACHABLE = re.compile(r"NewConnectionError|Connection refused|Failed to resolve|Name or service not known")


def explain_proxy_failure(
    exc: Exception, proxy: Optional[Proxy], url: str, policy: Optional[NetworkPolicy] = None
) -> Optional[NetworkError]:
    """A request the proxy would not carry: it is down, wants credentials or refuses the tunnel; None otherwise.

    tinyproxy, like many proxies, closes the connection after each answer, so a pooled connection
    can be found closed when it is reused: that is no reason to give up, and returns None.
    """
    text = (policy or policy_in_force()).scrub(str(exc))
    label = proxy.label if proxy is not None else tr("proxy")
    tunnel = re.search(r"Tunnel connection failed: (\d{3})", text)
    if tunnel and tunnel.group(1) in _ANSWERS and proxy is not None:
        # The tunnel's answer comes from the proxy itself, so a 401 there is the proxy's too.
        return proxy_refused_credentials(proxy, tunnel.group(1), text)
    if tunnel:
        return NetworkError(
            tr("The {proxy} refused to open a tunnel (HTTP CONNECT, answer {status}) to {host}.").format(
                proxy=label, status=tunnel.group(1), host=_host(url)
            ),
            tr(
                "that the proxy allows HTTPS to that host and port, or add the server to the excluded URLs in "
                "{settings}."
            ).format(settings=tr(PROXY_SETTINGS)),
            detail=text,
        )
    if not _PROXY_UNREACHABLE.search(text):
        return None
    return NetworkError(
        tr("The {proxy} did not answer, so {host} could not be reached.").format(proxy=label, host=_host(url)),
        tr("that the proxy is running, and its host and port in {settings}.").format(settings=tr(PROXY_SETTINGS)),
        detail=text,
    )


_HOST_MISMATCH = re.compile(r"doesn't match|mismatch|not valid for", re.I)
_UNTRUSTED = re.compile(r"unable to get (local )?issuer|self.signed|unknown ca|certificate verify failed", re.I)


def explain_certificate_failure(
    exc: Exception, url: str, policy: Optional[NetworkPolicy] = None
) -> Optional[NetworkError]:
    """The sentence for a certificate the server presented and Cogport would not trust; None for other TLS trouble."""
    text = (policy or policy_in_force()).scrub(str(exc))
    host = _host(url)
    if _HOST_MISMATCH.search(text):
        return NetworkError(
            tr("The certificate of {host} was issued for another host name.").format(host=host),
            tr(
                "the connection's endpoint: use the host name the certificate names (the server's administrator "
                "knows it); accepting the certificate does not change the name it is valid for."
            ),
            detail=text,
        )
    if "expired" in text:
        return NetworkError(
            tr("The certificate of {host} has expired.").format(host=host),
            tr("the server's certificate with its administrator, and this computer's clock."),
            detail=text,
        )
    if _UNTRUSTED.search(text):
        return UntrustedCertificateError(
            tr("The certificate of {host} is not signed by a certificate authority QGIS trusts.").format(host=host),
            tr(
                "that the issuing CA is added and trusted in {settings}, or accept this server's "
                "certificate in the connection's settings."
            ).format(settings=tr(CERTIFICATE_SETTINGS)),
            detail=text,
        )
    return None
