"""Score the PLOVER event coder on a JSONL development set.

Three levels of agreement between gold and predicted events of one sentence, each a
one-to-one matching (an event counts once), reported per type and micro/macro overall:

* ``type``   -- an event of that type exists;
* ``actors`` -- same type, gold source countries a subset of the predicted source and gold
  target a subset of the predicted target. Direction is ignored for the symmetric types
  (CONSULT, COOPERATE) and for mutual acts annotated with coordinated sources and no target
  ("A and B signed a treaty"): there the gold actors must all appear among the predicted
  source and target;
* ``full``   -- actors, and the same modality and date.

Also: the share of no-event sentences that get any event (false-positive rate), the
modality/date/mode agreement on actor matches (to see which part fails), and throughput.

    .venv/bin/python bench/events/score.py bench/events/dev.jsonl [--json] [--errors]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))

from storyline.records import PLOVER_TYPES

TYPES = list(PLOVER_TYPES)
SYMMETRIC = frozenset({"CONSULT", "COOPERATE"})
LEVELS = ("type", "actors", "full")

Event = Mapping[str, Any]
Matcher = Callable[[Event, Event], bool]


def load(path: Path) -> list[dict[str, Any]]:
    """The records of a JSONL dev set; a bad line names its line number."""
    records = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as e:
                raise SystemExit(f"error: {path}:{n}: not JSON ({e.msg})") from None
    return records


def predict(records: Sequence[Mapping[str, Any]]) -> tuple[list[list[dict[str, Any]]], float]:
    """The coder's events for every record, as gold-shaped dicts, and sentences/second.

    The language pipeline is loaded once before timing, so the rate is steady state.
    """
    from storyline.events import extract_events

    extract_events("Warm-up.", "2000-01-01")
    out: list[list[dict[str, Any]]] = []
    start = time.perf_counter()
    for rec in records:
        out.append(
            [
                {
                    "type": e.type,
                    "mode": e.mode,
                    "source": sorted({a.country for a in e.source if a.country}),
                    "target": sorted({a.country for a in e.target if a.country}),
                    "modality": e.modality,
                    "date": e.date,
                    "trigger": e.trigger.text,
                }
                for e in extract_events(rec["text"], rec["date"])
            ]
        )
    elapsed = time.perf_counter() - start
    return out, (len(records) / elapsed if elapsed else 0.0)


def actors_match(gold: Event, pred: Event) -> bool:
    """Gold actors contained in the predicted ones, by the rules in the module docstring."""
    gs, gt = set(gold["source"]), set(gold["target"])
    ps, pt = set(pred["source"]), set(pred["target"])
    if gs <= ps and gt <= pt:
        return True
    mutual = len(gs) >= 2 and not gt
    if gold["type"] in SYMMETRIC or mutual:
        return gs | gt <= ps | pt
    return False


def _matchers() -> dict[str, Matcher]:
    def same_type(g: Event, p: Event) -> bool:
        return bool(g["type"] == p["type"])

    def with_actors(g: Event, p: Event) -> bool:
        return same_type(g, p) and actors_match(g, p)

    def full(g: Event, p: Event) -> bool:
        return with_actors(g, p) and g["modality"] == p["modality"] and g["date"] == p["date"]

    return {"type": same_type, "actors": with_actors, "full": full}


def match(gold: Sequence[Event], pred: Sequence[Event], ok: Matcher) -> list[tuple[int, int]]:
    """A maximum one-to-one matching (augmenting paths; sentences have few events)."""
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j, p in enumerate(pred):
            if j not in seen and ok(gold[i], p):
                seen.add(j)
                if j not in owner or augment(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    for i in range(len(gold)):
        augment(i, set())
    return sorted((i, j) for j, i in owner.items())


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def score(
    records: Sequence[Mapping[str, Any]],
    predictions: Sequence[Sequence[Event]] | None = None,
) -> dict[str, Any]:
    """Figures for ``records`` (gold) against ``predictions`` (the coder's when omitted)."""
    rate = None
    if predictions is None:
        predictions, rate = predict(records)
    if len(predictions) != len(records):
        raise ValueError(f"{len(predictions)} predictions for {len(records)} records")
    matchers = _matchers()
    tp = {lv: Counter[str]() for lv in LEVELS}
    n_gold: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    parts = Counter[str]()
    no_event = no_event_fp = 0
    errors = []
    for rec, pred in zip(records, predictions, strict=True):
        gold = rec["events"]
        n_gold.update(e["type"] for e in gold)
        n_pred.update(e["type"] for e in pred)
        if not gold:
            no_event += 1
            no_event_fp += bool(pred)
        pairs = {lv: match(gold, pred, matchers[lv]) for lv in LEVELS}
        for lv in LEVELS:
            tp[lv].update(gold[i]["type"] for i, _ in pairs[lv])
        for i, j in pairs["actors"]:
            g, p = gold[i], pred[j]
            parts["actor_matches"] += 1
            parts["modality_ok"] += g["modality"] == p["modality"]
            parts["date_ok"] += g["date"] == p["date"]
            if g.get("mode"):
                parts["mode_gold"] += 1
                parts["mode_ok"] += g["mode"] == p["mode"]
        if len(pairs["full"]) < max(len(gold), len(pred)):
            errors.append(_diagnose(rec, pred, pairs))
    per_type: dict[str, dict[str, Any]] = {
        t: {lv: _prf(tp[lv][t], n_pred[t], n_gold[t]) for lv in LEVELS}
        | {"gold": n_gold[t], "predicted": n_pred[t]}
        for t in TYPES
    }
    extra = sorted(set(n_pred) - set(TYPES))
    totals = {
        lv: _prf(sum(tp[lv].values()), sum(n_pred.values()), sum(n_gold.values())) for lv in LEVELS
    }
    macro = {lv: round(sum(per_type[t][lv]["f1"] for t in TYPES) / len(TYPES), 4) for lv in LEVELS}
    am = parts["actor_matches"]
    return {
        "sentences": len(records),
        "gold_events": sum(n_gold.values()),
        "predicted_events": sum(n_pred.values()),
        "per_type": per_type,
        "unknown_predicted_types": extra,
        "micro": totals,
        "macro_f1": macro,
        "no_event_sentences": no_event,
        "no_event_fp_rate": round(no_event_fp / no_event, 4) if no_event else 0.0,
        "on_actor_matches": {
            "modality_accuracy": round(parts["modality_ok"] / am, 4) if am else 0.0,
            "date_accuracy": round(parts["date_ok"] / am, 4) if am else 0.0,
            "mode_accuracy": (
                round(parts["mode_ok"] / parts["mode_gold"], 4) if parts["mode_gold"] else 0.0
            ),
        },
        "sentences_per_second": round(rate, 1) if rate is not None else None,
        "errors": errors,
    }


def _fmt(e: Event) -> str:
    mode = f"/{e['mode']}" if e.get("mode") else ""
    src = ",".join(e["source"]) or "-"
    tgt = ",".join(e["target"]) or "-"
    trig = f" [{e['trigger']}]" if e.get("trigger") else ""
    return f"{e['type']}{mode} {src} > {tgt} {e['modality']} {e['date']}{trig}"


def _diagnose(
    rec: Mapping[str, Any], pred: Sequence[Event], pairs: Mapping[str, list[tuple[int, int]]]
) -> dict[str, Any]:
    """What went wrong in one sentence: each gold event's fate and the unmatched predictions."""
    gold = rec["events"]
    by_level = {lv: dict(pairs[lv]) for lv in LEVELS}
    used = {j for lv in LEVELS for _, j in pairs[lv]}
    fates = []
    for i, g in enumerate(gold):
        if i in by_level["full"]:
            continue
        if i in by_level["actors"]:
            p = pred[by_level["actors"][i]]
            what = "modality" if g["modality"] != p["modality"] else "date"
            fates.append(f"WRONG-{what.upper()}: gold {_fmt(g)} | got {_fmt(p)}")
        elif i in by_level["type"]:
            p = pred[by_level["type"][i]]
            fates.append(f"WRONG-ACTORS: gold {_fmt(g)} | got {_fmt(p)}")
        else:
            fates.append(f"MISS: {_fmt(g)}")
    fates += [f"FALSE-POS: {_fmt(p)}" for j, p in enumerate(pred) if j not in used]
    return {"id": rec["id"], "text": rec["text"], "date": rec["date"], "problems": fates}


def _table(result: Mapping[str, Any]) -> str:
    head = "| type | gold | pred | type P/R/F1 | +actors P/R/F1 | full P/R/F1 |"
    rows = [head, "|---|---:|---:|---|---|---|"]

    def cell(d: Mapping[str, float]) -> str:
        return f"{d['precision']:.2f} / {d['recall']:.2f} / {d['f1']:.2f}"

    for t in TYPES:
        r = result["per_type"][t]
        rows.append(
            f"| {t} | {r['gold']} | {r['predicted']} | {cell(r['type'])} | "
            f"{cell(r['actors'])} | {cell(r['full'])} |"
        )
    m = result["micro"]
    rows.append(
        f"| **micro** | {result['gold_events']} | {result['predicted_events']} | "
        f"{cell(m['type'])} | {cell(m['actors'])} | {cell(m['full'])} |"
    )
    mac = result["macro_f1"]
    rows.append(
        f"| **macro F1** | | | {mac['type']:.2f} | {mac['actors']:.2f} | {mac['full']:.2f} |"
    )
    oam = result["on_actor_matches"]
    rows += [
        "",
        f"- sentences: {result['sentences']}; no-event sentences: {result['no_event_sentences']}, "
        f"false-positive rate {result['no_event_fp_rate']:.3f}",
        f"- on type+actor matches: modality accuracy {oam['modality_accuracy']:.3f}, "
        f"date accuracy {oam['date_accuracy']:.3f}, mode accuracy {oam['mode_accuracy']:.3f}",
        f"- unknown predicted types: {result['unknown_predicted_types'] or 'none'}",
        f"- throughput: {result['sentences_per_second']} sentences/s",
    ]
    return "\n".join(rows)


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("devset", type=Path, help="JSONL file, one annotated sentence a line")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--errors", action="store_true", help="list misses and false positives")
    args = ap.parse_args(argv)
    if not args.devset.is_file():
        raise SystemExit(f"error: {args.devset} is not a file")
    result = score(load(args.devset))
    if args.json:
        shown = result if args.errors else {k: v for k, v in result.items() if k != "errors"}
        print(json.dumps(shown, indent=2, sort_keys=True))
        return
    print(_table(result))
    if args.errors:
        print(f"\n## {len(result['errors'])} sentences with errors\n")
        for e in result["errors"]:
            print(f"{e['id']} ({e['date']}): {e['text']}")
            for p in e["problems"]:
                print(f"    {p}")


if __name__ == "__main__":
    main()
