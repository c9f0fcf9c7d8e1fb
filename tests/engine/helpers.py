"""Corpora and timelines for comparing engines."""

from __future__ import annotations

import importlib.util
import json
import random
from dataclasses import replace
from pathlib import Path
from typing import Any

from storyline.records import Actor, EventMention, Evidence, content_id

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "tests" / "data" / "seeds"
#: Small batches so even the five seeds make several shards.
BATCH = 2


def synthesize(out: Path, n: int, copies: float = 0.25) -> Path:
    """``bench/synth.py``'s corpus, a quarter of it reprints (bench is not a
    package: load it by path)."""
    spec = importlib.util.spec_from_file_location("storyline_bench_synth", ROOT / "bench/synth.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return Path(module.synthesize(out, n, copies=copies))


def timeline_json(db: Path) -> str:
    """The whole timeline as sorted-key JSON: what two engines must agree on."""
    from storyline.serialize import event_json
    from storyline.store.query import EventQuery
    from storyline.store.sqlite import SQLiteStore

    with SQLiteStore(db, read_only=True) as store:
        return json.dumps([event_json(e) for e in store.events(EventQuery())], sort_keys=True)


def stories_of(db: Path) -> list[dict[str, Any]]:
    """The stored stories: ids, members, relations and scores (not the file paths)."""
    from storyline.store.sqlite import SQLiteStore

    with SQLiteStore(db, read_only=True) as store:
        stories = list(store.stories())
    for story in stories:
        for member in story["members"]:
            member.pop("source")
    return stories


def build_local(corpus: Path, db: Path) -> Any:
    from storyline.engine.local import build
    from storyline.engine.stages import BuildConfig
    from storyline.store.sqlite import SQLiteStore

    with SQLiteStore(db) as store:
        return build([corpus], store, BuildConfig(workers=1, batch_size=BATCH))


_TYPES = ("CONSULT", "ASSAULT", "ACCUSE", "COOPERATE", "REQUEST")
_COUNTRIES = ("RUS", "USA", "CHN", "FRA", "UKR", "militants", "union")
_DATES = (
    ("2018", None), ("2018-06", None), ("2018-06-21", None), ("2018-06-22", None),
    ("2018-06-21", "2018-06-23"), ("2018-W25", None), ("2019-01-02", None),
    ("2018-12-30", "2019-01-03"), ("2019-02-01", "2019-01-01"), ("PRESENT_REF", None),
)  # fmt: skip
_PUBLISHED = ("2018-06-22", "2018-06-25", "2019-01-02")
_WORDS = ("talks", "troops", "border", "attack", "minister", "summit", "strike", "sanctions")


def _actor(code: str) -> Actor:
    if code == "militants":  # an unnamed group with no country
        return Actor("grp-" + code, code, None, None, "group")
    if code == "union":  # a named organization of a state that is not its organ
        return Actor("org-" + code, "a union", "USA", "LAB", "org")
    return Actor(code, code, code)


def random_mentions(rng: random.Random, n: int) -> list[EventMention]:
    out = []
    for i in range(n):
        doc = f"d{rng.randrange(12)}"
        src = tuple(_actor(c) for c in rng.sample(_COUNTRIES, rng.choice((1, 1, 2))))
        tgt = tuple(_actor(c) for c in rng.sample(_COUNTRIES, rng.choice((0, 1, 1, 2))))
        date, end = rng.choice(_DATES)
        source, mod = "text", None
        if rng.random() < 0.3:  # undated: the publication day, opened by tense
            date, end, source = (
                rng.choice(("2018-06-22", "2018-06-25", "2019-01-02")),
                None,
                "reported",
            )
            mod = rng.choice(("ON_OR_BEFORE", "ON_OR_BEFORE", "ON_OR_AFTER", None))
        words = " ".join(rng.choice(_WORDS) for _ in range(6))
        trig = rng.choice(_WORDS)
        ev = Evidence(doc, i, i + len(words), words)
        out.append(
            EventMention(
                content_id("m", str(i), words), doc, rng.choice(_TYPES),
                rng.choice(("asserted", "asserted", "future")), src, tgt, date, source, ev,
                Evidence(doc, i, i + len(trig), trig), words, round(rng.random(), 2),
                date_end=end, date_mod=mod,
            )
        )  # fmt: skip
    for i, m in enumerate(out[n // 6 : n // 3]):  # a statement's second act, same sentence
        if m.type in ("ACCUSE", "REQUEST") and m.source:
            other = "REQUEST" if m.type == "ACCUSE" else "ACCUSE"
            trig = Evidence(m.document, m.trigger.start + 1, m.trigger.end + 1, "urged")
            out.append(replace(m, id=content_id("also", str(i), m.id), type=other, trigger=trig,
                               target=m.target[:1]))  # fmt: skip
    for i, m in enumerate(out[: n // 6]):  # reprints: the same sentence in another copy
        doc = f"d{(int(m.document[1:]) + 5) % 12}"  # the same story (story_of: i % 5)
        date = rng.choice((m.date, "2018-06-29", "2019-01-09"))
        ev = Evidence(doc, m.evidence.start, m.evidence.end, m.evidence.text)
        trig = Evidence(doc, m.trigger.start, m.trigger.end, m.trigger.text)
        out.append(replace(m, id=content_id("copy", str(i), m.id), document=doc, date=date,
                           evidence=ev, trigger=trig))  # fmt: skip
    return out
