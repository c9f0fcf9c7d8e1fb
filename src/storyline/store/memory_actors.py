"""``MemoryStore``'s actors: what ``SQLiteStore`` reads from its ``actors``,
``actor_aliases``, ``mentions`` and ``event_actors`` tables, over dicts (mixed into
``MemoryStore``; the order of the statement each method mirrors, or a fixed one
where the statement leaves it open).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterator
from typing import Any

from storyline.names import alias_key
from storyline.records import Actor
from storyline.store.memory_events import Side
from storyline.store.shared import actor_by_prefix

__all__ = ["MemoryActorReads"]


class MemoryActorReads:
    """Actor reads over ``MemoryStore``'s tables (declared here, filled there)."""

    actor_rows: dict[str, Actor]
    aliases: dict[str, dict[str, str]]  # actor -> alias -> alias key
    alias_actors: dict[str, set[str]]  # alias key -> actors
    mentions: dict[tuple[str, int, int], str]  # (document, start, end) -> actor
    sides: dict[str, dict[Side, str | None]]  # event -> (actor, side) -> country

    def actors(self) -> list[dict[str, Any]]:
        mentioned = self.actor_mention_counts()
        out: list[dict[str, Any]] = []
        for a in self.actor_rows.values():
            # the aliases as SQLite's group_concat(alias, '|') lists them, split on '|'
            joined = "|".join(self.aliases.get(a.id, {}))
            out.append({"id": a.id, "name": a.name, "country": a.country, "sector": a.sector,
                        "kind": a.kind, "role": a.role, "mentions": mentioned.get(a.id, 0),
                        "aliases": sorted(set(joined.split("|")) - {""})})  # fmt: skip
        out.sort(key=lambda r: r["name"])
        out.sort(key=lambda r: r["mentions"], reverse=True)
        return out

    def iter_actors(self) -> Iterator[Actor]:
        for actor_id in sorted(self.actor_rows):
            yield self.actor_rows[actor_id]

    def actor(self, actor_id: str) -> Actor | None:
        return self.actor_rows.get(actor_id)

    def actor_names(self) -> list[tuple[str, str, str]]:
        """(actor id, actor name, name or alias) for every actor's name and alias."""
        rows = {(a.id, a.name, a.name) for a in self.actor_rows.values()}
        rows |= {(i, self.actor_rows[i].name, alias) for i, known in self.aliases.items()
                 for alias in known}  # fmt: skip
        return sorted(rows)

    def aliases_of(self, actor_id: str) -> list[str]:
        return sorted(self.aliases.get(actor_id, {}))

    def resolve_actor(self, name: str) -> tuple[set[str], set[str]]:
        """Actor ids and country codes a user-given name, alias or code stands for (the
        rules of ``SQLiteStore.resolve_actor``)."""
        key = alias_key(name)
        code = name.strip().upper()
        ids = set(self.alias_actors.get(key, set())) if key else set()
        if name.strip() in self.actor_rows:
            ids.add(name.strip())
        if self._kind(code) == "country":
            ids.add(code)
        countries: set[str] = set()
        if re.fullmatch(r"[A-Z]{3}", code) and (
            any(a.country == code for a in self.actor_rows.values())
            or any(c == code for sides in self.sides.values() for c in sides.values())
        ):
            countries.add(code)
        if not ids and not countries:
            ids = {actor_by_prefix(name, self.actor_names())}
        for i in ids:
            country = self.actor_rows[i].country if self._kind(i) == "country" else None
            if country is not None:
                countries.add(country)
        return ids, countries

    def _kind(self, actor_id: str) -> str | None:
        actor = self.actor_rows.get(actor_id)
        return None if actor is None else actor.kind

    def mention_count(self, actor_id: str) -> int:
        return sum(1 for a in self.mentions.values() if a == actor_id)

    def actor_mention_counts(self) -> dict[str, int]:
        return dict(Counter(self.mentions.values()))

    def actors_of_country(self, country: str, exclude: str) -> list[dict[str, Any]]:
        rows = [
            {"id": a.id, "name": a.name, "kind": a.kind, "role": a.role, "sector": a.sector}
            for a in self.actor_rows.values()
            if a.country == country and a.id != exclude
        ]
        return sorted(rows, key=lambda r: (r["kind"], r["name"]))

    def countries_of(self, actor_ids: Collection[str]) -> set[str]:
        found = (self.actor_rows[i].country for i in actor_ids if i in self.actor_rows)
        return {c for c in found if c is not None}

    def country_name(self, code: str) -> str | None:
        for a in self.actor_rows.values():
            if a.id == code or (a.kind == "country" and a.country == code):
                return a.name
        return None

    def country_names(self) -> dict[str, str]:
        return {a.country: a.name for a in self.actor_rows.values()
                if a.kind == "country" and a.country is not None}  # fmt: skip

    def actor_event_counts(self) -> dict[str, int]:
        return dict(Counter(a for sides in self.sides.values() for a in {a for a, _ in sides}))

    def actor_side_counts(self) -> dict[str, int]:
        return dict(Counter(a for sides in self.sides.values() for a, _ in sides))
