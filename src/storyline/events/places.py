"""Where an act happens and what it moves: the place of a clause ("in Cairo", "near
Nablus"), a visit's destination, and what kind of aid a transfer verb sends.

Places are locations, not parties: a capital named as the place of an act stays a
place; only the actor stage's metonyms (a capital acting) are parties.
"""

from __future__ import annotations

from storyline.events.context import Context
from storyline.events.lexicon import AID_MODES, NOT_AID
from storyline.events.mentioned import place_code
from storyline.events.tree import DocTree, Party, prep_objects

__all__ = ["aid_mode", "destination", "location"]


def aid_mode(tree: DocTree, i: int) -> str | None:
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


def destination(tree: DocTree, ctx: Context, heads: list[int]) -> list[Party]:
    """A visit "to Moscow": the country of the place visited (a place, not a government)."""
    for h in heads:
        tok = tree.tokens[h]
        for ent in tree.doc.entities:
            if ent.label in ("GPE", "LOC") and ent.start <= tok.start < ent.end:
                code = place_code(ctx.tree, ent.text)
                if code and code != "IGO":
                    party = ctx.country_party(code)
                    return [Party(party.actor, ent.start, ent.end, ent.text)]
    return []


_AT = frozenset({"in", "at", "near"})


def location(tree: DocTree, i: int) -> str | None:
    """Where it happened: "in"/"at" a place, on the trigger, its head or its object; or
    the place the act is done to ("troops attacked Nablus", "Nablus was shelled")."""
    for o in tree.kids(i, "dobj", "nsubjpass"):
        at = tree.tokens[o].start
        if tree.mention_at[o] is None:
            for ent in tree.doc.entities:
                if ent.label in ("GPE", "LOC", "FAC") and ent.start <= at < ent.end:
                    return ent.text
    objects = tree.kids(i, "dobj", "nsubjpass")
    of = [p for o in objects for p in prep_objects(tree, o, frozenset({"of"}))]
    for j in [i, tree.tokens[i].head, *objects, *of]:  # "dozens of students in Cairo"
        for o in prep_objects(tree, j, _AT):
            # "killed in an attack in Thailand's southern province": one phrase deeper,
            # and a place that owns the place named ("Thailand's ... province")
            inner = [p for p in prep_objects(tree, o, _AT) if not tree.is_verb(p)]
            for w in [o, *inner, *(k for p in inner for k in tree.kids(p, "poss"))]:
                found = _place_word(tree, w)
                if found is not None:
                    return found
    return None


def _place_word(tree: DocTree, o: int) -> str | None:
    """The country mention or place entity at token ``o``, if any."""
    m = tree.mention_at[o]
    if m is not None and m.actor.kind == "country":
        return m.text
    for ent in tree.doc.entities:
        if ent.label in ("GPE", "LOC") and ent.start <= tree.tokens[o].start < ent.end:
            return ent.text
    return None
