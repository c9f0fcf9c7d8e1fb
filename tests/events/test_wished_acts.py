"""What is only wished or demanded is not told as done, and talks name both sides
(issue 14, session 8).

Each rule came from judged lines and missed clear events of real text (bench/realtext,
dev and calib splits); the sentences here are written for the test, in the same shapes.
"""

from __future__ import annotations

import pytest

from storyline.events import extract_events
from storyline.records import EventMention

pytestmark = pytest.mark.slow

DAY = "2006-03-15"


def _one(text: str, type_: str) -> EventMention:
    found = [e for e in extract_events(text, DAY) if e.type == type_]
    assert len(found) == 1, [(e.type, e.summary) for e in extract_events(text, DAY)]
    return found[0]


@pytest.mark.parametrize(
    ("text", "type_", "modality"),
    [
        # wished of someone else: only hypothetical
        ("Israel wants the European Union to arrest the smugglers at the crossing.",
         "COERCE", "hypothetical"),
        # considered: possible, not planned
        ("Officials said on Sunday that Israel is considering releasing the jailed"
         " Palestinian lawmakers.", "RETREAT", "hypothetical"),
        # a duty, and a demand not to: neither done nor denied
        ("By Friday the police must release the two Greek sailors.", "RETREAT",
         "hypothetical"),
        ("Sunni leaders say US forces should not be withdrawn from Iraq.", "RETREAT",
         "hypothetical"),
        # the subject's own wish stays a plan
        ("Israel plans to release 400 Palestinian prisoners next week.", "RETREAT", "future"),
        # an order given is an act reported as done
        ("President Ahmed ordered the deployment of the army in Dhaka on Saturday.",
         "MOBILIZE", "asserted"),
        # an act that goes on is done, not planned; "will continue" is the plan
        ("Israeli warplanes continued to bomb Gaza on Monday.", "ASSAULT", "asserted"),
        ("Israel said its warplanes will continue to bomb Gaza.", "ASSAULT", "future"),
        # a stance pledged is declared as it is pledged
        ("The Labour party formally pledged support to the new coalition on Monday.",
         "SUPPORT", "asserted"),
        # a lender's support is money, pledged for later
        ("The IMF pledged support for Ukraine's reforms.", "AID", "future"),
    ],
)  # fmt: skip
def test_what_is_wished_or_demanded_is_hypothetical(text: str, type_: str, modality: str) -> None:
    assert _one(text, type_).modality == modality


def test_a_demand_for_someone_to_act_is_hypothetical() -> None:
    text = "The scandal drew calls in Israel for Prime Minister Ehud Olmert to resign."
    e = _one(text, "RETREAT")
    assert e.modality == "hypothetical"


@pytest.mark.parametrize(
    "text",
    [
        "Maoist leaders and Nepal's government began fresh talks on Wednesday.",
        "The government and the rebels held talks in Nairobi on Wednesday.",
    ],
)
def test_talks_of_a_named_and_an_unnamed_party_have_both_sides(text: str) -> None:
    e = _one(text, "CONSULT")
    names = {a.name.lower() for a in (*e.source, *e.target)}
    assert len(names) == 2, names
    assert any("rebels" in n or "maoist" in n for n in names)


def test_his_own_government_is_not_a_partner() -> None:
    found = extract_events(
        "Prime Minister Gedi and his government held consultations in Baidoa.", DAY
    )
    assert not [a for e in found for a in e.target if a.name.lower() == "government"]


def test_deputies_sentenced_are_the_party_acted_on() -> None:
    e = _one(
        "Four former Democracy Party deputies were sentenced in 1995 to 15 years in prison.",
        "COERCE",
    )
    assert [a.name for a in e.target] == ["Democracy Party"]
    assert e.date == "1995"


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        # the forces withdrawn are the doer's own, not whom the act is done to
        ("Israel withdrew settlers and troops from the Gaza Strip in September.",
         ["Israel"], []),
        ("Italy will withdraw 300 soldiers from Iraq in January.", ["Italy"], ["Iraq"]),
        # a passive's withdrawn forces are the doer
        ("Sunni leaders said US forces should not be withdrawn yet.", ["United States"], []),
    ],
)  # fmt: skip
def test_withdrawn_forces_are_the_doers_own(
    text: str, source: list[str], target: list[str]
) -> None:
    e = _one(text, "RETREAT")
    assert [a.name for a in e.source] == source
    assert [a.name for a in e.target] == target


@pytest.mark.parametrize(
    "text",
    [
        "The Congress party withdrew its support for the government on March 30.",
        "France, Germany and Italy all withdrew their backing for the resolution.",
    ],
)
def test_withdrawn_support_is_neither_support_nor_a_retreat(text: str) -> None:
    assert [e.type for e in extract_events(text, DAY)] == []


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("China and Nepal would also sign some cooperative documents on trade.", "future"),
        ("Kamal would on Wednesday hold talks with President Ong Teng Cheong.", "future"),
        ("Iran would attack Israel if it were attacked.", "hypothetical"),
        ("Organizers said the march would be peaceful and Hezbollah deployed thousands of"
         " its men.", "asserted"),
    ],
)  # fmt: skip
def test_would_tells_a_plan_unless_a_condition_governs(text: str, modality: str) -> None:
    """Judged real news: 9 of 12 lines with a bare "would" coded possible were plans;
    a condition still makes an act possible, and a conjunct with its own subject is not
    governed by its neighbour's "would"."""
    (ev,) = [e for e in extract_events(text, "2005-11-30") if e.type != "PROTEST"]
    assert ev.modality == modality


@pytest.mark.parametrize(
    ("text", "date", "modality"),
    [
        # an act that has an aim is under way; talks "expected to begin" still to come
        ("Italy's president said his visit to Turkey was aimed at strengthening ties.",
         "2005-11-22", "asserted"),
        ("Talks between Japan and China are expected to begin.", "2005-11-22", "future"),
        # judged real news took "Bush decided to grant" as the grant made (3 of 4 such
        # lines); a decision still to come stays a plan
        ("The White House said Mr. Bush decided to grant duty-free status to Thailand.",
         "1989-11-02", "asserted"),
        ("Japan will decide to impose sanctions on Iran.", "1989-11-02", "future"),
    ],
)  # fmt: skip
def test_an_aim_or_a_decision_is_no_plan_of_its_own(text: str, date: str, modality: str) -> None:
    (ev,) = extract_events(text, date)
    assert ev.modality == modality
