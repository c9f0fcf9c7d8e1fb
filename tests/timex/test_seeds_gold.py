"""Golden: every timex of the seeds' gold is tagged (overlapping span, equal value)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.timex import tag

DATA = Path(__file__).resolve().parent.parent / "data"
GOLD = json.loads((DATA / "seeds_gold.json").read_text(encoding="utf-8"))
CASES = [(g["document"], g["text"], g["value"]) for g in GOLD["timexes"]]


def test_gold_has_all_timexes() -> None:
    assert len(CASES) == 28


@pytest.mark.parametrize(("document", "gold_text", "value"), CASES)
def test_gold_timex(document: str, gold_text: str, value: str) -> None:
    text = (DATA / "seeds" / document).read_text(encoding="utf-8")
    anchor = GOLD["documents"][document]["published"]
    timexes = tag(text, anchor)
    positions = []
    pos = text.find(gold_text)
    while pos >= 0:
        positions.append((pos, pos + len(gold_text)))
        pos = text.find(gold_text, pos + 1)
    assert positions, f"gold text {gold_text!r} not in {document}"
    # Every occurrence of the gold text must carry the gold value.
    for s, e in positions:
        hits = [t for t in timexes if t.start < e and s < t.end]
        assert any(t.value == value for t in hits), (gold_text, s, hits)
