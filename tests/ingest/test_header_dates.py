"""Issue 17: a text file whose `` date`` header is no real day is said so, by file and
reason, and is still read and stored (its date then comes from its other signals)."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.engine.local import build
from storyline.engine.stages import BuildConfig
from storyline.ingest.dates import day_problem
from storyline.ingest.readers import iter_inputs, read_bytes
from storyline.records import RawDocument
from storyline.store.memory import MemoryStore

TEXT = "Russia and South Korea held talks in Seoul on Tuesday.\n"


def _warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]


@pytest.mark.parametrize(
    ("header", "reason"),
    [
        ("2024-13-45", "month must be in 1..12"),
        ("2023-02-30", "day is out of range for month"),
        ("0001-01-01", "year 1 is outside 1000..2999"),
    ],
)
def test_an_impossible_header_date_is_reported_with_the_file_and_why(
    caplog: pytest.LogCaptureFixture, header: str, reason: str
) -> None:
    caplog.set_level(logging.WARNING, logger="storyline")
    (doc,) = list(read_bytes("news/a.txt", f" date {header}\n{TEXT}".encode()))
    assert isinstance(doc, RawDocument) and doc.date_hints == ()  # kept, but not dated by it
    assert _warnings(caplog) == [
        f"news/a.txt: header date {header!r} is not a real day ({reason}); the document"
        " is kept and dated from its text"
    ]


def test_a_real_header_date_says_nothing(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="storyline")
    (doc,) = list(read_bytes("a.txt", f" date 2024-02-29\n{TEXT}".encode()))
    assert isinstance(doc, RawDocument) and [h.value for h in doc.date_hints] == ["2024-02-29"]
    assert _warnings(caplog) == []
    assert day_problem("2024-02-29") is None and day_problem("2023-02-29") is not None


def test_the_warning_names_the_file_as_the_reader_shows_it(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="storyline")
    (tmp_path / "bad.txt").write_text(f" date 2024-13-45\n{TEXT}", encoding="utf-8")
    (doc,) = list(iter_inputs([tmp_path]))
    assert isinstance(doc, RawDocument)
    (message,) = _warnings(caplog)
    assert message.startswith(f"{doc.source}: header date '2024-13-45'") and "bad.txt" in message


@pytest.mark.slow
def test_a_build_stores_the_document_and_warns(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="storyline")
    (tmp_path / "bad.txt").write_text(f" date 2024-13-45\n{TEXT}", encoding="utf-8")
    store = MemoryStore()
    report = build([tmp_path], store, BuildConfig(workers=1))
    assert report.quarantined == [] and report.new == 1
    ((source, warning),) = report.warned  # counted in the build report
    assert source.endswith("bad.txt") and warning.startswith("header date '2024-13-45'")
    (row,) = store.documents()
    assert row["source"].endswith("bad.txt") and row["published"] is None
    assert any("bad.txt: header date '2024-13-45'" in m for m in _warnings(caplog))
    (listed,) = store.document_listing()["documents"]
    assert listed["date_from"] == "no date found"  # not "None (0.00)"


@pytest.mark.slow
def test_the_build_summary_counts_inputs_kept_with_a_warning(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "bad.txt").write_text(f" date 2024-13-45\n{TEXT}", encoding="utf-8")
    (corpus / "good.txt").write_text(f" date 2024-02-07\n{TEXT}", encoding="utf-8")
    db = str(tmp_path / "t.db")
    table = CliRunner().invoke(app, ["build", str(corpus), "--db", db, "--workers", "1"])
    assert table.exit_code == 0, table.stderr
    assert "1 input(s) kept with a warning" in table.stderr and "bad.txt" in table.stderr
    (tmp_path / "t.db").unlink()
    as_json = CliRunner().invoke(
        app, ["build", str(corpus), "--db", db, "--workers", "1", "-q", "-f", "json"]
    )
    payload = json.loads(as_json.stdout)
    assert payload["warnings"] == 1 and payload["warned"][0]["source"].endswith("bad.txt")
