"""An event's own date: the temporal expression governing the event's clause.

A date counts for an event when it attaches (through the parse) to the trigger
or to a word on the trigger's governing chain — "*In early June*, North Korea
blew up ...", "gave orders *on June 24* to postpone ...". Dates buried in
another noun phrase ("the plan *for 2021-2022*, which we have signed") or in
the possessive of a restated act ("reaffirmed *last year's* invitation") do not.
Without one, the event is placed at the document's publication date and marked
``date_source: reported``, and the tense says what that date means
(:func:`open_side`): a past act, or one told in the simple present ("accuses"),
happened *on or before* it, a plan *on or after* it, an act under way ("is holding
talks") or a present in quoted speech holds on it; a present stance in a dated saying
("said Tuesday it opposes") holds on the saying's day. The timeline never shows a hard
day the text does not give.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from storyline.dates import bounds
from storyline.events.date_scope import (
    after_own_act,
    and_conjunct,
    at_the_time,
    bare_day_verb,
    before_sequence,
    complements,
    frames_main_clause,
    participle_frame,
    same_act,
    since_start,
    status_passive,
    told_after,
    unfolds,
)
from storyline.events.lexicon import SPEECH_VERBS
from storyline.events.modality import governing_chain, modality, past_named
from storyline.events.narrative import narrative_day
from storyline.events.retype import forward_weekday, pluperfect, says_weekday, starts_after
from storyline.events.senses import is_party_word
from storyline.events.tree import DocTree
from storyline.records import Document, Sentence, Timex
from storyline.vocab import DateMod, DateSource, Modality

__all__ = [
    "EventDate",
    "anniversary_year",
    "clock_only",
    "date_event",
    "event_date",
    "open_side",
    "quoted",
]

_DATE_TYPES = frozenset({"DATE", "TIME"})


def _timex_head(tree: DocTree, tx: Timex, sentence: Sentence) -> int | None:
    """The token of the timex whose head lies outside it (the span's syntactic head)."""
    inside = [
        i
        for i in range(sentence.token_start, sentence.token_end)
        if tree.tokens[i].start >= tx.start and tree.tokens[i].end <= tx.end
    ]
    if not inside:
        return None
    span = set(inside)
    for i in inside:
        if tree.tokens[i].head not in span or tree.tokens[i].head == i:
            return i
    return inside[0]


#: Nouns of a part of a day: "in the early hours of Thursday" dates what they modify.
_TIME_NOUNS = frozenset({"hour", "morning", "afternoon", "evening", "night", "dawn", "dusk"})
#: Prepositions of a circumstance that frames an act ("in an operation on Nov. 14, police
#: arrested ...", "during talks on Monday, X agreed ...").
_FRAMING_PREPS = frozenset({"in", "during", "at"})


def _attachment(tree: DocTree, head: int, stop: set[int], limit: int = 4) -> int | None:
    """Walk up from a timex head through prepositions (and nouns of a part of a day)
    to the word it modifies."""
    i = head
    for _ in range(limit):
        tok = tree.tokens[i]
        if tok.head == i:
            return i
        i = tok.head
        if i in stop:
            return i
        if tree.tokens[i].pos in ("ADP", "SCONJ", "ADV", "PART", "NUM"):
            continue
        if tree.lemma(i) not in _TIME_NOUNS:
            return i
    return i


def _party_day(tree: DocTree, tx: Timex, target: int, rank: dict[int, int]) -> int:
    """A day the parser hung on a party ("met with a Japanese delegation here *on
    Wednesday*"): a delegation has no day, the meeting has; so the verb whose object
    the party is, else ``target``."""
    if not _A_DAY.fullmatch(tx.value) or not is_party_word(tree, target):
        return target
    n = target
    for _ in range(2):  # the party, its preposition, the verb
        tok = tree.tokens[n]
        if tok.dep not in ("dobj", "pobj", "prep") or tok.head == n:
            return target
        n = tok.head
        if n in rank:
            return n
    return target


def _framing(tree: DocTree, head: int, target: int, chain: set[int]) -> int:
    """The verb of the trigger's governing chain a misattached date belongs to, else
    ``target``.

    * a circumstance the act happens in: "*In a separate operation on Nov. 14*, police
      arrested", "*In a statement issued late Tuesday*, Jihad criticised" (the date
      modifies a noun, or the clause describing it, that an "in"/"during"/"at" phrase
      of the verb names);
    * a date right before the verb that the parser hung on the subject: "the widow of
      Litvinenko *on Sunday* accused Moscow".
    """
    tok = tree.tokens[target]
    noun = tok.head if tok.dep in ("acl", "relcl") and tok.head != target else target
    n = tree.tokens[noun]
    if n.dep == "pobj" and tree.lemma(n.head) in _FRAMING_PREPS:
        verb = tree.tokens[n.head].head
        if verb in chain:
            return verb
        # "urged Palestinians to turn against Abbas, in a message posted on Sunday": a
        # message put out frames the act it carries, though hung on the complement
        published = any(tree.tokens[a].tag == "VBN" for a in tree.kids(noun, "acl"))
        while published and tree.tokens[verb].dep == "xcomp" and verb not in chain:
            verb = tree.tokens[verb].head
        if published and verb in chain:
            return verb
    last = max(tree.subtree(head))
    nxt = last + 1
    while nxt < len(tree.tokens) and tree.tokens[nxt].dep in ("aux", "auxpass", "neg", "advmod"):
        nxt += 1  # "on Sunday has accused", "on Sunday also accused"
    if nxt in chain and tree.is_verb(nxt):
        subjects = tree.kids(nxt, "nsubj", "nsubjpass")
        if any(target in tree.subtree(s) for s in subjects):
            return nxt
    return target


def event_date(
    tree: DocTree,
    trigger: int,
    sentence: Sentence,
    timexes: tuple[Timex, ...],
    *,
    skip_subtree: set[int] | None = None,
    phrase_end: int | None = None,
) -> Timex | None:
    """The timex that governs the trigger's clause, nearest on the chain first.
    ``phrase_end``: the last token of a phrase trigger ("hold talks"), whose object noun
    a date phrase may hang on ("will hold their first talks in mid-November")."""
    full = governing_chain(tree, trigger)
    chain = before_sequence(tree, full)
    rank = {tok: n for n, tok in enumerate(chain)}
    phrase_nouns = {
        j
        for j in range(trigger + 1, (phrase_end or trigger) + 1)
        if tree.tokens[j].head == trigger and tree.tokens[j].dep == "dobj"
    }
    for j in phrase_nouns:
        rank.setdefault(j, 0)
    # the same act told twice, the telling a meeting precedes, when a subject unfolds
    extra = [*same_act(tree, trigger), *told_after(tree, full, chain), *unfolds(tree, trigger)]
    for j in extra:
        rank.setdefault(j, len(chain))
    # "the January 1998 bombing of a clinic that killed ...": a relative clause happens
    # when the noun phrase it hangs in is dated
    n = chain[-1]
    if len(chain) > 1 and tree.tokens[chain[-2]].dep == "relcl":
        for _ in range(2):
            tok = tree.tokens[n]
            if tok.dep != "pobj" or tree.tokens[tok.head].dep != "prep":
                break
            n = tree.tokens[tok.head].head
            if tree.is_verb(n):  # "will fly to Seoul, where he will meet": that moment
                if any(tree.lemma(a) == "where" for a in tree.kids(chain[-2], "advmod")):
                    rank.setdefault(n, len(chain))
                break
            rank.setdefault(n, len(chain))
    chain = [*chain, *(j for j in extra if j not in chain)]
    for verb in chain:
        # "Opening the forum on Wednesday, Annan called on ...": a participle clause tells
        # the same moment, and so do one set off after the subject ("EU ministers,
        # meeting in Brussels on Tuesday, failed to agree"), a clause of time ("voted to
        # endorse it when it convened on Thursday") and the subject's own act before
        # ("After voting on Sunday, Chavez hailed"): their own words, not a relative
        # clause's
        framing = [
            c for c in tree.kids(verb, "advcl") if participle_frame(tree, c) or at_the_time(tree, c)
        ]
        framing += [
            c for s in tree.kids(verb, "nsubj", "nsubjpass")
            for c in tree.kids(s, "appos", "acl") if participle_frame(tree, c, verb)
        ]  # fmt: skip
        for clause in [*framing, *after_own_act(tree, verb)]:
            _share_time(tree, clause, rank, len(chain))
    for c in complements(tree, trigger):  # "voted to endorse lifting the ban when it
        for clause in tree.kids(c, "advcl"):  # convened on Thursday": the parser hangs
            if at_the_time(tree, clause) and tree.tokens[clause].tag == "VBD":  # it low
                _share_time(tree, clause, rank, len(chain))
    for p in tree.kids(trigger, "prep"):  # "hosted X during the visit last week"
        if tree.lemma(p) in ("during", "at"):
            for noun in tree.kids(p, "pobj"):
                rank.setdefault(noun, len(chain))
    if not tree.is_verb(trigger):
        # "the next meeting of the Commission, which is scheduled to take place this year"
        nouns, frontier = [trigger], [trigger]
        for _ in range(3):  # through "of the Commission on ... Cooperation"
            frontier = [
                o for f in frontier for p in tree.kids(f, "prep") for o in tree.kids(p, "pobj")
            ]
            nouns += frontier
        for n in nouns:
            for clause in tree.kids(n, "relcl", "acl"):
                for j in tree.subtree(clause):
                    if tree.is_verb(j):
                        rank.setdefault(j, len(chain))
    own = {trigger, *rank}  # the words whose "since" phrase dates the act itself
    best: tuple[int, int, Timex] | None = None
    for tx in timexes:
        if tx.type not in _DATE_TYPES or not (sentence.start <= tx.start < sentence.end):
            continue
        if tx.value.startswith(("P", "PRESENT", "PAST", "FUTURE")) or clock_only(tx):
            continue
        head = _timex_head(tree, tx, sentence)
        if head is None or (skip_subtree and head in skip_subtree):
            continue
        if since_start(tree, tx, head, own):
            continue  # "the second visit since 2003": after that date, not on it
        if _span_bound(tree, head):
            continue  # "suspended its operations until January": when it ends, not when done
        target = _attachment(tree, head, set(chain))
        if target in phrase_nouns and tree.tokens[head].dep not in ("pobj", "npadvmod"):
            continue  # "hold the 1998 talks": a date of the noun alone, left as it was
        if target is not None and target not in rank:
            target = bare_day_verb(tree, head, target)
        if target is not None and target not in rank:
            target = _framing(tree, head, target, set(chain))
        if target is not None and target not in rank:
            target = _party_day(tree, tx, target, rank)
        if target in rank:
            cand = (rank[target], abs(tx.start - tree.tokens[trigger].start), tx)
            if best is None or cand[:2] < best[:2]:
                best = cand
    if best is not None:
        return best[2]
    # A sentence-opening date ("In 1883, ...") frames the whole main clause (the parser
    # often hangs it on the subject: "Last December South Korea tightened"), and so does
    # a sentence's only date at its end ("launched talks with Turkey last October").
    root = chain[-1]
    if and_conjunct(tree, root):
        root = tree.tokens[root].head  # "In June last year, ... had a falling out, and Pol
        # Pot was arrested": the opening date frames both clauses
    if tree.tokens[root].dep == "ROOT":
        heads = {
            id(tx): _timex_head(tree, tx, sentence) for tx in timexes
            if tx.type in _DATE_TYPES and sentence.start <= tx.start < sentence.end
            and not tx.value.startswith(("P", "X")) and not clock_only(tx)
        }  # fmt: skip
        dates = [
            tx for tx in timexes
            if id(tx) in heads
            and frames_main_clause(tree, heads[id(tx)], root, skip_subtree)
            and not since_start(tree, tx, heads[id(tx)], own)
            and not _span_bound(tree, heads[id(tx)])
        ]  # fmt: skip
        for tx in dates:
            if tx.start < sentence.start + 25:
                return tx
        tail = sentence.start + len(sentence.text.rstrip().rstrip(".!?\"'”’ "))
        if len(dates) == 1 and dates[0].end >= tail - 1:
            return dates[0]
    return None


def _share_time(tree: DocTree, clause: int, rank: dict[int, int], n: int) -> None:
    """Rank the words of ``clause``'s own clause (not of a clause within it) ``n``: a
    date on them dates the act."""
    for j in tree.subtree(clause):
        if tree.clause_verb(j) == clause:
            rank.setdefault(j, n)


#: A clock time that names no day ("at 10 p.m.", "at 4 in the morning"): its day is
#: only the anchor's guess, so it does not date an event.
_DAY_WORDS = re.compile(
    r"\d{4}|\d{1,2}[./-]\d{1,2}|day\b|tonight|overnight|yesterday|tomorrow|"
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*\d",
    re.IGNORECASE,
)


#: Prepositions whose date closes a span: what they date is its end, not the act.
_UNTIL = frozenset({"until", "till", "untill"})


def _span_bound(tree: DocTree, head: int | None) -> bool:
    """Is the timex headed by ``head`` the object of "until" ("until April 23"), or the
    day something takes effect ("accepted Angola as a member, effective January 1")?
    Either bounds a state, it does not date the act."""
    if head is None:
        return False
    tok = tree.tokens[head]
    if tok.dep == "pobj" and tree.tokens[tok.head].text.lower() in _UNTIL:
        return True
    j = head
    for _ in range(3):  # "effective January 1", "effective as of January 1"
        if tree.tokens[j].head == j:
            return False
        j = tree.tokens[j].head
        if tree.tokens[j].text.lower() == "effective":
            return True
    return False


def clock_only(tx: Timex) -> bool:
    return tx.type == "TIME" and _DAY_WORDS.search(tx.text) is None


_ORDINAL = re.compile(r"^(\d{1,3})(?:st|nd|rd|th)$")


def anniversary_year(
    tree: DocTree,
    trigger: int,
    sentence: Sentence,
    timexes: tuple[Timex, ...],
    published: str | None,
) -> str | None:
    """ "This year marks the 30th anniversary of the establishment of relations":
    the act happened N years before the year the anniversary falls in."""
    tok = tree.tokens[trigger]
    if tok.dep != "pobj" or tree.lemma(tok.head) != "of":
        return None
    anniversary = tree.tokens[tok.head].head
    if tree.lemma(anniversary) != "anniversary":
        return None
    n = None
    for c in tree.kids(anniversary, "amod", "nummod"):
        m = _ORDINAL.match(tree.tokens[c].text.lower())
        if m:
            n = int(m.group(1))
    if n is None:
        return None
    year = None
    for tx in timexes:
        if sentence.start <= tx.start < sentence.end and re.fullmatch(r"\d{4}", tx.value):
            year = int(tx.value)
            break
    if year is None and published and published[:4].isdigit():
        year = int(published[:4])
    return f"{year - n:04d}" if year is not None and year - n > 0 else None


_PRESENT_TAGS = frozenset({"VBZ", "VBP"})
_WILL = frozenset({"will", "shall", "'ll", "wo"})


def _clause_tense(tree: DocTree, trigger: int) -> str:
    """``past``, ``present``, ``progressive``, ``future`` or ``unknown``: the tense of the
    first verb governing the trigger ("held talks", "has signed", "accuses", "is holding
    talks", "will not sign", "the attack" alone)."""
    below = ""
    for i in governing_chain(tree, trigger):
        if not tree.is_verb(i):
            below = tree.tokens[i].dep
            continue
        tok = tree.tokens[i]
        auxes = [tree.tokens[a] for a in tree.kids(i, "aux", "auxpass")]
        if any(a.text.lower() in _WILL for a in auxes) and (i == trigger or below == "xcomp"):
            return "future"  # "will not reach any agreement": a refusal ahead
        below = tok.dep
        if any(a.tag == "VBD" or a.lemma == "have" for a in auxes):
            return "past"  # "was attacked", "did not meet", "has signed", "had asked"
        if any(a.tag in _PRESENT_TAGS for a in auxes):
            return "progressive" if tok.tag == "VBG" else "present"  # "is holding"; "are deployed"
        if tok.tag == "VBD":
            return "past"
        if tok.tag in _PRESENT_TAGS:
            return "present"  # "accuses", "threatens": a standing act, or news told in the present
        if tok.tag == "VBN" and tok.dep in ("acl", "amod"):
            return "past"  # "the troops deployed near the border", "the agreement signed"
        if tok.tag in ("VB", "VBG", "VBN") and tok.dep in ("xcomp", "ccomp", "advcl", "conj"):
            continue  # "agreed to send": the governing verb has the tense
        return "unknown"
    return "past"  # a noun no verb governs ("The attack on the embassy."): news is past


def _finite_past(tree: DocTree, i: int) -> bool:
    """Is the trigger itself a past verb form ("made", "has tried", "was found")?"""
    if not tree.is_verb(i):
        return False
    auxes = [tree.tokens[a] for a in tree.kids(i, "aux", "auxpass")]
    if any(a.lemma == "have" for a in auxes):
        return True  # "has tried", "may have attacked"
    if any(a.lemma in ("will", "would", "shall", "may", "might", "can", "could") for a in auxes):
        return False
    return tree.tokens[i].tag == "VBD" or any(a.tag == "VBD" for a in auxes)


def quoted(doc: Document, sentence: Sentence, start: int) -> bool:
    """Is the character at ``start`` inside quotation marks (an odd number of quotes
    before it in its sentence)?"""
    before = doc.text[sentence.start : start]
    return (before.count('"') + before.count("“") + before.count("``")) % 2 == 1


def open_side(
    tree: DocTree, trigger: int, modality: Modality, *, speech: bool = False
) -> DateMod | None:
    """What the publication date means for an event its text does not date:
    ``ON_OR_BEFORE`` (a past act, or one told in the simple present), ``ON_OR_AFTER``
    (a plan, a possibility still open, a refusal ahead) or None (an act under way, "is
    holding talks", or a present in quoted ``speech``, "We condemn ...", done as it is
    said: it holds on the publication day)."""
    tense = _clause_tense(tree, trigger)
    if status_passive(tree, trigger):
        return "ON_OR_BEFORE"  # "Bin Laden is accused of ...": charged before, still so
    if tense == "past" and _finite_past(tree, trigger):
        return "ON_OR_BEFORE"  # "has tried", "made it clear": done, whatever governs it
    if modality in ("future", "hypothetical") or tense == "future":
        return "ON_OR_AFTER"  # planned, wished, demanded, feared, refused ahead: not done
    if tense == "past" or (tense == "present" and not speech):
        return "ON_OR_BEFORE"  # a simple present holds by now ("The US accuses Iran of ...")
    return None  # "is holding talks": under way on the day; "We condemn ...": said on it


class EventDate(NamedTuple):
    """When an event happened, as its text says: a TIMEX3 value (or ``date``/``date_end``
    range), where it came from (``text``: its own timex; ``context``: the day the
    sentences before it tell; ``reported``: the publication date),
    and whether the day closes an open interval (``date_mod``)."""

    date: str
    date_end: str | None
    source: DateSource
    date_mod: DateMod | None = None


def _from_value(value: str | None, published: str | None) -> EventDate:
    if value and not value.startswith("X"):
        if "/" in value:
            start, stop = value.split("/", 1)
            return EventDate(start, stop, "text")
        return EventDate(value, None, "text")
    return EventDate(published or "XXXX", None, "reported")


def date_event(
    tree: DocTree, i: int, sentence: Sentence, doc: Document, tx: Timex | None
) -> tuple[EventDate, Modality]:
    """The date and modality of the event whose trigger is token ``i`` and whose own
    timex (:func:`event_date`) is ``tx``: a date after publication makes an asserted
    act a plan ("the summit on Thursday" in Monday's paper), a plan's weekday lies
    ahead, and an undated act's publication date is opened by its tense."""
    when = _from_value(tx.value if tx else None, doc.published)
    founded = anniversary_year(tree, i, sentence, doc.timexes, doc.published)
    if founded is not None:
        when = EventDate(founded, None, "text")
    mood = modality(tree, i)
    if mood == "asserted" and when.source == "text" and starts_after(when.date, doc.published):
        mood = "future"
    if mood == "future" and when.source == "text":
        when = when._replace(date=forward_weekday(when.date, tx, doc.published))
    if (
        mood in ("future", "hypothetical")
        and not tree.is_verb(i)
        and _held_before(tree, i, when, doc, tx)
    ):
        mood = "asserted"  # "would brief him on his talks earlier this month": those were held
    if when.source == "reported" and doc.published:
        side = open_side(tree, i, mood, speech=quoted(doc, sentence, tree.tokens[i].start))
        if side is None and _headline(doc, sentence):
            side = "ON_OR_BEFORE"  # "Egypt detains ten suspects": the news of a past act
        bound = _done_before(tree, i, sentence, doc) if side == "ON_OR_BEFORE" else None
        since = _done_after(tree, i, sentence, doc) if side == "ON_OR_BEFORE" else None
        day = narrative_day(doc, sentence) if side == "ON_OR_BEFORE" else None
        if day and (not _simple_past(tree, i) or _other_time(tree, i, doc, sentence, day)):
            day = None  # "have been detained", "is charged": by now, not on the day told;
            # "first proposed the zone in the 1990s": the sentence tells another time
        said = _said_now(tree, i, sentence, doc) if mood in ("asserted", "negated") else None
        if bound is not None:
            when = EventDate(bound, None, "text", "ON_OR_BEFORE")
        elif since is not None:
            when = EventDate(since, None, "text", "ON_OR_AFTER")
        elif said is not None:
            when = EventDate(said, None, "text")
        else:
            when = EventDate(day, None, "context") if day else when._replace(date_mod=side)
    return when, mood


def _held_before(tree: DocTree, i: int, when: EventDate, doc: Document, tx: Timex | None) -> bool:
    """Is the act a noun names told as past, whatever the plan around it ("decisions made
    during their meeting with Bush in September", "would inform him about his talks
    earlier this month")? Its own date ends before the publication day, or its phrase
    says it is past ("last week's summit")."""
    if when.source != "text" or not doc.published:
        return False
    if past_named(tree, i):
        return True
    if tx is not None and says_weekday(tx):
        return False  # "a possible meeting on Friday": which Friday is only a guess
    span = bounds(when.date, when.date_end)
    return span is not None and span[1] < doc.published


#: Modals of the present: "it cannot accept", "Iran must stop".
_PRESENT_MODALS = frozenset({"can", "ca", "must", "may"})


def _said_now(tree: DocTree, i: int, sentence: Sentence, doc: Document) -> str | None:
    """ "China said Tuesday it opposes the sale", "said Monday it cannot ask ...": a stance
    told in the present in what a dated saying reports holds on the day it was said.
    (An act told in the past, "said Tuesday that troops attacked", may be older.)"""
    chain = governing_chain(tree, i, through_advcl=False)
    top = tree.tokens[chain[-1]]
    if top.dep != "ccomp" or tree.lemma(top.head) not in SPEECH_VERBS:
        return None
    if not _present_clause(tree, chain):
        return None
    tx = event_date(tree, top.head, sentence, doc.timexes)
    if tx is None or not _A_DAY.fullmatch(tx.value):
        return None
    j = _timex_head(tree, tx, sentence)
    while j is not None and j != top.head and tree.tokens[j].head != j:
        if tree.tokens[j].dep == "prep" and tree.lemma(j) in _SEQUENCE:
            return None  # "said ..., after the referendum on Thursday": said after it
        j = tree.tokens[j].head
    return tx.value


def _present_clause(tree: DocTree, chain: list[int]) -> bool:
    """Is the first verb on the chain with a tense of its own in the present ("opposes",
    "is holding", "cannot accept")?"""
    for j in chain:
        if not tree.is_verb(j):
            continue
        auxes = [tree.tokens[a] for a in tree.kids(j, "aux", "auxpass")]
        if any(a.lemma == "have" for a in auxes):
            return False  # "has cooperated": done by the day it was said, not on it
        if any(a.text.lower() in _PRESENT_MODALS or a.tag in _PRESENT_TAGS for a in auxes):
            return True
        if auxes or tree.tokens[j].tag == "VBD":
            return False  # "will accept", "accepted"
        if tree.tokens[j].tag in _PRESENT_TAGS:
            return True
        if tree.tokens[j].dep not in ("xcomp", "conj"):
            return False
    return False


#: Prepositions that put their object before the act they modify.
_EARLIER = frozenset({"after", "following"})
#: Prepositions that put their object before or after the act they modify.
_SEQUENCE = _EARLIER | {"before", "since", "until", "ahead"}
_A_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _done_before(tree: DocTree, i: int, sentence: Sentence, doc: Document) -> str | None:
    """ "Hu arrived here Thursday after a state visit to Britain": an act named after
    "after" is done by the day of the act it precedes (on or before that day)."""
    tok = tree.tokens[i]
    if tree.is_verb(i) or tok.dep != "pobj" or tree.lemma(tok.head) not in _EARLIER:
        return None
    verb = tree.tokens[tok.head].head
    if verb == tok.head or not tree.is_verb(verb):
        return None
    tx = event_date(tree, verb, sentence, doc.timexes, skip_subtree=set(tree.subtree(i)))
    if tx is None or not _A_DAY.fullmatch(tx.value):
        return None
    return tx.value


def _done_after(tree: DocTree, i: int, sentence: Sentence, doc: Document) -> str | None:
    """ "The UN imposed sanctions on Iraq *after it invaded Kuwait in 1990*", "froze aid
    *after the Islamists formed a cabinet in March*": a past act the text does not date
    but tells after a dated one was done on or after that one's date (the own date of
    the clause or phrase of "after" that the act's verb governs; not a date inside it
    that dates something else: "after a court ruled on the 1992 murder")."""
    if not tree.is_verb(i) or not doc.published:
        return None
    for verb in governing_chain(tree, i):
        earlier = [
            c for c in tree.kids(verb, "advcl")
            if {tree.lemma(m) for m in tree.kids(c, "mark")} & _EARLIER
        ] + [
            o for p in tree.kids(verb, "prep") if tree.lemma(p) in _EARLIER
            for o in tree.kids(p, "pobj")
        ]  # fmt: skip
        for act in earlier:
            tx = event_date(tree, act, sentence, doc.timexes)
            if tx is None or tx.type != "DATE" or not tx.value[:4].isdigit():
                continue
            if not clock_only(tx) and tx.value[:10] <= doc.published:
                return tx.value
    return None


def _other_time(tree: DocTree, trigger: int, doc: Document, sentence: Sentence, day: str) -> bool:
    """Does the trigger's own clause give a date (a day, month, year or decade) that is
    not ``day``'s, though the parse does not hang it on the act ("first proposed the
    establishment of the zone in the 1990s")? Not one in another clause ("the rebels,
    who seized the town in 2004"), nor one that contains the day ("talks with the
    president of Seychelles on Thursday")."""
    chain = set(governing_chain(tree, trigger))
    for tx in doc.timexes:
        if tx.type != "DATE" or not tx.value[:1].isdigit() or day.startswith(tx.value[:10]):
            continue
        if not sentence.start <= tx.start < sentence.end:
            continue
        head = _timex_head(tree, tx, sentence)
        if head is None:
            continue
        clause = tree.clause_verb(head)
        if clause in chain or _clause_of_time(tree, clause, chain):
            return True
    return False


_TIME_CLAUSE_MARKS = frozenset({"after", "before", "when", "since", "following", "once"})


def _clause_of_time(tree: DocTree, clause: int, chain: set[int]) -> bool:
    """Is ``clause`` a clause of time of the act ("imposed sanctions on Iraq *after it
    invaded Kuwait in 1990*"): its date places the act, so the narrative's day does
    not?"""
    tok = tree.tokens[clause]
    if tok.dep != "advcl" or tok.head not in chain:
        return False
    return any(tree.tokens[m].text.lower() in _TIME_CLAUSE_MARKS for m in tree.kids(clause, "mark"))


def _headline(doc: Document, sentence: Sentence) -> bool:
    """Is the sentence the article's headline (its first line, with no full stop)? A
    headline tells a past act in the present ("Indonesia jails militant")."""
    first = doc.sentences[0] if doc.sentences else None
    if first is None or first.start != sentence.start:
        return False
    return not sentence.stopped


def _simple_past(tree: DocTree, trigger: int) -> bool:
    """Is the act told in the simple past ("were arrested", "signed the deal")? A
    perfect ("have been detained", "had been probing") counts from the time of speaking
    or from another past act, not from the day the narrative is at."""
    tok = tree.tokens[trigger]
    if tok.dep == "advcl" and at_the_time(tree, trigger) and pluperfect(tree, tok.head):
        return False  # "the project had been halted when Russia accused ...": back then
    for i in governing_chain(tree, trigger):
        if not tree.is_verb(i):
            continue
        auxes = [tree.tokens[a] for a in tree.kids(i, "aux", "auxpass")]
        if any(a.lemma == "have" for a in auxes):
            return False
        tok = tree.tokens[i]
        if tok.tag in ("VB", "VBG", "VBN") and not auxes and tok.dep in ("xcomp", "conj"):
            continue  # "agreed to send", "met and signed": the governing verb has the tense
        return tok.tag == "VBD" or any(a.tag == "VBD" for a in auxes)
    return True  # a noun no verb governs: a headline's act
