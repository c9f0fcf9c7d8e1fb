"""Draw the events to judge from the stores of one build, at random with a fixed seed.

    .venv/bin/python bench/realtext/sample.py --label baseline --split test

For every corpus the timeline's events are ordered by a content key and drawn with
``random.Random(SEED)``: the same stores give the same sample, and a later build is
sampled by the same procedure (what is frozen is the documents, the seed, the quotas
and the rubric; the events are whatever the coder under test puts on the timeline).
Each event gets a judging key, a hash of everything a judge looks at, so a judgement
made once is reused by every build that puts the same line on its timeline.

Writes ``work/<label>/sample-<split>.jsonl`` (with the evidence text, for the judges;
git-ignored) and prints how many items have no judgement yet.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sqlite3
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build import store_path
from corpora import SPLIT_NAMES, WORK, corpora_of

from storyline.dates import date_label
from storyline.headline import sentence_of
from storyline.records import Evidence

SEED = 14
#: Events drawn per corpus; what a corpus lacks is drawn from newswire.
QUOTAS = {"newswire": 70, "timeml": 55, "pages": 25}
JUDGEMENTS = Path(__file__).resolve().parent / "judgements"


def _actors(side: list[dict[str, Any]]) -> list[dict[str, Any]]:
    keep = ("name", "country", "kind", "sector", "role", "text")
    return [{k: a.get(k) for k in keep if a.get(k) is not None} for a in side]


def cited(ev: dict[str, Any]) -> dict[str, Any]:
    """The evidence sentence the judge reads: the one holding the trigger (a headline
    merged with its lede cites both; the trigger's own sentence tells the act), else the
    first."""
    keys = ("document", "start", "end", "text")
    evidence = tuple(Evidence(*(e[k] for k in keys)) for e in ev["evidence"])
    held = sentence_of(Evidence(*(ev["trigger"][k] for k in keys)), evidence)
    return ev["evidence"][evidence.index(held) if held is not None else 0]


def judging_key(corpus: str, source: str, ev: dict[str, Any]) -> str:
    """A hash of what the judge sees: where, the trigger, type, modality, sides, date."""
    trig = ev["trigger"]
    first = cited(ev)
    parts = [
        corpus, Path(source).name, str(first["start"]), str(first["end"]),
        str(trig["start"]), str(trig["end"]), ev["type"], ev.get("mode") or "",
        ev["modality"], ev["date"], ev.get("date_end") or "",
        json.dumps(sorted((a["name"], a.get("country") or "") for a in ev["source"])),
        json.dumps(sorted((a["name"], a.get("country") or "") for a in ev["target"])),
    ]  # fmt: skip
    if ev.get("date_mod"):  # "on or before": a different claim (keys of undated lines unchanged)
        parts.append(ev["date_mod"])
    return hashlib.sha1("\x00".join(parts).encode()).hexdigest()[:16]


def _context(text: str, start: int, width: int = 2) -> str:
    """The (about) two sentences before ``start``."""
    before = text[max(0, start - 600) : start].rstrip()
    cut = [i for i, c in enumerate(before[:-1]) if c in ".!?\n"]
    if len(cut) > width:
        before = before[cut[-width - 1] + 1 :]
    return before.strip()


def items(label: str, split: str, corpus: str) -> list[dict[str, Any]]:
    db = store_path(label, split, corpus)
    con = sqlite3.connect(db)
    con.row_factory = sqlite3.Row
    docs = {
        r["id"]: dict(r)
        for r in con.execute("SELECT id, source, title, published, text FROM documents")
    }
    mentions = {r["id"]: r["json"] for r in con.execute("SELECT id, json FROM event_mentions")}
    out = []
    for row in con.execute(
        "SELECT e.json, x.salience FROM events e LEFT JOIN event_extras x ON x.event = e.id"
    ):
        ev = json.loads(row["json"])
        first = cited(ev)
        doc = docs[first["document"]]
        lead = [json.loads(mentions[m]) for m in ev.get("mentions", ()) if m in mentions]
        lead = [m for m in lead if m["trigger"] == ev["trigger"]] or lead
        out.append(
            {
                "key": judging_key(corpus, doc["source"], ev),
                "corpus": corpus,
                "file": Path(doc["source"]).name,
                "title": doc["title"],
                "published": doc["published"],
                "context_before": _context(doc["text"], first["start"]),
                "sentence": first["text"].strip(),
                "trigger": ev["trigger"]["text"],
                "type": ev["type"],
                "mode": ev.get("mode"),
                "modality": ev["modality"],
                "source": _actors(ev["source"]),
                "target": _actors(ev["target"]),
                "date": date_label(ev["date"], ev.get("date_end"), ev.get("date_mod"), words=True),
                "date_source": ev.get("date_source"),
                "confidence": ev.get("confidence"),
                "salience": row["salience"],
                "other_sources": len(ev["evidence"]) - 1,
                "mention": lead[0] if lead else None,  # for the confidence features
            }
        )
    con.close()
    out.sort(key=lambda it: it["key"])
    return out


def draw(label: str, split: str, seed: int = SEED) -> list[dict[str, Any]]:
    pools = {c: items(label, split, c) for c in corpora_of(split)}
    rng = random.Random(seed)
    chosen: list[dict[str, Any]] = []
    shortfall = 0
    for corpus in ("pages", "timeml", "newswire"):
        want = QUOTAS[corpus] + (shortfall if corpus == "newswire" else 0)
        pool = pools.get(corpus, [])
        take = min(want, len(pool))
        shortfall += want - take if corpus != "newswire" else 0
        chosen += rng.sample(pool, take)
    return chosen


def judged_keys() -> dict[str, int]:
    counts: dict[str, int] = {}
    for path in sorted(JUDGEMENTS.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                key = json.loads(line)["key"]
                counts[key] = counts.get(key, 0) + 1
    return counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--label", required=True)
    ap.add_argument("--split", choices=SPLIT_NAMES, required=True)
    ap.add_argument("--seed", type=int, default=SEED, help="dev only: a further sample")
    args = ap.parse_args()
    if args.split == "test" and args.seed != SEED:
        raise SystemExit("the test sample is frozen: its seed cannot change")
    sample = draw(args.label, args.split, args.seed)
    suffix = "" if args.seed == SEED else f"-seed{args.seed}"
    out = WORK / args.label / f"sample-{args.split}{suffix}.jsonl"
    out.write_text("".join(json.dumps(it, sort_keys=True) + "\n" for it in sample), "utf-8")
    judged = judged_keys()
    todo = [it for it in sample if it["key"] not in judged]
    todo_path = WORK / args.label / f"todo-{args.split}{suffix}.jsonl"
    todo_path.write_text("".join(json.dumps(it, sort_keys=True) + "\n" for it in todo), "utf-8")
    print(f"{out}: {len(sample)} events; {len(todo)} not yet judged -> {todo_path}")


if __name__ == "__main__":
    main()
