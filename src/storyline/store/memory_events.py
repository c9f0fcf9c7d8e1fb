"""``MemoryStore``'s reads of events, facets, salience and story counts: what
``store/queries.py`` asks SQLite, answered over dicts (mixed into ``MemoryStore``).

Each method keeps the semantics of the statement it mirrors: the same filter, the
same order where the statement gives one (``ORDER BY``), the same ``LIMIT``/``OFFSET``
reading (a negative limit is no limit); where the statement leaves the order open,
rows come sorted by their key, or in the order they were written.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from storyline.dates import UNDATED
from storyline.records import Actor, Document, Event, EventMention
from storyline.store.actor_lookup import unknown_actor
from storyline.store.query import EVENT_SORTS, CitedBy, EventQuery, QueryError

__all__ = ["MemoryEventReads", "Side"]

#: (actor id, "source" | "target"): one side an actor fills in an event.
Side = tuple[str, str]
_Key = tuple[Callable[[str], Any], bool]  # a sort key of event ids, descending or not


def _ordered(items: Iterable[str], keys: Sequence[_Key]) -> list[str]:
    """``items`` sorted by ``keys`` (the first most significant), as ``ORDER BY`` does."""
    out = list(items)
    for key, descending in reversed(keys):
        out.sort(key=key, reverse=descending)  # stable, reversed or not
    return out


def _page(items: list[Any], limit: int | None, offset: int) -> list[Any]:
    """``LIMIT limit OFFSET offset`` as SQLite reads it (a negative limit: no limit)."""
    if limit is None:
        return items
    start = max(offset, 0)
    return items[start:] if limit < 0 else items[start : start + limit]


def _days(start: str, stop: str) -> float | None:
    """``julianday(stop) - julianday(start)``, None when a day is not a date."""
    try:
        return float((dt.date.fromisoformat(stop) - dt.date.fromisoformat(start)).days)
    except ValueError:
        return None


class MemoryEventReads:
    """Event reads over ``MemoryStore``'s tables (declared here, filled there)."""

    docs: dict[str, Document]
    membership: dict[str, tuple[str, str, float]]
    actor_rows: dict[str, Actor]
    mention_rows: dict[str, tuple[str, EventMention]]
    event_rows: dict[str, Event]
    spans: dict[str, tuple[str, str]]
    sides: dict[str, dict[Side, str | None]]
    members: dict[str, str]
    extras: dict[str, tuple[float, str]]

    def resolve_actor(self, name: str) -> tuple[set[str], set[str]]:
        raise NotImplementedError

    def _written(self) -> None:
        raise NotImplementedError

    # -- filters --------------------------------------------------------------

    def _on_side(self, name: str, side: str | None) -> Callable[[str], bool]:
        """Whether an event has the actor (or one of its countries) on ``side`` (any
        when None); the name is resolved now, so an unknown one raises at once."""
        ids, countries = self.resolve_actor(name)
        if not ids and not countries:  # resolve_actor raises first; kept as a guard
            raise QueryError(unknown_actor(name))

        def test(event: str) -> bool:
            return any(
                (s == side or side is None)
                and (actor in ids or (country is not None and country in countries))
                for (actor, s), country in self.sides[event].items()
            )

        return test

    def _test(self, query: EventQuery) -> Callable[[str], bool]:
        """``EventQuery`` as a test of an event id (``SQLiteStore.event_where``)."""
        actor = self._on_side(query.actor, None) if query.actor else None
        pairs: list[tuple[Callable[[str], bool], Callable[[str], bool]]] = []
        if query.between:
            a, b = query.between
            for side_a, side_b in (("source", "target"), ("target", "source")):
                pairs.append((self._on_side(a, side_a), self._on_side(b, side_b)))

        def test(event: str) -> bool:
            e, (start, stop) = self.event_rows[event], self.spans[event]
            return (
                (not query.types or e.type in query.types)
                and (not query.modalities or e.modality in query.modalities)
                and (query.min_confidence <= 0 or e.confidence >= query.min_confidence)
                and (not query.date_from or stop >= query.date_from)
                and (not query.date_to or start <= query.date_to)
                and (actor is None or actor(event))
                and (not pairs or any(ta(event) and tb(event) for ta, tb in pairs))
            )

        return test

    def _cited_documents(self) -> dict[str, set[str]]:
        """Event id -> the documents of its member mentions."""
        out: dict[str, set[str]] = {}
        for mention, event in self.members.items():
            if mention in self.mention_rows:
                out.setdefault(event, set()).add(self.mention_rows[mention][0])
        return out

    def _matching(self, query: EventQuery, cited: CitedBy | None = None) -> list[str]:
        """Ids of the events matching ``query`` and ``cited``, in the order written."""
        test = self._test(query)
        found = [e for e in self.event_rows if test(e)]
        cited = cited or CitedBy()
        if cited.documents is None and not cited.stories:
            return found
        by_event = self._cited_documents()
        if cited.documents is not None:
            wanted = set(cited.documents)
            found = [e for e in found if by_event.get(e, set()) & wanted]
        if cited.stories:
            stories = set(cited.stories)
            story = {d: m[0] for d, m in self.membership.items()}
            found = [e for e in found if {story.get(d) for d in by_event.get(e, ())} & stories]
        return found

    def _sort_keys(self, sort: str) -> list[_Key]:
        """``EVENT_SORTS`` over event ids."""
        start: _Key = (lambda e: self.spans[e][0], False)
        ident: _Key = (lambda e: e, False)
        confidence = lambda e: self.event_rows[e].confidence  # noqa: E731
        kind = lambda e: self.event_rows[e].type  # noqa: E731
        keys: dict[str, list[_Key]] = {
            "date": [start, (lambda e: self.spans[e][1], True), (kind, False), ident],
            "-date": [
                (start[0], True),
                (lambda e: self.spans[e][1], False),
                (kind, False),
                ident,
            ],
            "confidence": [(confidence, False), start, ident],
            "-confidence": [(confidence, True), start, ident],
            "type": [(kind, False), start, ident],
            "-type": [(kind, True), start, ident],
        }
        return keys[sort]

    # -- events ---------------------------------------------------------------

    def iter_events(self, query: EventQuery) -> Iterator[Event]:
        """Every matching event in timeline order."""
        ids = _ordered(self._matching(query), self._sort_keys("date"))
        for e in _page(ids, query.limit, query.offset):
            yield self.event_rows[e]

    def events(self, query: EventQuery) -> list[Event]:
        return list(self.iter_events(query))

    def count_events(self, query: EventQuery, cited: CitedBy | None = None) -> int:
        return len(self._matching(query, cited))

    def event_page_ids(
        self, query: EventQuery, cited: CitedBy | None = None, sort: str = "date"
    ) -> list[str]:
        if sort not in EVENT_SORTS:
            raise QueryError(f"sort must be one of {', '.join(EVENT_SORTS)}, got {sort!r}")
        ids = _ordered(self._matching(query, cited), self._sort_keys(sort))
        return _page(ids, query.limit, query.offset)

    def events_by_id(self, ids: Sequence[str]) -> list[Event]:
        return [self.event_rows[i] for i in ids if i in self.event_rows]

    def events_quoting(self, doc_id: str, limit: int = 500) -> list[Event]:
        """Events citing the document in their evidence or trigger, in timeline order
        (the id compared without regard to ASCII case, as SQLite's ``LIKE``)."""
        key = doc_id.lower()
        found = [e for e, ev in self.event_rows.items()
                 if any(x.document.lower() == key for x in (*ev.evidence, ev.trigger))]  # fmt: skip
        return [
            self.event_rows[e] for e in _page(_ordered(found, self._sort_keys("date")), limit, 0)
        ]

    def events_citing(self, documents: Sequence[str]) -> list[Event]:
        wanted = set(documents)
        by_event = self._cited_documents()
        return [ev for e, ev in self.event_rows.items() if by_event.get(e, set()) & wanted]

    def _countries(self, event: str, side: str) -> set[str]:
        return {c for (_, s), c in self.sides[event].items() if s == side and c is not None}

    def dyad_events(self, a: str, b: str) -> list[tuple[Event, str, bool]]:
        """Events naming both countries, with their first day and whether one is on the
        source side and the other on the target side."""
        out = []
        for e in sorted(self.event_rows, key=lambda e: (self.spans[e][0], e)):
            src, tgt = self._countries(e, "source"), self._countries(e, "target")
            if {a, b} <= src | tgt:
                across = (a in src and b in tgt) or (b in src and a in tgt)
                out.append((self.event_rows[e], self.spans[e][0], across))
        return out

    def _pairs(self, event: str) -> set[tuple[str, str]]:
        """The country pairs (a < b) of a source and a target of different countries."""
        return {(min(s, t), max(s, t)) for s in self._countries(event, "source")
                for t in self._countries(event, "target") if s != t}  # fmt: skip

    def dyad_counts(self) -> list[dict[str, Any]]:
        n: Counter[tuple[str, str, str, str]] = Counter()
        for e, ev in self.event_rows.items():
            n.update((a, b, ev.type, ev.modality) for a, b in self._pairs(e))
        return [
            {"a": k[0], "b": k[1], "type": k[2], "modality": k[3], "n": n[k]} for k in sorted(n)
        ]

    # -- salience (event extras) ----------------------------------------------

    def all_scored(self) -> bool:
        return all(e in self.extras for e in self.event_rows)

    def salient_events(self, query: EventQuery, n: int) -> list[tuple[Event, float]]:
        scored = [e for e in self._matching(query) if e in self.extras]
        ids = _ordered(scored, [(lambda e: self.extras[e][0], True), (lambda e: e, False)])
        return [(self.event_rows[e], self.extras[e][0]) for e in _page(ids, n, 0)]

    def unscored_events(self) -> list[Event]:
        return [ev for e, ev in self.event_rows.items() if e not in self.extras]

    def scored_events(self) -> Iterator[tuple[Event, float, dict[str, Any]]]:
        for e, ev in self.event_rows.items():
            if e in self.extras:
                yield ev, self.extras[e][0], json.loads(self.extras[e][1])

    def save_extras(
        self,
        fresh: Sequence[tuple[str, dict[str, Any]]],
        rescored: Sequence[tuple[str, dict[str, Any]]],
    ) -> None:
        """Store the extras of newly scored events and update rescored ones."""
        for i, x in fresh:
            self.extras[i] = (float(x["salience"]), json.dumps(x, sort_keys=True))
        for i, x in rescored:
            if i in self.extras:
                self.extras[i] = (float(x["salience"]), json.dumps(x, sort_keys=True))
        self._written()

    def stored_extras(self, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        return {i: json.loads(self.extras[i][1]) for i in ids if i in self.extras}

    def event_saliences(self) -> list[tuple[str, float]]:
        return [(e, x[0]) for e, x in self.extras.items()]

    # -- stories ---------------------------------------------------

    def _source_row(self, doc: Document) -> dict[str, Any]:
        return {"id": doc.id, "title": doc.title, "outlet": doc.outlet,
                "published": doc.published, "url": doc.url}  # fmt: skip

    def source_rows(self, ids: Iterable[str] | None = None) -> list[dict[str, Any]]:
        """What a citation shows of the stored documents among ``ids`` (all if None)."""
        if ids is None:
            return [self._source_row(d) for d in self.docs.values()]
        return [self._source_row(self.docs[i]) for i in sorted(set(ids)) if i in self.docs]

    def story_source_rows(self) -> list[dict[str, Any]]:
        return [self._source_row(d) for i, d in self.docs.items() if i in self.membership]

    def story_event_counts(self) -> dict[str, int]:
        events: dict[str, set[str]] = {}
        for e, documents in self._cited_documents().items():
            for d in documents:
                if d in self.membership:
                    events.setdefault(self.membership[d][0], set()).add(e)
        return {s: len(found) for s, found in sorted(events.items())}

    def story_label_rows(self, stories: Sequence[str]) -> list[dict[str, Any]]:
        """The stories' articles: per story the canonical titled one first, then titled
        ones, then by id."""
        wanted = set(stories)
        rows = [{"story": m[0], **self._source_row(self.docs[d]), "relation": m[1]}
                for d, m in self.membership.items() if m[0] in wanted]  # fmt: skip
        rows.sort(key=lambda r: (r["story"], not r["title"], r["relation"] != "canonical", r["id"]))
        for r in rows:
            del r["relation"]
        return rows

    # -- facets and overview --------------------------------------------------

    def event_density(
        self, query: EventQuery, cited: CitedBy | None = None
    ) -> list[dict[str, Any]]:
        """Matching events per first day and modality: ``{day, modality, n, coarse}``."""
        groups: dict[tuple[str, str], list[float | None]] = {}
        for e in self._matching(query, cited):
            start, stop = self.spans[e]
            groups.setdefault((start, self.event_rows[e].modality), []).append(_days(start, stop))
        out = []
        for (day, modality), spans in sorted(groups.items()):
            known = [s > 31 for s in spans if s is not None]
            coarse = sum(known) if known else None  # SQL's sum() of NULLs only is NULL
            out.append({"day": day, "modality": modality, "n": len(spans), "coarse": coarse})
        return out

    def event_facets(
        self, query: EventQuery, cited: CitedBy | None, levels: Sequence[float], size: int
    ) -> dict[str, Any]:
        """Counts over the matching events (the shape of ``SQLiteStore.event_facets``)."""
        ids = self._matching(query, cited)
        events = [self.event_rows[e] for e in ids]
        per_actor: Counter[str] = Counter()
        per_pair: Counter[tuple[str, str]] = Counter()
        for e in ids:
            per_actor.update({a for a, _ in self.sides[e]})
            per_pair.update(self._pairs(e))
        names = {a: (self.actor_rows[a].name if a in self.actor_rows else a) for a in per_actor}
        actors = sorted(per_actor, key=lambda a: (-per_actor[a], names[a], a))
        pairs = sorted(per_pair, key=lambda p: (-per_pair[p], p))
        by_event = self._cited_documents()
        documents = [
            {"event": e, "document": d, "story": self.membership.get(d, (None,))[0]}
            for e in ids for d in sorted(by_event.get(e, ())) if d in self.docs
        ]  # fmt: skip
        return {
            "type": Counter(ev.type for ev in events),
            "modality": Counter(ev.modality for ev in events),
            "confidence": [sum(1 for ev in events if ev.confidence >= c) for c in levels],
            "actor": [
                {"id": a, "name": names[a], "n": per_actor[a]} for a in _page(actors, size, 0)
            ],
            "pair": [{"a": p[0], "b": p[1], "n": per_pair[p]} for p in _page(pairs, size, 0)],
            "documents": documents,
        }

    def corpus_counts(self) -> dict[str, Any]:
        """``documents`` and their ``published`` span, ``stories``, events per modality
        and the span of the dated events' first days."""
        published = [d.published for d in self.docs.values() if d.published is not None]
        starts = [s for s, _ in self.spans.values() if s < UNDATED]
        modalities = Counter(ev.modality for ev in self.event_rows.values())
        return {
            "documents": len(self.docs),
            "published": {
                "first": min(published, default=None),
                "last": max(published, default=None),
            },
            "stories": len({m[0] for m in self.membership.values()}),
            "by_modality": dict(sorted(modalities.items())),
            "event_dates": {"first": min(starts, default=None), "last": max(starts, default=None)},
        }
