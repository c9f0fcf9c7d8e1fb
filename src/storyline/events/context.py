"""Discourse context for the coder: who is speaking, who "we" and "it" are,
and which two countries "bilateral" or "our two countries" stand for.

All of it is read off the document's own mentions — nothing is assumed.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from storyline.events.lexicon import DOMESTIC_ORGANS, GROUP_WORDS, SPEECH_VERBS, organ_sector
from storyline.events.mentioned import (
    countries_in,
    country_named,
    igos_in,
    own_place,
    place_country,
    sports_report,
    title_speaker,
)
from storyline.events.tree import DocTree, Party, country_in_sector
from storyline.nlp.actors.gazetteer import country_name
from storyline.records import Actor, Mention, Sentence, content_id

__all__ = ["Context"]

_DYAD_WORDS = re.compile(
    r"\b(?:bilateral|(?:our|the)\s+two\s+(?:countries|nations|states|sides|leaders|"
    r"governments|presidents|premiers|(?:prime\s+|foreign\s+)?ministers)|both\s+"
    r"(?:countries|sides|parties|nations)|our\s+(?:countries|nations|peoples|foreign\s+"
    r"ministries|governments|ministries|presidents))\b",
    re.I,
)

#: Organ words that name nobody without their country ("the Chinese side" is China's;
#: "the two sides" alone, judged on real lines, was never right as a party).
_ONLY_WITH_HOME = frozenset({"side"})


@dataclass
class Context:
    tree: DocTree
    default_speaker: Actor | None
    country_rank: list[str]
    country_actor: dict[str, Actor]
    political: bool = False  # the article is about states: it names them three times or more
    sport: bool = False  # a sports report: its countries are teams
    order: dict[int, int] = field(default_factory=dict)  # sentence start -> its index

    @classmethod
    def build(cls, tree: DocTree) -> Context:
        counts: Counter[str] = Counter()
        actors: dict[str, Actor] = {}
        countries = 0
        for m in tree.doc.mentions:
            if m.how == "place" or m.actor.country in (None, "IGO"):
                continue
            countries += 1
            c = country_named(m)  # "told AFP" does not make France the article's
            if c:
                counts[c] += 1
                if m.actor.kind == "country" and c not in actors:
                    actors[c] = m.actor
        rank = [c for c, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
        political = countries >= _POLITICAL_MENTIONS
        order = {s.start: n for n, s in enumerate(tree.doc.sentences)}
        sport = sports_report(tree)
        political = political and not sport
        return cls(tree, title_speaker(tree), rank, actors, political, sport=sport, order=order)

    # ----------------------------------------------------------------- speakers

    def speaker(self, sentence: Sentence) -> Actor | None:
        """The person whose words the sentence reports, if the text says so."""
        own = self._attributed(sentence)
        if own is not None:
            return own
        sents = self.tree.doc.sentences
        idx = self.order.get(sentence.start, -1)
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

    def country_party(self, code: str, at: tuple[int, int] | None = None) -> Party:
        """A country as a party; ``at`` is the span of the words that name it, if any."""
        start, end = at or (0, 0)
        return Party(self._country(code), start, end, self.tree.doc.text[start:end])

    def civilians(self, code: str) -> Party:
        """A country's people as the ones acted on (PLOVER's civilian sector)."""
        base = self._country(code)
        return Party(Actor(base.id, base.name, base.country, "CVL", "country"), 0, 0, "")

    def _token_party(self, j: int, actor: Actor | None) -> Party | None:
        if actor is None:
            return None
        tok = self.tree.tokens[j]
        return Party(actor, tok.start, tok.end, tok.text)

    def first_person(self, word: str, sentence: Sentence, j: int) -> Party | None:
        speaker = self.speaker(sentence)
        if word in ("i", "me", "my", "myself"):
            return self._token_party(j, speaker)
        # "we" is the speaker's government; while the speaker's country is unknown
        # here, the speaker stands for it (the build fills the country in later
        # from what other articles say of the same person).
        return self._token_party(j, self.country_of(speaker) or speaker)

    def organ(self, h: int, sentence: Sentence) -> Party | None:
        """ "the police", "rebels", "the Foreign Ministry" with no country in their
        phrase: the country of the place the sentence names for them ("protesters in
        Santiago", "the police in Cairo"), else a group with no country."""
        t = self.tree
        tok = t.tokens[h]
        sector = organ_sector(tok.text, t.lemma(h))
        if sector is None or tok.ent_type in ("PERSON", "GPE"):
            return None
        if tok.ent_type == "NORP" and sector != "REB":
            return None  # "the Maoists", "Islamists": an armed group the tagger calls NORP
        mods = t.kids(h, "amod", "compound")
        for c in mods:  # "a rebel leader", "opposition lawmakers"
            word = organ_sector(t.tokens[c].text, t.lemma(c))
            if word is None and t.lemma(c) in GROUP_WORDS:
                return None  # "exile leaders", "union officials": a group's, not a state's
            sector = word or sector
        first = min([h, *mods])
        start, end = t.tokens[first].start, tok.end
        words = t.doc.text[start:end]
        # bare plurals ("ministers", "officials") may be anyone's, and the article's
        # dateline is no evidence: wires report on neighbours from abroad
        definite = any(t.tokens[d].text.lower() == "the" for d in t.kids(h, "det"))
        home = None
        if tok.text.lower() in DOMESTIC_ORGANS or t.lemma(h) in DOMESTIC_ORGANS:
            # "a Moscow court", "Istanbul police", "a court in Cairo": an organ of a
            # state's own territory is that state's where its own phrase places it
            home = own_place(t, mods) or place_country(t, sentence, near={h})
        if home is None and definite:
            # "the delegation": the one named before, or placed "in" a country
            home = self._antecedent_country(h, sentence)
            home = home or place_country(t, sentence, near={h, t.clause_verb(h)})
        elif home is None and sector in ("CVL", "OPP"):
            home = place_country(t, sentence)
        if home is None and t.lemma(h) in _ONLY_WITH_HOME:
            return None  # "the two sides agreed": whose sides, the text says elsewhere
        if home is None or sector == "REB":
            name = " ".join(words.lower().split())
            actor = Actor(content_id("group", sector, name), name, None, sector, "group")
        else:
            actor = country_in_sector(self._country(home), sector)
        return Party(actor, start, end, words)

    def _antecedent_country(self, h: int, sentence: Sentence) -> str | None:
        """ "A Singaporean delegation arrived ... The delegation will also visit ...": the
        country named with the same noun in this or the previous sentence."""
        t = self.tree
        lemma = t.lemma(h)
        for j in range(h - 1, self._previous_sentence_start(sentence) - 1, -1):
            if t.lemma(j) != lemma:
                continue
            for c in t.kids(j, "amod", "compound", "poss", "nmod"):
                m = t.mention_at[c]
                if m is not None and m.actor.country and m.actor.country != "IGO":
                    return m.actor.country
        return None

    def pronoun(self, token_index: int, sentence: Sentence) -> Party | None:
        found = self._pronoun(token_index, sentence)
        return self._token_party(token_index, found)

    def _pronoun(self, token_index: int, sentence: Sentence) -> Actor | None:
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
                    if not found and t.mention_at[subj] is None:
                        # "Police said they had arrested": the organ that spoke
                        organ = self.organ(subj, sentence)
                        return organ.actor if organ is not None else None
        start = self._previous_sentence_start(sentence)
        plural = tok.text.lower() in ("they", "their", "them")
        for j in range(token_index - 1, start - 1, -1):
            m: Mention | None = t.mention_at[j]
            if m is not None and m.actor.kind in ("country", "org", "igo") and self._topic(j):
                if plural:
                    group = self._coordination(j)
                    if len(group) >= 2:
                        return group[0]
                return m.actor
        return None

    def _previous_sentence_start(self, sentence: Sentence) -> int:
        idx = self.order.get(sentence.start, 0)
        return self.tree.doc.sentences[max(0, idx - 1)].token_start

    def _topic(self, j: int) -> bool:
        """Is the mention at token ``j`` what its clause is about (a subject, or part of
        one): the likely antecedent of a later "it" or "they"."""
        t = self.tree
        for _ in range(4):
            tok = t.tokens[j]
            if tok.dep in ("nsubj", "nsubjpass", "poss"):
                return True
            if tok.dep not in ("compound", "amod", "conj", "appos", "nmod") or tok.head == j:
                return False
            j = tok.head
        return False

    def coordinated(self, token_index: int, sentence: Sentence) -> list[Party]:
        """All actors of the coordination a plural pronoun in ``sentence`` points back to."""
        t = self.tree
        tok = t.tokens[token_index]
        start = self._previous_sentence_start(sentence)
        for j in range(token_index - 1, max(0, start) - 1, -1):
            m = t.mention_at[j]
            if self._plural_bystander(j):
                return []  # "the JMM leaders claimed that Rao would back their demand"
            # the antecedent is what a clause was about, not a name in passing ("EU
            # leaders welcomed the progress made by Serbia. But they ...": the EU)
            if m is not None and m.actor.kind in ("country", "org", "igo") and self._topic(j):
                actors = self._coordination(j) or [m.actor]
                return [Party(a, tok.start, tok.end, tok.text) for a in actors]
        return []

    def _plural_bystander(self, j: int) -> bool:
        """A plural subject that names no actor ("the JMM leaders"): what a later
        "they" or "their" most likely means, so no actor further back is."""
        t = self.tree
        tok = t.tokens[j]
        if t.mention_at[j] is not None or tok.dep not in ("nsubj", "nsubjpass"):
            return False
        if tok.tag not in ("NNS", "NNPS"):
            return False
        return not any(t.mention_at[c] is not None for c in t.kids(j, "compound", "amod", "nmod"))

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

    def dyad(self, sentence: Sentence) -> tuple[Party, Party] | None:
        """The two countries "bilateral"/"our two countries" refer to (cited at those
        words): two countries named in the sentence itself, else the speaker's and the
        document's other one."""
        found = _DYAD_WORDS.search(sentence.text)
        if not found:
            return None
        pair = self._dyad(sentence)
        if pair is None:
            return None
        at = (sentence.start + found.start(), sentence.start + found.end())
        return (
            self.country_party(pair[0].country or pair[0].id, at),
            self.country_party(pair[1].country or pair[1].id, at),
        )

    def named_pair(self, sentence: Sentence, h: int) -> list[Party]:
        """The two countries "the two sides" or "both countries" (at token ``h``) are:
        exactly two countries named in the sentence, else in the one before it (cited
        at the phrase's head); none when the text names fewer or more."""
        tok = self.tree.tokens[h]
        idx = self.order.get(sentence.start, -1)
        sents = self.tree.doc.sentences
        at = (tok.start, tok.end)
        for sent in (sentence, sents[idx - 1] if idx > 0 else None):
            if sent is None:
                continue
            named = countries_in(self.tree, sent)
            bodies = igos_in(self.tree, sent)  # "China and the EU signed ... Both sides agreed"
            if len(named) + len(bodies) == 2:
                return [self.country_party(c, at) for c in named] + [
                    Party(a, at[0], at[1], tok.text) for a in bodies
                ]
            if named or bodies:
                return []
        return []

    def _dyad(self, sentence: Sentence) -> tuple[Actor, Actor] | None:
        named = countries_in(self.tree, sentence)
        if len(named) >= 2:
            return self._country(named[0]), self._country(named[1])
        mine = self.country_of(self.speaker(sentence))
        rank = [c for c in self.country_rank if not mine or c != mine.country]
        if mine is not None and rank:
            return mine, self._country(rank[0])
        if len(self.country_rank) >= 2:
            return self._country(self.country_rank[0]), self._country(self.country_rank[1])
        return None

    def previous_other(self, sentence: Sentence, exclude: set[str | None]) -> Party | None:
        """The last country named in the sentence before this one, in the same
        paragraph, that is not in ``exclude`` (what "this plan" was about)."""
        sents = self.tree.doc.sentences
        idx = self.order.get(sentence.start, -1)
        if idx <= 0 or self._paragraph_break(sents[idx - 1], sentence):
            return None
        before = sents[idx - 1]
        for j in range(before.token_end - 1, before.token_start - 1, -1):
            m = self.tree.mention_at[j]
            c = m.actor.country if m is not None else None
            if m is not None and c and c != "IGO" and c not in exclude:
                return self.country_party(c, (m.start, m.end))
        return None

    def _country(self, code: str) -> Actor:
        return self.country_actor.get(code) or Actor(
            id=code, name=country_name(code), country=code, sector="GOV"
        )


#: Country mentions that make an article one about states (a named person's statement
#: in it is political; on a rail operator's page it is not).
_POLITICAL_MENTIONS = 3


def _opens_quote(text: str) -> bool:
    s = text.lstrip()
    return s.startswith(('"', "“", "«"))
