import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from storyline.dates import bounds
from storyline.store.query import EventQuery, QueryError


def test_bounds_of_every_granularity() -> None:
    assert bounds("2021-03-25") == ("2021-03-25", "2021-03-25")
    assert bounds("2020-02") == ("2020-02-01", "2020-02-29")
    assert bounds("2021") == ("2021-01-01", "2021-12-31")
    assert bounds("2021-FA") == ("2021-09-01", "2021-11-30")
    assert bounds("2020-WI") == ("2020-12-01", "2021-02-28")
    assert bounds("2021-Q4") == ("2021-10-01", "2021-12-31")
    assert bounds("199") == ("1990-01-01", "1999-12-31")
    assert bounds("18") == ("1800-01-01", "1899-12-31")
    assert bounds("2018-06-21/2018-06-23") == ("2018-06-21", "2018-06-23")
    assert bounds("2021", "2022") == ("2021-01-01", "2022-12-31")
    assert bounds("XXXX-06") is None
    assert bounds("PRESENT_REF") is None


@given(st.dates(min_value=dt.date(1000, 1, 1)), st.sampled_from(["day", "month", "year"]))
def test_bounds_contain_the_day(day: dt.date, grain: str) -> None:
    value = {"day": day.isoformat(), "month": day.isoformat()[:7], "year": day.isoformat()[:4]}
    b = bounds(value[grain])
    assert b is not None and b[0] <= day.isoformat() <= b[1]


def test_query_validates_user_input() -> None:
    q = EventQuery.build(date_from="2021", date_to="2021-03", types=("consult",))
    assert (q.date_from, q.date_to, q.types) == ("2021-01-01", "2021-03-31", ("CONSULT",))
    for bad in ({"types": ("VISIT",)}, {"date_from": "March"}, {"modalities": ("maybe",)}):
        try:
            EventQuery.build(**bad)  # type: ignore[arg-type]
        except QueryError as exc:
            assert str(exc)
        else:
            raise AssertionError(f"{bad} accepted")
