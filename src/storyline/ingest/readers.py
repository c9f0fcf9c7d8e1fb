"""Readers: files, directories and stdin to ``RawDocument`` (or ``Quarantined``).

One entry point, ``iter_inputs``, so the CLI and the engine never care what a
corpus looks like: text scrapes with a `` date YYYY-MM-DD [URL]`` header, HTML
pages, JSON/JSONL crawler exports (``ingest.jsonl``), WARC files (``ingest.warc``),
any of them gzipped. Bad input never raises: it becomes a ``Quarantined`` record
that says which file (and line, or WARC record offset) and what was wrong, and the
rest of the corpus is still read.

The byte limit (``max_bytes``, ``--max-bytes``) holds a whole file in memory for
most formats, so it applies to the file; WARC files are streamed a record at a time
and JSONL files over the limit a line at a time, so for them it applies to each
record (line), and the file may be of any size.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import gzip
import io
import logging
import os
import sys
import unicodedata
import zlib
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import BinaryIO

from storyline.ingest.cleaning import parse_header, with_comments
from storyline.ingest.dates import day_problem, parse_date
from storyline.ingest.decode import DecodeError, decode_bytes, looks_binary
from storyline.ingest.html import extract_html
from storyline.ingest.jsonl import FIELDS, iter_jsonl_stream, read_json
from storyline.ingest.language import declared_in_html, normalize_language
from storyline.ingest.warc import WarcPage, WarcProblem, WarcSkip, is_warc_start, iter_warc
from storyline.records import DateCandidate, Quarantined, RawDocument

__all__ = ["FIELDS", "READABLE_SUFFIXES", "iter_inputs", "read_bytes"]

READABLE_SUFFIXES = (".txt", ".text", ".html", ".htm", ".json", ".jsonl", ".ndjson", ".warc")
_STDIN = "<stdin>"
log = logging.getLogger(__name__)


def iter_inputs(
    paths: Sequence[str | Path],
    *,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    field_map: Mapping[str, str] | None = None,
    max_bytes: int = 20_000_000,
    skipped: Counter[str] | None = None,
) -> Iterator[RawDocument | Quarantined]:
    """Every document of the given files, directories (recursive) and ``-`` (stdin).

    Files are read in sorted path order; ``include``/``exclude`` are glob patterns
    matched against the path (and its name). Files given explicitly are always read;
    in directories only known suffixes (``.txt .html .json .jsonl .warc`` and their
    ``.gz``) or ``include`` matches are. ``max_bytes`` limits a file, or each record
    of a WARC file and each line of a JSONL file over it (see the module doc).
    ``skipped`` counts, by reason, the WARC records that are not articles.
    """
    for path in _expand(paths, include, exclude):
        if isinstance(path, Quarantined):  # a directory that cannot be listed
            yield path
            continue
        if isinstance(path, str):
            data = sys.stdin.buffer.read(max_bytes + 1)
            yield from read_bytes(
                _STDIN, data, field_map=field_map, max_bytes=max_bytes, skipped=skipped
            )
            continue
        source = display_path(path)
        try:
            size = path.stat().st_size
            streamed = _streamed(path, size, max_bytes)
        except OSError as exc:
            yield Quarantined(source, f"cannot be read: {exc.strerror or exc}")
            continue
        if streamed == "warc":
            yield from _stream_warc(source, path, max_bytes, skipped)
            continue
        if streamed == "jsonl":
            yield from _stream_jsonl(source, path, field_map or {}, max_bytes)
            continue
        try:
            if size > max_bytes:
                yield Quarantined(source, f"file is {size} bytes, over the {max_bytes}-byte limit")
                continue
            with path.open("rb") as fh:  # pipes and devices report no size: read a bounded
                data = fh.read(max_bytes + 1)  # amount
        except OSError as exc:
            yield Quarantined(source, f"cannot be read: {exc.strerror or exc}")
            continue
        yield from read_bytes(
            source, data, field_map=field_map, max_bytes=max_bytes, skipped=skipped
        )


def _streamed(path: Path, size: int, max_bytes: int) -> str | None:
    """``warc`` for a WARC file (by name or first bytes), ``jsonl`` for a JSONL file
    too large (or compressed: its size unknown) to hold; None for the others."""
    if size == 0 or not path.is_file():
        return None  # empty files are reported, pipes and devices read bounded
    with path.open("rb") as fh:
        head = fh.read(4096)
    if _suffix(path) == ".warc" or is_warc_start(head):
        return "warc"
    if _suffix(path) in (".jsonl", ".ndjson") and (
        size > max_bytes or head.startswith(b"\x1f\x8b")
    ):
        return "jsonl"
    return None


def display_path(path: Path) -> str:
    """A path as text that can be stored and printed: bytes of a file name that are not
    UTF-8 are shown as ``\\xNN`` escapes instead of breaking the store."""
    raw = str(path)
    try:
        raw.encode("utf-8")
    except UnicodeEncodeError:
        return raw.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return raw


def _matches(path: Path, patterns: Sequence[str]) -> bool:
    return any(fnmatch.fnmatch(str(path), p) or fnmatch.fnmatch(path.name, p) for p in patterns)


def _expand(
    paths: Sequence[str | Path], include: Sequence[str], exclude: Sequence[str]
) -> Iterator[Path | str | Quarantined]:
    explicit: list[Path] = []
    unreadable: list[Quarantined] = []
    stdin = False
    for item in paths:
        if str(item) == "-":
            stdin = True
            continue
        path = Path(item)
        if path.is_dir():
            for child in _walk(path, unreadable):
                if child.is_file() and (
                    _matches(child, include) if include else _suffix(child) in READABLE_SUFFIXES
                ):
                    explicit.append(child)
        elif not include or _matches(path, include):
            explicit.append(path)
    yield from sorted(unreadable, key=lambda q: q.source)
    for path in sorted(set(explicit)):
        if not _matches(path, exclude):
            yield path
        else:
            log.debug("left out %s: it matches --exclude", path)
    if stdin:
        yield "-"


def _walk(root: Path, unreadable: list[Quarantined]) -> Iterator[Path]:
    """Every file under ``root``, symbolic links to directories not followed (as
    ``Path.rglob``, which skips a directory it cannot list without a word: here the
    directory and the reason are added to ``unreadable``)."""

    def report(exc: OSError) -> None:
        where = display_path(Path(exc.filename)) if exc.filename else display_path(root)
        unreadable.append(Quarantined(where, f"directory cannot be read: {exc.strerror or exc}"))

    for top, _dirs, files in os.walk(root, onerror=report):
        for name in files:
            yield Path(top, name)


def _suffix(path: Path | str) -> str:
    name = str(path).lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return Path(name).suffix


def read_bytes(
    source: str,
    data: bytes,
    *,
    field_map: Mapping[str, str] | None = None,
    max_bytes: int = 20_000_000,
    skipped: Counter[str] | None = None,
) -> Iterator[RawDocument | Quarantined]:
    """The documents of one file's bytes; the format from its name, else sniffed."""
    if len(data) > max_bytes:
        yield Quarantined(source, f"input is over the {max_bytes}-byte limit")
        return
    if data[:2] == b"\x1f\x8b":
        try:
            data = _gunzip(data, max_bytes)
        except (OSError, EOFError, zlib.error, ValueError) as exc:
            yield Quarantined(source, f"is not a readable gzip file: {exc}")
            return
    if not data.strip():
        yield Quarantined(source, "is empty")
        return
    fmt = _suffix(source) if source != _STDIN else ""
    if data.startswith(b"WARC/") or fmt == ".warc":
        yield from _read_warc(source, io.BytesIO(data), max_bytes, skipped)
        return
    if looks_binary(data):
        yield Quarantined(source, "looks binary (NUL or control bytes), not text")
        return
    try:
        text, encoding = decode_bytes(data)
    except DecodeError as exc:
        yield Quarantined(source, str(exc))
        return
    if not fmt:
        fmt = _sniff(text)
    if fmt in (".json", ".jsonl", ".ndjson"):
        yield from read_json(source, text, encoding, field_map or {})
    elif fmt in (".html", ".htm"):
        yield _declare(_read_html(source, text, encoding), declared_in_html(text))
    else:
        yield _read_txt(source, text, encoding)


def _gunzip(data: bytes, max_bytes: int) -> bytes:
    with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
        out = fh.read(max_bytes + 1)
    if len(out) > max_bytes:
        raise ValueError(f"decompresses to over the {max_bytes}-byte limit")
    return out


def _sniff(text: str) -> str:
    head = text.lstrip()[:500].lower()
    if head.startswith(("{", "[")):
        return ".jsonl" if "\n{" in text.strip() else ".json"
    if head.startswith(("<!doctype html", "<html")) or "<body" in head:
        return ".html"
    return ".txt"


def _read_txt(source: str, text: str, encoding: str) -> RawDocument | Quarantined:
    if not text.strip():
        return Quarantined(source, "has no text (only whitespace)")
    header = parse_header(text)
    hints: tuple[DateCandidate, ...] = ()
    warnings: tuple[str, ...] = ()
    url = None
    if header is not None:
        problem = day_problem(header[0])
        if problem is None:
            hints = (DateCandidate(header[0], "header", 0.95, text[: header[2]].strip()),)
        else:  # "date 2024-13-45": the document is kept, dated from its other signals
            warnings = (
                f"header date {header[0]!r} is not a real day ({problem}); the document "
                "is kept and dated from its text",
            )
            log.warning("%s: %s", source, warnings[0])
        url = header[1]
    return RawDocument(source, text, "txt", encoding, url=url, date_hints=hints,
                       warnings=warnings)  # fmt: skip


def _read_html(
    source: str, html: str, encoding: str, url: str | None = None, fmt: str = "html"
) -> RawDocument | Quarantined:
    page = extract_html(html, url)
    if not page.text.strip():
        return Quarantined(source, "HTML page has no main text")
    hints: tuple[DateCandidate, ...] = ()
    if page.date:
        hints = (DateCandidate(page.date, "html-meta", 0.85, page.date_evidence),)
    # every signal the page's vote weighed, kept with its provenance for the reader;
    # at confidence 0 they are evidence, never chosen over the vote's winner
    hints += tuple(
        dataclasses.replace(c, confidence=0.0, evidence=f"{c.evidence} (page vote {c.confidence})")
        for c in page.date_candidates
    )
    return RawDocument(
        source, with_comments(page.text, page.comments), fmt, encoding, title=page.title,
        url=page.url or url, outlet=page.sitename, date_hints=hints,
    )  # fmt: skip


def _declare(doc: RawDocument | Quarantined, language: str | None) -> RawDocument | Quarantined:
    if isinstance(doc, Quarantined) or not language:
        return doc
    return dataclasses.replace(doc, language_declared=language)


# --------------------------------------------------------------------------- JSONL


def _stream_jsonl(
    source: str, path: Path, field_map: Mapping[str, str], max_bytes: int
) -> Iterator[RawDocument | Quarantined]:
    """A JSONL file read a line at a time (gzipped or not), no line over ``max_bytes``."""
    records = 0
    try:
        with path.open("rb") as raw:
            compressed = raw.read(2) == b"\x1f\x8b"
            raw.seek(0)
            fh: BinaryIO = gzip.GzipFile(fileobj=raw) if compressed else raw  # type: ignore[assignment]
            lines = _bounded_lines(fh, max_bytes)
            for item in iter_jsonl_stream(source, lines, field_map, max_bytes):
                records += 1
                yield item
    except (OSError, EOFError, zlib.error) as exc:
        yield Quarantined(source, f"cannot be read after {records} records: {exc}")


def _bounded_lines(fh: BinaryIO, limit: int) -> Iterator[bytes]:
    """The lines of a binary file, each cut to ``limit + 1`` bytes (the rest of a longer
    line is skipped unread into memory), so a reader can tell it was over the limit."""
    while True:
        line = fh.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while (more := fh.readline(1 << 20)) and not more.endswith(b"\n"):
                pass
        yield line


# --------------------------------------------------------------------------- WARC


def _stream_warc(
    source: str, path: Path, max_bytes: int, skipped: Counter[str] | None
) -> Iterator[RawDocument | Quarantined]:
    try:
        with path.open("rb") as fh:
            yield from _read_warc(source, fh, max_bytes, skipped)
    except OSError as exc:
        yield Quarantined(source, f"cannot be read: {exc.strerror or exc}")


def _read_warc(
    source: str, fh: BinaryIO, max_bytes: int, skipped: Counter[str] | None
) -> Iterator[RawDocument | Quarantined]:
    """The pages of a WARC file object as documents, named ``file@offset`` (``+k`` for
    the k-th further record of one gzip member); records that are not pages counted
    in ``skipped``, broken ones quarantined with their offset, URI and reason."""
    records = 0
    last_offset, repeat = -1, 0
    for item in iter_warc(fh, max_record_bytes=max_bytes):
        records += 1
        repeat = repeat + 1 if item.offset == last_offset else 0
        last_offset = item.offset
        where = f"{source}@{item.offset}" + (f"+{repeat}" if repeat else "")
        if isinstance(item, WarcSkip):
            log.debug("skipped %s: %s", where, item.reason)
            if skipped is not None:
                skipped[item.reason] += 1
        elif isinstance(item, WarcProblem):
            uri = f" ({item.target_uri})" if item.target_uri else ""
            yield Quarantined(where, f"WARC record{uri}: {item.reason}")
        else:
            yield _warc_page(where, item)
    if records == 0:
        yield Quarantined(source, "has no WARC records")


def _warc_page(where: str, page: WarcPage) -> RawDocument | Quarantined:
    text: str | None = None
    encoding = page.charset or ""
    if page.charset:
        try:
            text = unicodedata.normalize("NFC", page.body.decode(page.charset))
        except (LookupError, UnicodeDecodeError):
            text = None  # a wrong or unknown charset label: detect instead
    if text is None:
        try:
            text, encoding = decode_bytes(page.body)
        except DecodeError as exc:
            return Quarantined(where, f"WARC response body is not decodable text: {exc}")
    declared = normalize_language(page.content_language)
    if page.kind == "html":
        doc = _read_html(where, text, encoding, page.target_uri, "warc")
        declared = declared_in_html(text) or declared
    elif not text.strip():
        return Quarantined(where, "WARC text record is empty")
    else:
        doc = RawDocument(where, text, "warc", encoding, url=page.target_uri)
    if isinstance(doc, Quarantined):
        return doc
    hints = doc.date_hints
    if page.warc_date and (crawl := parse_date(page.warc_date)):
        hints = (*hints, DateCandidate(crawl, "page-date", 0.25, f"WARC-Date {page.warc_date}"))
    return dataclasses.replace(doc, date_hints=hints, language_declared=declared)
