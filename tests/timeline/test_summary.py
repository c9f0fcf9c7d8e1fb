"""Date summaries: the most important dates, cited sentences, no near-duplicates."""

from __future__ import annotations

import re

from storyline.timeline.summary import summarize, summary_markdown

from .helpers import event

VISIT = "President Moon Jae-in began a state visit to Russia, holding talks with Putin."
COPY = "President Moon Jae-in began a state visit to Russia, holding talks with Vladimir Putin."
DEAL = "The two sides signed an agreement on fisheries quotas in Moscow."


def test_dates_are_ranked_by_summed_salience_and_shown_in_order() -> None:
    evs = [event("a", date="2018-06-21"), event("b", date="2018-06-21", type_="AGREE"),
           event("c", date="2019-01-01"), event("d", date="2020-05-05")]  # fmt: skip
    sal = {"a": 1.0, "b": 1.0, "c": 1.5, "d": 0.2}
    result = summarize(evs, sal, 2)
    assert [s.date for s in result] == ["2018-06-21", "2019-01-01"]
    assert result[0].score == 2.0


def test_near_duplicate_sentences_appear_once_and_carry_citations() -> None:
    evs = [
        event("a", text=VISIT, trigger="visit", docs=("d0",)),
        event("b", text=COPY, trigger="visit", docs=("d1",)),
        event("c", type_="AGREE", text=DEAL, trigger="signed", docs=("d2",)),
    ]
    result = summarize(evs, {"a": 2.0, "b": 1.9, "c": 1.0}, 1)
    texts = [s.evidence.text for s in result[0].sentences]
    assert texts == [VISIT, DEAL]
    md = summary_markdown(result)
    assert md.startswith("# ") and "## 2021-03-25" in md
    assert re.findall(r"\[(\w+):(\d+)-(\d+)\]", md) == [("d0", "0", str(len(VISIT))),
                                                         ("d2", "0", str(len(DEAL)))]  # fmt: skip


def test_sentences_with_the_trigger_are_preferred() -> None:
    with_trigger = event("a", text="Russia and Korea held talks in Seoul.", trigger="talks")
    without = event("b", text="The weather in Seoul was mild that day.", trigger="talks",
                    docs=("d1",))  # fmt: skip
    result = summarize([with_trigger, without], {"a": 1.0, "b": 1.0}, 1, per_date=1)
    assert result[0].sentences[0].event == "a"


def test_planned_and_reported_dates_are_marked() -> None:
    evs = [event("a", modality="future", date_source="reported")]
    result = summarize(evs, {"a": 1.0}, 1)
    assert result[0].marks == ("planned", "reported")
    assert "(planned, reported)" in summary_markdown(result)
