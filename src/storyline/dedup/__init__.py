"""Stories: near-duplicate and containment clustering of articles.

Wire copy is republished, trimmed, extended and re-scraped; a timeline that counts
one report five times is wrong. This package groups articles into ``Story`` records
(canonical = most complete article; members with their relation and score;
paragraphs with every article that carries them).

``cluster`` does it in memory; ``StoryIndex`` persists fingerprints and LSH
postings in SQLite (``STORY_SCHEMA``) so a corpus grows without rebuilding.
"""

from storyline.dedup.config import StoryConfig
from storyline.dedup.fingerprint import Fingerprint, fingerprint_many, normalize, split_paragraphs
from storyline.dedup.index import STORY_SCHEMA, StoryIndex, StoryIndexError
from storyline.dedup.memory import cluster, cluster_fingerprints

__all__ = [
    "STORY_SCHEMA",
    "Fingerprint",
    "StoryConfig",
    "StoryIndex",
    "StoryIndexError",
    "cluster",
    "cluster_fingerprints",
    "fingerprint_many",
    "normalize",
    "split_paragraphs",
]
