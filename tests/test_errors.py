"""The error catalogue: every error storyline raises on purpose has a code and an
entry in docs/errors.md, and keeps the built-in class callers catch it as."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

from storyline.errors import MissingExtra, StorylineError, missing_extra

CATALOGUE = Path(__file__).resolve().parents[1] / "docs" / "errors.md"

#: Where each error class lives (imported here so that every subclass is known).
ERRORS = [
    ("storyline.pipeline", "PipelineError", ValueError),
    ("storyline.events.frames", "FramesError", ValueError),
    ("storyline.vocab", "VocabularyError", ValueError),
    ("storyline.ingest.decode", "DecodeError", ValueError),
    ("storyline.timex.timeml", "TimeMLError", ValueError),
    ("storyline.nlp.spacy_pipeline", "ModelNotFound", RuntimeError),
    ("storyline.store.story_index", "StoryIndexError", RuntimeError),
    ("storyline.store.sqlite", "StoreError", RuntimeError),
    ("storyline.store.sqlite", "StoreWriteError", RuntimeError),
    ("storyline.store.query", "QueryError", ValueError),
    ("storyline.engine.lock", "BuildLocked", RuntimeError),
    ("storyline.errors", "MissingExtra", ImportError),
]


def _subclasses(cls: type) -> set[type]:
    found = set(cls.__subclasses__())
    for sub in list(found):
        found |= _subclasses(sub)
    return found


def _entries() -> dict[str, str]:
    """``## CODE Name`` headings of the catalogue."""
    text = CATALOGUE.read_text(encoding="utf-8")
    return dict(re.findall(r"^## (SL\d{3}) (\w+)$", text, flags=re.M))


@pytest.mark.parametrize(("module", "name", "builtin"), ERRORS)
def test_error_is_a_storyline_error_and_keeps_its_builtin_class(
    module: str, name: str, builtin: type[Exception]
) -> None:
    cls = getattr(importlib.import_module(module), name)
    assert issubclass(cls, StorylineError)
    assert issubclass(cls, builtin)


def test_every_error_has_its_own_code_and_a_catalogue_entry() -> None:
    for module, _name, _builtin in ERRORS:
        importlib.import_module(module)
    entries = _entries()
    classes = {StorylineError} | _subclasses(StorylineError)
    codes = [c.code for c in classes if "code" in vars(c)]
    assert len(codes) == len(set(codes)), f"a code used twice: {sorted(codes)}"
    for cls in classes:
        assert "code" in vars(cls), f"{cls.__qualname__} has no code of its own"
        assert entries.get(cls.code) == cls.__name__, f"no '## {cls.code} {cls.__name__}'"


def test_missing_extra_names_the_extra_to_install() -> None:
    exc = missing_extra(ModuleNotFoundError("No module named 'uvicorn'", name="uvicorn"), "serve")
    assert isinstance(exc, MissingExtra)
    assert isinstance(exc, ImportError)
    assert "pip install 'storyline[serve]'" in str(exc)
    chart = missing_extra(ModuleNotFoundError(name="matplotlib.figure"), "a chart image")
    assert isinstance(chart, MissingExtra)
    assert chart.extra == "charts"


def test_missing_extra_leaves_other_import_errors_alone() -> None:
    own = ModuleNotFoundError(name="storyline.nowhere")
    assert missing_extra(own, "serve") is own
    broken = ImportError("cannot import name 'x' from 'fastapi'", name="fastapi")
    assert missing_extra(broken, "serve") is broken
