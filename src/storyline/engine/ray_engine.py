"""The Ray engine: the per-document phases on a Ray cluster, one spaCy load per worker.

``RayExecutor`` implements the ``Executor`` protocol of ``engine.local``, so
``build`` does not change: the driver still reads the inputs, assigns stories,
consolidates actors and is the store's only writer; only the two per-document
phases ("prepare", "analyse") leave the machine.

Work travels in shards (``ray_shards``): each shard runs on a long-lived Ray
actor that built its pipelines once (``run_batch``), in the same batches as the
local engine (a shard is a whole number of batches), so the answers are the
same. Results come back as Parquet bytes; the driver writes them under
``shard_dir`` with a completion marker and reads them back in input order. A
rerun after a crash reuses every completed shard instead of parsing it again.
"""

from __future__ import annotations

import contextlib
import logging
import os
import resource
import shutil
import tempfile
from collections import Counter, deque
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from storyline.dedup import StoryConfig
from storyline.dedup.fingerprint import Fingerprint
from storyline.engine.local import PhaseResult, Progress, run_batch
from storyline.engine.ray_codec import decode_document, encode_document
from storyline.engine.ray_events import ray_merge_mentions
from storyline.engine.ray_runtime import INSTALL_HINT, import_ray
from storyline.engine.ray_shards import (
    Shard,
    ShardOutput,
    ShardStore,
    plan_shards,
    shard_table_bytes,
    stats_from_json,
    stats_json,
)
from storyline.engine.ray_stories import ray_fingerprints, ray_link
from storyline.engine.stages import BuildConfig
from storyline.pipeline import StageStats
from storyline.records import Document, Event, EventMention, Quarantined

__all__ = ["INSTALL_HINT", "RayExecutor", "import_ray", "init_ray"]

#: Shards queued per actor beyond the one it runs, so no worker waits on the driver.
_QUEUE_PER_ACTOR = 2


_ray = import_ray()  # at import time, so `from ... import RayExecutor` fails with the hint


def init_ray(*, address: str | None = None, num_cpus: int | None = None) -> None:
    """Start (or connect to) Ray quietly: no dashboard, no worker logs, no usage stats."""
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    os.environ.setdefault("RAY_ACCEL_ENV_VAR_OVERRIDE_ON_ZERO", "0")
    try:
        _ray.init(
            address=address,
            num_cpus=num_cpus,
            include_dashboard=False,
            log_to_driver=False,
            logging_level=logging.WARNING,
        )
    except ConnectionError as exc:
        raise ConnectionError(
            f"could not reach a Ray cluster at {address!r} ({exc}): start one with "
            "`ray start --head`, or leave --address out to run Ray on this machine"
        ) from exc


class _ShardWorker:
    """A Ray actor: a process holding the build's pipelines, fed one shard at a time."""

    def __init__(self, config: BuildConfig):
        self.config = config

    def run(self, phase: str, blobs: list[str]) -> tuple[bytes, dict[str, Any]]:
        docs = [decode_document(b) for b in blobs]
        out: list[Document] = []
        bad: list[Quarantined] = []
        stats: dict[str, StageStats] = {}
        size = max(1, self.config.batch_size)
        for i in range(0, len(docs), size):
            done, q, st = run_batch(phase, docs[i : i + size], self.config)
            out.extend(done)
            bad.extend(q)
            for name, s in st.items():
                stats.setdefault(name, StageStats()).merge(s)
        table = shard_table_bytes([(d.id, encode_document(d)) for d in out], bad)
        return table, stats_json(stats)

    def peak_rss(self) -> int:
        """This worker's peak resident memory in bytes (Linux reports KiB)."""
        return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss) * 1024

    def node(self) -> str:
        """The id of the Ray node this worker runs on."""
        return str(_ray.get_runtime_context().get_node_id())


class RayExecutor:
    """Runs ``build``'s per-document phases as shards on Ray actors.

    ``address``: a cluster (``"auto"``, ``"ray://head:10001"``); None starts a
    local Ray with ``num_cpus`` CPUs unless Ray is already initialised (then it
    is used as is and left running). ``shard_dir``: where shards and markers
    live; pass a folder that survives the run (the CLI uses ``<db>.shards``) to
    make a build resumable; None uses a temporary folder removed by ``close``.
    """

    def __init__(
        self,
        config: BuildConfig,
        *,
        address: str | None = None,
        num_cpus: int | None = None,
        shard_dir: Path | None = None,
        shard_size: int = 64,
    ):
        if address is not None and num_cpus is not None:
            raise ValueError("num_cpus is for a local Ray; a cluster's nodes declare their own")
        self.config = config
        batch = max(1, config.batch_size)
        self.shard_size = max(batch, shard_size // batch * batch)  # whole batches only
        self._owns_ray = not _ray.is_initialized()
        if self._owns_ray:
            init_ray(address=address, num_cpus=num_cpus)
        self._tmp = shard_dir is None
        root = (
            Path(tempfile.mkdtemp(prefix="storyline-shards-")) if shard_dir is None else shard_dir
        )
        root.mkdir(parents=True, exist_ok=True)
        self.shards = ShardStore(root)
        self.computed: Counter[str] = Counter()  # shards computed, per phase
        self.reused: Counter[str] = Counter()  # shards read back from an earlier run
        self.global_steps: Counter[str] = Counter()  # global steps run on the cluster
        self.worker_peaks: list[int] = []  # peak RSS (bytes) of each stopped worker
        self.nodes_used: set[str] = set()  # Ray node ids the shard workers ran on
        self._actors: list[Any] = []
        self._worker_cls = _ray.remote(num_cpus=1)(_ShardWorker)

    # ------------------------------------------------------------------ Executor

    def map_phase(
        self, phase: str, docs: Sequence[Document], progress: Progress | None = None
    ) -> PhaseResult:
        if not docs:
            return [], [], {}
        blobs = [encode_document(d) for d in docs]
        shards = plan_shards(phase, [d.id for d in docs], blobs, self.config, self.shard_size)
        outputs: dict[int, ShardOutput] = {}
        pending: list[int] = []
        for i, shard in enumerate(shards):
            found = self._read(shard)
            if found is None:
                pending.append(i)
                continue
            outputs[i] = found
            self.reused[phase] += 1
            if progress:
                progress(phase, len(shard.ids), len(docs))
        self._compute(shards, pending, outputs, progress, len(docs))
        result: list[Document] = []
        bad: list[Quarantined] = []
        stats: dict[str, StageStats] = {}
        for i in range(len(shards)):
            out = outputs[i]
            result.extend(out.docs)
            bad.extend(out.quarantined)
            for name, s in out.stats.items():
                stats.setdefault(name, StageStats()).merge(s)
        return result, bad, stats

    # ------------------------------------------------------------ global steps

    def link_stories(
        self, docs: Sequence[tuple[str, str]], config: StoryConfig, *, components: bool
    ) -> tuple[list[Fingerprint], list[tuple[str, ...]] | None]:
        """Fingerprints of ``(doc_id, text)`` (and, if asked, their partition into
        stories: LSH keys grouped across workers) computed on the cluster."""
        self._release()  # the global step's tasks need the CPUs the actors hold
        if not components:
            self.global_steps["fingerprints"] += 1
            return ray_fingerprints(docs, config), None
        self.global_steps["stories"] += 1
        # a few fingerprint shards per CPU: each pair of shards is one verify task
        shard = max(512, -(-len(docs) // (4 * self._partitions())))
        return ray_link(docs, config, shard_size=shard, partitions=self._partitions())

    def merge_mentions(
        self, mentions: Sequence[EventMention], story_of: Mapping[str, str] | None = None
    ) -> list[Event]:
        """The build's event merge as a Ray shuffle (``ray_events``): same events."""
        self._release()
        self.global_steps["merge"] += 1
        return ray_merge_mentions(list(mentions), story_of, partitions=self._partitions())

    def _partitions(self) -> int:
        return max(2, int(_ray.cluster_resources().get("CPU", 1)))

    def _release(self) -> None:
        """Stop the shard actors: each holds a CPU (and a spaCy pipeline) that the
        global steps' tasks would otherwise wait for; ``map_phase`` starts new ones."""
        if self._actors:
            # each worker's peak memory and node, before it goes (for benchmarks); a
            # dead worker has no figure to give
            with contextlib.suppress(Exception):
                self.worker_peaks.extend(self.worker_peak_rss())
                self.nodes_used.update(_ray.get([a.node.remote() for a in self._actors]))
        for actor in self._actors:
            _ray.kill(actor)
        self._actors = []

    def close(self) -> None:
        self._release()
        if self._owns_ray and _ray.is_initialized():
            _ray.shutdown()
            self._owns_ray = False
        if self._tmp:
            shutil.rmtree(self.shards.root, ignore_errors=True)

    # ------------------------------------------------------------------ helpers

    def worker_peak_rss(self) -> list[int]:
        """Peak resident memory (bytes) of each live worker: for benchmarks."""
        return [int(x) for x in _ray.get([a.peak_rss.remote() for a in self._actors])]

    def _read(self, shard: Shard) -> ShardOutput | None:
        if not self.shards.is_complete(shard):
            return None
        try:
            return self.shards.read(shard)
        except Exception:  # a damaged shard file: compute it again
            return None

    def _pool(self, wanted: int) -> list[Any]:
        cpus = max(1, int(_ray.cluster_resources().get("CPU", 1)))
        while len(self._actors) < min(wanted, cpus):
            self._actors.append(self._worker_cls.remote(self.config))
        return self._actors

    def _compute(
        self,
        shards: list[Shard],
        pending: list[int],
        outputs: dict[int, ShardOutput],
        progress: Progress | None,
        total: int,
    ) -> None:
        if not pending:
            return
        queue = deque(pending)
        inflight: dict[Any, tuple[Any, int]] = {}

        def submit(actor: Any) -> None:
            i = queue.popleft()
            s = shards[i]
            inflight[actor.run.remote(s.phase, list(s.blobs))] = (actor, i)

        for actor in self._pool(len(pending)):
            for _ in range(_QUEUE_PER_ACTOR):
                if queue:
                    submit(actor)
        while inflight:
            (ref,), _ = _ray.wait(list(inflight), num_returns=1)
            actor, i = inflight.pop(ref)
            shard = shards[i]
            try:
                table, stats = _ray.get(ref)
            except Exception as exc:
                raise RuntimeError(
                    f"shard {shard.id} of phase {shard.phase!r} (documents "
                    f"{shard.start}..{shard.start + len(shard.ids) - 1}) failed on a Ray "
                    f"worker: {exc}. Completed shards are kept in {self.shards.root}; "
                    "run the build again with the same shard folder to resume."
                ) from exc
            self.shards.write(shard, table, stats_from_json(stats))
            outputs[i] = self.shards.read(shard)
            self.computed[shard.phase] += 1
            if queue:
                submit(actor)
            if progress:
                progress(shard.phase, len(shard.ids), total)
