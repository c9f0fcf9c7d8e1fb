"""Exports of a timeline for other tools: JSON, CSV, Markdown, TimelineJS3, GraphML.

* ``json`` — the event JSON contract (plus ``salience`` and a ``citation`` per
  evidence item), one list;
* ``csv`` — one row per event: its headline, citations as ``doc:start-end`` joined
  by ``;``, and the first citation's outlet, title, date and URL;
* ``md`` — a Markdown list by date, each event's headline with its quoted evidence
  and a readable citation (outlet, “headline”, date, link, span);
* ``timelinejs`` — the Knight Lab TimelineJS3 JSON (``title``, ``events`` with
  ``start_date``/``end_date`` objects, ``text.headline``/``text.text``, ``group``);
  the text cites outlet, headline, date and links the original article;
* ``graphml`` — the actor graph for Gephi: nodes are actors (country, sector,
  kind), edges are events aggregated per (source, target, type) with a count
  (``weight``) and the summed cooperation-conflict ``score``.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from storyline.dates import bounds, date_label
from storyline.headline import event_tags, headline
from storyline.records import Actor, Event, Evidence
from storyline.serialize import event_json
from storyline.timeline.citations import Source, add_citations, citation_text
from storyline.timeline.plover import event_score, quad

__all__ = ["ExportFormat", "export_events"]


class ExportFormat(StrEnum):
    json = "json"
    csv = "csv"
    md = "md"
    timelinejs = "timelinejs"
    graphml = "graphml"


def export_events(
    events: Iterable[Event],
    fmt: ExportFormat,
    salience: Mapping[str, float] | None = None,
    title: str = "storyline timeline",
    sources: Mapping[str, Source] | None = None,
) -> str:
    """The events in the given format, as text (deterministic for the same input).

    ``sources`` (``citations.document_sources``) gives each cited document's outlet,
    title, date and URL; without it citations are spans only."""
    evs = list(events)
    sal = salience or {}
    src = sources or {}
    if fmt is ExportFormat.json:
        rows = [add_citations(_with_salience(event_json(e), sal.get(e.id)), src) for e in evs]
        return json.dumps(rows, sort_keys=True, ensure_ascii=False, indent=2) + "\n"
    if fmt is ExportFormat.csv:
        return _csv(evs, sal, src)
    if fmt is ExportFormat.md:
        return _markdown(evs, title, src)
    if fmt is ExportFormat.timelinejs:
        data = _timelinejs(evs, title, src)
        return json.dumps(data, sort_keys=True, ensure_ascii=False, indent=2) + "\n"
    return _graphml(evs)


def _with_salience(d: dict[str, Any], value: float | None) -> dict[str, Any]:
    if value is not None:
        d["salience"] = value
    return d


def _date(e: Event) -> str:
    return date_label(e.date, e.date_end, e.date_mod)


def _names(actors: Iterable[Actor]) -> str:
    return "; ".join(a.name for a in actors)


def _cites(e: Event) -> str:
    return "; ".join(f"{ev.document}:{ev.start}-{ev.end}" for ev in e.evidence)


def _cite(ev: Evidence, sources: Mapping[str, Source]) -> str:
    return citation_text(ev.document, ev.start, ev.end, sources.get(ev.document))


def _csv(evs: list[Event], sal: Mapping[str, float], sources: Mapping[str, Source]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["id", "date", "date_end", "date_mod", "date_source", "headline", "type", "mode",
                "quad", "modality", "source", "source_countries", "target", "target_countries",
                "salience", "trigger", "evidence", "citations", "outlet", "title", "published",
                "url", "outlets"])  # fmt: skip
    for e in evs:
        first = sources.get(e.evidence[0].document) or Source(e.evidence[0].document)
        outlets = {s.outlet for ev in e.evidence if (s := sources.get(ev.document)) and s.outlet}
        w.writerow([
            e.id, e.date, e.date_end or "", e.date_mod or "", e.date_source, headline(e), e.type,
            e.mode or "", quad(e.type), e.modality,
            _names(e.source), ";".join(sorted({a.country or "" for a in e.source})),
            _names(e.target), ";".join(sorted({a.country or "" for a in e.target})),
            sal.get(e.id, ""), e.trigger.text, " ".join(e.evidence[0].text.split()), _cites(e),
            first.outlet or "", first.title or "", first.published or "", first.url or "",
            "; ".join(sorted(outlets)),
        ])  # fmt: skip
    return buf.getvalue()


def _md(text: str) -> str:
    """Text safe inside a Markdown list item: no line breaks, no link or emphasis syntax."""
    out = " ".join(text.split())
    for ch in "\\`*_[]<>":
        out = out.replace(ch, "\\" + ch)
    return out


def _markdown(evs: list[Event], title: str, sources: Mapping[str, Source]) -> str:
    lines = [f"# {title}", ""]
    for e in evs:
        marks = [m for m, on in (("planned", e.modality == "future"),
                                 ("reported", e.date_source == "reported")) if on]  # fmt: skip
        mark = f" ({', '.join(marks)})" if marks else ""
        tags = " ".join(f"`{t}`" for t in event_tags(e))
        lines.append(f"- **{_date(e)}**{mark} {_md(headline(e))} {tags} ({e.modality})")
        for ev in e.evidence:
            src = sources.get(ev.document) or Source(ev.document)
            who = ", ".join(_md(p) for p in (src.outlet, src.title and f"“{src.title}”",
                                             src.published) if p)  # fmt: skip
            if src.url:
                who = f"[{who or _md(src.url)}](<{src.url.replace('>', '%3E')}>)"
            ref = f"[{ev.document}:{ev.start}-{ev.end}]"
            cite = f"— {who} {ref}" if who else ref
            lines.append(f"  - > {_md(ev.text)} {cite}")
    return "\n".join(lines) + "\n"


def _tl_date(day: str) -> dict[str, str]:
    y, m, d = day.split("-")
    return {"year": y, "month": str(int(m)), "day": str(int(d))}


def _tl_cite(ev: Evidence, sources: Mapping[str, Source]) -> str:
    """A TimelineJS text block: the quote, then outlet, “headline”, date (linked)."""
    src = sources.get(ev.document) or Source(ev.document)
    who = escape(", ".join(p for p in (src.outlet, src.title and f"“{src.title}”",
                                      src.published) if p))  # fmt: skip
    if src.url:
        who = f"<a href={quoteattr(src.url)}>{who or escape(src.url)}</a>"
    quote = escape(" ".join(ev.text.split()))
    ref = f"[{ev.document}:{ev.start}-{ev.end}]"
    return f"<blockquote>{quote}</blockquote><p>{who} {ref}</p>" if who else f"{quote} {ref}"


def _timelinejs(evs: list[Event], title: str, sources: Mapping[str, Source]) -> dict[str, Any]:
    out = []
    for e in evs:
        b = bounds(e.date, e.date_end)
        if b is None:
            continue  # TimelineJS needs a calendar date
        item: dict[str, Any] = {
            "unique_id": e.id,
            "start_date": _tl_date(b[0]),
            "text": {
                "headline": escape(headline(e)),
                "text": "".join(_tl_cite(ev, sources) for ev in e.evidence),
            },
            "group": e.type,
        }
        if b[1] != b[0]:
            item["end_date"] = _tl_date(b[1])
        if e.date_mod:  # TimelineJS places it on the day; the label says what the day means
            item["display_date"] = date_label(e.date, e.date_end, e.date_mod, words=True)
        out.append(item)
    return {"title": {"text": {"headline": title, "text": f"{len(out)} events"}}, "events": out}


def _graphml(evs: list[Event]) -> str:
    nodes: dict[str, Actor] = {}
    edges: dict[tuple[str, str, str], list[float]] = {}
    for e in evs:
        for a in (*e.source, *e.target):
            nodes.setdefault(a.id, a)
        for s in e.source:
            for t in e.target:
                if s.id != t.id:
                    acc = edges.setdefault((s.id, t.id, e.type), [0.0, 0.0])
                    acc[0] += 1
                    acc[1] += event_score(e.type, e.modality)
    keys = [("name", "node", "string"), ("country", "node", "string"), ("sector", "node", "string"),
            ("kind", "node", "string"), ("type", "edge", "string"), ("weight", "edge", "double"),
            ("score", "edge", "double")]  # fmt: skip
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">']  # fmt: skip
    out += [f'  <key id="{k}" for="{f}" attr.name="{k}" attr.type="{t}"/>' for k, f, t in keys]
    out.append('  <graph id="actors" edgedefault="directed">')
    for aid in sorted(nodes):
        a = nodes[aid]
        out.append(f"    <node id={quoteattr(aid)}>")
        attrs = (("name", a.name), ("country", a.country), ("sector", a.sector), ("kind", a.kind))
        for k, value in attrs:
            if value:
                out.append(f'      <data key="{k}">{escape(value)}</data>')
        out.append("    </node>")
    for i, ((src, tgt, typ), (w, score)) in enumerate(sorted(edges.items())):
        out.append(f'    <edge id="e{i}" source={quoteattr(src)} target={quoteattr(tgt)}>')
        out.append(f'      <data key="type">{typ}</data>')
        out.append(f'      <data key="weight">{w:g}</data>')
        out.append(f'      <data key="score">{score:g}</data>')
        out.append("    </edge>")
    out += ["  </graph>", "</graphml>"]
    return "\n".join(out) + "\n"
