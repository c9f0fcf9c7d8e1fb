"""Hostile text never makes cleaning or date finding slow: time grows linearly.

Every text goes through what a build runs on raw text before spaCy: the cleaner, the
publication-date finder and the temporal tagger. The bound is relative to plain English
of the same length, measured in the same test (so a slow machine slows both), with a
generous factor: a quadratic pattern is hundreds of times slower at these sizes.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.ingest.cleaning import clean_text
from storyline.ingest.dates import find_dates
from storyline.timex import tag

PLAIN = "The minister said on Tuesday that the talks with the delegation went well. "
HOSTILE: dict[str, str] = {
    "cjk, no spaces": "中国外交部发言人表示",
    "digits": "1234567890",
    "clock times": "10:30 ",
    "dates": "12.03.2021 ",
    "punctuation": ".-.-/..",
    "word characters": "abcdefghij",
    "at signs": "a@b",
    "weekdays": "Monday Tuesday ",
    "digits glued to a unit": "1day",  # one word of triggers: '\w+ times' was quadratic
}
FACTOR = 25.0  # hostile may cost this many times plain text of the same length...
FLOOR = 0.002  # ... or this many seconds per KB, whichever is larger,
SLACK = 0.05  # plus this many seconds (a garbage collection, a busy machine)


def _process(text: str) -> None:
    clean_text(text)
    find_dates(text)
    tag(text, "2021-03-25")


def _seconds(fn: Callable[[str], None], text: str, repeat: int = 2) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(text)
        best = min(best, time.perf_counter() - t0)
    return best


def _of_length(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_time_grows_linearly_on_hostile_lines(name: str) -> None:
    n = 40_000
    plain = _seconds(_process, _of_length(PLAIN, n))
    hostile = _seconds(_process, _of_length(HOSTILE[name], n))
    assert hostile <= max(FACTOR * plain, FLOOR * n / 1000) + SLACK, (name, hostile, plain)
    # and doubling the length does not quadruple the time
    half = _seconds(_process, _of_length(HOSTILE[name], n // 2))
    assert hostile <= 3.0 * half + FLOOR * n / 1000 + SLACK, (name, half, hostile)


_PIECES = st.sampled_from(
    ["10:30", " ", "12.03.2021", "1", "中国", "@", ".", "-", "Monday", "the next day", "\n",
     "March 5", "a", "(", "2021", "/", ":", "ab@cd.ef"]
)  # fmt: skip


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES, min_size=200, max_size=1500))
def test_random_hostile_text_is_processed_within_the_bound(pieces: list[str]) -> None:
    text = "".join(pieces) * 4
    plain = _seconds(_process, _of_length(PLAIN, len(text)))
    took = _seconds(_process, text)
    bound = max(FACTOR * plain, FLOOR * len(text) / 1000) + SLACK
    assert took <= bound, (len(text), took, plain)


_RUN_UNITS = st.sampled_from(
    ["1", "0123456789", "10:30 ", "12.03.2021 ", "2021-03-25", "中国外交部", "。", "...", "!?",
     "-", "/", "@", "a@", "ab", "March 5, ", "Monday ", "the next day ", "«»", "—", " "]
)  # fmt: skip
_RUNS = st.lists(
    st.tuples(_RUN_UNITS, st.integers(1, 4000)).map(lambda run: run[0] * run[1]),
    min_size=1,
    max_size=12,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_RUNS)
def test_one_long_line_of_hostile_runs_is_processed_within_the_bound(runs: list[str]) -> None:
    """Long runs (thousands of digits, clock times, dates, CJK characters, punctuation)
    joined into one line without a break: what made the old patterns quadratic."""
    text = "".join(runs)
    plain = _seconds(_process, _of_length(PLAIN, len(text)))
    took = _seconds(_process, text)
    bound = max(FACTOR * plain, FLOOR * len(text) / 1000) + SLACK
    assert took <= bound, (len(text), took, plain)


def test_trigger_windows_never_search_back_over_a_line_without_spaces() -> None:
    """Every trigger in a line without spaces once searched back to the line's start for
    a word boundary: fast C, but quadratic (3.7x the time for twice the length at 160 KB,
    too close to the noise of a timing): count the characters searched instead."""
    from storyline.timex.recognize import _windows

    class Counted(str):
        searched = 0

        def rfind(self, sub: str, start: int = 0, end: int | None = None) -> int:
            stop = len(self) if end is None else end
            Counted.searched += max(0, stop - start)
            return super().rfind(sub, start, end)

    text = Counted(_of_length("1day", 40_000))
    _windows(text)
    assert 0 < Counted.searched <= 200 * len(text), Counted.searched
