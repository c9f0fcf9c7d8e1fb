"""A build on a two-node Ray cluster (both nodes on this machine), against the local engine.

``ray.cluster_utils.Cluster`` starts a head node and a second node, each with its own
raylet, object store and CPU; the build connects with an address, as it would to a
real cluster, and its shard actors and global-step tasks are spread over both nodes.
Prints which nodes ran shards, the time, and whether the timeline equals the local
engine's.

    .venv/bin/python bench/ray/multinode.py --n 200
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--work", type=Path, default=None)
    args = parser.parse_args()
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    from compare import synth_module, timeline_json  # this folder: bench/ray
    from ray.cluster_utils import Cluster

    import ray
    from storyline.engine.local import build
    from storyline.engine.ray_engine import RayExecutor
    from storyline.engine.stages import BuildConfig
    from storyline.store.sqlite import SQLiteStore

    work = args.work or Path(tempfile.mkdtemp(prefix="storyline-multinode-"))
    corpus = work / f"synth{args.n}"
    if not corpus.exists():
        synth_module().synthesize(corpus, args.n, copies=0.2)
    config = BuildConfig(workers=2)
    local_db = work / "local.db"
    if not local_db.exists():
        with SQLiteStore(local_db) as store:
            build([corpus], store, config)

    cluster = Cluster(
        initialize_head=True,
        head_node_args={"num_cpus": 1, "include_dashboard": False},
    )
    cluster.add_node(num_cpus=1)
    cluster.wait_for_nodes()
    ray.init(address=cluster.address, log_to_driver=False)
    try:
        nodes = [n["NodeID"][:8] for n in ray.nodes() if n["Alive"]]
        executor = RayExecutor(config, shard_dir=work / "shards")
        db = work / "ray.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        started = time.perf_counter()
        with SQLiteStore(db) as store:
            report = build([corpus], store, config, executor=executor)
        seconds = time.perf_counter() - started
        used = sorted({n[:8] for n in executor.nodes_used})
    finally:
        ray.shutdown()
        cluster.shutdown()
    same = timeline_json(db) == timeline_json(local_db)
    print(f"nodes alive: {nodes}; nodes that ran shards: {used}")
    print(
        f"{report.new} documents in {seconds:.1f} s ({report.new / seconds:.2f} docs/s); "
        f"global steps on the cluster: {dict(executor.global_steps)}"
    )
    print(f"timeline identical to the local engine's: {same} ({report.events} events)")


if __name__ == "__main__":
    main()
