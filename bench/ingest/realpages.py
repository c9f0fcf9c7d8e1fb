"""Main-text extraction on real pages: storyline vs trafilatura, side by side.

    .venv/bin/python bench/ingest/realpages.py [--limit N] [--show-misses SYSTEM] [--misses]

``../shared/realpages`` holds 374 real pages with snippets a good extractor must keep
(``with``) and must drop (``without``). storyline's text is what it stores: the page
read by ``read_bytes`` (extraction) and cleaned by ``clean_text`` (boilerplate rules).
It is scored twice, from one run:

* ``storyline``: the article, the clean text that the language and event stages read;
* ``storyline+comments``: that text plus the reader comments storyline keeps apart
  (removals with the reason ``comments``: stored and shown, never event-coded), the
  counterpart of trafilatura's default output, which appends the comments it finds.

trafilatura runs on the same decoded HTML, once with its defaults (comments in) and
once without comments. A snippet counts as found when its whitespace-normalized text is
a substring of the whitespace-normalized output. Precision = kept ``with`` / (kept
``with`` + kept ``without``); recall = kept ``with`` / all ``with``; 95 % Wilson
intervals.

``--show-misses SYSTEM`` prints the must-keep snippets SYSTEM misses and the must-drop
ones it keeps. ``--misses`` prints, for each storyline scoring against trafilatura's
default, the must-keep snippets only one of them keeps and those both miss, and the
must-drop snippets only one of them keeps.
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


def storyline_texts(name: str, data: bytes) -> dict[str, str]:
    """What storyline stores of a page: the article, and the article plus the comments."""
    for doc in read_bytes(name, data):
        if isinstance(doc, RawDocument):
            cleaned = clean_text(doc.raw_text, doc.format)
            comments = [r.text for r in cleaned.removals if r.reason == "comments"]
            return {
                "storyline": cleaned.text,
                "storyline+comments": "\n\n".join([cleaned.text, *comments]),
            }
    return {"storyline": "", "storyline+comments": ""}


def _trafilatura(comments: bool) -> Callable[[str, bytes], dict[str, str]]:
    system = "trafilatura" if comments else "trafilatura-no-comments"

    def run(name: str, data: bytes) -> dict[str, str]:
        html, _ = decode_bytes(data)
        return {system: trafilatura.extract(html, include_comments=comments) or ""}

    return run


#: Each runner gives one or more scored outputs; its time is charged to each of them.
RUNNERS: tuple[Callable[[str, bytes], dict[str, str]], ...] = (
    storyline_texts,
    _trafilatura(True),
    _trafilatura(False),
)
SYSTEMS = ("storyline", "storyline+comments", "trafilatura", "trafilatura-no-comments")


def _found(
    snippets: dict[str, list[str]], outputs: dict[str, str]
) -> dict[str, dict[str, list[bool]]]:
    """system -> kind (``with``/``without``) -> whether each snippet is in the output."""
    return {
        system: {
            kind: [_norm(s) in out for s in snippets.get(kind, [])] for kind in ("with", "without")
        }
        for system, out in ((s, _norm(o)) for s, o in outputs.items())
    }


def _print_misses(rows: list[tuple[str, str, str, dict[str, bool]]]) -> None:
    """Snippet by snippet, each storyline scoring against trafilatura's default."""
    for ours in ("storyline", "storyline+comments"):
        groups = (
            ("must-keep: trafilatura keeps, storyline misses", "with", True, False),
            ("must-keep: storyline keeps, trafilatura misses", "with", False, True),
            ("must-keep: both miss", "with", False, False),
            ("must-drop: trafilatura keeps, storyline drops", "without", True, False),
            ("must-drop: storyline keeps, trafilatura drops", "without", False, True),
        )
        for title, kind, theirs_hit, ours_hit in groups:
            hits = [
                (name, snip)
                for name, k, snip, seen in rows
                if k == kind and seen["trafilatura"] is theirs_hit and seen[ours] is ours_hit
            ]
            print(f"== {ours} vs trafilatura, {title}: {len(hits)}")
            for name, snip in hits:
                print(f"   {name}: {_norm(snip)[:110]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--show-misses", choices=SYSTEMS, default=None)
    parser.add_argument("--misses", action="store_true", help="snippets one system keeps")
    args = parser.parse_args()
    if not REAL.is_dir():
        raise SystemExit(f"{REAL} is missing")
    snippets = json.loads((REAL / "snippets.json").read_text(encoding="utf-8"))
    names = sorted(snippets)[: args.limit or None]
    counts = {s: {"tp": 0, "fn": 0, "fp": 0, "tn": 0, "secs": 0.0} for s in SYSTEMS}
    rows: list[tuple[str, str, str, dict[str, bool]]] = []
    for name in names:
        data = (REAL / "pages" / name).read_bytes()
        outputs: dict[str, str] = {}
        for run in RUNNERS:
            start = time.perf_counter()
            got = run(name, data)
            secs = time.perf_counter() - start
            for system in got:
                counts[system]["secs"] += secs
            outputs.update(got)
        found = _found(snippets[name], outputs)
        for kind, (yes, no) in (("with", ("tp", "fn")), ("without", ("fp", "tn"))):
            for i, snip in enumerate(snippets[name].get(kind, [])):
                rows.append((name, kind, snip, {s: found[s][kind][i] for s in SYSTEMS}))
                for system in SYSTEMS:
                    counts[system][yes if found[system][kind][i] else no] += 1
                shown = args.show_misses
                if shown and found[shown][kind][i] is (kind == "without"):
                    print(f"{'KEPT' if kind == 'without' else 'MISS'} {name}: {snip[:100]}")
    if args.misses:
        _print_misses(rows)
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
    print(
        "storyline = the clean text (what the event stages read); storyline+comments = "
        "that text and the reader comments kept apart (removals 'comments')"
    )


if __name__ == "__main__":
    main()
