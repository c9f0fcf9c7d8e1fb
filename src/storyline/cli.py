"""The ``storyline`` command line (Typer)."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import sqlite3
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.text import Text

from storyline import __version__, cli_serve, cli_timeline
from storyline.cli_common import (
    DEFAULT_DB,
    DbOpt,
    FormatOpt,
    QuietOpt,
    err,
    out,
    printable,
    show_rows,
)
from storyline.cli_common import emit as _emit
from storyline.cli_common import fail as _fail
from storyline.cli_common import open_store as _open
from storyline.cli_help import CleanHelpGroup
from storyline.cli_logging import LogLevel, configure_logging
from storyline.cli_progress import BuildProgress
from storyline.cli_timeline import SHORT_ID
from storyline.dates import date_label
from storyline.extract import extract_events
from storyline.headline import headline
from storyline.output import Format, dumps, render
from storyline.serialize import event_json, timex_json
from storyline.store.query import check_search
from storyline.store.sqlite import (
    MIN_EVENT_PREFIX,
    SQLiteStore,
    StoreError,
    StoreWriteError,
    write_failure,
)
from storyline.timeline.citations import add_citations, citation_text, document_sources
from storyline.timeline.search import search_events
from storyline.timex import tag

app = typer.Typer(
    cls=CleanHelpGroup,
    name="storyline",
    help="Turn dated, overlapping news articles into a deduplicated, cited timeline.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _print_version(value: bool) -> None:
    if value:
        out.print(f"storyline {__version__}", highlight=False)
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", help="Print the version and exit.", is_eager=True, callback=_print_version
        ),
    ] = False,
    log_level: Annotated[
        LogLevel | None,
        typer.Option(
            "--log-level",
            metavar="LEVEL",
            case_sensitive=False,
            envvar="STORYLINE_LOG_LEVEL",
            help="Diagnostics on stderr from this level on: DEBUG, INFO, WARNING (default), ERROR.",
        ),
    ] = None,
    verbose: Annotated[
        int,
        typer.Option(
            "--verbose",
            "-v",
            count=True,
            show_default=False,
            help="More diagnostics: -v for INFO, -vv for DEBUG.",
        ),
    ] = 0,
) -> None:
    """Turn dated, overlapping news articles into a deduplicated, cited timeline."""
    configure_logging(log_level, verbose)


# --------------------------------------------------------------------------- build


@app.command()
def build(
    paths: Annotated[
        list[str],
        typer.Argument(metavar="PATH", help="Files or directories to read, or - for stdin."),
    ],
    db: DbOpt = DEFAULT_DB,
    workers: Annotated[
        int,
        typer.Option(
            metavar="N",
            min=0,
            show_default=False,
            help="Worker processes for the language model; default: one per core (0).",
        ),
    ] = 0,
    model: Annotated[
        str | None,
        typer.Option(metavar="NAME", help="spaCy model name or path.", envvar="STORYLINE_MODEL"),
    ] = None,
    include: Annotated[
        list[str], typer.Option(metavar="GLOB", help="Only paths matching this glob (repeatable).")
    ] = [],  # noqa: B006
    exclude: Annotated[
        list[str], typer.Option(metavar="GLOB", help="Skip paths matching this glob (repeatable).")
    ] = [],  # noqa: B006
    field: Annotated[
        list[str],
        typer.Option(metavar="NAME=FIELD", help="JSON field mapping, e.g. text=body (repeatable)."),
    ] = [],  # noqa: B006
    max_bytes: Annotated[
        int,
        typer.Option(
            metavar="BYTES",
            min=1,
            help="Quarantine files larger than this; for WARC files (streamed) and JSONL "
            "files over it (read by line), each record or line instead.",
        ),
    ] = 20_000_000,
    engine: Annotated[
        str, typer.Option(metavar="ENGINE", help="Where per-document work runs: local or ray.")
    ] = "local",
    address: Annotated[
        str | None,
        typer.Option(metavar="HOST:PORT", help="Ray cluster address (with --engine ray)."),
    ] = None,
    chunk: Annotated[
        int,
        typer.Option(
            metavar="N",
            help="Process and store new documents this many at a time (memory is bounded "
            "by a chunk; 0: all at once).",
            min=0,
        ),
    ] = 10_000,
    keep_shards: Annotated[
        bool,
        typer.Option(
            "--keep-shards",
            help="With --engine ray: keep <db>.shards after a successful build (it is "
            "always kept after a failed one, to resume from).",
        ),
    ] = False,
    admission_floor: Annotated[
        float | None,
        typer.Option(
            metavar="P",
            min=0.0,
            max=1.0,
            show_default=False,
            help="Admit no event less confident than P (default: the confidence model's "
            "admission floor; 0 admits every event the frames fill).",
        ),
    ] = None,
    quiet: QuietOpt = False,
    progress: Annotated[
        bool | None,
        typer.Option(
            "--progress/--no-progress",
            show_default=False,
            help="Show the progress display (default: only when stderr is a terminal).",
        ),
    ] = None,
    fmt: FormatOpt = Format.table,
) -> None:
    """Read articles, extract events and store everything in the database."""
    from storyline.engine.local import build as run_build
    from storyline.engine.lock import BuildLocked
    from storyline.engine.stages import BuildConfig
    from storyline.nlp.spacy_pipeline import ModelNotFound

    missing = [p for p in paths if p != "-" and not os.path.lexists(p)]
    if missing:  # before the store is created: a typo leaves nothing behind
        raise _fail(f"no such file or directory: {', '.join(missing)}; nothing was built",
                    code=EXIT_NOTHING_BUILT)  # fmt: skip
    field_map = {}
    for f in field:
        key, sep, value = f.partition("=")
        if not sep:
            raise _fail(f"--field takes NAME=FIELD, got {f!r}")
        field_map[key.strip()] = value.strip()
    config = BuildConfig(
        model=model, workers=workers or os.cpu_count() or 1, admission_floor=admission_floor
    )
    executor = _executor(engine, address, config, db)
    try:
        store = SQLiteStore(db)
    except StoreWriteError as exc:  # a full disk, a read-only store: nothing was built
        raise _fail(str(exc), code=EXIT_NOTHING_BUILT) from exc
    except StoreError as exc:
        raise _fail(str(exc)) from exc

    def warn(q: Any) -> None:
        err.print(f"[yellow]skipped[/] {printable(q.source)}: {printable(q.reason)}")

    shown = progress if progress is not None else err.is_terminal
    display = BuildProgress(err, enabled=shown and not quiet)

    try:
        with display:
            report = run_build(
                paths, store, config, include=include, exclude=exclude, field_map=field_map,
                max_bytes=max_bytes, progress=display, on_quarantine=warn, executor=executor,
                chunk_size=chunk or None,
            )  # fmt: skip
    except ModelNotFound as exc:
        raise _fail(str(exc)) from exc
    except BuildLocked as exc:
        raise _fail(str(exc), code=EXIT_NOTHING_BUILT) from exc
    except sqlite3.OperationalError as exc:  # a full disk, a read-only store
        raise _fail(write_failure(db, exc), code=EXIT_NOTHING_BUILT) from exc
    finally:
        store.close()
    if executor is not None and not keep_shards:  # stored: the shards served their turn
        shutil.rmtree(executor.shards.root, ignore_errors=True)
    summary = {
        "inputs": report.inputs,
        "new": report.new,
        "unchanged": report.unchanged,
        "duplicates": report.duplicates,
        "quarantined": len(report.quarantined),
        "event_mentions": report.event_mentions,
        "events": report.events,
        "merge": report.merge,
        "remerged": report.remerged,
        "stories": report.stories,
        "not_coded": report.not_coded,
        "skipped": sum(report.skipped.values()),
        "warnings": len(report.warned),
        "seconds": round(report.seconds, 2),
        "db": str(db),
    }
    columns = list(summary)
    if fmt is Format.table:
        if not quiet:
            err.print(
                f"built {db}: {report.new} new, {report.unchanged} unchanged, "
                f"{report.duplicates} duplicate, {len(report.quarantined)} quarantined "
                f"documents; {report.event_mentions} new event mentions; "
                f"{report.events} events in {report.stories} stories ({report.seconds:.1f}s)"
            )
            for note in _build_notes(report):
                err.print(note, highlight=False)
    else:
        payload = {
            **summary,
            "languages": dict(sorted(report.languages.items())),
            "skipped_by_reason": dict(report.skipped.most_common()),
            "warned": [{"source": src, "warning": w} for src, w in report.warned],
            "steps": report.steps,
        }
        _emit(render(fmt, [summary], columns, payload=payload))
    code = build_exit_code(report.new + report.unchanged + report.duplicates,
                           len(report.quarantined))  # fmt: skip
    if code == EXIT_NOTHING_BUILT:
        raise _fail(f"nothing could be built from {', '.join(paths)}: "
                    + ("no readable input" if report.quarantined else "no input found"),
                    code=code)  # fmt: skip
    if code:
        raise typer.Exit(code)


def _build_notes(report: Any) -> list[str]:
    """The build summary's extra lines: documents not coded (by language), WARC
    records skipped (by reason, the most frequent first)."""
    notes = []
    if report.not_coded:
        counts = sorted(report.languages.items(), key=lambda kv: (-kv[1], kv[0]))
        other = ", ".join(f"{lang} {n}" for lang, n in counts if lang not in ("en", "und"))
        notes.append(
            f"{report.not_coded} new documents not in English ({other}): stored and "
            "searchable, not event-coded"
        )
    if report.skipped:
        top = report.skipped.most_common(6)
        shown = ", ".join(f"{printable(reason)} {n}" for reason, n in top)
        more = f", {len(report.skipped) - len(top)} more reasons" if len(report.skipped) > 6 else ""
        notes.append(f"{sum(report.skipped.values())} WARC records skipped ({shown}{more})")
    if report.warned:
        first = report.warned[0]
        more = f"; {len(report.warned) - 1} more above" if len(report.warned) > 1 else ""
        notes.append(
            f"{len(report.warned)} input(s) kept with a warning "
            f"({printable(first[0])}: {printable(first[1])}{more})"
        )
    return notes


#: Exit codes of ``build`` (README): all stored; nothing could be built; usage error;
#: built, but some inputs were quarantined.
EXIT_OK, EXIT_NOTHING_BUILT, EXIT_USAGE, EXIT_SOME_QUARANTINED = 0, 1, 2, 3


def build_exit_code(stored: int, quarantined: int) -> int:
    if stored == 0:
        return EXIT_NOTHING_BUILT
    return EXIT_SOME_QUARANTINED if quarantined else EXIT_OK


def _executor(engine: str, address: str | None, config: Any, db: Path) -> Any:
    """The executor for ``--engine``: None means the local default."""
    if engine == "local":
        if address:
            raise _fail("--address goes with --engine ray")
        return None
    if engine != "ray":
        raise _fail(f"unknown engine {engine!r}: use local or ray")
    try:
        from storyline.engine.ray_engine import RayExecutor
    except ImportError as exc:
        raise _fail(
            f"the ray engine needs the optional dependencies: pip install 'storyline[ray]' ({exc})"
        ) from exc
    # shards live beside the store, so an interrupted build resumes where it stopped
    return RayExecutor(config, address=address, shard_dir=Path(f"{db}.shards"))


# --------------------------------------------------------------------------- queries


@app.command()
def show(
    event_id: Annotated[
        str, typer.Argument(metavar="ID", help="An event id, or a unique prefix of one.")
    ],
    db: DbOpt = DEFAULT_DB,
    fmt: FormatOpt = Format.table,
) -> None:
    """One event with its evidence sentences."""
    with _open(db) as store:
        event = store.event(event_id)
        if event is None:
            several = store.event_ids_starting(event_id)
            if len(several) > 1:
                shown = ", ".join(several[:5]) + (", …" if len(several) > 5 else "")
                raise _fail(f"{event_id!r} starts several event ids ({shown}): give more of "
                            "the id", code=1)  # fmt: skip
            if several:
                raise _fail(f"give at least {MIN_EVENT_PREFIX} characters of the id "
                            f"({several[0]})", code=1)  # fmt: skip
            raise _fail(f"no event {event_id!r} in {db}", code=1)
        docs = {ev.document: store.document(ev.document) for ev in event.evidence}
        sources = document_sources(store, docs)
    if fmt is Format.json:
        _emit(dumps(add_citations(event_json(event), sources)))
        return
    date = date_label(event.date, event.date_end, event.date_mod, words=True)
    out.print(f"[bold]{headline(event)}[/]", highlight=False)
    out.print(
        f"{event.type}{'/' + event.mode if event.mode else ''} {date} "
        f"({event.date_source}), {event.modality}, confidence {event.confidence:.2f}"
    )
    out.print(f"source: {', '.join(_actor_label(a) for a in event.source) or '—'}")
    out.print(f"target: {', '.join(_actor_label(a) for a in event.target) or '—'}")
    out.print(f"trigger: “{event.trigger.text}”")
    for ev in event.evidence:  # who said so first (outlet, headline, date, link), then where
        d = docs.get(ev.document) or {}
        cited = citation_text(ev.document, ev.start, ev.end, sources.get(ev.document))
        out.print(f"\n{escape(cited)}", highlight=False)
        out.print(f"[dim]{ev.document} {escape(str(d.get('source', '')))}[/]", highlight=False)
        out.print(f"  {ev.text}", highlight=False, markup=False)


def _actor_label(a: Any) -> str:
    extra = ", ".join(x for x in (a.country, a.sector, a.role) if x)
    return f"{a.name} ({extra})" if extra else a.name


@app.command()
def docs(db: DbOpt = DEFAULT_DB, fmt: FormatOpt = Format.table) -> None:
    """Stored documents with their publication date, its provenance and alternatives."""
    with _open(db) as store:
        payload = store.document_listing()
    rows, quarantined = payload["documents"], payload["quarantined"]
    cols = ["id", "published", "date_from", "alternatives", "outlet", "title", "source", "story"]
    show_rows(fmt, rows, cols, payload=payload)
    if fmt is Format.table and quarantined:
        err.print(f"{len(quarantined)} quarantined input(s):")
        for q in quarantined:
            err.print(f"  {q['source']}: {q['reason']}")


@app.command()
def actors(db: DbOpt = DEFAULT_DB, fmt: FormatOpt = Format.table) -> None:
    """Actors with their country, sector, role, aliases and mention counts."""
    with _open(db) as store:
        rows = store.actors()
    cols = ["name", "country", "sector", "kind", "role", "mentions", "aliases", "id"]
    show_rows(fmt, rows, cols)


@app.command()
def stories(db: DbOpt = DEFAULT_DB, fmt: FormatOpt = Format.table) -> None:
    """Stories (near-duplicate clusters) with their articles and each one's relation."""
    with _open(db) as store:
        rows = store.stories()
        sources = document_sources(store, (m["document"] for s in rows for m in s["members"]))
    flat = [
        {"story": s["id"], "document": m["document"], "relation": m["relation"],
         "score": m["score"], "outlet": getattr(sources.get(m["document"]), "outlet", None),
         "published": m.get("published"), "title": m.get("title"), "source": m.get("source")}
        for s in rows for m in s["members"]
    ]  # fmt: skip
    cols = ["story", "document", "relation", "score", "outlet", "published", "title", "source"]
    show_rows(fmt, flat, cols, payload=rows)


@app.command()
def search(
    query: Annotated[
        str, typer.Argument(metavar="QUERY", help="SQLite FTS5 query, e.g. 'visit AND Seoul'.")
    ],
    db: DbOpt = DEFAULT_DB,
    limit: Annotated[
        int, typer.Option(metavar="N", min=1, help="At most this many articles (or events).")
    ] = 20,
    events: Annotated[
        bool,
        typer.Option(
            "--events",
            help="Find events instead: those whose own words (headline, evidence, sides) "
            "hold the query's terms, in date order, with their citations.",
        ),
    ] = False,
    fmt: FormatOpt = Format.table,
) -> None:
    """Full-text search over the stored articles, or with --events over the events (at
    most 64 terms, 1,000 characters)."""
    marks = _HIGHLIGHT if fmt is Format.table else ("[", "]")
    with _open(db) as store:
        try:
            if events:
                found = search_events(store, check_search(query), limit)
            else:
                rows = store.search(check_search(query), limit, marks=marks)
        except ValueError as exc:
            raise _fail(str(exc)) from exc
    if events:
        show_rows(fmt, [_event_hit(e) for e in found],
                  ["date", "event", "headline", "cited", "id"], payload=found)  # fmt: skip
        return
    if fmt is Format.table:
        rows = [{**r, "snippet": _highlighted(r["snippet"])} for r in rows]
    show_rows(fmt, rows, ["document", "title", "snippet"])


def _event_hit(e: dict[str, Any]) -> dict[str, Any]:
    c = e["citation"]
    said = " ".join(x for x in (c["outlet"], c["published"]) if x)
    return {
        "date": date_label(e["date"], e.get("date_end"), e.get("date_mod")).replace("/", " – "),
        "event": e["type"] + (f"/{e['mode']}" if e.get("mode") else ""),
        "headline": e["headline"],
        "cited": f"{said} [{c['document'][:8]}:{c['start']}]".strip(),
        "id": e["id"][:SHORT_ID],
    }


#: Marks around the matched words of a snippet, turned into a style for tables
#: (brackets would read as Rich markup and swallow the word).
_HIGHLIGHT = ("\x02", "\x03")


def _highlighted(snippet: str) -> Text:
    text = Text()
    for n, part in enumerate(re.split("[\x02\x03]", snippet)):
        text.append(part, style="bold yellow" if n % 2 else "")
    return text


# --------------------------------------------------------------------------- one text


FileArg = Annotated[str, typer.Argument(metavar="FILE", help="A text file, or - for stdin.")]
DateOpt = Annotated[str, typer.Option(metavar="YYYY-MM-DD", help="The text's publication date.")]


def _read_text(file: str) -> str:
    if file == "-":
        return sys.stdin.read()
    path = Path(file)
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise _fail(f"cannot read {file}: {exc}") from exc


def _check_date(date: str) -> str:
    try:
        return dt.date.fromisoformat(date).isoformat()
    except ValueError as exc:
        raise _fail(f"--date must be YYYY-MM-DD, got {date!r}") from exc


@app.command()
def extract(
    file: FileArg = "-",
    date: DateOpt = ...,  # type: ignore[assignment]
    model: Annotated[
        str | None,
        typer.Option(metavar="NAME", help="spaCy model name or path.", envvar="STORYLINE_MODEL"),
    ] = None,
) -> None:
    """The events of one text, as JSON (offsets into the text as given)."""
    anchor = _check_date(date)
    _emit(dumps(extract_events(_read_text(file), anchor, model=model)))


@app.command()
def timex(
    file: FileArg = "-",
    date: DateOpt = ...,  # type: ignore[assignment]
) -> None:
    """The temporal expressions of one text, as JSON (TIMEX3 values)."""
    anchor = _check_date(date)
    _emit(dumps([timex_json(t) for t in tag(_read_text(file), anchor)]))


def _register_plugins() -> None:
    """Command groups kept in their own modules (timeline views, the web server)."""
    cli_timeline.register(app)
    cli_serve.register(app)


_register_plugins()

if __name__ == "__main__":  # pragma: no cover
    app()
