"""ActorStage behaviour on small texts: places, months, pronouns, empty input."""

from __future__ import annotations

import itertools
from collections.abc import Callable

import pytest

from storyline.nlp.actors import ActorStage, extract_mentions
from storyline.pipeline import Pipeline, StageStats
from storyline.records import Document

pytestmark = pytest.mark.slow


def test_capital_as_place_is_no_actor(annotate: Callable[[str], Document]) -> None:
    doc = annotate("The forum will be held in Moscow this autumn. He arrived in Seoul on Monday.")
    assert [m for m in extract_mentions(doc) if m.text in ("Moscow", "Seoul")] == []


def test_capital_as_actor(annotate: Callable[[str], Document]) -> None:
    doc = annotate("Moscow accused Kyiv of violating the truce.")
    got = {(m.text, m.actor.country, m.actor.sector, m.how) for m in extract_mentions(doc)}
    assert ("Moscow", "RUS", "GOV", "metonym") in got


def test_months_and_names_of_months_are_not_actors(annotate: Callable[[str], Document]) -> None:
    doc = annotate("In May, the talks resumed. On March 11 the WHO declared a pandemic.")
    texts = {m.text for m in extract_mentions(doc)}
    assert "May" not in texts and "March" not in texts
    assert "WHO" in texts


def test_unknown_country_stays_unknown(annotate: Callable[[str], Document]) -> None:
    doc = annotate("Anna Petrova said the talks had been useful.")
    people = [m.actor for m in extract_mentions(doc) if m.actor.kind == "person"]
    assert people and all(a.country is None for a in people)


def test_role_phrase_without_antecedent_invents_nothing(
    annotate: Callable[[str], Document],
) -> None:
    doc = annotate("The foreign minister said the talks had been useful.")
    assert [m for m in extract_mentions(doc) if m.how == "role"] == []


def test_organization_with_country_and_acronym(annotate: Callable[[str], Document]) -> None:
    doc = annotate(
        "We highlighted the agreement between the Russian Direct Investment Fund (RDIF) "
        "and South Korea’s GL Rapha. RDIF will finance it."
    )
    by_text = {m.text: m.actor for m in extract_mentions(doc)}
    assert by_text["Russian Direct Investment Fund"].country == "RUS"
    assert by_text["GL Rapha"].country == "KOR" and by_text["GL Rapha"].sector == "BUS"
    assert by_text["RDIF"].id == by_text["Russian Direct Investment Fund"].id


def test_mentions_do_not_overlap_and_cite_the_text(annotate: Callable[[str], Document]) -> None:
    doc = annotate(
        "Russian Foreign Minister Sergey Lavrov met the top Russian diplomat's counterpart."
    )
    mentions = extract_mentions(doc)
    for a, b in itertools.pairwise(mentions):
        assert a.end <= b.start
    for m in mentions:
        assert doc.text[m.start : m.end] == m.text


def test_stage_in_pipeline_counts_mentions(annotate: Callable[[str], Document]) -> None:
    doc = annotate("Chinese President Xi Jinping met French President Emmanuel Macron.")
    stats = StageStats()
    out = list(ActorStage().run([doc, Document(id="e", source="e", raw_text="")], stats))
    assert len(out) == 2 and out[1].mentions == ()
    assert stats.counts["mentions"] == len(out[0].mentions) >= 2
    Pipeline([ActorStage()], available=frozenset({"text", "tokens", "sentences", "entities"}))


def test_reporting_pronoun_resolves_to_the_latest_person(
    annotate: Callable[[str], Document],
) -> None:
    doc = annotate(
        "Relations have not hit rock bottom, Russian Ambassador Georgy Zinoviev said. "
        '"We hope for better times," he noted.'
    )
    pronouns = [m for m in extract_mentions(doc) if m.how == "pronoun"]
    assert [(m.text, m.actor.name) for m in pronouns] == [("he", "Georgy Zinoviev")]


def test_a_listed_leader_named_alone_gets_the_table_country(
    annotate: Callable[[str], Document],
) -> None:
    doc = annotate("Putin met Erdogan in Sochi on Friday. Later Vladimir Putin flew home.")
    people = {m.text: m.actor for m in extract_mentions(doc) if m.actor.kind == "person"}
    assert people["Putin"].country == "RUS" and people["Erdogan"].country == "TUR"
    # the bare name is the listed person: one actor with the full name
    assert people["Putin"].id == people["Vladimir Putin"].id
    assert people["Putin"].name == "Vladimir Putin"


@pytest.mark.parametrize(
    ("text", "later"),
    [
        # a surname of several words, and one the NER takes for an organization
        (
            "Spokeswoman Mary O'Hara said the camp was empty. UNICEF spokesman Peter Lund"
            ' reported a raid. "We condemn this attack," O\'Hara said.',
            "O'Hara",
        ),
        (
            "Rebel leader Ali bin Salim urged attacks. Bin Salim said the army would pay.",
            "Bin Salim",
        ),
    ],
)
def test_a_person_named_in_full_is_named_by_surname_after(
    annotate: Callable[[str], Document], text: str, later: str
) -> None:
    people = {m.text: m.actor for m in extract_mentions(annotate(text)) if m.actor.kind == "person"}
    assert later in people, people
    full = [a for name, a in people.items() if name != later and name.endswith(later[-5:])]
    assert full and people[later].id == full[0].id, people


def test_a_common_surname_alone_is_never_guessed(annotate: Callable[[str], Document]) -> None:
    doc = annotate("Johnson said the deal was close. Brown declined to comment.")
    people = [m.actor for m in extract_mentions(doc) if m.actor.kind == "person"]
    assert people and all(a.country is None for a in people)


def test_the_text_beats_the_people_table(annotate: Callable[[str], Document]) -> None:
    doc = annotate("Spanish Foreign Minister Marco Rubio spoke to reporters on Monday.")
    rubio = [m.actor for m in extract_mentions(doc) if m.text == "Marco Rubio"]
    assert rubio and rubio[0].country == "ESP"


def test_armed_groups_have_their_base_country(annotate: Callable[[str], Document]) -> None:
    doc = annotate("Hezbollah fired rockets at Israel, and the Houthis attacked a ship.")
    got = {m.text: (m.actor.country, m.actor.sector) for m in extract_mentions(doc)}
    assert got["Hezbollah"] == ("LBN", "REB")
    assert got["Houthis"] == ("YEM", "REB")


def test_a_company_is_one_actor_whatever_its_corporate_form(
    annotate: Callable[[str], Document],
) -> None:
    doc = annotate(
        "Boeing Co. won an order from Air China on Monday. Boeing said the order was worth"
        " two billion dollars."
    )
    found = [m for m in extract_mentions(doc) if m.text.startswith("Boeing")]
    assert {m.text for m in found} == {"Boeing Co.", "Boeing"}, found
    assert len({m.actor.id for m in found}) == 1
    other = annotate("Boeing Corp. opened a plant in Ohio on Monday.")
    same = [m for m in extract_mentions(other) if m.text.startswith("Boeing")]
    assert {m.actor.id for m in same} == {found[0].actor.id}  # across articles too


def test_a_role_in_a_national_organization_gives_the_persons_country(
    annotate: Callable[[str], Document],
) -> None:
    doc = annotate(
        "Castro met with Liang Guanglie, chief of general staff of the Chinese People's"
        " Liberation Army, on Friday."
    )
    liang = [m for m in extract_mentions(doc) if m.text == "Liang Guanglie"]
    assert liang and liang[0].actor.country == "CHN", liang


def test_mentions_come_sorted_by_start(annotate: Callable[[str], Document]) -> None:
    """Later stages look mentions up by offset (``events.dating``): the order is a contract."""
    doc = annotate(
        "Russian President Vladimir Putin met South Korea's Moon Jae-in in Moscow. "
        "Moon told Putin that Seoul and Pyongyang would talk. The Kremlin said he agreed."
    )
    starts = [m.start for m in extract_mentions(doc)]
    assert len(starts) >= 5 and starts == sorted(starts)
