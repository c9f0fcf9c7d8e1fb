"""The closed vocabularies of the record family, as ``typing.Literal`` types.

Each vocabulary is declared once, here, as a ``Literal`` alias, and its values in
order as a tuple read from that alias: mypy checks every place that builds a record,
and the runtime values stay plain strings (JSON, SQLite rows and output unchanged).

A value that enters from outside (a stored JSON row, a data file, a query parameter)
is checked where it enters with the ``parse_*`` functions below, which raise
:class:`VocabularyError` on a value outside the vocabulary; code inside storyline
builds its values from literals, so mypy proves them. PLOVER sectors (``GOV``,
``MIL``, ...) are not here: the data files (gazetteers, offices, organs) name them
and nothing closes that set yet.
"""

from __future__ import annotations

from typing import Literal, TypeVar, get_args

from storyline.errors import StorylineError

__all__ = [
    "ACTOR_KINDS",
    "DATE_MODS",
    "DATE_SOURCES",
    "MODALITIES",
    "PLOVER_TYPES",
    "STATE_SECTORS",
    "TIMEX_TYPES",
    "ActorKind",
    "DateMod",
    "DateSource",
    "Modality",
    "PloverType",
    "TimexType",
    "VocabularyError",
    "one_of",
    "parse_actor_kind",
    "parse_date_mod",
    "parse_date_source",
    "parse_modality",
    "parse_plover_type",
]

#: PLOVER sectors of the state: its government, forces, police, courts, legislature and
#: intelligence services (the rest, such as CVL, OPP, REB, BUS, JRN, are not the state).
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})

#: The 16 PLOVER event types the coder emits (``data/frames.toml`` has a frame for each).
PloverType = Literal[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
]
#: How the text reports an event: done, planned, conditional, or denied.
Modality = Literal["asserted", "future", "hypothetical", "negated"]
#: Where an event's date came from: its own timex (``text``), a day the sentences before
#: it give (``context``), or the publication date (``reported``).
DateSource = Literal["text", "context", "reported"]
#: TIMEX3 ``mod`` values an event's date may carry: the date ends or starts an interval.
DateMod = Literal["ON_OR_BEFORE", "ON_OR_AFTER"]
#: What an actor is: a country or its government, a person, an organization, an
#: intergovernmental organization, or a group of a country's people (civilians, rebels).
ActorKind = Literal["country", "person", "org", "igo", "group"]
#: TIMEX3 expression types.
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]

PLOVER_TYPES: tuple[PloverType, ...] = get_args(PloverType)
MODALITIES: tuple[Modality, ...] = get_args(Modality)
DATE_SOURCES: tuple[DateSource, ...] = get_args(DateSource)
DATE_MODS: tuple[DateMod, ...] = get_args(DateMod)
ACTOR_KINDS: tuple[ActorKind, ...] = get_args(ActorKind)
TIMEX_TYPES: tuple[TimexType, ...] = get_args(TimexType)

_V = TypeVar("_V", bound=str)


class VocabularyError(StorylineError, ValueError):
    """A value outside one of the record family's closed vocabularies (an event type,
    modality, date source or mod, actor kind) entered from a stored row or a file."""

    code = "SL103"


def one_of(
    value: object, vocabulary: tuple[_V, ...], what: str, error: type[Exception] = VocabularyError
) -> _V:
    """``value`` as the member of ``vocabulary`` it equals, or ``error`` saying which
    ``what`` is unknown and listing the vocabulary: the one wording of the message for
    stored rows, files and a user's filters alike (``error`` is theirs, e.g. QueryError)."""
    for known in vocabulary:
        if value == known:
            return known
    raise error(f"unknown {what} {value!r}; one of: {', '.join(vocabulary)}")


def parse_plover_type(value: object) -> PloverType:
    """``value`` as a PLOVER type (VocabularyError if it is none)."""
    return one_of(value, PLOVER_TYPES, "event type")


def parse_modality(value: object) -> Modality:
    """``value`` as a modality (VocabularyError if it is none)."""
    return one_of(value, MODALITIES, "modality")


def parse_date_source(value: object) -> DateSource:
    """``value`` as a date source (VocabularyError if it is none)."""
    return one_of(value, DATE_SOURCES, "date source")


def parse_date_mod(value: object) -> DateMod | None:
    """``value`` as a date mod; None (no mod) stays None."""
    return None if value is None else one_of(value, DATE_MODS, "date mod")


def parse_actor_kind(value: object) -> ActorKind:
    """``value`` as an actor kind (VocabularyError if it is none)."""
    return one_of(value, ACTOR_KINDS, "actor kind")
