"""Boilerplate lines of extracted pages: "Read more" links, teaser lists, sign-ups, copyright.

An HTML extractor keeps the article's block structure but lets a few lines of page
furniture through: "Lea también: ...", "Sign up for our newsletter", "© 2022 ...", and
the teaser titles under a "Mehr zum Thema" heading. These rules name such lines by what
they say (phrases in ``data/boilerplate.toml``, several languages), and only when the
line is short, so an article sentence that mentions a newsletter or a copyright stays.
Phrases match without regard to accents ("Síguenos" and "Siguenos" alike).
The cleaning stage applies them to pages and records each removal with its reason
(``read-more``, ``teaser``, ``signup``, ``copyright``).
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["boilerplate_reasons"]

_SENTENCE_END = (".", "!", "?", '"', "”", "»")


@cache
def _rules() -> dict[str, Any]:
    text = (resources.files("storyline") / "data" / "boilerplate.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


@cache
def _phrase_pattern(kind: str, key: str) -> re.Pattern[str]:
    phrases = sorted(map(_fold, _rules()[kind][key]), key=len, reverse=True)
    alts = "|".join(re.escape(p) for p in phrases)
    return re.compile(rf"(?<!\w)(?:{alts})(?!\w)", re.IGNORECASE)


@cache
def _start_pattern() -> re.Pattern[str]:
    phrases = sorted(map(_fold, _rules()["read-more"]["starts"]), key=len, reverse=True)
    alts = "|".join(re.escape(p) for p in phrases)
    return re.compile(rf"^\W{{0,3}}(?:{alts})(?!\w)", re.IGNORECASE)


def _fold(text: str) -> str:
    """``text`` without accents: letters decomposed, combining marks dropped."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _words(text: str) -> int:
    return len(text.split())


def _reason(text: str) -> str | None:
    rules = _rules()
    text = _fold(text)
    words = _words(text)
    if words <= rules["read-more"]["max_words"] and _start_pattern().match(text):
        return "read-more"
    if words <= rules["signup"]["max_words"] and _phrase_pattern("signup", "phrases").search(text):
        return "signup"
    if words <= rules["signup"]["short_words"] and _phrase_pattern(
        "signup", "short_phrases"
    ).search(text):
        return "signup"
    if words <= rules["copyright"]["max_words"] and _phrase_pattern("copyright", "phrases").search(
        text
    ):
        return "copyright"
    return None


def _is_heading(text: str) -> bool:
    """A line that is only a read-more cue ("Auch interessant", "Mehr Themen:")."""
    text = _fold(text)
    m = _start_pattern().match(text)
    return m is not None and _words(text[m.end() :].strip(" :")) <= 4


def boilerplate_reasons(lines: Sequence[str]) -> list[str | None]:
    """A reason (or None) for each line: ``read-more``, ``teaser``, ``signup``, ``copyright``."""
    teaser = _rules()["teaser"]
    out: list[str | None] = [_reason(line.strip()) for line in lines]
    i = 0
    while i < len(lines):
        if out[i] == "read-more" and _is_heading(lines[i].strip()):
            j = i + 1
            while j < len(lines) and j - i <= teaser["max_lines"]:
                text = lines[j].strip()
                if not text:
                    j += 1
                    continue
                if _words(text) > teaser["max_words"] or text.endswith(_SENTENCE_END):
                    break
                out[j] = out[j] or "teaser"
                j += 1
            i = j
        else:
            i += 1
    return out
