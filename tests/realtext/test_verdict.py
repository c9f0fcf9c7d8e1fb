"""How bench/realtext/score.py counts an event several judges labelled (issue 14,
session 13): the first judge's labels, unless three or more judged it; then each
criterion's majority, a tie going to the first judge."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench" / "realtext"))
sys.path.insert(0, str(ROOT / "bench"))

import score  # noqa: E402


def _j(judge: str, **labels: str) -> dict[str, str]:
    base = {"key": "k", "type": "yes", "source": "right", "target": "missing"}
    return {**base, "date": "right", "modality": "right", "judge": judge, **labels}


def test_one_or_two_judges_count_with_the_first() -> None:
    first, second = _j("A", source="wrong"), _j("B")
    assert score.verdict([first]) == first
    assert score.verdict([first, second]) == first


def test_three_judges_count_with_each_criterions_majority() -> None:
    js = [_j("A", source="wrong"), _j("B"), _j("C", date="wrong")]
    v = score.verdict(js)
    assert (v["source"], v["date"], v["judge"]) == ("right", "right", "A")
    assert score.usable(v) and not score.usable(js[0])


def test_a_tie_goes_to_the_first_judge() -> None:
    js = [_j("A", target="wrong"), _j("B", target="right"), _j("C")]  # one label each
    assert score.verdict(js)["target"] == "wrong"
    js = [_j("A", target="wrong"), _j("B", target="right"), _j("C"), _j("D", target="right")]
    assert score.verdict(js)["target"] == "right"  # two of four against one each
