"""What every command module shares: consoles, common options, errors, opening the store.

Kept apart from ``cli.py`` so command modules (``cli_timeline.py``,
``cli_serve.py``) can import it without importing the app that registers them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

from storyline.cli_table import Column, print_table
from storyline.output import Format, render
from storyline.store.api import Store
from storyline.store.sqlite import SQLiteStore, StoreError

__all__ = [
    "DEFAULT_DB",
    "DbOpt",
    "FormatOpt",
    "QuietOpt",
    "emit",
    "err",
    "fail",
    "open_store",
    "out",
    "show_rows",
]

out = Console(soft_wrap=True)
err = Console(stderr=True)

DbOpt = Annotated[
    Path,
    typer.Option("--db", metavar="PATH", help="The SQLite store.", envvar="STORYLINE_DB"),
]
FormatOpt = Annotated[
    Format,
    typer.Option("--format", "-f", metavar="FORMAT", help="Output: table, json, md or csv."),
]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress display or notes.")]
DEFAULT_DB = Path("storyline.db")


def printable(text: str) -> str:
    """Text safe for a terminal: control characters (escape sequences in a file name)
    shown as ``\\xNN``, rich markup escaped."""
    shown = "".join(
        ch if ch in "\n\t" or unicodedata.category(ch) != "Cc" else f"\\x{ord(ch):02x}"
        for ch in text
    )
    return escape(shown)


def fail(message: str, code: int = 2) -> typer.Exit:
    err.print(f"[bold red]error:[/] {printable(message)}")
    return typer.Exit(code)


def open_store(db: Path) -> Store:
    """The store at ``db``, read-only; a missing or foreign file fails with the reason."""
    try:
        return SQLiteStore(db, read_only=True)
    except StoreError as exc:
        raise fail(str(exc)) from exc


def emit(text: str | None) -> None:
    if text is not None:
        typer.echo(text)


#: Columns kept on one line in tables (ids, codes and numbers), shortened if cut.
ONE_LINE = frozenset(
    {"id", "document", "story", "period", "score", "events", "mean", "salience", "mentions",
     "a", "b", "relation"}
)  # fmt: skip


def show_rows(
    fmt: Format,
    rows: Sequence[Mapping[str, Any]],
    columns: Sequence[str],
    *,
    payload: Any = None,
    title: str | None = None,
) -> None:
    """Rows as a table that fits the terminal (``cli_table``), or as json, md or csv."""
    if fmt is Format.table:
        spec = [
            Column(
                c,
                wrap=c not in ONE_LINE,
                max_lines=3 if c == "aliases" else None,
                keep_end=c == "source",  # a file path: its name tells it apart
            )
            for c in columns
        ]
        print_table(out, spec, rows, title=title)
        return
    emit(render(fmt, [dict(r) for r in rows], columns, payload=payload, title=title))
