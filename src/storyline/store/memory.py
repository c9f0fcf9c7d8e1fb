"""A store in plain Python: dicts of the project's records, no SQL.

``MemoryStore`` implements every method of the ``Store`` protocol with the semantics
of ``SQLiteStore`` (the same rows, in the same order wherever SQLite's statement
fixes one): ``tests/store/test_contract.py`` runs both against one contract, and
``tests/store/test_contract_build.py`` builds the seeds into each. It is the second
implementation that proves the protocol an interface, and a store for tests and
short-lived tools: nothing outlives the process. Its reads live in two mixins,
``memory_actors.py`` and ``memory_events.py`` (as ``SQLiteStore``'s in ``queries.py``).

What it keeps is what SQLite keeps: a document without its annotations (actor
mentions kept, sentences and timexes counted, tokens and entities dropped), event
mentions and events as their JSON contract reads them back (``serialize``: the
confidence rounded, the calibration features dropped), salience extras as JSON.

Where it differs from ``SQLiteStore``:

- ``search`` is a token match (``store/text_search.py``), not FTS5: ranked by matched
  words rather than BM25, a simpler snippet, no parentheses or ``NEAR``, and the limits
  of ``query.check_search`` enforced here too;
- ``path`` is None (no build lock: one process owns the store) and ``stamp`` is a
  write counter, not the file's size and time;
- where SQLite's statement leaves an order open (``GROUP BY`` without ``ORDER BY``, a
  tie of the sort key) this store answers in a fixed one: sorted by key, ties in the
  order of writing;
- an event id written twice raises ``ValueError`` (SQLite: ``sqlite3.IntegrityError``);
  in both, nothing of that write is kept;
- ``story_index`` is the one exception to "no SQL": the protocol returns
  ``StoryIndex`` (``store/story_index.py``), which keeps its postings in a SQLite
  connection, so this store gives it a private in-memory database (``:memory:``).
"""

from __future__ import annotations

import datetime as dt
import itertools
import sqlite3
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

from storyline.dates import span
from storyline.names import alias_key
from storyline.nlp.actors.naming import alias_of
from storyline.records import Actor, Document, Event, EventMention, Quarantined
from storyline.serialize import event_from_json, event_json, event_mention_from_json
from storyline.store.api import Store
from storyline.store.memory_actors import MemoryActorReads
from storyline.store.memory_events import MemoryEventReads, Side
from storyline.store.shared import (
    MIN_EVENT_PREFIX,
    document_listing,
    event_key,
    story_groups,
)
from storyline.store.story_index import StoryIndex
from storyline.store.text_search import SearchText, search_texts

__all__ = ["MemoryStore"]

_serial = itertools.count()
_COUNTED = ("documents", "sentences", "timexes", "actors", "mentions", "event_mentions",
            "events", "quarantine")  # fmt: skip


def _nulls_first(value: str | None) -> tuple[bool, str]:
    """A sort key that puts None first, as SQLite orders NULL."""
    return (value is not None, value or "")


class MemoryStore(MemoryActorReads, MemoryEventReads):
    """storyline's store in dicts and lists (see the module docstring)."""

    def __init__(self) -> None:
        self.path: Path | None = None
        self._serial = next(_serial)
        self._writes = 0
        self._index_conn: sqlite3.Connection | None = None
        self.docs: dict[str, Document] = {}  # id -> document without annotations
        self.membership: dict[str, tuple[str, str, float]] = {}  # id -> story, relation, score
        self.sources: dict[str, str] = {}  # source -> document id
        self.sentence_keys: set[tuple[str, int]] = set()
        self.timex_keys: set[tuple[str, int]] = set()
        self.mentions: dict[tuple[str, int, int], str] = {}  # (doc, start, end) -> actor id
        self.actor_rows: dict[str, Actor] = {}
        self.aliases: dict[str, dict[str, str]] = {}  # actor -> alias -> alias key
        self.alias_actors: dict[str, set[str]] = {}  # alias key -> actors
        self.quarantine_rows: dict[str, dict[str, Any]] = {}
        self.mention_rows: dict[str, tuple[str, EventMention]] = {}  # id -> (doc, mention)
        self.pending: set[str] = set()  # documents whose mentions wait for the merge
        self.probes: dict[str, dict[str, tuple[str, str]]] = {}  # probe -> mention -> lo, hi
        self.event_rows: dict[str, Event] = {}
        self.spans: dict[str, tuple[str, str]] = {}  # event -> first and last day
        self.sides: dict[str, dict[Side, str | None]] = {}  # event -> (actor, side) -> country
        self.members: dict[str, str] = {}  # mention -> event
        self.extras: dict[str, tuple[float, str]] = {}  # event -> salience, extras JSON

    # ----------------------------------------------------------------- lifetime

    def close(self) -> None:
        if self._index_conn is not None:
            self._index_conn.close()
            self._index_conn = None

    def __enter__(self) -> MemoryStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def stamp(self) -> tuple[Any, ...]:
        """This store (a serial number, never reused) and how often it was written."""
        return ("memory", self._serial, self._writes)

    def _written(self) -> None:
        self._writes += 1

    # ----------------------------------------------------------------- writes

    def has_document(self, doc_id: str) -> bool:
        return doc_id in self.docs

    def add_source(self, source: str, doc_id: str) -> None:
        self.sources[source] = doc_id
        self._written()

    def add_document(self, doc: Document) -> bool:
        """Store a fully processed document and its annotations; False if present."""
        if doc.id in self.docs:
            return False
        self.docs[doc.id] = replace(doc, date_hints=(), tokens=(), sentences=(), entities=(),
                                    mentions=(), timexes=(), events=())  # fmt: skip
        self.sources[doc.source] = doc.id
        self.sentence_keys.update((doc.id, s.start) for s in doc.sentences)
        self.timex_keys.update((doc.id, t.start) for t in doc.timexes)
        self._add_actors([(m.actor, alias_of(m)) for m in doc.mentions])
        for ev in doc.events:
            self._add_actors([(a, a.name) for a in (*ev.source, *ev.target)])
        for m in doc.mentions:
            self.mentions.setdefault((doc.id, m.start, m.end), m.actor.id)
        self.pending.add(doc.id)
        for e in doc.events:  # what the JSON contract keeps of a mention
            if e.id not in self.mention_rows:
                self.mention_rows[e.id] = (doc.id, event_mention_from_json(event_json(e)))
        self._written()
        return True

    def _add_actors(self, pairs: Sequence[tuple[Actor, str]]) -> None:
        """Add actors; a known one keeps its name and kind, and gains a role, country
        or sector it lacked."""
        for actor, alias in pairs:
            old = self.actor_rows.get(actor.id)
            if old is None:
                self.actor_rows[actor.id] = actor
            else:
                self.actor_rows[actor.id] = replace(
                    old,
                    role=actor.role if old.role is None else old.role,
                    country=actor.country if old.country is None else old.country,
                    sector=actor.sector if old.sector is None else old.sector,
                )
            for name in {alias, actor.name}:
                known = self.aliases.setdefault(actor.id, {})
                if name not in known:
                    known[name] = alias_key(name)
                    self.alias_actors.setdefault(known[name], set()).add(actor.id)

    def set_story(self, doc_id: str, story: str, relation: str, score: float = 1.0) -> None:
        """Record a document's story; a change of story puts its events up for merging."""
        if doc_id in self.docs:
            before = self.membership.get(doc_id)
            self.membership[doc_id] = (story, relation, round(score, 4))
            if before is None or before[0] != story:
                self.pending.add(doc_id)
        self._written()

    def quarantine(self, item: Quarantined) -> None:
        row = self.quarantine_rows.setdefault(item.source, {"source": item.source})
        row["reason"] = item.reason
        row.setdefault("first_seen", dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
        self._written()

    def replace_events(self, events: Iterable[Event]) -> int:
        """Replace every merged event (a global, deterministic function of the mentions)."""
        fresh = self._checked(events, keep=set())
        for e in self.event_rows:  # a deleted event's extras go with it
            self.extras.pop(e, None)
        for table in (self.event_rows, self.spans, self.sides, self.members):
            table.clear()
        self.pending.clear()
        return self._insert(fresh)

    def replace_events_of(self, mentions: Collection[str], events: Iterable[Event]) -> int:
        """Replace the events holding any of ``mentions`` by ``events`` (their new merge);
        the pending documents are merged. Returns how many events were removed."""
        gone = {self.members[m] for m in mentions if m in self.members}
        fresh = self._checked(events, keep=set(self.event_rows) - gone)
        for e in gone:
            for table in (self.event_rows, self.spans, self.sides, self.extras):
                table.pop(e, None)
        self.members = {m: e for m, e in self.members.items() if e not in gone}
        self.pending.clear()
        self._insert(fresh)
        return len(gone)

    @staticmethod
    def _checked(events: Iterable[Event], keep: set[str]) -> list[Event]:
        """The events to insert, refused whole (nothing written) if an id repeats."""
        out = list(events)
        ids = Counter(e.id for e in out)
        twice = sorted(i for i, n in ids.items() if n > 1 or i in keep)
        if twice:
            raise ValueError(f"events stored twice: {', '.join(twice[:5])}")
        return out

    def _insert(self, events: list[Event]) -> int:
        for ev in events:
            self.event_rows[ev.id] = event_from_json(event_json(ev))
            self.spans[ev.id] = span(ev.date, ev.date_end)
            sides: dict[Side, str | None] = {}
            for side, actors in (("source", ev.source), ("target", ev.target)):
                for a in actors:
                    sides.setdefault((a.id, side), a.country)
            self.sides[ev.id] = sides
            self.members.update((m, ev.id) for m in ev.mentions)
        self._written()
        return len(events)

    def index_mentions(self, rows: Iterable[tuple[str, str, str, str]]) -> None:
        """Record (probe, mention, first day, last day) look-up rows for the merge."""
        for probe, mention, lo, hi in rows:
            self.probes.setdefault(probe, {}).setdefault(mention, (lo, hi))
        self._written()

    def story_index(self) -> StoryIndex:
        """The near-duplicate index (``store/story_index.py``), in a private in-memory
        SQLite database: the protocol's one type that is bound to SQLite."""
        if self._index_conn is None:
            self._index_conn = sqlite3.connect(":memory:", check_same_thread=False)
        return StoryIndex(self._index_conn)

    # ----------------------------------------------------------------- merge reads

    def documents_without_story(self) -> list[str]:
        return sorted(d for d in self.docs if d not in self.membership)

    def unindexed_mentions(self) -> int:
        """How many stored event mentions have no merge look-up rows."""
        indexed = {m for rows in self.probes.values() for m in rows}
        return sum(1 for m in self.mention_rows if m not in indexed)

    def merged_mentions(self) -> int:
        return len(self.members)

    def pending_mentions(self) -> list[EventMention]:
        rows = self.mention_rows
        return [rows[i][1] for i in sorted(rows) if rows[i][0] in self.pending]

    def mentions_near(self, probe: str, lo: str, hi: str) -> list[str]:
        """Ids of mentions with this probe whose days overlap ``lo``..``hi``."""
        rows = self.probes.get(probe, {})
        return [m for m, (a, b) in sorted(rows.items(), key=lambda r: r[1]) if a <= hi and b >= lo]

    def probe_rows(self, mentions: Collection[str]) -> list[tuple[str, str, str]]:
        """(probe, lo, hi) of these mentions."""
        wanted = set(mentions)
        found = [(m, p, lo, hi) for p, rows in self.probes.items()
                 for m, (lo, hi) in rows.items() if m in wanted]  # fmt: skip
        return [(p, lo, hi) for _, p, lo, hi in sorted(found)]

    def event_mentions(self) -> list[EventMention]:
        return [self.mention_rows[i][1] for i in sorted(self.mention_rows)]

    def event_mentions_of(self, mentions: Collection[str]) -> list[EventMention]:
        return [self.mention_rows[i][1] for i in sorted(set(mentions)) if i in self.mention_rows]

    # ----------------------------------------------------------------- documents

    def _doc_row(self, doc: Document) -> dict[str, Any]:
        story, relation, score = self.membership.get(doc.id, (None, None, None))
        return {
            "id": doc.id, "source": doc.source, "format": doc.format, "encoding": doc.encoding,
            "text": doc.text, "title": doc.title, "url": doc.url, "outlet": doc.outlet,
            "dateline": doc.dateline, "published": doc.published,
            "published_source": doc.published_source,
            "published_confidence": doc.published_confidence,
            "date_candidates": [asdict(c) for c in doc.date_candidates],
            "story": story, "story_relation": relation, "story_score": score,
            "language": doc.language, "language_declared": doc.language_declared,
        }  # fmt: skip

    def documents(self) -> list[dict[str, Any]]:
        listed = ("id", "source", "title", "url", "outlet", "dateline", "published",
                  "published_source", "published_confidence", "date_candidates", "story",
                  "story_relation", "format", "language")  # fmt: skip
        docs = sorted(self.docs.values(), key=lambda d: (_nulls_first(d.published), d.id))
        out = []
        for doc in docs:
            row = self._doc_row(doc)
            out.append({**{k: row[k] for k in listed}, "chars": len(doc.text)})
        return out

    def document(self, doc_id: str) -> dict[str, Any] | None:
        doc = self.docs.get(doc_id)
        if doc is None:
            return None
        row = self._doc_row(doc)
        row["removals"] = [asdict(r) for r in doc.removals]
        row["segments"] = [asdict(s) for s in doc.segments]
        return row

    def load_document(self, doc_id: str) -> Document | None:
        """A stored document's text and metadata as a record (annotations not loaded)."""
        return self.docs.get(doc_id)

    def document_listing(self) -> dict[str, Any]:
        return document_listing(self.documents(), self.quarantined())

    def quarantined(self) -> list[dict[str, Any]]:
        return [dict(self.quarantine_rows[s]) for s in sorted(self.quarantine_rows)]

    def story_map(self) -> dict[str, str]:
        return {d: m[0] for d, m in self.membership.items()}

    def stories_of(self, documents: Collection[str]) -> dict[str, str]:
        return {d: self.membership[d][0] for d in sorted(documents) if d in self.membership}

    def stories(self) -> list[dict[str, Any]]:
        """Stories with their member documents (canonical first)."""
        rows = [
            {"story": m[0], "id": d, "story_relation": m[1], "story_score": m[2],
             "title": self.docs[d].title, "source": self.docs[d].source,
             "published": self.docs[d].published}
            for d, m in self.membership.items()
        ]  # fmt: skip
        rows.sort(key=lambda r: (r["story"], r["story_relation"] != "canonical", r["id"]))
        return story_groups(rows)

    def search(
        self, q: str, limit: int = 20, *, marks: tuple[str, str] = ("[", "]")
    ) -> list[dict[str, Any]]:
        """Search titles and clean texts: a token match (``store/text_search.py`` says
        how it differs from FTS5). A query it cannot read raises QueryError."""
        texts = (SearchText(d.id, d.title or "", d.text) for d in self.docs.values())
        return list(search_texts(q, texts, limit, marks))

    def counts(self) -> dict[str, int]:
        sizes = [len(self.docs), len(self.sentence_keys), len(self.timex_keys),
                 len(self.actor_rows), len(self.mentions), len(self.mention_rows),
                 len(self.event_rows), len(self.quarantine_rows)]  # fmt: skip
        return dict(zip(_COUNTED, sizes, strict=True))

    # ----------------------------------------------------------------- event lookup

    def event(self, event_id: str) -> Event | None:
        """The event with this id, or else the one event whose id starts with it (the
        rules of ``SQLiteStore.event``)."""
        key = event_key(event_id)
        if key is None:
            return None
        if key in self.event_rows:
            return self.event_rows[key]
        if len(key) < MIN_EVENT_PREFIX:
            return None
        found = self.event_ids_starting(key, 2)
        return self.event_rows[found[0]] if len(found) == 1 else None

    def event_ids_starting(self, prefix: str, limit: int = 6) -> list[str]:
        key = event_key(prefix)
        if key is None:
            return []
        found = sorted(i for i in self.event_rows if i.startswith(key))
        return found if limit < 0 else found[:limit]


#: mypy proves here that ``MemoryStore`` implements the ``Store`` protocol.
_IMPLEMENTS: type[Store] = MemoryStore
