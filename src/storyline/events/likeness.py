"""When two event mentions may tell one happening: their sides, dates and words.

The merge (:mod:`storyline.events.merge`) and the partition of mentions into groups
that merge alone (:mod:`storyline.events.partition`) share these tests:

* sides, by token: a country for states and their organs and officials, the actor
  itself for anyone else, one anonymous token for unnamed groups ("militants");
* dates, by span: given dates nest, open dates (on or before / after publication)
  overlap within ``RECENT`` days, copies of one article may lie ``COPY_DAYS`` apart;
* words: content-word Jaccard of the sentences, or some overlap and the same trigger.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from functools import lru_cache

from storyline.dates import bounds
from storyline.events.lexicon import DIRECTIONLESS, STATEMENT_TYPES
from storyline.records import Actor, EventMention
from storyline.vocab import STATE_SECTORS, Modality, PloverType

__all__ = [
    "ANONYMOUS",
    "HALF",
    "Key",
    "alike",
    "copies",
    "evidence_similarity",
    "fits",
    "given_day",
    "group_key",
    "headline_and_lede",
    "order",
    "partial",
    "probes",
    "reach",
    "side",
    "statement_probe",
    "states_only",
    "width",
]

Key = tuple[PloverType, Modality, tuple[str, ...], tuple[str, ...]]

#: Sentences whose content words overlap this much report the same thing.
SIMILAR = 0.4
#: ... or this much when they share the trigger word's stem.
SIMILAR_WITH_TRIGGER = 0.2
#: Days before publication an undated past act may lie in (news reports recent acts).
RECENT = 45
#: Copies of one article: sentences this alike, with the same trigger, are one report...
COPY = 0.7
#: ... when their dates lie at most this many days apart (a reprint, a re-issue).
COPY_DAYS = 31
#: Characters from the top of an article that hold its headline and lede.
LEDE = 400
_WORD = re.compile(r"[^\W\d_]{3,}")
_STOP = frozenset(
    [
        "the",
        "and",
        "for",
        "with",
        "that",
        "this",
        "from",
        "said",
        "says",
        "was",
        "were",
        "has",
        "have",
        "had",
        "will",
        "would",
        "its",
        "his",
        "her",
        "their",
        "they",
        "them",
        "are",
        "been",
        "not",
        "but",
        "into",
        "over",
        "also",
        "which",
        "who",
        "whom",
        "than",
        "then",
        "after",
        "before",
        "about",
        "during",
        "between",
        "said",
        "on",
    ]
)


#: The first element of a probe on one side only.
HALF = "½"
#: The token of an unnamed group with no country ("militants", "the rebels").
ANONYMOUS = "~"


def token(a: Actor) -> str:
    if a.country and (a.kind in ("country", "igo") or a.sector in STATE_SECTORS):
        return a.country
    if a.kind == "group" and not a.country:
        return ANONYMOUS  # "two militants" and "four guerrillas" may be the same people
    return a.id


def states_only(key: Key) -> bool:
    """Are both sides states (country codes), so a shared day is enough to be one act?"""
    return all(len(t) <= 3 for t in (*key[2], *key[3])) and ANONYMOUS not in (*key[2], *key[3])


def side(actors: Iterable[Actor]) -> tuple[str, ...]:
    return tuple(sorted({token(a) for a in actors}))


def group_key(m: EventMention) -> Key:
    """(type, modality, source tokens, target tokens): mentions that may be one event
    without joining sides."""
    src, tgt = side(m.source), side(m.target)
    if m.type in DIRECTIONLESS:
        src, tgt = tuple(sorted({*src, *tgt})), ()
    return (m.type, m.modality, src, tgt)


@lru_cache(maxsize=65536)
def date_span(date: str, date_end: str | None, mod: str | None = None) -> tuple[str, str]:
    span = bounds(date, date_end) or (date, date)
    if mod == "ON_OR_BEFORE":
        return shift_day(span[1], -RECENT), span[1]
    if mod == "ON_OR_AFTER":
        return span[0], shift_day(span[0], RECENT)
    return span


def shift_day(day: str, days: int) -> str:
    try:
        return (dt.date.fromisoformat(day) + dt.timedelta(days=days)).isoformat()
    except ValueError:
        return day


def span(m: EventMention) -> tuple[str, str]:
    return date_span(m.date, m.date_end, m.date_mod)


def reach(m: EventMention) -> tuple[str, str]:
    """The days a mention's event may touch: its span, widened so that copies dated up
    to ``COPY_DAYS`` apart overlap (no join reaches further)."""
    lo, hi = span(m)
    half = COPY_DAYS // 2 + 1
    lo, hi = min(lo, hi), max(lo, hi)
    return shift_day(lo, -half), shift_day(hi, half)


def fits(a: EventMention, b: EventMention) -> bool:
    """Given dates must nest ("June 2018" holds "June 21"); an open date overlaps."""
    sa, sb = span(a), span(b)
    if a.date_mod or b.date_mod:
        return sa[0] <= sb[1] and sb[0] <= sa[1]
    return (sa[0] <= sb[0] and sb[1] <= sa[1]) or (sb[0] <= sa[0] and sa[1] <= sb[1])


def width(m: EventMention) -> int:
    if m.date_mod:
        return 10**5  # after every date the text gives, before unknown ones
    return date_width(m.date, m.date_end)


@lru_cache(maxsize=65536)
def date_width(date: str, date_end: str | None) -> int:
    b = bounds(date, date_end)
    if b is None:
        return 10**6
    try:
        return (dt.date.fromisoformat(b[1]) - dt.date.fromisoformat(b[0])).days
    except ValueError:
        return 10**6


def words(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(text.lower()) if w not in _STOP)


_SUFFIX = re.compile(r"(?:ing|ed|es|s)$")


def stem(text: str) -> str:
    """A crude stem of a trigger: "vetoed", "vetoes" and "veto" share "veto"."""
    word = text.lower().strip()
    return _SUFFIX.sub("", word)[:5] if len(word) > 4 else word[:5]


def evidence_similarity(a: EventMention, b: EventMention) -> float:
    """How alike two mentions' sentences are (Jaccard of content words), 0..1."""
    wa, wb = words(a.evidence.text), words(b.evidence.text)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / len(wa | wb)


def alike(a: EventMention, b: EventMention) -> bool:
    sim = evidence_similarity(a, b)
    if sim >= SIMILAR:
        return True
    return sim >= SIMILAR_WITH_TRIGGER and stem(a.trigger.text) == stem(b.trigger.text)


def copies(a: EventMention, b: EventMention) -> bool:
    """The same sentence of copies of one article (the caller checks the story)."""
    if a.trigger.text.lower() != b.trigger.text.lower():
        return False
    ra, rb = reach(a), reach(b)
    return ra[0] <= rb[1] and rb[0] <= ra[1] and evidence_similarity(a, b) >= COPY


def statement_probe(m: EventMention) -> str | None:
    """The sentence a statement act was told in, with its modality: one doer's acts of
    statement types there are one happening ("denounced ... and urged ...")."""
    if m.type not in STATEMENT_TYPES or not m.source:
        return None
    return "\x1f".join(("§", m.document, str(m.evidence.start), m.modality))


def given_day(m: EventMention) -> bool:
    return m.date_source == "text" and width(m) == 0


def order(m: EventMention) -> tuple[int, str, str, str]:
    return (width(m), m.date, m.date_end or "", m.id)


def probes(key: Key) -> list[tuple[str, ...]]:
    """Look-up keys of a cluster's sides: a (source, target) pair of tokens, and a
    "half" probe per token, for meeting clusters with a side the text left empty."""
    type_, modality, src, tgt = key
    pairs: list[tuple[str, ...]]
    if type_ in DIRECTIONLESS:
        pairs = [(type_, modality, a, b) for a in src for b in src if a < b]
        return pairs + [(HALF, type_, modality, a) for a in src]
    if len(src) < 2 and len(tgt) < 2:
        pairs = [(type_, modality, *src, "→", *tgt)]  # only equal keys share this probe
    else:
        pairs = [(type_, modality, a, "→", b) for a in src for b in tgt]
    halves: list[tuple[str, ...]] = [(HALF, type_, modality, a, "→") for a in src]
    return pairs + halves + [(HALF, type_, modality, "→", b) for b in tgt]


def partial(key: Key) -> bool:
    """Does the key leave a side open (no target; one party of a joint act)?"""
    if key[0] in DIRECTIONLESS:
        return len(key[2]) < 2
    return not key[2] or not key[3]


def headline_and_lede(a: EventMention, b: EventMention) -> bool:
    return a.document == b.document and a.evidence.start < LEDE and b.evidence.start < LEDE
