"""A minimal WARC reader: HTML ``response`` records out of a (gzipped) WARC file.

``warcio`` would do, but it is one more dependency for forty lines of format:
WARC/1.x records are a header block, a blank line, ``Content-Length`` bytes of
payload and two CRLFs. Per-record gzip members are concatenated gzip streams,
which ``gzip.decompress`` reads as one. Only responses whose HTTP content type
is HTML (or unspecified) are returned; request, metadata and image records are
not articles.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = ["WarcError", "WarcResponse", "iter_warc_responses"]


class WarcError(ValueError):
    """A WARC file whose record structure is broken."""


@dataclass(frozen=True, slots=True)
class WarcResponse:
    offset: int
    target_uri: str | None
    warc_date: str | None
    body: bytes
    charset: str | None


_CHARSET = re.compile(rb"charset=([\w-]+)", re.IGNORECASE)


def _headers(block: bytes) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in block.split(b"\r\n")[1:]:
        name, sep, value = line.partition(b":")
        if sep:
            out[name.strip().decode("latin-1").lower()] = value.strip().decode("latin-1")
    return out


def iter_warc_responses(data: bytes) -> Iterator[WarcResponse]:
    """HTML response records of an uncompressed WARC byte string, in file order."""
    pos = 0
    while pos < len(data):
        while data.startswith(b"\r\n", pos) or data.startswith(b"\n", pos):
            pos += 1 if data[pos : pos + 1] == b"\n" else 2
        if pos >= len(data):
            return
        if not data.startswith(b"WARC/", pos):
            raise WarcError(f"no WARC record header at byte {pos}")
        end = data.find(b"\r\n\r\n", pos)
        if end < 0:
            raise WarcError(f"unterminated WARC header at byte {pos}")
        headers = _headers(data[pos:end])
        try:
            length = int(headers["content-length"])
        except (KeyError, ValueError) as exc:
            raise WarcError(f"WARC record at byte {pos} has no valid Content-Length") from exc
        start = end + 4
        payload = data[start : start + length]
        if len(payload) < length:
            raise WarcError(f"WARC record at byte {pos} is truncated")
        record_offset, pos = pos, start + length
        if headers.get("warc-type") != "response":
            continue
        http_end = payload.find(b"\r\n\r\n")
        http_head, body = (
            (payload[:http_end], payload[http_end + 4 :]) if http_end >= 0 else (b"", payload)
        )
        content_type = next(
            (line for line in http_head.split(b"\r\n") if line.lower().startswith(b"content-type")),
            b"",
        )
        if content_type and b"html" not in content_type.lower():
            continue
        charset = _CHARSET.search(content_type)
        yield WarcResponse(
            offset=record_offset,
            target_uri=headers.get("warc-target-uri"),
            warc_date=headers.get("warc-date"),
            body=body,
            charset=charset.group(1).decode("ascii") if charset else None,
        )
