"""The HTTP API and web UI over a built store (``storyline serve``).

``create_app(db)`` builds the FastAPI application; it only ever reads.
"""

from storyline.api.app import create_app

__all__ = ["create_app"]
