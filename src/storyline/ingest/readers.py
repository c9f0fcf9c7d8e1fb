"""Readers: files, directories and stdin to ``RawDocument`` (or ``Quarantined``).

One entry point, ``iter_inputs``, so the CLI and the engine never care what a
corpus looks like: text scrapes with a `` date YYYY-MM-DD [URL]`` header, HTML
pages, JSON/JSONL crawler exports, WARC files, any of them gzipped. Bad input
never raises: it becomes a ``Quarantined`` record that says which file (and
line) and what was wrong, and the rest of the corpus is still read.
"""

from __future__ import annotations

import fnmatch
import gzip
import io
import json
import re
import sys
import unicodedata
import zlib
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from storyline.ingest.cleaning import parse_header
from storyline.ingest.dates import parse_date, plausible_day
from storyline.ingest.decode import DecodeError, decode_bytes, looks_binary
from storyline.ingest.html import extract_html
from storyline.ingest.warc import WarcError, iter_warc_responses
from storyline.records import DateCandidate, Quarantined, RawDocument

__all__ = ["FIELDS", "READABLE_SUFFIXES", "iter_inputs", "read_bytes"]

#: Crawler field names recognized in JSON records, in order of preference.
FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "maintext", "content", "body", "article", "raw_text"),
    "title": ("title", "headline"),
    "url": ("url", "link", "source_url", "canonical_url"),
    "date": ("date_publish", "date", "published", "publish_date", "pubdate", "date_published"),
    "outlet": ("outlet", "source_domain", "sitename", "site_name", "publisher", "source"),
}
READABLE_SUFFIXES = (".txt", ".text", ".html", ".htm", ".json", ".jsonl", ".ndjson", ".warc")
_STDIN = "<stdin>"


def iter_inputs(
    paths: Sequence[str | Path],
    *,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    field_map: Mapping[str, str] | None = None,
    max_bytes: int = 20_000_000,
) -> Iterator[RawDocument | Quarantined]:
    """Every document of the given files, directories (recursive) and ``-`` (stdin).

    Files are read in sorted path order; ``include``/``exclude`` are glob patterns
    matched against the path (and its name). Files given explicitly are always read;
    in directories only known suffixes (``.txt .html .json .jsonl .warc`` and their
    ``.gz``) or ``include`` matches are.
    """
    for path in _expand(paths, include, exclude):
        if isinstance(path, str):
            data = sys.stdin.buffer.read(max_bytes + 1)
            yield from read_bytes(_STDIN, data, field_map=field_map, max_bytes=max_bytes)
            continue
        source = display_path(path)
        try:
            size = path.stat().st_size
            if size > max_bytes:
                yield Quarantined(source, f"file is {size} bytes, over the {max_bytes}-byte limit")
                continue
            with path.open("rb") as fh:  # pipes and devices report no size: read a bounded
                data = fh.read(max_bytes + 1)  # amount
        except OSError as exc:
            yield Quarantined(source, f"cannot be read: {exc.strerror or exc}")
            continue
        yield from read_bytes(source, data, field_map=field_map, max_bytes=max_bytes)


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
) -> Iterator[Path | str]:
    explicit: list[Path] = []
    stdin = False
    for item in paths:
        if str(item) == "-":
            stdin = True
            continue
        path = Path(item)
        if path.is_dir():
            for child in path.rglob("*"):
                if child.is_file() and (
                    _matches(child, include) if include else _suffix(child) in READABLE_SUFFIXES
                ):
                    explicit.append(child)
        elif not include or _matches(path, include):
            explicit.append(path)
    for path in sorted(set(explicit)):
        if not _matches(path, exclude):
            yield path
    if stdin:
        yield "-"


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
        yield from _read_warc(source, data)
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
        yield from _read_json(source, text, encoding, field_map or {})
    elif fmt in (".html", ".htm"):
        yield _read_html(source, text, encoding)
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
    url = None
    if header is not None:
        if plausible_day(header[0]):  # "date 2024-13-45" is a header with no usable date
            hints = (DateCandidate(header[0], "header", 0.95, text[: header[2]].strip()),)
        url = header[1]
    return RawDocument(source, text, "txt", encoding, url=url, date_hints=hints)


def _read_html(
    source: str, html: str, encoding: str, url: str | None = None, fmt: str = "html"
) -> RawDocument | Quarantined:
    page = extract_html(html, url)
    if not page.text.strip():
        return Quarantined(source, "HTML page has no main text")
    hints: tuple[DateCandidate, ...] = ()
    if page.date:
        hints = (DateCandidate(page.date, "html-meta", 0.85, page.date_evidence),)
    return RawDocument(
        source, page.text, fmt, encoding, title=page.title, url=page.url or url,
        outlet=page.sitename, date_hints=hints,
    )  # fmt: skip


def _field(record: Mapping[str, Any], key: str, field_map: Mapping[str, str]) -> Any:
    names = (field_map[key],) if key in field_map else FIELDS[key]
    for name in names:
        value = record.get(name)
        if value not in (None, ""):
            return value
    return None


def _record(
    source: str, record: Any, encoding: str, fmt: str, field_map: Mapping[str, str]
) -> RawDocument | Quarantined:
    if not isinstance(record, dict):
        return Quarantined(source, f"JSON record is a {type(record).__name__}, not an object")
    text = _field(record, "text", field_map)
    if not isinstance(text, str) or not text.strip():
        wanted = field_map.get("text") or "/".join(FIELDS["text"])
        return Quarantined(
            source, f"JSON record has no text field ({wanted}); use --field text=NAME"
        )
    hints: tuple[DateCandidate, ...] = ()
    raw_date = _field(record, "date", field_map)
    if raw_date is not None and (value := parse_date(str(raw_date))):
        hints = (DateCandidate(value, "json", 0.9, str(raw_date)),)
    title, url, outlet = (_field(record, k, field_map) for k in ("title", "url", "outlet"))
    return RawDocument(
        source,
        unicodedata.normalize("NFC", text),
        fmt,
        encoding,
        title=str(title) if title else None,
        url=str(url) if url else None,
        outlet=str(outlet) if outlet else None,
        date_hints=hints,
    )


def _read_json(
    source: str, text: str, encoding: str, field_map: Mapping[str, str]
) -> Iterator[RawDocument | Quarantined]:
    stripped = text.strip()
    if stripped.startswith("["):
        try:
            records = _loads(stripped)
        except json.JSONDecodeError as exc:
            yield Quarantined(source, f"invalid JSON at line {exc.lineno}: {exc.msg}")
            return
        except ValueError as exc:
            yield Quarantined(source, f"invalid JSON: {exc}")
            return
        if not isinstance(records, list):
            yield Quarantined(source, "invalid JSON: not a list of records")
            return
        for i, record in enumerate(records):
            yield _record(f"{source}:{i + 1}", record, encoding, "json", field_map)
        return
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = _loads(line)
        except json.JSONDecodeError as exc:
            yield Quarantined(f"{source}:{lineno}", f"malformed JSON on line {lineno}: {exc.msg}")
            continue
        except ValueError as exc:
            yield Quarantined(f"{source}:{lineno}", f"malformed JSON on line {lineno}: {exc}")
            continue
        yield _record(f"{source}:{lineno}", record, encoding, "jsonl", field_map)


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _loads(text: str) -> Any:
    """``json.loads`` that raises ValueError, never RecursionError, for hostile input:
    nesting too deep for the parser, integers too long to convert, lone surrogates."""
    try:
        value = json.loads(text)
    except RecursionError as exc:
        raise ValueError("nested deeper than the JSON parser allows") from exc
    if _SURROGATE_ESCAPE.search(text):  # only a \\uD8xx escape can make one
        _check_strings(value)
    return value


def _check_strings(value: Any) -> None:
    """Refuse text that holds a lone UTF-16 surrogate ("\\ud800"): it cannot be stored."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError as exc:
                raise ValueError(
                    f"text holds a lone surrogate ({item[exc.start]!a}) at character {exc.start}"
                ) from exc
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def _read_warc(source: str, data: bytes) -> Iterator[RawDocument | Quarantined]:
    try:
        for response in iter_warc_responses(data):
            where = f"{source}@{response.offset}"
            try:
                if response.charset:
                    html, encoding = response.body.decode(response.charset), response.charset
                else:
                    html, encoding = decode_bytes(response.body)
            except (DecodeError, LookupError, UnicodeDecodeError) as exc:
                yield Quarantined(where, f"WARC response body is not decodable text: {exc}")
                continue
            doc = _read_html(where, html, encoding, response.target_uri, "warc")
            if isinstance(doc, RawDocument) and response.warc_date:
                crawl = parse_date(response.warc_date)
                if crawl:
                    hint = DateCandidate(
                        crawl, "page-date", 0.25, f"WARC-Date {response.warc_date}"
                    )
                    doc = RawDocument(
                        doc.source, doc.raw_text, doc.format, doc.encoding, doc.title, doc.url,
                        doc.outlet, (*doc.date_hints, hint),
                    )  # fmt: skip
            yield doc
    except WarcError as exc:
        yield Quarantined(source, f"broken WARC file: {exc}")
