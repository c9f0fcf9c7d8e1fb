"""Cleaning: the seeds' gold must/must-not-survive snippets, and general rules."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from storyline.ingest import clean_text

DATA = Path(__file__).resolve().parents[1] / "data"
SEEDS = sorted((DATA / "seeds").glob("*.txt"))

SEED_IDS = [p.name for p in SEEDS]


def _clean(name: str) -> str:
    path = next(p for p in SEEDS if p.name == name)
    return clean_text(path.read_text(encoding="utf-8")).text


@pytest.mark.parametrize("name", SEED_IDS)
def test_gold_removed_kept_repeated(name: str, gold: dict[str, Any]) -> None:
    text = _clean(name)
    for snippet in gold["removed"].get(name, []):
        assert snippet not in text, f"{name}: {snippet!r} should have been removed"
    for snippet in gold["kept"].get(name, []):
        assert snippet in text, f"{name}: {snippet!r} should have been kept"
    for snippet in gold["repeated"].get(name, []):
        assert text.count(snippet) == 1, f"{name}: {snippet!r} should appear exactly once"


@pytest.mark.parametrize("name", SEED_IDS)
def test_segments_map_back_to_raw(name: str) -> None:
    raw = next(p for p in SEEDS if p.name == name).read_text(encoding="utf-8")
    cleaned = clean_text(raw)
    covered = 0
    for seg in cleaned.segments:
        piece = raw[seg.raw_start : seg.raw_end]
        assert cleaned.text[seg.clean_start : seg.clean_start + len(piece)] == piece
        covered += len(piece)
    joins = cleaned.text.replace("\n", "")
    assert covered >= len(joins)  # everything but the newline joins comes from segments
    for removal in cleaned.removals:
        assert raw[removal.start : removal.end] == removal.text


def test_header_is_a_removal_and_the_article_on_its_line_stays() -> None:
    raw = " date 2020-09-29 MOSCOW, September 29. /TASS/. Talks were held.\n\nMore text here."
    cleaned = clean_text(raw)
    assert cleaned.text.startswith("MOSCOW, September 29.")
    assert cleaned.removals[0].reason == "header"
    assert cleaned.removals[0].text == " date 2020-09-29 "


def test_header_only_recognized_for_text_scrapes() -> None:
    raw = " date 2020-09-29 The minister said that talks went well on Monday."
    assert "date 2020-09-29" in clean_text(raw, fmt="jsonl").text


def test_removal_reasons_of_page_furniture() -> None:
    raw = (
        "3 May 2022\nParis: 10:15\n\nPress enquiries:\npress@example.org\n+33 1 23 45 67 89\n\n"
        "WORLD NEWS\n\n"
        "The two ministers met in Paris on Tuesday and agreed to extend the accord by a year.\n\n"
        "Background\n\n"
        "The accord was first signed in 2015 and has been renewed twice since by both sides.\n\n"
        "Read more\n"
    )
    cleaned = clean_text(raw)
    reasons = {r.text: r.reason for r in cleaned.removals}
    assert reasons["Paris: 10:15"] == "clock"
    assert reasons["Press enquiries:"] == "contact"
    assert reasons["press@example.org"] == "contact"
    assert reasons["+33 1 23 45 67 89"] == "contact"
    assert reasons["WORLD NEWS"] == "navigation"
    assert reasons["3 May 2022"] == "date-line"
    assert reasons["Read more"] == "navigation"
    assert "Background" in cleaned.text  # a section heading inside the article stays


def test_teaser_list_at_the_end_is_removed_but_a_single_dated_line_is_not() -> None:
    body = "The delegation arrived in Hanoi on Monday for two days of talks on trade and energy."
    teasers = "\n\n".join(
        f"0{d}.03.2021 - Other headline number {d}\n\nA teaser sentence about another story here."
        for d in range(1, 4)
    )
    cleaned = clean_text(f"{body}\n\n{teasers}\n")
    assert cleaned.text == body
    single = f"{body}\n\n05.03.2021 - A dated note that is part of the article text."
    assert "05.03.2021" in clean_text(single).text


def test_sentence_repeated_inside_a_later_paragraph_is_dropped_once() -> None:
    first = "The minister said the talks had been very useful for both sides."
    raw = (
        f"{first}\n\nA new point was raised today by the envoy. {first} Nothing else was agreed.\n"
    )
    text = clean_text(raw).text
    assert text.count(first) == 1
    assert "A new point was raised today by the envoy. Nothing else was agreed." in text


def test_a_sentence_a_headline_or_a_bullet_quotes_stays_in_the_body() -> None:
    quote = "The new treaty shows what the two countries can achieve together."
    raw = (
        f"Minister: \u201e{quote[:-1]}\u201c\n\n"
        "The interview took place in Berlin on Monday, after the signing ceremony.\n\n"
        f"Minister: {quote} It was signed after two years of talks.\n\n"
        "What the treaty covers\n\n"
        "It was signed after two years of talks\n"
    )
    text = clean_text(raw, "html").text
    assert f"Minister: {quote}" in text  # the headline quoting it is no earlier saying
    assert "It was signed after two years of talks." in text  # nor is a bullet


def test_a_line_broken_before_a_comma_is_rejoined() -> None:
    raw = "Russia supports a settlement of the problems on the peninsula\n, the minister said.\n"
    assert (
        clean_text(raw).text
        == "Russia supports a settlement of the problems on the peninsula, the minister said."
    )


def test_page_rules_keep_addresses_tables_and_capitals_but_drop_labelled_contacts() -> None:
    body = "The envoy met the foreign minister in Geneva on Monday for two hours of talks."
    lines = [
        "desk@example.org",  # a bare address in an article
        "Contact:",  # a labelled contact block
        "Phone: +49 30 1234 5678",
        "Name        Votes        Share",  # runs of spaces: a table row
        "300 days have passed since the flood",  # a counter banner
        "LATEST EVENTS",  # all capitals
    ]
    raw = body + "\n\n" + "\n\n".join(lines) + "\n\n" + body.replace("Monday", "Tuesday")
    removed = {r.text: r.reason for r in clean_text(raw, "html").removals}
    assert "desk@example.org" not in removed
    assert removed["Contact:"] == "contact" and removed["Phone: +49 30 1234 5678"] == "contact"
    assert "Name        Votes        Share" not in removed and "LATEST EVENTS" not in removed
    assert removed["300 days have passed since the flood"] == "banner"
    text_removed = {r.text: r.reason for r in clean_text(raw, "txt").removals}
    assert text_removed["desk@example.org"] == "contact"
    assert text_removed["Name        Votes        Share"] == "banner"
    assert text_removed["LATEST EVENTS"] == "navigation"
