"""The pipeline stage that fills ``Document.timexes``."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator

from storyline.pipeline import StageStats
from storyline.records import Document
from storyline.timex.recognize import tag


class TimexStage:
    """Tags every document's clean text against its publication date (the anchor)."""

    name = "timex"
    requires: frozenset[str] = frozenset({"text", "published"})
    provides: frozenset[str] = frozenset({"timexes"})

    def run(self, docs: Iterable[Document], stats: StageStats) -> Iterator[Document]:
        for doc in docs:
            timexes = tag(doc.text, doc.published)
            stats.counts["timexes"] += len(timexes)
            if doc.published is None:
                stats.counts["timex_documents_without_anchor"] += 1
            yield dataclasses.replace(doc, timexes=tuple(timexes))
