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

from storyline.errors import StorylineError

__all__ = ["DecodeError", "decode_bytes", "looks_binary"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class DecodeError(StorylineError, ValueError):
    """Bytes that are not text in any encoding we accept."""

    code = "SL201"


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


def _stray_bytes(data: bytes) -> tuple[str, str] | None:
    """A UTF-8 file with a few bad lines stays UTF-8, line by line: a line that is
    valid UTF-8 is read as such; a bad line without UTF-8 characters is read as
    cp1252 (a line pasted from a legacy file); a bad line with UTF-8 characters keeps
    them and has its stray bytes replaced. The encoding name says what was done
    ("utf-8 (2 lines cp1252, 1 invalid byte replaced)"), so it is reported per file,
    and no valid character is transcoded ("Lavrov’s" never becomes "LavrovвЂ™s").
    Without any valid multi-byte UTF-8 character the file is left to detection."""
    out: list[str] = []
    legacy = replaced = 0
    utf8_seen = False
    for line in data.splitlines(keepends=True):
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            legacy_text = _bad_line(line)
            if legacy_text is None:
                text = line.decode("utf-8", "replace")
                replaced += text.count("\ufffd") - line.count("\ufffd".encode())
                utf8_seen = utf8_seen or _has_utf8(text)
            else:
                text = legacy_text
                legacy += 1
            out.append(text)
            continue
        utf8_seen = utf8_seen or _has_utf8(text)
        out.append(text)
    if not utf8_seen or legacy * 2 > max(1, len(out)):
        return None  # no UTF-8 evidence, or mostly a legacy file: detection decides
    notes = [f"{legacy} line{'s' if legacy > 1 else ''} cp1252"] if legacy else []
    if replaced:
        notes.append(f"{replaced} invalid byte{'s' if replaced > 1 else ''} replaced")
    return _nfc("".join(out)), f"utf-8 ({', '.join(notes)})"


def _has_utf8(text: str) -> bool:
    return any(ord(ch) > 127 and ch != "\ufffd" for ch in text)


def _bad_line(line: bytes) -> str | None:
    """A line that is not UTF-8, as cp1252 when it has no UTF-8 characters at all."""
    if _has_utf8(line.decode("utf-8", "replace")):
        return None  # real UTF-8 characters beside the stray bytes
    try:
        return line.decode("cp1252")
    except UnicodeDecodeError:
        return None


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _garbage_ratio(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(
        1 for ch in text if unicodedata.category(ch) in ("Cc", "Co", "Cn") and ch not in "\t\n\r\f"
    )
    return bad / len(text)
