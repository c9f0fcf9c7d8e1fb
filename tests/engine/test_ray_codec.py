"""Documents survive the Parquet shard's JSON form exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.engine.ray_codec import decode_document, encode_document
from storyline.records import (
    Actor,
    DateCandidate,
    Document,
    EventMention,
    Evidence,
    Mention,
    Removal,
    Segment,
    Token,
)

SEEDS = Path(__file__).resolve().parents[1] / "data" / "seeds"


def _handmade() -> Document:
    actor = Actor("RUS", "Russia", "RUS", "GOV", "country", None)
    ev = Evidence("d1", 0, 5, "Hello")
    return Document(
        id="d1",
        source="a.txt",
        raw_text="Hello \udcff wörld\n",  # a lone surrogate, as a bad byte decodes
        text="Hello wörld",
        segments=(Segment(0, 5, 0),),
        removals=(Removal(6, 7, "junk", "\udcff"),),
        published="2018-06-21",
        published_confidence=0.1 + 0.2,  # a float with no short decimal form
        date_candidates=(DateCandidate("2018-06-21", "header", 1.0, "x"),),
        tokens=(Token(0, 0, 5, "Hello", "hello", "INTJ", "UH", "ROOT", 0, ""),),
        mentions=(Mention(0, 5, "Hello", actor, "name"),),
        events=(
            EventMention(
                id="e1",
                document="d1",
                type="CONSULT",
                modality="asserted",
                source=(actor,),
                target=(),
                date="2018-06",
                date_source="text",
                evidence=ev,
                trigger=ev,
                summary="talks",
                confidence=0.7,
                speaker=actor,
            ),
        ),
    )


def test_handmade_document_round_trips() -> None:
    doc = _handmade()
    blob = encode_document(doc)
    assert blob.isascii()  # Parquet strings must be valid UTF-8; escapes keep it so
    assert decode_document(blob) == doc


@pytest.mark.slow
def test_analysed_seeds_round_trip() -> None:
    """Every field the real stages fill comes back equal, nested records included."""
    from storyline.engine.local import run_batch
    from storyline.engine.stages import BuildConfig
    from storyline.ingest import iter_inputs
    from storyline.records import RawDocument

    raws = [r for r in iter_inputs([SEEDS]) if isinstance(r, RawDocument)]
    config = BuildConfig()
    prepared, bad, _ = run_batch("prepare", [Document.from_raw(r) for r in raws], config)
    analysed, bad2, _ = run_batch("analyse", prepared, config)
    assert len(analysed) == 5 and not bad and not bad2
    assert all(d.events and d.mentions and d.timexes for d in analysed)
    for doc in [*prepared, *analysed]:
        assert decode_document(encode_document(doc)) == doc
