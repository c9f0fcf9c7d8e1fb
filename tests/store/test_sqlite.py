import sqlite3
from pathlib import Path

import pytest

from storyline.records import Actor, Document, EventMention, Evidence, Mention, Quarantined
from storyline.store.query import EventQuery, QueryError
from storyline.store.schema import SCHEMA_VERSION
from storyline.store.sqlite import SQLiteStore, StoreError, alias_key

RUS = Actor(id="RUS", name="Russia", country="RUS", sector="GOV")
KOR = Actor(id="KOR", name="South Korea", country="KOR", sector="GOV")


def _doc(text: str = "Russia and South Korea held talks.") -> Document:
    ev = EventMention(
        id="m1", document="d1", type="CONSULT", modality="asserted", source=(RUS,),
        target=(KOR,), date="2021-03-25", date_source="text",
        evidence=Evidence("d1", 0, len(text), text), trigger=Evidence("d1", 28, 33, "talks"),
        summary="Russia CONSULT South Korea", confidence=0.8,
    )  # fmt: skip
    return Document(
        id="d1", source="a.txt", raw_text=text, text=text, title="Talks", published="2021-03-25",
        mentions=(Mention(0, 6, "Russia", RUS), Mention(11, 22, "South Korea", KOR)),
        events=(ev,),
    )  # fmt: skip


def test_migrations_are_recorded_and_wal_is_on(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "s.db") as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert store.migrate() == []  # nothing left to apply
        mode = store.conn.execute("PRAGMA journal_mode").fetchone()[0]
        assert mode == "wal"


def test_adding_the_same_document_twice_changes_nothing(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "s.db") as store:
        assert store.add_document(_doc()) is True
        before = store.counts()
        assert store.add_document(_doc()) is False
        assert store.counts() == before
        assert before["documents"] == 1 and before["event_mentions"] == 1


def test_full_text_search_and_actor_aliases(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "s.db") as store:
        store.add_document(_doc())
        hits = store.search("talks")
        assert hits and hits[0]["document"] == "d1" and "[talks]" in hits[0]["snippet"]
        with pytest.raises(ValueError, match="bad search query"):
            store.search('"unbalanced')
        ids, countries = store.resolve_actor("south korea")
        assert "KOR" in ids and "KOR" in countries


def test_events_are_filtered_by_actor_dyad_date_and_type(tmp_path: Path) -> None:
    from storyline.events.merge import merge_mentions

    with SQLiteStore(tmp_path / "s.db") as store:
        store.add_document(_doc())
        store.replace_events(merge_mentions(store.event_mentions()))
        assert len(store.events(EventQuery())) == 1
        assert len(store.events(EventQuery.build(between=("KOR", "Russia")))) == 1
        assert len(store.events(EventQuery.build(actor="Russia", date_from="2021-03"))) == 1
        assert store.events(EventQuery.build(date_to="2020")) == []
        assert store.events(EventQuery.build(types=("SANCTION",))) == []
        with pytest.raises(QueryError, match="unknown actor 'Nobody'"):
            store.events(EventQuery.build(actor="Nobody"))


def test_quarantine_is_recorded_once(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "s.db") as store:
        store.quarantine(Quarantined("bad.bin", "binary file"))
        store.quarantine(Quarantined("bad.bin", "binary file"))
        assert [q["source"] for q in store.quarantined()] == ["bad.bin"]


def test_read_only_open_of_a_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="run `storyline build` first"):
        SQLiteStore(tmp_path / "missing.db", read_only=True)


def test_read_only_store_refuses_writes(tmp_path: Path) -> None:
    SQLiteStore(tmp_path / "s.db").close()
    with (
        SQLiteStore(tmp_path / "s.db", read_only=True) as ro,
        pytest.raises(sqlite3.OperationalError),
    ):
        ro.quarantine(Quarantined("x", "y"))


def test_alias_key_folds_spelling_variants() -> None:
    assert alias_key("Kim Jong-un") == alias_key("Kim Jong Un") == alias_key("kim jong un")
    assert alias_key("Chung Eui-yong") != alias_key("Chung Sye-kyun")


def test_event_lookup_takes_hex_ids_and_unique_prefixes_only(tmp_path: Path) -> None:
    from dataclasses import replace

    from storyline.events.merge import merge_mentions

    with SQLiteStore(tmp_path / "s.db") as store:
        store.add_document(_doc())
        (event,) = merge_mentions(store.event_mentions())
        ids = ["abcdef0000000001", "abcdef0000000002", "0123456789abcdef"]
        store.replace_events([replace(event, id=i) for i in ids])
        found = {
            key: getattr(store.event(key), "id", None)
            for key in ("0123456789abcdef", "0123", "012345678", "0123456789ABCDEF", " 0123 ")
        }
        assert set(found.values()) == {"0123456789abcdef"}, found  # exact, prefix, any case
        exact = store.event("abcdef0000000002")  # an id that is a prefix of nothing else
        assert exact is not None and exact.id == "abcdef0000000002"
        for key in ("%", "_", "%%", "0%", "0_23", "abcd%", "abcdef", "012", "", "0" * 65, "xyz1"):
            assert store.event(key) is None, key  # wildcards, ambiguous, too short or long
        assert store.event("a" * 50_000) is None


def test_migration_6_refolds_alias_keys_of_an_older_store(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with SQLiteStore(path) as store:
        store.conn.execute(
            "INSERT INTO actors (id, name, kind) VALUES ('p1', 'Łukaszenka', 'person')"
        )
        # as the folding before storyline.names keyed it: the non-ASCII letter dropped
        store.conn.execute("INSERT INTO actor_aliases VALUES ('p1', 'Łukaszenka', 'ukaszenka')")
        store.conn.execute("DELETE FROM schema_migrations WHERE version = 6")
        store.conn.commit()
    with SQLiteStore(path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        key = store.conn.execute("SELECT alias_key FROM actor_aliases").fetchone()[0]
        assert key == "lukaszenka"
        assert "p1" in store.resolve_actor("Lukaszenka")[0]
