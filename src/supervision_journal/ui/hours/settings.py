"""The practitioner's renewal choices, kept in the vault (never in QSettings): the bodies they
follow, where each profile's cycles start, and their own "custom" profile as TOML text.

No Qt here: the benchmark and the tests use it without a window.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ...hours.profiles import Profile, ProfileError, load_profiles, parse_profile
from ...journal import store as journal
from ...vault.database import Database

CHOSEN_KEY = "hours.profiles"          # list of profile ids, in the user's order
ANCHORS_KEY = "hours.cycle_anchors"    # {profile id: "YYYY-MM-DD"}
# The command line reads the same key (cli_hours.py) so `hours report --profile custom` uses
# the rules edited in the app.
CUSTOM_KEY = "hours.custom_profile"    # TOML text of the user's own profile
CUSTOM_ID = "custom"


def custom_text(db: Database) -> str | None:
    value = journal.get_setting(db, CUSTOM_KEY)
    return value if isinstance(value, str) else None


def check_custom(text: str) -> Profile:
    """Parse the user's profile; a ``ProfileError`` names what is wrong."""
    profile = parse_profile(text)
    if profile.id != CUSTOM_ID and profile.id in load_profiles():
        raise ProfileError("id: '{id}' is the id of a shipped profile; keep id = \"{custom}\" "
                           "or choose a word of your own.", id=profile.id, custom=CUSTOM_ID)
    return profile


def save_custom(db: Database, text: str) -> Profile:
    profile = check_custom(text)
    with db.transaction():
        old = custom_text(db)
        journal.set_setting(db, CUSTOM_KEY, text)
        if old is not None:
            try:
                old_id = parse_profile(old).id
            except ProfileError:
                old_id = None
            if old_id and old_id != profile.id:
                # The profile was renamed: what was chosen and anchored under the old id follows.
                set_chosen(db, [profile.id if p == old_id else p for p in chosen(db)])
                anchors = _anchors(db)
                if old_id in anchors:
                    anchors[profile.id] = anchors.pop(old_id)
                    journal.set_setting(db, ANCHORS_KEY, anchors)
    return profile


def all_profiles(db: Database) -> dict[str, Profile]:
    """Every profile the practitioner can use: the shipped ones, with their own in place of the
    shipped "custom" example once they have saved one."""
    profiles = dict(load_profiles())
    text = custom_text(db)
    if text is not None:
        try:
            mine = check_custom(text)
        except ProfileError:
            return profiles  # saved texts are checked; a newer app may read them differently
        profiles.pop(CUSTOM_ID, None)
        profiles[mine.id] = mine
    return profiles


def chosen(db: Database) -> list[str]:
    value = journal.get_setting(db, CHOSEN_KEY, [])
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def set_chosen(db: Database, profile_ids: list[str]) -> None:
    journal.set_setting(db, CHOSEN_KEY, list(dict.fromkeys(profile_ids)))


def _anchors(db: Database) -> dict[str, Any]:
    value = journal.get_setting(db, ANCHORS_KEY, {})
    return dict(value) if isinstance(value, dict) else {}


def anchor(db: Database, profile_id: str) -> date | None:
    raw = _anchors(db).get(profile_id)
    try:
        return date.fromisoformat(raw) if isinstance(raw, str) else None
    except ValueError:
        return None


def set_anchor(db: Database, profile_id: str, day: date) -> None:
    anchors = _anchors(db)
    anchors[profile_id] = day.isoformat()
    journal.set_setting(db, ANCHORS_KEY, anchors)
