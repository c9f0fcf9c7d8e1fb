"""The API's declared bodies (``api/models.py``) against what it really answers.

- ``/openapi.json`` gives every route a response schema and exactly the error statuses
  it answers (no FastAPI 422: validation errors are answered 400);
- each documented error status is provoked, and its body is the documented one;
- every endpoint's real responses on the seeds store validate against the route's
  ``response_model`` with no key the model does not declare, and so do the CLI's
  ``--format json`` outputs against the same classes.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute
from pydantic import TypeAdapter, ValidationError

from storyline.api.models import (
    ActorRow,
    CitedEventJson,
    DocumentListing,
    DyadRow,
    ErrorBody,
    EventJson,
    RelationsBody,
    SearchHit,
    StoryRow,
    as_built,
)
from storyline.api.reader import router as reader_routes
from storyline.api.routes import router as api_routes
from storyline.records import Actor, Event, EventMention, Evidence
from storyline.serialize import event_json
from storyline.server import create_app
from storyline.store.sqlite import SQLiteStore

from .client import ASGIClient

#: Every API route and the error statuses it answers: 400 for a bad parameter (the
#: routes' own checks and FastAPI's validation alike), 404 for an unknown id, 503 when
#: the store cannot be opened (or an optional part of storyline is missing).
ERRORS: dict[str, set[int]] = {
    "/api/timeline": {400, 503},
    "/api/events/{event_id}": {400, 404, 503},
    "/api/documents": {503},
    "/api/documents/{doc_id}": {404, 503},
    "/api/stories": {503},
    "/api/actors": {503},
    "/api/actors/{actor_id}": {400, 404, 503},
    "/api/actors/suggest": {400, 503},
    "/api/relations": {400, 503},
    "/api/dyads": {400, 503},
    "/api/search": {400, 503},
    "/api/search/events": {400, 503},
    "/api/facets": {400, 503},
    "/api/density": {400, 503},
    "/api/overview": {503},
    "/api/timeline.csv": {400, 503},
}

#: A request that the route answers with each of its 400 and 404 statuses.
PROVOKE: dict[tuple[str, int], str] = {
    ("/api/timeline", 400): "/api/timeline?from=2021-13",
    ("/api/events/{event_id}", 400): "/api/events/not-hex",
    ("/api/events/{event_id}", 404): "/api/events/ffffffffffffffff",
    ("/api/documents/{doc_id}", 404): "/api/documents/nope",
    ("/api/actors/{actor_id}", 400): "/api/actors/RUS?limit=ten",
    ("/api/actors/{actor_id}", 404): "/api/actors/XYZ",
    ("/api/actors/suggest", 400): "/api/actors/suggest?limit=99",
    ("/api/relations", 400): "/api/relations?a=RUS",
    ("/api/dyads", 400): "/api/dyads?limit=0",
    ("/api/search", 400): "/api/search?q=%22visit",
    ("/api/search/events", 400): "/api/search/events?q=visit&limit=ten",
    ("/api/facets", 400): "/api/facets?type=NOPE",
    ("/api/density", 400): "/api/density?to=yesterday",
    ("/api/timeline.csv", 400): "/api/timeline.csv?modality=maybe",
}

#: A well-formed request per route (path parameters filled in).
WELL_FORMED: dict[str, str] = {
    "/api/events/{event_id}": "/api/events/0123456789abcdef",
    "/api/documents/{doc_id}": "/api/documents/0123456789abcdef",
    "/api/actors/{actor_id}": "/api/actors/RUS",
    "/api/relations": "/api/relations?a=RUS&b=KOR",
    "/api/search": "/api/search?q=visit",
    "/api/search/events": "/api/search/events?q=visit",
}


@pytest.fixture(scope="module")
def empty_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with its schema and nothing in it (no language model needed)."""
    db = tmp_path_factory.mktemp("empty") / "empty.db"
    SQLiteStore(db).close()
    return db


@pytest.fixture(scope="module")
def openapi(empty_db: Path) -> dict[str, Any]:
    schema: dict[str, Any] = ASGIClient(create_app(empty_db)).get("/openapi.json").json()
    return schema


def _api_operations(schema: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {p: ops["get"] for p, ops in schema["paths"].items() if p.startswith("/api/")}


def test_the_table_names_every_api_route(openapi: dict[str, Any]) -> None:
    assert set(_api_operations(openapi)) == set(ERRORS)
    assert {path for path, status in PROVOKE} <= set(ERRORS)
    for path, statuses in ERRORS.items():  # each 400 and 404 has a request to show it
        assert {s for s in statuses if s != 503} == {s for p, s in PROVOKE if p == path}


@pytest.mark.parametrize("path", sorted(ERRORS))
def test_openapi_documents_the_body_and_exactly_the_errors(
    openapi: dict[str, Any], path: str
) -> None:
    op = _api_operations(openapi)[path]
    responses = op["responses"]
    assert set(responses) == {"200"} | {str(s) for s in ERRORS[path]}
    ok = responses["200"]["content"]
    if path.endswith(".csv"):
        assert ok == {"text/csv": {"schema": {"type": "string"}}}
    else:
        assert set(ok) == {"application/json"}
        body = ok["application/json"]["schema"]
        assert body.get("$ref") or body.get("items", {}).get("$ref"), body  # a named model
    for status in ERRORS[path]:
        error = responses[str(status)]
        assert error["description"]
        assert error["content"] == {
            "application/json": {"schema": {"$ref": "#/components/schemas/ErrorBody"}}
        }


def test_no_422_anywhere(openapi: dict[str, Any]) -> None:
    text = json.dumps(openapi)
    assert '"422"' not in text and "HTTPValidationError" not in text
    error = openapi["components"]["schemas"]["ErrorBody"]
    assert error["properties"] == {
        "error": {"title": "Error", "type": "string"},
        "status": {"title": "Status", "type": "integer"},
    }
    assert set(error["required"]) == {"error", "status"}


def _is_error_body(body: Any, status: int) -> None:
    assert TypeAdapter(ErrorBody).validate_python(body) == body  # no other key
    assert body["status"] == status and body["error"]


@pytest.mark.parametrize(("path", "status"), sorted(PROVOKE))
def test_each_documented_error_is_answered_with_the_error_body(
    empty_db: Path, path: str, status: int
) -> None:
    r = ASGIClient(create_app(empty_db)).get(PROVOKE[path, status])
    assert r.status_code == status, r.text
    assert r.headers["content-type"] == "application/json"
    _is_error_body(r.json(), status)


def test_every_route_answers_503_when_the_store_is_gone(tmp_path: Path, empty_db: Path) -> None:
    db = tmp_path / "gone.db"
    shutil.copy(empty_db, db)
    client = ASGIClient(create_app(db))
    db.unlink()
    for path in ERRORS:
        r = client.get(WELL_FORMED.get(path, path))
        assert r.status_code == 503, (path, r.text)
        _is_error_body(r.json(), 503)
        assert "storyline build" in r.json()["error"]


def test_as_built_sends_the_bytes_fastapi_sent_for_a_dict() -> None:
    """Routes used to return ``dict[str, Any]``; ``as_built`` must encode alike."""
    payload = {
        "z": 1, "a": [1e-05, 1e16, 0.1 + 0.2, -0.0, 2.0, 3], "é": "\u2028 \x1f \" \\ 🎉",
        "nested": {"b": None, "a": True, "t": (1, "x")}, "big": 2**63 - 1,
    }  # fmt: skip
    app = FastAPI()

    @app.get("/old")
    def old() -> dict[str, Any]:
        return payload

    @app.get("/new")
    def new() -> Any:
        return as_built(payload)

    client = ASGIClient(app)
    before, after = client.get("/old"), client.get("/new")
    assert after.content == before.content
    assert after.headers["content-type"] == before.headers["content-type"]


# -- real responses ------------------------------------------------------------------


def _declared() -> dict[str, TypeAdapter[Any]]:
    """Path -> a validator of the body the route declares (the app serves both routers)."""
    return {
        r.path: TypeAdapter(r.response_model)
        for r in (*api_routes.routes, *reader_routes.routes)
        if isinstance(r, APIRoute) and r.response_model
    }


def _check(adapter: TypeAdapter[Any], body: Any, what: str) -> None:
    """``body`` is valid and holds no key the model does not declare (validation drops
    undeclared keys, so the validated value would differ)."""
    try:
        validated = adapter.validate_python(body)
    except ValidationError as exc:
        pytest.fail(f"{what}: {exc}")
    assert validated == body, f"{what}: a key or value the model does not declare"


def _urls(client: ASGIClient) -> list[str]:
    events = client.get("/api/timeline?limit=1000").json()["events"]
    docs = [d["id"] for d in client.get("/api/documents").json()["documents"]]
    actors = [a["id"] for a in client.get("/api/actors").json()]
    story = client.get("/api/stories").json()[0]["id"]
    return [
        "/api/timeline", "/api/timeline?limit=5&offset=5", "/api/timeline?top=5",
        "/api/timeline?sort=-confidence&outlet=TASS", f"/api/timeline?story={story}",
        "/api/timeline?modality=future&between=RUS,KOR",
        *(f"/api/events/{e['id']}" for e in events),
        "/api/documents", *(f"/api/documents/{d}" for d in docs),
        "/api/stories", "/api/actors", *(f"/api/actors/{a}" for a in actors),
        "/api/actors/suggest?q=lav", "/api/actors/suggest?q=korea",
        "/api/relations?a=RUS&b=KOR", "/api/relations?a=RUS&b=KOR&period=month",
        "/api/relations?a=KOR&b=PRK&period=year", "/api/dyads",
        "/api/relations?a=RUS&b=KOR&period=week&smooth=4&smooth_window=centred",
        "/api/relations?a=RUS&b=KOR&period=year&smooth=3",
        "/api/search?q=visit", "/api/search?q=Lavrov%20OR%20Seoul",
        "/api/search/events?q=visit", "/api/facets", "/api/facets?outlet=Sputnik",
        "/api/density", "/api/density?modality=future", "/api/overview",
    ]  # fmt: skip


@pytest.mark.slow
def test_every_endpoint_answers_what_its_route_declares(client: ASGIClient) -> None:
    declared = _declared()
    seen = set()
    for url in _urls(client):
        r = client.get(url)
        assert r.status_code == 200, (url, r.text)
        path = _route_of(url.split("?")[0], declared)
        _check(declared[path], r.json(), url)
        seen.add(path)
    assert seen == set(declared)  # every JSON route was checked
    assert set(declared) == set(ERRORS) - {"/api/timeline.csv"}


def _route_of(path: str, routes: dict[str, Any]) -> str:
    """The route answering ``path``: itself, else the pattern with a parameter for its
    last part (``/api/actors/suggest`` is its own route, not an actor id)."""
    if path in routes:
        return path
    head = path.rsplit("/", 1)[0]
    return next(p for p in routes if p.startswith(head + "/{") and p.endswith("}"))


@pytest.mark.slow
def test_the_events_carry_what_the_contract_makes_optional(client: ASGIClient) -> None:
    """The seeds exercise the optional fields, so the check above is not vacuous."""
    events = client.get("/api/timeline?limit=1000").json()["events"]
    keys = {k for e in events for k in e}
    assert {"date_mod", "mode", "joint", "mentions", "salience", "stories", "citation",
            "date_provenance"} <= keys  # fmt: skip


def _cli(*args: str) -> Any:
    from typer.testing import CliRunner

    from storyline.cli import app

    result = CliRunner().invoke(app, [*args, "-f", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.slow
def test_the_cli_json_is_the_same_classes(seeds_db: Path) -> None:
    db = ("--db", str(seeds_db))
    timeline = _cli("timeline", *db)
    _check(TypeAdapter(list[CitedEventJson]), timeline, "timeline")
    _check(TypeAdapter(CitedEventJson), _cli("show", timeline[0]["id"], *db), "show")
    _check(TypeAdapter(DocumentListing), _cli("docs", *db), "docs")
    _check(TypeAdapter(list[ActorRow]), _cli("actors", *db), "actors")
    _check(TypeAdapter(list[StoryRow]), _cli("stories", *db), "stories")
    _check(TypeAdapter(list[SearchHit]), _cli("search", "visit", *db), "search")
    hits = _cli("search", "visit", "--events", *db)
    assert hits and all("citation" in h for h in hits)
    _check(TypeAdapter(list[CitedEventJson]), hits, "search --events")
    _check(TypeAdapter(RelationsBody), _cli("relations", "RUS", "KOR", *db), "relations")
    _check(TypeAdapter(list[DyadRow]), _cli("dyads", *db), "dyads")


def _span(start: int, text: str) -> Evidence:
    return Evidence("d1", start, start + len(text), text)


def test_an_event_mention_is_an_event_json_with_its_spans() -> None:
    """``storyline extract``'s shape: one evidence, the document, the speaker, the place,
    and the words naming each actor."""
    putin = Actor("p1", "Vladimir Putin", "RUS", "GOV", "person", "President")
    kor = Actor("KOR", "South Korea", "KOR", "GOV")
    mention = EventMention(
        id="m1", document="d1", type="CONSULT", modality="future", source=(putin,),
        target=(kor,), date="2024-03", date_source="text",
        evidence=_span(0, "Putin will visit South Korea in March."), trigger=_span(11, "visit"),
        summary="Vladimir Putin CONSULT South Korea", confidence=0.71234, mode="visit",
        speaker=Actor("s1", "Sergey Lavrov", "RUS", "GOV", "person"), location="Seoul",
        source_spans=(_span(0, "Putin"),), target_spans=(_span(17, "South Korea"),),
    )  # fmt: skip
    body = event_json(mention)
    _check(TypeAdapter(EventJson), body, "mention")
    assert body["source"][0] == {
        "id": "p1", "name": "Vladimir Putin", "country": "RUS", "sector": "GOV",
        "kind": "person", "role": "President", "text": "Putin", "start": 0, "end": 5,
    }  # fmt: skip
    assert body["speaker"] == {"id": "s1", "name": "Sergey Lavrov", "country": "RUS",
                               "sector": "GOV", "kind": "person"}  # fmt: skip
    merged = Event(
        id="e1", type="AGREE", modality="asserted", source=(kor,), target=(putin,),
        date="2024-03-02", date_source="text", summary="s", evidence=(mention.evidence,),
        trigger=mention.trigger, confidence=0.5, mentions=("m1",), date_end="2024-03-04",
        joint=True, date_mod="ON_OR_AFTER", also=("CONSULT",),
    )  # fmt: skip
    _check(TypeAdapter(EventJson), event_json(merged), "merged event")
    with pytest.raises(ValidationError):  # the check can fail: a side without its id
        TypeAdapter(EventJson).validate_python({**body, "source": [{"name": "x"}]})
