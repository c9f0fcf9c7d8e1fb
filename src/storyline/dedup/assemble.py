"""Turn a group of fingerprints into a ``Story`` record (shared by both index paths)."""

from __future__ import annotations

from collections.abc import Sequence

from storyline.dedup.config import StoryConfig
from storyline.dedup.fingerprint import Fingerprint
from storyline.dedup.verify import canonical_key, relation_to, story_id
from storyline.records import Paragraph, Story, StoryMember

__all__ = ["build_story"]


def build_story(group: Sequence[Fingerprint], config: StoryConfig) -> Story:
    """The story of ``group``: canonical first, then members by doc id.

    Paragraphs are the union of the members' unique normalized paragraphs, in the
    canonical's order first, then in the order of the other members (by doc id);
    a paragraph's text is the version of the first member (in that order) carrying it.
    """
    ordered = sorted(group, key=canonical_key)
    canonical = ordered[0]
    members = [canonical, *sorted(ordered[1:], key=lambda fp: fp.doc)]
    story_members = []
    texts: dict[str, str] = {}
    carriers: dict[str, list[str]] = {}
    for fp in members:
        relation, score = relation_to(fp, canonical, config)
        story_members.append(StoryMember(document=fp.doc, relation=relation, score=score))
        for pid, text in fp.paragraphs:
            texts.setdefault(pid, text)
            carriers.setdefault(pid, []).append(fp.doc)
    paragraphs = tuple(
        Paragraph(id=pid, text=texts[pid], documents=tuple(sorted(docs)))
        for pid, docs in carriers.items()
    )
    return Story(
        id=story_id([fp.doc for fp in group]),
        canonical=canonical.doc,
        members=tuple(story_members),
        paragraphs=paragraphs,
    )
