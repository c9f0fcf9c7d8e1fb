"""Optional packages (the serve, charts and ray extras): the CLI starts without them,
and a feature that needs one says which extra to install instead of a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.errors import OPTIONAL_PACKAGES, MissingExtra
from storyline.timeline.relations import relations_chart_svg

runner = CliRunner()


def _block(monkeypatch: pytest.MonkeyPatch, *modules: str) -> None:
    """Make ``import module`` fail as it does when the package is not installed."""
    for name in modules:
        monkeypatch.setitem(sys.modules, name, None)


def test_the_cli_imports_no_optional_package() -> None:
    blocked = ", ".join(f"{m!r}: None" for m in OPTIONAL_PACKAGES)
    script = (
        f"import sys; sys.modules.update({{{blocked}}})\n"
        "from storyline.cli import app\n"
        "app(['timeline', '--help'])\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "Usage" in done.stdout


def test_serve_without_the_serve_extra_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _block(monkeypatch, "uvicorn")
    result = runner.invoke(app, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2
    assert "storyline serve needs uvicorn" in result.output
    assert "pip install 'storyline[serve]'" in result.output
    assert "Traceback" not in result.output


def test_a_chart_image_without_matplotlib_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _block(monkeypatch, "matplotlib", "matplotlib.figure")
    with pytest.raises(MissingExtra, match=r"storyline\[charts\]") as caught:
        relations_chart_svg({})
    assert caught.value.extra == "charts"
