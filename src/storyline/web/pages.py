"""HTML pages over the store. Each page links its JSON twin (the ``/api/`` route
with the same parameters) and is built from the same payload functions as the API,
so the two cannot drift apart."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

import jinja2
from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from storyline.api import queries
from storyline.api.deps import get_store, page_link, relations_module
from storyline.api.highlight import Span, evidence_contexts, pieces, raw_with_removals
from storyline.api.routes import EventId, FiltersDep, Int64, actor_payload, timeline_payload
from storyline.dates import date_label
from storyline.errors import MissingExtra
from storyline.records import MODALITIES, PLOVER_TYPES
from storyline.store.api import Store
from storyline.store.query import QueryError
from storyline.timeline import facets, reading
from storyline.timeline.citations import source_of
from storyline.timeline.periods import SMOOTH_WINDOWS
from storyline.timeline.search import search_events
from storyline.web.grouping import ZOOMS, group_events, is_planned, month_label
from storyline.web.links import Links
from storyline.web.relations_chart import chart_shapes

__all__ = ["render_error", "router"]

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
_env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
    autoescape=True,  # every {{ }} is escaped; templates never use |safe on text
)
_env.globals.update(
    is_planned=is_planned, month_label=month_label, date_label=date_label,
    source_label=lambda d: source_of(d).label, source_outlet=lambda d: source_of(d).outlet,
)  # fmt: skip
templates = Jinja2Templates(env=_env)

router = APIRouter(include_in_schema=False)
#: Rendered charts by (store state, pair, period): a chart is drawn once per store change.
_CHARTS: dict[tuple[Any, ...], bytes] = {}
_CHART_CACHE = 128
StoreDep = Annotated[Store, Depends(get_store)]


def _page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    twin = context.pop("twin", None)
    return templates.TemplateResponse(request, name, {"twin": twin, **context}, status_code=status)


def _twin(request: Request, path: str) -> str:
    """The JSON twin of this page: ``path`` with the page's query string."""
    q = request.url.query
    return f"{path}?{q}" if q else path


def render_error(request: Request, status: int, message: str) -> HTMLResponse:
    return _page(request, "error.html", status, status_code=status, message=message)


#: The choices of the timeline page's confidence filter (0: every event).
CONFIDENCE_LEVELS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9)


#: How the home page lists events: cards grouped by month or year, or a sortable table.
VIEWS = ("cards", "table")


@router.get("/", response_class=HTMLResponse)
@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(
    store: StoreDep,
    request: Request,
    filters: FiltersDep,
    zoom: str = "month",
    top: str = "",
    view: str = "cards",
) -> HTMLResponse:
    f = filters
    rf = f.reader()
    links = Links(request.url.path, request.query_params)
    form = {
        "actor": f.actor or "", "between": ",".join(queries.parse_multi(f.between)),
        "from": f.date_from or "", "to": f.date_to or "", "zoom": zoom, "top": top,
        "types": [t.upper() for t in queries.parse_multi(f.types)],
        "modalities": [m.lower() for m in queries.parse_multi(f.modalities)],
        "min_confidence": f.min_confidence, "view": view, "sort": f.sort,
        "outlets": list(rf.outlets), "stories": list(rf.stories),
    }  # fmt: skip
    common: dict[str, Any] = {
        "form": form, "plover": PLOVER_TYPES, "modality_names": MODALITIES, "zooms": ZOOMS,
        "confidence_levels": CONFIDENCE_LEVELS, "links": links, "views": VIEWS,
        "overview": queries.corpus_overview(store), "chips": _chips(form, links),
        "csv": links.other("/api/timeline.csv"), "density": links.other("/api/density"),
    }  # fmt: skip
    twin = _twin(request, "/api/timeline")
    try:
        if zoom not in ZOOMS:
            raise QueryError(f"zoom must be one of {', '.join(ZOOMS)}, got {zoom!r}")
        if view not in VIEWS:
            raise QueryError(f"view must be one of {', '.join(VIEWS)}, got {view!r}")
        page = timeline_payload(store, request, f, queries.parse_top(top))
        counts = facets.facet_counts(store, f.query(), rf)
    except QueryError as exc:
        return _page(request, "timeline.html", 400, error=str(exc), page=None, groups=[],
                     facets=None, twin=twin, **common)  # fmt: skip
    prev = None
    if f.offset > 0:
        prev = page_link(request, offset=max(0, f.offset - f.limit))
    groups = group_events(page["events"], zoom) if f.sort == "date" else []
    return _page(
        request, "timeline.html", error=None, page=page, prev=prev, twin=twin,
        groups=groups, facets=counts, **common,
    )  # fmt: skip


def _chips(form: dict[str, Any], links: Links) -> list[tuple[str, str]]:
    """The active filters as (label, link that removes it)."""
    out = []
    for key, label in (("actor", "actor"), ("between", "pair"), ("from", "from"), ("to", "to")):
        if form[key]:
            out.append((f"{label}: {form[key]}", links.without(key)))
    out += [(f"type: {t}", links.without("type", t)) for t in form["types"]]
    out += [(f"modality: {m}", links.without("modality", m)) for m in form["modalities"]]
    out += [(f"outlet: {o}", links.without("outlet", o)) for o in form["outlets"]]
    out += [(f"story: {s}", links.without("story", s)) for s in form["stories"]]
    if form["min_confidence"]:
        out.append((f"confidence ≥ {form['min_confidence']:g}", links.without("min_confidence")))
    return out


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(store: StoreDep, request: Request, event_id: EventId) -> HTMLResponse:
    event = queries.event_payload(store, event_id)
    if event is None:
        raise HTTPException(404, f"no event {event_id!r}")
    docs = {}
    for ev in event["evidence"]:
        if ev["document"] not in docs:
            docs[ev["document"]] = store.document(ev["document"])
    texts = {k: d["text"] for k, d in docs.items() if d}
    return _page(
        request, "event.html", event=event, docs=docs,
        contexts=evidence_contexts(event, texts), twin=f"/api/events/{event['id']}",
    )  # fmt: skip


@router.get("/documents", response_class=HTMLResponse)
def documents_page(
    store: StoreDep, request: Request, limit: Int64 = 200, offset: Int64 = 0
) -> HTMLResponse:
    """All documents in the JSON twin; the page shows them ``limit`` at a time."""
    if not 1 <= limit <= queries.MAX_LIMIT or offset < 0:
        raise HTTPException(400, f"limit must be 1-{queries.MAX_LIMIT}, offset not negative")
    data = store.document_listing()
    total = len(data["documents"])
    shown = data["documents"][offset : offset + limit]
    prev = page_link(request, offset=max(0, offset - limit)) if offset else None
    nxt = page_link(request, offset=offset + limit) if offset + limit < total else None
    return _page(
        request, "documents.html", docs=shown, total=total, offset=offset,
        quarantined=data["quarantined"], prev=prev, next=nxt, twin="/api/documents",
    )  # fmt: skip


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(store: StoreDep, request: Request, doc_id: str) -> HTMLResponse:
    doc = store.document(doc_id)
    record = store.load_document(doc_id)
    if doc is None or record is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    events = queries.document_events(store, doc_id)
    spans = [
        Span(ev["start"], ev["end"], "evidence", e["type"])
        for e in events
        for ev in e["evidence"]
        if ev["document"] == doc_id
    ]
    return _page(
        request, "document.html", doc=doc, events=events, source=source_of(doc),
        clean=pieces(doc["text"], spans), raw=raw_with_removals(record.raw_text, doc["removals"]),
        twin=f"/api/documents/{doc_id}",
    )  # fmt: skip


@router.get("/actors", response_class=HTMLResponse)
def actors_page(store: StoreDep, request: Request) -> HTMLResponse:
    return _page(request, "actors.html", actors=reading.actor_rows(store), twin="/api/actors")


@router.get("/actors/{actor_id}", response_class=HTMLResponse)
def actor_page(
    store: StoreDep, request: Request, actor_id: str, limit: Int64 = 100, offset: Int64 = 0
) -> HTMLResponse:
    data = actor_payload(store, actor_id, limit=limit, offset=offset)
    return _page(
        request, "actor.html", data=data, groups=group_events(data["events"], "month"),
        twin=_twin(request, f"/api/actors/{actor_id}"),
    )  # fmt: skip


@router.get("/stories", response_class=HTMLResponse)
def stories_page(store: StoreDep, request: Request) -> HTMLResponse:
    return _page(request, "stories.html", stories=reading.story_rows(store), twin="/api/stories")


#: The moving averages the relations page offers (the API takes any from 2 to 52).
SMOOTH_CHOICES = (0, 2, 3, 4, 6, 12)


@router.get("/relations", response_class=HTMLResponse)
def relations_page(
    store: StoreDep,
    request: Request,
    a: str | None = None,
    b: str | None = None,
    period: str = "quarter",
    smooth: int = 0,
    smooth_window: str = "trailing",
) -> HTMLResponse:
    mod = relations_module()
    form = {"a": a or "", "b": b or "", "period": period, "smooth": smooth,
            "smooth_window": smooth_window}  # fmt: skip
    common: dict[str, Any] = {
        "form": form, "periods": tuple(getattr(mod, "PERIODS", ())),
        "smooth_choices": sorted({*SMOOTH_CHOICES, smooth}), "windows": SMOOTH_WINDOWS,
    }  # fmt: skip
    if not (a and b):
        dyads = mod.top_dyads(store, limit=20)
        return _page(request, "relations.html", data=None, dyads=dyads, error=None,
                     chart=None, twin="/api/dyads", **common)  # fmt: skip
    twin = _twin(request, "/api/relations")
    try:
        data = mod.relations(store, a, b, period=period, smooth=smooth, smooth_window=smooth_window)
    except (QueryError, ValueError) as exc:
        return _page(request, "relations.html", 400, data=None, dyads=[], error=str(exc),
                     chart=None, twin=twin, **common)  # fmt: skip
    params: dict[str, Any] = {"a": a, "b": b, "period": period}
    if smooth:
        params.update(smooth=smooth, smooth_window=smooth_window)
    chart = "/relations/chart.svg?" + urlencode(params)
    shapes = chart_shapes(data, mod.CHART_PERIODS[period])
    return _page(request, "relations.html", data=data, dyads=[], error=None, chart=chart,
                 shapes=shapes, twin=twin, **common)  # fmt: skip


@router.get("/relations/chart.svg", name="relations_chart")
def relations_chart_svg(
    store: StoreDep,
    a: str,
    b: str,
    period: str = "quarter",
    smooth: int = 0,
    smooth_window: str = "trailing",
) -> Response:
    """The dyad chart, rendered server-side (shown with ``<img>``, so the SVG is
    never inlined into the page's markup)."""
    mod = relations_module()
    key = (store.stamp(), a, b, period, smooth, smooth_window)
    body = _CHARTS.get(key)  # a key is stored only for a request that was answered
    if body is None:  # rendered in parallel: matplotlib figures without pyplot's state
        try:
            data = mod.relations(
                store, a, b, period=period, smooth=smooth, smooth_window=smooth_window
            )
        except (QueryError, ValueError) as exc:
            raise HTTPException(400, str(exc)) from exc
        try:
            body = mod.relations_chart_svg(data)
        except MissingExtra as exc:  # matplotlib: the charts extra
            raise HTTPException(501, str(exc)) from exc
        if len(_CHARTS) >= _CHART_CACHE:
            _CHARTS.pop(next(iter(_CHARTS)))
        _CHARTS[key] = body
    return Response(body, media_type="image/svg+xml")


@router.get("/search", response_class=HTMLResponse)
def search_page(store: StoreDep, request: Request, q: str = "", limit: Int64 = 20) -> HTMLResponse:
    """Events and articles matching a full-text search; a query the index cannot run
    is answered 400 with what is wrong and how searches are written."""
    twin = _twin(request, "/api/search")
    if not q.strip():
        return _page(request, "search.html", q=q, hits=None, events=None, error=None, twin=None)
    try:
        if not 1 <= limit <= queries.MAX_LIMIT:
            raise QueryError(f"limit must be between 1 and {queries.MAX_LIMIT}")
        checked = queries.check_search(q)
        hits = queries.search_pieces(store, checked, limit)
        events = search_events(store, checked, 50)
    except QueryError as exc:
        return _page(request, "search.html", 400, q=q, hits=None, events=None, error=str(exc),
                     twin=twin)  # fmt: skip
    return _page(request, "search.html", q=q, hits=hits, events=events, error=None, twin=twin,
                 events_twin=_twin(request, "/api/search/events"))  # fmt: skip


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """A local, offline stand-in for Swagger UI: the endpoints of ``/openapi.json``."""
    schema = request.app.openapi()
    endpoints = []
    for path, ops in schema.get("paths", {}).items():
        for method, op in ops.items():
            params = [
                {"name": p["name"], "in": p["in"], "required": p.get("required", False),
                 "type": _schema_type(p.get("schema", {}))}
                for p in op.get("parameters", [])
            ]  # fmt: skip
            endpoints.append({"method": method.upper(), "path": path,
                              "summary": op.get("summary", ""), "params": params})  # fmt: skip
    return _page(request, "api_docs.html", endpoints=endpoints, twin="/openapi.json")


def _schema_type(schema: dict[str, Any]) -> str:
    if "enum" in schema:  # a closed vocabulary: its values
        return " | ".join(str(v) for v in schema["enum"])
    if "anyOf" in schema:
        return " | ".join(_schema_type(s) for s in schema["anyOf"])
    if schema.get("type") == "array":
        return f"list[{_schema_type(schema.get('items', {}))}]"
    return str(schema.get("type", "any"))


@router.get("/favicon.ico", include_in_schema=False)
def favicon() -> Response:
    return RedirectResponse("/static/favicon.svg")
