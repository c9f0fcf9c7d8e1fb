"""The web application: JSON API under ``/api/``, HTML pages, local static files.

Read-only by construction: only GET (and HEAD) routes exist, the store is opened
``mode=ro`` per request, and static files come from the installed package's
``web/static`` directory through Starlette's ``StaticFiles`` (which refuses
paths outside it). FastAPI's CDN-based Swagger UI is disabled; ``/docs`` is a
local page built from ``/openapi.json``.

A request FastAPI cannot validate is answered 400 with the API's error body, so
``/openapi.json`` documents 400 (each route declares it) and none of FastAPI's 422s.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from storyline.api.reader import router as reader
from storyline.api.routes import router
from storyline.store.query import QueryError
from storyline.store.sqlite import SQLiteStore
from storyline.web.pages import render_error
from storyline.web.pages import router as pages

__all__ = ["check_base_url", "create_app"]

STATIC = Path(__file__).resolve().parent / "web" / "static"


def create_app(db: str | Path, *, base_url: str = "") -> FastAPI:
    """An app serving the store at ``db`` (checked now, so a bad path fails at startup).

    ``base_url`` (e.g. ``https://timeline.example.org``) starts the links the app
    builds (``next``, the ``Link`` header, page navigation); by default they are
    relative (path and query only). The request's Host header is never used.
    """
    path = Path(db)
    base = check_base_url(base_url)  # raises ValueError for anything but http(s)://host[/path]
    SQLiteStore(path, read_only=True).close()  # raises StoreError with an actionable message
    app = FastAPI(
        title="storyline",
        summary="A deduplicated, source-cited timeline of who did what to whom, and when.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.db = path
    app.state.base_url = base

    def is_api(request: Request) -> bool:
        return request.url.path.startswith("/api/") or request.url.path.endswith(".json")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if is_api(request) or request.url.path.startswith("/static/"):
            return JSONResponse(
                {"error": str(exc.detail), "status": exc.status_code},
                status_code=exc.status_code,
                headers=getattr(exc, "headers", None),
            )
        return render_error(request, exc.status_code, str(exc.detail))

    @app.exception_handler(QueryError)
    async def bad_query(request: Request, exc: QueryError) -> Response:
        """A filter or search the store refuses: 400 with its message, on every route."""
        return await http_error(request, StarletteHTTPException(400, str(exc)))

    @app.exception_handler(RequestValidationError)
    async def bad_params(request: Request, exc: RequestValidationError) -> Response:
        problems = []
        for e in exc.errors():
            where = ".".join(str(x) for x in e.get("loc", ())[1:]) or "request"
            problems.append(f"{where}: {e.get('msg', 'invalid')}")
        message = "invalid parameter(s): " + "; ".join(problems)
        if is_api(request):
            return JSONResponse({"error": message, "status": 400}, status_code=400)
        return render_error(request, 400, message)

    default_openapi = app.openapi

    def openapi() -> dict[str, Any]:
        return without_422(default_openapi())

    app.openapi = openapi  # type: ignore[method-assign]
    app.add_middleware(HeadAsGet)
    app.add_middleware(SecurityHeaders)
    app.include_router(reader)  # first: /api/actors/suggest before /api/actors/{id}
    app.include_router(router)
    app.include_router(pages)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


def without_422(schema: dict[str, Any]) -> dict[str, Any]:
    """The OpenAPI document without the 422 answers (and their schemas) FastAPI adds to
    every route with parameters: ``bad_params`` answers those requests 400."""
    for ops in schema.get("paths", {}).values():
        for op in ops.values():
            op.get("responses", {}).pop("422", None)
    for name in ("HTTPValidationError", "ValidationError"):
        schema.get("components", {}).get("schemas", {}).pop(name, None)
    return schema


#: What may appear in a base URL (RFC 3986's characters: no space, quote or angle bracket).
_URL_CHARS = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+")


def check_base_url(base_url: str) -> str:
    """``base_url`` without its trailing slash: empty, or an absolute http(s) URL with
    a host and no query or fragment (ValueError otherwise)."""
    base = base_url.strip().rstrip("/")
    if not base:
        return ""
    parts = urlsplit(base)
    if (
        parts.scheme not in ("http", "https")
        or not parts.hostname
        or parts.query
        or parts.fragment
        or not _URL_CHARS.fullmatch(base)
    ):
        raise ValueError(f"base URL must look like https://host[:port][/path], got {base_url!r}")
    return base


class HeadAsGet:
    """Answer HEAD like GET without the body (FastAPI routes are GET-only)."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def send_headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b"", "more_body": message.get("more_body", False)}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, send_headers_only)


CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
    " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


class SecurityHeaders:
    """Defense in depth behind autoescaping: no inline or foreign scripts may run,
    and browsers must not sniff a served file into HTML."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def add_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                ]
                kind = dict(headers).get(b"content-type", b"")
                if kind.startswith(b"text/html"):  # (an SVG chart keeps its own <style>)
                    headers.append((b"content-security-policy", CSP.encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, add_headers)
