"""Crawler exports: news-please records (and similar) read without --field options.

The records are written here (synthetic text: only the format is under test), the
way news-please writes them: one pretty-printed JSON object per article, or JSONL.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

from storyline.ingest import iter_inputs
from storyline.records import Quarantined, RawDocument


def news_please(**over: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "authors": ["Jane Roe", "John Doe"],
        "date_download": "2024-03-02 10:00:00",
        "date_modify": "2024-03-01 18:30:00",
        "date_publish": "2024-02-28 08:15:00",
        "description": "The ministers agreed to meet again in April.",
        "filename": "https%3A%2F%2Fnews.example.org%2Fworld%2Ftalks.json",
        "image_url": "https://news.example.org/img/talks.jpg",
        "language": "en",
        "localpath": None,
        "maintext": "The foreign ministers of both countries met in Vienna on Wednesday. "
        "They agreed to meet again in April, a spokesman said.",
        "source_domain": "news.example.org",
        "text": None,
        "title": "Ministers meet in Vienna",
        "title_page": None,
        "title_rss": None,
        "url": "https://news.example.org/world/talks",
    }
    record.update(over)
    return record


def _docs(path: Path, **kwargs: Any) -> list[RawDocument | Quarantined]:
    return list(iter_inputs([path], **kwargs))


def test_news_please_json_file_per_article(tmp_path: Path) -> None:
    path = tmp_path / "talks.json"
    path.write_text(json.dumps(news_please(), indent=4, sort_keys=True), encoding="utf-8")
    (doc,) = _docs(path)
    assert isinstance(doc, RawDocument), doc
    assert doc.source == str(path) and doc.format == "json"
    assert doc.raw_text.startswith("The foreign ministers")
    assert doc.title == "Ministers meet in Vienna"
    assert doc.url == "https://news.example.org/world/talks"
    assert doc.outlet == "news.example.org"
    assert doc.language_declared == "en"
    hints = {(h.value, h.source, h.confidence) for h in doc.date_hints}
    assert ("2024-02-28", "json", 0.9) in hints  # date_publish: the publication date
    assert ("2024-03-01", "json", 0.5) in hints  # date_modify: weaker
    assert ("2024-03-02", "page-date", 0.25) in hints  # date_download: an upper bound


def test_news_please_jsonl_without_field_options(tmp_path: Path) -> None:
    records = [
        news_please(),
        news_please(date_publish=None, url="https://news.example.org/b", language="de-DE"),
        news_please(maintext=None, url="https://news.example.org/c"),
        news_please(maintext=None, description=None, url="https://news.example.org/d"),
    ]
    path = tmp_path / "export.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    out = _docs(path)
    assert [type(o).__name__ for o in out] == ["RawDocument"] * 3 + ["Quarantined"]
    first, modified_only, teaser, _ = out
    assert isinstance(first, RawDocument) and first.source == f"{path}:1"
    assert isinstance(modified_only, RawDocument)
    assert modified_only.language_declared == "de"
    # no publication date: the modification date stands in, weakly
    assert [(h.value, h.source) for h in modified_only.date_hints if h.source == "json"] == [
        ("2024-03-01", "json")
    ]
    assert isinstance(teaser, RawDocument)  # no main text: the description is the text
    assert teaser.raw_text == "The ministers agreed to meet again in April."


def test_publish_preferred_over_modify_once_cleaned(tmp_path: Path) -> None:
    from storyline.ingest import CleanStage, MetadataStage
    from storyline.pipeline import Pipeline
    from storyline.records import Document

    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps(news_please()) + "\n", encoding="utf-8")
    (raw,) = _docs(path)
    assert isinstance(raw, RawDocument)
    (doc,) = Pipeline([CleanStage(), MetadataStage()]).run([Document.from_raw(raw)])
    assert doc.published == "2024-02-28" and doc.published_source == "json"


def test_other_crawler_fields(tmp_path: Path) -> None:
    """trafilatura's JSON output and a fundus-like export."""
    path = tmp_path / "mixed.jsonl"
    rows = [
        {"title": "A", "text": "Talks resumed on Monday.", "date": "2023-05-14",
         "hostname": "example.com", "source": "https://example.com/a", "language": "en"},
        {"title": "B", "plaintext": "Die Gespräche wurden fortgesetzt.",
         "publishing_date": "2023-05-15T10:00:00+02:00", "language": "German"},
    ]  # fmt: skip
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    a, b = _docs(path)
    assert isinstance(a, RawDocument) and isinstance(b, RawDocument)
    assert a.outlet == "example.com" and a.date_hints[0].value == "2023-05-14"
    assert b.raw_text.startswith("Die Gespräche") and b.language_declared == "de"
    assert b.date_hints[0].value == "2023-05-15"


def test_generic_jsonl_and_field_map_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "custom.jsonl"
    path.write_text(json.dumps({"story_text": "The envoy arrived.", "ts": "2020-01-06"}) + "\n")
    (missing,) = _docs(path)
    assert isinstance(missing, Quarantined) and "--field text=NAME" in missing.reason
    (mapped,) = _docs(path, field_map={"text": "story_text", "date": "ts"})
    assert isinstance(mapped, RawDocument) and mapped.raw_text == "The envoy arrived."
    assert [(h.value, h.source) for h in mapped.date_hints] == [("2020-01-06", "json")]


def test_large_jsonl_is_read_line_by_line(tmp_path: Path) -> None:
    """A JSONL file over --max-bytes is streamed; the limit then holds each line."""
    rows = [news_please(url=f"https://news.example.org/{i}", maintext=f"Story {i}. " * 20)
            for i in range(40)]  # fmt: skip
    rows[7]["maintext"] = "x " * 5000  # this one line is over the limit
    lines = "\n".join(json.dumps(r) for r in rows).encode("utf-8")
    plain = tmp_path / "crawl.jsonl"
    plain.write_bytes(lines)
    packed = tmp_path / "crawl2.jsonl.gz"
    packed.write_bytes(gzip.compress(lines))
    for path in (plain, packed):
        out = _docs(path, max_bytes=5_000)
        bad = [o for o in out if isinstance(o, Quarantined)]
        assert len(bad) == 1 and bad[0].source == f"{path}:8" and "per-record" in bad[0].reason
        docs = [o for o in out if isinstance(o, RawDocument)]
        assert len(docs) == 39 and docs[0].source == f"{path}:1"
        assert docs[-1].url == "https://news.example.org/39"
