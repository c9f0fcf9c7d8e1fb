"""The reader in a real Chromium: the time axis brush filters the list, facets
filter with a click, the actor box suggests aliases, tables sort, and every page
fits a phone's width."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]  # pages of stores the pipeline built


def _count(page: Any) -> int:
    text = page.locator(".list-head .summary").inner_text()
    return int(text.split()[0])


def test_time_axis_brush_selects_a_range_and_filters_the_list(
    page: Any, seeds_url: str, artifacts: Path
) -> None:
    page.goto(seeds_url + "/timeline")
    page.locator("svg.axis-svg").wait_for()
    before = _count(page)
    assert page.locator("svg .bar.asserted").count() > 0
    assert page.locator("svg .bar.future").count() > 0  # planned drawn, apart from acts
    base = page.locator("svg .baseline").bounding_box()
    for cls in ("future", "hypothetical"):
        for box in (page.locator(f"svg .bar.{cls}").nth(i).bounding_box()
                    for i in range(page.locator(f"svg .bar.{cls}").count())):  # fmt: skip
            assert box["y"] >= base["y"] - 0.5  # below the line: not what happened
    box = page.locator("svg .overlay").bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.55, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.75, y, steps=5)
    assert page.locator("svg .brush").get_attribute("visibility") == "visible"
    page.mouse.move(box["x"] + box["width"] * 0.99, y, steps=5)
    page.mouse.up()
    page.wait_for_url("**/timeline?*from=*")
    params = parse_qs(urlsplit(page.url).query)
    lo, hi = params["from"][0], params["to"][0]
    assert lo < hi
    after = _count(page)
    assert 0 < after < before
    api = httpx.get(seeds_url + "/api/timeline", params={"from": lo, "to": hi, "limit": 1000},
                    timeout=30).json()  # fmt: skip
    assert api["total"] == after
    from storyline.dates import bounds

    for e in api["events"]:
        b = bounds(e["date"], e.get("date_end"))
        assert b and b[1] >= lo and b[0] <= hi
    # the axis zooms to the range, and "whole range" goes back
    page.locator("svg.axis-svg").wait_for()
    starts = page.locator("svg .bin").evaluate_all("gs => gs.map(g => g.dataset.start)")
    assert min(starts) >= lo[:4]
    page.screenshot(path=str(artifacts / "axis_brushed.png"), full_page=True)
    page.click("#axis-reset")
    page.wait_for_function("() => !location.search.includes('from=')")
    assert _count(page) == before


def test_facets_filter_with_one_click_and_show_counts(page: Any, seeds_url: str) -> None:
    page.goto(seeds_url + "/timeline")
    link = page.locator("section.facet[data-facet=type] li a", has_text="CONSULT")
    n = int(link.locator("xpath=..").locator(".n").inner_text())
    link.click()
    page.wait_for_url("**type=CONSULT*")
    assert _count(page) == n
    assert set(page.locator("li.event .tags .type").all_inner_texts()) == {"CONSULT"}
    # a second facet narrows further; the active one removes itself
    page.locator("section.facet[data-facet=outlet] li a").first.click()
    page.wait_for_url("**outlet=*")
    assert "type=CONSULT" in page.url and _count(page) <= n
    page.locator("section.facet[data-facet=type] li.on a").click()
    page.wait_for_function("() => !location.search.includes('type=')")
    assert "outlet=" in page.url


def test_actor_box_suggests_names_and_aliases(page: Any, seeds_url: str) -> None:
    page.goto(seeds_url + "/timeline")
    page.fill("#actor-input", "lav")
    page.wait_for_function(
        "() => [...document.querySelectorAll('#actor-names option')]"
        ".some(o => o.textContent.includes('Sergey Lavrov'))"
    )
    page.fill("#actor-input", "Sergey Lavrov")
    page.locator(".actor-box button").click()
    page.wait_for_url("**actor=Sergey+Lavrov*")
    assert 0 < _count(page) < 37


def test_table_view_sorts_and_links_csv(page: Any, seeds_url: str) -> None:
    page.goto(seeds_url + "/timeline?view=table")
    page.locator("table.events-table th a", has_text="conf.").click()
    page.wait_for_url("**sort=confidence*")
    values = [float(x) for x in page.locator("table.events-table tbody td:last-child")
              .all_inner_texts()]  # fmt: skip
    assert values == sorted(values)
    page.locator("table.events-table th a", has_text="conf.").click()
    page.wait_for_url("**sort=-confidence*")
    href = page.locator("#csv-link").get_attribute("href")
    assert href.startswith("/api/timeline.csv?") and "sort=-confidence" in href
    r = httpx.get(seeds_url + href, timeout=30)
    assert r.status_code == 200 and r.text.startswith("id,date,")


PHONE_PAGES = [
    "/", "/timeline?view=table", "/documents", "/stories", "/actors", "/actors/RUS",
    "/relations", "/relations?a=RUS&b=KOR&period=year", "/search?q=visit", "/docs",
    "/relations?a=RUS&b=KOR&period=week&smooth=4&smooth_window=centred",
]  # fmt: skip


@pytest.mark.parametrize("path", PHONE_PAGES)
def test_pages_fit_a_phone(browser: Any, seeds_url: str, path: str, artifacts: Path) -> None:
    page = browser.new_page()
    page.set_viewport_size({"width": 390, "height": 844})
    try:
        page.goto(seeds_url + path)
        page.wait_for_load_state("networkidle")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{path} is {width}px wide at 390px"
    finally:
        page.close()


def test_event_and_document_pages_fit_a_phone(browser: Any, seeds_url: str) -> None:
    events = httpx.get(seeds_url + "/api/timeline", params={"limit": 1000}, timeout=30).json()
    event = max(events["events"], key=lambda e: len(e["evidence"]))
    page = browser.new_page()
    page.set_viewport_size({"width": 390, "height": 844})
    try:
        for path in (f"/events/{event['id']}", f"/documents/{event['evidence'][0]['document']}"):
            page.goto(seeds_url + path)
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 390, f"{path} is {width}px wide at 390px"
    finally:
        page.close()


def test_relations_smoothing_control_draws_a_labelled_line(page: Any, seeds_url: str) -> None:
    """Choosing a moving average redraws the chart with a second, labelled score line;
    the raw line, its linked points and the per-period counts stay."""
    page.goto(seeds_url + "/relations?a=RUS&b=KOR&period=year")
    page.locator("svg.relations-svg").wait_for()
    assert page.locator("svg .smoothed-line").count() == 0
    raw_points = page.locator("svg a.point-link").count()
    bars = page.locator("svg a.bar-link").count()
    assert raw_points > 0 and bars > 0
    page.select_option("select[name=smooth]", "3")  # submits the form (autosubmit)
    page.wait_for_url("**smooth=3*")
    line = page.locator("svg polyline.smoothed-line")
    line.wait_for(state="attached")
    params = {"a": "RUS", "b": "KOR", "period": "year", "smooth": 3}
    api = httpx.get(seeds_url + "/api/relations", params=params, timeout=30).json()
    shown = api["series"][-10:]  # the chart's last ten years
    expected = [r["smoothed"] for r in shown if r["smoothed"] is not None]
    assert len(line.get_attribute("points").split()) == len(expected) > 0
    label = page.locator(".legend .smoothing-label").inner_text()
    assert label == "smoothed: trailing mean of 3 years (of the net score)"
    assert page.locator("svg a.point-link").count() == raw_points  # the raw line stays
    assert page.locator("svg a.bar-link").count() == bars  # and the stacked counts
    cells = page.locator('td[data-label="smoothed"]').all_inner_texts()
    rows = [r for r in api["series"] if r["events"]]
    assert cells == ["—" if r["smoothed"] is None else f"{r['smoothed']:+.2f}" for r in rows]
    trailing = line.get_attribute("points")
    page.select_option("select[name=smooth_window]", "centred")
    page.wait_for_url("**smooth_window=centred*")
    page.locator("svg polyline.smoothed-line").wait_for(state="attached")
    assert page.locator("svg polyline.smoothed-line").get_attribute("points") != trailing
    assert "centred mean of 3 years" in page.locator(".legend .smoothing-label").inner_text()
    page.select_option("select[name=smooth]", "0")
    page.wait_for_url("**smooth=0*")
    page.locator("svg.relations-svg").wait_for()
    assert page.locator("svg .smoothed-line").count() == 0


def test_header_search_box_says_and_finds_events_and_articles(page: Any, seeds_url: str) -> None:
    """The box in every page's header searches events too, and says so (issue 17 audit)."""
    page.goto(seeds_url + "/stories")
    box = page.get_by_role("searchbox", name="Search events and articles")
    assert box.get_attribute("placeholder") == "Search events and articles"
    box.fill("visit")
    box.press("Enter")
    page.wait_for_url("**/search?q=visit")
    heads = page.locator("main h2").all_inner_texts()
    assert heads[0].startswith("Events (") and heads[1].startswith("Articles (")
    assert page.locator("main li.event").count() > 0  # events found, not only articles
