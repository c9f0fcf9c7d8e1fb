"""The event-date gate on human TimeML annotation (issue 15), the way bench/dates
measures it.

Gold dates come from the TLINKs between events and times in the TimeML articles of
``../shared`` (``bench/dates/timeml_gold.py``); every gold event of the frozen test
split is dated the way storyline dates an event at that word. Against the
publication date as the baseline, storyline's date must (floors in
``bench/baseline.json``, which only rise):

* hit the gold day more often (its day, the open side of an "on or before" ignored),
  by at least the floor's margin;
* contradict the gold less often (its date or interval overlaps the gold interval).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "realnews" / "timeml"
DATES = ROOT / "bench" / "dates"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def scored() -> dict[str, object]:
    if not SHARED.is_dir():
        pytest.fail(f"the TimeML corpus is missing: {SHARED} (the gate needs ../shared)")
    for args in (["timeml_gold.py"], ["score_timeml.py", "--split", "test"]):
        subprocess.run([sys.executable, str(DATES / args[0]), *args[1:]], check=True,
                       capture_output=True, cwd=ROOT)  # fmt: skip
    result: dict[str, object] = json.loads((DATES / "work" / "score-test.json").read_text())
    return result


def test_storyline_dates_beat_the_publication_date(
    scored: dict[str, object], floor: Callable[..., float]
) -> None:
    every = scored["all"]
    assert isinstance(every, dict)
    day, base = every["storyline_day"]["exact"]["p"], every["baseline"]["exact"]["p"]
    assert day >= floor("dates_test_day_exact"), every["storyline_day"]
    assert day - base >= floor("dates_test_day_exact_margin"), (day, base)
    consistent = every["storyline"]["consistent"]["p"]
    assert consistent >= floor("dates_test_consistent"), every["storyline"]
    assert consistent > every["baseline"]["consistent"]["p"]
    text = every["text_dated"]["tight"]["p"]
    assert text >= floor("dates_test_text_dated_tight"), every["text_dated"]
