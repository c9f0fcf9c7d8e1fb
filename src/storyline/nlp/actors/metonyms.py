"""Capitals that stand for governments: ``sanctions against Moscow``.

A capital is the government when it acts or is acted on politically, and a
place when something happens in it. The decision reads the dependency parse:
subjects and possessors are actors; objects of ``with``/``against``/``on``/
``between`` are actors; ``to`` only after a verb or noun of giving or
addressing (``supplied aid to Kiev``, not ``a visit to Seoul``); ``of`` only
after a political noun (``efforts of Pyongyang``); a capital modifying a
political noun (``Seoul-Moscow relations``) is an actor. ``in``/``at``/
``near`` and the objects of movement verbs are places, and so is an all-caps
dateline (``MOSCOW, September 29``).
"""

from __future__ import annotations

from storyline.nlp.actors.view import DocView
from storyline.nlp.actors.words import word_set

__all__ = ["POLITICAL_NOUNS", "is_political_use"]

POLITICAL_NOUNS = word_set("political_nouns")
_ACTOR_PREPS = frozenset(["with", "against", "on", "toward", "towards", "between", "by", "upon"])
_TRANSFER = word_set("transfer_words")
_PLACE_VERBS = word_set("place_verbs")
_POLITICAL_VERBS = word_set("political_verbs")
_MAX_CONJ_DEPTH = 6


def is_political_use(view: DocView, first: int, last: int, depth: int = 0) -> bool:
    """True when the capital at tokens [first, last) stands for its government."""
    root_i = view.root(first, last)
    tok = view.tokens[root_i]
    if _is_dateline(view, first, last):
        return False
    if _in_hyphen_pair(view, first, last):
        return True
    if view.lower(last) == ":":
        return False  # "Moscow: 08:46", a clock or a label
    dep = tok.dep
    head = view.tokens[tok.head]
    if dep in ("nsubj", "nsubjpass", "poss", "agent", "csubj"):
        return True
    if dep == "conj" and tok.head != root_i and depth < _MAX_CONJ_DEPTH:
        h = view.entity_at.get(tok.head)
        hf, hl = (h.first, h.last) if h is not None else (tok.head, tok.head + 1)
        return is_political_use(view, hf, hl, depth + 1)
    if dep == "pobj":
        prep = head.text.lower()
        governor = view.tokens[head.head]
        glemma = governor.lemma.lower()
        if prep in _ACTOR_PREPS:
            return glemma not in _PLACE_VERBS
        if prep == "to":
            return _transfer_above(view, head.i)
        if prep in ("of", "from"):
            return glemma in POLITICAL_NOUNS
        return False
    if dep == "dobj":
        return head.lemma.lower() in _POLITICAL_VERBS
    if dep in ("compound", "nmod", "amod", "npadvmod"):
        return head.lemma.lower() in POLITICAL_NOUNS or head.text.lower() in POLITICAL_NOUNS
    return False


def _transfer_above(view: DocView, prep_i: int) -> bool:
    """Is ``to`` governed (up to three heads above) by a verb or noun of giving?"""
    i = prep_i
    for _ in range(3):
        head = view.tokens[i].head
        if head == i:
            return False
        lemma = view.tokens[head].lemma.lower()
        if lemma in _PLACE_VERBS:
            return False
        if lemma in _TRANSFER:
            return True
        i = head
    return False


def _is_dateline(view: DocView, first: int, last: int) -> bool:
    text = view.span_text(first, last)
    nxt = view.tok(last)
    sent_start, _ = view.sentence_bounds(first)
    return (
        text.isupper()
        and len(text) > 3
        and nxt is not None
        and nxt.text == ","
        and (first == sent_start or view.text[: view.tokens[first].start].endswith("\n"))
    )


def _in_hyphen_pair(view: DocView, first: int, last: int) -> bool:
    """``Seoul-Moscow relations``: two places joined by a hyphen before a political noun."""
    if view.lower(last) in ("-", "–") and view.tok(last + 1) is not None:
        other = view.entity_at.get(last + 1)
        after = other.last if other is not None else last + 2
        return other is not None and view.lower(after) in POLITICAL_NOUNS
    if first >= 2 and view.lower(first - 1) in ("-", "–"):
        return view.entity_at.get(first - 2) is not None and view.lower(last) in POLITICAL_NOUNS
    return False
