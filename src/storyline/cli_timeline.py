"""Timeline views on the command line: ``timeline`` (with ``--top`` and
``--summary``), ``relations``, ``dyads`` and ``export``. Registered on the main
app by ``cli.py``."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import typer

from storyline.cli_common import DEFAULT_DB, DbOpt, FormatOpt, out, show_rows
from storyline.cli_common import emit as _emit
from storyline.cli_common import fail as _fail
from storyline.cli_common import open_store as _open
from storyline.dates import date_label, event_order
from storyline.errors import MissingExtra
from storyline.headline import headline
from storyline.output import Format, dumps
from storyline.records import Event
from storyline.serialize import event_json
from storyline.store.api import Store
from storyline.store.query import EventQuery, QueryError
from storyline.timeline.citations import Source, add_citations, document_sources
from storyline.timeline.export import ExportFormat, export_events
from storyline.timeline.periods import MAX_SMOOTH, PERIODS
from storyline.timeline.relations import relations as dyad
from storyline.timeline.relations import relations_chart, top_dyads
from storyline.timeline.salience import stored_extras
from storyline.timeline.sql import top_events
from storyline.timeline.summary import summarize, summary_markdown

__all__ = ["EventFilters", "event_row", "register", "with_filters"]

PLANNED = "⧗ planned"
#: Event ids in tables are this long (``show`` takes any unique prefix).
SHORT_ID = 12

ActorOpt = Annotated[
    str | None,
    typer.Option(
        metavar="NAME",
        help="Events involving this actor: a name, alias, country code or the start of a name.",
    ),
]
BetweenOpt = Annotated[
    tuple[str, str] | None,
    typer.Option(metavar="NAME NAME", help="Events between two actors, either way."),
]
FromOpt = Annotated[
    str | None, typer.Option("--from", metavar="DATE", help="From this date (YYYY[-MM[-DD]]).")
]
ToOpt = Annotated[
    str | None, typer.Option("--to", metavar="DATE", help="Up to this date (YYYY[-MM[-DD]]).")
]
TypeOpt = Annotated[
    list[str], typer.Option("--type", metavar="TYPE", help="PLOVER event type (repeatable).")
]
ModalityOpt = Annotated[
    list[str],
    typer.Option(
        metavar="MODALITY", help="asserted, future, hypothetical or negated (repeatable)."
    ),
]
LimitOpt = Annotated[int | None, typer.Option(metavar="N", help="At most this many events.")]
MinConfidenceOpt = Annotated[
    float,
    typer.Option(
        min=0.0,
        max=1.0,
        metavar="P",
        help="Only events at least this likely to be right (0-1; calibrated on judged news: "
        "at 0.7 about 70% or more are usable lines).",
    ),
]


@dataclass(frozen=True, slots=True)
class EventFilters:
    """The event filters ``timeline`` and ``export`` share, as one value."""

    actor: str | None = None
    between: tuple[str, str] | None = None
    date_from: str | None = None
    date_to: str | None = None
    types: tuple[str, ...] = ()
    modalities: tuple[str, ...] = ()
    limit: int | None = None
    min_confidence: float = 0.0

    def query(self, *, unlimited: bool = False) -> EventQuery:
        """The checked query (exit 2 with the reason if a filter is wrong); ``unlimited``
        drops ``--limit`` (``--top`` and ``--summary`` choose among every event)."""
        try:
            return EventQuery.build(
                actor=self.actor, between=self.between, date_from=self.date_from,
                date_to=self.date_to, types=self.types, modalities=self.modalities,
                limit=None if unlimited else self.limit, min_confidence=self.min_confidence,
            )  # fmt: skip
        except QueryError as exc:
            raise _fail(str(exc)) from exc


#: The filter options, each declared once: (parameter, annotation with its option, default).
_FILTER_OPTIONS: tuple[tuple[str, Any, Any], ...] = (
    ("actor", ActorOpt, None),
    ("between", BetweenOpt, None),
    ("date_from", FromOpt, None),
    ("date_to", ToOpt, None),
    ("type_", TypeOpt, []),
    ("modality", ModalityOpt, []),
    ("limit", LimitOpt, None),
    ("min_confidence", MinConfidenceOpt, 0.0),
)


def with_filters(command: Callable[..., None]) -> Callable[..., None]:
    """``command`` with its ``filters: EventFilters`` parameter spelled out as the
    filter options, in that place (what typer reads is the signature): the command
    receives them as one ``EventFilters``."""
    sig = inspect.signature(command, eval_str=True)
    params: list[inspect.Parameter] = []
    for p in sig.parameters.values():
        if p.name != "filters":
            params.append(p)
            continue
        params += [
            inspect.Parameter(name, inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=ann,
                              default=default)
            for name, ann, default in _FILTER_OPTIONS
        ]  # fmt: skip

    @functools.wraps(command)
    def run(**options: Any) -> None:
        filters = EventFilters(
            actor=options.pop("actor"), between=options.pop("between"),
            date_from=options.pop("date_from"), date_to=options.pop("date_to"),
            types=tuple(options.pop("type_")), modalities=tuple(options.pop("modality")),
            limit=options.pop("limit"), min_confidence=options.pop("min_confidence"),
        )  # fmt: skip
        command(filters=filters, **options)

    run.__signature__ = sig.replace(parameters=params)  # type: ignore[attr-defined]
    run.__annotations__ = {p.name: p.annotation for p in params}
    return run


def register(app: typer.Typer) -> None:
    app.command()(timeline)
    app.command()(relations)
    app.command()(dyads)
    app.command(name="export")(export)


@with_filters
def timeline(
    db: DbOpt = DEFAULT_DB,
    filters: EventFilters = EventFilters(),
    top: Annotated[
        int | None,
        typer.Option(metavar="N", help="Only the N most salient events (shown in date order)."),
    ] = None,
    summary: Annotated[
        bool, typer.Option("--summary", help="Summarize the most important dates (Markdown).")
    ] = False,
    dates: Annotated[int, typer.Option(metavar="N", help="How many dates --summary picks.")] = 10,
    fmt: FormatOpt = Format.table,
) -> None:
    """The timeline: merged events in date order, each with its citations.

    Planned events are marked ⧗ planned; events dated only by their report's
    publication date are marked (reported).
    """

    query = filters.query(unlimited=bool(summary or top))
    if top is not None and top < 1:
        raise _fail("--top must be at least 1")
    with _open(db) as store:
        try:
            if top is not None:
                ranked = top_events(store, query, top)
                events = sorted((e for e, _ in ranked), key=event_order)
            else:
                events = _events(store, query)
            extras = stored_extras(store, events)
            sources = document_sources(store, (ev.document for e in events for ev in e.evidence))
        except QueryError as exc:
            raise _fail(str(exc)) from exc
    if summary:
        _summary(events, extras, dates, fmt)
        return
    cols = ["date", "event", "headline", "modality", "source", "target", "summary", "cited",
            "outlet", "title", "published", "url", "salience", "id"]  # fmt: skip
    if fmt is Format.json:  # the event JSON (which has the headline) is all json shows
        payload = [
            add_citations({**event_json(e), **extras.get(e.id, {})}, sources) for e in events
        ]
        show_rows(fmt, [], cols, payload=payload)
        return
    rows = [
        {**event_row(e, extras.get(e.id, {}).get("salience")), **human_source(e, sources)}
        for e in events
    ]
    if fmt is Format.table:  # a terminal is narrow: what happened, who said so, a short id
        cols = ["date", "event", "headline", "cited", "id"]
        rows = [table_row(e, r, sources) for e, r in zip(events, rows, strict=True)]
    show_rows(fmt, rows, cols)


def _events(store: Store, query: EventQuery) -> list[Event]:
    return list(store.iter_events(query))


def _summary(events: list[Any], extras: dict[str, Any], n: int, fmt: Format) -> None:

    if n < 1:
        raise _fail("--dates must be at least 1")
    sal = {k: float(v["salience"]) for k, v in extras.items()}
    result = summarize(events, sal, n)
    if fmt is Format.json:
        _emit(dumps([
            {"date": s.date, "score": s.score, "events": list(s.events), "marks": list(s.marks),
             "sentences": [{"text": x.evidence.text, "document": x.evidence.document,
                            "start": x.evidence.start, "end": x.evidence.end, "event": x.event}
                           for x in s.sentences]}
            for s in result
        ]))  # fmt: skip
        return
    _emit(summary_markdown(result).rstrip("\n"))


def table_row(e: Any, row: dict[str, Any], sources: Mapping[str, Source]) -> dict[str, Any]:
    """``event_row`` with ``human_source`` for a terminal: its headline and the first
    source as outlet and date beside its span (``show ID`` prints the evidence)."""
    first = e.evidence[0]
    source = sources.get(first.document)
    said = " ".join(x for x in (source.outlet, source.published) if x) if source else ""
    more = f" +{len(e.evidence) - 1}" if len(e.evidence) > 1 else ""
    return {
        "date": row["date"].replace("/", " – "),
        "event": row["event"],
        "headline": row["headline"],
        "cited": f"{said} [{first.document[:8]}:{first.start}]{more}".strip(),
        "id": e.id[:SHORT_ID],
    }


def human_source(e: Any, sources: Mapping[str, Source]) -> dict[str, Any]:
    """The plain-language line and the article of the first citation, beside the spans
    in ``cited``: what ``--format md|csv`` adds for readers (``export`` has the same)."""
    source = sources.get(e.evidence[0].document)
    return {
        "headline": headline(e),
        "outlet": source.outlet if source else None,
        "title": source.title if source else None,
        "published": source.published if source else None,
        "url": source.url if source else None,
    }


def event_row(e: Any, salience: float | None = None) -> dict[str, Any]:
    date = date_label(e.date, e.date_end, e.date_mod)
    if e.date_source == "reported":
        date += " (reported)"
    event = e.type + (f"/{e.mode}" if e.mode else "") + "".join(f" +{t}" for t in e.also)
    if e.modality == "future":
        event += f" {PLANNED}"
    cited = ", ".join(f"{ev.document[:8]}:{ev.start}-{ev.end}" for ev in e.evidence)
    who = ", ".join(a.name for a in e.source) + " → " + ", ".join(a.name for a in e.target)
    first = e.evidence[0]
    return {
        "date": date,
        "event": event if e.modality in ("asserted", "future") else f"{event} ({e.modality})",
        "who": who,
        "evidence": f"{_clip(first.text, 90)} [{first.document[:8]}:{first.start}]"
        + (f" +{len(e.evidence) - 1}" if len(e.evidence) > 1 else ""),
        "modality": e.modality,
        "source": [a.name for a in e.source],
        "target": [a.name for a in e.target],
        "summary": e.trigger.text + " — " + _clip(e.evidence[0].text, 110),
        "cited": cited,
        "salience": salience,
        "id": e.id,
    }


def _clip(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def relations(
    a: Annotated[str, typer.Argument(metavar="A", help="A country: code, name or alias.")],
    b: Annotated[str, typer.Argument(metavar="B", help="The other country.")],
    db: DbOpt = DEFAULT_DB,
    period: Annotated[
        str, typer.Option(metavar="PERIOD", help=f"{', '.join(PERIODS[:-1])} or {PERIODS[-1]}.")
    ] = "quarter",
    smooth: Annotated[
        int,
        typer.Option(
            metavar="K",
            help=f"Add a moving average of the score over K periods (2-{MAX_SMOOTH}; 0: off).",
        ),
    ] = 0,
    smooth_window: Annotated[
        str,
        typer.Option(
            metavar="WINDOW",
            help="trailing (the K periods ending with each one) or centred (around it).",
        ),
    ] = "trailing",
    chart: Annotated[
        Path | None,
        typer.Option(metavar="PATH", help="Write the chart here (PATH.png and PATH.svg)."),
    ] = None,
    fmt: FormatOpt = Format.table,
) -> None:
    """How two countries got along: a cooperation (+) / conflict (-) score per period."""

    with _open(db) as store:
        try:
            data = dyad(store, a, b, period=period, smooth=smooth, smooth_window=smooth_window)
        except QueryError as exc:
            raise _fail(str(exc)) from exc
    if chart is not None:
        base = chart.with_suffix("") if chart.suffix in (".png", ".svg") else chart
        png, svg = Path(f"{base}.png"), Path(f"{base}.svg")
        try:
            relations_chart(data, png, svg)
        except MissingExtra as exc:  # matplotlib: the charts extra
            raise _fail(str(exc)) from exc
        if fmt is Format.table:
            out.print(f"chart: {png} {svg}")
    rows = [
        {"period": r["period"], "score": r["score"], "smoothed": r.get("smoothed"),
         "events": r["events"], "types": ", ".join(f"{k} {v}" for k, v in r["counts"].items())}
        for r in data["series"] if r["events"]
    ]  # fmt: skip
    title = (f"{data['a']['name']} – {data['b']['name']}: {data['events']} events,"
             f" score {data['score']:+g}")  # fmt: skip
    cols = ["period", "score", "events", "types"]
    if "smoothing" in data:  # the moving average beside the score, named as such
        cols.insert(2, "smoothed")
        title += f" ({data['smoothing']['label']})"
    show_rows(fmt, rows, cols, payload=data, title=title)
    if fmt is Format.table and data["key_events"]:
        out.print()
        key = [
            {"date": date_label(e["date"], e.get("date_end"), e.get("date_mod"))
             .replace("/", " – "),
             "event": f"{e['type']} ({e['modality']})", "id": e["id"][:SHORT_ID],
             "evidence": _clip(e["evidence"][0]["text"], 100)}
            for e in data["key_events"]
        ]  # fmt: skip
        show_rows(fmt, key, ["date", "event", "evidence", "id"], title="key events")


def dyads(
    db: DbOpt = DEFAULT_DB,
    limit: Annotated[int, typer.Option(metavar="N", help="How many pairs.")] = 20,
    fmt: FormatOpt = Format.table,
) -> None:
    """Country pairs with the most events between them, and their mean score."""

    with _open(db) as store:
        data = top_dyads(store, limit=limit)
    rows = [
        {"a": d["a"]["code"], "b": d["b"]["code"], "events": d["events"],
         "score": d["score"], "mean": d["mean_score"]}
        for d in data
    ]  # fmt: skip
    show_rows(fmt, rows, ["a", "b", "events", "score", "mean"], payload=data)


@with_filters
def export(
    fmt: Annotated[
        ExportFormat,
        typer.Option(
            "--format", "-f", metavar="FORMAT", help="json, csv, md, timelinejs or graphml."
        ),
    ],
    db: DbOpt = DEFAULT_DB,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="PATH", help="Write here (default: stdout)."),
    ] = None,
    filters: EventFilters = EventFilters(),
    title: Annotated[
        str, typer.Option(metavar="TEXT", help="Title (Markdown, TimelineJS).")
    ] = "storyline timeline",
) -> None:
    """Export the (filtered) timeline: json, csv, md, timelinejs (Knight Lab) or graphml (Gephi)."""

    query = filters.query()
    with _open(db) as store:
        try:
            events = _events(store, query)
            sal = {k: float(v["salience"]) for k, v in stored_extras(store, events).items()}
            sources = document_sources(store, (ev.document for e in events for ev in e.evidence))
        except QueryError as exc:
            raise _fail(str(exc)) from exc
    text = export_events(events, fmt, sal, title=title, sources=sources)
    if output is None:
        typer.echo(text, nl=False)
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
        out.print(f"{len(events)} events written to {output} ({fmt.value})")
