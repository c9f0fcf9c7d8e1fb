"""Timeline reads beyond the store's ``events()``: ``--top`` ranks by salience (stored,
or computed where a store has not scored its events yet), exports stream every
matching event, and relations name the country behind an actor."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from storyline.records import Event
from storyline.store.api import Store
from storyline.store.query import EventQuery, QueryError
from storyline.timeline.salience import stored_extras

__all__ = ["iter_events", "resolve_country", "top_events"]


def iter_events(store: Store, query: EventQuery) -> Iterator[Event]:
    """Every matching event in timeline order, streamed (exports of any size)."""
    return store.iter_events(query)


def top_events(store: Store, query: EventQuery, n: int) -> list[tuple[Event, float]]:
    """The ``n`` most salient matching events (ties by id), with their salience."""
    if store.all_scored():
        return store.salient_events(query, n)
    events = list(store.iter_events(replace(query, limit=None)))
    extras = stored_extras(store, events)
    scored = sorted(events, key=lambda e: (-float(extras[e.id]["salience"]), e.id))[:n]
    return [(e, float(extras[e.id]["salience"])) for e in scored]


def resolve_country(store: Store, name: str) -> tuple[str, str]:
    """A country code and display name for a code, name or alias (resolved as
    everywhere, by ``Store.resolve_actor``); ``QueryError`` if none or several."""
    ids, countries = store.resolve_actor(name)
    if not countries and ids:
        countries = store.countries_of(ids)
    if len(countries) != 1:  # resolve_actor has refused unknown and ambiguous names
        if not countries:
            raise QueryError(f"actor {name!r} has no country: relations are between countries")
        raise QueryError(
            f"ambiguous actor {name!r}: it stands for {', '.join(sorted(countries))}; "
            "give one country code"
        )
    code = next(iter(countries))
    return code, store.country_name(code) or code
