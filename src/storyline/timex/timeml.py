"""Read and write TimeML (TempEval-3 style) so the tagger can be scored on gold corpora.

``read_timeml`` takes the ``<TEXT>`` element's content, strips every tag (TIMEX3,
EVENT, SIGNAL, ...) and records each TIMEX3's offsets in the plain text; the anchor is
the DCT's TIMEX3 value (``functionInDocument="CREATION_TIME"``, or the one inside
``<DCT>``). Files without ``<TEXT>`` are read whole, as TimeML fragments.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from storyline.errors import StorylineError
from storyline.records import Timex

__all__ = [
    "TimeMLDoc",
    "TimeMLError",
    "TimeMLEvent",
    "opening_tags",
    "read_timeml",
    "write_timeml",
]


class TimeMLError(StorylineError, ValueError):
    """A TimeML file that cannot be read (says which and why)."""

    code = "SL202"


@dataclass(frozen=True, slots=True)
class TimeMLEvent:
    """An ``<EVENT>`` span of the stripped text, with the tag's attributes."""

    start: int
    end: int
    text: str
    attrs: dict[str, str]


@dataclass(frozen=True, slots=True)
class TimeMLDoc:
    text: str
    anchor: str | None
    timexes: tuple[Timex, ...]
    source: str = "<string>"
    events: tuple[TimeMLEvent, ...] = ()


_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_DCT = re.compile(r"<DCT>(.*?)</DCT>", re.S)
_CREATION = re.compile(r"<TIMEX3\b[^>]*functionInDocument=\"CREATION_TIME\"[^>]*>")
_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)((?:\s+[^>]*?)?)\s*(/?)>", re.S)
_ATTR = re.compile(r"([A-Za-z_:][\w:.-]*)\s*=\s*\"([^\"]*)\"")


def _attrs(s: str) -> dict[str, str]:
    return {k: html.unescape(v) for k, v in _ATTR.findall(s)}


def opening_tags(markup: str) -> Iterator[tuple[str, dict[str, str]]]:
    """(name, attributes) of every opening or empty tag: MAKEINSTANCE, TLINK, TIMEX3 ..."""
    for m in _TAG.finditer(markup):
        closing, name, attrs, _ = m.groups()
        if not closing:
            yield name, _attrs(attrs)


def read_timeml(path_or_str: str | Path) -> TimeMLDoc:
    """Parse a TimeML file (a path) or TimeML markup (a string containing ``<``)."""
    source = "<string>"
    if isinstance(path_or_str, Path) or "<" not in path_or_str:
        path = Path(path_or_str)
        try:
            markup = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise TimeMLError(f"{path}: cannot read TimeML file ({e})") from e
        source = str(path)
    else:
        markup = path_or_str
    anchor = _anchor(markup)
    body_m = _TEXT.search(markup)
    body = body_m.group(1) if body_m else markup
    text_parts: list[str] = []
    timexes: list[Timex] = []
    open_timex: list[tuple[int, dict[str, str]]] = []
    open_events: list[tuple[int, dict[str, str]]] = []
    spans: list[tuple[int, int, dict[str, str]]] = []
    pos = 0
    length = 0
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos : m.start()])
        text_parts.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, name, attrs, selfclosing = m.groups()
        if name == "EVENT" and not selfclosing:
            if not closing:
                open_events.append((length, _attrs(attrs)))
            elif open_events:
                start, a = open_events.pop()
                spans.append((start, length, a))
            continue
        if name != "TIMEX3" or selfclosing:
            continue
        if not closing:
            open_timex.append((length, _attrs(attrs)))
        elif open_timex:
            start, a = open_timex.pop()
            timexes.append(_make(start, length, a, text_parts))
        else:
            raise TimeMLError(f"{source}: </TIMEX3> without an opening tag at {m.start()}")
    if open_timex:
        raise TimeMLError(f"{source}: unclosed <TIMEX3> (tid {open_timex[-1][1].get('tid')})")
    text_parts.append(html.unescape(body[pos:]))
    text = "".join(text_parts)
    timexes.sort(key=lambda t: (t.start, t.end))
    events = tuple(
        TimeMLEvent(s, e, text[s:e], a) for s, e, a in sorted(spans, key=lambda x: x[:2])
    )
    return TimeMLDoc(text, anchor, tuple(timexes), source, events)


def _make(start: int, end: int, a: dict[str, str], parts: list[str]) -> Timex:
    text = "".join(parts)[start:end]
    return Timex(start, end, text, a.get("type", "DATE"), a.get("value", ""), a.get("mod") or None)


def _anchor(markup: str) -> str | None:
    dct = _DCT.search(markup)
    tag = None
    if dct:
        tag = re.search(r"<TIMEX3\b[^>]*>", dct.group(1))
    if tag is None:
        tag = _CREATION.search(markup)
    if tag is None:
        return None
    value = _attrs(tag.group(0)).get("value", "")
    return value[:10] if re.match(r"\d{4}-\d{2}-\d{2}", value) else None


def _esc(s: str) -> str:
    return html.escape(s, quote=False)


def write_timeml(text: str, anchor: str | None, timexes: list[Timex] | tuple[Timex, ...]) -> str:
    """TimeML markup for ``text`` with TIMEX3 tags (t1, t2, ...; DCT is t0)."""
    out = ['<?xml version="1.0" ?>\n<TimeML>\n']
    if anchor:
        out.append(
            f'<DCT><TIMEX3 tid="t0" type="DATE" value="{_esc(anchor)}" temporalFunction="false"'
            f' functionInDocument="CREATION_TIME">{_esc(anchor)}</TIMEX3></DCT>\n'
        )
    out.append("<TEXT>")
    pos = 0
    for n, t in enumerate(sorted(timexes, key=lambda t: t.start), start=1):
        if t.start < pos:
            raise TimeMLError(f"overlapping timexes at {t.start}: TimeML cannot nest them")
        mod = f' mod="{html.escape(t.mod)}"' if t.mod else ""
        out.append(_esc(text[pos : t.start]))
        out.append(
            f'<TIMEX3 tid="t{n}" type="{t.type}" value="{html.escape(t.value)}"{mod}>'
            f"{_esc(text[t.start : t.end])}</TIMEX3>"
        )
        pos = t.end
    out.append(_esc(text[pos:]))
    out.append("</TEXT>\n</TimeML>\n")
    return "".join(out)
