from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.events.merge import merge_mentions
from storyline.records import Actor, EventMention, Evidence

RUS = Actor(id="RUS", name="Russia", country="RUS", sector="GOV")
KOR = Actor(id="KOR", name="South Korea", country="KOR", sector="GOV")
MOON = Actor(id="moon", name="Moon Jae-in", country="KOR", sector="GOV", kind="person")


def _m(
    mid: str,
    doc: str,
    type_: str,
    date: str,
    end: str | None = None,
    src: Actor = MOON,
    tgt: Actor = RUS,
    start: int = 0,
) -> EventMention:
    return EventMention(
        id=mid, document=doc, type=type_, modality="asserted", source=(src,), target=(tgt,),
        date=date, date_end=end, date_source="text",
        evidence=Evidence(doc, start, start + 10, "x" * 10),
        trigger=Evidence(doc, start, start + 5, "visit"), summary="s", confidence=0.8,
    )  # fmt: skip


MENTIONS = [
    _m("a", "d0", "CONSULT", "2018-06"),
    _m("b", "d0", "CONSULT", "2018-06-21", "2018-06-23", start=50),
    _m("c", "d1", "CONSULT", "2018-06-21", "2018-06-23"),
    _m("d", "d1", "AGREE", "2018-06"),
    _m("e", "d2", "CONSULT", "2019", src=RUS, tgt=KOR),
]
STORY = {"d0": "s1", "d1": "s1", "d2": "s2"}


def test_nested_dates_in_one_story_make_one_event_with_the_specific_date() -> None:
    events = merge_mentions(MENTIONS, STORY)
    visits = [e for e in events if e.type == "CONSULT" and e.date.startswith("2018")]
    assert len(visits) == 1
    v = visits[0]
    assert (v.date, v.date_end) == ("2018-06-21", "2018-06-23")
    assert set(v.mentions) == {"a", "b", "c"}
    assert {ev.document for ev in v.evidence} == {"d0", "d1"}


def test_nested_dates_in_different_stories_stay_apart() -> None:
    a, c = MENTIONS[0], MENTIONS[2]  # "June 2018" in one story, "June 21-23" in another
    events = merge_mentions([a, c], {"d0": "s1", "d1": "s9"})
    visits = [e for e in events if e.type == "CONSULT" and e.date.startswith("2018")]
    assert len(visits) == 2


@settings(max_examples=50, deadline=None)
@given(st.permutations(MENTIONS))
def test_merging_is_independent_of_input_order(order: list[EventMention]) -> None:
    assert merge_mentions(order, STORY) == merge_mentions(MENTIONS, STORY)
