from __future__ import annotations

from storyline.pipeline import Pipeline, StageStats
from storyline.records import Document
from storyline.timex import TimexStage


def test_stage_fills_timexes_and_counts() -> None:
    doc = Document(
        id="d1",
        source="x",
        raw_text="",
        text="He left yesterday, in June 2018.",
        published="2021-03-25",
    )
    stats = StageStats()
    (out,) = list(TimexStage().run([doc], stats))
    assert [t.value for t in out.timexes] == ["2021-03-24", "2018-06"]
    assert stats.counts["timexes"] == 2


def test_stage_contract() -> None:
    stage = TimexStage()
    assert stage.name == "timex"
    assert stage.requires == frozenset({"text", "published"})
    assert stage.provides == frozenset({"timexes"})
    pipe = Pipeline([stage], available=frozenset({"text", "published"}))
    assert "timexes" in pipe.provides
