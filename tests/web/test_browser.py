"""The UI in a real Chromium: filter the seeds' timeline, open an event, see its
highlighted evidence; article markup stays text. Screenshots go to tests/artifacts/."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]  # pages of stores the pipeline built


def _local_only(page: Any, base: str) -> list[str]:
    """Record every request the page makes that does not go to the test server."""
    outside: list[str] = []
    page.on("request", lambda r: None if r.url.startswith(base) else outside.append(r.url))
    return outside


def test_filter_timeline_open_event_see_evidence(
    page: Any, seeds_url: str, artifacts: Path
) -> None:
    outside = _local_only(page, seeds_url)
    page.goto(seeds_url + "/timeline")
    all_events = page.locator("li.event").count()
    assert all_events > 10
    assert page.locator("li.event.planned .label-planned").count() > 0
    page.screenshot(path=str(artifacts / "timeline.png"), full_page=True)

    page.fill("#actor-input", "Lavrov")  # the actor box beside the facets
    page.click(".actor-box button[type=submit]")
    page.wait_for_url("**/timeline?*actor=Lavrov*")
    filtered = page.locator("li.event")
    assert 0 < filtered.count() < all_events
    page.screenshot(path=str(artifacts / "timeline_lavrov.png"), full_page=True)

    page.select_option("select#zoom", "year")  # app.js submits the form on change
    page.wait_for_url("**zoom=year*")
    assert (
        page.locator("h3.month").count() == 0
        and page.locator("li.event").count() == filtered.count()
    )

    page.locator("li.event a.event-link").first.click()
    page.wait_for_url("**/events/*")
    mark = page.locator("mark.evidence").first
    assert mark.is_visible()
    assert page.locator("strong.trigger").first.is_visible()
    background = mark.evaluate("el => getComputedStyle(el).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    page.screenshot(path=str(artifacts / "event.png"), full_page=True)

    page.locator(".evidence-context h3 a").first.click()
    page.wait_for_url("**/documents/*")
    assert not page.locator("#raw-text").is_visible()
    page.click("#raw-toggle summary")
    assert page.locator("#raw-text").is_visible()
    page.screenshot(path=str(artifacts / "document_raw.png"), full_page=True)
    assert outside == [], f"requests left the machine: {outside}"


def test_script_in_article_does_not_run(page: Any, evil_url: str, artifacts: Path) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(evil_url + "/timeline")
    page.locator("li.event a.event-link").first.click()
    page.wait_for_url("**/events/*")
    assert "<script>alert(1)</script>" in page.locator("main").inner_text() or (
        "<img src=x onerror=alert(2)>" in page.locator("main").inner_text()
    )
    page.locator(".evidence-context h3 a").first.click()
    page.wait_for_url("**/documents/*")
    text = page.locator("#clean-text").inner_text()
    assert "<script>alert(1)</script>" in text and "<img src=x onerror=alert(2)>" in text
    page.screenshot(path=str(artifacts / "escaped_article.png"), full_page=True)
    assert dialogs == []


def test_relations_chart_loads(page: Any, seeds_url: str, artifacts: Path) -> None:
    outside = _local_only(page, seeds_url)
    page.goto(seeds_url + "/relations")
    page.locator("a.dyad-link").first.click()
    page.wait_for_url("**/relations?*")
    chart = page.locator("figure.chart svg.relations-svg")
    chart.wait_for()
    assert chart.bounding_box()["width"] > 100
    assert page.locator("ol.events li.event").count() > 0
    page.locator("svg a.bar-link").first.click()  # a bar opens the events behind it
    page.wait_for_url("**/timeline?*between=*")
    assert page.locator("li.event").count() > 0
    page.screenshot(path=str(artifacts / "relations.png"), full_page=True)
    assert outside == []
