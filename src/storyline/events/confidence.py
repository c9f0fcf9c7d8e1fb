"""How likely an event mention is to be a usable timeline line.

A logistic model over what the mention itself shows: its type, whether the trigger
is a phrase, which sides the text filled, whether a side was inferred (no words in
the sentence name it, or only a pronoun), whether the text dated it, its modality,
and the kinds of its actors. The weights live in ``data/confidence.toml`` and are
fitted on judged real text (``bench/realtext/calibrate.py``, dev sample only), so
that ``--min-confidence 0.7`` keeps lines of which about 70% or more were judged
usable.
"""

from __future__ import annotations

import math
import tomllib
from functools import lru_cache
from importlib import resources

from storyline.records import EventMention, Evidence

__all__ = ["confidence", "features", "weights"]

_PRONOUNS = frozenset({"it", "its", "they", "their", "them", "we", "our", "us", "i", "my"})


@lru_cache(maxsize=1)
def weights() -> dict[str, float]:
    text = (resources.files("storyline") / "data" / "confidence.toml").read_text("utf-8")
    data = tomllib.loads(text)
    return {str(k): float(v) for k, v in data["weights"].items()}


def _inferred(spans: tuple[Evidence, ...]) -> bool:
    return any(not s.text.strip() or s.text.lower() in _PRONOUNS for s in spans)


def features(ev: EventMention) -> dict[str, bool]:
    """The model's binary features of one mention (shared with the calibration)."""
    actors = (*ev.source, *ev.target)
    return {
        "bias": True,
        f"type.{ev.type}": True,
        "phrase": " " in ev.trigger.text.strip(),
        "source": bool(ev.source),
        "target": bool(ev.target),
        "both": bool(ev.source) and bool(ev.target),
        "joint": ev.joint,
        "inferred": _inferred(ev.source_spans) or _inferred(ev.target_spans),
        "dated": ev.date_source == "text",
        "not_asserted": ev.modality != "asserted",
        "person_doer": bool(ev.source)
        and all(a.kind == "person" and a.sector is None for a in ev.source),
        "group": any(a.kind == "group" for a in actors),
        "stateless": any(a.country is None for a in actors),
    }


def confidence(ev: EventMention) -> float:
    """The calibrated probability (two decimals) that the line is usable."""
    w = weights()
    z = sum(w.get(name, 0.0) for name, on in features(ev).items() if on)
    return round(1.0 / (1.0 + math.exp(-z)), 2)
