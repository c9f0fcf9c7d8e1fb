"""Per-request access to the store: one read-only connection per request.

SQLite connections are cheap to open, and a connection per request keeps
requests served by different threads from sharing cursor state. The file is
opened with ``mode=ro``, so no route could write even by mistake.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from fastapi import HTTPException, Request

from storyline.store.sqlite import SQLiteStore, StoreError

__all__ = ["get_store", "relations_module"]


def get_store(request: Request) -> Iterator[SQLiteStore]:
    db: Path = request.app.state.db
    try:
        store = SQLiteStore(db, read_only=True)
    except StoreError as exc:
        raise HTTPException(503, str(exc)) from exc
    try:
        yield store
    finally:
        store.close()


def relations_module() -> Any:
    """``storyline.timeline.relations``, imported when first needed (503 if absent)."""
    try:
        from storyline.timeline import relations
    except ImportError as exc:
        raise HTTPException(
            503, f"dyad relations are not available in this build of storyline ({exc})"
        ) from exc
    return relations
