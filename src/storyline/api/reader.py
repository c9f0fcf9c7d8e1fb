"""The reader's JSON: facets with counts, the time axis's density, the corpus
overview, the timeline as CSV and actor-name suggestions.

Every route takes the timeline's own filter parameters (``TimelineFilters``), so
the home page's axis, facets, list and downloads always describe the same events.
Bodies and error statuses are declared as in ``routes``.
"""

from __future__ import annotations

import dataclasses
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi.responses import Response

from storyline.api import models, queries
from storyline.api.deps import get_store
from storyline.api.models import as_built, error_responses
from storyline.api.routes import FiltersDep, Int64
from storyline.store.api import Store
from storyline.store.query import MAX_SEARCH_CHARS, QueryError
from storyline.timeline import facets
from storyline.timeline.aliases import suggest_names
from storyline.timeline.citations import document_sources
from storyline.timeline.export import ExportFormat, export_events
from storyline.timeline.search import search_events

__all__ = ["router"]

#: A ``QueryError`` a route raises is answered 400 with its message (server.py).
router = APIRouter(prefix="/api", tags=["api"])
StoreDep = Annotated[Store, Depends(get_store)]
#: The most rows one CSV download holds (a larger timeline: narrow the filters).
MAX_CSV_ROWS = 100_000


@router.get(
    "/facets",
    summary="Counts per type, modality, confidence, actor, pair, outlet, story",
    response_model=models.FacetsBody,
    responses=error_responses(400, 503),
)
def api_facets(store: StoreDep, filters: FiltersDep) -> Response:
    return as_built(facets.facet_counts(store, filters.query(), filters.reader()))


@router.get(
    "/density",
    summary="Events per first day, by modality (the time axis)",
    response_model=models.DensityBody,
    responses=error_responses(400, 503),
)
def api_density(store: StoreDep, filters: FiltersDep) -> Response:
    return as_built(facets.density(store, filters.query(), filters.reader()))


@router.get(
    "/overview",
    summary="Documents, outlets, dates, events, most active actors and pairs",
    response_model=models.OverviewBody,
    responses=error_responses(503),
)
def api_overview(store: StoreDep) -> Response:
    return as_built(queries.corpus_overview(store))


@router.get(
    "/timeline.csv",
    summary="The filtered timeline as CSV (every matching event, in the chosen order)",
    response_class=Response,
    responses={
        200: {
            "content": {"text/csv": {"schema": {"type": "string"}}},
            "description": "One row per event: the columns of ``storyline export -f csv``",
        },
        **error_responses(400, 503),
    },
)
def api_timeline_csv(store: StoreDep, filters: FiltersDep) -> Response:
    query = filters.query()
    cited = facets.cited_by(store, filters.reader())  # once for the count and the rows
    total = store.count_events(query, cited)
    if total > MAX_CSV_ROWS:
        raise QueryError(f"{total} events match; a CSV holds at most {MAX_CSV_ROWS}")
    everything = dataclasses.replace(query, limit=None, offset=0)
    ids = store.event_page_ids(everything, cited, filters.sort)
    events = store.events_by_id(ids)
    sources = document_sources(store, (ev.document for e in events for ev in e.evidence))
    body = export_events(events, ExportFormat.csv, sources=sources)
    return Response(
        body,
        media_type="text/csv; charset=utf-8",
        headers={"content-disposition": 'attachment; filename="timeline.csv"'},
    )


@router.get(
    "/search/events",
    summary="Events whose articles match a full-text search and whose own words hold its terms",
    response_model=list[models.CitedEventJson],
    responses=error_responses(400, 503),
)
def api_search_events(
    store: StoreDep, q: Annotated[str, Query(max_length=MAX_SEARCH_CHARS)], limit: Int64 = 50
) -> Response:
    if not 1 <= limit <= queries.MAX_LIMIT:
        raise HTTPException(400, f"limit must be between 1 and {queries.MAX_LIMIT}")
    return as_built(search_events(store, queries.check_search(q), limit))


@router.get(
    "/actors/suggest",
    summary="Actor names and aliases that begin with (or hold) q",
    response_model=list[models.Suggestion],
    responses=error_responses(400, 503),
)
def api_actor_suggest(
    store: StoreDep,
    q: Annotated[str, Query(max_length=200)] = "",
    limit: Annotated[int, Query(ge=1, le=50)] = 12,
) -> Response:
    return as_built(suggest_names(store, q, limit))
