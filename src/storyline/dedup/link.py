"""Which documents of a batch join which stories: the linking of one batch, no SQL.

The persisted index (``store/story_index.py``, which keeps the tables and runs the
statements) plans a batch's candidate pairs (``postings.plan_batch``), reads the stored
documents they name, and asks ``link_batch`` for the components: union-find over the
new documents and the stored stories they touch, each link verified (``verify``)
unless the batch arrives already grouped. The store then names each component's
story (``verify.story_id`` of its smallest member) and writes it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from storyline.dedup.config import StoryConfig
from storyline.dedup.fingerprint import Fingerprint
from storyline.dedup.postings import BatchPlan
from storyline.dedup.verify import linked, linked_many
from storyline.intervals import UnionFind

__all__ = ["BatchComponent", "link_batch"]


@dataclass(frozen=True, slots=True)
class BatchComponent:
    """One story after a batch: its new documents and the stored stories it absorbs."""

    batch: list[int]  # indices into the batch's fingerprints, ascending
    stories: list[str]  # stored story ids joined into it, in the order they were met


def link_batch(
    fps: Sequence[Fingerprint],
    plan: BatchPlan,
    stored: Mapping[int, tuple[str, Fingerprint]],
    components: Sequence[Sequence[str]] | None,
    config: StoryConfig,
) -> list[BatchComponent]:
    """The components a batch forms with the stored stories it links to.

    ``stored``: (story id, fingerprint) of every stored document ``plan.db_pairs``
    names, by its number. ``components``: the batch already grouped by links among
    its own documents (then only links to stored documents are verified here).
    Components come in the order of their first new document; stored stories that
    no new document joined are not returned.
    """
    db_i, db_n = plan.db_pairs[0].tolist(), plan.db_pairs[1].tolist()

    # union-find over the new documents and the existing stories they touch; the
    # components do not depend on the order pairs are verified in
    sets = UnionFind()
    node: dict[object, int] = {}

    def node_of(key: object) -> int:
        if key not in node:
            node[key] = sets.add()
        return node[key]

    for i in range(len(fps)):
        node_of(i)
    for i, m in zip(db_i, db_n, strict=True):
        story, other = stored[m]
        me = node[i]
        if sets.find(node_of(story)) != sets.find(me) and linked(fps[i], other, config):
            sets.union(node_of(story), me)
    if components is not None:  # linked elsewhere: join each group
        at = {fp.doc: node[i] for i, fp in enumerate(fps)}
        for group in components:
            nodes = [at[d] for d in group if d in at]
            for x in nodes[1:]:
                sets.union(nodes[0], x)
    else:  # verified a document at a time against all its candidates (vectorized)
        partners: dict[int, list[int]] = {}
        pairs = zip(plan.batch_pairs[0].tolist(), plan.batch_pairs[1].tolist(), strict=True)
        for i, j in pairs:
            partners.setdefault(i, []).append(j)
        for i, js in partners.items():
            a = node[i]
            js = [j for j in js if sets.find(node[j]) != sets.find(a)]
            for j, ok in zip(js, linked_many(fps[i], [fps[j] for j in js], config), strict=True):
                if ok:
                    sets.union(a, node[j])

    old_stories: dict[int, list[str]] = {}
    for name, x in node.items():
        if isinstance(name, str):
            old_stories.setdefault(sets.find(x), []).append(name)
    members: dict[int, list[int]] = {}
    for i in range(len(fps)):
        members.setdefault(sets.find(node[i]), []).append(i)
    return [
        BatchComponent(batch=batch, stories=old_stories.get(root, []))
        for root, batch in members.items()
    ]
