"""How much an event matters: the ranking behind ``timeline --top`` and date summaries.

Salience multiplies five factors, each with a reason:

* independent sources — distinct stories among the citations (copies of one
  article count once): ``1 + log2(stories)``, so the second outlet doubles;
* actor prominence — how often the actors are mentioned in the whole store
  (log-scaled against the most mentioned actor) and whether one of them is a
  head of state or government: ``1 + 0.5 * prominence + 0.5 * head``;
* type — material conflict > material cooperation > verbal conflict > verbal
  cooperation (PLOVER quad classes, see ``plover.py``);
* modality — asserted 1, planned 0.6, hypothetical 0.3, negated 0.1;
* confidence — the calibrated chance that the line is right, so that a shaky event
  never outranks a sound one on the strength of its actors alone.

Scores are stored per event in ``event_extras`` by :func:`annotate_events`
(run after each build); stores built before that run are scored on the fly.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from storyline.events.merge import date_provenance
from storyline.records import Actor, Event
from storyline.serialize import evidence_json
from storyline.timeline.plover import quad

if TYPE_CHECKING:
    from storyline.store.sqlite import SQLiteStore

__all__ = [
    "SalienceContext",
    "annotate_events",
    "event_extras",
    "load_context",
    "salience",
]

TYPE_FACTOR: dict[str, float] = {
    "material conflict": 1.0,
    "material cooperation": 0.85,
    "verbal conflict": 0.6,
    "verbal cooperation": 0.5,
}
MODALITY_FACTOR: dict[str, float] = {
    "asserted": 1.0,
    "future": 0.6,
    "hypothetical": 0.3,
    "negated": 0.1,
}
HEAD_ROLES = ("president", "prime minister", "premier", "chancellor", "king", "queen",
              "emperor", "leader", "head of state", "head of government", "monarch")  # fmt: skip


@dataclass(frozen=True, slots=True)
class SalienceContext:
    """What salience needs beyond the event: stories and actor mention counts."""

    stories: Mapping[str, str]
    mentions: Mapping[str, int]

    @property
    def most(self) -> int:
        return max(self.mentions.values(), default=0)


def load_context(store: SQLiteStore) -> SalienceContext:
    rows = store.conn.execute("SELECT actor, count(*) FROM mentions GROUP BY actor")
    return SalienceContext(store.story_map(), {r[0]: int(r[1]) for r in rows})


def is_head(actor: Actor) -> bool:
    role = (actor.role or "").lower()
    return any(role == h or role.endswith(" " + h) for h in HEAD_ROLES)


def salience(event: Event, ctx: SalienceContext) -> float:
    """The event's salience (about 0.05 for a lone negated remark to 10+)."""
    stories = len({ctx.stories.get(ev.document, ev.document) for ev in event.evidence})
    actors = (*event.source, *event.target)
    most = ctx.most
    prominence = 0.0
    if most > 0:
        prominence = max(
            (math.log1p(ctx.mentions.get(a.id, 0)) / math.log1p(most) for a in actors),
            default=0.0,
        )
    head = 1.0 if any(is_head(a) for a in actors) else 0.0
    value = (
        (1 + math.log2(max(stories, 1)))
        * (1 + 0.5 * prominence + 0.5 * head)
        * TYPE_FACTOR[quad(event.type)]
        * MODALITY_FACTOR.get(event.modality, 0.1)
        * event.confidence
    )
    return round(value, 4)


def event_extras(
    event: Event, ctx: SalienceContext, mentions: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """The JSON fields storyline adds to the event contract (additive, never renamed)."""
    out: dict[str, Any] = {
        "salience": salience(event, ctx),
        "stories": len({ctx.stories.get(ev.document, ev.document) for ev in event.evidence}),
    }
    if mentions is not None:
        ids = set(date_provenance(event, mentions))
        out["date_provenance"] = [
            evidence_json(m.evidence) for mid, m in sorted(mentions.items()) if mid in ids
        ]
    return out


def annotate_events(store: SQLiteStore) -> int:
    """Score every event that has no stored extras yet, then bring every stored
    salience up to date with the corpus (an actor's prominence grows with it, so an
    event's salience does not depend on when it was merged); returns how many were
    scored anew.

    Call it after the events change (the delete trigger of schema version 3 drops the
    extras of replaced events, so nothing stale survives).
    """
    from storyline.serialize import event_from_json

    rows = store.conn.execute(
        "SELECT e.json FROM events e LEFT JOIN event_extras x ON x.event = e.id"
        " WHERE x.event IS NULL"
    ).fetchall()
    ctx = load_context(store)
    fresh = [event_from_json(json.loads(r[0])) for r in rows]
    mentions = {m.id: m for m in store.event_mentions_of({k for e in fresh for k in e.mentions})}
    out = []
    for ev in fresh:
        extras = event_extras(ev, ctx, {k: mentions[k] for k in ev.mentions if k in mentions})
        out.append((ev.id, extras["salience"], json.dumps(extras, sort_keys=True)))
    stale = []
    for r in store.conn.execute(
        "SELECT e.json, x.salience, x.json FROM events e JOIN event_extras x ON x.event = e.id"
    ):
        value = salience(event_from_json(json.loads(r[0])), ctx)
        if value != r[1]:
            extras = json.loads(r[2]) | {"salience": value}
            stale.append((value, json.dumps(extras, sort_keys=True), json.loads(r[0])["id"]))
    with store.transaction() as c:
        c.executemany("INSERT OR REPLACE INTO event_extras VALUES (?, ?, ?)", out)
        c.executemany("UPDATE event_extras SET salience = ?, json = ? WHERE event = ?", stale)
    return len(out)


def stored_extras(
    store: SQLiteStore, events: Iterable[Event] | Iterable[str]
) -> dict[str, dict[str, Any]]:
    """Extras of these events (records or ids), from the store where scored, else computed."""
    by_id: dict[str, Event | None] = {}
    for e in events:
        if isinstance(e, str):
            by_id.setdefault(e, None)
        else:
            by_id[e.id] = e
    wanted = sorted(by_id)
    found: dict[str, dict[str, Any]] = {}
    for i in range(0, len(wanted), 500):
        chunk = wanted[i : i + 500]
        marks = ",".join("?" for _ in chunk)
        for r in store.conn.execute(
            f"SELECT event, json FROM event_extras WHERE event IN ({marks})", chunk
        ):
            found[r[0]] = json.loads(r[1])
    missing = [i for i in wanted if i not in found]
    if missing:
        ctx = load_context(store)
        for eid in missing:
            ev = by_id[eid] or store.event(eid)
            if ev is not None:
                found[eid] = event_extras(ev, ctx)
    return found


def has_scores(store: SQLiteStore) -> bool:
    """True when every event has stored extras (salience can be sorted in SQL)."""
    row = store.conn.execute(
        "SELECT count(*) FROM events e LEFT JOIN event_extras x ON x.event = e.id"
        " WHERE x.event IS NULL"
    ).fetchone()
    return int(row[0]) == 0
