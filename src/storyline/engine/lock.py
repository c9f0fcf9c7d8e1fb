"""One build per store at a time.

A build holds an exclusive lock on ``<store>.lock`` (``fcntl.flock``: released by the
kernel when the holder dies, so a crashed build never leaves a stale lock) and writes
who holds it there; a second build stops at once with a message naming the holder.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from storyline.errors import StorylineError

__all__ = ["BuildLocked", "build_lock"]


class BuildLocked(StorylineError, RuntimeError):
    """Another build is writing this store."""

    code = "SL601"


@contextmanager
def build_lock(store_path: Path) -> Iterator[None]:
    path = store_path.with_name(store_path.name + ".lock")
    with path.open("a+", encoding="utf-8") as fh:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.seek(0)
            holder = fh.read().strip() or "another process"
            raise BuildLocked(
                f"{store_path} is being built by {holder}; wait for that build to finish"
            ) from None
        fd = fh.fileno()
        os.ftruncate(fd, 0)
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        note = f"pid {os.getpid()} on {socket.gethostname()} since {now}"
        with suppress(OSError):  # unbuffered: a full disk loses the note, not the lock
            os.pwrite(fd, note.encode("utf-8"), 0)  # (the store then says the disk is full)
        try:
            yield
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
