"""Properties: cleaning invents no text; readers never raise on arbitrary bytes."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.ingest import clean_text, iter_inputs
from storyline.records import Quarantined, RawDocument

_LINES = st.sampled_from(
    [
        "All news",
        "LATEST EVENTS",
        "Moscow: 08:46",
        "info@example.org",
        "12 April 2021",
        "01.04.2021 - Another headline",
        "The minister said the talks had been useful for both sides.",
        "Talks resumed in Geneva on Monday after a pause of two months.",
        ", the minister said.",
        " date 2020-09-29 ",
        "",
        "\u00a0",
    ]
)
_TEXT = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(_LINES, st.text(max_size=60)), max_size=25).map("\n".join),
)


@given(raw=_TEXT, fmt=st.sampled_from(["txt", "html", "jsonl"]))
@settings(max_examples=200, deadline=None)
def test_cleaning_never_invents_text(raw: str, fmt: str) -> None:
    cleaned = clean_text(raw, fmt)
    rebuilt = []
    pos = 0
    for seg in cleaned.segments:
        assert 0 <= seg.raw_start <= seg.raw_end <= len(raw)
        join = cleaned.text[pos : seg.clean_start]
        assert join in ("", "\n", "\n\n")
        piece = raw[seg.raw_start : seg.raw_end]
        assert cleaned.text[seg.clean_start : seg.clean_start + len(piece)] == piece
        rebuilt.append(join + piece)
        pos = seg.clean_start + len(piece)
    assert "".join(rebuilt) == cleaned.text
    for removal in cleaned.removals:
        assert raw[removal.start : removal.end] == removal.text


@given(
    data=st.binary(max_size=600),
    suffix=st.sampled_from([".txt", ".html", ".jsonl", ".json", ".warc", ".txt.gz", ".bin"]),
)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_readers_never_raise_on_random_bytes(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"random{suffix}"
        path.write_bytes(data)
        for out in iter_inputs([path]):
            assert isinstance(out, RawDocument | Quarantined)
            if isinstance(out, Quarantined):
                assert out.reason
