"""HTML reader throughput on real pages, and a dump of what it stores for identity checks.

    .venv/bin/python bench/ingest/page_speed.py [--rounds 3] [--limit N] [--dump FILE]

Reads the 374 real pages of ``../shared/realpages/pages`` (bytes loaded into memory
first, so disk reads are not timed) with ``read_bytes``, the HTML reader the CLI uses
(decoding, main-text extraction and the page's publication-date vote), and prints pages
per second for each round and the best (minimum-time) round, by the wall clock and by the
process's CPU time (steadier when others load the machine). Cleaning is timed apart.
On a shared 2-core machine compare runs made side by side, interleaved.

``--dump FILE`` writes, one JSON line per page (sorted keys), everything the reader
stores and what the later stages make of it: the raw text, title, URL, outlet, declared
language and every date hint with its provenance; the cleaned text and removals; and the
publication day ``MetadataStage`` chooses with all its candidates. Two dumps of the same
pages are identical exactly when a change kept the reader's behaviour (``diff``/``cmp``).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import time
from pathlib import Path

from storyline.ingest import clean_text, read_bytes
from storyline.ingest.metadata import MetadataStage
from storyline.records import Document, Quarantined, RawDocument

PAGES = Path(__file__).resolve().parents[3] / "shared" / "realpages" / "pages"


def _read_all(pages: list[tuple[str, bytes]]) -> list[RawDocument | Quarantined]:
    return [item for name, data in pages for item in read_bytes(name, data)]


def _record(name: str, items: list[RawDocument | Quarantined]) -> dict[str, object]:
    out: list[dict[str, object]] = []
    for item in items:
        if isinstance(item, Quarantined):
            out.append({"quarantined": dataclasses.asdict(item)})
            continue
        cleaned = clean_text(item.raw_text, item.format)
        doc = dataclasses.replace(
            Document.from_raw(item),
            text=cleaned.text,
            segments=cleaned.segments,
            removals=cleaned.removals,
        )
        doc = MetadataStage().annotate(doc)
        out.append(
            {
                "raw": dataclasses.asdict(item),
                "text": cleaned.text,
                "removals": [dataclasses.asdict(r) for r in cleaned.removals],
                "published": [doc.published, doc.published_source, doc.published_confidence],
                "candidates": [dataclasses.asdict(c) for c in doc.date_candidates],
            }
        )
    return {"page": name, "items": out}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--dump", type=Path, default=None, help="JSON lines of what is stored")
    args = parser.parse_args()
    if not PAGES.is_dir():
        raise SystemExit(f"{PAGES} is missing")
    paths = sorted(PAGES.iterdir())[: args.limit or None]
    pages = [(p.name, p.read_bytes()) for p in paths]
    _read_all(pages[:5])  # imports and caches (trafilatura, htmldate, rules) before timing
    times, cpu = [], []
    for k in range(args.rounds):
        start, start_cpu = time.perf_counter(), time.process_time()
        docs = _read_all(pages)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
        rate, cpu_rate = len(pages) / times[-1], len(pages) / cpu[-1]
        print(
            f"round {k + 1}: {len(pages)} pages in {times[-1]:.2f} s = {rate:.2f} pages/s "
            f"(CPU {cpu[-1]:.2f} s = {cpu_rate:.2f} pages/s)"
        )
    best, best_cpu = min(times), min(cpu)
    rate, per_page = len(pages) / best, 1000 * best / len(pages)
    print(
        f"read_bytes, best of {args.rounds}: {rate:.2f} pages/s, {per_page:.1f} ms/page "
        f"(CPU: {len(pages) / best_cpu:.2f} pages/s)"
    )
    raws = [d for d in docs if isinstance(d, RawDocument)]
    start = time.perf_counter()
    for d in raws:
        clean_text(d.raw_text, d.format)
    secs = time.perf_counter() - start
    print(f"clean_text: {len(raws)} pages in {secs:.2f} s = {len(raws) / secs:.1f} pages/s")
    if args.dump is not None:
        with args.dump.open("w", encoding="utf-8") as fh:
            for name, data in pages:
                record = _record(name, list(read_bytes(name, data)))
                fh.write(json.dumps(record, sort_keys=True, ensure_ascii=False) + "\n")
        print(f"dump: {len(pages)} pages -> {args.dump}")


if __name__ == "__main__":
    main()
