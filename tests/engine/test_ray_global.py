"""The global steps, distributed, decide exactly what the single-process ones decide."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from tests.engine.helpers import random_mentions

from storyline.events.merge import merge_mentions
from storyline.events.partition import merge_grouped, merge_groups

pytestmark = [
    pytest.mark.filterwarnings("ignore::ResourceWarning"),
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
]


@pytest.mark.parametrize("seed", range(25))
def test_grouped_merge_equals_the_single_merge(seed: int) -> None:
    rng = random.Random(seed)
    mentions = random_mentions(rng, rng.randrange(5, 120))
    story_of = {f"d{i}": f"s{i % 5}" for i in range(12)}
    expected = merge_mentions(mentions, story_of)
    assert merge_grouped(mentions, story_of) == expected
    groups = merge_groups(mentions)
    assert sorted(m.id for g in groups for m in g) == sorted({m.id for m in mentions})
    if len(mentions) > 40:
        assert len(groups) > 1  # the grouping does split the work


@pytest.mark.ray
@pytest.mark.slow  # synth_local: a local build of the synthetic corpus
def test_merge_on_ray_equals_the_single_merge(ray_session: Any, synth_local: Path) -> None:
    from storyline.engine.ray_events import ray_merge_mentions
    from storyline.store.sqlite import SQLiteStore

    with SQLiteStore(synth_local, read_only=True) as store:
        mentions, story_of = store.event_mentions(), store.story_map()
    assert len(mentions) > 50
    expected = merge_mentions(mentions, story_of)
    assert ray_merge_mentions(mentions, story_of, partitions=4, chunk=100) == expected
    rng = random.Random(3)
    made = random_mentions(rng, 300)
    assert ray_merge_mentions(made, partitions=3, chunk=70) == merge_mentions(made)


def _near_copies(texts: list[tuple[str, str]], rng: random.Random) -> list[tuple[str, str]]:
    """Exact copies, trims and extensions of some texts: stories to find."""
    out = list(texts)
    for i, (doc, text) in enumerate(texts[:15]):
        paras = text.split("\n\n")
        out.append((f"{doc}-copy", text))
        out.append((f"{doc}-trim", "\n\n".join(paras[: max(1, len(paras) - 1)])))
        out.append((f"{doc}-more", text + "\n\n" + texts[(i + 7) % len(texts)][1][:300]))
    rng.shuffle(out)
    return out


@pytest.mark.ray
@pytest.mark.parametrize("max_postings", [500, 3])
def test_story_partition_on_ray_equals_cluster(
    ray_session: Any, synth_dir: Path, max_postings: int
) -> None:
    from storyline.dedup import StoryConfig, cluster
    from storyline.engine.ray_stories import ray_story_partition, story_partition

    texts = [(f.stem, f.read_text(encoding="utf-8")) for f in sorted(synth_dir.glob("*.txt"))]
    docs = _near_copies(texts, random.Random(5))
    config = StoryConfig(max_postings=max_postings)  # 3: the posting cap decides a lot
    expected = story_partition(cluster(docs, config))
    assert any(len(g) > 1 for g in expected)
    got = ray_story_partition(docs, config, shard_size=7, partitions=3)
    assert got == expected
