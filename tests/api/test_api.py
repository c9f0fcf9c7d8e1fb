"""The JSON API over the seeds store: every endpoint, filters, pagination, errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from storyline.store.query import EventQuery
from storyline.store.sqlite import SQLiteStore

from .client import ASGIClient


def _all_events(client: ASGIClient, **params: Any) -> list[dict[str, Any]]:
    """Follow ``next`` links to the end, proving pagination loses nothing."""
    out: list[dict[str, Any]] = []
    url: str | None = "/api/timeline"
    first = True
    while url:
        r = client.get(url, params={**params, "limit": 7} if first else None)
        assert r.status_code == 200, r.text
        body = r.json()
        out += body["events"]
        nxt = body["next"]
        url = (urlsplit(nxt).path + "?" + urlsplit(nxt).query) if nxt else None
        first = False
    return out


def _cli_json(*args: str) -> Any:
    from typer.testing import CliRunner

    from storyline.cli import app

    result = CliRunner().invoke(app, [*args, "-f", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.slow
def test_timeline_is_the_cli_json(client: ASGIClient, seeds_db: Path) -> None:
    body = client.get("/api/timeline", params={"limit": 1000}).json()
    expected = _cli_json("timeline", "--db", str(seeds_db))
    assert body["total"] == len(expected) > 10
    assert body["offset"] == 0 and body["limit"] == 1000 and body["next"] is None
    assert body["events"] == expected  # extra fields (salience, ...) included
    dyad = client.get("/api/timeline", params={"between": "RUS,KOR", "type": "CONSULT"}).json()
    cli = _cli_json("timeline", "--db", str(seeds_db), "--between", "RUS", "KOR",
                    "--type", "CONSULT")  # fmt: skip
    assert dyad["events"] == cli and cli


@pytest.mark.slow
def test_top_is_the_cli_top(client: ASGIClient, seeds_db: Path) -> None:
    body = client.get("/api/timeline", params={"top": 5}).json()
    assert body["total"] == 5
    assert body["events"] == _cli_json("timeline", "--db", str(seeds_db), "--top", "5")
    page = client.get("/api/timeline", params={"top": 5, "limit": 2, "offset": 2}).json()
    assert page["events"] == body["events"][2:4] and "offset=4" in page["next"]
    assert client.get("/api/timeline", params={"top": 0}).status_code == 400


@pytest.mark.slow
def test_other_listings_are_the_cli_json(client: ASGIClient, seeds_db: Path) -> None:
    db = ("--db", str(seeds_db))
    assert client.get("/api/documents").json() == _cli_json("docs", *db)
    assert client.get("/api/stories").json() == _cli_json("stories", *db)
    assert client.get("/api/actors").json() == _cli_json("actors", *db)
    assert client.get("/api/search?q=visit").json() == _cli_json("search", "visit", *db)
    first = client.get("/api/timeline", params={"limit": 1}).json()["events"][0]
    shown = _cli_json("show", first["id"], *db)
    # show's JSON is the API's event, readable citations beside every span included
    # (the timeline listing adds salience and stories, which show leaves out)
    assert "citation" in shown and all("citation" in ev for ev in shown["evidence"])
    assert {k: v for k, v in first.items() if k in shown} == shown


@pytest.mark.slow
def test_pagination_next_link_and_header(client: ASGIClient) -> None:
    r = client.get("/api/timeline", params={"limit": 5, "offset": 5})
    body = r.json()
    assert len(body["events"]) == 5 and body["offset"] == 5
    assert "offset=10" in body["next"] and "limit=5" in body["next"]
    assert r.headers["link"] == f'<{body["next"]}>; rel="next"'
    everything = client.get("/api/timeline", params={"limit": 1000}).json()["events"]
    assert _all_events(client) == everything
    assert [e["id"] for e in everything[5:10]] == [e["id"] for e in body["events"]]


@pytest.mark.parametrize(
    "params",
    [
        {"actor": "RUS"},
        {"actor": "Lavrov"},
        {"between": "RUS,KOR"},
        {"between": ["KOR", "RUS"]},
        {"type": ["CONSULT", "AGREE"]},
        {"type": "consult,agree"},
        {"modality": "future"},
        {"from": "2021", "to": "2024-01"},
        {"actor": "KOR", "modality": ["asserted", "negated"], "from": "2020-09-29"},
    ],
)
@pytest.mark.slow
def test_filters_agree_with_the_store(
    client: ASGIClient, seeds_db: Path, params: dict[str, Any]
) -> None:
    body = client.get("/api/timeline", params={**params, "limit": 1000}).json()

    def many(key: str) -> tuple[str, ...]:
        v = params.get(key, [])
        return tuple(x for item in ([v] if isinstance(v, str) else v) for x in item.split(","))

    between = many("between")
    query = EventQuery.build(
        actor=params.get("actor"), between=(between[0], between[1]) if between else None,
        date_from=params.get("from"), date_to=params.get("to"), types=many("type"),
        modalities=many("modality"),
    )  # fmt: skip
    with SQLiteStore(seeds_db, read_only=True) as store:
        expected = [e.id for e in store.events(query)]
    assert expected, "each filter case should match some events"
    assert [e["id"] for e in body["events"]] == expected
    assert body["total"] == len(expected)


@pytest.mark.slow
def test_filters_actually_filter(client: ASGIClient) -> None:
    total = client.get("/api/timeline").json()["total"]
    future = client.get("/api/timeline", params={"modality": "future"}).json()
    assert 0 < future["total"] < total
    assert {e["modality"] for e in future["events"]} == {"future"}
    dyad = client.get("/api/timeline", params={"between": "RUS,KOR", "limit": 1000}).json()
    assert 0 < dyad["total"] < total
    for e in dyad["events"]:
        sides = [{a["country"] for a in e["source"]}, {a["country"] for a in e["target"]}]
        assert {"RUS", "KOR"} <= sides[0] | sides[1]
    consult = client.get("/api/timeline", params={"type": "CONSULT"}).json()
    assert consult["total"] > 0 and {e["type"] for e in consult["events"]} == {"CONSULT"}


@pytest.mark.parametrize(
    ("params", "needle"),
    [
        ({"from": "2021-13"}, "not a date"),
        ({"to": "yesterday"}, "not a date"),
        ({"type": "INVADE"}, "unknown event type"),
        ({"modality": "maybe"}, "unknown modality"),
        ({"between": "RUS"}, "exactly two"),
        ({"between": "RUS,KOR,PRK"}, "exactly two"),
        ({"limit": 0}, "limit"),
        ({"limit": 100000}, "limit"),
        ({"offset": -1}, "negative"),
        ({"limit": "ten"}, "limit"),
        ({"actor": "Nobody At All"}, "unknown actor"),
        ({"top": "many"}, "top"),
    ],
)
@pytest.mark.slow
def test_bad_timeline_parameters_are_400_json(
    client: ASGIClient, params: dict[str, Any], needle: str
) -> None:
    r = client.get("/api/timeline", params=params)
    assert r.status_code == 400
    assert r.headers["content-type"].startswith("application/json")
    assert needle in r.json()["error"] and r.json()["status"] == 400


@pytest.mark.slow
def test_event_by_id_and_prefix(client: ASGIClient) -> None:
    first = client.get("/api/timeline", params={"limit": 1}).json()["events"][0]
    assert client.get(f"/api/events/{first['id']}").json() == first
    assert client.get(f"/api/events/{first['id'][:10]}").json()["id"] == first["id"]


@pytest.mark.slow
def test_documents_and_one_document(client: ASGIClient, doc_ids: dict[str, str]) -> None:
    body = client.get("/api/documents").json()
    assert {d["id"] for d in body["documents"]} == set(doc_ids.values())
    assert body["quarantined"] == []
    for d in body["documents"]:
        assert d["date_from"].startswith(d["published_source"])
    one = client.get(f"/api/documents/{next(iter(doc_ids.values()))}").json()
    assert {"text", "raw_text", "removals", "segments", "date_candidates"} <= set(one)
    for r in one["removals"]:  # removal offsets point into the raw text
        assert one["raw_text"][r["start"] : r["end"]] == r["text"]
    for s in one["segments"]:
        n = s["raw_end"] - s["raw_start"]
        assert (
            one["raw_text"][s["raw_start"] : s["raw_end"]]
            == one["text"][s["clean_start"] : s["clean_start"] + n]
        )


@pytest.mark.slow
def test_one_actor(client: ASGIClient) -> None:
    rus = client.get("/api/actors/RUS").json()
    assert rus["actor"]["id"] == "RUS" and "Russia" in rus["actor"]["aliases"]
    assert rus["events_total"] == client.get("/api/timeline?actor=RUS").json()["total"] > 0
    assert any(r["kind"] == "person" and r["role"] for r in rus["related"])


@pytest.mark.slow
def test_search(client: ASGIClient) -> None:
    hits = client.get("/api/search", params={"q": "visit"}).json()
    assert hits and all({"document", "title", "snippet"} <= set(h) for h in hits)
    assert any("[visit]" in h["snippet"].lower() for h in hits)
    assert client.get("/api/search", params={"q": "zzyzxnotaword"}).json() == []
    bad = client.get("/api/search", params={"q": 'visit AND ("'})
    assert bad.status_code == 400 and "bad search query" in bad.json()["error"]
    assert client.get("/api/search", params={"q": " "}).status_code == 400
    assert client.get("/api/search").status_code == 400  # q is required


@pytest.mark.parametrize(
    "url", ["/api/events/ffffffffffffffff", "/api/documents/nope", "/api/actors/XYZ", "/api/nope"]
)
@pytest.mark.slow
def test_unknown_ids_are_404_json(client: ASGIClient, url: str) -> None:
    r = client.get(url)
    assert r.status_code == 404 and "error" in r.json()


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH"])
@pytest.mark.slow
def test_read_only_no_write_methods(client: ASGIClient, method: str) -> None:
    for url in ("/api/timeline", "/api/events/x", "/timeline", "/static/style.css"):
        assert client.request(method, url).status_code == 405, (method, url)


@pytest.mark.slow
def test_only_get_and_head_routes_exist(client: ASGIClient) -> None:
    schema = client.get("/openapi.json").json()
    methods = {m for ops in schema["paths"].values() for m in ops}
    assert methods == {"get"}
    assert client.request("HEAD", "/api/timeline").status_code == 200


@pytest.mark.slow
def test_docs_are_local(client: ASGIClient) -> None:
    r = client.get("/docs")
    assert r.status_code == 200
    assert "/api/timeline" in r.text and "/openapi.json" in r.text
    assert "cdn" not in r.text.lower() and "https://" not in r.text
    assert client.get("/redoc").status_code == 404


@pytest.mark.slow
def test_static_files_do_not_traverse(client: ASGIClient) -> None:
    assert client.get("/static/style.css").status_code == 200
    for url in (
        "/static/%2e%2e/server.py",
        "/static/..%2f..%2fapi%2fapp.py",
        "/static/../web/pages.py",
    ):
        r = client.get(url)
        assert r.status_code == 404, url
        assert "def create_app" not in r.text and "import" not in r.text


@pytest.mark.slow
def test_store_is_opened_read_only(seeds_db: Path) -> None:
    """The connection the API uses refuses writes (``mode=ro``)."""
    import sqlite3

    from storyline.api.deps import get_store

    class _State:
        db = seeds_db

    class _App:
        state = _State()

    class _Req:
        app = _App()

    gen = get_store(_Req())  # type: ignore[arg-type]
    store = next(gen)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        store.conn.execute("DELETE FROM events")
    gen.close()


def test_missing_store_fails_at_startup(tmp_path: Path) -> None:
    from storyline.server import create_app
    from storyline.store.sqlite import StoreError

    with pytest.raises(StoreError, match="storyline build"):
        create_app(tmp_path / "none.db")


@pytest.mark.slow
def test_relations_and_dyads(client: ASGIClient, seeds_db: Path) -> None:
    body = client.get("/api/relations", params={"a": "RUS", "b": "KOR"}).json()
    assert body["a"]["code"] == "RUS" and body["b"]["code"] == "KOR"
    assert body["period"] == "quarter" and body["series"] and body["key_events"]
    assert sum(s["events"] for s in body["series"]) > 0
    assert body == _cli_json("relations", "RUS", "KOR", "--db", str(seeds_db))
    monthly = client.get("/api/relations", params={"a": "Russia", "b": "KOR", "period": "month"})
    assert monthly.json()["period"] == "month"
    dyads = client.get("/api/dyads", params={"limit": 3}).json()
    assert 0 < len(dyads) <= 3
    assert {dyads[0]["a"]["code"], dyads[0]["b"]["code"]} == {"RUS", "KOR"}


@pytest.mark.parametrize(
    ("params", "needle"),
    [
        ({"a": "RUS", "b": "Atlantis"}, "unknown actor"),
        ({"a": "RUS", "b": "KOR", "period": "decade"}, "period"),
    ],
)
@pytest.mark.slow
def test_bad_relations_are_400(client: ASGIClient, params: dict[str, str], needle: str) -> None:
    r = client.get("/api/relations", params=params)
    assert r.status_code == 400 and needle in r.json()["error"]
    assert client.get("/api/relations", params={"a": "RUS"}).status_code == 400  # b missing


@pytest.mark.slow
def test_security_headers(client: ASGIClient) -> None:
    for url in ("/timeline", "/api/timeline", "/static/app.js"):
        assert client.get(url).headers["x-content-type-options"] == "nosniff"
    assert "script-src 'self'" in client.get("/timeline").headers["content-security-policy"]


@pytest.mark.slow
def test_min_confidence_filters_the_timeline(client: ASGIClient) -> None:
    everything = _all_events(client)
    cut = sorted({e["confidence"] for e in everything})[-1]
    kept = _all_events(client, min_confidence=cut)
    assert kept and all(e["confidence"] >= cut for e in kept)
    assert len(kept) < len(everything)
    assert client.get("/api/timeline", params={"min_confidence": 2}).status_code == 400


@pytest.mark.slow
def test_events_carry_a_headline_tags_and_readable_citations(client: ASGIClient) -> None:
    events = client.get("/api/timeline", params={"limit": 1000}).json()["events"]
    assert events
    for e in events:
        assert e["headline"] and e["headline"][0].isupper() and e["type"] in e["tags"]
        for ev in e["evidence"]:
            c = ev["citation"]
            assert c["ref"] == f"{ev['document']}:{ev['start']}-{ev['end']}"  # machine span kept
            assert c["document"] == ev["document"] and c["label"]
        assert e["citation"] == e["evidence"][0]["citation"]
    outlets = {ev["citation"]["outlet"] for e in events for ev in e["evidence"]}
    assert {"TASS", "Sputnik"} <= outlets
    titled = [ev["citation"] for e in events for ev in e["evidence"] if ev["citation"]["title"]]
    assert any(c["title"].startswith("Putin to visit South Korea") for c in titled)
    linked = [ev["citation"] for e in events for ev in e["evidence"] if ev["citation"]["url"]]
    assert linked and all(c["url"].startswith("https://sputnikglobe.com/") for c in linked)
    planned = [e for e in events if e["modality"] == "future"]
    assert planned and all(" will " in e["headline"] or " plans to " in e["headline"]
                           for e in planned)  # fmt: skip
    one = client.get(f"/api/events/{events[0]['id']}").json()
    assert one["headline"] == events[0]["headline"] and one["citation"] == events[0]["citation"]


@pytest.mark.slow
def test_facets_count_what_the_timeline_lists(client: ASGIClient) -> None:
    everything = client.get("/api/timeline", params={"limit": 1000}).json()["events"]
    facets = client.get("/api/facets").json()
    types = {f["value"]: f["count"] for f in facets["type"]}
    assert sum(types.values()) == len(everything)
    for t, n in types.items():
        assert client.get("/api/timeline", params={"type": t}).json()["total"] == n
    outlets = {f["value"]: f["count"] for f in facets["outlet"]}
    assert set(outlets) == {"TASS", "Sputnik"}
    for outlet, n in outlets.items():
        page = client.get("/api/timeline", params={"outlet": outlet, "limit": 1000}).json()
        assert page["total"] == n == len(page["events"])
        assert all(any(ev["citation"]["outlet"] == outlet for ev in e["evidence"])
                   for e in page["events"])  # fmt: skip
    story = facets["story"][0]
    in_story = client.get("/api/timeline", params={"story": story["value"]}).json()
    assert story["label"] and in_story["total"] == story["count"]
    confident = {c["value"]: c["count"] for c in facets["confidence"]}
    assert (
        client.get("/api/timeline", params={"min_confidence": 0.6}).json()["total"]
        == (confident[0.6])
    )
    narrowed = client.get("/api/facets", params={"type": "CONSULT"}).json()
    assert [f["value"] for f in narrowed["type"]] == ["CONSULT"]
    assert client.get("/api/facets", params={"type": "NOPE"}).status_code == 400


@pytest.mark.slow
def test_sorted_pages_and_csv(client: ASGIClient) -> None:
    down = client.get("/api/timeline", params={"sort": "-confidence", "limit": 1000}).json()
    conf = [e["confidence"] for e in down["events"]]
    assert conf == sorted(conf, reverse=True) and down["total"] == len(conf)
    assert client.get("/api/timeline", params={"sort": "size"}).status_code == 400
    r = client.get("/api/timeline.csv", params={"type": "CONSULT", "sort": "-date"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(r.text)))
    api = client.get("/api/timeline", params={"type": "CONSULT", "sort": "-date"}).json()
    assert [row["id"] for row in rows] == [e["id"] for e in api["events"]]
    assert all(row["headline"] and row["type"] == "CONSULT" for row in rows)


@pytest.mark.slow
def test_density_overview_and_suggestions(client: ASGIClient) -> None:
    density = client.get("/api/density").json()
    total = sum(v for d in density["days"] for k, v in d.items() if k != "day")
    assert total + density["undated"] == client.get("/api/timeline").json()["total"]
    planned = client.get("/api/density", params={"modality": "future"}).json()
    assert planned["days"] and all(set(d) == {"day", "future"} for d in planned["days"])
    ranged = client.get("/api/density", params={"from": "2021", "to": "2021"}).json()
    assert ranged["days"] and all(d["day"] <= "2021-12-31" for d in ranged["days"])
    overview = client.get("/api/overview").json()
    assert overview["documents"] == 5 and overview["outlets"] == 2
    assert overview["top_actors"][0]["count"] >= overview["top_actors"][-1]["count"]
    # counted apart from the facets, the busiest actors and pairs are the facets' first
    unfiltered = client.get("/api/facets").json()
    assert overview["top_actors"] == unfiltered["actor"][:8] and len(unfiltered["actor"]) > 8
    assert overview["top_pairs"] == unfiltered["pair"][:6] and overview["top_pairs"]
    assert overview["events"] == client.get("/api/timeline").json()["total"]
    names = client.get("/api/actors/suggest", params={"q": "lav"}).json()
    assert names and names[0]["name"] == "Sergey Lavrov"
    assert client.get("/api/actors/suggest", params={"q": "vladimir"}).json()[0]["name"] == (
        "Vladimir Putin"
    )
    pronouns = client.get("/api/actors/suggest", params={"q": "he"}).json()
    assert all(row["match"].lower() not in ("he", "his") for row in pronouns)
    assert client.get("/api/actors/suggest", params={"q": ""}).json() == []


@pytest.mark.parametrize(
    ("q", "says"),
    [('"visit', "not closed"), ("visit AND", "between two words"), ("NEAR(", "not closed"),
     ("*", "end a word"), ("a:b", "not a field"), ("US-led", 'double quotes ("US-led")')],
)  # fmt: skip
@pytest.mark.slow
def test_bad_searches_are_a_clear_400(client: ASGIClient, q: str, says: str) -> None:
    for path in ("/api/search", "/api/search/events"):
        r = client.get(path, params={"q": q})
        assert r.status_code == 400 and says in r.json()["error"]
        assert "fts5" not in r.json()["error"] and "phrase" in r.json()["error"]


@pytest.mark.slow
def test_search_finds_events_in_their_own_words(client: ASGIClient) -> None:
    events = client.get("/api/search/events", params={"q": "visit"}).json()
    assert events and all(e["citation"]["ref"] for e in events)
    for e in events:
        said = " ".join([e["headline"], *(ev["text"] for ev in e["evidence"])]).lower()
        assert "visit" in said
    lavrov = client.get("/api/search/events", params={"q": "Lavrov OR Choe"}).json()
    assert lavrov
    narrower = client.get("/api/search/events", params={"q": "visit NOT Putin"}).json()
    assert len(narrower) < len(events)
    assert client.get("/api/search/events", params={"q": "zzzqqq"}).json() == []
