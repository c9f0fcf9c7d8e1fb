"""Is a trigger used in its political sense? The ``[[sense]]`` checks of the frames.

A sense constrains the words around a trigger: what its object must or must not be
("released *a list*" is no release of people, "*after-sales* support" no political
support), what its complement must not be ("declined *to comment*" is meta-talk, not
a refusal), and what a question is ("asked *whether* ..." is no request).
"""

from __future__ import annotations

from storyline.events.frames import Sense
from storyline.events.lexicon import (
    CLAIM_NOUNS,
    CONJECTURE_NOUNS,
    CONSEQUENCE_NOUNS,
    CONSEQUENCE_VERBS,
    HOSTILE_TYPES,
    LIGHT_VERBS,
    NOUN_TRIGGERS,
    ORGANS,
    PEOPLE,
    PLACES,
    VERB_TRIGGERS,
    organ_sector,
)
from storyline.events.tree import DocTree, prep_objects
from storyline.vocab import PloverType

__all__ = ["claimed", "in_sense", "is_armed", "is_party_word", "pair_subject"]

_QUESTION_WORDS = frozenset(
    {"whether", "if", "what", "why", "how", "when", "where", "who", "which"}
)
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "NORP"})
_PRONOUNS = frozenset({"him", "her", "them", "it", "us", "me", "he", "she", "they", "we", "you"})


def _objects(tree: DocTree, i: int) -> list[int]:
    if not tree.is_verb(i):  # a noun's object: "the release *of the hostages*"
        return [
            o for p in tree.kids(i, "prep") if tree.lemma(p) == "of" for o in tree.kids(p, "pobj")
        ]
    objs = tree.kids(i, "dobj", "nsubjpass", "dative")
    if tree.tokens[i].dep == "acl" and not objs:  # "the prisoners released on Monday"
        objs = [tree.tokens[i].head]
    return objs


def claimed(tree: DocTree, j: int) -> bool:
    """Is token ``j`` a clause hung on a claim noun ("claims that troops *executed*
    rebels", `claim_nouns`): only alleged, and not told on the day of the claim?"""
    head = tree.tokens[j].head
    return (
        tree.tokens[j].dep in ("acl", "ccomp")
        and tree.lemma(head) in CLAIM_NOUNS
        and not tree.is_verb(head)
    )


def is_armed(tree: DocTree, j: int) -> bool:
    """Is token ``j`` a force ("jets", "troops", "the army")?"""
    return organ_sector(tree.tokens[j].text, tree.lemma(j)) == "MIL"


def is_party_word(tree: DocTree, j: int) -> bool:
    """An actor mention, an organ or people noun, a place, or a personal pronoun."""
    tok = tree.tokens[j]
    low = tok.text.lower()
    if tree.mention_at[j] is not None or low in _PRONOUNS:
        return True
    if tree.lemma(j) in PEOPLE or low in ORGANS or tree.lemma(j) in ORGANS:
        return True
    if tree.lemma(j) in PLACES:  # "raided a village", "stormed the embassy"
        return True
    if tok.ent_type in _PLACE_LABELS or tok.ent_type == "PERSON" or tok.ent_type == "ORG":
        return True
    return any(tree.mention_at[c] is not None for c in tree.kids(j, "conj", "appos"))


_CONDITIONS = frozenset({"if", "unless", "or", "otherwise"})


def _consequence(tree: DocTree, clause: int, warner: int | None = None) -> bool:
    """A clause that states what will happen to someone: a condition, an act of force,
    what the warner "would" do ("warned it would retaliate"), or what a party "would"
    suffer ("countries supporting the motion would affect ..."); not what a third party
    will do ("warned that insurgents will step up their attacks": a forecast)."""
    subj = tree.subject(clause)
    modal = any(tree.tokens[a].text.lower() in ("would", "will") for a in tree.kids(clause, "aux"))
    if modal and subj is not None and _the_warner(tree, subj, warner):
        return True
    if modal and tree.lemma(clause) in CONSEQUENCE_VERBS:
        return True  # "countries supporting the motion would adversely affect their ties"
    said = tree.kids(clause, "attr", "nsubj", "dobj")
    if modal and any(tree.lemma(j) in CONSEQUENCE_NOUNS for j in said):
        return True  # "there would be heavy consequences"
    for j in tree.subtree(clause):
        if tree.tokens[j].text.lower() in _CONDITIONS:
            return True
        trig = VERB_TRIGGERS.get(tree.lemma(j)) if tree.is_verb(j) else None
        if trig is not None and trig.type in ("ASSAULT", "COERCE", "SANCTION", "MOBILIZE"):
            return True
    return False


def _the_warner(tree: DocTree, subj: int, warner: int | None) -> bool:
    """Is the clause's subject the warner's side: a pronoun, or the warner's own actor?"""
    if tree.tokens[subj].text.lower() in _PRONOUNS:
        return True
    if warner is None or not is_party_word(tree, subj):
        return False
    here, there = tree.mention_at[subj], tree.mention_at[warner]
    return here is not None and there is not None and here.actor.id == there.actor.id


_HARM_TYPES: frozenset[PloverType] = HOSTILE_TYPES | {"THREATEN"}


def _warned_of_harm(tree: DocTree, i: int) -> bool:
    """A warning of consequences or force ("warned of retaliation", "warned of war"),
    or a party warned against an act ("warned Iran against enriching uranium"); not
    a forecast ("warned of an upsurge in violence") nor advice ("warned against
    excessive optimism")."""
    for p in tree.kids(i, "prep"):
        prep = tree.lemma(p)
        if prep not in ("of", "against"):
            continue
        for o in tree.kids(p, "pobj", "pcomp"):
            noun = NOUN_TRIGGERS.get(tree.lemma(o))
            if tree.lemma(o) in CONSEQUENCE_NOUNS or (
                noun is not None and noun.type in _HARM_TYPES
            ):
                return True
        if prep == "against" and any(is_party_word(tree, o) for o in tree.kids(i, "dobj")):
            return True
    return False


def _on_condition(tree: DocTree, i: int) -> bool:
    """A warning with a condition ("warned of war if NATO expands")."""
    return any(
        tree.tokens[m].text.lower() in ("if", "unless")
        for c in tree.kids(i, "advcl")
        for m in tree.kids(c, "mark")
    )


def _recipient(tree: DocTree, i: int) -> bool:
    return any(is_party_word(tree, o) for o in prep_objects(tree, i, frozenset({"to"})))


def _modifier_words(tree: DocTree, i: int) -> set[str]:
    words: set[str] = set()
    for c in tree.kids(i, "amod", "compound", "nmod", "npadvmod"):
        span = sorted(tree.subtree(c))
        texts = [tree.tokens[k].text.lower() for k in span]
        words.update(texts)
        words.update(tree.lemma(k) for k in span)
        words.add("".join(texts))  # "after" "-" "sales" -> "after-sales"
    return words


def in_sense(tree: DocTree, i: int, sense: Sense | None) -> bool:
    """Does trigger token ``i`` satisfy its sense's constraints (True when it has none)?"""
    if sense is None:
        return True
    objs = _objects(tree, i)
    if sense.no_conjecture and _conjecture(tree, objs):
        return False  # "ruled out the possibility that the plane was shot down"
    if sense.no_conjecture:  # "the possibility of X" is read as X
        objs = [*objs, *(x for o in objs for x in _in_doubt(tree, o))]
    lemmas = {tree.lemma(o) for o in objs}
    if sense.no_object and tree.kids(i, "dobj"):
        return False  # "demonstrated a dignified attitude": showed, did not protest
    party = any(is_party_word(tree, o) for o in objs)
    if sense.object == "actor" and not party and not (objs and _recipient(tree, i)):
        return False  # but "returned three ships *to Ukraine*" has its party
    if (
        sense.objects
        and objs
        and not (lemmas & sense.objects)
        and not any(tree.mention_at[o] is not None for o in objs)
    ):
        return False
    if lemmas & sense.not_objects:
        return False
    if any(tree.tokens[o].ent_type in sense.not_object_labels for o in objs):
        return False  # "proposed 2.5 billion dollars for the budget": a sum, not a deal
    comps = tree.kids(i, "xcomp", "ccomp")
    if {tree.lemma(c) for c in comps} & sense.not_complements:
        return False
    if sense.not_modifiers and _modifier_words(tree, i) & sense.not_modifiers:
        return False
    tok = tree.tokens[i]
    if (
        sense.not_under
        and tok.dep in ("dobj", "nsubjpass", "nsubj")
        and tree.lemma(tok.head) in sense.not_under
        and not (tree.lemma(tok.head) == "have" and tree.kids(tok.head, "aux"))
    ):
        # "withdrew its support", "the backing was withdrawn", "is needed", "have an
        # extradition agreement" (but "we can have a deal in February" is to come)
        return False
    if sense.not_after:
        # coordinated verbs share a closing phrase: "was killed and two others wounded
        # in a vehicle accident"
        joined = [i, *tree.kids(i, "conj")] if tree.is_verb(i) else [i]
        for p in (p for j in joined for p in tree.kids(j, "prep")):
            if {tree.lemma(o) for o in tree.kids(p, "pobj")} & sense.not_after:
                return False
    if sense.no_question and not _asks_for_act(tree, i):
        return False
    preps = {tree.lemma(p) for p in tree.kids(i, "prep", "prt", "dative")}
    pair = sense.or_pair and pair_subject(tree, i)  # "troops and rebels clashed"
    if sense.preps and not (preps & sense.preps or comps or pair):
        return False  # "they plan to appeal": a legal appeal, not an appeal to anyone
    if preps & sense.not_preps:
        return False  # "seized upon the remark"
    if sense.light_verb and not _under_light_verb(tree, i):
        return False  # "our long cooperation": a state of affairs, not an act
    if sense.no_that_clause and tree.kids(i, "ccomp") and not (preps & {"on", "to"}):
        return False  # "agrees that the market is weak": an opinion
    if sense.threat and not (
        _warned_of_harm(tree, i)
        or _on_condition(tree, i)
        or any(_consequence(tree, c, tree.subject(i)) for c in comps)
    ):
        return False  # "warned that growth would slow", "warned of an upsurge": forecasts
    if sense.not_coordinated and _coordinated(tree, i) & sense.not_coordinated:
        return False  # "neither confirmed nor denied the story": no answer given
    if sense.no_toll and _running_count(tree, i):
        return False
    if sense.not_purpose and _purpose(tree, i):
        return False  # "troops left Toulon to support the mission": what they went to do
    return not (sense.not_after_as and i > 0 and tree.tokens[i - 1].text.lower() == "as")


def pair_subject(tree: DocTree, i: int) -> bool:
    """Is the verb's subject two parties joined ("Israeli troops and Hezbollah fighters
    clashed")?"""
    subj = tree.subject(i)
    return subj is not None and bool(tree.kids(subj, "conj"))


def _conjecture(tree: DocTree, objs: list[int]) -> bool:
    """Is the object a bare pronoun ("we do not rule that out": what is meant is left to
    the context) or a possibility stated as a clause ("the possibility that ...")?"""
    for o in objs:
        if tree.tokens[o].tag in ("DT", "PRP") and not tree.kids(o):
            return True
        if tree.lemma(o) in CONJECTURE_NOUNS and tree.kids(o, "acl", "ccomp", "relcl"):
            return any(
                tree.lemma(m) == "that"
                for c in tree.kids(o, "acl", "ccomp", "relcl")
                for m in tree.kids(c, "mark")
            )
    return False


def _in_doubt(tree: DocTree, o: int) -> list[int]:
    """What "the possibility of X" puts in doubt: X and its compounds ("an assassination
    attempt")."""
    if tree.lemma(o) not in CONJECTURE_NOUNS:
        return []
    xs = [x for p in tree.kids(o, "prep") if tree.lemma(p) == "of" for x in tree.kids(p, "pobj")]
    return [*xs, *(c for x in xs for c in tree.kids(x, "compound"))]


#: Words that make a perfect a count over a span: "since the invasion", "in all", "so
#: far", "to date", "in December alone".
_SPAN_WORDS = frozenset({"since", "alone", "far", "date", "all", "total"})
_WEEKDAYS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday"}
)


def _running_count(tree: DocTree, i: int) -> bool:
    """Is the verb a perfect that counts over a span ("at least 26 soldiers have been
    killed since the offensive", "in all, five have been killed")?"""
    if not any(tree.lemma(a) == "have" for a in tree.kids(i, "aux")):
        return False
    verbs = [i, *(c for c in tree.kids(i, "conj") if tree.is_verb(c))]  # "... and 25 wounded since"
    for c in (c for v in verbs for c in tree.kids(v, "prep", "advmod", "advcl", "npadvmod")):
        words = {tree.tokens[j].text.lower() for j in tree.subtree(c)}
        since = tree.tokens[c].text.lower() == "since" or (
            tree.kids(c, "mark") and "since" in words
        )
        # the span's own words ("since the 2003 invasion, which Bush admitted Wednesday
        # ...": no weekday of the span)
        clauses = {
            j for r in tree.subtree(c) if tree.tokens[r].dep == "relcl" for j in tree.subtree(r)
        }
        own = {tree.tokens[j].text.lower() for j in tree.subtree(c) if j not in clauses}
        if since and not own & _WEEKDAYS:
            return True  # "since the 2003 invasion", "since the clashes began" (a tally
            # "since Wednesday" tells the days' fighting)
        if tree.tokens[c].text.lower() in ("in", "so", "to") and words & _SPAN_WORDS:
            return True  # "in all", "in December alone", "so far", "to date", "in total"
    return False


def _coordinated(tree: DocTree, i: int) -> set[str]:
    """The lemmas of the verbs coordinated with verb ``i`` (either way)."""
    tok = tree.tokens[i]
    out = {tree.lemma(c) for c in tree.kids(i, "conj")}
    if tok.dep == "conj" and tok.head != i:
        out.add(tree.lemma(tok.head))
    return out


def _purpose(tree: DocTree, i: int) -> bool:
    """Is the verb an infinitive of purpose or of an aim described ("set up a force *to
    support* the soldiers", "US policy is *to support* a unified Iraq")?"""
    tok = tree.tokens[i]
    if tok.head == i or not any(tree.lemma(a) == "to" for a in tree.kids(i, "aux")):
        return False
    if tok.dep == "advcl":
        return tree.is_verb(tok.head)
    return tok.dep == "xcomp" and tree.lemma(tok.head) == "be"


def _under_light_verb(tree: DocTree, i: int) -> bool:
    tok = tree.tokens[i]
    return (
        tok.head != i
        and tok.dep in ("dobj", "nsubjpass")
        and tree.is_verb(tok.head)
        and tree.lemma(tok.head) in LIGHT_VERBS
    )


def _asks_for_act(tree: DocTree, i: int) -> bool:
    """ "asked X to do", "asked for aid", "asked that ...": a request, not a question;
    "when asked to define ...": a journalist's question to the speaker."""
    marks = {tree.tokens[m].text.lower() for m in tree.kids(i, "mark", "advmod")}
    if tree.tokens[i].tag == "VBN" and marks & {"when", "if", "as"}:
        return False
    if tree.kids(i, "xcomp"):
        return True
    if any(tree.lemma(p) == "for" for p in tree.kids(i, "prep")):
        return True
    for c in tree.kids(i, "ccomp"):
        if _direct_question(tree, i, c):
            return False  # asked her, "Did you get it from a tick?"
        first = min(tree.subtree(c))
        marks = {tree.tokens[m].text.lower() for m in tree.kids(c, "mark")}
        return not (marks & _QUESTION_WORDS or tree.tokens[first].text.lower() in _QUESTION_WORDS)
    return False


def _direct_question(tree: DocTree, i: int, clause: int) -> bool:
    """A quoted question: a question mark closes it, or it opens with an inverted
    auxiliary ("Did you ...", "Will they ...")."""
    marks = [*tree.subtree(clause), *tree.kids(i, "punct")]
    if any(tree.tokens[j].text == "?" for j in marks):
        return True
    words = [j for j in sorted(tree.subtree(clause)) if tree.tokens[j].pos != "PUNCT"]
    subj = tree.subject(clause)
    return (
        bool(words)
        and tree.tokens[words[0]].dep == "aux"
        and subj is not None
        and (words[0] < subj)
    )
