"""Fixtures of the dedup tests: the seeds as (doc id, text), and a corpus of variants."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "data"
_HEADER = re.compile(r"^ date \S+ (?:\S+://\S+\s)?")


def _seed_docs() -> list[tuple[str, str]]:
    """The seeds with the crawler's ` date YYYY-MM-DD [url]` header prefix removed."""
    out = []
    for path in sorted((DATA / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        out.append((path.name, _HEADER.sub("", text, count=1)))
    return out


@pytest.fixture(scope="session")
def seeds() -> list[tuple[str, str]]:
    return _seed_docs()


@pytest.fixture(scope="session")
def gold_stories() -> list[list[str]]:
    gold = json.loads((DATA / "seeds_gold.json").read_text(encoding="utf-8"))
    return [sorted(s) for s in gold["stories"]]


@pytest.fixture(scope="session")
def variant_corpus(seeds: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Seeds plus trims and re-scrapes of them: a small corpus with links to find."""
    docs = list(seeds)
    for doc, text in seeds:
        paragraphs = [p for p in text.split("\n") if p.strip()]
        docs.append((f"trim-{doc}", "\n".join(paragraphs[: max(2, len(paragraphs) // 2)])))
        docs.append((f"banner-{doc}", "Home | News | Sport\n" + text + "\nShare this article"))
    return docs
