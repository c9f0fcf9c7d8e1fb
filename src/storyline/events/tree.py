"""The dependency tree of a document, as storyline's Token records, with the
actor mentions laid over it: what the event coder walks.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from storyline.records import Actor, Document, Mention, Sentence, Token

__all__ = ["FIRST_PLURAL", "FIRST_SINGULAR", "THIRD_PRONOUNS", "DocTree"]

FIRST_SINGULAR = frozenset({"i", "me", "my", "myself"})
FIRST_PLURAL = frozenset({"we", "us", "our", "ours", "ourselves"})
THIRD_PRONOUNS = frozenset({"it", "its", "they", "their", "them"})
RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom"})
VERBAL_POS = frozenset({"VERB", "AUX"})


@dataclass
class DocTree:
    doc: Document
    tokens: tuple[Token, ...]
    children: list[list[int]]
    mention_at: list[Mention | None]

    @classmethod
    def build(cls, doc: Document) -> DocTree:
        tokens = doc.tokens
        children: list[list[int]] = [[] for _ in tokens]
        for t in tokens:
            if t.head != t.i:
                children[t.head].append(t.i)
        mention_at: list[Mention | None] = [None] * len(tokens)
        starts = [t.start for t in tokens]
        for m in doc.mentions:
            if m.how == "place":
                continue
            i = _first_token_at(starts, m.start)
            while i < len(tokens) and tokens[i].start < m.end:
                if tokens[i].end > m.start:
                    mention_at[i] = m
                i += 1
        return cls(doc, tokens, children, mention_at)

    # ----------------------------------------------------------------- navigation

    def kids(self, i: int, *deps: str) -> list[int]:
        return [c for c in self.children[i] if not deps or self.tokens[c].dep in deps]

    def subtree(self, i: int) -> Iterator[int]:
        stack = [i]
        while stack:
            j = stack.pop()
            yield j
            stack.extend(self.children[j])

    def sentence_of(self, i: int) -> Sentence | None:
        for s in self.doc.sentences:
            if s.token_start <= i < s.token_end:
                return s
        return None

    def lemma(self, i: int) -> str:
        return self.tokens[i].lemma.lower()

    def is_verb(self, i: int) -> bool:
        return self.tokens[i].pos in VERBAL_POS

    def clause_verb(self, i: int) -> int:
        """The nearest verb at or above token ``i`` (itself if it is one)."""
        seen = 0
        while not self.is_verb(i) and self.tokens[i].head != i and seen < 40:
            i = self.tokens[i].head
            seen += 1
        return i

    def subject(self, verb: int) -> int | None:
        """The subject of a verb, climbing through xcomp/conj/relcl/advcl when it has none."""
        found = self._subject(verb)
        if found is not None and self.tokens[found].text.lower() in RELATIVE_PRONOUNS:
            return self._relative_antecedent(found)
        return found

    def _subject(self, verb: int) -> int | None:
        for _ in range(8):
            subj = self.kids(verb, "nsubj", "csubj", "expl")
            if subj:
                return subj[0]
            agent = self.kids(verb, "agent")
            if agent:
                pobj = self.kids(agent[0], "pobj")
                if pobj:
                    return pobj[0]
            tok = self.tokens[verb]
            if tok.dep == "relcl":
                return tok.head
            if tok.dep in ("xcomp", "acl") and tok.head != verb:
                # object control: "invited Putin to visit", "Putin was invited to visit",
                # "South Korea's refusal to supply"
                ctrl = self.kids(tok.head, "dobj", "nsubjpass", "poss")
                if ctrl and ctrl[0] != verb:
                    return ctrl[0]
            if tok.dep in ("xcomp", "conj", "advcl", "ccomp", "acl") and tok.head != verb:
                verb = tok.head
                continue
            return None
        return None

    def _relative_antecedent(self, verb: int) -> int | None:
        i = verb
        for _ in range(6):
            tok = self.tokens[i]
            if tok.dep == "relcl":
                return tok.head
            if tok.head == i:
                return None
            i = tok.head
        return None

    # ----------------------------------------------------------------- actors

    def actors_in(self, heads: list[int], *, exclude: set[int] | None = None) -> list[Actor]:
        """Actors mentioned in the subtrees of ``heads`` (mention order, no repeats)."""
        seen: dict[str, tuple[int, Actor]] = {}
        for h in heads:
            for j in self.subtree(h):
                if exclude and j in exclude:
                    continue
                m = self.mention_at[j]
                if m is not None and m.actor.id not in seen:
                    seen[m.actor.id] = (m.start, m.actor)
        ordered = [a for _, a in sorted(seen.values(), key=lambda p: p[0])]
        return _specific(ordered)

    def subtree_set(self, heads: list[int]) -> set[int]:
        out: set[int] = set()
        for h in heads:
            out.update(self.subtree(h))
        return out


def _specific(actors: list[Actor]) -> list[Actor]:
    """Drop a country when a person or organization of that country stands beside it."""
    specific = {a.country for a in actors if a.kind in ("person", "org") and a.country}
    return [a for a in actors if not (a.kind == "country" and a.country in specific)]


def _first_token_at(starts: list[int], offset: int) -> int:
    import bisect

    return max(0, bisect.bisect_right(starts, offset) - 1)
