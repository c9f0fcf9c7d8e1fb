"""Modality of acts inside plans (issue 14, session 19): a plan that "was to have" happened
fell through; a prevention denied lets the act go ahead; an act a noun names as past
("their talks last month") was held, whatever plan the sentence around it tells.

Each rule came from judged lines of real text (bench/realtext, read splits); the
sentences here are written for the test, in the same shapes.
"""

from __future__ import annotations

import pytest

from storyline.events import extract_events
from storyline.events.coder import code_document
from storyline.events.stage import annotate
from storyline.records import EventMention

pytestmark = pytest.mark.slow

DAY = "2006-03-15"  # a Wednesday


def _events(text: str) -> list[EventMention]:
    return list(extract_events(text, DAY))


def _only(text: str, type_: str, trigger: str) -> EventMention:
    found = [e for e in _events(text) if e.type == type_ and e.trigger.text == trigger]
    assert len(found) == 1, [(e.type, e.trigger.text, e.modality) for e in _events(text)]
    return found[0]


#: (text, trigger, type, modality, date): one event each, told as the rules say.
CASES = [
    # "was to have" done: a plan that fell through
    ("Chilean President Michelle Bachelet was to have flown to Lima on Monday for a "
     "meeting with Peruvian President Alejandro Toledo.",
     "meeting", "CONSULT", "negated", None),
    # "is to" do: still a plan, and its Friday lies ahead (not taken for a past day)
    ("Chilean President Michelle Bachelet is to fly to Lima on Friday for a meeting "
     "with Peruvian President Alejandro Toledo.",
     "meeting", "CONSULT", "future", "2006-03-17"),
    # a prevention denied lets the visit go ahead
    ("German Foreign Minister Frank-Walter Steinmeier said the attacks would not "
     "prevent him from visiting Lebanon on Friday.",
     "visiting", "CONSULT", "future", None),
    # talks named as past are held, though the briefing on them is planned
    ("A spokesman said Abbas would in turn inform Mubarak about his talks earlier this "
     "month with Israeli Prime Minister Ehud Olmert.",
     "talks", "CONSULT", "asserted", "2006-03"),
    # talks planned for next month stay planned
    ("Egyptian President Hosni Mubarak will hold talks next month with Israeli Prime "
     "Minister Ehud Olmert.",
     "hold talks", "CONSULT", "future", None),
    # a date on the phrase's noun dates the talks
    ("Japanese Prime Minister Junichiro Koizumi and Chinese President Hu Jintao will "
     "hold their first talks in mid-April on the sidelines of the forum in Bangkok, "
     "Kyodo News reported on Wednesday.",
     "hold their first talks", "CONSULT", "future", "2006-04"),
    ("Indian Prime Minister Manmohan Singh and Pakistani President Pervez Musharraf "
     "held talks on Tuesday in New Delhi.",
     "held talks", "CONSULT", "asserted", "2006-03-14"),
    # the doer of an active verb of planning is not planned: talks that resumed were held
    ("Talks between Ethiopia and Eritrea resumed in Algiers on Monday.",
     "Talks", "CONSULT", "asserted", "2006-03-13"),
    # a struggle to reach a deal is an attempt, not the deal
    ("Fatah and Hamas struggled for months to reach a power-sharing agreement.",
     "reach a power-sharing agreement", "AGREE", "hypothetical", None),
    # ... but talks expected to resume are a plan
    ("Talks between Ethiopia and Eritrea are expected to resume in Algiers next week.",
     "Talks", "CONSULT", "future", None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "trigger", "type_", "modality", "date"), CASES)
def test_plans_and_past_acts(
    text: str, trigger: str, type_: str, modality: str, date: str | None
) -> None:
    event = _only(text, type_, trigger)
    assert event.modality == modality
    if date is not None:
        assert event.date == date


def test_a_prevention_denied_keeps_its_target() -> None:
    text = (
        "German Foreign Minister Frank-Walter Steinmeier said the attacks would not "
        "prevent him from visiting Lebanon on Friday."
    )
    assert [a.country for a in _only(text, "CONSULT", "visiting").target] == ["LBN"]


def test_a_prevention_keeps_the_act_hypothetical() -> None:
    text = (
        "German Foreign Minister Frank-Walter Steinmeier said the attacks were meant to "
        "prevent him from visiting Lebanon."
    )
    visits = [e for e in _events(text) if e.trigger.text == "visiting"]
    assert visits
    assert all(e.modality not in ("asserted", "future") for e in visits)


def test_a_meeting_dated_before_the_news_inside_a_plan_was_held() -> None:
    text = (
        "Officials said the new rules would implement the decisions made by Egyptian "
        "President Hosni Mubarak and Jordan's King Abdullah during their joint meeting "
        "with US President George W. Bush in January."
    )
    events = [e for e in _events(text) if e.trigger.text == "meeting"]
    assert events
    assert all(e.modality == "asserted" for e in events)
    assert all(e.date == "2006-01" for e in events)


def _coded(text: str) -> list[EventMention]:
    """Every mention the coder makes, whatever its confidence (no admission floor)."""
    return list(code_document(annotate(text, DAY), 0.0))


def test_an_act_inside_a_claim_is_only_alleged() -> None:
    text = (
        "On Friday the freed hostages reiterated claims that Peruvian commandos executed "
        "two rebels on Tuesday."
    )
    found = [e for e in _coded(text) if e.trigger.text == "executed"]
    assert [(e.modality, e.date) for e in found] == [("hypothetical", "2006-03-14")]


def test_the_day_a_claim_is_made_does_not_date_the_act() -> None:
    text = (
        "On Friday the freed hostages reiterated claims that Peruvian commandos executed "
        "two rebels who had surrendered."
    )
    assert all(e.date != "2006-03-10" for e in _coded(text) if e.trigger.text == "executed")
    told = "On Friday the freed hostages said Peruvian commandos executed two rebels."
    assert [e.date for e in _coded(told) if e.trigger.text == "executed"]


def test_the_same_act_told_as_fact_is_asserted() -> None:
    text = (
        "On Friday the freed hostages said that Peruvian commandos executed two rebels "
        "who had surrendered."
    )
    found = [e for e in _coded(text) if e.trigger.text == "executed"]
    assert [e.modality for e in found] == ["asserted"]
