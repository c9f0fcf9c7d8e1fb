"""The build's progress: the model's load is named, then documents with rate and ETA."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from storyline.cli_progress import FINISHING, LOADING, BuildProgress, PhaseClock


def test_the_rate_leaves_the_model_load_out_and_the_eta_counts_down() -> None:
    clock = PhaseClock(started=0.0)
    clock.update(0, 296, now=0.0)
    assert clock.rate() is None and clock.left(1.0) is None  # nothing back yet: unknown
    clock.update(16, 296, now=50.0)  # the first batch, after a 50 s model load
    assert clock.rate() == pytest.approx(16 / 50)  # one batch: over the phase so far
    clock.update(48, 296, now=54.0)  # two more batches in 4 s
    assert clock.rate() == pytest.approx(8.0)  # docs/s since the first batch came back
    assert clock.left(54.0) == pytest.approx(248 / 8)
    assert clock.left(60.0) == pytest.approx(248 / 8 - 6)  # counts down between batches
    assert clock.left(1000.0) == 0.0


def _screen(progress: BuildProgress) -> str:
    """What the display shows now."""
    console = Console(file=io.StringIO(), force_terminal=True, width=160, color_system=None)
    console.print(progress.progress.make_tasks_table(progress.progress.tasks))
    return " ".join(console.file.getvalue().split())  # type: ignore[attr-defined]


def test_the_display_names_the_model_load_then_counts_documents() -> None:
    console = Console(file=io.StringIO(), force_terminal=True, width=160, color_system=None)
    display = BuildProgress(console, enabled=True)
    display("prepare", 0, 32)
    display("prepare", 32, None)
    display("analyse", 0, 32)
    shown = _screen(display)
    assert "reading" in shown and "32/32" in shown
    assert LOADING in shown and "0/32" in shown and "ETA –" in shown
    display("analyse", 16, None)
    display("analyse", 16, None)
    shown = _screen(display)
    assert "analysing" in shown and LOADING not in shown
    assert "docs/s" in shown and FINISHING in shown  # the last documents: storing follows


def test_quiet_or_not_a_terminal_shows_nothing() -> None:
    console = Console(file=io.StringIO(), force_terminal=True)
    with BuildProgress(console, enabled=False) as display:
        display("analyse", 0, 10)
        display("analyse", 10, None)
    assert console.file.getvalue() == ""  # type: ignore[attr-defined]
