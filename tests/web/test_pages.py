"""The HTML pages over a live server (plain HTTP, no browser): content, twins, safety."""

from __future__ import annotations

import re
from html import unescape

import httpx
import pytest

pytestmark = pytest.mark.slow  # pages over the seeds store (a whole build)


def get(base: str, path: str, **params: object) -> httpx.Response:
    return httpx.get(base + path, params=params or None, timeout=30)  # type: ignore[arg-type]


def twin_of(html: str) -> str:
    m = re.search(r'<a href="([^"]+)" rel="alternate" type="application/json"', html)
    assert m, "page has no JSON twin link"
    return unescape(m.group(1))


@pytest.mark.parametrize(
    "path", ["/", "/timeline", "/documents", "/actors", "/actors/RUS", "/stories", "/docs",
             "/search?q=visit", "/timeline?actor=RUS&zoom=year"],
)  # fmt: skip
def test_pages_render_and_link_their_json_twin(seeds_url: str, path: str) -> None:
    r = httpx.get(seeds_url + path, timeout=30)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "https://" not in r.text.replace('href="https://', "")  # no CDN assets
    twin = httpx.get(seeds_url + twin_of(r.text), timeout=30)
    assert twin.status_code == 200 and twin.headers["content-type"].startswith("application/json")


def test_timeline_zoom_and_planned_events(seeds_url: str) -> None:
    by_month = get(seeds_url, "/timeline").text
    assert re.search(r"<h2>\d{4} <small>", by_month)
    assert re.search(r'<h3 class="month">(January|February|March|April|May|June|July|August|'
                     r'September|October|November|December) \d{4}</h3>', by_month)  # fmt: skip
    by_year = get(seeds_url, "/timeline", zoom="year").text
    assert '<h3 class="month">' not in by_year and re.search(r"<h2>\d{4} <small>", by_year)
    planned = get(seeds_url, "/timeline", modality="future").text
    items = re.findall(r'<li class="event ([^"]*)"', planned)
    assert items and all("planned" in c for c in items)
    assert 'class="label label-planned">planned<' in planned
    asserted = get(seeds_url, "/timeline", modality="asserted").text
    assert "planned" not in " ".join(re.findall(r'<li class="event ([^"]*)"', asserted))


def test_timeline_filters_and_errors(seeds_url: str) -> None:
    def count(html: str) -> int:
        return len(re.findall(r'<li class="event ', html))

    everything = count(get(seeds_url, "/timeline").text)
    dyad = count(get(seeds_url, "/timeline", between="RUS,KOR").text)
    consult = get(seeds_url, "/timeline", type="CONSULT").text
    assert 0 < dyad < everything and 0 < count(consult) < everything
    assert set(re.findall(r'class="type type-(\w+)"', consult)) == {"CONSULT"}
    bad = get(seeds_url, "/timeline", **{"from": "2021-02-30"})
    assert bad.status_code == 400 and "not a date" in bad.text and 'role="alert"' in bad.text
    assert get(seeds_url, "/timeline", zoom="decade").status_code == 400


def test_event_page_highlights_evidence_in_context(seeds_url: str) -> None:
    events = get(seeds_url, "/api/timeline", limit=1000).json()["events"]
    event = max(events, key=lambda e: len(e["evidence"]))
    html = get(seeds_url, f"/events/{event['id']}").text
    marks = re.findall(r'<mark class="evidence">(.*?)</mark>', html, flags=re.S)
    joined = unescape(re.sub(r"<[^>]+>", "", "".join(marks)))
    for ev in event["evidence"]:
        assert " ".join(ev["text"].split()) in " ".join(joined.split())
    triggers = re.findall(r'<strong class="trigger">(.*?)</strong>', html)
    assert unescape(triggers[0]).lower() == event["trigger"]["text"].lower()
    # context: the paragraph around the evidence is shown, not just the sentence
    quote = re.search(r'<blockquote class="context">(.*?)</blockquote>', html, flags=re.S)
    assert quote and len(unescape(re.sub(r"<[^>]+>", "", quote.group(1)))) >= len(
        event["evidence"][0]["text"]
    )


def test_document_page_provenance_and_removed_boilerplate(seeds_url: str) -> None:
    docs = get(seeds_url, "/api/documents").json()["documents"]
    full = [get(seeds_url, f"/api/documents/{d['id']}").json() for d in docs]
    doc = max(full, key=lambda d: len(d["removals"]))
    html = get(seeds_url, f"/documents/{doc['id']}").text
    assert '<details class="raw" id="raw-toggle">' in html
    assert f'<strong class="published">{doc["published"]}</strong>' in html
    assert f"from <em>{doc['published_source']}</em>" in html
    for c in doc["date_candidates"]:
        assert (f'<td data-label="candidate">{c["value"]}</td>'
                f'<td data-label="source">{c["source"]}</td>') in html  # fmt: skip
    removed = re.findall(r'<del class="removed" title="([^"]*)"', html)
    assert len(removed) == len(doc["removals"])
    if doc["removals"]:
        assert unescape(removed[0]) == doc["removals"][0]["reason"]
    clean = re.search(r'<div class="article-text" id="clean-text">(.*?)</div>', html, flags=re.S)
    assert clean and unescape(re.sub(r"<[^>]+>", "", clean.group(1))) == doc["text"]


def test_actor_page_aliases_roles_events(seeds_url: str) -> None:
    html = get(seeds_url, "/actors/RUS").text
    assert "<li>Russia</li>" in html and 'class="role"' in html
    assert re.search(r"<h2>Events \(\d+\)</h2>", html) and '<li class="event ' in html


def test_search_page_marks_hits(seeds_url: str) -> None:
    html = get(seeds_url, "/search", q="visit").text
    assert "<mark>visit</mark>" in html.lower()
    bad = get(seeds_url, "/search", q='"unbalanced')
    assert bad.status_code == 400 and "bad search query" in bad.text


def test_unknown_pages_are_404_html(seeds_url: str) -> None:
    for path in ("/events/ffffffffffffffff", "/documents/nope", "/actors/XYZ"):
        r = get(seeds_url, path)
        assert r.status_code == 404 and "Error 404" in r.text


def test_article_markup_renders_as_text(evil_url: str) -> None:
    """``<script>`` in an article is shown, escaped, on every page that quotes it."""
    doc = get(evil_url, "/api/documents").json()["documents"][0]
    event = get(evil_url, "/api/timeline").json()["events"]
    pages = [f"/documents/{doc['id']}", "/search?q=alert", "/timeline"]
    pages += [f"/events/{e['id']}" for e in event]
    saw_escaped = False
    for path in pages:
        html = httpx.get(evil_url + path, timeout=30).text
        assert "<script>alert" not in html and "<img src=x" not in html, path
        saw_escaped |= "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert saw_escaped
    doc_html = get(evil_url, f"/documents/{doc['id']}").text
    assert "&lt;img src=x onerror=alert(2)&gt;" in doc_html


def test_relations_pages_and_chart(seeds_url: str) -> None:
    index = get(seeds_url, "/relations").text
    links = re.findall(r'class="dyad-link" href="([^"]+)"', index)
    assert links, "the relations index lists the top dyads"
    page = httpx.get(seeds_url + unescape(links[0]), timeout=60)
    assert page.status_code == 200
    chart = re.search(r'<a href="(/relations/chart\.svg[^"]+)"', page.text)
    assert chart and "<h2>Key events</h2>" in page.text and '<li class="event ' in page.text
    assert "<svg viewBox=" in page.text and 'class="score-line"' in page.text
    svg = httpx.get(seeds_url + unescape(chart.group(1)), timeout=60)
    assert svg.status_code == 200 and svg.headers["content-type"].startswith("image/svg+xml")
    assert svg.text.lstrip().startswith("<?xml") and "<svg" in svg.text
    twin = httpx.get(seeds_url + twin_of(page.text), timeout=30).json()
    assert twin["key_events"]
    bad = get(seeds_url, "/relations", a="RUS", b="Atlantis")
    assert bad.status_code == 400 and "unknown actor" in bad.text


def test_documents_page_pages(seeds_url: str) -> None:
    def rows(html: str) -> list[str]:
        return re.findall(r'<a href="/documents/(\w+)">', html)

    everything = rows(get(seeds_url, "/documents").text)
    assert len(everything) == 5
    first = get(seeds_url, "/documents", limit=2).text
    assert rows(first) == everything[:2] and 'rel="next"' in first
    last = get(seeds_url, "/documents", limit=2, offset=4).text
    assert rows(last) == everything[4:] and 'rel="next"' not in last and 'rel="prev"' in last
    assert get(seeds_url, "/documents", limit=0).status_code == 400


def test_timeline_confidence_filter(seeds_url: str) -> None:
    page = get(seeds_url, "/timeline").text
    assert 'name="min_confidence"' in page and ">any<" in page
    everything = len(re.findall(r'<li class="event ', page))
    trusted = get(seeds_url, "/timeline", min_confidence="0.7").text
    kept = len(re.findall(r'<li class="event ', trusted))
    assert kept < everything
    assert re.search(r'<option value="0.7" selected>', trusted)


def test_event_page_reads_as_a_headline_with_human_citations(seeds_url: str) -> None:
    events = get(seeds_url, "/api/timeline", limit=1000).json()["events"]
    linked = next(e for e in events if any(ev["citation"]["url"] for ev in e["evidence"]))
    html = get(seeds_url, f"/events/{linked['id']}").text
    h1 = re.search(r'<h1 class="headline">(.*?)</h1>', html, flags=re.S)
    assert h1 and unescape(h1.group(1)) == linked["headline"]
    headings = [unescape(re.sub(r"<[^>]+>", "", h)) for h in
                re.findall(r'<a class="source-link"[^>]*>(.*?)</a>', html, flags=re.S)]  # fmt: skip
    assert headings and not any(h.endswith(".txt") or "/" in h for h in headings)
    cite = linked["citation"]
    assert f'href="{cite["url"]}"' in html and cite["outlet"] in html
    assert ">" + linked["evidence"][0]["document"][:8] + ":" in html  # the precise span stays
    timeline = get(seeds_url, "/timeline").text
    assert 'class="event-link headline"' in timeline
    assert '<span class="outlet">TASS</span>' in timeline


def test_search_page_lists_events_and_articles_and_explains_bad_queries(seeds_url: str) -> None:
    html = get(seeds_url, "/search", q="visit").text
    assert re.search(r"<h2>Events \(\d+\)", html) and re.search(r"<h2>Articles \(\d+\)", html)
    assert 'class="event-link headline"' in html
    bad = get(seeds_url, "/search", q='"visit')
    assert bad.status_code == 400 and 'role="alert"' in bad.text
    assert "not closed" in unescape(bad.text) and "fts5" not in bad.text


def test_relations_bars_link_to_their_events_and_periods_are_chosen(seeds_url: str) -> None:
    for period in ("month", "quarter", "year"):
        data = get(seeds_url, "/api/relations", a="RUS", b="KOR", period=period).json()
        html = get(seeds_url, "/relations", a="RUS", b="KOR", period=period).text
        rows = [r for r in data["series"] if r["events"]]
        shown = re.findall(r'<td data-label="period"><a href="[^"]+">([^<]+)</a>', html)
        assert shown == [r["period"] for r in rows]  # only periods with data
        links = [unescape(h) for h in re.findall(r'<a href="([^"]+)" class="bar-link">', html)]
        assert links
    for href in links[:6]:
        events = get(seeds_url, "/api/timeline" + href[len("/timeline") :]).json()
        assert events["total"] > 0, href
    assert get(seeds_url, "/relations", a="RUS", b="KOR", period="decade").status_code == 400
