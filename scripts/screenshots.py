"""Screenshots of every page, at desktop and phone width, for docs/screenshots/.

    .venv/bin/python scripts/screenshots.py [--db STORE] [--out docs/screenshots]

Without ``--db`` it builds the example corpus (``examples/``) into a temporary
store first. The pages are served by a local uvicorn thread and shot with Debian's
Chromium through Playwright (never a downloaded browser; ``STORYLINE_CHROMIUM``
names another binary). PNGs are palette-quantized (Pillow, from matplotlib's
dependencies) to keep the repository small; run it again after a change to the
pages to refresh them.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
#: (name, width, height): a laptop and a phone (iPhone 12-15 CSS pixels).
VIEWPORTS = (("desktop", 1280, 900), ("phone", 390, 844))


def pages(
    base: str, event_id: str, doc_id: str, actor: str, pair: tuple[str, str]
) -> list[tuple[str, str]]:
    a, b = pair
    return [
        ("home", "/"),
        ("timeline-table", "/timeline?view=table&sort=-date"),
        ("event", f"/events/{event_id}"),
        ("document", f"/documents/{doc_id}"),
        ("documents", "/documents"),
        ("stories", "/stories"),
        ("actors", "/actors"),
        ("actor", f"/actors/{actor}"),
        ("relations", f"/relations?a={a}&b={b}&period=year"),
        ("relations-pairs", "/relations"),
        ("search", "/search?q=visit"),
        ("api", "/docs"),
    ]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serve(db: Path) -> Iterator[str]:
    import uvicorn

    from storyline.server import create_app

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port,
                                           log_level="warning", access_log=False))  # fmt: skip
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def build_examples(folder: Path) -> Path:
    from storyline.engine.local import build
    from storyline.engine.stages import BuildConfig
    from storyline.store.sqlite import SQLiteStore

    db = folder / "examples.db"
    with SQLiteStore(db) as store:
        build([ROOT / "examples"], store, BuildConfig(workers=1))
    return db


def targets(db: Path) -> tuple[str, str, str, tuple[str, str]]:
    """An event with several citations, a document, the busiest actor and pair."""
    import json

    from storyline.api.queries import corpus_overview
    from storyline.store.sqlite import SQLiteStore

    with SQLiteStore(db, read_only=True) as store:
        rows = store.conn.execute("SELECT id, json FROM events").fetchall()
        event = max(rows, key=lambda r: (len(json.loads(r[1])["evidence"]), r[0]))[0]
        doc = store.conn.execute("SELECT id FROM documents ORDER BY published, id").fetchone()[0]
        overview = corpus_overview(store)
    actor = overview["top_actors"][0]["value"] if overview["top_actors"] else "RUS"
    pair = overview["top_pairs"][0]["value"].split(",") if overview["top_pairs"] else ["RUS", "KOR"]
    return event, doc, actor, (pair[0], pair[1])


def shrink(path: Path) -> None:
    """Quantize to 64 colours: text stays sharp, files shrink several times."""
    from PIL import Image

    with Image.open(path) as im:
        small = im.convert("RGB").quantize(colors=64, method=Image.Quantize.MEDIANCUT)
        small.save(path, optimize=True)


def shoot(base: str, out: Path, shots: list[tuple[str, str]], max_height: int) -> list[Path]:
    from playwright.sync_api import sync_playwright

    exe = os.environ.get("STORYLINE_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as profile, sync_playwright() as pw:
        for name, width, height in VIEWPORTS:
            ctx: Any = pw.chromium.launch_persistent_context(
                profile + name, executable_path=exe, args=CHROMIUM_ARGS, headless=True,
                viewport={"width": width, "height": height}, device_scale_factor=1,
            )  # fmt: skip
            page = ctx.new_page()
            for label, path in shots:
                page.goto(base + path)
                page.wait_for_load_state("networkidle")
                target = out / f"{label}-{name}.png"
                full = page.evaluate("document.documentElement.scrollHeight")
                clip = {"x": 0, "y": 0, "width": width, "height": min(full, max_height)}
                page.screenshot(path=str(target), full_page=True, clip=clip)
                shrink(target)
                written.append(target)
            ctx.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="a built store (default: build examples/)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--max-height", type=int, default=1500, help="crop long pages (px)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or build_examples(Path(tmp))
        event, doc, actor, pair = targets(db)
        with serve(db) as base:
            written = shoot(base, args.out, pages(base, event, doc, actor, pair), args.max_height)
    for p in written:
        name = p.relative_to(ROOT) if p.is_relative_to(ROOT) else p
        print(f"{name}  {p.stat().st_size // 1024} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
