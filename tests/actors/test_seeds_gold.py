"""Every actor of ``seeds_gold.json`` resolves as stated over the seed texts."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from storyline.nlp.actors import ActorStage, actor_id
from storyline.nlp.actors.gazetteer import person_key
from storyline.pipeline import StageStats
from storyline.records import Actor, Document, RawDocument

from .conftest import seed_raws
from .helpers import covering, occurrences, role_matches

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seed_docs(
    prepare_and_annotate: Callable[[list[RawDocument]], list[Document]],
) -> list[Document]:
    """The seeds read, cleaned and annotated as ``build`` does, then the actor stage."""
    return list(ActorStage().run(prepare_and_annotate(seed_raws()), StageStats()))


def _merged(docs: list[Document]) -> dict[str, Actor]:
    """Actors by id across articles: the first known country, sector and role win."""
    merged: dict[str, Actor] = {}
    for doc in docs:
        for m in doc.mentions:
            a, old = m.actor, merged.get(m.actor.id)
            if old is None:
                merged[a.id] = a
            else:
                merged[a.id] = Actor(
                    old.id,
                    old.name,
                    old.country or a.country,
                    old.sector or a.sector,
                    old.kind,
                    old.role or a.role,
                )
    return merged


def _gold_actors(gold: dict[str, Any]) -> list[dict[str, Any]]:
    return [a for a in gold["actors"] if "name" in a]


def test_gold_named_actors(
    seed_docs: list[Document], seeds_gold: dict[str, Any], floor: Callable[..., float]
) -> None:
    """The share of gold actors found with their country, sector and role holds its floor."""
    merged = _merged(seed_docs)
    failures = []
    golds = _gold_actors(seeds_gold)
    assert len(golds) >= 10
    for gold in golds:
        found = [
            a
            for a in merged.values()
            if person_key(a.name) == person_key(gold["name"]) and a.kind != "country"
        ]
        if not found:
            failures.append(f"{gold['name']}: not found")
            continue
        a = found[0]
        if a.country != gold["country"]:
            failures.append(f"{gold['name']}: country {a.country} != {gold['country']}")
        if "sector" in gold and a.sector != gold["sector"]:
            failures.append(f"{gold['name']}: sector {a.sector} != {gold['sector']}")
        if "role" in gold and not role_matches(gold["role"], a.role):
            failures.append(f"{gold['name']}: role {a.role!r} != {gold['role']!r}")
    rate = 1 - len({f.split(":")[0] for f in failures}) / len(golds)
    assert rate >= floor("actors_seed_gold"), f"rate {rate:.3f}; failures:\n" + "\n".join(failures)


def test_gold_aliases_resolve_to_the_person(
    seed_docs: list[Document], seeds_gold: dict[str, Any]
) -> None:
    failures = []
    for gold in _gold_actors(seeds_gold):
        kind = "person" if gold.get("role") else ("igo" if gold["country"] == "IGO" else "org")
        want = actor_id(kind, gold["name"])
        for surface in gold.get("also", []):
            seen = 0
            for doc in seed_docs:
                for start, end in occurrences(doc.text, surface):
                    seen += 1
                    ids = {m.actor.id for m in covering(doc.mentions, start, end)}
                    if want not in ids:
                        failures.append(f"{surface!r} at {start} in {doc.id[:8]} -> {ids}")
            if not seen:
                failures.append(f"{surface!r}: not in the seeds")
    assert not failures, "\n".join(failures)


def test_spelling_variants_share_an_id_and_namesakes_do_not() -> None:
    assert actor_id("person", "Kim Jong-un") == actor_id("person", "Kim Jong Un")
    assert actor_id("person", "Chung Eui-yong") != actor_id("person", "Chung Sye-kyun")


def test_gold_metonyms_in_their_contexts(
    seed_docs: list[Document], seeds_gold: dict[str, Any]
) -> None:
    failures = []
    for gold in seeds_gold["actors"]:
        if "metonym" not in gold:
            continue
        word = gold["metonym"]
        contexts = [c.strip() for c in gold.get("in", "").split(";") if c.strip()] or [word]
        for context in contexts:
            hits = 0
            for doc in seed_docs:
                for cstart, _ in occurrences(doc.text, context):
                    offset = context.index(word)
                    start, end = cstart + offset, cstart + offset + len(word)
                    hits += 1
                    ok = [
                        m
                        for m in covering(doc.mentions, start, end)
                        if m.how == "metonym"
                        and m.actor.country == gold["country"]
                        and m.actor.sector == gold["sector"]
                    ]
                    if not ok:
                        failures.append(f"{word!r} in {context!r} ({doc.id[:8]}): no metonym")
            if not hits:
                failures.append(f"context {context!r} not in the seeds")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("phrase", ["in Moscow", "in Kaesong", "in Seoul", "to Moscow"])
def test_places_are_not_governments(seed_docs: list[Document], phrase: str) -> None:
    place = phrase.split()[1]
    for doc in seed_docs:
        for start, _ in occurrences(doc.text, phrase):
            pstart = start + len(phrase) - len(place)
            cover = covering(doc.mentions, pstart, pstart + len(place))
            assert not cover, f"{phrase!r} in {doc.id[:8]} gave {cover}"


def test_stage_declares_its_fields() -> None:
    stage = ActorStage()
    assert stage.name == "actors"
    assert stage.requires == {"text", "tokens", "sentences", "entities"}
    assert stage.provides == {"mentions"}
