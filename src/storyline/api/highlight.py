"""Cut article text into pieces for highlighting, without ever producing markup.

Templates receive plain-text pieces, each with the set of marks covering it, and
write the tags themselves; Jinja2's autoescape escapes every piece. No string of
article text is ever passed through ``|safe``.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["Piece", "Span", "context_window", "evidence_contexts", "pieces", "raw_with_removals"]


@dataclass(frozen=True, slots=True)
class Span:
    """A marked range of a text: ``kind`` names the CSS class, ``note`` a tooltip."""

    start: int
    end: int
    kind: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of text under the same marks (outermost first)."""

    text: str
    kinds: tuple[str, ...] = ()
    note: str = ""
    start: int = 0

    def has(self, kind: str) -> bool:
        return kind in self.kinds


def pieces(text: str, spans: Iterable[Span], offset: int = 0) -> list[Piece]:
    """Split ``text`` (which starts at ``offset`` of the full text) at every span edge."""
    end_of_text = offset + len(text)
    clipped = [
        Span(max(s.start, offset), min(s.end, end_of_text), s.kind, s.note)
        for s in spans
        if s.end > offset and s.start < end_of_text and s.end > s.start
    ]
    edges = sorted({offset, end_of_text, *(s.start for s in clipped), *(s.end for s in clipped)})
    out: list[Piece] = []
    for a, b in itertools.pairwise(edges):
        covering = [s for s in clipped if s.start <= a and b <= s.end]
        covering.sort(key=lambda s: (s.start, -s.end))
        kinds = tuple(dict.fromkeys(s.kind for s in covering))
        note = "; ".join(s.note for s in covering if s.note)
        out.append(Piece(text[a - offset : b - offset], kinds, note, a))
    return out


def context_window(text: str, start: int, end: int, reach: int = 600) -> tuple[int, int]:
    """The paragraph around ``[start, end)``: from the previous line break to the
    next, but no more than ``reach`` characters either side (cut at a space)."""
    left = text.rfind("\n", 0, start) + 1
    if start - left > reach:
        cut = text.find(" ", start - reach, start)
        left = cut + 1 if cut != -1 else start - reach
    right = text.find("\n", end)
    right = len(text) if right == -1 else right
    if right - end > reach:
        cut = text.rfind(" ", end, end + reach)
        right = cut if cut != -1 else end + reach
    return left, right


def evidence_contexts(event: dict[str, Any], texts: dict[str, str]) -> list[dict[str, Any]]:
    """For each evidence span of an event JSON: the paragraph around it, in pieces
    with the sentence marked ``evidence`` and the trigger marked ``trigger``."""
    trigger = event.get("trigger") or {}
    out = []
    for ev in event.get("evidence", []):
        text = texts.get(ev["document"])
        if text is None:
            out.append({"evidence": ev, "pieces": None, "before": False, "after": False})
            continue
        left, right = context_window(text, ev["start"], ev["end"])
        spans = [Span(ev["start"], ev["end"], "evidence")]
        if trigger.get("document") == ev["document"]:
            spans.append(Span(trigger["start"], trigger["end"], "trigger"))
        else:  # another source's trigger: emphasize the same word inside this sentence
            word = str(trigger.get("text", ""))
            at = text.find(word, ev["start"], ev["end"]) if word else -1
            if at != -1:
                spans.append(Span(at, at + len(word), "trigger"))
        out.append(
            {
                "evidence": ev,
                "pieces": pieces(text[left:right], spans, left),
                "before": left > 0,
                "after": right < len(text),
            }
        )
    return out


def raw_with_removals(raw: str, removals: Sequence[dict[str, Any]]) -> list[Piece]:
    """The raw text with each passage cleaning removed marked ``removed`` (reason as note)."""
    spans = [Span(r["start"], r["end"], "removed", r.get("reason", "")) for r in removals]
    return pieces(raw, spans)
