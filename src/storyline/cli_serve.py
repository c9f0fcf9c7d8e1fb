"""``storyline serve``: the web UI and JSON API over a store (registered by ``cli.py``)."""

from __future__ import annotations

from typing import Annotated

import typer

from storyline.cli_common import DEFAULT_DB, DbOpt, err
from storyline.cli_common import fail as _fail
from storyline.errors import MissingExtra, missing_extra
from storyline.store.sqlite import StoreError

__all__ = ["register", "serve"]


def register(app: typer.Typer) -> None:
    app.command()(serve)


def serve(
    db: DbOpt = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No access log.")] = False,
    base_url: Annotated[
        str,
        typer.Option(
            help="Public URL the links (next page, Link header) start with, e.g. "
            "https://timeline.example.org; default: relative links."
        ),
    ] = "",
) -> None:
    """Serve the timeline as web pages and a read-only JSON API (docs at /docs)."""
    try:
        import uvicorn

        from storyline.server import create_app
    except ImportError as exc:  # FastAPI, uvicorn, Jinja2: the serve extra
        error = missing_extra(exc, "storyline serve")
        if not isinstance(error, MissingExtra):
            raise
        raise _fail(str(error)) from exc

    try:
        application = create_app(db, base_url=base_url)
    except (StoreError, ValueError) as exc:
        raise _fail(str(exc)) from exc
    if not quiet:
        err.print(f"serving {db} at http://{host}:{port}/  (API docs: /docs)")
    uvicorn.run(application, host=host, port=port, access_log=not quiet, log_level="warning")
