"""Properties: spans map to the text, sorted, non-overlapping; never a crash."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.timex import tag

WORDS = st.sampled_from(
    [
        "on",
        "in",
        "last",
        "next",
        "this",
        "early",
        "late",
        "mid-",
        "the",
        "of",
        "between",
        "and",
        "to",
        "-",
        ",",
        ".",
        "2020",
        "1999",
        "21",
        "June",
        "May",
        "March",
        "Tuesday",
        "year",
        "years",
        "ago",
        "week",
        "quarter",
        "fourth",
        "summer",
        "12:30",
        "p.m.",
        "every",
        "yesterday",
        "today",
        "1990s",
        "century",
        "19th",
        "25.03.2021",
        "2021-2022",
        "May",
        "I",
        "$25",
        "billion",
    ]
)
ANCHORS = st.one_of(
    st.none(),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)).map(str),
    st.text(max_size=12),
)


def check(text: str, anchor: str | None) -> None:
    out = tag(text, anchor)
    prev_end = 0
    for t in out:
        assert text[t.start : t.end] == t.text
        assert t.start < t.end
        assert t.start >= prev_end
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        assert t.value
        prev_end = t.end


@settings(max_examples=150, deadline=None)
@given(st.text(), ANCHORS)
def test_never_crashes_on_arbitrary_text(text: str, anchor: str | None) -> None:
    check(text, anchor)


@settings(max_examples=200, deadline=None)
@given(st.lists(WORDS, max_size=25).map(" ".join), ANCHORS)
def test_spans_on_date_like_text(text: str, anchor: str | None) -> None:
    check(text, anchor)
