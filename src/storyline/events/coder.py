"""The rule coder: dependency patterns over the parse, triggers from the PLOVER
lexicon, actors from the Actors stage, dates from the Timex stage.

For each sentence holding a trigger and an actor, it finds who acted (source)
and on whom (target), the event's modality and its own date, and cites the
sentence and the trigger span. Sentences without both are never coded.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from storyline.events.context import Context
from storyline.events.dating import event_date
from storyline.events.lexicon import (
    DIRECTIONLESS,
    LIGHT_VERBS,
    NOUN_TRIGGERS,
    PHRASE_ONLY,
    PHRASE_TRIGGERS,
    RECEIVING_VERBS,
    RESTATING_VERBS,
    SPEECH_VERBS,
    VERB_PHRASE_ONLY,
    VERB_TRIGGERS,
    Trigger,
)
from storyline.events.modality import modality
from storyline.events.tree import FIRST_PLURAL, FIRST_SINGULAR, THIRD_PRONOUNS, DocTree
from storyline.records import Actor, Document, EventMention, Evidence, Sentence, content_id

__all__ = ["code_document"]

_TARGET_PREPS = frozenset({"to", "with", "against", "on", "toward", "towards", "into", "for"})
_SOURCE_PREPS = frozenset({"of", "by", "from"})
_CONDITIONAL_DEMANDS = frozenset(
    {"revoke", "lift", "withdraw", "stop", "cease", "end", "release", "abandon", "return",
     "drop", "halt", "comply", "reverse", "cancel", "scrap"}
)  # fmt: skip


@dataclass
class _Args:
    source: list[Actor]
    target: list[Actor]
    location: str | None = None
    inferred: bool = False


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
    for i in range(sentence.token_start, sentence.token_end):
        trig = _trigger(tree, i)
        if trig is None:
            continue
        trigger, end = trig
        args = _arguments(tree, ctx, i, trigger, sentence)
        if args is None:
            continue
        yield _mention(tree, ctx, sentence, i, end, trigger, args)
    yield from _conditional_demands(tree, ctx, sentence)


# --------------------------------------------------------------------------- triggers


def _trigger(tree: DocTree, i: int) -> tuple[Trigger, int] | None:
    """The trigger a token starts, if any, and the token that ends its span."""
    tok = tree.tokens[i]
    lemma = tree.lemma(i)
    if tok.pos in ("VERB", "AUX"):
        for c in tree.children[i]:
            key = (lemma, tree.lemma(c))
            if key in PHRASE_TRIGGERS and tree.tokens[c].dep in (
                "prt",
                "dobj",
                "oprd",
                "ccomp",
                "acomp",
                "prep",
                "xcomp",
            ):
                return PHRASE_TRIGGERS[key], max(i, c)
        if lemma in SPEECH_VERBS or lemma in VERB_PHRASE_ONLY or lemma not in VERB_TRIGGERS:
            return None
        if lemma in LIGHT_VERBS and any(
            tree.lemma(c) in NOUN_TRIGGERS for c in tree.kids(i, "dobj", "nsubjpass")
        ):
            return None  # "sign an agreement": the noun codes it, the verb is its light verb
        return VERB_TRIGGERS[lemma], i
    if tok.pos in ("NOUN", "PROPN") and tok.ent_type not in ("PERSON", "GPE", "ORG", "NORP"):
        for c in tree.kids(i, "compound", "amod"):
            key = (lemma, tree.lemma(c))
            if key in PHRASE_TRIGGERS:
                return PHRASE_TRIGGERS[key], i
        if lemma in PHRASE_ONLY or lemma not in NOUN_TRIGGERS:
            return None
        head = tok.head
        if tree.is_verb(head) and head != i:
            hl = tree.lemma(head)
            if (hl, lemma) in PHRASE_TRIGGERS or (
                hl in VERB_TRIGGERS
                and hl not in LIGHT_VERBS
                and hl not in VERB_PHRASE_ONLY
                and VERB_TRIGGERS[hl].type == NOUN_TRIGGERS[lemma].type
            ):
                return None  # the verb codes it
        return NOUN_TRIGGERS[lemma], i
    return None


# --------------------------------------------------------------------------- arguments


def _resolve(
    tree: DocTree,
    ctx: Context,
    heads: list[int],
    sentence: Sentence,
    exclude: set[int] | None = None,
) -> list[Actor]:
    """Actors in the given subtrees, with first-person and third-person pronouns resolved."""
    found = tree.actors_in(heads, exclude=exclude)
    if found:
        return found
    for h in heads:
        for j in sorted(tree.subtree(h)):
            if exclude and j in exclude:
                continue
            word = tree.tokens[j].text.lower()
            actor = None
            if word in FIRST_SINGULAR or word in FIRST_PLURAL:
                actor = ctx.first_person(word, sentence)
            elif word in THIRD_PRONOUNS:
                actor = ctx.pronoun(j, sentence)
            if actor is not None:
                return [actor]
    return []


def _prep_objects(tree: DocTree, i: int, preps: frozenset[str]) -> list[int]:
    out = []
    for p in tree.kids(i, "prep", "agent"):
        if tree.lemma(p) in preps:
            out.extend(tree.kids(p, "pobj", "pcomp"))
    return out


def _between(tree: DocTree, i: int) -> list[int]:
    objs = _prep_objects(tree, i, frozenset({"between", "among"}))
    out = []
    for o in objs:
        out.append(o)
        out.extend(c for c in tree.subtree(o) if tree.tokens[c].dep == "conj")
    return out


def _arguments(
    tree: DocTree, ctx: Context, i: int, trig: Trigger, sentence: Sentence
) -> _Args | None:
    tok = tree.tokens[i]
    src_heads: list[int] = []
    tgt_heads: list[int] = []
    receiving = False
    pair = _between(tree, i)
    if tree.is_verb(i):
        if tok.dep in ("acl",) and not tree.kids(i, "nsubj"):
            pair = pair or _between(tree, tok.head)
        subj = tree.subject(i)
        passive = bool(tree.kids(i, "nsubjpass", "auxpass"))
        if passive:
            tgt_heads += tree.kids(i, "nsubjpass")
            agent = _prep_objects(tree, i, frozenset({"by"}))
            src_heads += agent
        elif subj is not None:
            src_heads.append(subj)
        tgt_heads += tree.kids(i, "dobj", "dative", "iobj", "attr", "oprd")
        tgt_heads += _prep_objects(tree, i, _TARGET_PREPS)
        if trig.inverse:
            src_heads, tgt_heads = tgt_heads, src_heads
    else:
        head = tok.head
        light = head if head != i and tree.is_verb(head) else None
        own_src = tree.kids(i, "poss") + _prep_objects(tree, i, _SOURCE_PREPS)
        own_src += [c for c in tree.kids(i, "amod", "compound") if tree.mention_at[c]]
        if not _resolve(tree, ctx, own_src, sentence):
            own_src = []
        tgt_heads += _prep_objects(tree, i, _TARGET_PREPS)
        if light is not None and tok.dep in ("dobj", "attr", "nsubjpass", "pobj", "conj"):
            subj = tree.subject(light)
            receiving = tree.lemma(light) in RECEIVING_VERBS and tok.dep == "dobj"
            if tok.dep == "pobj":  # "said at a meeting with X": the speaker takes part
                subj = tree.subject(tree.clause_verb(head))
            if receiving:
                tgt_heads += [subj] if subj is not None else []
                src_heads += _prep_objects(tree, i, frozenset({"from"})) + _prep_objects(
                    tree, light, frozenset({"from"})
                )
            else:
                src_heads += own_src or ([subj] if subj is not None else [])
                tgt_heads += _prep_objects(tree, light, _TARGET_PREPS - {"for"})
        else:
            src_heads += own_src
    location = _location(tree, i)
    subtree_of_trigger = set(tree.subtree(i))
    if pair:
        actors = _resolve(tree, ctx, pair, sentence)
        if len(actors) >= 2:
            return _orient(ctx, trig, [actors[0]], actors[1:], location, sentence)
    source = _resolve(tree, ctx, src_heads, sentence)
    target = [a for a in _resolve(tree, ctx, tgt_heads, sentence) if a not in source]
    if not target and trig.mode == "visit":
        target = _destination(tree, ctx, tgt_heads)
    if not source and not target:
        dyad = ctx.dyad(sentence)
        if dyad is None or not (
            subtree_of_trigger & set(range(sentence.token_start, sentence.token_end))
        ):
            return None
        return _orient(ctx, trig, [dyad[0]], [dyad[1]], location, sentence, inferred=True)
    return _orient(ctx, trig, source, target, location, sentence)


def _orient(
    ctx: Context,
    trig: Trigger,
    source: list[Actor],
    target: list[Actor],
    location: str | None,
    sentence: Sentence,
    inferred: bool = False,
) -> _Args:
    """Fill a missing side from the speaker or the discourse; put visitors first."""
    if source and not target and len({a.country or a.id for a in source}) >= 2:
        source, target = source[:1], source[1:]  # "Brazil and Argentina signed a deal"
    if not source and target:
        speaker = ctx.speaker(sentence)
        mine = ctx.country_of(speaker)
        if speaker is not None and not any(a.country == speaker.country for a in target):
            source, inferred = [speaker], True
        elif mine is not None and not any(a.country == mine.country for a in target):
            source, inferred = [mine], True
    if source and not target:
        mine = ctx.country_of(ctx.speaker(sentence))
        own = {a.country for a in source if a.country}
        if trig.mode == "visit" and mine is not None and mine.country not in own:
            target, inferred = [mine], True  # a visit with no destination: the speaker hosts
        else:
            other = ctx.recent_other(sentence, own)
            if other is not None:
                target, inferred = [other], True
    if trig.type in DIRECTIONLESS and location and source and target:
        host = {a.country for a in source} & {ctx.country_code(location)}
        if host:
            source, target = target, source
    return _Args(source, target, location, inferred)


def _destination(tree: DocTree, ctx: Context, heads: list[int]) -> list[Actor]:
    """A visit "to Moscow": the country of the place visited (a place, not a government)."""
    for h in heads:
        for ent in tree.doc.entities:
            tok = tree.tokens[h]
            if ent.label in ("GPE", "LOC") and ent.start <= tok.start < ent.end:
                code = ctx.country_code(ent.text)
                if code and code != "IGO":
                    return [ctx.country_by_code(code)]
    return []


def _location(tree: DocTree, i: int) -> str | None:
    for j in [i, tree.tokens[i].head]:
        for o in _prep_objects(tree, j, frozenset({"in", "at"})):
            m = tree.mention_at[o]
            if (
                m is not None
                and m.how in ("place", "metonym", "name")
                and m.actor.kind == "country"
            ):
                return m.text
            tok = tree.tokens[o]
            if tok.ent_type in ("GPE", "LOC"):
                return tok.text
    return None


# --------------------------------------------------------------------------- the record


def _mention(
    tree: DocTree, ctx: Context, sentence: Sentence, i: int, end: int, trig: Trigger, args: _Args
) -> EventMention:
    doc = tree.doc
    skip: set[int] | None = None
    head = tree.tokens[i].head
    if not tree.is_verb(i) and tree.lemma(head) in RESTATING_VERBS:
        skip = set(tree.subtree(i)) - {i}
    tx = event_date(tree, i, sentence, doc.timexes, skip_subtree=skip)
    date, date_end, date_source = _date_of(tx.value if tx else None, doc.published)
    mode = trig.mode
    if trig.type == "CONSULT" and mode is None and args.location:
        mode = "visit"
    t_start, t_end = tree.tokens[i].start, tree.tokens[end].end
    trigger = Evidence(doc.id, t_start, t_end, doc.text[t_start:t_end])
    evidence = Evidence(doc.id, sentence.start, sentence.end, sentence.text)
    src = "+".join(a.name for a in args.source) or "?"
    tgt = "+".join(a.name for a in args.target)
    summary = f"{src} {trig.type}{'/' + mode if mode else ''} {tgt}".strip()
    confidence = 0.8 if tx is not None else 0.6
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
        target = _resolve(tree, ctx, [subj], sentence) if subj is not None else []
        if side is None or not target or any(a.country == side.country for a in target):
            continue
        trig = Trigger("REQUEST")
        args = _Args([side], target, None, inferred=True)
        ev = _mention(tree, ctx, sentence, i, i, trig, args)
        from dataclasses import replace

        yield replace(ev, modality="hypothetical")
