"""Text cut into highlight pieces: nothing lost, marks where the spans are."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from storyline.api.highlight import Span, context_window, evidence_contexts, pieces


def test_pieces_cover_the_text_in_order() -> None:
    text = "Russia and Korea met. They signed a deal."
    out = pieces(text, [Span(22, 41, "evidence"), Span(27, 33, "trigger")])
    assert "".join(p.text for p in out) == text
    marked = [(p.text, p.kinds) for p in out if p.kinds]
    assert marked == [("They ", ("evidence",)), ("signed", ("evidence", "trigger")),
                      (" a deal.", ("evidence",))]  # fmt: skip


def test_pieces_with_offset_and_clipping() -> None:
    out = pieces("abcdef", [Span(0, 12, "evidence", "why")], offset=10)
    assert [(p.text, p.kinds, p.note) for p in out] == [
        ("ab", ("evidence",), "why"), ("cdef", (), "")
    ]  # fmt: skip


@given(
    st.text(max_size=60),
    st.lists(st.tuples(st.integers(-5, 70), st.integers(-5, 70)), max_size=6),
)
def test_pieces_never_lose_or_reorder_text(text: str, raw: list[tuple[int, int]]) -> None:
    spans = [Span(a, b, "evidence") for a, b in raw]
    out = pieces(text, spans)
    assert "".join(p.text for p in out) == text
    for p in out:
        inside = any(s.start <= p.start and p.start + len(p.text) <= s.end for s in spans)
        assert bool(p.kinds) == (inside and p.text != "")


def test_context_window_is_the_paragraph() -> None:
    text = "First para.\nSecond para has the evidence here.\nThird."
    start = text.index("the evidence")
    left, right = context_window(text, start, start + 12)
    assert text[left:right] == "Second para has the evidence here."


def test_context_window_is_bounded() -> None:
    text = "word " * 1000
    left, right = context_window(text, 2500, 2510, reach=100)
    assert 2400 <= left <= 2500 and 2510 <= right <= 2610


def test_evidence_contexts_mark_sentence_and_trigger() -> None:
    text = "Intro.\nPutin will visit Seoul. More.\nEnd."
    s = text.index("Putin")
    ev = {"document": "d", "start": s, "end": s + 24, "text": text[s : s + 24]}
    t = text.index("visit")
    event = {"evidence": [ev], "trigger": {"document": "d", "start": t, "end": t + 5}}
    (ctx,) = evidence_contexts(event, {"d": text})
    assert "".join(p.text for p in ctx["pieces"]) == "Putin will visit Seoul. More."
    assert [p.text for p in ctx["pieces"] if p.has("trigger")] == ["visit"]
    assert ctx["before"] and ctx["after"]
