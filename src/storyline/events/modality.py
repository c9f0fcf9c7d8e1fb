"""Modality: did the event happen (asserted), is it planned (future), only
possible or conditional (hypothetical), or denied (negated)?

The cues are read on the path from the trigger up through the words that govern
it, stopping at a verb of saying: in "Lavrov said Putin will visit", *will* is
the visit's, *said* is not.
"""

from __future__ import annotations

from storyline.events.lexicon import AHEAD_WORDS, THREAT_VERBS
from storyline.events.senses import claimed, is_party_word
from storyline.events.tree import DocTree
from storyline.vocab import Modality

__all__ = ["governing_chain", "infinitive", "modality", "past_named"]

_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
_HYPOTHETICAL_AUX = frozenset({"may", "might", "could", "would", "should", "can", "must"})
#: Modals of obligation: "should not be withdrawn" is a demand, not a denial.
_DEONTIC_AUX = frozenset({"should", "must", "ought"})
#: Verbs that make what they govern a plan. Not "decide": judged real news took "Bush
#: decided to grant duty-free status" as the grant done (3 of 4 such lines)
_FUTURE_GOVERNORS = frozenset(
    {
        "plan", "intend", "hope", "expect", "aim", "seek", "prepare", "want", "wish",
        "schedule", "set", "due", "propose", "go", "mean", "agree",
        "promise", "pledge", "vow", "invite", "look", "ready", "resume",
    }
)  # fmt: skip
#: Verbs that refuse with their particle ("ruled out sending troops").
_PHRASAL_REFUSAL = frozenset({("rule", "out")})
#: Governors of an aim: their subject already acts ("the visit aims at ...")
_PURPOSES = frozenset({"aim", "mean", "seek", "hope", "want", "wish", "intend"})
_PAST_WORDS = frozenset({"last", "previous", "yesterday", "earlier", "past"})
_FUTURE_MODIFIERS = frozenset(
    {"planned", "upcoming", "future", "next", "forthcoming", "scheduled", "proposed"}
)
_HYPOTHETICAL_MODIFIERS = frozenset({"possible", "potential", "possibly", "potentially"})
#: Words that make what they govern an attempt, a likelihood or a readiness, not a fact.
_HYPOTHETICAL_GOVERNORS = frozenset(
    {"attempt", "try", "plot", "bid", "likely", "unlikely", "able", "ready", "willing",
     "possible", "prepared", "poised", "foil", "thwart", "seek", "consider",
     "strive", "struggle", "endeavour", "endeavor", "labor", "labour"}
)  # fmt: skip
#: Verbs whose object's act is kept from happening (not what they do: "the embargo
#: prevents it from receiving aid" is the embargo's act).
_PREVENTING = frozenset({"prevent", "deter", "avert", "forestall", "preclude"})
#: Verbs whose complement is demanded of someone, so only wished: "urged Syria to
#: withdraw", "pressing the government to resign", "will recommend withdrawing".
_DEMANDS = frozenset(
    {"urge", "press", "pressure", "push", "ask", "demand", "call", "recommend", "persuade",
     "encourage", "appeal", "require"}
)  # fmt: skip
#: Verbs of wishing: the complement is only wished when someone else is to do it ("wants
#: the EU to arrest ..."), a plan when the subject is ("wants to visit", see
#: ``_FUTURE_GOVERNORS``).
_WISHES = frozenset({"want", "wish", "hope", "like", "prefer"})
_WISH_OR_DEMAND = _WISHES | _DEMANDS
_NEGATORS = frozenset({"not", "n't", "never", "no"})
_REFUSAL = frozenset(
    {
        "refuse", "refusal", "decline", "fail", "failure", "reject", "deny", "avoid", "stop",
        "postpone", "postponement", "cancel", "cancellation", "scrap", "shelve", "abandon",
    }
)  # fmt: skip
#: Verbs whose clause is only a claim ("the leaders claimed that Rao promised ...").
_CLAIMS = frozenset({"claim", "allege"})
_CONDITION_MARKS = frozenset({"if", "unless", "provided"})
_SAYING = frozenset({"say", "tell", "report", "announce", "confirm", "claim", "add"})
_CIRCUMSTANCE = frozenset({"during", "at", "after", "amid", "following", "in", "on"})
_CHAIN_DEPS = frozenset(
    {
        "xcomp", "dobj", "pobj", "prep", "attr", "acl", "relcl", "nsubjpass", "nsubj",
        "compound", "amod", "conj", "oprd", "appos", "pcomp", "dep", "npadvmod",
        "acomp",
    }
)  # fmt: skip


def _headline_infinitive(tree: DocTree, i: int) -> bool:
    """ "Putin to visit South Korea", "Putin to visit Seoul, says Lavrov": an infinitive
    with a subject of its own that heads the sentence or what a verb of saying reports
    (a headline's plan), not "wants Putin to visit"."""
    tok = tree.tokens[i]
    if tok.dep == "ROOT":
        return True
    if tree.under_name_root(i):
        return True  # "EU to grant status to Ukraine": the name parsed as the root
    if tok.dep != "ccomp" or not tree.kids(i, "nsubj"):
        return False
    return tree.lemma(tok.head) in _SAYING


def governing_chain(
    tree: DocTree, trigger: int, limit: int = 8, *, through_advcl: bool = True
) -> list[int]:
    """The trigger and the words that govern it.

    Dating climbs through adverbial clauses ("on June 24, Kim gave orders to
    postpone ..."); modality does not: "did not begin 33 years ago when the two
    countries established relations" does not deny the establishment.
    """
    chain = [trigger]
    i = trigger
    home = tree.stray_conjunct_home(trigger)
    if home != trigger:  # a main-clause verb the parser hung on a relative clause
        chain.append(home)
        i = home
    for _ in range(limit):
        tok = tree.tokens[i]
        wished = tok.dep == "ccomp" and tree.lemma(tok.head) in _WISH_OR_DEMAND
        if tok.head == i or (
            tok.dep not in _CHAIN_DEPS
            and not (through_advcl and tok.dep == "advcl")
            and not wished  # "wants the EU to arrest ...": the wish governs the arrest
        ):
            break
        head = tok.head
        if tok.dep in ("relcl", "acl") and not tree.is_verb(i):
            break
        chain.append(head)
        if tok.dep == "relcl":  # the relative clause's own modality ends at its noun
            break
        i = head
    return chain


def _bare_parallel(tree: DocTree, conjunct: int) -> bool:
    """Is the conjunct a bare infinitive the parser hung on a finite verb ("is expected to
    hold talks with X, and meet Y"): the infinitive's parallel, under the same governor?
    A conjunct with its own subject, auxiliary or marker is an act of its own, and so is
    one beside another bare infinitive ("to stop bloodshed and support unity")."""
    tok = tree.tokens[conjunct]
    if tok.tag != "VB" or tree.tokens[tok.head].tag == "VB":
        return False
    return not tree.kids(conjunct, "nsubj", "nsubjpass", "aux", "auxpass", "mark")


def _phrasal(tree: DocTree, i: int) -> tuple[str, str]:
    """The verb with its particle ("ruled out": ``("rule", "out")``)."""
    prt = tree.kids(i, "prt")
    return (tree.lemma(i), tree.tokens[prt[0]].text.lower() if prt else "")


_NOBODY = frozenset({"nobody", "none", "noone"})


def _no_one(tree: DocTree, i: int) -> bool:
    """Does a verb's subject or object say that no one underwent or did it ("*No*
    policemen were killed", "killed *nobody*", "*no one* was hurt")?"""
    for c in tree.kids(i, "nsubj", "nsubjpass", "dobj"):
        if tree.tokens[c].text.lower() in _NOBODY:
            return True
        # (a party, not "urged no further delay": what is urged)
        no = any(tree.tokens[d].text.lower() == "no" for d in tree.kids(c, "det"))
        if no and is_party_word(tree, c):
            return True
    return False


def _perfect(tree: DocTree, i: int) -> bool:
    """Is the verb a perfect ("would have urged")?"""
    return any(tree.lemma(a) == "have" for a in tree.kids(i, "aux"))


def modality(tree: DocTree, trigger: int) -> Modality:
    chain = governing_chain(tree, trigger, through_advcl=False)
    negated = hypothetical = future = conditional = False
    circumstance = False  # above "during/at/after ...", the governing verbs' plans don't apply
    for pos, i in enumerate(chain):
        lemma = tree.lemma(i)
        if pos > 0 and tree.tokens[chain[pos - 1]].dep == "prep" and lemma != "":
            circumstance = circumstance or tree.lemma(chain[pos - 1]) in _CIRCUMSTANCE
        below = tree.tokens[chain[pos - 1]].dep if pos > 0 else ""
        if below == "conj" and tree.kids(chain[pos - 1], "nsubj", "nsubjpass"):
            break  # "the event would be peaceful and Hezbollah deployed ...": its own clause
        # a conjunct is a parallel act, not one its neighbour governs: "rejected the deals
        # and refused to recognize", "to stop bloodshed and support unity"
        governs = (
            pos > 0
            and not circumstance
            and (below != "conj" or _bare_parallel(tree, chain[pos - 1]))
        )
        refusal = lemma in _REFUSAL or _phrasal(tree, i) in _PHRASAL_REFUSAL
        if governs and refusal and below not in ("nsubj", "nsubjpass"):
            negated = True  # "refused to supply" — but "cooperation declined" fell, not refused
        if governs and claimed(tree, chain[pos - 1]):
            hypothetical = True  # "repeated allegations that troops killed ...": alleged
        if governs and lemma in _HYPOTHETICAL_GOVERNORS:
            hypothetical = True  # "an apparent attempt to kill", "is likely to urge"
        preventing = governs and lemma in _PREVENTING and below not in ("nsubj", "nsubjpass")
        # "would not prevent him from visiting Jordan": a prevention denied lets the act go
        unprevented = preventing and bool(tree.kids(i, "neg"))
        if preventing and not unprevented:
            hypothetical = True  # "to prevent militants from launching rockets"
        because = lemma == "due" and any(  # "due to X's refusal": because of, not planned
            tree.tokens[c].text.lower() == "to" for c in tree.kids(i, "pcomp", "prep")
        )
        if governs and _wished(tree, i, chain[pos - 1]):
            hypothetical = True
        elif governs and lemma in _FUTURE_GOVERNORS and not because:
            # "his visit to Turkey was aimed at strengthening ties": an act that has an
            # aim is under way, not planned (but "talks are expected to begin" are); the
            # doer of an active verb is not what it plans ("talks resumed on Monday",
            # "visiting diplomats agreed that ...")
            doer = below == "nsubj" or (below == "nsubjpass" and lemma in _PURPOSES)
            future = future or not doer
        if governs and lemma in AHEAD_WORDS and below == "prep" and not past_named(tree, trigger):
            future = True  # "ahead of a summit Thursday", "on the eve of an EU summit"
        if (
            governs
            and lemma == "be"
            and below == "xcomp"
            and any(tree.tokens[a].text.lower() == "to" for a in tree.kids(chain[pos - 1], "aux"))
        ):
            future = True  # "Olmert is to meet Prodi", "the vote was to take place"
            if tree.tokens[i].tag == "VBD" and _perfect(tree, chain[pos - 1]):
                negated = True  # "was to have traveled for a meeting": a plan that fell
        deontic = any(tree.tokens[a].text.lower() in _DEONTIC_AUX for a in tree.kids(i, "aux"))
        if _for_infinitive(tree, i):
            hypothetical = True  # "calls for Olmert to resign", "an ultimatum for X to leave"
        for c in tree.children[i]:
            ct = tree.tokens[c]
            low = ct.text.lower()
            if ct.dep == "neg" and deontic:
                hypothetical = True  # "should not be withdrawn": demanded, not denied
            elif ct.dep == "neg" and unprevented:
                continue
            elif ct.dep == "neg" or (ct.dep == "det" and low == "no") or low in ("neither", "nor"):
                negated = True  # "neither confirmed nor denied"
            elif ct.dep in ("aux", "auxpass"):
                if low in _FUTURE_AUX:
                    future = True
                elif low == "would" and (_reported(tree, i) or not _perfect(tree, i)):
                    # "said ASEAN would discuss it next month", "the two sides would also
                    # sign documents": a will told in the past (judged real news: 9 of 12
                    # such lines coded possible were plans); "would have urged" is not
                    future = True
                elif low in _HYPOTHETICAL_AUX:
                    hypothetical = True
                elif low == "going" or ct.lemma == "go":
                    future = True
                elif low == "to" and pos == 0 and _headline_infinitive(tree, i):
                    future = True  # headline style: "Putin to visit South Korea"
            elif ct.dep in ("amod", "advmod"):
                if low in _FUTURE_MODIFIERS:
                    future = True
                elif low in _HYPOTHETICAL_MODIFIERS:
                    hypothetical = True
            elif ct.dep == "mark" and low in _CONDITION_MARKS:
                hypothetical = True
        if pos == 0 and _no_one(tree, i):
            negated = True  # "No policemen were killed", "the blast injured nobody"
        if not (pos == 0 and lemma in THREAT_VERBS) and any(
            tree.tokens[c].dep == "advcl"
            and any(tree.tokens[m].text.lower() in _CONDITION_MARKS for m in tree.kids(c, "mark"))
            for c in tree.children[i]
        ):
            conditional = True  # "Japan will ease restrictions if Seoul resolves ..."
            # (a threat is made on a condition: "warned of war if NATO expands" was said)
        if tree.tokens[i].dep == "advcl" and any(
            tree.tokens[c].text.lower() in _CONDITION_MARKS for c in tree.kids(i, "mark")
        ):
            conditional = True
    top = tree.tokens[chain[-1]]
    if top.dep == "ccomp" and top.head != chain[-1] and tree.lemma(top.head) in _CLAIMS:
        hypothetical = True  # "claimed that Rao promised to back ...": only alleged
    if conditional:
        return "hypothetical"  # "would not sign unless ...": a conditional refusal
    if negated:
        return "negated"
    if hypothetical:
        return "hypothetical"
    if future:
        return "future"
    return "asserted"


def past_named(tree: DocTree, trigger: int) -> bool:
    """Is the trigger's phrase told as past ("ahead of last week's summit")?"""
    return any(tree.tokens[j].text.lower() in _PAST_WORDS for j in tree.subtree(trigger))


def _wished(tree: DocTree, governor: int, below: int) -> bool:
    """Is what ``below`` says only demanded or wished by ``governor``: its complement
    under a verb of demand ("urged Syria to withdraw"; not "pressed ahead with"), or
    under a verb of wishing with a doer of its own ("wants the EU to arrest")?"""
    lemma = tree.lemma(governor)
    dep = tree.tokens[below].dep
    if tree.kids(governor, "prt") or dep not in _COMPLEMENTS:
        return False  # "pressed ahead with", "called off"; "the visit will push ties"
    if lemma in _DEMANDS:
        return True
    if lemma == "have":  # "will have to surrender them"
        return dep == "xcomp" and infinitive(tree, below)
    if lemma in _WISHES and dep in ("xcomp", "ccomp"):
        return bool(tree.kids(below, "nsubj", "nsubjpass") or tree.kids(governor, "dobj"))
    return False


#: How a demanded act hangs from the demand: "urged Syria to withdraw", "urged the
#: release", "called for the withdrawal", "demanded that Syria withdraw".
_COMPLEMENTS = frozenset({"xcomp", "ccomp", "dobj", "prep", "pcomp"})
#: Nouns of demand whose "for X to do" is demanded: "calls for Olmert to resign".
_DEMAND_NOUNS = frozenset({"call", "demand", "ultimatum", "plea", "appeal", "pressure"})


def infinitive(tree: DocTree, verb: int) -> bool:
    """ "to kidnap", "to sign": an infinitive (a purpose or a complement), unlike a
    participle ("warning that ...")."""
    return any(tree.tokens[a].text.lower() == "to" for a in tree.kids(verb, "aux", "mark"))


def _for_infinitive(tree: DocTree, verb: int) -> bool:
    """ "calls for Olmert to resign": an infinitive with its own subject, brought in by
    *for*, on a noun of demand (not "the main gain for Castro to invite the Pope")."""
    head = tree.tokens[verb].head
    demand = [head, *tree.kids(head, "dobj")]  # the parser may hang it on "drew calls"
    return (
        any(tree.lemma(d) in _DEMAND_NOUNS for d in demand)
        and infinitive(tree, verb)
        and any(tree.tokens[m].text.lower() == "for" for m in tree.kids(verb, "mark"))
        and bool(tree.kids(verb, "nsubj", "nsubjpass"))
    )


def _reported(tree: DocTree, verb: int) -> bool:
    """Is this clause what someone said ("X said [Y would ...]")?"""
    tok = tree.tokens[verb]
    return (
        tok.dep == "ccomp"
        and tok.head != verb
        and tree.lemma(tok.head) in ("say", "tell", "announce", "state", "add", "report")
    )


def is_negator(word: str) -> bool:
    return word.lower() in _NEGATORS
