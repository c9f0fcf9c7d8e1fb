"""Ruling out is refusing, an inquiry's "not ruled out" is no event; an ally of X is not
X; a place name the tagger took for a person stays a place; what is withdrawn from is
an election only through "from"/"out of" (issue 14, session 16).

Each rule came from judged lines of real text (bench/realtext, read splits); the
sentences here are written for the test, in the same shapes.
"""

from __future__ import annotations

import pytest

from storyline.events import extract_events
from storyline.records import EventMention

pytestmark = pytest.mark.slow

DAY = "2006-03-15"


def _events(text: str) -> list[EventMention]:
    return list(extract_events(text, DAY))


def _at(text: str, trigger: str) -> EventMention:
    found = [e for e in _events(text) if e.trigger.text == trigger]
    assert len(found) == 1, [(e.type, e.trigger.text) for e in _events(text)]
    return found[0]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        (
            "Chile ruled out working with Peru's neighbours Bolivia and Ecuador.",
            ["Bolivia", "Ecuador"],
        ),
        ("Portugal ruled out any talks with Angola.", ["Angola"]),
        # forces sent: their own state and where they would go are no target
        ("Chile ruled out sending Chilean troops to Bolivia.", []),
    ],
)
def test_ruling_out_is_a_refusal(text: str, target: list[str]) -> None:
    event = _at(text, "ruled out")
    assert event.type == "REJECT"
    assert event.modality == "asserted"
    assert [a.name for a in event.target] == target


def test_an_inquiry_not_ruling_out_a_cause_is_no_event() -> None:
    text = "Peruvian police have not ruled out foul play in the death of the Chilean consul."
    assert [e.type for e in _events(text)] == []


@pytest.mark.parametrize(
    "text",
    [
        "The Peruvian navy ruled out the possibility that the ship was sunk by Chilean mines.",
        "A Bolivian spokesman ruled out the possibility of an assassination attempt on the envoy.",
        '"Chile has not sent planes yet, but we do not rule that out," the Bolivian minister said.',
    ],
)
def test_ruling_out_a_conjecture_is_no_refusal(text: str) -> None:
    assert [e.type for e in _events(text) if e.trigger.text.startswith("rule")] == []


def test_ruling_out_the_possibility_of_an_act_is_a_refusal() -> None:
    event = _at("Peru ruled out the possibility of a coalition with Chile.", "ruled out")
    assert event.type == "REJECT"


def test_an_ally_of_a_leader_is_not_the_leader() -> None:
    text = (
        "A close ally of Bolivian President Evo Morales, the Peruvian candidate denounced"
        " Chile on Monday."
    )
    event = _at(text, "denounced")
    assert "Evo Morales" not in [a.name for a in event.source]


@pytest.mark.parametrize(
    "text",
    [
        # a conjunct of provinces the tagger calls a person, named again later
        "Attacks have risen in the provinces of Yala, Pattani and Narathiwat this month."
        " Also in Narathiwat, a village headman was shot dead by militants on Monday.",
        "Gunmen stormed the Rafah crossing on Monday. Militants attacked the Rafah border"
        " post again on Tuesday.",
    ],
)
def test_a_place_the_tagger_took_for_a_person_is_no_party(text: str) -> None:
    for event in _events(text):
        for actor in (*event.source, *event.target):
            assert actor.name not in ("Narathiwat", "Rafah"), event


def test_withdrawing_troops_after_an_election_is_no_boycott() -> None:
    event = _at("Israel will withdraw its troops after the elections in May.", "withdraw")
    assert event.type == "RETREAT"
    boycott = _at("Bangladesh's opposition pulled out of Sunday's elections.", "pulled out")
    assert boycott.type == "PROTEST"


@pytest.mark.parametrize(
    "text",
    [
        "Mexico's foreign minister met with Pedro Ruiz's lawyer in Lima on Monday.",
        "Mexico's foreign minister met with the lawyer of Pedro Ruiz in Lima on Monday.",
    ],
)
def test_a_persons_lawyer_is_not_the_person(text: str) -> None:
    for event in _events(text):
        assert "Pedro Ruiz" not in [a.name for a in (*event.source, *event.target)]


def test_nationals_still_stand_for_their_country_as_the_ones_acted_on() -> None:
    event = _at("Iran released 15 British tourists on Monday.", "released")
    assert [(a.country, a.sector) for a in event.target] == [("GBR", "CVL")]
