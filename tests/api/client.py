"""A synchronous in-process client for the ASGI app (httpx's ASGITransport).

Starlette's TestClient warns that it is deprecated with httpx 0.28, and tests
run with warnings as errors; this small wrapper drives the app through httpx's
own ASGI transport instead, one event loop per request.
"""

from __future__ import annotations

import asyncio
from typing import Any

import httpx


class ASGIClient:
    def __init__(self, app: Any):
        self.app = app

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        async def go() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app)
            async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
                return await c.request(method, url, **kwargs)

        return asyncio.run(go())

    def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", url, **kwargs)
