"""The event stage, and ``extract_events`` for one text."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace

from storyline.events.coder import code_document
from storyline.events.dating import date_event, event_date
from storyline.events.tree import DocTree
from storyline.nlp.actors import ActorStage
from storyline.nlp.spacy_pipeline import AnnotateStage
from storyline.pipeline import Pipeline, StageStats
from storyline.records import Document, EventMention, content_id
from storyline.timex import TimexStage

__all__ = ["EventStage", "date_spans", "extract_events"]


class EventStage:
    """PLOVER events from parsed sentences, actors and temporal expressions."""

    name = "events"
    requires = frozenset({"text", "tokens", "sentences", "mentions", "timexes", "published"})
    provides = frozenset({"events"})

    def __init__(self, floor: float | None = None) -> None:
        self.floor = floor  # None: the confidence model's admission floor

    def run(self, docs: Iterable[Document], stats: StageStats) -> Iterator[Document]:
        for doc in docs:
            events = tuple(code_document(doc, self.floor))
            for ev in events:
                stats.counts[f"events.{ev.type}"] += 1
            stats.counts["events"] += len(events)
            yield replace(doc, events=events)


def annotate(text: str, date: str, model: str | None = None) -> Document:
    """One text through the language, actor and timex stages, ready to code."""
    doc = Document(id=content_id(text), source="<text>", raw_text=text, text=text, published=date)
    available = frozenset({"text", "raw_text", "published", "id", "source"})
    pipe = Pipeline([AnnotateStage(model), ActorStage(), TimexStage()], available=available)
    return next(iter(pipe.run([doc])))


def date_spans(
    text: str, date: str, spans: Sequence[tuple[int, int]], *, model: str | None = None
) -> list[dict[str, str | None] | None]:
    """How storyline would date an event at each character span of ``text`` (published
    on ``date``), whatever the coder makes of it: ``date``, ``date_end``, ``date_mod``,
    ``date_source``; None where a span holds no token. For benchmarks of the dating
    alone (``bench/dates``)."""
    doc = annotate(text, date, model)
    tree = DocTree.build(doc)
    out: list[dict[str, str | None] | None] = []
    for start, end in spans:
        i = tree.token_at(start)
        sentence = tree.sentence_of(i) if i is not None else None
        if i is None or sentence is None or tree.tokens[i].start >= end:
            out.append(None)
            continue
        tx = event_date(tree, i, sentence, doc.timexes)
        when, _ = date_event(tree, i, sentence, doc, tx)
        out.append({"date": when.date, "date_end": when.date_end, "date_mod": when.date_mod,
                    "date_source": when.source})  # fmt: skip
    return out


def extract_events(text: str, date: str, *, model: str | None = None) -> list[EventMention]:
    """The event mentions of one text published on ``date`` (ISO), via the whole
    language pipeline. The text is used as it is (no cleaning), so offsets point into
    ``text``. ``storyline.extract_events`` gives the same as JSON-ready dicts."""
    return code_document(annotate(text, date, model))
