"""Issue 17: an actor's aliases are the names the articles give it, never the role
phrases or pronouns that point back at it, and the organizations an article keeps
naming are actors whatever form of their name it uses.

Each test reads a small written article the way ``build`` does (``annotate``), finds
its mentions and, where aliases are at stake, stores them as ``build`` would.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from storyline.nlp.actors import extract_mentions
from storyline.nlp.actors.naming import NAMING_KINDS, alias_of
from storyline.records import Actor, Document, Mention
from storyline.store.memory import MemoryStore

pytestmark = pytest.mark.slow

LAVROV_TEXT = (
    "Russian Foreign Minister Sergey Lavrov arrived in Pyongyang on Tuesday for talks with"
    " North Korean Foreign Minister Choe Son Hui. The Russian foreign minister praised the"
    " ties between the two countries, and the top Russian diplomat said Moscow would send"
    " aid. Lavrov thanked his North Korean counterpart for the welcome, he said."
)


def _stored(doc: Document) -> tuple[MemoryStore, tuple[Mention, ...]]:
    mentions = extract_mentions(doc)
    store = MemoryStore()
    assert store.add_document(replace(doc, mentions=mentions)) is True
    return store, mentions


def test_role_phrases_and_pronouns_point_at_a_person_but_are_no_aliases(
    annotate: Callable[[str], Document],
) -> None:
    store, mentions = _stored(annotate(LAVROV_TEXT))
    lavrov = [m for m in mentions if m.actor.name == "Sergey Lavrov"]
    # the descriptions are still found, and still point at him (events use them) ...
    assert {"role", "alias"} <= {m.how for m in lavrov}, lavrov
    assert any(m.text == "the top Russian diplomat" for m in lavrov), lavrov
    # ... but only names are stored as his aliases
    assert sorted(store.aliases_of(lavrov[0].actor.id)) == ["Lavrov", "Sergey Lavrov"]
    assert store.mention_count(lavrov[0].actor.id) == len(lavrov)
    choe = [m for m in mentions if m.actor.name == "Choe Son Hui"]
    assert choe and store.aliases_of(choe[0].actor.id) == ["Choe Son Hui"]


def test_every_alias_a_mention_gives_is_a_name_or_the_actors_own() -> None:
    mention = Mention(0, 2, "he", _lavrov(), "pronoun")
    assert alias_of(mention) == "Sergey Lavrov"
    assert alias_of(replace(mention, text="the minister", how="role")) == "Sergey Lavrov"
    for how in sorted(NAMING_KINDS):
        assert alias_of(replace(mention, text="Lavrov", how=how)) == "Lavrov"


def _lavrov() -> Actor:
    return Actor("p-lavrov", "Sergey Lavrov", "RUS", "GOV", "person", "foreign minister")


FORD_TEXT = (
    "Ford Motor Company said on Monday it would build a battery plant in Kentucky. Ford"
    " Motor Co shares rose after the announcement.\n\nFord Motors will hire 2,000 workers,"
    " the company said. The planemaker Boeing also announced new jobs on Monday.\n\nBoeing"
    " said the jobs would be in Seattle. Analysts said Boeing and Ford Motors were competing"
    " for engineers. Boeing declined to comment further."
)


def test_a_plural_form_of_a_company_name_is_the_company(
    annotate: Callable[[str], Document],
) -> None:
    store, mentions = _stored(annotate(FORD_TEXT))
    ford = [m for m in mentions if m.text.startswith("Ford")]
    assert {m.text for m in ford} == {"Ford Motor Company", "Ford Motor Co", "Ford Motors"}
    assert len({m.actor.id for m in ford}) == 1, ford  # one actor, not two
    assert "Ford Motors" in store.aliases_of(ford[0].actor.id)
    assert store.resolve_actor("Ford Motors")[0] == {ford[0].actor.id}


def test_a_plural_form_named_alone_is_still_the_company(
    annotate: Callable[[str], Document],
) -> None:
    """Across articles: one that says only "Ford Motors" names the same actor as one
    that says "Ford Motor Company" (the id drops the corporate form and the ending)."""
    _, first = _stored(annotate("Ford Motor Company said on Monday it would build a plant."))
    _, second = _stored(annotate("Ford Motors will hire 2,000 workers in Kentucky, it said."))
    ids = {m.actor.id for m in (*first, *second) if m.text.startswith("Ford")}
    assert len(ids) == 1, (first, second)


def test_a_company_named_again_and_again_and_called_one_is_an_actor(
    annotate: Callable[[str], Document],
) -> None:
    _, mentions = _stored(annotate(FORD_TEXT))
    boeing = [m for m in mentions if m.text == "Boeing"]
    assert len(boeing) == 4, boeing
    assert {(m.actor.name, m.actor.kind, m.actor.sector) for m in boeing} == {
        ("Boeing", "org", "BUS")
    }


def test_a_name_said_once_or_never_called_a_business_stays_no_actor(
    annotate: Callable[[str], Document],
) -> None:
    """Repetition alone is not enough (the NER tags regulators, footballers and towns
    ORG too), and neither is one mention."""
    once = annotate("The planemaker Boeing said it would hire 300 engineers in Seattle.")
    assert [m for m in once.entities if m.text == "Boeing" and m.label == "ORG"]
    assert not [m for m in extract_mentions(once) if m.text == "Boeing"]
    uncalled = annotate(
        "The SEC opened an inquiry into the trades on Monday. The SEC said shares of the"
        " bank had fallen by a third."
    )
    assert len([m for m in uncalled.entities if m.text == "SEC" and m.label == "ORG"]) == 2
    assert not [m for m in extract_mentions(uncalled) if m.text == "SEC"]


@pytest.mark.parametrize(
    "text",
    [
        "Boeing said on Monday it would hire 300 engineers. Boeing shares rose 2 percent.",
        "Boeing said on Monday it would hire 300 engineers. Shares of Boeing rose 2 percent.",
    ],
)
def test_a_repeated_name_whose_shares_are_traded_is_a_company(
    annotate: Callable[[str], Document], text: str
) -> None:
    doc = annotate(text)
    assert [e for e in doc.entities if e.text == "Boeing" and e.label == "ORG"]
    boeing = [m for m in extract_mentions(doc) if m.text == "Boeing"]
    assert boeing and {(m.actor.name, m.actor.sector) for m in boeing} == {("Boeing", "BUS")}


@pytest.mark.parametrize(
    ("role", "sector"),
    [
        ("European captain", None),  # a team's captain (judged real news: no officer)
        ("Brazil captain", None),
        ("army captain", "MIL"),
        ("Air Force captain", "MIL"),
        ("colonel", "MIL"),
    ],
)
def test_a_captain_is_an_officer_only_with_a_force_named(role: str, sector: str | None) -> None:
    from storyline.nlp.actors.roles import sector_of

    assert sector_of(role) == sector


def test_a_headlines_byline_is_no_actor(annotate: Callable[[str], Document]) -> None:
    """A wire headline may end with its writer's name ("... by Anna Petrova"): the
    writer is no party to the story. The same name inside the story is one."""
    byline = annotate(
        "Hopes of Sharon-Abbas talks stumble over militant demands by Anna Petrova\n\n"
        "Hopes of direct talks between the two leaders faded on Saturday.\n"
    )
    assert "Anna Petrova" not in {m.actor.name for m in extract_mentions(byline)}
    story = annotate(
        "Talks stumble over militant demands.\n\n"
        "The demands were rejected by Anna Petrova, the mediator, on Saturday.\n"
    )
    assert "Anna Petrova" in {m.actor.name for m in extract_mentions(story)}
