"""Tables that fit the terminal: never a word split across lines, never wider than asked."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.text import Text

from storyline.cli_table import ELLIPSIS, Column, layout_widths, table_lines, wrap


def _tokens(text: str) -> list[str]:
    return "".join(" " if ch.isspace() or ord(ch) < 32 or 127 <= ord(ch) < 160 else ch
                   for ch in text).split()  # fmt: skip


def _check(columns: list[Column], rows: list[list[str]], width: int) -> list[str]:
    lines = [line.plain for line in table_lines(columns, rows, width)]
    known = {t for row in rows for cell in row for t in _tokens(cell)}
    known |= {t for c in columns for t in _tokens(c.name)}
    for line in lines:
        assert cell_len(line) <= width, (line, width)
        for token in line.split():
            if token in known or set(token) == {"─"} or token == ELLIPSIS:
                continue
            # a word shortened to fit: its start (or, for paths, its end) and an ellipsis
            if token.endswith(ELLIPSIS):
                assert any(k.startswith(token[:-1]) for k in known), (token, line)
            else:
                assert token.startswith(ELLIPSIS), (token, line)
                assert any(k.endswith(token[1:]) for k in known), (token, line)
    return lines


cell = st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=80) | st.lists(
    st.text(alphabet="abcdefghij-/→", min_size=1, max_size=25), max_size=12
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(
    width=st.integers(min_value=40, max_value=200),
    names=st.lists(
        st.text(alphabet="abcdefghijklmnop_", min_size=1, max_size=14), max_size=7
    ).filter(bool),
    data=st.data(),
)
def test_a_table_never_splits_a_word_nor_exceeds_the_width(
    width: int, names: list[str], data: st.DataObject
) -> None:
    flags = data.draw(st.lists(st.tuples(st.booleans(), st.booleans()), min_size=len(names),
                               max_size=len(names)))  # fmt: skip
    columns = [Column(n, wrap=w, keep_end=k) for n, (w, k) in zip(names, flags, strict=True)]
    rows = data.draw(st.lists(st.lists(cell, min_size=len(names), max_size=len(names)),
                              max_size=6))  # fmt: skip
    _check(columns, rows, width)


def test_the_issue_s_words_stay_whole_at_every_width() -> None:
    columns = [Column("id", wrap=False), Column("published"), Column("name"), Column("aliases")]
    rows = [["102b35bdc0d242cc", "2020-09-29", "South Korea",
             "Korea, Korean, Seoul, South Korea, The Republic of Korea"]] * 3  # fmt: skip
    for width in (40, 60, 80, 100, 120):
        text = "\n".join(_check(columns, rows, width))
        assert "published" in text and "publis" not in text.replace("published", "")
        assert "Sout\n" not in text and "Kore\n" not in text


def test_narrow_terminals_get_one_record_per_block() -> None:
    columns = [Column(n) for n in ("date", "event", "who", "evidence", "id")]
    row = [
        "2018-06-21 – 2018-06-23",
        "CONSULT/visit",
        "Moon Jae-in → Vladimir Putin",
        "South Korea's President Moon Jae-in paid an official visit to Russia",
        "af066a9036e2",
    ]
    assert layout_widths(columns, [row], 50) is None
    lines = [line.plain for line in table_lines(columns, [row, row], 50)]
    assert lines[0] == "date      2018-06-21 – 2018-06-23"
    assert lines[2] == "who       Moon Jae-in → Vladimir Putin"
    assert "" in lines  # records apart
    wide = [line.plain for line in table_lines(columns, [row], 200)]
    assert wide[0].split() == ["date", "event", "who", "evidence", "id"]
    assert len(wide) == 3  # header, rule, one line


def test_connectors_stay_with_the_word_before_them() -> None:
    lines = [t.plain for t in wrap("United Kingdom → South Korea", 16)]
    assert lines == ["United Kingdom →", "South Korea"]


def test_a_long_word_is_shortened_and_a_path_keeps_its_end() -> None:
    assert [t.plain for t in wrap("examples/000_2221fbde58aa21e0.txt", 12)] == ["examples/00…"]
    kept = wrap("examples/000_2221fbde58aa21e0.txt", 12, Column("source", keep_end=True))
    assert [t.plain for t in kept] == ["…8aa21e0.txt"]


def test_max_lines_end_in_an_ellipsis() -> None:
    lines = [t.plain for t in wrap("one two three four five six", 9, Column("a", max_lines=2))]
    assert lines == ["one two", "three …"]


def test_styles_survive_wrapping() -> None:
    text = Text("Putin to ")
    text.append("visit", style="bold")
    text.append(" South Korea after the pandemic")
    lines = wrap(text, 14)
    assert [t.plain for t in lines] == ["Putin to visit", "South Korea", "after the", "pandemic"]
    (span,) = lines[0].spans
    assert lines[0].plain[span.start : span.end] == "visit" and span.style == "bold"


def test_the_running_text_gets_the_spare_room_before_a_long_citation() -> None:
    columns = [Column("date", wrap=False), Column("headline"), Column("cited")]
    rows = [
        ["1883", "United Kingdom concluded a treaty with South Korea", "TASS 2024 [1e8:26] +1"],
        ["1884", "South Korea concluded a treaty with Russia", "TASS 2024 [1e8:20]"],
        ["1990", "South Korea established relations with Russia", "TASS 2020 [10b:15]"],
    ]
    natural = len(rows[0][1])
    # 78 columns: every cell's typical width fits and 5 cells are left, which would
    # make both whole only with 6: the headline takes them and reads on one line
    widths = layout_widths(columns, rows, 78)
    assert widths is not None and sum(widths) + 4 <= 78
    assert widths[1] == natural
    assert widths[2] < len(rows[0][2])  # the citation wraps instead
