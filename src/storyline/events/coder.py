"""The rule coder: dependency patterns over the parse, triggers from the PLOVER
lexicon, actors from the Actors stage, dates from the Timex stage.

For each sentence holding a trigger and an actor, it finds who acted (source)
and on whom (target), the event's modality and its own date, and cites the
sentence and the trigger span. Sentences without both are never coded.
"""

from __future__ import annotations

from collections.abc import Iterator

from storyline.events.arguments import Args, arguments, resolve
from storyline.events.context import Context
from storyline.events.dating import anniversary_year, event_date
from storyline.events.lexicon import RESTATING_VERBS, Trigger
from storyline.events.modality import modality
from storyline.events.tree import FIRST_PLURAL, FIRST_SINGULAR, DocTree
from storyline.events.triggers import find_triggers
from storyline.records import Document, EventMention, Evidence, Sentence, content_id

__all__ = ["code_document"]

_CONDITIONAL_DEMANDS = frozenset(
    {"revoke", "lift", "withdraw", "stop", "cease", "end", "release", "abandon", "return",
     "drop", "halt", "comply", "reverse", "cancel", "scrap"}
)  # fmt: skip


def code_document(doc: Document) -> list[EventMention]:
    if not doc.tokens or not doc.mentions:
        return []
    tree = DocTree.build(doc)
    ctx = Context.build(tree)
    out: list[EventMention] = []
    for sentence in doc.sentences:
        span = range(sentence.token_start, sentence.token_end)
        if (
            not any(tree.mention_at[i] for i in span)
            and not any(tree.tokens[i].text.lower() in FIRST_PLURAL | FIRST_SINGULAR for i in span)
            and ctx.dyad(sentence) is None
        ):
            continue
        seen: set[tuple[str, frozenset[str], frozenset[str]]] = set()
        for ev in _code_sentence(tree, ctx, sentence):
            key = (ev.type, frozenset(a.id for a in ev.source), frozenset(a.id for a in ev.target))
            if key not in seen:
                seen.add(key)
                out.append(ev)
    return out


def _code_sentence(tree: DocTree, ctx: Context, sentence: Sentence) -> Iterator[EventMention]:
    for i, end, trigger in find_triggers(tree, sentence.token_start, sentence.token_end):
        args = arguments(tree, ctx, i, trigger, sentence)
        if args is None:
            continue
        yield _mention(tree, ctx, sentence, i, end, args.retyped or trigger, args)
    yield from _conditional_demands(tree, ctx, sentence)


# --------------------------------------------------------------------------- the record


def _mention(
    tree: DocTree, ctx: Context, sentence: Sentence, i: int, end: int, trig: Trigger, args: Args
) -> EventMention:
    doc = tree.doc
    skip: set[int] | None = None
    head = tree.tokens[i].head
    if not tree.is_verb(i) and tree.lemma(head) in RESTATING_VERBS:
        skip = set(tree.subtree(i)) - {i}
    tx = event_date(tree, i, sentence, doc.timexes, skip_subtree=skip)
    date, date_end, date_source = _date_of(tx.value if tx else None, doc.published)
    founded = anniversary_year(tree, i, sentence, doc.timexes, doc.published)
    if founded is not None:
        date, date_end, date_source = founded, None, "text"
    mode = args.mode
    if trig.type == "CONSULT" and mode is None and args.location:
        mode = "visit"
    t_start, t_end = tree.tokens[i].start, tree.tokens[end].end
    trigger = Evidence(doc.id, t_start, t_end, doc.text[t_start:t_end])
    evidence = Evidence(doc.id, sentence.start, sentence.end, sentence.text)
    src = "+".join(a.name for a in args.source) or "?"
    tgt = "+".join(a.name for a in args.target)
    summary = f"{src} {trig.type}{'/' + mode if mode else ''} {tgt}".strip()
    confidence = 0.8 if date_source == "text" else 0.6
    if args.inferred:
        confidence -= 0.2
    speaker = ctx.speaker(sentence)
    eid = content_id("mention", doc.id, str(t_start), trig.type)
    return EventMention(
        id=eid, document=doc.id, type=trig.type, modality=modality(tree, i),
        source=tuple(args.source), target=tuple(args.target), date=date, date_end=date_end,
        date_source=date_source, evidence=evidence, trigger=trigger, summary=summary,
        confidence=round(confidence, 2), mode=mode,
        speaker=speaker if speaker not in args.source else None, location=args.location,
    )  # fmt: skip


def _date_of(value: str | None, published: str | None) -> tuple[str, str | None, str]:
    if value and not value.startswith("X"):
        if "/" in value:
            start, stop = value.split("/", 1)
            return start, stop, "text"
        return value, None, "text"
    return (published or "XXXX"), None, "reported"


def _conditional_demands(tree: DocTree, ctx: Context, sentence: Sentence) -> Iterator[EventMention]:
    """ "X may be removed from the list if it revokes the sanctions" (said by Y):
    a conditional offer is a REQUEST by the speaker's side that X do the thing."""
    for i in range(sentence.token_start, sentence.token_end):
        if tree.tokens[i].dep != "advcl" or tree.lemma(i) not in _CONDITIONAL_DEMANDS:
            continue
        if not any(tree.tokens[m].text.lower() in ("if", "unless") for m in tree.kids(i, "mark")):
            continue
        speaker = ctx.speaker(sentence)
        side = ctx.country_of(speaker)
        subj = tree.subject(i)
        target = resolve(tree, ctx, [subj], sentence) if subj is not None else []
        if side is None or not target or any(a.country == side.country for a in target):
            continue
        trig = Trigger("REQUEST")
        args = Args([side], target, None, inferred=True)
        ev = _mention(tree, ctx, sentence, i, i, trig, args)
        from dataclasses import replace

        yield replace(ev, modality="hypothetical")
