"""The build's progress display: what it is doing from the first second.

The engine reports each per-document phase as ``progress(phase, n, total)``
(``n`` documents done, ``total`` when a chunk announces more). The language
model loads while the first batch of the ``analyse`` phase runs, which takes
long enough to look like a hang; until the first documents come back, that
phase says it is loading the model. Each phase shows documents done, the rate
(documents per second, measured from the first finished batch on, so the
model's load does not drag it down) and the time left at that rate. After the
last documents, a line says the events are being stored and merged.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TaskID,
    TimeElapsedColumn,
)
from rich.text import Text

__all__ = ["BuildProgress", "PhaseClock"]

#: What each engine phase is called on screen.
PHASE_LABELS = {"prepare": "reading", "analyse": "analysing"}
LOADING = "analysing: loading the language model"
FINISHING = "storing and merging events"


@dataclass(slots=True)
class PhaseClock:
    """Rate and time left of one phase, from when its first documents came back."""

    started: float
    first_at: float | None = None
    first_done: int = 0
    last_at: float = 0.0  # when the last batch came back
    done: int = 0
    total: int = 0

    def update(self, done: int, total: int, now: float) -> None:
        if done > 0 and self.first_at is None:
            self.first_at, self.first_done = now, done
        if done != self.done:
            self.last_at = now
        self.done, self.total = done, total

    def rate(self) -> float | None:
        """Documents per second as of the last batch back: from the first batch on
        when a later one has come back (the model's load left out), else over the
        phase so far; None before any document is done."""
        if (
            self.first_at is not None
            and self.done > self.first_done
            and self.last_at > self.first_at
        ):
            return (self.done - self.first_done) / (self.last_at - self.first_at)
        if self.done > 0 and self.last_at > self.started:
            return self.done / (self.last_at - self.started)
        return None

    def left(self, now: float) -> float | None:
        """Seconds left at that rate, counting down between batches (None while the
        rate is unknown)."""
        rate = self.rate()
        if rate is None or rate <= 0:
            return None
        return max(0.0, max(0, self.total - self.done) / rate - (now - self.last_at))


def _clock(task: Task) -> PhaseClock | None:
    clock = task.fields.get("clock")
    return clock if isinstance(clock, PhaseClock) else None


class RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        clock = _clock(task)
        if clock is None:
            return Text("")
        rate = clock.rate()
        shown = f"{rate:,.1f} docs/s" if rate is not None else "– docs/s"
        return Text(shown, style="progress.data.speed")


class LeftColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        clock = _clock(task)
        if clock is None:
            return Text("")
        left = clock.left(time.monotonic())
        if left is None:
            return Text("ETA –", style="progress.remaining")
        minutes, seconds = divmod(round(left), 60)
        hours, minutes = divmod(minutes, 60)
        return Text(f"ETA {hours}:{minutes:02d}:{seconds:02d}", style="progress.remaining")


class CountColumn(MofNCompleteColumn):
    """``12/296``; nothing for a step without a count."""

    def render(self, task: Task) -> Text:
        return super().render(task) if task.total is not None else Text("")


class BuildProgress:
    """A context manager and the engine's ``progress`` callback in one."""

    def __init__(self, console: Console, *, enabled: bool):
        self.enabled = enabled
        self.progress = Progress(
            SpinnerColumn(), "[progress.description]{task.description}", BarColumn(),
            CountColumn(), RateColumn(), LeftColumn(), TimeElapsedColumn(),
            console=console, disable=not enabled, transient=True,
        )  # fmt: skip
        self.tasks: dict[str, TaskID] = {}
        self.clocks: dict[str, PhaseClock] = {}
        self.finishing: TaskID | None = None

    def __enter__(self) -> BuildProgress:
        self.progress.__enter__()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.progress.__exit__(kind, exc, tb)

    def __call__(self, phase: str, n: int, total: int | None) -> None:
        now = time.monotonic()
        if phase not in self.tasks:
            clock = PhaseClock(started=now)
            self.clocks[phase] = clock
            self.tasks[phase] = self.progress.add_task(
                self._label(phase, 0), total=total, clock=clock
            )
        task, clock = self.tasks[phase], self.clocks[phase]
        if total is not None:  # a chunk announced: the total so far grows
            self.progress.update(task, total=total)
            self._hide_finishing()
        self.progress.advance(task, n)
        current = self.progress.tasks[task]
        clock.update(int(current.completed), int(current.total or 0), now)
        self.progress.update(task, description=self._label(phase, clock.done))
        if phase == "analyse" and current.total and current.completed >= current.total:
            self._show_finishing()

    @staticmethod
    def _label(phase: str, done: int) -> str:
        if phase == "analyse" and done == 0:
            return LOADING
        return PHASE_LABELS.get(phase, phase)

    def _show_finishing(self) -> None:
        if self.finishing is None:
            self.finishing = self.progress.add_task(FINISHING, total=None)
        else:
            self.progress.update(self.finishing, visible=True)

    def _hide_finishing(self) -> None:
        if self.finishing is not None:
            self.progress.update(self.finishing, visible=False)
