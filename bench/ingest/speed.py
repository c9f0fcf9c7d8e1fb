"""Ingest throughput: documents/second per reader and for cleaning.

    .venv/bin/python bench/ingest/speed.py [--docs 2000]

Synthetic corpora are built from the seed articles (tests/data/seeds): each
document is a seed with its paragraphs rotated and a numbered sentence added,
written as .txt (with header), as HTML pages (navigation, related-article list,
footer) and as JSONL records. Figures are wall-clock on a shared 2-core machine:
expect noise of +-20 %.
"""

from __future__ import annotations

import argparse
import html
import json
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from storyline.ingest import clean_text, iter_inputs
from storyline.ingest.html import extract_simple, extract_trafilatura
from storyline.records import RawDocument

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "tests" / "data" / "seeds").glob("*.txt"))

PAGE = """<!DOCTYPE html><html><head><title>{title}</title>
<meta property="article:published_time" content="2021-03-{day:02d}T10:00:00Z"></head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a>
<a href="/news">All news</a></nav></header>
<article><h1>{title}</h1>{paragraphs}</article>
<aside><h2>Related</h2><ul><li><a href="/a">Another story {i}</a></li>
<li><a href="/b">More</a></li></ul></aside>
<footer>Contact: desk@example.org</footer></body></html>"""


def _variants(n: int) -> list[tuple[str, list[str]]]:
    seeds = [p.read_text(encoding="utf-8") for p in SEEDS]
    out = []
    for i in range(n):
        raw = seeds[i % len(seeds)]
        paras = [p for p in raw.split("\n") if p.strip()]
        k = i % max(1, len(paras))
        body = paras[k:] + paras[:k] + [f"Synthetic sentence number {i} closes this article."]
        out.append((f"Synthetic headline number {i} about talks", body))
    return out


def _write(tmp: Path, n: int) -> dict[str, Path]:
    variants = _variants(n)
    dirs = {name: tmp / name for name in ("txt", "html", "jsonl")}
    for d in dirs.values():
        d.mkdir()
    for i, (title, body) in enumerate(variants):
        text = "\n\n".join(body)
        (dirs["txt"] / f"{i:05d}.txt").write_text(f" date 2021-03-01\n{text}\n", encoding="utf-8")
        paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in body)
        page = PAGE.format(title=title, paragraphs=paragraphs, day=1 + i % 28, i=i)
        (dirs["html"] / f"{i:05d}.html").write_text(page, encoding="utf-8")
    with (dirs["jsonl"] / "export.jsonl").open("w", encoding="utf-8") as fh:
        for title, body in variants:
            record = {"title": title, "maintext": "\n\n".join(body), "date_publish": "2021-03-01"}
            fh.write(json.dumps(record) + "\n")
    return dirs


def _rate(label: str, count: int, seconds: float) -> str:
    per_doc = 1000 * seconds / count
    return f"| {label} | {count} | {seconds:.2f} | {count / seconds:,.0f} | {per_doc:.2f} |"


def _timed(fn: Callable[[], int]) -> tuple[int, float]:
    start = time.perf_counter()
    count = fn()
    return count, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000, help="documents per corpus")
    parser.add_argument("--html-docs", type=int, default=500, help="pages for the HTML readers")
    args = parser.parse_args()
    rows = ["| what | docs | seconds | docs/s | ms/doc |", "|---|---:|---:|---:|---:|"]
    with tempfile.TemporaryDirectory() as tmp:
        dirs = _write(Path(tmp), args.docs)
        docs: list[RawDocument] = []
        for fmt in ("txt", "jsonl"):

            def read(fmt: str = fmt) -> int:
                got = [r for r in iter_inputs([dirs[fmt]]) if isinstance(r, RawDocument)]
                docs.extend(got)
                return len(got)

            rows.append(_rate(f"read {fmt}", *_timed(read)))
        pages = sorted(dirs["html"].glob("*.html"))[: args.html_docs]
        rows.append(
            _rate(
                "read html (trafilatura + meta, default)",
                *_timed(lambda: len(list(iter_inputs(pages)))),
            )
        )
        sources = [p.read_text(encoding="utf-8") for p in pages]

        def extractor(fn: Callable[[str], object]) -> Callable[[], int]:
            return lambda: sum(1 for s in sources if fn(s) is not None)

        rows.append(
            _rate("  html extractor: trafilatura only", *_timed(extractor(extract_trafilatura)))
        )
        rows.append(_rate("  html extractor: simple lxml only", *_timed(extractor(extract_simple))))
        rows.append(
            _rate(
                "clean_text",
                *_timed(lambda: sum(1 for d in docs if clean_text(d.raw_text, d.format))),
            )
        )
    print("\n".join(rows))


if __name__ == "__main__":
    main()
