"""Who did it and to whom: an event's source and target parties from the parse.

The heads of the phrases that fill each role come from :mod:`storyline.events.roles`
(verbs and nouns read apart); here they are resolved to parties and oriented: joint
acts, a visit's destination, the people a state acts on at home or abroad, the
second side of talks an organ or group the tables do not know. Only the head of an
argument phrase counts (see :meth:`DocTree.parties_at`). Missing sides are filled only
from what the text itself says about them ("bilateral", a visit's destination, a
protest's place), never from a country merely mentioned nearby.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from storyline.events.context import Context
from storyline.events.lexicon import (
    COUNT_WORDS,
    DIRECTIONLESS,
    FRAMES,
    HOSTILE_TYPES,
    ORGANS,
    PEOPLE,
    PLACES,
    TRANSFER_VERBS,
    VERB_TRIGGERS,
    Trigger,
    organ_sector,
)
from storyline.events.mentioned import place_code
from storyline.events.parties import acts_for_state, same_party
from storyline.events.places import aid_mode, destination
from storyline.events.places import location as place_of
from storyline.events.roles import (
    MUTUAL,
    noun_heads,
    passive_of,
    resolve,
    verb_heads,
)
from storyline.events.senses import is_armed
from storyline.events.tree import (
    DocTree,
    Party,
    prep_objects,
)
from storyline.records import Sentence
from storyline.vocab import PloverType

__all__ = ["Args", "arguments", "resolve"]

#: Acts of force whose unnamed civilian victims are the people of the place
_VIOLENT = frozenset({"ASSAULT", "COERCE"})

#: types whose target is the one addressed: "demanded X's return" does not address X
_ADDRESSED: frozenset[PloverType] = frozenset({"REQUEST"})
#: types whose complement clause is the act committed to, asked for, refused
_COMMITTING: frozenset[PloverType] = frozenset(
    {"AGREE", "THREATEN", "REJECT", "SUPPORT", "CONCEDE"}
)


@dataclass
class Args:
    source: list[Party]
    target: list[Party]
    location: str | None = None
    inferred: bool = False
    mode: str | None = None
    retyped: Trigger | None = None  # when the arguments change what the act is
    joint: bool = False  # the two sides act together: no direction
    victims: bool = False  # people ("three protesters") undergo the act, unnamed
    counterpart: bool = False  # "discussed X *with* the alliance": someone else takes part
    heads: dict[str, list[int]] = field(default_factory=dict)


#: Organs whose own act an arrest, a detention or a sentence is.
_LAW_SECTORS = frozenset({"COP", "JUD"})


def _arresting_organ(
    tree: DocTree, ctx: Context, i: int, trig: Trigger, sentence: Sentence
) -> Party | None:
    """The police or court the sentence names beside an arrest told without its doer:
    "Four people were arrested ..., and police said they were members of a syndicate",
    "he was arrested for obstructing police". Only an agentless passive of coercion, and
    only an organ of the law named in the same sentence."""
    if trig.type != "COERCE" or passive_of(tree, i) is None:
        return None
    if prep_objects(tree, i, frozenset({"by"})):
        return None  # "nabbed by undercover customs officers": a doer the tables miss
    for j in range(sentence.token_start, sentence.token_end):
        tok = tree.tokens[j]
        if tok.pos in ("NOUN", "PROPN") and organ_sector(tok.text, tree.lemma(j)) in _LAW_SECTORS:
            organ = ctx.organ(j, sentence)
            if organ is not None:
                return organ
    return None


def _unnamed_partners(
    tree: DocTree, ctx: Context, heads: list[int], sentence: Sentence, ids: set[str]
) -> list[Party]:
    """Talks need two sides: "Maoist leaders and Nepal's government began talks" names
    the second with an organ or group word the actor tables do not know."""
    out: list[Party] = []
    for h in _unnamed_conjuncts(tree, heads):
        organ = ctx.organ(h, sentence)
        if organ is not None and organ.actor.id not in ids:
            out.append(organ)
    return out


#: Possessives that make a coordinated noun the first party's own ("Gedi and his
#: government"), not a second party.
_OWN = frozenset({"his", "her", "its", "their", "our", "my"})


def _unnamed_conjuncts(tree: DocTree, heads: list[int]) -> list[int]:
    """The coordinated heads ("X and Y", not appositions) whose own phrase names no
    actor: the second party of "Maoist leaders and Nepal's government" when only one is
    a known actor."""
    joined = tree.joined(heads)
    conj = [h for h in joined if tree.tokens[h].dep == "conj" or tree.kids(h, "conj")]
    if len(conj) < 2:
        return []
    out = []
    for h in conj:
        if tree.kids(h, "appos") or tree.tokens[h].dep == "appos":
            continue  # "Ali Larijani, the negotiator": one party, named
        if any(tree.tokens[p].text.lower() in _OWN for p in tree.kids(h, "poss")):
            continue  # "Gedi and his government": one side
        own = set(tree.subtree(h)) - tree.subtree_set(tree.kids(h, "conj", "cc", "appos"))
        if not any(tree.mention_at[j] for j in own):
            out.append(h)
    return out


def arguments(
    tree: DocTree, ctx: Context, i: int, trig: Trigger, sentence: Sentence
) -> Args | None:
    if tree.is_verb(i):
        src_heads, tgt_heads, pair = verb_heads(tree, i, trig)
    else:
        src_heads, tgt_heads, pair = noun_heads(tree, ctx, i, trig, sentence)
    mode = trig.mode
    transfer = trig.type == "AID" and tree.is_verb(i) and tree.lemma(i) in TRANSFER_VERBS
    if transfer:
        mode = aid_mode(tree, i)
        if mode == "":
            return None  # "sent a message to": not aid
    location = place_of(tree, i)
    victims = any(
        tree.lemma(h) in PEOPLE
        or tree.tokens[h].text.lower() in ORGANS
        or tree.tokens[h].ent_type == "PERSON"
        or tree.tokens[h].text.lower() in ("he", "she", "him", "her")  # "killed by the rebels"
        or tree.lemma(h) in COUNT_WORDS  # "arrested dozens of students"
        or tree.lemma(h) in PLACES  # "raided a village"
        for h in tree.joined(tgt_heads)
    )
    heads = {"source": src_heads, "target": tgt_heads}
    with_ = frozenset({"with"})  # "discussed cooperation *with* the alliance"
    counterpart = any(prep_objects(tree, j, with_) for j in [i, *tree.kids(i, "dobj")])
    if pair:
        parties = resolve(tree, ctx, pair, sentence)
        if len(parties) >= 2:
            args = Args(parties[:1], parties[1:], location, False, mode, trig, joint=True)
            args.heads = heads
            return args
    source = resolve(tree, ctx, src_heads, sentence)
    ids = {p.actor.id for p in source}
    # a request's target is whom it addresses, not whose "return" it demands
    owners = trig.type not in _ADDRESSED
    found_target = resolve(tree, ctx, tgt_heads, sentence, patient=True, owners=owners)
    target = [p for p in found_target if not any(same_party(p.actor, s.actor) for s in source)]
    # "Cohen met Japan's foreign minister ... the United States and Japan": the source's
    # own state beside a foreign party is the source's side, not its target
    own = {s.actor.country for s in source if acts_for_state(s.actor)} - {None, "IGO"}
    foreign = [p for p in target if p.actor.country not in own]
    if own and foreign:
        target = [p for p in target if not (p.actor.kind == "country" and p.actor.country in own)]
    if trig.type in DIRECTIONLESS and source and not target and not counterpart:
        target = _unnamed_partners(tree, ctx, src_heads, sentence, ids)
    if not target and tree.is_verb(i) and trig.type in _COMMITTING:
        # "agreed to lift its ban on Georgian wine": the act agreed to names the target
        for c in tree.kids(i, "xcomp", "ccomp"):
            _, inner, _ = verb_heads(tree, c, trig)
            if _deploying(tree, c):  # "ruled out sending German troops to Afghanistan":
                inner = []  # the doer's own forces, and where they would go
            found = resolve(tree, ctx, inner, sentence, patient=True)
            # "agreed to form a new company": what is agreed on is no party to it
            target = [p for p in found if p.actor.id not in ids and p.actor.kind != "group"]
            if target:
                break
    if not target and trig.mode == "visit":
        target = destination(tree, ctx, tgt_heads)
    if transfer and not target:
        if mode == "military" and source:  # "dispatched a warship to the Red Sea"
            mobilize = Trigger("MOBILIZE", "weapons")
            return _orient(ctx, mobilize, source, [], location, sentence, mode="weapons")
        return None  # a transfer is aid only when it goes to someone
    if trig.inverse and not source and tree.is_verb(i):
        return None  # "Qatar is hosting the World Cup": nobody visits
    if not source and not target:
        dyad = ctx.dyad(sentence)
        if dyad is None:
            # "Nine people were killed in a militant attack in Thailand": the people of
            # the country where it happened, when no doer is named and they are civilians
            place = place_code(ctx.tree, location) if location else None
            unarmed = not _combatants(tree, tgt_heads) and not _foreigners(tree, tgt_heads)
            if victims and unarmed and trig.type in _VIOLENT and place and place != "IGO":
                return Args([], [ctx.civilians(place)], location, True, mode, trig, victims=victims,
                            heads=heads)  # fmt: skip
            law = _arresting_organ(tree, ctx, i, trig, sentence) if victims else None
            if law is not None:  # "Four people were arrested ..., police said"
                return Args([law], [], location, True, mode, trig, victims=victims, heads=heads)
            return Args([], [], location, False, mode, trig, victims=victims, heads=heads)
        args = _orient(ctx, trig, [dyad[0]], [dyad[1]], location, sentence, True, mode)
        args.joint = trig.type in DIRECTIONLESS or trig.type == "AGREE"
        return args
    kind = ""
    if victims and not _combatants(tree, tgt_heads) and not _foreigners(tree, tgt_heads):
        kind = "civilians"
    args = _orient(ctx, trig, source, target, location, sentence, mode=mode, victims=kind)
    args.victims = victims
    args.counterpart = counterpart
    args.heads = heads
    return _complete(ctx, trig, args, sentence)


def _deploying(tree: DocTree, c: int) -> bool:
    """Does the clause send forces ("sending troops", "to deploy soldiers")? Its object
    and its destination then say where, not to whom (but "refused to withdraw its troops
    from Georgia" refuses Georgia)."""
    verb = VERB_TRIGGERS.get(tree.lemma(c))
    if verb is not None and verb.type == "RETREAT":
        return False
    return any(is_armed(tree, o) for o in tree.kids(c, "dobj"))


def _complete(ctx: Context, trig: Trigger, args: Args, sentence: Sentence) -> Args:
    """A missing side the text itself gives: the sentence's own "bilateral" or "between
    our ministries", or the earlier sentence that "this plan" points back to."""
    if args.joint or bool(args.source) == bool(args.target) or trig.type == "PROTEST":
        return args
    if trig.type in HOSTILE_TYPES:  # "shot dead as loyalists from both sides took to
        return args  # the streets": force is not the other side of a pair by default
    known = args.source or args.target
    countries = {p.actor.country for p in known}
    if args.source and _anaphoric_object(ctx.tree, args.heads.get("target", [])):
        # "gave orders to postpone *this plan*": the plan's target, said just before
        other = ctx.previous_other(sentence, countries)
        if other is not None:
            args.target, args.inferred = [other], True
            return args
    missing = args.heads.get("target" if args.source else "source", [])
    if any(ctx.tree.lemma(h) in PEOPLE for h in ctx.tree.joined(missing)):
        return args  # "Georgia freed the officers, but the US urged Moscow": the text
        # names who was freed, people of no known country, not the sentence's other state
    dyad = ctx.dyad(sentence)
    if dyad is None or len(countries & {p.actor.country for p in dyad}) != 1:
        return args
    pair = [p for p in dyad if p.actor.country not in countries]
    if len(pair) == 1:
        if args.source:
            args.target = pair
        else:
            args.source = pair
    return args


_COMBATANTS = FRAMES.word("combatant_words")


def _combatants(tree: DocTree, heads: list[int]) -> bool:
    """Are the people acted on fighters or suspects (not the state's civilians)?"""
    for h in tree.joined(heads):
        words = [h, *(o for p in tree.kids(h, "prep") for o in tree.kids(p, "pobj"))]
        if any(tree.lemma(w) in _COMBATANTS for w in words):
            return True
    return False


#: People who are, by the word, not the acting state's own or the place's own: an
#: arrest of "36 illegal immigrants off the Spanish coast" is not one of Spaniards.
_FOREIGNERS = FRAMES.word("foreigner_words")


def _foreigners(tree: DocTree, heads: list[int]) -> bool:
    return any(tree.lemma(h) in _FOREIGNERS for h in tree.joined(heads))


_DEMONSTRATIVES = frozenset({"this", "that", "these", "those", "such"})


def _anaphoric_object(tree: DocTree, heads: list[int]) -> bool:
    """An object that points back: "this plan", "the implementation of these measures"."""
    for h in heads:
        nouns = [h, *(o for p in tree.kids(h, "prep") for o in tree.kids(p, "pobj"))]
        for n in nouns:
            if any(tree.tokens[d].text.lower() in _DEMONSTRATIVES for d in tree.kids(n, "det")):
                return True
    return False


def _orient(
    ctx: Context,
    trig: Trigger,
    source: list[Party],
    target: list[Party],
    location: str | None,
    sentence: Sentence,
    inferred: bool = False,
    mode: str | None = None,
    victims: str = "",
) -> Args:
    """Joint acts, and the sides the text gives implicitly: a visit's destination, the
    place of a protest or an attack, the people a state represses at home."""
    joint = False
    mutual = trig.type in MUTUAL
    if (
        mutual
        and source
        and not target
        and len({p.actor.country or p.actor.id for p in source}) > 1
    ):
        source, target, joint = source[:1], source[1:], True  # "Brazil and Argentina signed"
    if source and not target:
        own = {p.actor.country for p in source if p.actor.country}
        place = place_code(ctx.tree, location) if location else None
        mine = ctx.country_of(ctx.speaker(sentence))
        if place and place not in own and place != "IGO":
            multilateral = any(p.actor.kind == "igo" for p in source)  # OPEC met in Abuja
            # abroad only for doers whose country is known, or for the two countries the
            # sentence is about: "senior Likud officials met at party headquarters in Tel
            # Aviv" is no visit to Israel ("officials from the two countries met in
            # Beijing" is one)
            abroad = bool(own) or ctx.dyad(sentence) is not None
            if trig.mode == "visit" or (trig.type == "CONSULT" and not multilateral and abroad):
                target = [ctx.country_party(place)]  # the host of a meeting held abroad
            elif trig.type in ("COERCE", "ASSAULT") and victims == "civilians":
                target, inferred = [ctx.civilians(place)], True  # "killed 84 people in Nice"
        elif trig.type == "COERCE" and victims == "civilians" and place:
            # "Egyptian police arrested dozens of students in Cairo": the state's own
            # people at home; with no place the people are nobody's (judged real news:
            # "the Spanish police detained the three passengers", "the Israeli army
            # detained the bomber's father" are not the doer's citizens)
            target, inferred = [ctx.civilians(place)], True
        elif trig.mode == "visit" and mine is not None and mine.country not in own:
            target, inferred = [ctx.country_party(mine.country or mine.id)], True  # hosts
    if trig.type in DIRECTIONLESS and location and source and target:
        code = place_code(ctx.tree, location)
        if code is not None and code in {p.actor.country for p in source}:
            source, target = target, source  # the host is the target of a visit-like talk
    return Args(source, target, location, inferred, mode, retyped=trig, joint=joint)
