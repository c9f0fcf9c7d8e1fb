"""Hostile input ("Nothing lost, nothing hangs"): every bad request is a 4xx, never a 500,
never a slow query, and no link echoes the request's Host header."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .client import ASGIClient

pytestmark = pytest.mark.slow  # the app over the seeds store (a whole build)

TOO_BIG = str(2**63)  # one past SQLite's largest INTEGER
TOO_SMALL = str(-(2**63) - 1)

INT_PARAMS = [
    ("/api/timeline", "offset"),
    ("/api/timeline", "limit"),
    ("/api/timeline", "top"),
    ("/api/actors/RUS", "offset"),
    ("/api/actors/RUS", "limit"),
    ("/api/dyads", "limit"),
    ("/api/search?q=visit", "limit"),
    ("/timeline", "offset"),
    ("/timeline", "limit"),
    ("/timeline", "top"),
    ("/documents", "offset"),
    ("/documents", "limit"),
    ("/actors/RUS", "offset"),
    ("/actors/RUS", "limit"),
    ("/search?q=visit", "limit"),
]


def _is_api(url: str) -> bool:
    return url.startswith("/api/")


def _assert_400(r: Any, url: str, needle: str) -> None:
    assert r.status_code == 400, (url, r.status_code)
    if _is_api(url):
        assert r.headers["content-type"].startswith("application/json")
        assert needle in r.json()["error"] and r.json()["status"] == 400
    else:
        assert r.headers["content-type"].startswith("text/html") and needle in r.text


@pytest.mark.parametrize("value", [TOO_BIG, TOO_SMALL])
@pytest.mark.parametrize(("url", "name"), INT_PARAMS)
def test_integers_beyond_64_bits_are_400(
    client: ASGIClient, url: str, name: str, value: str
) -> None:
    full = f"{url}{'&' if '?' in url else '?'}{name}={value}"
    _assert_400(client.get(full), full, name)


@pytest.mark.parametrize("top", ["²", "١٢", "3.5", "-2", " 1e3"])
def test_timeline_page_top_takes_only_ascii_whole_numbers(client: ASGIClient, top: str) -> None:
    r = client.get("/timeline", params={"top": top})
    assert r.status_code == 400 and "top must be" in r.text


def test_the_largest_offset_is_an_empty_page(client: ASGIClient) -> None:
    body = client.get("/api/timeline", params={"offset": 2**63 - 1}).json()
    assert body["events"] == [] and body["next"] is None and body["total"] > 0


@pytest.mark.parametrize(
    "event_id", ["a" * 50_000, "a" * 65, "%25", "_", "%25%25", "0%25", "zz", "%C3%A9", "%00"]
)
@pytest.mark.parametrize("prefix", ["/api/events/", "/events/"])
def test_bad_event_ids_are_4xx_and_short(client: ASGIClient, prefix: str, event_id: str) -> None:
    r = client.get(prefix + event_id)
    assert r.status_code in (400, 404), r.status_code
    assert len(r.content) < 10_000  # the id is not echoed back in full
    if prefix == "/api/events/":
        assert "error" in r.json() and "id" not in r.json()


def test_event_prefix_needs_a_few_hex_digits(client: ASGIClient) -> None:
    first = client.get("/api/timeline", params={"limit": 1}).json()["events"][0]
    assert client.get(f"/api/events/{first['id'][:6]}").json()["id"] == first["id"]
    assert client.get(f"/api/events/{first['id'].upper()}").json()["id"] == first["id"]
    assert client.get(f"/api/events/{first['id'][:1]}").status_code == 404
    assert client.get(f"/events/{first['id'][:6]}").status_code == 200


def test_search_is_capped_in_terms_and_length(client: ASGIClient) -> None:
    ok = " OR ".join(["visit"] * 64)
    assert client.get("/api/search", params={"q": ok}).status_code == 200
    many = client.get("/api/search", params={"q": " OR ".join(["visit"] * 65)})
    assert many.status_code == 400 and "65 terms" in many.json()["error"]
    assert "at most 64" in many.json()["error"]
    long = client.get("/api/search", params={"q": "visit" + " " * 1000})
    assert long.status_code == 400 and "1000 characters" in long.json()["error"]
    page = client.get("/search", params={"q": " OR ".join(f"w{i}*" for i in range(3000))})
    assert page.status_code == 400 and 'role="alert"' in page.text and "at most" in page.text
    bad = client.get("/api/search", params={"q": 'visit AND ("'})
    assert bad.status_code == 400 and "bad search query" in bad.json()["error"]


FORGED = {"Host": "evil.example"}


def test_next_links_never_echo_the_host_header(client: ASGIClient) -> None:
    r = client.get("/api/timeline", params={"limit": 2, "offset": 2}, headers=FORGED)
    nxt = r.json()["next"]
    assert nxt.startswith("/api/timeline?") and "offset=4" in nxt and "limit=2" in nxt
    assert r.headers["link"] == f'<{nxt}>; rel="next"'
    assert "evil" not in r.text and "evil" not in r.headers["link"]
    for url in ("/timeline?limit=2&offset=2", "/documents?limit=2&offset=2"):
        html = client.get(url, headers=FORGED).text
        assert 'rel="next"' in html and 'rel="prev"' in html and "evil" not in html, url
        assert 'href="/' in html and "http://" not in html, url


def test_links_use_the_configured_base_url(seeds_db: Path) -> None:
    from storyline.server import create_app

    app = create_app(seeds_db, base_url="https://timeline.example.org/")
    r = ASGIClient(app).get("/api/timeline", params={"limit": 2}, headers=FORGED)
    assert r.json()["next"].startswith("https://timeline.example.org/api/timeline?")
    assert r.headers["link"].startswith("<https://timeline.example.org/api/timeline?")
    html = ASGIClient(app).get("/documents?limit=2", headers=FORGED).text
    assert 'href="https://timeline.example.org/documents?' in html and "evil" not in html


@pytest.mark.parametrize("base_url", ["javascript:alert(1)", "example.org", "https://a/?q=1"])
def test_a_bad_base_url_fails_at_startup(seeds_db: Path, base_url: str) -> None:
    from storyline.server import create_app

    with pytest.raises(ValueError, match="base URL"):
        create_app(seeds_db, base_url=base_url)


def test_charts_render_in_parallel_and_are_drawn_once_per_store_state(
    client: ASGIClient, seeds_db: Path
) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from storyline.store.sqlite import SQLiteStore
    from storyline.timeline.relations import relations, relations_chart_svg
    from storyline.web import pages

    with SQLiteStore(seeds_db, read_only=True) as store:
        data = relations(store, "RUS", "KOR")
    with ThreadPoolExecutor(8) as pool:  # no global pyplot state: renders do not collide
        svgs = list(pool.map(lambda _: relations_chart_svg(data), range(8)))
    assert len(set(svgs)) == 1 and svgs[0].lstrip().startswith(b"<?xml")
    pages._CHARTS.clear()
    first = client.get("/relations/chart.svg", params={"a": "RUS", "b": "KOR"})
    assert first.status_code == 200 and len(pages._CHARTS) == 1
    again = client.get("/relations/chart.svg", params={"a": "RUS", "b": "KOR"})
    assert again.content == first.content and len(pages._CHARTS) == 1
