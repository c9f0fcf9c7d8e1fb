"""Readable citations: outlet, headline, date and link beside the span, in every export."""

from __future__ import annotations

import csv
import io
import json

from storyline.timeline.citations import (
    Source,
    add_citations,
    citation_text,
    registered_domain,
    source_of,
)
from storyline.timeline.export import ExportFormat, export_events

from .helpers import event

D0 = Source(
    "d0", title="Lavrov meets Chung in Seoul", outlet="TASS", published="2021-03-25",
    url="https://tass.com/politics/1",
)  # fmt: skip
SOURCES = {"d0": D0, "d1": Source("d1", outlet="bbc.co.uk", published="2021-03-26")}


def test_registered_domain_offline() -> None:
    assert registered_domain("https://www.bbc.co.uk/news/world-1") == "bbc.co.uk"
    assert registered_domain("http://edition.cnn.com/x") == "cnn.com"
    assert registered_domain("file:///etc/passwd") is None
    assert registered_domain("javascript:alert(1)") is None
    assert registered_domain(None) is None


def test_source_prefers_metadata_and_keeps_only_web_links() -> None:
    row = {"id": "a", "title": " A\nheadline ", "outlet": None, "published": "2024-01-16",
           "url": "https://sputnikglobe.com/20240116/x.html"}  # fmt: skip
    s = source_of(row)
    assert (s.title, s.outlet, s.url) == ("A headline", "sputnikglobe.com", row["url"])
    assert source_of({**row, "outlet": "Sputnik"}).outlet == "Sputnik"
    assert source_of({**row, "url": "javascript:alert(1)"}).url is None
    assert source_of({"id": "b"}).label == "document b"
    assert source_of({"id": "b", "outlet": "TASS", "published": "2020-09-29"}).label == (
        "TASS article of 2020-09-29"
    )


def test_citation_objects_keep_the_machine_reference() -> None:
    e = event("a", docs=("d0", "d1"))
    from storyline.serialize import event_json

    data = add_citations(event_json(e), SOURCES)
    first = data["evidence"][0]
    assert first["document"] == "d0" and first["start"] == 0  # machine fields unchanged
    assert first["citation"]["ref"] == "d0:0-29"
    assert first["citation"]["outlet"] == "TASS"
    assert first["citation"]["url"] == "https://tass.com/politics/1"
    assert data["citation"] == first["citation"]
    assert data["evidence"][1]["citation"]["outlet"] == "bbc.co.uk"
    text = citation_text("d0", 0, 29, SOURCES["d0"])
    assert text == (
        "TASS, “Lavrov meets Chung in Seoul”, 2021-03-25, https://tass.com/politics/1 [d0:0-29]"
    )


def test_every_export_carries_outlet_headline_date_and_link() -> None:
    evs = [event("a", docs=("d0", "d1")), event("b", modality="future")]
    md = export_events(evs, ExportFormat.md, sources=SOURCES)
    assert "TASS, “Lavrov meets Chung in Seoul”, 2021-03-25" in md
    assert "(<https://tass.com/politics/1>)" in md and "[d0:0-29]" in md
    assert "Russia held talks with South Korea" in md  # the headline
    rows = list(csv.DictReader(io.StringIO(export_events(evs, ExportFormat.csv, sources=SOURCES))))
    assert rows[0]["outlet"] == "TASS" and rows[0]["url"] == "https://tass.com/politics/1"
    assert rows[0]["outlets"] == "TASS; bbc.co.uk"
    assert rows[0]["headline"] == "Russia held talks with South Korea"
    assert rows[1]["headline"] == "Russia will hold talks with South Korea"
    data = json.loads(export_events(evs, ExportFormat.json, sources=SOURCES))
    assert data[0]["citation"]["title"] == "Lavrov meets Chung in Seoul"
    tl = json.loads(export_events(evs, ExportFormat.timelinejs, sources=SOURCES))
    first = tl["events"][0]["text"]
    assert first["headline"] == "Russia held talks with South Korea"
    assert '<a href="https://tass.com/politics/1">TASS' in first["text"]


def test_markup_in_titles_is_escaped_in_exports() -> None:
    evil = {"d0": Source("d0", title="<script>x</script> [a](javascript:b)", outlet="T",
                         url='https://e.com/"><script>')}  # fmt: skip
    tl = export_events([event("a")], ExportFormat.timelinejs, sources=evil)
    text = json.loads(tl)["events"][0]["text"]["text"]
    assert "<script>" not in text and "&lt;script&gt;" in text
    md = export_events([event("a")], ExportFormat.md, sources=evil)
    assert "\\[a\\](javascript:b)" in md  # brackets escaped: no link is formed
