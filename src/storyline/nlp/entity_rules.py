"""Rules that fix what statistical NER gets wrong in international news.

The English models are trained mostly on Western names and US news, so they
cut East Asian names short (``Moon Jae`` from ``Moon Jae-in``, ``Yoon Suk`` +
``Yeol``), tag news agencies and foreign towns as people, and keep titles
inside person spans (``Comrade Kim Jong Un``). Every rule here works on token
shape, position and the rest of the document — never on a list of names — so
it generalizes to names the rules were not written for.

One component, ``storyline_entity_fixes``, runs after ``ner``; the rules apply
in a fixed order and the result is re-checked for overlaps.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from storyline.nlp.actors.gazetteer import lookup_country_name, lookup_demonym
from storyline.nlp.actors.words import word_set

__all__ = ["COMPONENT", "TITLE_WORDS", "add_entity_rules", "fix_entities"]

COMPONENT = "storyline_entity_fixes"

#: Honorifics and titles that belong in front of a name, never inside a PERSON span.
TITLE_WORDS: frozenset[str] = word_set("title_words")
_HYPHENS = {"-", "‐", "‑"}
#: English words hyphened onto a name that make it a modifier, not more of the name
#: ("Saddam Hussein-era servicemen", "a Mao-style campaign").
_HYPHEN_SUFFIXES = word_set("hyphen_suffixes")
_POSSESSIVES = {"'s", "’s", "'", "’"}
#: Punctuation that never ends or starts a name: an opening bracket, a comma, a dash, a
#: quotation mark (a closing bracket may end one: "Alliance of ... (AFDL)").
_EDGE_PUNCT = {"(", "[", "{", ",", ";", ":", "-", "–", "—", '"', "“", "”", "``", "''"}
_PLACE_PREPOSITIONS = {"in", "near", "outside", "around", "across", "throughout", "inside"}
_AGENCY_TAIL = re.compile(r"^\s*(news\s+agency|agency|news)\b", re.IGNORECASE)
_SYLLABLE_MAX = 4  # the length of a romanized Korean/Chinese/Vietnamese given-name syllable


def add_entity_rules(nlp: Language) -> None:
    """Add the entity-fixing component after ``ner`` (idempotent)."""
    if COMPONENT in nlp.pipe_names:
        return
    if "ner" in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, after="ner")
    else:
        nlp.add_pipe(COMPONENT, last=True)


@Language.component(COMPONENT)
def _component(doc: Doc) -> Doc:
    return fix_entities(doc)


def fix_entities(doc: Doc) -> Doc:
    """Apply every rule to ``doc.ents`` and return the doc."""
    spans = [(e.start, e.end, e.label_) for e in doc.ents]
    spans = _trim_edges(doc, spans)
    spans = _merge_adjacent_persons(doc, spans)
    spans = _extend_hyphenated_persons(doc, spans)
    spans = _strip_titles(doc, spans)
    spans = _extend_syllable_names(doc, spans)
    spans = _names_after_titles(doc, spans)
    spans = _merge_adjacent_persons(doc, spans)
    spans = _relabel_non_persons(doc, spans)
    spans = _agencies(doc, spans)
    spans = _places_tagged_person(doc, spans)
    spans = _known_names_tagged_person(doc, spans)
    spans = _surnames_tagged_org(doc, spans)
    ents = [Span(doc, s, e, label=lab) for s, e, lab in spans if e > s]
    doc.ents = filter_spans(ents)
    return doc


_Spans = list[tuple[int, int, str]]


def _trim_edges(doc: Doc, spans: _Spans) -> _Spans:
    """A name ends before a possessive or stray punctuation ("the Consultative
    Conference (" before an acronym, "Reuters," in a dateline) and starts after it; a
    name made into a modifier ("Saddam Hussein-era servicemen") is no name."""
    out = []
    for s, e, lab in spans:
        words = [t.text for t in doc[s:e]]
        if "(" in words[1:] and ")" not in words:  # "Conference (CPPCC": the acronym after
            e = s + words.index("(", 1)
        while e - s > 1 and (doc[e - 1].text in _POSSESSIVES or doc[e - 1].text in _EDGE_PUNCT):
            e -= 1
        while e - s > 1 and doc[s].text in _EDGE_PUNCT:
            s += 1
        if _hyphen_modifier(doc, s, e):
            continue  # "Saddam Hussein-era servicemen": a modifier made of a name, no party
        out.append((s, e, lab))
    return out


def _hyphen_modifier(doc: Doc, s: int, e: int) -> bool:
    """Does the span end in, or run on into, a hyphened modifier word ("-era", "-style")?"""
    ends_in = e - s > 2 and doc[e - 2].text in _HYPHENS and doc[e - 1].lower_ in _HYPHEN_SUFFIXES
    runs_on = e + 1 < len(doc) and doc[e].text in _HYPHENS and doc[e + 1].lower_ in _HYPHEN_SUFFIXES
    return ends_in or runs_on


def _merge_adjacent_persons(doc: Doc, spans: _Spans) -> _Spans:
    """``Yoon Suk`` + ``Yeol``: two PERSON spans separated by one space are one name."""
    out: _Spans = []
    for s, e, lab in sorted(spans):
        if out:
            ps, pe, plab = out[-1]
            joined = pe == s and doc[pe - 1].whitespace_ == " "
            if lab == plab == "PERSON" and joined and "\n" not in doc[ps:e].text:
                out[-1] = (ps, e, lab)
                continue
        out.append((s, e, lab))
    return out


def _extend_hyphenated_persons(doc: Doc, spans: _Spans) -> _Spans:
    """``Moon Jae`` + ``-in``: a hyphen glued to a name continues it."""
    out = []
    for s, e, lab in spans:
        if lab == "PERSON":
            while (
                e + 1 < len(doc)
                and doc[e].text in _HYPHENS
                and not doc[e - 1].whitespace_
                and not doc[e].whitespace_
                and doc[e + 1].is_alpha
                and len(doc[e + 1]) <= _SYLLABLE_MAX + 1
                and not doc[e + 1].ent_type_
                and doc[e + 1].lower_ not in _HYPHEN_SUFFIXES  # "Saddam Hussein-era"
            ):
                e += 2
        out.append((s, e, lab))
    return out


def _strip_titles(doc: Doc, spans: _Spans) -> _Spans:
    """``Comrade President Putin`` -> ``Putin``; a span of titles only is dropped."""
    out = []
    for s, e, lab in spans:
        if lab == "PERSON":
            while s < e and (doc[s].lower_ in TITLE_WORDS or doc[s].lower_ == "the"):
                s += 1
            # "Sergey Lavrov Foreign Minister" style trailing titles
            while e > s + 1 and doc[e - 1].lower_ in TITLE_WORDS and doc[e - 1].is_title:
                e -= 1
        if e > s:
            out.append((s, e, lab))
    return out


def _is_syllable(tok: Token) -> bool:
    return bool(tok.is_alpha and tok.is_title and len(tok) <= _SYLLABLE_MAX)


def _extend_syllable_names(doc: Doc, spans: _Spans) -> _Spans:
    """``Yoon Suk`` + ``Yeol``: a short capitalized word after a name of short
    syllables is its third syllable (Korean, Chinese and Vietnamese names)."""
    out = []
    for s, e, lab in spans:
        if lab == "PERSON" and e - s >= 2 and all(_is_syllable(t) for t in doc[s:e]):
            while (
                e < len(doc)
                and e - s < 3
                and _is_syllable(doc[e])
                and doc[e].pos_ == "PROPN"
                and not doc[e].ent_type_
                and doc[e - 1].whitespace_ == " "
                and doc[e].lower_ not in TITLE_WORDS
            ):
                e += 1
        out.append((s, e, lab))
    return out


def _title_before(doc: Doc, i: int, spans: _Spans) -> bool:
    """Is token ``i`` right after a title (``Minister``) or ``<title> of [the] <GPE>``?"""
    prev = doc[i - 1] if i > 0 else None
    if prev is None:
        return False
    if prev.lower_ in TITLE_WORDS and prev.is_title and prev.lower_ not in ("the", "father"):
        return True
    for s, e, lab in spans:
        if e == i and lab in ("GPE", "NORP"):
            k = s - 1
            if k > 0 and doc[k].lower_ == "the":
                k -= 1
            return k > 0 and doc[k].lower_ == "of" and doc[k - 1].lower_ in TITLE_WORDS
    return False


def _names_after_titles(doc: Doc, spans: _Spans) -> _Spans:
    """``Foreign Minister of the Republic of Korea Chung Eui-yong`` with the name
    untagged: capitalized proper nouns right after a title are a PERSON."""
    relabeled: _Spans = []
    for s, e, lab in spans:
        prev = doc[s - 1] if s > 0 else None
        if (
            lab == "ORG"
            and prev is not None
            and prev.is_title
            and prev.lower_ in TITLE_WORDS
            and e - s <= 4
            and all(_name_word(t) for t in doc[s:e])
        ):
            lab = "PERSON"
        relabeled.append((s, e, lab))
    spans = relabeled
    covered = {i for s, e, _ in spans for i in range(s, e)}
    added: _Spans = []
    i = 0
    while i < len(doc):
        tok = doc[i]
        if i in covered or not _name_word(tok) or not _title_before(doc, i, spans):
            i += 1
            continue
        e = i
        while e < len(doc) and e not in covered and e - i < 6:
            if _name_word(doc[e]) or (e > i and _ROMAN.match(doc[e].text)):
                e += 1
            elif (
                doc[e].text in _HYPHENS
                and e + 1 < len(doc)
                and not doc[e - 1].whitespace_
                and not doc[e].whitespace_
                and doc[e + 1].is_alpha
            ):
                e += 2
            else:
                break
        if e - i >= 2:
            added.append((i, e, "PERSON"))
        i = max(e, i + 1)
    return sorted(spans + added)


def _name_word(tok: Token) -> bool:
    return bool(
        tok.is_alpha and tok.is_title and tok.pos_ == "PROPN" and tok.lower_ not in TITLE_WORDS
    )


_ROMAN = re.compile(r"^(?:I{1,3}|IV|VI{0,3}|IX|X{1,2})$")


def _relabel_non_persons(doc: Doc, spans: _Spans) -> _Spans:
    """PERSON spans that cannot be people: with digits (``Covid-19``) are dropped;
    led by an all-capital acronym (``GL Rapha``) outside an all-caps line -> ORG."""
    out = []
    for s, e, lab in spans:
        if lab == "PERSON":
            span = doc[s:e]
            if any(c.isdigit() for c in span.text):
                continue
            first = doc[s]
            sent_upper = sum(t.is_upper for t in first.sent) > len(first.sent) / 2
            if (
                e - s >= 2
                and first.is_upper
                and first.is_alpha
                and len(first) >= 2
                and not sent_upper
            ):
                lab = "ORG"
        out.append((s, e, lab))
    return out


def _surnames_tagged_org(doc: Doc, spans: _Spans) -> _Spans:
    """A person named once in full is named by surname after: an ORG span that is the
    last word of an earlier PERSON span ("spokeswoman Pamela O'Toole said ... O'Toole
    said", the statistical NER takes the apostrophe name for an organization) is that
    person."""
    surnames: dict[str, int] = {}  # surname -> where its full name first ends
    for s, e, lab in spans:
        if lab == "PERSON" and e - s >= 2:
            surnames.setdefault(doc[e - 1].text, e)
    out = []
    for s, e, lab in spans:
        if lab == "ORG" and e - s == 1 and surnames.get(doc[s].text, len(doc)) <= s:
            lab = "PERSON"
        out.append((s, e, lab))
    return out


def _agencies(doc: Doc, spans: _Spans) -> _Spans:
    """``Yonhap news agency``: the name before ``news agency`` is an organization,
    and so is every other PERSON span of the document with the same text."""
    agency_names: set[str] = set()
    out: _Spans = []
    text = doc.text  # built from the tokens on every access: read it once
    for s, e, lab in spans:
        end_char = doc[e - 1].idx + len(doc[e - 1])
        tail = _AGENCY_TAIL.match(text[end_char : end_char + 20])
        if lab in ("PERSON", "ORG", "GPE") and tail and tail.group(1).lower() != "news":
            agency_names.add(doc[s:e].text)
            lab = "ORG"
        elif lab == "ORG" and doc[e - 1].lower_ == "agency" and e - s >= 3:
            agency_names.add(doc[s : e - 2].text.removeprefix("the ").strip())
        out.append((s, e, lab))
    return [
        (s, e, "ORG" if lab == "PERSON" and doc[s:e].text in agency_names else lab)
        for s, e, lab in out
    ]


def _known_names_tagged_person(doc: Doc, spans: _Spans) -> _Spans:
    """A PERSON span that is a demonym (``Moldovan``) or a country name is not a
    person: the world's country names and adjectives are general data."""
    out = []
    for s, e, lab in spans:
        if lab == "PERSON":
            text = doc[s:e].text
            if lookup_demonym(text) is not None:
                lab = "NORP"
            elif lookup_country_name(text) is not None:
                lab = "GPE"
        out.append((s, e, lab))
    return out


def _places_tagged_person(doc: Doc, spans: _Spans) -> _Spans:
    """A one-word PERSON after ``in``/``near``, or coordinated with a place, is a
    place (``in Kaesong``, ``in Kumgangsan and Kaesong``) unless the document
    uses the word as part of a longer personal name."""
    name_parts = {
        t.lower_ for s, e, lab in spans if lab == "PERSON" and e - s > 1 for t in doc[s:e]
    }
    places = {(s, e) for s, e, lab in spans if lab in ("GPE", "LOC", "FAC")}
    place_tokens = {i for s, e in places for i in range(s, e)}
    out = []
    for s, e, lab in spans:
        if lab == "PERSON" and e - s == 1 and doc[s].lower_ not in name_parts:
            tok = doc[s]
            prep = tok.head if tok.dep_ == "pobj" else None
            conj_place = tok.dep_ == "conj" and tok.head.i in place_tokens
            if (prep is not None and prep.lower_ in _PLACE_PREPOSITIONS) or conj_place:
                lab = "GPE"
        out.append((s, e, lab))
    return out
