"""WARC files, streamed: HTML and text records, HTTP bodies decoded, bad records skipped.

FastWARC (Resiliparse, Rust; typed) frames the records: it reads a plain, gzip-, zstd-
or lz4-compressed WARC one record at a time from a file object, so memory is bounded
by one record, never by the file; it is several times faster than warcio, whose pure
Python parsing would dominate a multi-gigabyte crawl. FastWARC is asked for the raw
record block (``parse_http=False``) and the HTTP part is decoded here, record by
record, because its own decoding is not safe to lean on: with ``auto_decode='all'``
a chunked *and* gzip-encoded response silently ends the iteration (the records after
it are lost), and a malformed chunk header or gzip body raises out of the iterator
itself. Decoding here keeps a bad body a problem of its record only:

- ``Transfer-Encoding: chunked`` is undone; a body that says chunked but is not (some
  crawlers store the de-chunked body and keep the header) is taken as it is;
- ``Content-Encoding`` gzip / x-gzip, deflate (zlib or raw) and br (Brotli, which
  FastWARC already depends on) are decoded, never past the per-record limit (a small
  gzip bomb cannot fill memory);
- the record limit applies to each record (``max_record_bytes``), not to the file: a
  response over it is reported, everything else of the file is still read.

Records that are not articles are skipped and counted by reason (``request record``,
``revisit record``, ``HTTP status 404``, ``not HTML or text: image/png`` ...): only
``response`` records with an HTML or plain-text body (2xx), and ``resource`` /
``conversion`` records with such a content type (``warcit`` archives, Common Crawl WET
files), are pages. A broken record (truncated, a Content-Length past the end, garbage
between records, a corrupt gzip member) becomes a ``WarcProblem`` with its offset,
URI and reason, and reading resumes at the next record found after it.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

__all__ = [
    "WarcPage",
    "WarcProblem",
    "WarcSkip",
    "dechunk",
    "decode_body",
    "is_warc_start",
    "iter_warc",
]


@dataclass(frozen=True, slots=True)
class WarcPage:
    """An HTML or text record, its HTTP body decoded."""

    offset: int  # the record's byte offset in the file (of its gzip member when compressed)
    index: int  # the record's place in the file, from 0
    target_uri: str | None
    warc_date: str | None
    body: bytes
    kind: str  # html | text
    charset: str | None  # from the HTTP (or WARC) Content-Type
    content_language: str | None  # the HTTP Content-Language header


@dataclass(frozen=True, slots=True)
class WarcProblem:
    """A record (or stretch of the file) that could not be read."""

    offset: int
    index: int
    target_uri: str | None
    reason: str


@dataclass(frozen=True, slots=True)
class WarcSkip:
    """A record that is not an article: not stored, counted by ``reason``."""

    offset: int
    index: int
    target_uri: str | None
    reason: str


WarcItem = WarcPage | WarcProblem | WarcSkip

_PAGE_TYPES = {"response", "resource", "conversion"}
_HTML_TYPES = {"text/html", "application/xhtml+xml", "application/xml+xhtml"}
_TEXT_TYPES = {"text/plain"}
_HEAD_BYTES = 64 * 1024  # an HTTP header longer than this is not a page's
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
_GZIP_MAGIC = b"\x1f\x8b\x08"
_WARC_LINE = re.compile(rb"WARC/1\.[01]\r?\n")
_SCAN_BLOCK = 1 << 20


def iter_warc(fh: BinaryIO, *, max_record_bytes: int) -> Iterator[WarcItem]:
    """Every record of a WARC file object (seekable, binary), in file order.

    Only one record is in memory at a time, and never more than ``max_record_bytes``
    of it (plus its HTTP header); bodies decoded to at most that many bytes.
    """
    from fastwarc.warc import ArchiveIterator

    start = fh.tell()
    compressed = fh.read(3) == _GZIP_MAGIC
    index = 0
    pos = start
    while True:
        fh.seek(pos)
        last: tuple[int, str | None] | None = None
        resume_after: int | None = None
        try:
            for record in ArchiveIterator(fh, parse_http=False, stream_detect=True):
                offset = record.stream_pos
                item = _record_item(record, offset, index, max_record_bytes)
                index += 1
                yield item
                if isinstance(item, WarcProblem) and item.reason.startswith("truncated"):
                    resume_after = offset  # the next record may hide in the missing bytes
                    break
                last = (offset, item.target_uri)
        except (OSError, ValueError) as exc:  # FastWARC's words for a broken stream
            where = last[0] if last else pos
            after = f" after the record at byte {last[0]} ({last[1] or 'no URI'})" if last else ""
            found = _next_record(fh, where + 1, compressed)
            then = f"; read on from byte {found}" if found is not None else "; nothing after it"
            yield WarcProblem(where, index, None, f"broken WARC data{after}: {exc}{then}")
            index += 1
            if found is None:
                return
            pos = found
            continue
        if resume_after is None:
            return
        found = _next_record(fh, resume_after + 1, compressed)
        if found is None:
            return
        pos = found


def _record_item(record: object, offset: int, index: int, limit: int) -> WarcItem:
    """One record as a page, a skip or a problem (the body read at most once)."""
    from fastwarc.warc import WarcRecord

    assert isinstance(record, WarcRecord)
    headers = record.headers
    uri = headers.get("WARC-Target-URI")
    rtype = (headers.get("WARC-Type") or "unknown").lower()
    if rtype not in _PAGE_TYPES:
        return WarcSkip(offset, index, uri, f"{rtype} record")
    if uri and uri.split("?", 1)[0].endswith("/robots.txt"):
        return WarcSkip(offset, index, uri, "robots.txt")
    length = record.content_length
    reader = record.reader
    head = reader.read(min(length, _HEAD_BYTES))
    if rtype == "response" and head.startswith(b"HTTP/"):
        parsed = _http_head(head)
        if parsed is None:
            if length > len(head):
                return WarcProblem(offset, index, uri, "HTTP header not terminated")
            parsed = (0, {}, len(head))  # the whole block is a header: no body
        status, http, body_at = parsed
    else:  # resource/conversion records, or a response stored without its HTTP header
        status, http, body_at = 200, {}, 0
    if not 200 <= status < 300 and status != 0:
        return WarcSkip(offset, index, uri, f"HTTP status {status}")
    content_type = http.get("content-type") or headers.get("Content-Type") or ""
    if rtype == "response" and not http:
        content_type = ""  # the WARC Content-Type of a response is application/http
    mime = content_type.split(";", 1)[0].split(",", 1)[0].strip().lower()  # a repeated header
    kind = _kind(mime, head[body_at : body_at + 1024])
    if kind is None:
        return WarcSkip(offset, index, uri, f"not HTML or text: {mime or 'unknown type'}")
    body_length = length - body_at
    if body_length > limit:
        return WarcProblem(
            offset, index, uri,
            f"record body is {body_length} bytes, over the {limit}-byte per-record limit "
            "(--max-bytes)",
        )  # fmt: skip
    rest = reader.read(length - len(head)) if length > len(head) else b""
    got = len(head) + len(rest)
    if got < length:
        return WarcProblem(
            offset, index, uri, f"truncated: {got} of {length} bytes (Content-Length)"
        )
    body = (head + rest)[body_at:] if rest else head[body_at:]
    try:
        body = decode_body(
            body, http.get("transfer-encoding", ""), http.get("content-encoding", ""), limit
        )
    except ValueError as exc:
        return WarcProblem(offset, index, uri, str(exc))
    if not body.strip():
        return WarcSkip(offset, index, uri, "empty body")
    charset = _CHARSET.search(content_type)
    return WarcPage(
        offset=offset,
        index=index,
        target_uri=uri,
        warc_date=headers.get("WARC-Date"),
        body=body,
        kind=kind,
        charset=charset.group(1) if charset else None,
        content_language=http.get("content-language"),
    )


def _kind(mime: str, sniff: bytes) -> str | None:
    if mime in _HTML_TYPES:
        return "html"
    if mime in _TEXT_TYPES:
        return "text"
    if mime:
        return None
    head = sniff.lstrip()[:300].lower()  # no type given: look at the body
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head or b"<head" in head:
        return "html"
    if head and b"\x00" not in head:
        return "text"
    return None


def _http_head(block: bytes) -> tuple[int, dict[str, str], int] | None:
    """(status, lower-cased headers, offset of the body) of an HTTP response block, or
    None when the header does not end within ``block``. Bare-LF headers are read too."""
    crlf, lf = block.find(b"\r\n\r\n"), block.find(b"\n\n")
    if crlf < 0 and lf < 0:
        return None
    end, body_at = (crlf, crlf + 4) if crlf >= 0 and (lf < 0 or crlf < lf) else (lf, lf + 2)
    lines = block[:end].decode("latin-1").splitlines()
    try:
        status = int(lines[0].split()[1])
    except (IndexError, ValueError):
        status = 0
    headers: dict[str, str] = {}
    for line in lines[1:]:
        name, sep, value = line.partition(":")
        if sep:
            key = name.strip().lower()
            headers[key] = f"{headers[key]}, {value.strip()}" if key in headers else value.strip()
    return status, headers, body_at


def dechunk(body: bytes) -> bytes | None:
    """The payload of a chunked HTTP body, or None when it is not chunked after all."""
    out: list[bytes] = []
    pos = 0
    while True:
        eol = body.find(b"\n", pos)
        if eol < 0:
            return None if not out else b"".join(out)  # cut short: keep what arrived
        size_text = body[pos:eol].split(b";", 1)[0].strip()
        try:
            size = int(size_text, 16)
        except ValueError:
            return None
        if size == 0:
            return b"".join(out)
        start = eol + 1
        out.append(body[start : start + size])
        if start + size >= len(body):
            return b"".join(out)
        pos = start + size
        while body[pos : pos + 1] in (b"\r", b"\n") and pos < len(body):
            pos += 1


def decode_body(body: bytes, transfer: str, content: str, limit: int) -> bytes:
    """Undo the HTTP transfer and content encodings of a body, to at most ``limit``
    bytes. Raises ValueError (the reason) for a body that cannot be decoded."""
    if "chunked" in transfer.lower():
        payload = dechunk(body)
        if payload is not None:
            body = payload
    for coding in reversed([c.strip().lower() for c in content.split(",") if c.strip()]):
        if coding in ("identity", "none"):
            continue
        if coding in ("gzip", "x-gzip", "deflate"):
            body = _inflate(body, coding, limit)
        elif coding == "br":
            body = _unbrotli(body, limit)
        else:
            raise ValueError(f"body has an unsupported Content-Encoding: {coding}")
    return body


def _inflate(body: bytes, coding: str, limit: int) -> bytes:
    # gzip and zlib headers are recognised by wbits 47; a "deflate" body is often raw
    modes = (47,) if coding != "deflate" else (47, -15)
    error: Exception | None = None
    for wbits in modes:
        inflater = zlib.decompressobj(wbits)
        try:
            out = inflater.decompress(body, limit + 1)
        except zlib.error as exc:
            error = exc
            continue
        if len(out) > limit:
            raise ValueError(f"{coding} body decodes to over the {limit}-byte per-record limit")
        return out
    if body[:1] == b"<":  # labelled gzip but stored decoded (some crawlers do)
        return body
    raise ValueError(f"{coding} body cannot be decoded: {error}")


def _unbrotli(body: bytes, limit: int) -> bytes:
    import brotli

    try:
        out: bytes = brotli.Decompressor().process(body, output_buffer_limit=limit + 1)
    except TypeError:  # brotli < 1.2 has no output limit
        out = brotli.decompress(body)
    except brotli.error as exc:
        if body[:1] == b"<":
            return body
        raise ValueError(f"br body cannot be decoded: {exc}") from exc
    if len(out) > limit:
        raise ValueError(f"br body decodes to over the {limit}-byte per-record limit")
    return out


def is_warc_start(head: bytes) -> bool:
    """True for the first bytes of a WARC file (plain, or a gzip member holding one)."""
    if head.startswith(b"WARC/"):
        return True
    if head.startswith(_GZIP_MAGIC):
        try:
            return zlib.decompressobj(47).decompress(head, 16).startswith(b"WARC/")
        except zlib.error:
            return False
    return False


def _next_record(fh: BinaryIO, start: int, compressed: bool) -> int | None:
    """The offset of the next record start at or after ``start``: a ``WARC/1.x`` line
    at a line start, or (compressed) a gzip member that opens with one."""
    pos = start
    marker = _GZIP_MAGIC if compressed else b"WARC/1."
    while True:
        fh.seek(pos)
        block = fh.read(_SCAN_BLOCK + 64)
        if len(block) < len(marker):
            return None
        at = 0
        while (hit := block.find(marker, at)) >= 0:
            here = pos + hit
            if compressed:
                fh.seek(here)
                if is_warc_start(fh.read(4096)):
                    return here
            elif _WARC_LINE.match(block, hit) and (
                block[hit - 1 : hit] == b"\n" if hit else _prev_is_newline(fh, here)
            ):
                return here
            at = hit + 1
        if len(block) <= _SCAN_BLOCK:
            return None
        pos += _SCAN_BLOCK


def _prev_is_newline(fh: BinaryIO, at: int) -> bool:
    if at == 0:
        return True
    fh.seek(at - 1)
    return fh.read(1) == b"\n"
