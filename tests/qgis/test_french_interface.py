"""QGIS set to French: Cogport's own strings and the core's sentences (errors from a real store) are French,
and English again once the plugin's translator is removed."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from qgis.core import QgsSettings

from cogport.plugin.core.errors import NotFoundError
from cogport.plugin.core.storage.gdal_config import SCOPED_OPTIONS
from cogport.plugin.core.storage.listing import PrefixLister
from cogport.plugin.core.storage.uri import ObjectLocation
from cogport.plugin.qgis.common.i18n import install_translator, tr
from cogport.tests.support.stores import s3_connection

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
import translations

FRENCH = {
    source: text for (_context, source), text in translations.read_ts(translations.I18N / "cogport_fr.ts").items()
}


@pytest.fixture
def french_qgis():
    settings = QgsSettings()
    saved = {key: settings.value(key) for key in ("locale/overrideFlag", "locale/userLocale")}
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "fr_FR")
    remove = install_translator()
    yield
    remove()
    for key, value in saved.items():
        settings.remove(key) if value is None else settings.setValue(key, value)


def _missing_bucket_message(objectstore) -> str:
    connection, credentials = s3_connection(objectstore)
    SCOPED_OPTIONS.apply(connection, credentials, "no-such-bucket-here")
    with pytest.raises(NotFoundError) as info:
        PrefixLister(connection, credentials, ObjectLocation(connection.handler, "no-such-bucket-here")).next_page()
    return info.value.user_message


def test_a_french_qgis_shows_cogport_and_its_core_in_french(objectstore, french_qgis):
    assert tr("Validate COG…") == FRENCH["Validate COG…"] != "Validate COG…"
    message = _missing_bucket_message(objectstore)
    assert "no-such-bucket-here" in message
    assert " Vérifiez " in message and "Check" not in message and "does not exist" not in message


def test_without_the_translator_the_core_speaks_english(objectstore):
    message = _missing_bucket_message(objectstore)
    assert "does not exist" in message and " Check " in message
