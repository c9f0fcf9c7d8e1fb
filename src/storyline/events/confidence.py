"""How likely an event mention is to be a usable timeline line.

A logistic model over what the coder knows when it admits an event: the kind of
trigger (verb, phrase or noun), which sides the text filled, whether a side was
inferred, whether the text dated it, and the type. Its weights live in
``data/confidence.toml`` and are fitted on judged real text (``bench/realtext/
calibrate.py``), so that ``--min-confidence 0.7`` keeps lines of which about 70% or
more were judged usable.
"""

from __future__ import annotations

import math
import tomllib
from functools import lru_cache
from importlib import resources

__all__ = ["confidence", "weights"]


@lru_cache(maxsize=1)
def weights() -> dict[str, float]:
    text = (resources.files("storyline") / "data" / "confidence.toml").read_text("utf-8")
    data = tomllib.loads(text)
    return {str(k): float(v) for k, v in data["weights"].items()}


def confidence(
    type_: str,
    *,
    verb: bool,
    phrase: bool,
    source: bool,
    target: bool,
    inferred: bool,
    dated: bool,
) -> float:
    """The calibrated probability (two decimals) that the line is usable."""
    w = weights()
    features = {
        "bias": True,
        "verb": verb and not phrase,
        "phrase": phrase,
        "source": source,
        "target": target,
        "both": source and target,
        "inferred": inferred,
        "dated": dated,
        f"type.{type_}": True,
    }
    z = sum(w.get(name, 0.0) for name, on in features.items() if on)
    return round(1.0 / (1.0 + math.exp(-z)), 2)
