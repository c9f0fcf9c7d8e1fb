"""A read-only index over a Document's tokens and entities.

The actor rules look left and right of a span, ask which entity covers a token
and which sentence holds it; this view answers in O(1) or O(log n) so the
rules stay simple loops over records (no spaCy objects cross a stage boundary).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from storyline.records import Document, Entity, Token

__all__ = ["DocView", "EntitySpan"]


@dataclass(frozen=True, slots=True)
class EntitySpan:
    """An entity with its token range [first, last)."""

    entity: Entity
    first: int
    last: int

    @property
    def label(self) -> str:
        return self.entity.label


class DocView:
    """Token/entity/sentence lookups for one document."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        self.tokens: tuple[Token, ...] = doc.tokens
        self._starts = [t.start for t in self.tokens]
        self.entities: list[EntitySpan] = []
        self.entity_at: dict[int, EntitySpan] = {}
        for ent in doc.entities:
            first = bisect_left(self._starts, ent.start)
            last = bisect_left(self._starts, ent.end)
            if first >= last:
                continue
            span = EntitySpan(ent, first, last)
            self.entities.append(span)
            for i in range(first, last):
                self.entity_at[i] = span
        self._sent_starts = [s.token_start for s in doc.sentences]

    def __len__(self) -> int:
        return len(self.tokens)

    def tok(self, i: int) -> Token | None:
        return self.tokens[i] if 0 <= i < len(self.tokens) else None

    def lower(self, i: int) -> str:
        t = self.tok(i)
        return t.text.lower() if t is not None else ""

    def token_index(self, char: int) -> int:
        """The index of the token starting at or covering a character offset."""
        return max(0, bisect_right(self._starts, char) - 1)

    def sentence_bounds(self, i: int) -> tuple[int, int]:
        """Token range [start, end) of the sentence holding token ``i``."""
        if not self._sent_starts:
            return 0, len(self.tokens)
        k = bisect_right(self._sent_starts, i) - 1
        sent = self.doc.sentences[max(k, 0)]
        return sent.token_start, sent.token_end or len(self.tokens)

    def root(self, first: int, last: int) -> int:
        """The token of [first, last) whose head lies outside the range."""
        for i in range(first, last):
            head = self.tokens[i].head
            if head < first or head >= last or head == i:
                return i
        return last - 1

    def span_text(self, first: int, last: int) -> str:
        return self.text[self.tokens[first].start : self.tokens[last - 1].end]

    def glued(self, i: int) -> bool:
        """True when token ``i`` touches the next token (no space between)."""
        nxt = self.tok(i + 1)
        cur = self.tokens[i]
        return nxt is not None and nxt.start == cur.end
