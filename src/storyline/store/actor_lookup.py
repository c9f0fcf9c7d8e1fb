"""Which stored actor a name a person typed stands for, and what to say when none
or several do.

Every place that takes an actor (``timeline --actor``/``--between``, ``relations``,
``export``, the API and the pages) goes through ``SQLiteStore.resolve_actor``,
which asks the store for exact matches first and falls back on this module's
pure matching over names and aliases: a name is found by any alias, by a prefix
that ends on a word boundary ("Ford" finds "Ford Motor Company", "For" does not),
ignoring case and accents (``storyline.names``, the one folding of names). The
messages live here so they read the same everywhere.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from storyline.names import name_words

__all__ = [
    "ActorName",
    "ambiguous_actor",
    "prefix_matches",
    "suggestions",
    "unknown_actor",
]

#: How many names a message lists at most.
MAX_LISTED = 5
#: How alike (difflib ratio) a spelling must be to be suggested.
CLOSE = 0.8


@dataclass(frozen=True, slots=True)
class ActorName:
    """One way to call one stored actor: its name or one of its aliases."""

    actor: str  # actor id
    name: str  # the actor's display name
    label: str  # the name or alias that can match


def prefix_matches(query: str, names: Iterable[ActorName]) -> list[ActorName]:
    """The names whose first words are the words of ``query`` (a prefix that ends on
    a word boundary), in their given order."""
    q = name_words(query)
    if not q:
        return []
    return [n for n in names if name_words(n.label)[: len(q)] == q]


def suggestions(query: str, names: Sequence[ActorName], n: int = MAX_LISTED) -> list[str]:
    """Display names close to ``query``: those containing its words at a later word
    boundary ("Putin" → "Vladimir Putin"), then close spellings of the whole name or
    of as many of its words ("Mujika" → "José Mujica"), closest first (difflib)."""
    q = name_words(query)
    if not q:
        return []
    out: list[str] = []

    def add(name: str) -> None:
        if name not in out:
            out.append(name)

    for name in names:  # the words at a later word boundary: "Putin", "Vladimir Putin"
        words = name_words(name.label)
        if any(words[i : i + len(q)] == q for i in range(1, len(words))):
            add(name.name)
    scored: list[tuple[float, str]] = []
    joined = " ".join(q)
    for name in names:  # a close spelling of the name or of as many of its words
        words = name_words(name.label)
        windows = {" ".join(words)} | {
            " ".join(words[i : i + len(q)]) for i in range(max(1, len(words) - len(q) + 1))
        }
        best = max(difflib.SequenceMatcher(None, joined, w).ratio() for w in windows)
        if best >= CLOSE:
            scored.append((-best, name.name))
    for _, display in sorted(scored):
        add(display)
    return out[:n]


def _listing(names: Sequence[str], conjunction: str) -> str:
    quoted = [repr(n) for n in names[:MAX_LISTED]]
    if len(names) > MAX_LISTED:
        return ", ".join(quoted) + f" and {len(names) - MAX_LISTED} more"
    if len(quoted) == 1:
        return quoted[0]
    return ", ".join(quoted[:-1]) + f" {conjunction} " + quoted[-1]


def unknown_actor(query: str, close: Sequence[str] = ()) -> str:
    """The message for a name no stored actor answers to."""
    message = f"unknown actor {query!r}: no actor name, alias or country code matches it"
    return message + (f"; did you mean {_listing(close, 'or')}?" if close else "")


def ambiguous_actor(query: str, names: Sequence[str]) -> str:
    """The message for a prefix several actors' names begin with."""
    return (
        f"ambiguous actor {query!r}: it begins the names of {_listing(sorted(set(names)), 'and')}; "
        "give more of the name"
    )
