"""Two parties joined as one subject act together, and a bare armed group beside a named
party is a party too (issue 14, session 17: recall of clear events).

The sentences are written for the test, in the shapes of missed clear events of the
calib recall gold (bench/realtext, never the test split).
"""

from __future__ import annotations

import pytest

from storyline.events import extract_events
from storyline.records import EventMention

pytestmark = pytest.mark.slow

DAY = "2006-03-15"


def _one(text: str, kind: str) -> EventMention:
    found = [e for e in extract_events(text, DAY) if e.type == kind]
    assert len(found) == 1, [(e.type, e.trigger.text) for e in extract_events(text, DAY)]
    return found[0]


def _sides(e: EventMention) -> tuple[set[str | None], set[str | None]]:
    return {a.country for a in e.source}, {a.country for a in e.target}


def test_two_forces_that_clashed_are_both_sides() -> None:
    e = _one("Peruvian troops and Chilean soldiers clashed on the border on Monday.", "ASSAULT")
    assert sorted(c for side in _sides(e) for c in side if c) == ["CHL", "PER"]
    assert e.source and e.target


def test_clashing_views_are_no_attack() -> None:
    assert [e.type for e in extract_events("Their views clashed on Monday.", DAY)] == []


def test_a_bare_armed_group_beside_a_government_is_the_other_party() -> None:
    e = _one("Nepal's government and the Maoists held talks on Wednesday.", "CONSULT")
    names = {a.name.lower() for a in (*e.source, *e.target)}
    assert "nepal" in names and any("maoist" in n for n in names), names


def test_police_and_protesters_who_clashed_are_both_parties() -> None:
    e = _one("Police and protesters clashed in Cairo on Friday.", "ASSAULT")
    sectors = {a.sector for a in (*e.source, *e.target)}
    assert {"COP", "CVL"} <= sectors, sectors


def test_a_participle_set_off_after_the_clause_is_undergone_by_its_subject() -> None:
    text = (
        "The Peruvian minister resigned on Monday, criticised by Chilean officials for the delay."
    )
    e = _one(text, "ACCUSE")
    assert _sides(e) == ({"CHL"}, {"PER"})


def test_a_meeting_told_as_the_occasion_of_a_saying_is_news() -> None:
    text = "Chilean President Ricardo Lagos said this while meeting the Peruvian delegation."
    e = _one(text, "CONSULT")
    assert _sides(e) == ({"CHL"}, {"PER"})


def test_meeting_visiting_officials_meets_them() -> None:
    text = (
        "Chilean Foreign Minister Alejandro Foxley made the remarks when meeting "
        "visiting Peruvian Trade Minister Mercedes Araoz."
    )
    e = _one(text, "CONSULT")
    assert _sides(e) == ({"CHL"}, {"PER"})


def test_an_act_told_as_the_time_of_another_stays_background() -> None:
    text = "The Chilean envoy was wounded while visiting Peru in 1998, officials said."
    assert "CONSULT" not in [e.type for e in extract_events(text, DAY)]


def test_a_person_and_the_office_in_apposition_are_one_party() -> None:
    text = "Ricardo Lagos, Chilean ambassador for Andean affairs, met Peruvian officials on Monday."
    e = _one(text, "CONSULT")
    assert [a.name for a in e.source] == ["Ricardo Lagos"]


def test_titles_joined_in_an_apposition_are_the_same_party() -> None:
    text = (
        "Chilean Foreign Minister Alejandro Foxley met with Jose Garcia Belaunde, deputy "
        "prime minister and minister of foreign affairs of Peru, on Monday."
    )
    e = _one(text, "CONSULT")
    assert [a.name for a in e.target] == ["Jose Garcia Belaunde"]
