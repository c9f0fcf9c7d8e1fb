"""Score the tagger on a directory of TimeML files (TempEval-3 style).

Each ``.tml`` file's DCT is the anchor. Reports strict span P/R/F1 (same offsets),
relaxed span P/R/F1 (overlap, one-to-one), type and value accuracy on relaxed matches,
and value F1 (relaxed match AND equal value), which is TempEval-3's headline figure.

    .venv/bin/python bench/timex/score.py bench/timex/dev [--json] [--errors]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))

from storyline.records import Timex
from storyline.timex import tag
from storyline.timex.timeml import TimeMLError, read_timeml


def _prf(tp: int, n_sys: int, n_gold: int) -> dict[str, float]:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def _match(gold: list[Timex], sys_: list[Timex]) -> list[tuple[Timex, Timex]]:
    """One-to-one overlap matches: exact spans first, then the largest overlaps."""
    pairs: list[tuple[int, int, int]] = []
    for i, g in enumerate(gold):
        for j, s in enumerate(sys_):
            overlap = min(g.end, s.end) - max(g.start, s.start)
            if overlap > 0:
                exact = g.start == s.start and g.end == s.end
                pairs.append((-(10**6 if exact else overlap), i, j))
    pairs.sort()
    used_g: set[int] = set()
    used_s: set[int] = set()
    out = []
    for _, i, j in pairs:
        if i not in used_g and j not in used_s:
            used_g.add(i)
            used_s.add(j)
            out.append((gold[i], sys_[j]))
    return out


def score(directory: Path, show_errors: bool = False) -> dict[str, object]:
    files = sorted(directory.glob("*.tml")) + sorted(directory.glob("*.TML"))
    if not files:
        raise SystemExit(f"error: no .tml files in {directory}")
    n_gold = n_sys = strict = relaxed = type_ok = value_ok = 0
    for path in files:
        try:
            doc = read_timeml(path)
        except TimeMLError as e:
            print(f"skipped: {e}", file=sys.stderr)
            continue
        gold = list(doc.timexes)
        out = tag(doc.text, doc.anchor)
        n_gold += len(gold)
        n_sys += len(out)
        matches = _match(gold, out)
        relaxed += len(matches)
        for g, s in matches:
            strict += g.start == s.start and g.end == s.end
            type_ok += g.type == s.type
            value_ok += g.value == s.value
            if show_errors and (g.value != s.value or g.type != s.type):
                print(
                    f"{path.name}: value {g.text!r} {g.type} {g.value} <> "
                    f"{s.text!r} {s.type} {s.value}"
                )
        if show_errors:
            matched_g = {id(g) for g, _ in matches}
            matched_s = {id(s) for _, s in matches}
            for g in gold:
                if id(g) not in matched_g:
                    print(f"{path.name}: missed {g.text!r} {g.type} {g.value}")
            for s in out:
                if id(s) not in matched_s:
                    print(f"{path.name}: spurious {s.text!r} {s.type} {s.value}")
    return {
        "files": len(files),
        "gold": n_gold,
        "system": n_sys,
        "strict_span": _prf(strict, n_sys, n_gold),
        "relaxed_span": _prf(relaxed, n_sys, n_gold),
        "type_accuracy": round(type_ok / relaxed, 4) if relaxed else 0.0,
        "value_accuracy": round(value_ok / relaxed, 4) if relaxed else 0.0,
        "value": _prf(value_ok, n_sys, n_gold),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("directory", type=Path, help="a directory of TimeML .tml files")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--errors", action="store_true", help="list misses and wrong values")
    args = ap.parse_args(argv)
    if not args.directory.is_dir():
        print(f"error: {args.directory} is not a directory", file=sys.stderr)
        return 2
    result = score(args.directory, args.errors)
    if args.json:
        print(json.dumps(result, indent=2, sort_keys=True))
        return 0
    print(f"{result['files']} files, {result['gold']} gold timexes, {result['system']} tagged")
    for key in ("strict_span", "relaxed_span", "value"):
        m = result[key]
        assert isinstance(m, dict)
        print(f"{key:>13}: P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}")
    print(
        f"type accuracy {result['type_accuracy']:.3f}, "
        f"value accuracy {result['value_accuracy']:.3f} (on relaxed matches)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
