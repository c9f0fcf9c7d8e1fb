"""The PLOVER event dev set: its shape, the scorer's matching rules, and quality floors.

Floors come from ``bench/baseline.json`` (keys ``events_dev_type_f1_micro``,
``events_dev_full_f1_micro``, ``events_dev_noevent_fp_rate_max``) and only ever rise;
a floor whose key is absent is skipped, so the lead sets them from measured figures.
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
DEVSET = ROOT / "bench" / "events" / "dev.jsonl"
TYPES = list(PLOVER_TYPES)


def _load_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("events_score", ROOT / "bench/events/score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


scorer = _load_scorer()


@pytest.fixture(scope="module")
def records() -> list[dict[str, Any]]:
    return list(scorer.load(DEVSET))


@pytest.fixture(scope="module")
def result(records: list[dict[str, Any]]) -> dict[str, Any]:
    """The coder run once over the whole dev set (the spaCy pipeline loads once)."""
    return dict(scorer.score(records))


def _ev(type_: str, src: list[str], tgt: list[str], modality: str = "asserted",
        date: str = "2020-01-01") -> dict[str, Any]:  # fmt: skip
    return {"type": type_, "mode": None, "source": src, "target": tgt, "modality": modality,
            "date": date}  # fmt: skip


def test_devset_shape(records: list[dict[str, Any]]) -> None:
    assert len(records) >= 300
    assert len({r["id"] for r in records}) == len(records)
    sentences_per_type = Counter(t for r in records for t in {e["type"] for e in r["events"]})
    assert set(sentences_per_type) == set(TYPES)
    assert min(sentences_per_type.values()) >= 12, sentences_per_type
    assert sum(1 for r in records if not r["events"]) >= 50
    modalities = Counter(e["modality"] for r in records for e in r["events"])
    assert set(modalities) == {"asserted", "future", "hypothetical", "negated"}


def test_devset_is_what_make_dev_writes() -> None:
    """dev.jsonl must not drift from its reviewed source, dev_source.txt."""
    spec = importlib.util.spec_from_file_location("make_dev", ROOT / "bench/events/make_dev.py")
    assert spec is not None and spec.loader is not None
    make_dev = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_dev)
    source = (ROOT / "bench/events/dev_source.txt").read_text(encoding="utf-8")
    built = [json.dumps(r, ensure_ascii=False, sort_keys=True) for r in make_dev.parse(source)]
    assert built == DEVSET.read_text(encoding="utf-8").splitlines()


def test_actor_rules() -> None:
    gold = _ev("ACCUSE", ["USA"], ["CHN"])
    assert scorer.actors_match(gold, _ev("ACCUSE", ["USA", "GBR"], ["CHN"]))
    assert not scorer.actors_match(gold, _ev("ACCUSE", ["CHN"], ["USA"]))  # swapped
    assert not scorer.actors_match(gold, _ev("ACCUSE", ["USA"], []))
    talks = _ev("CONSULT", ["FRA"], ["DEU"])
    assert scorer.actors_match(talks, _ev("CONSULT", ["DEU"], ["FRA"]))  # either direction
    assert scorer.actors_match(talks, _ev("CONSULT", ["FRA", "DEU"], []))
    mutual = _ev("AGREE", ["BRA", "ARG"], [])
    assert scorer.actors_match(mutual, _ev("AGREE", ["BRA"], ["ARG"]))
    assert not scorer.actors_match(mutual, _ev("AGREE", ["BRA"], []))


def test_score_counts_one_to_one_and_levels() -> None:
    records = [
        {"id": "a", "text": "x", "date": "2020-01-01",
         "events": [_ev("ASSAULT", ["RUS"], ["UKR"]), _ev("SANCTION", ["USA"], ["RUS"])]},
        {"id": "b", "text": "y", "date": "2020-01-01", "events": []},
        {"id": "c", "text": "z", "date": "2020-01-01", "events": []},
    ]  # fmt: skip
    predictions = [
        [_ev("ASSAULT", ["RUS"], ["UKR"], date="2019"), _ev("ASSAULT", ["RUS"], ["UKR"]),
         _ev("SANCTION", ["RUS"], ["USA"])],
        [_ev("PROTEST", [], [])],
        [],
    ]  # fmt: skip
    r = scorer.score(records, predictions)
    assert r["per_type"]["ASSAULT"]["type"] == {"precision": 0.5, "recall": 1.0, "f1": 0.6667}
    assert r["per_type"]["ASSAULT"]["full"]["recall"] == 1.0  # the second prediction matches
    assert r["per_type"]["SANCTION"]["type"]["f1"] == 1.0
    assert r["per_type"]["SANCTION"]["actors"]["f1"] == 0.0  # direction matters for SANCTION
    assert r["micro"]["type"] == {"precision": 0.5, "recall": 1.0, "f1": 0.6667}
    assert r["no_event_fp_rate"] == 0.5
    assert {e["id"] for e in r["errors"]} == {"a", "b"}


def test_score_rejects_misaligned_predictions() -> None:
    with pytest.raises(ValueError, match="1 predictions for 0 records"):
        scorer.score([], [[]])


@pytest.mark.slow
def test_quality_floors(result: dict[str, Any], floor: Callable[..., float]) -> None:
    micro = result["micro"]
    assert micro["type"]["f1"] >= floor("events_dev_type_f1_micro"), micro["type"]
    assert micro["full"]["f1"] >= floor("events_dev_full_f1_micro"), micro["full"]
    fp_rate = result["no_event_fp_rate"]
    assert fp_rate <= floor("events_dev_noevent_fp_rate_max"), fp_rate


@pytest.mark.slow
def test_scorer_sees_every_type_and_sentence(result: dict[str, Any]) -> None:
    assert result["sentences"] >= 300
    assert not result["unknown_predicted_types"], "the coder emitted a non-PLOVER type"
    assert all(result["per_type"][t]["gold"] >= 12 for t in TYPES)
