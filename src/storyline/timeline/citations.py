"""Citations people can read: outlet, headline, publication date and link beside the span.

Every event cites ``document:start-end`` spans of the stored text (for machines);
``citation`` objects add what a reader looks for: the article's title (its
headline), the outlet (from the document's metadata, else the registered domain of
its URL, e.g. ``bbc.co.uk``), the publication date and the original URL when the
input gave one. The registered domain comes from tldextract's bundled Public Suffix
List snapshot; nothing is ever fetched.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

import tldextract

from storyline.store.api import Store

__all__ = [
    "Source",
    "add_citations",
    "citation_json",
    "citation_text",
    "cite_all",
    "document_sources",
    "registered_domain",
]


@dataclass(frozen=True, slots=True)
class Source:
    """What a reader needs to find an article again."""

    document: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None  # only http(s) URLs: anything else is not a link

    @property
    def label(self) -> str:
        """The article as a heading: its headline, else outlet and date, else its id."""
        if self.title:
            return self.title
        if self.outlet:
            return f"{self.outlet} article" + (f" of {self.published}" if self.published else "")
        return f"document {self.document}"


@lru_cache(maxsize=1)
def _extractor() -> tldextract.TLDExtract:
    # no suffix list URLs and no cache directory: the snapshot in the wheel, offline
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def _web_url(url: str | None) -> str | None:
    if not url:
        return None
    url = url.strip()
    parts = urlsplit(url)
    return url if parts.scheme in ("http", "https") and parts.hostname else None


def registered_domain(url: str | None) -> str | None:
    """``https://www.bbc.co.uk/news/x`` -> ``bbc.co.uk`` (None for no or odd URLs)."""
    web = _web_url(url)
    if web is None:
        return None
    parts = _extractor()(web)
    if not parts.domain:
        return None
    return f"{parts.domain}.{parts.suffix}" if parts.suffix else parts.domain


def source_of(row: Mapping[str, Any]) -> Source:
    """A document row (``id``, ``title``, ``outlet``, ``published``, ``url``) as a Source."""
    url = _web_url(row.get("url"))
    title = " ".join((row.get("title") or "").split()) or None
    outlet = (row.get("outlet") or "").strip() or registered_domain(url)
    return Source(
        document=row["id"], title=title, outlet=outlet or None,
        published=row.get("published") or None, url=url,
    )  # fmt: skip


def document_sources(store: Store, documents: Iterable[str]) -> dict[str, Source]:
    """The Source of each stored document among ``documents`` (unknown ids are left out)."""
    return {r["id"]: source_of(r) for r in store.source_rows(documents)}


def citation_json(document: str, start: int, end: int, source: Source | None) -> dict[str, Any]:
    """One citation: the span (``ref`` is ``document:start-end``) and its article."""
    src = source or Source(document)
    return {
        "ref": f"{document}:{start}-{end}",
        "document": document,
        "start": start,
        "end": end,
        "title": src.title,
        "outlet": src.outlet,
        "published": src.published,
        "url": src.url,
        "label": src.label,
    }


def citation_text(document: str, start: int, end: int, source: Source | None) -> str:
    """One line: ``TASS, “Headline”, 2024-02-07, https://… [1e8c0801:311-449]``."""
    src = source or Source(document)
    parts = [p for p in (src.outlet, f"“{src.title}”" if src.title else None, src.published) if p]
    if src.url:
        parts.append(src.url)
    ref = f"[{document[:8]}:{start}-{end}]"
    return f"{', '.join(parts)} {ref}" if parts else ref


def add_citations(event: dict[str, Any], sources: Mapping[str, Source]) -> dict[str, Any]:
    """The event JSON with a ``citation`` on each evidence item and on the event (its
    first evidence: the article that told it first in timeline order)."""
    evidence = []
    for ev in event.get("evidence", ()):
        cite = citation_json(ev["document"], ev["start"], ev["end"], sources.get(ev["document"]))
        evidence.append({**ev, "citation": cite})
    out = {**event, "evidence": evidence}
    if evidence:
        out["citation"] = evidence[0]["citation"]
    return out


def cite_all(store: Store, events: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Event JSON dicts with their citations (one look-up for all cited documents): what
    the API, the pages and ``--format json`` listings print."""
    rows = list(events)
    sources = document_sources(store, (ev["document"] for e in rows for ev in e["evidence"]))
    return [add_citations(e, sources) for e in rows]
