"""The visible lines of a page, in reading order, without blocks that date other things.

A page's own byline sits near its headline; related-article lists, teasers, comment
threads and sidebars carry dates of other items. ``foreign_blocks`` recognizes those
blocks by tag (``aside``, ``nav``, a ``footer`` outside the article) or by class/id
words (``data/pubdate.toml`` ``[containers]``), except that a block holding the
headline is the article itself, whatever its classes say (``<body class="has-sidebar">``).
"""

from __future__ import annotations

import copy
from collections.abc import Callable

import lxml.html  # type: ignore[import-untyped]

from storyline.ingest.stamps import rules

__all__ = ["canonical_url", "foreign_blocks", "headline_index", "parse_html", "visible_lines"]

_BLOCKS = (
    "p", "div", "li", "br", "h1", "h2", "h3", "h4", "h5", "h6", "span", "time", "td", "th",
    "tr", "dd", "dt", "section", "article", "header", "footer", "figure", "figcaption", "ul",
    "ol", "table", "blockquote", "address", "main",
)  # fmt: skip
_DROP = ("head", "script", "style", "noscript", "template", "svg", "iframe", "button", "select")
_UTF8 = lxml.html.HTMLParser(encoding="utf-8")


def parse_html(html: str) -> lxml.html.HtmlElement:
    """The page's tree from decoded text. lxml refuses ``str`` with an encoding declaration
    and, given bytes without a ``<meta charset>``, guesses Latin-1, so the text goes in
    as UTF-8 with the encoding named."""
    return lxml.html.document_fromstring(html.encode("utf-8", "replace"), parser=_UTF8)


def canonical_url(root: lxml.html.HtmlElement) -> str | None:
    """The address a page gives itself: its ``og:url`` meta tag, else its canonical link
    (the one lookup of it: the page's URL and the URL its date is read from)."""
    for node in root.iter("meta"):
        key = (node.get("property") or node.get("name") or node.get("itemprop") or "").lower()
        if key == "og:url" and (url := (node.get("content") or "").strip()):
            return url
    for node in root.iter("link"):
        if (node.get("rel") or "").lower() == "canonical":
            return str(node.get("href") or "") or None
    return None


def _headline(root: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    return root.find(".//h1")


def _holds_headline(root: lxml.html.HtmlElement) -> set[lxml.html.HtmlElement]:
    """The headline and its ancestors (the set keeps their lxml proxies alive, so
    membership by identity is sound)."""
    head = _headline(root)
    return {head, *head.iterancestors()} if head is not None else set()


def _marks(el: lxml.html.HtmlElement, keep: set[lxml.html.HtmlElement]) -> bool:
    """Does ``el`` itself open a block that dates something else?"""
    if el in keep or not isinstance(el.tag, str):
        return False
    if el.tag in ("html", "body", "main", "article"):
        return False
    data = rules()["containers"]
    if el.tag in data["tags"]:
        return True
    if el.tag == "footer" and not any(a.tag == "article" for a in el.iterancestors()):
        return True
    words = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
    return bool(words.strip()) and any(tok in words for tok in data["tokens"])


def _foreign(node: lxml.html.HtmlElement, keep: set[lxml.html.HtmlElement]) -> bool:
    return any(_marks(el, keep) for el in [node, *node.iterancestors()])


def _foreign_nodes(
    root: lxml.html.HtmlElement, keep: set[lxml.html.HtmlElement]
) -> list[lxml.html.HtmlElement]:
    """Every element of ``root`` that ``_foreign`` holds foreign, in document order, in one
    walk: a node is foreign when it or its parent is (a test per node, not per ancestor)."""
    foreign: dict[lxml.html.HtmlElement, bool] = {}  # keeps the proxies alive: identity holds
    out = []
    for node in root.iter():
        parent = node.getparent()
        flag = foreign.get(parent, False) if parent is not None else False
        foreign[node] = flag = flag or _marks(node, keep)
        if flag and isinstance(node.tag, str):
            out.append(node)
    return out


def foreign_blocks(root: lxml.html.HtmlElement) -> Callable[[lxml.html.HtmlElement], bool]:
    """A test of whether a node of ``root`` sits in a block that dates something else
    (related, teaser, comments); the page's headline block is found once."""
    keep = _holds_headline(root)
    return lambda node: _foreign(node, keep)


def visible_lines(root: lxml.html.HtmlElement) -> tuple[list[str], list[str]]:
    """(visible lines in reading order, image/link URLs) of the page without foreign blocks.
    Works on a copy: ``root`` is left as it was."""
    root = copy.deepcopy(root)
    keep = _holds_headline(root)
    for node in list(root.iter(*_DROP)):
        node.drop_tree()
    foreign = _foreign_nodes(root, keep)
    inside = set(foreign)  # the list keeps the proxies alive, so identity is sound
    for node in foreign:  # the outermost ones: a foreign node's descendants are all foreign
        parent = node.getparent()
        if parent is not None and parent not in inside:
            node.drop_tree()
    media = [n.get("src") or n.get("data-src") or "" for n in root.iter("img")]
    media += [n.get("href") or "" for n in root.iter("a")]
    for node in root.iter(*_BLOCKS):
        try:
            node.tail = "\n" + (node.tail or "")
        except ValueError:  # control characters in the tail: leave it
            continue
    text = root.text_content()
    lines = [" ".join(x.split()) for x in text.split("\n")]
    return [x for x in lines if x], [m for m in media if m]


def headline_index(root: lxml.html.HtmlElement, lines: list[str]) -> int | None:
    """The index in ``lines`` of the page's headline (its ``<h1>``), if found."""
    head = _headline(root)
    if head is None:
        return None
    text = " ".join(head.text_content().split())
    if not text:
        return None
    for i, line in enumerate(lines):
        if line == text or (text in line and len(line) <= len(text) + 40):
            return i
    return None
