"""Language detection: real English stays English, however short; others are told apart.

English is checked on the 2,000 real wire stories of ``../shared/realnews/newswire``
(read in place: headline alone, first sentence alone, headline with it, body), the
texts most likely to fool a detector being the shortest. The non-English sentences
are written here. The build test checks that non-English documents are stored and
searchable but not coded, and counted in the build report.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.ingest.language import (
    declared_in_html,
    detect_language,
    is_coded,
    normalize_language,
)
from storyline.records import Document

ROOT = Path(__file__).resolve().parents[2]
NEWSWIRE = ROOT.parent / "shared" / "realnews" / "newswire"

OTHER = {
    "de": [
        "Die Bundesregierung hat am Freitag neue Sanktionen gegen Russland beschlossen.",
        "Bundesregierung beschließt neues Gesetz zum Klimaschutz",
        "Der Außenminister sagte, die Gespräche würden nächste Woche in Genf fortgesetzt.",
    ],
    "fr": [
        "Le gouvernement a annoncé mercredi de nouvelles sanctions contre la Russie.",
        "Le ministre des Affaires étrangères s'est rendu à Berlin pour des entretiens.",
    ],
    "es": ["El presidente se reunió el lunes con su homólogo en Madrid para hablar de comercio."],
    "ru": ["Министр иностранных дел России провёл переговоры в Москве."],
}


def _newswire() -> list[tuple[str, str]]:
    if not NEWSWIRE.is_dir():
        pytest.fail(f"the real corpora are missing: {NEWSWIRE} (this test needs ../shared)")
    out = []
    for path in sorted(NEWSWIRE.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").split("\n")
        out.append((lines[1].strip(), "\n".join(lines[3:]).strip()))
    assert len(out) == 2000
    return out


def test_real_english_newswire_is_english_even_headline_only() -> None:
    wrong: list[tuple[str, str, str]] = []
    for headline, body in _newswire():
        first = re.split(r"(?<=[.!?])\s", body, maxsplit=1)[0]
        for kind, text in (
            ("headline", headline),
            ("first sentence", first),
            ("headline and first sentence", f"{headline}\n{first}"),
            ("body", body),
        ):
            guess = detect_language(text)
            if guess.code not in ("en", "und"):
                wrong.append((kind, guess.code, text[:80]))
    assert not wrong, wrong[:10]


def test_short_english_is_english() -> None:
    for text in (
        "Russia and South Korea held talks in Seoul on Tuesday.",
        "Yeltsin sacks transport minister",
        "Police foil apparent attempt to kill pope",
        "Kinkel slams Ankara after criticism of deadly fire",
    ):
        assert detect_language(text).code == "en", text


def test_other_languages_are_told_apart() -> None:
    for code, sentences in OTHER.items():
        for text in sentences:
            assert detect_language(text).code == code, text


def test_declared_language_decides_only_what_the_text_cannot() -> None:
    german = OTHER["de"][0]
    assert detect_language(german, declared="en").code == "de"  # templates say "en" anyway
    headline = "Kanzler trifft Präsidenten in Paris"  # German, but too short to be sure
    assert detect_language(headline).code == "und"  # undetermined: coded, as English is
    guess = detect_language(headline, declared="de")
    assert (guess.code, guess.how) == ("de", "declared")
    assert detect_language("12:30 | 3-1 | 45'").code == "und"


def test_declared_language_forms() -> None:
    for value in ("de", "de-DE", "de_DE", "DE", "deu", "German", " de-CH "):
        assert normalize_language(value) == "de", value
    for value in (None, "", "xx-", 42, "not a language"):
        assert normalize_language(value) is None, value
    assert declared_in_html('<!DOCTYPE html><html class="x" lang="fr-FR"><head>') == "fr"
    assert declared_in_html('<html><head><meta property="og:locale" content="es_ES">') == "es"
    assert declared_in_html("<html><head><title>x</title>") is None


def test_only_english_or_undetermined_documents_are_coded() -> None:
    doc = Document(id="x", source="s", raw_text="t")
    assert is_coded(doc)  # stored before languages were detected
    assert is_coded(Document(id="x", source="s", raw_text="t", language="en"))
    assert is_coded(Document(id="x", source="s", raw_text="t", language="und"))
    assert not is_coded(Document(id="x", source="s", raw_text="t", language="de"))


@pytest.mark.slow
def test_build_stores_other_languages_uncoded_and_counts_them(tmp_path: Path) -> None:
    from storyline.cli import app
    from storyline.store.sqlite import SQLiteStore

    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "en.txt").write_text(
        " date 2024-02-07\nTurkey imposed sanctions on Greece on Monday, the minister said.\n",
        encoding="utf-8",
    )
    (corpus / "de.txt").write_text(
        " date 2024-02-07\nDie Türkei hat am Montag Sanktionen gegen Griechenland verhängt, "
        "sagte der Minister in Ankara. " + OTHER["de"][2] + "\n",
        encoding="utf-8",
    )
    records = [
        {"maintext": OTHER["fr"][0] + " " + OTHER["fr"][1], "language": "fr",
         "url": "https://exemple.fr/a", "date_publish": "2024-02-07 10:00:00"},
    ]  # fmt: skip
    (corpus / "crawl.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n")
    db = tmp_path / "t.db"
    args = ["build", str(corpus), "--db", str(db), "--workers", "1", "-q", "-f", "json"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["new"] == 3 and report["not_coded"] == 2
    assert report["languages"] == {"de": 1, "en": 1, "fr": 1}
    assert report["event_mentions"] >= 1  # the English one
    table = CliRunner().invoke(app, ["build", str(corpus), "--db", str(tmp_path / "u.db"),
                                     "--workers", "1"])  # fmt: skip
    assert "2 new documents not in English (de 1, fr 1)" in " ".join(table.stderr.split())
    with SQLiteStore(db, read_only=True) as store:
        langs = {d["source"].rsplit("/", 1)[-1]: d["language"] for d in store.documents()}
        assert langs == {"en.txt": "en", "de.txt": "de", "crawl.jsonl:1": "fr"}
        coded = {m.document for m in store.event_mentions()}
        de_id = next(d["id"] for d in store.documents() if d["language"] == "de")
        assert de_id not in coded and len(coded) == 1
        assert [r["document"] for r in store.search("Griechenland")] == [de_id]
        stored = store.load_document(de_id)
        assert stored is not None and stored.language == "de"
