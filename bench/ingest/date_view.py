"""Show what a judge reads to date a page: URL, title, date metadata, <time>, JSON-LD
dates and the visible lines that hold a date (with their position in the page).

    .venv/bin/python bench/ingest/date_view.py page_0007.html [...]

A reading aid for ``DATE_RUBRIC.md``; it decides nothing.
"""

from __future__ import annotations

import contextlib
import json
import re
import sys
from pathlib import Path

import lxml.html

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT.parent / "shared" / "realpages"
_DATEISH = re.compile(
    r"\b(?:19|20)\d\d\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|"
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mär|mai|okt|dez|janv|févr|avr|juil|"
    r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|"
    r"stycz|lut|mar|kwie|maj|czerw|lip|sierp|wrze|paźdz|listop|grud|januar|februar|juni|juli)",
    re.I,
)
_BLOCKS = (
    "p",
    "div",
    "li",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "span",
    "time",
    "td",
    "section",
    "article",
)


def show(name: str, urls: dict[str, str]) -> None:
    raw = (REAL / "pages" / name).read_bytes()
    root = lxml.html.document_fromstring(raw)
    print(f"=== {name} {urls.get(name, '')}")
    print("title:", (root.findtext(".//title") or "").strip()[:120], "| lang:", root.get("lang"))
    for node in root.iter("meta"):
        key = node.get("property") or node.get("name") or node.get("itemprop") or ""
        if re.search(r"date|time|^dt|modif|publish|creat|issued|locale|language", key, re.I):
            print(f"  meta {key}={node.get('content')!r}")
    for node in list(root.iter("time"))[:6]:
        txt = " ".join(node.text_content().split())[:60]
        print(f"  time datetime={node.get('datetime')!r} text={txt!r} class={node.get('class')}")
    for node in root.iter("script"):
        if node.get("type") == "application/ld+json" and node.text:
            for m in re.finditer(r'"(date\w*|uploadDate)"\s*:\s*"([^"]+)"', node.text):
                print(f"  ld {m.group(1)}={m.group(2)}")
    for node in root.iter("script", "style", "noscript"):
        node.drop_tree()
    for node in root.iter(*_BLOCKS):
        with contextlib.suppress(ValueError):  # control characters in the tail: leave it
            node.tail = "\n" + (node.tail or "")
    lines = [" ".join(s.split()) for s in root.text_content().split("\n")]
    lines = [s for s in lines if s]
    hits = [(i, s) for i, s in enumerate(lines) if _DATEISH.search(s) and len(s) < 300]
    print(f"  visible lines: {len(lines)}; date-like: {len(hits)}")
    for i, s in hits[:14]:
        print(f"  [{i}] {s[:160]}")


def main() -> None:
    urls = {k: v["url"] for k, v in json.loads((REAL / "snippets.json").read_text()).items()}
    for name in sys.argv[1:]:
        show(name, urls)


if __name__ == "__main__":
    main()


def lines_of(name: str) -> list[str]:
    """The visible lines of a page, as ``show`` numbers them."""
    root = lxml.html.document_fromstring((REAL / "pages" / name).read_bytes())
    for node in root.iter("script", "style", "noscript"):
        node.drop_tree()
    for node in root.iter(*_BLOCKS):
        with contextlib.suppress(ValueError):  # control characters in the tail: leave it
            node.tail = "\n" + (node.tail or "")
    return [s for s in (" ".join(x.split()) for x in root.text_content().split("\n")) if s]
