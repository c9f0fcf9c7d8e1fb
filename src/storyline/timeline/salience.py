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

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from storyline.events.merge import date_provenance
from storyline.records import Actor, Event
from storyline.serialize import evidence_json
from storyline.store.api import Store
from storyline.timeline.plover import quad
from storyline.vocab import Modality

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
MODALITY_FACTOR: dict[Modality, float] = {
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


def load_context(store: Store) -> SalienceContext:
    return SalienceContext(store.story_map(), store.actor_mention_counts())


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


def annotate_events(store: Store) -> int:
    """Score every event that has no stored extras yet, then bring every stored
    salience up to date with the corpus (an actor's prominence grows with it, so an
    event's salience does not depend on when it was merged); returns how many were
    scored anew.

    Call it after the events change (the delete trigger of schema version 3 drops the
    extras of replaced events, so nothing stale survives).
    """
    fresh = store.unscored_events()
    ctx = load_context(store)
    mentions = {m.id: m for m in store.event_mentions_of({k for e in fresh for k in e.mentions})}
    out: list[tuple[str, dict[str, Any]]] = []
    for ev in fresh:
        extras = event_extras(ev, ctx, {k: mentions[k] for k in ev.mentions if k in mentions})
        out.append((ev.id, extras))
    stale: list[tuple[str, dict[str, Any]]] = []
    for event, stored, extras in store.scored_events():
        value = salience(event, ctx)
        if value != stored:
            stale.append((event.id, extras | {"salience": value}))
    store.save_extras(out, stale)
    return len(out)


def stored_extras(
    store: Store, events: Iterable[Event] | Iterable[str]
) -> dict[str, dict[str, Any]]:
    """Extras of these events (records or ids), from the store where scored, else computed."""
    by_id: dict[str, Event | None] = {}
    for e in events:
        if isinstance(e, str):
            by_id.setdefault(e, None)
        else:
            by_id[e.id] = e
    wanted = sorted(by_id)
    found = store.stored_extras(wanted)
    missing = [i for i in wanted if i not in found]
    if missing:
        ctx = load_context(store)
        for eid in missing:
            ev = by_id[eid] or store.event(eid)
            if ev is not None:
                found[eid] = event_extras(ev, ctx)
    return found
