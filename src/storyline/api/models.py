"""The JSON bodies of the API, as the types its routes declare (``response_model``).

They are ``TypedDict``s, which pydantic validates and turns into the OpenAPI document's
schemas: the event, actor, evidence and citation shapes are the very classes
``storyline.serialize`` declares and builds (the CLI's ``--format json`` prints them),
so the API and the CLI have one definition of each. The rest describe what the store
and the timeline views return (the CLI prints the same dicts for ``docs``, ``actors``,
``stories``, ``search``, ``relations`` and ``dyads``).

At run time the routes send the payload as built (``as_built``): encoded by pydantic's
JSON encoder as it comes, without validating it against these types first, which would
re-order keys (stored JSON such as ``date_provenance`` keeps its keys sorted), write an
integer in a float field as ``1.0`` and drop keys a type does not name. The tests
validate every endpoint's real responses against these types, and fail on a key a
type does not declare (``tests/api/test_models.py``).

Shapes are open, as the README's contract promises: later versions add fields.
"""

from __future__ import annotations

from typing import Any, NotRequired

from fastapi.responses import Response
from pydantic_core import to_json
from typing_extensions import TypedDict

from storyline.serialize import (
    ActorJson,
    CitationJson,
    CitedEventJson,
    CitedEvidenceJson,
    EventJson,
    EvidenceJson,
    SideActorJson,
)
from storyline.timeline.periods import Period, SmoothWindow
from storyline.timeline.plover import QuadClass, Unrealized
from storyline.vocab import ActorKind, Modality, PloverType

__all__ = [
    "ActorDetail",
    "ActorJson",
    "ActorRow",
    "ActorSummary",
    "CitationJson",
    "CitedEventJson",
    "CitedEvidenceJson",
    "CountedValue",
    "Country",
    "DateSpan",
    "DensityBody",
    "DocumentDetail",
    "DocumentListing",
    "DocumentRow",
    "DyadRow",
    "ErrorBody",
    "EventJson",
    "EvidenceJson",
    "FacetsBody",
    "LabelledCount",
    "ModalityCount",
    "OverviewBody",
    "RelatedActor",
    "RelationsBody",
    "SearchHit",
    "SideActorJson",
    "Smoothing",
    "StoryRow",
    "Suggestion",
    "TimelinePage",
    "TypeCount",
    "as_built",
    "error_responses",
]


class ErrorBody(TypedDict):
    """Every error the API answers: what was wrong, and the HTTP status again."""

    error: str
    status: int


class TimelinePage(TypedDict):
    """One page of the timeline; ``next`` is the following page's URL (also the
    ``Link`` header), null on the last page."""

    events: list[CitedEventJson]
    total: int
    limit: int
    offset: int
    next: str | None


# -- documents and stories -----------------------------------------------------------


class DateCandidate(TypedDict):
    """A publication date one page signal gave, with its confidence and evidence."""

    confidence: float
    evidence: str
    source: str
    value: str


class _DocumentFields(TypedDict):
    id: str
    source: str
    title: str | None
    url: str | None
    outlet: str | None
    dateline: str | None
    published: str | None
    published_source: str | None
    published_confidence: float
    date_candidates: list[DateCandidate]
    story: str | None
    story_relation: str | None
    format: str
    language: str | None


class DocumentRow(_DocumentFields):
    """A stored document in the listing: its size, and where its date came from
    (``date_from``) beside the dates it was not given (``alternatives``)."""

    chars: int
    date_from: str
    alternatives: list[str]


class Quarantined(TypedDict):
    """An input that was not stored, and why."""

    source: str
    reason: str
    first_seen: str


class DocumentListing(TypedDict):
    """``storyline docs --format json``: the documents and the quarantined inputs."""

    documents: list[DocumentRow]
    quarantined: list[Quarantined]


class Removal(TypedDict):
    """Raw text cleaning removed (offsets into ``raw_text``), and why."""

    start: int
    end: int
    text: str
    reason: str


class Segment(TypedDict):
    """A kept slice: ``raw_text[raw_start:raw_end]`` is the clean text from ``clean_start``."""

    clean_start: int
    raw_start: int
    raw_end: int


class DocumentDetail(_DocumentFields):
    """One document: clean ``text`` and ``raw_text`` with what cleaning removed."""

    encoding: str
    text: str
    story_score: float | None
    language_declared: str | None
    removals: list[Removal]
    segments: list[Segment]
    raw_text: str | None


class StoryMember(TypedDict):
    document: str
    relation: str
    title: str | None
    source: str
    published: str | None
    score: float | None


class StoryRow(TypedDict):
    """A story (near-duplicate cluster): its members, the canonical one first."""

    id: str
    members: list[StoryMember]
    canonical: NotRequired[str]


class SearchHit(TypedDict):
    """An article matching a full-text search; ``snippet`` marks the matches ``[so]``."""

    document: str
    title: str | None
    snippet: str


# -- actors --------------------------------------------------------------------------


class ActorRow(TypedDict):
    """``storyline actors --format json``: an actor with its aliases and mentions."""

    id: str
    name: str
    country: str | None
    sector: str | None
    kind: ActorKind
    role: str | None
    mentions: int
    aliases: list[str]


class ActorSummary(ActorJson):
    """The actor of an actor page: its contract JSON, aliases and mention count."""

    aliases: list[str]
    mentions: int


class RelatedActor(TypedDict):
    """A person or organization of the actor's country."""

    id: str
    name: str
    kind: ActorKind
    role: str | None
    sector: str | None


class ActorDetail(TypedDict):
    """One actor, the people and organizations of its country, and a page of its events."""

    actor: ActorSummary
    related: list[RelatedActor]
    events: list[CitedEventJson]
    events_total: int
    limit: int
    offset: int


class Suggestion(TypedDict):
    """An actor whose name or alias matches what was typed (``match``)."""

    id: str
    name: str
    match: str
    events: int


# -- relations -----------------------------------------------------------------------


class Country(TypedDict):
    code: str
    name: str


class PeriodRow(TypedDict):
    """One period of a dyad's series: its score, events per type, what happened per
    PLOVER quad class, and the planned, possible or denied events apart."""

    period: str
    start: str
    score: float
    events: int
    counts: dict[PloverType, int]
    quads: dict[QuadClass, int]
    unrealized: dict[Unrealized, int]
    end: str
    smoothed: NotRequired[float | None]


class Smoothing(TypedDict):
    """The moving average asked for: over ``periods`` periods, ``trailing`` (the
    periods ending with each one) or ``centred``; ``label`` names the line."""

    periods: int
    window: SmoothWindow
    label: str


class RelationsBody(TypedDict):
    """``storyline relations --format json``: the cooperation (+) / conflict (-) series
    of two countries, their counts and the key events."""

    a: Country
    b: Country
    period: Period
    series: list[PeriodRow]
    counts: dict[PloverType, int]
    events: int
    undated: int
    score: float
    key_events: list[CitedEventJson]
    scale: str
    smoothing: NotRequired[Smoothing]


class DyadRow(TypedDict):
    """A country pair with its events, total and mean score, and events per type."""

    a: Country
    b: Country
    events: int
    score: float
    mean_score: float
    counts: dict[PloverType, int]


# -- the reader's facets, density and overview ----------------------------------------


class CountedValue(TypedDict):
    value: str
    count: int


class TypeCount(TypedDict):
    value: PloverType
    count: int


class ModalityCount(TypedDict):
    value: Modality
    count: int


class LabelledCount(TypedDict):
    value: str
    label: str
    count: int


class ConfidenceCount(TypedDict):
    """How many events reach this confidence."""

    value: float
    count: int


class FacetsBody(TypedDict):
    """Per facet, the values among the matching events with how many events have each."""

    type: list[TypeCount]
    modality: list[ModalityCount]
    confidence: list[ConfidenceCount]
    actor: list[LabelledCount]
    pair: list[CountedValue]
    outlet: list[CountedValue]
    story: list[LabelledCount]


class DensityDay(TypedDict):
    """Events whose first day is ``day``, per modality (only those that occur)."""

    day: str
    asserted: NotRequired[int]
    future: NotRequired[int]
    hypothetical: NotRequired[int]
    negated: NotRequired[int]


class DensityBody(TypedDict):
    """The time axis: events per first day, the undated ones, and how many of the
    counted ones are known only to their month or year (``coarse``)."""

    days: list[DensityDay]
    undated: int
    coarse: int


class DateSpan(TypedDict):
    first: str | None
    last: str | None


class OverviewBody(TypedDict):
    """What the store holds: documents, stories, outlets, dates, events per modality,
    and the most active actors and pairs."""

    documents: int
    published: DateSpan
    stories: int
    outlets: int
    top_outlets: list[CountedValue]
    events: int
    by_modality: dict[Modality, int]
    event_dates: DateSpan
    top_actors: list[LabelledCount]
    top_pairs: list[CountedValue]


# -- how routes answer ---------------------------------------------------------------

#: What each error status means, as the OpenAPI document says it.
_ERRORS = {
    400: "A parameter or filter is wrong (the message says which and why)",
    404: "No such id",
    503: "The store (or an optional part of storyline) is not available",
}


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """``responses=`` for a route: each status it can answer with the error body."""
    return {s: {"model": ErrorBody, "description": _ERRORS[s]} for s in statuses}


def as_built(payload: Any, headers: dict[str, str] | None = None) -> Response:
    """The payload as its builder made it, in JSON: the bytes FastAPI sent for a route
    returning ``dict[str, Any]`` (pydantic's encoder, every key in its order), with no
    validation pass."""
    return Response(to_json(payload), media_type="application/json", headers=headers)
