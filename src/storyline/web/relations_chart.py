"""The relations chart as shapes for the page's inline SVG (no script, no image).

Two panels share the periods: above, the events that happened, stacked by PLOVER
quad class, and the planned, possible and denied ones stacked below the line
(counted, never mixed with acts); beneath, the net cooperation-conflict score as
a line on its own single axis, with its zero line, and its moving average (when one
is asked for) as a second, labelled line on that axis. Every bar segment and every
point is a link to the timeline of exactly those events.
"""

from __future__ import annotations

from typing import Any, get_args
from urllib.parse import urlencode

from storyline.timeline.plover import QUAD, QUAD_WEIGHT, Unrealized

__all__ = ["QUAD_CLASSES", "UNREALIZED", "chart_shapes"]

QUAD_CLASSES = tuple(QUAD_WEIGHT)  # verbal/material cooperation, verbal/material conflict
UNREALIZED: tuple[Unrealized, ...] = get_args(Unrealized)
UNREALIZED_NAMES = {"future": "planned", "hypothetical": "possible", "negated": "did not happen"}
WIDTH, LEFT, RIGHT = 900, 44, 10
BARS_TOP, BARS_H, SCORE_TOP, SCORE_H = 10, 200, 250, 110
HEIGHT = SCORE_TOP + SCORE_H + 28


def _link(a: str, b: str, row: dict[str, Any], **extra: str) -> str:
    params = {"between": f"{a},{b}", "from": row["start"], "to": row["end"], **extra}
    return "/timeline?" + urlencode(params)


def _slug(name: str) -> str:
    return name.replace(" ", "-")


def chart_shapes(data: dict[str, Any], periods: int) -> dict[str, Any]:
    """Rectangles, points, ticks and labels for the last ``periods`` periods."""
    a, b = data["a"]["code"], data["b"]["code"]
    series = data["series"][-periods:]
    earlier = data["series"][: max(0, len(data["series"]) - periods)]
    hidden = sum(r["events"] for r in earlier)
    if not series:
        return {"empty": True}
    plot_w = WIDTH - LEFT - RIGHT
    band = plot_w / len(series)
    up = max([*(sum(r["quads"].values()) for r in series), 1])
    down = max([*(sum(r["unrealized"].values()) for r in series), 0])
    unit = BARS_H / (up + down)
    base = BARS_TOP + up * unit
    bars = []
    for i, r in enumerate(series):
        x, y, segs = LEFT + i * band, base, []
        for q in QUAD_CLASSES:
            n = r["quads"].get(q, 0)
            if n:
                types = ",".join(t for t, c in QUAD.items() if c == q)
                segs.append({"y": y - n * unit, "h": n * unit, "cls": "quad-" + _slug(q),
                             "title": f"{r['period']}: {n} {q}",
                             "href": _link(a, b, r, type=types, modality="asserted")})  # fmt: skip
                y -= n * unit
        y = base
        for m in UNREALIZED:
            n = r["unrealized"].get(m, 0)
            if n:
                segs.append({"y": y, "h": n * unit, "cls": "unrealized-" + m,
                             "title": f"{r['period']}: {n} {UNREALIZED_NAMES[m]}",
                             "href": _link(a, b, r, modality=m)})  # fmt: skip
                y += n * unit
        bars.append({"x": x + 1, "w": max(band - 2, 1), "segments": segs})
    scores = [r["score"] for r in series]
    smoothed = [(i, r["smoothed"]) for i, r in enumerate(series) if r.get("smoothed") is not None]
    shown = [*scores, *(v for _, v in smoothed), 0.0]  # a trailing mean may reach back
    hi, lo = float(max(shown)), float(min(shown))
    span = (hi - lo) or 1.0

    def sy(v: float) -> float:
        return SCORE_TOP + (hi - v) / span * SCORE_H

    points = [
        {"x": LEFT + (i + 0.5) * band, "y": sy(r["score"]), "score": r["score"],
         "title": f"{r['period']}: net score {r['score']:+g} ({r['events']} events)",
         "href": _link(a, b, r), "events": r["events"]}
        for i, r in enumerate(series)
    ]  # fmt: skip
    smooth_line = " ".join(f"{LEFT + (i + 0.5) * band:.1f},{sy(v):.1f}" for i, v in smoothed)
    every = max(1, -(-len(series) // 10))
    ticks = [{"x": LEFT + i * band + band / 2, "label": r["period"]}
             for i, r in enumerate(series) if i % every == 0]  # fmt: skip
    return {
        "empty": False, "width": WIDTH, "height": HEIGHT, "left": LEFT, "right": WIDTH - RIGHT,
        "bars": bars, "base": base, "up": up, "down": down, "bars_top": BARS_TOP,
        "points": points, "line": " ".join(f"{p['x']:.1f},{p['y']:.1f}" for p in points),
        "zero": sy(0.0), "score_hi": hi, "score_lo": lo, "score_top": SCORE_TOP,
        "score_bottom": SCORE_TOP + SCORE_H, "ticks": ticks, "tick_y": HEIGHT - 8,
        "hidden": hidden, "quads": QUAD_CLASSES, "unrealized": UNREALIZED_NAMES,
        "slug": _slug, "smoothed_line": smooth_line,
        "smoothing": data.get("smoothing", {}).get("label"),
    }  # fmt: skip
