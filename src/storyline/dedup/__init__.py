"""Stories: near-duplicate and containment clustering of articles.

Wire copy is republished, trimmed, extended and re-scraped; a timeline that counts
one report five times is wrong. This package groups articles into ``Story`` records
(canonical = most complete article; members with their relation and score;
paragraphs with every article that carries them).

This package is the algorithm only, and holds no SQL: normalizing and fingerprinting
(shingles, MinHash LSH keys, anchors), the posting rule of a batch, linking and
verification, relations, story ids and assembling a ``Story``. ``cluster`` runs it in
memory; the persisted index (``storyline.store.story_index.StoryIndex``, its tables
``STORY_SCHEMA`` and its error) keeps fingerprints and LSH postings in SQLite so a
corpus grows without rebuilding, and imports its decisions from here (``dedup``
never imports ``store``).
"""

from storyline.dedup.config import StoryConfig
from storyline.dedup.fingerprint import Fingerprint, fingerprint_many, normalize, split_paragraphs
from storyline.dedup.memory import cluster, cluster_fingerprints

__all__ = [
    "Fingerprint",
    "StoryConfig",
    "cluster",
    "cluster_fingerprints",
    "fingerprint_many",
    "normalize",
    "split_paragraphs",
]
