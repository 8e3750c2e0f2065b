"""The renewal-rule engine: hand-worked examples for every shipped profile.

Each test states its arithmetic; the engine must reproduce it from the profile data alone.
"""

from __future__ import annotations

import itertools
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from supervision_journal.hours.models import Activity
from supervision_journal.hours.profiles import (
    ProfileError,
    load_profiles,
    parse_profile,
    profile_text,
)
from supervision_journal.hours.progress import (
    BREAK,
    EXEMPT,
    MET,
    NO_PRACTICE,
    OPEN,
    SHORT,
    add_months,
    cycle_containing,
    evaluate,
    monthly_hours_by_kind,
)
from supervision_journal.hours.rules import apply_caps, claimable_minutes

PROFILES = load_profiles()
_ids = itertools.count(1)


def act(kind: str, on: str, minutes: int, **kw: object) -> Activity:
    return Activity(next(_ids), kind, date.fromisoformat(on), minutes, **kw)  # type: ignore[arg-type]


def practice(on: str) -> Activity:
    return act("client_practice", on, 600)


def group(on: str, minutes: int, size: int | None, fmt: str = "group") -> Activity:
    return act("supervision", on, minutes, format=fmt, group_size=size)


def individual(on: str, minutes: int) -> Activity:
    return act("supervision", on, minutes, format="individual")


# -- the shipped profiles -------------------------------------------------------------------------

def test_every_profile_ships_with_names_source_and_date() -> None:
    assert set(PROFILES) == {"bacp-registered", "bacp-accredited", "babcp", "ukcp", "icf-acc",
                             "icf-pcc", "icf-mcc", "emcc", "eap-ecp", "custom"}
    for profile in PROFILES.values():
        assert profile.name.en and profile.name.fr and profile.name.en != profile.name.fr
        assert profile.body and profile.source
        assert isinstance(profile.checked_on, date)
        for req in profile.requirements:
            assert req.name.en and req.name.fr


def test_profile_text_round_trips_and_a_user_edit_is_read() -> None:
    text = profile_text("custom")
    assert parse_profile(text) == PROFILES["custom"]
    # the user raises training from 20 h to 30 h and renames the profile
    edited = text.replace('id = "custom"', 'id = "mine"').replace("target = 20", "target = 30")
    mine = parse_profile(edited)
    assert mine.id == "mine"
    assert mine.requirement("training").target_minutes == 30 * 60


# -- BACP accredited: 1.5 h every calendar month, group time shared -------------------------------

BACP = PROFILES["bacp-accredited"]


def test_bacp_group_of_five_divides_time_and_leaves_a_shortfall() -> None:
    # 90 min in a group of 5 supervisees: 90 ÷ 5 = 18 min claimable; 18 < 90 needed.
    sup = group("2026-10-12", 90, 5)
    assert claimable_minutes(BACP, sup) == {"monthly_supervision": 18.0}
    progress = evaluate(BACP, [practice("2026-10-05"), sup], date(2026, 10, 1),
                        date(2026, 11, 15))
    req = progress.requirement("monthly_supervision")
    assert req.met is False
    [short] = req.shortfalls
    assert (short.label, short.claimable, short.needed, short.shortfall) == \
        ("2026-10", 18.0, 90.0, 72.0)


def test_bacp_group_of_four_claims_half_the_time() -> None:
    # October: group of 4 for 90 min → 45 min, plus 45 min individual → 90 min: met.
    # November: group of 4 for 120 min → 60 min only: 30 min short.
    acts = [practice("2026-10-02"), group("2026-10-09", 90, 4), individual("2026-10-20", 45),
            practice("2026-11-02"), group("2026-11-09", 120, 4)]
    req = evaluate(BACP, acts, date(2026, 10, 1), date(2026, 12, 10)) \
        .requirement("monthly_supervision")
    october, november, december = req.periods
    assert (october.claimable, october.status) == (90.0, MET)
    assert (november.claimable, november.status, november.shortfall) == (60.0, SHORT, 30.0)
    assert december.status == EXEMPT  # no client work logged in December yet
    assert req.shortfalls == (november,)


def test_bacp_peer_group_counts_all_members_and_unsized_groups_are_reported() -> None:
    # A peer group of 6 members (no facilitator): 120 ÷ 6 = 20 min. A group without a size
    # cannot be claimed (0 min) and its id is reported so the user can complete it.
    peer = group("2026-10-09", 120, 6, fmt="peer")
    unsized = group("2026-10-16", 90, None, fmt="peer")
    assert claimable_minutes(BACP, peer)["monthly_supervision"] == 20.0
    progress = evaluate(BACP, [practice("2026-10-01"), peer, unsized], date(2026, 10, 1),
                        date(2026, 10, 31))
    assert progress.unsized_groups == (unsized.id,)
    assert progress.requirement("monthly_supervision").claimable == 20.0


def test_bacp_month_without_clients_marked_as_a_break_is_not_a_shortfall() -> None:
    # Cycle from January 2026, today 15 April: January 90 min (met); February: a documented
    # break, no client work, no supervision (exempt); March: clients but 60 min (short).
    acts = [practice("2026-01-10"), individual("2026-01-20", 90),
            act("break", "2026-02-01", 0),
            practice("2026-03-10"), individual("2026-03-20", 60)]
    req = evaluate(BACP, acts, date(2026, 1, 1), date(2026, 4, 15)) \
        .requirement("monthly_supervision")
    jan, feb, mar, apr = req.periods
    assert (jan.status, feb.status, feb.exempt_reason) == (MET, EXEMPT, BREAK)
    assert (mar.status, mar.claimable) == (SHORT, 60.0)
    assert (apr.status, apr.exempt_reason) == (EXEMPT, NO_PRACTICE)
    assert [p.label for p in req.shortfalls] == ["2026-03"]


def test_bacp_does_not_average_and_an_open_month_is_not_yet_short() -> None:
    # 180 + 0 + 90 = 270 min over three months is 90 a month on average, but May has 0:
    # May is a shortfall. June is the current month with 30 min so far: open, not short.
    acts = [practice(f"2026-0{m}-03") for m in (4, 5, 6, 7)] + [
        individual("2026-04-10", 180), individual("2026-06-10", 90),
        individual("2026-07-02", 30)]
    req = evaluate(BACP, acts, date(2026, 4, 1), date(2026, 7, 20)) \
        .requirement("monthly_supervision")
    assert [p.status for p in req.periods] == [MET, SHORT, MET, OPEN]
    assert [p.label for p in req.shortfalls] == ["2026-05"]
    assert req.met is False
    # claimable 180 + 0 + 90 + 30 = 300; needed 4 judged months × 90 = 360
    assert (req.claimable, req.needed) == (300.0, 360.0)


def test_planned_activities_after_today_do_not_count() -> None:
    acts = [practice("2026-10-01"), individual("2026-10-30", 90)]
    req = evaluate(BACP, acts, date(2026, 10, 1), date(2026, 10, 20)) \
        .requirement("monthly_supervision")
    assert req.periods[0].status == OPEN and req.claimable == 0.0


# -- BACP registered: no fixed hours, nothing judged ------------------------------------------

def test_bacp_registered_shows_totals_without_judging() -> None:
    # Group of 4 for 60 min → 30 min; training 120 min.
    acts = [group("2026-02-01", 60, 4), act("training", "2026-03-01", 120)]
    progress = evaluate(PROFILES["bacp-registered"], acts, date(2026, 1, 1), date(2026, 6, 1))
    sup, cpd = progress.requirements
    assert (sup.claimable, sup.needed, sup.met) == (30.0, None, None)
    assert (cpd.claimable, cpd.met) == (120.0, None)
    assert progress.met is None


# -- BABCP: groups of up to 6 in full, monthly average allowed ------------------------------------

BABCP = PROFILES["babcp"]


def test_babcp_group_of_six_counts_in_full_and_larger_groups_are_divided() -> None:
    # 90 min in a group of 6 → 90 min (full). 90 min in a group of 8 → 90 ÷ 8 = 11.25 min.
    assert claimable_minutes(BABCP, group("2026-01-05", 90, 6))["monthly_supervision"] == 90.0
    assert claimable_minutes(BABCP, group("2026-01-05", 90, 8))["monthly_supervision"] == 11.25


def test_babcp_averages_supervision_over_the_months() -> None:
    # 120 + 60 + 90 = 270 min over 3 finished months with clients = 3 × 90: met on average,
    # though February alone (60) is below 90, so no shortfall is reported.
    acts = [practice("2026-01-03"), practice("2026-02-03"), practice("2026-03-03"),
            group("2026-01-10", 120, 6), individual("2026-02-10", 60),
            individual("2026-03-10", 90)]
    req = evaluate(BABCP, acts, date(2026, 1, 1), date(2026, 4, 1)) \
        .requirement("monthly_supervision")
    assert req.met is True and req.shortfalls == ()
    assert req.periods[1].status == SHORT  # shown in the months, not a shortfall on average
    # A fourth finished month with nothing: 270 < 4 × 90 = 360 → not met, April reported.
    late = evaluate(BABCP, [*acts, practice("2026-04-03")], date(2026, 1, 1),
                    date(2026, 5, 1)).requirement("monthly_supervision")
    assert late.met is False
    assert [p.label for p in late.shortfalls] == ["2026-02", "2026-04"]


def test_babcp_five_cpd_activities_including_six_hours_of_cbt_workshops() -> None:
    # Workshops tagged "CBT skills": 240 + 180 = 420 min = 7 h ≥ 6 h. Activities: 2 workshops,
    # 1 webinar, 1 reading = 4 < 5; a fifth (a course) makes the count.
    acts = [act("training", "2026-02-01", 240, categories=("CBT skills",)),
            act("conference", "2026-05-01", 180, categories=("cbt-skills",)),
            act("webinar", "2026-06-01", 60), act("reading", "2026-07-01", 90)]
    progress = evaluate(BABCP, acts, date(2026, 1, 1), date(2026, 12, 31))
    workshops = progress.requirement("cbt_workshops")
    assert workshops.claimable == 420.0 and workshops.met is True
    count = progress.requirement("cpd_activities")
    assert (count.measure, count.claimable, count.needed, count.met) == \
        ("activities", 4.0, 5.0, False)
    more = evaluate(BABCP, [*acts, act("training", "2026-09-01", 60)], date(2026, 1, 1),
                    date(2026, 12, 31))
    assert more.requirement("cpd_activities").met is True


# -- UKCP: 250 h per 5 years and 20 h every year of it ----------------------------------------

def test_ukcp_year_under_twenty_hours_is_a_shortfall_though_the_total_is_met() -> None:
    # Cycle 1 Mar 2020 – 28 Feb 2025. Hours per cycle year: 70, 70, 15, 60, 60 = 275 ≥ 250,
    # but year 3 (1 Mar 2022 – 28 Feb 2023) has 15 h < 20 h: 5 h short.
    hours = {2020: 70, 2021: 70, 2022: 15, 2023: 60, 2024: 60}
    acts = [act("training", f"{y}-06-15", h * 60) for y, h in hours.items()]
    progress = evaluate(PROFILES["ukcp"], acts, date(2020, 3, 1), date(2025, 3, 10))
    total = progress.requirement("cpd_total")
    assert total.claimable == 275 * 60 and total.met is True
    yearly = progress.requirement("cpd_yearly")
    [short] = yearly.shortfalls
    assert short.label == "2022-03-01/2023-02-28"
    assert (short.claimable, short.needed, short.shortfall) == (900.0, 1200.0, 300.0)
    assert yearly.periods[3].label == "2023-03-01/2024-02-29"  # leap year ends on the 29th
    assert progress.met is False and progress.days_left == 0


# -- ICF: 40 CCE, ≥24 core of which ≥3 ethics, ≤16 resource development, ≤10 mentoring ------------

def icf_activities() -> list[Activity]:
    return [
        act("training", "2025-02-01", 20 * 60, categories=("Core competencies",)),
        act("training", "2025-03-01", 2 * 60, categories=("ethics",)),
        act("training", "2025-04-01", 20 * 60),            # untagged → resource development
        act("reading", "2025-05-01", 5 * 60, categories=("ethics",)),  # self-study → RD
        act("supervision", "2025-06-01", 12 * 60, format="individual"),
    ]


def test_icf_ethics_minimum_and_resource_development_cap() -> None:
    # Core = mentoring min(12, 10) + ethics 2 + core 20 = 32 ≥ 24.
    # Ethics = 2 < 3: not met, although the ethics reading counts as self-study (RD).
    # Total = 10 + 2 + 20 + min(20 + 5, 16) = 48 CCE ≥ 40; 9 RD hours are over the cap.
    progress = evaluate(PROFILES["icf-pcc"], icf_activities(), date(2025, 1, 1),
                        date(2026, 1, 1))
    total = progress.requirement("cce_total")
    assert total.in_unit(total.claimable) == 48.0 and total.met is True
    rd = next(c for c in total.caps if c.categories == ("self_study", "resource_development"))
    assert (rd.raw, rd.counted, rd.excess) == (25 * 60, 16 * 60, 9 * 60)
    mentoring = next(c for c in total.caps if c.categories == ("mentoring",))
    assert mentoring.excess == 2 * 60
    assert progress.requirement("core_competencies").in_unit(
        progress.requirement("core_competencies").claimable) == 32.0
    ethics = progress.requirement("ethics")
    assert (ethics.in_unit(ethics.claimable), ethics.met) == (2.0, False)
    assert progress.met is False
    # One more hour of ethics training: 3 CCE, met; the cycle has 3 years - 1 year left.
    more = evaluate(PROFILES["icf-pcc"],
                    [*icf_activities(), act("webinar", "2025-07-01", 60,
                                            categories=("Ethics",))],
                    date(2025, 1, 1), date(2026, 1, 1))
    assert more.requirement("ethics").met is True and more.met is True
    assert more.days_left == (date(2028, 1, 1) - date(2026, 1, 1)).days


def test_icf_acc_mentor_coaching_is_spread_over_three_months() -> None:
    # 10 h of mentor coaching in 2 months: hours met, spread (2 < 3 months) not.
    mentor = [act("mentor_coaching", "2025-02-10", 300), act("mentor_coaching", "2025-03-10", 300)]
    acc = PROFILES["icf-acc"]
    req = evaluate(acc, mentor, date(2025, 1, 1), date(2025, 12, 1)) \
        .requirement("mentor_coaching")
    assert (req.claimable, req.months_spread, req.met) == (600.0, 2, False)
    # Moving one hour to May: 300 + 240 + 60 = 600 min over 3 months → met.
    spread = [act("mentor_coaching", "2025-02-10", 300), act("mentor_coaching", "2025-03-10", 240),
              act("mentor_coaching", "2025-05-10", 60)]
    assert evaluate(acc, spread, date(2025, 1, 1), date(2025, 12, 1)) \
        .requirement("mentor_coaching").met is True
    assert "mentor_coaching" not in {r.id for r in PROFILES["icf-mcc"].requirements}
    assert acc.tags_used() == {"ethics", "core_competencies"}  # offered by the UI when logging


# -- EAP / ECP: 250 h over 5 years, ≤30 % of them from one category --------------------------------

def test_eap_thirty_percent_cap_per_category() -> None:
    # Ceiling 30 % × 250 h = 75 h per category. Courses 100 → 75, supervision 100 → 75,
    # conferences 40, personal therapy 30: 75 + 75 + 40 + 30 = 220 < 250, although 270 h logged.
    acts = [act("training", "2021-05-01", 100 * 60), act("supervision", "2022-05-01", 100 * 60),
            act("conference", "2023-05-01", 40 * 60),
            act("personal_therapy", "2024-05-01", 30 * 60)]
    eap = PROFILES["eap-ecp"]
    req = evaluate(eap, acts, date(2021, 1, 1), date(2025, 12, 1)).requirement("cpd_total")
    assert (req.claimable, req.met) == (220 * 60, False)
    assert {c.categories[0]: c.excess for c in req.caps if c.excess} == \
        {"courses": 25 * 60, "supervision": 25 * 60}
    # 40 h on a committee: 220 + 40 = 260 ≥ 250 → met.
    more = [*acts, act("professional_activity", "2024-09-01", 40 * 60)]
    assert evaluate(eap, more, date(2021, 1, 1), date(2025, 12, 1)) \
        .requirement("cpd_total").met is True


# -- EMCC: 1 h of supervision every calendar quarter ----------------------------------------------

def test_emcc_quarter_without_supervision() -> None:
    # Q1 60 min (met), Q2 nothing (short, 60 min needed), Q3 90 min (met), Q4 under way.
    # EMCC does not exempt a quarter for lack of client work: only documented breaks.
    acts = [individual("2026-02-01", 60), individual("2026-08-01", 90)]
    req = evaluate(PROFILES["emcc"], acts, date(2026, 1, 1), date(2026, 10, 15)) \
        .requirement("quarterly_supervision")
    assert [(p.label, p.status) for p in req.periods] == \
        [("2026-Q1", MET), ("2026-Q2", SHORT), ("2026-Q3", MET), ("2026-Q4", OPEN)]
    [short] = req.shortfalls
    assert (short.claimable, short.needed) == (0.0, 60.0)
    # A quarter is exempt only if each of its three months is a documented break.
    breaks = [act("break", d, 0) for d in ("2026-04-01", "2026-05-01", "2026-06-01")]
    req = evaluate(PROFILES["emcc"], acts + breaks, date(2026, 1, 1), date(2026, 10, 15)) \
        .requirement("quarterly_supervision")
    assert req.periods[1].status == EXEMPT and req.met is True
    two = evaluate(PROFILES["emcc"], acts + breaks[:2], date(2026, 1, 1), date(2026, 10, 15))
    assert two.requirement("quarterly_supervision").periods[1].status == SHORT


def test_emcc_yearly_cpd_follows_the_cycle_years() -> None:
    # Cycle from 1 Jul 2024: year 1 = Jul 2024 – Jun 2025 with 10 + 7 = 17 h ≥ 16 h.
    acts = [act("training", "2024-09-01", 600), act("reading", "2025-06-30", 420)]
    req = evaluate(PROFILES["emcc"], acts, date(2024, 7, 1), date(2025, 7, 1)) \
        .requirement("yearly_cpd")
    first = req.periods[0]
    assert (first.label, first.claimable, first.status) == \
        ("2024-07-01/2025-06-30", 1020.0, MET)


# -- custom profile and the generic rule kinds -------------------------------------------------

CUSTOM_SHARE = """
id = "shares"
name = { en = "Shares", fr = "Parts" }
body = "test"
source = "test"
checked_on = 2026-11-01
[cycle]
months = 12
[[categories]]
id = "a"
name = { en = "A" }
kinds = ["training"]
[[categories]]
id = "b"
name = { en = "B" }
kinds = ["reading"]
[[categories]]
id = "c"
name = { en = "C" }
kinds = ["conference"]
[[requirements]]
id = "total"
kind = "total"
name = { en = "Total" }
target = 10
caps = [{ each = true, max_share = 0.5 }]
"""


def test_share_of_the_claimed_total_is_solved_as_a_fixed_point() -> None:
    # Training 100 min, reading 20 min, each ≤ 50 % of the claimed total X:
    # X = 20 + min(100, 0.5 X) → X = 40 (training counts 20, reading 20).
    profile = parse_profile(CUSTOM_SHARE)
    acts = [act("training", "2026-02-01", 100), act("reading", "2026-03-01", 20)]
    req = evaluate(profile, acts, date(2026, 1, 1), date(2026, 6, 1)).requirement("total")
    assert req.claimable == pytest.approx(40.0)
    assert {c.categories: c.counted for c in req.caps} == \
        pytest.approx({("a",): 20.0, ("b",): 20.0, ("c",): 0.0})


def test_custom_profile_counts_supervision_and_training() -> None:
    # Supervision 60 min in each month with clients (1 h target), training 20 h: all met.
    acts = [practice("2026-01-05"), individual("2026-01-06", 60), practice("2026-02-05"),
            individual("2026-02-06", 60), act("webinar", "2026-02-10", 20 * 60)]
    progress = evaluate(PROFILES["custom"], acts, date(2026, 1, 1), date(2026, 3, 1))
    assert progress.met is True
    assert [p.status for p in progress.requirement("monthly_supervision").periods] == \
        [MET, MET, EXEMPT]


@given(st.lists(st.floats(min_value=0, max_value=10_000), min_size=3, max_size=3),
       st.sampled_from([0.2, 0.3, 0.34, 0.5, 0.9, 1.0]))
def test_shares_never_exceed_their_ceiling_nor_what_was_logged(
        amounts: list[float], share: float) -> None:
    req = parse_profile(CUSTOM_SHARE.replace("max_share = 0.5", f"max_share = {share}")) \
        .requirement("total")
    raw = dict(zip(("a", "b", "c"), amounts, strict=True))
    total, caps = apply_caps(req, raw)
    assert total <= sum(amounts) + 1e-6
    assert total == pytest.approx(sum(c.counted for c in caps), abs=1e-6)
    for cap in caps:
        assert cap.counted <= cap.raw + 1e-9
        assert cap.counted <= share * total + 1e-6
    if share * 3 < 1:  # three categories can never reach 100 % of the total
        assert total == pytest.approx(0.0, abs=1e-6)


# -- errors name the key ------------------------------------------------------------------------

@pytest.mark.parametrize(("edit", "key"), [
    (('target = 10', 'target = "ten"'), "requirements[0].target"),
    (('kind = "total"', 'kind = "sum"'), "requirements[0].kind"),
    (('kinds = ["reading"]', 'kinds = ["readings"]'), "categories[1].kinds[0]"),
    (('months = 12', 'month = 12'), "cycle.month"),
    (('max_share = 0.5', 'max_share = 1.5'), "requirements[0].caps[0].max_share"),
    (('checked_on = 2026-11-01', 'checked_on = "yesterday"'), "checked_on"),
    (('body = "test"', 'bdoy = "test"'), "body"),
    (('id = "c"', 'id = "a"'), "categories[2].id"),
    (('[[requirements]]', '[[requirements]]\ncategories = ["z"]'), "requirements[0].categories"),
    (('id = "shares"', 'id = "shares"\nschema = 2'), "schema"),
])
def test_profile_errors_name_the_key(edit: tuple[str, str], key: str) -> None:
    with pytest.raises(ProfileError) as info:
        parse_profile(CUSTOM_SHARE.replace(*edit, 1))
    assert info.value.message.startswith(key + ":")


def test_invalid_toml_is_a_profile_error() -> None:
    with pytest.raises(ProfileError, match="not valid TOML"):
        parse_profile("id = ")


# -- calendar helpers and the chart ------------------------------------------------------------

def test_cycles_follow_each_other_from_the_anchor() -> None:
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    icf = PROFILES["icf-acc"]  # 36 months
    assert cycle_containing(icf, date(2019, 5, 10), date(2025, 5, 9)) == date(2022, 5, 10)
    assert cycle_containing(icf, date(2019, 5, 10), date(2025, 5, 10)) == date(2025, 5, 10)


def test_monthly_hours_by_kind_includes_empty_months() -> None:
    acts = [act("supervision", "2026-01-10", 90), act("training", "2026-01-20", 60),
            act("supervision", "2026-03-01", 30), act("reading", "2026-05-01", 60)]
    months = monthly_hours_by_kind(acts, date(2026, 1, 15), date(2026, 3, 31))
    assert [m.month for m in months] == [date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1)]
    # January from the 15th only: the training (1 h), not the supervision of the 10th
    assert [m.hours for m in months] == [{"training": 1.0}, {}, {"supervision": 0.5}]
