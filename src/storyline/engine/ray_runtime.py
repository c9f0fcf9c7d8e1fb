"""Ray as an optional dependency: the module, imported when a Ray step runs, or an
ImportError that says how to install it. Kept apart from ``ray_engine`` so the global
steps (``ray_stories``, ``ray_events``) and the executor can all reach it."""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["INSTALL_HINT", "import_ray"]

INSTALL_HINT = "the ray engine needs Ray and pyarrow: pip install 'storyline[ray]'"


def import_ray() -> Any:
    """The ``ray`` module, or an ImportError saying how to install it."""
    try:
        importlib.import_module("pyarrow")
        return importlib.import_module("ray")
    except ImportError as exc:
        raise ImportError(f"{INSTALL_HINT} ({exc})") from exc
