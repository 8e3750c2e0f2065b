"""The application icon: one SVG, PNGs rendered from it at every size desktops ask for, shipped
as package data so that the app, the bundle and install.sh all find the same files."""

from __future__ import annotations

import importlib.util
import struct
import zlib
from importlib import resources
from pathlib import Path
from types import ModuleType

import pytest

from supervision_journal import APP_ID

ROOT = Path(__file__).resolve().parents[2]
SIZES = (16, 24, 32, 48, 64, 128, 256)


def _render_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("render_icons",
                                                  ROOT / "packaging" / "render_icons.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _png_header(path: Path) -> tuple[int, int, int]:
    """(width, height, colour type) from the IHDR chunk; colour type 6 is RGBA."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    length, kind = struct.unpack(">I4s", data[8:16])
    assert kind == b"IHDR" and length == 13
    ihdr = data[16:29]
    assert zlib.crc32(data[12:29]) == struct.unpack(">I", data[29:33])[0]
    width, height, _depth, colour = struct.unpack(">IIBB", ihdr[:10])
    return width, height, colour


def test_render_script_and_package_agree_on_the_app_id() -> None:
    render = _render_module()
    assert render.APP_ID == APP_ID
    assert render.SIZES == SIZES


@pytest.mark.parametrize("size", SIZES)
def test_each_png_is_square_rgba_at_its_size(size: int) -> None:
    path = ROOT / "resources" / "icons" / f"{size}x{size}" / f"{APP_ID}.png"
    assert _png_header(path) == (size, size, 6)


def test_pngs_match_the_svg(qapp) -> None:
    """Editing the SVG without running packaging/render_icons.py fails here."""
    from PySide6.QtGui import QImage

    render = _render_module()
    for size in SIZES:
        fresh = render.render(size).convertToFormat(QImage.Format.Format_ARGB32)
        stored = QImage(str(render.png_path(size))).convertToFormat(QImage.Format.Format_ARGB32)
        assert stored.size() == fresh.size()
        worst = max(
            max(abs(a - b) for a, b in zip(_rgba(stored.pixel(x, y)), _rgba(fresh.pixel(x, y)),
                                           strict=True))
            for y in range(size) for x in range(size))
        # A few levels of rounding between Qt versions are fine; a changed drawing is not.
        assert worst <= 24, f"{size} px differs from the SVG by {worst}: re-render the icons"


def _rgba(pixel: int) -> tuple[int, int, int, int]:
    return (pixel >> 16) & 255, (pixel >> 8) & 255, pixel & 255, (pixel >> 24) & 255


def test_icon_reads_at_16_px(qapp) -> None:
    """At the smallest size the drawing still has the three things that make it read: a
    transparent outside, the teal cover, and light pages (not a grey smudge)."""
    from PySide6.QtGui import QColor, QImage

    image = QImage(str(_render_module().png_path(16)))
    colours = [QColor(image.pixel(x, y)) for y in range(16) for x in range(16)]
    alphas = [QColor.fromRgba(image.pixel(x, y)).alpha() for y in range(16) for x in range(16)]
    assert alphas[0] == 0 and alphas[-1] < 255  # corners stay transparent
    assert any(c.green() > c.red() + 40 and c.blue() > c.red() + 40 for c in colours)  # teal
    assert sum(1 for c, a in zip(colours, alphas, strict=True)
               if a == 255 and c.lightness() > 200) >= 20  # paper


def test_icons_are_package_data() -> None:
    icons = resources.files("supervision_journal.resources").joinpath("icons")
    assert icons.joinpath(f"{APP_ID}.svg").is_file()
    for size in SIZES:
        assert icons.joinpath(f"{size}x{size}", f"{APP_ID}.png").is_file()


def test_the_app_and_the_about_dialog_show_the_icon(qtbot, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from supervision_journal.ui.about import AboutDialog, application_icon
    from supervision_journal.ui.app import configure_application

    icon = application_icon()
    assert sorted(s.width() for s in icon.availableSizes()) == list(SIZES)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    configure_application(app)
    assert app.windowIcon().cacheKey() != 0 and not app.windowIcon().isNull()
    dialog = AboutDialog(tmp_path / "vault")
    qtbot.addWidget(dialog)
    assert dialog.icon.pixmap().width() == 64
