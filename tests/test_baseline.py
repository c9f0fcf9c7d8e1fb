"""Every floor of bench/baseline.json is read by a test, and a missing one fails it."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FLOORS = json.loads((ROOT / "bench" / "baseline.json").read_text(encoding="utf-8"))
#: How a test reads a floor: ``floor("key")``, the fixture of tests/conftest.py.
_READ = re.compile(r"""\bfloor\(\s*["']([a-z0-9_]+)["']""")


def _floors_read_by_tests() -> set[str]:
    keys: set[str] = set()
    for path in (ROOT / "tests").rglob("*.py"):
        if path.name != Path(__file__).name:
            keys.update(_READ.findall(path.read_text(encoding="utf-8")))
    return keys


def test_every_floor_is_read_by_a_test() -> None:
    unread = sorted(set(FLOORS) - {"about"} - _floors_read_by_tests())
    assert not unread, f"floors no test reads: {unread}"


def test_every_floor_a_test_reads_exists() -> None:
    missing = sorted(_floors_read_by_tests() - set(FLOORS))
    assert not missing, f"tests read floors bench/baseline.json lacks: {missing}"


def test_a_missing_floor_fails_the_test(floor: Callable[..., float], tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    path.write_text(json.dumps({"kept": 0.5}), encoding="utf-8")
    assert floor("kept", path) == 0.5
    with pytest.raises(pytest.fail.Exception, match="no floor 'gone'"):
        floor("gone", path)
