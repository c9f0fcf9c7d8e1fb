"""The language of a document: detected offline from its text, declared language kept.

Detection is py3langid's (a maintained fork of langid.py: naive Bayes over byte
n-grams, 140 language labels, the model ships inside the package, numpy only, about a
millisecond a document on the first ``SAMPLE`` characters). Its probabilities are
calibrated for length, which is what keeps short English text English: a headline
such as "Yeltsin sacks transport minister" gives no language a high probability
(on the 2,000 newswire headlines no non-English guess reached 0.6), while a German,
French or Spanish paragraph gets 0.99 or more. So:

- a non-English language is taken when it is at least ``CONFIDENT`` likely and at
  least ``MARGIN`` times as likely as English (Nigerian Pidgin, an English-based
  creole the model often names for terse English headlines, counts as English);
- English is taken when it (or Pidgin) is the best guess;
- otherwise the text alone does not tell: the language the page or record declares
  is taken if there is one (templates often declare ``en`` for any page, so a
  declaration never overrides a confident detection), else English when English is
  among the three best guesses, else ``und`` (undetermined).

Documents in English, or undetermined, are event-coded; the others are stored and
searchable but not coded (``is_coded``), and the build report counts them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from storyline.pipeline import StageStats
from storyline.records import Document

__all__ = [
    "CODED",
    "LanguageGuess",
    "LanguageStage",
    "declared_in_html",
    "detect_language",
    "is_coded",
    "normalize_language",
]

#: Languages the event coder reads; ``und`` texts are coded too (mostly short English).
CODED: frozenset[str] = frozenset({"en", "und"})
CONFIDENT = 0.7
MARGIN = 10.0
SAMPLE = 2000  # characters of title + text given to the detector
_ENGLISH_LIKE = ("en", "pcm")
_TAG = re.compile(r"^\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*\s*$")
_NAMES = {  # language names crawlers write instead of codes
    "english": "en", "german": "de", "deutsch": "de", "french": "fr", "français": "fr",
    "spanish": "es", "español": "es", "italian": "it", "portuguese": "pt", "dutch": "nl",
    "polish": "pl", "russian": "ru", "arabic": "ar", "chinese": "zh", "japanese": "ja",
    "turkish": "tr", "ukrainian": "uk",
}  # fmt: skip
_ISO3 = {  # ISO 639-2/3 codes of the common ones
    "eng": "en", "deu": "de", "ger": "de", "fra": "fr", "fre": "fr", "spa": "es", "ita": "it",
    "por": "pt", "nld": "nl", "dut": "nl", "pol": "pl", "rus": "ru", "ara": "ar", "zho": "zh",
    "chi": "zh", "jpn": "ja", "tur": "tr", "ukr": "uk",
}  # fmt: skip
_HTML_LANG = re.compile(
    rb"<html\b[^>]*?\s(?:xml:)?lang\s*=\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*)",
    re.IGNORECASE,
)
_META_LANG = re.compile(
    rb"<meta\b[^>]*?(?:http-equiv\s*=\s*[\"']?content-language|property\s*=\s*[\"']?og:locale)"
    rb"[^>]*?content\s*=\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    code: str  # ISO 639-1 (or the detector's 3-letter code), "und" when undetermined
    confidence: float  # the detector's probability of ``code`` (0 when declared/undetermined)
    how: str  # detected | declared | default


def normalize_language(value: Any) -> str | None:
    """An ISO 639-1 code from a declared language: ``de-DE``, ``de_DE``, ``DE``, ``deu``,
    ``German`` all give ``de``; anything else gives None."""
    if not isinstance(value, str):
        return None
    text = value.strip().lower()
    if text in _NAMES:
        return _NAMES[text]
    m = _TAG.match(text)
    if m is None:
        return None
    code = m.group(1).lower()
    if len(code) == 3:
        return _ISO3.get(code)
    return code


def declared_in_html(html: str | bytes) -> str | None:
    """The language an HTML page declares (``<html lang>``, Content-Language or og:locale
    meta), from its first 20,000 characters."""
    head = html[:20_000]
    data = head.encode("utf-8", "replace") if isinstance(head, str) else head
    for pattern in (_HTML_LANG, _META_LANG):
        m = pattern.search(data)
        if m and (code := normalize_language(m.group(1).decode("ascii", "replace"))):
            return code
    return None


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str, declared: str | None = None) -> LanguageGuess:
    """The language of ``text`` (see the module's rules); ``declared`` decides only
    when the text alone does not."""
    sample = text[:SAMPLE]
    if not any(ch.isalpha() for ch in sample):
        return LanguageGuess(declared or "und", 0.0, "declared" if declared else "default")
    ranked: list[tuple[str, float]] = _identifier().rank(sample)
    top, p_top = ranked[0]
    p_english = sum(p for code, p in ranked if code in _ENGLISH_LIKE)
    if top in _ENGLISH_LIKE:
        return LanguageGuess("en", round(p_english, 3), "detected")
    if p_top >= CONFIDENT and p_top >= MARGIN * p_english:
        return LanguageGuess(top, round(p_top, 3), "detected")
    if declared:
        return LanguageGuess(declared, 0.0, "declared")
    if any(code in _ENGLISH_LIKE for code, _ in ranked[:3]):
        return LanguageGuess("en", round(p_english, 3), "default")
    return LanguageGuess("und", 0.0, "default")


def is_coded(doc: Document) -> bool:
    """Whether the event coder reads this document: English or undetermined (documents
    from before languages were detected have none and are coded as they always were)."""
    return doc.language is None or doc.language in CODED


class LanguageStage:
    """Pipeline stage: ``language`` from the clean text (title first), declared kept."""

    name = "language"
    requires = frozenset({"text", "language_declared"})
    provides = frozenset({"language"})

    def run(self, docs: Iterable[Document], stats: StageStats) -> Iterator[Document]:
        for doc in docs:
            sample = f"{doc.title}\n{doc.text}" if doc.title else doc.text
            guess = detect_language(sample, doc.language_declared)
            stats.counts[f"language:{guess.code}"] += 1
            stats.counts[f"language-by:{guess.how}"] += 1
            yield replace(doc, language=guess.code)
