"""The persisted index: reopening, idempotence, growth, merges, and config checks."""

from __future__ import annotations

import sqlite3

import pytest

from storyline.dedup import StoryConfig, cluster
from storyline.store.story_index import STORY_SCHEMA, StoryIndex, StoryIndexError


def _long_text(seeds: list[tuple[str, str]]) -> str:
    return dict(seeds)["001_aa7b5d49928f772c.txt"]


def test_reopened_index_keeps_stories_and_grows(seeds):
    conn = sqlite3.connect(":memory:")
    first = StoryIndex(conn)
    first.add_many(seeds[:3])
    before = first.stories()
    reopened = StoryIndex(conn)
    assert reopened.stories() == before
    reopened.add_many(seeds[3:])
    assert reopened.stories() == cluster(seeds)


def test_new_copy_joins_existing_story(seeds):
    conn = sqlite3.connect(":memory:")
    index = StoryIndex(conn)
    index.add_many(seeds)
    story = index.story_of("001_aa7b5d49928f772c.txt")
    assert story is not None
    body = _long_text(seeds).split("\n\n")[3:]  # a re-scrape without the page header
    copy = "\n\n".join(["Subscribe now", *body, "All rights reserved."])
    member = index.add("copy", copy)
    assert member.relation == "near"
    assert index.story_of("copy") == story
    exact = index.add("exact", _long_text(seeds).upper())
    assert exact.relation == "exact"
    assert index.story_of("exact") == story


def test_add_is_idempotent(seeds):
    index = StoryIndex(sqlite3.connect(":memory:"))
    index.add_many(seeds)
    before = index.stories()
    doc, text = seeds[0]
    index.add(doc, text)
    index.add(doc, "a completely different text now")
    assert index.stories() == before
    assert len(index) == len(seeds)


def test_bridge_merges_two_stories(seeds):
    """Two halves of an article are separate stories until the whole arrives."""
    paragraphs = _long_text(seeds).split("\n\n")
    half = len(paragraphs) // 2
    head, tail = "\n\n".join(paragraphs[:half]), "\n\n".join(paragraphs[half:])
    index = StoryIndex(sqlite3.connect(":memory:"))
    index.add_many([("zz-head", head), ("aa-tail", tail)])
    assert index.story_of("zz-head") != index.story_of("aa-tail")
    index.add("mm-whole", _long_text(seeds))
    merged = index.story_of("mm-whole")
    assert index.story_of("zz-head") == index.story_of("aa-tail") == merged
    (story,) = [s for s in index.stories() if s.id == merged]
    assert story.canonical == "mm-whole"
    assert {m.relation for m in story.members} == {"canonical", "contained-in"}


def test_short_text_matches_only_exact_copies():
    index = StoryIndex(sqlite3.connect(":memory:"))
    index.add("a", "Lavrov met Chung in Seoul.")
    index.add("b", "Lavrov met Chung in Seoul!")
    index.add("c", "Lavrov met Chung in Moscow.")
    index.add("empty", "   ")
    index.add("empty2", "...")
    assert index.story_of("a") == index.story_of("b")
    assert index.story_of("c") != index.story_of("a")
    assert index.story_of("empty") != index.story_of("empty2")
    assert index.story_of("missing") is None


def test_other_config_is_refused():
    conn = sqlite3.connect(":memory:")
    StoryIndex(conn)
    with pytest.raises(StoryIndexError, match="same StoryConfig"):
        StoryIndex(conn, StoryConfig(shingle_size=4))


def test_schema_is_a_rerunnable_migration():
    conn = sqlite3.connect(":memory:")
    conn.executescript(STORY_SCHEMA)
    conn.executescript(STORY_SCHEMA)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert all(t.startswith(("story_", "lsh_")) for t in tables)


def test_bad_config_is_explained():
    with pytest.raises(ValueError, match="bands \\* rows"):
        StoryConfig(bands=10, rows=10)


def test_links_made_elsewhere_load_into_an_empty_index(variant_corpus):
    """``add_fingerprints(fps, components)``: a partition computed elsewhere (the Ray
    engine's) gives the stories, relations and scores that ``add_many`` finds itself."""
    from storyline.dedup import fingerprint_many
    from storyline.engine.ray_stories import story_partition

    config = StoryConfig()
    expected = StoryIndex(sqlite3.connect(":memory:"))
    expected.add_many(variant_corpus)
    partition = story_partition(cluster(variant_corpus, config))
    assert any(len(group) > 1 for group in partition)
    index = StoryIndex(sqlite3.connect(":memory:"))
    members = index.add_fingerprints(fingerprint_many(variant_corpus, config), partition)
    assert index.stories() == expected.stories()
    assert members == expected._members([doc for doc, _ in variant_corpus])
    # the components are trusted: a partition that keeps everything apart is obeyed
    apart = StoryIndex(sqlite3.connect(":memory:"))
    singles = [(doc,) for doc, _ in variant_corpus]
    apart.add_fingerprints(fingerprint_many(variant_corpus, config), singles)
    assert len(apart.stories()) == len(variant_corpus)
