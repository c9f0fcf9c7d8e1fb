"""The errors storyline raises on purpose, and the base class they share.

Every error a user can meet has a code (``SL`` and three digits) and an entry in
``docs/errors.md`` that says what it means and what to do; the message itself
names the file, value or store at fault. Catch :class:`StorylineError` to catch
them all. Each error also keeps the built-in class it always had (``ValueError``,
``RuntimeError``, ``ImportError``), so code that catches those still works.

The error classes live beside the code that raises them (``StoreError`` in
``store/sqlite.py``, ``QueryError`` in the query module, ...): this module has no
imports from the rest of storyline, so any layer can use it.
"""

from __future__ import annotations

from typing import ClassVar

__all__ = ["OPTIONAL_PACKAGES", "MissingExtra", "StorylineError", "missing_extra"]


class StorylineError(Exception):
    """The base of every error storyline raises on purpose."""

    #: Stable identifier of the error, the heading of its entry in docs/errors.md.
    code: ClassVar[str] = "SL000"


#: The optional packages (top-level modules) and the extra that installs each.
OPTIONAL_PACKAGES = {
    "fastapi": "serve",
    "starlette": "serve",
    "uvicorn": "serve",
    "jinja2": "serve",
    "matplotlib": "charts",
    "ray": "ray",
    "pyarrow": "ray",
}


class MissingExtra(StorylineError, ImportError):
    """A feature needs an optional package that is not installed."""

    code = "SL901"

    def __init__(self, feature: str, package: str, extra: str) -> None:
        super().__init__(
            f"{feature} needs {package}, which is not installed: "
            f"install storyline[{extra}] (pip install 'storyline[{extra}]')"
        )
        self.feature = feature
        self.package = package
        self.extra = extra


def missing_extra(exc: ImportError, feature: str) -> ImportError:
    """The error to raise for a failed import: :class:`MissingExtra` when the module
    missing is an optional package, else ``exc`` itself (a broken install or a bug
    must not read as a missing extra)."""
    top = (exc.name or "").partition(".")[0]
    extra = OPTIONAL_PACKAGES.get(top)
    if extra is None or not isinstance(exc, ModuleNotFoundError):
        return exc
    return MissingExtra(feature, top, extra)
