"""The five seed articles: 000 is a trimmed copy of 001; 002, 003, 004 are distinct."""

from __future__ import annotations

import sqlite3

from storyline.dedup import cluster
from storyline.records import Story
from storyline.store.story_index import StoryIndex


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


def _long(seeds):
    return dict(seeds)["001_aa7b5d49928f772c.txt"]


def test_low_jaccard_excerpt_is_found_through_anchors(seeds):
    """A three-paragraph excerpt, each paragraph edited so no paragraph hash matches."""
    paragraphs = sorted(_long(seeds).split("\n\n"), key=len)[-3:]
    excerpt = "\n\n".join(f"{p} (Edited.)" for p in paragraphs)
    (story,) = cluster([("long", _long(seeds)), ("excerpt", excerpt)])
    relation = {m.document: m for m in story.members}["excerpt"]
    assert relation.relation == "contained-in"
    assert relation.score >= 0.8


def test_reworded_rescrape_is_near(seeds):
    words = _long(seeds).split(" ")
    for i in range(0, len(words), 25):  # 4% of the words replaced
        words[i] = "changed"
    copy = "Menu | Search\n\n" + " ".join(words)
    stories = cluster([("long", _long(seeds)), ("copy", copy)])
    assert len(stories) == 1
    assert {m.relation for m in stories[0].members} == {"canonical", "near"}


def test_distinct_same_topic_articles_stay_apart(seeds):
    """The same outlet's other Korea/Russia articles, with the same page chrome added."""
    chrome = "Home | World | Politics\n\n{}\n\nShare this article. All rights reserved."
    docs = [(doc, chrome.format(text)) for doc, text in seeds if not doc.startswith("000")]
    assert len(cluster(docs)) == len(docs)
