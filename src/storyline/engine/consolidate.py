"""Actor consolidation across articles: what one article says of a person
(country, sector, role) completes the same person's mentions in another.

Actor ids are spelling-insensitive content hashes, so "Sergey Lavrov" is one
id everywhere; an article that only says "Sergey Lavrov's remarks" still gets
him as Russian when another article calls him Russia's foreign minister.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from storyline.records import Actor, Document, EventMention
from storyline.vocab import PloverType

__all__ = ["complete_documents", "known_actors"]


def known_actors(docs: Iterable[Document], stored: Iterable[Actor] = ()) -> dict[str, Actor]:
    """The most complete record of each actor id seen in ``docs`` or the store."""
    best: dict[str, Actor] = {}
    for actor in (*stored, *(m.actor for d in docs for m in d.mentions)):
        have = best.get(actor.id)
        if have is None or _richness(actor) > _richness(have):
            best[actor.id] = actor
    return best


def _richness(a: Actor) -> int:
    return (a.country is not None) * 4 + (a.role is not None) * 2 + (a.sector is not None)


def _complete(actor: Actor, known: Mapping[str, Actor]) -> Actor:
    k = known.get(actor.id)
    if k is None or actor.country is not None or k.country is None:
        return actor
    return replace(
        actor,
        country=k.country,
        sector=actor.sector or k.sector,
        role=actor.role or k.role,
    )


#: Acts a government cannot do to itself: once the source's country is known, a
#: target of the same country only is a discourse guess that turned out wrong.
_OUTWARD: frozenset[PloverType] = frozenset(
    {"AGREE", "CONSULT", "COOPERATE", "SUPPORT", "AID", "REQUEST", "ACCUSE", "THREATEN",
     "SANCTION"}
)  # fmt: skip


def _event(ev: EventMention, known: Mapping[str, Actor]) -> EventMention:
    source = tuple(_complete(a, known) for a in ev.source)
    target = tuple(_complete(a, known) for a in ev.target)
    src = {a.country for a in source if a.country}
    tgt = {a.country for a in target}
    if ev.type in _OUTWARD and src and tgt == src and len(src) == 1:
        target = ()
    return replace(
        ev,
        source=source,
        target=target,
        speaker=_complete(ev.speaker, known) if ev.speaker else None,
    )


def complete_documents(docs: Iterable[Document], known: Mapping[str, Actor]) -> list[Document]:
    out = []
    for d in docs:
        mentions = tuple(replace(m, actor=_complete(m.actor, known)) for m in d.mentions)
        events = tuple(_event(e, known) for e in d.events)
        out.append(replace(d, mentions=mentions, events=events))
    return out
