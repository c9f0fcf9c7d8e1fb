"""Shared checks for the actor tests: where a surface occurs, which mentions cover it."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from storyline.records import Mention


def occurrences(text: str, surface: str) -> list[tuple[int, int]]:
    """Character spans of ``surface`` as a whole word sequence (case-sensitive)."""
    pattern = r"(?<![\w-])" + re.escape(surface) + r"(?![\w-])"
    return [m.span() for m in re.finditer(pattern, text)]


def covering(mentions: Iterable[Mention], start: int, end: int) -> list[Mention]:
    return [m for m in mentions if m.start < end and start < m.end]


def role_matches(expected: str, found: str | None) -> bool:
    """Roles compare case-insensitively, on the head: ``Foreign Ministry
    spokeswoman`` has the expected role ``spokeswoman``. A text that calls a head
    of state only ``leader`` (``South Korean leader Yoon Suk Yeol``) cannot yield
    ``President``: ``leader`` counts for the head-of-state roles."""
    if found is None:
        return False
    if found.lower() == expected.lower() or found.lower().endswith(" " + expected.lower()):
        return True
    heads_of_state = {"president", "chairman", "king", "queen", "emir", "premier"}
    return found.lower() == "leader" and expected.lower() in heads_of_state


def check_expectation(text: str, mentions: tuple[Mention, ...], item: dict[str, Any]) -> str | None:
    """None when the expected actor (or absence) holds; else why it does not."""
    spans = occurrences(text, item["s"])
    if not spans:
        return f"surface {item['s']!r} not in text"
    start, end = spans[0]
    cover = covering(mentions, start, end)
    if item.get("absent"):
        if cover:
            return f"{item['s']!r} should be a place, got {[(m.text, m.how) for m in cover]}"
        return None
    if not cover:
        return f"{item['s']!r}: no mention"
    problems = []
    for m in cover:
        a = m.actor
        wrong = []
        if a.country != item["c"]:
            wrong.append(f"country {a.country} != {item['c']}")
        if "kind" in item and a.kind != item["kind"]:
            wrong.append(f"kind {a.kind} != {item['kind']}")
        if "role" in item and not role_matches(item["role"], a.role):
            wrong.append(f"role {a.role!r} != {item['role']!r}")
        if "sector" in item and a.sector != item["sector"]:
            wrong.append(f"sector {a.sector} != {item['sector']}")
        if "how" in item and m.how != item["how"]:
            wrong.append(f"how {m.how} != {item['how']}")
        if not wrong:
            return None
        problems.append(f"{m.text!r}: " + ", ".join(wrong))
    return f"{item['s']!r}: " + "; ".join(problems)
