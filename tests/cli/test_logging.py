"""Logging: the package prints nothing by itself (a NullHandler); the CLI is quiet by
default and tells what it did with -v, -vv or --log-level, on stderr."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

import storyline
from storyline.cli import app

runner = CliRunner()


@pytest.fixture(autouse=True)
def _restore_logger() -> Iterator[None]:
    logger = logging.getLogger("storyline")
    handlers, level = list(logger.handlers), logger.level
    yield
    logger.handlers[:] = handlers
    logger.setLevel(level)


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    """A directory whose one file is quarantined (binary): a build that needs no model."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(b"\x00\x01\x02 not text")
    return folder


def _build(inputs: Path, *options: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    db = inputs.parent / "t.db"
    result = runner.invoke(app, [*options, "build", str(inputs), "--db", str(db)], env=env)
    return result.exit_code, result.stderr


def test_the_package_adds_only_a_null_handler() -> None:
    handlers = logging.getLogger(storyline.__name__).handlers
    assert any(isinstance(h, logging.NullHandler) for h in handlers)


def test_quiet_by_default(inputs: Path) -> None:
    code, err = _build(inputs)
    assert code == 1  # nothing built: the one input is quarantined
    assert "quarantined" in err  # the build's own report, as before
    assert "storyline.store.sqlite" not in err and "INFO" not in err


def test_verbose_tells_migrations_quarantine_and_merge(inputs: Path) -> None:
    code, err = _build(inputs, "-v")
    assert code == 1
    assert "INFO storyline.store.sqlite: store" in err and "migration 1 applied" in err
    assert "INFO storyline.engine.local: quarantined" in err and "a.txt: looks binary" in err
    assert "events merged (full)" in err
    assert "DEBUG" not in err


def test_log_level_from_option_or_environment(inputs: Path) -> None:
    (inputs / "left-out.txt").write_text("Not read at all.", encoding="utf-8")
    db = inputs.parent / "t.db"
    argv = ["build", str(inputs), "--db", str(db), "--exclude", "left-out.*"]
    debug = runner.invoke(app, ["--log-level", "debug", *argv])
    assert debug.exit_code == 1
    assert "DEBUG storyline.ingest.readers: left out" in debug.stderr
    assert "left-out.txt: it matches --exclude" in debug.stderr
    assert "DEBUG storyline.ingest.readers" in runner.invoke(app, ["-vv", *argv]).stderr
    quiet = runner.invoke(app, argv, env={"STORYLINE_LOG_LEVEL": "ERROR"})
    assert quiet.exit_code == 1
    assert "INFO" not in quiet.stderr and "DEBUG" not in quiet.stderr
    loud = runner.invoke(app, argv, env={"STORYLINE_LOG_LEVEL": "INFO"})
    assert "INFO storyline.engine.local: built in" in loud.stderr


def test_an_unknown_level_is_a_usage_error() -> None:
    result = runner.invoke(app, ["--log-level", "LOUD", "timeline"])
    assert result.exit_code == 2
