"""Rules from the dev errors of session 5 (issue 14 and 15), one general rule each, on
sentences written here: a reaction is no meeting, a quoted question no request, a
firm's chairman resigning no political retreat, a sports report's countries are teams;
a bare weekday hung on the verb's object dates the verb, "earlier in the day" is the
narrative's day, and a perfect ("have been detained") is not dated by the day the
narrative was at."""

from __future__ import annotations

import pytest

from storyline.events import extract_events
from storyline.events.stage import date_spans

pytestmark = pytest.mark.slow

PUB = "2006-03-15"  # a Wednesday

NO_EVENT = [
    # a reaction, not a meeting
    "The French plan has been met with resistance from Germany's ruling party.",
    # a quoted question, not a request
    'The minister asked her, "Did you ever visit Moscow?"',
    # a parliament killing a motion does not assault anyone
    "The lower house of Japan voted to kill a no-confidence motion against the minister.",
    # a sum of money proposed for a budget is no agreement
    "The Kenyan government has proposed 2 billion dollars for the 2007 budget.",
    # a company's chairman resigning is corporate news
    "Pierre Dubois, chairman and chief executive of the French bank, resigned on Monday.",
    # a trigger inside a hyphenated modifier describes its noun
    "Several WFP-supported programmes in Kenya may close this month.",
    # a sports report: its countries are teams
    (
        "Australia will clash with England in the final of the cricket tournament. The"
        " batsman and the bowler both played in the semifinal, and the coach praised the"
        " squad after the match."
    ),
]


@pytest.mark.parametrize("text", NO_EVENT)
def test_no_event(text: str) -> None:
    events = extract_events(text, PUB)
    assert events == [], [(e.type, e.summary) for e in events]


EVENTS = [
    # (text, type, source countries)
    ("Prime Minister Viktor Orban of Hungary resigned on Monday.", "RETREAT", {"HUN"}),
    ("Russia asked the United States to withdraw its troops from the region.", "REQUEST", {"RUS"}),
    (
        "China warned that countries backing the motion would adversely affect their"
        " relations with Beijing.",
        "THREATEN",
        {"CHN"},
    ),
    (
        "Iran warned Israel on Monday that there would be heavy consequences if it attacked.",
        "THREATEN",
        {"IRN"},
    ),
    ("Russian troops clashed with Georgian forces near the border on Monday.", "ASSAULT", None),
]


@pytest.mark.parametrize(("text", "type_", "src"), EVENTS)
def test_event(text: str, type_: str, src: set[str] | None) -> None:
    events = [e for e in extract_events(text, PUB) if e.type == type_]
    assert events, f"no {type_} in {text!r}: {[e.summary for e in extract_events(text, PUB)]}"
    if src is not None:
        assert {a.country for a in events[0].source} == src


def _date(text: str, word: str) -> dict[str, str | None]:
    i = text.index(word)
    got = date_spans(text, PUB, [(i, i + len(word))])[0]
    assert got is not None
    return got


def test_a_bare_weekday_on_the_object_dates_the_verb() -> None:
    text = (
        "The prime minister, who had asked the UN to extend the mission until Dec. 15,"
        " met European Union diplomats here Monday on the resolution."
    )
    got = _date(text, "met")
    assert (got["date"], got["date_source"]) == ("2006-03-13", "text")


def test_earlier_in_the_day_is_the_narratives_day() -> None:
    text = (
        "Protesters marched through Beirut on Monday. Earlier in the day, the Druze"
        " leader denounced the protest."
    )
    assert _date(text, "denounced")["date"] == "2006-03-13"


def test_a_perfect_is_not_dated_by_the_narratives_earlier_day() -> None:
    text = (
        "Five prisoners escaped from the police cells in the small hours of Monday."
        " Eight policemen have been detained."
    )
    got = _date(text, "detained")
    assert (got["date"], got["date_mod"]) == (PUB, "ON_OR_BEFORE")


def test_a_simple_past_takes_the_narratives_day() -> None:
    text = "Police raided the camp on Monday. Three men were arrested."
    got = _date(text, "arrested")
    assert (got["date"], got["date_source"], got["date_mod"]) == ("2006-03-13", "context", None)


def test_a_name_the_ner_took_for_a_place_is_a_person() -> None:
    text = "Beshir has so far rejected proposals for a hybrid force in Sudan."
    events = extract_events(text, PUB)
    reject = [e for e in events if e.type == "REJECT"]
    assert reject, [e.summary for e in events]
    assert [(a.name, a.kind) for a in reject[0].source] == [("Beshir", "person")]


def test_a_backer_is_not_the_party_that_acts() -> None:
    events = extract_events("Ethiopian-backed forces attacked the Islamists on Monday.", PUB)
    assert all(a.country != "ETH" for e in events for a in e.source)


def test_a_surname_two_named_people_share_is_nobodys() -> None:
    text = (
        "Juan Gomez wrote to the minister on Monday. His brother Pedro Gomez stays in"
        " Miami. Gomez has demanded the return of the boy."
    )
    events = extract_events(text, PUB)
    assert not any(a.name in ("Juan Gomez", "Pedro Gomez") for e in events for a in e.source)


def test_they_points_back_to_what_a_clause_was_about() -> None:
    text = (
        "EU leaders welcomed the progress made by Serbia on Friday. But they urged it to"
        " cooperate with the war crimes court."
    )
    urged = [e for e in extract_events(text, PUB) if e.type == "REQUEST"]
    assert urged
    assert {a.country for a in urged[0].source} == {"IGO"}


def test_who_did_it_is_a_question_not_an_act() -> None:
    text = "Ministers agreed to set up a panel to investigate who shot down the plane."
    assert not [e for e in extract_events(text, PUB) if e.type == "ASSAULT"]


def test_a_place_attacked_is_the_victim() -> None:
    events = extract_events("Israeli troops attacked Nablus on Monday.", PUB)
    assert [e.type for e in events] == ["ASSAULT"]


def test_the_main_clause_date_does_not_date_what_came_before_it() -> None:
    text = "Share prices closed lower Friday after the minister's resignation shook the market."
    got = _date(text, "resignation")
    assert got["date"] != "2006-03-10"


def test_a_postponed_visit_did_not_happen() -> None:
    text = "The Palestinian president has postponed a visit to Jordan that was set for Sunday."
    visits = [e for e in extract_events(text, PUB) if e.type == "CONSULT"]
    assert visits
    assert visits[0].modality == "negated"


def test_what_is_only_claimed_is_hypothetical() -> None:
    text = "Opposition leaders claimed that the prime minister of India promised to back them."
    agree = [e for e in extract_events(text, PUB) if e.type == "AGREE"]
    assert agree
    assert agree[0].modality == "hypothetical"


def test_visits_before_a_dated_return_are_not_dated_by_it() -> None:
    text = "The Egyptian president returned to Cairo on Monday after visits to Russia and China."
    got = _date(text, "visits")
    assert got["date"] != "2006-03-13" or got["date_mod"] == "ON_OR_BEFORE"


def test_a_conjunct_with_its_own_subject_has_its_own_date() -> None:
    text = (
        "The Security Council in August adopted a resolution on Darfur, but the Sudanese"
        " president has so far rejected it."
    )
    assert not _date(text, "rejected")["date"].startswith("2005-08")
