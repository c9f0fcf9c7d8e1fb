"""Later mentions of a person: surnames and role-only noun phrases.

After a person is introduced, news refers to them as ``Lavrov``, ``the
Russian foreign minister``, ``the top Russian diplomat`` or ``the minister``.
A role-only phrase resolves to the most recent person whose role and country
are compatible with it (the way a reader does); nothing is created when no
earlier person fits, so a role phrase never invents an actor.
"""

from __future__ import annotations

from dataclasses import dataclass

from storyline.nlp.actors.gazetteer import lookup_country_name, lookup_demonym
from storyline.nlp.actors.roles import ROLE_HEADS
from storyline.nlp.actors.view import DocView
from storyline.nlp.actors.words import word_set

__all__ = ["RolePhrase", "compatible", "find_role_phrases"]

_DETERMINERS = frozenset(["the", "his", "her", "their", "its", "our", "your"])
_PREMODIFIERS = word_set("role_phrase_premodifiers")
#: Heads meaning "a diplomat": they fit foreign ministers, ambassadors and envoys.
_DIPLOMATIC = frozenset(["foreign", "ambassador", "envoy", "diplomat", "consul", "secretary"])
_WILDCARDS = frozenset(["counterpart", "official", "leader"])
_NOT_HEADS = frozenset(["head", "chair", "deputy", "representative", "speaker", "general"])


@dataclass(frozen=True, slots=True)
class RolePhrase:
    """A noun phrase naming a person by role: ``the Russian foreign minister``."""

    first: int
    last: int
    words: tuple[str, ...]  # lower-cased role words (modifiers and head)
    head: str
    country: str | None


def find_role_phrases(view: DocView) -> list[RolePhrase]:
    """Every ``DET (modifier|demonym)* role-head`` phrase not followed by a name."""
    found: list[RolePhrase] = []
    n = len(view)
    i = 0
    while i < n:
        if view.lower(i) not in _DETERMINERS:
            i += 1
            continue
        j = i + 1
        country: str | None = None
        words: list[str] = []
        while j < n:
            low = view.lower(j)
            ent = view.entity_at.get(j)
            if ent is not None and ent.label in ("NORP", "GPE") and country is None:
                code = lookup_demonym(ent.entity.text) or lookup_country_name(ent.entity.text)
                if code is None:
                    break
                country = code
                j = ent.last
                if view.lower(j) in ("'s", "’s"):
                    j += 1
                continue
            if ent is not None:
                break
            if low in _PREMODIFIERS or low in ROLE_HEADS:
                words.append(low)
                j += 1
                continue
            break
        head = words[-1] if words else ""
        if head in ROLE_HEADS and head not in _NOT_HEADS and not _name_follows(view, j):
            if view.lower(j) == "of" and view.entity_at.get(j + 1) is not None:
                ent = view.entity_at[j + 1]
                code = lookup_country_name(ent.entity.text)
                if code is not None:
                    country = country or code
                    j = ent.last
            found.append(RolePhrase(i, j, tuple(words), head, country))
            i = j
        else:
            i += 1
    return found


def _name_follows(view: DocView, j: int) -> bool:
    tok = view.tok(j)
    if tok is None:
        return False
    ent = view.entity_at.get(j)
    return (ent is not None and ent.label == "PERSON") or tok.pos == "PROPN"


def compatible(phrase: RolePhrase, role: str | None, country: str | None) -> bool:
    """Can a person with this role and country be the phrase's referent?"""
    if phrase.country is not None and country is not None and phrase.country != country:
        return False
    if phrase.country is not None and country is None:
        return False
    if phrase.head in _WILDCARDS and phrase.head != "leader":
        return phrase.country is not None or role is not None
    if role is None:
        return False
    role_words = set(role.lower().replace("-", " ").split())
    if phrase.head == "diplomat":
        return bool(role_words & _DIPLOMATIC)
    if phrase.head == "leader":
        return bool(role_words & {"leader", "president", "chairman", "king", "premier"})
    needed = [w for w in phrase.words if w not in ("top", "senior", "new", "visiting")]
    return all(w in role_words for w in needed)
