"""Bytes to text: BOMs, UTF-8, UTF-16, legacy Cyrillic/Latin code pages.

Scraped corpora mix encodings; a wrong guess silently corrupts names, which
later become actors. So the order is strict: a BOM wins, then strict UTF-8, then
UTF-8 with a few stray bytes replaced (named in the encoding, so it is reported
per file), then charset-normalizer's guess — and a file that looks binary is refused instead of
being decoded into garbage. The decoded text is NFC-normalized once, here, so
every later offset (removals, segments, evidence) points into the same string.
"""

from __future__ import annotations

import codecs
import unicodedata

from charset_normalizer import from_bytes

__all__ = ["DecodeError", "decode_bytes", "looks_binary"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class DecodeError(ValueError):
    """Bytes that are not text in any encoding we accept."""


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text: NUL bytes or many control characters."""
    sample = data[:8192]
    if not sample:
        return False
    if any(sample.startswith(bom) for bom, _ in _BOMS):
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls / len(sample) > 0.05


def decode_bytes(data: bytes) -> tuple[str, str]:
    """(NFC text, encoding name). Raises DecodeError for binary or undecodable bytes."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return _nfc(data.decode(name)), name
            except UnicodeDecodeError as exc:
                raise DecodeError(f"has a {name} byte-order mark but {exc.reason}") from exc
    if looks_binary(data):
        raise DecodeError("looks binary (NUL or control bytes), not text")
    try:
        return _nfc(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    stray = _stray_bytes(data)
    if stray is not None:
        return stray
    best = from_bytes(data, cp_isolation=["cp1251", "latin_1", "cp1252", "koi8_r", "utf_8"]).best()
    if best is None or best.encoding is None:
        raise DecodeError("is not decodable as UTF-8, UTF-16, cp1251 or latin-1")
    text = str(best)
    if _garbage_ratio(text) > 0.1:
        raise DecodeError(f"decodes as {best.encoding} only into unreadable characters")
    return _nfc(text), best.encoding


#: A UTF-8 file may hold this many invalid bytes (per 2,000) and stay UTF-8.
STRAY_PER_2000 = 1


def _stray_bytes(data: bytes) -> tuple[str, str] | None:
    """UTF-8 text with a few invalid bytes (a bad copy, a truncated character) is UTF-8
    with those bytes replaced, and says so in its encoding name, rather than a legacy
    code page that garbles every real character ("Lavrov’s" as "LavrovвЂ™s"). Only when
    valid multi-byte characters show the file is UTF-8."""
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    multibyte = sum(1 for ch in text if ord(ch) > 127 and ch != "\ufffd")
    if bad == 0 or multibyte == 0 or bad > max(3, len(data) * STRAY_PER_2000 // 2000):
        return None
    plural = "s" if bad > 1 else ""
    return _nfc(text), f"utf-8 ({bad} invalid byte{plural} replaced)"


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _garbage_ratio(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(
        1 for ch in text if unicodedata.category(ch) in ("Cc", "Co", "Cn") and ch not in "\t\n\r\f"
    )
    return bad / len(text)
