"""The command line, as a user runs it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.events.confidence import admission_floor

runner = CliRunner()


def _run(*args: str, input: str | None = None) -> tuple[int, str]:
    result = runner.invoke(app, list(args), input=input)
    return result.exit_code, result.stdout


def test_help_lists_every_command() -> None:
    code, out = _run("--help")
    assert code == 0
    for cmd in ("build", "timeline", "docs", "show", "extract", "timex", "actors", "stories"):
        assert cmd in out


@pytest.mark.slow
def test_timeline_json_follows_the_contract(seeds_db: Path) -> None:
    code, out = _run("timeline", "--db", str(seeds_db), "--format", "json")
    assert code == 0
    events = json.loads(out)
    assert events
    for e in events:
        assert {"id", "date", "date_source", "type", "modality", "source", "target", "summary",
                "evidence", "trigger", "confidence"} <= set(e)  # fmt: skip
        assert e["date_source"] in ("text", "context", "reported")
        assert all({"id", "name", "country", "sector"} <= set(a) for a in e["source"])
        assert all({"document", "start", "end", "text"} <= set(ev) for ev in e["evidence"])


@pytest.mark.slow
def test_timeline_filters(seeds_db: Path) -> None:
    def ids(*args: str) -> set[str]:
        code, out = _run("timeline", "--db", str(seeds_db), "-f", "json", *args)
        assert code == 0, out
        return {e["id"] for e in json.loads(out)}

    everything = ids()
    sanctions = ids("--type", "SANCTION")
    assert sanctions and sanctions < everything
    between = ids("--between", "RUS", "KOR")
    assert between and between == ids("--between", "South Korea", "Russia")
    assert ids("--actor", "Lavrov") and ids("--actor", "Lavrov") < everything
    assert ids("--from", "2024", "--to", "2024") < everything
    assert ids("--modality", "future")


@pytest.mark.slow
def test_bad_filters_get_a_clear_message(seeds_db: Path) -> None:
    result = runner.invoke(app, ["timeline", "--db", str(seeds_db), "--type", "VISIT"])
    assert result.exit_code == 2 and "unknown event type" in result.stderr
    result = runner.invoke(app, ["timeline", "--db", "/nonexistent/x.db"])
    assert result.exit_code == 2 and "run `storyline build` first" in result.stderr


@pytest.mark.slow
def test_show_prints_the_evidence(seeds_db: Path) -> None:
    _, out = _run("timeline", "--db", str(seeds_db), "-f", "json", "--type", "SANCTION")
    event = json.loads(out)[0]
    code, shown = _run("show", event["id"][:10], "--db", str(seeds_db), "-f", "json")
    assert code == 0 and json.loads(shown)["id"] == event["id"]
    code, text = _run("show", event["id"], "--db", str(seeds_db))
    assert code == 0 and event["evidence"][0]["text"][:30] in " ".join(text.split())
    code, _ = _run("show", "nope", "--db", str(seeds_db))
    assert code == 1


@pytest.mark.slow
def test_docs_show_date_provenance(seeds_db: Path) -> None:
    code, out = _run("docs", "--db", str(seeds_db), "-f", "json")
    assert code == 0
    docs = json.loads(out)["documents"]
    assert len(docs) == 5 and all(d["published_source"] for d in docs)
    code, out = _run("docs", "--db", str(seeds_db), "-f", "csv")
    assert code == 0 and out.splitlines()[0].startswith("id,published")


@pytest.mark.slow
def test_timex_and_extract_read_stdin() -> None:
    text = "Last December South Korea tightened its export controls on Moscow."
    code, out = _run("timex", "--date", "2024-02-07", "-", input=text)
    assert code == 0
    assert any(t["value"] == "2023-12" for t in json.loads(out))
    code, out = _run("extract", "--date", "2024-02-07", "-", input=text)
    assert code == 0
    events = json.loads(out)
    assert [e["type"] for e in events] == ["SANCTION"]
    assert events[0]["date"] == "2023-12" and events[0]["trigger"]["text"]
    code, _ = _run("timex", "--date", "yesterday", "-", input=text)
    assert code == 2


@pytest.mark.slow
def test_build_reports_bad_input_and_goes_on(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "good.txt").write_text(
        " date 2024-02-07 Russia and South Korea held talks in Seoul on Tuesday.\n",
        encoding="utf-8",
    )
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "blob.txt").write_bytes(bytes(range(256)) * 8)
    db = tmp_path / "t.db"
    result = runner.invoke(app, ["build", str(corpus), "--db", str(db), "--workers", "1", "-q"])
    assert result.exit_code == 3, result.stderr  # built, some inputs quarantined
    assert "empty.txt" in result.stderr and "blob.txt" in result.stderr
    _code, out = _run("docs", "--db", str(db), "-f", "json")
    payload = json.loads(out)
    assert len(payload["documents"]) == 1 and len(payload["quarantined"]) == 2


@pytest.mark.slow
def test_the_admission_floor_is_the_users_to_set(seeds_dir: Path, tmp_path: Path) -> None:
    """``build --admission-floor 0`` admits every event the frames fill; a higher floor
    admits only the more confident ones (the default is the model's own floor)."""
    counts, lowest = {}, {}
    for floor in ("0", None, "0.35", "0.6"):
        db = tmp_path / f"floor-{floor}.db"
        args = ["build", str(seeds_dir), "--db", str(db), "--workers", "1", "-q"]
        result = runner.invoke(app, [*args, *(["--admission-floor", floor] if floor else [])])
        assert result.exit_code == 0, result.stderr
        _code, out = _run("timeline", "--db", str(db), "--format", "json")
        events = json.loads(out)
        assert events
        counts[floor] = len(events)
        lowest[floor] = min(e["confidence"] for e in events)
    assert lowest["0.35"] >= 0.35 and lowest["0.6"] >= 0.6, lowest
    assert lowest[None] >= admission_floor(), lowest
    assert counts["0"] >= counts[None] > counts["0.6"], counts
    assert counts["0"] > counts["0.35"] > counts["0.6"], counts  # the seeds span the floors
    bad = runner.invoke(app, ["build", str(seeds_dir), "--db", str(tmp_path / "x.db"),
                              "--admission-floor", "1.5"])  # fmt: skip
    assert bad.exit_code == 2 and not (tmp_path / "x.db").exists()  # a usage error


@pytest.mark.slow
def test_min_confidence_keeps_only_lines_the_model_trusts(seeds_db: Path) -> None:
    code, out = _run("timeline", "--db", str(seeds_db), "--format", "json")
    everything = json.loads(out)
    levels = sorted({e["confidence"] for e in everything})
    assert len(levels) > 1, "the seeds should give lines of different confidence"
    cut = levels[len(levels) // 2]
    code, out = _run("timeline", "--db", str(seeds_db), "--format", "json", "--min-confidence",
                     str(cut))  # fmt: skip
    assert code == 0
    kept = json.loads(out)
    assert kept and all(e["confidence"] >= cut for e in kept)
    assert len(kept) == sum(1 for e in everything if e["confidence"] >= cut)
    code, _ = _run("timeline", "--db", str(seeds_db), "--min-confidence", "1.5")
    assert code != 0


@pytest.mark.slow
def test_extract_gives_every_actor_its_words() -> None:
    text = "Turkey imposed sanctions on Greece on Monday, the minister said."
    code, out = _run("extract", "--date", "2020-05-01", "-", input=text)
    assert code == 0
    (event,) = json.loads(out)
    for actor in (*event["source"], *event["target"]):
        assert text[actor["start"] : actor["end"]] == actor["text"]
    import storyline

    assert storyline.extract_events(text, "2020-05-01") == json.loads(out)


@pytest.mark.parametrize(
    ("files", "code"),
    [
        ({"good.txt": " date 2024-02-07 Russia and South Korea held talks.\n"}, 0),
        ({"good.txt": " date 2024-02-07 Russia and South Korea held talks.\n", "e.txt": ""}, 3),
        ({"e.txt": ""}, 1),  # every input quarantined: nothing could be built
        ({}, 1),  # no input at all
    ],
)
@pytest.mark.slow
def test_build_exit_codes_tell_scripts_what_happened(
    tmp_path: Path, files: dict[str, str], code: int
) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    for name, text in files.items():
        (corpus / name).write_text(text, encoding="utf-8")
    args = ["build", str(corpus), "--db", str(tmp_path / "t.db"), "--workers", "1", "-q"]
    assert runner.invoke(app, args).exit_code == code
    missing = ["build", str(tmp_path / "nope"), "--db", str(tmp_path / "t.db"), "-q"]
    assert runner.invoke(app, missing).exit_code == 1


@pytest.mark.slow
def test_a_second_build_on_one_store_stops_and_names_the_first(tmp_path: Path) -> None:
    from storyline.engine.lock import build_lock

    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a.txt").write_text(" date 2024-02-07 Russia and Japan held talks.\n")
    db = tmp_path / "t.db"
    with build_lock(db):  # a build in progress
        result = runner.invoke(app, ["build", str(corpus), "--db", str(db), "-q"])
        assert result.exit_code == 1
        assert "is being built by pid" in " ".join(result.stderr.split())
    assert runner.invoke(app, ["build", str(corpus), "--db", str(db), "-q"]).exit_code == 0


def test_a_full_disk_loses_the_lock_note_not_the_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import os

    from storyline.engine.lock import BuildLocked, build_lock

    def full(fd: int, data: bytes, offset: int) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    db = tmp_path / "t.db"
    with monkeypatch.context() as m:
        m.setattr(os, "pwrite", full)
        # was: OSError from the note's flush, a traceback; now the lock holds
        with (
            build_lock(db),
            pytest.raises(BuildLocked, match="being built by another process"),
            build_lock(db),
        ):
            pass
    with build_lock(db):
        assert db.with_name("t.db.lock").read_text().startswith(f"pid {os.getpid()} on ")


def test_escape_sequences_in_file_names_never_reach_the_terminal(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "bad\x1b[31m[bold]x.txt").write_bytes(b"")
    result = runner.invoke(app, ["build", str(corpus), "--db", str(tmp_path / "t.db"), "-q"])
    shown = result.stderr.replace("\n", "")
    assert "bad\x1b" not in shown and "bad\\x1b[31m[bold]x.txt" in shown


@pytest.mark.slow
def test_search_is_capped_like_the_server(seeds_db: Path) -> None:
    huge = " OR ".join(f"w{i}" for i in range(100))
    code, _ = _run("search", huge, "--db", str(seeds_db))
    assert code == 2


@pytest.mark.slow
def test_a_full_disk_is_reported_and_the_store_stays_usable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    from storyline.store.sqlite import SQLiteStore

    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a.txt").write_text(" date 2024-02-07 Russia and Japan held talks.\n")
    db = tmp_path / "t.db"

    def full(self: SQLiteStore, doc: object) -> bool:
        raise sqlite3.OperationalError("database or disk is full")

    with monkeypatch.context() as m:
        m.setattr(SQLiteStore, "add_document", full)
        result = runner.invoke(app, ["build", str(corpus), "--db", str(db), "-q"])
    assert result.exit_code == 1
    said = " ".join(result.stderr.split())
    assert f"disk full while storing {db}" in said and "nothing stored was lost" in said
    assert runner.invoke(app, ["build", str(corpus), "--db", str(db), "-q"]).exit_code == 0


def _read_only_sqlite(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every store opened as SQLite opens a file it may not write (``mode=ro``): the
    errors are SQLite's own, as for a read-only file (chmod does not stop root)."""
    import sqlite3

    connect = sqlite3.connect

    def read_only(path: Any, *args: Any, uri: bool = False, **kwargs: Any) -> Any:
        if uri:
            return connect(path, *args, uri=True, **kwargs)
        return connect(f"file:{path}?mode=ro", *args, uri=True, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", read_only)


def test_a_read_only_store_is_reported_with_sqlites_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from storyline.store.sqlite import SQLiteStore

    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "empty.txt").write_bytes(b"")  # quarantined: the build's first write
    db = tmp_path / "t.db"
    SQLiteStore(db).close()  # a store of the current schema
    with monkeypatch.context() as m:
        _read_only_sqlite(m)
        result = runner.invoke(app, ["build", str(corpus), "--db", str(db), "-q"])
    said = " ".join(result.stderr.split())
    assert result.exit_code == 1, said
    assert f"store {db} is read-only: attempt to write a readonly database" in said
    assert "Traceback" not in said and "schema version" not in said
    # the store is usable: writable again, the same build stores its one (quarantined)
    # input and says nothing could be built from it
    assert runner.invoke(app, ["build", str(corpus), "--db", str(db), "-q"]).exit_code == 1
    with SQLiteStore(db, read_only=True) as store:
        assert [q["source"] for q in store.quarantined()] == [str(corpus / "empty.txt")]


def test_a_store_sqlite_cannot_open_gives_sqlites_reason_not_schema_version_0(
    tmp_path: Path,
) -> None:
    db = tmp_path / "a-directory.db"  # exists, but SQLite cannot open it
    db.mkdir()
    result = runner.invoke(app, ["timeline", "--db", str(db)])
    said = " ".join(result.stderr.split())
    assert result.exit_code == 2
    assert said.startswith(f"error: cannot read store {db}: "), said
    assert "schema version" not in said


def test_version() -> None:
    from storyline import __version__

    code, out = _run("--version")
    assert code == 0 and out.strip() == f"storyline {__version__}"


@pytest.mark.slow
def test_show_says_when_a_prefix_is_ambiguous_or_too_short(seeds_db: Path) -> None:
    from storyline.store.sqlite import SQLiteStore

    with SQLiteStore(seeds_db, read_only=True) as store:
        ids = [r[0] for r in store.conn.execute("SELECT id FROM events ORDER BY id")]
    first = {}
    for i in ids:
        first.setdefault(i[0], []).append(i)
    shared = next(c for c, group in first.items() if len(group) > 1)
    result = runner.invoke(app, ["show", shared, "--db", str(seeds_db)])
    assert result.exit_code == 1 and "several event ids" in " ".join(result.stderr.split())
    unique = next(i for i in ids if sum(j.startswith(i[:2]) for j in ids) == 1)
    result = runner.invoke(app, ["show", unique[:2], "--db", str(seeds_db)])
    assert result.exit_code == 1 and "at least 4 characters" in " ".join(result.stderr.split())
    assert runner.invoke(app, ["show", unique[:6], "--db", str(seeds_db)]).exit_code == 0
    for wildcard in ("%", "%%%%", "____", unique[:4] + "%"):  # LIKE wildcards match nothing
        result = runner.invoke(app, ["show", wildcard, "--db", str(seeds_db)])
        assert result.exit_code == 1 and "no event" in result.stderr, wildcard


# --------------------------------------------------------------------------- issue 17


def _columns(width: int, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args), env={"COLUMNS": str(width)})
    return result.exit_code, result.stdout


@pytest.mark.parametrize(
    "command",
    [
        ["timeline"],
        ["docs"],
        ["actors"],
        ["stories"],
        ["search", "visit OR Seoul"],
        ["dyads"],
        ["relations", "RUS", "KOR"],
    ],
)
@pytest.mark.slow
def test_tables_fit_the_terminal_and_never_split_a_word(seeds_db: Path, command: list[str]) -> None:
    """At 60-120 columns every line fits and every word is one the table shows whole at
    1,000 columns (where nothing wraps), or that word shortened with an ellipsis."""
    code, wide = _columns(1000, *command, "--db", str(seeds_db))
    assert code == 0 and wide.strip()
    whole = set(wide.split())
    for width in (60, 80, 100, 120):
        code, text = _columns(width, *command, "--db", str(seeds_db))
        assert code == 0
        for line in text.splitlines():
            assert len(line) <= width, (width, line)
            for token in line.split():
                assert (
                    token in whole
                    or set(token) == {"─"}  # the rule under the header
                    or (token.endswith("…") and any(w.startswith(token[:-1]) for w in whole))
                    or (token.startswith("…") and any(w.endswith(token[1:]) for w in whole))
                ), (width, token, line)


@pytest.mark.slow
def test_search_tables_keep_the_highlighted_words(seeds_db: Path) -> None:
    code, out = _run("search", "visit", "--db", str(seeds_db), "-f", "json")
    hits = sum(r["snippet"].count("[visit]") for r in json.loads(out))
    assert code == 0 and hits
    code, table = _columns(80, "search", "visit", "--db", str(seeds_db))
    assert code == 0 and "[" not in table
    assert sum(t.strip(".,…").lower() == "visit" for t in table.split()) >= hits


def test_build_of_a_missing_path_fails_and_creates_nothing(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    result = runner.invoke(app, ["build", str(tmp_path / "nope"), "--db", str(db)])
    assert result.exit_code == 1
    assert " ".join(result.stderr.split()) == (
        f"error: no such file or directory: {tmp_path / 'nope'}; nothing was built"
    )
    assert not db.exists()


@pytest.mark.parametrize(
    ("value", "reason"),
    [("2024-13-45", "month must be in 1..12"), ("2024-02-30", "day is out of range for month")],
)
@pytest.mark.slow
def test_impossible_dates_are_refused(seeds_db: Path, value: str, reason: str) -> None:
    for args in (["timeline", "--from", value], ["export", "-f", "csv", "--to", value]):
        result = runner.invoke(app, [*args, "--db", str(seeds_db)])
        assert result.exit_code == 2
        assert " ".join(result.stderr.split()) == f"error: not a date: {value!r} ({reason})"


COMMANDS = ["build", "show", "docs", "actors", "stories", "search", "extract", "timex",
            "timeline", "relations", "dyads", "export"]  # fmt: skip


@pytest.mark.parametrize("command", [[], *[[c] for c in COMMANDS]])
def test_help_shows_what_people_type(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "100"})
    assert result.exit_code == 0
    for noise in ("<bool>", "<str>", "<int>", "<list[", "<path>", "<float"):
        assert noise not in result.stdout, (command, noise)


def test_build_help_says_what_workers_0_means() -> None:
    out = " ".join(runner.invoke(app, ["build", "--help"], env={"COLUMNS": "100"}).stdout.split())
    assert "[default: 0]" not in out
    assert "default: one per core (0)" in out.replace("│ ", "")
    assert "--progress" in out and "--no-progress" in out


@pytest.mark.slow
def test_build_shows_no_progress_when_not_on_a_terminal(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a.txt").write_text(" date 2024-02-07 Russia and Japan held talks.\n")
    result = runner.invoke(app, ["build", str(corpus), "--db", str(tmp_path / "t.db")])
    assert result.exit_code == 0
    assert "analysing" not in result.stderr and "docs/s" not in result.stderr
    assert result.stderr.startswith("built ")


@pytest.mark.slow
def test_timeline_tables_show_the_headline_and_who_reported_it(seeds_db: Path) -> None:
    from storyline.store.sqlite import SQLiteStore

    code, out = _run("timeline", "--db", str(seeds_db), "-f", "json")
    events = json.loads(out)
    with SQLiteStore(seeds_db, read_only=True) as store:
        outlets = {d["id"]: d["outlet"] for d in store.document_listing()["documents"]}
    code, table = _columns(1000, "timeline", "--db", str(seeds_db))
    assert code == 0
    lines = table.splitlines()[2:]  # under the header and its rule
    assert len(lines) == len(events)
    for e, line in zip(events, lines, strict=True):
        first = e["evidence"][0]
        assert e["headline"] in line and e["id"][:12] in line
        assert f"[{first['document'][:8]}:{first['start']}]" in line
        assert (outlets[first["document"]] or "") in line
