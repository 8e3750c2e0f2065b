"""The preview's highlights land exactly on what was replaced and on each possible name, in the
Markdown and in the HTML as Qt lays it out, whatever the text holds (line breaks, NBSP,
zero-width characters, tabs, emoji, homoglyphs): checked on the generated corpus."""

from __future__ import annotations

import random
import unicodedata

import pytest
from PySide6.QtGui import QTextCursor, QTextDocument

from corpus.generate import generate
from supervision_journal.export import render
from supervision_journal.export.anonymise import ExportItem, SessionContext, anonymise
from supervision_journal.export.pipeline import ExportRequest, PreparedExport
from supervision_journal.export.select import ExportItem as SelectedItem
from supervision_journal.export.select import Selection
from supervision_journal.ui.export import highlights
from supervision_journal.ui.export.preview import PreviewView

NOISE = ("\u00a0", "\u200b", "\t", "  ", "\r\n", "\n\n", " 🌿 ", "𝒜", "\u2028", "&amp; <b>")


def _visible(text: str) -> str:
    """What a reader can compare: no whitespace, no invisible characters."""
    return "".join(c for c in text if not c.isspace()
                   and unicodedata.category(c) not in ("Cf", "Cc"))


@pytest.fixture(scope="module")
def exported():
    corpus = generate(seed=11, notes=60, clients=6)
    rng = random.Random(3)
    items = []
    for n, note in enumerate(corpus.notes):
        words = note.text.split(" ")
        for _ in range(4):  # sprinkle noise between words
            at = rng.randrange(len(words))
            words[at] = words[at] + rng.choice(NOISE)
        text = " ".join(words)
        if n % 7 == 0:
            text = "  \n" + text + "\n  "  # the renderer strips items
        items.append(ExportItem(note.client_key, n // 6 + 1, n, "process", text))
    result = anonymise(items, registered_terms=corpus.terms,
                       session_context=SessionContext(corpus.pseudonyms),
                       candidates_policy="keep", seed=2,
                       candidate_decisions={})
    # Redact every other candidate word, so both kinds of candidate marks are checked.
    keys = sorted({c.key for c in result.candidates})
    decisions = {k: "redact" for k in keys[::2]}
    result = anonymise(items, registered_terms=corpus.terms,
                       session_context=SessionContext(corpus.pseudonyms),
                       candidates_policy="keep", candidate_decisions=decisions, seed=2)
    return items, result


def _check(result, marks: tuple[highlights.DocMark, ...], doc_text: str) -> None:
    replacements = [m for m in marks if m.kind == "replacement"]
    candidates = [m for m in marks if m.kind == "candidate"]
    assert len(replacements) == len(result.replacements) > 100
    assert len(candidates) == len(result.candidates) > 20
    by_item = {}
    for mark in replacements:
        by_item.setdefault(mark.item_index, []).append(mark)
    for index, item in enumerate(result.items):
        expected = [r.replacement for r in sorted(item.replacements, key=lambda r: r.start)]
        shown = [doc_text[m.start:m.end] for m in sorted(by_item.get(index, []),
                                                         key=lambda m: m.start)]
        assert shown == expected
    flat = result.candidates
    for mark in candidates:
        candidate = flat[mark.candidate]
        shown = doc_text[mark.start:mark.end]
        if candidate.decision == "redact":
            assert shown.startswith("[") and shown.endswith("]"), shown
        else:
            item_text = result.items[mark.item_index].text
            assert _visible(shown) == _visible(candidate.text)
            assert candidate.text in item_text


def test_markdown_marks_are_exact(qapp, exported) -> None:
    _items, result = exported
    blocks = render.blocks(result, ["section"] * len(result.items), "en")
    markdown = render.to_markdown(blocks, "en", "Dr B.")
    document = QTextDocument()
    document.setPlainText(markdown)
    doc_text = document.toPlainText()
    located = highlights.markdown_marks(result, markdown, doc_text)
    assert located.missed == ()
    _check(result, located.marks, doc_text)


@pytest.mark.parametrize("recipient", ["", "Dr B."])
def test_html_marks_are_exact(qapp, exported, recipient: str) -> None:
    _items, result = exported
    kinds = ["section"] * len(result.items)
    html = render.to_html(render.blocks(result, kinds, "fr"), "fr", recipient)
    document = QTextDocument()
    document.setHtml(html)
    texts, block = [], document.begin()
    while block.isValid():
        texts.append(block.text())
        block = block.next()
    located = highlights.html_marks(result, kinds, "fr", recipient, texts)
    assert located.missed == ()
    _check(result, located.marks, "\n".join(texts))


def test_alignment_refuses_to_guess() -> None:
    assert highlights.align("abc", "a b\u2028c") == [0, 2, 4, 5]
    assert highlights.align("a\u200bb", "ab") == [0, 1, 1, 2]
    assert highlights.align("abc", "abd") is None


def test_item_spans_shift_by_each_replacement() -> None:
    result = anonymise([ExportItem(1, 1, 1, "process",
                                   "Paul Dupont wrote from paul@example.org to Marius.")],
                       registered_terms=["Paul Dupont"],
                       session_context=SessionContext({1: "Iris"}), candidates_policy="keep",
                       seed=0)
    item = result.items[0]
    spans = highlights.item_spans(item)
    assert [(item.text[s.start:s.end], s.kind) for s in spans] == [
        ("[identifier]", "replacement"), ("[e-mail]", "replacement"), ("Marius", "candidate")]


def _prepared(result, items, fmt_language: str = "en") -> PreparedExport:
    kinds = ["section"] * len(result.items)
    blocks = render.blocks(result, kinds, fmt_language)
    selection = Selection(tuple(SelectedItem("section", i.client_key, n, i.session_number,
                                             i.weeks_into_work, i.key, i.text, n)
                                for n, i in enumerate(items)), ())
    return PreparedExport(ExportRequest(language=fmt_language), selection, result,
                          render.to_markdown(blocks, fmt_language),
                          render.to_html(blocks, fmt_language), (), ())


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_preview_paints_each_mark_where_it_belongs(qtbot, exported, fmt: str) -> None:
    """Through the widget: a cursor over each painted span (UTF-16 positions, emoji before it)
    selects exactly the replacement, with the replacement colour or the candidate's."""
    items, result = exported
    view = PreviewView()
    qtbot.addWidget(view)
    view.show_prepared(_prepared(result, items), fmt)
    assert view.missed_items == ()
    document = view.browser.document()
    assert "🌿" in document.toPlainText()
    cursor = QTextCursor(document)
    candidate_spans = {(m.start, m.end) for m in view._marks if m.kind == "candidate"}
    checked = 0
    for mark in view._marks:
        cursor.setPosition(view._position(mark.start))
        cursor.setPosition(view._position(mark.end), QTextCursor.MoveMode.KeepAnchor)
        selected = cursor.selectedText()
        inside = QTextCursor(document)
        inside.setPosition(view._position(mark.start) + 1)
        fmt_at = inside.charFormat()
        if mark.kind == "replacement":
            item = result.items[mark.item_index]
            assert selected in {r.replacement for r in item.replacements}
            # A redacted possible name is painted as a candidate over its placeholder.
            assert fmt_at.isAnchor() == ((mark.start, mark.end) in candidate_spans)
        else:
            assert fmt_at.isAnchor() and fmt_at.anchorHref() == f"candidate:{mark.candidate}"
        assert fmt_at.background().color().alpha() == 255
        checked += 1
    assert checked == len(view._marks) > 100
