"""What every ``Store`` implementation computes alike: pure functions over rows and
names that ``SQLiteStore`` (rows from SQL) and ``MemoryStore`` (rows from dicts)
both call, so that the two cannot drift apart on what they share.

Nothing here reads storage: each function takes the rows a store found.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from storyline.store.actor_lookup import (
    ActorName,
    ambiguous_actor,
    prefix_matches,
    suggestions,
    unknown_actor,
)
from storyline.store.query import QueryError

__all__ = [
    "MAX_EVENT_ID",
    "MIN_EVENT_PREFIX",
    "actor_by_prefix",
    "document_listing",
    "event_key",
    "story_groups",
]

#: The longest event id (or prefix) a lookup accepts, and the shortest prefix.
MAX_EVENT_ID = 64
MIN_EVENT_PREFIX = 4
_HEX_ID = re.compile(r"[0-9a-f]+")


def event_key(event_id: str) -> str | None:
    """The key an event lookup compares (stripped, lowercase), or None when the input
    cannot be (the start of) an event id: event ids are lowercase hex (``content_id``),
    so anything but 1 to ``MAX_EVENT_ID`` hex digits finds nothing."""
    key = event_id.strip().lower()
    if len(key) > MAX_EVENT_ID or not _HEX_ID.fullmatch(key):
        return None
    return key


def actor_by_prefix(name: str, names: Iterable[tuple[str, str, str]]) -> str:
    """The one actor a name or alias of which begins with the words of ``name``, from
    (actor id, actor name, name or alias) rows; ``QueryError`` with the shared message
    (``store.actor_lookup``) when no actor or several answer (close names suggested).

    Names are tried by name, then alias, then id, in code-point order (as SQLite's
    BINARY collation sorts), so the suggestions read the same from every store."""
    rows = sorted(names, key=lambda r: (r[1], r[2], r[0]))
    candidates = [ActorName(*r) for r in rows]
    found = prefix_matches(name, candidates)
    if not found:
        raise QueryError(unknown_actor(name, suggestions(name, candidates)))
    if len({n.actor for n in found}) > 1:
        raise QueryError(ambiguous_actor(name, [n.name for n in found]))
    return found[0].actor


def story_groups(rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Stories with their member documents, from ``{story, id, story_relation,
    story_score, title, source, published}`` rows in story order, the canonical
    member of each story first."""
    out: dict[str, dict[str, Any]] = {}
    for r in rows:
        s = out.setdefault(r["story"], {"id": r["story"], "members": []})
        s["members"].append(
            {"document": r["id"], "relation": r["story_relation"], "title": r["title"],
             "source": r["source"], "published": r["published"], "score": r["story_score"]}
        )  # fmt: skip
        if r["story_relation"] == "canonical":
            s["canonical"] = r["id"]
    return list(out.values())


def document_listing(
    rows: list[dict[str, Any]], quarantined: list[dict[str, Any]]
) -> dict[str, Any]:
    """Documents (``Store.documents`` rows) with where their date came from and its
    alternatives, and the quarantined inputs: the shape of ``storyline docs -f json``
    and ``/api/documents``."""
    for r in rows:
        r["date_from"] = (
            f"{r['published_source']} ({r['published_confidence']:.2f})"
            if r["published_source"]
            else "no date found"
        )
        r["alternatives"] = [
            f"{c['value']} ({c['source']})"
            for c in r["date_candidates"]
            if c["value"] != r["published"]
        ]
    return {"documents": rows, "quarantined": quarantined}
