"""Reader comments: kept apart from the article, stored as removals, never in the clean text."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest
import trafilatura

from storyline.ingest import CleanStage, MetadataStage, clean_text, read_bytes
from storyline.ingest.cleaning import COMMENTS_MARK, article_end, with_comments
from storyline.ingest.decode import decode_bytes
from storyline.ingest.html import extract_html
from storyline.pipeline import StageStats
from storyline.records import Document, RawDocument

REAL = Path(__file__).resolve().parents[3] / "shared" / "realpages"
needs_real = pytest.mark.skipif(not REAL.is_dir(), reason="../shared/realpages is missing")

_SENTENCE = "The council met on Tuesday to discuss the new budget for schools and roads."
_ARTICLE = "<p>" + " ".join([_SENTENCE] * 3) + "</p>"
_PAGE = f"""<html><head><title>Budget</title></head><body><article>
<h1>Council debates budget</h1>{_ARTICLE * 5}</article>
<div id="comments"><h2>Join the conversation</h2><ol class="comment-list">
<li><p>I hope the roads get fixed before the winter comes, they are terrible.</p></li>
<li><p>Great point, thanks.</p></li></ol></div></body></html>"""


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _page(name: str) -> RawDocument:
    docs = [d for d in read_bytes(name, (REAL / "pages" / name).read_bytes())]
    assert len(docs) == 1 and isinstance(docs[0], RawDocument), docs
    return docs[0]


def _snippets(name: str) -> dict[str, list[str]]:
    snippets: dict[str, dict[str, list[str]]] = json.loads(
        (REAL / "snippets.json").read_text(encoding="utf-8")
    )
    return snippets[name]


def _cleaned_document(raw: RawDocument) -> Document:
    stats = StageStats()
    (doc,) = CleanStage().run([Document.from_raw(raw)], stats)
    return doc


def test_comments_follow_the_article_behind_the_mark_on_pages_only() -> None:
    raw = with_comments("An article.\n\nIts second paragraph.", "A reader wrote this.")
    end = article_end(raw, "html")
    assert raw[:end] == "An article.\n\nIts second paragraph."
    assert raw[end:].strip() == f"{COMMENTS_MARK}\n\nA reader wrote this.".strip()
    assert article_end(raw, "txt") == len(raw)  # only a page reader writes the mark
    assert with_comments("An article.", "") == "An article."
    # a mark inside extracted text can never split it
    odd = with_comments(f"One{COMMENTS_MARK}\n\n{COMMENTS_MARK}\n\ntwo.", "")
    assert article_end(odd, "html") == len(odd)


def test_comment_lines_are_removals_and_their_furniture_has_its_own_reason() -> None:
    article = "The council voted on Tuesday to raise the budget by four percent, officials said."
    comments = "\n\n".join(
        [
            "Anna says: 3 May 2020 at 9:15 am",
            "I hope the roads get fixed before the winter comes.",
            "Reply",
            "Sign up for our newsletter",
            "Sei herzlich gegrüßt",
        ]
    )
    cleaned = clean_text(with_comments(article, comments), "html")
    assert cleaned.text == article
    assert [(r.reason, r.text) for r in cleaned.removals] == [
        ("comment-furniture", "Anna says: 3 May 2020 at 9:15 am"),
        ("comments", "I hope the roads get fixed before the winter comes."),
        ("comment-furniture", "Reply"),
        ("signup", "Sign up for our newsletter"),
        ("comments", "Sei herzlich gegrüßt"),
    ]
    # a text scrape has no comments: the same characters are article lines there
    assert "I hope the roads" in clean_text(with_comments(article, comments), "txt").text


def test_the_html_reader_keeps_comments_apart_without_their_headings() -> None:
    page = extract_html(_PAGE)
    assert "council met on Tuesday" in page.text
    assert "roads get fixed" not in page.text
    assert page.comments == (
        "I hope the roads get fixed before the winter comes, they are terrible.\n\n"
        "Great point, thanks."
    )  # the heading "Join the conversation" is the block's title, not a comment
    (raw,) = read_bytes("budget.html", _PAGE.encode())
    assert isinstance(raw, RawDocument)
    doc = _cleaned_document(raw)
    assert "roads get fixed" not in doc.text
    kept = [r.text for r in doc.removals if r.reason == "comments"]
    assert kept == [
        "I hope the roads get fixed before the winter comes, they are terrible.",
        "Great point, thanks.",
    ]


@needs_real
@pytest.mark.parametrize(
    ("name", "snippet"),
    [
        ("page_0065.html", "wie flatterhaft das Mädl ist? :)"),
        ("page_0118.html", "Ein Mann alleine hätte niemals"),
        ("page_0128.html", "Ich bin der Ansicht, abwarten und Tee trinken."),
    ],
)
def test_a_real_pages_comment_is_kept_apart_and_never_reaches_the_event_text(
    name: str, snippet: str
) -> None:
    assert snippet in _snippets(name)["with"]
    raw = _page(name)
    doc = _cleaned_document(raw)
    assert _norm(snippet) not in _norm(doc.text)  # the text language and event stages read
    comments = _norm(" ".join(r.text for r in doc.removals if r.reason == "comments"))
    assert _norm(snippet) in comments
    # the article is what it would be without the comments, and so is its date
    end = article_end(raw.raw_text, raw.format)
    assert end < len(raw.raw_text)
    alone = _cleaned_document(dataclasses.replace(raw, raw_text=raw.raw_text[:end]))
    assert doc.text == alone.text and doc.segments == alone.segments
    dated, dated_alone = MetadataStage().annotate(doc), MetadataStage().annotate(alone)
    assert dated.published == dated_alone.published
    assert dated.date_candidates == dated_alone.date_candidates


@needs_real
def test_comment_bylines_are_furniture_on_a_real_page() -> None:
    doc = _cleaned_document(_page("page_0052.html"))
    reasons = {r.text: r.reason for r in doc.removals}
    assert reasons["Comment by Mirko Lange — 17.07, 2011 @ 13:04"] == "comment-furniture"
    comments = [r.text for r in doc.removals if r.reason == "comments"]
    assert any(text.startswith("Wenn das mit den Klarnamen in den AGBs steht") for text in comments)
    assert not any(text.startswith("Comment by") for text in comments)


@needs_real
def test_comments_are_trafilaturas_own_capture_without_headings() -> None:
    """The reader runs trafilatura's comment capture alone (internal functions); it must
    find what ``bare_extraction(include_comments=True)`` finds, less the headings."""
    html, _ = decode_bytes((REAL / "pages" / "page_0342.html").read_bytes())
    full = trafilatura.bare_extraction(html, include_comments=True, include_tables=True)
    assert full is not None and not isinstance(full, dict)
    headings = {_norm(" ".join(h.itertext())) for h in full.commentsbody.iter("head")}
    assert headings == {"Kommentare", "Kommentar schreiben"}  # the page's comment form
    assert extract_html(html).comments == ""
    html, _ = decode_bytes((REAL / "pages" / "page_0118.html").read_bytes())
    full = trafilatura.bare_extraction(html, include_comments=True, include_tables=True)
    assert full is not None and not isinstance(full, dict)
    assert not list(full.commentsbody.iter("head"))
    expected = [_norm(line) for line in (full.comments or "").split("\n") if line.strip()]
    got = [_norm(p) for p in extract_html(html).comments.split("\n\n")]
    assert got == expected and len(got) > 20


def test_contact_labels_and_unaccented_phrases_on_pages() -> None:
    article = "The plant will open in May and employ 200 people, the company said on Monday."
    raw = "\n\n".join(
        [
            article,
            "Kontakt:",
            "Dr. Anna Berg",
            "Telefon: +49 (0)40 / 49 07 11 06",
            "Siguenos en Telegram",
            "A lire aussi :",
        ]
    )
    cleaned = clean_text(raw, "html")
    assert cleaned.text == f"{article}\n\nDr. Anna Berg"
    assert [r.reason for r in cleaned.removals] == ["contact", "contact", "signup", "read-more"]
