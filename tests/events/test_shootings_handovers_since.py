"""A shooting is an attack, a film's shooting is not; custody handed over is
cooperation, an office or a note handed over is not; people named as the side acted
on are not the sentence's other state; calling a strike is a protest; a year spoken in
words dates the act (issue 14, session 18).

Each rule came from judged lines or missed clear events of real text (bench/realtext,
read splits); the sentences here are written for the test, in the same shapes.
"""

from __future__ import annotations

import pytest

from storyline.events import extract_events
from storyline.records import EventMention

pytestmark = pytest.mark.slow

DAY = "2006-03-15"


def _events(text: str) -> list[EventMention]:
    return list(extract_events(text, DAY))


def _types(text: str) -> list[tuple[str, str]]:
    return [(e.type, e.trigger.text) for e in _events(text)]


def _only(text: str, type_: str) -> EventMention:
    """The one event of ``type_`` the text gives."""
    found = [e for e in _events(text) if e.type == type_]
    assert len(found) == 1, _types(text)
    return found[0]


def test_a_shooting_by_troops_is_an_assault() -> None:
    text = "The shooting of two Peruvian protesters by Bolivian troops on Monday sparked riots."
    event = _only(text, "ASSAULT")
    assert event.trigger.text == "shooting"
    assert event.type == "ASSAULT"
    assert [a.country for a in event.source] == ["BOL"]
    assert event.date == "2006-03-13"


def test_a_film_shooting_is_no_assault() -> None:
    text = "The film shooting in Lima was halted after Peruvian officials withdrew a permit."
    assert ("ASSAULT", "shooting") not in _types(text)


def test_custody_handed_over_is_cooperation() -> None:
    text = "Pakistan handed over two suspects to Afghanistan on Monday."
    event = _only(text, "COOPERATE")
    assert [a.country for a in event.source] == ["PAK"]
    assert [a.country for a in event.target] == ["AFG"]


def test_a_suspect_arrested_and_handed_over_is_cooperation() -> None:
    text = "The suspect was arrested by Pakistani police and handed over to Afghanistan."
    assert ("COOPERATE", "handed over") in _types(text)


@pytest.mark.parametrize(
    "text",
    [
        "Pakistan's prime minister handed over the chair of the bloc to Bangladesh.",
        "The Chilean minister handed over a diplomatic note to Peru's ambassador.",
    ],
)
def test_an_office_or_a_note_handed_over_is_no_cooperation(text: str) -> None:
    assert [t for t, _ in _types(text) if t == "COOPERATE"] == []


def test_people_freed_are_not_the_sentences_other_state() -> None:
    text = (
        "Georgia freed the military officers in October, but the United States has been "
        "urging Moscow to lift its sanctions."
    )
    event = _only(text, "RETREAT")
    assert [a.country for a in event.source] == ["GEO"]
    assert event.target == ()


def test_a_year_spoken_in_words_dates_the_act() -> None:
    text = "The city suffered in nineteen seventy-nine when the Soviet Union invaded Afghanistan."
    event = _only(text, "ASSAULT")
    assert event.date == "1979"


def test_calling_a_general_shutdown_is_a_planned_protest() -> None:
    text = (
        "Bolivia's main opposition party has called a general shutdown on March 20 to "
        "demand the president's resignation."
    )
    event = _only(text, "PROTEST")
    assert event.modality == "future"
    assert event.date == "2006-03-20"
    assert ("REQUEST", "called a general shutdown") not in _types(text)


def test_a_backing_told_as_a_description_stays_background() -> None:
    # "troops backed by tanks", "the EU, backed by the United States": tried as news in
    # session 18 and judged mostly no event (military means, or a description)
    text = "Somali forces backed by Ethiopian troops rolled into Mogadishu on Thursday."
    assert [t for t, _ in _types(text) if t == "SUPPORT"] == []


def test_an_agreement_described_by_its_signing_stays_background() -> None:
    text = "The accords, signed by Israel and the PLO in 1993, collapsed on Monday."
    assert [t for t in _types(text) if t == ("AGREE", "signed")] == []
