"""Build ``heldout.jsonl`` from the hand-annotated ``heldout_source.txt``.

The held-out set uses exactly the dev set's format and checks, so this wrapper reuses
``make_dev.parse`` rather than a second parser; only the ids differ (``h001``... instead of
``d001``...) so that a held-out record can never be mistaken for a dev record.

    .venv/bin/python bench/events/make_heldout.py
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "heldout_source.txt"
OUT = HERE / "heldout.jsonl"


def _make_dev() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_dev", HERE / "make_dev.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build(text: str) -> list[dict[str, Any]]:
    """Records of ``text`` parsed and checked by ``make_dev.parse``, ids ``h001``..."""
    records: list[dict[str, Any]] = _make_dev().parse(text)
    for n, rec in enumerate(records, 1):
        rec["id"] = f"h{n:03d}"
    return records


def main() -> None:
    records = build(SOURCE.read_text(encoding="utf-8"))
    with OUT.open("w", encoding="utf-8") as f:
        for rec in records:
            f.write(json.dumps(rec, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"wrote {len(records)} records to {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
