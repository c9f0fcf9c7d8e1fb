"""What a sentence or an article names: its countries and intergovernmental bodies,
whether the article is a sports report (where countries are teams), and whose
transcript it is ("<Person>'s remarks ...")."""

from __future__ import annotations

import re

from storyline.events.lexicon import SPORT_WORDS
from storyline.events.tree import DocTree
from storyline.records import Actor, Mention, Sentence

__all__ = ["countries_in", "country_named", "igos_in", "sports_report", "title_speaker"]

_SPEECH_NOUNS = re.compile(
    r"(?:[’']s)?\s+(?:opening\s+|closing\s+)?(?:remarks|speech|statement|interview|address|"
    r"article|op-ed|answers|comments|briefing|message)\b",
    re.I,
)


def country_named(m: Mention) -> str | None:
    """The country a mention names: not an IGO's, and not the home of a news agency or a
    company ("told AFP", "the energy group ENI" name no state)."""
    c = m.actor.country
    if not c or c == "IGO":
        return None
    if m.actor.kind != "country" and m.actor.sector in ("JRN", "BUS"):
        return None
    return c


def countries_in(tree: DocTree, sentence: Sentence) -> list[str]:
    """The countries the sentence's mentions name, in order, each once (no IGOs)."""
    named: list[str] = []
    for i in range(sentence.token_start, sentence.token_end):
        m = tree.mention_at[i]
        c = country_named(m) if m is not None else None
        if c and c not in named:
            named.append(c)
    return named


def igos_in(tree: DocTree, sentence: Sentence) -> list[Actor]:
    """The intergovernmental bodies the sentence names, in order, each once."""
    out: list[Actor] = []
    for i in range(sentence.token_start, sentence.token_end):
        m = tree.mention_at[i]
        if m is not None and m.actor.kind == "igo" and m.actor not in out:
            out.append(m.actor)
    return out


#: A sports report names at least this many sport words, this many times in all.
_SPORT_LEMMAS, _SPORT_HITS = 3, 4
#: A match's set scores ("15-9, 17-15", "7-6 (7-4), 6-3"): one sport word each.
_SET_SCORES = re.compile(r"\b\d{1,2}-\d{1,2}(?: \(\d{1,2}-\d{1,2}\))?, \d{1,2}-\d{1,2}\b")


def sports_report(tree: DocTree) -> bool:
    """Is the article a sports report (its countries are teams)?"""
    hits = [tree.lemma(i) for i in range(len(tree.tokens)) if tree.lemma(i) in SPORT_WORDS]
    hits += ["<score>"] * len(_SET_SCORES.findall(tree.doc.text))
    return len(set(hits)) >= _SPORT_LEMMAS and len(hits) >= _SPORT_HITS


def title_speaker(tree: DocTree) -> Actor | None:
    """The person a transcript belongs to: "<Person>'s remarks ..." near the top."""
    doc = tree.doc
    head = doc.text[:600]
    for m in doc.mentions:
        if m.start >= len(head):
            break
        if m.actor.kind == "person" and _SPEECH_NOUNS.match(doc.text, m.end):
            return m.actor
    return None
