"""``--help`` that shows what a user types, not Python types.

Typer's Rich help prints a type beside every parameter, flags included
(``--quiet <bool>``, ``paths... <list[str]>``). The app's group class below
gives every command's flags and arguments no type column and leaves options
their metavar (``--db PATH``, ``--workers N``), so the help reads like the
commands people type.
"""

from __future__ import annotations

from typing import Any

import typer._click as click
from typer.core import TyperArgument, TyperGroup, TyperOption

__all__ = ["CleanHelpGroup"]


class _Argument(TyperArgument):
    """An argument: its name says what it is (``PATH...``); no type column."""

    def display_type_rich(self, ctx: click.Context) -> str | None:
        return None


class _Option(TyperOption):
    """An option: flags show no value, others their metavar."""

    def display_type_rich(self, ctx: click.Context) -> str | None:
        if self.is_flag or self.count:
            return None
        shown = super().display_type_rich(ctx)
        if self.metavar is not None or shown is None:
            return shown
        return _plain_metavar(shown)


#: Typer's type labels as the words click uses for a value.
_METAVARS = {"str": "TEXT", "int": "INTEGER", "float": "NUMBER", "path": "PATH"}


def _plain_metavar(shown: str) -> str:
    """``<int>`` → ``INTEGER``, ``<list[str]>`` → ``TEXT``, ``<a|b>`` → ``[a|b]``."""
    label = shown.removesuffix("...").strip("<>")
    label = label.removeprefix("list[").removesuffix("]").removesuffix(" range")
    if "|" in label:
        return f"[{label}]"
    return _METAVARS.get(label, label.upper())


def _tidy(params: list[Any]) -> None:
    for param in params:
        if type(param) is TyperArgument:
            param.__class__ = _Argument
        elif type(param) is TyperOption:
            param.__class__ = _Option


class CleanHelpGroup(TyperGroup):
    """The app's group: every command (and the group itself) with clean help."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _tidy(self.params)
        for command in self.commands.values():
            _tidy(command.params)

    def get_help_option(self, ctx: click.Context) -> Any:
        option = super().get_help_option(ctx)
        _tidy([option])
        return option

    def get_command(self, ctx: click.Context, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        if command is not None:
            help_option = command.get_help_option(ctx)
            if help_option is not None:
                _tidy([help_option])
        return command
