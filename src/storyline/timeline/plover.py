"""PLOVER's quad classes and the cooperation-conflict weights storyline uses.

PLOVER publishes no numeric intensity scale (no Goldstein scale of its own);
it does publish quad categories (openeventdata/PLOVER, README, "PLOVER quad
categories"): verbal cooperation AGREE CONSULT SUPPORT CONCEDE; material
cooperation COOPERATE AID RETREAT; verbal conflict REQUEST (DEMAND) ACCUSE
(DISAPPROVE) REJECT THREATEN SANCTION; material conflict PROTEST MOBILIZE
COERCE ASSAULT. storyline maps the quads to Goldstein-like weights on -10..+10:
verbal cooperation +3, material cooperation +7, verbal conflict -3, material
conflict -7 (so one assault outweighs two friendly statements), and scales them
by modality (a planned event counts half, a hypothetical a quarter, a negated one
not at all). These weights are ours, not PLOVER's: change them here only.
"""

from __future__ import annotations

from typing import Literal

from storyline.vocab import Modality, PloverType

__all__ = [
    "MODALITY_FACTOR",
    "QUAD",
    "QUAD_WEIGHT",
    "QuadClass",
    "Unrealized",
    "event_score",
    "quad",
]

#: PLOVER's quad classes.
QuadClass = Literal[
    "verbal cooperation", "material cooperation", "verbal conflict", "material conflict"
]
#: The modalities of what did not (or not yet) happen: counted apart from the quads.
Unrealized = Literal["future", "hypothetical", "negated"]

QUAD: dict[PloverType, QuadClass] = {
    "AGREE": "verbal cooperation",
    "CONSULT": "verbal cooperation",
    "SUPPORT": "verbal cooperation",
    "CONCEDE": "verbal cooperation",
    "COOPERATE": "material cooperation",
    "AID": "material cooperation",
    "RETREAT": "material cooperation",
    "REQUEST": "verbal conflict",
    "ACCUSE": "verbal conflict",
    "REJECT": "verbal conflict",
    "THREATEN": "verbal conflict",
    "SANCTION": "verbal conflict",
    "PROTEST": "material conflict",
    "MOBILIZE": "material conflict",
    "COERCE": "material conflict",
    "ASSAULT": "material conflict",
}
QUAD_WEIGHT: dict[QuadClass, float] = {
    "verbal cooperation": 3.0,
    "material cooperation": 7.0,
    "verbal conflict": -3.0,
    "material conflict": -7.0,
}
MODALITY_FACTOR: dict[Modality, float] = {
    "asserted": 1.0,
    "future": 0.5,
    "hypothetical": 0.25,
    "negated": 0.0,
}


def quad(event_type: PloverType) -> QuadClass:
    """The PLOVER quad class of a type (unknown types count as verbal cooperation)."""
    return QUAD.get(event_type, "verbal cooperation")


def event_score(event_type: PloverType, modality: Modality) -> float:
    """One event's contribution to a dyad's cooperation-conflict score (-7..+7)."""
    return QUAD_WEIGHT[quad(event_type)] * MODALITY_FACTOR.get(modality, 0.0)
