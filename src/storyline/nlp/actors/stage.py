"""The actors stage: entity spans in, actor mentions out.

One pass per document: known organizations (IGOs, news agencies) by table;
countries by name, abbreviation and demonym; capitals as governments only in
political contexts (:mod:`metonyms`); people grouped by a spelling-insensitive
key with the role, country and sector their role phrases give (:mod:`roles`);
surnames and role-only phrases linked back to them (:mod:`aliases`); other
organizations with the country the text gives them. Mentions never overlap:
the longest span wins, so ``the Russian foreign minister`` is one mention.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from storyline.nlp.actors.aliases import compatible, find_role_phrases
from storyline.nlp.actors.gazetteer import (
    OrgEntry,
    actor_id,
    country_name,
    lookup_capital,
    lookup_city,
    lookup_country_name,
    lookup_demonym,
    lookup_org,
    lookup_person,
    name_key,
    person_key,
)
from storyline.nlp.actors.metonyms import is_political_use
from storyline.nlp.actors.org_names import (
    named_companies,
    org_singular,
    org_stem,
)
from storyline.nlp.actors.orgs import org_country, org_sector
from storyline.nlp.actors.roles import role_after, role_before
from storyline.nlp.actors.view import DocView, EntitySpan
from storyline.nlp.actors.words import word_set
from storyline.pipeline import StageStats
from storyline.records import Actor, Document, Entity, Mention

__all__ = ["ActorStage", "extract_mentions"]

_NOT_A_STATE = re.compile(r"^(inter|anti|pro|non|post|pre|pan)-", re.IGNORECASE)
_GOV_NOUNS = frozenset(
    ["government", "authorities", "administration", "officials", "leadership", "regime", "cabinet"]
)
_MIL_NOUNS = frozenset(["military", "army", "troops", "forces", "navy", "soldiers"])
_REPORTING = word_set("reporting_verbs")
_NAME_JOINERS = frozenset(["of", "the", "and", "for", "in", "on", "to", "de", "du", "la"])
_DATELINE_AGENCY = re.compile(r"[/(]([A-Z][A-Za-z\-]{1,30})[/)]")
_ACRONYM_AFTER = re.compile(r"\s*\(([A-Z][A-Za-z0-9&\-]{1,11})\)")


@dataclass
class _Person:
    key: str
    name: str
    role: str | None = None
    country: str | None = None
    sector: str | None = None
    spans: list[tuple[int, int, str]] = field(default_factory=list)  # token first, last, how

    def actor(self) -> Actor:
        return Actor(
            actor_id("person", self.name), self.name, self.country, self.sector, "person", self.role
        )


class ActorStage:
    """Resolve entities to actors: countries, governments, people with roles, organizations."""

    name = "actors"
    requires = frozenset({"text", "tokens", "sentences", "entities"})
    provides = frozenset({"mentions"})

    def run(self, docs: Iterable[Document], stats: StageStats) -> Iterator[Document]:
        for doc in docs:
            mentions = extract_mentions(doc)
            for m in mentions:
                stats.counts[f"mentions.{m.how}"] += 1
            stats.counts["mentions"] += len(mentions)
            yield replace(doc, mentions=mentions)


def extract_mentions(doc: Document) -> tuple[Mention, ...]:
    """All actor mentions of one annotated document, in text order."""
    view = DocView(doc)
    found: list[Mention] = []
    consumed: set[int] = set()  # tokens of role phrases that introduced a person
    people = _people(view, consumed)
    for person in people:
        actor = person.actor()
        for first, last, how in person.spans:
            found.append(_mention(view, first, last, actor, how))
    acronyms: dict[str, Actor] = {}
    companies = named_companies(view)
    for ent in view.entities:
        in_role = any(i in consumed for i in range(ent.first, ent.last))
        if in_role and (ent.label in ("GPE", "NORP", "LOC") or lookup_org(ent.entity.text) is None):
            continue  # a role phrase's country or ministry is the person's, not an actor of its own
        found.extend(_resolve_entity(view, ent, acronyms, companies))
    found.extend(_acronym_mentions(view, acronyms))
    found.extend(_known_abbreviations(view))
    found.extend(_loose_demonyms(view))
    found.extend(_agency_markers(doc.text))
    found.extend(_role_mentions(view, people))
    found.extend(_reporting_pronouns(view, found))
    found.extend(_org_variants(view, found))
    kept = [_members(doc.text, m) for m in found if not _backer(doc.text, m)]
    return _non_overlapping(kept)


_MEMBER_NOUNS = word_set("member_nouns")
_NEXT_WORD = re.compile(r"[\s-]*([A-Za-z]+)")


def _members(text: str, m: Mention) -> Mention:
    """ "11 EU states", "other EU countries", "NATO members": an organization's member
    states, not the organization acting as a body."""
    after = _NEXT_WORD.match(text, m.end)
    if m.actor.kind != "igo" or after is None or after.group(1).lower() not in _MEMBER_NOUNS:
        return m
    name = f"{m.actor.name} member states"
    actor = Actor(actor_id("org", name), name, "IGO", "GOV", "org")
    return Mention(m.start, m.end, m.text, actor, m.how)


_BACKERS = word_set("backer_participles")
_HYPHEN_WORD = re.compile(r"\s?[-–]\s?([A-Za-z]+)")


def _backer(text: str, m: Mention) -> bool:
    """ "Ethiopian-backed forces", "US-led coalition": the country backs or leads the
    forces; it is not the party that acts, and the forces are not its own."""
    after = _HYPHEN_WORD.match(text, m.end)
    return after is not None and after.group(1).lower() in _BACKERS


def _mention(view: DocView, first: int, last: int, actor: Actor, how: str) -> Mention:
    start, end = view.tokens[first].start, view.tokens[last - 1].end
    return Mention(start, end, view.text[start:end], actor, how)


def _country_actor(code: str, sector: str | None = None) -> Actor:
    if code == "IGO":
        raise ValueError("an IGO is not a country")
    return Actor(code, country_name(code), code, sector, "country", None)


def _org_actor(entry: OrgEntry) -> Actor:
    return Actor(
        actor_id(entry.kind, entry.name), entry.name, entry.country, entry.sector, entry.kind
    )


# --------------------------------------------------------------------------- people


def _people(view: DocView, consumed: set[int]) -> list[_Person]:
    by_key: dict[str, _Person] = {}
    singles: list[tuple[EntitySpan, str]] = []
    order: list[_Person] = []
    for ent in view.entities:
        listed = ent.label in ("ORG", "GPE", "NORP") and lookup_person(ent.entity.text)
        misread = _misread_person(view, ent) if not listed else None
        if listed and not _place_or_org(ent.entity.text):
            pass  # "Trump" tagged as an organization: the people table knows better
        elif misread is not None:
            ent = misread  # "Beshir has rejected ...": a name the NER took for a place
        elif ent.label != "PERSON" or _place_or_org(ent.entity.text) or _placed(view, ent):
            continue
        elif _byline(view, ent):
            continue  # the headline's author, never a party
        key = person_key(ent.entity.text)
        if not key:
            continue
        if len(key.split()) == 1:
            singles.append((ent, key))
            continue
        person = by_key.get(key)
        # a surname of several words after the full name: "O'Toole", "bin Laden"
        longer = [p for p in order if p.key.endswith(" " + key)] if person is None else []
        if len(longer) == 1:
            longer[0].spans.append((ent.first, ent.last, "alias"))
            continue
        if person is None:
            person = by_key[key] = _Person(key, ent.entity.text)
            order.append(person)
        person.spans.append((ent.first, ent.last, "name"))
    for ent, key in singles:
        if sum(p.key.split()[-1] == key for p in order) > 1:
            continue  # "Gonzalez" with Elian and Juan Miguel Gonzalez named: which one?
        person = _link_single(view, ent, key, order) or by_key.get(key)
        if person is None:
            person = by_key[key] = _Person(key, ent.entity.text)
            order.append(person)
        person.spans.append((ent.first, ent.last, "alias" if person.key != key else "name"))
    for person in order:
        person.spans.sort()
        _attach_roles(view, person, consumed)
        _known_person(person)
    return order


#: Where a misread name stands: as the subject of a clause (a place rarely acts).
_AGENT_DEPS = frozenset({"nsubj", "nsubjpass"})
_PLACE_NOUNS = word_set("place_nouns")
_LOCATION_PREPS = word_set("location_preps")


def _placed(view: DocView, ent: EntitySpan) -> bool:
    """A PERSON span the sentence uses as a place, a name the NER took for a person:
    "shot dead *in Narathiwat*" (where a verb happened), "the town *of Kfar Azza*", "the
    *Narathiwat* province", "*Lingling District*", and the conjuncts of such a place
    ("the provinces of Yala, Pattani and *Narathiwat*")."""
    if _place_noun(view, ent.last - 1):
        return True
    tok = view.tokens[view.root(ent.first, ent.last)]
    while tok.dep == "conj" and tok.head != tok.i:  # "the provinces of Yala and *Narathiwat*"
        tok = view.tokens[tok.head]
    head = view.tokens[tok.head]
    if tok.dep == "compound" and head.i > tok.i:  # "the Rafah border post"
        return any(_place_noun(view, k) for k in range(tok.i + 1, head.i + 1))
    if tok.dep == "compound" or tok.dep == "appos":
        return _place_noun(view, head.i)
    if tok.dep != "pobj":
        return False
    if head.text.lower() == "of":  # "the town of Kfar Azza"
        return _place_noun(view, head.head)
    verb = view.tokens[head.head]
    return head.text.lower() in _LOCATION_PREPS and verb.pos in ("VERB", "AUX")


def _place_noun(view: DocView, i: int) -> bool:
    """Is token ``i`` a word for a place ("town", "provinces")?"""
    tok = view.tokens[i]
    return tok.text.lower() in _PLACE_NOUNS or tok.lemma.lower() in _PLACE_NOUNS


def _byline(view: DocView, ent: EntitySpan) -> bool:
    """A name that closes the document's first line after "by", the line ending with no
    full stop: a headline's byline ("Hopes of talks fade over militant demands by Anna
    Petrova"), the writer of the story and no party to it."""
    line_end = view.text.find("\n")
    line_end = len(view.text) if line_end < 0 else line_end
    end = ent.entity.end
    if end > line_end or view.text[end:line_end].strip():
        return False
    if view.text[:line_end].rstrip().endswith((".", "!", "?", '"', "”")):
        return False
    return ent.first > 0 and view.lower(ent.first - 1) == "by"


def _misread_person(view: DocView, ent: EntitySpan) -> EntitySpan | None:
    """A place-labelled name that is no known place, country, city or organization and
    stands as a clause's subject is a person ("Beshir has rejected", "Aung San Suu Kyi
    called for"): the name's proper nouns around it, as a PERSON span."""
    if ent.label not in ("GPE", "LOC"):
        return None
    if ent.first > 0 and view.lower(ent.first - 1) in _LOCATION_PREPS:
        return None  # "Also in Narathiwat, a man was shot": a place, however parsed
    first, last = ent.first, ent.last
    while first > 0 and _bare_proper(view, first - 1):
        first -= 1
    while last < len(view.tokens) and _bare_proper(view, last):
        last += 1
    start, end = view.tokens[first].start, view.tokens[last - 1].end
    text = view.text[start:end]
    if (
        _place_or_org(text)
        or lookup_city(text)
        or lookup_demonym(text)
        or not all(_capitalized_noun(view, i) for i in range(first, last))
    ):
        return None
    if view.tokens[view.root(first, last)].dep not in _AGENT_DEPS:
        return None
    return EntitySpan(Entity(start, end, text, "PERSON"), first, last)


def _capitalized_noun(view: DocView, i: int) -> bool:
    tok = view.tokens[i]
    return tok.tag.startswith("NN") and tok.text[:1].isupper()


def _bare_proper(view: DocView, i: int) -> bool:
    """A proper noun outside any entity, in the same name ("San Suu Kyi" after "Aung")."""
    return view.tokens[i].tag == "NNP" and i not in view.entity_at


def _known_person(person: _Person) -> None:
    """What the people table knows fills what the text left unsaid; the text wins.

    A bare name or another spelling of a listed person takes the table's name, so
    "Putin" and "Vladimir Putin" are one actor (one id) across articles.
    """
    entry = lookup_person(person.name)
    if entry is None:
        return
    if person_key(entry.name) != person.key:
        person.name, person.key = entry.name, person_key(entry.name)
    if person.country is None:
        person.country = entry.country
        person.sector = person.sector or entry.sector


def _place_or_org(text: str) -> bool:
    """A PERSON span that is a known organization, country or capital (``Muscat``)."""
    return (
        lookup_org(text) is not None
        or lookup_country_name(text) is not None
        or lookup_capital(text) is not None
    )


def _link_single(view: DocView, ent: EntitySpan, key: str, people: list[_Person]) -> _Person | None:
    """The full-named person a surname (or family name) mention refers to."""
    candidates = [p for p in people if key in (p.key.split()[0], p.key.split()[-1])]
    if not candidates:
        return None

    def last_before(p: _Person) -> int:
        before = [f for f, _, _ in p.spans if f < ent.first]
        return max(before) if before else -1

    preceding = [p for p in candidates if last_before(p) >= 0]
    if preceding:
        return max(preceding, key=last_before)
    return min(candidates, key=lambda p: min(f for f, _, _ in p.spans))


def _attach_roles(view: DocView, person: _Person, consumed: set[int]) -> None:
    found_full = False
    for first, last, _how in person.spans:
        for role in (role_before(view, first, last), role_after(view, first, last)):
            if role is None:
                continue
            if role.text is not None:
                lo, hi = view.token_index(role.start), view.token_index(max(role.end - 1, 0))
                consumed.update(i for i in range(lo, hi + 1) if not first <= i < last)
            # a role with a country beats one without; the first complete one wins
            better = person.role is None or role.country is not None
            if role.text is not None and not found_full and better:
                person.role, person.sector = role.text, role.sector
                found_full = role.country is not None
            if role.country is not None and person.country is None:
                person.country = role.country


def _role_mentions(view: DocView, people: list[_Person]) -> list[Mention]:
    """``the top Russian diplomat`` -> the latest compatible person before it."""
    out = []
    for phrase in find_role_phrases(view):
        best: tuple[int, _Person] | None = None
        for person in people:
            before = [f for f, _, _ in person.spans if f < phrase.first]
            if before and compatible(phrase, person.role, person.country):
                pos = max(before)
                if best is None or pos > best[0]:
                    best = (pos, person)
        if best is not None:
            out.append(_mention(view, phrase.first, phrase.last, best[1].actor(), "role"))
    return out


def _reporting_pronouns(view: DocView, found: list[Mention]) -> list[Mention]:
    """``..., he said``: the subject pronoun of a reporting verb is the latest person
    named within the last three sentences (news attributes quotes this way)."""
    people = sorted((m for m in found if m.actor.kind == "person"), key=lambda m: m.start)
    out = []
    for tok in view.tokens:
        if tok.text.lower() not in ("he", "she") or tok.dep != "nsubj":
            continue
        if view.tokens[tok.head].lemma.lower() not in _REPORTING:
            continue
        sent_start, _ = view.sentence_bounds(tok.i)
        window_start = sent_start
        for _ in range(3):
            if window_start == 0:
                break
            window_start, _ = view.sentence_bounds(window_start - 1)
        floor = view.tokens[window_start].start
        before = [m for m in people if floor <= m.start and m.end <= tok.start]
        if before:
            out.append(Mention(tok.start, tok.end, tok.text, before[-1].actor, "pronoun"))
    return out


# --------------------------------------------------------------------------- places, orgs


def _widest_match(view: DocView, ent: EntitySpan) -> tuple[int, int, OrgEntry | str] | None:
    """The widest known organization or country name around an entity the NER cut
    short (``Agence France`` + ``-Presse``; ``Democratic Republic of the`` + ``Congo``)."""
    best: tuple[int, int, OrgEntry | str] | None = None
    for left in range(0, 6):
        for right in range(0, 4):
            first, last = ent.first - left, ent.last + right
            if (
                first < 0
                or last > len(view)
                or ((left or right) and not _free(view, ent, first, last))
            ):
                continue
            if right and view.tokens[last - 1].text in ("'s", "’s"):
                continue
            if left and view.lower(first) == "the":
                continue
            text = view.span_text(first, last)
            found: OrgEntry | str | None = lookup_org(text) or lookup_country_name(text)
            if found is not None and (best is None or last - first > best[1] - best[0]):
                best = (first, last, found)
    return best


def _free(view: DocView, ent: EntitySpan, first: int, last: int) -> bool:
    """Tokens added around an entity must not belong to another entity of a person."""
    for i in range(first, last):
        other = view.entity_at.get(i)
        if other is not None and other is not ent and other.label == "PERSON":
            return False
        tok = view.tokens[i]
        if not tok.text.strip() or tok.text in (",", ".", ";", ":", "(", ")", '"'):
            return False
        if other is None and tok.text.islower() and tok.text not in _NAME_JOINERS:
            return False
    return True


def _resolve_entity(
    view: DocView, ent: EntitySpan, acronyms: dict[str, Actor], companies: frozenset[str]
) -> list[Mention]:
    text = ent.entity.text
    if ent.label == "PERSON" and not _place_or_org(text):
        return []
    match = _widest_match(view, ent) if ent.label != "PERSON" else None
    if match is None:
        entry = lookup_org(text)
        if entry is not None:
            how = "name" if name_key(text) == name_key(entry.name) else "alias"
            return [_mention(view, ent.first, ent.last, _org_actor(entry), how)]
    else:
        first, last, found = match
        if isinstance(found, OrgEntry):
            same = name_key(view.span_text(first, last)) == name_key(found.name)
            return [_mention(view, first, last, _org_actor(found), "name" if same else "alias")]
        actor = _country_actor(found, _sector_after(view, last))
        return [_mention(view, first, last, actor, "name")]
    if ent.label == "NORP" or lookup_demonym(text) is not None:
        return _demonyms(view, ent)
    seat = lookup_capital(text)
    if seat is not None:
        if not is_political_use(view, ent.first, ent.last):
            return []
        seat_org = lookup_org(seat)
        actor = _org_actor(seat_org) if seat_org is not None else _country_actor(seat, "GOV")
        return [_mention(view, ent.first, ent.last, actor, "metonym")]
    if ent.label == "ORG":
        return _organization(view, ent, acronyms, companies)
    return []


def _sector_after(view: DocView, last: int) -> str | None:
    nxt = view.lower(last)
    if nxt in ("'s", "’s"):
        nxt = view.lower(last + 1)
    if nxt in _GOV_NOUNS:
        return "GOV"
    if nxt in _MIL_NOUNS:
        return "MIL"
    return None


def _demonyms(view: DocView, ent: EntitySpan) -> list[Mention]:
    """``Russian``, ``South Korean``; ``Russian-Korean`` gives two; ``inter-Korean`` none."""
    text = ent.entity.text
    if _NOT_A_STATE.match(text):
        return []
    code = lookup_demonym(text)
    if code is not None:
        actor = _country_actor(code, _sector_after(view, ent.last))
        return [_mention(view, ent.first, ent.last, actor, "demonym")]
    out = []
    offset = ent.entity.start
    for part in re.split(r"([-–])", text):
        part_code = lookup_demonym(part) if part not in "-–" else None
        if part_code is not None:
            out.append(
                Mention(offset, offset + len(part), part, _country_actor(part_code), "demonym")
            )
        offset += len(part)
    return out


def _organization(
    view: DocView, ent: EntitySpan, acronyms: dict[str, Actor], companies: frozenset[str]
) -> list[Mention]:
    text = ent.entity.text
    if text.lower().startswith("the "):
        start_tok = ent.first + 1
        text = text[4:]
    else:
        start_tok = ent.first
    country = org_country(view, ent.first, ent.last)
    possessed = ent.first >= 2 and view.lower(ent.first - 1) in ("'s", "’s")
    sector = org_sector(text, has_country=country is not None and possessed)
    if country is None and sector is None and name_key(org_stem(text)) in companies:
        sector = "BUS"  # named again and again, and called a business
    if country is None and sector is None:
        return []  # a bare name ("said Acme") tells neither what nor whose it is
    actor = Actor(actor_id("org", org_singular(text)), text, country, sector, "org")
    tail = _ACRONYM_AFTER.match(view.text, ent.entity.end)
    if tail:
        acronyms[tail.group(1)] = actor
    return [_mention(view, start_tok, ent.last, actor, "name")]


def _org_variants(view: DocView, found: list[Mention]) -> list[Mention]:
    """ "Boeing Co. signed ... Boeing said": a shorter form of an organization the
    article has named is that organization (an alias mention), though the bare form
    alone says neither its country nor its sector."""
    orgs = {name_key(org_stem(m.actor.name)): m.actor for m in found if m.actor.kind == "org"}
    covered = {
        i for m in found for i in range(view.token_index(m.start), view.token_index(m.end - 1) + 1)
    }
    out = []
    for ent in view.entities:
        if ent.label != "ORG" or any(i in covered for i in range(ent.first, ent.last)):
            continue
        actor = orgs.get(name_key(org_stem(ent.entity.text)))
        if actor is not None:
            out.append(_mention(view, ent.first, ent.last, actor, "alias"))
    return out


def _acronym_mentions(view: DocView, acronyms: dict[str, Actor]) -> list[Mention]:
    """``the Russian Direct Investment Fund (RDIF)``: every ``RDIF`` is an alias."""
    out = []
    for tok in view.tokens:
        actor = acronyms.get(tok.text)
        if actor is not None:
            out.append(Mention(tok.start, tok.end, tok.text, actor, "alias"))
    return out


def _known_abbreviations(view: DocView) -> list[Mention]:
    """``WHO``, ``NATO``, ``DPRK`` the NER left untagged: all-capital tokens that
    the tables know, outside entities and outside all-capital lines; and one-word
    organization names it missed (``the Houthis``)."""
    out = []
    for tok in view.tokens:
        if tok.i in view.entity_at:
            continue
        if tok.text.istitle() and len(tok.text) >= 4 and tok.text.isalpha():
            entry = lookup_org(tok.text)
            if entry is not None:
                out.append(Mention(tok.start, tok.end, tok.text, _org_actor(entry), "name"))
            continue
        if not (tok.text.isupper() and len(tok.text) >= 2):
            continue
        start, end = view.sentence_bounds(tok.i)
        words = [t for t in view.tokens[start:end] if t.text.isalpha()]
        if sum(t.text.isupper() for t in words) * 2 > len(words):
            continue
        entry = lookup_org(tok.text)
        if entry is not None:
            out.append(Mention(tok.start, tok.end, tok.text, _org_actor(entry), "alias"))
            continue
        code = lookup_country_name(tok.text)
        if code is not None:
            out.append(Mention(tok.start, tok.end, tok.text, _country_actor(code), "name"))
    return out


def _loose_demonyms(view: DocView) -> list[Mention]:
    """``Russian`` in ``the Russian-Korean Forum``, ``Israeli troops``: national adjectives
    the NER left untagged, as demonym mentions (with the sector of the noun they modify)."""
    out = []
    for tok in view.tokens:
        if tok.i in view.entity_at or not tok.text[:1].isupper() or len(tok.text) < 4:
            continue
        if tok.pos not in ("ADJ", "PROPN") or tok.dep not in ("amod", "compound", "nmod"):
            continue
        code = lookup_demonym(tok.text)
        if code is not None:
            actor = _country_actor(code, _sector_after(view, tok.i + 1))
            out.append(Mention(tok.start, tok.end, tok.text, actor, "demonym"))
    return out


def _agency_markers(text: str) -> list[Mention]:
    """``MOSCOW, September 29. /TASS/.`` and ``(Reuters)``: agency credits in datelines."""
    out = []
    for match in _DATELINE_AGENCY.finditer(text):
        entry = lookup_org(match.group(1))
        if entry is not None and entry.sector == "JRN":
            start, end = match.span(1)
            out.append(Mention(start, end, match.group(1), _org_actor(entry), "name"))
    return out


def _non_overlapping(mentions: list[Mention]) -> tuple[Mention, ...]:
    ordered = sorted(mentions, key=lambda m: (m.start, -(m.end - m.start), m.how))
    kept: list[Mention] = []
    last_end = -1
    for m in ordered:
        if m.start >= last_end:
            kept.append(m)
            last_end = m.end
    return tuple(kept)
