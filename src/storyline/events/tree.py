"""The dependency tree of a document, as storyline's Token records, with the
actor mentions laid over it: what the event coder walks.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from storyline.events.lexicon import (
    COUNT_WORDS,
    FRAMES,
    GROUP_WORDS,
    NON_STATE,
    NOT_OWNERS,
    ORGANS,
    ORIGIN_NOUNS,
    PEOPLE,
    PEOPLE_QUANTIFIERS,
    PRIVATE_PEOPLE,
    mended_lemma,
    organ_sector,
)
from storyline.events.parties import Party, country_in_sector, specific_parties
from storyline.records import Actor, Document, Mention, Sentence, Token

__all__ = [
    "FIRST_PLURAL",
    "FIRST_SINGULAR",
    "THIRD_PRONOUNS",
    "DocTree",
    "Party",
    "country_in_sector",
    "prep_objects",
]

FIRST_SINGULAR = frozenset({"i", "me", "my", "myself"})
FIRST_PLURAL = frozenset({"we", "us", "our", "ours", "ourselves"})
THIRD_PRONOUNS = frozenset({"it", "its", "they", "their", "them"})
_HYPHENATED = re.compile(r"[a-z]+(?:-[a-z]+)*")  # "non-governmental" as one word
RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom"})
VERBAL_POS = frozenset({"VERB", "AUX"})


#: Heads that stand for the group their "of" phrase names ("members of Hamas").
_PART_OF = FRAMES.word("part_of_words")
_ATTACK_NOUNS = frozenset(
    {n for n, t in FRAMES.nouns.items() if t.type == "ASSAULT"} | {"blast", "explosion"}
)
_STATE_MEDIA = FRAMES.word("state_media_modifiers")  # "official newspaper": the state's
#: Prepositions through which a gerund tells its governing verb's own act ("limited
#: itself to calling on", "succeeded in persuading", "insisted on withdrawing",
#: "responded by expelling"); not "of" ("accused Israel of killing": the object's act)
_GERUND_PREPS = frozenset({"to", "in", "on", "by"})
#: Verbs whose object noun's infinitive is their subject's own act ("made the decision
#: to ban", "has plans to visit"), unlike "foiled an attempt to kill".
_DECIDING = frozenset({"make", "take", "have", "announce", "reach", "adopt", "express", "give"})
#: Prepositions after a noun that name its owner or counterpart ("the ban on
#: Georgian wine", "prisoners from East Timor", "a terror suspect to France"); not
#: "of", whose object is as often the noun's patient ("the repatriation of Elian").
_OWNER_PREPS = ("from", "on", "to", "against")
#: Dependencies that join parties: "Brazil and Argentina", "Hamas, the Islamist group".
_JOINING = ("conj", "appos")


@dataclass
class DocTree:
    doc: Document
    tokens: tuple[Token, ...]
    children: list[list[int]]
    mention_at: list[Mention | None]
    starts: list[int]  # each token's start offset, for lookups by offset
    lemmas: list[str]  # lower-case, mended (``lexicon.mended_lemma``)

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
        return cls(doc, tokens, children, mention_at, starts, [mended_lemma(t) for t in tokens])

    # ----------------------------------------------------------------- navigation

    def token_at(self, offset: int) -> int | None:
        """The token that starts at ``offset``, if one does."""
        i = _first_token_at(self.starts, offset)
        return i if i < len(self.tokens) and self.tokens[i].start == offset else None

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
        return self.lemmas[i]

    def is_verb(self, i: int) -> bool:
        return self.tokens[i].pos in VERBAL_POS

    def clause_verb(self, i: int) -> int:
        """The nearest verb at or above token ``i`` (itself if it is one)."""
        seen = 0
        while not self.is_verb(i) and self.tokens[i].head != i and seen < 40:
            i = self.tokens[i].head
            seen += 1
        return i

    def stray_conjunct_home(self, i: int) -> int:
        """Where an active verb the parser joined to a passive relative clause belongs.

        "Rice condemned a bombing in which five Israelis were killed and called on
        Palestinians to ...": the parser makes "called" a conjunct of "killed", inside
        the clause that describes the bombing. An active verb with no subject of its own
        cannot share the passive clause's subject (the Israelis did not call), so it is
        the main clause's second verb: its home is the verb that governs the described
        noun. Any other token is its own home."""
        tok = self.tokens[i]
        own_subject = self.kids(i, "nsubj", "nsubjpass", "auxpass")
        if tok.dep != "conj" or tok.tag not in ("VBD", "VBZ", "VBP") or own_subject:
            return i  # a participle ("signed in 1993 and ratified") shares the passive
        head = self.tokens[tok.head]
        if head.dep not in ("relcl", "acl") or not self.kids(head.i, "nsubjpass", "auxpass"):
            return i
        governor = head.head
        for _ in range(4):  # the noun, then up through its prepositions to their verb
            if self.is_verb(governor) and governor != head.head:
                return governor
            up = self.tokens[governor].head
            if up == governor:
                break
            governor = up
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
            misparsed = self._misparsed_subject(verb)
            if misparsed is not None:
                return misparsed
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
            home = self.stray_conjunct_home(verb)
            if home != verb:
                verb = home  # "condemned a bombing in which ... were killed and called on"
                continue
            if tok.dep in ("xcomp", "conj", "advcl", "acl") and tok.head != verb:
                # not a ccomp: "X did Y, the minister said" is no act of the minister's
                verb = tok.head
                continue
            governing = self._gerund_governor(verb)
            if governing is not None:
                # "the EU limited itself to calling on ...", "insisted on withdrawing": the
                # governing verb's subject; a passive's is the one it tells of ("X was
                # involved in negotiating": X negotiated, not whoever involved X)
                passive = self.kids(governing, "nsubjpass")
                if passive:
                    return passive[0]
                verb = governing
                continue
            if (
                tok.dep in ("dobj", "attr")
                and not self.is_verb(verb)
                and tok.head != verb
                and self.lemma(tok.head) in _DECIDING
            ):
                verb = tok.head  # "the EU made the decision to ban": the decision's maker
                continue
            return None
        return None

    def _gerund_governor(self, verb: int) -> int | None:
        """The verb a gerund hangs from through a preposition ("limited itself *to
        calling*", "succeeded *in persuading*"), else None. A gerund after a noun ("his
        role in mediating") or a clause of time ("after meeting Rice, X said") is not
        taken here: its doer is not always the verb's subject."""
        tok = self.tokens[verb]
        if tok.dep != "pcomp" or tok.tag != "VBG" or tok.head == verb:
            return None
        prep = self.tokens[tok.head]
        if prep.dep != "prep" or prep.head == tok.head or prep.text.lower() not in _GERUND_PREPS:
            return None
        return prep.head if self.is_verb(prep.head) else None

    def _misparsed_subject(self, verb: int) -> int | None:
        """A subject the parser took for a modifier: "Turkey imposed ..." (npadvmod),
        "Rice Monday condemned" (a name compounded onto a date), or a headline's
        "Chinese president to visit US" (the noun before "to")."""
        for c in self.kids(verb, "npadvmod"):
            if c < verb:
                for j in [c, *self.kids(c, "compound")]:
                    if self.mention_at[j] is not None:
                        return j
        listed = self._listed_subject(verb)
        if listed is not None:
            return listed
        tok = self.tokens[verb]
        headline = (
            tok.dep == "ROOT"
            or (tok.dep == "acl" and self.tokens[tok.head].pos not in ("NOUN", "PROPN"))
            or self.under_name_root(verb)
        )
        to = [a for a in self.kids(verb, "aux") if self.tokens[a].text.lower() == "to"]
        if headline and to and to[0] > 0 and self.tokens[to[0] - 1].pos in ("NOUN", "PROPN"):
            return to[0] - 1
        return None

    def _listed_subject(self, verb: int) -> int | None:
        """A subject the parser listed into an opening phrase: "During talks in Canberra,
        *Australia and Indonesia* agreed ..." reads "Canberra, Australia and Indonesia"
        as one list, leaving the finite verb with no subject. The conjunct that follows
        the phrase's comma and runs up to the verb is the subject."""
        if self.tokens[verb].tag not in ("VBD", "VBZ", "VBP") or self.kids(verb, "nsubjpass"):
            return None
        for p in self.kids(verb, "prep"):
            if p > verb:
                continue
            for j in self.subtree(p):
                tok = self.tokens[j]
                if tok.dep != "conj" or j == 0 or self.tokens[j - 1].text != ",":
                    continue
                if self.mention_at[j] is None or max(self.subtree(j)) + 1 != verb:
                    continue
                return j
        return None

    def under_name_root(self, verb: int) -> bool:
        """Is the verb the complement of a name the parser took for the sentence's root,
        as in a headline's plan ("EU to grant market economy status to Ukraine")?"""
        tok = self.tokens[verb]
        head = self.tokens[tok.head]
        return tok.dep == "xcomp" and head.dep == "ROOT" and head.pos in ("NOUN", "PROPN")

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
        return specific_parties(ordered, lambda a: a)

    def joined(self, heads: list[int]) -> list[int]:
        """The heads and the heads coordinated or apposed to them, in text order."""
        out: list[int] = []
        stack = list(heads)
        while stack:
            h = stack.pop()
            if h in out:
                continue
            out.append(h)
            stack.extend(c for c in self.kids(h, *_JOINING) if not self._attribution(h, c))
        return sorted(out)

    def _attribution(self, head: int, c: int) -> bool:
        """Is ``c`` a headline's source after a colon ("Rebels were executed: Japanese
        hostages"), not one more party beside ``head``? A title has no final stop."""
        if self.tokens[c].dep != "appos" or not any(
            self.tokens[k].text == ":" for k in range(head + 1, c)
        ):
            return False
        sentence = self.sentence_of(c)
        return sentence is not None and not sentence.stopped

    def party_of(self, m: Mention, sector: str | None = None) -> Party:
        actor = m.actor
        if sector and actor.kind == "country" and actor.sector != sector:
            actor = country_in_sector(actor, sector)
        return Party(actor, m.start, m.end, m.text)

    def parties_at(
        self, heads: list[int], *, nationals: bool = False, owners: bool = True
    ) -> list[Party]:
        """The actors the argument phrases headed by ``heads`` stand for.

        Only the head counts, not whatever its phrase mentions: "visited *a school*
        where the World Bank ..." has no party, "the embassies *of the United States*"
        has one (an organ noun stands for the state its modifiers name), and so does
        "*members of* Hamas" (a part stands for its whole).
        """
        out: list[Party] = []
        described = self._describing(heads)
        for h in self.joined(heads):
            if h in described:
                continue
            if (m := self.mention_at[h]) is not None:
                people = m.how == "demonym" and self._counted(h)
                out.append(self.party_of(m, "CVL" if people else None))
                continue
            for c in self.kids(h, "nmod", "compound"):  # "[Georgia and Western] countries"
                if (mc := self.mention_at[c]) and mc.how != "demonym" and self.kids(c, "cc"):
                    out.append(self.party_of(mc))  # two parties folded into modifiers
            lemma = self.lemma(h)
            sector = organ_sector(self.tokens[h].text, lemma)
            stands = sector is not None or lemma in _PART_OF or lemma in ORIGIN_NOUNS
            if self.tokens[h].pos not in ("NOUN", "PROPN") and not stands:
                continue
            if not stands and not owners:
                continue
            # an organ or part stands for whoever its modifiers name; any other noun
            # points to its owner ("Canada's decision", "the ban on Georgian wine"), but
            # a nationality does not make a group its state ("Cuban exiles")
            if lemma in NOT_OWNERS:
                continue  # "Elian's relatives", "Iran's critics", "US allies": not the owner
            private = lemma in PRIVATE_PEOPLE and not self._organ_modified(h)
            if private and not nationals:
                continue  # "Greece's lawyers", "American investors" (not "government lawyers")
            mods = self.kids(h, "compound", "amod", "poss", "nmod")
            if private:  # "15 British tourists" are Britain's people; "Lazaro's lawyer"
                mods = [c for c in mods if self.tokens[c].dep != "poss"]  # is not Lazaro
            if lemma in _ATTACK_NOUNS:  # "the Jordan bomb attacks": where, not by whom
                mods = [c for c in mods if not self._place_compound(c)]
            preps = ("of", "from") if stands else ("from",) if private else _OWNER_PREPS
            for p in self.kids(h, "prep"):
                if self.lemma(p) in preps:
                    mods += self.kids(p, "pobj")
            if self._non_state(h):
                continue  # "Chinese and Japanese non-governmental groups": not the states
            if sector is None and lemma in GROUP_WORDS and (kind := self._group_sector(mods)):
                sector, stands = kind, True  # "a Burmese dissident group": the opposition
            if self._opposition(h, mods):
                sector, stands = "OPP", True  # "Kenya's opposition party": Kenya's opposition
            elif sector == "JRN" and self._official(h):
                sector = "GOV"  # "one official Chinese newspaper accused": the state's voice
            elif sector is not None and any(self._group_word(c) for c in mods):
                continue  # "exile leaders", "leaders of the Serbian opposition": a group's
            named = self.tokens[h].pos == "PROPN"  # "the Russian-Korean Forum"
            for c in mods:
                for j in [c, *self.kids(c, "compound", "amod", "poss", "conj", "npadvmod")]:
                    mc = self.mention_at[j]
                    if mc is None or any(p.actor.id == mc.actor.id for p in out):
                        continue
                    if stands or named or mc.how != "demonym":
                        out.append(self.party_of(mc, sector))
                    elif nationals:  # "15 British sailors": Britain's people, not its state;
                        # "the Danish motion": Denmark's own
                        civil = lemma in PEOPLE or lemma in PRIVATE_PEOPLE
                        out.append(self.party_of(mc, "CVL" if civil else None))
        unique: dict[str, Party] = {}
        for party in out:
            unique.setdefault(party.actor.id, party)
        return specific_parties(list(unique.values()), lambda party: party.actor)

    def _counted(self, h: int) -> bool:
        """Is the noun counted, as people are ("thousands of Palestinians", "many
        Lebanese", "two Iraqis"), not named as a nation ("the Palestinians rejected")?"""
        for c in self.kids(h, "nummod", "det", "amod"):
            tok = self.tokens[c]
            if tok.dep == "nummod" or tok.text.lower() in PEOPLE_QUANTIFIERS:
                return True
        tok = self.tokens[h]
        if tok.dep != "pobj" or self.lemma(tok.head) != "of":
            return False
        counter = self.tokens[tok.head].head
        return self.lemma(counter) in COUNT_WORDS or self.tokens[counter].tag == "CD"

    def _describing(self, heads: list[int]) -> set[int]:
        """Appositions describing a named person ("Watson, a Canadian citizen")."""
        out: set[int] = set()
        for h in self.joined(heads):
            tok = self.tokens[h]
            owner = self.mention_at[tok.head]
            if tok.dep == "appos" and owner is not None and owner.actor.kind == "person":
                out.update(j for j in self.joined([h]) if self.mention_at[j] is None)
        return out

    def _organ_modified(self, h: int) -> bool:
        """Does an organ word make the head the state's ("government lawyers")?"""
        return any(
            organ_sector(self.tokens[c].text, self.lemma(c)) in ("GOV", "JUD", "MIL")
            for c in self.kids(h, "compound", "amod")
        )

    def _place_compound(self, c: int) -> bool:
        """A country or city named as a bare compound ("Jordan", not "Hamas" attacks)."""
        m = self.mention_at[c]
        return self.tokens[c].dep == "compound" and m is not None and m.actor.kind == "country"

    def _official(self, h: int) -> bool:
        """Is a media noun the state's own ("official newspaper", "state-run media")?"""
        words = {self.tokens[j].text.lower() for j in self.subtree(h) if j < h}
        return bool(words & _STATE_MEDIA)

    def _non_state(self, h: int) -> bool:
        """Does a modifier make the head's people no state's ("non-governmental groups",
        "private companies")? Read from the text: "non-governmental" is three tokens."""
        amods = self.kids(h, "amod")
        if not amods:
            return False
        text = self.doc.text[self.tokens[min(amods)].start : self.tokens[h].start].lower()
        return any(word in NON_STATE for word in _HYPHENATED.findall(text))

    def _opposition(self, h: int, mods: list[int]) -> bool:
        """Is the head a party, group or organ that an "opposition" modifier makes the
        country's opposition ("Kenya's opposition party", "Venezuelan opposition
        leaders"), not its state?"""
        lemma = self.lemma(h)
        if lemma not in GROUP_WORDS and lemma not in ORGANS and lemma not in _PART_OF:
            return False
        return any(
            self.tokens[c].pos == "NOUN" and ORGANS.get(self.lemma(c)) == "OPP" for c in mods
        )

    def _group_sector(self, mods: list[int]) -> str | None:
        """The sector a modifier gives a group noun ("dissident group": OPP, "militant
        group": REB), if it names the opposition or an armed group."""
        for c in mods:
            sector = organ_sector(self.tokens[c].text, self.lemma(c))
            if sector in ("OPP", "REB"):
                return sector
        return None

    def _group_word(self, c: int) -> bool:
        """A noun modifier naming a non-state group: "exile", "union", "student"."""
        tok = self.tokens[c]
        if tok.pos != "NOUN" or self.mention_at[c] is not None or tok.ent_type:
            return False
        return self.lemma(c) in GROUP_WORDS and ORGANS.get(self.lemma(c)) not in ("GOV", "MIL")

    def subtree_set(self, heads: list[int]) -> set[int]:
        out: set[int] = set()
        for h in heads:
            out.update(self.subtree(h))
        return out


def prep_objects(tree: DocTree, i: int, preps: frozenset[str]) -> list[int]:
    """The objects of token ``i``'s prepositions among ``preps`` ("*to* Ukraine")."""
    out = []
    for p in tree.kids(i, "prep", "agent", "dative"):  # "deliver weapons *to* Ukraine"
        if tree.lemma(p) in preps:
            out.extend(tree.kids(p, "pobj", "pcomp"))
    return out


def _first_token_at(starts: list[int], offset: int) -> int:
    return max(0, bisect.bisect_right(starts, offset) - 1)
