"""The one error colour of Cogport's widgets: QGIS's own, kept readable on the current palette."""

from __future__ import annotations

import html
from typing import Optional

from qgis.gui import QgsCodeEditor, QgsCodeEditorColorScheme
from qgis.PyQt.QtGui import QColor, QPalette
from qgis.PyQt.QtWidgets import QApplication, QLabel, QWidget

# WCAG AA for body text: what a sentence in a dialog must reach against its background.
MIN_TEXT_CONTRAST = 4.5


def error_colour(widget: Optional[QWidget] = None) -> QColor:
    """QGIS's error colour (the code editor scheme, which follows the QGIS theme), darkened on light
    backgrounds and lightened on dark ones until it reads as text on `widget`'s window colour."""
    palette = widget.palette() if widget is not None else QApplication.palette()
    background = palette.color(QPalette.ColorRole.Window)
    colour = QgsCodeEditor.color(QgsCodeEditorColorScheme.ColorRole.Error)
    hue, saturation, lightness, alpha = colour.getHsl()
    step = 8 if background.lightness() < 128 else -8
    while contrast(colour, background) < MIN_TEXT_CONTRAST and 0 < lightness + step < 255:
        lightness += step
        colour = QColor.fromHsl(hue, saturation, lightness, alpha)
    return colour


def error_style(widget: Optional[QWidget] = None) -> str:
    """A style sheet colouring a widget's text as an error."""
    return f"color: {error_colour(widget).name()};"  # untranslated: a style sheet


def error_html(text: str, widget: Optional[QWidget] = None) -> str:
    """A sentence of a rich-text label, escaped, in the error colour."""
    return f"<span style='color:{error_colour(widget).name()}'>{html.escape(text)}</span>"  # untranslated: HTML


def show_message(label: QLabel, text: str, error: bool = False) -> None:
    """Shows a sentence in a status label, in the error colour when it reports a failure."""
    label.setStyleSheet(error_style(label) if error else "")
    label.setText(text)


def contrast(first: QColor, second: QColor) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _luminance(colour: QColor) -> float:
    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.03928 else ((channel + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF()) + 0.0722 * linear(colour.blueF())
