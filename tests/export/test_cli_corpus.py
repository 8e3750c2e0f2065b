"""T26 end to end: a generated French and English corpus imported with ``supervision-journal
import`` and exported with ``supervision-journal export`` (a child process, as a script would),
in Markdown, HTML and PDF (read back with poppler's ``pdftotext``).

Measured on what was written, per format:
- registered terms (every spelling class of tests/corpus/generate.py, and pseudonyms): 0 left,
  by the leak guard over the whole file, by a plain case-insensitive search of every term, and
  per planted occurrence;
- canaries (private sections, unapproved sections, unapproved reflections): 0 left; an approved
  section that copies its private section blocks the export (exit 3, nothing written);
- recall per class of unregistered identifiers with ``--candidates redact`` (names and places,
  per position and gazetteer half; the pattern classes) and over-redaction of ordinary clinical
  words; ``--candidates block`` exits 3 listing candidates by position only; ``keep`` keeps them.

How a planted value is judged in the output: each approved note starts with a tag (``zzkabcd``,
a lowercase nonsense word no detector touches), which cuts the file into notes; the original
note and its output are aligned (difflib, runs of three characters or more, after NFKC,
dropping invisible characters and folding whitespace, so that PDF line wrapping and ligatures
do not count); a planted character survives when it is in an aligned run.

The figures are printed (``-s``). The normal run uses 120 notes; ``-m slow`` runs 500.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import re
import subprocess
import unicodedata
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pyrage
import pytest

from cli.cli_support import PASSPHRASE, CliVault, init_vault, write_secret
from corpus.generate import VARIANTS, Corpus, Mark, Note, generate
from supervision_journal.export import leak_guard, render, seal
from supervision_journal.export import store as export_store
from supervision_journal.export.detectors import gazetteer
from supervision_journal.vault.vault import Vault

PATTERN_CLASSES = ("email", "phone", "url", "address", "postcode", "date", "age", "nir", "iban")
CANARY_YEAR = 2030  # sessions whose note copies the private section are dated apart
TAG = re.compile(r"zzk([a-z]{4})")
_ELISION = re.compile(r"^(?:d|l|qu)['’]", re.IGNORECASE)


def tag_of(number: int) -> str:
    letters = ""
    for _ in range(4):
        number, rest = divmod(number, 26)
        letters += chr(ord("a") + rest)
    return "zzk" + letters


# -- the corpus as an interchange file ----------------------------------------------------

@dataclass(frozen=True)
class Planted:
    corpus: Corpus
    notes: dict[str, Note]  # tag → note, for notes in the main (exportable) range
    canary_notes: int
    secrets: tuple[str, ...]  # texts that must never leave: private, unapproved


def build_document(corpus: Corpus) -> tuple[dict[str, Any], Planted]:
    clients = []
    for key, pseudonym in corpus.pseudonyms.items():
        own = corpus.terms[key * 5:(key + 1) * 5]
        full, alias, *identifiers = own
        clients.append({"pseudonym": pseudonym, "started_on": "2024-01-01",
                        "identity": {"full_name": full.term, "aliases": [alias.term],
                                     "identifiers": [{"term": t.term, "role": t.role}
                                                     for t in identifiers]}})
    sessions, reflections = [], []
    notes: dict[str, Note] = {}
    secrets: list[str] = []
    canary_notes = 0
    for number, note in enumerate(corpus.notes):
        pseudonym = corpus.pseudonyms[note.client_key]
        copies_private = any(m.cls == "canary" for m in note.marks)
        if copies_private:
            when = date(CANARY_YEAR, 1, 1) + timedelta(days=number)
            canary_notes += 1
        else:
            when = date(2024, 1, 1) + timedelta(days=number)
            notes[tag_of(number)] = note
        unapproved = (f"Canary zzcanaryplan{number} : revoir la mère de la cliente, ne pas "
                      f"partager ce passage non approuvé numéro {number}.")
        private = f"{corpus.private_texts[note.client_key]} zzcanarypriv{number}."
        secrets += [unapproved, private]
        sessions.append({"client": pseudonym, "date": when.isoformat(), "sections": {
            "process": f"{tag_of(number)} {note.text}", "plan": unapproved, "private": private},
            "approved_for_supervision": ["process"]})
        hidden = f"Réflexion zzcanaryrefl{number} jamais approuvée sur la séance {number}."
        secrets.append(hidden)
        reflections.append({"client": pseudonym, "session_date": when.isoformat(),
                            "prompt_id": "ct.rescue", "text": hidden,
                            "approved_for_supervision": False})
    document = {"format": "supervision-journal", "version": 1, "clients": clients,
                "sessions": sessions, "reflections": reflections}
    return document, Planted(corpus, notes, canary_notes, tuple(secrets))


# -- reading an export back ----------------------------------------------------------------

def _norm_char(char: str) -> str:
    if unicodedata.category(char) in ("Cf", "Mn"):
        return ""
    if char.isspace():
        return " "
    return unicodedata.normalize("NFKC", char).casefold()


def normalised(text: str) -> tuple[str, list[int]]:
    """Comparable text (NFKC, case folded, invisibles dropped, whitespace runs as one space)
    and, for each of its characters, the index it came from."""
    out: list[str] = []
    where: list[int] = []
    for index, char in enumerate(text):
        for piece in _norm_char(char):
            if piece == " " and out and out[-1] == " ":
                continue
            out.append(piece)
            where.append(index)
    return "".join(out), where


# After a note come the headings of the next one; in a PDF, a page footer may fall inside it.
_HEADING = re.compile(r"\n\s*(?:#{1,3} |\*\*|(?:Séance|Session) \d+|Client [A-Z]+\s*\n"
                      r"|Réflexions?\b|Reflections?\b)")
_FOOTER = re.compile(r"^[^\n]* · \d+/\d+[ \t]*$", re.MULTILINE)
# What the export wrote in place of something: never a survivor of the original.
_PLACEHOLDER = re.compile(r"\[[^\]]{1,40}\]|Client\s+[A-Z]{1,2}\b")  # a PDF line may break inside


def note_segments(text: str) -> dict[str, str]:
    """The output of each note: from its tag to the next heading, footers and placeholders
    masked (so that "Client K" for "Colibri-0" cannot align as "cli")."""
    found = list(TAG.finditer(text))
    out = {}
    for index, match in enumerate(found):
        end = found[index + 1].start() if index + 1 < len(found) else len(text)
        segment = text[match.end():end]
        heading = _HEADING.search(segment)
        segment = segment[:heading.start()] if heading else segment
        segment = _PLACEHOLDER.sub("\x00", _FOOTER.sub(" ", segment))
        out[match.group(0)] = segment
    return out


def _core(note: Note, mark: Mark) -> list[int]:
    """The planted value's own letters and digits (no elision before, possessive after, nor
    the dots of initials), as in tests/corpus/test_corpus_metrics.py."""
    text = note.text[mark.start:mark.end]
    start, end = mark.start, mark.end
    if mark.variant == "elision" and (m := _ELISION.match(text)):
        start += m.end()
    if mark.variant == "possessive" and text[-2:] in ("'s", "’s"):
        end -= 2
    positions = [i for i in range(start, end) if note.text[i].isalnum()]
    if mark.variant == "initials":
        positions = [i for i in positions if note.text[i + 1:i + 2] != "."]
    return positions


def surviving(original: str, output: str) -> set[int]:
    """Indices of ``original`` whose character is still in ``output`` (aligned runs ≥ 3)."""
    source, where = normalised(original)
    target, _ = normalised(output)
    matcher = difflib.SequenceMatcher(None, source, target, autojunk=False)
    kept: set[int] = set()
    for block in matcher.get_matching_blocks():
        if block.size >= 3:
            kept.update(where[block.a + k] for k in range(block.size))
    return kept


@dataclass
class Figures:
    planted: Counter[str]
    removed: Counter[str]  # every core character gone
    touched: Counter[str]  # some core character gone
    notes_found: int

    def rate(self, prefix: str, counter: Counter[str] | None = None) -> float:
        counter = self.removed if counter is None else counter
        keys = [k for k in self.planted if k == prefix or k.startswith(prefix + "/")]
        total = sum(self.planted[k] for k in keys)
        return sum(counter[k] for k in keys) / total if total else 1.0


def measure(text: str, planted: Planted, clients: set[int] | None = None) -> Figures:
    """Figures over the notes of ``clients`` (default: every client)."""
    segments = note_segments(text)
    figures = Figures(Counter(), Counter(), Counter(), 0)
    for tag, note in planted.notes.items():
        if clients is not None and note.client_key not in clients:
            assert tag not in segments, f"note {tag} of another client in the export"
            continue
        output = segments.get(tag)
        assert output is not None, f"note {tag} missing from the export"
        figures.notes_found += 1
        kept = surviving(note.text, output)
        for mark in note.marks:
            if mark.cls == "registered":
                key = f"registered/{mark.variant}"
            elif mark.cls in ("name", "place"):
                key = f"{mark.cls}/{mark.variant}/" + ("gazetteer" if mark.in_gazetteer
                                                       else "unlisted")
            else:
                key = mark.cls
            core = [i for i in _core(note, mark) if _norm_char(note.text[i])]
            if not core:
                continue
            left = sum(1 for i in core if i in kept)
            figures.planted[key] += 1
            figures.removed[key] += left == 0
            figures.touched[key] += left < len(core)
    return figures


def registered_strings(corpus: Corpus) -> list[str]:
    return [*(t.term for t in corpus.terms), *corpus.pseudonyms.values()]


def plain_hits(text: str, corpus: Corpus) -> Counter[str]:
    """Case-insensitive search of every registered term, and of every word of a client's
    name (whole words of four letters or more that are not ordinary words)."""
    haystack, _ = normalised(text)
    common = gazetteer().common
    hits: Counter[str] = Counter()
    needles = set(registered_strings(corpus))
    for term in corpus.terms:
        if term.kind in ("full_name", "alias"):
            needles |= {w for w in re.split(r"[\s'’-]+", term.term)
                        if len(w) >= 4 and unicodedata.normalize("NFKD", w.casefold())
                        not in common}
    for needle in needles:
        folded, _ = normalised(needle)
        count = len(re.findall(rf"(?<!\w){re.escape(folded)}(?!\w)", haystack))
        if count:
            hits[needle] += count
    return hits


def without_repeated_lines(pages_text: str) -> str:
    """Qt draws the last line of a paragraph that crosses a page break on both pages (clipped
    away, so invisible on the second, but text extractors see it): drop such repeats."""
    pages = pages_text.split("\f")
    out = [pages[0]]
    for page in pages[1:]:
        previous = [ln for ln in out[-1].splitlines() if ln.strip()
                    and not _FOOTER.fullmatch(ln)][-3:]
        lines = page.splitlines()
        while lines and lines[0].strip() and lines[0] in previous:
            lines.pop(0)
        out.append("\n".join(lines))
    return "\f".join(out)


def pdf_text(path: Path) -> str:
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True
                          ).stdout.decode("utf-8")
    # The font's ligatures come back as U+FB00–FB06 ("ﬀ", "ﬁ"): the letters they stand for.
    text = re.sub("[\ufb00-\ufb06]", lambda m: unicodedata.normalize("NFKC", m.group(0)), text)
    return without_repeated_lines(text)


def readable(path: Path, fmt: str) -> str:
    if fmt == "pdf":
        return pdf_text(path)
    text = path.read_text("utf-8")
    return render.html_text(text) if fmt == "html" else text


# -- the run -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Run:
    vault: CliVault
    planted: Planted
    folder: Path

    def export(self, name: str, *args: str) -> tuple[Path, Any]:
        out = self.folder / name
        result = self.vault.run("export", "--out", out, *args, timeout=600)
        return out, result


def make_run(tmp: Path, notes: int, clients: int, seed: int) -> Run:
    g = gazetteer()
    corpus = generate(seed=seed, notes=notes, clients=clients,
                      in_gazetteer=g.first_names | g.surnames | g.places)
    document, planted = build_document(corpus)
    vault = init_vault(tmp / "vault", tmp)
    source = tmp / "corpus.json"
    source.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    imported = vault.import_doc(source)
    assert imported.code == 0, imported.err
    source.unlink()  # it held everything in clear
    return Run(vault, planted, tmp)


FORMATS = (("md", "fr"), ("html", "en"), ("pdf", "fr"))
MAIN_RANGE = ("--to", f"{CANARY_YEAR - 1}-12-31")


def export_all_formats(run: Run) -> dict[str, Path]:
    """The main range exported with ``--candidates redact`` in each format."""
    written = {}
    for fmt, lang in FORMATS:
        out, result = run.export(f"all.{fmt}", "--format", fmt, "--lang", lang,
                                 "--candidates", "redact", "--recipient-label", "Supervision",
                                 *MAIN_RANGE)
        assert result.code == 0, result.err
        written[fmt] = out
    return written


def run_and_report(run: Run, written: dict[str, Path], label: str) -> None:
    planted = run.planted
    corpus = planted.corpus
    terms = registered_strings(corpus)
    all_figures: dict[str, Figures] = {}
    for fmt, _lang in FORMATS:
        text = readable(written[fmt], fmt)
        # Registered terms: the leak guard over the whole file, a plain search, per occurrence.
        assert leak_guard.check(text, [*corpus.terms, *corpus.pseudonyms.values()]) == []
        assert plain_hits(text, corpus) == Counter(), fmt
        # Canaries: unique markers and every secret text (eight-word runs).
        assert "zzcanary" not in text.casefold()
        assert [h for h in leak_guard.check(text, [], planted.secrets)] == []
        figures = measure(text, planted)
        assert figures.notes_found == len(planted.notes)
        all_figures[fmt] = figures
        if fmt == "pdf":
            # Page numbers and metadata in the document's language, naming no one.
            assert re.search(r"Confidentiel — pour la supervision · 1/\d+", text)
            info = subprocess.run(["pdfinfo", str(written[fmt])], capture_output=True,
                                  check=True).stdout.decode()
            assert re.search(r"^Title:\s+Notes pour la supervision$", info, re.MULTILINE)
            assert re.search(r"^Author:[ \t]*$", info, re.MULTILINE)

    print(f"\n== T26 through the CLI ({label}: {len(corpus.notes)} notes, "
          f"{len(corpus.pseudonyms)} clients, {len(terms)} registered strings; "
          f"{len(planted.notes)} notes exported, {planted.canary_notes} copying their private "
          f"section kept apart) ==")
    keys = sorted(all_figures["md"].planted)
    print(f"{'class':34s}" + "".join(f"{fmt:>18s}" for fmt, _ in FORMATS))
    for key in keys:
        cells = []
        for fmt, _lang in FORMATS:
            f = all_figures[fmt]
            if key.startswith("registered") or key == "ordinary":
                ordinary = key == "ordinary"
                left = f.touched[key] if ordinary else f.planted[key] - f.removed[key]
                cells.append(f"{left:>5d}/{f.planted[key]:<4d} {'hit' if ordinary else 'left'}")
            else:
                cells.append(f"{100 * f.removed[key] / f.planted[key]:6.1f} % of "
                             f"{f.planted[key]:<4d}")
        print(f"{key:34s}" + "".join(f"{c:>18s}" for c in cells))
    for fmt, _lang in FORMATS:
        f = all_figures[fmt]
        print(f"{fmt}: recall names {100 * f.rate('name'):.1f} %, places "
              f"{100 * f.rate('place'):.1f} %, patterns "
              + ", ".join(f"{c} {100 * f.rate(c):.0f} %" for c in PATTERN_CLASSES)
              + f"; over-redaction of ordinary words {100 * f.rate('ordinary', f.touched):.2f} %")

    for fmt, f in all_figures.items():
        for variant in (*VARIANTS, "pseudonym"):
            key = f"registered/{variant}"
            assert f.removed[key] == f.planted[key], (fmt, key)
        assert {f"registered/{v}" for v in VARIANTS} <= set(f.planted), fmt
        for cls in PATTERN_CLASSES:
            assert f.planted[cls] and f.removed[cls] == f.planted[cls], (fmt, cls)
        assert f.rate("name") >= 0.95 and f.rate("place") >= 0.95, fmt
        assert f.rate("ordinary", f.touched) <= 0.02, fmt


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    return make_run(tmp_path_factory.mktemp("cli-corpus"), notes=120, clients=12, seed=2026)


@pytest.fixture(scope="module")
def written(run: Run) -> dict[str, Path]:
    return export_all_formats(run)


def test_corpus_through_the_cli(run: Run, written: dict[str, Path]) -> None:
    run_and_report(run, written, "normal run")


@pytest.mark.slow
def test_full_corpus_through_the_cli(tmp_path: Path) -> None:
    full = make_run(tmp_path, notes=500, clients=40, seed=2025)
    run_and_report(full, export_all_formats(full), "full corpus")


def audit_rows(run: Run) -> list[export_store.AuditRow]:
    vault = Vault.open(run.vault.folder, PASSPHRASE)
    try:
        return export_store.list_audit(vault.db)
    finally:
        vault.close()


def test_block_lists_candidates_by_position_and_writes_nothing(run: Run, written) -> None:
    before = audit_rows(run)
    out, result = run.export("blocked.md", *MAIN_RANGE)
    assert result.code == 3, result.err
    assert not out.exists()
    lines = result.err.splitlines()
    where = [ln for ln in lines if ln.startswith("candidate: ")]
    assert len(where) >= len(run.planted.notes) // 2
    for line in where:
        assert re.fullmatch(r"candidate: Client [A-Z]+, (session \d+|reflection), process, "
                            r"line \d+, column \d+ \([a-z_]+\)", line), line
    # Positions only: no planted name, place or registered term in what was printed.
    values = {note.text[m.start:m.end] for note in run.planted.notes.values()
              for m in note.marks if m.cls in ("name", "place", "registered")}
    err = result.err.casefold()
    assert not [v for v in values if len(v) >= 4 and v.casefold() in err]
    assert lines[-1].startswith("error: ") and "Nothing was written" in lines[-1]
    assert audit_rows(run) == before  # a refused export leaves no audit row


def client_args(run: Run, keys: list[int]) -> list[str]:
    return [arg for key in keys for arg in ("--client", run.planted.corpus.pseudonyms[key])]


def test_keep_keeps_unregistered_names_but_never_registered_terms(run: Run) -> None:
    out, result = run.export("kept.md", "--candidates", "keep", *client_args(run, [0, 1, 2]),
                             *MAIN_RANGE)
    assert result.code == 0, result.err
    text = out.read_text("utf-8")
    corpus = run.planted.corpus
    assert leak_guard.check(text, [*corpus.terms, *corpus.pseudonyms.values()]) == []
    assert plain_hits(text, corpus) == Counter()
    figures = measure(text, run.planted, {0, 1, 2})
    assert figures.rate("name") < 0.5  # kept, as asked
    for cls in PATTERN_CLASSES:
        assert figures.removed[cls] == figures.planted[cls], cls


def test_a_copied_private_section_blocks_the_export(run: Run) -> None:
    out, result = run.export("copied.md", "--candidates", "redact", "--from",
                             f"{CANARY_YEAR}-01-01")
    assert run.planted.canary_notes > 0
    assert result.code == 3, result.err
    assert not out.exists()
    assert re.search(r"words from unapproved text #\d+ at line \d+, column \d+", result.err)
    assert "envahie" not in result.err and "grief" not in result.err


def test_sealed_exports_round_trip(run: Run, written: dict[str, Path]) -> None:
    passfile = write_secret(run.folder, "seal.txt", "galet bleu sous la pluie")
    identity = pyrage.x25519.Identity.generate()
    plain = written["md"]  # French, like the sealed one below
    by_pass, result = run.export("sealed.md.age", "--candidates", "redact", "--lang", "fr",
                                 "--recipient-label", "Supervision",
                                 "--seal-passphrase-file", passfile, *MAIN_RANGE)
    assert result.code == 0, result.err
    by_key, result = run.export("sealed-key.pdf.age", "--format", "pdf", "--candidates",
                                "redact", "--recipient", str(identity.to_public()),
                                *client_args(run, [3]), *MAIN_RANGE)
    assert result.code == 0, result.err

    def labels_out(text: str) -> str:
        return re.sub(r"Client [A-Z]+", "Client ?", text)  # labels are drawn afresh each time

    opened = seal.open_sealed(by_pass.read_bytes(), passphrase="galet bleu sous la pluie")
    assert labels_out(opened.decode()) == labels_out(plain.read_text("utf-8"))
    pdf = seal.open_sealed(by_key.read_bytes(), identity=str(identity))
    assert pdf.startswith(b"%PDF-")
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True,
                          check=True).stdout.decode()
    figures = measure(without_repeated_lines(text), run.planted, {3})
    assert figures.notes_found == sum(n.client_key == 3 for n in run.planted.notes.values()) > 0
    for sealed_file in (by_pass, by_key):
        data = sealed_file.read_bytes()
        assert seal.is_sealed(data) and b"zzk" not in data


def test_each_written_export_has_its_audit_row(run: Run, written: dict[str, Path]) -> None:
    rows = {row.sha256: row for row in audit_rows(run)}
    for fmt, path in written.items():
        row = rows[hashlib.sha256(path.read_bytes()).hexdigest()]
        assert (row.kind, row.format, row.recipient) == ("supervision", fmt, "Supervision")
        assert len(row.items) == len(run.planted.notes)
