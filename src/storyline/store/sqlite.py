"""The embedded store: SQLite (stdlib ``sqlite3``), WAL, FTS5, versioned schema.

One writer (the process running ``storyline build``); readers (CLI queries, the
HTTP API) may open the file read-only while it writes. Every row's key is a
content hash, so inserting the same document twice is a no-op.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import sqlite3
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Any

from storyline.dates import span
from storyline.errors import StorylineError
from storyline.names import alias_key
from storyline.nlp.actors.naming import alias_of
from storyline.records import (
    Actor,
    DateCandidate,
    Document,
    Event,
    EventMention,
    Quarantined,
    Removal,
    Segment,
)
from storyline.serialize import (
    actor_from_json,
    event_from_json,
    event_json,
    event_mention_from_json,
)
from storyline.store.actor_lookup import unknown_actor
from storyline.store.api import Store
from storyline.store.queries import StoreQueries
from storyline.store.query import EventQuery, QueryError
from storyline.store.schema import MIGRATIONS, SCHEMA_VERSION
from storyline.store.shared import (
    MAX_EVENT_ID,
    MIN_EVENT_PREFIX,
    actor_by_prefix,
    document_listing,
    event_key,
    story_groups,
)

__all__ = [
    "MAX_EVENT_ID",
    "MIN_EVENT_PREFIX",
    "SQLiteStore",
    "StoreError",
    "StoreWriteError",
    "alias_key",
    "read_failure",
    "write_failure",
]

log = logging.getLogger(__name__)


class StoreError(StorylineError, RuntimeError):
    """The store cannot be opened or is of an incompatible version."""

    code = "SL501"


class StoreWriteError(StoreError):
    """The store cannot be written: a full disk, a read-only file or directory."""

    code = "SL503"


def write_failure(path: Path, exc: sqlite3.Error) -> str:
    """What a failed write means for the user, with SQLite's own reason. SQLite rolls
    back the failed transaction, so what earlier commits stored is kept."""
    code = getattr(exc, "sqlite_errorcode", 0) & 0xFF  # the primary code
    if code == sqlite3.SQLITE_FULL or "disk is full" in str(exc):
        return (f"disk full while storing {path} (SQLite: {exc}): free space and run the "
                "build again; nothing stored was lost")  # fmt: skip
    if not path.parent.is_dir():
        return f"cannot create store {path}: {exc}; there is no directory {path.parent}"
    if code == sqlite3.SQLITE_READONLY or "readonly database" in str(exc) or not _writable(path):
        return (f"store {path} is read-only: {exc}{_read_only_hint(path)}; make it writable "
                "or build into another --db")  # fmt: skip
    return (f"cannot write the store {path}: {exc}; what was stored before is kept, run "
            "the build again once this is fixed")  # fmt: skip


def read_failure(path: Path, exc: sqlite3.Error) -> str:
    """Why a store cannot be read, with SQLite's own reason (never a "schema version 0"
    that sends the user to build a store that is there)."""
    return f"cannot read store {path}: {exc}{_read_only_hint(path)}"


def _writable(path: Path) -> bool:
    where = path if path.exists() else path.parent
    return os.access(where, os.W_OK) and os.access(path.parent, os.W_OK)


def _read_only_hint(path: Path) -> str:
    if not path.parent.is_dir() or os.access(path.parent, os.W_OK):
        return ""
    return (f" (its directory {path.parent} is read-only, and SQLite keeps its "
            f"{path.name}-wal and {path.name}-shm files beside it)")  # fmt: skip


class SQLiteStore(StoreQueries):
    """storyline's default store."""

    def __init__(self, path: str | Path, *, read_only: bool = False):
        self.path = Path(path)
        self.read_only = read_only
        try:
            if read_only:
                if not self.path.exists():
                    raise StoreError(f"no store at {self.path}: run `storyline build` first")
                uri = f"file:{self.path.resolve()}?mode=ro"
                self.conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
            else:
                self.conn = sqlite3.connect(self.path, check_same_thread=False)
                _fault_store_size(self.conn)
                self.conn.execute("PRAGMA journal_mode=WAL")
                self.conn.execute("PRAGMA synchronous=NORMAL")
        except sqlite3.OperationalError as exc:
            if read_only:
                raise StoreError(read_failure(self.path, exc)) from exc
            raise StoreWriteError(write_failure(self.path, exc)) from exc
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open store {self.path}: {exc}") from exc
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA foreign_keys=ON")
        # the one name folding (storyline.names), for migrations that re-key aliases
        self.conn.create_function("storyline_alias_key", 1, alias_key, deterministic=True)
        if not read_only:
            try:
                self.migrate()
            except sqlite3.OperationalError as exc:  # a full disk, a read-only store
                raise StoreWriteError(write_failure(self.path, exc)) from exc
        elif self.schema_version() != SCHEMA_VERSION:
            raise StoreError(
                f"store {self.path} has schema version {self.schema_version()}, "
                f"this storyline needs {SCHEMA_VERSION}: open it once with `storyline build`"
            )

    # ----------------------------------------------------------------- lifecycle

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def schema_version(self) -> int:
        try:
            row = self.conn.execute("SELECT max(version) FROM schema_migrations").fetchone()
        except sqlite3.OperationalError as exc:
            if "no such table" in str(exc):
                return 0  # a new (empty) store
            raise StoreError(read_failure(self.path, exc)) from exc
        return int(row[0] or 0)

    def migrate(self) -> list[int]:
        """Apply the migrations this store lacks; return the versions applied."""
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations "
            "(version INTEGER PRIMARY KEY, description TEXT, applied_at TEXT)"
        )
        current = self.schema_version()
        if current > SCHEMA_VERSION:
            raise StoreError(
                f"store {self.path} has schema version {current}, newer than this "
                f"storyline ({SCHEMA_VERSION}): upgrade storyline"
            )
        applied = []
        for m in MIGRATIONS:
            if m.version <= current:
                continue
            with self.transaction():
                if m.sql:
                    self.conn.executescript("SAVEPOINT m;" + m.sql + ";RELEASE m;")
                if m.apply:
                    m.apply(self.conn.executescript)
                self.conn.execute(
                    "INSERT INTO schema_migrations VALUES (?, ?, ?)",
                    (m.version, m.description, _now()),
                )
            log.info("store %s: migration %d applied (%s)", self.path, m.version, m.description)
            applied.append(m.version)
        return applied

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        try:
            yield self.conn
        except BaseException:
            self.conn.rollback()
            raise
        else:
            self.conn.commit()
            _fault_after_commit()

    def documents_without_story(self) -> list[str]:
        """Ids of stored documents that have no story yet (a build died between storing
        them and recording their story)."""
        rows = self.conn.execute("SELECT id FROM documents WHERE story IS NULL ORDER BY id")
        return [r[0] for r in rows]

    # ----------------------------------------------------------------- writes

    def has_document(self, doc_id: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return row is not None

    def add_source(self, source: str, doc_id: str) -> None:
        with self.transaction() as c:
            c.execute("INSERT OR REPLACE INTO document_sources VALUES (?, ?)", (source, doc_id))

    def add_document(self, doc: Document) -> bool:
        """Store a fully processed document and its annotations; False if present."""
        if self.has_document(doc.id):
            return False
        with self.transaction() as c:
            c.execute(
                "INSERT INTO documents (id, source, format, encoding, raw_text, text, title, url,"
                " outlet, dateline, published, published_source, published_confidence,"
                " date_candidates, removals, segments, language, language_declared)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    doc.id, doc.source, doc.format, doc.encoding, doc.raw_text, doc.text,
                    doc.title, doc.url, doc.outlet, doc.dateline, doc.published,
                    doc.published_source, doc.published_confidence,
                    _dumps([asdict(c) for c in doc.date_candidates]),
                    _dumps([asdict(r) for r in doc.removals]),
                    _dumps([asdict(s) for s in doc.segments]),
                    doc.language, doc.language_declared,
                ),
            )  # fmt: skip
            c.execute("INSERT OR REPLACE INTO document_sources VALUES (?, ?)", (doc.source, doc.id))
            c.execute(
                "INSERT INTO documents_fts (document, title, text) VALUES (?, ?, ?)",
                (doc.id, doc.title or "", doc.text),
            )
            c.executemany(
                "INSERT OR IGNORE INTO sentences VALUES (?, ?, ?, ?)",
                [(doc.id, s.start, s.end, s.text) for s in doc.sentences],
            )
            c.executemany(
                "INSERT OR IGNORE INTO timexes VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(doc.id, t.start, t.end, t.text, t.type, t.value, t.mod) for t in doc.timexes],
            )
            self._add_actors(c, [(m.actor, alias_of(m)) for m in doc.mentions])
            for ev in doc.events:
                self._add_actors(c, [(a, a.name) for a in (*ev.source, *ev.target)])
            c.executemany(
                "INSERT OR IGNORE INTO mentions VALUES (?, ?, ?, ?, ?, ?)",
                [(doc.id, m.start, m.end, m.text, m.actor.id, m.how) for m in doc.mentions],
            )
            c.execute("INSERT OR IGNORE INTO merge_pending VALUES (?)", (doc.id,))
            c.executemany(
                "INSERT OR IGNORE INTO event_mentions VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (e.id, doc.id, e.type, e.date, e.modality, _dumps(event_json(e)))
                    for e in doc.events
                ],
            )
        return True

    @staticmethod
    def _add_actors(c: sqlite3.Connection, pairs: Sequence[tuple[Actor, str]]) -> None:
        for actor, alias in pairs:
            c.execute(
                "INSERT INTO actors VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET"
                " role = coalesce(actors.role, excluded.role),"
                " country = coalesce(actors.country, excluded.country),"
                " sector = coalesce(actors.sector, excluded.sector)",
                (actor.id, actor.name, actor.country, actor.sector, actor.kind, actor.role),
            )
            for name in {alias, actor.name}:
                c.execute(
                    "INSERT OR IGNORE INTO actor_aliases VALUES (?, ?, ?)",
                    (actor.id, name, alias_key(name)),
                )

    def set_story(self, doc_id: str, story: str, relation: str, score: float = 1.0) -> None:
        """Record a document's story; a change of story puts its events up for merging."""
        with self.transaction() as c:
            row = c.execute("SELECT story FROM documents WHERE id = ?", (doc_id,)).fetchone()
            c.execute(
                "UPDATE documents SET story = ?, story_relation = ?, story_score = ? WHERE id = ?",
                (story, relation, round(score, 4), doc_id),
            )
            if row is not None and row[0] != story:
                c.execute("INSERT OR IGNORE INTO merge_pending VALUES (?)", (doc_id,))

    def quarantine(self, item: Quarantined) -> None:
        with self.transaction() as c:
            c.execute(
                "INSERT INTO quarantine VALUES (?, ?, ?) ON CONFLICT(source) DO UPDATE"
                " SET reason = excluded.reason",
                (item.source, item.reason, _now()),
            )

    def replace_events(self, events: Iterable[Event]) -> int:
        """Replace every merged event (a global, deterministic function of the mentions)."""
        with self.transaction() as c:
            c.execute("DELETE FROM event_actors")
            c.execute("DELETE FROM events")
            c.execute("DELETE FROM event_members")
            c.execute("DELETE FROM merge_pending")
            return self._insert_events(c, events)

    def replace_events_of(self, mentions: Collection[str], events: Iterable[Event]) -> int:
        """Replace the events holding any of ``mentions`` by ``events`` (their new merge);
        the pending documents are merged. Returns how many events were removed."""
        with self.transaction() as c:
            old: set[str] = set()
            ids = sorted(mentions)
            for i in range(0, len(ids), _CHUNK):
                part = ids[i : i + _CHUNK]
                old.update(r[0] for r in c.execute(
                    f"SELECT DISTINCT event FROM event_members WHERE mention IN ({_marks(part)})",
                    part))  # fmt: skip
            gone = sorted(old)
            for i in range(0, len(gone), _CHUNK):
                part = gone[i : i + _CHUNK]
                for table, column in (("event_actors", "event"), ("event_members", "event"),
                                      ("events", "id")):  # fmt: skip
                    c.execute(f"DELETE FROM {table} WHERE {column} IN ({_marks(part)})", part)
            c.execute("DELETE FROM merge_pending")
            self._insert_events(c, events)
        return len(gone)

    @staticmethod
    def _insert_events(c: sqlite3.Connection, events: Iterable[Event]) -> int:
        n = 0
        for ev in events:
            b = span(ev.date, ev.date_end)
            c.execute(
                "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?)",
                (ev.id, ev.type, ev.date, b[0], b[1], ev.modality, _dumps(event_json(ev))),
            )
            rows = {(ev.id, a.id, a.country, "source") for a in ev.source}
            rows |= {(ev.id, a.id, a.country, "target") for a in ev.target}
            c.executemany("INSERT OR IGNORE INTO event_actors VALUES (?, ?, ?, ?)", rows)
            c.executemany(
                "INSERT OR REPLACE INTO event_members VALUES (?, ?)",
                [(m, ev.id) for m in ev.mentions],
            )
            n += 1
        return n

    def index_mentions(self, rows: Iterable[tuple[str, str, str, str]]) -> None:
        """Record (probe, mention, first day, last day) look-up rows for the merge."""
        with self.transaction() as c:
            c.executemany("INSERT OR IGNORE INTO mention_probes VALUES (?, ?, ?, ?)", rows)

    # ----------------------------------------------------------------- merge reads

    def unindexed_mentions(self) -> int:
        """How many stored event mentions have no merge look-up rows (an older store)."""
        row = self.conn.execute(
            "SELECT count(*) FROM event_mentions m WHERE NOT EXISTS"
            " (SELECT 1 FROM mention_probes p WHERE p.mention = m.id)"
        ).fetchone()
        return int(row[0])

    def merged_mentions(self) -> int:
        """How many mentions belong to a merged event."""
        return int(self.conn.execute("SELECT count(*) FROM event_members").fetchone()[0])

    def pending_mentions(self) -> list[EventMention]:
        """The event mentions of documents added or moved to another story since the
        last merge."""
        rows = self.conn.execute(
            "SELECT m.json FROM event_mentions m JOIN merge_pending p ON p.document = m.document"
            " ORDER BY m.id"
        ).fetchall()
        return [event_mention_from_json(json.loads(r[0])) for r in rows]

    def mentions_near(self, probe: str, lo: str, hi: str) -> list[str]:
        """Ids of mentions with this probe whose days overlap ``lo``..``hi``."""
        rows = self.conn.execute(
            "SELECT mention FROM mention_probes WHERE probe = ? AND lo <= ? AND hi >= ?",
            (probe, hi, lo),
        )
        return [r[0] for r in rows]

    def probe_rows(self, mentions: Collection[str]) -> list[tuple[str, str, str]]:
        """(probe, lo, hi) of these mentions."""
        ids = sorted(mentions)
        out: list[tuple[str, str, str]] = []
        for i in range(0, len(ids), _CHUNK):
            part = ids[i : i + _CHUNK]
            out += [(r[0], r[1], r[2]) for r in self.conn.execute(
                f"SELECT probe, lo, hi FROM mention_probes WHERE mention IN ({_marks(part)})",
                part)]  # fmt: skip
        return out

    def event_mentions_of(self, mentions: Collection[str]) -> list[EventMention]:
        ids = sorted(mentions)
        out: list[EventMention] = []
        for i in range(0, len(ids), _CHUNK):
            part = ids[i : i + _CHUNK]
            out += [event_mention_from_json(json.loads(r[0])) for r in self.conn.execute(
                f"SELECT json FROM event_mentions WHERE id IN ({_marks(part)})", part)]  # fmt: skip
        return out

    def stories_of(self, documents: Collection[str]) -> dict[str, str]:
        """Document id -> story id, for these documents (those in a story)."""
        ids = sorted(documents)
        out: dict[str, str] = {}
        for i in range(0, len(ids), _CHUNK):
            part = ids[i : i + _CHUNK]
            out.update((r[0], r[1]) for r in self.conn.execute(
                f"SELECT id, story FROM documents WHERE story IS NOT NULL AND id IN"
                f" ({_marks(part)})", part))  # fmt: skip
        return out

    # ----------------------------------------------------------------- reads

    def event_mentions(self) -> list[EventMention]:
        rows = self.conn.execute("SELECT json FROM event_mentions ORDER BY id").fetchall()
        return [event_mention_from_json(json.loads(r[0])) for r in rows]

    def documents(self) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT id, source, title, url, outlet, dateline, published, published_source,"
            " published_confidence, date_candidates, story, story_relation, format,"
            " language, length(text) AS chars FROM documents ORDER BY published, id"
        ).fetchall()
        return [_doc_row(r) for r in rows]

    def document(self, doc_id: str) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            return None
        out = _doc_row(row)
        out["removals"] = json.loads(row["removals"])
        out["segments"] = json.loads(row["segments"])
        return out

    def load_document(self, doc_id: str) -> Document | None:
        """A stored document's text and metadata as a record (annotations not loaded)."""
        row = self.conn.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            return None
        return Document(
            id=row["id"], source=row["source"], raw_text=row["raw_text"], format=row["format"],
            encoding=row["encoding"], text=row["text"], title=row["title"], url=row["url"],
            outlet=row["outlet"], dateline=row["dateline"], published=row["published"],
            published_source=row["published_source"],
            published_confidence=row["published_confidence"],
            date_candidates=tuple(DateCandidate(**c) for c in json.loads(row["date_candidates"])),
            removals=tuple(Removal(**r) for r in json.loads(row["removals"])),
            segments=tuple(Segment(**g) for g in json.loads(row["segments"])),
            language=row["language"], language_declared=row["language_declared"],
        )  # fmt: skip

    def story_map(self) -> dict[str, str]:
        """Document id -> story id, for every stored document in a story."""
        rows = self.conn.execute("SELECT id, story FROM documents WHERE story IS NOT NULL")
        return {r[0]: r[1] for r in rows}

    def quarantined(self) -> list[dict[str, Any]]:
        rows = self.conn.execute("SELECT * FROM quarantine ORDER BY source").fetchall()
        return [dict(r) for r in rows]

    def event(self, event_id: str) -> Event | None:
        """The event with this id, or else the one event whose id starts with it.

        Event ids are lowercase hex (``content_id``): anything but 1 to
        ``MAX_EVENT_ID`` hex digits finds nothing, as do a prefix shorter than
        ``MIN_EVENT_PREFIX`` and a prefix several events share. The prefix is a
        range over the primary key, never a LIKE pattern, so ``%`` and ``_`` are inert.
        """
        key = event_key(event_id)
        if key is None:
            return None
        row = self.conn.execute("SELECT json FROM events WHERE id = ?", (key,)).fetchone()
        if row is None and len(key) >= MIN_EVENT_PREFIX:
            rows = self.conn.execute(  # "g" sorts after every hex digit
                "SELECT json FROM events WHERE id >= ? AND id < ? ORDER BY id LIMIT 2",
                (key, key + "g"),
            ).fetchall()
            row = rows[0] if len(rows) == 1 else None
        return event_from_json(json.loads(row[0])) if row else None

    def event_ids_starting(self, prefix: str, limit: int = 6) -> list[str]:
        """Ids of the events whose id starts with ``prefix`` (hex only), at most ``limit``."""
        key = event_key(prefix)
        if key is None:
            return []
        rows = self.conn.execute(
            "SELECT id FROM events WHERE id >= ? AND id < ? ORDER BY id LIMIT ?",
            (key, key + "g", limit),
        )
        return [r[0] for r in rows]

    def resolve_actor(self, name: str) -> tuple[set[str], set[str]]:
        """Actor ids and country codes a user-given name, alias or code stands for.

        Exact first: an actor id, a country code the store knows (any case), or a
        name or alias (case, accents, spacing and hyphens folded; every actor
        that answers to it). Else the one actor a name or alias of which begins
        with the given words ("Ford" for "Ford Motor Company"). ``QueryError``
        with the shared message (``store.actor_lookup``) when no actor or several
        answer; close names are suggested.
        """
        key = alias_key(name)
        code = name.strip().upper()
        ids = {
            r[0]
            for r in self.conn.execute(
                "SELECT actor FROM actor_aliases WHERE alias_key = ? AND ? != '' UNION "
                "SELECT id FROM actors WHERE id = ? OR (kind = 'country' AND id = ?)",
                (key, key, name.strip(), code),
            )
        }
        countries: set[str] = set()
        if (
            re.fullmatch(r"[A-Z]{3}", code)
            and self.conn.execute(
                "SELECT 1 FROM actors WHERE country = ? UNION ALL "
                "SELECT 1 FROM event_actors WHERE country = ? LIMIT 1",
                (code, code),
            ).fetchone()
        ):
            countries.add(code)
        if not ids and not countries:
            ids = {actor_by_prefix(name, self.actor_names())}
        for r in self.conn.execute(
            f"SELECT country FROM actors WHERE kind = 'country' AND id IN ({_marks(ids)})",
            tuple(ids),
        ):
            countries.add(r[0])
        return ids, countries

    def event_where(self, query: EventQuery) -> tuple[str, list[Any]]:
        """``EventQuery`` as a WHERE over ``events e``; an unknown actor raises QueryError."""
        where: list[str] = ["1=1"]
        params: list[Any] = []
        if query.types:
            where.append(f"e.type IN ({_marks(query.types)})")
            params += list(query.types)
        if query.modalities:
            where.append(f"e.modality IN ({_marks(query.modalities)})")
            params += list(query.modalities)
        if query.min_confidence > 0:
            where.append("json_extract(e.json, '$.confidence') >= ?")
            params.append(query.min_confidence)
        if query.date_from:
            where.append("e.date_stop >= ?")
            params.append(query.date_from)
        if query.date_to:
            where.append("e.date_start <= ?")
            params.append(query.date_to)
        if query.actor:
            clause, p = self._side_clause(query.actor, None)
            where.append(f"e.id IN ({clause})")
            params += p
        if query.between:
            a, b = query.between
            parts = []
            for side_a, side_b in (("source", "target"), ("target", "source")):
                ca, pa = self._side_clause(a, side_a)
                cb, pb = self._side_clause(b, side_b)
                parts.append(f"(e.id IN ({ca}) AND e.id IN ({cb}))")
                params += pa + pb
            where.append("(" + " OR ".join(parts) + ")")
        return " AND ".join(where), params

    def events(self, query: EventQuery) -> list[Event]:
        return list(self.iter_events(query))

    def _side_clause(self, name: str, side: str | None) -> tuple[str, list[Any]]:
        ids, countries = self.resolve_actor(name)
        if not ids and not countries:  # resolve_actor raises first; kept as a guard
            raise QueryError(unknown_actor(name))
        sql = (
            f"SELECT event FROM event_actors WHERE (actor IN ({_marks(ids)})"
            f" OR country IN ({_marks(countries)}))"
        )
        params: list[Any] = [*ids, *countries]
        if side:
            sql += " AND side = ?"
            params.append(side)
        return sql, params

    def actors(self) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT a.*, (SELECT count(*) FROM mentions m WHERE m.actor = a.id) AS mentions,"
            " (SELECT group_concat(alias, '|') FROM actor_aliases x WHERE x.actor = a.id)"
            " AS aliases FROM actors a ORDER BY mentions DESC, a.name"
        ).fetchall()
        out = []
        for r in rows:
            d = dict(r)
            d["aliases"] = sorted(set((d["aliases"] or "").split("|")) - {""})
            out.append(d)
        return out

    def iter_actors(self) -> Iterator[Actor]:
        for row in self.conn.execute("SELECT * FROM actors ORDER BY id"):
            yield actor_from_json(dict(row))

    def actor(self, actor_id: str) -> Actor | None:
        row = self.conn.execute("SELECT * FROM actors WHERE id = ?", (actor_id,)).fetchone()
        return actor_from_json(dict(row)) if row else None

    def search(
        self, q: str, limit: int = 20, *, marks: tuple[str, str] = ("[", "]")
    ) -> list[dict[str, Any]]:
        """Full-text search over titles and clean text (SQLite FTS5 syntax); the
        snippet puts ``marks`` around the matched terms. A bad query raises QueryError."""
        try:
            rows = self.conn.execute(
                "SELECT document, title, snippet(documents_fts, 2, ?, ?, '…', 12) AS snippet"
                " FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?",
                (marks[0], marks[1], q, limit),
            ).fetchall()
        except sqlite3.OperationalError as exc:
            raise QueryError(f"bad search query {q!r}: {exc}") from exc
        return [dict(r) for r in rows]

    def document_listing(self) -> dict[str, Any]:
        """Documents with where their date came from and its alternatives, and the
        quarantined inputs: the shape of ``storyline docs -f json`` and ``/api/documents``."""
        return document_listing(self.documents(), self.quarantined())

    def stories(self) -> list[dict[str, Any]]:
        """Stories with their member documents (canonical first)."""
        rows = self.conn.execute(
            "SELECT story, id, story_relation, story_score, title, source, published FROM documents"
            " WHERE story IS NOT NULL ORDER BY story, story_relation != 'canonical', id"
        ).fetchall()
        return story_groups(dict(r) for r in rows)

    def counts(self) -> dict[str, int]:
        tables = ("documents", "sentences", "timexes", "actors", "mentions", "event_mentions",
                  "events", "quarantine")  # fmt: skip
        return {
            t: int(self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in tables
        }


def _doc_row(row: sqlite3.Row) -> dict[str, Any]:
    d = {k: row[k] for k in row.keys() if k not in ("raw_text", "removals", "segments")}  # noqa: SIM118
    d["date_candidates"] = json.loads(row["date_candidates"])
    return d


#: Fault injection for the crash test (``tests/engine/test_crash.py``): with
#: ``STORYLINE_FAULT_AFTER_COMMIT=N`` the process dies (as ``kill -9`` would) right
#: after its N-th commit. Unset in normal use.
_FAULT_ENV = "STORYLINE_FAULT_AFTER_COMMIT"
_commits = [0]


#: ``STORYLINE_FAULT_MAX_PAGES=N`` caps a writing connection's store at N pages
#: (``PRAGMA max_page_count``): SQLite then fails as on a full disk (SQLITE_FULL).
_FULL_ENV = "STORYLINE_FAULT_MAX_PAGES"


def _fault_store_size(conn: sqlite3.Connection) -> None:
    pages = os.environ.get(_FULL_ENV)
    if pages:
        conn.execute(f"PRAGMA max_page_count = {int(pages)}")


def _fault_after_commit() -> None:
    limit = os.environ.get(_FAULT_ENV)
    if not limit:
        return
    _commits[0] += 1
    if _commits[0] >= int(limit):
        os._exit(137)


#: Ids per ``IN (...)`` query (SQLite's default limit on variables is 999 on old builds).
_CHUNK = 500


def _marks(items: Iterable[Any]) -> str:
    return ",".join("?" for _ in items) or "NULL"


def _dumps(obj: Any) -> str:
    return json.dumps(obj, sort_keys=True, ensure_ascii=False)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


#: mypy proves here that ``SQLiteStore`` implements the ``Store`` protocol.
_IMPLEMENTS: type[Store] = SQLiteStore
