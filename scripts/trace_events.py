"""Why a sentence gives the events it gives: each trigger the coder finds, and the step
that drops it (no arguments, the frame not filled, background, told only as another
act's content) or the event it becomes. A developer's tool; it reads stdin.

    echo "Nepal's government and Maoist leaders began talks." | \
        .venv/bin/python scripts/trace_events.py --date 2006-12-13
"""

from __future__ import annotations

import argparse
import sys

from storyline.events.admission import admit
from storyline.events.arguments import arguments
from storyline.events.coder import code_document
from storyline.events.context import Context
from storyline.events.lexicon import FRAMES
from storyline.events.retype import background, relief_work, retype, running_count
from storyline.events.stage import _annotate
from storyline.events.tree import DocTree
from storyline.events.triggers import find_triggers


def trace(text: str, date: str) -> None:
    doc = _annotate(text, date, None)
    tree = DocTree.build(doc)
    ctx = Context.build(tree)
    mentions = [f"{m.text}={m.actor.id}" for m in doc.mentions]
    print(f"  actors: {mentions}")
    for sentence in doc.sentences:
        for i, _end, trig in find_triggers(tree, sentence.token_start, sentence.token_end):
            word = tree.tokens[i].text
            if running_count(tree, i):
                print(f"  {word}: {trig.type} dropped: a running count")
                continue
            found = arguments(tree, ctx, i, trig, sentence)
            if found is None:
                print(f"  {word}: {trig.type} dropped: no arguments")
                continue
            base = found.retyped or trig
            t2 = retype(tree, i, base, found.source)
            sense = FRAMES.sense("verb" if tree.is_verb(i) else "noun", tree.lemma(i))
            args = admit(found, FRAMES.types[t2.type], sense.needs if sense else None)
            sides = [[p.actor.id for p in s] for s in (found.source, found.target)]
            if args is None:
                print(f"  {word}: {t2.type} dropped: frame not filled {sides}")
            elif relief_work(tree, i, t2):
                print(f"  {word}: {t2.type} dropped: relief work")
            elif background(tree, i):
                print(f"  {word}: {t2.type} background (kept only if news) {sides}")
            else:
                print(f"  {word}: {t2.type} admitted {sides}")
    for ev in code_document(doc):
        src = [a.name for a in ev.source]
        tgt = [a.name for a in ev.target]
        print(f"  => {ev.type} {ev.modality} '{ev.trigger.text}' {src} -> {tgt} {ev.date}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--date", required=True, help="publication date, YYYY-MM-DD")
    args = ap.parse_args()
    for line in sys.stdin:
        if line.strip():
            print("##", line.strip()[:110])
            trace(line.strip(), args.date)


if __name__ == "__main__":
    main()
