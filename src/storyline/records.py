"""The one record family that flows through storyline.

Every record is a frozen, slotted dataclass: stages never mutate a record, they
return a new one (``dataclasses.replace``). Offsets (``start``/``end``) are
character offsets into ``Document.text`` (the stored clean text) unless a field
says otherwise; ``Removal`` and ``Segment`` offsets point into ``raw_text``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from storyline.vocab import (
    DATE_MODS,
    MODALITIES,
    PLOVER_TYPES,
    TIMEX_TYPES,
    ActorKind,
    DateMod,
    DateSource,
    Modality,
    PloverType,
)

__all__ = [
    "DATE_MODS",
    "MODALITIES",
    "PLOVER_TYPES",
    "TIMEX_TYPES",
    "Actor",
    "DateCandidate",
    "Document",
    "Entity",
    "Event",
    "EventMention",
    "Evidence",
    "Mention",
    "Paragraph",
    "Quarantined",
    "RawDocument",
    "Removal",
    "Segment",
    "Sentence",
    "Story",
    "StoryMember",
    "Timex",
    "Token",
    "content_id",
]


def content_id(*parts: str, length: int = 16) -> str:
    """A stable id: the hex SHA-256 of the parts joined by NUL, truncated."""
    digest = hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()
    return digest[:length]


# --------------------------------------------------------------------------- input


@dataclass(frozen=True, slots=True)
class DateCandidate:
    """One possible publication date, with where it came from."""

    value: str  # ISO date, YYYY-MM-DD (or a coarser prefix)
    source: str  # header | url | html-meta | json | dateline | article-date | page-date | file
    confidence: float
    evidence: str = ""  # the text or field the value was read from


@dataclass(frozen=True, slots=True)
class RawDocument:
    """What a reader produced: the text as found, plus metadata the container gave."""

    source: str  # path, "path:line" for JSONL records, or "<stdin>"
    raw_text: str
    format: str = "txt"  # txt | html | jsonl | json | warc
    encoding: str = "utf-8"
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    date_hints: tuple[DateCandidate, ...] = ()
    #: the language the container declares (a JSON ``language`` field, ``<html lang>``,
    #: HTTP Content-Language), as an ISO 639-1 code; None when it declares none
    language_declared: str | None = None
    #: problems found while reading that did not stop the document from being kept
    #: ("header date '2024-13-45' is not a real day ..."), counted in the build report
    warnings: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return content_id(self.raw_text)


@dataclass(frozen=True, slots=True)
class Quarantined:
    """An input that could not be read: reported, recorded, skipped."""

    source: str
    reason: str


@dataclass(frozen=True, slots=True)
class Removal:
    """A passage dropped by cleaning (offsets into ``raw_text``)."""

    start: int
    end: int
    reason: str
    text: str


@dataclass(frozen=True, slots=True)
class Segment:
    """A kept slice of the raw text: raw[raw_start:raw_end] == text[clean_start:...]."""

    raw_start: int
    raw_end: int
    clean_start: int


# --------------------------------------------------------------------------- annotations


@dataclass(frozen=True, slots=True)
class Token:
    """A token of the dependency parse; ``head`` is a document-level token index."""

    i: int
    start: int
    end: int
    text: str
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int
    ent_type: str = ""


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    token_start: int = 0  # index of the first token
    token_end: int = 0  # one past the last token

    @property
    def final_mark(self) -> str:
        """The last character before closing quotes and brackets: "." for a statement,
        "?" for a question, a letter or digit for a title line ("" when empty)."""
        return self.text.rstrip().rstrip("\"'”’»)")[-1:]

    @property
    def stopped(self) -> bool:
        """Does the sentence end with a full stop, a question or an exclamation mark (a
        headline does not)?"""
        return self.final_mark in (".", "!", "?")


@dataclass(frozen=True, slots=True)
class Entity:
    """A named-entity span as the NER (statistical model + rules) found it."""

    start: int
    end: int
    text: str
    label: str  # spaCy label: PERSON, GPE, NORP, ORG, LOC, ...


@dataclass(frozen=True, slots=True)
class Timex:
    """A TIMEX3 temporal expression; ``value`` is a TIMEX3 value or ``start/end``."""

    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET (TIMEX_TYPES)
    value: str
    mod: str | None = None  # START | MID | END | APPROX | BEFORE | AFTER ...


@dataclass(frozen=True, slots=True)
class Actor:
    """Who: a country/government, a person with a role, an organization."""

    id: str
    name: str
    country: str | None  # ISO 3166 alpha-3, or "IGO"
    sector: str | None = None  # PLOVER sector: GOV, MIL, JRN, BUS, ...
    kind: ActorKind = "country"
    role: str | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of the text that refers to an actor."""

    start: int
    end: int
    text: str
    actor: Actor
    how: str = "name"  # name | alias | demonym | metonym | role | pronoun


@dataclass(frozen=True, slots=True)
class Evidence:
    """A citation: a character span of a stored document's clean text."""

    document: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class EventMention:
    """One event as one sentence of one document reports it."""

    id: str
    document: str
    type: PloverType
    modality: Modality
    source: tuple[Actor, ...]
    target: tuple[Actor, ...]
    date: str  # TIMEX3 value at the known granularity
    date_source: DateSource
    evidence: Evidence  # the sentence
    trigger: Evidence  # the word or phrase expressing the event
    summary: str
    confidence: float
    mode: str | None = None
    date_end: str | None = None
    #: ``ON_OR_BEFORE`` / ``ON_OR_AFTER``: the date closes an open interval (a past act
    #: the text does not date happened on or before publication; a plan, after it)
    date_mod: DateMod | None = None
    speaker: Actor | None = None
    location: str | None = None
    #: the sides act together ("X and Y agreed"): no direction, sides in code order
    joint: bool = False
    #: where each source/target actor is named (aligned with ``source``/``target``)
    source_spans: tuple[Evidence, ...] = ()
    target_spans: tuple[Evidence, ...] = ()
    #: the confidence model's active features (for calibration; not in the JSON contract)
    features: tuple[str, ...] = field(default=(), compare=False)


@dataclass(frozen=True, slots=True)
class Event:
    """One real-world happening: the merge of its mentions across sources."""

    id: str
    type: PloverType
    modality: Modality
    source: tuple[Actor, ...]
    target: tuple[Actor, ...]
    date: str
    date_source: DateSource
    summary: str
    evidence: tuple[Evidence, ...]
    trigger: Evidence
    confidence: float
    mentions: tuple[str, ...] = ()
    mode: str | None = None
    date_end: str | None = None
    joint: bool = False
    date_mod: DateMod | None = None  # see EventMention
    #: the other types of one statement told in one sentence ("denounced ... and urged")
    also: tuple[PloverType, ...] = ()


# --------------------------------------------------------------------------- stories


@dataclass(frozen=True, slots=True)
class StoryMember:
    """An article's place in its story."""

    document: str
    relation: str  # canonical | exact | near | contained-in
    score: float = 1.0  # similarity (Jaccard or containment) to the canonical article


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A unique paragraph of a story, with every article that carries it."""

    id: str  # content hash of the normalized paragraph
    text: str
    documents: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Story:
    """Articles that report the same text: copies, trims, extensions, re-scrapes."""

    id: str
    canonical: str  # the most complete article
    members: tuple[StoryMember, ...]
    paragraphs: tuple[Paragraph, ...] = ()


# --------------------------------------------------------------------------- the document


@dataclass(frozen=True, slots=True)
class Document:
    """The record that flows through the per-document stages.

    Each stage fills some fields (and declares them in ``provides``); fields not
    yet filled keep their empty defaults.
    """

    id: str
    source: str
    raw_text: str
    format: str = "txt"
    encoding: str = "utf-8"
    text: str = ""
    segments: tuple[Segment, ...] = ()
    removals: tuple[Removal, ...] = ()
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    dateline: str | None = None
    published: str | None = None
    published_source: str | None = None
    published_confidence: float = 0.0
    date_candidates: tuple[DateCandidate, ...] = ()
    #: the text's language (ISO 639-1, "und" when it cannot be told), detected from the
    #: clean text; only English (or undetermined) documents are event-coded
    language: str | None = None
    language_declared: str | None = None  # what the page or record declared, if anything
    date_hints: tuple[DateCandidate, ...] = field(default=(), repr=False)
    tokens: tuple[Token, ...] = field(default=(), repr=False)
    sentences: tuple[Sentence, ...] = field(default=(), repr=False)
    entities: tuple[Entity, ...] = field(default=(), repr=False)
    mentions: tuple[Mention, ...] = field(default=(), repr=False)  # sorted by start
    timexes: tuple[Timex, ...] = field(default=(), repr=False)
    events: tuple[EventMention, ...] = field(default=(), repr=False)

    @classmethod
    def from_raw(cls, raw: RawDocument) -> Document:
        return cls(
            id=raw.id,
            source=raw.source,
            raw_text=raw.raw_text,
            format=raw.format,
            encoding=raw.encoding,
            title=raw.title,
            url=raw.url,
            outlet=raw.outlet,
            date_hints=raw.date_hints,
            language_declared=raw.language_declared,
        )
