"""Recall on real text: clear-event sentences, chosen and annotated without the output.

    .venv/bin/python bench/realtext/recall.py draw            # candidates for annotators
    .venv/bin/python bench/realtext/recall.py score --label baseline

``draw`` pools the sentences of the test documents (a plain splitter over each
document's stored clean text, so the draw does not depend on the coder), draws
``N`` with a fixed seed and writes them, with their ids, to the git-ignored work
folder. Annotators read them with ``RUBRIC.md`` (its last section) before any output
is looked at; their labels are committed as ``recall_gold.jsonl`` (ids and labels
only: no article text enters the project).

``score`` finds every gold sentence again in a build's stores (by the hash of its
normalized text) and counts a gold event as found when an event mention whose
evidence overlaps the sentence has the gold type (and, for the stricter figure, the
gold actors' countries or names on the right sides).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build import store_path
from corpora import WORK, corpora_of

SEED = 1414
N = {"newswire": 330, "timeml": 170, "pages": 60}
GOLD = Path(__file__).resolve().parent / "recall_gold.jsonl"
#: the dev and calib splits' own clear-event sentences, for tuning (the test gold never is)
DEV_GOLD = Path(__file__).resolve().parent / "recall_gold_dev.jsonl"
CALIB_GOLD = Path(__file__).resolve().parent / "recall_gold_calib.jsonl"
_SEED_OFFSET = {"test": 0, "dev": 1, "calib": 2}
_BREAK = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘(]?[A-Z0-9])")
_SYMMETRIC = frozenset({"CONSULT", "COOPERATE"})


def norm(text: str) -> str:
    return " ".join(text.split()).strip(" \"“”'")


def sentence_id(corpus: str, file: str, text: str) -> str:
    return hashlib.sha1(f"{corpus}/{file}/{norm(text)}".encode()).hexdigest()[:16]


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of plain sentences: paragraphs split at sentence-final punctuation."""
    for para in re.finditer(r"[^\n]+", text):
        start = para.start()
        for m in _BREAK.finditer(para.group()):
            yield start, para.start() + m.start()
            start = para.start() + m.end()
        yield start, para.end()


def _docs(label: str, corpus: str, split: str = "test") -> list[tuple[str, str, str]]:
    con = sqlite3.connect(store_path(label, split, corpus))
    rows = con.execute("SELECT id, source, text FROM documents ORDER BY source").fetchall()
    con.close()
    return [(i, Path(s).name, t) for i, s, t in rows]


def draw(label: str, split: str = "test") -> list[dict[str, Any]]:
    rng = random.Random(SEED + _SEED_OFFSET[split])
    out = []
    for corpus in corpora_of(split):
        pool = []
        for _doc, file, text in _docs(label, corpus, split):
            for s, e in sentences(text):
                words = len(text[s:e].split())
                if 8 <= words <= 80:
                    sent = norm(text[s:e])
                    pool.append({"id": sentence_id(corpus, file, sent), "corpus": corpus,
                                 "file": file, "sentence": sent})  # fmt: skip
        out += rng.sample(pool, min(N[corpus], len(pool)))
    return out


def load_gold(split: str = "test") -> list[dict[str, Any]]:
    path = {"test": GOLD, "dev": DEV_GOLD, "calib": CALIB_GOLD}[split]
    return [json.loads(x) for x in path.read_text("utf-8").splitlines() if x.strip()]


def _same(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> bool:
    """Every gold actor (by country, else by name) is among the predicted ones."""

    def keys(side: list[dict[str, Any]]) -> set[str]:
        return {k for a in side for k in (a.get("country"), (a.get("name") or "").lower()) if k}

    have = keys(pred)
    return all(
        (a.get("country") and a["country"] in have) or (a.get("name") or "").lower() in have
        for a in gold
    )


def _actors_match(g: dict[str, Any], p: dict[str, Any]) -> bool:
    if g["type"] in _SYMMETRIC or not g.get("target"):
        both = p["source"] + p["target"]
        return _same(g.get("source", []) + g.get("target", []), both)
    return _same(g.get("source", []), p["source"]) and _same(g.get("target", []), p["target"])


def _first(mention: dict[str, Any]) -> dict[str, Any]:
    ev = mention["evidence"]
    return ev[0] if isinstance(ev, list) else ev


def score(
    label: str,
    split: str = "test",
    misses: list[dict[str, Any]] | None = None,
    min_confidence: float = 0.0,
) -> dict[str, Any]:
    """Recall of the split's gold; ``misses`` (dev and calib only) collects each gold
    event the build did not code, with what it coded in that sentence instead.
    ``min_confidence``: count only mentions at least that confident (the recall a
    user's ``--min-confidence`` leaves)."""
    gold = load_gold(split)
    found_type = found_actors = total = unlocated = 0
    per_corpus: dict[str, list[int]] = {}
    for corpus in corpora_of(split):
        wanted = [g for g in gold if g["corpus"] == corpus and g.get("events")]
        if not wanted:
            continue
        con = sqlite3.connect(store_path(label, split, corpus))
        docs = {
            Path(s).name: (i, t)
            for i, s, t in con.execute("SELECT id, source, text FROM documents")
        }
        mentions: dict[str, list[dict[str, Any]]] = {}
        for doc, js in con.execute("SELECT document, json FROM event_mentions"):
            mentions.setdefault(doc, []).append(json.loads(js))
        con.close()
        for g in wanted:
            doc_id, text = docs.get(g["file"], (None, ""))
            span = next(
                ((s, e) for s, e in sentences(text)
                 if sentence_id(corpus, g["file"], text[s:e]) == g["id"]), None,
            )  # fmt: skip
            if doc_id is None or span is None:
                unlocated += len(g["events"])
                continue
            here = [
                m for m in mentions.get(doc_id, [])
                if _first(m)["start"] < span[1] and _first(m)["end"] > span[0]
                and m.get("confidence", 1.0) >= min_confidence
            ]  # fmt: skip
            for ge in g["events"]:
                total += 1
                typed = [m for m in here if m["type"] == ge["type"]]
                hit_t = bool(typed)
                if misses is not None and not hit_t:
                    coded = [f"{m['type']} '{m['trigger']['text']}'" for m in here]
                    sent = text[span[0] : span[1]]
                    misses.append({"id": g["id"], "file": g["file"], "gold": ge,
                                   "coded": coded, "sentence": sent})  # fmt: skip
                hit_a = any(_actors_match(ge, m) for m in typed)
                found_type += hit_t
                found_actors += hit_a
                pc = per_corpus.setdefault(corpus, [0, 0, 0])
                pc[0] += 1
                pc[1] += hit_t
                pc[2] += hit_a
    return {"gold_events": total, "unlocated": unlocated, "type": found_type,
            "type_and_actors": found_actors, "per_corpus": per_corpus}  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("draw")
    d.add_argument("--label", default="baseline", help="the build whose clean texts to read")
    d.add_argument("--split", choices=tuple(_SEED_OFFSET), default="test")
    s = sub.add_parser("score")
    s.add_argument("--label", required=True)
    s.add_argument("--split", choices=tuple(_SEED_OFFSET), default="test")
    s.add_argument("--misses", action="store_true", help="list the missed events (not on test)")
    s.add_argument(
        "--min-confidence", type=float, default=0.0, help="count only mentions this confident"
    )
    args = ap.parse_args()
    if args.cmd == "draw":
        cands = draw(args.label, args.split)
        suffix = "" if args.split == "test" else f"-{args.split}"
        name = f"recall-candidates{suffix}.jsonl"
        out = WORK / name
        out.write_text("".join(json.dumps(c, sort_keys=True) + "\n" for c in cands), "utf-8")
        print(f"{out}: {len(cands)} sentences")
    elif args.misses:
        if args.split == "test":
            raise SystemExit("the test gold's misses are not listed: they must not steer the rules")
        missed: list[dict[str, Any]] = []
        score(args.label, args.split, missed, args.min_confidence)
        for m in missed:
            g = m["gold"]
            sides = [[a.get("name") for a in g.get(k, [])] for k in ("source", "target")]
            print(f"[{m['id']}] {g['type']} {g['modality']} {sides[0]} -> {sides[1]}")
            print(f"   coded: {m['coded']}\n   {m['file']}: {m['sentence']}\n")
    else:
        print(
            json.dumps(score(args.label, args.split, min_confidence=args.min_confidence), indent=1)
        )


if __name__ == "__main__":
    main()
