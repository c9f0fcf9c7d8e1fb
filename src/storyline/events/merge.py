"""Merging event mentions into events: one event per real-world happening.

Mentions are one happening when they have the same type and modality, their
sides overlap by country (either direction for talks and cooperation), their
dates are compatible, and — unless one story vouches for them — their evidence
says the same thing:

* same sides and the same date: one event, whatever the source;
* nested dates ("June 2018" and "between June 21 and 23, 2018"): one event
  inside a story (copies of one article), and across stories when the
  sentences are alike (content-word Jaccard, or the same trigger word with some
  overlap) — two outlets reporting one visit;
* overlapping but unequal sides (``RUS`` vs ``RUS+CHN``): one event when the
  dates are compatible and the sentences alike.

The merged event is dated by its most specific mention (provenance: that
mention's citation stays among the evidence and ``date_provenance`` names it);
its id hashes the type, modality, sides and that date, so it is stable when new
sources add citations. Output is a pure function of the set of mentions.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from functools import lru_cache

from storyline.events.lexicon import DIRECTIONLESS
from storyline.records import Actor, Event, EventMention, content_id
from storyline.timeline.dates import bounds

__all__ = ["date_provenance", "evidence_similarity", "merge_mentions"]

#: Sentences whose content words overlap this much report the same thing.
SIMILAR = 0.4
#: ... or this much when they share the trigger word's stem.
SIMILAR_WITH_TRIGGER = 0.2
_WORD = re.compile(r"[^\W\d_]{3,}")
_STOP = frozenset(
    [
        "the",
        "and",
        "for",
        "with",
        "that",
        "this",
        "from",
        "said",
        "says",
        "was",
        "were",
        "has",
        "have",
        "had",
        "will",
        "would",
        "its",
        "his",
        "her",
        "their",
        "they",
        "them",
        "are",
        "been",
        "not",
        "but",
        "into",
        "over",
        "also",
        "which",
        "who",
        "whom",
        "than",
        "then",
        "after",
        "before",
        "about",
        "during",
        "between",
        "said",
        "on",
    ]
)

Key = tuple[str, str, tuple[str, ...], tuple[str, ...]]


def _side(actors: Iterable[Actor]) -> tuple[str, ...]:
    return tuple(sorted({a.country or a.id for a in actors}))


def _group_key(m: EventMention) -> Key:
    src, tgt = _side(m.source), _side(m.target)
    if m.type in DIRECTIONLESS:
        src, tgt = tuple(sorted({*src, *tgt})), ()
    return (m.type, m.modality, src, tgt)


@lru_cache(maxsize=65536)
def _date_span(date: str, date_end: str | None) -> tuple[str, str]:
    return bounds(date, date_end) or (date, date)


def _span(m: EventMention) -> tuple[str, str]:
    return _date_span(m.date, m.date_end)


def _nested(a: tuple[str, str], b: tuple[str, str]) -> bool:
    return (a[0] <= b[0] and b[1] <= a[1]) or (b[0] <= a[0] and a[1] <= b[1])


def _width(m: EventMention) -> int:
    return _date_width(m.date, m.date_end)


@lru_cache(maxsize=65536)
def _date_width(date: str, date_end: str | None) -> int:
    b = bounds(date, date_end)
    if b is None:
        return 10**6
    try:
        return (dt.date.fromisoformat(b[1]) - dt.date.fromisoformat(b[0])).days
    except ValueError:
        return 10**6


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(text.lower()) if w not in _STOP)


def _stem(text: str) -> str:
    return text.lower().strip()[:5]


def evidence_similarity(a: EventMention, b: EventMention) -> float:
    """How alike two mentions' sentences are (Jaccard of content words), 0..1."""
    wa, wb = _words(a.evidence.text), _words(b.evidence.text)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / len(wa | wb)


def _alike(a: EventMention, b: EventMention) -> bool:
    sim = evidence_similarity(a, b)
    if sim >= SIMILAR:
        return True
    return sim >= SIMILAR_WITH_TRIGGER and _stem(a.trigger.text) == _stem(b.trigger.text)


def merge_mentions(
    mentions: Iterable[EventMention], story_of: Mapping[str, str] | None = None
) -> list[Event]:
    """Group mentions into events; deterministic for any input order."""
    story_of = story_of or {}
    unique = {m.id: m for m in mentions}
    groups: dict[Key, list[EventMention]] = defaultdict(list)
    for m in sorted(unique.values(), key=lambda m: m.id):
        groups[_group_key(m)].append(m)
    clusters: list[tuple[Key, list[EventMention]]] = []
    for key in sorted(groups):
        clusters += [(key, c) for c in _cluster(groups[key], story_of)]
    merged = _join_overlapping_sides(clusters)
    events = [_event(key, c, story_of) for key, c in merged]
    return sorted(events, key=lambda e: ((bounds(e.date, e.date_end) or (e.date,))[0], e.id))


def _cluster(members: list[EventMention], story_of: Mapping[str, str]) -> list[list[EventMention]]:
    """Greedy, most specific date first, so coarse mentions join the event they contain."""
    clusters: list[list[EventMention]] = []
    by_date: dict[tuple[str, str | None], list[EventMention]] = {}
    for m in sorted(members, key=lambda m: (_width(m), m.date, m.date_end or "", m.id)):
        home = by_date.get((m.date, m.date_end))  # same date: the first such cluster
        if home is None:
            story, span = story_of.get(m.document, m.document), _span(m)
            for c in clusters:
                if not _nested(span, _span(c[0])):
                    continue
                same_story = any(story_of.get(x.document, x.document) == story for x in c)
                if same_story or any(_alike(m, x) for x in c):
                    home = c
                    break
        if home is None:
            home = []
            clusters.append(home)
            by_date.setdefault((m.date, m.date_end), home)
        home.append(m)
    return clusters


def _join_overlapping_sides(
    clusters: list[tuple[Key, list[EventMention]]],
) -> list[tuple[Key, list[EventMention]]]:
    """Join clusters whose sides overlap without being equal (connected components).

    Candidates are looked up by (type, modality, one source country, one target
    country), so the cost grows with the number of clusters, not its square.
    """
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, (key, _) in enumerate(clusters):
        for probe in _probes(key):
            index[probe].append(i)
    parent = list(range(len(clusters)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for bucket in index.values():
        by_key: dict[Key, list[int]] = defaultdict(list)
        for i in bucket:
            by_key[clusters[i][0]].append(i)
        keys = sorted(by_key)
        for x, ka in enumerate(keys):  # only clusters of different keys are compared
            for kb in keys[x + 1 :]:
                for i in by_key[ka]:
                    for j in by_key[kb]:
                        if _compatible(clusters[i], clusters[j]):
                            a, b = find(i), find(j)
                            if a != b:
                                parent[max(a, b)] = min(a, b)
    out: dict[int, tuple[Key, list[EventMention]]] = {}
    for i, (key, members) in enumerate(clusters):
        root = find(i)
        if root in out:
            out[root][1].extend(members)
        else:
            out[root] = (key, list(members))
    result = []
    for i, (key, members) in out.items():
        if len(members) == len(clusters[i][1]):  # nothing joined
            result.append((key, members))
            continue
        members.sort(key=lambda m: (_width(m), m.date, m.date_end or "", m.id))
        result.append((_widest_key(members, key), members))
    return result


def _probes(key: Key) -> list[tuple[str, ...]]:
    type_, modality, src, tgt = key
    if len(src) < 2 and len(tgt) < 2 and type_ not in DIRECTIONLESS:
        return [(type_, modality, *src, "→", *tgt)]  # only equal keys share this probe
    if type_ in DIRECTIONLESS:
        return [(type_, modality, a, b) for a in src for b in src if a < b]
    return [(type_, modality, a, "→", b) for a in src for b in tgt]


def _compatible(a: tuple[Key, list[EventMention]], b: tuple[Key, list[EventMention]]) -> bool:
    anchor_a, anchor_b = a[1][0], b[1][0]
    if not _nested(_span(anchor_a), _span(anchor_b)):
        return False
    return any(_alike(x, y) for x in a[1] for y in b[1])


def _widest_key(members: list[EventMention], fallback: Key) -> Key:
    """The key of the joined event: the union of its sides."""
    keys = {_group_key(m) for m in members}
    if len(keys) == 1:
        return fallback
    type_, modality = fallback[0], fallback[1]
    src = tuple(sorted({c for k in keys for c in k[2]}))
    tgt = tuple(sorted({c for k in keys for c in k[3]}))
    return (type_, modality, src, tgt)


def _event(key: Key, cluster: list[EventMention], story_of: Mapping[str, str]) -> Event:
    anchor = cluster[0]  # the most specific date
    ordered = sorted(cluster, key=lambda m: (m.document, m.evidence.start, m.id))
    lead = max(ordered, key=lambda m: (m.mode is not None, m.date_source == "text", m.confidence))
    source = _union(m.source for m in cluster)
    target = _union(m.target for m in cluster)
    if anchor.type in DIRECTIONLESS:
        source = _union(m.source for m in cluster if _side(m.source) == _side(lead.source))
        target = _union(m.target for m in cluster if _side(m.target) == _side(lead.target))
    evidence = tuple(dict.fromkeys(m.evidence for m in ordered))
    date_source = "text" if any(m.date_source == "text" for m in cluster) else "reported"
    stories = len({story_of.get(m.document, m.document) for m in cluster})
    confidence = min(0.99, max(m.confidence for m in cluster) + 0.05 * (stories - 1))
    eid = content_id("event", key[0], key[1], "|".join(key[2]), "|".join(key[3]),
                     anchor.date, anchor.date_end or "")  # fmt: skip
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
        mode=lead.mode or next((m.mode for m in ordered if m.mode), None),
        joint=lead.joint,
    )


def date_provenance(event: Event, mentions: Mapping[str, EventMention]) -> list[str]:
    """Ids of the event's mentions that state its date (the most specific one)."""
    return sorted(
        mid
        for mid in event.mentions
        if (m := mentions.get(mid)) is not None
        and (m.date, m.date_end) == (event.date, event.date_end)
    )


def _union(groups: Iterable[tuple[Actor, ...]]) -> tuple[Actor, ...]:
    seen: dict[str, Actor] = {}
    for g in groups:
        for a in g:
            seen.setdefault(a.id, a)
    return tuple(sorted(seen.values(), key=lambda a: (a.country or "", a.kind, a.id)))
