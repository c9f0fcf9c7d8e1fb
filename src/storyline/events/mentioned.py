"""What a sentence or an article names: its countries and intergovernmental bodies,
the countries of the places it names, whether the article is a sports report (where
countries are teams), and whose transcript it is ("<Person>'s remarks ...")."""

from __future__ import annotations

import re

from storyline.events.lexicon import SPORT_WORDS
from storyline.events.tree import DocTree
from storyline.nlp.actors.gazetteer import lookup_capital, lookup_city, resolve_country
from storyline.records import Actor, Mention, Sentence

__all__ = [
    "countries_in",
    "country_named",
    "igos_in",
    "own_place",
    "place_code",
    "place_country",
    "sports_report",
    "title_speaker",
]

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


def place_code(tree: DocTree, place: str) -> str | None:
    """The country a place named in the document belongs to: its mentions, a country
    name or demonym, a capital or a city."""
    for m in tree.doc.mentions:
        if m.text == place and m.actor.country:
            return m.actor.country
    code = resolve_country(place) or lookup_capital(place) or lookup_city(place)
    return code if code is None or len(code) == 3 else None


def _state_of(tree: DocTree, place: str) -> str | None:
    code = place_code(tree, place)
    return code if code != "IGO" else None


def place_country(tree: DocTree, sentence: Sentence, near: set[int] | None = None) -> str | None:
    """The country of the first place the sentence puts something "in" or "at" (with
    ``near``: only a place whose "in"/"at" phrase hangs from one of those tokens: "the
    police in Cairo", "protesters marched in Santiago", not "visit Hubei Province in
    central China")."""
    for ent in tree.doc.entities:
        if ent.label not in ("GPE", "LOC") or not sentence.start <= ent.start < sentence.end:
            continue
        j: int | None = tree.token_at(ent.start)
        while j is not None and tree.tokens[j].dep == "compound":
            j = tree.tokens[j].head
        if (
            j is None
            or tree.tokens[j].dep != "pobj"
            or tree.lemma(tree.tokens[j].head) not in ("in", "at")
        ):
            continue
        if near is not None and tree.tokens[tree.tokens[j].head].head not in near:
            continue
        code = _state_of(tree, ent.text)
        if code is not None:
            return code
    return None


def own_place(tree: DocTree, mods: list[int]) -> str | None:
    """The country of a place that modifies an organ noun ("a *Moscow* court")."""
    for c in mods:
        start = tree.tokens[c].start
        for ent in tree.doc.entities:
            if ent.label == "GPE" and ent.start <= start < ent.end:
                code = _state_of(tree, ent.text)
                if code is not None:
                    return code
    return None
