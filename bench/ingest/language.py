"""Language detection: its cost per document, English kept English, other languages found.

    .venv/bin/python bench/ingest/language.py

* speed: ``detect_language`` on the 2,000 real wire stories of
  ``../shared/realnews/newswire`` (headline + body, as the build gives it), docs/s;
* English: headline alone, first sentence alone, headline with it, and body of each
  story -- how many come out as another language (the build would not code them);
* real pages: the 374 pages of ``../shared/realpages`` (mostly German and English)
  through the reader and cleaner, the detected language against the page's own
  ``<html lang>`` (which templates often get wrong: a disagreement is read by hand).
"""

from __future__ import annotations

import re
import time
from collections import Counter
from pathlib import Path

from storyline.ingest import clean_text, iter_inputs
from storyline.ingest.language import _identifier, detect_language
from storyline.records import RawDocument

SHARED = Path(__file__).resolve().parents[3] / "shared"


def main() -> None:
    stories = []
    for path in sorted((SHARED / "realnews" / "newswire").glob("*.txt")):
        lines = path.read_text(encoding="utf-8").split("\n")
        stories.append((lines[1].strip(), "\n".join(lines[3:]).strip()))
    _identifier()  # the model loads once per process (about 0.6 s): not in the rate
    t0 = time.perf_counter()
    for head, body in stories:
        detect_language(f"{head}\n{body}")
    seconds = time.perf_counter() - t0
    print(
        f"speed: {len(stories) / seconds:,.0f} docs/s ({1000 * seconds / len(stories):.2f} ms "
        f"a document) on {len(stories)} wire stories"
    )

    wrong: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for head, body in stories:
        first = re.split(r"(?<=[.!?])\s", body, maxsplit=1)[0]
        for kind, text in (
            ("headline", head),
            ("first sentence", first),
            ("headline + first sentence", f"{head}\n{first}"),
            ("body", body),
        ):
            total[kind] += 1
            if detect_language(text).code not in ("en", "und"):
                wrong[kind] += 1
    print("\n| English text | texts | not English |\n|---|---:|---:|")
    for kind in total:
        print(f"| {kind} | {total[kind]:,} | {wrong[kind]} |")

    pages = sorted((SHARED / "realpages" / "pages").glob("*.html"))
    detected: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    for path in pages:
        for doc in iter_inputs([path]):
            if not isinstance(doc, RawDocument):
                continue
            text = clean_text(doc.raw_text, doc.format).text
            sample = f"{doc.title}\n{text}" if doc.title else text
            code = detect_language(sample, doc.language_declared).code
            detected[code] += 1
            pairs[(doc.language_declared or "-", code)] += 1
    agree = sum(n for (d, c), n in pairs.items() if d == c)
    declared = sum(n for (d, _), n in pairs.items() if d != "-")
    print(
        f"\nreal pages: {sum(detected.values())} read; detected "
        + ", ".join(f"{c} {n}" for c, n in detected.most_common())
    )
    print(
        f"agree with <html lang> on {agree} of {declared} pages that declare one; "
        "disagreements (declared -> detected): "
        + ", ".join(f"{d}->{c} {n}" for (d, c), n in sorted(pairs.items()) if d not in ("-", c))
    )


if __name__ == "__main__":
    main()
