"""The event stage, and ``extract_events`` for one text."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from storyline.events.coder import code_document
from storyline.nlp.actors import ActorStage
from storyline.nlp.spacy_pipeline import AnnotateStage
from storyline.pipeline import Pipeline, StageStats
from storyline.records import Document, EventMention, content_id
from storyline.timex import TimexStage

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
    """The event mentions of one text published on ``date`` (ISO), via the whole
    language pipeline. The text is used as it is (no cleaning), so offsets point into
    ``text``. ``storyline.extract_events`` gives the same as JSON-ready dicts."""
    doc = Document(id=content_id(text), source="<text>", raw_text=text, text=text, published=date)
    available = frozenset({"text", "raw_text", "published", "id", "source"})
    pipe = Pipeline(
        [AnnotateStage(model), ActorStage(), TimexStage(), EventStage()], available=available
    )
    return [ev for d in pipe.run([doc]) for ev in d.events]
