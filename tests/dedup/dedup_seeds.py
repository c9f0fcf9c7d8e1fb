"""Seed articles as (doc id, text) pairs, the way the dedup stage will receive them."""

from __future__ import annotations

import json
import re
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
_HEADER = re.compile(r"^ date \S+ (?:\S+://\S+\s)?")


def seed_docs() -> list[tuple[str, str]]:
    """The seeds with the crawler's ` date YYYY-MM-DD [url]` header prefix removed."""
    out = []
    for path in sorted((DATA / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        out.append((path.name, _HEADER.sub("", text, count=1)))
    return out


def gold_partition() -> list[list[str]]:
    gold = json.loads((DATA / "seeds_gold.json").read_text(encoding="utf-8"))
    return [sorted(s) for s in gold["stories"]]
