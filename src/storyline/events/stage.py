"""The event stage, and ``extract_events`` for one text."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from storyline.events.coder import code_document
from storyline.pipeline import StageStats
from storyline.records import Document, EventMention

__all__ = ["EventStage", "extract_events"]


class EventStage:
    """PLOVER events from parsed sentences, actors and temporal expressions."""

    name = "events"
    requires = frozenset({"text", "tokens", "sentences", "mentions", "timexes", "published"})
    provides = frozenset({"events"})

    def run(self, docs: Iterable[Document], stats: StageStats) -> Iterator[Document]:
        for doc in docs:
            events = tuple(code_document(doc))
            for ev in events:
                stats.counts[f"events.{ev.type}"] += 1
            stats.counts["events"] += len(events)
            yield replace(doc, events=events)


def extract_events(text: str, date: str, *, model: str | None = None) -> list[EventMention]:
    """The events of one text published on ``date`` (ISO), via the whole language pipeline.

    The text is used as it is (no cleaning), so offsets point into ``text``.
    """
    from storyline.engine.stages import BuildConfig
    from storyline.nlp.actors import ActorStage
    from storyline.nlp.spacy_pipeline import AnnotateStage
    from storyline.pipeline import Pipeline
    from storyline.records import content_id
    from storyline.timex import TimexStage

    doc = Document(id=content_id(text), source="<text>", raw_text=text, text=text, published=date)
    available = frozenset({"text", "raw_text", "published", "id", "source"})
    config = BuildConfig(model=model)
    pipe = Pipeline(
        [AnnotateStage(config.model), ActorStage(), TimexStage(), EventStage()],
        available=available,
    )
    return [ev for d in pipe.run([doc]) for ev in d.events]
