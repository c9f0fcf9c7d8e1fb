"""Exports of a timeline for other tools: JSON, CSV, Markdown, TimelineJS3, GraphML.

* ``json`` — the event JSON contract (plus ``salience``), one list;
* ``csv`` — one row per event, citations as ``doc:start-end`` joined by ``;``;
* ``md`` — a Markdown list by date, each event with its quoted, cited evidence;
* ``timelinejs`` — the Knight Lab TimelineJS3 JSON (``title``, ``events`` with
  ``start_date``/``end_date`` objects, ``text.headline``/``text.text``, ``group``);
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

from storyline.records import Actor, Event
from storyline.serialize import event_json
from storyline.timeline.dates import bounds, date_label
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
) -> str:
    """The events in the given format, as text (deterministic for the same input)."""
    evs = list(events)
    sal = salience or {}
    if fmt is ExportFormat.json:
        rows = [_with_salience(event_json(e), sal.get(e.id)) for e in evs]
        return json.dumps(rows, sort_keys=True, ensure_ascii=False, indent=2) + "\n"
    if fmt is ExportFormat.csv:
        return _csv(evs, sal)
    if fmt is ExportFormat.md:
        return _markdown(evs, title)
    if fmt is ExportFormat.timelinejs:
        return (
            json.dumps(_timelinejs(evs, title), sort_keys=True, ensure_ascii=False, indent=2) + "\n"
        )
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


def _csv(evs: list[Event], sal: Mapping[str, float]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["id", "date", "date_end", "date_mod", "date_source", "type", "quad", "modality",
                "source", "source_countries", "target", "target_countries", "salience", "trigger",
                "evidence", "citations"])  # fmt: skip
    for e in evs:
        w.writerow([
            e.id, e.date, e.date_end or "", e.date_mod or "", e.date_source, e.type, quad(e.type),
            e.modality,
            _names(e.source), ";".join(sorted({a.country or "" for a in e.source})),
            _names(e.target), ";".join(sorted({a.country or "" for a in e.target})),
            sal.get(e.id, ""), e.trigger.text, " ".join(e.evidence[0].text.split()), _cites(e),
        ])  # fmt: skip
    return buf.getvalue()


def _markdown(evs: list[Event], title: str) -> str:
    lines = [f"# {title}", ""]
    for e in evs:
        marks = [m for m, on in (("planned", e.modality == "future"),
                                 ("reported", e.date_source == "reported")) if on]  # fmt: skip
        mark = f" ({', '.join(marks)})" if marks else ""
        head = (
            f"**{_date(e)}**{mark} {e.type} — {_names(e.source) or '?'} → {_names(e.target) or '?'}"
        )
        lines.append(f"- {head} ({e.modality})")
        for ev in e.evidence:
            lines.append(f"  - > {' '.join(ev.text.split())} [{ev.document}:{ev.start}-{ev.end}]")
    return "\n".join(lines) + "\n"


def _tl_date(day: str) -> dict[str, str]:
    y, m, d = day.split("-")
    return {"year": y, "month": str(int(m)), "day": str(int(d))}


def _timelinejs(evs: list[Event], title: str) -> dict[str, Any]:
    out = []
    for e in evs:
        b = bounds(e.date, e.date_end)
        if b is None:
            continue  # TimelineJS needs a calendar date
        item: dict[str, Any] = {
            "unique_id": e.id,
            "start_date": _tl_date(b[0]),
            "text": {
                "headline": f"{_names(e.source) or '?'} {e.type} {_names(e.target) or '?'}",
                "text": "<br>".join(
                    f"{escape(' '.join(ev.text.split()))} [{ev.document}:{ev.start}-{ev.end}]"
                    for ev in e.evidence
                ),
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
