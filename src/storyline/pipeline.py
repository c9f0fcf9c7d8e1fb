"""Stages and the pipeline that checks them.

A stage is anything with a ``name``, the ``Document`` fields it ``requires`` and
``provides``, and ``run(docs) -> docs`` over an iterator (so a stage can batch,
as spaCy's ``nlp.pipe`` does). ``Pipeline`` refuses, when built, a stage whose
requirements no earlier stage provides — the spaCy ``requires``/``assigns`` idea.
Each stage keeps counters (documents in/out, and reasons for anything dropped),
the datatrove idea, so a run can report what every step did.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from storyline.errors import StorylineError
from storyline.records import Document

__all__ = ["INPUT_FIELDS", "Pipeline", "PipelineError", "Stage", "StageStats"]

#: What a Document carries when it leaves a reader.
INPUT_FIELDS: frozenset[str] = frozenset(
    {
        "id",
        "source",
        "raw_text",
        "format",
        "encoding",
        "title",
        "url",
        "outlet",
        "date_hints",
        "language_declared",
    }
)


class PipelineError(StorylineError, ValueError):
    """A pipeline whose stages do not fit together."""

    code = "SL101"


@dataclass
class StageStats:
    documents_in: int = 0
    documents_out: int = 0
    dropped: Counter[str] = field(default_factory=Counter)
    counts: Counter[str] = field(default_factory=Counter)

    def merge(self, other: StageStats) -> None:
        self.documents_in += other.documents_in
        self.documents_out += other.documents_out
        self.dropped.update(other.dropped)
        self.counts.update(other.counts)


@runtime_checkable
class Stage(Protocol):
    name: str
    requires: frozenset[str]
    provides: frozenset[str]

    def run(self, docs: Iterable[Document], stats: StageStats) -> Iterator[Document]:
        """Yield the documents with this stage's fields filled."""
        ...


class Pipeline:
    """An ordered list of stages whose requirements are checked when built."""

    def __init__(self, stages: Sequence[Stage], available: frozenset[str] = INPUT_FIELDS):
        have = set(available)
        for stage in stages:
            missing = stage.requires - have
            if missing:
                raise PipelineError(
                    f"stage {stage.name!r} requires {sorted(missing)}, "
                    f"which no earlier stage provides (have: {sorted(have)})"
                )
            have |= stage.provides
        self.stages: tuple[Stage, ...] = tuple(stages)
        self.provides: frozenset[str] = frozenset(have)
        self.stats: dict[str, StageStats] = {s.name: StageStats() for s in self.stages}

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.stages)

    def run(self, docs: Iterable[Document]) -> Iterator[Document]:
        stream: Iterable[Document] = docs
        for stage in self.stages:
            stream = _counted(stage, stream, self.stats[stage.name])
        yield from stream


def _counted(stage: Stage, docs: Iterable[Document], stats: StageStats) -> Iterator[Document]:
    def counting_in() -> Iterator[Document]:
        for doc in docs:
            stats.documents_in += 1
            yield doc

    for out in stage.run(counting_in(), stats):
        stats.documents_out += 1
        yield out
