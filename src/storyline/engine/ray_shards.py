"""Parquet shards with completion markers: what makes a distributed build resumable.

A phase's documents are cut into shards; a shard's id is a content hash of the
phase, the build settings and its input records (their ids and their JSON), so
a rerun over the same inputs maps to the same shards. When a shard's results
come back, the driver writes them as ``<phase>/<id>.parquet`` and only then a
``<id>.done`` marker (both renamed into place, so a crash never leaves a half
file that looks complete). A rerun reuses every shard with a marker; the
expensive work (spaCy) is never redone.

The input JSON is part of the id, not only the document ids: between the two
phases a story may lend a publication date to a document, which changes its
``analyse`` input while its id stays the same.
"""

from __future__ import annotations

import hashlib
import importlib
import io
import json
import os
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storyline.engine.ray_codec import decode_document
from storyline.engine.stages import BuildConfig
from storyline.pipeline import StageStats
from storyline.records import Document, Quarantined

__all__ = [
    "SHARD_FORMAT",
    "Shard",
    "ShardOutput",
    "ShardStore",
    "plan_shards",
    "shard_table_bytes",
    "stats_from_json",
    "stats_json",
]

#: Bumped when the row layout changes, so old shards are not misread.
SHARD_FORMAT = 1


@dataclass(frozen=True, slots=True)
class Shard:
    """A slice of a phase's input: its content-hash id and the documents as JSON."""

    id: str
    phase: str
    start: int  # index of the first document in the phase's input
    ids: tuple[str, ...]
    blobs: tuple[str, ...]


@dataclass(slots=True)
class ShardOutput:
    """What a shard produced: documents in input order, the quarantined, stage stats."""

    docs: list[Document]
    quarantined: list[Quarantined]
    stats: dict[str, StageStats]


def plan_shards(
    phase: str, ids: Sequence[str], blobs: Sequence[str], config: BuildConfig, size: int
) -> list[Shard]:
    """Cut a phase's input into shards of ``size`` documents with content-hash ids."""
    floor = "" if config.admission_floor is None else repr(config.admission_floor)
    salt = f"{SHARD_FORMAT}\x00{phase}\x00{config.model or ''}\x00{floor}"
    shards = []
    for start in range(0, len(ids), size):
        part_ids = tuple(ids[start : start + size])
        part_blobs = tuple(blobs[start : start + size])
        h = hashlib.sha256(salt.encode("utf-8"))
        for doc_id, blob in zip(part_ids, part_blobs, strict=True):
            h.update(b"\x00" + doc_id.encode("ascii", "replace") + b"\x00")
            h.update(hashlib.sha256(blob.encode("utf-8")).digest())
        shards.append(Shard(h.hexdigest()[:24], phase, start, part_ids, part_blobs))
    return shards


def stats_json(stats: dict[str, StageStats]) -> dict[str, Any]:
    return {
        name: {
            "documents_in": s.documents_in,
            "documents_out": s.documents_out,
            "dropped": dict(s.dropped),
            "counts": dict(s.counts),
        }
        for name, s in stats.items()
    }


def stats_from_json(data: dict[str, Any]) -> dict[str, StageStats]:
    return {
        name: StageStats(
            documents_in=int(s["documents_in"]),
            documents_out=int(s["documents_out"]),
            dropped=Counter(s["dropped"]),
            counts=Counter(s["counts"]),
        )
        for name, s in data.items()
    }


def shard_table_bytes(
    doc_rows: Sequence[tuple[str, str]], quarantined: Sequence[Quarantined]
) -> bytes:
    """A shard's rows as Parquet bytes: (kind, id, record JSON) in input order.

    Built where the work ran (a Ray worker), so the driver only writes bytes.
    """
    pa, pq = _arrow()
    kinds = ["document"] * len(doc_rows) + ["quarantined"] * len(quarantined)
    ids = [i for i, _ in doc_rows] + [q.source for q in quarantined]
    records = [r for _, r in doc_rows] + [
        json.dumps({"source": q.source, "reason": q.reason}) for q in quarantined
    ]
    table = pa.table(
        {
            "kind": pa.array(kinds, pa.string()),
            "id": pa.array(ids, pa.string()),
            "record": pa.array(records, pa.large_string()),
        }
    )
    sink = io.BytesIO()
    pq.write_table(table, sink, compression="zstd")
    return sink.getvalue()


class ShardStore:
    """The shard folder: ``<root>/<phase>/<shard id>.parquet`` and ``.done`` markers."""

    def __init__(self, root: Path):
        self.root = Path(root)

    def _paths(self, shard: Shard) -> tuple[Path, Path]:
        folder = self.root / shard.phase
        return folder / f"{shard.id}.parquet", folder / f"{shard.id}.done"

    def is_complete(self, shard: Shard) -> bool:
        data, marker = self._paths(shard)
        return marker.is_file() and data.is_file()

    def write(self, shard: Shard, table: bytes, stats: dict[str, StageStats]) -> None:
        """Store a finished shard: the data first, then the marker that vouches for it."""
        data, marker = self._paths(shard)
        data.parent.mkdir(parents=True, exist_ok=True)
        _atomic_write(data, table)
        meta = {"format": SHARD_FORMAT, "documents": len(shard.ids), "stats": stats_json(stats)}
        _atomic_write(marker, json.dumps(meta, sort_keys=True).encode("utf-8"))

    def read(self, shard: Shard) -> ShardOutput:
        """A complete shard's output, as the worker returned it."""
        _, pq = _arrow()
        data, marker = self._paths(shard)
        meta = json.loads(marker.read_text(encoding="utf-8"))
        table = pq.read_table(data)
        docs: list[Document] = []
        bad: list[Quarantined] = []
        for kind, record in _rows(table):
            if kind == "document":
                docs.append(decode_document(record))
            else:
                q = json.loads(record)
                bad.append(Quarantined(q["source"], q["reason"]))
        return ShardOutput(docs, bad, stats_from_json(meta["stats"]))

    def completed(self, phase: str) -> int:
        """How many shards of ``phase`` have a completion marker."""
        return sum(1 for _ in (self.root / phase).glob("*.done"))


def _arrow() -> tuple[Any, Any]:
    """pyarrow and pyarrow.parquet (untyped: loaded as plain modules)."""
    return importlib.import_module("pyarrow"), importlib.import_module("pyarrow.parquet")


def _rows(table: Any) -> Iterator[tuple[str, str]]:
    kinds = table.column("kind").to_pylist()
    records = table.column("record").to_pylist()
    return zip(kinds, records, strict=True)


def _atomic_write(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
