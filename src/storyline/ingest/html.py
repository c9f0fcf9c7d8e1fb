"""HTML pages to main text plus title, URL, site name and the publication date.

One extractor per page, by one rule: trafilatura (~5 ms a page) finds main text in
any layout and drops navigation and related lists on semantic pages, so it extracts
every page; the simple lxml extractor (``<article>``/``<main>`` paragraphs, boilerplate
tags dropped; ~10x faster but blind on pages built from bare ``<div>``s) runs only when
trafilatura gives no text, so a page is quarantined only if both fail. Measured against
trafilatura's own output on 374 real pages in ``bench/ingest/realpages.py``. Boilerplate
lines the extractor lets through (sign-ups, "Read more", copyright, teaser lists) are
removed, with their reasons, by the cleaning stage (``ingest.boilerplate``).

The publication date is resolved from every signal of the page (``ingest.pubdate``):
``date`` is the winner, ``date_candidates`` every alternative with its provenance.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import lxml.html  # type: ignore[import-untyped]
from lxml import etree

from storyline.ingest.dates import parse_date
from storyline.ingest.page_text import parse_html
from storyline.ingest.pubdate import resolve_page_date
from storyline.records import DateCandidate

__all__ = ["HtmlExtract", "extract_html", "extract_simple", "extract_trafilatura"]


@dataclass(frozen=True, slots=True)
class HtmlExtract:
    """What an HTML page gave: main text (paragraphs split by blank lines) and metadata."""

    text: str
    title: str | None = None
    url: str | None = None
    sitename: str | None = None
    date: str | None = None  # ISO publication day resolved from the page's signals
    date_evidence: str = ""
    date_candidates: tuple[DateCandidate, ...] = ()  # winner first, then the rejected ones
    extractor: str = ""  # "trafilatura" | "simple" | "" (no text)


_DROP_TAGS = ("script", "style", "nav", "header", "footer", "aside", "form", "noscript", "iframe")
_BLOCK_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre")
_DATE_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "date",
    "dc.date",
    "dc.date.issued",
    "sailthru.date",
)
_SPACES = re.compile(r"[ \t\r\f\v]+")


def extract_html(html: str, url: str | None = None) -> HtmlExtract:
    """Main text (trafilatura; the simple extractor only when it finds nothing), title,
    URL, site name and the publication date resolved from every signal of the page."""
    try:
        root = parse_html(html)
    except (etree.ParserError, etree.LxmlError, ValueError):
        return HtmlExtract(text="", url=url)
    meta = _meta(root)
    page_url = url or meta.get("og:url") or _canonical(root)
    when = resolve_page_date(html, page_url, root)
    found = extract_trafilatura(html, url)
    if not found.text.strip():
        found = replace(extract_simple(html, url), date=None, date_evidence="")
        extractor = "simple" if found.text.strip() else ""
    else:
        extractor = "trafilatura"
    return replace(
        found,
        title=found.title or meta.get("og:title") or _tidy(root.findtext(".//title")),
        url=found.url or page_url,
        sitename=found.sitename or meta.get("og:site_name"),
        date=when.day,
        date_evidence=when.evidence,
        date_candidates=when.candidates,
        extractor=extractor,
    )


def _canonical(root: lxml.html.HtmlElement) -> str | None:
    node = root.find(".//link[@rel='canonical']")
    return node.get("href") if node is not None else None


def extract_trafilatura(html: str, url: str | None = None) -> HtmlExtract:
    """trafilatura's main-text extraction; metadata date only from meta tags."""
    import trafilatura

    try:
        result = trafilatura.bare_extraction(
            html,
            url=url,
            include_comments=False,
            include_tables=True,
            with_metadata=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except (ValueError, TypeError, etree.LxmlError):
        result = None
    if result is None or isinstance(result, dict):
        return HtmlExtract(text="")
    text = "\n\n".join(line.strip() for line in (result.text or "").split("\n") if line.strip())
    date = parse_date(result.date) if result.date else None
    return HtmlExtract(
        text=text,
        title=_tidy(result.title),
        url=result.url or url,
        sitename=_tidy(result.sitename),
        date=date,
        date_evidence=f"metadata date {result.date}" if date else "",
    )


def extract_simple(html: str, url: str | None = None) -> HtmlExtract:
    """Paragraph-level text of ``<article>``/``<main>`` (else ``<body>``) without boilerplate."""
    try:
        root = parse_html(html)
    except (etree.ParserError, ValueError):
        return HtmlExtract(text="", url=url)
    meta = _meta(root)
    title = meta.get("og:title") or _tidy(root.findtext(".//title"))
    date, evidence = None, ""
    for name in _DATE_META:
        if name in meta and (date := parse_date(meta[name])):
            evidence = f'meta {name}="{meta[name]}"'
            break
    if date is None:
        for node in root.iter("time"):
            stamp = node.get("datetime") or ""
            if node.get("pubdate") is not None or node.get("itemprop") == "datePublished":
                date = parse_date(stamp)
                if date:
                    evidence = f'time datetime="{stamp}"'
                    break
    for tag in _DROP_TAGS:
        for node in root.iter(tag):
            node.drop_tree()
    container = next(iter(root.iter("article")), None)
    if container is None:
        container = next(iter(root.iter("main")), None)
    if container is None:
        container = root.find("body") if root.find("body") is not None else root
    blocks = []
    for node in container.iter(*_BLOCK_TAGS):
        if any(anc.tag in _BLOCK_TAGS for anc in node.iterancestors()):
            continue
        text = _SPACES.sub(" ", node.text_content()).strip()
        if text:
            blocks.append(text)
    canonical = root.find(".//link[@rel='canonical']")
    page_url = (
        url or meta.get("og:url") or (canonical.get("href") if canonical is not None else None)
    )
    return HtmlExtract(
        text="\n\n".join(blocks),
        title=title,
        url=page_url,
        sitename=meta.get("og:site_name"),
        date=date,
        date_evidence=evidence,
    )


def _meta(root: lxml.html.HtmlElement) -> dict[str, str]:
    out: dict[str, str] = {}
    for node in root.iter("meta"):
        key = (node.get("property") or node.get("name") or node.get("itemprop") or "").lower()
        value = node.get("content")
        if key and value and key not in out:
            out[key] = value.strip()
    return out


def _tidy(value: str | None) -> str | None:
    if not value:
        return None
    value = _SPACES.sub(" ", value).strip()
    return value or None
