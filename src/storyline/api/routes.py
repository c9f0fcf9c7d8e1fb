"""The JSON API under ``/api/``: the same shapes as ``storyline ... --format json``.

Pagination (``/api/timeline`` only, the one listing that grows without bound):
the body is ``{"events": [...], "total": N, "limit": L, "offset": O, "next": URL|null}``
where each event is exactly the CLI's event JSON and ``next`` is the URL of the
following page (also sent as an RFC 8288 ``Link: <...>; rel="next"`` header):
relative (path and query) unless the app was given a ``base_url``.

Every route declares its body (``response_model``, from ``api.models``) and the error
statuses it can answer (``responses``), each with the error body ``{"error", "status"}``:
400 for a bad parameter (FastAPI's validation errors included: ``server.py`` answers
them 400, not 422), 404 for an unknown id, 503 when the store cannot be opened.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import Response

from storyline.api import models, queries
from storyline.api.deps import get_store, page_link, relations_module
from storyline.api.models import as_built, error_responses
from storyline.serialize import actor_json
from storyline.store.api import Store
from storyline.store.query import EventQuery, QueryError
from storyline.store.sqlite import MAX_EVENT_ID
from storyline.timeline.facets import SORT_KEYS, SORTS, ReaderFilter
from storyline.timeline.periods import MAX_SMOOTH, Period, SmoothWindow
from storyline.vocab import MODALITIES, PLOVER_TYPES

__all__ = ["EventId", "FiltersDep", "Int64", "TimelineFilters", "router", "timeline_payload"]

router = APIRouter(prefix="/api", tags=["api"])
StoreDep = Annotated[Store, Depends(get_store)]
Multi = Annotated[list[str], Query()]
#: Every integer query parameter: what SQLite can bind (the routes check the sane range).
Int64 = Annotated[int, Query(ge=queries.INT64_MIN, le=queries.INT64_MAX)]
#: Filters whose values are a closed vocabulary, listed as the OpenAPI document's enums.
#: They are checked by the store's query (as the CLI's), which also takes any case and
#: comma-separated values, and answers 400 with the vocabulary.
TypesParam = Annotated[
    list[str],
    Query(
        description="PLOVER event types (repeat the parameter, or separate with commas)",
        json_schema_extra={"items": {"type": "string", "enum": list(PLOVER_TYPES)}},
    ),
]
ModalitiesParam = Annotated[
    list[str],
    Query(
        description="How the text reports the event (repeat, or separate with commas)",
        json_schema_extra={"items": {"type": "string", "enum": list(MODALITIES)}},
    ),
]
SortParam = Annotated[
    str,
    Query(
        description=f"one of {', '.join(SORTS)} (``-``: descending)",
        json_schema_extra={"enum": list(SORT_KEYS)},
    ),
]
#: An event id or prefix in a path: hex digits, at most as long as the store looks up.
EventId = Annotated[str, Path(max_length=MAX_EVENT_ID, pattern="^[0-9a-fA-F]+$")]


class TimelineFilters:
    """The timeline's filter and paging parameters: one FastAPI dependency shared by
    ``/api/timeline`` and the timeline page, so the two take the same query string.

    The reader's filter (outlets, stories) and the validated query are built once per
    request, however many views (page, total, facets) ask for them."""

    def __init__(
        self,
        actor: str | None = None,
        between: Multi = [],  # noqa: B006
        date_from: Annotated[str | None, Query(alias="from")] = None,
        date_to: Annotated[str | None, Query(alias="to")] = None,
        type: TypesParam = [],  # noqa: B006
        modality: ModalitiesParam = [],  # noqa: B006
        limit: Int64 = 100,
        offset: Int64 = 0,
        min_confidence: Annotated[float, Query(ge=0.0, le=1.0)] = 0.0,
        outlet: Multi = [],  # noqa: B006
        story: Multi = [],  # noqa: B006
        sort: SortParam = "date",
    ) -> None:
        self.actor, self.between = actor, between
        self.date_from, self.date_to = date_from, date_to
        self.types, self.modalities = type, modality
        self.limit, self.offset = limit, offset
        self.min_confidence = min_confidence
        self.outlets, self.stories, self.sort = outlet, story, sort
        self._reader = ReaderFilter(
            outlets=queries.parse_multi(outlet, split=False), stories=queries.parse_multi(story)
        )
        self._query: EventQuery | None = None

    def query(self) -> EventQuery:
        """The validated query (QueryError if a filter is wrong)."""
        if self._query is None:
            self._query = queries.timeline_query(
                actor=self.actor, between=self.between, date_from=self.date_from,
                date_to=self.date_to, types=self.types, modalities=self.modalities,
                limit=self.limit, offset=self.offset, min_confidence=self.min_confidence,
            )  # fmt: skip
        return self._query

    def reader(self) -> ReaderFilter:
        """The outlets (which may hold commas) and stories to filter by."""
        return self._reader


FiltersDep = Annotated[TimelineFilters, Depends()]


def timeline_payload(
    store: Store, request: Request, f: TimelineFilters, top: int | None = None
) -> dict[str, Any]:
    """One page of the timeline with its total and the URL of the next page."""
    events, total = queries.event_payloads(store, f.query(), top, f.reader(), f.sort)
    nxt = None
    if f.offset + len(events) < total:
        nxt = page_link(request, offset=f.offset + f.limit, limit=f.limit)
    return {"events": events, "total": total, "limit": f.limit, "offset": f.offset, "next": nxt}


@router.get(
    "/timeline",
    summary="Merged events in date order, filtered and paginated",
    response_model=models.TimelinePage,
    responses=error_responses(400, 503),
)
def api_timeline(
    store: StoreDep,
    request: Request,
    filters: FiltersDep,
    top: Annotated[int | None, Query(ge=queries.INT64_MIN, le=queries.INT64_MAX)] = None,
) -> Response:
    """``top``: only the N most salient events (as ``storyline timeline --top N``)."""
    page = timeline_payload(store, request, filters, top)  # QueryError: 400 (server.py)
    link = {"Link": f'<{page["next"]}>; rel="next"'} if page["next"] else None
    return as_built(page, link)


@router.get(
    "/events/{event_id}",
    summary="One event (id or unique prefix)",
    response_model=models.CitedEventJson,
    responses=error_responses(400, 404, 503),
)
def api_event(store: StoreDep, event_id: EventId) -> Response:
    event = queries.event_payload(store, event_id)
    if event is None:
        raise HTTPException(404, f"no event {event_id!r}")
    return as_built(event)


@router.get(
    "/documents",
    summary="Documents with publication-date provenance",
    response_model=models.DocumentListing,
    responses=error_responses(503),
)
def api_documents(store: StoreDep) -> Response:
    return as_built(store.document_listing())


@router.get(
    "/documents/{doc_id}",
    summary="One document: clean and raw text, removals, dates",
    response_model=models.DocumentDetail,
    responses=error_responses(404, 503),
)
def api_document(store: StoreDep, doc_id: str) -> Response:
    doc = store.document(doc_id)
    if doc is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    record = store.load_document(doc_id)
    doc["raw_text"] = record.raw_text if record else None
    return as_built(doc)


@router.get(
    "/stories",
    summary="Stories (near-duplicate clusters) and their members",
    response_model=list[models.StoryRow],
    responses=error_responses(503),
)
def api_stories(store: StoreDep) -> Response:
    return as_built(store.stories())


@router.get(
    "/actors",
    summary="Actors with aliases and mention counts",
    response_model=list[models.ActorRow],
    responses=error_responses(503),
)
def api_actors(store: StoreDep) -> Response:
    return as_built(store.actors())


@router.get(
    "/actors/{actor_id}",
    summary="One actor: aliases, related roles, events",
    response_model=models.ActorDetail,
    responses=error_responses(400, 404, 503),
)
def api_actor(store: StoreDep, actor_id: str, limit: Int64 = 100, offset: Int64 = 0) -> Response:
    return as_built(actor_payload(store, actor_id, limit=limit, offset=offset))


def actor_payload(store: Store, actor_id: str, *, limit: int, offset: int) -> dict[str, Any]:
    actor = store.actor(actor_id)
    if actor is None:
        raise HTTPException(404, f"no actor {actor_id!r}")
    aliases, mentions = queries.actor_aliases(store, actor.id)
    query = queries.timeline_query(
        actor=actor.id, between=[], date_from=None, date_to=None, types=[],
        modalities=[], limit=limit, offset=offset,
    )  # fmt: skip
    events, total = queries.event_payloads(store, query)
    related = (
        store.actors_of_country(actor.country, actor.id)
        if actor.kind == "country" and actor.country
        else []
    )
    return {
        "actor": {**actor_json(actor), "aliases": aliases, "mentions": mentions},
        "related": related,
        "events": events,
        "events_total": total,
        "limit": limit,
        "offset": offset,
    }


@router.get(
    "/relations",
    summary="Dyad relations of two actors over time",
    response_model=models.RelationsBody,
    responses=error_responses(400, 503),
)
def api_relations(
    store: StoreDep,
    a: str,
    b: str,
    period: Period = "quarter",
    smooth: Annotated[
        int,
        Query(
            ge=0,
            le=MAX_SMOOTH,
            description="A moving average of the net score over this many periods"
            f" (2 to {MAX_SMOOTH}; 0, the default, is off): each period gains ``smoothed``"
            " and the body ``smoothing``; counts and scores are unchanged",
        ),
    ] = 0,
    smooth_window: Annotated[
        SmoothWindow,
        Query(
            description="``trailing``: the periods ending with each one; ``centred``: the"
            " periods around it"
        ),
    ] = "trailing",
) -> Response:
    """Counts per PLOVER quad class and the net cooperation-conflict score per period."""
    mod = relations_module()
    try:
        data: dict[str, Any] = mod.relations(
            store, a, b, period=period, smooth=smooth, smooth_window=smooth_window
        )
    except (QueryError, ValueError) as exc:
        raise HTTPException(400, str(exc)) from exc
    return as_built(data)


@router.get(
    "/dyads",
    summary="The most active pairs of actors",
    response_model=list[models.DyadRow],
    responses=error_responses(400, 503),
)
def api_dyads(store: StoreDep, limit: Int64 = 20) -> Response:
    if not 1 <= limit <= queries.MAX_LIMIT:
        raise HTTPException(400, f"limit must be between 1 and {queries.MAX_LIMIT}")
    return as_built(relations_module().top_dyads(store, limit=limit))


@router.get(
    "/search",
    summary="Full-text search (SQLite FTS5 syntax)",
    description=f"At most {queries.MAX_SEARCH_TERMS} terms and {queries.MAX_SEARCH_CHARS}"
    " characters: a longer query is refused with 400.",
    response_model=list[models.SearchHit],
    responses=error_responses(400, 503),
)
def api_search(store: StoreDep, q: str, limit: Int64 = 20) -> Response:
    if not 1 <= limit <= queries.MAX_LIMIT:
        raise HTTPException(400, f"limit must be between 1 and {queries.MAX_LIMIT}")
    try:
        return as_built(store.search(queries.check_search(q), limit))
    except ValueError as exc:
        raise HTTPException(400, str(exc)) from exc
