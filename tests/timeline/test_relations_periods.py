"""Relations per day, week, month, quarter or year, and the smoothed net score."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.store.query import QueryError
from storyline.store.sqlite import SQLiteStore
from storyline.timeline.periods import PERIODS, moving_average, next_start, period_of
from storyline.timeline.relations import MAX_SERIES, relations

from .helpers import dyad_store, event


@pytest.mark.parametrize(
    ("day", "period", "expected"),
    [
        ("2021-03-25", "day", ("2021-03-25", "2021-03-25")),
        ("2021-01-03", "week", ("2020-W53", "2020-12-28")),  # a Sunday: ISO 2020's last week
        ("2021-01-04", "week", ("2021-W01", "2021-01-04")),
        ("2024-12-31", "week", ("2025-W01", "2024-12-30")),
        ("2021-05-17", "month", ("2021-05", "2021-05-01")),
        ("2021-05-17", "quarter", ("2021-Q2", "2021-04-01")),
        ("2021-05-17", "year", ("2021", "2021-01-01")),
    ],
)
def test_period_of(day: str, period: str, expected: tuple[str, str]) -> None:
    assert period_of(day, period) == expected  # type: ignore[arg-type]


def test_next_start_crosses_months_and_years() -> None:
    assert next_start("2020-02-28", "day") == "2020-02-29"
    assert next_start("2020-12-28", "week") == "2021-01-04"
    assert next_start("2021-12-01", "month") == "2022-01-01"
    assert next_start("2021-10-01", "quarter") == "2022-01-01"
    assert next_start("2021-01-01", "year") == "2022-01-01"


def test_moving_average_by_hand() -> None:
    scores = [3.0, 0.0, -3.5, 10.0]
    assert moving_average(scores, 2) == [None, 1.5, -1.75, 3.25]
    assert moving_average(scores, 3, "centred") == [None, -0.167, 2.167, None]
    # an even centred window: two periods before, one after (pandas' rolling(center=True))
    assert moving_average(scores, 4, "centred") == [None, None, 2.375, None]
    assert moving_average(scores, 5) == [None] * 4  # no mean of fewer values than asked


def _store(tmp_path: Path) -> SQLiteStore:
    return SQLiteStore(dyad_store(tmp_path / "dyad.db"), read_only=True)


def test_smoothing_adds_a_labelled_line_and_leaves_the_counts(tmp_path: Path) -> None:
    with _store(tmp_path) as store:
        plain = relations(store, "RUS", "KOR", period="month")
        trailing = relations(store, "RUS", "KOR", period="month", smooth=2)
        centred = relations(store, "RUS", "KOR", period="month", smooth=3,
                            smooth_window="centred")  # fmt: skip
    assert [r["score"] for r in plain["series"]] == [3.0, 0.0, -3.5, 10.0]
    assert "smoothing" not in plain and all("smoothed" not in r for r in plain["series"])
    assert [r["smoothed"] for r in trailing["series"]] == [None, 1.5, -1.75, 3.25]
    assert [r["smoothed"] for r in centred["series"]] == [None, -0.167, 2.167, None]
    assert trailing["smoothing"] == {
        "periods": 2, "window": "trailing", "label": "smoothed: trailing mean of 2 months"
    }  # fmt: skip
    assert centred["smoothing"]["label"] == "smoothed: centred mean of 3 months"
    # everything else is the unsmoothed answer, key for key
    strip = [{k: v for k, v in r.items() if k != "smoothed"} for r in trailing["series"]]
    assert strip == plain["series"]
    assert {k: v for k, v in trailing.items() if k not in ("series", "smoothing")} == {
        k: v for k, v in plain.items() if k != "series"
    }


def test_days_and_weeks(tmp_path: Path) -> None:
    with _store(tmp_path) as store:
        weeks = relations(store, "RUS", "KOR", period="week")
        days = relations(store, "RUS", "KOR", period="day")
    assert weeks["series"][0]["period"] == "2021-W01"
    assert weeks["series"][0]["start"] == "2021-01-04"
    assert weeks["series"][0]["end"] == "2021-01-10"
    assert weeks["series"][-1]["period"] == "2021-W17"  # Friday 30 April
    assert len(weeks["series"]) == 17 and sum(r["events"] for r in weeks["series"]) == 5
    assert days["series"][0]["period"] == "2021-01-05"
    assert days["series"][-1]["period"] == "2021-04-30"
    assert len(days["series"]) == 116  # 5 January to 30 April, empty days included
    assert [r["period"] for r in days["series"] if r["events"]] == [
        "2021-01-05", "2021-03-10", "2021-03-20", "2021-04-02", "2021-04-30"
    ]  # fmt: skip


def test_a_series_too_long_asks_for_a_longer_period(tmp_path: Path) -> None:
    path = tmp_path / "long.db"
    with SQLiteStore(path) as store:
        store.replace_events([event("a", date="1990-01-01"), event("b", date="2021-01-01")])
    with SQLiteStore(path, read_only=True) as store:
        with pytest.raises(QueryError, match=f"more than {MAX_SERIES} periods.*week, month"):
            relations(store, "RUS", "KOR", period="day")
        assert len(relations(store, "RUS", "KOR", period="week")["series"]) == 1618


@pytest.mark.parametrize(
    ("kwargs", "says"),
    [
        ({"smooth": 1}, "smooth must be 0 (off) or 2 to 52"),
        ({"smooth": 53}, "smooth must be 0 (off) or 2 to 52"),
        ({"smooth": 2, "smooth_window": "middle"}, "unknown smoothing window 'middle'"),
        ({"period": "decade"}, "unknown period 'decade'; one of: " + ", ".join(PERIODS)),
    ],
)
def test_bad_choices_are_query_errors(tmp_path: Path, kwargs: dict[str, object], says: str) -> None:
    with _store(tmp_path) as store, pytest.raises(QueryError) as caught:
        relations(store, "RUS", "KOR", **kwargs)  # type: ignore[arg-type]
    assert says in str(caught.value)


def test_the_chart_image_draws_and_names_the_smoothed_line(tmp_path: Path) -> None:
    from storyline.timeline.relations import relations_chart_svg

    with _store(tmp_path) as store:
        plain = relations_chart_svg(relations(store, "RUS", "KOR", period="week"))
        smoothed = relations_chart_svg(relations(store, "RUS", "KOR", period="week", smooth=4))
    assert b"smoothed: trailing mean of 4 weeks" in smoothed
    assert b"smoothed" not in plain and plain.count(b"<path") < smoothed.count(b"<path")
