"""Plain-language lines: the trigger's own words, in the modality's verb form."""

from __future__ import annotations

import pytest

from storyline.headline import event_tags, headline, load_rules, past_tense
from storyline.records import Actor, Event, Evidence
from storyline.serialize import event_from_json, event_json

from .helpers import KOR, PUTIN, RUS

PRK = Actor(id="PRK", name="North Korea", country="PRK", sector="GOV")
POLICE = Actor(id="police", name="Police", country="GBR", sector="COP", kind="organization")
PEOPLE = Actor(id="people", name="three people", country=None, kind="group")


def make(
    sentence: str,
    trigger: str,
    type_: str,
    *,
    modality: str = "asserted",
    src: tuple[Actor, ...] = (KOR,),
    tgt: tuple[Actor, ...] = (RUS,),
    mode: str | None = None,
) -> Event:
    at = sentence.index(trigger)
    return Event(
        id="e1", type=type_, modality=modality, source=src, target=tgt, date="2024-01-01",
        date_source="text", summary="s", evidence=(Evidence("d1", 100, 100 + len(sentence),
        sentence),), trigger=Evidence("d1", 100 + at, 100 + at + len(trigger), trigger),
        confidence=0.8, mentions=("m",), mode=mode,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("base", "past"),
    [("tighten", "tightened"), ("agree", "agreed"), ("meet", "met"), ("ban", "banned"),
     ("deploy", "deployed"), ("ally", "allied"), ("visit", "visited"), ("expel", "expelled"),
     ("send", "sent")],
)  # fmt: skip
def test_past_tense(base: str, past: str) -> None:
    assert past_tense(base) == past


def test_asserted_act_in_the_past_with_the_sentences_preposition() -> None:
    e = make(
        "Last December South Korea tightened its export controls on Moscow for dual-use items.",
        "tightened its export controls", "SANCTION",
    )  # fmt: skip
    assert headline(e) == "South Korea tightened its export controls on Russia"


def test_planned_possible_and_negated_acts() -> None:
    visit = "Russian President Vladimir Putin will pay an official visit to South Korea soon."
    e = make(visit, "visit", "CONSULT", modality="future", src=(PUTIN,), tgt=(KOR,), mode="visit")
    assert headline(e) == "Vladimir Putin will visit South Korea"
    plan = "Pyongyang announced plans to deploy troops in Kaesong."
    assert headline(make(plan, "deploy", "MOBILIZE", modality="future", src=(PRK,), tgt=())) == (
        "North Korea plans to deploy troops"
    )
    may = "South Korea may be removed from the list if it revokes the sanctions it imposed."
    assert headline(make(may, "revokes the sanctions", "CONCEDE", modality="hypothetical",
                         tgt=())) == "South Korea may revoke the sanctions"  # fmt: skip
    denied = "Seoul did not sign the agreement with Moscow."
    assert headline(make(denied, "sign", "AGREE", modality="negated")) == (
        "South Korea did not sign the agreement with Russia"
    )


def test_direct_object_and_noun_triggers() -> None:
    arrest = "Police arrested three people outside the embassy."
    assert headline(make(arrest, "arrested", "COERCE", src=(POLICE,), tgt=(PEOPLE,))) == (
        "Police arrested three people"
    )
    treaty = "In 1884 a commerce treaty between Korea and Russia was signed."
    assert headline(make(treaty, "treaty", "AGREE")) == "South Korea concluded a treaty with Russia"


def test_a_word_of_another_type_is_not_the_doers_act() -> None:
    """In a REQUEST that Seoul revoke sanctions, "revokes" is not what Russia did."""
    e = make("Russia said Seoul may leave the list if it revokes the sanctions.", "revokes",
             "REQUEST", modality="hypothetical", src=(RUS,), tgt=(KOR,))  # fmt: skip
    line = headline(e)
    assert "revoke" not in line and line.startswith("Russia may ")


def test_no_source_is_said_so_and_nothing_is_invented() -> None:
    e = make("He will discuss the situation with Choe.", "discuss", "CONSULT",
             modality="future", src=(), tgt=(PRK,))  # fmt: skip
    line = headline(e)
    assert line == "An unnamed party will discuss the situation with North Korea"


def test_tags_and_json_round_trip() -> None:
    e = make("Putin may visit Seoul.", "visit", "CONSULT", modality="hypothetical",
             src=(PUTIN,), tgt=(KOR,), mode="visit")  # fmt: skip
    assert event_tags(e) == ["CONSULT", "visit", "possible"]
    data = event_json(e)
    assert data["headline"] == "Vladimir Putin may visit South Korea"
    assert data["tags"] == ["CONSULT", "visit", "possible"]
    assert event_from_json(data) == e  # derived fields are not read back


def test_every_modality_has_a_verb_form() -> None:
    rules = load_rules()
    from storyline.records import MODALITIES

    assert set(MODALITIES) <= set(rules.modality)
