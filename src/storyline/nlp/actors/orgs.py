"""Organizations the tables do not know: their country and sector from the text.

The country comes only from what the sentence says: a possessive before the
name (``South Korea's GL Rapha``), a demonym before or inside it (``the
Russian Direct Investment Fund``), or ``of <country>`` inside it (``the
Foreign Ministry of the Russian Federation``). The sector comes from the
name's head words (Ministry -> GOV, Fund/Bank -> BUS, Army -> MIL, News ->
JRN, ...). A company named after ``<country>'s`` with no telling word is BUS:
that is how news introduces a firm.
"""

from __future__ import annotations

import re

from storyline.nlp.actors.gazetteer import lookup_city, lookup_country_name, lookup_demonym
from storyline.nlp.actors.view import DocView
from storyline.nlp.actors.words import word_sets

__all__ = ["org_country", "org_sector"]

_SECTOR_WORDS: tuple[tuple[str, frozenset[str]], ...] = tuple(word_sets("org_sectors").items())
_OF_COUNTRY = re.compile(r"\bof\s+(?:the\s+)?(.+)$")


def org_sector(name: str, has_country: bool = False) -> str | None:
    """PLOVER sector from an organization's name; BUS for ``<country>'s <Name>``."""
    words = set(re.findall(r"[a-z]+", name.lower()))
    for sector, cues in _SECTOR_WORDS:
        if words & cues:
            return sector
    return "BUS" if has_country else None


def org_country(view: DocView, first: int, last: int) -> str | None:
    """The country an organization belongs to, if the text says it."""
    text = view.span_text(first, last)
    of = _OF_COUNTRY.search(text)
    if of:
        code = lookup_country_name(of.group(1))
        if code is not None:
            return code
    lead = first + 1 if view.lower(first) == "the" else first
    for j in (lead + 3, lead + 2, lead + 1):
        if j < last:
            code = lookup_country_name(view.span_text(lead, j))
            if code is not None:
                return code
    for j in (lead + 2, lead + 1):  # "the Delhi Police", "a Moscow court"
        if j < last:
            code = lookup_city(view.span_text(lead, j))
            if code is not None:
                return code
    for i in range(first, last):
        for j in (i + 2, i + 1):
            if j <= last:
                code = lookup_demonym(view.span_text(i, j))
                if code is not None:
                    return code
    if first >= 1 and view.lower(first - 1) in ("'s", "’s"):
        ent = view.entity_at.get(first - 2)
        if ent is not None:
            return lookup_country_name(ent.entity.text)
    ent = view.entity_at.get(first - 1) if first >= 1 else None
    if ent is not None and ent.label == "NORP":
        return lookup_demonym(ent.entity.text)
    return None
