"""SQL for timeline views the store's generic ``events()`` does not cover.

``--top`` sorts by stored salience, exports stream every matching event, and
relations read one dyad's events: all need ``EventQuery``'s filters as a SQL
``WHERE`` over ``events e`` (the same semantics as ``SQLiteStore.events``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from storyline.records import Event
from storyline.serialize import event_from_json
from storyline.store.query import EventQuery, QueryError

if TYPE_CHECKING:
    from storyline.store.sqlite import SQLiteStore

__all__ = ["iter_events", "resolve_country", "top_events", "where_clause"]


def where_clause(store: SQLiteStore, query: EventQuery) -> tuple[str, list[Any]]:
    """``EventQuery`` as a WHERE over ``events e``; unknown actors raise ``QueryError``."""
    return store.event_where(query)


def iter_events(store: SQLiteStore, query: EventQuery) -> Iterator[Event]:
    """Every matching event in timeline order, streamed (exports of any size)."""
    where, params = where_clause(store, query)
    sql = (
        f"SELECT e.json FROM events e WHERE {where}"
        " ORDER BY e.date_start, e.date_stop DESC, e.type, e.id"
    )
    if query.limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [query.limit, query.offset]
    for row in store.conn.execute(sql, params):
        yield event_from_json(json.loads(row[0]))


def top_events(store: SQLiteStore, query: EventQuery, n: int) -> list[tuple[Event, float]]:
    """The ``n`` most salient matching events (ties by id), with their salience."""
    from storyline.timeline.salience import has_scores, stored_extras

    where, params = where_clause(store, query)
    if has_scores(store):
        rows = store.conn.execute(
            f"SELECT e.json, x.salience FROM events e JOIN event_extras x ON x.event = e.id"
            f" WHERE {where} ORDER BY x.salience DESC, e.id LIMIT ?",
            [*params, n],
        ).fetchall()
        return [(event_from_json(json.loads(r[0])), float(r[1])) for r in rows]
    events = list(iter_events(store, EventQuery(**{**_fields(query), "limit": None})))
    extras = stored_extras(store, events)
    scored = sorted(events, key=lambda e: (-float(extras[e.id]["salience"]), e.id))[:n]
    return [(e, float(extras[e.id]["salience"])) for e in scored]


def _fields(query: EventQuery) -> dict[str, Any]:
    return {f: getattr(query, f) for f in query.__slots__}


def resolve_country(store: SQLiteStore, name: str) -> tuple[str, str]:
    """A country code and display name for a code, name or alias (resolved as
    everywhere, by ``SQLiteStore.resolve_actor``); ``QueryError`` if none or several."""
    ids, countries = store.resolve_actor(name)
    if not countries and ids:
        marks = ",".join("?" for _ in ids)
        countries = {
            r[0]
            for r in store.conn.execute(
                f"SELECT DISTINCT country FROM actors WHERE id IN ({marks})"
                " AND country IS NOT NULL",
                tuple(ids),
            )
        }
    if len(countries) != 1:  # resolve_actor has refused unknown and ambiguous names
        if not countries:
            raise QueryError(f"actor {name!r} has no country: relations are between countries")
        raise QueryError(
            f"ambiguous actor {name!r}: it stands for {', '.join(sorted(countries))}; "
            "give one country code"
        )
    code = next(iter(countries))
    row = store.conn.execute(
        "SELECT name FROM actors WHERE id = ? OR (kind = 'country' AND country = ?) LIMIT 1",
        (code, code),
    ).fetchone()
    return code, (row[0] if row else code)
