#!/usr/bin/env bash
# Extract every translatable string of the UI into the French catalogue, then compile it.
#   scripts/update-translations.sh          # lupdate + lrelease
# Translate with Qt Linguist (pyside6-linguist resources/translations/supervision_journal_fr.ts)
# or by editing the XML; tests/ui/test_translations.py fails while a string is untranslated.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="$(dirname "$(command -v python)")"
lupdate="${bin}/pyside6-lupdate"; lrelease="${bin}/pyside6-lrelease"
[ -x "$lupdate" ] || lupdate="pyside6-lupdate"
[ -x "$lrelease" ] || lrelease="pyside6-lrelease"
ts=resources/translations/supervision_journal_fr.ts
"$lupdate" -silent -no-obsolete -locations none -extensions py \
  $(find src/supervision_journal/ui -name '*.py' | sort) -ts "$ts"
"$lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
echo "updated $ts and ${ts%.ts}.qm"
