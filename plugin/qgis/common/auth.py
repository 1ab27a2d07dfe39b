"""Secrets in the QGIS authentication database, and nowhere else.

Each Cogport connection owns one auth config (method "Basic" so that the stock
QGIS auth editor can show it). Its config map holds the secret fields by name.
Only the config id is stored in QgsSettings. Call these on the main thread: the
auth manager may have to ask for the master password.
"""

from __future__ import annotations

from typing import Dict, Optional

from qgis.core import QgsApplication, QgsAuthMethodConfig

from ...core.errors import CogportError
from .i18n import tr

_METHOD = "Basic"
_SECRET_PREFIX = (
    "cogport_"  # pragma: allowlist secret (a key prefix)  # noqa: S105 - a key prefix in the auth config, not a secret
)


def store_secrets(name: str, secrets: Dict[str, str], authcfg: str = "") -> str:
    """Creates or replaces the auth config holding `secrets`; returns its id."""
    manager = QgsApplication.authManager()
    config = QgsAuthMethodConfig(_METHOD)
    config.setName(f"Cogport: {name}")  # untranslated: the config's name in the QGIS auth database
    for key, value in secrets.items():
        if value:
            config.setConfig(_SECRET_PREFIX + key, value)
    if authcfg and authcfg in manager.configIds():
        config.setId(authcfg)
        ok = manager.updateAuthenticationConfig(config)
    else:
        ok = manager.storeAuthenticationConfig(config)
        ok = ok[0] if isinstance(ok, tuple) else ok
    if not ok or not config.id():
        raise CogportError(
            tr("Could not save the secrets of '{name}' in the QGIS authentication database.").format(name=name),
            tr("that the master password is set (Settings > Options > Authentication)."),
        )
    return config.id()


def load_secrets(authcfg: str) -> Dict[str, str]:
    """The secret fields stored under `authcfg`; empty when there is no config."""
    if not authcfg:
        return {}
    manager = QgsApplication.authManager()
    config = QgsAuthMethodConfig()
    loaded = manager.loadAuthenticationConfig(authcfg, config, True)
    if isinstance(loaded, tuple):
        loaded, config = loaded
    if not loaded:
        raise CogportError(
            tr("The saved credentials (auth config {authcfg}) could not be read.").format(authcfg=authcfg),
            tr("that the QGIS master password is entered and the auth config still exists."),
        )
    return {
        key[len(_SECRET_PREFIX) :]: value for key, value in config.configMap().items() if key.startswith(_SECRET_PREFIX)
    }


def remove_secrets(authcfg: Optional[str]) -> None:
    if authcfg and authcfg in QgsApplication.authManager().configIds():
        QgsApplication.authManager().removeAuthenticationConfig(authcfg)
