"""Publication dates across one story: the strong date of a copy fixes a weak one.

Near-duplicate articles (re-scrapes, agency copies) were published on the same
day or close to it. A copy whose own date is weak — a year-less dateline whose
year had to be guessed, a page/crawl date, nothing at all — takes the strongest
date among its story's other documents. Nothing is lost: the document's own
candidates stay in ``date_candidates`` and the borrowed one is added with
``source="story"`` and evidence naming the document it came from.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from storyline.ingest.metadata import WEAK
from storyline.records import DateCandidate, Document

__all__ = ["harmonize_story_dates"]

#: A borrowed date is a little less certain than in the document it came from.
_BORROW_DISCOUNT = 0.9


def harmonize_story_dates(docs: Sequence[Document]) -> list[Document]:
    """The story's documents, in the same order, weak publication dates replaced."""
    strong = [d for d in docs if d.published and d.published_confidence >= WEAK]
    if not strong:
        return list(docs)
    best = max(strong, key=lambda d: (d.published_confidence, d.id))
    out: list[Document] = []
    for doc in docs:
        if doc is best or (doc.published and doc.published_confidence >= WEAK):
            out.append(doc)
            continue
        assert best.published is not None
        confidence = round(best.published_confidence * _BORROW_DISCOUNT, 3)
        borrowed = DateCandidate(
            best.published,
            "story",
            confidence,
            f"{best.published_source} date of near-duplicate {best.id}",
        )
        out.append(
            replace(
                doc,
                published=best.published,
                published_source="story",
                published_confidence=confidence,
                date_candidates=(*doc.date_candidates, borrowed),
            )
        )
    return out
