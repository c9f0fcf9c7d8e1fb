"""Readable citations on the command line (issue 17 audit): ``timeline --format md|csv``
gives each event's headline and its first article (outlet, headline, date, link) beside
the spans, and ``show`` opens with the headline and heads each evidence sentence with
its article, as the table, the exports and the API do."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.timeline.citations import Source, citation_text


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "80"})
    return result.exit_code, result.stdout


@pytest.mark.slow
def test_timeline_md_and_csv_give_the_headline_and_the_article(seeds_db: Path) -> None:
    code, out = run("timeline", "--db", str(seeds_db), "-f", "json")
    events = json.loads(out)
    assert code == 0 and events
    code, out = run("timeline", "--db", str(seeds_db), "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == len(events)
    assert list(rows[0]) == ["date", "event", "headline", "modality", "source", "target",
                             "summary", "cited", "outlet", "title", "published", "url",
                             "salience", "id"]  # fmt: skip
    for row, e in zip(rows, events, strict=True):
        assert row["id"] == e["id"] and row["headline"] == e["headline"]
        first = e["citation"]
        assert (row["outlet"], row["title"], row["published"], row["url"]) == tuple(
            first[k] or "" for k in ("outlet", "title", "published", "url")
        )
        assert row["cited"].startswith(f"{first['document'][:8]}:{first['start']}-")
    assert any(r["outlet"] for r in rows) and any(r["published"] for r in rows)
    code, md = run("timeline", "--db", str(seeds_db), "-f", "md")
    header = md.splitlines()[0]
    assert code == 0 and "| headline |" in header and "| outlet | title | published |" in header
    assert events[0]["headline"] in md


@pytest.mark.slow
def test_show_opens_with_the_headline_and_names_each_article(seeds_db: Path) -> None:
    _, out = run("timeline", "--db", str(seeds_db), "-f", "json")
    e = max(json.loads(out), key=lambda x: len(x["evidence"]))
    code, text = run("show", e["id"], "--db", str(seeds_db))
    lines = text.splitlines()
    assert code == 0 and lines[0] == e["headline"]
    for ev in e["evidence"]:
        c = ev["citation"]
        source = Source(c["document"], title=c["title"], outlet=c["outlet"],
                        published=c["published"], url=c["url"])  # fmt: skip
        assert citation_text(c["document"], c["start"], c["end"], source) in lines
    code, shown = run("show", e["id"], "--db", str(seeds_db), "-f", "json")
    body = json.loads(shown)
    assert code == 0 and body["citation"] == e["citation"]
    assert [x["citation"] for x in body["evidence"]] == [x["citation"] for x in e["evidence"]]


@pytest.mark.slow
def test_stories_name_each_articles_outlet_and_date(seeds_db: Path) -> None:
    _, out = run("docs", "--db", str(seeds_db), "-f", "json")
    docs = {d["id"]: d for d in json.loads(out)["documents"]}
    code, out = run("stories", "--db", str(seeds_db), "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and rows and {r["document"] for r in rows} == set(docs)
    assert list(rows[0])[4:6] == ["outlet", "published"]
    for r in rows:
        d = docs[r["document"]]
        assert (r["outlet"], r["published"]) == (d["outlet"] or "", d["published"] or "")
    assert any(r["outlet"] for r in rows)
    _, shown = run("stories", "--db", str(seeds_db), "-f", "json")
    assert all("outlet" not in m for s in json.loads(shown) for m in s["members"])  # unchanged


@pytest.mark.slow
def test_search_finds_events_with_their_headlines_and_sources(seeds_db: Path) -> None:
    code, out = run("search", "visit", "--events", "--db", str(seeds_db), "-f", "json")
    hits = json.loads(out)
    assert code == 0 and hits
    _, out = run("timeline", "--db", str(seeds_db), "-f", "json")
    events = {e["id"]: e for e in json.loads(out)}
    for h in hits:  # timeline events, cited, each saying "visit" in its own words
        assert h["headline"] == events[h["id"]]["headline"]
        assert h["citation"] == events[h["id"]]["citation"]
        words = " ".join([h["headline"], *(ev["text"] for ev in h["evidence"])]).lower()
        assert "visit" in words
    assert [h["date"] for h in hits] == sorted(h["date"] for h in hits)
    code, table = run("search", "visit", "--events", "--db", str(seeds_db))
    assert code == 0 and table.split()[:5] == ["date", "event", "headline", "cited", "id"]
    assert all(h["id"][:12] in table for h in hits)
    code, out = run("search", "visit", "--db", str(seeds_db), "-f", "json")
    assert code == 0 and "document" in json.loads(out)[0]  # articles stay the default
    result = CliRunner().invoke(app, ["search", "visit AND (", "--events", "--db", str(seeds_db)])
    assert result.exit_code == 2 and "bad search query" in result.stderr
