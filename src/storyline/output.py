"""Tabular output in the four formats every listing command offers.

``json`` is the contract for scripts (sorted keys, stable); ``table`` is for
people (Rich); ``md`` and ``csv`` are for pasting and spreadsheets.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from enum import StrEnum
from typing import Any

from rich.console import Console
from rich.table import Table

__all__ = ["Format", "dumps", "render"]


class Format(StrEnum):
    table = "table"
    json = "json"
    md = "md"
    csv = "csv"


def dumps(obj: Any) -> str:
    return json.dumps(obj, sort_keys=True, ensure_ascii=False, indent=2)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(_cell(v) for v in value)
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def render(
    fmt: Format,
    rows: Sequence[dict[str, Any]],
    columns: Sequence[str],
    *,
    payload: Any = None,
    title: str | None = None,
    console: Console | None = None,
) -> str | None:
    """Render rows; returns text for json/md/csv, prints a Rich table for ``table``."""
    if fmt is Format.json:
        return dumps(payload if payload is not None else list(rows))
    if fmt is Format.csv:
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(columns)
        for r in rows:
            writer.writerow([_cell(r.get(c)) for c in columns])
        return buf.getvalue().rstrip("\n")
    if fmt is Format.md:
        lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
        for r in rows:
            cells = [_cell(r.get(c)).replace("|", "\\|").replace("\n", " ") for c in columns]
            lines.append("| " + " | ".join(cells) + " |")
        return "\n".join(lines)
    wide = {"evidence", "summary", "title", "snippet", "source", "aliases"} & set(columns)
    table = Table(title=title, show_lines=False, expand=bool(wide))
    for c in columns:
        # long text takes the room; ids and dates stay on one line
        table.add_column(
            c,
            overflow="fold",
            ratio=4 if c in wide else None if c == "id" else 1,
            no_wrap=c in ("id",),
            min_width=16 if c == "id" else 10 if c in ("date", "event") else None,
        )
    for r in rows:
        table.add_row(*[_cell(r.get(c)) for c in columns])
    (console or Console()).print(table)
    return None
