"""The supervision document's own French words follow French typography (the supervisor reads
them in every export): ’ for apostrophes, a no-break space before « : ; ! ? »."""

from __future__ import annotations

import pytest

from helpers.typography import french_problems
from supervision_journal.export import labels

FRENCH = [fr for _en, fr in (*labels.WORDS.values(), *labels.SECTIONS.values())]


@pytest.mark.parametrize("text", FRENCH)
def test_french_typography(text: str) -> None:
    assert french_problems(text) == [], text


def test_english_has_no_french_spacing() -> None:
    for english, _fr in (*labels.WORDS.values(), *labels.SECTIONS.values()):
        assert "\u00a0" not in english and " :" not in english, english
