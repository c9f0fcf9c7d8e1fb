"""The PLOVER event held-out set: its shape, its independence from the dev set, and floors.

The held-out set (``bench/events/heldout.jsonl``, built from ``heldout_source.txt`` by
``make_heldout.py``) was written without looking at the coder and is never used for tuning,
so its figures are the honest ones. Floors come from ``bench/baseline.json`` keys
``events_heldout_type_f1_micro`` and ``events_heldout_full_f1_micro``; a floor whose key is
absent is skipped, so the lead sets them from measured figures.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from storyline.records import PLOVER_TYPES

ROOT = Path(__file__).resolve().parents[2]
EVENTS = ROOT / "bench" / "events"
HELDOUT = EVENTS / "heldout.jsonl"
TYPES = set(PLOVER_TYPES)


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


scorer = _load("events_score_heldout", EVENTS / "score.py")


@pytest.fixture(scope="module")
def records() -> list[dict[str, Any]]:
    return list(scorer.load(HELDOUT))


@pytest.fixture(scope="module")
def result(records: list[dict[str, Any]]) -> dict[str, Any]:
    """The coder run once over the whole held-out set."""
    return dict(scorer.score(records))


def test_heldout_shape(records: list[dict[str, Any]]) -> None:
    assert len(records) >= 120
    assert len({r["id"] for r in records}) == len(records)
    assert all(r["id"].startswith("h") for r in records)
    sentences_per_type = Counter(t for r in records for t in {e["type"] for e in r["events"]})
    assert set(sentences_per_type) == TYPES
    assert min(sentences_per_type.values()) >= 6, sentences_per_type
    assert sum(1 for r in records if not r["events"]) >= 20
    modalities = Counter(e["modality"] for r in records for e in r["events"])
    assert set(modalities) == {"asserted", "future", "hypothetical", "negated"}
    years = {int(r["date"][:4]) for r in records}
    assert min(years) <= 1995 and max(years) >= 2024


def test_heldout_is_what_make_heldout_writes() -> None:
    """heldout.jsonl must not drift from its reviewed source, heldout_source.txt."""
    make_heldout = _load("make_heldout", EVENTS / "make_heldout.py")
    source = (EVENTS / "heldout_source.txt").read_text(encoding="utf-8")
    built = [json.dumps(r, ensure_ascii=False, sort_keys=True) for r in make_heldout.build(source)]
    assert built == HELDOUT.read_text(encoding="utf-8").splitlines()


def test_heldout_shares_no_sentence_with_dev(records: list[dict[str, Any]]) -> None:
    dev = {r["text"].casefold() for r in scorer.load(EVENTS / "dev.jsonl")}
    shared = [r["text"] for r in records if r["text"].casefold() in dev]
    assert not shared, shared


@pytest.mark.slow
def test_heldout_quality_floors(result: dict[str, Any], floor: Callable[..., float]) -> None:
    assert result["sentences"] >= 120
    assert not result["unknown_predicted_types"], "the coder emitted a non-PLOVER type"
    micro = result["micro"]
    assert micro["type"]["f1"] >= floor("events_heldout_type_f1_micro"), micro["type"]
    assert micro["full"]["f1"] >= floor("events_heldout_full_f1_micro"), micro["full"]
