"""Discourse context for the coder: who is speaking, who "we" and "it" are,
and which two countries "bilateral" or "our two countries" stand for.

All of it is read off the document's own mentions — nothing is assumed.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from storyline.events.lexicon import SPEECH_VERBS
from storyline.events.tree import DocTree
from storyline.records import Actor, Mention, Sentence

__all__ = ["Context"]

_SPEECH_NOUNS = re.compile(
    r"(?:[’']s)?\s+(?:opening\s+|closing\s+)?(?:remarks|speech|statement|interview|address|"
    r"article|op-ed|answers|comments|briefing|message)\b",
    re.I,
)
_DYAD_WORDS = re.compile(
    r"\b(?:bilateral|(?:our|the)\s+two\s+(?:countries|nations|states|sides)|both\s+"
    r"(?:countries|sides|parties|nations)|our\s+(?:countries|nations|peoples|foreign\s+"
    r"ministries|governments|ministries|presidents))\b",
    re.I,
)


@dataclass
class Context:
    tree: DocTree
    default_speaker: Actor | None
    country_rank: list[str]
    country_actor: dict[str, Actor]

    @classmethod
    def build(cls, tree: DocTree) -> Context:
        counts: Counter[str] = Counter()
        actors: dict[str, Actor] = {}
        for m in tree.doc.mentions:
            c = m.actor.country
            if c and c != "IGO" and m.how != "place":
                counts[c] += 1
                if m.actor.kind == "country" and c not in actors:
                    actors[c] = m.actor
        rank = [c for c, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
        return cls(tree, _title_speaker(tree), rank, actors)

    # ----------------------------------------------------------------- speakers

    def speaker(self, sentence: Sentence) -> Actor | None:
        """The person whose words the sentence reports, if the text says so."""
        own = self._attributed(sentence)
        if own is not None:
            return own
        sents = self.tree.doc.sentences
        idx = sents.index(sentence) if sentence in sents else -1
        if idx >= 0 and _opens_quote(sentence.text):
            for nxt in sents[idx + 1 : idx + 4]:
                found = self._attributed(nxt)
                if found is not None:
                    return found
                if '"' in nxt.text or "”" in nxt.text:
                    break
        if idx > 0 and not self._paragraph_break(sents[idx - 1], sentence):
            # paraphrased speech runs on within a paragraph: "..., the ambassador
            # emphasized. The first bilateral treaty dates back to 1884."
            found = self._attributed(sents[idx - 1])
            if found is not None:
                return found
        return self.default_speaker

    def _paragraph_break(self, before: Sentence, after: Sentence) -> bool:
        return "\n" in self.tree.doc.text[before.end : after.start]

    def _attributed(self, sentence: Sentence) -> Actor | None:
        t = self.tree
        for i in range(sentence.token_start, sentence.token_end):
            if t.lemma(i) in SPEECH_VERBS and t.is_verb(i):
                subj = t.subject(i)
                if subj is None:
                    continue
                actors = t.actors_in([subj])
                people = [a for a in actors if a.kind == "person"]
                if people or actors:
                    return (people or actors)[0]
        return None

    # ----------------------------------------------------------------- references

    def country_of(self, actor: Actor | None) -> Actor | None:
        if actor is None or not actor.country or actor.country == "IGO":
            return None
        return self.country_actor.get(actor.country) or Actor(
            id=actor.country, name=actor.country, country=actor.country, sector="GOV"
        )

    def country_code(self, place: str) -> str | None:
        """The country a place named in this document belongs to (from its mentions)."""
        for m in self.tree.doc.mentions:
            if m.text == place and m.actor.country:
                return m.actor.country
        try:
            from storyline.nlp.actors import resolve_country
        except ImportError:  # pragma: no cover
            return None
        return resolve_country(place)

    def first_person(self, word: str, sentence: Sentence) -> Actor | None:
        speaker = self.speaker(sentence)
        if word in ("i", "me", "my", "myself"):
            return speaker
        # "we" is the speaker's government; while the speaker's country is unknown
        # here, the speaker stands for it (the build fills the country in later
        # from what other articles say of the same person).
        return self.country_of(speaker) or speaker

    def pronoun(self, token_index: int, sentence: Sentence) -> Actor | None:
        """The nearest country or organization mentioned before a third-person pronoun."""
        t = self.tree
        tok = t.tokens[token_index]
        if tok.dep in ("nsubj", "nsubjpass", "poss"):
            # the subject of a subordinate clause is usually the main clause's subject:
            # "South Korea may be removed ... if it revokes the sanctions it imposed"
            verb = t.clause_verb(token_index if tok.dep != "poss" else tok.head)
            main = t.tokens[verb].head
            if t.tokens[verb].dep in ("advcl", "relcl", "ccomp", "conj") and main != verb:
                main_verb = t.clause_verb(main)
                subj = t.subject(main_verb)
                if subj is None:
                    passive = t.kids(main_verb, "nsubjpass")
                    subj = passive[0] if passive else None
                if subj is not None and subj != token_index:
                    found = t.actors_in([subj])
                    if found and found[0].kind in ("country", "org", "igo"):
                        return found[0]
        start = max(0, sentence.token_start - 200)
        plural = tok.text.lower() in ("they", "their", "them")
        for j in range(token_index - 1, start - 1, -1):
            m: Mention | None = t.mention_at[j]
            if m is not None and m.actor.kind in ("country", "org", "igo"):
                if plural:
                    group = self._coordination(j)
                    if len(group) >= 2:
                        return group[0]
                return m.actor
        return None

    def coordinated(self, token_index: int) -> list[Actor]:
        """All actors of the coordination a plural pronoun points back to."""
        t = self.tree
        for j in range(token_index - 1, max(0, token_index - 200) - 1, -1):
            m = t.mention_at[j]
            if m is not None and m.actor.kind in ("country", "org", "igo"):
                return self._coordination(j) or [m.actor]
        return []

    def _coordination(self, j: int) -> list[Actor]:
        """Actors joined by "and" with the mention at token ``j`` ("Finland and Sweden")."""
        t = self.tree
        head = j
        while t.tokens[head].dep == "conj" and t.tokens[head].head != head:
            head = t.tokens[head].head
        while t.tokens[head].dep in ("compound", "amod") and t.tokens[head].head != head:
            head = t.tokens[head].head
        members = [head, *(c for c in t.subtree(head) if t.tokens[c].dep == "conj")]
        if len(members) < 2:
            return []
        return t.actors_in(members)

    def dyad(self, sentence: Sentence) -> tuple[Actor, Actor] | None:
        """The two countries "bilateral"/"our two countries" refer to: two countries
        named in the sentence itself, else the speaker's and the document's other one."""
        if not _DYAD_WORDS.search(sentence.text):
            return None
        named: list[str] = []
        for i in range(sentence.token_start, sentence.token_end):
            m = self.tree.mention_at[i]
            c = m.actor.country if m is not None else None
            if c and c != "IGO" and c not in named:
                named.append(c)
        if len(named) >= 2:
            return self._country(named[0]), self._country(named[1])
        mine = self.country_of(self.speaker(sentence))
        rank = [c for c in self.country_rank if not mine or c != mine.country]
        if mine is not None and rank:
            return mine, self._country(rank[0])
        if len(self.country_rank) >= 2:
            return self._country(self.country_rank[0]), self._country(self.country_rank[1])
        return None

    def recent_other(self, sentence: Sentence, exclude: set[str]) -> Actor | None:
        """The last country mentioned in the sentence or the two before, not in ``exclude``."""
        t = self.tree
        start = max(0, sentence.token_start - 120)
        for j in range(sentence.token_end - 1, start - 1, -1):
            m = t.mention_at[j]
            c = m.actor.country if m is not None else None
            if c and c != "IGO" and c not in exclude:
                return self._country(c)
        return None

    def country_by_code(self, code: str) -> Actor:
        return self._country(code)

    def _country(self, code: str) -> Actor:
        return self.country_actor.get(code) or Actor(id=code, name=code, country=code, sector="GOV")


def _opens_quote(text: str) -> bool:
    s = text.lstrip()
    return s.startswith(('"', "“", "«"))


def _title_speaker(tree: DocTree) -> Actor | None:
    """The person a transcript belongs to: "<Person>'s remarks ..." near the top."""
    doc = tree.doc
    head = doc.text[:600]
    for m in doc.mentions:
        if m.start >= len(head):
            break
        if m.actor.kind == "person" and _SPEECH_NOUNS.match(doc.text, m.end):
            return m.actor
    return None
