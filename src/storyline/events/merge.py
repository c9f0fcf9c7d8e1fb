"""Merging event mentions into events: one event per real-world happening.

Mentions merge when they have the same type and modality, the same sides (by
country where known; either direction for talks and cooperation), and the same
date — or, inside one story, nested dates ("June 2018" and "between June 21 and
23, 2018" are one visit, dated by the more specific). The merged event keeps
every citation; its id is a hash of what identifies it, so it is stable when
new sources add citations.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

from storyline.events.lexicon import DIRECTIONLESS
from storyline.records import Actor, Event, EventMention, content_id
from storyline.timeline.dates import bounds

__all__ = ["merge_mentions"]


def _side(actors: Iterable[Actor]) -> tuple[str, ...]:
    return tuple(sorted({a.country or a.id for a in actors}))


def _group_key(m: EventMention) -> tuple[str, ...]:
    src, tgt = _side(m.source), _side(m.target)
    if m.type in DIRECTIONLESS:
        src, tgt = tuple(sorted({*src, *tgt})), ()
    return (m.type, m.modality, "|".join(src), "|".join(tgt))


def _span(m: EventMention) -> tuple[str, str]:
    return bounds(m.date, m.date_end) or (m.date, m.date)


def _nested(a: tuple[str, str], b: tuple[str, str]) -> bool:
    return (a[0] <= b[0] and b[1] <= a[1]) or (b[0] <= a[0] and a[1] <= b[1])


def merge_mentions(
    mentions: Iterable[EventMention], story_of: Mapping[str, str] | None = None
) -> list[Event]:
    """Group mentions into events; deterministic for any input order."""
    story_of = story_of or {}
    groups: dict[tuple[str, ...], list[EventMention]] = defaultdict(list)
    for m in sorted(mentions, key=lambda m: (m.document, m.evidence.start, m.id)):
        groups[_group_key(m)].append(m)
    events: list[Event] = []
    for key, members in sorted(groups.items()):
        clusters: list[list[EventMention]] = []
        # most specific first, so coarse mentions join the specific one they contain
        for m in sorted(members, key=lambda m: (_width(m), m.date, m.id)):
            home = None
            for c in clusters:
                anchor = c[0]
                same_date = (m.date, m.date_end) == (anchor.date, anchor.date_end)
                same_story = story_of.get(m.document, m.document) in {
                    story_of.get(x.document, x.document) for x in c
                }
                if same_date or (same_story and _nested(_span(m), _span(anchor))):
                    home = c
                    break
            if home is None:
                clusters.append([m])
            else:
                home.append(m)
        events.extend(_event(key, c) for c in clusters)
    return sorted(events, key=lambda e: ((bounds(e.date, e.date_end) or (e.date,))[0], e.id))


def _width(m: EventMention) -> int:
    b = bounds(m.date, m.date_end)
    if b is None:
        return 10**6
    import datetime as dt

    return (dt.date.fromisoformat(b[1]) - dt.date.fromisoformat(b[0])).days


def _event(key: tuple[str, ...], cluster: list[EventMention]) -> Event:
    anchor = cluster[0]  # the most specific date
    ordered = sorted(cluster, key=lambda m: (m.document, m.evidence.start))
    lead = max(ordered, key=lambda m: (m.mode is not None, m.date_source == "text", m.confidence))
    source = _union(m.source for m in cluster if _side(m.source) == _side(lead.source))
    target = _union(m.target for m in cluster if _side(m.target) == _side(lead.target))
    evidence = tuple(dict.fromkeys(m.evidence for m in ordered))
    date_source = "text" if any(m.date_source == "text" for m in cluster) else "reported"
    independent = len({m.document for m in cluster})
    confidence = min(0.99, max(m.confidence for m in cluster) + 0.05 * (independent - 1))
    eid = content_id("event", *key, anchor.date, anchor.date_end or "")
    return Event(
        id=eid,
        type=anchor.type,
        modality=anchor.modality,
        source=source,
        target=target,
        date=anchor.date,
        date_end=anchor.date_end,
        date_source=date_source,
        summary=lead.summary,
        evidence=evidence,
        trigger=lead.trigger,
        confidence=round(confidence, 3),
        mentions=tuple(m.id for m in ordered),
        mode=lead.mode or next((m.mode for m in cluster if m.mode), None),
    )


def _union(groups: Iterable[tuple[Actor, ...]]) -> tuple[Actor, ...]:
    seen: dict[str, Actor] = {}
    for g in groups:
        for a in g:
            seen.setdefault(a.id, a)
    return tuple(sorted(seen.values(), key=lambda a: (a.country or "", a.kind, a.id)))
