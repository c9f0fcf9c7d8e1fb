"""Golden: every timex of the seeds' gold is tagged (overlapping span, equal value)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from storyline.timex import tag

DATA = Path(__file__).resolve().parent.parent / "data"
GOLD = json.loads((DATA / "seeds_gold.json").read_text(encoding="utf-8"))
CASES = [(g["document"], g["text"], g["value"]) for g in GOLD["timexes"]]


def test_gold_has_all_timexes() -> None:
    assert len(CASES) == 28


def _problem(document: str, gold_text: str, value: str) -> str | None:
    """None when every occurrence of the gold text is tagged with the gold value."""
    text = (DATA / "seeds" / document).read_text(encoding="utf-8")
    anchor = GOLD["documents"][document]["published"]
    timexes = tag(text, anchor)
    positions = []
    pos = text.find(gold_text)
    while pos >= 0:
        positions.append((pos, pos + len(gold_text)))
        pos = text.find(gold_text, pos + 1)
    if not positions:
        return f"gold text {gold_text!r} not in {document}"
    for s, e in positions:
        hits = [t for t in timexes if t.start < e and s < t.end]
        if not any(t.value == value for t in hits):
            return f"{gold_text!r} at {s} in {document}: {hits}"
    return None


@pytest.mark.parametrize(("document", "gold_text", "value"), CASES)
def test_gold_timex(document: str, gold_text: str, value: str) -> None:
    # Every occurrence of the gold text must carry the gold value.
    problem = _problem(document, gold_text, value)
    assert problem is None, problem


def test_correct_timexes_meet_the_floor(floor: Callable[..., float]) -> None:
    problems = [p for case in CASES if (p := _problem(*case)) is not None]
    correct = len(CASES) - len(problems)
    assert correct >= floor("timex_seeds_correct"), "\n".join(problems)
