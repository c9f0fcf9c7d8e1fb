"""One plain-language line per event: "South Korea tightened its export controls on Russia".

The line is built only from what the event holds: its sides (names), the trigger's
own words with the verb in the form its modality asks for (past for asserted acts,
"will"/"plans to" for planned ones, "may" for possible ones, "did not" for negated
ones), and the words right after the trigger in its evidence sentence (an object
phrase such as "the implementation of this plan", a preposition that joins the
target such as "on Moscow"). A noun trigger ("treaty", "visit") becomes a verb
phrase from ``data/headlines.toml``; every word class and gloss lives there, so a
reviewer can change how lines read without touching this module. Which words are
verbs and nouns comes from the coder's own lexicon (``data/frames.toml``), read as
data.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from storyline.records import Actor, Event, EventMention, Evidence
from storyline.vocab import Modality, PloverType

__all__ = ["Rules", "event_tags", "headline", "load_rules", "past_tense"]

_WORD = re.compile(r"[\w'’-]+|[^\w\s]")
_VOWELS = frozenset("aeiou")


@dataclass(frozen=True, slots=True)
class Rules:
    """``data/headlines.toml`` with the lexicon's verbs and nouns."""

    modality: dict[str, str]
    unnamed: str
    plan_cues: frozenset[str]
    determiners: frozenset[str]
    stops: frozenset[str]
    dangling: frozenset[str]
    object_max_words: int
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


def _phrase(spec: str) -> tuple[str, bool]:
    words = spec.split()
    direct = bool(words) and words[-1] == "direct"
    return " ".join(words[:-1] if direct else words), direct


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
    irregular = {k: str(v) for k, v in data["irregular"].items()}
    nouns = {k: _phrase(v) for k, v in data["nouns"].items()}
    types = {k: _phrase(v) for k, v in data["types"].items()}
    verbs |= set(irregular) | set(data["direct"]["verbs"])
    verbs |= {p.split()[0] for p, _ in (*nouns.values(), *types.values()) if p}
    return Rules(
        modality=dict(data["modality"]),
        unnamed=str(words["unnamed"]),
        plan_cues=frozenset(words["plan_cues"]),
        determiners=frozenset(words["determiners"]),
        stops=frozenset(words["stops"]),
        dangling=frozenset(words["dangling"]),
        object_max_words=int(words["object_max_words"]),
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


def _lemma(word: str, rules: Rules) -> str | None:
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


# ----------------------------------------------------------------- the line


def _names(actors: tuple[Actor, ...]) -> str:
    names: list[str] = []
    for a in actors:
        if a.name not in names:
            names.append(a.name)
    if not names:
        return ""
    if len(names) > 3:
        return f"{', '.join(names[:2])} and {len(names) - 2} others"
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _sentence_of(trigger: Evidence, evidence: tuple[Evidence, ...]) -> Evidence | None:
    for ev in evidence:
        if ev.document == trigger.document and ev.start <= trigger.start and trigger.end <= ev.end:
            return ev
    return None


def _around(trigger: Evidence, evidence: tuple[Evidence, ...]) -> tuple[list[str], list[str]]:
    """The words of the trigger's sentence before and after the trigger."""
    ev = _sentence_of(trigger, evidence)
    if ev is None:
        return [], []
    before = ev.text[: trigger.start - ev.start]
    after = ev.text[trigger.end - ev.start :]
    return _WORD.findall(before), _WORD.findall(after)


def _is_np_start(word: str, rules: Rules) -> bool:
    """A word that can begin the target's noun phrase after a preposition."""
    return word[:1].isupper() or word.lower() == "the"


def _object(after: list[str], rules: Rules) -> list[str]:
    """The object phrase right after the verb: lowercase words up to a stop word."""
    if not after:
        return []
    first = after[0]
    if not (first.lower() in rules.determiners or first[:1].islower() or first[:1].isdigit()):
        return []
    out: list[str] = []
    for w in after:
        if (
            len(out) >= rules.object_max_words
            or not re.match(r"[\w'’-]", w)
            or w.lower() in rules.stops
        ):
            break
        out.append(w)
    while out and (out[-1].lower() in rules.dangling or out[-1].lower() in rules.determiners):
        out.pop()  # a phrase cut in the middle says nothing more
    return out


def _verb_form(base: str, rest: str, modality: Modality, planned: bool, rules: Rules) -> str:
    if modality == "asserted":
        form = rules.modality["asserted"].format(base=base, past=past_tense(base, rules))
    else:
        key = "planned" if modality == "future" and planned else modality
        form = rules.modality.get(key, "{base}").format(base=base, past=past_tense(base, rules))
    return f"{form} {rest}".strip()


def _of_type(word: str, type_: PloverType, rules: Rules) -> bool:
    """A trigger word may speak for an event of ``type_``: it is one of the type's own
    words, or of no type's (a rule elsewhere found it). "revokes" in a REQUEST to
    revoke sanctions is CONCEDE's word, not what the requester did."""
    if word in rules.type_words.get(type_, frozenset()):
        return True
    return not any(word in words for words in rules.type_words.values())


def _predicate(words: list[str], type_: PloverType, rules: Rules) -> tuple[str, str, bool, bool]:
    """(verb base, rest of the phrase, target is its direct object, trigger's own words)."""
    low = [w.lower() for w in words]
    noun = low[0].rstrip("s") if low else ""
    if (
        len(low) == 1
        and low[0] in rules.nouns
        and _of_type(noun, type_, rules) | _of_type(low[0], type_, rules)
    ):
        phrase, direct = rules.nouns[low[0]]
        base, _, rest = phrase.partition(" ")
        return base, rest, direct, False
    lemma = _lemma(low[0], rules) if low else None
    if lemma is not None and _of_type(lemma, type_, rules):
        rest = " ".join(words[1:])
        direct = (lemma in rules.direct and len(words) == 1) or low[-1] in rules.stops
        return lemma, rest, direct, True
    head = low[-1] if low else ""
    if head in rules.nouns and _of_type(head.rstrip("s"), type_, rules):
        phrase, direct = rules.nouns[head]
        base, _, rest = phrase.partition(" ")
        return base, rest, direct, False
    phrase, direct = rules.types.get(type_, ("act", False))
    base, _, rest = phrase.partition(" ")
    return base, rest, direct, False


def headline(event: Event | EventMention, rules: Rules | None = None) -> str:
    """The event as one plain sentence (no final period), e.g. "Putin will visit South Korea"."""
    r = rules or load_rules()
    evidence = event.evidence if isinstance(event, Event) else (event.evidence,)
    words = [w for w in _WORD.findall(event.trigger.text) if re.match(r"[\w'’-]", w)]
    before, after = _around(event.trigger, evidence)
    base, rest, direct, own = _predicate(words, event.type, r)
    planned = any(w.lower() in r.plan_cues for w in before)
    parts = [_names(event.source) or r.unnamed]
    parts.append(_verb_form(base, rest, event.modality, planned, r))
    target = _names(event.target)
    if target and direct and not (after and after[0].lower() in r.determiners):
        parts.append(target)
        return " ".join(parts)
    obj = _object(after, r) if own else []
    if obj:
        parts.append(" ".join(obj))
    tail = after[len(obj) :] if own else []
    if target:
        allowed = r.prepositions.get(event.type, ("",))
        given = tail[0].lower() if tail else ""
        if given and given in allowed and len(tail) > 1 and _is_np_start(tail[1], r):
            parts.append(f"{given} {target}")  # the sentence's own preposition
        elif obj:
            pass  # the object is something else; the sides say who was concerned
        elif direct:
            parts.append(target)
        elif allowed[0]:
            parts.append(f"{allowed[0]} {target}")
    line = " ".join(p for p in parts if p)
    return line[:1].upper() + line[1:]


def event_tags(event: Event | EventMention, rules: Rules | None = None) -> list[str]:
    """The PLOVER type, its mode and what the modality makes of the act, as short tags."""
    r = rules or load_rules()
    tags: list[str] = [event.type]
    if event.mode:
        tags.append(event.mode)
    if isinstance(event, Event):
        tags += [f"+{t}" for t in event.also]
    if event.modality in r.tags:
        tags.append(r.tags[event.modality])
    return tags
