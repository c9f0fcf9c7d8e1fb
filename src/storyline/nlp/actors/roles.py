"""Roles of people: the title before a name and the apposition after it.

News introduces a person once with a role phrase — ``Russian Foreign Minister
Sergey Lavrov``, ``Prime Minister of Russia Mikhail Mishustin``, ``Olaf
Scholz, the German chancellor,`` — and the phrase carries the person's
country and sector. The phrase is read from the tokens around the PERSON span:
a backward (title) or forward (apposition) scan collects role words,
connectors and country entities, then :func:`_parse` splits it into the role
text, the country (a leading demonym or possessive, or a trailing ``of
<country>``; ``to <country>`` stays in the role: an ambassador *to* Korea is
not Korean) and the PLOVER sector of the role's head word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyline.nlp.actors.gazetteer import lookup_country_name, lookup_demonym, lookup_org
from storyline.nlp.actors.orgs import org_country
from storyline.nlp.actors.view import DocView
from storyline.nlp.actors.words import word_set, word_sets

__all__ = ["HONORIFICS", "ROLE_HEADS", "Role", "role_after", "role_before", "sector_of"]

#: Head words of roles, by PLOVER sector.
_SECTOR_WORDS: dict[str, frozenset[str]] = word_sets("role_sectors")
_WEAK_HEADS = frozenset(["head", "chief", "chair", "leader", "deputy"])
_FORCES = frozenset(["army", "military", "navy", "forces", "troops", "junta"])
#: A captain is an officer only with a force named ("army captain", "Air Force captain").
_CAPTAIN_FORCES = _FORCES | {"force", "naval", "marine", "marines", "police", "guard"}
_SECTOR_ORDER = ("REL", "JUD", "JRN", "BUS", "OPP", "REB", "GOV", "MIL")
ROLE_HEADS: frozenset[str] = frozenset().union(*_SECTOR_WORDS.values())
#: Words that modify a role but are not one.
_MODIFIERS = word_set("role_modifiers")
#: Forms of address: dropped from role text, never a role by themselves.
HONORIFICS = word_set("honorifics")
_CONNECTORS = frozenset(["of", "to", "for", "and", "the", "-", "on"])
_STOP_TEXT = frozenset([*list(',;:()[]{}"“”!?.'), "--", "—", "–"])
_POSSESSIVE = frozenset(["'s", "’s"])
_NOT_GENERAL = frozenset(
    ["secretary", "attorney", "director", "consul", "governor", "inspector", "surgeon"]
)
_MAX_WINDOW = 14
#: Forms of address that follow a title: ``Foreign Minister Prince Faisal``.
_TRAILING = frozenset(["sheikh", "prince", "comrade", "dr", "dr.", "mr", "mr.", "mrs", "ms"])
_OF_COUNTRY = re.compile(r"\bof\s+(?:the\s+)?(.+)$")


@dataclass(frozen=True, slots=True)
class Role:
    """A role phrase read around a name."""

    text: str | None
    country: str | None
    sector: str | None
    start: int  # character offset where the phrase begins
    end: int


def sector_of(role: str) -> str | None:
    """The PLOVER sector a role's words point to (GOV, MIL, JRN, BUS, ...)."""
    words = role.lower().replace("-", " - ").replace("'s", "").replace("’s", "").split()
    joined = [w for w in words if w != "-"]
    strong_gov = _SECTOR_WORDS["GOV"] - _WEAK_HEADS
    if set(joined) & _WEAK_HEADS and set(joined) & _FORCES and not set(joined) & strong_gov:
        return "MIL"  # "head of Sudan's army", "military leader"
    for sector in _SECTOR_ORDER:
        for k, word in enumerate(joined):
            if word in _SECTOR_WORDS[sector]:
                if word == "general" and k > 0 and joined[k - 1] in _NOT_GENERAL:
                    continue
                if word == "captain" and not set(joined) & _CAPTAIN_FORCES:
                    continue  # "European captain Seve Ballesteros": a team's, not an army's
                if sector == "GOV" and word == "deputy" and len(joined) > 1:
                    continue
                return sector
    if set(joined) & _FORCES:
        return "MIL"
    return None


def _has_head(view: DocView, role: list[int]) -> bool:
    return any(view.lower(k) in ROLE_HEADS for k in role)


def _is_role_word(low: str) -> bool:
    return low in ROLE_HEADS or low in _MODIFIERS


def _leading_country(view: DocView, first: int, last: int) -> tuple[str | None, int]:
    """``Indian External Affairs`` (one ORG span): the demonym or country that
    opens a span, and where the rest begins."""
    for width in (2, 1):
        if first + width < last:
            text = view.span_text(first, first + width)
            code = lookup_demonym(text) or lookup_country_name(text)
            if code is not None:
                return code, first + width
    return None, first


def _country_of(view: DocView, first: int, last: int) -> tuple[str | None, int]:
    """The country an entity names, and where it ends: ``Russian`` + ``Federation``
    (an entity the NER cut short) is tried before ``Russian`` alone."""
    for extra in (2, 1):
        end = last + extra
        people = (view.entity_at.get(k) for k in range(last, end))
        if end <= len(view) and all(p is None or p.label != "PERSON" for p in people):
            joined = view.span_text(first, end)
            code = lookup_country_name(joined) or lookup_demonym(joined)
            if code is not None:
                return code, end
    text = view.span_text(first, last)
    code = lookup_country_name(text) or lookup_demonym(text)
    org = lookup_org(text) if code is None else None
    if org is not None and org.kind == "igo":
        return "IGO", last
    if code is None:
        tail = _OF_COUNTRY.search(text)
        code = lookup_country_name(tail.group(1)) if tail else None
    return code, last


def _acceptable(view: DocView, i: int, person_first: int, person_last: int) -> bool:
    tok = view.tokens[i]
    low = tok.text.lower()
    if tok.text in _STOP_TEXT:
        return False
    ent = view.entity_at.get(i)
    if ent is not None:
        return ent.label != "PERSON" and not (ent.first <= person_first < ent.last)
    if low in ROLE_HEADS or low in _MODIFIERS or low in HONORIFICS or low in _POSSESSIVE:
        return True
    if low in _CONNECTORS:
        return True
    return bool(tok.text[:1].isupper() and tok.pos in ("PROPN", "NOUN", "ADJ"))


def role_before(view: DocView, first: int, last: int) -> Role | None:
    """The title phrase right before a PERSON span at tokens [first, last).

    Not across a preposition: in "a spokesman for Elian Gonzalez" the title is
    someone else's, and Elian is the one spoken for."""
    if first > 0 and view.lower(first - 1) in ("for", "of", "to", "on", "with", "by"):
        return None
    sent_start, _ = view.sentence_bounds(first)
    i = first - 1
    while i >= max(sent_start, first - _MAX_WINDOW) and _acceptable(view, i, first, last):
        ent = view.entity_at.get(i)
        i = ent.first - 1 if ent is not None else i - 1
    return _parse(view, i + 1, first)


def role_after(view: DocView, first: int, last: int) -> Role | None:
    """The apposition after a PERSON span: ``X, the German chancellor, ...``."""
    _, sent_end = view.sentence_bounds(first)
    j = last
    if view.lower(j) != ",":
        return None
    j += 1
    if view.lower(j) in ("the", "a", "an"):
        j += 1
    start = j
    while j < min(sent_end, start + _MAX_WINDOW) and _acceptable(view, j, first, last):
        ent = view.entity_at.get(j)
        j = ent.last if ent is not None else j + 1
    end_tok = view.tok(j)
    open_end = end_tok is not None and j < sent_end and end_tok.text not in _STOP_TEXT
    if open_end and end_tok is not None and end_tok.pos not in ("VERB", "AUX"):
        return None  # the phrase runs on: not an apposition
    return _parse(view, start, j)


def _parse(view: DocView, first: int, last: int) -> Role | None:
    """Split tokens [first, last) into role text and country."""
    country: str | None = None
    role: list[int] = []
    i = first
    while i < last:
        tok = view.tokens[i]
        low = tok.text.lower()
        ent = view.entity_at.get(i)
        if ent is not None and ent.label in ("GPE", "NORP", "LOC", "ORG") and ent.last <= last:
            code, end = _country_of(view, ent.first, ent.last)
            end = min(end, last)
            if code is None and ent.label == "ORG" and role:
                # "chief of general staff of the Chinese People's Liberation Army"
                code = org_country(view, ent.first, ent.last)
            prev = view.lower(role[-1]) if role else ""
            if code is None and not role:
                code, rest = _leading_country(view, ent.first, end)
                if code is not None:
                    country = country or code
                    role.extend(range(rest, end))
                elif all(_is_role_word(view.lower(k)) for k in range(ent.first, end)):
                    role.extend(range(ent.first, end))
            elif code is not None and not role:
                country = country or code
            elif code is not None and prev in ("of", "the") and role:
                while role and view.lower(role[-1]) in ("of", "the"):
                    role.pop()
                country = country or code
            elif role:
                role.extend(range(ent.first, end))
                if code is not None and prev != "to":
                    country = country or code
            i = end
            continue
        if low in _POSSESSIVE or (not role and (low in _CONNECTORS or low in HONORIFICS)):
            i += 1
            continue
        if not role and low not in ROLE_HEADS and low not in _MODIFIERS:
            i += 1  # a stray capitalized word before the title ("Yesterday")
            continue
        role.append(i)
        i += 1
    while role and view.lower(role[-1]) in _CONNECTORS:
        role.pop()
    while len(role) > 1 and view.lower(role[-1]) in _TRAILING and _has_head(view, role[:-1]):
        role.pop()
    words = [view.lower(k) for k in role]
    if not any(w in ROLE_HEADS or w.split("-")[0] in ROLE_HEADS for w in words):
        adjacent = last - 1 >= first and (
            view.lower(last - 1) in _POSSESSIVE or view.entity_at.get(last - 1) is not None
        )
        if country is None or not adjacent:
            return None
        return Role(None, country, None, _start(view, first), 0)
    text = view.span_text(role[0], role[-1] + 1)
    return Role(text, country, sector_of(text), view.tokens[first].start, view.tokens[last - 1].end)


def _start(view: DocView, first: int) -> int:
    tok = view.tok(first)
    return tok.start if tok is not None else 0
