"""Facets of a filtered timeline, in the datasette manner: counts per value, filters
by outlet and story, the density of events over time, and sorted pages.

``EventQuery`` (type, modality, actor, pair, dates, confidence) gives the store's
WHERE; the filters only readers ask for (the outlet and the story of the cited
articles) are added here, over ``event_members`` → ``event_mentions`` →
``documents``. An outlet is what citations show: the document's outlet, else its
URL's registered domain, so the facet and the cards never disagree.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from storyline.dates import UNDATED
from storyline.store.api import Store
from storyline.store.query import EVENT_SORTS, CitedBy, EventQuery
from storyline.timeline.cache import per_store_state
from storyline.timeline.citations import source_of

__all__ = [
    "CONFIDENCE_LEVELS",
    "FACET_SIZE",
    "SORTS",
    "SORT_KEYS",
    "ReaderFilter",
    "cited_by",
    "density",
    "document_outlets",
    "facet_counts",
]

#: Sort keys of a page of events (``-`` for descending).
SORTS = EVENT_SORTS
#: The same keys in order, which the API's OpenAPI document lists as an enum.
SORT_KEYS: tuple[str, ...] = tuple(EVENT_SORTS)
CONFIDENCE_LEVELS = (0.5, 0.6, 0.7, 0.8, 0.9)
#: Values listed per facet (the most frequent first).
FACET_SIZE = 12


@dataclass(frozen=True, slots=True)
class ReaderFilter:
    """Filters beyond ``EventQuery``: cited outlets and stories (any of each)."""

    outlets: tuple[str, ...] = ()
    stories: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.outlets or self.stories)


def document_outlets(store: Store) -> dict[str, str]:
    """Document id -> outlet as citations name it (documents without one are left out)."""

    def make() -> dict[str, str]:
        out = {}
        for r in store.source_rows():
            outlet = source_of(r).outlet
            if outlet:
                out[r["id"]] = outlet
        return out

    result: dict[str, str] = per_store_state(store, "outlets", make)
    return result


def cited_by(store: Store, rf: ReaderFilter) -> CitedBy:
    """The reader's filters as the store's ``CitedBy``: outlets become the documents
    citations name by them."""
    documents = None
    if rf.outlets:
        wanted = set(rf.outlets)
        documents = tuple(sorted(d for d, o in document_outlets(store).items() if o in wanted))
    return CitedBy(documents, tuple(sorted(rf.stories)))


def density(store: Store, query: EventQuery, rf: ReaderFilter) -> dict[str, Any]:
    """Events per first day, split by modality: what the time axis draws.

    An event known only to its month or year counts at the first day of it, and is
    counted in ``coarse`` so the axis can say so; undated events are only counted."""
    days: dict[str, dict[str, int]] = {}
    undated = coarse = 0
    for r in store.event_density(query, cited_by(store, rf)):
        if r["day"] >= UNDATED:
            undated += r["n"]
            continue
        days.setdefault(r["day"], {})[r["modality"]] = r["n"]
        coarse += int(r["coarse"] or 0)
    return {
        "days": [{"day": d, **counts} for d, counts in days.items()],
        "undated": undated,
        "coarse": coarse,
    }


def _top(counter: Counter[str], n: int = FACET_SIZE) -> list[tuple[str, int]]:
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


def facet_counts(store: Store, query: EventQuery, rf: ReaderFilter) -> dict[str, Any]:
    """Per facet, the values among the matching events with their counts."""
    f = store.event_facets(query, cited_by(store, rf), CONFIDENCE_LEVELS, FACET_SIZE)
    confidence = [
        {"value": c, "count": n} for c, n in zip(CONFIDENCE_LEVELS, f["confidence"], strict=True)
    ]
    outlets, stories = _document_facets(store, f["documents"])
    return {
        "type": [{"value": k, "count": v} for k, v in _top(f["type"], 99)],
        "modality": [{"value": k, "count": v} for k, v in _top(f["modality"])],
        "confidence": confidence,
        "actor": [{"value": r["id"], "label": r["name"], "count": r["n"]} for r in f["actor"]],
        "pair": [{"value": f"{r['a']},{r['b']}", "count": r["n"]} for r in f["pair"]],
        "outlet": [{"value": k, "count": v} for k, v in _top(outlets)],
        "story": stories,
    }


def _document_facets(
    store: Store, rows: list[dict[str, Any]]
) -> tuple[Counter[str], list[dict[str, Any]]]:
    outlet_of = document_outlets(store)
    by_outlet: defaultdict[str, set[str]] = defaultdict(set)
    by_story: defaultdict[str, set[str]] = defaultdict(set)
    for r in rows:
        if r["document"] in outlet_of:
            by_outlet[outlet_of[r["document"]]].add(r["event"])
        if r["story"]:
            by_story[r["story"]].add(r["event"])
    outlets = Counter({k: len(v) for k, v in by_outlet.items()})
    top = _top(Counter({k: len(v) for k, v in by_story.items()}))
    titles = _story_titles(store, [k for k, _ in top])
    stories = [{"value": k, "label": titles.get(k) or k, "count": n} for k, n in top]
    return outlets, stories


def _story_titles(store: Store, stories: list[str]) -> dict[str, str]:
    """A story's label: its canonical article's title (else any member's), else the
    outlet and date of its canonical article."""
    if not stories:
        return {}
    out: dict[str, str] = {}
    for r in store.story_label_rows(stories):
        out.setdefault(r["story"], source_of(r).label)
    return out
