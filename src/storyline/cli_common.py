"""What every command module shares: consoles, common options, errors, opening the store.

Kept apart from ``cli.py`` so command modules (``timeline/commands.py``,
``api/commands.py``) can import it without importing the app that registers them.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

from storyline.output import Format

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
]

out = Console(soft_wrap=True)
err = Console(stderr=True)

DbOpt = Annotated[Path, typer.Option("--db", help="SQLite store path.", envvar="STORYLINE_DB")]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars or notes.")]
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


def open_store(db: Path) -> Any:
    from storyline.store.sqlite import SQLiteStore, StoreError

    try:
        return SQLiteStore(db, read_only=True)
    except StoreError as exc:
        raise fail(str(exc)) from exc


def emit(text: str | None) -> None:
    if text is not None:
        typer.echo(text)
