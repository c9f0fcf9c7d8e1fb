from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.records import Timex
from storyline.timex import tag
from storyline.timex.timeml import TimeMLError, read_timeml, write_timeml

SAMPLE = (
    '<?xml version="1.0" ?><TimeML><DOCID>x</DOCID>'
    '<DCT><TIMEX3 tid="t0" type="DATE" value="2013-03-22" functionInDocument="CREATION_TIME">'
    'March 22, 2013</TIMEX3></DCT><TEXT>Talks <EVENT eid="e1">ended</EVENT> '
    '<TIMEX3 tid="t1" type="DATE" value="2013-03-21">yesterday</TIMEX3> after '
    '<TIMEX3 tid="t2" type="DURATION" value="P3D" mod="MORE_THAN">more than three days'
    "</TIMEX3> &amp; more.</TEXT></TimeML>"
)


def test_read_timeml_offsets_and_dct() -> None:
    doc = read_timeml(SAMPLE)
    assert doc.anchor == "2013-03-22"
    assert doc.text == "Talks ended yesterday after more than three days & more."
    t1, t2 = doc.timexes
    assert doc.text[t1.start : t1.end] == "yesterday" == t1.text
    assert (t2.type, t2.value, t2.mod) == ("DURATION", "P3D", "MORE_THAN")


def test_read_timeml_from_path(tmp_path: Path) -> None:
    p = tmp_path / "a.tml"
    p.write_text(SAMPLE, encoding="utf-8")
    assert read_timeml(p).timexes == read_timeml(str(p)).timexes


def test_read_timeml_errors_name_the_file(tmp_path: Path) -> None:
    with pytest.raises(TimeMLError, match=r"missing\.tml"):
        read_timeml(tmp_path / "missing.tml")
    with pytest.raises(TimeMLError, match="unclosed"):
        read_timeml("<TEXT><TIMEX3 tid='t1'>x</TEXT>")


def test_round_trip_of_tagged_text() -> None:
    text = 'On June 24, 2020 <b> & "friends" met for two weeks; last year they didn\'t.'
    timexes = tag(text, "2021-03-25")
    doc = read_timeml(write_timeml(text, "2021-03-25", timexes))
    assert doc.text == text
    assert doc.anchor == "2021-03-25"
    assert list(doc.timexes) == timexes


@settings(max_examples=60, deadline=None)
@given(st.text(), st.integers(min_value=0, max_value=30))
def test_round_trip_property(text: str, k: int) -> None:
    spans = [Timex(i, i + 1, text[i], "DATE", "2020") for i in range(0, len(text), k + 2)]
    doc = read_timeml(write_timeml(text, "2020-01-01", spans))
    assert doc.text == text
    assert list(doc.timexes) == spans
