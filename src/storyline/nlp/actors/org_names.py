"""Names of organizations the tables do not know: one actor per company whatever
form of its name an article uses, and which bare names are companies at all.

``Boeing Co.``, ``Boeing Corp.`` and ``Boeing`` share one id (the corporate form is
dropped, ``data/actor_words.json``'s ``corporate_suffixes``); ``Ford Motors`` in an
article that names ``Ford Motor Company`` is that company; a bare name such as
``Boeing`` is a company when the article keeps naming it and calls it one
(``company_nouns``) or speaks of its shares (``listed_nouns``).
"""

from __future__ import annotations

import re

from storyline.nlp.actors.gazetteer import name_key
from storyline.nlp.actors.view import DocView, EntitySpan
from storyline.nlp.actors.words import word_set

__all__ = ["named_companies", "org_singular", "org_stem"]

_CORPORATE = word_set("corporate_suffixes")


def org_stem(name: str) -> str:
    """An organization's name without its corporate form: "Boeing Co." and "Boeing"
    are one actor (one id), whatever form an article uses."""
    words = name.split()
    while len(words) > 1 and words[-1].lower().rstrip(",") in _CORPORATE:
        words.pop()
    return " ".join(words).rstrip(",")


#: How often an article must name a company the tables do not know, and whose name
#: says neither country nor sector, for it to be an actor ("the planemaker Boeing ...
#: Boeing said"): a company the article keeps naming is one it is about.
_REPEATS_FOR_A_COMPANY = 2
_COMPANY_NOUNS = word_set("company_nouns")
_CALLED = frozenset({"appos", "compound"})
#: "Boeing shares", "Boeing's stock", "shares of Boeing": only a company is listed
_LISTED = word_set("listed_nouns")
_OWNS = frozenset({"compound", "poss"})


def named_companies(view: DocView) -> frozenset[str]:
    """Name keys (corporate form dropped) of the organizations the NER tags ORG at
    least ``_REPEATS_FOR_A_COMPANY`` times and the text once calls a company in so
    many words ("the planemaker Boeing", "Boeing, the aircraft maker") or once speaks
    of its shares ("Boeing shares rose", "shares of Boeing"). Their bare
    names say nothing, the text does. Repetition alone would make actors of every
    name the NER mistakes for an organization (a footballer, a town, "GMT"), and a
    business word anywhere near ("SEC ... shares") of regulators and exchanges."""
    counts: dict[str, int] = {}
    called: set[str] = set()
    for ent in view.entities:
        if ent.label != "ORG":
            continue
        key = name_key(org_stem(ent.entity.text.removeprefix("the ")))
        counts[key] = counts.get(key, 0) + 1
        start, end = view.sentence_bounds(ent.first)
        if any(_calls(view, ent, j) or _listed(view, ent, j) for j in range(start, end)):
            called.add(key)
    return frozenset(k for k in called if k and counts[k] >= _REPEATS_FOR_A_COMPANY)


def _calls(view: DocView, ent: EntitySpan, j: int) -> bool:
    """Is token ``j`` a company noun in apposition or compound with the entity, either
    way round ("Boeing, the aircraft maker"; "the planemaker Boeing")?"""
    if ent.first <= j < ent.last or view.lower(j) not in _COMPANY_NOUNS:
        return False
    tok = view.tokens[j]
    if tok.dep in _CALLED and ent.first <= tok.head < ent.last:
        return True
    return any(
        view.tokens[i].head == j and view.tokens[i].dep in _CALLED
        for i in range(ent.first, ent.last)
    )


def _listed(view: DocView, ent: EntitySpan, j: int) -> bool:
    """Is token ``j`` the shares or stock of the entity itself ("Boeing shares",
    "Boeing's stock", "shares of Boeing"), not of something near it ("the SEC said
    shares of the bank had fallen")?"""
    if ent.first <= j < ent.last or view.lower(j) not in _LISTED:
        return False
    root = view.tokens[view.root(ent.first, ent.last)]
    if root.head == j and root.dep in _OWNS:
        return True
    of = view.tok(root.head)
    return root.dep == "pobj" and of is not None and view.lower(root.head) == "of" and of.head == j


_POSSESSIVE_END = re.compile(r"(?:['’]s|s['’]?)$", re.IGNORECASE)


def org_singular(name: str) -> str:
    """An organization's name without its corporate form and with its last word's
    plural or possessive ending dropped ("Ford Motors" -> "Ford Motor", the stem of
    "Ford Motor Company" too): what its id is made of, so the variants that articles
    use apart are one actor. A one-word name keeps its ending ("Siemens")."""
    words = org_stem(name).split()
    if len(words) < 2:
        return " ".join(words)
    last = _POSSESSIVE_END.sub("", words[-1])
    if len(last) < 3:
        return " ".join(words)
    return " ".join([*words[:-1], last])
