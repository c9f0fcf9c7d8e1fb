"""No one acted on is a denial, and a toll since an event stays a toll when a clause
about that event names a weekday (issue 14, session 17; shapes of judged lines of the
read splits, sentences written for the test)."""

from __future__ import annotations

import pytest

from storyline.events import extract_events

pytestmark = pytest.mark.slow

DAY = "2006-03-15"


@pytest.mark.parametrize(
    "text",
    [
        "No Peruvian policemen were killed in the clash, officials said.",
        "Chilean troops killed no Peruvian civilians on Monday.",
    ],
)
def test_no_one_acted_on_is_negated(text: str) -> None:
    found = extract_events(text, DAY)
    assert found and all(e.modality == "negated" for e in found), found


def test_someone_acted_on_is_asserted() -> None:
    found = extract_events("Chilean troops killed two Peruvian civilians on Monday.", DAY)
    assert [e.modality for e in found] == ["asserted"]


def test_a_toll_since_an_event_is_no_attack_whatever_its_clause_says() -> None:
    text = (
        "Some 2,000 Peruvian soldiers have been killed since the 2003 invasion, "
        "which the president admitted Wednesday had been a mistake."
    )
    assert [e.type for e in extract_events(text, DAY) if e.trigger.text == "killed"] == []


def test_a_toll_since_a_weekday_is_the_days_fighting() -> None:
    text = "At least 40 Peruvian soldiers have been killed since Wednesday, officials said."
    assert [e.type for e in extract_events(text, DAY)] == ["ASSAULT"]


def test_a_day_hung_on_the_party_met_dates_the_meeting() -> None:
    text = (
        "Chinese senior adviser Wang Gang met with a Japanese delegation here on Wednesday, "
        "encouraging Chinese and Japanese civic groups to enhance exchanges."
    )
    met = [e for e in extract_events(text, "2006-03-17") if e.type == "CONSULT"]
    assert [(e.date, e.date_source) for e in met] == [("2006-03-15", "text")]


def test_a_clause_of_time_with_its_own_year_keeps_the_narratives_day_off() -> None:
    text = (
        "Peru's copper exports fell sharply on Sunday, the survey reported on Monday. "
        "Chile imposed sanctions on Peru after it invaded Bolivia in 1990."
    )
    (e,) = [e for e in extract_events(text, "1997-04-28") if e.type == "SANCTION"]
    assert e.date_source != "context", (e.date, e.date_source)


def test_acts_held_daily_are_a_habit() -> None:
    text = "For weeks the Peruvian government has held such rallies almost daily."
    assert extract_events(text, DAY) == []


def test_acts_held_on_a_day_stay() -> None:
    text = "The Peruvian opposition held rallies in Lima on Sunday."
    assert [e.type for e in extract_events(text, DAY)] == ["PROTEST"]


def test_urging_that_nothing_happen_is_still_urged() -> None:
    text = "The Chilean defence minister urged no further delay in the talks with Peru."
    assert [e.modality for e in extract_events(text, DAY) if e.type == "REQUEST"] == ["asserted"]


def test_the_day_something_takes_effect_does_not_date_the_act() -> None:
    text = "Mercosur accepted Venezuela as a full member, effective January 1."
    found = [e for e in extract_events(text, "2006-12-15") if e.trigger.text == "accepted"]
    assert found and all(e.date != "2006-01-01" and e.modality == "asserted" for e in found)


def test_a_customs_service_is_a_state_organ() -> None:
    text = "Hong Kong Customs officers arrested two smugglers on Monday."
    (e,) = extract_events(text, DAY)
    assert (e.type, [a.sector for a in e.source]) == ("COERCE", ["COP"])


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        (
            "Peruvian officials rounded on the Chilean defence minister for the remark.",
            "rounded on",
        ),
        ("A Peruvian judge issued an arrest warrant for a former Chilean general.", "issued"),
    ],
)
def test_rounding_on_and_warrants_are_accusations(text: str, trigger: str) -> None:
    found = [e for e in extract_events(text, DAY) if e.trigger.text.startswith(trigger)]
    assert [e.type for e in found] == ["ACCUSE"]


def test_rallies_organized_by_a_nations_communists_are_theirs() -> None:
    text = "Rallies organized by the Peruvian communists were held in Lima on Monday."
    found = [e for e in extract_events(text, DAY) if e.type == "PROTEST"]
    assert found and all([a.country for a in e.source] == ["PER"] for e in found), found
