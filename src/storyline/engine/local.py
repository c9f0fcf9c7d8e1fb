"""The local engine: per-document phases on N worker processes, global steps here.

Workers are spawned processes, each loading the spaCy pipeline once; documents
travel to them in small batches and come back annotated (without their token
records, which nothing downstream stores). The parent process is the store's
only writer. A document that makes a stage fail is quarantined with the stage's
name and the error, and the run goes on.
"""

from __future__ import annotations

import itertools
import logging
import multiprocessing as mp
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol

from storyline.engine.consolidate import complete_documents, known_actors
from storyline.engine.incremental import refresh_events
from storyline.engine.lock import build_lock
from storyline.engine.stages import BuildConfig, analyse_pipeline, prepare_pipeline
from storyline.ingest import harmonize_story_dates, iter_inputs
from storyline.ingest.language import is_coded
from storyline.pipeline import Pipeline, StageStats
from storyline.records import Document, Quarantined, RawDocument, Story
from storyline.store.api import Store
from storyline.timeline.salience import annotate_events

__all__ = [
    "BuildReport",
    "Executor",
    "LocalExecutor",
    "PhaseResult",
    "build",
    "process_documents",
    "run_batch",
]

Progress = Callable[[str, int, int | None], None]  # (phase, advance, total)

log = logging.getLogger(__name__)

_FACTORIES: dict[str, Callable[[BuildConfig], Pipeline]] = {
    "prepare": prepare_pipeline,
    "analyse": analyse_pipeline,
}
_WORKER_PIPES: dict[str, Pipeline] = {}
_WORKER_CONFIG: list[BuildConfig] = []  # the config the pipelines above were built for


@dataclass
class BuildReport:
    inputs: int = 0
    new: int = 0
    unchanged: int = 0
    duplicates: int = 0
    quarantined: list[Quarantined] = field(default_factory=list)
    stats: dict[str, StageStats] = field(default_factory=dict)
    events: int = 0
    event_mentions: int = 0
    stories: int = 0
    seconds: float = 0.0
    #: wall time of each step: read, prepare, stories, analyse, store, merge
    steps: dict[str, float] = field(default_factory=dict)
    #: how the events were brought up to date: full | incremental | none
    merge: str = ""
    #: mentions merged again (all of them for a full merge)
    remerged: int = 0
    #: new documents per detected language (``ingest.language``)
    languages: Counter[str] = field(default_factory=Counter)
    #: new documents stored but not event-coded (not in English)
    not_coded: int = 0
    #: container records that are not articles (WARC requests, images...), by reason
    skipped: Counter[str] = field(default_factory=Counter)
    #: (source, warning) of inputs kept despite a problem (``RawDocument.warnings``)
    warned: list[tuple[str, str]] = field(default_factory=list)

    def lap(self, step: str, since: float) -> float:
        """Record ``step`` as having taken from ``since`` until now; return now."""
        now = time.perf_counter()
        self.steps[step] = round(self.steps.get(step, 0.0) + now - since, 3)
        return now

    def add_stats(self, stats: Mapping[str, StageStats]) -> None:
        for name, s in stats.items():
            self.stats.setdefault(name, StageStats()).merge(s)


PhaseResult = tuple[list[Document], list[Quarantined], dict[str, StageStats]]


class Executor(Protocol):
    """Runs one per-document phase over documents, wherever the work happens.

    ``LocalExecutor`` uses this machine's processes; another executor (Ray)
    implements the same two methods and the build does not change.
    """

    def map_phase(
        self, phase: str, docs: Sequence[Document], progress: Progress | None = None
    ) -> PhaseResult: ...

    def close(self) -> None: ...


class LocalExecutor:
    """In-process for one worker (or small inputs), else a pool of spawned processes."""

    def __init__(self, config: BuildConfig):
        self.config = config
        self.pool: Any | None = None

    def map_phase(
        self, phase: str, docs: Sequence[Document], progress: Progress | None = None
    ) -> PhaseResult:
        if self.pool is None and self.config.workers > 1 and len(docs) > self.config.batch_size:
            ctx = mp.get_context("spawn")
            self.pool = ctx.Pool(
                self.config.workers, initializer=_worker_init, initargs=(self.config,)
            )
        return process_documents(phase, docs, self.config, pool=self.pool, progress=progress)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.close()
            self.pool.join()
            self.pool = None


def _worker_init(config: BuildConfig) -> None:
    _WORKER_PIPES.clear()
    _WORKER_CONFIG[:] = [config]
    for name, factory in _FACTORIES.items():
        _WORKER_PIPES[name] = factory(config)


def run_batch(phase: str, batch: list[Document], config: BuildConfig) -> PhaseResult:
    """Run a phase on one batch in this process (pipelines built once per process)."""
    if [config] != _WORKER_CONFIG:
        _worker_init(config)
    return _run_batch(phase, batch)


def _run_batch(
    phase: str, batch: list[Document]
) -> tuple[list[Document], list[Quarantined], dict[str, StageStats]]:
    pipe = _WORKER_PIPES[phase]
    for s in pipe.stats.values():
        s.__init__()  # type: ignore[misc]  # reset the counters for this batch
    out: list[Document] = []
    bad: list[Quarantined] = []
    try:
        out = [_slim(d) for d in pipe.run(batch)]
    except Exception:  # a stage failed on some document: find which, keep the rest
        out = []
        for doc in batch:
            try:
                out.extend(_slim(d) for d in pipe.run([doc]))
            except Exception as exc:
                bad.append(Quarantined(doc.source, f"{phase} failed: {type(exc).__name__}: {exc}"))
    stats = {k: _copy_stats(v) for k, v in pipe.stats.items()}
    return out, bad, stats


def _copy_stats(s: StageStats) -> StageStats:
    c = StageStats()
    c.merge(s)
    return c


def _slim(doc: Document) -> Document:
    return replace(doc, tokens=()) if doc.tokens else doc


def _batches(docs: Sequence[Document], size: int) -> Iterator[list[Document]]:
    for i in range(0, len(docs), size):
        yield list(docs[i : i + size])


def process_documents(
    phase: str,
    docs: Sequence[Document],
    config: BuildConfig,
    *,
    pool: Any | None = None,
    progress: Progress | None = None,
) -> tuple[list[Document], list[Quarantined], dict[str, StageStats]]:
    """Run one per-document phase over ``docs`` (in order), in-process or on ``pool``."""
    results: list[Document] = []
    bad: list[Quarantined] = []
    stats: dict[str, StageStats] = {}
    batches = list(_batches(docs, max(1, config.batch_size)))
    if pool is None:
        mapped: Iterable[Any] = (run_batch(phase, b, config) for b in batches)
    else:
        mapped = pool.imap(_PhaseCall(phase), batches)
    for out, q, st in mapped:
        results.extend(out)
        bad.extend(q)
        for name, s in st.items():
            stats.setdefault(name, StageStats()).merge(s)
        if progress:
            progress(phase, len(out) + len(q), len(docs))
    return results, bad, stats


class _PhaseCall:
    """A picklable ``batch -> _run_batch(phase, batch)``."""

    def __init__(self, phase: str):
        self.phase = phase

    def __call__(
        self, batch: list[Document]
    ) -> tuple[list[Document], list[Quarantined], dict[str, StageStats]]:
        return _run_batch(self.phase, batch)


def build(
    paths: Sequence[str | Path],
    store: Store,
    config: BuildConfig | None = None,
    *,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    field_map: Mapping[str, str] | None = None,
    max_bytes: int = 20_000_000,
    progress: Progress | None = None,
    on_quarantine: Callable[[Quarantined], None] | None = None,
    executor: Executor | None = None,
    chunk_size: int | None = None,
) -> BuildReport:
    """Read, process and store everything new under ``paths``; then refresh the timeline.

    One build per store at a time: a second one raises ``BuildLocked`` naming the holder.

    The per-document phases run on ``executor`` (default: this machine's
    processes); the global steps (stories, actor consolidation, storing,
    merging) run here, in the store's only writer, or on the executor when it
    offers them (``link_stories``, ``merge_mentions``).

    ``chunk_size``: process and store the new documents this many at a time
    (None: all at once), so memory is bounded by a chunk, not by the corpus, and
    a build that dies keeps every chunk it stored. Later chunks join the stories
    of earlier ones through the persisted story index, as a later build would;
    a person's country learnt in a later chunk does not complete an earlier one.
    """
    if chunk_size is not None and chunk_size < 1:
        raise ValueError(f"chunk_size must be >= 1 or None, got {chunk_size}")
    config = config or BuildConfig()
    where = getattr(store, "path", None)  # a store that is not a file has no lock beside it
    lock: AbstractContextManager[None] = build_lock(Path(where)) if where else nullcontext()
    with lock:
        return _build(store, paths, config, include, exclude, field_map, max_bytes, progress,
                      on_quarantine, executor, chunk_size)  # fmt: skip


def _build(
    store: Store,
    paths: Sequence[str | Path],
    config: BuildConfig,
    include: Sequence[str],
    exclude: Sequence[str],
    field_map: Mapping[str, str] | None,
    max_bytes: int,
    progress: Progress | None,
    on_quarantine: Callable[[Quarantined], None] | None,
    executor: Executor | None,
    chunk_size: int | None,
) -> BuildReport:

    started = time.perf_counter()
    report = BuildReport()

    def reject(q: Quarantined) -> None:
        report.quarantined.append(q)
        store.quarantine(q)
        log.info("quarantined %s: %s", q.source, q.reason)
        if on_quarantine:
            on_quarantine(q)

    totals: Counter[str] = Counter()

    def announce(phase: str, n: int) -> None:  # the grand total so far, chunk by chunk
        totals[phase] += n
        if progress:
            progress(phase, 0, totals[phase])

    def advance(phase: str, n: int, total: int | None) -> None:
        if progress:
            progress(phase, n, None)  # the executor's total is the chunk's

    runner = executor or LocalExecutor(config)
    try:
        _repair_stories(store)  # a build that died between storing and story-keeping
        lap = started
        seen: set[str] = set()
        chunk: list[Document] = []
        items = iter_inputs(
            paths, include=include, exclude=exclude, field_map=field_map, max_bytes=max_bytes,
            skipped=report.skipped,
        )  # fmt: skip
        for item in itertools.chain(items, [None]):
            if item is not None:
                report.inputs += 1
                if isinstance(item, Quarantined):
                    reject(item)
                    continue
                assert isinstance(item, RawDocument)
                report.warned.extend((item.source, w) for w in item.warnings)
                doc = Document.from_raw(item)
                if doc.id in seen:
                    report.duplicates += 1
                elif store.has_document(doc.id):
                    report.unchanged += 1
                    store.add_source(doc.source, doc.id)
                else:
                    seen.add(doc.id)
                    chunk.append(doc)
                if chunk_size is None or len(chunk) < chunk_size:
                    continue
            if not chunk:
                break
            report.new += len(chunk)
            log.info("read %d inputs so far; building %d new documents", report.inputs, len(chunk))
            lap = report.lap("read", lap)
            lap = _build_chunk(store, runner, chunk, report, reject, announce, advance, lap)
            chunk = []
        report.lap("read", lap)
        lap = time.perf_counter()
        report.stories = len(store.stories())
        # an executor may distribute the merge (grouped by type, sides and date bucket)
        report.events = _refresh_events(store, report, getattr(runner, "merge_mentions", None))
        report.lap("merge", lap)
    finally:
        runner.close()
    report.seconds = time.perf_counter() - started
    log.info("built in %.1fs; seconds per step: %s", report.seconds, report.steps)
    return report


def _build_chunk(
    store: Store,
    runner: Executor,
    docs: list[Document],
    report: BuildReport,
    reject: Callable[[Quarantined], None],
    announce: Callable[[str, int], None],
    advance: Progress,
    lap: float,
) -> float:
    """The per-document phases and the story step for one chunk, then store it.
    Documents not in English skip the analyse phase: stored and searchable, not coded."""

    def phase(name: str, inputs: list[Document]) -> list[Document]:
        announce(name, len(inputs))
        out, bad, stats = runner.map_phase(name, inputs, advance)
        log.debug("%s: %d documents in, %d out, %d quarantined", name, len(inputs), len(out),
                  len(bad))  # fmt: skip
        report.add_stats(stats)
        for q in bad:
            reject(q)
        return out

    prepared = phase("prepare", docs)
    lap = report.lap("prepare", lap)
    # an executor may fingerprint and link the stories (LSH keys grouped on workers)
    prepared, stories = _assign_stories(store, prepared, getattr(runner, "link_stories", None))
    lap = report.lap("stories", lap)
    report.languages.update(d.language or "und" for d in prepared)
    uncoded = [d for d in prepared if not is_coded(d)]
    report.not_coded += len(uncoded)
    analysed = phase("analyse", [d for d in prepared if is_coded(d)])
    lap = report.lap("analyse", lap)
    analysed = complete_documents(analysed, known_actors(analysed, store.iter_actors()))
    for doc in [*analysed, *uncoded]:
        store.add_document(doc)
        report.event_mentions += len(doc.events)
    _record_stories(store, stories)
    return report.lap("store", lap)


def _assign_stories(
    store: Store, docs: list[Document], link: Callable[..., Any] | None = None
) -> tuple[list[Document], list[Story]]:
    """Put new documents into stories; let a story lend dates to its weaker copies.

    ``link``: an executor's ``link_stories`` (fingerprints, and the partition
    of the new documents when the index starts empty, computed elsewhere).
    Returns the documents (dates harmonized) and the stories they now belong to.
    """
    index = store.story_index()
    pairs = [(doc.id, doc.text) for doc in docs]
    if link is None:
        index.add_many(pairs)
    elif pairs:
        fps, components = link(pairs, index.config, components=len(index) == 0)
        index.add_fingerprints(fps, components)
    by_story: dict[str, list[Document]] = {}
    for doc in docs:
        story_id = index.story_of(doc.id)
        if story_id is not None:
            by_story.setdefault(story_id, []).append(doc)
    out = {d.id: d for d in docs}
    stories: list[Story] = []
    for story_id in sorted(by_story):
        story = index.story(story_id)
        if story is None:
            continue
        stories.append(story)
        members = by_story[story_id]
        if len(story.members) < 2:
            continue
        new_ids = {m.id for m in members}
        stored = [store.load_document(m.document) for m in story.members]
        peers = [p for p in stored if p is not None and p.id not in new_ids]
        for d in harmonize_story_dates([*members, *peers]):
            if d.id in new_ids:
                out[d.id] = d
    return [out[d.id] for d in docs], stories


def _repair_stories(store: Store) -> int:
    """Give stored documents that have no story theirs (a build died after storing
    them): their fingerprints are in the index, or are added from the stored text."""
    orphans = store.documents_without_story()
    if not orphans:
        return 0
    index = store.story_index()
    missing = [d for d in orphans if index.story_of(d) is None]
    texts = [(d, doc.text) for d in missing if (doc := store.load_document(d)) is not None]
    if texts:
        index.add_many(texts)
    ids = sorted({sid for d in orphans if (sid := index.story_of(d)) is not None})
    log.info("%d stored documents had no story (an interrupted build): repaired", len(orphans))
    _record_stories(store, [s for sid in ids if (s := index.story(sid)) is not None])
    return len(orphans)


def _record_stories(store: Store, stories: list[Story]) -> None:
    """Write story membership for every member of the stories new documents touched."""
    for s in stories:
        for m in s.members:
            store.set_story(m.document, s.id, m.relation, m.score)


def _refresh_events(
    store: Store, report: BuildReport, merge: Callable[..., list[Any]] | None = None
) -> int:

    done = refresh_events(store, merge)
    log.info("events merged (%s): %d mentions into %d events, %d events replaced", done.mode,
             done.mentions, done.added, done.removed)  # fmt: skip
    report.merge, report.remerged = done.mode, done.mentions
    annotate_events(store)
    return int(store.counts()["events"])
