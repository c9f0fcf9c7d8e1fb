"""The public Python API for one text: ``storyline.extract_events(text, date)``.

    >>> import storyline
    >>> events = storyline.extract_events("Turkey imposed sanctions on Greece.", "2020-05-01")
    >>> events[0]["type"], [a["country"] for a in events[0]["source"]]  # doctest: +SKIP
    ('SANCTION', ['TUR'])

It returns exactly what ``storyline extract --format json`` prints: JSON-ready dicts of
the event contract (README), each actor with the ``text``, ``start`` and ``end`` of the
words that name it, offsets into ``text`` as given.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from storyline.events import extract_events as _extract_mentions
from storyline.serialize import event_json

__all__ = ["extract_events"]


def extract_events(text: str, date: str, *, model: str | None = None) -> list[dict[str, Any]]:
    """The PLOVER events of ``text``, published on ``date`` (``YYYY-MM-DD``).

    Raises ``ValueError`` for a date that is not an ISO calendar date, or text that is
    not valid Unicode (a lone surrogate such as ``"\\ud800"``).
    """
    anchor = dt.date.fromisoformat(date).isoformat()
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValueError(
            f"text holds a lone surrogate ({text[exc.start]!a}) at character {exc.start}"
        ) from exc
    return [event_json(e) for e in _extract_mentions(text, anchor, model=model)]
