"""Recovery codes: 140 random bits shown as 7 groups of 4 Crockford base-32 symbols, each group
followed by a mod-37 check symbol.

The check symbol is ``sum(i * value_i) mod 37`` over the group's four symbols (weights 1..4).
37 is prime and larger than every weight and every symbol difference, so any single mistyped
symbol and any swap of two neighbours (check symbol included) changes the sum: the typo is
caught, and the group named, before any key derivation runs.
"""

from __future__ import annotations

import secrets

from ..errors import RecoveryCodeTypo

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base 32: no I, L, O, U
CHECK_ALPHABET = ALPHABET + "*~$=U"  # Crockford's 37-symbol check alphabet
GROUPS = 7
GROUP_LEN = 4
# Crockford's decoding rules: letters that look like digits are read as those digits.
_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})


def _check_symbol(values: list[int]) -> str:
    return CHECK_ALPHABET[sum((i + 1) * v for i, v in enumerate(values)) % 37]


def generate() -> str:
    """A fresh code, formatted for display: ``XXXXC-XXXXC-…`` (35 symbols, 140 random bits)."""
    groups = []
    for _ in range(GROUPS):
        values = [secrets.randbelow(32) for _ in range(GROUP_LEN)]
        groups.append("".join(ALPHABET[v] for v in values) + _check_symbol(values))
    return "-".join(groups)


def normalise(text: str) -> str:
    """Validate a typed code and return its canonical form (data symbols only, 28 of them).

    Raises RecoveryCodeTypo naming the first group whose check symbol does not match.
    """
    compact = "".join(ch for ch in text.upper() if not ch.isspace() and ch not in "-_.")
    expected = GROUPS * (GROUP_LEN + 1)
    if len(compact) != expected:
        raise RecoveryCodeTypo(
            f"A recovery code has {expected} characters in {GROUPS} groups; "
            f"this one has {len(compact)}."
        )
    data = []
    for g in range(GROUPS):
        chunk = compact[g * 5 : g * 5 + 5]
        body = chunk[:GROUP_LEN].translate(_LOOKALIKES)
        check = chunk[GROUP_LEN]
        if check not in "*~$=U":
            check = check.translate(_LOOKALIKES)
        if any(ch not in ALPHABET for ch in body) or check not in CHECK_ALPHABET:
            raise RecoveryCodeTypo(f"Group {g + 1} of the recovery code has a character that "
                                   "cannot appear in a code.")
        values = [ALPHABET.index(ch) for ch in body]
        if _check_symbol(values) != check:
            raise RecoveryCodeTypo(f"Group {g + 1} of the recovery code has a typo.")
        data.append(body)
    return "".join(data)


def format_groups(code: str) -> list[str]:
    return code.split("-")
