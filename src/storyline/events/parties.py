"""An event's party: an actor with the words that name it, and the actor of a country
in one sector."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from storyline.headline_rules import load_rules
from storyline.records import Actor, content_id
from storyline.vocab import STATE_SECTORS

__all__ = ["Party", "country_in_sector", "specific_parties"]


@dataclass(frozen=True, slots=True)
class Party:
    """An actor as one argument of an event, with the span of the words that name it."""

    actor: Actor
    start: int
    end: int
    text: str


def acts_for_state(actor: Actor) -> bool:
    """Does the actor act for a state (a country, its government, organs or forces),
    not for its people, opposition or rebels?"""
    if actor.kind == "country":
        return actor.sector is None or actor.sector in STATE_SECTORS
    return actor.sector in STATE_SECTORS


def same_party(a: Actor, b: Actor) -> bool:
    """One party on both sides: the same actor acting for the same side of its country
    (a country's police and its businesses share the country's id, not the party; its
    people and its opposition have ids of their own, ``country_in_sector``)."""
    return a.id == b.id and acts_for_state(a) == acts_for_state(b)


#: Sectors of a country's people that are groups of their own, not its state: its
#: civilians and its rebels ("Peruvian rebels" are not Peru).
_GROUP_SECTORS = frozenset({"CVL", "REB"})


def country_in_sector(country: Actor, sector: str) -> Actor:
    """A country's actor in one sector: its state's organs and forces are the country
    ("Russian troops" are Russia, sector MIL), but its opposition, its people and its
    rebels are groups of their own ("the Kenyan opposition" is not Kenya's government:
    "Kenya opposition", OPP; protesters in Buenos Aires are not the Argentine state:
    "Argentine civilians", CVL; "Peruvian rebels", REB; named as the headline names
    them)."""
    if sector == "OPP":
        key = content_id("group", sector, country.id)
        return Actor(key, f"{country.name} opposition", country.country, sector, "group")
    if sector in _GROUP_SECTORS and country.country:
        name = load_rules().sector_name(country.country, sector, country.name)
        key = content_id("group", sector, country.id)
        return Actor(key, name or f"{country.name} civilians", country.country, sector, "group")
    return Actor(country.id, country.name, country.country, sector, country.kind, country.role)


_T = TypeVar("_T")


def specific_parties(items: list[_T], actor_of: Callable[[_T], Actor]) -> list[_T]:
    """Drop a country when a person or organization of that country stands beside it."""
    specific = {actor_of(x).country for x in items if actor_of(x).kind in ("person", "org")} - {
        None
    }
    return [
        x for x in items
        if not (actor_of(x).kind == "country" and actor_of(x).country in specific)
    ]  # fmt: skip
