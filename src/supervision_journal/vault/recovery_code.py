"""Recovery codes: 140 random bits shown as 7 groups of 4 Crockford base-32 symbols, each group
followed by a check symbol from the same alphabet (letters and digits only: nothing awkward to
type on a French or English keyboard).

The check symbol is ``c = w1·v1 + w2·v2 + w3·v3 + w4·v4`` computed in the field GF(32)
(polynomial x⁵ + x² + 1), with the weights w = α, α², α³, α⁴ (2, 4, 8, 16). In a field a
product is zero only when a factor is, so:
* a single mistyped symbol changes the sum by w·δ ≠ 0 (the check symbol itself has weight 1);
* two swapped neighbours change it by (wᵢ − wᵢ₊₁)·(vᵢ₊₁ − vᵢ) ≠ 0 because the weights differ,
  and swapping the fourth symbol with the check symbol by (w4 − 1)·(c − v4) ≠ 0.
Every such typo is caught, and its group named, before any key derivation runs. (Crockford's
mod-37 check needs five extra symbols, * ~ $ = U, that users stumble on.)
"""

from __future__ import annotations

import secrets

from ..errors import RecoveryCodeTypo

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base 32: no I, L, O, U
CHECK_ALPHABET = ALPHABET  # check symbols are ordinary symbols
WEIGHTS = (2, 4, 8, 16)  # α, α², α³, α⁴ in GF(32)
_MODULUS = 0b100101  # x⁵ + x² + 1, primitive
GROUPS = 7
GROUP_LEN = 4
# Crockford's decoding rules: letters that look like digits are read as those digits.
_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})


def gf32_mul(a: int, b: int) -> int:
    """Multiplication in GF(32): carry-less product reduced by x⁵ + x² + 1."""
    product = 0
    while b:
        if b & 1:
            product ^= a
        b >>= 1
        a <<= 1
        if a & 0b100000:
            a ^= _MODULUS
    return product


def _check_symbol(values: list[int]) -> str:
    total = 0
    for weight, value in zip(WEIGHTS, values, strict=True):
        total ^= gf32_mul(weight, value)  # addition in GF(2⁵) is XOR
    return CHECK_ALPHABET[total]


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
            "A recovery code has {expected} characters in {groups} groups; this one has "
            "{length}.", expected=expected, groups=GROUPS, length=len(compact))
    data = []
    for g in range(GROUPS):
        chunk = compact[g * 5 : g * 5 + 5]
        body = chunk[:GROUP_LEN].translate(_LOOKALIKES)
        check = chunk[GROUP_LEN].translate(_LOOKALIKES)
        if any(ch not in ALPHABET for ch in body) or check not in CHECK_ALPHABET:
            raise RecoveryCodeTypo("Group {group} of the recovery code has a character that "
                                   "cannot appear in a code.", group=g + 1)
        values = [ALPHABET.index(ch) for ch in body]
        if _check_symbol(values) != check:
            raise RecoveryCodeTypo("Group {group} of the recovery code has a typo.", group=g + 1)
        data.append(body)
    return "".join(data)


def format_groups(code: str) -> list[str]:
    return code.split("-")
