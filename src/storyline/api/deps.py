"""Per-request access to the store: one read-only connection per request.

SQLite connections are cheap to open, and a connection per request keeps
requests served by different threads from sharing cursor state. The file is
opened with ``mode=ro``, so no route could write even by mistake.

Links to other pages (``next``, ``prev``) are built from the app's configured
``base_url`` (empty by default: a relative link), never from the request's Host.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from fastapi import HTTPException, Request

from storyline.store.api import Store
from storyline.store.sqlite import SQLiteStore, StoreError

__all__ = ["get_store", "page_link", "relations_module"]


def get_store(request: Request) -> Iterator[Store]:
    db: Path = request.app.state.db
    try:
        store = SQLiteStore(db, read_only=True)
    except StoreError as exc:
        raise HTTPException(503, str(exc)) from exc
    try:
        yield store
    finally:
        store.close()


def page_link(request: Request, **params: int) -> str:
    """This request's path and query with ``params`` replaced, after the configured
    ``base_url`` (``""`` by default, so the link is relative and no Host is echoed)."""
    url = request.url.include_query_params(**params)
    base: str = getattr(request.app.state, "base_url", "")
    path = "/" + url.path.lstrip("/")  # never "//host/...", a link to another site
    return f"{base}{path}?{url.query}"


def relations_module() -> Any:
    """``storyline.timeline.relations``, imported when first needed (503 if absent)."""
    try:
        from storyline.timeline import relations
    except ImportError as exc:
        raise HTTPException(
            503, f"dyad relations are not available in this build of storyline ({exc})"
        ) from exc
    return relations
