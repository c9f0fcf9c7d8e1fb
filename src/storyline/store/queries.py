"""The store's reads for timeline views, the API and the pages: the SQL that used to
live beside them (``timeline/``, ``api/queries.py``), as named methods of
``SQLiteStore`` (mixed in) so that callers only see the ``Store`` protocol.

Every method keeps the statement it replaced, so results (and their order) are the
same; the callers keep what is not SQL (outlet names, salience, headlines).
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from storyline.dates import UNDATED
from storyline.records import Event
from storyline.serialize import event_from_json
from storyline.store.query import EVENT_SORTS, CitedBy, EventQuery, QueryError
from storyline.store.story_index import StoryIndex

__all__ = ["StoreQueries"]

_ROWS_PER_QUERY = 500
_SOURCE_COLUMNS = "id, title, outlet, published, url"


def _event(text: str) -> Event:
    return event_from_json(json.loads(text))


class StoreQueries:
    """Named queries; ``SQLiteStore`` provides ``conn``, ``path`` and ``event_where``."""

    conn: sqlite3.Connection
    path: Path

    def event_where(self, query: EventQuery) -> tuple[str, list[Any]]:
        raise NotImplementedError

    def transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError

    # -- events -------------------------------------------------------------

    def iter_events(self, query: EventQuery) -> Iterator[Event]:
        """Every matching event in timeline order, streamed (exports of any size)."""
        where, params = self.event_where(query)
        sql = (
            f"SELECT e.json FROM events e WHERE {where}"
            " ORDER BY e.date_start, e.date_stop DESC, e.type, e.id"
        )
        if query.limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [query.limit, query.offset]
        for row in self.conn.execute(sql, params):
            yield _event(row[0])

    def _cited_where(self, query: EventQuery, cited: CitedBy) -> tuple[str, list[Any]]:
        clause, params = self.event_where(query)
        if cited.documents is not None:
            clause += (
                " AND e.id IN (SELECT m.event FROM event_members m JOIN event_mentions x"
                " ON x.id = m.mention WHERE x.document IN (SELECT value FROM json_each(?)))"
            )
            params.append(json.dumps(list(cited.documents)))
        if cited.stories:
            clause += (
                " AND e.id IN (SELECT m.event FROM event_members m JOIN event_mentions x"
                " ON x.id = m.mention JOIN documents d ON d.id = x.document"
                " WHERE d.story IN (SELECT value FROM json_each(?)))"
            )
            params.append(json.dumps(list(cited.stories)))
        return clause, params

    def count_events(self, query: EventQuery, cited: CitedBy | None = None) -> int:
        """How many events match (limit and offset ignored)."""
        clause, params = self._cited_where(query, cited or CitedBy())
        row = self.conn.execute(f"SELECT count(*) FROM events e WHERE {clause}", params)
        return int(row.fetchone()[0])

    def event_page_ids(
        self, query: EventQuery, cited: CitedBy | None = None, sort: str = "date"
    ) -> list[str]:
        """The ids of one page of matching events in the order ``sort`` names."""
        if sort not in EVENT_SORTS:
            raise QueryError(f"sort must be one of {', '.join(EVENT_SORTS)}, got {sort!r}")
        clause, params = self._cited_where(query, cited or CitedBy())
        sql = f"SELECT e.id FROM events e WHERE {clause} ORDER BY {EVENT_SORTS[sort]}"
        if query.limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [query.limit, query.offset]
        return [r[0] for r in self.conn.execute(sql, params)]

    def events_by_id(self, ids: Sequence[str]) -> list[Event]:
        """The stored events among ``ids``, in that order."""
        rows = self.conn.execute(
            "SELECT id, json FROM events WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(list(ids)),),
        )
        found = {r[0]: _event(r[1]) for r in rows}
        return [found[i] for i in ids if i in found]

    def events_quoting(self, doc_id: str, limit: int = 500) -> list[Event]:
        """Events whose JSON names the document (a superset of those citing it, in
        timeline order; ids are content hashes, so the quoted id cannot collide)."""
        rows = self.conn.execute(
            "SELECT json FROM events WHERE json LIKE ? ORDER BY date_start, date_stop DESC,"
            " type, id LIMIT ?",
            (f'%"document": "{doc_id}"%', limit),
        )
        return [_event(r[0]) for r in rows]

    def events_citing(self, documents: Sequence[str]) -> list[Event]:
        """The events with a mention in any of ``documents`` (each once)."""
        rows = self.conn.execute(
            "SELECT DISTINCT e.id, e.json FROM events e JOIN event_members m ON m.event = e.id"
            " JOIN event_mentions x ON x.id = m.mention"
            " WHERE x.document IN (SELECT value FROM json_each(?))",
            (json.dumps(list(documents)),),
        ).fetchall()
        return [_event(r[1]) for r in rows]

    def dyad_events(self, a: str, b: str) -> list[tuple[Event, str, bool]]:
        """Events naming both countries (codes), with their first day and whether one
        of them is on the source side and the other on the target side."""
        rows = self.conn.execute(
            "SELECT e.json, e.date_start, e.type,"
            " EXISTS(SELECT 1 FROM event_actors x WHERE x.event = e.id AND x.country = ?"
            "        AND x.side = 'source') AS a_src,"
            " EXISTS(SELECT 1 FROM event_actors x WHERE x.event = e.id AND x.country = ?"
            "        AND x.side = 'target') AS a_tgt,"
            " EXISTS(SELECT 1 FROM event_actors x WHERE x.event = e.id AND x.country = ?"
            "        AND x.side = 'source') AS b_src,"
            " EXISTS(SELECT 1 FROM event_actors x WHERE x.event = e.id AND x.country = ?"
            "        AND x.side = 'target') AS b_tgt"
            " FROM events e WHERE e.id IN (SELECT event FROM event_actors WHERE country = ?)"
            " AND e.id IN (SELECT event FROM event_actors WHERE country = ?)"
            " ORDER BY e.date_start, e.id",
            (a, a, b, b, a, b),
        ).fetchall()
        out = []
        for r in rows:
            across = bool((r["a_src"] and r["b_tgt"]) or (r["b_src"] and r["a_tgt"]))
            out.append((_event(r["json"]), r["date_start"], across))
        return out

    def dyad_counts(self) -> list[dict[str, Any]]:
        """Events per country pair (``a`` < ``b``), type and modality: ``{a, b, type,
        modality, n}``, pairs of a source and a target of different countries."""
        rows = self.conn.execute(
            "SELECT min(s.country, t.country) AS a, max(s.country, t.country) AS b,"
            " e.type AS type, e.modality AS modality, count(DISTINCT e.id) AS n"
            " FROM event_actors s"
            " JOIN event_actors t ON t.event = s.event AND t.side = 'target'"
            " JOIN events e ON e.id = s.event"
            " WHERE s.side = 'source' AND s.country IS NOT NULL AND t.country IS NOT NULL"
            " AND s.country != t.country GROUP BY 1, 2, 3, 4"
        )
        return [dict(r) for r in rows]

    # -- salience (event_extras) -------------------------------------------

    def all_scored(self) -> bool:
        """True when every event has stored extras (salience can be sorted in SQL)."""
        row = self.conn.execute(
            "SELECT count(*) FROM events e LEFT JOIN event_extras x ON x.event = e.id"
            " WHERE x.event IS NULL"
        ).fetchone()
        return int(row[0]) == 0

    def salient_events(self, query: EventQuery, n: int) -> list[tuple[Event, float]]:
        """The ``n`` matching events of highest stored salience (ties by id)."""
        where, params = self.event_where(query)
        rows = self.conn.execute(
            f"SELECT e.json, x.salience FROM events e JOIN event_extras x ON x.event = e.id"
            f" WHERE {where} ORDER BY x.salience DESC, e.id LIMIT ?",
            [*params, n],
        ).fetchall()
        return [(_event(r[0]), float(r[1])) for r in rows]

    def unscored_events(self) -> list[Event]:
        """Events without stored extras."""
        rows = self.conn.execute(
            "SELECT e.json FROM events e LEFT JOIN event_extras x ON x.event = e.id"
            " WHERE x.event IS NULL"
        ).fetchall()
        return [_event(r[0]) for r in rows]

    def scored_events(self) -> Iterator[tuple[Event, float, dict[str, Any]]]:
        """Events with stored extras: the event, its stored salience and extras."""
        for r in self.conn.execute(
            "SELECT e.json, x.salience, x.json FROM events e JOIN event_extras x ON x.event = e.id"
        ):
            yield _event(r[0]), r[1], json.loads(r[2])

    def save_extras(
        self,
        fresh: Sequence[tuple[str, dict[str, Any]]],
        rescored: Sequence[tuple[str, dict[str, Any]]],
    ) -> None:
        """Store the extras of newly scored events and update rescored ones, in one
        transaction (``extras["salience"]`` is also the sortable column)."""
        with self.transaction() as c:
            c.executemany(
                "INSERT OR REPLACE INTO event_extras VALUES (?, ?, ?)",
                [(i, x["salience"], json.dumps(x, sort_keys=True)) for i, x in fresh],
            )
            c.executemany(
                "UPDATE event_extras SET salience = ?, json = ? WHERE event = ?",
                [(x["salience"], json.dumps(x, sort_keys=True), i) for i, x in rescored],
            )

    def stored_extras(self, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """The stored extras of the events among ``ids`` that have them."""
        found: dict[str, dict[str, Any]] = {}
        for i in range(0, len(ids), _ROWS_PER_QUERY):
            chunk = list(ids[i : i + _ROWS_PER_QUERY])
            marks = ",".join("?" for _ in chunk)
            for r in self.conn.execute(
                f"SELECT event, json FROM event_extras WHERE event IN ({marks})", chunk
            ):
                found[r[0]] = json.loads(r[1])
        return found

    def event_saliences(self) -> list[tuple[str, float]]:
        """Every stored (event, salience), in no particular order."""
        return [(r[0], r[1]) for r in self.conn.execute("SELECT event, salience FROM event_extras")]

    # -- actors ---------------------------------------------------------------

    def actor_mention_counts(self) -> dict[str, int]:
        """Actor id -> how many mentions name it."""
        rows = self.conn.execute("SELECT actor, count(*) FROM mentions GROUP BY actor")
        return {r[0]: int(r[1]) for r in rows}

    def actor_event_counts(self) -> dict[str, int]:
        """Actor id -> how many events name it."""
        rows = self.conn.execute(
            "SELECT actor, count(DISTINCT event) FROM event_actors GROUP BY actor"
        )
        return dict(rows.fetchall())

    def actor_side_counts(self) -> dict[str, int]:
        """Actor id -> how many event sides it fills (twice for an event it is on both
        sides of)."""
        rows = self.conn.execute("SELECT actor, count(*) FROM event_actors GROUP BY actor")
        return dict(rows.fetchall())

    def actor_names(self) -> list[tuple[str, str, str]]:
        """(actor id, actor name, name or alias) for every actor's name and alias."""
        rows = self.conn.execute(
            "SELECT a.id, a.name, a.name AS alias FROM actors a UNION "
            "SELECT a.id, a.name, x.alias FROM actor_aliases x JOIN actors a ON a.id = x.actor"
        )
        return [(r["id"], r["name"], r["alias"]) for r in rows]

    def aliases_of(self, actor_id: str) -> list[str]:
        """The stored aliases of an actor, as stored."""
        rows = self.conn.execute("SELECT alias FROM actor_aliases WHERE actor = ?", (actor_id,))
        return [r[0] for r in rows]

    def mention_count(self, actor_id: str) -> int:
        """How many mentions name the actor."""
        n = self.conn.execute("SELECT count(*) FROM mentions WHERE actor = ?", (actor_id,))
        return int(n.fetchone()[0])

    def actors_of_country(self, country: str, exclude: str) -> list[dict[str, Any]]:
        """``{id, name, kind, role, sector}`` of the country's actors but ``exclude``."""
        rows = self.conn.execute(
            "SELECT id, name, kind, role, sector FROM actors WHERE country = ? AND id != ?"
            " ORDER BY kind, name",
            (country, exclude),
        )
        return [dict(r) for r in rows]

    def countries_of(self, actor_ids: Collection[str]) -> set[str]:
        """The countries of these actors (actors without one add nothing)."""
        marks = ",".join("?" for _ in actor_ids)
        rows = self.conn.execute(
            f"SELECT DISTINCT country FROM actors WHERE id IN ({marks}) AND country IS NOT NULL",
            tuple(actor_ids),
        )
        return {r[0] for r in rows}

    def country_name(self, code: str) -> str | None:
        """The stored name of the country actor ``code`` (None if there is none)."""
        row = self.conn.execute(
            "SELECT name FROM actors WHERE id = ? OR (kind = 'country' AND country = ?) LIMIT 1",
            (code, code),
        ).fetchone()
        return None if row is None else str(row[0])

    def country_names(self) -> dict[str, str]:
        """Country code -> the stored name of its country actor."""
        rows = self.conn.execute("SELECT country, name FROM actors WHERE kind = 'country'")
        return dict(rows.fetchall())

    # -- documents and stories ---------------------------------------------

    def source_rows(self, ids: Iterable[str] | None = None) -> list[dict[str, Any]]:
        """``{id, title, outlet, published, url}`` of the stored documents among ``ids``
        (every document if None): what a citation shows."""
        if ids is None:
            return [dict(r) for r in self.conn.execute(f"SELECT {_SOURCE_COLUMNS} FROM documents")]
        wanted = sorted(set(ids))
        out = []
        for i in range(0, len(wanted), _ROWS_PER_QUERY):
            part = wanted[i : i + _ROWS_PER_QUERY]
            marks = ",".join("?" for _ in part)
            rows = self.conn.execute(
                f"SELECT {_SOURCE_COLUMNS} FROM documents WHERE id IN ({marks})", part
            )
            out += [dict(r) for r in rows]
        return out

    def story_source_rows(self) -> list[dict[str, Any]]:
        """``source_rows`` of the documents that belong to a story."""
        rows = self.conn.execute(f"SELECT {_SOURCE_COLUMNS} FROM documents WHERE story IS NOT NULL")
        return [dict(r) for r in rows]

    def story_event_counts(self) -> dict[str, int]:
        """Story id -> how many events its articles are cited by."""
        rows = self.conn.execute(
            "SELECT d.story, count(DISTINCT m.event) FROM documents d"
            " JOIN event_mentions x ON x.document = d.id JOIN event_members m ON m.mention = x.id"
            " WHERE d.story IS NOT NULL GROUP BY 1"
        )
        return dict(rows.fetchall())

    def story_label_rows(self, stories: Sequence[str]) -> list[dict[str, Any]]:
        """``{story, id, title, outlet, published, url}`` of the stories' articles, per
        story the canonical titled one first, then titled ones, then by id."""
        rows = self.conn.execute(
            "SELECT story, id, title, outlet, published, url FROM documents"
            " WHERE story IN (SELECT value FROM json_each(?))"
            " ORDER BY story, title IS NULL OR title = '', story_relation != 'canonical', id",
            (json.dumps(list(stories)),),
        )
        return [dict(r) for r in rows]

    # -- facets and overview -------------------------------------------------

    def event_density(
        self, query: EventQuery, cited: CitedBy | None = None
    ) -> list[dict[str, Any]]:
        """Matching events per first day and modality: ``{day, modality, n, coarse}``
        (``coarse``: how many are known only to a span of more than 31 days), by day."""
        clause, params = self._cited_where(query, cited or CitedBy())
        rows = self.conn.execute(
            "SELECT e.date_start AS day, e.modality AS modality, count(*) AS n,"
            " sum(julianday(e.date_stop) - julianday(e.date_start) > 31) AS coarse"
            f" FROM events e WHERE {clause} GROUP BY 1, 2 ORDER BY 1",
            params,
        )
        return [dict(r) for r in rows]

    def event_facets(
        self, query: EventQuery, cited: CitedBy | None, levels: Sequence[float], size: int
    ) -> dict[str, Any]:
        """Counts over the matching events: ``type`` and ``modality`` (Counters),
        ``confidence`` (how many reach each level), the ``size`` busiest ``actor``
        (``{id, name, n}``) and country ``pair`` (``{a, b, n}``), and per cited article
        its ``documents`` row ``{event, document, story}``."""
        clause, params = self._cited_where(query, cited or CitedBy())
        conn = self.conn

        def group(column: str) -> Counter[str]:
            sql = f"SELECT {column}, count(*) FROM events e WHERE {clause} GROUP BY 1"
            return Counter({r[0]: int(r[1]) for r in conn.execute(sql, params)})

        sums = ", ".join(f"sum(json_extract(e.json, '$.confidence') >= {c})" for c in levels)
        row = conn.execute(f"SELECT {sums} FROM events e WHERE {clause}", params).fetchone()
        actors = conn.execute(
            "SELECT a.actor AS id, coalesce(x.name, a.actor) AS name, count(DISTINCT a.event) AS n"
            " FROM event_actors a JOIN events e ON e.id = a.event"
            " LEFT JOIN actors x ON x.id = a.actor"
            f" WHERE {clause} GROUP BY 1 ORDER BY 3 DESC, 2 LIMIT {int(size)}",
            params,
        ).fetchall()
        pairs = conn.execute(
            "SELECT min(s.country, t.country) AS a, max(s.country, t.country) AS b,"
            " count(DISTINCT e.id) AS n FROM event_actors s"
            " JOIN event_actors t ON t.event = s.event AND t.side = 'target'"
            " JOIN events e ON e.id = s.event"
            " WHERE s.side = 'source' AND s.country IS NOT NULL AND t.country IS NOT NULL"
            f" AND s.country != t.country AND {clause}"
            f" GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT {int(size)}",
            params,
        ).fetchall()
        documents = conn.execute(
            "SELECT DISTINCT e.id AS event, x.document AS document, d.story AS story"
            " FROM events e JOIN event_members m ON m.event = e.id"
            " JOIN event_mentions x ON x.id = m.mention JOIN documents d ON d.id = x.document"
            f" WHERE {clause}",
            params,
        ).fetchall()
        return {
            "type": group("e.type"),
            "modality": group("e.modality"),
            "confidence": [int(n or 0) for n in row],
            "actor": [dict(r) for r in actors],
            "pair": [dict(r) for r in pairs],
            "documents": [dict(r) for r in documents],
        }

    def corpus_counts(self) -> dict[str, Any]:
        """``documents`` and their ``published`` span, ``stories``, events per modality
        (``by_modality``) and the span of the dated events' first days."""
        conn = self.conn
        docs = conn.execute("SELECT count(*), min(published), max(published) FROM documents")
        d = docs.fetchone()
        events = dict(conn.execute("SELECT modality, count(*) FROM events GROUP BY 1").fetchall())
        span = conn.execute(
            "SELECT min(date_start), max(date_start) FROM events WHERE date_start < ?",
            (UNDATED,),
        ).fetchone()
        stories = conn.execute("SELECT count(DISTINCT story) FROM documents").fetchone()[0]
        return {
            "documents": int(d[0]),
            "published": {"first": d[1], "last": d[2]},
            "stories": int(stories),
            "by_modality": events,
            "event_dates": {"first": span[0], "last": span[1]},
        }

    def stamp(self) -> tuple[Any, ...]:
        """What changes when the store is written (the file and its WAL's size and
        mtime): a key for caches of views."""
        out: list[Any] = [str(self.path.resolve())]
        for suffix in ("", "-wal"):
            p = Path(str(self.path) + suffix)
            st = p.stat() if p.exists() else None
            out += [st.st_mtime_ns, st.st_size] if st else [None, None]
        return tuple(out)

    # -- the build's story index ---------------------------------------------

    def story_index(self) -> StoryIndex:
        """The near-duplicate index (``store/story_index.py``) kept in this store."""
        return StoryIndex(self.conn)
