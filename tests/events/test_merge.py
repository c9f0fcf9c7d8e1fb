"""Merging mentions into events: within stories, across sources, order-free."""

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.events.merge import date_provenance, merge_mentions
from storyline.records import Actor, EventMention, Evidence

RUS = Actor(id="RUS", name="Russia", country="RUS", sector="GOV")
KOR = Actor(id="KOR", name="South Korea", country="KOR", sector="GOV")
CHN = Actor(id="CHN", name="China", country="CHN", sector="GOV")
MOON = Actor(id="moon", name="Moon Jae-in", country="KOR", sector="GOV", kind="person")

VISIT = "Moon Jae-in paid an official visit to Russia in June 2018 for talks with Putin."
VISIT2 = "South Korean President Moon Jae-in paid a state visit to Russia, meeting Putin."
OTHER = "Officials in Moscow said a delegation travelled to Seoul for a trade fair."


def _m(
    mid: str,
    doc: str,
    type_: str,
    date: str,
    end: str | None = None,
    src: tuple[Actor, ...] = (MOON,),
    tgt: tuple[Actor, ...] = (RUS,),
    start: int = 0,
    text: str = VISIT,
    trigger: str = "visit",
    modality: str = "asserted",
) -> EventMention:
    return EventMention(
        id=mid, document=doc, type=type_, modality=modality, source=src, target=tgt,
        date=date, date_end=end, date_source="text",
        evidence=Evidence(doc, start, start + len(text), text),
        trigger=Evidence(doc, start, start + len(trigger), trigger), summary="s", confidence=0.8,
    )  # fmt: skip


MENTIONS = [
    _m("a", "d0", "CONSULT", "2018-06"),
    _m("b", "d0", "CONSULT", "2018-06-21", "2018-06-23", start=50),
    _m("c", "d1", "CONSULT", "2018-06-21", "2018-06-23"),
    _m("d", "d1", "AGREE", "2018-06", text=OTHER, trigger="invited"),
    _m("e", "d2", "CONSULT", "2019", src=(RUS,), tgt=(KOR,), text=OTHER),
    _m("f", "d3", "CONSULT", "2018-06", text=VISIT2),
    _m("g", "d4", "SANCTION", "2023-11", src=(KOR,), tgt=(RUS,), text=OTHER, trigger="curbs"),
    _m(
        "h",
        "d5",
        "SANCTION",
        "2023-12-05",
        src=(KOR,),
        tgt=(RUS, CHN),
        text="Seoul tightened export curbs on Moscow and Beijing for dual-use items.",
        trigger="curbs",
    ),
    _m(
        "i",
        "d6",
        "SANCTION",
        "2023-12",
        src=(KOR,),
        tgt=(RUS,),
        text="Seoul tightened export curbs on Moscow for dual-use items, officials said.",
        trigger="curbs",
    ),
]
STORY = {"d0": "s1", "d1": "s1", "d2": "s2", "d3": "s3", "d4": "s4", "d5": "s5", "d6": "s6"}


def test_nested_dates_in_one_story_make_one_event_with_the_specific_date() -> None:
    events = merge_mentions(MENTIONS[:5], STORY)
    visits = [e for e in events if e.type == "CONSULT" and e.date.startswith("2018")]
    assert len(visits) == 1
    v = visits[0]
    assert (v.date, v.date_end) == ("2018-06-21", "2018-06-23")
    assert set(v.mentions) == {"a", "b", "c"}
    assert {ev.document for ev in v.evidence} == {"d0", "d1"}


def test_nested_dates_in_different_stories_stay_apart_when_the_evidence_differs() -> None:
    a = _m("a", "d0", "CONSULT", "2018-06", text=OTHER)
    c = MENTIONS[2]  # "June 21-23" in another story, about something else
    events = merge_mentions([a, c], {"d0": "s1", "d1": "s9"})
    assert len([e for e in events if e.type == "CONSULT"]) == 2


def test_nested_dates_across_sources_merge_when_the_sentences_are_alike() -> None:
    f, c = MENTIONS[5], MENTIONS[2]  # "June 2018" (outlet 3) and "June 21-23" (outlet 1)
    events = merge_mentions([f, c], STORY)
    assert len(events) == 1
    e = events[0]
    assert (e.date, e.date_end) == ("2018-06-21", "2018-06-23")  # the most specific date
    assert {ev.document for ev in e.evidence} == {"d1", "d3"}
    assert date_provenance(e, {m.id: m for m in (f, c)}) == ["c"]


def test_overlapping_sides_merge_when_dates_nest_and_sentences_agree() -> None:
    events = merge_mentions(MENTIONS[6:], STORY)
    sanctions = [e for e in events if e.type == "SANCTION"]
    # h (RUS+CHN, Dec 5) and i (RUS, December) say the same; g is about something else
    joined = next(e for e in sanctions if "h" in e.mentions)
    assert set(joined.mentions) == {"h", "i"}
    assert joined.date == "2023-12-05"
    assert {a.country for a in joined.target} == {"RUS", "CHN"}
    assert len(sanctions) == 2


def test_a_copy_inside_one_story_counts_once() -> None:
    one = merge_mentions([MENTIONS[1], MENTIONS[2]], STORY)[0]  # two docs, one story
    two = merge_mentions([MENTIONS[1], MENTIONS[2]], {"d0": "s1", "d1": "s2"})[0]
    assert one.confidence < two.confidence


def test_event_id_is_stable_when_another_source_adds_a_citation() -> None:
    before = merge_mentions(MENTIONS[1:3], STORY)
    after = merge_mentions([*MENTIONS[1:3], MENTIONS[5]], STORY)
    assert [e.id for e in before] == [e.id for e in after]
    assert len(after[0].evidence) == len(before[0].evidence) + 1


def test_talks_merge_whichever_side_is_named_first() -> None:
    x = _m("x", "d0", "CONSULT", "2021-03-25", src=(RUS,), tgt=(KOR,))
    y = _m("y", "d9", "CONSULT", "2021-03-25", src=(KOR,), tgt=(RUS,))
    assert len(merge_mentions([x, y], {})) == 1


def test_different_modalities_never_merge() -> None:
    x = _m("x", "d0", "CONSULT", "2021-03-25")
    y = _m("y", "d9", "CONSULT", "2021-03-25", modality="future")
    assert len(merge_mentions([x, y], {})) == 2


@settings(max_examples=60, deadline=None)
@given(st.permutations(MENTIONS))
def test_merging_is_independent_of_input_order(order: list[EventMention]) -> None:
    assert merge_mentions(order, STORY) == merge_mentions(MENTIONS, STORY)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(MENTIONS), min_size=1, max_size=12))
def test_every_mention_lands_in_exactly_one_event(picked: list[EventMention]) -> None:
    events = merge_mentions(picked, STORY)
    ids = [mid for e in events for mid in e.mentions]
    assert sorted(ids) == sorted({m.id for m in picked})
    for e in events:
        assert e.evidence, "an event without a citation"


# --------------------------------------------------------------------------- time and identity

ATTACK = "Gunmen attacked the embassy in the capital, killing two guards, police said."
USA = Actor(id="USA", name="United States", country="USA", sector="GOV")
UNION = Actor(id="org-guild", name="Writers Guild", country="USA", sector="LAB", kind="org")
BIDEN = Actor(id="biden", name="Joe Biden", country="USA", sector="GOV", kind="person")
MILITANTS = Actor(id="grp-militants", name="militants", country=None, kind="group")
GUERRILLAS = Actor(id="grp-guerrillas", name="guerrillas", country=None, kind="group")


def _undated(mid: str, doc: str, published: str, text: str = ATTACK, **kw: object) -> EventMention:
    m = _m(mid, doc, kw.pop("type_", "ASSAULT"), published, text=text,  # type: ignore[arg-type]
           trigger=kw.pop("trigger", "attacked"), **kw)  # type: ignore[arg-type]  # fmt: skip
    return replace(m, date_source="reported", date_mod="ON_OR_BEFORE")


def test_a_reprint_a_day_later_adds_no_event() -> None:
    a = _undated("a", "d0", "2006-03-15")
    b = _undated("b", "d1", "2006-03-16")
    (event,) = merge_mentions([a, b], {"d0": "s", "d1": "s"})
    assert (event.date, event.date_mod) == ("2006-03-15", "ON_OR_BEFORE")  # the earlier bound
    assert {ev.document for ev in event.evidence} == {"d0", "d1"}


def test_a_republication_a_week_later_is_one_event_at_the_earliest_reading() -> None:
    # "on Tuesday" read against each copy's own publication day: a week apart
    a = _m("a", "d0", "ASSAULT", "2006-03-14", text=ATTACK, trigger="attacked")
    b = _m("b", "d1", "ASSAULT", "2006-03-21", text=ATTACK, trigger="attacked")
    (event,) = merge_mentions([a, b], {"d0": "s", "d1": "s"})
    assert event.date == "2006-03-14"
    # two outlets' different stories of two attacks a week apart stay apart
    assert len(merge_mentions([a, b], {"d0": "s", "d1": "t"})) == 2


def test_an_undated_report_joins_the_dated_report_of_the_same_act() -> None:
    dated = _m("a", "d0", "ASSAULT", "2006-03-13", text=ATTACK, trigger="attacked")
    undated = _undated("b", "d1", "2006-03-15", text=ATTACK.replace("police", "officials"))
    (event,) = merge_mentions([dated, undated], {})
    assert (event.date, event.date_mod, event.date_source) == ("2006-03-13", None, "text")
    old = _undated("c", "d2", "2006-09-15")  # half a year later: another act
    assert len(merge_mentions([dated, old], {})) == 2


def test_same_day_acts_of_unrelated_actors_of_one_country_are_not_fused() -> None:
    deal = "The union reached a tentative agreement with studios to end the strike."
    bill = "The president agreed with lawmakers on a spending bill on Tuesday."
    a = _m("a", "d0", "AGREE", "2023-09-26", src=(UNION,), tgt=(), text=deal, trigger="agreement")
    b = _m("b", "d1", "AGREE", "2023-09-26", src=(BIDEN,), tgt=(), text=bill, trigger="agreed")
    assert len(merge_mentions([a, b], {})) == 2
    # while two states' same-day act is one event whatever the wording
    c = _m("c", "d2", "AGREE", "2023-09-26", src=(USA,), tgt=(KOR,), text=bill, trigger="agreed")
    d = _m("d", "d3", "AGREE", "2023-09-26", src=(BIDEN,), tgt=(KOR,), text=deal, trigger="deal")
    assert len(merge_mentions([c, d], {})) == 1


def test_unnamed_groups_meet_when_the_sentences_agree() -> None:
    text = "Indian border guards shot dead {} militants here Monday after a grenade attack."
    india = Actor(id="IND", name="India", country="IND", sector="MIL")
    a = _m("a", "d0", "ASSAULT", "1997-04-07", src=(india,), tgt=(MILITANTS,),
           text=text.format("two"), trigger="shot")  # fmt: skip
    b = _m("b", "d1", "ASSAULT", "1997-04-07", src=(india,), tgt=(GUERRILLAS,),
           text=text.format("four"), trigger="shot")  # fmt: skip
    assert len(merge_mentions([a, b], {})) == 1


def test_a_side_left_empty_meets_the_named_one_when_the_sentences_agree() -> None:
    named = _m("a", "d0", "REJECT", "2006-11-11", src=(USA,), tgt=(KOR,),
               text="The United States on Saturday vetoed the draft resolution.",
               trigger="vetoed")  # fmt: skip
    bare = _undated("b", "d1", "2006-11-12", text="Arab states regretted the US veto of the draft.",
                    type_="REJECT", trigger="veto", src=(USA,), tgt=())  # fmt: skip
    (event,) = merge_mentions([named, bare], {})
    assert [a.id for a in event.target] == ["KOR"]


def test_one_statement_is_one_line_of_the_type_named_first() -> None:
    said = "French Foreign Minister Herve de Charette denounced the ultimatum and urged access."
    fra = Actor(id="FRA", name="France", country="FRA", sector="GOV")
    denounce = _undated("a", "d0", "1996-11-05", text=said, type_="ACCUSE", trigger="denounced",
                        src=(fra,), tgt=())  # fmt: skip
    urge = _undated("b", "d0", "1996-11-05", text=said, type_="REQUEST", trigger="urged",
                    src=(fra,), tgt=())  # fmt: skip
    urge = replace(urge, trigger=Evidence("d0", 52, 57, "urged"))
    (event,) = merge_mentions([urge, denounce], {})
    assert (event.type, event.also) == ("ACCUSE", ("REQUEST",))
    assert set(event.mentions) == {"a", "b"} and event.trigger.text == "denounced"
    # acts of different doers, or a material act, stay lines of their own
    other = replace(urge, id="c", source=(USA,))
    assert len(merge_mentions([denounce, other], {})) == 2
    strike = replace(urge, id="d", type="ASSAULT")
    assert len(merge_mentions([denounce, strike], {})) == 2


def test_a_headline_and_its_lede_are_one_act() -> None:
    head = "AU delegation visits Uganda"
    lede = "An African Union mission arrived in Kampala on Monday for talks with officials."
    au = Actor(id="IGO", name="African Union", country="IGO", sector="GOV", kind="igo")
    uga = Actor(id="UGA", name="Uganda", country="UGA", sector="GOV")
    a = _undated("a", "d0", "2006-11-07", text=head, type_="CONSULT", trigger="visits",
                 src=(au,), tgt=(uga,))  # fmt: skip
    b = _undated("b", "d0", "2006-11-07", text=lede, type_="CONSULT", trigger="talks",
                 src=(au,), tgt=(), start=40)  # fmt: skip
    (event,) = merge_mentions([a, b], {})
    assert [x.id for x in event.target] == ["UGA"]
    far = replace(b, id="c", evidence=Evidence("d0", 2000, 2000 + len(lede), lede))
    assert len(merge_mentions([a, far], {})) == 2  # deep in the article: another act


def test_a_joined_statement_keeps_its_lead_acts_sides() -> None:
    said = "The EU supports the resolution and encourages Lebanon to apply it."
    eu = Actor(id="EU", name="European Union", country=None, sector="IGO", kind="organization")
    lbn = Actor(id="LBN", name="Lebanon", country="LBN", sector="GOV")
    back = _undated("a", "d0", "2006-08-12", text=said, type_="SUPPORT", trigger="supports",
                    src=(eu,), tgt=())  # fmt: skip
    urge = _undated("b", "d0", "2006-08-12", text=said, type_="REQUEST", trigger="encourages",
                    src=(eu,), tgt=(lbn,))  # fmt: skip
    urge = replace(urge, trigger=Evidence("d0", 39, 49, "encourages"))
    (event,) = merge_mentions([urge, back], {})
    assert (event.type, event.also) == ("SUPPORT", ("REQUEST",))
    # Lebanon is whom the EU urged, not what it supported: the line has no target
    assert [a.id for a in event.source] == ["EU"] and event.target == ()
    assert set(event.mentions) == {"a", "b"}
