"""Main-text extraction on real pages: storyline vs trafilatura, side by side.

    .venv/bin/python bench/ingest/realpages.py [--limit N] [--show-misses]

``../shared/realpages`` holds 374 real pages with snippets a good extractor must keep
(``with``) and must drop (``without``). storyline's text is what it stores: the page
read by ``read_bytes`` (extraction) and cleaned by ``clean_text`` (boilerplate rules).
trafilatura runs on the same decoded HTML, once with its defaults and once without
comments. A snippet counts as found when its whitespace-normalized text is a substring
of the whitespace-normalized output. Precision = kept ``with`` / (kept ``with`` + kept
``without``); recall = kept ``with`` / all ``with``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

import trafilatura

from storyline.ingest import clean_text, read_bytes
from storyline.ingest.decode import decode_bytes
from storyline.records import RawDocument

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # bench/
from stats import wilson

REAL = Path(__file__).resolve().parents[3] / "shared" / "realpages"
_WS = re.compile(r"\s+")


def _norm(text: str) -> str:
    return _WS.sub(" ", text).strip()


def storyline_text(name: str, data: bytes) -> str:
    for doc in read_bytes(name, data):
        if isinstance(doc, RawDocument):
            return clean_text(doc.raw_text, doc.format).text
    return ""


def _trafilatura(comments: bool) -> Callable[[str, bytes], str]:
    def run(name: str, data: bytes) -> str:
        html, _ = decode_bytes(data)
        return trafilatura.extract(html, include_comments=comments) or ""

    return run


SYSTEMS: dict[str, Callable[[str, bytes], str]] = {
    "storyline": storyline_text,
    "trafilatura": _trafilatura(True),
    "trafilatura-no-comments": _trafilatura(False),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--show-misses", choices=sorted(SYSTEMS), default=None)
    args = parser.parse_args()
    if not REAL.is_dir():
        raise SystemExit(f"{REAL} is missing")
    snippets = json.loads((REAL / "snippets.json").read_text(encoding="utf-8"))
    names = sorted(snippets)[: args.limit or None]
    counts = {s: {"tp": 0, "fn": 0, "fp": 0, "tn": 0, "secs": 0.0} for s in SYSTEMS}
    for name in names:
        data = (REAL / "pages" / name).read_bytes()
        for system, run in SYSTEMS.items():
            start = time.perf_counter()
            out = _norm(run(name, data))
            counts[system]["secs"] += time.perf_counter() - start
            for snip in snippets[name].get("with", []):
                hit = _norm(snip) in out
                counts[system]["tp" if hit else "fn"] += 1
                if not hit and system == args.show_misses:
                    print(f"MISS {name}: {snip[:100]}")
            for snip in snippets[name].get("without", []):
                hit = _norm(snip) in out
                counts[system]["fp" if hit else "tn"] += 1
                if hit and system == args.show_misses:
                    print(f"KEPT {name}: {snip[:100]}")
    print(f"{len(names)} pages")
    print(f"{'system':<26}{'precision':>22}{'recall':>22}{'F1':>7}{'ms/page':>9}")
    for system, c in counts.items():
        p = wilson(int(c["tp"]), int(c["tp"] + c["fp"]))
        r = wilson(int(c["tp"]), int(c["tp"] + c["fn"]))
        f1 = 2 * p[0] * r[0] / (p[0] + r[0])
        ms = 1000 * c["secs"] / len(names)
        print(
            f"{system:<26}{p[0]:>8.3f} [{p[1]:.3f}-{p[2]:.3f}]{r[0]:>8.3f} [{r[1]:.3f}-{r[2]:.3f}]"
            f"{f1:>7.3f}{ms:>9.1f}"
        )


if __name__ == "__main__":
    main()
