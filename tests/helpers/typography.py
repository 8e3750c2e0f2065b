"""French typography, as every French text of the app follows it (the Qt catalogue, the
renewal report, the supervision document): ’ for the apostrophe, a no-break space before
« : ; ! ? » and inside guillemets, the ellipsis character, no straight or English quotes."""

from __future__ import annotations

import re


def french_problems(text: str, *, colon: bool = True, plural_marks: bool = True) -> list[str]:
    """What is wrong with ``text``. ``colon``: a colon needs its no-break space too (off for
    catalogue strings that end on a label's colon glued by Qt); ``plural_marks``: "(s)" is a
    slip where a real plural belongs."""
    text = re.sub(r"\{[^{}]*\}", "{}", text)  # a named placeholder is code ("{x!r}")
    unfiltered = text.replace(";;", "")  # the separator of file dialog filters
    checks = {
        "straight apostrophe": "'" in text,
        "straight double quote": '"' in text,
        "three dots instead of …": "..." in text,
        "ordinary space before : ; ! ? »": re.search(r" [:;!?»]", text) is not None,
        "ordinary space after «": "« " in text,
        "no space before ; ! ? »": re.search(r"[^\s][;!?»]", unfiltered) is not None,
        "English quotes": "“" in text or "”" in text,
    }
    if colon:
        checks["no space before :"] = re.search(r"[^\s]:(?!//)", text) is not None
    if plural_marks:
        checks["(s) for a plural"] = "(s)" in text or "(es)" in text
    return [what for what, bad in checks.items() if bad]
