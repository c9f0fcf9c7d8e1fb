"""Which words of a sentence share an event's time: the chain of clauses that
governs the trigger up to a clause of sequence or cause, the same act told twice,
a participle clause or a clause of time that frames the main verb, and acts narrated
as one moment; which dates are not the act's ("since 2003"); and a charge in the
present passive, laid before (:mod:`storyline.events.dating` reads a date off these).
"""

from __future__ import annotations

from storyline.events.lexicon import AHEAD_WORDS, FRAMES, SPEECH_VERBS, VERB_TRIGGERS
from storyline.events.senses import claimed
from storyline.events.tree import DocTree
from storyline.records import Timex

__all__ = [
    "after_own_act",
    "and_conjunct",
    "at_the_time",
    "bare_day_verb",
    "before_sequence",
    "complements",
    "frames_main_clause",
    "narrated",
    "participle_frame",
    "same_act",
    "since_start",
    "status_passive",
    "told_after",
    "unfolds",
]


#: Adverbial clauses told as before or after the main clause's time: the main clause's
#: date is not theirs ("closed lower Friday after Lawson's resignation slapped ...").
_SEQUENCE_MARKS = frozenset({"after", "before", "since", "until", "because", "once"})
_SEQUENCE_PREPS = frozenset({"after", "before", "since", "following", "until"})


def before_sequence(tree: DocTree, chain: list[int]) -> list[int]:
    """The governing chain up to an adverbial clause or phrase of sequence or cause
    ("returned on Wednesday after visits to Russia"), a conjunct with a subject of its
    own ("The council in August adopted ..., but Beshir has rejected ..."), or the noun
    a clause describes ("the soldiers accused of ... were acquitted on Thursday")."""
    for n, tok in enumerate(chain[:-1]):
        t = tree.tokens[tok]
        if t.dep == "relcl" or (n == 0 and t.dep == "acl" and t.tag == "VBN"):
            # "soldiers accused of beating a teenager were acquitted on Thursday": a
            # clause describing a noun is not told at the time of the noun's clause
            return chain[: n + 2]
        if claimed(tree, tok):
            return chain[: n + 1]  # "reiterated on Friday claims that troops executed
            # rebels": the day the claim is made, not the act's
        if t.dep == "advcl" and any(
            tree.tokens[m].text.lower() in _SEQUENCE_MARKS for m in tree.kids(tok, "mark")
        ):
            return chain[: n + 1]
        if t.dep == "pobj" and tree.lemma(t.head) in _SEQUENCE_PREPS:
            return chain[: n + 1]
        if t.dep == "pobj" and tree.lemma(tree.tokens[t.head].head) in AHEAD_WORDS:
            return chain[: n + 1]  # "said on Wednesday on the eve of an EU summit"
        if t.dep == "conj" and tree.kids(tok, "nsubj", "nsubjpass") and not narrated(tree, tok):
            return chain[: n + 1]
        if (
            t.dep == "conj"
            and _will(tree, tok)
            and tree.is_verb(t.head)
            and not _will(tree, t.head)
        ):
            return chain[: n + 1]  # "departed early Thursday ... and will visit Brazil"
    return chain


def _will(tree: DocTree, verb: int) -> bool:
    """Is the verb told as to come ("will visit", "is to meet")?"""
    return any(tree.lemma(a) in ("will", "shall") for a in tree.kids(verb, "aux"))


_INJURY_VERBS = FRAMES.word("injury_verbs")


def same_act(tree: DocTree, trigger: int) -> list[int]:
    """Verbs coordinated with the trigger that tell the same act with another victim or
    outcome: "one militant was killed and nine other Palestinians wounded Wednesday",
    "were killed and seven others wounded in two attacks in Baghdad on Monday" (a
    conjunct, or a clause of the same verb of saying joined by "and", whose verb is a
    trigger of the same type)."""
    own = VERB_TRIGGERS.get(tree.lemma(trigger))
    if own is None or not tree.is_verb(trigger):
        return []
    tok = tree.tokens[trigger]
    near = [*tree.kids(trigger, "conj")]
    if tok.dep == "conj":
        near.append(tok.head)
    elif tok.dep == "ccomp" and tok.head != trigger:  # "X was killed and Y wounded, he said"
        near += [
            c for c in tree.kids(tok.head, "ccomp") if c != trigger and _joined(tree, trigger, c)
        ]
    out = []
    for j in near:
        other = VERB_TRIGGERS.get(tree.lemma(j))
        same = other is not None and other.type == own.type
        hurt = own.type == "ASSAULT" and tree.lemma(j) in _INJURY_VERBS
        if tree.is_verb(j) and (same or hurt):
            out.append(j)
    return out


def _joined(tree: DocTree, a: int, b: int) -> bool:
    """Is there an "and" between tokens ``a`` and ``b``?"""
    lo, hi = sorted((a, b))
    return any(tree.tokens[k].text.lower() == "and" for k in range(lo + 1, hi))


def told_after(tree: DocTree, full: list[int], chain: list[int]) -> list[int]:
    """ "Bush said Thursday after talks in Amman": a meeting that the telling follows is
    dated by the telling's day when it has none of its own (the chain was cut at
    "after" or "following", and what governs it is a verb of saying)."""
    if len(chain) >= len(full):
        return []
    cut = tree.tokens[chain[-1]]
    if cut.dep != "pobj" or tree.lemma(cut.head) not in ("after", "following"):
        return []
    verb = tree.tokens[cut.head].head
    return [verb] if tree.is_verb(verb) and tree.lemma(verb) in SPEECH_VERBS else []


def participle_frame(tree: DocTree, clause: int, verb: int | None = None) -> bool:
    """A participle clause with no subject or mark of its own ahead of the main verb
    (``verb``, else the clause's head): "*Speaking on Tuesday*, X said", "*Opening the
    forum on Wednesday*, Annan called", "EU ministers, *meeting in Brussels on Tuesday*,
    failed to agree"."""
    tok = tree.tokens[clause]
    return (
        tok.tag == "VBG"
        and clause < (tok.head if verb is None else verb)
        and not tree.kids(clause, "nsubj", "nsubjpass", "mark", "aux")
    )


def complements(tree: DocTree, verb: int) -> list[int]:
    """The verbs a verb's complements chain down to ("voted to *endorse* *lifting*")."""
    out, frontier = [], [verb]
    while frontier:
        frontier = [c for f in frontier for c in tree.kids(f, "xcomp")]
        out += frontier
    return out


def after_own_act(tree: DocTree, verb: int) -> list[int]:
    """The subject's own earlier act that opens the sentence: "*After voting on Sunday*,
    Chavez hailed ...", "*After meeting Abbas on Monday*, Rice said ...": an "after"
    with a gerund of no subject of its own, ahead of the verb, tells the same day."""
    out = []
    for p in tree.kids(verb, "prep"):
        if p > verb or tree.lemma(p) != "after":
            continue
        for clause in tree.kids(p, "pcomp"):
            if tree.tokens[clause].tag == "VBG" and not tree.kids(clause, "nsubj", "nsubjpass"):
                out.append(clause)
    return out


#: Subordinators whose clause tells the moment of the clause it hangs on (not "as" or
#: "while": "as they prepare for EU membership around the turn of the century" tells
#: an aim's time, judged tuning lines showed).
_MOMENT_MARKS = frozenset({"when"})


def at_the_time(tree: DocTree, clause: int) -> bool:
    """A clause of time ("when it convened on Thursday"): it tells the moment of the
    clause it hangs on."""
    marks = tree.kids(clause, "mark", "advmod")  # "when" is tagged as either
    return any(tree.tokens[m].text.lower() in _MOMENT_MARKS for m in marks)


def narrated(tree: DocTree, conj: int) -> bool:
    """Is a conjunct with a subject of its own told as the same moment as the clause it
    joins: "met X in Zagreb on Friday *and* the two leaders pledged ...", "Abbas called
    Saturday for early elections, *but* Hamas rejected the move" (both simple past,
    joined by "and" or "but"), unlike "adopted ... in August, but Beshir has rejected"?"""
    head = tree.tokens[conj].head
    same_tense = tree.tokens[conj].tag == tree.tokens[head].tag == "VBD"
    joined = any(tree.tokens[c].text.lower() in ("and", "but") for c in tree.kids(head, "cc"))
    return same_tense and joined and not tree.kids(conj, "aux", "auxpass")


def frames_main_clause(
    tree: DocTree, head: int | None, root: int, skip_subtree: set[int] | None
) -> bool:
    """Does a timex whose head is ``head`` sit in the main clause (not in another
    clause's words, nor in a skipped subtree)?"""
    if head is None:
        return True
    if skip_subtree and head in skip_subtree:
        return False
    return tree.clause_verb(head) == root


#: Verbs that say when their subject happens ("talks are expected to begin Monday")
_HAPPENING = frozenset({"begin", "start", "open", "resume", "take", "end", "close", "conclude"})


def unfolds(tree: DocTree, trigger: int) -> list[int]:
    """ "Talks are expected to begin on Monday": a noun trigger that is the subject of
    a verb whose complement says when it happens is dated by that complement."""
    tok = tree.tokens[trigger]
    if tree.is_verb(trigger) or tok.dep not in ("nsubj", "nsubjpass"):
        return []
    return [c for c in tree.kids(tok.head, "xcomp") if tree.lemma(c) in _HAPPENING]


def and_conjunct(tree: DocTree, verb: int) -> bool:
    """Is the verb a clause joined to the main one by "and"?"""
    tok = tree.tokens[verb]
    if tok.dep != "conj" or tree.tokens[tok.head].dep != "ROOT":
        return False
    return any(tree.tokens[c].text.lower() == "and" for c in tree.kids(tok.head, "cc"))


def since_start(tree: DocTree, tx: Timex, head: int | None, own: set[int]) -> bool:
    """Is a year or a month the object of "since" ("the second visit since 2003", "Since
    the 1979 revolution, Iran has ...")? It opens a period; it is not the act's date.
    A day stays ("have killed 500 fighters since Wednesday": judges took such tallies,
    dated to the day), and so does the date of the trigger or of the noun phrase it
    hangs in (``own``: "since its August 1990 invasion of Kuwait", "since the January
    1998 bombing of a clinic that killed ...")."""
    if len(tx.value) > 7 or not tx.value[:4].isdigit():
        return False
    if head is None:
        return False
    tok = tree.tokens[head]
    for _ in range(3):  # "since 2003", "since the 1979 revolution"
        if tok.i in own:
            return False
        if tok.dep == "pobj" and tree.lemma(tok.head) == "since":
            return True
        if tok.head == tok.i:
            return False
        tok = tree.tokens[tok.head]
    return False


#: Verbs whose present passive is a standing status ("is accused of", "is charged with").
_STATUS_VERBS = frozenset({"accuse", "charge", "indict", "suspect", "allege"})


def status_passive(tree: DocTree, i: int) -> bool:
    """A present passive of a charge ("is accused of", "are charged with"): a standing
    status, its act done on a day the text does not give."""
    if tree.tokens[i].tag != "VBN" or tree.lemma(i) not in _STATUS_VERBS:
        return False
    return any(tree.tokens[a].tag in ("VBZ", "VBP") for a in tree.kids(i, "auxpass"))


_OBJECTS = frozenset({"dobj", "pobj", "attr", "dative"})


def bare_day_verb(tree: DocTree, head: int, target: int) -> int:
    """A bare day adverbial the parser hung on the verb's object ("met EU diplomats
    here *Tuesday*", "signed the deal *Monday*") modifies the verb: a noun takes a day
    through a preposition or a possessive, not as a bare noun phrase."""
    if tree.is_verb(target):
        return target
    day = tree.tokens[head]
    if day.dep == "pobj" and tree.lemma(day.head) == "on" and day.head != head:
        # "rebuffed the US stand on Tuesday": a day on the verb's object dates the verb
        obj = tree.tokens[target]
        if tree.tokens[day.head].head == target and obj.dep == "dobj":
            return obj.head if tree.is_verb(obj.head) else target
        return target
    if day.dep != "npadvmod":
        return target
    for _ in range(2):  # "met with the minister here Tuesday": pobj -> prep -> verb
        tok = tree.tokens[target]
        if tok.dep not in _OBJECTS and tok.dep != "prep":
            return target
        target = tok.head
        if tree.is_verb(target):
            return target
    return target
