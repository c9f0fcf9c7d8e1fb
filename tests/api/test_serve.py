"""``storyline serve``: registered on the CLI, documented, fails clearly without a store."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app


def test_serve_help_lists_its_options() -> None:
    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--db", "--host", "--port"):
        assert option in result.output


def test_serve_without_a_store_says_what_to_do(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "missing.db")])
    assert result.exit_code == 2
    assert "storyline build" in result.output


@pytest.mark.slow
def test_serve_takes_a_base_url_and_refuses_a_bad_one(seeds_db: Path) -> None:
    assert "--base-url" in CliRunner().invoke(app, ["serve", "--help"]).output
    args = ["serve", "--db", str(seeds_db), "--base-url", "javascript:alert(1)"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2 and "base URL" in result.output
