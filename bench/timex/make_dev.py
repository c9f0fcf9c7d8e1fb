"""Build ``dev/*.tml`` (TimeML) from the hand-annotated ``dev_source.txt``.

Source markup: ``[[span|TYPE|value]]`` or ``[[span|TYPE|value|MOD]]``; ``[[span]]``
marks a decoy (a number or phrase that is not a temporal expression) and is written
as plain text. A leading preposition written inside a span is moved outside it, as
TimeML excludes prepositions (range markers "from"/"between" stay inside).

    .venv/bin/python bench/timex/make_dev.py
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "src"))

from storyline.records import Timex  # noqa: E402
from storyline.timex.timeml import write_timeml  # noqa: E402

_MARK = re.compile(r"\[\[([^\]|]+)(?:\|([A-Z]+)\|([^\]|]+)(?:\|([A-Z_]+))?)?\]\]")
_PREP = re.compile(
    r"^(?:on|in|at|since|until|till|by|within|for|over|through|during|throughout)\s+", re.I
)


def convert(body: str) -> tuple[str, list[Timex]]:
    out: list[str] = []
    timexes: list[Timex] = []
    pos = 0
    length = 0
    for m in _MARK.finditer(body):
        before = body[pos : m.start()]
        out.append(before)
        length += len(before)
        span, type_, value, mod = m.groups()
        if type_ is not None:
            p = _PREP.match(span)
            if p:
                out.append(p.group(0))
                length += len(p.group(0))
                span = span[p.end() :]
            timexes.append(Timex(length, length + len(span), span, type_, value, mod))
        out.append(span)
        length += len(span)
        pos = m.end()
    out.append(body[pos:])
    return "".join(out), timexes


def main() -> int:
    source = (HERE / "dev_source.txt").read_text(encoding="utf-8")
    target = HERE / "dev"
    target.mkdir(exist_ok=True)
    total = 0
    for block in re.split(r"^=== ", source, flags=re.M)[1:]:
        header, _, body = block.partition("\n")
        name, dct = header.split()
        text, timexes = convert(body.strip("\n") + "\n")
        (target / f"{name}.tml").write_text(
            write_timeml(text, dct.removeprefix("DCT="), timexes), encoding="utf-8"
        )
        total += len(timexes)
    print(f"wrote {len(list(target.glob('*.tml')))} files, {total} timexes to {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
