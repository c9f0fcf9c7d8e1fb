"""Scoring a timeline against gold events (the seeds' gold file format).

A gold event is found when some event on the timeline has its type (or an
accepted alternative), its date (and end date), its modality, cites one of
its documents, and has the gold source countries among its sources and the
gold target countries among its targets — or, for CONSULT and COOPERATE,
where the two sides take part alike, the gold countries among either side.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from storyline.events.lexicon import DIRECTIONLESS
from storyline.records import Event

__all__ = ["GoldMatch", "match_gold_events"]


@dataclass(frozen=True, slots=True)
class GoldMatch:
    gold_id: str
    required: bool
    found: bool
    date_type_found: bool
    event_id: str | None
    why: str


def _countries(actors: Iterable[Any]) -> set[str]:
    return {a.country for a in actors if a.country}


def match_gold_events(
    events: Sequence[Event], gold: Sequence[Mapping[str, Any]], doc_ids: Mapping[str, str]
) -> list[GoldMatch]:
    """``doc_ids`` maps gold file names to stored document ids."""
    out = []
    for g in gold:
        types = {g["type"], *g.get("also_accepted_types", [])}
        docs = {doc_ids.get(d) for d in g["documents"]}
        best: tuple[int, Event | None, str] = (0, None, "no event of that type and date")
        date_type = False
        for e in events:
            if e.type not in types or not docs & {ev.document for ev in e.evidence}:
                continue
            if e.date != g["date"] or (g.get("date_end") and e.date_end != g["date_end"]):
                continue
            date_type = True
            problems = []
            if e.modality != g["modality"]:
                problems.append(f"modality {e.modality}")
            src, tgt = _countries(e.source), _countries(e.target)
            gs, gt = set(g["source"]), set(g["target"])
            if e.type in DIRECTIONLESS or e.joint:  # no direction to check
                if not (gs | gt) <= (src | tgt):
                    problems.append(f"actors {sorted(src)}->{sorted(tgt)}")
            elif not (gs <= src and gt <= tgt):
                problems.append(f"actors {sorted(src)}->{sorted(tgt)}")
            score = 3 - len(problems)
            if score > best[0]:
                best = (score, e, "; ".join(problems) or "ok")
        found = best[2] == "ok"
        out.append(
            GoldMatch(
                gold_id=g["id"],
                required=bool(g.get("required")),
                found=found,
                date_type_found=date_type,
                event_id=best[1].id if best[1] else None,
                why=best[2],
            )
        )
    return out
