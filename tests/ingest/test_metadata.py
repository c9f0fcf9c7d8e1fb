"""Titles, outlets, datelines and publication dates: the seeds' gold and the rules."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from storyline.ingest import CleanStage, MetadataStage, harmonize_story_dates, iter_inputs
from storyline.ingest.dates import date_from_url, find_dates, parse_date
from storyline.ingest.metadata import outlet_from_url
from storyline.pipeline import Pipeline, StageStats
from storyline.records import DateCandidate, Document, RawDocument

DATA = Path(__file__).resolve().parents[1] / "data"
SEEDS = sorted((DATA / "seeds").glob("*.txt"))
FIXTURES = DATA / "ingest"


def _documents(paths: list[str]) -> list[Document]:
    raws = [r for r in iter_inputs(paths) if isinstance(r, RawDocument)]
    pipeline = Pipeline([CleanStage(), MetadataStage()])
    return list(pipeline.run(Document.from_raw(r) for r in raws))


@pytest.fixture(scope="module")
def seeds() -> dict[str, Document]:
    docs = _documents([str(p) for p in SEEDS])
    return {d.source.rsplit("/", 1)[-1]: d for d in docs}


def test_every_seed_gets_its_gold_publication_date(
    seeds: dict[str, Document], gold: dict[str, Any]
) -> None:
    story_of = {name: doc["story"] for name, doc in gold["documents"].items()}
    stories: dict[str, list[Document]] = {}
    for name, doc in seeds.items():
        stories.setdefault(story_of[name], []).append(doc)
    final = {
        d.source.rsplit("/", 1)[-1]: d
        for group in stories.values()
        for d in harmonize_story_dates(group)
    }
    for name, expected in gold["documents"].items():
        assert final[name].published == expected["published"], name


def test_sources_of_the_seed_dates(seeds: dict[str, Document]) -> None:
    by_prefix = {name[:3]: doc for name, doc in seeds.items()}
    assert by_prefix["000"].published_source == "header"
    assert by_prefix["002"].published_source == "article-date"
    assert {c.source for c in by_prefix["002"].date_candidates} >= {"article-date", "page-date"}
    assert {c.source for c in by_prefix["003"].date_candidates} >= {"header", "url"}
    # seed 001 alone has only its year-less dateline: right value, weak confidence
    assert by_prefix["001"].published == "2020-09-29"
    assert by_prefix["001"].published_source == "dateline"
    assert by_prefix["001"].published_confidence < 0.6


def test_gold_outlet_dateline_title(seeds: dict[str, Document], gold: dict[str, Any]) -> None:
    for name, expected in gold["documents"].items():
        doc = seeds[name]
        if name.startswith("002"):
            # The embassy's name is on no line of the scrape: no general rule derives it.
            assert doc.outlet is None
        else:
            assert doc.outlet == expected["outlet"], name
        assert doc.dateline == expected.get("dateline"), name
        if "title" in expected:
            assert doc.title == expected["title"], name
        if "url" in expected:
            assert doc.url == expected["url"], name


def test_harmonize_keeps_alternatives_and_strong_dates() -> None:
    strong = Document(id="a", source="a", raw_text="", published="2020-09-29",
                      published_source="header", published_confidence=0.95)  # fmt: skip
    weak_candidate = DateCandidate("2018-09-29", "dateline", 0.3, "September 29")
    weak = Document(id="b", source="b", raw_text="", published="2018-09-29",
                    published_source="dateline", published_confidence=0.3,
                    date_candidates=(weak_candidate,))  # fmt: skip
    out = harmonize_story_dates([weak, strong])
    assert out[1] is strong
    assert out[0].published == "2020-09-29"
    assert out[0].published_source == "story"
    assert out[0].date_candidates[0] == weak_candidate
    assert out[0].date_candidates[-1].source == "story"
    assert harmonize_story_dates([weak]) == [weak]
    moderate = replace(weak, published_confidence=0.8)
    assert harmonize_story_dates([moderate, strong])[0] is moderate


def test_html_json_warc_metadata() -> None:
    docs = _documents(
        [str(FIXTURES / n) for n in ("article.html", "export.jsonl", "crawl.warc.gz")]
    )
    html, warc, json1, json2 = docs  # sorted paths: .html, .warc.gz, .jsonl
    assert [d.format for d in docs] == ["html", "warc", "jsonl", "jsonl"]
    assert html.title == "Ministers agree to reopen border crossing"
    assert html.outlet == "Example Herald"
    assert (html.published, html.published_source) == ("2023-05-14", "html-meta")
    assert json1.outlet == "Reuters"
    assert json1.dateline == "GENEVA"
    assert (json1.published, json1.published_source) == ("2021-06-16", "json")
    assert json2.title is None or json2.title == "Talks postponed"
    assert warc.published == "2023-05-14"
    assert "page-date" in {c.source for c in warc.date_candidates}


def test_date_parser_forms() -> None:
    assert parse_date("2024-01-16T10:00:00Z") == "2024-01-16"
    assert parse_date("25.03.2021") == "2021-03-25"
    assert parse_date("March 25, 2021") == "2021-03-25"
    assert parse_date("12 April 2021") == "2021-04-12"
    assert parse_date("31.02.2021") is None
    (yearless,) = find_dates("MOSCOW, September 29.")
    assert yearless.year is None and yearless.value == "--09-29"
    assert date_from_url("https://x.com/20240116/a-1.html") == ("2024-01-16", "/20240116/")
    assert date_from_url("https://x.com/2024/01/16/a")[0] == "2024-01-16"  # type: ignore[index]
    assert date_from_url("https://x.com/a?date=2024-01-16")[0] == "2024-01-16"  # type: ignore[index]
    assert date_from_url("https://x.com/a/1116196209.html") is None


def test_outlet_from_url_host() -> None:
    assert outlet_from_url("https://sputnikglobe.com/20240116/x.html") == "Sputnik"
    assert outlet_from_url("https://tass.com/politics/1") == "TASS"
    assert outlet_from_url("https://www.bbc.co.uk/news/world") == "BBC"
    assert outlet_from_url("https://www.theguardian.com/world") == "Theguardian"
    assert outlet_from_url("not a url") is None


def test_stage_contract() -> None:
    stats = StageStats()
    assert CleanStage.requires == frozenset({"raw_text"})
    assert MetadataStage.requires == frozenset({"text", "raw_text", "date_hints"})
    doc = Document(id="x", source="x", raw_text="Short text without any date at all here.")
    (out,) = MetadataStage().run(CleanStage().run([doc], stats), stats)
    assert out.published is None and out.published_confidence == 0.0
