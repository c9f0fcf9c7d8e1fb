"""Tables for a terminal of any width: cells wrap at spaces, never inside a word.

Rich's own tables fold a cell at any character once the terminal is narrower
than the table wants (``publis/hed``, ``Sout/h/Kore/a``). This renderer lays
the columns out itself: each column gets at least its header and its longest
word (up to ``WORD_CAP`` cells), the rest of the width goes to the columns whose
text is longest, and a word longer than its column is shortened with an
ellipsis. When even those minimums do not fit, every row is shown as a stacked
record (one ``name  value`` line per column), which fits any width.

Cells are plain strings or ``rich.text.Text`` (styles, such as the highlighted
words of a search, survive wrapping); whitespace and line breaks inside a cell
collapse to single spaces.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

__all__ = ["Column", "cell_text", "layout_widths", "print_table", "table_lines", "terminal_width"]

#: The widest a column's minimum grows to fit its longest word; longer words are
#: shortened with an ellipsis rather than letting one word take the table.
WORD_CAP = 16
GAP = 2  # spaces between columns
ELLIPSIS = "…"


@dataclass(frozen=True, slots=True)
class Column:
    """How one column behaves when room is short."""

    name: str
    wrap: bool = True  # False: one line, shortened with an ellipsis when cut
    max_lines: int | None = None  # more lines than this end in an ellipsis
    keep_end: bool = False  # a word cut keeps its end ("…/000_2221fbde.txt" for paths)


def cell_text(value: Any) -> str | Text:
    """A row value as cell text: lists joined, floats to two places, None blank."""
    if value is None:
        return ""
    if isinstance(value, Text):
        return value
    if isinstance(value, list | tuple):
        return ", ".join(str(cell_text(v)) for v in value)
    if isinstance(value, float):
        return f"{value:.2f}"
    return _visible(str(value))


def _visible(text: str) -> str:
    """Control characters (an escape sequence in a file name) shown as ``\\xNN``."""
    return "".join(
        f"\\x{ord(ch):02x}" if unicodedata.category(ch) == "Cc" and not ch.isspace() else ch
        for ch in text
    )


def terminal_width(console: Console) -> int:
    """``COLUMNS`` when set (read at each call, unlike Rich), else the console's width."""
    columns = os.environ.get("COLUMNS", "")
    return int(columns) if columns.isdigit() and int(columns) > 0 else console.width


def _breaks(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch) == "Cc"


def _words(cell: str | Text) -> list[Text]:
    if isinstance(cell, Text):
        text = cell
    else:  # spaces for what Rich's Text would drop silently (\r, \b, \x07...)
        text = Text("".join(" " if _breaks(ch) else ch for ch in cell))
    words: list[Text] = []
    start = None
    plain = text.plain
    for i, ch in enumerate(plain + " "):
        if _breaks(ch):
            if start is not None:
                words.append(text[start:i])
                start = None
        elif start is None:
            start = i
    return words


#: Marks that belong with the word before them: a line never starts with one
#: ("United Kingdom →" / "South Korea", "2018-06-21 –" / "2018-06-23").
CONNECTORS = frozenset({"→", "–", "—", "-", "/", "+"})


def _units(words: list[Text]) -> list[Text]:
    units: list[Text] = []
    for word in words:
        if units and word.plain in CONNECTORS:
            units[-1] = Text(" ").join([units[-1], word])
        else:
            units.append(word)
    return units


def _shorten(word: Text, width: int, keep_end: bool = False) -> Text:
    if cell_len(word.plain) <= width:
        return word
    if keep_end:
        start = 0
        while start < len(word.plain) and cell_len(word.plain[start:]) > width - 1:
            start += 1
        return Text.assemble(ELLIPSIS, word[start:]) if width > 1 else Text(ELLIPSIS[:width])
    if width <= 1:
        return Text(ELLIPSIS[:width])
    end = 0  # as many characters as fit beside the ellipsis (a wide one takes two cells)
    while end < len(word.plain) and cell_len(word.plain[: end + 1]) <= width - 1:
        end += 1
    return Text.assemble(word[:end], ELLIPSIS)


def _join(words: Sequence[Text]) -> Text:
    return Text(" ").join(words)


def wrap(cell: str | Text, width: int, column: Column | None = None) -> list[Text]:
    """``cell`` as lines at most ``width`` cells wide, broken only at spaces."""
    words = _words(cell)
    if not words:
        return [Text()]
    if column is None or column.wrap:
        words = _units(words)
    keep_end = column is not None and column.keep_end
    if column is not None and not column.wrap:
        return [_shorten(_join(words), width, keep_end)]
    lines: list[list[Text]] = [[]]
    used = 0
    for word in words:
        word = _shorten(word, width, keep_end)
        n = cell_len(word.plain)
        if lines[-1] and used + 1 + n > width:
            lines.append([])
            used = 0
        used += n + (1 if lines[-1] else 0)
        lines[-1].append(word)
    limit = column.max_lines if column is not None else None
    if limit is not None and len(lines) > limit:
        last = lines[limit - 1]
        while last and sum(cell_len(w.plain) + 1 for w in last) + 1 > width:
            last.pop()
        lines = [*lines[: limit - 1], [*last, Text(ELLIPSIS)]]
    return [_join(line) for line in lines]


def layout_widths(
    columns: Sequence[Column], cells: Sequence[Sequence[str | Text]], width: int
) -> list[int] | None:
    """Each column's width in a table ``width`` cells wide, or None when the columns'
    minimums (header, longest word up to ``WORD_CAP``) do not fit."""
    room = width - GAP * (len(columns) - 1)
    natural, minimum, typical = [], [], []
    for i, col in enumerate(columns):
        header = cell_len(col.name)
        words = [w for row in cells for w in _units(_words(row[i]))]
        longest = max((cell_len(w.plain) for w in words), default=0)
        lengths = [cell_len(_join(_words(row[i])).plain) for row in cells]
        full = max(lengths, default=0)
        natural.append(max(header, full, 1))
        filled = [n for n in lengths if n] or [0]
        typical.append(min(natural[-1], round(sum(filled) / len(filled))))
        least = full if not col.wrap else longest
        minimum.append(max(header, min(least, WORD_CAP), 1))
    if sum(natural) <= room:
        return natural
    if sum(minimum) > room:
        return None
    # the spare room goes first to what columns lack of their typical (mean) width,
    # then to the running text (the wrapped column with the longest typical cell) up
    # to its widest cell, then to what the others lack of theirs: a headline gets the
    # room before a date range or a citation that is long only once
    widths = list(minimum)
    spare = room - sum(widths)
    wrapped = [i for i, col in enumerate(columns) if col.wrap]
    text = [max(wrapped, key=lambda i: (typical[i], -i))] if wrapped else []
    for target, only in ((typical, None), (natural, text), (natural, None)):
        lack = [max(0, t - w) if only is None or i in only else 0
                for i, (t, w) in enumerate(zip(target, widths, strict=True))]  # fmt: skip
        shares = _share(spare, lack)
        widths = [w + s for w, s in zip(widths, shares, strict=True)]
        spare -= sum(shares)
    return widths


def _share(spare: int, lack: Sequence[int]) -> list[int]:
    """``spare`` cells shared in proportion to ``lack`` (largest remainders round), no
    column given more than it lacks."""
    total = sum(lack)
    if total <= spare:
        return list(lack)
    shares = [spare * x // total for x in lack]
    order = sorted(range(len(lack)), key=lambda i: (-(spare * lack[i] % total), i))
    for i in order[: spare - sum(shares)]:
        shares[i] += 1
    return shares


def _pad(line: Text, width: int) -> Text:
    padded = line.copy()
    padded.pad_right(width - cell_len(line.plain))
    return padded


def table_lines(
    columns: Sequence[Column],
    rows: Sequence[Sequence[str | Text]],
    width: int,
    *,
    title: str | None = None,
) -> list[Text]:
    """The table's lines, each at most ``width`` cells (``width`` at least 20)."""
    width = max(width, 20)
    lines: list[Text] = []
    if title:
        lines += [Text(line.plain, style="bold") for line in wrap(title, width)]
    widths = layout_widths(columns, rows, width)
    if widths is None:
        return lines + _stacked(columns, rows, width)
    gap = Text(" " * GAP)
    header = [_shorten(Text(c.name, style="bold"), w) for c, w in zip(columns, widths, strict=True)]
    lines.append(gap.join(_pad(h, w) for h, w in zip(header, widths, strict=True)))
    lines.append(Text((" " * GAP).join("─" * w for w in widths), style="dim"))
    wrapped = [
        [wrap(cell, w, col) for cell, w, col in zip(row, widths, columns, strict=True)]
        for row in rows
    ]
    tall = any(len(cell) > 1 for row in wrapped for cell in row)
    for n, row in enumerate(wrapped):
        if tall and n:
            lines.append(Text())  # rows that wrap need a blank line to tell them apart
        for k in range(max(len(cell) for cell in row)):
            parts = [
                _pad(cell[k] if k < len(cell) else Text(), w)
                for cell, w in zip(row, widths, strict=True)
            ]
            line = gap.join(parts)
            line.rstrip()
            lines.append(line)
    for line in lines:
        line.rstrip()
    return lines


def _stacked(
    columns: Sequence[Column], rows: Sequence[Sequence[str | Text]], width: int
) -> list[Text]:
    """Each row as ``name  value`` lines, rows apart by a blank line."""
    label = min(max(cell_len(c.name) for c in columns), width // 3)
    room = width - label - GAP
    lines: list[Text] = []
    for n, row in enumerate(rows):
        if n:
            lines.append(Text())
        for col, cell in zip(columns, row, strict=True):
            stacked = Column(col.name, max_lines=col.max_lines, keep_end=col.keep_end)
            values = wrap(cell, room, stacked)
            if not values[0].plain:
                continue
            name = _pad(_shorten(Text(col.name, style="bold"), label), label)
            for k, value in enumerate(values):
                lead = name if k == 0 else Text(" " * label)
                line = Text.assemble(lead, " " * GAP, value)
                line.rstrip()
                lines.append(line)
    return lines


def print_table(
    console: Console,
    columns: Sequence[Column],
    rows: Sequence[Mapping[str, Any]],
    *,
    title: str | None = None,
    width: int | None = None,
) -> None:
    """Print ``rows`` (dicts keyed by column name) as a table that fits the terminal."""
    cells = [[cell_text(r.get(c.name)) for c in columns] for r in rows]
    for line in table_lines(columns, cells, width or terminal_width(console), title=title):
        console.print(line, no_wrap=True, overflow="ignore", crop=False, highlight=False)
