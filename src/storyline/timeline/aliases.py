"""Actor names people search for: real names among the stored aliases, and
suggestions for the actor box (by any alias, case-insensitive prefix first).

The rules (which words never make a name: pronouns, role nouns) live in
``data/real_names.toml``.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from storyline.store.api import Store

__all__ = ["is_real_name", "real_aliases", "suggest_names"]

_WORDS = re.compile(r"[\w'’.-]+")


@dataclass(frozen=True, slots=True)
class _Rules:
    not_name_words: frozenset[str]
    never: frozenset[str]


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    text = (resources.files("storyline") / "data" / "real_names.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    return _Rules(frozenset(data["not_name_words"]), frozenset(data["never"]))


def is_real_name(alias: str) -> bool:
    """ "Sergey Lavrov", "RDIF", "Seoul" are names; "he", "the minister", "The
    President" are not."""
    r = _rules()
    text = " ".join(alias.split())
    if not text or text.lower() in r.never:
        return False
    for word in _WORDS.findall(text):
        key = word.lower().strip(".'’")
        if (word[:1].isupper() or word[:1].isdigit()) and key not in r.not_name_words:
            return True
    return False


def real_aliases(name: str, aliases: list[str]) -> list[str]:
    """The aliases worth showing: real names other than the actor's own, each once
    (case and spacing ignored), sorted."""
    seen = {name.casefold()}
    out = []
    for a in sorted({" ".join(x.split()) for x in aliases}):
        if is_real_name(a) and a.casefold() not in seen:
            seen.add(a.casefold())
            out.append(a)
    return out


def suggest_names(store: Store, q: str, limit: int = 12) -> list[dict[str, Any]]:
    """Actors whose name or a real alias begins with ``q`` (then: holds it), most
    often in events first: ``[{"id", "name", "match", "events"}]``."""
    text = " ".join(q.split()).casefold()
    if not text:
        return []
    rows = store.actor_names()
    counts = store.actor_side_counts()
    best: dict[str, tuple[int, str]] = {}
    for actor, name, stored in rows:
        alias = " ".join(stored.split())
        key = alias.casefold()
        if alias != name and not is_real_name(alias):
            continue
        rank = 0 if key.startswith(text) else 1 if f" {text}" in f" {key}" else 2
        if rank == 2 and text not in key:
            continue
        if actor not in best or rank < best[actor][0]:
            best[actor] = (rank, alias)
    names = {actor: name for actor, name, _ in rows}
    order = sorted(best, key=lambda i: (best[i][0], -counts.get(i, 0), names[i].casefold(), i))
    return [
        {"id": i, "name": names[i], "match": best[i][1], "events": counts.get(i, 0)}
        for i in order[:limit]
    ]
