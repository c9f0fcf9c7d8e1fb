"""A real server (uvicorn on 127.0.0.1, free port, background thread) and a real
browser (Debian's Chromium through Playwright; never ``playwright install``)."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip

EVIL = """date 2021-05-04
SEOUL, May 4. Russian Foreign Minister Sergey Lavrov met South Korean Foreign Minister \
Chung Eui-yong in Seoul on Tuesday <script>alert(1)</script> to discuss trade.

Russia and South Korea signed an agreement on fisheries <img src=x onerror=alert(2)> on \
Tuesday, the ministry said.
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def live_server() -> Iterator[Callable[[Path], str]]:
    """``start(db) -> base URL``: each store served by its own uvicorn thread."""
    import uvicorn

    from storyline.server import create_app

    servers: list[tuple[Any, threading.Thread]] = []

    def start(db: Path) -> str:
        port = _free_port()
        config = uvicorn.Config(
            create_app(db), host="127.0.0.1", port=port, log_level="warning", access_log=False
        )
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, name=f"uvicorn-{port}", daemon=True)
        thread.start()
        deadline = time.monotonic() + 20
        while not server.started:
            if time.monotonic() > deadline or not thread.is_alive():
                raise RuntimeError(f"uvicorn did not start on 127.0.0.1:{port}")
            time.sleep(0.05)
        servers.append((server, thread))
        return f"http://127.0.0.1:{port}"

    yield start
    for server, thread in servers:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def seeds_url(live_server: Callable[[Path], str], seeds_db: Path) -> str:
    return live_server(seeds_db)


@pytest.fixture(scope="session")
def evil_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store built by the real pipeline from an article full of markup."""
    from storyline.engine.local import build
    from storyline.engine.stages import BuildConfig
    from storyline.store.sqlite import SQLiteStore

    folder = tmp_path_factory.mktemp("evil")
    (folder / "evil.txt").write_text(EVIL, encoding="utf-8")
    db = folder / "evil.db"
    with SQLiteStore(db) as store:
        report = build([folder / "evil.txt"], store, BuildConfig(workers=1))
    assert report.new == 1 and report.events > 0
    return db


@pytest.fixture(scope="session")
def evil_url(live_server: Callable[[Path], str], evil_db: Path) -> str:
    return live_server(evil_db)


def chromium_path() -> str:
    path = os.environ.get("STORYLINE_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        pytest.fail(
            f"Chromium not found at {path}: install Debian's chromium (apt-get install chromium) "
            "or set STORYLINE_CHROMIUM; browser tests do not download browsers",
            pytrace=False,
        )
    return path


@pytest.fixture(scope="session")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    exe = chromium_path()
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(profile), executable_path=exe, args=CHROMIUM_ARGS, headless=True,
            viewport={"width": 1280, "height": 900},
        )  # fmt: skip
        yield context
        context.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    p = browser.new_page()
    yield p
    p.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
