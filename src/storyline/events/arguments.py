"""Who did it and to whom: an event's source and target actors from the parse.

Verbs: the subject acts on the object and on the objects of "to/with/against/
on ..." (passives turned around; "host"/"receive" reversed). Nouns: the
possessor or the "of/by" phrase acts ("Putin's visit", "a visit of Moon"), else
the subject of the light verb ("paid a visit") or of the clause the noun sits in
("... agreed to boost cooperation during talks"). Missing sides come from the
discourse (speaker, "we", "bilateral") with a lower confidence.
"""

from __future__ import annotations

from dataclasses import dataclass

from storyline.events.context import Context
from storyline.events.lexicon import (
    AID_MODES,
    DIRECTIONLESS,
    NOT_AID,
    RECEIVING_VERBS,
    TRANSFER_VERBS,
    Trigger,
)
from storyline.events.tree import FIRST_PLURAL, FIRST_SINGULAR, THIRD_PRONOUNS, DocTree
from storyline.records import Actor, Sentence

__all__ = ["Args", "arguments"]

_TARGET_PREPS = frozenset({"to", "with", "against", "on", "toward", "towards", "into", "for"})
_SOURCE_PREPS = frozenset({"of", "by"})
#: types whose "from X" names who acts ("an invitation from X", "aid from X")
_FROM_IS_SOURCE = frozenset({"AGREE", "REQUEST", "AID", "SUPPORT", "ACCUSE", "THREATEN"})
_ASKING = frozenset({"REQUEST", "THREATEN", "ACCUSE", "REJECT", "SUPPORT"})


@dataclass
class Args:
    source: list[Actor]
    target: list[Actor]
    location: str | None = None
    inferred: bool = False
    mode: str | None = None
    retyped: Trigger | None = None  # when the arguments change what the act is


def resolve(tree: DocTree, ctx: Context, heads: list[int], sentence: Sentence) -> list[Actor]:
    """Actors in the given subtrees, with first-person and third-person pronouns resolved."""
    found = tree.actors_in(heads)
    if found:
        return found
    for h in heads:
        for j in sorted(tree.subtree(h)):
            word = tree.tokens[j].text.lower()
            actor = None
            if word in FIRST_SINGULAR or word in FIRST_PLURAL:
                actor = ctx.first_person(word, sentence)
            elif word in ("they", "their", "them"):
                group = ctx.coordinated(j)
                if group:
                    return group
            elif word in THIRD_PRONOUNS:
                actor = ctx.pronoun(j, sentence)
            if actor is not None:
                return [actor]
    return []


def prep_objects(tree: DocTree, i: int, preps: frozenset[str]) -> list[int]:
    out = []
    for p in tree.kids(i, "prep", "agent"):
        if tree.lemma(p) in preps:
            out.extend(tree.kids(p, "pobj", "pcomp"))
    return out


def _between(tree: DocTree, i: int) -> list[int]:
    out = []
    for o in prep_objects(tree, i, frozenset({"between", "among"})):
        out.append(o)
        out.extend(c for c in tree.subtree(o) if tree.tokens[c].dep == "conj")
    return out


def _verb_heads(tree: DocTree, i: int, trig: Trigger) -> tuple[list[int], list[int], list[int]]:
    tok = tree.tokens[i]
    src: list[int] = []
    tgt: list[int] = []
    pair = _between(tree, i)
    if tok.dep == "acl" and not tree.kids(i, "nsubj"):
        pair = pair or _between(tree, tok.head)
    if tree.kids(i, "nsubjpass", "auxpass"):
        tgt += tree.kids(i, "nsubjpass")
        src += prep_objects(tree, i, frozenset({"by"}))
    else:
        subj = tree.subject(i)
        if subj is not None:
            src.append(subj)
    tgt += tree.kids(i, "dobj", "dative", "iobj", "attr", "oprd")
    tgt += prep_objects(tree, i, _TARGET_PREPS)
    if trig.type == "RETREAT":
        tgt += prep_objects(tree, i, frozenset({"from", "out"}))
    if trig.type in ("ASSAULT", "COERCE", "THREATEN", "MOBILIZE"):
        tgt += prep_objects(tree, i, frozenset({"at"}))
    if trig.type in _ASKING:  # "demanded that NATO stop", "urged Turkey to halt"
        for c in tree.kids(i, "ccomp"):
            s = tree.subject(c)
            if s is not None:
                tgt.append(s)
    if trig.inverse:
        src, tgt = tgt, src
    return src, tgt, pair


def _noun_heads(
    tree: DocTree, ctx: Context, i: int, trig: Trigger, sentence: Sentence
) -> tuple[list[int], list[int], list[int]]:
    tok = tree.tokens[i]
    src: list[int] = []
    tgt = prep_objects(tree, i, _TARGET_PREPS)
    froms = prep_objects(tree, i, frozenset({"from"}))
    own = tree.kids(i, "poss") + prep_objects(tree, i, _SOURCE_PREPS)
    own += [c for c in tree.kids(i, "amod", "compound") if tree.mention_at[c]]
    if trig.type in _FROM_IS_SOURCE:
        own += froms
    else:
        tgt += froms
    if not resolve(tree, ctx, own, sentence):
        own = []
    head = tok.head
    light = head if head != i and tree.is_verb(head) else None
    if light is not None and tok.dep in ("dobj", "attr", "nsubjpass", "conj"):
        subj = tree.subject(light)
        verb = tree.lemma(light)
        if verb in RECEIVING_VERBS and tok.dep == "dobj":
            tgt += [subj] if subj is not None else []
            src += froms + prep_objects(tree, light, frozenset({"from"}))
        elif verb == "accept" and tok.dep == "dobj":  # accepting an invitation is agreeing
            src += [subj] if subj is not None else []
            tgt += froms
        else:
            src += own or ([subj] if subj is not None else [])
            tgt += prep_objects(tree, light, _TARGET_PREPS - {"for"})
    elif own:
        src += own
    elif tok.dep in ("pobj", "dobj", "conj"):
        # "arrived in Cairo for talks with X", "agreed ... during talks in Canberra":
        # whoever the clause is about takes part
        clause = tree.clause_verb(head)
        subj = tree.subject(clause)
        if subj is not None and subj not in tree.subtree_set([i]):
            src.append(subj)
    return src, tgt, _between(tree, i)


def arguments(
    tree: DocTree, ctx: Context, i: int, trig: Trigger, sentence: Sentence
) -> Args | None:
    if tree.is_verb(i):
        src_heads, tgt_heads, pair = _verb_heads(tree, i, trig)
    else:
        src_heads, tgt_heads, pair = _noun_heads(tree, ctx, i, trig, sentence)
    mode = trig.mode
    if trig.type == "AID" and tree.lemma(i) in TRANSFER_VERBS:
        mode = _aid_mode(tree, i)
        if mode == "":
            return None  # "sent a message to": not aid
    location = _location(tree, i)
    if pair:
        actors = resolve(tree, ctx, pair, sentence)
        if len(actors) >= 2:
            return _orient(ctx, trig, [actors[0]], actors[1:], location, sentence, mode=mode)
    source = resolve(tree, ctx, src_heads, sentence)
    target = [a for a in resolve(tree, ctx, tgt_heads, sentence) if a not in source]
    if not target and tree.is_verb(i):
        # "offered to host talks between Russia and Ukraine": the complement's actors
        comp = tree.kids(i, "xcomp", "ccomp")
        target = [a for a in tree.actors_in(comp) if a not in source]
    if not target and trig.mode == "visit":
        target = _destination(tree, ctx, tgt_heads)
    if trig.type == "AID" and tree.lemma(i) in TRANSFER_VERBS and not target:
        if mode == "military" and source:  # "dispatched a warship to the Red Sea"
            mobilize = Trigger("MOBILIZE", "weapons")
            return _orient(ctx, mobilize, source, [], location, sentence, mode="weapons")
        return None  # a transfer is aid only when it goes to someone
    if trig.inverse and not source and tree.is_verb(i):
        return None  # "Qatar is hosting the World Cup": nobody visits
    if not source and not target:
        place = ctx.country_code(location) if location else None
        if trig.type == "PROTEST" and place:  # "protesters rallied in Santiago"
            actor = ctx.country_by_code(place)
            return Args([actor], [actor], location, True, mode)
        dyad = ctx.dyad(sentence)
        if dyad is None:
            return None
        return _orient(ctx, trig, [dyad[0]], [dyad[1]], location, sentence, True, mode)
    return _orient(ctx, trig, source, target, location, sentence, mode=mode)


def _aid_mode(tree: DocTree, i: int) -> str | None:
    """humanitarian / military / economic from what is sent; "" when it is not aid."""
    objs = tree.kids(i, "dobj")
    words = {tree.lemma(j) for o in objs for j in tree.subtree(o)}
    words |= {tree.tokens[j].text for o in objs for j in tree.subtree(o)}
    if objs and {tree.lemma(o) for o in objs} <= NOT_AID:
        return ""
    for mode, cues in AID_MODES.items():
        if words & cues:
            return mode
    return ""  # "sent 12 mln propaganda leaflets to": a transfer of nothing like aid


def _orient(
    ctx: Context,
    trig: Trigger,
    source: list[Actor],
    target: list[Actor],
    location: str | None,
    sentence: Sentence,
    inferred: bool = False,
    mode: str | None = None,
) -> Args:
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
        place = ctx.country_code(location) if location else None
        if trig.mode == "visit" and place and place not in own and place != "IGO":
            target = [ctx.country_by_code(place)]  # "was received in Riyadh by ..."
        elif trig.mode == "visit" and mine is not None and mine.country not in own:
            target, inferred = [mine], True  # a visit with no destination: the speaker hosts
        elif trig.type == "PROTEST":
            home = place or next(iter(own), None)  # protests target their own government
            if home:
                target, inferred = [ctx.country_by_code(home)], True
        elif trig.type in ("COERCE", "ASSAULT", "MOBILIZE") and place and place != "IGO":
            target, inferred = [ctx.country_by_code(place)], True  # "killed 84 people in Nice"
        elif trig.type == "COERCE" and own:
            # "police arrested dozens of students": repression at home
            target, inferred = [ctx.country_by_code(sorted(own)[0])], True
        else:
            other = ctx.recent_other(sentence, own)
            if other is not None:
                target, inferred = [other], True
    if trig.type in DIRECTIONLESS and location and source and target:
        host = {a.country for a in source} & {ctx.country_code(location)}
        if host:
            source, target = target, source
    return Args(source, target, location, inferred, mode, retyped=trig)


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
        for o in prep_objects(tree, j, frozenset({"in", "at"})):
            m = tree.mention_at[o]
            if m is not None and m.actor.kind == "country":
                return m.text
            for ent in tree.doc.entities:
                if ent.label in ("GPE", "LOC") and ent.start <= tree.tokens[o].start < ent.end:
                    return ent.text
    return None
