"""Timeline zoom: year and month headings that never overstate a date's precision."""

from __future__ import annotations

from typing import Any

from storyline.web.grouping import group_events, is_planned, month_label


def ev(date: str, modality: str = "asserted", **extra: Any) -> dict[str, Any]:
    return {"date": date, "modality": modality, **extra}


def test_month_zoom_files_coarse_dates_under_the_year() -> None:
    events = [ev("2020"), ev("2020-06"), ev("2020-06-24"), ev("2020-W38"), ev("2020-W40"),
              ev("2021-03-25")]  # fmt: skip
    groups = group_events(events, "month")
    assert [g["year"] for g in groups] == ["2020", "2021"]
    assert [(m["key"], len(m["events"])) for m in groups[0]["months"]] == [
        ("2020 (no month)", 2), ("2020-06", 2), ("2020-09", 1)
    ]  # fmt: skip
    assert groups[0]["months"][1]["label"] == "June 2020" and groups[0]["count"] == 5


def test_week_across_months_and_undated() -> None:
    groups = group_events([ev("2020-W44"), ev("PRESENT_REF")], "month")
    assert groups[0]["months"][0]["key"] == "2020 (no month)"  # Oct 26 - Nov 1
    assert groups[1]["year"] == "undated"


def test_year_zoom_has_one_unlabeled_group_per_year() -> None:
    groups = group_events([ev("2019-01-02"), ev("2019-12"), ev("2020")], "year")
    assert [(g["year"], len(g["months"]), g["months"][0]["label"]) for g in groups] == [
        ("2019", 1, ""), ("2020", 1, "")
    ]  # fmt: skip


def test_ranges_spanning_years_and_decades() -> None:
    assert group_events([ev("199")], "year")[0]["year"] == "1990–1999"
    span = ev("2019-11", date_end="2020-02")
    assert group_events([span], "month")[0]["year"] == "2019–2020"


def test_planned_and_month_label() -> None:
    assert is_planned(ev("2020", "future")) and is_planned(ev("2020", "hypothetical"))
    assert not is_planned(ev("2020", "negated")) and not is_planned(ev("2020"))
    assert (
        month_label("2021-03") == "March 2021"
        and month_label("2021 (no month)") == "2021 (no month)"
    )
