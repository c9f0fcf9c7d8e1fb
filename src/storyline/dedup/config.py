"""Tuning knobs of story clustering, with defaults chosen from measured precision/recall.

The defaults come from ``bench/dedup/labelled.py`` (see ``bench/results_dedup.md``):
Jaccard 0.5 and containment 0.8 are the loosest pair in the grid with pairwise
precision and recall both 1.0 over three draws of the labelled set (lower thresholds merge
template-written same-topic articles and articles sharing an outlet's background
block; higher ones lose heavy trims and rewordings). 64 permutations in 16 bands
found as many linked pairs as 128 in 32, with half the postings.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

__all__ = ["StoryConfig"]


@dataclass(frozen=True, slots=True)
class StoryConfig:
    """How documents are fingerprinted, matched and verified.

    Changing any fingerprint field (``shingle_size``, ``num_perm``, ``bands``,
    ``rows``, ``anchor_rate``, ``seed``) makes a persisted index unreadable, so
    ``store.story_index.StoryIndex`` stores the config and refuses a different one.
    """

    shingle_size: int = 5  # words per shingle
    num_perm: int = 64  # MinHash permutations (must equal bands * rows)
    bands: int = 16  # LSH bands: candidate when any band matches
    rows: int = 4  # rows per band: LSH threshold ~ (1/bands) ** (1/rows) = 0.5
    jaccard_threshold: float = 0.5  # verified near-duplicate: Jaccard of shingles
    containment_threshold: float = 0.8  # verified containment of the smaller in the larger
    min_words: int = 25  # shorter texts only ever match exact copies
    anchor_rate: int = 16  # keep shingles whose hash is 0 mod this as containment anchors
    min_shared_anchors: int = 2  # anchors two documents must share to be compared
    min_paragraph_words: int = 8  # shorter paragraphs (headlines, banners) are not keys
    max_postings: int = 500  # keys carried by more documents are boilerplate: not used
    seed: int = 42  # MinHash seed

    def __post_init__(self) -> None:
        if self.bands * self.rows != self.num_perm:
            raise ValueError(
                f"StoryConfig: bands * rows must equal num_perm "
                f"({self.bands} * {self.rows} != {self.num_perm})"
            )
        if self.shingle_size < 1 or self.anchor_rate < 1 or self.min_shared_anchors < 1:
            raise ValueError("StoryConfig: shingle_size, anchor_rate, min_shared_anchors >= 1")
        for name in ("jaccard_threshold", "containment_threshold"):
            value = getattr(self, name)
            if not 0.0 < value <= 1.0:
                raise ValueError(f"StoryConfig: {name} must be in (0, 1], got {value}")

    def fingerprint_key(self) -> str:
        """The fields a persisted index depends on, as a stable string."""
        d = asdict(self)
        keep = (
            "shingle_size",
            "num_perm",
            "bands",
            "rows",
            "anchor_rate",
            "seed",
            "min_words",
            "min_paragraph_words",
        )
        return ",".join(f"{k}={d[k]}" for k in keep)
