"""The findings view both validation dialogs use, and the one error colour: what a person sees in them."""

from __future__ import annotations

import pytest
from qgis.PyQt.QtCore import QSize, Qt
from qgis.PyQt.QtGui import QColor, QPalette
from qgis.PyQt.QtWidgets import QHeaderView, QLabel, QStyleOptionViewItem

from cogport.plugin.core.cog.validate import ERROR, INFO, WARNING, Finding
from cogport.plugin.qgis.common.colours import MIN_TEXT_CONTRAST, contrast, error_colour, show_message
from cogport.plugin.qgis.common.findings_view import CODE, FIX, MESSAGE, FindingsView, severity_icon

LONG_FIX = (
    "Convert with the `byoc` profile (Cogport ▸ Convert to COG, or `cogport:convert_to_cog`), which writes "
    "1024-pixel tiles, or run gdal_translate -of COG -co BLOCKSIZE=1024 in.tif out.tif yourself."
)
FINDINGS = [
    Finding("TILE_SIZE_DIFFERS_BETWEEN_LEVELS", ERROR, "Overviews use 256-pixel tiles, the image 512.", LONG_FIX),
    Finding("NOT_TILED", WARNING, "The image is stored in strips.", "Convert."),
    Finding("URI_NOT_GCS", INFO, "A local file.", "Upload it."),
]
PATH = "/data/projects/2024/a/rather/deep/folder/of/sentinel/scenes/T33TWM_20240611_B04_final.tif"


@pytest.fixture
def view(qtbot):
    shown = FindingsView()
    qtbot.addWidget(shown)
    shown.resize(760, 400)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def test_codes_are_never_cut_and_file_rows_keep_the_fix_column_empty(view):
    row = view.add_file(PATH, "Not a valid COG for 'byoc': 1 error(s), 1 warning(s)", False, "16,384 header bytes read")
    view.add_findings(FINDINGS, row)
    metrics = view.fontMetrics()
    for item in view.finding_items():
        cell = view.visualRect(view.indexFromItem(item, CODE))
        assert cell.width() >= metrics.horizontalAdvance(item.text(CODE)) + view.iconSize().width()
    assert row.text(FIX) == ""
    assert "16,384 header bytes read" in row.toolTip(CODE) and "header bytes" not in row.text(MESSAGE)


def test_messages_and_fixes_wrap_instead_of_being_cut(view):
    view.add_findings(FINDINGS)
    long_row, short_row = view.finding_items()[0], view.finding_items()[1]
    tall = view.visualItemRect(long_row).height()
    assert tall >= 2 * view.visualItemRect(short_row).height()  # the long fix takes several lines
    view.resize(1400, 400)  # wider columns: the same text on fewer lines
    view.doItemsLayout()
    assert view.visualItemRect(long_row).height() < tall


def test_long_paths_are_elided_in_the_middle_and_keep_the_file_name(view):
    row = view.add_file(PATH, "Valid COG", True)
    option = QStyleOptionViewItem()
    view.itemDelegate().initStyleOption(option, view.indexFromItem(row, CODE))
    assert option.textElideMode == Qt.TextElideMode.ElideMiddle
    assert not option.features & QStyleOptionViewItem.ViewItemFeature.WrapText
    shown = view.fontMetrics().elidedText(PATH, option.textElideMode, view.columnWidth(CODE))
    assert "…" in shown and shown.startswith("/data/") and shown.endswith("final.tif")


def test_columns_are_the_persons_to_resize(view):
    view.add_findings(FINDINGS)
    header = view.header()
    assert all(header.sectionResizeMode(c) == QHeaderView.ResizeMode.Interactive for c in (CODE, MESSAGE))
    header.resizeSection(CODE, 400)
    view.add_findings([Finding("NOT_TIFF", ERROR, "Not a TIFF.", "Re-export it.")])
    view.resize(900, 400)
    assert view.columnWidth(CODE) == 400  # new rows and resizes do not undo the person's width


def _mean_colour(icon) -> QColor:
    image = icon.pixmap(QSize(32, 32)).toImage()
    pixels = [image.pixelColor(x, y) for x in range(32) for y in range(32)]
    opaque = [p for p in pixels if p.alpha() > 200]
    return QColor(
        sum(p.red() for p in opaque) // len(opaque),
        sum(p.green() for p in opaque) // len(opaque),
        sum(p.blue() for p in opaque) // len(opaque),
    )


def test_the_error_icon_is_red_and_reads_stronger_than_the_warning_icon():
    error, warning = _mean_colour(severity_icon(ERROR)), _mean_colour(severity_icon(WARNING))
    assert error.red() > 2 * max(error.green(), error.blue())  # QGIS 3.22's mIconCritical is grey
    assert error.lightness() < warning.lightness()


@pytest.mark.parametrize("window", ["#efefef", "#ffffff", "#2b2b2b", "#19232d"])
def test_the_error_colour_reads_on_light_and_dark_palettes(qtbot, window):
    label = QLabel()
    qtbot.addWidget(label)
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(window))
    label.setPalette(palette)
    colour = error_colour(label)
    assert contrast(colour, QColor(window)) >= MIN_TEXT_CONTRAST
    assert colour.hue() in range(0, 16) or colour.hue() >= 345  # still a red
    show_message(label, "The bucket does not exist.", error=True)
    assert colour.name() in label.styleSheet()
    show_message(label, "Listed 3 buckets.")
    assert label.styleSheet() == ""
