"""The word rules of the one-line headlines (``storyline.headline``): the classes and
glosses of ``data/headlines.toml`` with the coder's verbs and nouns (``data/frames.toml``,
read as data), and the verb forms built from them (past tense, base form).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

__all__ = ["Rules", "load_rules", "past_tense", "verb_lemma"]

_VOWELS = frozenset("aeiou")


@dataclass(frozen=True, slots=True)
class Rules:
    """``data/headlines.toml`` with the lexicon's verbs and nouns."""

    modality: dict[str, str]
    unnamed: str
    plan_cues: frozenset[str]
    verb_cues: frozenset[str]
    determiners: frozenset[str]
    stops: frozenset[str]
    dangling: frozenset[str]
    hanging: frozenset[str]
    object_max_words: int
    adverbs: frozenset[str]
    adverb_phrases: frozenset[tuple[str, str]]
    adverb_suffix: str
    not_adverbs: frozenset[str]
    pronouns: frozenset[str]
    quotes: frozenset[str]
    passive: dict[str, str]
    auxiliaries: frozenset[str]
    clause_words: frozenset[str]
    subject_max_words: int
    bare: dict[str, str]
    joined: dict[str, tuple[str, bool]]
    irregular: dict[str, str]
    irregular_past: dict[str, str]  # past -> base
    direct: frozenset[str]
    prepositions: dict[str, tuple[str, ...]]
    nouns: dict[str, tuple[str, bool]]  # noun -> (verb phrase, target is its object)
    types: dict[str, tuple[str, bool]]
    tags: dict[str, str]
    doubling: frozenset[str]
    verbs: frozenset[str]  # every verb lemma storyline knows
    #: per PLOVER type, the words of its triggers (verb lemmas, nouns, phrase words)
    type_words: dict[str, frozenset[str]]
    #: how a country's actor in a sector is named ("police": "South Korean police")
    sector_words: dict[str, str]
    #: a country's adjective (alpha-3 -> "South Korean"), from ``data/countries.tsv``
    adjectives: dict[str, str]

    def sector_name(self, country: str, sector: str | None, fallback: str) -> str | None:
        """How a country's actor in a sector is named ("South Korean police"), or None
        for a sector named by the country itself (its government)."""
        word = self.sector_words.get(sector or "")
        if word is None:
            return None
        return f"{self.adjectives.get(country, fallback)} {word}"


def _adjectives(text: str) -> dict[str, str]:
    """The first demonym of each row of the country table (``code, names, demonyms, ...``)."""
    out: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) > 2 and cells[2].strip():
            out[cells[0].strip()] = cells[2].split(";")[0].strip()
    return out


def _phrase(spec: str) -> tuple[str, bool]:
    words = spec.split()
    direct = bool(words) and words[-1] == "direct"
    return " ".join(words[:-1] if direct else words), direct


def _pair(spec: str) -> tuple[str, str]:
    first, _, second = spec.partition(" ")
    return first, second


@lru_cache(maxsize=1)
def load_rules() -> Rules:
    """The packaged rules (read once)."""
    root = resources.files("storyline") / "data"
    data: dict[str, Any] = tomllib.loads((root / "headlines.toml").read_text(encoding="utf-8"))
    frames: dict[str, Any] = tomllib.loads((root / "frames.toml").read_text(encoding="utf-8"))
    verbs: set[str] = set()
    type_words: dict[str, frozenset[str]] = {}
    for name, table in frames.items():
        if not isinstance(table, dict) or "verbs" not in table:
            continue
        mine: set[str] = set()
        for spec in table.get("verbs", ()):
            verbs.add(spec.split()[0].split("/")[0])
        for spec in table.get("phrases", ()):
            verbs.add(spec.split()[0].split("/")[0])
        for key in ("verbs", "nouns", "phrases"):
            for spec in table.get(key, ()):
                mine |= {w.split("/")[0] for w in spec.split() if w != "inverse"}
        type_words[name] = frozenset(mine)
    words = data["words"]
    passive = data["passive"]
    irregular = {k: str(v) for k, v in data["irregular"].items()}
    nouns = {k: _phrase(v) for k, v in data["nouns"].items()}
    types = {k: _phrase(v) for k, v in data["types"].items()}
    verbs |= set(irregular) | set(data["direct"]["verbs"])
    verbs |= {p.split()[0] for p, _ in (*nouns.values(), *types.values()) if p}
    return Rules(
        modality=dict(data["modality"]),
        unnamed=str(words["unnamed"]),
        plan_cues=frozenset(words["plan_cues"]),
        verb_cues=frozenset(words["verb_cues"]),
        determiners=frozenset(words["determiners"]),
        stops=frozenset(words["stops"]),
        dangling=frozenset(words["dangling"]),
        hanging=frozenset(words["hanging"]),
        object_max_words=int(words["object_max_words"]),
        adverbs=frozenset(words["adverbs"]),
        adverb_phrases=frozenset(_pair(p) for p in words["adverb_phrases"]),
        adverb_suffix=str(words["adverb_suffix"]),
        not_adverbs=frozenset(words["not_adverbs"]),
        pronouns=frozenset(words["pronouns"]),
        quotes=frozenset(words["quotes"]),
        passive={k: str(v) for k, v in passive.items() if isinstance(v, str)},
        auxiliaries=frozenset(passive["auxiliaries"]),
        clause_words=frozenset(passive["clause_words"]),
        subject_max_words=int(passive["subject_max_words"]),
        bare={k: str(v) for k, v in data["bare"].items()},
        joined={k: _phrase(v) for k, v in data["joined"].items()},
        irregular=irregular,
        irregular_past={v: k for k, v in irregular.items()},
        direct=frozenset(data["direct"]["verbs"]),
        prepositions={k: tuple(v) for k, v in data["prepositions"].items()},
        nouns=nouns,
        types=types,
        tags=dict(data["tags"]),
        doubling=frozenset(data["spelling"]["doubling"]),
        verbs=frozenset(verbs),
        type_words=type_words,
        sector_words={k: str(v) for k, v in data["sectors"].items()},
        adjectives=_adjectives((root / "countries.tsv").read_text(encoding="utf-8")),
    )


# ----------------------------------------------------------------- verb forms


def _doubles(base: str, rules: Rules) -> bool:
    """Whether "ban" makes "banned": one vowel group, consonant-vowel-consonant at the end."""
    if base in rules.doubling:
        return True
    if len(base) < 3 or base[-1] in "wxy" or base[-1] in _VOWELS:
        return False
    groups = re.findall(r"[aeiou]+", base)
    return len(groups) == 1 and base[-2] in _VOWELS and base[-3] not in _VOWELS


def past_tense(base: str, rules: Rules | None = None) -> str:
    """The simple past of a verb's base form ("meet" -> "met", "ban" -> "banned")."""
    r = rules or load_rules()
    if base in r.irregular:
        return r.irregular[base]
    if base.endswith("e"):
        return base + "d"
    if base.endswith("y") and len(base) > 1 and base[-2] not in _VOWELS:
        return base[:-1] + "ied"
    if _doubles(base, r):
        return base + base[-1] + "ed"
    return base + "ed"


def verb_lemma(word: str, rules: Rules) -> str | None:
    """The base form of an inflected verb storyline knows, else None."""
    if word in rules.verbs:
        return word
    if word in rules.irregular_past:
        return rules.irregular_past[word]
    cands: list[str] = []
    if word.endswith("ied"):
        cands.append(word[:-3] + "y")
    if word.endswith("ed"):
        cands += [word[:-2], word[:-1], word[:-3]]
    if word.endswith("ing"):
        cands += [word[:-3], word[:-3] + "e", word[:-4]]
    if word.endswith("ies"):
        cands.append(word[:-3] + "y")
    if word.endswith("es"):
        cands.append(word[:-2])
    if word.endswith("s"):
        cands.append(word[:-1])
    return next((c for c in cands if c in rules.verbs), None)
