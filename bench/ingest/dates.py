"""Publication-date exact-day accuracy on hand-judged real pages: storyline vs htmldate.

    .venv/bin/python bench/ingest/dates.py [--split dev|test|both] [--show-misses]

Pages and true days: ``date_sample.json`` / ``date_judgements.jsonl`` (rubric in
``DATE_RUBRIC.md``). storyline's day is what it stores: the page read by ``read_bytes``,
cleaned and annotated by ``MetadataStage`` (``published``). htmldate runs as
``find_date(html, extensive_search=True, original_date=True)`` on the same decoded HTML
(no URL: a saved page is all either tool gets). A page is right when the day equals the
judged day, or when the judged day is null and no day is given.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import htmldate

from storyline.ingest import clean_text, read_bytes
from storyline.ingest.decode import decode_bytes
from storyline.ingest.metadata import MetadataStage
from storyline.records import Document, RawDocument

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # bench/
from stats import wilson

HERE = Path(__file__).resolve().parent
PAGES = HERE.parents[2] / "shared" / "realpages" / "pages"


def storyline_day(name: str, data: bytes) -> tuple[str | None, str]:
    for raw in read_bytes(name, data):
        if not isinstance(raw, RawDocument):
            return None, "quarantined"
        doc = Document.from_raw(raw)
        cleaned = clean_text(doc.raw_text, doc.format)
        doc = Document(
            id=doc.id, source=doc.source, raw_text=doc.raw_text, format=doc.format,
            text=cleaned.text, segments=cleaned.segments, url=doc.url,
            date_hints=doc.date_hints,
        )  # fmt: skip
        doc = MetadataStage().annotate(doc)
        evidence = next((c.evidence for c in doc.date_candidates if c.value == doc.published), "")
        return doc.published, f"{doc.published_source}: {evidence[:150]}"
    return None, "no document"


def htmldate_day(name: str, data: bytes) -> tuple[str | None, str]:
    html, _ = decode_bytes(data)
    try:
        return htmldate.find_date(html, extensive_search=True, original_date=True), ""
    except Exception as exc:
        return None, f"error {exc}"


SYSTEMS = {"storyline": storyline_day, "htmldate": htmldate_day}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "test", "both"), default="both")
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    if not PAGES.is_dir():
        raise SystemExit(f"{PAGES} is missing")
    rows = [json.loads(x) for x in (HERE / "date_judgements.jsonl").read_text().splitlines()]
    splits = ("dev", "test") if args.split == "both" else (args.split,)
    for split in splits:
        judged = [r for r in rows if r["split"] == split]
        right = {s: 0 for s in SYSTEMS}
        dated_right = {s: 0 for s in SYSTEMS}
        secs = {s: 0.0 for s in SYSTEMS}
        for row in judged:
            data = (PAGES / row["page"]).read_bytes()
            for system, run in SYSTEMS.items():
                start = time.perf_counter()
                day, why = run(row["page"], data)
                secs[system] += time.perf_counter() - start
                ok = day == row["day"]
                right[system] += ok
                dated_right[system] += ok and row["day"] is not None
                if args.show_misses and not ok:
                    print(f"  {split} {system:<9} {row['page']} got {day} want {row['day']} {why}")
        n, nd = len(judged), sum(r["day"] is not None for r in judged)
        print(f"{split}: {n} pages ({nd} dated)")
        for system in SYSTEMS:
            a = wilson(right[system], n)
            d = wilson(dated_right[system], nd)
            print(
                f"  {system:<10} all {right[system]:>3}/{n} = {a[0]:.3f} [{a[1]:.3f}-{a[2]:.3f}]"
                f"   dated {dated_right[system]:>3}/{nd} = {d[0]:.3f} [{d[1]:.3f}-{d[2]:.3f}]"
                f"   {1000 * secs[system] / n:.0f} ms/page"
            )


if __name__ == "__main__":
    main()
