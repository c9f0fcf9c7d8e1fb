"""Salience: what makes an event rank higher, one factor at a time."""

from __future__ import annotations

from storyline.timeline.plover import QUAD, event_score
from storyline.timeline.salience import SalienceContext, salience

from .helpers import KOR, LAVROV, PUTIN, event

CTX = SalienceContext(stories={"d0": "s0", "d1": "s0", "d2": "s2"}, mentions={"RUS": 10, "KOR": 3})


def test_independent_sources_raise_salience_and_copies_do_not() -> None:
    one = salience(event("a", docs=("d0",)), CTX)
    copy = salience(event("a", docs=("d0", "d1")), CTX)  # same story
    two = salience(event("a", docs=("d0", "d2")), CTX)
    assert copy == one < two


def test_asserted_beats_planned_beats_hypothetical_beats_negated() -> None:
    values = [salience(event("a", modality=m), CTX)
              for m in ("asserted", "future", "hypothetical", "negated")]  # fmt: skip
    assert values == sorted(values, reverse=True) and len(set(values)) == 4


def test_material_conflict_outranks_verbal_cooperation() -> None:
    assault = salience(event("a", type_="ASSAULT"), CTX)
    aid = salience(event("a", type_="AID"), CTX)
    accuse = salience(event("a", type_="ACCUSE"), CTX)
    consult = salience(event("a", type_="CONSULT"), CTX)
    assert assault > aid > accuse > consult


def test_heads_of_state_and_prominent_actors_count() -> None:
    head = salience(event("a", src=PUTIN, tgt=KOR), CTX)
    minister = salience(event("a", src=LAVROV, tgt=KOR), CTX)
    assert head > minister
    unknown = SalienceContext(stories={}, mentions={"other": 50})
    assert salience(event("a"), CTX) > salience(event("a"), unknown)


def test_every_plover_type_has_a_quad_and_a_signed_score() -> None:
    assert len(QUAD) == 16
    assert event_score("CONSULT", "asserted") > 0 > event_score("SANCTION", "asserted")
    assert event_score("ASSAULT", "asserted") < event_score("THREATEN", "asserted")
    assert event_score("AID", "negated") == 0
    assert event_score("AID", "future") == event_score("AID", "asserted") / 2
