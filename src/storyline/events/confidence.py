"""How likely an event mention is to be a usable timeline line.

A logistic model over what the coder knows when it admits an event: the type, the
trigger (verb, noun or phrase; in the lede or later; inside a quotation), which
sides the text filled and whether a side was inferred, whether the text dated the
act or the publication date stands in for it (with the verb's tense), the modality,
the kinds of its actors, and the trigger's words (its lemma alone and with the type,
its relation and head, its dependents; names and numbers only as their class). The
coder records the active features on the mention (``EventMention.features``); the
weights live in ``data/confidence.toml``, fitted on judged events of real text by
``bench/realtext/calibrate.py`` and recalibrated on held-out judged text, so that a
line's confidence is the share of such lines judged usable on new text. The same file
holds the admission floor: the coder admits no event below it.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from storyline.records import EventMention, Evidence

__all__ = ["Words", "admission_floor", "features", "lexical", "probability", "weights"]

_PRONOUNS = frozenset({"it", "its", "they", "their", "them", "we", "our", "us", "i", "my"})


@lru_cache(maxsize=1)
def _model() -> dict[str, dict[str, float]]:
    text = (resources.files("storyline") / "data" / "confidence.toml").read_text("utf-8")
    return tomllib.loads(text)


@lru_cache(maxsize=1)
def weights() -> dict[str, float]:
    return {str(k): float(v) for k, v in _model()["weights"].items()}


def admission_floor() -> float:
    """The confidence below which the coder admits no event: chosen by
    ``bench/realtext/calibrate.py`` as the highest at which held-out judged lines below
    it were almost never usable (0 admits everything)."""
    return float(_model().get("admission", {}).get("floor", 0.0))


@dataclass(frozen=True, slots=True)
class Words:
    """The trigger's words as the parse has them: its lemma and relation to its head,
    the head's lemma, and its dependents' relations and lemmas (names and numbers as
    their class, "<GPE>", "<NUM>": the model never learns a particular name). They tell
    a trigger's usual sense in its usual frame ("take part in talks", "the killing
    of"), which the shape features cannot."""

    lemma: str
    dep: str
    head: str
    children: tuple[tuple[str, str], ...] = ()


def lexical(type_: str, words: Words) -> list[str]:
    """The names of the lexical features of one trigger (weights fitted like the rest;
    a word the fitting text never showed often enough has no weight)."""
    lemma = _low(words.lemma)
    out = {
        f"lemma.{lemma}",
        f"type_lemma.{type_}.{lemma}",
        f"dep.{words.dep}",
        f"head.{_low(words.head)}",
    }
    for dep, child in words.children:
        out.add(f"child_dep.{dep}")
        out.add(f"child.{dep}.{_low(child)}")
    return sorted(out)


def _low(word: str) -> str:
    """Lower case, but a class of names ("<GPE>") stays as the coder spelled it."""
    return word if word.startswith("<") else word.lower()


def _inferred(spans: tuple[Evidence, ...]) -> bool:
    return any(not s.text.strip() or s.text.lower() in _PRONOUNS for s in spans)


def features(
    ev: EventMention,
    *,
    pos: str,
    tense: str,
    lede: bool,
    quoted: bool,
    history: bool = False,
    clause: str = "main",
    late: bool = False,
    long_doc: bool = False,
    words: Words | None = None,
) -> list[str]:
    """The names of the features that are on for one mention.

    ``pos``: the trigger's part of speech (``verb`` or ``noun``); ``tense``: the
    trigger verb's tag group (``past``, ``present``, ``participle``, ``none``);
    ``history``: the text dates the act years before the article; ``clause``: where
    the trigger stands (``main``: the sentence's main clause, ``speech``: the content
    of a verb of saying, ``other``: any other clause or phrase); ``late``: far into
    the article; ``long_doc``: a long (feature) article; ``words``: the trigger's
    words, for the lexical features.
    """
    actors = (*ev.source, *ev.target)
    src_countries = {a.country for a in ev.source if a.country}
    tgt_countries = {a.country for a in ev.target if a.country}
    on = {
        "bias": True,
        f"type.{ev.type}": True,
        f"pos.{pos}": True,
        "phrase": " " in ev.trigger.text.strip(),
        "source": bool(ev.source),
        "target": bool(ev.target),
        "both": bool(ev.source) and bool(ev.target),
        "joint": ev.joint,
        "inferred": _inferred(ev.source_spans) or _inferred(ev.target_spans),
        "dated": ev.date_source == "text",
        "context_dated": ev.date_source == "context",  # the day the sentences before tell
        "open": ev.date_mod is not None,  # "on or before/after" the publication date
        f"reported.{tense}": ev.date_source == "reported",
        f"modality.{ev.modality}": True,
        "person_doer": bool(ev.source)
        and all(a.kind == "person" and a.sector is None for a in ev.source),
        "group": any(a.kind == "group" for a in actors),
        "stateless": any(a.country is None for a in actors),
        "lede": lede,
        "quoted": quoted,
        "history": history,
        f"clause.{clause}": True,
        "late": late,
        "long_doc": long_doc,
        "speaker": ev.speaker is not None,
        "interstate": bool(src_countries and tgt_countries and src_countries != tgt_countries),
    }
    names = {name for name, value in on.items() if value}
    if words is not None:
        names.update(lexical(ev.type, words))
    return sorted(names)


def probability(active: Iterable[str]) -> float:
    """The calibrated probability (two decimals) that the line is usable."""
    w = weights()
    z = sum(w.get(name, 0.0) for name in active)
    return round(1.0 / (1.0 + math.exp(-z)), 2)
