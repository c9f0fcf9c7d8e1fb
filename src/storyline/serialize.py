"""Records to and from the JSON contract (documented in the README).

The contract's shapes are declared once, here, as ``TypedDict``s: mypy checks that the
functions below build exactly them, the CLI prints what they build, and the HTTP API
(``storyline.api.models``) documents and validates its bodies with the same classes
(pydantic reads a ``typing_extensions.TypedDict``; nothing here imports pydantic, so
the CLI does not load it).

Output is deterministic: keys sorted by the caller's ``json.dumps(sort_keys=True)``
and no field depends on time or input order.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NotRequired, cast

from typing_extensions import TypedDict

from storyline.headline import event_tags, headline
from storyline.records import Actor, Event, EventMention, Evidence, Timex
from storyline.vocab import (
    ActorKind,
    DateMod,
    DateSource,
    Modality,
    PloverType,
    parse_actor_kind,
    parse_date_mod,
    parse_date_source,
    parse_modality,
    parse_plover_type,
)

__all__ = [
    "ActorJson",
    "CitationJson",
    "CitedEventJson",
    "CitedEvidenceJson",
    "EventJson",
    "EvidenceJson",
    "SideActorJson",
    "TimexJson",
    "actor_from_json",
    "actor_json",
    "event_from_json",
    "event_json",
    "evidence_from_json",
    "evidence_json",
    "timex_json",
]


class ActorJson(TypedDict):
    """An actor: ``country`` is ISO 3166 alpha-3 or ``IGO``; ``kind`` is country, person,
    org, igo or group; ``role`` only when known."""

    id: str
    name: str
    country: str | None
    sector: str | None
    kind: ActorKind
    role: NotRequired[str]


class SideActorJson(ActorJson):
    """An actor on a side of an event; in an event mention, with the ``text``, ``start``
    and ``end`` of the words that name it."""

    text: NotRequired[str]
    start: NotRequired[int]
    end: NotRequired[int]


class EvidenceJson(TypedDict):
    """A cited span: character offsets into the stored clean text of ``document``."""

    document: str
    start: int
    end: int
    text: str


class TimexJson(TypedDict):
    """A temporal expression: offsets, TIMEX3 ``type`` and ``value``, optional ``mod``."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: NotRequired[str]


class _EventFields(TypedDict):
    """What every event JSON holds beside its evidence (see ``EventJson``)."""

    id: str
    date: str
    date_source: DateSource
    type: PloverType
    modality: Modality
    source: list[SideActorJson]
    target: list[SideActorJson]
    summary: str
    trigger: EvidenceJson
    confidence: float
    headline: str
    tags: list[str]
    date_end: NotRequired[str]
    date_mod: NotRequired[DateMod]
    mode: NotRequired[str]
    joint: NotRequired[bool]
    #: a merged event: the ids of its mentions, and the other types of its statement
    mentions: NotRequired[list[str]]
    also: NotRequired[list[PloverType]]
    #: an event mention (``storyline extract``): its document, speaker and place
    document: NotRequired[str]
    speaker: NotRequired[ActorJson]
    location: NotRequired[str]


class EventJson(_EventFields):
    """An event (merged, or a mention shown as a one-citation event) as ``event_json``
    builds it: ``storyline show`` and ``storyline extract`` print it."""

    evidence: list[EvidenceJson]


class CitationJson(TypedDict):
    """A readable citation (``storyline.timeline.citations.citation_json``): the span as
    ``ref`` (``document:start-end``) and the article's title, outlet, date and URL."""

    ref: str
    document: str
    start: int
    end: int
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    label: str


class CitedEvidenceJson(EvidenceJson):
    """A cited span with its readable citation."""

    citation: CitationJson


class CitedEventJson(_EventFields):
    """An event as the timeline listings print it (the API, ``timeline``/``export
    --format json``): every span with its citation, the event's own ``citation`` (its
    first span's) and the stored extras (``salience``, ``stories``, ``date_provenance``)."""

    evidence: list[CitedEvidenceJson]
    salience: NotRequired[float]
    stories: NotRequired[int]
    date_provenance: NotRequired[list[EvidenceJson]]
    citation: NotRequired[CitationJson]


def actor_json(actor: Actor) -> ActorJson:
    out: ActorJson = {
        "id": actor.id,
        "name": actor.name,
        "country": actor.country,
        "sector": actor.sector,
        "kind": actor.kind,
    }
    if actor.role:
        out["role"] = actor.role
    return out


def actor_from_json(data: Mapping[str, Any]) -> Actor:
    return Actor(
        id=data["id"],
        name=data["name"],
        country=data.get("country"),
        sector=data.get("sector"),
        kind=parse_actor_kind(data.get("kind", "country")),
        role=data.get("role"),
    )


def evidence_json(ev: Evidence) -> EvidenceJson:
    return {"document": ev.document, "start": ev.start, "end": ev.end, "text": ev.text}


def evidence_from_json(data: Mapping[str, Any]) -> Evidence:
    return Evidence(data["document"], int(data["start"]), int(data["end"]), data["text"])


def timex_json(t: Timex) -> TimexJson:
    out: TimexJson = {
        "start": t.start,
        "end": t.end,
        "text": t.text,
        "type": t.type,
        "value": t.value,
    }
    if t.mod:
        out["mod"] = t.mod
    return out


def _side_json(actors: tuple[Actor, ...], spans: tuple[Evidence, ...]) -> list[SideActorJson]:
    """Actors, each with the ``text``, ``start`` and ``end`` of the words naming it."""
    out = []
    for n, actor in enumerate(actors):
        item = cast(SideActorJson, actor_json(actor))  # the same keys, and the span's to come
        if n < len(spans):
            item["text"], item["start"], item["end"] = spans[n].text, spans[n].start, spans[n].end
        out.append(item)
    return out


def event_json(event: Event | EventMention) -> dict[str, Any]:
    """The event JSON contract (``EventJson``, checked where it is built; returned as a
    plain dict, which is what the timeline's views add their fields to); an
    EventMention is shown as a one-citation event.

    ``headline`` (one plain sentence) and ``tags`` (PLOVER type, mode, modality) are
    derived from the other fields, so reading an event back ignores them."""
    evidence = event.evidence if isinstance(event, Event) else (event.evidence,)
    spans = ((), ()) if isinstance(event, Event) else (event.source_spans, event.target_spans)
    out: EventJson = {
        "id": event.id,
        "date": event.date,
        "date_source": event.date_source,
        "type": event.type,
        "modality": event.modality,
        "source": _side_json(event.source, spans[0]),
        "target": _side_json(event.target, spans[1]),
        "summary": event.summary,
        "evidence": [evidence_json(e) for e in evidence],
        "trigger": evidence_json(event.trigger),
        "confidence": round(event.confidence, 3),
        "headline": headline(event),
        "tags": event_tags(event),
    }
    if event.date_end:
        out["date_end"] = event.date_end
    if event.date_mod:
        out["date_mod"] = event.date_mod
    if event.mode:
        out["mode"] = event.mode
    if event.joint:
        out["joint"] = True
    if isinstance(event, Event):
        out["mentions"] = list(event.mentions)
        if event.also:
            out["also"] = list(event.also)
    else:
        out["document"] = event.document
        if event.speaker is not None:
            out["speaker"] = actor_json(event.speaker)
        if event.location:
            out["location"] = event.location
    return cast(dict[str, Any], out)


def event_from_json(data: Mapping[str, Any]) -> Event:
    return Event(
        id=data["id"],
        type=parse_plover_type(data["type"]),
        modality=parse_modality(data["modality"]),
        source=tuple(actor_from_json(a) for a in data["source"]),
        target=tuple(actor_from_json(a) for a in data["target"]),
        date=data["date"],
        date_source=parse_date_source(data["date_source"]),
        summary=data["summary"],
        evidence=tuple(evidence_from_json(e) for e in data["evidence"]),
        trigger=evidence_from_json(data["trigger"]),
        confidence=float(data["confidence"]),
        mentions=tuple(data.get("mentions", ())),
        mode=data.get("mode"),
        date_end=data.get("date_end"),
        date_mod=parse_date_mod(data.get("date_mod")),
        joint=bool(data.get("joint", False)),
        also=tuple(parse_plover_type(t) for t in data.get("also", ())),
    )


def _spans(document: str, side: list[Mapping[str, Any]]) -> tuple[Evidence, ...]:
    if not all("start" in a for a in side):
        return ()
    return tuple(Evidence(document, int(a["start"]), int(a["end"]), a["text"]) for a in side)


def event_mention_from_json(data: Mapping[str, Any]) -> EventMention:
    speaker = data.get("speaker")
    return EventMention(
        id=data["id"],
        document=data["document"],
        type=parse_plover_type(data["type"]),
        modality=parse_modality(data["modality"]),
        source=tuple(actor_from_json(a) for a in data["source"]),
        target=tuple(actor_from_json(a) for a in data["target"]),
        date=data["date"],
        date_source=parse_date_source(data["date_source"]),
        evidence=evidence_from_json(data["evidence"][0]),
        trigger=evidence_from_json(data["trigger"]),
        summary=data["summary"],
        confidence=float(data["confidence"]),
        mode=data.get("mode"),
        date_end=data.get("date_end"),
        date_mod=parse_date_mod(data.get("date_mod")),
        speaker=actor_from_json(speaker) if speaker else None,
        location=data.get("location"),
        joint=bool(data.get("joint", False)),
        source_spans=_spans(data["document"], data["source"]),
        target_spans=_spans(data["document"], data["target"]),
    )
