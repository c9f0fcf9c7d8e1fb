"""The sentence a judge reads for a timeline line (bench/realtext/sample.py, issue 14,
session 13): the evidence that holds the trigger, not merely the first one cited (a
headline merged with its lede cites the headline first, while the act is told in the
lede)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench" / "realtext"))
sys.path.insert(0, str(ROOT / "bench"))

import sample  # noqa: E402

HEADLINE = {"document": "d", "start": 0, "end": 40, "text": "Minister killed in ambush"}
LEDE = {"document": "d", "start": 42, "end": 120, "text": "Rebels shot dead the minister."}


def _event(trigger_start: int, evidence: list[dict[str, object]]) -> dict[str, object]:
    trigger = {"document": "d", "start": trigger_start, "end": trigger_start + 4, "text": "shot"}
    return {"trigger": trigger, "evidence": evidence}


def test_the_judge_reads_the_triggers_own_sentence() -> None:
    assert sample.cited(_event(49, [HEADLINE, LEDE])) == LEDE
    assert sample.cited(_event(5, [HEADLINE, LEDE])) == HEADLINE


def test_the_first_evidence_when_none_holds_the_trigger() -> None:
    assert sample.cited(_event(500, [HEADLINE, LEDE])) == HEADLINE
