"""Dyad relations: how two countries got along, period by period.

For a pair of countries, every event between them (either direction; for talks
and cooperation, also both on one side) is scored with the PLOVER quad weights
of ``plover.py`` (cooperation positive, conflict negative, scaled by modality)
and summed per day, week, month, quarter or year (``periods.py``) — the summed,
Goldstein-style series that event data analysts plot. An event falls in the period
of its first day: a year-granular event ("in 2021") counts in that year's first
period. Events with no calendar date are left out of the series but counted. A
moving average of the net score (``smooth``) is given beside the score, never in
its place.

This module is the interface of the web UI and the CLI: ``relations``,
``relations_chart`` and ``top_dyads`` return JSON-ready data.
"""

from __future__ import annotations

import datetime as dt
import io
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from storyline.errors import missing_extra
from storyline.events.lexicon import DIRECTIONLESS
from storyline.records import Event
from storyline.serialize import event_json
from storyline.store.api import Store
from storyline.store.query import QueryError
from storyline.timeline.cache import per_store_state
from storyline.timeline.citations import cite_all
from storyline.timeline.periods import (
    MAX_SMOOTH,
    PERIODS,
    SMOOTH_WINDOWS,
    Period,
    SmoothWindow,
    moving_average,
    next_start,
    period_of,
    smoothing_label,
)
from storyline.timeline.plover import QUAD_WEIGHT, event_score, quad
from storyline.timeline.salience import stored_extras
from storyline.timeline.sql import resolve_country
from storyline.vocab import one_of, parse_modality, parse_plover_type

__all__ = [
    "CHART_PERIODS",
    "MAX_SERIES",
    "PERIODS",
    "dyad_events",
    "period_of",
    "relations",
    "relations_chart",
    "relations_chart_svg",
    "top_dyads",
    "top_dyads_uncached",
]

KEY_EVENTS = 10
#: The chart shows at most the last ten years (of months, quarters, years), or the
#: last 104 weeks or 120 days: older outliers would flatten it.
CHART_PERIODS: dict[Period, int] = {
    "day": 120,
    "week": 104,
    "month": 120,
    "quarter": 40,
    "year": 10,
}
#: The longest series answered (27 years of days): a longer one asks for a longer period.
MAX_SERIES = 10_000


def dyad_events(store: Store, a: str, b: str) -> list[tuple[Event, str]]:
    """Events between countries ``a`` and ``b`` (codes) with their first day: one on
    each side, or (talks, cooperation) both on one side."""
    return [
        (event, first)
        for event, first, across in store.dyad_events(a, b)
        if across or event.type in DIRECTIONLESS
    ]


def relations(
    store: Store,
    a: str,
    b: str,
    *,
    period: str = "quarter",
    smooth: int = 0,
    smooth_window: str = "trailing",
) -> dict[str, Any]:
    """The cooperation-conflict series of a country pair (codes, names or aliases).

    ``smooth`` (2 to ``MAX_SMOOTH`` periods; 0, the default, is off) adds each period's
    moving average of the net score (``smoothed``, None where the window runs past the
    series) and the ``smoothing`` it used; the counts and scores are left as they are."""
    per: Period = one_of(period, PERIODS, "period", QueryError)
    window: SmoothWindow = one_of(smooth_window, SMOOTH_WINDOWS, "smoothing window", QueryError)
    if smooth and not 2 <= smooth <= MAX_SMOOTH:
        raise QueryError(f"smooth must be 0 (off) or 2 to {MAX_SMOOTH} periods, got {smooth}")
    code_a, name_a = resolve_country(store, a)
    code_b, name_b = resolve_country(store, b)
    if code_a == code_b:
        raise QueryError(f"{a!r} and {b!r} are the same country ({code_a})")
    events = dyad_events(store, code_a, code_b)
    buckets: dict[str, dict[str, Any]] = {}
    counts: Counter[str] = Counter()
    undated = 0
    for ev, first in events:
        counts[ev.type] += 1
        if first.startswith("9999"):
            undated += 1
            continue
        label, start = period_of(first, per)
        row = buckets.setdefault(label, _empty(label, start))
        row["score"] += event_score(ev.type, ev.modality)
        row["events"] += 1
        row["counts"][ev.type] = row["counts"].get(ev.type, 0) + 1
        if ev.modality == "asserted":
            row["quads"][quad(ev.type)] += 1
        else:  # planned, possible or denied: counted apart from what happened
            row["unrealized"][ev.modality] = row["unrealized"].get(ev.modality, 0) + 1
    series = _fill(buckets, per)
    extras = stored_extras(store, (e for e, _ in events))
    ranked = sorted(events, key=lambda x: (-float(extras[x[0].id]["salience"]), x[0].id))
    key = sorted(ranked[:KEY_EVENTS], key=lambda x: (x[1], x[0].id))
    key_events = cite_all(store, ({**event_json(e), **extras[e.id]} for e, _ in key))
    total = sum(r["score"] for r in series)
    data: dict[str, Any] = {
        "a": {"code": code_a, "name": name_a},
        "b": {"code": code_b, "name": name_b},
        "period": per,
        "series": series,
        "counts": dict(sorted(counts.items())),
        "events": len(events),
        "undated": undated,
        "score": round(total, 3),
        "key_events": key_events,
        "scale": "PLOVER quad classes: verbal cooperation +3, material cooperation +7,"
        " verbal conflict -3, material conflict -7; x1 asserted, x0.5 planned,"
        " x0.25 hypothetical, x0 negated",
    }
    if smooth:
        averages = moving_average([r["score"] for r in series], smooth, window)
        for row, avg in zip(series, averages, strict=True):
            row["smoothed"] = avg
        data["smoothing"] = {"periods": smooth, "window": window,
                             "label": smoothing_label(smooth, window, per)}  # fmt: skip
    return data


def _empty(label: str, start: str) -> dict[str, Any]:
    return {"period": label, "start": start, "score": 0.0, "events": 0, "counts": {},
            "quads": dict.fromkeys(QUAD_WEIGHT, 0), "unrealized": {}}  # fmt: skip


def _fill(buckets: dict[str, dict[str, Any]], period: Period) -> list[dict[str, Any]]:
    """Every period from the first to the last, empty ones included (charts and moving
    averages need the gaps); QueryError past ``MAX_SERIES`` periods."""
    if not buckets:
        return []
    starts = sorted(r["start"] for r in buckets.values())
    by_start = {r["start"]: r for r in buckets.values()}
    out: list[dict[str, Any]] = []
    cur = starts[0]
    while cur <= starts[-1]:
        if len(out) == MAX_SERIES:
            longer = ", ".join(PERIODS[PERIODS.index(period) + 1 :])
            raise QueryError(
                f"a series per {period} from {starts[0]} to {starts[-1]} would have more than"
                f" {MAX_SERIES} periods; choose a longer period ({longer})"
            )
        nxt = next_start(cur, period)
        row = by_start.get(cur) or _empty(period_of(cur, period)[0], cur)
        row["end"] = (dt.date.fromisoformat(nxt) - dt.timedelta(days=1)).isoformat()
        row["score"] = round(row["score"], 3)
        row["counts"] = dict(sorted(row["counts"].items()))
        out.append(row)
        cur = nxt
    return out


def relations_chart(data: dict[str, Any], png: Path | None, svg: Path | None) -> None:
    """Bars of the net score per period (green cooperation, red conflict) on one axis."""
    if png is None and svg is None:
        return
    fig = _chart_figure(data)
    for path, fmt in ((png, "png"), (svg, "svg")):
        if path is not None:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            fig.savefig(path, format=fmt, metadata={"Date": None} if fmt == "svg" else None)


def relations_chart_svg(data: dict[str, Any]) -> bytes:
    """The chart as SVG bytes (thread-safe: no pyplot state, one figure per call)."""
    buf = io.BytesIO()
    _chart_figure(data).savefig(buf, format="svg", metadata={"Date": None})
    return buf.getvalue()


def _chart_figure(data: dict[str, Any]) -> Any:
    try:
        import matplotlib
        from matplotlib.figure import Figure
    except ImportError as exc:  # the charts extra
        raise missing_extra(exc, "a chart image") from exc

    matplotlib.rcParams["svg.hashsalt"] = "storyline"  # byte-stable SVG ids (same value always)
    span = CHART_PERIODS[data["period"]]
    series = data["series"][-span:]
    hidden = sum(r["events"] for r in data["series"][:-span])
    x: list[Any] = [dt.date.fromisoformat(r["start"]) for r in series]
    scores = [r["score"] for r in series]
    width = {"day": 0.8, "week": 5, "month": 25, "quarter": 80, "year": 300}[data["period"]]
    fig = Figure(figsize=(10, 4), dpi=100)
    ax = fig.subplots()
    ax.bar(x, scores, width=width, color=["#2e7d32" if s >= 0 else "#c62828" for s in scores])
    ax.axhline(0, color="#555555", linewidth=0.8)
    if "smoothing" in data:  # the moving average, on the score's own axis
        line = [(d, r["smoothed"]) for d, r in zip(x, series, strict=True)
                if r["smoothed"] is not None]  # fmt: skip
        ax.plot([d for d, _ in line], [v for _, v in line], color="#1a237e", linewidth=1.6,
                label=data["smoothing"]["label"])  # fmt: skip
        ax.legend(loc="upper left", fontsize="small")
    ax.set_ylabel("net cooperation (+) / conflict (-) score")  # one axis: no second scale
    a, b = data["a"], data["b"]
    title = f"{a['name']} ({a['code']}) – {b['name']} ({b['code']}), per {data['period']}"
    if hidden:
        per_year = {"month": 12, "quarter": 4, "year": 1}.get(data["period"])
        title += (
            f" (last {span // per_year} years;" if per_year else f" (last {span} {data['period']}s;"
        )
        title += f" {hidden} earlier events not shown)"
    ax.set_title(title)
    fig.autofmt_xdate()
    fig.tight_layout()
    return fig


def top_dyads(store: Store, limit: int = 20) -> list[dict[str, Any]]:
    """Country pairs with the most events between them, with their mean score.

    It scans every event (about a second per 100k events), so the answer is
    cached per store file until the file or its WAL changes.
    """
    return per_store_state(store, f"dyads:{limit}", lambda: top_dyads_uncached(store, limit))


def top_dyads_uncached(store: Store, limit: int) -> list[dict[str, Any]]:
    """``top_dyads`` computed now (what the cache keeps)."""
    rows = store.dyad_counts()
    pairs: dict[tuple[str, str], dict[str, Any]] = defaultdict(
        lambda: {"events": 0, "score": 0.0, "counts": Counter()}
    )
    for r in rows:
        p = pairs[(r["a"], r["b"])]
        p["events"] += r["n"]
        p["score"] += r["n"] * event_score(
            parse_plover_type(r["type"]), parse_modality(r["modality"])
        )
        p["counts"][r["type"]] += r["n"]
    names = store.country_names()
    ranked = sorted(pairs.items(), key=lambda kv: (-kv[1]["events"], kv[0]))[:limit]
    return [
        {
            "a": {"code": a, "name": names.get(a, a)},
            "b": {"code": b, "name": names.get(b, b)},
            "events": p["events"],
            "score": round(p["score"], 3),
            "mean_score": round(p["score"] / p["events"], 3),
            "counts": dict(sorted(p["counts"].items())),
        }
        for (a, b), p in ranked
    ]
