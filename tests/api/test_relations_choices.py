"""``/api/relations``' period and smoothing choices, over a store small enough to
check by hand (``tests.timeline.helpers.dyad_store``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.timeline.helpers import dyad_store

from .client import ASGIClient


@pytest.fixture
def hand(tmp_path: Path) -> ASGIClient:
    from storyline.server import create_app

    return ASGIClient(create_app(dyad_store(tmp_path / "dyad.db")))


def test_smoothing_is_a_labelled_line_beside_the_raw_series(hand: ASGIClient) -> None:
    plain = hand.get("/api/relations", params={"a": "RUS", "b": "KOR", "period": "month"})
    off = hand.get("/api/relations", params={"a": "RUS", "b": "KOR", "period": "month",
                                             "smooth": 0})  # fmt: skip
    assert plain.status_code == 200 and off.content == plain.content  # 0: off, same bytes
    r = hand.get("/api/relations", params={"a": "RUS", "b": "KOR", "period": "month",
                                           "smooth": 2})  # fmt: skip
    body = r.json()
    assert [p["score"] for p in body["series"]] == [3.0, 0.0, -3.5, 10.0]
    assert [p["smoothed"] for p in body["series"]] == [None, 1.5, -1.75, 3.25]
    assert body["smoothing"] == {"periods": 2, "window": "trailing",
                                 "label": "smoothed: trailing mean of 2 months"}  # fmt: skip
    for raw, smoothed in zip(plain.json()["series"], body["series"], strict=True):
        assert {k: v for k, v in smoothed.items() if k != "smoothed"} == raw
    centred = hand.get(
        "/api/relations",
        params={"a": "RUS", "b": "KOR", "period": "month", "smooth": 3, "smooth_window": "centred"},
    )
    assert [p["smoothed"] for p in centred.json()["series"]] == [None, -0.167, 2.167, None]


def test_weeks_and_days(hand: ASGIClient) -> None:
    weeks = hand.get("/api/relations", params={"a": "RUS", "b": "KOR", "period": "week"}).json()
    assert weeks["period"] == "week" and weeks["series"][0]["period"] == "2021-W01"
    days = hand.get("/api/relations", params={"a": "RUS", "b": "KOR", "period": "day"}).json()
    assert len(days["series"]) == 116 and days["series"][-1]["end"] == "2021-04-30"


@pytest.mark.parametrize(
    ("params", "says"),
    [
        ({"period": "decade"}, "period: Input should be 'day', 'week', 'month', 'quarter' or"),
        ({"smooth_window": "middle"}, "smooth_window: Input should be 'trailing' or 'centred'"),
        ({"smooth": 99}, "smooth: Input should be less than or equal to 52"),
        ({"smooth": -1}, "smooth: Input should be greater than or equal to 0"),
        ({"smooth": "x"}, "smooth: Input should be a valid integer"),
        ({"smooth": 1}, "smooth must be 0 (off) or 2 to 52 periods, got 1"),
    ],
)
def test_bad_choices_are_400_with_the_error_body(
    hand: ASGIClient, params: dict[str, object], says: str
) -> None:
    r = hand.get("/api/relations", params={"a": "RUS", "b": "KOR", **params})
    assert r.status_code == 400 and r.headers["content-type"] == "application/json"
    body = r.json()
    assert set(body) == {"error", "status"} and body["status"] == 400
    assert says in body["error"]
