"""Sentences for people, in their language, without Qt.

The core writes every sentence a person reads (errors, findings, progress) as `tr("…")`, with named
`{placeholders}` filled by str.format() afterwards, so a translation may put them in another order.
Text stored at import time is marked with `translatable("…")` and passed through `tr()` where it is used:
the translation function arrives later, when the QGIS layer installs it. Without one (tests, Dask
workers, scripts) the text stays English.
"""

from __future__ import annotations

from typing import Callable

_translation: Callable[[str], str] = str
_ENGLISH_NUMBER: Callable[[int], str] = "{:,}".format
_number = _ENGLISH_NUMBER


def tr(text: str) -> str:
    """`text` in the user's language; fill its placeholders with str.format() after translating."""
    return _translation(text)


def translatable(text: str) -> str:
    """Marks a string kept now and passed through tr() where it is shown (the translation is not known yet)."""
    return text


def number(value: int) -> str:
    """A count grouped by thousands as the user's language writes it: 9,218 in English, 9 218 in French."""
    return _number(value)


def use_translation(
    translate: Callable[[str], str], format_number: Callable[[int], str] = _ENGLISH_NUMBER
) -> Callable[[], None]:
    """Makes tr() translate with `translate` and number() format with `format_number` (both thread-safe, as the
    core calls them from workers); returns the undo."""
    global _translation, _number
    previous = _translation, _number
    _translation, _number = translate, format_number

    def restore() -> None:
        global _translation, _number
        _translation, _number = previous

    return restore
