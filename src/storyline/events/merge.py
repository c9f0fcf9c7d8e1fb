"""Merging event mentions into events: one event per real-world happening.

Mentions are one happening when they have the same type and modality, their
sides overlap by country (either direction for talks and cooperation), their
dates are compatible, and — unless one story vouches for them — their evidence
says the same thing:

* the same states on both sides and the same day the text gives: one event,
  whatever the source;
* nested dates ("June 2018" and "between June 21 and 23, 2018"): one event
  inside a story (copies of one article), and across stories when the
  sentences are alike (content-word Jaccard, or the same trigger word with some
  overlap) — two outlets reporting one visit;
* overlapping but unequal sides (``RUS`` vs ``RUS+CHN``): one event when the
  dates are compatible and the sentences alike.

A mention the text does not date (``date_mod`` ``ON_OR_BEFORE``: a past act, on or
before its article's publication) may be any day of the ``RECENT`` days before
publication: it overlaps, and joins when alike, the dated report of the same act or
another article's undated report of it. Spans of open dates only need to overlap;
spans of given dates must nest. A same-day date in two mentions is a shortcut only
when the text gives that day: two acts reported on the same publication day are not
one act for that. Copies of one article (the same story, the same sentence, the same
trigger) are one event even when a copy's relative dates resolved against a later
publication day ("on Tuesday" in a reprint a week later): the earliest reading wins.

Sides are compared by country for states and their organs and officials, but by the
actor itself for anyone else (a union, a company, a rebel group): two same-day
agreements of unrelated American organizations are not one event.

The merged event is dated by its most specific mention (provenance: that
mention's citation stays among the evidence and ``date_provenance`` names it);
its id hashes the type, modality, sides and that date, so it is stable when new
sources add citations. Output is a pure function of the set of mentions, and no
event spans two of the groups ``partition.merge_groups`` cuts them into (modality,
mentions linked by a shared probe, overlapping ``reach`` spans): each group merges
alone, which the incremental build and the distributed merge rely on.

One statement, one line: one doer's acts of statement types (``statement_types`` in
``data/frames.toml``: accuse, reject, request, support, threaten) told in one sentence
are one event of the type named first, the others listed in ``also``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import replace

from storyline.dates import bounds
from storyline.events.lexicon import DIRECTIONLESS
from storyline.events.likeness import (
    HALF,
    Key,
    alike,
    copies,
    fits,
    given_day,
    group_key,
    headline_and_lede,
    order,
    partial,
    probes,
    side,
    statement_probe,
    states_only,
)
from storyline.intervals import UnionFind
from storyline.records import Actor, Event, EventMention, content_id
from storyline.vocab import PloverType

__all__ = ["date_provenance", "event_sort_key", "merge_mentions"]


def merge_mentions(
    mentions: Iterable[EventMention], story_of: Mapping[str, str] | None = None
) -> list[Event]:
    """Group mentions into events; deterministic for any input order."""
    story_of = story_of or {}
    unique = {m.id: m for m in mentions}
    groups: dict[Key, list[EventMention]] = defaultdict(list)
    for m in sorted(unique.values(), key=lambda m: m.id):
        groups[group_key(m)].append(m)
    clusters: list[tuple[Key, list[EventMention]]] = []
    for key in sorted(groups):
        clusters += [(key, c) for c in _cluster(groups[key], story_of)]
    merged = _join_statements(_join_overlapping_sides(clusters))
    events = [_event(key, c, story_of, also) for key, c, also in merged]
    taken: set[str] = set()
    for n, e in enumerate(events):  # joined sides can meet another event's key and day
        if e.id in taken:
            events[n] = e = replace(e, id=content_id(e.id, *e.mentions))
        taken.add(e.id)
    return sorted(events, key=event_sort_key)


def event_sort_key(e: Event) -> tuple[str, str]:
    """The order ``merge_mentions`` returns events in."""
    return ((bounds(e.date, e.date_end) or (e.date,))[0], e.id)


def _cluster(members: list[EventMention], story_of: Mapping[str, str]) -> list[list[EventMention]]:
    """Greedy, most specific date first, so coarse mentions join the event they contain."""
    clusters: list[list[EventMention]] = []
    by_day: dict[tuple[str, str | None], list[EventMention]] = {}
    states = bool(members) and states_only(group_key(members[0]))
    for m in sorted(members, key=order):
        day_given = states and given_day(m)
        home = by_day.get((m.date, m.date_end)) if day_given else None
        if home is None:
            story = story_of.get(m.document, m.document)
            for c in clusters:
                same_story = [x for x in c if story_of.get(x.document, x.document) == story]
                if fits(m, c[0]) and (same_story or any(alike(m, x) for x in c)):
                    home = c
                    break
                if any(copies(m, x) for x in same_story):
                    home = c
                    break
        if home is None:
            home = []
            clusters.append(home)
            if day_given:
                by_day.setdefault((m.date, m.date_end), home)
        home.append(m)
    return clusters


def _join_statements(
    clusters: list[tuple[Key, list[EventMention]]],
) -> list[tuple[Key, list[EventMention], tuple[PloverType, ...]]]:
    """One statement, one line: clusters of different statement types holding acts of
    one doer told in one sentence, whose dates fit, become one event of the type named
    first, with that act's sides; the others are kept in ``also`` (and every mention
    stays cited), their sides not added (what the doer asked of one party is not what
    it supported in another)."""
    index: dict[str, list[tuple[int, EventMention]]] = defaultdict(list)
    for i, (_, members) in enumerate(clusters):
        for m in members:
            probe = statement_probe(m)
            if probe is not None:
                index[probe].append((i, m))
    sets = UnionFind()
    for _ in clusters:
        sets.add()

    for probe in sorted(index):
        told = index[probe]
        for x, (i, a) in enumerate(told):
            for j, b in told[x + 1 :]:
                if clusters[i][0][0] == clusters[j][0][0] or not set(side(a.source)) & set(
                    side(b.source)
                ):
                    continue
                if fits(clusters[i][1][0], clusters[j][1][0]):
                    sets.union(i, j)
    parts: dict[int, list[int]] = defaultdict(list)
    for i in range(len(clusters)):
        parts[sets.find(i)].append(i)
    out: list[tuple[Key, list[EventMention], tuple[PloverType, ...]]] = []
    for root in sorted(parts):
        idx = parts[root]
        if len(idx) == 1:
            out.append((clusters[root][0], clusters[root][1], ()))
            continue
        first = min(idx, key=lambda i: min((m.document, m.trigger.start) for m in clusters[i][1]))
        members = sorted((m for i in idx for m in clusters[i][1]), key=order)
        lead = clusters[first][0]  # the sides are the lead act's: the others only say more
        key = _widest_key([m for m in members if m.type == lead[0]], lead)
        also = tuple(sorted({clusters[i][0][0] for i in idx} - {key[0]}))
        out.append((key, members, also))
    return out


def _join_overlapping_sides(
    clusters: list[tuple[Key, list[EventMention]]],
) -> list[tuple[Key, list[EventMention]]]:
    """Join clusters whose sides overlap without being equal (connected components).

    Candidates are looked up by (type, modality, one source country, one target
    country), or by one side's country when the other side is empty, so the cost
    grows with the number of clusters, not its square.
    """
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, (key, _) in enumerate(clusters):
        for probe in probes(key):
            index[probe].append(i)
    sets = UnionFind()
    for _ in clusters:
        sets.add()

    for probe, bucket in index.items():
        by_key: dict[Key, list[int]] = defaultdict(list)
        for i in bucket:
            by_key[clusters[i][0]].append(i)
        keys = sorted(by_key)
        half = probe[0] == HALF
        for x, ka in enumerate(keys):  # only clusters of different keys are compared
            for kb in keys[x + 1 :]:
                if half and not (partial(ka) or partial(kb)):
                    continue  # two full pairs meet through their pair probes
                for i in by_key[ka]:
                    for j in by_key[kb]:
                        if _compatible(clusters[i], clusters[j]):
                            sets.union(i, j)
    out: dict[int, tuple[Key, list[EventMention]]] = {}
    for i, (key, members) in enumerate(clusters):
        root = sets.find(i)
        if root in out:
            out[root][1].extend(members)
        else:
            out[root] = (key, list(members))
    result = []
    for i, (key, members) in out.items():
        if len(members) == len(clusters[i][1]):  # nothing joined
            result.append((key, members))
            continue
        members.sort(key=order)
        result.append((_widest_key(members, key), members))
    return result


def _compatible(a: tuple[Key, list[EventMention]], b: tuple[Key, list[EventMention]]) -> bool:
    """Overlapping sides are one act when the dates fit and the sentences agree, or when
    an article's headline and lede tell it (the top of one article is about one act)."""
    if not fits(a[1][0], b[1][0]):
        return False
    return any(alike(x, y) or headline_and_lede(x, y) for x in a[1] for y in b[1])


def _widest_key(members: list[EventMention], fallback: Key) -> Key:
    """The key of the joined event: the union of its sides."""
    keys = {group_key(m) for m in members}
    if len(keys) == 1:
        return fallback
    type_, modality = fallback[0], fallback[1]
    src = tuple(sorted({c for k in keys for c in k[2]}))
    tgt = tuple(sorted({c for k in keys for c in k[3]}))
    return (type_, modality, src, tgt)


def _event(
    key: Key,
    cluster: list[EventMention],
    story_of: Mapping[str, str],
    also: tuple[PloverType, ...] = (),
) -> Event:
    anchor = cluster[0]  # the most specific date
    ordered = sorted(cluster, key=lambda m: (m.document, m.evidence.start, m.id))
    own = [m for m in ordered if m.type == key[0]] or ordered
    lead = max(own, key=lambda m: (m.mode is not None, m.date_source == "text", m.confidence))
    sided = own if also else cluster  # a joined statement keeps its lead act's sides
    source = _union(m.source for m in sided)
    target = _union(m.target for m in sided)
    if key[0] in DIRECTIONLESS:
        source = _union(m.source for m in cluster if side(m.source) == side(lead.source))
        target = _union(m.target for m in cluster if side(m.target) == side(lead.target))
    evidence = tuple(dict.fromkeys(m.evidence for m in ordered))
    date_source = anchor.date_source  # where the event's date came from
    stories = len({story_of.get(m.document, m.document) for m in cluster})
    confidence = min(0.99, max(m.confidence for m in cluster) + 0.05 * (stories - 1))
    when = (anchor.date, anchor.date_end or "", *([anchor.date_mod] if anchor.date_mod else []))
    if not (given_day(anchor) and states_only(key)):  # several events may share the date
        when += (anchor.id,)
    eid = content_id("event", key[0], key[1], "|".join(key[2]), "|".join(key[3]), *when, *also)
    return Event(
        id=eid,
        type=key[0],
        modality=key[1],
        source=source,
        target=target,
        date=anchor.date,
        date_end=anchor.date_end,
        date_mod=anchor.date_mod,
        date_source=date_source,
        summary=lead.summary,
        evidence=evidence,
        trigger=lead.trigger,
        confidence=round(confidence, 3),
        mentions=tuple(m.id for m in ordered),
        mode=lead.mode or next((m.mode for m in ordered if m.mode), None),
        joint=lead.joint,
        also=also,
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
