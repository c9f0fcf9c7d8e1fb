"""Speed of the event stage alone (sentences/s and documents/s), next to the
language stages that feed it, on documents synthesized from the examples or, with
``--input``, on real articles (e.g. the newswire test split of bench/realtext).

Usage: python bench/events/speed.py [-n 200] [--input DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from storyline.engine.stages import BuildConfig, prepare_pipeline
from storyline.events import EventStage
from storyline.ingest import iter_inputs
from storyline.nlp.actors import ActorStage
from storyline.nlp.spacy_pipeline import AnnotateStage
from storyline.pipeline import StageStats
from storyline.records import Document, RawDocument
from storyline.timex import TimexStage
from synth import synthesize


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("-n", type=int, default=200)
    ap.add_argument("--input", type=Path, help="real articles to read instead (first -n)")
    args = ap.parse_args()
    if args.input is not None:
        raws = [r for r in iter_inputs([args.input]) if isinstance(r, RawDocument)][: args.n]
    else:
        with tempfile.TemporaryDirectory() as tmp:
            corpus = synthesize(Path(tmp) / "c", args.n)
            raws = [r for r in iter_inputs([corpus]) if isinstance(r, RawDocument)]
    docs = list(prepare_pipeline(BuildConfig()).run(Document.from_raw(r) for r in raws))
    timings: dict[str, float] = {}
    for stage in (AnnotateStage(), ActorStage(), TimexStage(), EventStage()):
        start = time.perf_counter()
        docs = list(stage.run(docs, StageStats()))
        timings[stage.name] = time.perf_counter() - start
    sentences = sum(len(d.sentences) for d in docs)
    events = sum(len(d.events) for d in docs)
    t = timings["events"]
    out = {
        "documents": len(docs),
        "sentences": sentences,
        "event_mentions": events,
        "event_stage_seconds": round(t, 2),
        "event_stage_docs_per_second": round(len(docs) / t, 1),
        "event_stage_sentences_per_second": round(sentences / t, 1),
        "seconds_per_stage": {k: round(v, 2) for k, v in timings.items()},
        "event_stage_share": round(t / sum(timings.values()), 4),
    }
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
