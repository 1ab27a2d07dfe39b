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


def tr(text: str) -> str:
    """`text` in the user's language; fill its placeholders with str.format() after translating."""
    return _translation(text)


def translatable(text: str) -> str:
    """Marks a string kept now and passed through tr() where it is shown (the translation is not known yet)."""
    return text


def use_translation(translate: Callable[[str], str]) -> Callable[[], None]:
    """Makes tr() translate with `translate` (thread-safe, as the core calls it from workers); returns the undo."""
    global _translation
    previous, _translation = _translation, translate

    def restore() -> None:
        global _translation
        _translation = previous

    return restore
