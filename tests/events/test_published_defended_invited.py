"""Senses read from judged real text (issue 14, session 17): material published is not
freed, defending one's own deal is no support of anyone, inviting performers or
investment is no invitation between parties, the press at work is no act, and ruling
out a conjecture is no refusal.

The sentences are written for the test, in the shapes of the judged lines
(bench/realtext, read splits only).
"""

from __future__ import annotations

import pytest

from storyline.events import extract_events

pytestmark = pytest.mark.slow

DAY = "2006-03-15"


def _types(text: str) -> list[str]:
    return [e.type for e in extract_events(text, DAY)]


@pytest.mark.parametrize(
    "text",
    [
        "Police released footage of the victim, as well as Chilean minister Alejandro Foxley.",
        "Chilean President Ricardo Lagos defended his budget deal with Peru on Saturday.",
        "The Bolivian city spends one million dollars a year to invite singers to its festival.",
        "The Chilean minister's home has been besieged by Peruvian journalists for two days.",
    ],
)
def test_no_political_act(text: str) -> None:
    assert _types(text) == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Peru released two Chilean sailors on Monday.", "RETREAT"),
        ("Chilean President Ricardo Lagos invited the Peruvian president to visit Chile.", "AGREE"),
        ("Chile defended Peru against the charges on Monday.", "SUPPORT"),
    ],
)
def test_the_political_senses_stay(text: str, kind: str) -> None:
    assert kind in _types(text)
