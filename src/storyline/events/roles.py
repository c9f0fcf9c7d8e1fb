"""Which words fill an event's roles: the heads of the phrases that name who acts
and who is acted on, read off the parse of a verb or a noun trigger, and the parties
those heads name (:func:`resolve`). :mod:`storyline.events.arguments` orients them.

Verbs: the subject acts on the object and on the objects of "to/with/against/on ..."
(passives turned around, headlines' passives too; "host"/"receive" reversed). Nouns:
the possessor and the "by" phrase act; "of" acts or undergoes as the type's frame says;
else the subject of a light verb ("paid a visit"), or of the clause when the noun is a
circumstance of it ("arrived for talks with X"). What an act is "on" or what is
discussed is a topic, not a party, for meetings and accords.
"""

from __future__ import annotations

from storyline.events.context import Context
from storyline.events.lexicon import (
    COUNT_WORDS,
    FRAMES,
    HAVING_VERBS,
    LIGHT_VERBS,
    RECEIVING_VERBS,
    Trigger,
    organ_sector,
)
from storyline.events.senses import is_party_word, pair_subject
from storyline.events.tree import (
    FIRST_PLURAL,
    FIRST_SINGULAR,
    THIRD_PRONOUNS,
    DocTree,
    Party,
    prep_objects,
)
from storyline.events.triggers import claimed_by, voiced_stance
from storyline.records import Sentence
from storyline.vocab import PloverType

__all__ = ["MUTUAL", "noun_heads", "passive_of", "resolve", "verb_heads"]

#: types that two parties can do together ("X and Y agreed, met, cooperated")
MUTUAL: frozenset[PloverType] = frozenset({"AGREE", "CONSULT", "COOPERATE"})

_TARGET_PREPS = frozenset({"to", "with", "against", "on", "toward", "towards", "into", "for"})
_TARGET_PREPS_NOT_FOR = _TARGET_PREPS - {"for"}  # "for" a purpose, not a party
#: What parties do together is "on" a topic, not a party ("meet on Cyprus", "accords on
#: Hong Kong"); verbs whose object is a topic ("to discuss the DPRK's nuclear program")
_TOPIC_ON = MUTUAL
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
    forces = organ_sector(tree.tokens[o].text, tree.lemma(o)) == "MIL"
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
    heads = [_counted(tree, h) for h in heads]
    found = tree.parties_at(heads, nationals=patient, owners=owners)
    if found:
        # "Nepal's government and the Maoists": a bare organ beside a named party
        for h in (h for h in tree.joined(heads) if _first_conjunct(tree, h) in heads):
            if tree.kids(h, "poss"):
                continue  # "Gedi and his government": his own side, not another party
            if tree.mention_at[h] is None and not tree.parties_at([h], nationals=patient):
                organ = ctx.organ(h, sentence)
                if organ is not None and all(p.actor.id != organ.actor.id for p in found):
                    found.append(organ)
        return found
    organs: list[Party] = []
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
        if organs and tree.tokens[h].dep != "conj":
            continue  # "the envoy, a senior official": one party told twice
        organ = ctx.organ(h, sentence)
        if organ is not None and all(p.actor.id != organ.actor.id for p in organs):
            organs.append(organ)  # "police and protesters clashed": both
    return organs


def _counted(tree: DocTree, h: int) -> int:
    """The noun a count stands for ("*thousands* of protesters": protesters), else the
    head itself."""
    if tree.tokens[h].tag != "CD" and tree.lemma(h) not in COUNT_WORDS:
        return h
    counted = prep_objects(tree, h, frozenset({"of"}))
    return counted[0] if counted else h


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
#: Verbs that need whom they move to act as object when active ("urged Iran to halt");
#: not "ask" or "request" ("Kim asked to see the president": he asked), nor "call"
#: ("called on X to ...": X is the object of "on")
_MOVING = frozenset({"urge", "invite", "press", "encourage", "order", "tell", "force",
                     "pressure", "persuade", "advise"})  # fmt: skip
#: Verbs of force that need their victim as object when active
_HARMING = frozenset({"kill", "shoot", "wound", "injure", "behead", "execute", "assassinate"})


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
    if trig.type == "ASSAULT" and tree.lemma(i) in _HARMING and tok.tag == "VBN":
        return True  # "Four Iraqis killed in two bomb attacks": a killing needs a victim
    if trig.type == "ASSAULT":
        return any(tree.lemma(c) == "dead" for c in tree.kids(i, "oprd", "acomp", "advmod"))
    if trig.type == "ACCUSE" and tree.lemma(i) in _CHARGING:
        return any(tree.lemma(p) in _CHARGE_PREPS for p in tree.kids(i, "prep"))
    # "Iran urged to halt enrichment", "DPRK invited to attend forum": a verb that needs
    # the one it moves as object, told with none and an infinitive: its subject is moved
    return tree.lemma(i) in _MOVING and any(
        any(tree.lemma(a) == "to" for a in tree.kids(c, "aux")) for c in tree.kids(i, "xcomp")
    )


def _between(tree: DocTree, i: int) -> list[int]:
    return prep_objects(tree, i, frozenset({"between", "among"}))


def _joined_subject(tree: DocTree, i: int) -> list[int]:
    """The coordinated subject of a verb whose sense lets it stand for the preposition
    ("troops and rebels clashed" for "troops clashed with rebels"), else nothing."""
    sense = FRAMES.sense("verb", tree.lemma(i))
    if sense is None or not sense.or_pair or not pair_subject(tree, i):
        return []
    subj = tree.subject(i)
    return [] if subj is None or prep_objects(tree, i, sense.preps) else [subj]


def _first_conjunct(tree: DocTree, h: int) -> int | None:
    """The first of the conjuncts ``h`` closes ("Nepal's government and *the Maoists*":
    government), None when ``h`` is no conjunct."""
    if tree.tokens[h].dep != "conj":
        return None
    while tree.tokens[h].dep == "conj" and tree.tokens[h].head != h:
        h = tree.tokens[h].head
    return h


def _visiting_object(tree: DocTree, i: int) -> list[int]:
    """ "when meeting visiting US Commerce Secretary Gutierrez": the parser takes
    "visiting" for a second verb; the one met is its object."""
    return [
        o
        for x in tree.kids(i, "xcomp")
        if tree.tokens[x].tag == "VBG" and tree.lemma(x) == "visit"
        for o in tree.kids(x, "dobj")
    ]


def _participle_patient(tree: DocTree, i: int) -> int | None:
    """The subject of the clause a passive participle with its own agent is set off
    from, who undergoes it ("Tshisekedi fought on, *rebuffed by rebels* and *assailed
    by his opponents*": Tshisekedi); None for any other verb."""
    tok = tree.tokens[i]
    if not tree.kids(i, "agent") or tree.kids(i, "nsubj", "nsubjpass", "aux"):
        return None
    if tok.dep == "conj":  # the second of two participles (the tagger may say VBD)
        first = tree.tokens[tok.head]
        if first.dep != "advcl" or first.tag != "VBN" or tree.kids(tok.head, "nsubj"):
            return None
        tok = first
    elif tok.dep != "advcl" or tok.tag != "VBN":
        return None
    return tree.subject(tok.head)


def passive_of(tree: DocTree, i: int) -> int | None:
    """The passive verb whose subject is the trigger's: the trigger itself, or the
    passive a participle is joined to ("He was caught off guard *and killed* by the
    rebels": the one killed is "he", not the doer); None for an active verb."""
    if tree.kids(i, "nsubjpass", "auxpass"):
        return i
    tok = tree.tokens[i]
    if tok.dep != "conj" or tok.tag != "VBN" or tree.kids(i, "nsubj", "aux"):
        return None
    joined = tree.kids(tok.head, "nsubjpass") and tree.kids(tok.head, "auxpass")
    return tok.head if joined else None


def verb_heads(tree: DocTree, i: int, trig: Trigger) -> tuple[list[int], list[int], list[int]]:
    tok = tree.tokens[i]
    src: list[int] = []
    tgt: list[int] = []
    pair = _between(tree, i)
    if tok.dep == "acl" and not tree.kids(i, "nsubj"):
        pair = pair or _between(tree, tok.head)
    if not pair:  # "Israeli troops and Hezbollah fighters clashed": together
        pair = _joined_subject(tree, i)
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
    elif (passive := passive_of(tree, i)) is not None:
        if FRAMES.types[trig.type].passive == "source" or withdraw:
            src += tree.kids(passive, "nsubjpass")
        else:
            tgt += tree.kids(passive, "nsubjpass")
        src += prep_objects(tree, i, frozenset({"by"}))
    elif tok.dep == "acl" and tok.tag == "VBN":  # "the prisoners released by Iran"
        tgt.append(tok.head)
        src += prep_objects(tree, i, frozenset({"by"}))
    elif trig.type not in MUTUAL and (undergoer := _participle_patient(tree, i)) is not None:
        # (not "Accompanied by two vice premiers, Wen came ...": an entourage)
        tgt.append(undergoer)  # "X fought on, rebuffed by rebels and assailed by ..."
        src += prep_objects(tree, i, frozenset({"by"}))
    else:
        subj = tree.subject(i)
        if subj is not None:
            src.append(subj)
    objs = tree.kids(i, "dobj", "dative", "iobj", "oprd") or _visiting_object(tree, i)
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
    if trig.type in ("ASSAULT", "THREATEN", "MOBILIZE", "ACCUSE"):  # not "arrested at
        tgt += prep_objects(tree, i, frozenset({"at"}))  # the airport": "fired at", "lashed out at"
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


def noun_heads(
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
    voiced = voiced_stance(tree, i)  # "spoke out in support of the reform"
    if of_role == "source" and not voiced:
        own += ofs
    else:
        tgt += ofs
    if voiced:
        speaker = tree.subject(tree.tokens[tok.head].head)
        own += [speaker] if speaker is not None else []
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
    elif (claim := claimed_by(tree, i)) is not None:  # "X claimed responsibility for ..."
        subj = tree.subject(claim)
        src += [subj] if subj is not None else []
        owned = tree.tokens[tok.head].head  # "responsibility ... on three Amman hotels"
        tgt += prep_objects(tree, owned, _target_preps(trig))
    elif (
        tok.dep == "pobj"
        and tree.lemma(head) in _CIRCUMSTANCE
        and trig.type in MUTUAL
        and tree.is_verb(tree.tokens[head].head)  # "held talks during ...", not "hopes for"
    ):
        # "arrived in Cairo for talks with X", "agreed ... during talks in Canberra"
        clause = tree.clause_verb(head)
        subj = tree.subject(clause)
        if subj is not None and subj not in tree.subtree_set([i]):
            src.append(subj)
    return src, tgt, _between(tree, i)


_OBJECT_PRONOUNS = frozenset({"it", "them", "they"})
