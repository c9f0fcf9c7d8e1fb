"""The closed vocabularies: declared once as ``Literal`` types, and checked where a
value enters from outside (stored JSON rows, Ray shards, query parameters)."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any, get_args

import pytest

from storyline.engine.ray_codec import decode_document, encode_document
from storyline.errors import StorylineError
from storyline.records import Actor, Document, Event, EventMention, Evidence
from storyline.serialize import (
    actor_from_json,
    actor_json,
    event_from_json,
    event_json,
    event_mention_from_json,
)
from storyline.store.query import EventQuery, QueryError
from storyline.vocab import (
    ACTOR_KINDS,
    DATE_MODS,
    DATE_SOURCES,
    MODALITIES,
    PLOVER_TYPES,
    ActorKind,
    DateMod,
    DateSource,
    Modality,
    PloverType,
    VocabularyError,
    parse_actor_kind,
    parse_date_mod,
    parse_date_source,
    parse_modality,
    parse_plover_type,
)

ACTOR = Actor("RUS", "Russia", "RUS", "GOV", "country")
SPAN = Evidence("d1", 0, 5, "Hello")


def _event() -> Event:
    return Event(
        id="e1",
        type="CONSULT",
        modality="future",
        source=(ACTOR,),
        target=(replace(ACTOR, id="KOR", name="South Korea", country="KOR"),),
        date="2021-03",
        date_source="reported",
        summary="talks",
        evidence=(SPAN,),
        trigger=SPAN,
        confidence=0.5,
        mentions=("m1",),
        date_mod="ON_OR_AFTER",
        also=("AGREE",),
    )


def _mention() -> EventMention:
    return EventMention(
        id="m1",
        document="d1",
        type="SANCTION",
        modality="negated",
        source=(ACTOR,),
        target=(),
        date="2020",
        date_source="context",
        evidence=SPAN,
        trigger=SPAN,
        summary="sanctions",
        confidence=0.4,
        date_mod="ON_OR_BEFORE",
    )


def test_the_tuples_are_the_literals_in_order() -> None:
    assert get_args(PloverType) == PLOVER_TYPES
    assert len(PLOVER_TYPES) == 16 and PLOVER_TYPES[0] == "AGREE" and PLOVER_TYPES[-1] == "ASSAULT"
    assert MODALITIES == get_args(Modality) == ("asserted", "future", "hypothetical", "negated")
    assert DATE_SOURCES == get_args(DateSource) == ("text", "context", "reported")
    assert DATE_MODS == get_args(DateMod) == ("ON_OR_BEFORE", "ON_OR_AFTER")
    assert ACTOR_KINDS == get_args(ActorKind) == ("country", "person", "org", "igo", "group")


def test_every_known_value_parses_to_itself() -> None:
    assert [parse_plover_type(t) for t in PLOVER_TYPES] == list(PLOVER_TYPES)
    assert [parse_modality(m) for m in MODALITIES] == list(MODALITIES)
    assert [parse_date_source(s) for s in DATE_SOURCES] == list(DATE_SOURCES)
    assert [parse_date_mod(m) for m in DATE_MODS] == list(DATE_MODS)
    assert parse_date_mod(None) is None
    assert [parse_actor_kind(k) for k in ACTOR_KINDS] == list(ACTOR_KINDS)


@pytest.mark.parametrize(
    ("parse", "value", "what"),
    [
        (parse_plover_type, "INVADE", "event type"),
        (parse_plover_type, "consult", "event type"),  # stored values are exact
        (parse_plover_type, None, "event type"),
        (parse_modality, "maybe", "modality"),
        (parse_date_source, "guessed", "date source"),
        (parse_date_mod, "BEFORE", "date mod"),
        (parse_date_mod, "", "date mod"),
        (parse_actor_kind, "company", "actor kind"),
    ],
)
def test_an_unknown_value_is_a_vocabulary_error(parse: Any, value: object, what: str) -> None:
    with pytest.raises(VocabularyError, match=f"unknown {what} {value!r}; one of: ") as info:
        parse(value)
    assert isinstance(info.value, StorylineError) and isinstance(info.value, ValueError)
    assert info.value.code == "SL103"


def test_stored_json_round_trips_unchanged() -> None:
    event = _event()
    assert event_from_json(json.loads(json.dumps(event_json(event)))) == event
    mention = _mention()
    assert event_mention_from_json(json.loads(json.dumps(event_json(mention)))) == mention


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("type", "INVADE"),
        ("modality", "probable"),
        ("date_source", "guessed"),
        ("date_mod", "BEFORE"),
        ("also", ["AGREE", "NEGOTIATE"]),
    ],
)
def test_a_stored_event_row_with_an_unknown_value_is_refused(field: str, value: object) -> None:
    for record, read in ((_event(), event_from_json), (_mention(), event_mention_from_json)):
        if field == "also" and read is event_mention_from_json:
            continue  # a mention has no ``also``
        row = event_json(record)
        row[field] = value
        with pytest.raises(VocabularyError):
            read(row)


def test_a_stored_actor_row_with_an_unknown_kind_is_refused() -> None:
    row = dict(actor_json(ACTOR))
    assert actor_from_json(row) == ACTOR
    assert actor_from_json({k: v for k, v in row.items() if k != "kind"}).kind == "country"
    row["kind"] = "company"
    with pytest.raises(VocabularyError, match="unknown actor kind 'company'"):
        actor_from_json(row)
    side = event_json(_event())
    side["source"][0]["kind"] = "nation"
    with pytest.raises(VocabularyError, match="unknown actor kind 'nation'"):
        event_from_json(side)


def test_a_ray_shard_document_with_an_unknown_value_is_refused() -> None:
    doc = Document(id="d1", source="a.txt", raw_text="Hello", text="Hello", events=(_mention(),))
    blob = encode_document(doc)
    assert decode_document(blob) == doc
    for good, bad in (
        ('"type":"SANCTION"', '"type":"EMBARGO"'),
        ('"modality":"negated"', '"modality":"denied"'),
        ('"date_source":"context"', '"date_source":"narrative"'),
        ('"date_mod":"ON_OR_BEFORE"', '"date_mod":"BEFORE"'),
        ('"kind":"country"', '"kind":"state"'),
    ):
        assert good in blob
        with pytest.raises(VocabularyError, match="unknown value"):
            decode_document(blob.replace(good, bad, 1))


def test_query_parameters_are_checked_and_typed() -> None:
    q = EventQuery.build(types=(" consult", "SANCTION", ""), modalities=("Future",))
    assert q.types == ("CONSULT", "SANCTION") and q.modalities == ("future",)
    with pytest.raises(QueryError, match="unknown event type 'INVADE'; one of: AGREE, CONSULT"):
        EventQuery.build(types=("CONSULT", "invade"))
    with pytest.raises(QueryError, match="unknown modality 'maybe'; one of: asserted, future"):
        EventQuery.build(modalities=("maybe",))
