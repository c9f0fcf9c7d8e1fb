"""Title, outlet, dateline, URL and the publication date of one article.

A publication date is never taken on faith: every place a date can come from
becomes a ``DateCandidate`` with its provenance and a prior confidence, and the
strongest wins. The priors encode how often each source is right on scraped
news: a scraper header or feed field is the publication date; a bare date line
heading the article body is too; a date at the very top of a scraped page is the
crawl/page date; a year-less dateline (``MOSCOW, September 29.``) needs its year
from the article's own dates and stays weak, to be fixed across the story by
``harmonize_story_dates``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from storyline.ingest.cleaning import HEADER, article_end
from storyline.ingest.dates import MONTHS, date_from_url, find_dates, iso, plausible_day
from storyline.ingest.text_units import word_count
from storyline.pipeline import StageStats
from storyline.records import DateCandidate, Document

__all__ = ["PRIORS", "Dateline", "MetadataStage", "find_dateline", "outlet_from_url"]

PRIORS: dict[str, float] = {
    "header": 0.95,
    "json": 0.9,
    "html-meta": 0.85,
    "article-date": 0.85,
    "url": 0.8,
    "dateline": 0.75,  # a dateline with an explicit year
    "dateline-inferred": 0.45,  # a year-less dateline, year from the article's dates
    "page-date": 0.3,
    "file": 0.2,
}
#: Below this a document's date is weak: a story's stronger date may replace it.
WEAK = 0.6

_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATELINE = re.compile(
    rf"^(?P<place>[A-Z][A-Z .'’-]{{1,40}}?(?:,\s*[A-Z][A-Za-z .]{{1,20}}?)?)"
    rf"(?:,\s*(?P<date>(?i:{_MONTH_NAMES})\.?\s+\d{{1,2}}(?:,\s*(?:19|20)\d\d)?))?"
    r"\s*(?:\.\s*/(?P<tag>[A-Za-z][\w .&-]{0,20})/\.?"
    r"|\((?P<paren>[A-Za-z][\w .&-]{0,20})\)\s*[-–—]|\s*[-–—]\s)"
)
_BARE_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
_HOST_SUFFIXES = ("globe", "news", "online", "daily", "today", "web")


@dataclass(frozen=True, slots=True)
class Dateline:
    place: str
    date_text: str | None
    agency: str | None


def find_dateline(text: str) -> Dateline | None:
    """``MOSCOW, September 29. /TASS/.`` or ``WASHINGTON (Reuters) -`` at a paragraph start."""
    for para in text.split("\n")[:6]:
        m = _DATELINE.match(para.strip())
        if m and m.group("place").split(",")[0].strip().isupper():
            agency = m.group("tag") or m.group("paren")
            return Dateline(m.group("place").split(",")[0].strip(), m.group("date"), agency)
    return None


def outlet_from_url(url: str) -> str | None:
    """A readable outlet name from a URL host: ``sputnikglobe.com`` -> ``Sputnik``."""
    host = (urlsplit(url).hostname or "").lower()
    labels = [x for x in host.split(".") if x and x not in ("www", "m", "amp", "en", "eng")]
    if len(labels) < 2:
        return None
    # example.co.uk / example.com.au: the name is before the two-part suffix
    name = labels[-3] if len(labels) >= 3 and len(labels[-2]) <= 3 else labels[-2]
    for suffix in _HOST_SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 4:
            name = name[: -len(suffix)]
            break
    name = name.replace("-", " ")
    return name.upper() if len(name) <= 4 else name.title()


def _candidate(value: str, source: str, evidence: str, prior: str | None = None) -> DateCandidate:
    return DateCandidate(value, source, PRIORS[prior or source], evidence)


def _line_dates(doc: Document) -> list[DateCandidate]:
    """Bare date lines: ``article-date`` when the next line is kept article text,
    ``page-date`` when page furniture (clocks, banners, menus) follows it."""
    kept = [(s.raw_start, s.raw_end) for s in doc.segments]
    raw = doc.raw_text[: article_end(doc.raw_text, doc.format)]  # not the reader comments
    header = HEADER.match(raw)
    pos = header.end() if header else 0
    out: list[DateCandidate] = []
    for line in raw[pos:].split("\n"):
        pos += len(line) + 1
        text = line.strip()
        dates = find_dates(text) if 6 <= len(text) <= 40 else []
        if not (len(dates) == 1 and dates[0].year is not None and dates[0].day is not None):
            continue
        if re.sub(r"[\W_]+", "", text.replace(dates[0].text, "")):
            continue
        nxt = _next_line_start(raw, pos)
        heads_body = nxt is not None and any(s <= nxt < e for s, e in kept)
        out.append(_candidate(dates[0].value, "article-date" if heads_body else "page-date", text))
    return out


def _next_line_start(raw: str, pos: int) -> int | None:
    while pos < len(raw) and raw[pos].isspace():
        pos += 1
    return pos if pos < len(raw) else None


def _dateline_candidate(dateline: Dateline, text: str) -> DateCandidate | None:
    found = find_dates(dateline.date_text or "")
    if not found:
        return None
    d = found[0]
    if d.year is not None and d.day is not None:
        return _candidate(d.value, "dateline", dateline.date_text or "")
    if d.day is None:
        return None
    # The year: the latest full date (month + year) the article mentions; a dateline
    # earlier in the year than that date belongs to the following year.
    dated = [x for x in find_dates(text) if x.year is not None]
    if not dated:
        return None
    latest = max(dated, key=lambda x: (x.year or 0, x.month, x.day or 0))
    year = latest.year or 0
    if (d.month, d.day) < (latest.month, latest.day or 1):
        year += 1
    value = iso(year, d.month, d.day)
    if value is None:
        return None
    evidence = f"{dateline.date_text} + year of '{latest.text}'"
    cand = _candidate(value, "dateline", evidence, "dateline-inferred")
    later_years = [int(y) for y in _BARE_YEAR.findall(text) if int(y) > year]
    if later_years:  # the article also names later years: the inferred year is a guess
        cand = replace(
            cand, confidence=PRIORS["page-date"], evidence=f"{evidence}; later years named"
        )
    return cand


def date_candidates(doc: Document, dateline: Dateline | None) -> list[DateCandidate]:
    """Every publication-date candidate of a cleaned document, with provenance."""
    out = list(doc.date_hints)
    if doc.url and (from_url := date_from_url(doc.url)):
        out.append(_candidate(from_url[0], "url", from_url[1]))
    out.extend(_line_dates(doc))
    if dateline is not None and (cand := _dateline_candidate(dateline, doc.text)):
        out.append(cand)
    return out


def choose(candidates: Sequence[DateCandidate]) -> DateCandidate | None:
    """The strongest full date; agreeing sources add a little confidence. Days that are
    not real calendar days ("2024-13-45", "0000-00-00"), and candidates kept only as
    evidence (confidence 0: the signals a page's vote rejected), are never chosen."""
    full = [
        c for c in candidates if len(c.value) == 10 and plausible_day(c.value) and c.confidence > 0
    ]
    if not full:
        return None
    best = max(full, key=lambda c: c.confidence)
    agree = {c.source for c in full if c.value == best.value and c.source != best.source}
    return replace(best, confidence=round(min(0.99, best.confidence + 0.05 * len(agree)), 3))


def headline(text: str) -> str | None:
    """A headline-like first line of a text scrape (4-30 words, not a sentence, not a dateline)."""
    for para in text.split("\n"):
        para = para.strip()
        if not para:
            continue
        words = word_count(para)
        if 4 <= words <= 30 and not para.endswith((".", ":", ",")) and not find_dateline(para):
            return para
        return None
    return None


class MetadataStage:
    """Pipeline stage: title, outlet, dateline and the publication date with provenance."""

    name = "metadata"
    requires = frozenset({"text", "raw_text", "date_hints"})
    provides = frozenset(
        {
            "title",
            "outlet",
            "dateline",
            "published",
            "published_source",
            "published_confidence",
            "date_candidates",
        }
    )

    def run(self, docs: Iterable[Document], stats: StageStats) -> Iterator[Document]:
        for doc in docs:
            yield self.annotate(doc, stats)

    def annotate(self, doc: Document, stats: StageStats | None = None) -> Document:
        dateline = find_dateline(doc.text)
        candidates = date_candidates(doc, dateline)
        best = choose(candidates)
        outlet = doc.outlet or (dateline.agency if dateline and dateline.agency else None)
        if outlet is None and doc.url:
            outlet = outlet_from_url(doc.url)
        if stats is not None:
            stats.counts[f"published:{best.source if best else 'none'}"] += 1
        return replace(
            doc,
            title=doc.title or headline(doc.text),
            outlet=outlet,
            dateline=dateline.place if dateline else None,
            published=best.value if best else None,
            published_source=best.source if best else None,
            published_confidence=best.confidence if best else 0.0,
            date_candidates=tuple(candidates),
        )
