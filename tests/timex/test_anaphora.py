"""Narrative-relative days count from the last day the text gave, or stay untagged."""

from __future__ import annotations

import pytest

from storyline.timex import tag

A = "2006-03-15"  # a Wednesday

CASES = [
    ("On Monday, troops moved in. The next day they withdrew.", "The next day", "2006-03-14"),
    ("On Monday, troops moved in. That day Russia protested.", "That day", "2006-03-13"),
    ("Talks opened on March 2. Two days later, they broke down.", "Two days later", "2006-03-04"),
    ("Police said on June 3 that the suspect had fled the day before.", "the day before",
     "2005-06-02"),
    ("On Monday, troops moved in. The following morning they left.", "The following morning",
     "2006-03-14"),
    ("On Monday, troops moved in. Later that day they left.", "Later that day", "2006-03-13"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "span", "value"), CASES)
def test_counts_from_the_last_given_day(text: str, span: str, value: str) -> None:
    found = {t.text: t.value for t in tag(text, A)}
    assert found.get(span) == value, found


def test_a_chain_of_them_moves_the_reference() -> None:
    text = "On Monday, troops moved in. The next day they withdrew. That day Russia protested."
    assert [t.value for t in tag(text, A)] == ["2006-03-13", "2006-03-14", "2006-03-14"]


@pytest.mark.parametrize(
    "text",
    [
        "The next day they withdrew.",  # no day given before: no guess
        "Two days after the bombing, police arrested a man.",  # counted from an event
        "He was last seen Nov. 3, the day before authorities issued a warrant.",
    ],
)
def test_without_a_narrative_day_nothing_is_guessed(text: str) -> None:
    anaphoric = ("the next", "two days", "the day")
    assert not any(t.type == "DATE" and t.text.lower().startswith(anaphoric) for t in tag(text, A))


def test_a_plan_named_as_a_noun_does_not_make_its_date_future() -> None:
    found = {t.text: t.value for t in tag("The thrift announced the plan Aug. 21.", "1989-10-27")}
    assert found["Aug. 21"] == "1989-08-21"
