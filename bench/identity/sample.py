"""Draw timeline lines from a built store for the identity judgement (duplicates, fusions).

    .venv/bin/python bench/identity/sample.py --db /tmp/nw/before.db --label before [-n 80]

A judge sees, for each drawn line, every citation of the line (to say whether it fuses
two happenings) and the lines near it: other lines sharing an actor or a country on
either side, whose dates lie within 45 days of it (an open "on or before D" date counts
as the 45 days up to D), ranked by how alike their first evidence sentences are, at
most ``CANDIDATES``. The judge says which of them report the same happening (RUBRIC.md).

Lines are drawn with ``random.Random(SEED)`` from the timeline ordered by a content key
(type, date, first citation), so the same store gives the same sample. Writes
``work/<label>/packet.jsonl`` (with article text: git-ignored).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import re
import sqlite3
from pathlib import Path
from typing import Any

from storyline.dates import bounds, date_label

SEED = 15
WINDOW = 45  # days around a line in which another line may be the same happening
CANDIDATES = 10
WORK = Path(__file__).resolve().parent / "work"
_WORD = re.compile(r"[^\W\d_]{3,}")


def _span(ev: dict[str, Any]) -> tuple[dt.date, dt.date] | None:
    b = bounds(ev["date"], ev.get("date_end"))
    if b is None:
        return None
    lo, hi = dt.date.fromisoformat(b[0]), dt.date.fromisoformat(b[1])
    if ev.get("date_mod") == "ON_OR_BEFORE":
        lo = hi - dt.timedelta(days=WINDOW)
    elif ev.get("date_mod") == "ON_OR_AFTER":
        hi = lo + dt.timedelta(days=WINDOW)
    return lo, hi


def _near(a: tuple[dt.date, dt.date] | None, b: tuple[dt.date, dt.date] | None) -> bool:
    if a is None or b is None:
        return False
    pad = dt.timedelta(days=WINDOW)
    return a[0] - pad <= b[1] and b[0] <= a[1] + pad


def _keys(ev: dict[str, Any]) -> set[str]:
    return {k for a in ev["source"] + ev["target"] for k in (a.get("country"), a["id"]) if k}


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def line_key(ev: dict[str, Any]) -> str:
    """A hash of what the judge sees of a line (type, modality, date, sides, citations)."""
    when = date_label(ev["date"], ev.get("date_end"), ev.get("date_mod"))
    cites = [(e["document"], e["start"], e["end"]) for e in ev["evidence"]]
    parts = [
        ev["type"], ev["modality"], when, json.dumps(sorted(a["name"] for a in ev["source"])),
        json.dumps(sorted(a["name"] for a in ev["target"])), json.dumps(cites),
    ]  # fmt: skip
    return hashlib.sha1("\x00".join(parts).encode()).hexdigest()[:16]


def _show(ev: dict[str, Any], docs: dict[str, dict[str, Any]], cites: int) -> dict[str, Any]:
    return {
        "line": line_key(ev),
        "type": ev["type"] + (f"/{ev['mode']}" if ev.get("mode") else ""),
        "modality": ev["modality"],
        "date": date_label(ev["date"], ev.get("date_end"), ev.get("date_mod"), words=True),
        "source": [a["name"] for a in ev["source"]],
        "target": [a["name"] for a in ev["target"]],
        "citations": [
            {
                "article": Path(docs[e["document"]]["source"]).name,
                "published": docs[e["document"]]["published"],
                "sentence": " ".join(e["text"].split()),
            }
            for e in ev["evidence"][:cites]
        ],
        "more_citations": max(0, len(ev["evidence"]) - cites),
    }


def draw(db: Path, n: int, seed: int = SEED) -> list[dict[str, Any]]:
    con = sqlite3.connect(db)
    docs = {r[0]: {"source": r[1], "published": r[2]}
            for r in con.execute("SELECT id, source, published FROM documents")}  # fmt: skip
    events = [json.loads(r[0]) for r in con.execute("SELECT json FROM events")]
    con.close()
    events.sort(key=lambda e: (e["type"], e["date"], line_key(e)))
    spans = [_span(e) for e in events]
    keys = [_keys(e) for e in events]
    words = [_words(e["evidence"][0]["text"]) for e in events]
    chosen = random.Random(seed).sample(range(len(events)), min(n, len(events)))
    out = []
    for i in chosen:
        near = []
        for j, ev in enumerate(events):
            if j != i and keys[i] & keys[j] and _near(spans[i], spans[j]):
                sim = len(words[i] & words[j]) / max(1, len(words[i] | words[j]))
                near.append((-sim, line_key(ev), j))
        near.sort()
        item = _show(events[i], docs, cites=8)
        item["nearby"] = [_show(events[j], docs, cites=2) for _, _, j in near[:CANDIDATES]]
        item["nearby_total"] = len(near)
        out.append(item)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--label", required=True)
    ap.add_argument("-n", type=int, default=80)
    ap.add_argument("--seed", type=int, default=SEED, help="a fresh draw (the before sample: 15)")
    args = ap.parse_args()
    items = draw(args.db, args.n, args.seed)
    folder = WORK / args.label
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "packet.jsonl").open("w", encoding="utf-8") as f:
        for it in items:
            f.write(json.dumps(it, ensure_ascii=False) + "\n")
    print(f"{len(items)} lines -> {folder / 'packet.jsonl'}")


if __name__ == "__main__":
    main()
