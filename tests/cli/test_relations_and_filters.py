"""``relations --period/--smooth`` and the filter options ``timeline`` and ``export``
share (declared once: ``cli_timeline.with_filters``)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from tests.timeline.helpers import dyad_store
from typer.testing import CliRunner

from storyline.cli import app


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(dyad_store(tmp_path / "dyad.db"))


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "120"})
    return result.exit_code, result.stdout, result.stderr


def test_relations_smooth_adds_a_labelled_column(db: str) -> None:
    code, out, _ = run("relations", "RUS", "KOR", "--db", db, "--period", "month", "-f", "json")
    assert code == 0 and "smoothing" not in json.loads(out)
    code, out, _ = run("relations", "RUS", "KOR", "--db", db, "--period", "month",
                       "--smooth", "2", "-f", "json")  # fmt: skip
    body = json.loads(out)
    assert [r["smoothed"] for r in body["series"]] == [None, 1.5, -1.75, 3.25]
    assert body["smoothing"]["label"] == "smoothed: trailing mean of 2 months"
    code, out, _ = run("relations", "RUS", "KOR", "--db", db, "--period", "month",
                       "--smooth", "3", "--smooth-window", "centred", "-f", "csv")  # fmt: skip
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and list(rows[0]) == ["period", "score", "smoothed", "events", "types"]
    # the periods with events (February has none): raw scores beside the centred mean
    assert [(r["period"], r["score"], r["smoothed"]) for r in rows] == [
        ("2021-01", "3.00", ""), ("2021-03", "-3.50", "2.17"), ("2021-04", "10.00", "")
    ]  # fmt: skip
    code, out, _ = run("relations", "RUS", "KOR", "--db", db, "--period", "month", "--smooth", "2")
    assert code == 0 and "(smoothed: trailing mean of 2 months)" in out
    assert out.splitlines()[1].split() == ["period", "score", "smoothed", "events", "types"]


def test_relations_weeks_and_days(db: str) -> None:
    code, out, _ = run("relations", "RUS", "KOR", "--db", db, "--period", "week", "-f", "json")
    weeks = [r["period"] for r in json.loads(out)["series"] if r["events"]]
    assert code == 0 and weeks == ["2021-W01", "2021-W10", "2021-W11", "2021-W13", "2021-W17"]
    code, out, _ = run("relations", "RUS", "KOR", "--db", db, "--period", "day", "-f", "csv")
    assert code == 0 and [r["period"] for r in csv.DictReader(io.StringIO(out))] == [
        "2021-01-05", "2021-03-10", "2021-03-20", "2021-04-02", "2021-04-30"
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--smooth", "1"], "smooth must be 0 (off) or 2 to 52 periods, got 1"),
        (["--smooth", "2", "--smooth-window", "middle"], "unknown smoothing window 'middle'"),
        (["--period", "decade"], "unknown period 'decade'; one of: day, week, month"),
    ],
)
def test_relations_bad_choices_exit_2(db: str, args: list[str], says: str) -> None:
    code, out, err = run("relations", "RUS", "KOR", "--db", db, *args)
    assert code == 2 and out == "" and says in " ".join(err.split())


FILTERS = ["--actor", "--between", "--from", "--to", "--type", "--modality", "--limit",
           "--min-confidence"]  # fmt: skip


def _options(help_text: str) -> list[str]:
    return [w for line in help_text.splitlines() for w in line.strip("│ ").split()[:1]
            if w.startswith("--")]  # fmt: skip


def test_timeline_and_export_take_the_same_filters(db: str) -> None:
    timeline_help, export_help = run("timeline", "--help")[1], run("export", "--help")[1]
    for text in (timeline_help, export_help):
        found = [o for o in _options(text) if o in FILTERS]
        assert found == FILTERS  # every filter, in one order
    # the same filter gives the same events in both commands
    args = ["--db", db, "--modality", "asserted", "--from", "2021-03", "--type", "assault",
            "--type", "AGREE"]  # fmt: skip
    code, out, _ = run("timeline", *args, "-f", "json")
    code2, out2, _ = run("export", *args, "-f", "json")
    ids = sorted(e["id"] for e in json.loads(out))
    assert code == code2 == 0 and ids == ["e2", "e4"]
    assert sorted(e["id"] for e in json.loads(out2)) == ids
    code, out, _ = run("export", "--db", db, "-f", "json", "--limit", "2")
    assert code == 0 and len(json.loads(out)) == 2
    code, out, _ = run("export", "--db", db, "-f", "json", "--min-confidence", "0.9")
    assert code == 0 and json.loads(out) == []  # every event of the store has 0.8
    code, out, _ = run("export", "--db", db, "-f", "json", "--min-confidence", "0.8")
    assert code == 0 and len(json.loads(out)) == 5


def test_a_bad_filter_fails_alike_in_both(db: str) -> None:
    for command in (["timeline"], ["export", "-f", "csv"]):
        code, out, err = run(*command, "--db", db, "--to", "2024-13-45")
        assert code == 2 and out == "" and "2024-13-45" in err
