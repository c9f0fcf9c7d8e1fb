"""Who did it and to whom: an event's source and target parties from the parse.

Verbs: the subject acts on the object and on the objects of "to/with/against/on ..."
(passives turned around; "host"/"receive" reversed). Nouns: the possessor and the
"by" phrase act; "of" acts or undergoes as the type's frame says ("the visit of Moon",
"the bombing of the embassy"); else the subject of a light verb ("paid a visit",
"launched strikes"), or of the clause when the noun is a circumstance of it ("arrived
for talks with X"). Only the head of an argument phrase counts (see
:meth:`DocTree.parties_at`). Missing sides are filled only from what the text itself
says about them ("bilateral", a visit's destination, a protest's place), never from a
country merely mentioned nearby.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from storyline.events.context import Context
from storyline.events.lexicon import (
    DIRECTIONLESS,
    FRAMES,
    HAVING_VERBS,
    LIGHT_VERBS,
    ORGANS,
    PEOPLE,
    PLACES,
    RECEIVING_VERBS,
    TRANSFER_VERBS,
    Trigger,
)
from storyline.events.places import aid_mode, destination
from storyline.events.places import location as place_of
from storyline.events.senses import is_party_word
from storyline.events.tree import (
    FIRST_PLURAL,
    FIRST_SINGULAR,
    THIRD_PRONOUNS,
    DocTree,
    Party,
    prep_objects,
)
from storyline.records import Sentence
from storyline.vocab import PloverType

__all__ = ["Args", "arguments", "resolve"]

_TARGET_PREPS = frozenset({"to", "with", "against", "on", "toward", "towards", "into", "for"})
_TARGET_PREPS_NOT_FOR = _TARGET_PREPS - {"for"}  # "for" a purpose, not a party
#: Types whose "on" names a topic, not a party ("meet on Cyprus", "accords on Hong
#: Kong"), and verbs whose object is a topic ("to discuss the DPRK's nuclear program")
_TOPIC_ON = frozenset({"CONSULT", "AGREE", "COOPERATE"})
_TOPIC_OBJECT_VERBS = frozenset({"discuss", "debate"})
#: Types whose object may be the forces given or promised, not their receiver ("sent
#: 1,400 troops to aid the rebels", "has promised up to 700 troops")
_GIVING_FORCES = frozenset({"AID", "AGREE"})


_OBJECT_TARGET_PREPS = frozenset({"on", "against", "to", "with"})


def _topic_or_forces(tree: DocTree, i: int, o: int, trig: Trigger) -> bool:
    """Is the verb's object what is talked about ("discussed the DPRK's program") or
    the forces given or promised ("promised 700 troops"), not a party acted on?"""
    if trig.type == "CONSULT" and tree.lemma(i) in _TOPIC_OBJECT_VERBS:
        return True
    word = tree.tokens[o].text.lower()
    forces = ORGANS.get(word) == "MIL" or ORGANS.get(tree.lemma(o)) == "MIL"
    return trig.type in _GIVING_FORCES and forces and tree.mention_at[o] is None


def _target_preps(trig: Trigger, base: frozenset[str] = _TARGET_PREPS) -> frozenset[str]:
    return base - {"on"} if trig.type in _TOPIC_ON else base


#: types whose "from X" names who acts ("an invitation from X", "aid from X")
_FROM_IS_SOURCE: frozenset[PloverType] = frozenset(
    {"AGREE", "REQUEST", "AID", "SUPPORT", "ACCUSE", "THREATEN"}
)
_ASKING: frozenset[PloverType] = frozenset({"REQUEST", "THREATEN", "ACCUSE", "REJECT", "SUPPORT"})
#: a noun trigger under these prepositions is a circumstance of its clause's subject
_CIRCUMSTANCE = frozenset({"during", "at", "for", "after", "before", "in", "following", "amid"})
_GIVING_TYPES: frozenset[PloverType] = frozenset({"SUPPORT", "AID"})
#: types whose target is the one addressed: "demanded X's return" does not address X
_ADDRESSED: frozenset[PloverType] = frozenset({"REQUEST"})
#: types that two parties can do together ("X and Y agreed, met, cooperated")
_MUTUAL: frozenset[PloverType] = frozenset({"AGREE", "CONSULT", "COOPERATE"})
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


def resolve(
    tree: DocTree,
    ctx: Context,
    heads: list[int],
    sentence: Sentence,
    *,
    patient: bool = False,
    owners: bool = True,
) -> list[Party]:
    """The parties of the argument heads, with pronouns and bare organs resolved.

    ``patient``: the heads undergo the act, so nationals stand for their country
    ("released 15 *British* sailors"); a doer's nationality does not ("*Cuban* exiles
    called for ..." is no act of Cuba's)."""
    found = tree.parties_at(heads, nationals=patient, owners=owners)
    if found:
        return found
    for h in tree.joined(heads):
        for j in [h, *tree.kids(h, "poss")]:
            word = tree.tokens[j].text.lower()
            party = None
            if word in FIRST_SINGULAR or word in FIRST_PLURAL:
                party = ctx.first_person(word, sentence, j)
            elif patient and word in _OBJECT_PRONOUNS and tree.tokens[j].dep != "poss":
                continue  # "we condemn them": an object pronoun's antecedent is a guess
            elif word in ("they", "their", "them"):
                group = ctx.coordinated(j, sentence)
                if group:
                    return group
            elif word in THIRD_PRONOUNS:
                party = ctx.pronoun(j, sentence)
            if party is not None:
                return [party]
        if _the_two(tree, h):  # "the two sides agreed": the two countries the text names
            pair = ctx.named_pair(sentence, h)
            if pair:
                return pair
        organ = ctx.organ(h, sentence)
        if organ is not None:
            return [organ]
    return []


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


_PAIR_NOUNS = frozenset(
    {"side", "country", "nation", "state", "leader", "government", "president", "premier",
     "minister"}
)  # fmt: skip


def _the_two(tree: DocTree, h: int) -> bool:
    """ "the two sides", "both countries", "the two leaders": a pair the text named."""
    if tree.lemma(h) not in _PAIR_NOUNS or tree.tokens[h].tag not in ("NNS", "NNPS"):
        return False
    words = {tree.tokens[k].text.lower() for k in tree.kids(h, "nummod", "det", "predet")}
    return bool(words & {"two", "both"})


#: Prepositions an accusation's charge takes ("accused of rape", "charged with murder")
_CHARGE_PREPS = frozenset({"of", "with", "over"})
#: Verbs of charging that need their accused as object when active
_CHARGING = frozenset({"accuse", "charge", "indict", "convict", "suspect"})


def _headline_passive(tree: DocTree, i: int, trig: Trigger) -> bool:
    """A passive told without its auxiliary, as headlines do: "policeman shot dead in
    Yala", "US Navy petty officer accused of rape". The verb has a subject, no object
    and no auxiliary, and what it says needs a victim ("shot dead") or a charge
    ("accused of ..."): its subject is the one acted on."""
    tok = tree.tokens[i]
    if tok.tag not in ("VBD", "VBN") or not tree.kids(i, "nsubj"):
        return False
    if tree.kids(i, "dobj", "aux", "auxpass", "dative"):
        return False
    if trig.type == "ASSAULT":
        return any(tree.lemma(c) == "dead" for c in tree.kids(i, "oprd", "acomp", "advmod"))
    if trig.type == "ACCUSE" and tree.lemma(i) in _CHARGING:
        return any(tree.lemma(p) in _CHARGE_PREPS for p in tree.kids(i, "prep"))
    return False


def _between(tree: DocTree, i: int) -> list[int]:
    return prep_objects(tree, i, frozenset({"between", "among"}))


def _verb_heads(tree: DocTree, i: int, trig: Trigger) -> tuple[list[int], list[int], list[int]]:
    tok = tree.tokens[i]
    src: list[int] = []
    tgt: list[int] = []
    pair = _between(tree, i)
    if tok.dep == "acl" and not tree.kids(i, "nsubj"):
        pair = pair or _between(tree, tok.head)
    # forces deployed or withdrawn are the doer's: "troops were deployed", "withdrew
    # settlers and troops from Gaza", "US forces should not be withdrawn"
    withdraw = (
        trig.type == "RETREAT"
        and trig.mode == "withdraw"
        and any(is_party_word(tree, o) for o in tree.kids(i, "dobj", "nsubjpass"))
    )  # but "withdrew its support from the coalition" withdraws no one
    own_forces = trig.type == "MOBILIZE" or withdraw
    if _headline_passive(tree, i, trig):  # "policeman shot dead in Yala"
        tgt += tree.kids(i, "nsubj")
        src += prep_objects(tree, i, frozenset({"by"}))
    elif tree.kids(i, "nsubjpass", "auxpass"):
        if FRAMES.types[trig.type].passive == "source" or withdraw:
            src += tree.kids(i, "nsubjpass")
        else:
            tgt += tree.kids(i, "nsubjpass")
        src += prep_objects(tree, i, frozenset({"by"}))
    elif tok.dep == "acl" and tok.tag == "VBN":  # "the prisoners released by Iran"
        tgt.append(tok.head)
        src += prep_objects(tree, i, frozenset({"by"}))
    else:
        subj = tree.subject(i)
        if subj is not None:
            src.append(subj)
    objs = tree.kids(i, "dobj", "dative", "iobj", "oprd")
    if own_forces:  # not whom they face, nor the summit they guard
        tgt += prep_objects(tree, i, _target_preps(trig, _TARGET_PREPS_NOT_FOR))
    else:
        tgt += [o for o in objs if not _topic_or_forces(tree, i, o, trig)]
        tgt += prep_objects(tree, i, _target_preps(trig))
    for o in objs:  # "imposed sanctions on Iran", "delivered weapons to Ukraine"
        tgt += prep_objects(tree, o, _target_preps(trig, _OBJECT_TARGET_PREPS))
    if trig.type == "RETREAT":
        tgt += prep_objects(tree, i, frozenset({"from", "out"}))
        if withdraw:  # "withdraw 300 soldiers from Iraq"
            tgt += [p for o in objs for p in prep_objects(tree, o, frozenset({"from"}))]
    if trig.type in ("ASSAULT", "COERCE", "THREATEN", "MOBILIZE", "ACCUSE"):
        tgt += prep_objects(tree, i, frozenset({"at"}))  # "fired at", "lashed out at"
    if trig.type == "REQUEST":  # "demanded an apology from Israel"
        for o in objs:
            tgt += prep_objects(tree, o, frozenset({"from"}))
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
    frame = FRAMES.types[trig.type]
    sense = FRAMES.sense("noun", tree.lemma(i))
    of_role = (sense.of if sense is not None and sense.of else None) or frame.of
    src: list[int] = []
    tgt = prep_objects(tree, i, _target_preps(trig))
    froms = prep_objects(tree, i, frozenset({"from"}))
    ofs = prep_objects(tree, i, frozenset({"of"}))
    own = tree.kids(i, "poss") + prep_objects(tree, i, frozenset({"by"}))
    # "the rallies organized by the communists", "the sanctions imposed by the EU on
    # Iran": a light verb's participle names the doer and the target
    for c in tree.kids(i, "acl"):
        if tree.tokens[c].tag == "VBN" and tree.lemma(c) in LIGHT_VERBS:
            own += prep_objects(tree, c, frozenset({"by"}))
            tgt += prep_objects(tree, c, _TARGET_PREPS_NOT_FOR)
    own += [  # "the Helsinki negotiations", "the Oslo accords": a venue, not a party
        c for c in tree.kids(i, "amod", "compound", "nmod")
        if (m := tree.mention_at[c]) is not None and m.how != "metonym"
    ]  # fmt: skip
    if of_role == "source":
        own += ofs
    else:
        tgt += ofs
    if trig.type in _FROM_IS_SOURCE:
        own += froms
    else:
        tgt += froms
    if not resolve(tree, ctx, own, sentence):
        own = []
    head = tok.head
    light = head if head != i and tree.is_verb(head) else None
    verb = tree.lemma(light) if light is not None else ""
    if (
        light is not None
        and tok.dep in ("dobj", "nsubjpass", "attr")
        and (verb in LIGHT_VERBS or verb in RECEIVING_VERBS or verb in HAVING_VERBS)
    ):
        subj = tree.subject(light)
        receives = verb in RECEIVING_VERBS or (verb in HAVING_VERBS and trig.type in _GIVING_TYPES)
        if receives and tok.dep == "dobj":  # "X received an invitation from Y"
            tgt += [subj] if subj is not None else []
            src += own + prep_objects(tree, light, frozenset({"from"}))
        else:
            src += own or ([subj] if subj is not None else [])
            tgt += prep_objects(tree, light, _target_preps(trig, _TARGET_PREPS_NOT_FOR))
            tgt += tree.kids(light, "dative", "iobj")  # "will give Tanzania a grant"
    elif own:
        src += own
    elif (
        tok.dep == "pobj"
        and tree.lemma(head) in _CIRCUMSTANCE
        and trig.type in _MUTUAL
        and tree.is_verb(tree.tokens[head].head)  # "held talks during ...", not "hopes for"
    ):
        # "arrived in Cairo for talks with X", "agreed ... during talks in Canberra"
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
        or tree.lemma(h) in _NUMBERS  # "arrested dozens of students"
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
    target = [p for p in found_target if p.actor.id not in ids]
    if trig.type in DIRECTIONLESS and source and not target and not counterpart:
        target = _unnamed_partners(tree, ctx, src_heads, sentence, ids)
    if not target and tree.is_verb(i) and trig.type in _COMMITTING:
        # "agreed to lift its ban on Georgian wine": the act agreed to names the target
        for c in tree.kids(i, "xcomp", "ccomp"):
            _, inner, _ = _verb_heads(tree, c, trig)
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


def _complete(ctx: Context, trig: Trigger, args: Args, sentence: Sentence) -> Args:
    """A missing side the text itself gives: the sentence's own "bilateral" or "between
    our ministries", or the earlier sentence that "this plan" points back to."""
    if args.joint or bool(args.source) == bool(args.target) or trig.type == "PROTEST":
        return args
    known = args.source or args.target
    countries = {p.actor.country for p in known}
    if args.source and _anaphoric_object(ctx.tree, args.heads.get("target", [])):
        # "gave orders to postpone *this plan*": the plan's target, said just before
        other = ctx.previous_other(sentence, countries)
        if other is not None:
            args.target, args.inferred = [other], True
            return args
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


_OBJECT_PRONOUNS = frozenset({"it", "them", "they"})
_NUMBERS = frozenset({"dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "score",
                      "scores", "million", "millions"})  # fmt: skip
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
    mutual = trig.type in _MUTUAL
    if (
        mutual
        and source
        and not target
        and len({p.actor.country or p.actor.id for p in source}) > 1
    ):
        source, target, joint = source[:1], source[1:], True  # "Brazil and Argentina signed"
    if source and not target:
        own = {p.actor.country for p in source if p.actor.country}
        place = ctx.country_code(location) if location else None
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
        code = ctx.country_code(location)
        if code is not None and code in {p.actor.country for p in source}:
            source, target = target, source  # the host is the target of a visit-like talk
    return Args(source, target, location, inferred, mode, retyped=trig, joint=joint)
