"""Closed vocabularies appear as enums in ``/openapi.json`` (query parameters and
response fields), and a value outside one is still answered 400, never 422."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.store.query import EVENT_SORTS
from storyline.timeline.facets import SORT_KEYS
from storyline.timeline.periods import PERIODS, SMOOTH_WINDOWS
from storyline.vocab import ACTOR_KINDS, DATE_SOURCES, MODALITIES, PLOVER_TYPES

from .client import ASGIClient


@pytest.fixture(scope="module")
def schema(client: ASGIClient) -> dict[str, Any]:
    return client.get("/openapi.json").json()  # type: ignore[no-any-return]


def param(schema: dict[str, Any], path: str, name: str) -> dict[str, Any]:
    found = [p for p in schema["paths"][path]["get"]["parameters"] if p["name"] == name]
    assert len(found) == 1, (path, name)
    return found[0]["schema"]  # type: ignore[no-any-return]


def field(schema: dict[str, Any], model: str, name: str) -> dict[str, Any]:
    return schema["components"]["schemas"][model]["properties"][name]  # type: ignore[no-any-return]


def test_the_sort_type_is_the_stores_sort_keys() -> None:
    assert list(SORT_KEYS) == list(EVENT_SORTS)


@pytest.mark.slow
def test_query_parameters_list_their_values(schema: dict[str, Any]) -> None:
    assert param(schema, "/api/relations", "period")["enum"] == list(PERIODS)
    assert param(schema, "/api/relations", "smooth_window")["enum"] == list(SMOOTH_WINDOWS)
    smooth = param(schema, "/api/relations", "smooth")
    assert (smooth["type"], smooth["minimum"], smooth["maximum"]) == ("integer", 0, 52)
    for path in ("/api/timeline", "/api/facets", "/api/density", "/api/timeline.csv"):
        assert param(schema, path, "sort")["enum"] == list(SORT_KEYS)
        assert param(schema, path, "type")["items"]["enum"] == list(PLOVER_TYPES)
        assert param(schema, path, "modality")["items"]["enum"] == list(MODALITIES)


@pytest.mark.slow
def test_response_fields_list_their_values(schema: dict[str, Any]) -> None:
    assert field(schema, "RelationsBody", "period")["enum"] == list(PERIODS)
    assert field(schema, "Smoothing", "window")["enum"] == list(SMOOTH_WINDOWS)
    row = schema["components"]["schemas"]["PeriodRow"]["properties"]
    assert row["counts"]["propertyNames"]["enum"] == list(PLOVER_TYPES)
    assert row["unrealized"]["propertyNames"]["enum"] == ["future", "hypothetical", "negated"]
    assert (
        "smoothed" in row
        and "smoothed" not in schema["components"]["schemas"]["PeriodRow"]["required"]
    )
    assert field(schema, "ActorRow", "kind")["enum"] == list(ACTOR_KINDS)
    assert field(schema, "RelatedActor", "kind")["enum"] == list(ACTOR_KINDS)
    assert field(schema, "TypeCount", "value")["enum"] == list(PLOVER_TYPES)
    assert field(schema, "ModalityCount", "value")["enum"] == list(MODALITIES)
    assert field(schema, "OverviewBody", "by_modality")["propertyNames"]["enum"] == list(MODALITIES)
    assert field(schema, "DyadRow", "counts")["propertyNames"]["enum"] == list(PLOVER_TYPES)
    assert field(schema, "CitedEventJson", "type")["enum"] == list(PLOVER_TYPES)
    assert field(schema, "CitedEventJson", "modality")["enum"] == list(MODALITIES)
    assert field(schema, "CitedEventJson", "date_source")["enum"] == list(DATE_SOURCES)
    assert field(schema, "CitedEventJson", "also")["items"]["enum"] == list(PLOVER_TYPES)
    assert "422" not in str(schema) and "HTTPValidationError" not in str(schema)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("/api/relations?a=RUS&b=KOR&period=decade", "period: Input should be 'day'"),
        ("/api/timeline?sort=size", "sort must be one of date, -date, confidence"),
        ("/api/facets?type=PARLEY", "unknown event type 'PARLEY'"),
        ("/api/density?modality=perhaps", "unknown modality 'perhaps'"),
    ],
)
def test_a_value_outside_the_enum_is_400(client: ASGIClient, url: str, says: str) -> None:
    r = client.get(url)
    assert r.status_code == 400 and r.json()["status"] == 400 and says in r.json()["error"]


@pytest.mark.slow
def test_lenient_spellings_the_enums_do_not_list_still_work(client: ASGIClient) -> None:
    """The filters take any case and comma-separated values, as before (and as the CLI)."""
    upper = client.get("/api/timeline", params={"type": ["CONSULT", "AGREE"]})
    lower = client.get("/api/timeline", params={"type": "consult,agree"})
    assert upper.status_code == 200 and upper.json()["total"] > 0
    assert lower.content == upper.content


@pytest.mark.slow
def test_the_local_docs_page_lists_the_values(client: ASGIClient) -> None:
    html = client.get("/docs").text
    assert "<code>period</code> <small>(query, day | week | month | quarter | year)" in html
    assert "list[asserted | future | hypothetical | negated]" in html
    assert "date | -date | confidence | -confidence | type | -type" in html
