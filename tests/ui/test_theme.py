"""Dark mode: what is not ticked must still be seen (an unshared section, an unchosen format)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QTreeView,
    QWidget,
)

from supervision_journal.ui import theme


@pytest.fixture
def dark(qapp: QApplication):
    original = QPalette(QGuiApplication.palette())
    qapp.setPalette(theme.dark_palette())
    yield
    qapp.setPalette(original)


def _contrast(widget: QWidget, rect) -> int:
    """Largest lightness difference between the indicator's pixels and the widget's base."""
    image = widget.grab().toImage()
    base = widget.palette().color(QPalette.ColorRole.Base).lightness()
    return max(abs(QColor(image.pixel(x, y)).lightness() - base)
               for x in range(rect.left(), rect.right() + 1)
               for y in range(rect.top(), rect.bottom() + 1))


def _indicator(widget: QWidget, element: QStyle.SubElement):
    option = QStyleOptionButton()
    option.initFrom(widget)
    return widget.style().subElementRect(element, option, widget)


def test_the_application_style_is_wrapped_once(qapp: QApplication) -> None:
    assert isinstance(qapp.style(), theme.VisibleIndicators)  # configure_application did it
    before = qapp.style()
    theme.install_style(qapp)
    assert qapp.style() is before


@pytest.mark.usefixtures("dark")
@pytest.mark.parametrize("kind", [QCheckBox, QRadioButton])
def test_unticked_boxes_stand_out_on_a_dark_palette(qtbot, kind) -> None:
    box = kind("Not shared")
    qtbot.addWidget(box)
    box.resize(box.sizeHint())
    element = (QStyle.SubElement.SE_CheckBoxIndicator if kind is QCheckBox
               else QStyle.SubElement.SE_RadioButtonIndicator)
    # Fusion alone draws the outline within ~10 lightness steps of the field: invisible.
    assert _contrast(box, _indicator(box, element)) >= 60


@pytest.mark.usefixtures("dark")
def test_unticked_items_in_a_tree_stand_out(qtbot) -> None:
    model = QStandardItemModel()
    item = QStandardItem("Session 5")
    item.setCheckable(True)
    item.setCheckState(Qt.CheckState.Unchecked)
    model.appendRow(item)
    view = QTreeView()
    view.setModel(model)
    qtbot.addWidget(view)
    view.resize(300, 100)
    view.show()
    qtbot.waitExposed(view)
    row = view.visualRect(model.index(0, 0))
    box = row.adjusted(0, 0, -(row.width() - row.height() - 4), 0)  # the left end of the row
    assert _contrast(view.viewport(), box) >= 60
