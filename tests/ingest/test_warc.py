"""Streaming WARC: HTTP encodings decoded, non-pages counted, broken records skipped.

The WARC files are written here, record by record, so each test says exactly which
bytes it reads: chunked and gzip bodies, deflate (zlib and raw), Brotli, records that
are not pages, a truncated record, garbage between records, a corrupt gzip member.
"""

from __future__ import annotations

import gzip
import io
import zlib
from collections import Counter
from pathlib import Path

import brotli
import pytest

from storyline.ingest import iter_inputs, read_bytes
from storyline.ingest.warc import WarcPage, WarcProblem, WarcSkip, dechunk, decode_body, iter_warc
from storyline.records import Quarantined, RawDocument

ARTICLE = (
    "<!DOCTYPE html><html lang='{lang}'><head><title>{title}</title></head><body>"
    "<nav><a href='/'>Home</a></nav><article><h1>{title}</h1>"
    "<p>{body}</p><p>The talks will resume in Geneva next week, officials said on Tuesday.</p>"
    "</article><footer>Copyright</footer></body></html>"
)


def page(
    title: str, body: str = "The two ministers met in Vienna on Monday.", lang: str = "en"
) -> bytes:
    return ARTICLE.format(title=title, body=body, lang=lang).encode("utf-8")


def http(body: bytes, *headers: tuple[str, str], status: str = "200 OK") -> bytes:
    head = f"HTTP/1.1 {status}\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers)
    return head.encode("latin-1") + b"\r\n" + body


def chunked(body: bytes, size: int = 37) -> bytes:
    parts = [
        f"{len(body[i : i + size]):x}\r\n".encode() + body[i : i + size] + b"\r\n"
        for i in range(0, len(body), size)
    ]
    return b"".join(parts) + b"0\r\n\r\n"


def record(kind: str, uri: str, block: bytes, content_type: str | None = None) -> bytes:
    ctype = content_type or (
        "application/http; msgtype=response" if kind == "response" else "application/octet-stream"
    )
    rid = zlib.crc32((uri + kind).encode())
    head = (
        f"WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n"
        f"WARC-Date: 2024-03-05T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:{rid}>\r\n"
        f"Content-Type: {ctype}\r\nContent-Length: {len(block)}\r\n\r\n"
    )
    return head.encode("utf-8") + block + b"\r\n\r\n"


HTML = ("Content-Type", "text/html; charset=utf-8")


def crawl() -> list[bytes]:
    """A small crawl: four pages in four encodings and eight records that are not pages."""
    return [
        record("warcinfo", "", b"software: test\r\n", "application/warc-fields"),
        record(
            "request",
            "https://news.example/a",
            b"GET /a HTTP/1.1\r\nHost: x\r\n\r\n",
            "application/http; msgtype=request",
        ),
        record("response", "https://news.example/a", http(page("Plain page"), HTML)),
        record(
            "response",
            "https://news.example/b",
            http(
                chunked(gzip.compress(page("Chunked gzip page"))),
                HTML,
                ("Transfer-Encoding", "chunked"),
                ("Content-Encoding", "gzip"),
            ),
        ),
        record(
            "response",
            "https://news.example/c",
            http(zlib.compress(page("Deflate page"))[2:-4], HTML, ("Content-Encoding", "deflate")),
        ),  # raw deflate, as some servers send it
        record(
            "response",
            "https://news.example/d",
            http(brotli.compress(page("Brotli page")), HTML, ("Content-Encoding", "br")),
        ),
        record(
            "response",
            "https://news.example/logo.png",
            http(b"\x89PNG\r\n\x1a\n" + bytes(200), ("Content-Type", "image/png")),
        ),
        record(
            "response",
            "https://news.example/report.pdf",
            http(b"%PDF-1.4 ...", ("Content-Type", "application/pdf")),
        ),
        record("metadata", "https://news.example/a", b"outlinks: x\r\n", "application/warc-fields"),
        record("revisit", "https://news.example/a", http(b"", HTML)),
        record(
            "response",
            "https://news.example/old",
            http(
                b"<html><body>Moved</body></html>", HTML, ("Location", "/new"), status="301 Moved"
            ),
        ),
        record(
            "response",
            "https://news.example/robots.txt",
            http(b"User-agent: *\nDisallow:\n", ("Content-Type", "text/plain")),
        ),
    ]


def _items(data: bytes, limit: int = 1_000_000) -> list[WarcPage | WarcProblem | WarcSkip]:
    return list(iter_warc(io.BytesIO(data), max_record_bytes=limit))


def test_http_encodings_are_decoded_and_non_pages_counted() -> None:
    items = _items(b"".join(crawl()))
    pages = [i for i in items if isinstance(i, WarcPage)]
    assert [p.target_uri for p in pages] == [f"https://news.example/{c}" for c in "abcd"]
    for p, title in zip(pages, ["Plain", "Chunked gzip", "Deflate", "Brotli"], strict=True):
        assert p.body == page(f"{title} page"), title
        assert p.kind == "html" and p.warc_date == "2024-03-05T10:00:00Z"
    skips = Counter(i.reason for i in items if isinstance(i, WarcSkip))
    assert skips == {
        "warcinfo record": 1,
        "request record": 1,
        "metadata record": 1,
        "revisit record": 1,
        "not HTML or text: image/png": 1,
        "not HTML or text: application/pdf": 1,
        "HTTP status 301": 1,
        "robots.txt": 1,
    }
    assert not [i for i in items if isinstance(i, WarcProblem)]


def test_gzipped_per_record_and_whole_file_read_alike() -> None:
    records = crawl()
    members = b"".join(gzip.compress(r, mtime=0) for r in records)
    whole = gzip.compress(b"".join(records), mtime=0)
    plain = [i.body for i in _items(b"".join(records)) if isinstance(i, WarcPage)]
    assert [i.body for i in _items(members) if isinstance(i, WarcPage)] == plain
    assert [i.body for i in _items(whole) if isinstance(i, WarcPage)] == plain
    offsets = [i.offset for i in _items(members)]
    assert offsets == sorted(set(offsets))  # each gzip member its own offset


def test_truncated_record_is_reported_with_offset_and_uri() -> None:
    records = crawl()[:3]
    last = record("response", "https://news.example/cut", http(page("Cut short"), HTML))
    data = b"".join(records) + last[: len(last) // 2]
    items = _items(data)
    (problem,) = [i for i in items if isinstance(i, WarcProblem)]
    assert problem.offset == len(b"".join(records))
    assert problem.target_uri == "https://news.example/cut"
    assert problem.reason.startswith("truncated")
    assert [i.target_uri for i in items if isinstance(i, WarcPage)] == ["https://news.example/a"]


def test_overstated_length_and_garbage_do_not_lose_the_records_after_them() -> None:
    good = record("response", "https://news.example/a", http(page("First"), HTML))
    after = record("response", "https://news.example/z", http(page("After"), HTML))
    bad = record("response", "https://news.example/bad", http(page("Bad"), HTML))
    bad = bad.replace(b"Content-Length: ", b"Content-Length: 99", 1)  # past the next record
    for middle in (bad, b"GARBAGE that is no WARC header\r\n\r\n"):
        items = _items(good + middle + after)
        uris = [i.target_uri for i in items if isinstance(i, WarcPage)]
        assert uris == ["https://news.example/a", "https://news.example/z"]
        (problem,) = [i for i in items if isinstance(i, WarcProblem)]
        assert problem.offset <= len(good)


def test_corrupt_gzip_member_is_skipped_and_reading_goes_on() -> None:
    members = [gzip.compress(r, mtime=0) for r in crawl()[2:6]]
    broken = bytearray(members[1])
    broken[30:60] = bytes(30)
    data = members[0] + bytes(broken) + b"".join(members[2:])
    items = _items(data)
    uris = [i.target_uri for i in items if isinstance(i, WarcPage)]
    assert uris == ["https://news.example/a", "https://news.example/c", "https://news.example/d"]
    assert any(isinstance(i, WarcProblem) for i in items)


def test_bad_body_encoding_is_a_problem_of_its_record_only() -> None:
    bad = record(
        "response",
        "https://news.example/x",
        http(b"not gzip at all", HTML, ("Content-Encoding", "gzip")),
    )
    items = _items(bad + crawl()[2])
    assert isinstance(items[0], WarcProblem) and "gzip" in items[0].reason
    assert items[0].target_uri == "https://news.example/x"
    assert isinstance(items[1], WarcPage)


def test_limits_are_per_record_and_bombs_stop_at_the_limit() -> None:
    big = record("response", "https://news.example/big", http(page("Big", "word " * 5000), HTML))
    bomb = record(
        "response",
        "https://news.example/bomb",
        http(gzip.compress(b"<html>" + b"a" * 200_000), HTML, ("Content-Encoding", "gzip")),
    )
    small = crawl()[2]
    items = _items(big + bomb + small, limit=20_000)
    assert isinstance(items[0], WarcProblem) and "per-record limit" in items[0].reason
    assert isinstance(items[1], WarcProblem) and "decodes to over" in items[1].reason
    assert isinstance(items[2], WarcPage) and items[2].target_uri == "https://news.example/a"


def test_dechunk_and_decode_body() -> None:
    assert dechunk(chunked(b"hello world", 3)) == b"hello world"
    assert dechunk(b"<html>not chunked</html>") is None  # taken as it is
    assert decode_body(b"<html>x</html>", "chunked", "", 100) == b"<html>x</html>"
    assert decode_body(gzip.compress(b"abc"), "", "x-gzip", 100) == b"abc"
    assert decode_body(zlib.compress(b"abc"), "", "deflate", 100) == b"abc"
    with pytest.raises(ValueError, match="unsupported"):
        decode_body(b"abc", "", "compress", 100)


def test_reader_streams_a_warc_larger_than_max_bytes(tmp_path: Path) -> None:
    """--max-bytes limits each record of a WARC, never the file: a crawl of any size is read."""
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(b"".join(gzip.compress(r, mtime=0) for r in crawl() * 3))
    assert path.stat().st_size > 5_000
    skipped: Counter[str] = Counter()
    out = list(iter_inputs([path], max_bytes=5_000, skipped=skipped))
    docs = [d for d in out if isinstance(d, RawDocument)]
    assert len(docs) == 12 and not [q for q in out if isinstance(q, Quarantined)]
    assert {d.format for d in docs} == {"warc"}
    assert docs[1].url == "https://news.example/b" and "Chunked gzip page" in (docs[1].title or "")
    assert docs[0].source.startswith(f"{path}@") and len({d.source for d in docs}) == 12
    assert docs[0].language_declared == "en"
    assert ("2024-03-05", "page-date") in {(h.value, h.source) for h in docs[0].date_hints}
    assert skipped["request record"] == 3 and skipped["not HTML or text: image/png"] == 3


def test_broken_record_quarantined_as_file_at_offset(tmp_path: Path) -> None:
    path = tmp_path / "broken.warc"
    cut = record("response", "https://news.example/cut", http(page("Cut"), HTML))
    head = b"".join(crawl()[:3])
    path.write_bytes(head + cut[:-40])
    out = list(iter_inputs([path]))
    (bad,) = [q for q in out if isinstance(q, Quarantined)]
    assert bad.source == f"{path}@{len(head)}"
    assert "https://news.example/cut" in bad.reason and "truncated" in bad.reason
    assert [d.url for d in out if isinstance(d, RawDocument)] == ["https://news.example/a"]


def test_stdin_warc_and_text_records() -> None:
    text = record(
        "resource",
        "file:///notes.txt",
        b"Officials said the ceasefire held overnight in the capital.",
        "text/plain",
    )
    skipped: Counter[str] = Counter()
    out = list(read_bytes("<stdin>", b"".join(crawl()[:3]) + text, skipped=skipped))
    assert [type(o).__name__ for o in out] == ["RawDocument", "RawDocument"]
    assert out[1].raw_text.startswith("Officials said")  # type: ignore[union-attr]
    assert skipped == {"warcinfo record": 1, "request record": 1}


def test_not_a_warc_at_all(tmp_path: Path) -> None:
    path = tmp_path / "random.warc"
    path.write_bytes(b"this is not a WARC file\n" * 10)
    (out,) = iter_inputs([path])
    assert isinstance(out, Quarantined) and "WARC" in out.reason
