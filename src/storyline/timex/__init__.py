"""Temporal expressions: recognition and TIMEX3 normalization against the anchor date.

Rule-based and regex-only (no parser) so it runs at news-corpus speed; see
``recognize.tag`` for the contract and ``timeml`` for reading and writing TimeML.
"""

from __future__ import annotations

from storyline.timex.recognize import tag
from storyline.timex.stage import TimexStage

__all__ = ["TimexStage", "tag"]
