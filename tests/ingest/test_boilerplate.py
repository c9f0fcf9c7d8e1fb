"""Boilerplate lines of extracted pages, and the real-page snippet gate (issue 16)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from storyline.ingest import clean_text, read_bytes
from storyline.ingest.boilerplate import boilerplate_reasons
from storyline.records import RawDocument

REAL = Path(__file__).resolve().parents[3] / "shared" / "realpages"


def test_read_more_signup_copyright_and_teaser_list() -> None:
    lines = [
        "The council voted on Tuesday to raise the budget by four percent, officials said.",
        "Read more: Council rejects earlier plan",
        "Sign up for our newsletter. We won't share your email address.",
        "Mehr zum Thema",
        "Bürgermeister tritt zurück",
        "Neue Schule eröffnet",
        "The mayor said the decision would be reviewed next year after a public hearing.",
        "© 2022 Example Media. All rights reserved.",
    ]
    assert boilerplate_reasons(lines) == [
        None, "read-more", "signup", "read-more", "teaser", "teaser", None, "copyright",
    ]  # fmt: skip


def test_article_sentences_mentioning_the_words_stay() -> None:
    lines = [
        "The ministry said in its weekly newsletter that the talks had stalled again after the "
        "opposition walked out of the session, and that no new date had been set for them.",
        "Lea también lo que dijo el ministro sobre el acuerdo, que según él se firmará pronto, "
        "aunque la oposición insiste en que no hay consenso y que el texto debe volver a la "
        "comisión para una nueva revisión.",
    ]
    assert boilerplate_reasons(lines) == [None, None]


def test_removals_are_recorded_with_reasons_on_pages_only() -> None:
    raw = "Talks resumed on Monday in Geneva, the envoy said.\n\nRead more: Envoy named\n"
    page = clean_text(raw, "html")
    assert "Read more" not in page.text
    assert [r.reason for r in page.removals] == ["read-more"]
    # text scrapes keep their own rules (here the edge-link rule takes the line)
    assert {r.reason for r in clean_text(raw, "txt").removals} == {"navigation"}


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.skipif(not REAL.is_dir(), reason="../shared/realpages is missing")
def test_real_pages_keep_and_drop_their_snippets() -> None:
    """Every 8th real page: the stored text keeps the must-keep snippets and drops the
    must-drop ones at least as well as measured (bench/ingest/realpages.py); floors only rise."""
    snippets = json.loads((REAL / "snippets.json").read_text(encoding="utf-8"))
    kept = missed = leaked = dropped = 0
    for name in sorted(snippets)[::8]:
        data = (REAL / "pages" / name).read_bytes()
        docs = [d for d in read_bytes(name, data) if isinstance(d, RawDocument)]
        text = _norm(clean_text(docs[0].raw_text, docs[0].format).text) if docs else ""
        for snip in snippets[name]["with"]:
            kept, missed = (kept + 1, missed) if _norm(snip) in text else (kept, missed + 1)
        for snip in snippets[name]["without"]:
            leaked, dropped = (
                (leaked + 1, dropped) if _norm(snip) in text else (leaked, dropped + 1)
            )
    recall = kept / (kept + missed)
    precision = kept / (kept + leaked)
    assert recall >= 0.90, (recall, missed)
    assert precision >= 0.88, (precision, leaked)
