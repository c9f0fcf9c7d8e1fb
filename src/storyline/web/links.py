"""Links of the reader's pages: the current query with one parameter added,
removed or replaced (facets, sort headers, view switches), always relative and
always back to the first page."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlencode

from starlette.datastructures import QueryParams

__all__ = ["Links"]

#: Parameters that hold one value (a new value replaces the old one).
SINGLE = frozenset({"actor", "between", "from", "to", "min_confidence", "sort", "view", "zoom",
                    "top", "limit"})  # fmt: skip


class Links:
    """URL builder over one request's query string."""

    def __init__(self, path: str, params: QueryParams | Iterable[tuple[str, str]]):
        self.path = path
        self.items = [(k, v) for k, v in (params.multi_items() if isinstance(params, QueryParams)
                                          else params) if k != "offset"]  # fmt: skip

    def _url(self, items: list[tuple[str, str]]) -> str:
        q = urlencode([(k, v) for k, v in items if v != ""])
        return f"{self.path}?{q}" if q else self.path

    def values(self, key: str) -> list[str]:
        return [v for k, v in self.items if k == key]

    def active(self, key: str, value: str) -> bool:
        if key in ("type", "modality", "story", "outlet"):
            parts = [p.strip() for v in self.values(key) for p in
                     (v.split(",") if key != "outlet" else [v])]  # fmt: skip
            return value in parts
        return value in self.values(key)

    def toggle(self, key: str, value: str) -> str:
        """Add ``key=value`` (replacing it for single-valued keys) or, if it is on, remove it."""
        if self.active(key, value):
            return self.without(key, value)
        kept = [(k, v) for k, v in self.items if not (k == key and key in SINGLE)]
        return self._url([*kept, (key, value)])

    def without(self, key: str, value: str | None = None) -> str:
        out = []
        for k, v in self.items:
            if k != key:
                out.append((k, v))
            elif value is not None and key != "outlet" and "," in v:
                rest = ",".join(p for p in v.split(",") if p.strip() != value)
                out.append((k, rest))
            elif value is not None and v != value:
                out.append((k, v))
        return self._url(out)

    def clear(self, *keys: str) -> str:
        """Without any value of ``keys``."""
        return self._url([(k, v) for k, v in self.items if k not in keys])

    def replace(self, key: str, value: str) -> str:
        kept = [(k, v) for k, v in self.items if k != key]
        return self._url([*kept, (key, value)])

    def other(self, path: str) -> str:
        """The same query on another path (the JSON, CSV and density twins)."""
        return Links(path, self.items)._url(self.items)
