"""The entity fixes on sentences of the kinds the statistical NER gets wrong."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from storyline.records import Document

pytestmark = pytest.mark.slow


def _ents(doc: Document, label: str) -> list[str]:
    return [e.text for e in doc.entities if e.label == label]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("South Korea’s President Moon Jae-in paid an official visit to Russia.", "Moon Jae-in"),
        ("South Korean leader Yoon Suk Yeol paid a visit to the United Kingdom.", "Yoon Suk Yeol"),
        ("Comrade Kim Jong Un then invited Comrade President Putin to visit.", "Kim Jong Un"),
        ("He met North Korean Foreign Minister Choe Son Hui on Tuesday.", "Choe Son Hui"),
        (
            "We held talks with Foreign Minister of the Republic of Korea Chung Eui-yong.",
            "Chung Eui-yong",
        ),
        ("Jordan's King Abdullah II warned of a wider war.", "Abdullah II"),
    ],
)
def test_full_person_names(annotate: Callable[[str], Document], text: str, name: str) -> None:
    assert name in _ents(annotate(text), "PERSON")


def test_titles_are_not_inside_person_spans(annotate: Callable[[str], Document]) -> None:
    doc = annotate("Comrade Kim Jong Un then invited Comrade President Putin to visit.")
    for person in _ents(doc, "PERSON"):
        assert not person.startswith(("Comrade", "President")), person


def test_news_agency_is_an_organization(annotate: Callable[[str], Document]) -> None:
    doc = annotate(
        "Lavrov said in an interview with South Korea’s Yonhap news agency. "
        '"Dialogue is in place," Lavrov told Yonhap in the interview.'
    )
    assert "Yonhap" not in _ents(doc, "PERSON")


def test_place_tagged_person_after_in(annotate: Callable[[str], Document]) -> None:
    doc = annotate(
        "North Korea blew up its joint liaison office with Seoul in Kaesong. "
        "Pyongyang announced plans to deploy troops in Kumgangsan and Kaesong."
    )
    assert "Kaesong" not in _ents(doc, "PERSON")


def test_names_with_digits_are_not_people(annotate: Callable[[str], Document]) -> None:
    doc = annotate("Both countries suffered from Covid-19 last year, Lavrov said.")
    assert all(not any(c.isdigit() for c in p) for p in _ents(doc, "PERSON"))


def test_add_entity_rules_is_idempotent(nlp: object) -> None:
    from storyline.nlp.entity_rules import COMPONENT, add_entity_rules

    add_entity_rules(nlp)  # type: ignore[arg-type]
    names = nlp.pipe_names  # type: ignore[attr-defined]
    assert names.count(COMPONENT) == 1
    assert names.index(COMPONENT) == names.index("ner") + 1


def test_names_do_not_end_in_an_opening_bracket(annotate: Callable[[str], Document]) -> None:
    # the statistical NER takes the bracket before an acronym into the name
    doc = annotate(
        "A delegate to the National Committee of the Chinese People's Political "
        "Consultative Conference (CPPCC) urged cuts in official travel."
    )
    names = [e.text for e in doc.entities]
    assert any(n.endswith("Consultative Conference") for n in names), names
    assert not any(n.rstrip().endswith(("(", ",", "-")) for n in names), names


def test_a_name_made_into_a_modifier_is_no_name(annotate: Callable[[str], Document]) -> None:
    doc = annotate(
        "President Hamid Karzai praised some Saddam Hussein-era officers for their help."
    )
    names = [e.text for e in doc.entities]
    assert not any("Saddam" in n for n in names), names
    assert "Hamid Karzai" in names
