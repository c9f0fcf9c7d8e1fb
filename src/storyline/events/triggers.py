"""Finding triggers in a parsed sentence, and dropping the ones that only
name an act someone asks for, threatens, refuses, alleges or promises.

"Turkey threatened to impose sanctions on Greece" reports a threat, not a
sanction; "Georgia condemned Russia's bombing of Gori" an accusation. The
embedded act is dropped unless it hangs on a circumstance ("agreed ... *during
talks* in Canberra": the talks happened).
"""

from __future__ import annotations

from storyline.events.lexicon import (
    EASING_VERBS,
    EMBEDDING_AGREE,
    EMBEDDING_TYPES,
    FRAMES,
    JOINT_NOUNS,
    LIGHT_VERBS,
    MILITARY_ACTS,
    NAMING_VERBS,
    NOUN_TRIGGERS,
    PHRASE_ONLY,
    PHRASE_TRIGGERS,
    RESTRICTIONS,
    SPEECH_VERBS,
    TIES,
    VERB_PHRASE_ONLY,
    VERB_TRIGGERS,
    VOICING_VERBS,
    Trigger,
)
from storyline.events.senses import in_sense
from storyline.events.tree import DocTree

__all__ = ["find_triggers", "voiced_stance"]

_PHRASE_DEPS = ("prt", "dobj", "oprd", "ccomp", "acomp", "prep", "xcomp", "nsubjpass")
_CIRCUMSTANCE_PREPS = frozenset(
    {"during", "at", "in", "after", "before", "on", "amid", "following", "despite", "since",
     "while", "when", "as", "under", "over", "with"}
)  # fmt: skip
#: Prepositions whose object is the time frame of the act they modify.
_TIME_PREPS = frozenset({"since", "after", "before", "following"})
_PURPOSES = frozenset({"support", "protest", "solidarity"})
_TALK_VERBS = frozenset({"speak", "talk", "write", "think", "learn", "hear", "know", "ask"})
_BACKGROUND_PREPS = frozenset(
    {"since", "after", "before", "following", "amid", "despite", "over", "against"}
)
_CLIMB_DEPS = frozenset(
    {"xcomp", "ccomp", "dobj", "pobj", "prep", "acl", "poss", "compound", "nsubjpass",
     "attr", "pcomp", "relcl", "amod", "nmod", "appos", "advcl"}
)  # fmt: skip
_NAMED = ("PERSON", "GPE", "ORG", "NORP")
#: The most tokens a phrase trigger's cited span reaches past its head.
_PHRASE_SPAN = 5


def _phrase(tree: DocTree, i: int, lemma: str) -> tuple[Trigger, int] | None:
    """A two-word trigger headed by token ``i``: a particle, object or prepositional object."""
    found: list[tuple[int, Trigger, int]] = []
    for c in tree.children[i]:
        dep = tree.tokens[c].dep
        if dep == "advcl":  # "called for his supporters to stay calm": "for" marks the clause
            for m in tree.kids(c, "mark"):
                key = (lemma, tree.lemma(m))
                if key in PHRASE_TRIGGERS and m > i:
                    found.append((1, PHRASE_TRIGGERS[key], m))
            continue
        if dep not in _PHRASE_DEPS:
            continue
        candidates = [c]
        if dep == "prep":
            if lemma == "call" and any(o < c for o in tree.kids(i, "dobj")):
                continue  # "called the referendum on independence a milestone": no "call on"
            candidates += tree.kids(c, "pobj")
        for d in candidates:
            key = (lemma, tree.lemma(d))
            if key in PHRASE_TRIGGERS and in_sense(tree, i, FRAMES.sense("phrase", " ".join(key))):
                rank = 0 if tree.tokens[d].dep in ("dobj", "nsubjpass") else 1
                found.append((rank, PHRASE_TRIGGERS[key], d))
    if not found:
        return None
    _, trig, partner = min(found, key=lambda f: (f[0], f[2]))
    # the span cites the whole phrase ("tightened its export controls") when the
    # partner follows within a few words; a partner before the head stays outside
    return trig, partner if 0 < partner - i <= _PHRASE_SPAN else i


def _objects(tree: DocTree, i: int) -> set[str]:
    return {tree.lemma(c) for c in tree.kids(i, "dobj", "nsubjpass")}


def trigger_at(tree: DocTree, i: int) -> tuple[Trigger, int] | None:
    """The trigger token ``i`` starts, if any, and the token that ends its span."""
    tok = tree.tokens[i]
    lemma = tree.lemma(i)
    if tok.pos in ("VERB", "AUX"):
        if _open_question(tree, i):
            return None  # "to investigate who shot down the plane"
        phrase = _phrase(tree, i, lemma)
        if phrase is not None:
            return phrase
        objects = _objects(tree, i)
        if lemma in EASING_VERBS and objects & RESTRICTIONS:
            return Trigger("CONCEDE"), i
        if lemma in ("suspend", "halt", "freeze", "end", "cut") and objects & TIES:
            return Trigger("SANCTION", "sever"), i
        if lemma in ("suspend", "halt", "stop", "end", "cease") and objects & MILITARY_ACTS:
            return Trigger("RETREAT"), i
        if lemma == "suspend":
            return None  # "suspended 15,000 staff": not a PLOVER act by itself
        if lemma in _ALSO_CHANGE_VERBS and not tree.kids(i, "dobj", "xcomp", "ccomp"):
            return None  # "trade declined last year": a fall, not a refusal
        if lemma in SPEECH_VERBS or lemma in VERB_PHRASE_ONLY or lemma not in VERB_TRIGGERS:
            return None
        if lemma in LIGHT_VERBS and any(
            tree.lemma(c) in NOUN_TRIGGERS for c in objects_of(tree, i)
        ):
            return None  # "sign an agreement": the noun codes it, the verb is its light verb
        if not in_sense(tree, i, FRAMES.sense("verb", lemma)):
            return None  # "released a list", "declined to comment"
        return VERB_TRIGGERS[lemma], i
    if tok.pos not in ("NOUN", "PROPN") or (tok.ent_type and not _named_document(tree, i)):
        return None  # a name, a date ("March 3"), a number: not an act
    mods = tree.kids(i, "compound", "amod")
    if lemma in JOINT_NOUNS and any(tree.lemma(c) == "joint" for c in mods):
        return Trigger("COOPERATE"), i
    for p in tree.kids(i, "prep"):
        if tree.lemma(p) == "of":
            mods = mods + tree.kids(p, "pobj")  # "state of emergency"
    for c in mods:
        key = (lemma, tree.lemma(c))
        if key in PHRASE_TRIGGERS:
            return PHRASE_TRIGGERS[key], i
    if lemma in PHRASE_ONLY or lemma not in NOUN_TRIGGERS:
        return None
    head = tok.head
    if _background(tree, i) or _topic(tree, i) or _existing_agreement(tree, i, lemma):
        return None
    if _changing_quantity(tree, i):
        return None  # "cooperation declined", "aid fell by half": a trend, not an act
    if head != i and tree.is_verb(head):
        hl = tree.lemma(head)
        if hl in SPEECH_VERBS and tok.dep == "dobj":
            return None  # "highlighted the agreement": a statement about it, not the act
        if (hl, lemma) in PHRASE_TRIGGERS or (hl in EASING_VERBS and lemma in RESTRICTIONS):
            return None  # the verb codes it ("lifted the sanctions")
        if hl in ("suspend", "halt", "freeze", "end", "cut") and lemma in TIES:
            return None
        if (
            hl in VERB_TRIGGERS
            and hl not in LIGHT_VERBS
            and hl not in VERB_PHRASE_ONLY
            and VERB_TRIGGERS[hl].type == NOUN_TRIGGERS[lemma].type
            and tok.dep not in ("nsubj", "nsubjpass")
        ):
            return None  # the verb codes it ("the bombings killed 224": the noun does)
        if hl in NAMING_VERBS and tok.dep in ("dobj", "oprd", "nsubjpass"):
            return None  # "called the attack ...", "praised Israel's withdrawal": talked about
    if not in_sense(tree, i, FRAMES.sense("noun", lemma)):
        return None  # "after-sales support", "requests for comment"
    return NOUN_TRIGGERS[lemma], i


#: Verbs of rising and falling: their subject is a quantity that changed, not an act.
_CHANGE_VERBS = frozenset(
    ["decline", "fall", "drop", "rise", "grow", "increase", "decrease", "shrink", "slump",
     "surge", "plunge", "soar", "double", "halve", "stagnate", "recover", "slow"]
)  # fmt: skip
#: Trigger verbs that also mean "to fall" when they take no object or clause.
_ALSO_CHANGE_VERBS = frozenset(["decline"])

#: Verbs that act on an agreement already made: leaving, breaking or keeping it is not
#: a new AGREE ("withdrew from the nuclear deal", "violated the accord").
_ON_EXISTING_AGREEMENT = frozenset(
    ["leave", "quit", "exit", "abandon", "scrap", "ditch", "violate", "breach", "withdraw",
     "pull", "suspend", "tear", "rip", "renounce", "denounce", "terminate", "cancel",
     "implement", "honour", "honor", "respect", "uphold", "observe", "flout", "undermine"]
)  # fmt: skip


def _changing_quantity(tree: DocTree, i: int) -> bool:
    """The subject (or a conjunct of it) of a verb of rising or falling."""
    j = i
    for _ in range(4):
        if tree.tokens[j].dep != "conj" or tree.tokens[j].head == j:
            break
        j = tree.tokens[j].head  # "trade and economic cooperation declined"
    tok = tree.tokens[j]
    return tok.dep == "nsubj" and tree.lemma(tok.head) in _CHANGE_VERBS


def _existing_agreement(tree: DocTree, i: int, lemma: str) -> bool:
    """An agreement noun as what such a verb acts on, directly or through a preposition."""
    if NOUN_TRIGGERS[lemma].type != "AGREE":
        return False
    tok = tree.tokens[i]
    verb = tok.head
    if tok.dep == "pobj":  # "withdrew from the deal", "pulled out of the treaty"
        for _ in range(2):
            if tree.tokens[verb].dep != "prep":
                break
            verb = tree.tokens[verb].head
    elif tok.dep not in ("dobj", "nsubjpass"):
        return False
    return verb != i and tree.is_verb(verb) and tree.lemma(verb) in _ON_EXISTING_AGREEMENT


def _has_own_actor(tree: DocTree, i: int) -> bool:
    own = tree.kids(i, "poss", "compound", "amod")
    for p in tree.kids(i, "prep"):
        if tree.lemma(p) in ("of", "by", "between", "with", "against", "on", "to"):
            own += tree.kids(p, "pobj")
    return any(tree.mention_at[j] for o in own for j in tree.subtree(o))


def _background(tree: DocTree, i: int) -> bool:
    """ "the first contact since the invasion", "prices fell after Lawson's resignation":
    an act named as the time of another, not reported (unless it carries its own date)."""
    tok = tree.tokens[i]
    if tok.dep != "pobj" or tok.head == i:
        return False
    prep = tree.lemma(tok.head)
    if prep in _TIME_PREPS:  # but "returned after visits to Russia and China" is news
        dated = any(tree.tokens[c].ent_type in ("DATE", "TIME") for c in tree.subtree(i))
        return not dated and not _has_own_actor(tree, i)
    return prep in _BACKGROUND_PREPS and not _has_own_actor(tree, i)


def voiced_stance(tree: DocTree, i: int) -> bool:
    """Is the noun an "in support of" phrase of a verb that voices it ("spoke out in
    support of X")? The speaker supports; the "of" phrase is whom."""
    tok = tree.tokens[i]
    if tok.dep != "pobj" or tok.head == i or tree.lemma(tok.head) != "in":
        return False
    return tree.lemma(tree.tokens[tok.head].head) in VOICING_VERBS


def _topic(tree: DocTree, i: int) -> bool:
    """ "talks on a truce", "discussed the nuclear deal": the subject matter of talks."""
    tok = tree.tokens[i]
    head = tok.head
    if tok.dep == "pobj" and tree.lemma(head) == "in" and tree.lemma(i) in _PURPOSES:
        # "in support of", "in protest against": a purpose, not an act; but "spoke out
        # in support of the reform" says the support
        return not voiced_stance(tree, i)
    if tok.dep == "pobj" and tree.lemma(head) in ("on", "about", "over", "regarding"):
        above = tree.lemma(tree.tokens[head].head)
        if above in NOUN_TRIGGERS or above in VERB_TRIGGERS or above in _TALK_VERBS:
            return True
    if tok.dep == "pobj" and tree.lemma(head) in _TOPIC_PREPS:
        if claimed_by(tree, i) is not None:
            return False  # "claimed responsibility for the bombings": the act, owned
        owner = tree.tokens[tree.tokens[head].head]
        if owner.pos in ("NOUN", "PROPN") and tree.tokens[head].head != head:
            return True  # "their opposition to the deployment", "a role in the talks"
    if tok.dep == "dobj" and tree.is_verb(head):
        hl = tree.lemma(head)
        return hl in VERB_TRIGGERS and VERB_TRIGGERS[hl].type == "CONSULT"
    return False


#: Prepositions by which a noun names what another noun is about ("opposition *to* the
#: deployment", "hopes *for* a deal", "a role *in* the talks", "anger *at* the killing").
_TOPIC_PREPS = frozenset(
    {"to", "on", "for", "in", "about", "over", "into", "toward", "towards", "against", "at"}
)
_WH_WORDS = frozenset({"who", "whom", "what", "which", "whether", "if"})


def _open_question(tree: DocTree, i: int) -> bool:
    """ "to investigate who shot down the plane", "asked whether troops attacked": a
    clause that asks who did it is what is looked into, not an act the text tells."""
    tok = tree.tokens[i]
    if not tree.is_verb(i) or tok.dep not in ("ccomp", "xcomp", "advcl"):
        return False
    if any(tree.tokens[j].text.lower() in _WH_WORDS for j in tree.kids(i, "nsubj", "nsubjpass")):
        return True
    return any(tree.tokens[m].text.lower() in ("whether", "if") for m in tree.kids(i, "mark"))


def objects_of(tree: DocTree, i: int) -> list[int]:
    return tree.kids(i, "dobj", "nsubjpass")


def _embeds(tree: DocTree, j: int, trig: Trigger) -> bool:
    return trig.type in EMBEDDING_TYPES or (
        trig.type == "AGREE" and tree.lemma(j) in EMBEDDING_AGREE
    )


def _embedded(tree: DocTree, i: int, found: dict[int, Trigger]) -> bool:
    """Is trigger ``i`` inside the complement of a request/threat/refusal/accusation?"""
    j = i
    for _ in range(7):
        tok = tree.tokens[j]
        if tok.head == j or tok.dep not in _CLIMB_DEPS:
            return False
        if tok.dep == "prep" and tree.lemma(j) in _CIRCUMSTANCE_PREPS:
            return False
        if tok.dep == "advcl":
            return False  # "refused to work with X, accusing it of ...": an act of its own
        j = tok.head
        if j in found and _embeds(tree, j, found[j]):
            return True
        if tree.lemma(j) == "be":  # "the requirement ... is to revoke its sanctions"
            for s in tree.kids(j, "nsubj"):
                if s in found and _embeds(tree, s, found[s]):
                    return True
    return False


def find_triggers(tree: DocTree, start: int, end: int) -> list[tuple[int, int, Trigger]]:
    """Triggers in tokens ``start:end`` as (token, span end token, trigger)."""
    found: dict[int, tuple[Trigger, int]] = {}
    for i in range(start, end):
        hit = trigger_at(tree, i)
        if hit is not None:
            found[i] = hit
    types = {i: t for i, (t, _) in found.items()}
    return [(i, e, t) for i, (t, e) in sorted(found.items()) if not _embedded(tree, i, types)]


#: Entity labels the NER gives a document's name ("a Memorandum of Understanding",
#: "the Kyoto Protocol")
_DOCUMENT_LABELS = frozenset({"WORK_OF_ART", "LAW"})


def _named_document(tree: DocTree, i: int) -> bool:
    """A capitalized document that a light verb acts on is still the act's noun: "China
    and the EU signed a Memorandum of Understanding" (tagged a work of art)."""
    tok = tree.tokens[i]
    if tok.ent_type not in _DOCUMENT_LABELS or tok.dep not in ("dobj", "nsubjpass"):
        return False
    return tree.is_verb(tok.head) and tree.lemma(tok.head) in LIGHT_VERBS


#: Verbs by which a party owns an act ("claimed responsibility for the bombings")
_CLAIMING = frozenset({"claim", "admit", "accept"})


def claimed_by(tree: DocTree, i: int) -> int | None:
    """The verb by which a party claims the act of noun ``i`` as its own ("Al-Qaeda
    claimed responsibility for the bombings"), if one does."""
    tok = tree.tokens[i]
    if tok.dep != "pobj" or tree.lemma(tok.head) != "for":
        return None
    noun = tree.tokens[tok.head].head
    if tree.lemma(noun) != "responsibility" or tree.tokens[noun].dep != "dobj":
        return None
    verb = tree.tokens[noun].head
    return verb if tree.is_verb(verb) and tree.lemma(verb) in _CLAIMING else None
