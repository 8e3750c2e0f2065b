"""Unlisted names opening a sentence: found from what follows them (an adverb, a second subject,
an apposition with a possessive) or from the surname after them; ordinary words opening a
sentence the same way stay."""

from __future__ import annotations

import pytest

from supervision_journal.export.detectors import find_name_candidates


def found(text: str) -> list[str]:
    return [text[h.start:h.end] for h in find_name_candidates(text)]


@pytest.mark.parametrize(("text", "name"), [
    ("Séance calme. Rodolphe et sa fille sont venues la voir.", "Rodolphe"),
    ("Long silence. Gaëlle never answered her letters.", "Gaëlle"),
    ("Arrive tôt. Bérénice always calls on Sundays.", "Bérénice"),
    ("Parle peu. Edmund, sa voisine, l'aide beaucoup.", "Edmund"),
    ("Calm today. Ysolde, her neighbour, drives her.", "Ysolde"),
    ("Parle peu. Edmund O'Brien, sa voisine, l'aide beaucoup.", "Edmund O'Brien"),
    ("Arrive tôt. Tiphaine Kerboul lui a écrit.", "Tiphaine Kerboul"),
])
def test_unlisted_names_opening_a_sentence(text: str, name: str) -> None:
    assert name in found(text)


@pytest.mark.parametrize("text", [
    "Colère et tristesse se mêlent.",
    "Anxiety and fatigue again today.",
    "Hier, sa mère l'a appelée.",
    "Parfois, son frère passe.",
    "Souvent et longtemps, elle pleure.",
    "Fatigue, sa compagne de toujours.",
    "Sadness never left her this week.",
])
def test_ordinary_words_opening_a_sentence_stay(text: str) -> None:
    assert found(text) == []
