"""What a trigger turns out to be once its clause is read: a threat rather than a
promise, background rather than news, a plan rather than a fact.

* A vow or a promise to use force is a THREAT ("vowed to launch more strikes"), and
  so is a first-person statement that one will ("we will attack them"); protesting
  *something* is a verbal protest, an ACCUSE (PLOVER's PROTEST is collective action).
* An act named as the time of something else ("since Israel withdrew from Lebanon")
  or only in passing (a noun with no doer, no date of its own, not the subject of
  its clause: "the attacks on abortion providers") is background, not a timeline line.
* An act the text dates after the article was published is planned, not done.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from storyline.events.frames import Trigger
from storyline.events.lexicon import (
    FRAMES,
    HOSTILE_TYPES,
    LIGHT_VERBS,
    NOUN_TRIGGERS,
    SPEECH_VERBS,
    VERB_TRIGGERS,
)
from storyline.events.modality import modality
from storyline.events.parties import acts_for_state
from storyline.events.senses import is_armed, is_party_word
from storyline.events.tree import FIRST_PLURAL, FIRST_SINGULAR, DocTree, Party
from storyline.records import Actor, EventMention, Timex

__all__ = [
    "background",
    "bare_mention",
    "counted",
    "forward_weekday",
    "habitual",
    "news",
    "pluperfect",
    "relief_work",
    "retype",
    "running_count",
    "says_weekday",
    "starts_after",
    "topic_noun",
    "years_before",
]

_COMMISSIVE = frozenset({"vow", "pledge", "promise", "swear"})
#: Clauses that describe a thing named ("the accords signed in 1993", "a group called
#: ...", "Bouyeri, convicted to life"), and modifiers: an act inside one is not told.
#: Judged dev lines (all rounds) with the trigger under one of these, or anywhere
#: inside an adverbial clause other than as its head, were 0.21 usable (n=119).
_DESCRIBING = frozenset({"relcl", "acl", "appos", "amod"})
#: Subordinators whose clause tells the time or the cause of the main one.
_TIME_MARKS = frozenset({"since", "after", "before", "when", "while", "until", "once", "as"})
_SAYING_OR_LIGHT = SPEECH_VERBS | LIGHT_VERBS
_WEEKDAY = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
_HOSTILE_AIMS = FRAMES.word("hostile_aims")  # "vowed to wipe out": a threat
_DEFIANT = FRAMES.word("defiant_aims")  # "vowed it would defy the Council": a rejection
_ELECTIONS = FRAMES.word("election_words")
_RELIEF = FRAMES.word("relief_words")
_TOPIC_PREPS = FRAMES.word("topic_preps")
_TALLY = FRAMES.word("tally_phrases")  # "so far", "to date": a running count
_COUNT_NOUNS = FRAMES.word("count_nouns")  # "the number of people killed": a tally
_HABITUAL = FRAMES.word("habitual_modifiers")  # "repeated visits": a habit, not an act
_HABITUAL_ADVERBS = FRAMES.word("habitual_adverbs")  # "routinely accusing": a habit
#: Prepositions whose gerund is a topic ("talk about killing Rabin"); not "of", whose
#: gerund is what an accusation or a charge says was done ("accused of killing").
_TOPIC_GERUND_PREPS = _TOPIC_PREPS & frozenset({"about", "regarding", "concerning"})


def retype(tree: DocTree, i: int, trig: Trigger, doers: Sequence[Party] = ()) -> Trigger:
    """The act the trigger tells in its context (``doers``: the parties found as its
    source), when that is not its lexicon type."""
    lemma = tree.lemma(i)
    if trig.type == "AGREE" and lemma in _COMMISSIVE:
        for c in tree.kids(i, "xcomp", "ccomp"):
            if tree.kids(c, "neg") or tree.lemma(c) in _DEFIANT:
                return Trigger("REJECT")  # "vowed not to compromise", "vowed it would defy"
            if _hostile_aim(tree, c):
                return Trigger("THREATEN")  # "vowed to launch more strikes"
    if trig.type == "RETREAT" and _from_election(tree, i):
        return Trigger("PROTEST")  # "pulled out of Sunday's elections": a boycott
    if trig.type == "PROTEST" and lemma == "protest" and tree.is_verb(i):
        if tree.kids(i, "dobj"):
            return Trigger("ACCUSE")  # "protested the decision": a verbal protest
        if doers and all(acts_for_state(p.actor) for p in doers):
            return Trigger("ACCUSE")  # "Estonia protested to Russia": a diplomatic protest
    attack = lemma == "attack" or any(tree.lemma(o) == "attack" for o in tree.kids(i, "dobj"))
    if trig.type == "ASSAULT" and attack and _in_words(tree, i):
        return Trigger("ACCUSE")  # "attacked city fathers over ...": criticism
    if trig.type == "PROTEST" and lemma == "protest" and not tree.is_verb(i):
        said = {tree.lemma(a) for a in tree.kids(i, "amod")} & _SAID_PROTESTS
        if said or tree.lemma(tree.tokens[i].head) in _PROTEST_SENDERS:
            return Trigger("ACCUSE")  # "sending a diplomatic protest to Beijing"
    lent = bool(doers) and all(_lender(p.actor) for p in doers)
    if trig.type == "SUPPORT" and lemma in _MATERIAL and lent:
        return Trigger("AID")  # "IMF pledges support for Russia": a lender's support is money
    if trig.type in ("ASSAULT", "COERCE") and tree.is_verb(i) and modality(tree, i) == "future":
        subj = tree.subject(i)
        if subj is not None and tree.tokens[subj].text.lower() in FIRST_PLURAL | FIRST_SINGULAR:
            return Trigger("THREATEN")
    return trig


#: Words of support that a lender gives in money (not "praised", "welcomed").
_MATERIAL = frozenset({"support", "backing", "back"})


def _lender(actor: Actor) -> bool:
    """A financial intergovernmental body (the IMF, the World Bank, a development bank),
    not a trade one (the WTO, APEC)."""
    words = set(actor.name.lower().split())
    return actor.kind == "igo" and actor.sector == "BUS" and bool(words & _LENDING_WORDS)


#: Words that name a lender ("International Monetary Fund", "Asian Development Bank").
_LENDING_WORDS = frozenset({"bank", "fund", "monetary"})


#: A protest lodged, sent or made formally is a statement (ACCUSE), not collective action
_SAID_PROTESTS = frozenset({"diplomatic", "formal", "official", "written", "verbal"})
_PROTEST_SENDERS = frozenset({"lodge", "send", "file", "deliver", "register", "hand"})
_SAYING = FRAMES.word("speech_verbs") | FRAMES.word("naming_verbs") | {"dismiss", "accuse"}
_COMBATANTS = FRAMES.word("combatant_words")


def _in_words(tree: DocTree, i: int) -> bool:
    """An attack made in words: "launched a fresh attack against Israel, dismissing the
    Holocaust as a myth", "attacked city fathers over what she called a massacre". Its
    clause goes on with a verb of saying or naming, or gives its reason with "over";
    attackers who are fighters ("rebels attacked a post, killing five") attack in deed."""
    verb = i if tree.is_verb(i) else tree.tokens[i].head
    if not tree.is_verb(verb):
        return False
    subj = tree.subject(verb)
    if subj is not None and (tree.lemma(subj) in _COMBATANTS or is_armed(tree, subj)):
        return False  # "rebels attacked", "Israeli jets attacked Gaza": in deed
    said = any(
        tree.tokens[c].tag == "VBG" and tree.lemma(c) in _SAYING
        for c in tree.kids(verb, "advcl", "xcomp", "conj")
    )
    over = any(
        tree.lemma(p) == "over" and not _time_phrase(tree, p)  # not "over the weekend"
        for p in (*tree.kids(verb, "prep"), *tree.kids(i, "prep"))
    )
    return said or over


def _time_phrase(tree: DocTree, prep: int) -> bool:
    """Does the preposition take a time ("over the weekend", "over the past two days")?"""
    return any(
        tree.tokens[o].ent_type in ("DATE", "TIME") or tree.lemma(o) in _TIME_WORDS
        for o in tree.kids(prep, "pobj")
    )


_TIME_WORDS = frozenset({"weekend", "night", "day", "week", "month", "year", "period", "hour"})


def _hostile_aim(tree: DocTree, c: int) -> bool:
    """Does a vow's complement aim at force or punishment ("to launch more strikes",
    "that it would try all means to wipe out the rebels", "to retaliate")? Looks
    through up to two further complements of the complement."""
    frontier = [c]
    for _ in range(3):
        for v in frontier:
            inner = [VERB_TRIGGERS.get(tree.lemma(v))]
            inner += [NOUN_TRIGGERS.get(tree.lemma(o)) for o in tree.kids(v, "dobj")]
            if any(t is not None and t.type in HOSTILE_TYPES for t in inner):
                return True
            if tree.lemma(v) in _HOSTILE_AIMS and all(
                is_party_word(tree, o) for o in tree.kids(v, "dobj")
            ):
                return True  # "to wipe out the rebels", "to retaliate"
        frontier = [
            x
            for v in frontier
            for x in (
                *tree.kids(v, "xcomp", "ccomp"),  # "would try to wipe out"
                *(a for o in tree.kids(v, "dobj") for a in tree.kids(o, "xcomp", "acl")),
            )  # "try all means to wipe out"
        ]
    return False


def relief_work(tree: DocTree, i: int, trig: Trigger) -> bool:
    """Forces sent to disaster relief ("more than 10,000 soldiers have been mobilized
    ... in the quake relief", "troops were deployed for flood rescue") are not mobilized
    against anyone: no MOBILIZE act."""
    if trig.type != "MOBILIZE":
        return False
    return any(tree.lemma(j) in _RELIEF for j in tree.subtree(tree.clause_verb(i)))


#: The words that name what is withdrawn from ("from the polls", "out of the vote").
_WITHDRAWN_FROM = frozenset({"from", "out", "of"})


def _from_election(tree: DocTree, i: int) -> bool:
    """Is what the trigger withdraws from an election ("withdrew from the polls", "their
    pulling out of the elections", "the opposition's withdrawal from the vote"; not
    "withdraw its troops after the elections")?"""
    for p in tree.kids(i, "prep", "prt"):
        if tree.lemma(p) not in _WITHDRAWN_FROM:
            continue
        for o in (
            *tree.kids(p, "pobj"),
            *(x for q in tree.kids(p, "prep") for x in tree.kids(q, "pobj")),
        ):
            if tree.lemma(o) in _ELECTIONS or tree.tokens[o].text.lower() in _ELECTIONS:
                return True
    return False


def background(tree: DocTree, i: int) -> bool:
    """The act is told as background of another: the time frame ("since Israel
    withdrew", "after the group won the elections"), or a description of something
    named ("the accords, which were signed in 1993", "the accords signed in 1993")."""
    if tree.is_verb(i) and any(tree.lemma(p) == "since" for p in tree.kids(i, "prep")):
        return True  # "have been killed since 2003": a running count, not one act
    j = tree.stray_conjunct_home(i)
    for _ in range(8):
        tok = tree.tokens[j]
        marks = {tree.tokens[m].text.lower() for m in tree.kids(j, "mark")}
        if marks & _TIME_MARKS and not _meanwhile(tree, j, marks):
            return True
        if tok.dep in _DESCRIBING and not _light_act(tree, j) and not _headline_verb(tree, j):
            return True
        if tok.dep == "advcl" and j != i:
            return True
        if tok.head == j or tok.dep == "ROOT":
            return False
        if tok.dep == "ccomp" and tree.lemma(tok.head) in FRAMES.word("speech_verbs"):
            return False  # what was said is the news
        j = tok.head
    return False


def _meanwhile(tree: DocTree, j: int, marks: set[str]) -> bool:
    """A gerund of the same speaker told as the occasion of what they said ("said this
    *while meeting* the Japanese delegation", "made the appeal when meeting ..."): it
    happened then, it is news too (not "was killed while visiting Iraq in 2003")."""
    tok = tree.tokens[j]
    if not marks <= {"while", "when"} or tok.tag != "VBG" or tree.kids(j, "nsubj"):
        return False
    return tree.lemma(tok.head) in _SAYING_OR_LIGHT


def _headline_verb(tree: DocTree, j: int) -> bool:
    """A headline's participle told without its auxiliary, hanging from the noun the
    parser took for the root ("Kenyan *convicted* in Britain for funding rebels"): the
    headline's own news, not a description of the noun."""
    tok = tree.tokens[j]
    if tok.dep != "acl" or tok.tag != "VBN" or tok.head == j:
        return False
    root = tree.tokens[tok.head]
    return root.dep == "ROOT" and root.pos in ("NOUN", "PROPN", "ADJ") and not tree.kids(j, "nsubj")


def _light_act(tree: DocTree, j: int) -> bool:
    """ "made the decision to ban", "took steps to expel": the clause of a noun that a
    light verb takes is the act itself."""
    tok = tree.tokens[j]
    if tok.dep != "acl" or tree.is_verb(tok.head):
        return False
    noun = tree.tokens[tok.head]
    return noun.dep in ("dobj", "attr") and tree.lemma(noun.head) in FRAMES.word("light_verbs")


def running_count(tree: DocTree, i: int) -> bool:
    """A perfect with "so far", "thus far" or "to date" and a number of people or
    things acted on counts acts up to now ("have arrested 2,669 immigrants so far this
    year"): a tally, not one act ("has so far rejected the plan" is one). Tallies over
    a period the text names ("in November alone", "since Wednesday", "this year") stay:
    judges took them, dated to that period."""
    if not tree.is_verb(i) or not any(tree.lemma(a) == "have" for a in tree.kids(i, "aux")):
        return False
    objects = tree.kids(i, "dobj", "nsubjpass")
    if not any(tree.tokens[n].tag == "CD" for o in objects for n in tree.kids(o, "nummod")):
        return False
    words = " ".join(tree.tokens[j].text.lower() for j in sorted(tree.subtree(i)))
    return any(f" {phrase} " in f" {words} " for phrase in _TALLY)


def counted(tree: DocTree, i: int) -> bool:
    """A participle inside a count ("brought the total number of the Palestinians
    killed on Thursday to nine", "the toll of people killed"): a tally of acts told
    elsewhere, not one act."""
    tok = tree.tokens[i]
    if tok.dep != "acl" or tok.head == i:
        return False
    noun = tree.tokens[tok.head]
    if noun.dep != "pobj" or tree.lemma(noun.head) != "of":
        return False
    return tree.lemma(tree.tokens[noun.head].head) in _COUNT_NOUNS


def habitual(tree: DocTree, i: int) -> bool:
    """A plural noun trigger told as a habit or a series ("Koizumi's repeated visits to
    the shrine", "frequent mutual high-level visits", "two previous meetings"), or a verb
    told as a habit ("frequently target", "routinely accusing"): no one act (but "after
    visits to Russia, China and Kazakhstan" is one trip)."""
    tok = tree.tokens[i]
    if tree.is_verb(i):  # "insurgents frequently target troops, accusing them of ..."
        verbs = [i, tok.head] if tok.dep in ("advcl", "xcomp", "conj") else [i]
        return any(
            tree.tokens[a].text.lower() in _HABITUAL_ADVERBS
            for v in verbs
            for a in tree.kids(v, "advmod")
        )
    if tok.tag not in ("NNS", "NNPS"):
        return False
    if tok.dep == "dobj" and any(  # "has held such rallies almost daily"
        tree.tokens[a].text.lower() in _HABITUAL_ADVERBS for a in tree.kids(tok.head, "advmod")
    ):
        return True
    return any(
        tree.lemma(c) in _HABITUAL or tree.tokens[c].text.lower() in _HABITUAL
        for c in tree.kids(i, "amod", "advmod", "compound")
    )


def topic_noun(tree: DocTree, i: int) -> bool:
    """A noun trigger that a preposition of topic or cause takes ("unlike previous
    summits", "the architects of the accord"): what the sentence tells is something
    else. Not the prepositions of an occasion ("arrived for a visit", "on a visit")."""
    tok = tree.tokens[i]
    if tok.head == i:
        return False
    if tok.dep == "pcomp" and tok.tag == "VBG":  # "heard Amir talk about killing Rabin"
        return tree.lemma(tok.head) in _TOPIC_GERUND_PREPS
    if tree.is_verb(i) or tok.dep != "pobj":
        return False
    return tree.lemma(tok.head) in _TOPIC_PREPS


def bare_mention(tree: DocTree, i: int, source: list[Party], timexes: tuple[Timex, ...]) -> bool:
    """A noun trigger with no doer that is not what its clause is about, and that has
    no date of its own ("the assassination of Hariri", topic of a probe)."""
    if tree.is_verb(i) or source:
        return False
    tok = tree.tokens[i]
    if tok.dep in ("nsubj", "nsubjpass", "ROOT"):
        return False  # "the bombings killed 224", a headline
    head = tok.head
    light = tree.is_verb(head) and tree.lemma(head) in FRAMES.word("light_verbs")
    if light and tok.dep in ("dobj", "attr"):
        return False
    phrase = sorted(tree.subtree(i))
    lo, hi = tree.tokens[phrase[0]].start, tree.tokens[phrase[-1]].end
    return not any(lo <= tx.start and tx.end <= hi for tx in timexes)  # "the 1998 bombings"


def pluperfect(tree: DocTree, i: int) -> bool:
    """ "Cuba had asked for visas": before the narrative's time, on an unknown day."""
    if not tree.is_verb(i):
        return False
    auxes = [tree.tokens[a] for a in tree.kids(i, "aux")]
    return tree.tokens[i].tag == "VBN" and any(a.lemma.lower() == "have" and a.tag == "VBD"
                                              for a in auxes)  # fmt: skip


def says_weekday(tx: Timex) -> bool:
    """Does the timex name a weekday ("on Tuesday")? Which week it means is the tagger's
    guess from the tense."""
    return bool(_WEEKDAY.search(tx.text))


def forward_weekday(date: str, tx: Timex | None, published: str | None) -> str:
    """A weekday said of a planned act lies after publication ("will meet on Tuesday")."""
    if tx is None or not published or not says_weekday(tx):
        return date
    try:
        day, pub = dt.date.fromisoformat(date), dt.date.fromisoformat(published[:10])
    except ValueError:
        return date
    while day < pub:
        day += dt.timedelta(days=7)
    return day.isoformat()


def _parts(value: str | None) -> tuple[int, int | None, int | None] | None:
    """(year, month, day) of a YYYY, YYYY-MM or YYYY-MM-DD value; None for any other."""
    m = _DATE.match(value or "")
    if m is None:
        return None
    return int(m[1]), int(m[2]) if m[2] else None, int(m[3]) if m[3] else None


def years_before(ev: EventMention, published: str | None) -> int:
    """How many years before publication the text dates the act (0 if not dated)."""
    act, pub = _parts(ev.date), _parts(published)
    if ev.date_source != "text" or act is None or pub is None:
        return 0
    return max(0, pub[0] - act[0])


def news(ev: EventMention, published: str | None) -> bool:
    """Is an act told in a background clause still news: planned, or dated by the text
    within the year before publication ("the agreement signed last November")? What is
    only possible or alleged there is not ("attempts to kill Castro", 4 of 23 judged
    dev lines usable)."""
    if ev.modality == "future":
        return True
    act, pub = _parts(ev.date), _parts(published)
    if ev.date_source != "text" or act is None or pub is None:
        return False
    return (pub[0] - act[0]) * 12 + (pub[1] or 12) - (act[1] or 12) <= 12


def starts_after(date: str, published: str | None) -> bool:
    """Does ``date`` (YYYY, YYYY-MM or YYYY-MM-DD) begin after ``published``?"""
    act, pub = _parts(date), _parts(published)
    if act is None or pub is None:
        return False
    return (act[0], act[1] or 1, act[2] or 1) > (pub[0], pub[1] or 1, pub[2] or 1)
