"""The standard stage lists: which stages make up each phase of a build.

A build has two per-document phases with a global step between them, in the
brief's order: read → clean → publication date → *stories* → sentences,
entities, actors → temporal expressions → events. Stories come before the
language stages so a story can lend a publication date to its weaker copies
before relative dates are resolved against it.
"""

from __future__ import annotations

from dataclasses import dataclass

from storyline.events import EventStage
from storyline.ingest import CleanStage, MetadataStage
from storyline.ingest.language import LanguageStage
from storyline.nlp.actors import ActorStage
from storyline.nlp.spacy_pipeline import AnnotateStage
from storyline.pipeline import Pipeline
from storyline.timex import TimexStage

__all__ = ["BuildConfig", "analyse_pipeline", "prepare_pipeline"]


@dataclass(frozen=True, slots=True)
class BuildConfig:
    model: str | None = None  # spaCy model name or path; None = default / STORYLINE_MODEL
    workers: int = 1
    batch_size: int = 16
    #: events less confident than this are not admitted; None: the confidence model's
    #: admission floor (``data/confidence.toml``), 0: every event the frames fill
    admission_floor: float | None = None


def prepare_pipeline(config: BuildConfig) -> Pipeline:
    """Cheap per-document stages: cleaning, language, metadata and publication date."""
    return Pipeline([CleanStage(), LanguageStage(), MetadataStage()])


def analyse_pipeline(config: BuildConfig) -> Pipeline:
    """Language stages: parse, actors, temporal expressions, events (English documents
    only: ``build`` stores the others without them, see ``ingest.language.is_coded``)."""
    available = prepare_pipeline(config).provides
    return Pipeline(
        [
            AnnotateStage(config.model, batch_size=config.batch_size),
            ActorStage(),
            TimexStage(),
            EventStage(config.admission_floor),
        ],
        available=available,
    )
