"""The PDFs the app writes (exports, reports, access requests) hold each word once.

Qt paints a page by clipping and also paints the line just above the clip when its paragraph
runs on: invisible, but present in the PDF's text layer, so a supervisor searching or copying
the PDF found that line twice. ``html_to_pdf`` ends paragraphs at page breaks to avoid it.
"""

from __future__ import annotations

import itertools
import random
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from supervision_journal.ui.pdf import html_to_pdf

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                reason="pdftotext (poppler-utils) is missing")
WORD = re.compile(r"w\d{6}")


def _document(seed: int, sections: int) -> tuple[str, int]:
    """Headings, paragraphs of every length, list items and table cells, each word unique."""
    rng = random.Random(seed)
    ids = itertools.count()

    def words(low: int, high: int) -> str:
        return " ".join(f"w{next(ids):06d}" for _ in range(rng.randint(low, high)))

    parts = []
    for _ in range(sections):
        parts.append(f"<h2>{words(1, 3)}</h2>")
        parts += [f"<p>{words(5, 160)}</p>" for _ in range(rng.randint(1, 5))]
        parts.append("<ul>" + "".join(f"<li>{words(2, 60)}</li>" for _ in range(3)) + "</ul>")
        parts.append("<table border=1>" + "".join(
            f"<tr><td>{words(1, 1)}</td><td>{words(2, 40)}</td></tr>" for _ in range(2))
            + "</table>")
    return "".join(parts), next(ids)


def _pages(path: Path) -> list[str]:
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True,
                          timeout=60).stdout.decode("utf-8")
    return text.split("\f")


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_every_word_is_written_exactly_once(tmp_path: Path, seed: int) -> None:
    html, total = _document(seed, 30)
    path = tmp_path / "out.pdf"
    path.write_bytes(html_to_pdf(html, footer="Footer"))
    pages = _pages(path)
    assert len([p for p in pages if p.strip()]) >= 20  # many page breaks were crossed
    counts = Counter(WORD.findall("".join(pages)))
    assert [w for w, n in counts.items() if n > 1] == []
    assert len(counts) == total  # and none was lost
    # Each page ends with its own page number: the footer was drawn once per page.
    assert all(f"Footer · {i}/" in page for i, page in enumerate(pages[:-1], start=1))


def test_reading_order_is_kept_across_pages(tmp_path: Path) -> None:
    html, total = _document(7, 20)
    path = tmp_path / "out.pdf"
    path.write_bytes(html_to_pdf(html))
    found = [int(w[1:]) for w in WORD.findall("".join(_pages(path)))]
    # Table cells may be read column by column, but never out of their page.
    assert found[0] == 0 and found[-1] == total - 1
    assert sorted(found) == list(range(total))
