"""Actors in sentences about other countries and people than the seeds'.

The floor is measured, not hoped for: the rate and every failure are printed in
the assertion message, and the floor only rises (bench/results_actors.md).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from storyline.nlp.actors import extract_mentions
from storyline.records import Document

from .helpers import check_expectation

pytestmark = pytest.mark.slow

GENERALIZATION_FLOOR = 0.9
CASES = [
    json.loads(line)
    for line in (
        __import__("pathlib").Path(__file__).parent / "data" / "generalization.jsonl"
    )
    .read_text(encoding="utf-8")
    .splitlines()
    if line.strip()
]


def generalization_rate(annotate: Callable[[str], Document]) -> tuple[float, list[str]]:
    total, failures = 0, []
    for case in CASES:
        doc = annotate(case["text"])
        mentions = extract_mentions(doc)
        for item in case["expect"]:
            total += 1
            problem = check_expectation(doc.text, mentions, item)
            if problem is not None:
                failures.append(f"{case['text'][:60]!r}: {problem}")
    return 1 - len(failures) / total, failures


def test_at_least_100_sentences() -> None:
    assert len(CASES) >= 100


def test_generalization_rate(annotate: Callable[[str], Document]) -> None:
    rate, failures = generalization_rate(annotate)
    message = f"rate {rate:.3f} < {GENERALIZATION_FLOOR}; failures:\n" + "\n".join(failures)
    assert rate >= GENERALIZATION_FLOOR, message


def _cases_by_region() -> dict[str, Any]:
    return {"count": len(CASES)}
