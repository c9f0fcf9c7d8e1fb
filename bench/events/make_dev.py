"""Build ``dev.jsonl`` from the hand-annotated ``dev_source.txt``, checking it as it goes.

The source is easier to read and review than JSON; this script is the only writer of
``dev.jsonl``. Checks catch annotation slips (unknown type, code or modality, a date
that is not a TIMEX3 value, "on Tuesday" annotated with a date that is not a Tuesday).

    .venv/bin/python bench/events/make_dev.py
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path
from typing import Any

import pycountry

from storyline.records import MODALITIES as RECORD_MODALITIES
from storyline.records import PLOVER_TYPES

HERE = Path(__file__).resolve().parent

TYPES = frozenset(PLOVER_TYPES)
MODALITIES = frozenset(RECORD_MODALITIES)
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?|-W\d{2})?$")
_WEEKDAY = re.compile(r"\bon (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_HEADER = re.compile(r"^@ (\d{4}-\d{2}-\d{2}) \| ([^|]+?) \| (.+)$")
_EVENT = re.compile(r"^([A-Z]+)(?:/([a-z-]+))? (\S+) > (\S+) ([a-z]+)(?: (\S+))?$")


def _actors(field: str, where: str) -> list[str]:
    if field == "-":
        return []
    codes = field.split(",")
    for code in codes:
        known = pycountry.countries.get(alpha_3=code) or pycountry.historic_countries.get(
            alpha_3=code
        )
        if code != "IGO" and known is None:
            raise SystemExit(f"{where}: unknown actor code {code!r}")
    return codes


def parse(text: str) -> list[dict[str, Any]]:
    """Records in source order, ids ``d001``... assigned by position."""
    records: list[dict[str, Any]] = []
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        where = f"dev_source.txt:{lineno}"
        if not line or line.startswith("#"):
            continue
        if m := _HEADER.match(line):
            published, outlet, sentence = m.groups()
            dt.date.fromisoformat(published)
            records.append(
                {
                    "id": f"d{len(records) + 1:03d}",
                    "text": sentence,
                    "date": published,
                    "outlet": outlet,
                    "events": [],
                }
            )
        elif line.startswith("note:"):
            records[-1]["note"] = line[5:].strip()
        elif m := _EVENT.match(line):
            type_, mode, src, tgt, modality, date = m.groups()
            if type_ not in TYPES or modality not in MODALITIES:
                raise SystemExit(f"{where}: bad type or modality in {line!r}")
            rec = records[-1]
            date = date or rec["date"]
            if not _DATE.match(date):
                raise SystemExit(f"{where}: {date!r} is not a TIMEX3 date value")
            wd = _WEEKDAY.search(rec["text"])
            if wd and len(date) == 10 and dt.date.fromisoformat(date).strftime("%A") != wd[1]:
                raise SystemExit(f"{where}: {date} is not a {wd[1]}")
            rec["events"].append(
                {
                    "type": type_,
                    "mode": mode,
                    "source": _actors(src, where),
                    "target": _actors(tgt, where),
                    "modality": modality,
                    "date": date,
                }
            )
        else:
            raise SystemExit(f"{where}: cannot read {line!r}")
    return records


def main() -> None:
    records = parse((HERE / "dev_source.txt").read_text(encoding="utf-8"))
    out = HERE / "dev.jsonl"
    with out.open("w", encoding="utf-8") as f:
        for rec in records:
            f.write(json.dumps(rec, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"wrote {len(records)} records to {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
