"""Readers: every format and encoding of the fixtures, and bad input quarantined."""

from __future__ import annotations

import gzip
import io
import sys
from pathlib import Path

import pytest

from storyline.ingest import iter_inputs, read_bytes
from storyline.records import Quarantined, RawDocument

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "ingest"


def _read(*names: str, **kwargs: object) -> list[RawDocument | Quarantined]:
    return list(iter_inputs([str(FIXTURES / n) for n in names], **kwargs))  # type: ignore[arg-type]


def test_directory_is_recursive_sorted_and_complete() -> None:
    out = list(iter_inputs([FIXTURES]))
    sources = [r.source for r in out]
    files = [
        s.split("@")[0].removesuffix(":1").removesuffix(":2").removesuffix(":3") for s in sources
    ]
    assert files == sorted(files)
    assert str(FIXTURES / "broken" / "empty.txt") in files
    assert not any(s.endswith(".py") for s in sources)
    assert sources == [r.source for r in iter_inputs([FIXTURES])]  # deterministic


def test_include_and_exclude_globs() -> None:
    only_txt = list(iter_inputs([FIXTURES], include=["*.txt"], exclude=["*/broken/*"]))
    assert {Path(r.source).name for r in only_txt} == {
        "cp1251.txt", "utf16.txt", "utf8_bom.txt", "latin1.txt"
    }  # fmt: skip


@pytest.mark.parametrize(
    ("name", "encoding", "snippet"),
    [
        ("cp1251.txt", "cp1251", "Министр иностранных дел России"),
        ("utf16.txt", "utf-16", "Zürich, the Swiss foreign minister"),
        ("utf8_bom.txt", "utf-8-sig", "Café talks"),
        ("latin1.txt", None, "São Paulo: the café owners"),
    ],
)
def test_encodings(name: str, encoding: str | None, snippet: str) -> None:
    (doc,) = _read(name)
    assert isinstance(doc, RawDocument)
    assert snippet in doc.raw_text
    assert not doc.raw_text.startswith("\ufeff")
    if encoding:
        assert doc.encoding == encoding


def test_txt_header_becomes_hint_and_url_gz_too() -> None:
    (doc,) = _read("scrape.txt.gz")
    assert isinstance(doc, RawDocument)
    assert doc.format == "txt"
    assert doc.url and doc.url.startswith("https://sputnikglobe.com/20240116/")
    assert [(h.value, h.source) for h in doc.date_hints] == [("2024-01-16", "header")]


def test_jsonl_malformed_line_is_reported_and_others_read() -> None:
    out = _read("export.jsonl")
    assert [type(r).__name__ for r in out] == ["RawDocument", "Quarantined", "RawDocument"]
    bad = out[1]
    assert isinstance(bad, Quarantined)
    assert bad.source.endswith("export.jsonl:2") and "line 2" in bad.reason
    first = out[0]
    assert isinstance(first, RawDocument)
    assert first.title == "Leaders meet in Geneva"
    assert first.url == "https://news.example.org/2021/06/16/geneva-summit"
    assert first.raw_text.startswith("GENEVA, June 16 (Reuters)")


def test_json_list_and_field_map() -> None:
    (plain,) = _read("custom.json")
    assert isinstance(plain, RawDocument) and plain.date_hints == ()
    (mapped,) = _read("custom.json", field_map={"text": "body", "date": "ts", "title": "headline"})
    assert isinstance(mapped, RawDocument)
    assert mapped.raw_text == "The envoy arrived in Seoul on Monday."
    assert [(h.value, h.source) for h in mapped.date_hints] == [("2020-01-06", "json")]
    (missing,) = _read("custom.json", field_map={"text": "nope"})
    assert isinstance(missing, Quarantined) and "nope" in missing.reason


def test_html_main_text_without_navigation_or_related_list() -> None:
    (doc,) = _read("article.html")
    assert isinstance(doc, RawDocument) and doc.format == "html"
    assert "agreed on Sunday to reopen" in doc.raw_text
    for boilerplate in ("Home", "Related articles", "Freight volumes drop", "Copyright"):
        assert boilerplate not in doc.raw_text
    winner, *signals = doc.date_hints
    assert (winner.value, winner.source) == ("2023-05-14", "html-meta")
    # every signal the page's vote weighed stays as evidence, never to be chosen
    assert signals and all(h.confidence == 0.0 and h.source.startswith("html-") for h in signals)
    assert ("2023-05-14", "html-meta-published") in [(h.value, h.source) for h in signals]


def test_warc_reads_html_responses_only() -> None:
    out = _read("crawl.warc.gz")
    assert len(out) == 1
    (doc,) = out
    assert isinstance(doc, RawDocument) and doc.format == "warc"
    assert doc.url == "https://www.exampleherald.com/world/2023/05/14/border-crossing"
    assert "Nickelsdorf" in doc.raw_text


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("broken/empty.txt", "empty"),
        ("broken/binary.txt", "binary"),
        ("broken/bad.json", "invalid JSON"),
        ("no_text.html", "no main text"),
        ("does-not-exist.txt", "cannot be read"),
    ],
)
def test_bad_input_is_quarantined_with_a_reason(name: str, reason: str) -> None:
    (out,) = _read(name)
    assert isinstance(out, Quarantined)
    assert reason in out.reason
    assert out.source.endswith(name)


def test_size_limit_and_bad_gzip_and_undecodable(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("word " * 100, encoding="utf-8")
    (out,) = iter_inputs([big], max_bytes=100)
    assert isinstance(out, Quarantined) and "limit" in out.reason
    bomb = tmp_path / "bomb.txt.gz"
    bomb.write_bytes(gzip.compress(b"a" * 10_000))
    (out,) = iter_inputs([bomb], max_bytes=1000)
    assert isinstance(out, Quarantined) and "limit" in out.reason
    broken = tmp_path / "broken.txt.gz"
    broken.write_bytes(b"\x1f\x8b\x08\x00garbage")
    (out,) = iter_inputs([broken])
    assert isinstance(out, Quarantined) and "gzip" in out.reason
    bad_bom = tmp_path / "bad16.txt"
    bad_bom.write_bytes(b"\xff\xfe" + b"\x00\xd8")  # a lone UTF-16 surrogate
    (out,) = iter_inputs([bad_bom])
    assert isinstance(out, Quarantined) and "utf-16" in out.reason


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    data = b" date 2021-01-02\nThe talks ended on Saturday without agreement.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    (doc,) = iter_inputs(["-"])
    assert isinstance(doc, RawDocument) and doc.source == "<stdin>"
    assert doc.date_hints[0].value == "2021-01-02"


def test_nfc_normalization() -> None:
    (doc,) = read_bytes("x.txt", "Cafe\u0301 talks".encode())
    assert isinstance(doc, RawDocument) and doc.raw_text == "Caf\u00e9 talks"


def test_a_candidate_kept_only_as_evidence_is_never_chosen() -> None:
    from storyline.ingest.metadata import choose
    from storyline.records import DateCandidate

    rejected = DateCandidate("2023-05-01", "html-meta-modified", 0.0, "modified (page vote 1.0)")
    winner = DateCandidate("2023-05-14", "html-meta", 0.85, "published")
    chosen = choose([rejected, winner])
    assert chosen is not None and (chosen.value, chosen.confidence) == ("2023-05-14", 0.85)
    assert choose([rejected]) is None
