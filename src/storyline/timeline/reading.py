"""Listings as a reader sees them: stories with their headline, outlets and dates;
actors with their event counts and only real names as aliases."""

from __future__ import annotations

from typing import Any

from storyline.store.api import Store
from storyline.timeline.aliases import real_aliases
from storyline.timeline.citations import source_of

__all__ = ["actor_rows", "story_rows"]


def actor_rows(store: Store) -> list[dict[str, Any]]:
    """``store.actors()`` with ``events`` (how many events name the actor) and ``names``
    (real-name aliases other than the name itself), busiest first."""
    counts = store.actor_event_counts()
    rows = []
    for a in store.actors():
        rows.append({**a, "events": int(counts.get(a["id"], 0)),
                     "names": real_aliases(a["name"], list(a.get("aliases") or []))})  # fmt: skip
    rows.sort(key=lambda r: (-r["events"], -int(r.get("mentions") or 0), r["name"].casefold()))
    return rows


def story_rows(store: Store) -> list[dict[str, Any]]:
    """Stories with a ``headline`` (the canonical article's title, else the first
    titled member's, else outlet and date), their ``outlets``, ``first``/``last``
    publication dates and how many ``events`` cite them; the busiest first."""
    docs = {r["id"]: r for r in store.story_source_rows()}
    events = store.story_event_counts()
    out = []
    for s in store.stories():
        members = []
        for m in s["members"]:
            src = source_of(docs.get(m["document"]) or {"id": m["document"]})
            members.append({**m, "label": src.label, "outlet": src.outlet, "title": src.title})
        titled = [m for m in members if m["title"]]
        dates = sorted(m["published"] for m in members if m.get("published"))
        out.append({
            **s, "members": members,
            "headline": (titled[0] if titled else members[0])["label"],
            "outlets": sorted({m["outlet"] for m in members if m["outlet"]}),
            "first": dates[0] if dates else None, "last": dates[-1] if dates else None,
            "events": int(events.get(s["id"], 0)),
        })  # fmt: skip
    out.sort(key=lambda s: (-s["events"], s["first"] or "", s["id"]))
    return out
