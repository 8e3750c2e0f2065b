#!/usr/bin/env bash
# Extract every translatable string of the UI into the French catalogue, and the plural
# messages ("%n entries") into the English one, then compile both.
#   scripts/update-translations.sh          # lupdate + lrelease
# Translate with Qt Linguist (pyside6-linguist resources/translations/supervision_journal_fr.ts)
# or by editing the XML; tests/ui/test_translations.py fails while a string is untranslated.
# English is the source language: its catalogue only gives the singular and plural forms
# ("%n entry" / "%n entries") that Qt cannot derive from the source text.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="$(dirname "$(command -v python)")"
lupdate="${bin}/pyside6-lupdate"; lrelease="${bin}/pyside6-lrelease"
[ -x "$lupdate" ] || lupdate="pyside6-lupdate"
[ -x "$lrelease" ] || lrelease="pyside6-lrelease"
# KnownError messages are raised outside ui/: list their templates where lupdate reads
# (src/supervision_journal/ui/error_messages.py); it fails on a template it cannot read.
"${bin}/python" scripts/extract_error_messages.py
sources=$(find src/supervision_journal/ui -name '*.py' | sort)
fr=resources/translations/supervision_journal_fr.ts
en=resources/translations/supervision_journal_en.ts
# shellcheck disable=SC2086 # one argument per source file
"$lupdate" -silent -no-obsolete -locations none -extensions py $sources -ts "$fr"
# shellcheck disable=SC2086
"$lupdate" -silent -no-obsolete -locations none -extensions py -pluralonly \
  -source-language en -target-language en $sources -ts "$en"
for ts in "$fr" "$en"; do
  "$lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
  echo "updated $ts and ${ts%.ts}.qm"
done
