"""Publication-date signals of HTML pages, one synthetic page per case (issue 16)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.ingest.dates import MONTHS
from storyline.ingest.page_text import (
    _foreign,
    _foreign_nodes,
    _holds_headline,
    canonical_url,
    parse_html,
)
from storyline.ingest.pubdate import resolve_page_date
from storyline.ingest.stamps import find_stamps, in_order, month_names


def _page(head: str = "", body: str = "", lang: str = "en") -> str:
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><title>A headline</title>{head}</head>'
        f"<body>{body}<p>{'Some article text that goes on. ' * 20}</p></body></html>"
    )


def _sources(result: object) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for c in result.candidates:  # type: ignore[attr-defined]
        out.setdefault(c.source, set()).add(c.value)
    return out


def test_utc_near_midnight_is_the_previous_local_day_on_a_us_page() -> None:
    meta = '<meta property="article:published_time" content="2020-05-02T02:54:29Z">'
    got = resolve_page_date(_page(meta, "<h1>A headline</h1>", lang="en-US"), None)
    assert got.day == "2020-05-01"
    assert "country us" in got.locale


def test_utc_stamp_follows_the_offset_the_page_prints_itself() -> None:
    head = (
        '<meta property="article:published_time" content="2022-04-22T04:11:44+00:00">'
        '<meta property="article:modified_time" content="2022-04-21T22:11:44-06:00">'
    )
    got = resolve_page_date(_page(head, "<h1>A headline</h1>"), "https://example.com/a")
    assert got.day == "2022-04-21"


def test_utc_near_midnight_on_a_german_page_is_the_next_local_day() -> None:
    meta = '<meta property="article:published_time" content="2020-01-07T23:30:16Z">'
    got = resolve_page_date(_page(meta, "<h1>Titel</h1>", lang="de"), "https://beispiel.de/x")
    assert got.day == "2020-01-08"


def test_numeric_dates_follow_the_page_language() -> None:
    meta = '<meta name="date" content="11/01/2023">'
    assert resolve_page_date(_page(meta, lang="de-CH"), None).day == "2023-01-11"
    assert resolve_page_date(_page(meta, lang="en-US"), None).day == "2023-11-01"


def test_published_beats_last_change_and_the_change_is_kept_as_rejected() -> None:
    body = (
        "<h1>Gemeinderat beschliesst Budget</h1><p>Letzte Änderung: 31.10.2023</p>"
        "<p>Erschienen am: 01.11.2023</p>"
    )
    got = resolve_page_date(_page("", body, lang="de"), None)
    assert got.day == "2023-11-01"
    assert "2023-10-31" in _sources(got)["html-byline-modified"]


def test_a_cue_after_the_date_marks_it_published() -> None:
    body = (
        "<h1>Titel</h1><p>Klaus-Peter Schöppner</p>"
        "<p>Dieser Beitrag wurde am Samstag, 3. Dezember 2011 um 10:15 Uhr veröffentlicht "
        "und ist seitdem viel gelesen worden.</p>"
    )
    assert resolve_page_date(_page("", body, lang="de"), None).day == "2011-12-03"


def test_json_ld_published_beats_modified() -> None:
    ld = (
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"datePublished": "2020-09-21T15:18:01+00:00", '
        '"dateModified": "2020-10-20T14:04:48+00:00"}</script>'
    )
    got = resolve_page_date(_page(ld, "<h1>x</h1>"), None)
    assert got.day == "2020-09-21"
    assert "2020-10-20" in _sources(got)["html-json-ld-modified"]


def test_a_related_article_time_is_rejected_for_the_articles_own() -> None:
    body = (
        '<div class="sidebar-latest"><time datetime="2021-05-06T10:00:00">6 May</time></div>'
        '<article><h1>Talks resume</h1><time datetime="2021-03-04T09:00:00">4 March 2021</time>'
        "<p>Text.</p></article>"
        '<section class="related-stories"><time datetime="2021-05-07">7 May 2021</time></section>'
    )
    got = resolve_page_date(_page("", body), None)
    assert got.day == "2021-03-04"
    related = _sources(got)["html-related"]
    assert {"2021-05-06", "2021-05-07"} <= related


def test_script_and_rdf_dates() -> None:
    script = '<script>showDate("2020/04/17 01:43:09");</script>'
    assert resolve_page_date(_page("", "<h1>x</h1>" + script), None).day == "2020-04-17"
    rdf = '<!-- <rdf:Description dc:date="2020-07-03" /> -->'
    got = resolve_page_date(_page(rdf, "<h1>x</h1>"), None)
    assert "2020-07-03" in _sources(got)["html-rdf"]


def test_url_date_and_image_url_date() -> None:
    got = resolve_page_date(_page("", "<h1>x</h1>"), "https://news.example.org/2021/05/04/talks")
    assert got.day == "2021-05-04"
    img = '<img src="/photos/20201007120909561.jpg">'
    got = resolve_page_date(_page("", "<h1>x</h1>" + img), None)
    assert "2020-10-07" in _sources(got)["html-media-url"]


def test_an_undated_page_gets_no_day() -> None:
    assert resolve_page_date(_page("", "<h1>About us</h1>"), None).day is None


def test_stamps_keep_time_and_offset() -> None:
    (stamp,) = find_stamps("Tue, 4 May 2021 19:18:00 +0200")
    assert (stamp.day, stamp.clock, stamp.offset) == (date(2021, 5, 4), (19, 18), 120)
    (stamp,) = find_stamps("3 de mayo de 2022 a las 07:46hrs")
    assert stamp.day == date(2022, 5, 3)


@settings(max_examples=40, deadline=None)
@given(
    st.text(max_size=300),
    st.sampled_from(["", "<time datetime='{}'>", "<meta name=date content='{}'>"]),
)
def test_never_raises_and_stays_in_range(text: str, wrap: str) -> None:
    html = f"<html><body>{wrap.format(text) if wrap else text}</body></html>"
    got = resolve_page_date(html, None)
    if got.day is not None:
        assert date(1990, 1, 1) <= date.fromisoformat(got.day) <= date.today() + timedelta(days=1)


def test_a_numeric_date_keeps_both_readings_and_is_read_once() -> None:
    (stamp,) = find_stamps("Published 03/10/2004 08:15")
    assert (stamp.day, stamp.month_first) == (date(2004, 10, 3), date(2004, 3, 10))
    assert in_order(stamp, False).day == date(2004, 3, 10)
    assert in_order(stamp, True) == stamp == in_order(stamp, None)
    (dotted,) = find_stamps("03.10.2004")  # dotted dates are day first everywhere
    assert dotted.month_first is None and in_order(dotted, False).day == date(2004, 10, 3)


_STAMP_TEXT = st.lists(
    st.one_of(
        st.builds(
            "{}{}{}{}{}".format,
            st.integers(0, 35),
            st.sampled_from(["/", "-", "."]),
            st.integers(0, 35),
            st.sampled_from(["/", "-", "."]),
            st.sampled_from(["2004", "1999", "22", "07"]),
        ),
        st.sampled_from([" ", ", ", " 12:30 +0200 ", "4 May 2021", "2021-05-04T23:10Z", "x"]),
    ),
    max_size=8,
).map("".join)


@settings(max_examples=200, deadline=None)
@given(_STAMP_TEXT, st.sampled_from([True, False, None]))
def test_reading_in_order_is_finding_with_the_order(text: str, day_first: bool | None) -> None:
    """A value parsed once with the order unknown, then read in the page's order, is the
    stamp parsing it with that order gives (the date vote relies on it)."""
    unknown = find_stamps(text)
    assert [in_order(s, day_first) for s in unknown] == find_stamps(text, day_first)


def test_one_month_table_english_names_are_its_english_row() -> None:
    names = month_names()
    assert MONTHS and all(names[name] == number for name, number in MONTHS.items())
    assert MONTHS["sept"] == 9 and "dezember" not in MONTHS and names["dezember"] == 12


def test_canonical_url_og_url_first_then_the_canonical_link() -> None:
    link = '<link rel="canonical" href="https://example.org/a">'
    og = '<meta property="og:url" content=" https://example.org/b ">'
    assert canonical_url(parse_html(_page(link + og))) == "https://example.org/b"
    assert canonical_url(parse_html(_page(link))) == "https://example.org/a"
    assert canonical_url(parse_html(_page('<link rel="Canonical" href="/c">'))) == "/c"
    assert canonical_url(parse_html(_page('<meta property="og:url" content=" ">'))) is None
    assert canonical_url(parse_html(_page())) is None


_TAGS = st.sampled_from(["div", "section", "aside", "footer", "article", "p", "span", "h1"])
_CLASSES = st.sampled_from(["", "related", "story", "comment-list", "main", "sidebar-x"])


@st.composite
def _blocks(draw: st.DrawFn, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 3 if depth < 4 else 0))):
        tag, cls = draw(_TAGS), draw(_CLASSES)
        inner = draw(_blocks(depth + 1))
        parts.append(f'<{tag} class="{cls}">t<!-- c -->{inner}</{tag}>x')
    return "".join(parts)


@settings(max_examples=150, deadline=None)
@given(_blocks())
def test_foreign_nodes_in_one_walk_are_the_nodes_foreign_tests(body: str) -> None:
    """The one-walk marking of related/comment blocks equals testing every node."""
    root = parse_html(f"<html><body>{body}</body></html>")
    keep = _holds_headline(root)
    assert _foreign_nodes(root, keep) == [
        n for n in root.iter() if isinstance(n.tag, str) and _foreign(n, keep)
    ]
