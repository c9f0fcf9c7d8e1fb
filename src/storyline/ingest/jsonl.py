"""JSON and JSONL crawler exports: one record, one article.

Field names are recognized without ``--field`` options for the usual crawlers:
news-please (``maintext``, ``title``, ``description``, ``date_publish``,
``date_modify``, ``date_download``, ``language``, ``source_domain``, ``url``),
trafilatura's JSON output (``text``, ``date``, ``hostname``/``sitename``,
``language``), fundus-like exports (``plaintext``, ``publishing_date``) and plain
``text``/``title``/``date``/``url`` records. The publication date is preferred over
the modification date, which only stands in (weakly) when there is no other; the
download date is a weak upper bound, like a WARC's crawl date. A declared
``language`` is kept (``RawDocument.language_declared``).

A file is a JSON list, a single JSON object (news-please writes one pretty-printed
object per article), or JSONL (one object a line); a JSONL file larger than the
byte limit is read line by line instead (``iter_jsonl_stream``), the limit then
applying to each line.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, NamedTuple

from storyline.ingest.dates import parse_date
from storyline.ingest.decode import DecodeError, decode_bytes
from storyline.ingest.language import normalize_language
from storyline.records import DateCandidate, Quarantined, RawDocument

__all__ = ["FIELDS", "iter_jsonl_stream", "read_json", "record_document"]

#: Crawler field names recognized in JSON records, in order of preference.
FIELDS: dict[str, tuple[str, ...]] = {
    "text": (
        "text", "maintext", "content", "body", "article", "raw_text", "plaintext",
        "article_text", "description",
    ),
    "title": ("title", "headline"),
    "url": ("url", "link", "source_url", "canonical_url"),
    "date": (
        "date_publish", "date", "published", "publish_date", "pubdate", "date_published",
        "publishing_date", "published_at", "datePublished",
    ),
    "outlet": (
        "outlet", "source_domain", "sitename", "site_name", "publisher", "hostname", "source",
    ),
    "language": ("language", "lang", "inLanguage", "language_code"),
    "modified": ("date_modify", "date_modified", "dateModified", "modified"),
    "downloaded": ("date_download", "date_crawled", "crawl_date", "fetched_at"),
}  # fmt: skip
#: Confidence of a modification date standing in for the publication date, and of a
#: download date (an upper bound: the article existed by then).
MODIFIED_CONFIDENCE = 0.5
DOWNLOADED_CONFIDENCE = 0.25


def _found(record: Mapping[str, Any], key: str, field_map: Mapping[str, str]) -> tuple[str, Any]:
    """(the record's field that holds ``key``, its value), or (``key``, None)."""
    names = (field_map[key],) if key in field_map else FIELDS[key]
    for name in names:
        value = record.get(name)
        if value not in (None, "") and not (isinstance(value, str) and not value.strip()):
            return name, value
    return key, None


def _field(record: Mapping[str, Any], key: str, field_map: Mapping[str, str]) -> Any:
    return _found(record, key, field_map)[1]


def record_document(
    source: str, record: Any, encoding: str, fmt: str, field_map: Mapping[str, str]
) -> RawDocument | Quarantined:
    """One crawler record as a document (or the reason it is not one)."""
    if not isinstance(record, dict):
        return Quarantined(source, f"JSON record is a {type(record).__name__}, not an object")
    text = _field(record, "text", field_map)
    if not isinstance(text, str) or not text.strip():
        wanted = field_map.get("text") or "/".join(FIELDS["text"])
        return Quarantined(
            source, f"JSON record has no text field ({wanted}); use --field text=NAME"
        )
    hints: list[DateCandidate] = []
    raw_date = _field(record, "date", field_map)
    if raw_date is not None and (value := parse_date(str(raw_date))):
        hints.append(DateCandidate(value, "json", 0.9, str(raw_date)))
    for key, confidence, source_name in (
        ("modified", MODIFIED_CONFIDENCE, "json"),
        ("downloaded", DOWNLOADED_CONFIDENCE, "page-date"),
    ):
        name, raw = _found(record, key, field_map)
        if raw is not None and (value := parse_date(str(raw))):
            evidence = f"{name} {raw}"
            hints.append(DateCandidate(value, source_name, confidence, evidence))
    title, url, outlet = (_field(record, k, field_map) for k in ("title", "url", "outlet"))
    return RawDocument(
        source,
        unicodedata.normalize("NFC", text),
        fmt,
        encoding,
        title=str(title) if title else None,
        url=str(url) if url else None,
        outlet=str(outlet) if outlet else None,
        date_hints=tuple(hints),
        language_declared=normalize_language(_field(record, "language", field_map)),
    )


def read_json(
    source: str, text: str, encoding: str, field_map: Mapping[str, str]
) -> Iterator[RawDocument | Quarantined]:
    """The records of a decoded JSON or JSONL file."""
    stripped = text.strip()
    if stripped.startswith("["):
        records, problem = _parse(stripped)
        if problem is not None:
            where = "" if problem.line is None else f" at line {problem.line}"
            yield Quarantined(source, f"invalid JSON{where}: {problem.message}")
            return
        if not isinstance(records, list):
            yield Quarantined(source, "invalid JSON: not a list of records")
            return
        for i, record in enumerate(records):
            yield record_document(f"{source}:{i + 1}", record, encoding, "json", field_map)
        return
    if stripped.startswith("{") and "\n" in stripped and not _first_line_is_json(stripped):
        # one pretty-printed object (news-please writes a file per article); if it is not
        # one object either, the file is read line by line, reporting the bad lines
        record, problem = _parse(stripped)
        if problem is None:
            yield record_document(source, record, encoding, "json", field_map)
            return
    yield from _json_lines(source, enumerate(text.splitlines(), start=1), encoding, field_map)


def _first_line_is_json(text: str) -> bool:
    first = text.split("\n", 1)[0].strip()
    if not first.endswith("}"):
        return False
    try:
        json.loads(first)
    except (ValueError, RecursionError):
        return False
    return True


def _json_lines(
    source: str, lines: Iterable[tuple[int, str]], encoding: str, field_map: Mapping[str, str]
) -> Iterator[RawDocument | Quarantined]:
    for lineno, line in lines:
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        record, problem = _parse(line)
        if problem is not None:
            yield Quarantined(where, f"malformed JSON on line {lineno}: {problem.message}")
            continue
        yield record_document(where, record, encoding, "jsonl", field_map)


def iter_jsonl_stream(
    source: str,
    lines: Iterable[bytes],
    field_map: Mapping[str, str],
    max_line_bytes: int,
) -> Iterator[RawDocument | Quarantined]:
    """JSONL read one line at a time (a file over the byte limit): each line decoded on
    its own (UTF-8, else detected) and held to ``max_line_bytes``."""
    for lineno, raw in enumerate(lines, start=1):
        if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        if not raw.strip():
            continue
        where = f"{source}:{lineno}"
        if len(raw) > max_line_bytes:
            yield Quarantined(
                where, f"line {lineno} is over the {max_line_bytes}-byte per-record limit"
            )
            continue
        try:
            line, encoding = raw.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            try:
                line, encoding = decode_bytes(raw)
            except DecodeError as exc:
                yield Quarantined(where, f"line {lineno} {exc}")
                continue
        yield from _json_lines(source, [(lineno, line)], encoding, field_map)


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


class _Problem(NamedTuple):
    """Why a text is not JSON: the parser's message, and the line of the text a syntax
    error is on (None for hostile input ``loads`` refuses: nesting, long integers,
    lone surrogates)."""

    message: str
    line: int | None


def _parse(text: str) -> tuple[Any, _Problem | None]:
    """(the JSON value of ``text``, None), or (None, why it is not JSON): the one decoding
    of a JSON file, a pretty-printed object and a JSONL line, each reader wording the
    reason for its user."""
    try:
        return loads(text), None
    except json.JSONDecodeError as exc:
        return None, _Problem(exc.msg, exc.lineno)
    except ValueError as exc:
        return None, _Problem(str(exc), None)


def loads(text: str) -> Any:
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
