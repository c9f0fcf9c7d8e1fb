"""Country, capital and organization tables, and stable actor ids (no model needed)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.nlp.actors import actor_id, resolve_country
from storyline.nlp.actors.gazetteer import (
    country_name,
    lookup_capital,
    lookup_demonym,
    lookup_org,
    person_key,
)


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Republic of Korea", "KOR"),
        ("the Republic of Korea", "KOR"),
        ("Democratic People's Republic of Korea", "PRK"),
        ("Democratic People’s Republic of Korea", "PRK"),
        ("Russian Federation", "RUS"),
        ("ROK", "KOR"),
        ("DPRK", "PRK"),
        ("US", "USA"),
        ("U.S.", "USA"),
        ("UK", "GBR"),
        ("Russian", "RUS"),
        ("South Korean", "KOR"),
        ("North Korean", "PRK"),
        ("British", "GBR"),
        ("British Empire", "GBR"),
        ("Soviet Union", "SUN"),
        ("Côte d'Ivoire", "CIV"),
        ("Iran, Islamic Republic of", "IRN"),
        ("Bolivia, Plurinational State of", "BOL"),
        ("Türkiye", "TUR"),
        ("World Health Organization", "IGO"),
        ("WHO", "IGO"),
        ("European Union", "IGO"),
    ],
)
def test_resolve_country(name: str, code: str) -> None:
    assert resolve_country(name) == code


@pytest.mark.parametrize("name", ["us", "who", "Moscow", "Lavrov", "May", "Yonhap", ""])
def test_resolve_country_refuses_what_is_not_a_country(name: str) -> None:
    assert resolve_country(name) is None


def test_every_iso_country_resolves_by_its_iso_name() -> None:
    import pycountry

    for country in pycountry.countries:
        assert resolve_country(country.name) == country.alpha_3, country.name


def test_capitals_stand_for_their_state_or_igo() -> None:
    assert lookup_capital("Moscow") == "RUS"
    assert lookup_capital("Kiev") == lookup_capital("Kyiv") == "UKR"
    assert lookup_capital("Pyongyang") == "PRK"
    assert lookup_capital("Washington") == "USA"
    assert lookup_capital("Brussels") == "European Union"
    assert lookup_capital("moscow") is None  # lower case is not a name


def test_demonyms_and_display_names() -> None:
    assert lookup_demonym("Emirati") == "ARE"
    assert country_name("KOR") == "South Korea"
    assert country_name("XYZ") == "XYZ"


def test_news_agencies_have_country_and_sector() -> None:
    for name, code in [("Yonhap", "KOR"), ("TASS", "RUS"), ("KCNA", "PRK"), ("Xinhua", "CHN")]:
        entry = lookup_org(name)
        assert entry is not None and entry.country == code and entry.sector == "JRN", name
    assert lookup_org("who") is None


def test_person_ids_merge_spelling_variants_only() -> None:
    assert person_key("Kim Jong-un") == person_key("KIM JONG UN") == "kim jong un"
    assert actor_id("person", "Kim Jong-un") == actor_id("person", "Kim  Jong Un")
    assert actor_id("person", "Chung Eui-yong") != actor_id("person", "Chung Sye-kyun")
    assert actor_id("person", "José Manuel Albares") == actor_id("person", "Jose Manuel Albares")


def test_country_and_org_ids() -> None:
    assert actor_id("country", "Russia") == "RUS"
    assert actor_id("country", "Russian Federation") == "RUS"
    assert actor_id("igo", "WHO") == actor_id("igo", "World Health Organization")
    assert actor_id("org", "Yonhap news agency") == actor_id("org", "Yonhap")
    assert len(actor_id("org", "GL Rapha")) == 16


@given(st.text(max_size=40))
def test_lookups_never_raise_and_keys_are_stable(text: str) -> None:
    from storyline.nlp.actors.gazetteer import name_key

    resolve_country(text)
    lookup_org(text)
    assert person_key(person_key(text)) == person_key(text)
    assert name_key(text) == name_key(text)


def test_people_table_bare_names_are_distinctive() -> None:
    """The table's own promise: no common surname stands alone for a person."""
    from storyline.nlp.actors.gazetteer import lookup_person

    for common in ("May", "Johnson", "Brown", "Lee", "Kim", "Moon", "Khan", "Abe", "Li", "Wang"):
        assert lookup_person(common) is None, common
    putin = lookup_person("Putin")
    assert putin is not None and (putin.name, putin.country) == ("Vladimir Putin", "RUS")
    assert lookup_person("Sergei Lavrov") == lookup_person("Sergey Lavrov")
    assert lookup_person("KIM JONG UN") == lookup_person("Kim Jong-un")
