"""One exception family. Each message says what failed and what the person should check."""

from __future__ import annotations

from .i18n import tr


class CogportError(Exception):
    """A failure a person can act on: `what` failed, `check` says what to look at.

    `detail` is technical context for the log only; it is never shown in the UI and
    must never hold a secret.
    """

    def __init__(self, what: str, check: str = "", detail: str = "") -> None:
        self.what = what
        self.check = check
        self.detail = detail
        super().__init__(self.user_message)

    @property
    def user_message(self) -> str:
        return tr("{what} Check {check}").format(what=self.what, check=self.check) if self.check else self.what


class CancelledError(CogportError):
    """The person cancelled; nothing was left half-done."""

    def __init__(self, what: str = "") -> None:
        super().__init__(what or tr("Cancelled."))


class StorageError(CogportError):
    """A bucket, container or object could not be reached or used."""


class AuthenticationError(StorageError):
    """The store refused the credentials."""


class NotFoundError(StorageError):
    """The bucket, container or object does not exist."""


class NetworkError(CogportError):
    """The server could not be reached: DNS, TLS, refused connection or timeout."""


class UntrustedCertificateError(NetworkError):
    """The server's certificate is signed by no CA QGIS trusts: the person may add the CA, or accept it."""


class ConversionError(CogportError):
    """GDAL could not convert a raster."""


class ServiceError(CogportError):
    """A cloud service (Earth Engine, Sentinel Hub) answered with an error."""

    def __init__(self, what: str, check: str = "", detail: str = "", status: int = 0, code: str = "") -> None:
        self.status = status
        self.code = code
        super().__init__(what, check, detail)


class RateLimitedError(ServiceError):
    """The service kept answering 429 after every allowed retry."""
