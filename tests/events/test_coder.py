"""Sentence-level behaviour of the rule coder (through the whole language pipeline)."""

from __future__ import annotations

import pytest

from storyline.events import extract_events

pytestmark = pytest.mark.slow  # every test codes sentences parsed by the spaCy model

CASES = [
    # (text, date, type, source country, target country, modality, event date)
    (
        "French President Emmanuel Macron visited Germany on March 3, 2019.",
        "2019-03-05",
        "CONSULT",
        "FRA",
        "DEU",
        "asserted",
        "2019-03-03",
    ),
    (
        "Turkey will impose sanctions on Greece next year, the minister said.",
        "2020-05-01",
        "SANCTION",
        "TUR",
        "GRC",
        "future",
        "2021",
    ),
    (
        "Egypt invited Ethiopia to resume talks.",
        "2021-06-01",
        "AGREE",
        "EGY",
        "ETH",
        "asserted",
        "2021-06-01",
    ),
    (
        "Brazil and Argentina signed a trade agreement in 2019.",
        "2020-01-10",
        "AGREE",
        "BRA",
        "ARG",
        "asserted",
        "2019",
    ),
    (
        "Israel did not attack Lebanon.",
        "2022-01-01",
        "ASSAULT",
        "ISR",
        "LBN",
        "negated",
        "2022-01-01",
    ),
]


@pytest.mark.parametrize(("text", "date", "type_", "src", "tgt", "modality", "when"), CASES)
def test_coded_event(text: str, date: str, type_: str, src: str, tgt: str, modality: str,
                     when: str) -> None:  # fmt: skip
    events = [e for e in extract_events(text, date) if e.type == type_]
    assert events, f"no {type_} in {text!r}"
    e = events[0]
    if e.joint:  # a joint act has no direction: its sides come in code order
        assert {src, tgt} <= {a.country for a in (*e.source, *e.target)}
    else:
        assert src in {a.country for a in e.source}
        assert tgt in {a.country for a in e.target}
    assert (e.modality, e.date) == (modality, when)
    assert text[e.trigger.start : e.trigger.end] == e.trigger.text
    assert e.evidence.text in text


def test_sentences_without_events_give_none() -> None:
    text = "The weather in Paris was mild. Germany has a population of 84 million."
    assert extract_events(text, "2023-01-01") == []


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Japan tightened its export controls on South Korea on Monday.",
         "tightened its export controls"),
        ("The United States imposed new sanctions on Iran.", "imposed new sanctions"),
        ("US troops pulled out of Afghanistan.", "pulled out"),
    ],
)  # fmt: skip
def test_a_phrase_trigger_cites_the_whole_phrase(text: str, trigger: str) -> None:
    events = extract_events(text, "2023-07-04")
    assert [e.trigger.text for e in events] == [trigger]


@pytest.mark.parametrize(
    "text",
    [
        "The United States withdrew from the nuclear deal with Iran.",
        "Russia pulled out of the treaty with the United States.",
        "Britain said Iran had violated the accord.",
    ],
)
def test_acting_on_an_existing_agreement_is_no_new_agreement(text: str) -> None:
    assert [e for e in extract_events(text, "2023-07-04") if e.type == "AGREE"] == []


@pytest.mark.parametrize(
    ("text", "types"),
    [
        ("Russian-Korean trade and economic cooperation declined last year.", []),
        ("US aid to Ukraine fell by half in 2023.", []),
        ("Iran declined the offer of talks from the United States.", ["REJECT"]),
        ("North Korea declined to attend the summit in Seoul.", ["REJECT"]),
    ],
)
def test_a_rise_or_fall_is_no_act(text: str, types: list[str]) -> None:
    """A quantity that changed ("cooperation declined") is a trend, not an event."""
    assert [e.type for e in extract_events(text, "2024-01-10")] == types
