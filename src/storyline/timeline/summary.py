"""Date summaries: the N most important dates, each told in 1-3 cited sentences.

Date selection follows TILSE (Martschat & Markert, 2018): rank candidate dates
by how much happened on them — here the summed salience of the events dated
there — and keep the top N, shown in date order. For each date, sentences are
chosen from the events' evidence (nothing is written, only quoted): a sentence
scores its event's salience, plus a bonus for containing the event's trigger
and for naming its actors; a sentence too like one already chosen (content-word
Jaccard >= 0.5) is skipped, so copies of one wire story appear once.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from storyline.records import Event, Evidence

__all__ = ["DateSummary", "SummarySentence", "summarize", "summary_markdown"]

NEAR_DUPLICATE = 0.5
_WORD = re.compile(r"[^\W\d_]{3,}")


@dataclass(frozen=True, slots=True)
class SummarySentence:
    evidence: Evidence
    event: str  # the event id the sentence is evidence of

    @property
    def citation(self) -> str:
        return f"[{self.evidence.document}:{self.evidence.start}-{self.evidence.end}]"


@dataclass(frozen=True, slots=True)
class DateSummary:
    date: str  # the events' date as given (``2018-06-21/2018-06-23`` for ranges)
    score: float  # summed salience of the events on that date
    events: tuple[str, ...]
    sentences: tuple[SummarySentence, ...]
    marks: tuple[str, ...] = ()  # "planned", "reported" when every event is so


def _words(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(text.lower()))


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _date_key(e: Event) -> str:
    return e.date + (f"/{e.date_end}" if e.date_end else "")


def _sentence_score(ev: Evidence, event: Event, salience: float) -> float:
    text = ev.text.lower()
    bonus = 0.5 if event.trigger.text.lower() in text else 0.0
    names = {a.name.lower() for a in (*event.source, *event.target)}
    named = sum(1 for n in names if n and n.split()[-1] in text)
    return salience * (1 + bonus + 0.25 * min(named, 2))


def summarize(
    events: Sequence[Event], salience: Mapping[str, float], n_dates: int, per_date: int = 3
) -> list[DateSummary]:
    """Pick the ``n_dates`` most important dates and 1..``per_date`` sentences for each."""
    by_date: dict[str, list[Event]] = defaultdict(list)
    for e in events:
        by_date[_date_key(e)].append(e)
    scores = {d: sum(salience.get(e.id, 0.0) for e in evs) for d, evs in by_date.items()}
    chosen = sorted(scores, key=lambda d: (-scores[d], d))[: max(n_dates, 0)]
    out = []
    for d in sorted(chosen):
        evs = sorted(by_date[d], key=lambda e: (-salience.get(e.id, 0.0), e.id))
        candidates = sorted(
            {
                (ev.document, ev.start, ev.end): (
                    _sentence_score(ev, e, salience.get(e.id, 0.0)),
                    ev,
                    e.id,
                )
                for e in reversed(evs)
                for ev in e.evidence
            }.values(),
            key=lambda c: (-c[0], c[1].document, c[1].start),
        )
        picked: list[SummarySentence] = []
        seen: list[frozenset[str]] = []
        for _, ev, eid in candidates:
            words = _words(ev.text)
            if any(_jaccard(words, w) >= NEAR_DUPLICATE for w in seen):
                continue
            picked.append(SummarySentence(ev, eid))
            seen.append(words)
            if len(picked) >= per_date:
                break
        marks = []
        if all(e.modality == "future" for e in evs):
            marks.append("planned")
        if all(e.date_source == "reported" for e in evs):
            marks.append("reported")
        out.append(
            DateSummary(
                d, round(scores[d], 4), tuple(e.id for e in evs), tuple(picked), tuple(marks)
            )
        )
    return out


def summary_markdown(summaries: Sequence[DateSummary], title: str = "Timeline summary") -> str:
    """Markdown: one heading per date, its sentences quoted with their citations."""
    lines = [f"# {title}", ""]
    for s in summaries:
        mark = f" ({', '.join(s.marks)})" if s.marks else ""
        lines += [f"## {s.date}{mark}", ""]
        for sent in s.sentences:
            lines.append(f"- {' '.join(sent.evidence.text.split())} {sent.citation}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
