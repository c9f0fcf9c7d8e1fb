"""The event quality gate on real text (issue 14), the way bench/realtext measures it.

The frozen test split of ``bench/realtext`` (newswire, TimeML and web pages from
``../shared``, which nobody on the project wrote) is built with the code as it is.
Then:

* recall: the clear-event sentences that annotators marked without looking at any
  output must get an event of their type, at least as often as the floor says;
* precision: every line of the test timeline (a census, ``score.py --census``) is
  scored with the committed judgements. A random sample would be redrawn by any
  change to the coder and move by chance as much as by the change (session 6 measured
  it); the census moves only where lines changed. A changed line has no judgement
  yet: when less than the floor's share of the lines is judged, the test fails and
  says to run a judging round (bench/realtext/README.md). The judged lines' usable,
  type-right, wrong-actor and date rates must meet their floors.

Floors live in ``bench/baseline.json`` and only rise.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "realnews"
sys.path.insert(0, str(ROOT / "bench" / "realtext"))
sys.path.insert(0, str(ROOT / "bench"))  # stats

pytestmark = pytest.mark.slow

LABEL = "gate"


@pytest.fixture(scope="module")
def built() -> str:
    if not SHARED.is_dir():
        pytest.fail(f"the real corpora are missing: {SHARED} (the gate needs ../shared)")
    import build

    for corpus in ("newswire", "timeml", "pages"):
        build.build(LABEL, "test", corpus, workers=2)
    return LABEL


def test_recall_of_clear_events(built: str, floor: Callable[..., float]) -> None:
    import recall

    result: dict[str, Any] = recall.score(built, "test")
    assert result["unlocated"] == 0, "some gold sentences are no longer in the stores"
    share = result["type"] / result["gold_events"]
    assert share >= floor("realtext_test_recall_type"), result


def test_judged_precision(built: str, floor: Callable[..., float]) -> None:
    import score

    result = score.score(built, "test", census=True)
    judged, lines = result["sampled"] - result["unjudged"], result["sampled"]
    assert judged / lines >= floor("realtext_test_judged_min"), (
        f"only {judged} of the {lines} test timeline lines are judged: the coder changed; "
        "run a judging round (bench/realtext/README.md) before trusting this gate"
    )
    m = result["all"]
    assert m["usable"]["p"] >= floor("realtext_test_usable"), m["usable"]
    assert m["type_right"]["p"] >= floor("realtext_test_type_right"), m["type_right"]
    assert m["wrong_actor_of_real"]["p"] <= floor("realtext_test_wrong_actor_max")
    assert m["date_right_of_real"]["p"] >= floor("realtext_test_date_right"), m[
        "date_right_of_real"
    ]
    # what --min-confidence 0.7 keeps (the calibrated confidence, data/confidence.toml)
    confident = result["confidence>=0.7"]["usable"]
    assert confident["p"] >= floor("realtext_test_usable_confident"), confident


def test_confidence_ranks_the_lines(built: str, floor: Callable[..., float]) -> None:
    """The calibrated confidence must rank usable test lines above unusable ones (AUC):
    a user's --min-confidence trades recall for precision only as well as this."""
    import sample
    import score
    from corpora import corpora_of

    from stats import auc

    judged = score.judgements()
    scored = [
        (it["confidence"], score.usable(score.verdict(judged[it["key"]])))
        for corpus in corpora_of("test")
        for it in sample.items(built, "test", corpus)
        if it["key"] in judged
    ]
    assert len(scored) > 200
    measured = auc(scored)
    assert measured >= floor("realtext_test_confidence_auc"), measured
