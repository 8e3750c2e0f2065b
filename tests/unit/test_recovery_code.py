"""Recovery code (security.md T16): the check symbols catch every single-symbol typo and every
swap of neighbours, lookalikes and formatting are forgiven, and only the current code opens."""

from __future__ import annotations

import itertools
import random
from pathlib import Path

import pytest

from helpers.vaultdata import PASSPHRASE
from supervision_journal.errors import RecoveryCodeTypo, WrongPassphrase, WrongRecoveryCode
from supervision_journal.journal import store
from supervision_journal.vault import Vault, keys, recovery_code

# Written out here, not imported: the test is an independent oracle of the specification
# (Crockford base 32; check = Σ αⁱ·vᵢ in GF(32) with x⁵ + x² + 1, i = 1..4, same alphabet).
DATA = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CHECK = DATA


def _gf_mul(a: int, b: int) -> int:
    # schoolbook: polynomial product over GF(2), then reduction modulo x⁵ + x² + 1
    product = 0
    for bit in range(5):
        if (b >> bit) & 1:
            product ^= a << bit
    for bit in range(8, 4, -1):
        if (product >> bit) & 1:
            product ^= 0b100101 << (bit - 5)
    return product


def check_symbol(values: list[int]) -> str:
    total = 0
    for weight, value in zip((2, 4, 8, 16), values, strict=True):
        total ^= _gf_mul(weight, value)
    return CHECK[total]


def group(values: list[int]) -> str:
    return "".join(DATA[v] for v in values) + check_symbol(values)


def make_code(rng: random.Random, fixed: dict[int, list[int]] | None = None) -> str:
    groups = []
    for g in range(7):
        values = (fixed or {}).get(g) or [rng.randrange(32) for _ in range(4)]
        groups.append(group(values))
    return "-".join(groups)


def compact(code: str) -> str:
    return code.replace("-", "")


def typo_group(text: str) -> int:
    """The group number named by the RecoveryCodeTypo that ``text`` must raise."""
    with pytest.raises(RecoveryCodeTypo) as info:
        recovery_code.normalise(text)
    words = info.value.message.split()
    assert words[0] == "Group", info.value.message
    return int(words[1])


def test_module_constants_match_the_specification() -> None:
    assert recovery_code.ALPHABET == DATA
    assert recovery_code.CHECK_ALPHABET == CHECK


def test_generated_codes_have_the_documented_shape() -> None:
    codes = {recovery_code.generate() for _ in range(200)}
    assert len(codes) == 200
    for code in codes:
        groups = code.split("-")
        assert len(groups) == 7
        for g in groups:
            assert len(g) == 5 and all(ch in DATA for ch in g[:4])
            assert g[4] == check_symbol([DATA.index(ch) for ch in g[:4]])
        assert recovery_code.normalise(code) == "".join(g[:4] for g in groups)
        assert recovery_code.format_groups(code) == groups


def test_every_single_symbol_substitution_is_caught_and_its_group_named() -> None:
    rng = random.Random(16)
    codes = [recovery_code.generate() for _ in range(10)] + [make_code(rng) for _ in range(10)]
    tried = caught = 0
    for code in codes:
        chars = list(compact(code))
        for pos, original in enumerate(chars):
            for symbol in CHECK:
                if symbol == original:
                    continue
                typed = chars.copy()
                typed[pos] = symbol
                tried += 1
                assert typo_group("".join(typed)) == pos // 5 + 1
                caught += 1
    print(f"\nT16 single-symbol substitutions: {caught}/{tried} caught "
          f"({100 * caught / tried:.1f} %), right group named every time")
    assert tried == 20 * 35 * 31


def test_substituting_a_lookalike_of_another_symbol_is_caught() -> None:
    rng = random.Random(3)
    code = make_code(rng, {0: [5, 7, 9, 11]})  # "579B…": no 0 or 1 in the first group
    for lookalike in "OoIiLl":
        typed = lookalike + compact(code)[1:]
        assert typo_group(typed) == 1


def test_every_adjacent_transposition_inside_a_group_is_caught_or_harmless() -> None:
    """Exhaustive over the two swapped values for each of the four neighbour pairs of a group
    (the last pair is the fourth data symbol and the check symbol)."""
    rng = random.Random(9)
    caught = harmless = 0
    for g, pair in itertools.product(range(7), range(4)):
        for a, b in itertools.product(range(32), repeat=2):
            values = [rng.randrange(32) for _ in range(4)]
            if pair < 3:
                values[pair], values[pair + 1] = a, b
            else:
                values[2], values[3] = a, b  # sweeps the check symbol over its 32 values
            code = compact(make_code(rng, {g: values}))
            i = g * 5 + pair
            typed = code[:i] + code[i + 1] + code[i] + code[i + 2:]
            if typed == code:
                harmless += 1
                assert recovery_code.normalise(typed) == recovery_code.normalise(code)
            else:
                assert typo_group(typed) == g + 1
                caught += 1
    total = caught + harmless
    print(f"\nT16 adjacent transpositions in a group: {caught} caught, {harmless} harmless "
          f"(identical symbols), 0 accepted wrongly, of {total}")
    assert caught > 0.95 * total


def test_transpositions_across_groups_without_dashes_are_caught_or_harmless() -> None:
    rng = random.Random(12)
    for _ in range(300):
        code = compact(make_code(rng))
        for i in range(4, 34, 5):  # check symbol of group k and first symbol of group k+1
            typed = code[:i] + code[i + 1] + code[i] + code[i + 2:]
            if typed == code:
                continue
            assert typo_group(typed) == i // 5 + 1


def test_lookalikes_case_spaces_and_missing_dashes_are_accepted() -> None:
    rng = random.Random(5)
    # Group values chosen so the data holds 0s and 1s and a check symbol is 0, another 1.
    zero_check = next(v for v in itertools.product(range(32), repeat=4)
                      if check_symbol(list(v)) == "0" and 0 in v and 1 in v)
    one_check = next(v for v in itertools.product(range(32), repeat=4)
                     if check_symbol(list(v)) == "1")
    code = make_code(rng, {0: list(zero_check), 3: list(one_check)})
    canonical = recovery_code.normalise(code)
    variants = [
        code.replace("0", "O"),
        code.replace("0", "o"),
        code.replace("1", "I"),
        code.replace("1", "L"),
        code.replace("1", "l"),
        code.replace("1", "i"),
        code.lower(),
        code.replace("-", ""),
        code.replace("-", " "),
        "  " + code.replace("-", " - ") + "\n",
        " ".join(compact(code)),
        code.replace("-", "\t").lower().replace("0", "o").replace("1", "l"),
    ]
    for variant in variants:
        assert recovery_code.normalise(variant) == canonical, variant


def test_u_and_punctuation_are_never_part_of_a_code() -> None:
    """Check symbols come from the data alphabet: U, *, ~, $, = are always typos."""
    code = compact(make_code(random.Random(1)))
    for symbol in "U*~$=":
        for position in (0, 4, 9, 34):
            typed = code[:position] + symbol + code[position + 1:]
            assert typo_group(typed) == position // 5 + 1


@pytest.mark.parametrize("text", ["", "ABCD", "0" * 34, "0" * 36, "-" * 35])
def test_wrong_length_is_a_typo(text: str) -> None:
    with pytest.raises(RecoveryCodeTypo):
        recovery_code.normalise(text)


def test_the_first_bad_group_is_named() -> None:
    code = compact(make_code(random.Random(2)))
    chars = list(code)
    for pos in (12, 27):  # groups 3 and 6
        chars[pos] = "*" if chars[pos] != "*" else "~"
    assert typo_group("".join(chars)) == 3


# -- the code against a vault ----------------------------------------------------------------

def test_recovery_code_opens_the_vault_even_typed_sloppily(vault: Vault,
                                                          vault_dir: Path) -> None:
    code = vault.recovery_code_for_tests  # type: ignore[attr-defined]
    client = store.add_client(vault.db, "Recoverable")
    vault.close()
    sloppy = code.lower().replace("-", " ").replace("0", "o").replace("1", "l")
    with Vault.open_with_recovery(vault_dir, sloppy) as reopened:
        assert store.get_client(reopened.db, client.id).pseudonym == "Recoverable"


def test_a_well_formed_wrong_code_is_refused_as_wrong(vault: Vault, vault_dir: Path) -> None:
    vault.close()
    attempts = 50
    refused = 0
    for _ in range(attempts):
        with pytest.raises(WrongRecoveryCode) as info:
            Vault.open_with_recovery(vault_dir, recovery_code.generate())
        assert info.value.exit_code == 4
        assert isinstance(info.value, WrongPassphrase)
        refused += 1
    print(f"\nT16 stale/foreign codes accepted: {attempts - refused}/{attempts}")
    # A refusal is counted for the unlock delay.
    assert keys.load_keyfile(vault_dir / "journal.keys").failed_unlocks == attempts


def test_a_typo_is_reported_before_any_unlock_attempt(vault: Vault, vault_dir: Path) -> None:
    code = vault.recovery_code_for_tests  # type: ignore[attr-defined]
    vault.close()
    chars = list(code)
    chars[7] = "*" if chars[7] != "*" else "~"  # group 2
    with pytest.raises(RecoveryCodeTypo) as info:
        Vault.open_with_recovery(vault_dir, "".join(chars))
    assert info.value.message.startswith("Group 2 ")
    # A typo is not a guess: it does not count as a failed unlock.
    assert keys.load_keyfile(vault_dir / "journal.keys").failed_unlocks == 0


def test_regenerating_the_code_invalidates_the_old_one(vault: Vault, vault_dir: Path) -> None:
    old = vault.recovery_code_for_tests  # type: ignore[attr-defined]
    new = vault.regenerate_recovery_code()
    assert recovery_code.normalise(new) != recovery_code.normalise(old)
    vault.close()
    with pytest.raises(WrongRecoveryCode):
        Vault.open_with_recovery(vault_dir, old)
    Vault.open_with_recovery(vault_dir, new).close()
    Vault.open(vault_dir, PASSPHRASE).close()  # the passphrase slot was kept


def test_recovery_then_new_passphrase_retires_the_old_passphrase(vault: Vault,
                                                                 vault_dir: Path) -> None:
    code = vault.recovery_code_for_tests  # type: ignore[attr-defined]
    vault.close()
    with Vault.open_with_recovery(vault_dir, code) as recovered:
        recovered.change_passphrase("a brand new passphrase")
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_dir, PASSPHRASE)
    Vault.open(vault_dir, "a brand new passphrase").close()
    Vault.open_with_recovery(vault_dir, code).close()  # the code survives a passphrase change


def test_key_rotation_issues_a_new_code_and_retires_the_old(vault: Vault,
                                                           vault_dir: Path) -> None:
    old = vault.recovery_code_for_tests  # type: ignore[attr-defined]
    new = vault.rotate_key(PASSPHRASE)
    vault.close()
    with pytest.raises(WrongRecoveryCode):
        Vault.open_with_recovery(vault_dir, old)
    Vault.open_with_recovery(vault_dir, new).close()
