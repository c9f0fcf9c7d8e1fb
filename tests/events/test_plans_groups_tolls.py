"""A bare infinitive hung on the finite verb is the plan's parallel; a nation's
dissident or militant group is not its state; a running toll is no single attack; a
policy encouraging one's own people is no request (issue 14, session 15).

Each rule came from judged lines of real text (bench/realtext, read splits); the
sentences here are written for the test, in the same shapes.
"""

from __future__ import annotations

import pytest

from storyline.events import extract_events
from storyline.records import EventMention

pytestmark = pytest.mark.slow

DAY = "2006-03-15"


def _at(text: str, trigger: str) -> EventMention:
    found = [e for e in extract_events(text, DAY) if e.trigger.text == trigger]
    assert len(found) == 1, [(e.type, e.trigger.text) for e in extract_events(text, DAY)]
    return found[0]


def test_a_bare_verb_beside_an_expected_plan_is_planned_too() -> None:
    text = (
        "During her stay in Chile, Brazilian Foreign Minister Ana Souza is expected to"
        " hold talks with President Luis Mora, and meet Senate leader Pablo Ruiz."
    )
    met = _at(text, "meet")
    assert met.type == "CONSULT"
    assert met.modality == "future"
    assert met.date_mod == "ON_OR_AFTER"


def test_a_conjunct_with_its_own_subject_is_its_own_act() -> None:
    text = "Chile is expected to protest, and Peru met Bolivian envoys on Monday."
    met = _at(text, "met")
    assert met.modality == "asserted"


@pytest.mark.parametrize(
    ("text", "trigger", "name", "sector"),
    [
        ("A Cuban dissident group urged the European Union to act.", "urged", "Cuba", "OPP"),
        ("A Pakistani militant group threatened India.", "threatened", "Pakistan", "REB"),
    ],
)
def test_a_nations_dissident_or_militant_group_is_not_its_state(
    text: str, trigger: str, name: str, sector: str
) -> None:
    event = _at(text, trigger)
    assert [(a.sector, a.kind) for a in event.source] == [(sector, "group")]
    assert event.source[0].name.startswith(name)


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # a running toll is no single attack
        ("At least 40 Nigerien soldiers have been killed since the mutiny began in March.",
         "ASSAULT"),
        ("In all, nine Bolivian miners have been killed in the clashes and dozens hurt.",
         "ASSAULT"),
        ("In October alone, 31 Afghan police officers have been killed.", "ASSAULT"),
        # encouraging one's own people or firms asks no political actor for anything
        ("Ghana encourages local farmers to export more cocoa.", "REQUEST"),
        ("The minister encouraged young people to register as voters.", "REQUEST"),
    ],
)  # fmt: skip
def test_tolls_and_encouraging_ones_own_are_no_events(text: str, type_: str) -> None:
    assert not [e for e in extract_events(text, DAY) if e.type == type_]


def test_a_dated_killing_in_the_perfect_is_an_attack() -> None:
    text = "Two Nigerien soldiers have been killed by a roadside bomb, the army said Monday."
    assert [e.type for e in extract_events(text, DAY)] == ["ASSAULT"]


def test_encouraging_a_state_is_a_request() -> None:
    event = _at("The Nordic ministers encouraged Latvia to join the treaty.", "encouraged")
    assert event.type == "REQUEST"
