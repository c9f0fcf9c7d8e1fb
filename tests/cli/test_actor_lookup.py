"""One actor lookup for every command and the API: aliases, word-boundary prefixes,
case and accents folded, and the same message with suggestions when none or several match."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.names import name_words
from storyline.store.actor_lookup import (
    ActorName,
    ambiguous_actor,
    prefix_matches,
    suggestions,
    unknown_actor,
)
from storyline.store.query import QueryError
from storyline.store.sqlite import SQLiteStore, alias_key

ACTORS = [  # id, name, country, kind, aliases
    ("f1", "Ford Motor Company", "USA", "org", ["Ford Motor Company", "Ford"]),
    ("c1", "Chung Eui-yong", "KOR", "person", ["Chung Eui-yong"]),
    ("c2", "Chung Sye-kyun", "KOR", "person", ["Chung Sye-kyun"]),
    ("j1", "José Mujica", "URY", "person", ["José Mujica", "Pepe Mujica"]),
    ("b1", "Boeing Company", "USA", "org", ["Boeing Company", "The Boeing Company"]),
    ("KOR", "South Korea", "KOR", "country", ["South Korea", "Seoul"]),
]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    with SQLiteStore(tmp_path / "actors.db") as s:
        for actor, name, country, kind, aliases in ACTORS:
            s.conn.execute("INSERT INTO actors (id, name, country, kind) VALUES (?, ?, ?, ?)",
                           (actor, name, country, kind))  # fmt: skip
            for alias in aliases:
                s.conn.execute("INSERT INTO actor_aliases VALUES (?, ?, ?)",
                               (actor, alias, alias_key(alias)))  # fmt: skip
        s.conn.commit()
        yield s


def test_words_fold_case_accents_punctuation_and_a_leading_the() -> None:
    assert name_words("The  Boeing-Company") == ("boeing", "company")
    assert name_words("JOSÉ Mújica") == ("jose", "mujica")
    assert name_words("the") == ("the",)


def test_a_prefix_must_end_on_a_word_boundary() -> None:
    names = [ActorName("f1", "Ford Motor Company", "Ford Motor Company")]
    assert prefix_matches("Ford", names) == names
    assert prefix_matches("ford motor", names) == names
    assert prefix_matches("For", names) == []
    assert prefix_matches("Motor", names) == []
    assert suggestions("Motor", names) == ["Ford Motor Company"]  # a later word: suggested
    assert suggestions("Ford Motr Company", names) == ["Ford Motor Company"]  # a close spelling


@pytest.mark.parametrize(
    ("query", "actor"),
    [
        ("Ford", "f1"),  # an alias
        ("ford motor", "f1"),  # a prefix on a word boundary, any case
        ("FORD MOTOR COMPANY", "f1"),
        ("Jose Mujica", "j1"),  # accents folded (exact alias)
        ("jose", "j1"),  # accents folded (prefix)
        ("Pepe", "j1"),  # a prefix of an alias
        ("Boeing", "b1"),  # "The Boeing Company": the article is no word of the name
        ("Chung Eui", "c1"),
        ("seoul", "KOR"),
        ("kor", "KOR"),  # a country code in any case
    ],
)
def test_an_actor_is_found_by_alias_prefix_case_and_accents(
    store: SQLiteStore, query: str, actor: str
) -> None:
    ids, _countries = store.resolve_actor(query)
    assert ids == {actor}


def test_unknown_and_ambiguous_names_get_the_shared_messages(store: SQLiteStore) -> None:
    with pytest.raises(QueryError) as info:
        store.resolve_actor("Chung")
    assert str(info.value) == ambiguous_actor("Chung", ["Chung Eui-yong", "Chung Sye-kyun"])
    assert str(info.value) == (
        "ambiguous actor 'Chung': it begins the names of 'Chung Eui-yong' and "
        "'Chung Sye-kyun'; give more of the name"
    )
    with pytest.raises(QueryError) as info:
        store.resolve_actor("Mujika")
    assert str(info.value) == unknown_actor("Mujika", ["José Mujica"])
    assert str(info.value).endswith("; did you mean 'José Mujica'?")
    with pytest.raises(QueryError) as info:
        store.resolve_actor("XYZ")  # three capitals are no country code the store knows
    assert str(info.value) == (
        "unknown actor 'XYZ': no actor name, alias or country code matches it"
    )
    with pytest.raises(QueryError):
        store.resolve_actor("Fo")  # not a word


def test_non_latin_names_do_not_match_everything(store: SQLiteStore) -> None:
    with pytest.raises(QueryError, match="unknown actor"):
        store.resolve_actor("Путин")  # folds to no ASCII key: no accidental match on ''


runner = CliRunner()


@pytest.mark.parametrize(
    "args",
    [
        ["timeline", "--actor", "{name}"],
        ["timeline", "--between", "RUS", "{name}"],
        ["export", "-f", "csv", "--actor", "{name}"],
        ["export", "-f", "json", "--between", "{name}", "KOR"],
        ["relations", "RUS", "{name}"],
        ["relations", "{name}", "KOR"],
    ],
)
@pytest.mark.parametrize(("name", "message"), [
    ("XYZ", "error: unknown actor 'XYZ': no actor name, alias or country code matches it"),
    ("Lavrof", "error: unknown actor 'Lavrof': no actor name, alias or country code matches "
               "it; did you mean 'Sergey Lavrov'?"),
])  # fmt: skip
@pytest.mark.slow
def test_every_command_that_takes_an_actor_says_the_same(
    seeds_db: Path, args: list[str], name: str, message: str
) -> None:
    argv = [a.replace("{name}", name) for a in args] + ["--db", str(seeds_db)]
    result = runner.invoke(app, argv)
    assert result.exit_code == 2
    assert " ".join(result.stderr.split()) == message
