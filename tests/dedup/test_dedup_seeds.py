"""The five seed articles: 000 is a trimmed copy of 001; 002, 003, 004 are distinct."""

from __future__ import annotations

import sqlite3

from storyline.dedup import StoryIndex, cluster
from storyline.records import Story


def _partition(stories: list[Story]) -> list[list[str]]:
    return sorted(sorted(m.document for m in s.members) for s in stories)


def test_seeds_cluster_as_gold(seeds, gold_stories):
    stories = cluster(seeds)
    assert _partition(stories) == sorted(gold_stories)


def test_seed_001_is_canonical_and_000_contained(seeds):
    (story,) = [s for s in cluster(seeds) if len(s.members) == 2]
    assert story.canonical.startswith("001_")
    relations = {m.document[:3]: (m.relation, m.score) for m in story.members}
    assert relations["001"] == ("canonical", 1.0)
    relation, score = relations["000"]
    assert relation == "contained-in"
    assert score > 0.9


def test_story_paragraphs_cite_every_carrier(seeds):
    (story,) = [s for s in cluster(seeds) if len(s.members) == 2]
    ids = [p.id for p in story.paragraphs]
    assert len(ids) == len(set(ids))
    shared = [p for p in story.paragraphs if len(p.documents) == 2]
    only_long = [p for p in story.paragraphs if p.documents == (story.canonical,)]
    assert shared and only_long
    assert any("Lavrov continued" in p.text for p in shared)
    assert any(p.text == "Global coronavirus crisis" for p in only_long)


def test_persisted_index_matches_memory(seeds):
    index = StoryIndex(sqlite3.connect(":memory:"))
    for doc, text in seeds:
        index.add(doc, text)
    assert index.stories() == cluster(seeds)
