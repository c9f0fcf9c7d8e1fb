"""Why a sentence gives the events it gives: each trigger the coder finds, and the step
that drops it (the coder's own decision, ``events.coder.decide``), then the events the
document keeps (an act told only as another act's content is dropped there). A
developer's tool; it reads stdin, one text per line.

    echo "Nepal's government and Maoist leaders began talks." | \
        .venv/bin/python scripts/trace_events.py --date 2006-12-13
"""

from __future__ import annotations

import argparse
import sys

from storyline.events.coder import code_document, decide
from storyline.events.context import Context
from storyline.events.stage import annotate
from storyline.events.tree import DocTree
from storyline.events.triggers import find_triggers


def trace(text: str, date: str) -> None:
    doc = annotate(text, date)
    tree = DocTree.build(doc)
    ctx = Context.build(tree)
    print(f"  actors: {[f'{m.text}={m.actor.id}' for m in doc.mentions]}")
    for sentence in doc.sentences:
        for found in find_triggers(tree, sentence.token_start, sentence.token_end):
            ev, why = decide(tree, ctx, sentence, found)
            word = tree.tokens[found[0]].text
            if ev is None:
                print(f"  {word}: dropped: {why}")
            else:
                sides = [[a.id for a in ev.source], [a.id for a in ev.target]]
                print(f"  {word}: {ev.type} coded {sides}")
    for ev in code_document(doc):
        src = [a.name for a in ev.source]
        tgt = [a.name for a in ev.target]
        when = f"{ev.date} ({ev.date_source}{' ' + ev.date_mod if ev.date_mod else ''})"
        print(f"  => {ev.type} {ev.modality} '{ev.trigger.text}' {src} -> {tgt} {when}")


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
