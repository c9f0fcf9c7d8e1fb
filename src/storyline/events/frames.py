"""The event frames, read from ``data/frames.toml``: trigger senses and what they need.

The file is the coder's linguistic knowledge, kept as data so that a domain expert can
review and extend it without reading Python (spaCy's matcher patterns and PETRARCH's
verb dictionaries are the models). :func:`load_frames` validates it when loaded: an
unknown PLOVER type, argument requirement, actor category or sense key is an error that
names the entry, never a silently ignored line.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from storyline.errors import StorylineError
from storyline.vocab import PLOVER_TYPES, PloverType, parse_plover_type

__all__ = ["Frames", "FramesError", "Sense", "Trigger", "TypeFrame", "load_frames"]

NEEDS = frozenset(
    {
        "source",
        "target",
        "either",
        "victim",
        "source-or-place",
        "counterpart",
        "political-source",
        "civil-source",
        "official-source",
    }
)
ROLES = frozenset({"source", "target"})
CATEGORIES = frozenset({"media", "business", "person", "civil", "armed"})
#: ``[words]`` lists whose words are PLOVER types (read with ``Frames.type_set``).
TYPE_WORDS = frozenset({"embedding_types", "directionless", "statement_types", "hostile_types"})
_TYPE_KEYS = frozenset(
    {"about", "needs", "of", "not_source", "not_target", "verbs", "nouns", "phrases", "passive"}
)


class FramesError(StorylineError, ValueError):
    """The frames file is malformed: the message names the entry and what is wrong."""

    code = "SL102"


@dataclass(frozen=True, slots=True)
class Trigger:
    type: PloverType
    mode: str | None = None
    #: for verbs: the grammatical object is the *source* of the act ("X hosted Y")
    inverse: bool = False


@dataclass(frozen=True, slots=True)
class TypeFrame:
    """What an event of one PLOVER type needs before it is admitted."""

    type: PloverType
    about: str
    needs: str
    of: str
    not_source: frozenset[str] = frozenset()
    not_target: frozenset[str] = frozenset()
    #: "source" when a passive verb's subject is the doer ("troops were deployed")
    passive: str = "target"


@dataclass(frozen=True, slots=True)
class Sense:
    """Constraints that narrow one trigger lemma to its political sense."""

    object: str | None = None
    objects: frozenset[str] = frozenset()
    not_objects: frozenset[str] = frozenset()
    not_complements: frozenset[str] = frozenset()
    not_modifiers: frozenset[str] = frozenset()
    not_after: frozenset[str] = frozenset()
    not_under: frozenset[str] = frozenset()
    not_object_labels: frozenset[str] = frozenset()
    no_question: bool = False
    not_after_as: bool = False
    of: str | None = None
    needs: str | None = None
    preps: frozenset[str] = frozenset()
    or_pair: bool = False
    not_preps: frozenset[str] = frozenset()
    light_verb: bool = False
    no_that_clause: bool = False
    threat: bool = False
    no_object: bool = False
    not_purpose: bool = False
    no_toll: bool = False
    no_conjecture: bool = False
    not_coordinated: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Frames:
    verbs: dict[str, Trigger]
    nouns: dict[str, Trigger]
    phrases: dict[tuple[str, str], Trigger]
    types: dict[PloverType, TypeFrame]
    senses: dict[tuple[str, str], Sense]
    words: dict[str, frozenset[str]]
    organs: dict[str, str]
    aid_modes: dict[str, frozenset[str]] = field(default_factory=dict)

    def sense(self, pos: str, lemma: str) -> Sense | None:
        return self.senses.get((pos, lemma))

    def word(self, name: str) -> frozenset[str]:
        return self.words[name]

    def type_set(self, name: str) -> frozenset[PloverType]:
        """A ``[words]`` list of PLOVER types (one of ``TYPE_WORDS``)."""
        return frozenset(parse_plover_type(t) for t in self.words[name])


def _trigger(type_: PloverType, spec: str, where: str) -> tuple[str, Trigger]:
    """ "host/visit inverse" -> ("host", Trigger(CONSULT, visit, inverse=True))."""
    parts = spec.split()
    inverse = parts[-1] == "inverse"
    if inverse:
        parts = parts[:-1]
    if not parts:
        raise FramesError(f"{where}: empty trigger {spec!r}")
    *words, last = parts
    lemma, _, mode = last.partition("/")
    return " ".join([*words, lemma]), Trigger(type_, mode or None, inverse)


def _strings(value: Any, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise FramesError(f"{where}: expected a list of strings")
    return list(value)


def _type_frame(name: PloverType, table: dict[str, Any], where: str) -> TypeFrame:
    unknown = set(table) - _TYPE_KEYS
    if unknown:
        raise FramesError(f"{where}: unknown keys {sorted(unknown)}")
    needs, of = table.get("needs", "source"), table.get("of", "source")
    if needs not in NEEDS:
        raise FramesError(f"{where}: needs={needs!r} is not one of {sorted(NEEDS)}")
    if of not in ROLES:
        raise FramesError(f"{where}: of={of!r} is not one of {sorted(ROLES)}")
    sides = {}
    for key in ("not_source", "not_target"):
        cats = frozenset(_strings(table.get(key, []), f"{where}.{key}"))
        if cats - CATEGORIES:
            raise FramesError(f"{where}.{key}: unknown categories {sorted(cats - CATEGORIES)}")
        sides[key] = cats
    passive = table.get("passive", "target")
    if passive not in ROLES:
        raise FramesError(f"{where}: passive={passive!r} is not one of {sorted(ROLES)}")
    return TypeFrame(name, table.get("about", ""), needs, of, passive=passive, **sides)


def _sense(entry: dict[str, Any], where: str) -> tuple[tuple[str, str], Sense]:
    unknown = set(entry) - {"trigger", *(f.name for f in fields(Sense))}
    if unknown:
        raise FramesError(f"{where}: unknown keys {sorted(unknown)}")
    pos, _, lemma = str(entry.get("trigger", "")).partition(":")
    if pos not in ("verb", "noun", "phrase") or not lemma:
        raise FramesError(
            f"{where}: trigger must read 'verb:LEMMA', 'noun:LEMMA' or 'phrase:HEAD DEPENDENT'"
        )
    if entry.get("object") not in (None, "actor"):
        raise FramesError(f"{where}: object must be 'actor'")
    if entry.get("of") not in (None, *ROLES):
        raise FramesError(f"{where}: of must be 'source' or 'target'")
    if entry.get("needs") not in (None, *NEEDS):
        raise FramesError(f"{where}: needs must be one of {sorted(NEEDS)}")

    values: dict[str, Any] = {}
    for f in fields(Sense):  # each field read by the type of its default
        if isinstance(f.default, frozenset):
            values[f.name] = frozenset(_strings(entry.get(f.name, []), f"{where}.{f.name}"))
        elif isinstance(f.default, bool):
            values[f.name] = bool(entry.get(f.name, False))
        else:
            values[f.name] = entry.get(f.name)
    sense = Sense(**values)
    return (pos, lemma), sense


def _parse(data: dict[str, Any], source: str) -> Frames:
    verbs: dict[str, Trigger] = {}
    nouns: dict[str, Trigger] = {}
    phrases: dict[tuple[str, str], Trigger] = {}
    types: dict[PloverType, TypeFrame] = {}
    for name in PLOVER_TYPES:
        table = data.get(name)
        if not isinstance(table, dict):
            raise FramesError(f"{source}: no [{name}] table (every PLOVER type needs a frame)")
        where = f"{source}: [{name}]"
        types[name] = _type_frame(name, table, where)
        for spec in _strings(table.get("verbs", []), f"{where}.verbs"):
            lemma, trig = _trigger(name, spec, where)
            verbs.setdefault(lemma, trig)
        for spec in _strings(table.get("nouns", []), f"{where}.nouns"):
            lemma, trig = _trigger(name, spec, where)
            nouns.setdefault(lemma, trig)
        for spec in _strings(table.get("phrases", []), f"{where}.phrases"):
            words, trig = _trigger(name, spec, where)
            head, _, dep = words.partition(" ")
            if not dep or " " in dep:
                raise FramesError(f"{where}: phrase {spec!r} must be 'HEAD DEPENDENT'")
            phrases.setdefault((head, dep), trig)
    extra = set(data) - {*PLOVER_TYPES, "sense", "words", "aid_modes"}
    if extra:
        raise FramesError(f"{source}: unknown tables {sorted(extra)}")
    senses: dict[tuple[str, str], Sense] = {}
    for n, entry in enumerate(data.get("sense", []), 1):
        key, sense = _sense(entry, f"{source}: [[sense]] #{n}")
        if key in senses:
            raise FramesError(f"{source}: [[sense]] #{n}: a second entry for {':'.join(key)}")
        if key[0] == "phrase":
            known = {f"{h} {d}" for h, d in phrases}
        else:
            known = set(verbs if key[0] == "verb" else nouns)
        if key[1] not in known and not any(h == key[1] for h, _ in phrases):
            raise FramesError(f"{source}: [[sense]] #{n}: {key[1]!r} is no {key[0]} trigger")
        senses[key] = sense
    raw_words = dict(data.get("words", {}))
    organs = raw_words.pop("organs", {})
    if not isinstance(organs, dict):
        raise FramesError(f"{source}: [words].organs must be a table of noun = SECTOR")
    classes = {k: frozenset(_strings(v, f"{source}: [words].{k}")) for k, v in raw_words.items()}
    for k in sorted(TYPE_WORDS & set(classes)):
        unknown = sorted(classes[k] - set(PLOVER_TYPES))
        if unknown:
            raise FramesError(f"{source}: [words].{k}: {unknown} are not PLOVER types")
    aid_modes = {
        k: frozenset(_strings(v, f"{source}: [aid_modes].{k}"))
        for k, v in data.get("aid_modes", {}).items()
    }
    return Frames(verbs, nouns, phrases, types, senses, classes, dict(organs), aid_modes)


def load_frames(path: str | Path | None = None) -> Frames:
    """The frames of ``path``, or the packaged ``data/frames.toml``."""
    if path is None:
        return _packaged()
    p = Path(path)
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise FramesError(f"{p}: cannot read frames ({e})") from e
    return _parse(data, str(p))


@lru_cache(maxsize=1)
def _packaged() -> Frames:
    text = (resources.files("storyline") / "data" / "frames.toml").read_text(encoding="utf-8")
    return _parse(tomllib.loads(text), "frames.toml")
