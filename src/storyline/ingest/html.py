"""HTML pages to main text plus title, URL, site name and the publication date.

One extractor per page, by one rule: trafilatura (~5 ms a page) finds main text in
any layout and drops navigation and related lists on semantic pages, so it extracts
every page; the simple lxml extractor (``<article>``/``<main>`` paragraphs, boilerplate
tags dropped; ~10x faster but blind on pages built from bare ``<div>``s) runs only when
trafilatura gives no text, so a page is quarantined only if both fail. Measured against
trafilatura's own output on 374 real pages in ``bench/ingest/realpages.py``. Boilerplate
lines the extractor lets through (sign-ups, "Read more", copyright, teaser lists) are
removed, with their reasons, by the cleaning stage (``ingest.boilerplate``).

Reader comments are not the article, but they are part of what a page says: trafilatura's
comment capture finds them (``comments``), apart from the main text, without their
headings (the section's title, "Leave a reply", commenters' names set as headings). The
reader keeps them after the article in the raw text, behind a mark, and the cleaning
stage records them as removals with the reason ``comments``: stored and shown, never
part of the clean text the language and event stages read (``cleaning.COMMENTS_MARK``).

The publication date is resolved from every signal of the page (``ingest.pubdate``):
``date`` is the winner, ``date_candidates`` every alternative with its provenance.
"""

from __future__ import annotations

import copy
import logging
import re
from dataclasses import dataclass, replace
from typing import Any

import lxml.html  # type: ignore[import-untyped]
from lxml import etree

from storyline.ingest.dates import parse_date
from storyline.ingest.page_text import canonical_url, parse_html
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
    comments: str = ""  # reader comments (paragraphs split by blank lines), never the text


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

log = logging.getLogger(__name__)


def extract_html(html: str, url: str | None = None) -> HtmlExtract:
    """Main text (trafilatura; the simple extractor only when it finds nothing), title,
    URL, site name and the publication date resolved from every signal of the page.

    The page is parsed once for the date vote (which hands htmldate the same tree) and
    once by trafilatura's own loader, whose parser drops comments and repairs what its
    extraction expects; htmldate runs once, in the vote (trafilatura's metadata would
    run it again for a date the vote replaces)."""
    try:
        root = parse_html(html)
    except (etree.ParserError, etree.LxmlError, ValueError):
        return HtmlExtract(text="", url=url)
    meta = _meta(root)
    page_url = url or canonical_url(root)
    when = resolve_page_date(html, page_url, root)
    title = meta.get("og:title") or _tidy(root.findtext(".//title"))
    found = _trafilatura(html, url)
    if not found.text.strip():
        found = replace(extract_simple(root, url), date=None, date_evidence="")
        extractor = "simple" if found.text.strip() else ""
    else:
        extractor = "trafilatura"
    return replace(
        found,
        title=found.title or title,
        url=found.url or page_url,
        sitename=found.sitename or meta.get("og:site_name"),
        date=when.day,
        date_evidence=when.evidence,
        date_candidates=when.candidates,
        extractor=extractor,
    )


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
    date = parse_date(result.date) if result.date else None
    return HtmlExtract(
        text=_paragraphs(result.text),
        title=_tidy(result.title),
        url=result.url or url,
        sitename=_tidy(result.sitename),
        date=date,
        date_evidence=f"metadata date {result.date}" if date else "",
    )


def _trafilatura(html: str, url: str | None) -> HtmlExtract:
    """``extract_trafilatura`` without the date: the same text, title, URL and site name,
    from one parse by trafilatura's loader, and no htmldate run; and the page's reader
    comments, apart."""
    from trafilatura import bare_extraction
    from trafilatura.utils import load_html

    try:
        tree = load_html(html)
        if tree is None:
            return HtmlExtract(text="")
        info = _trafilatura_metadata(tree, url)
        # given a tree, trafilatura extracts from a copy of it
        result = bare_extraction(tree, url=url, include_comments=False, include_tables=True)
        comments = _trafilatura_comments(tree, url) if result is not None else ""
    except (ValueError, TypeError, etree.LxmlError):
        return HtmlExtract(text="")
    if result is None or isinstance(result, dict):
        return HtmlExtract(text="")
    return HtmlExtract(
        text=_paragraphs(result.text),
        title=_tidy(info.title),
        url=info.url or url,
        sitename=_tidy(info.sitename),
        comments=comments,
    )


def _trafilatura_comments(tree: lxml.html.HtmlElement, url: str | None) -> str:
    """The reader comments of a page, as ``bare_extraction(include_comments=True)`` finds
    them (its ``comments``), without its headings, and without running the main-text
    extraction again: its comment capture alone, on a copy of ``tree`` prepared as
    ``trafilatura_sequence`` prepares it (a third of the cost of a second extraction).
    A thread-forum page has none: there the posts are the main text.

    The main text is extracted with comments off, as before: turning them on would
    also change what trafilatura prunes from the main text. A heading inside a comment
    block is the block's or its form's title ("Comments", "Leave a reply", "Kommentar
    schreiben") or a commenter's name, never what a reader wrote, so it is left out."""
    from trafilatura.core import _forum_thread_page
    from trafilatura.htmlprocessing import convert_tags, prune_unwanted_nodes, tree_cleaning
    from trafilatura.main_extractor import extract_comments
    from trafilatura.settings import Extractor
    from trafilatura.xml import xmltotxt
    from trafilatura.xpaths import RAW_TREE_PRUNE_XPATH

    if _forum_thread_page(tree):
        return ""
    options = Extractor(comments=True, tables=True, url=url)
    copied = prune_unwanted_nodes(copy.deepcopy(tree), RAW_TREE_PRUNE_XPATH)
    prepared = convert_tags(tree_cleaning(copied, options), options, url)
    body, text, _ = extract_comments(prepared, options)
    if not text:
        return ""
    for node in body.findall("head"):
        body.remove(node)
    return _paragraphs(xmltotxt(body, False))


def _trafilatura_metadata(tree: lxml.html.HtmlElement, url: str | None) -> Any:
    """Title, URL and site name as trafilatura's ``extract_metadata`` finds them, in its
    order and with its clean-up, without the fields the reader does not keep (the date,
    which would run htmldate again, author, categories, tags, licence). Each step only
    reads the tree."""
    from trafilatura.metadata import (
        META_URL,
        examine_meta,
        extract_meta_json,
        extract_sitename,
        extract_title,
        extract_url,
    )

    info = examine_meta(tree)
    if info.author and " " not in info.author:
        info.author = None  # as extract_metadata does before reading JSON-LD
    try:
        info = extract_meta_json(tree, info)
    except Exception as exc:  # trafilatura's JSON-LD reader fails on odd data; it logs and goes on
        log.debug("trafilatura JSON metadata: %s", exc)
    info.title = info.title or extract_title(tree)
    info.url = info.url or extract_url(tree, url)
    if not info.sitename:
        info.sitename = extract_sitename(tree)
    if info.sitename:
        info.sitename = info.sitename.lstrip("@")
        if info.sitename and "." not in info.sitename and not info.sitename[0].isupper():
            info.sitename = info.sitename.title()
    elif info.url and (m := META_URL.match(info.url)):
        info.sitename = m[1]
    info.clean_and_trim()
    return info


def _paragraphs(text: str | None) -> str:
    return "\n\n".join(line.strip() for line in (text or "").split("\n") if line.strip())


def extract_simple(page: str | lxml.html.HtmlElement, url: str | None = None) -> HtmlExtract:
    """Paragraph-level text of ``<article>``/``<main>`` (else ``<body>``) without boilerplate.

    ``page``: the HTML, or its tree from ``page_text.parse_html``, which this changes
    (boilerplate blocks are dropped from it)."""
    if isinstance(page, str):
        try:
            root = parse_html(page)
        except (etree.ParserError, ValueError):
            return HtmlExtract(text="", url=url)
    else:
        root = page
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
    page_url = url or canonical_url(root)
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
