"""The trigger lexicon: words that express PLOVER events, from the PLOVER codebook.

PLOVER (Political Language Ontology for Verifiable Event Records, the open
successor of CAMEO; manual at openeventdata/PLOVER, CC BY-SA) defines 16 event
types. Each entry maps a lemma (verb or noun) to a type and, where the codebook
has one, a mode. Multi-word triggers are keyed by their head lemma plus a
required particle/object lemma ("blow up", "export control").

Coding rules this table encodes: invitations and agreements to meet are AGREE;
a visit is CONSULT/visit; sanctions and export controls are SANCTION; verbs of
saying are not events (a statement about an event is not itself the event).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["DIRECTIONLESS", "NOUN_TRIGGERS", "PHRASE_TRIGGERS", "VERB_TRIGGERS", "Trigger"]


@dataclass(frozen=True, slots=True)
class Trigger:
    type: str
    mode: str | None = None
    #: for verbs: the grammatical object is the *source* of the act
    #: ("X received an invitation from Y": Y invites X) — rare, flagged per entry
    inverse: bool = False


def _t(type_: str, mode: str | None = None, *, inverse: bool = False) -> Trigger:
    return Trigger(type_, mode, inverse)


VERB_TRIGGERS: dict[str, Trigger] = {
    # AGREE: agreements, signatures, invitations, promises
    "agree": _t("AGREE"),
    "sign": _t("AGREE"),
    "invite": _t("AGREE"),
    "ratify": _t("AGREE"),
    "conclude": _t("AGREE"),
    "pledge": _t("AGREE"),
    "promise": _t("AGREE"),
    "accept": _t("AGREE"),
    "offer": _t("AGREE"),
    # CONSULT: meetings, talks, visits, calls
    "visit": _t("CONSULT", "visit"),
    "meet": _t("CONSULT"),
    "discuss": _t("CONSULT"),
    "negotiate": _t("CONSULT"),
    "host": _t("CONSULT", "visit", inverse=True),
    "convene": _t("CONSULT"),
    "consult": _t("CONSULT"),
    "confer": _t("CONSULT"),
    "phone": _t("CONSULT", "phone"),
    "telephone": _t("CONSULT", "phone"),
    "accompany": _t("CONSULT"),
    "receive": _t("CONSULT", "visit", inverse=True),
    # SUPPORT
    "support": _t("SUPPORT"),
    "endorse": _t("SUPPORT"),
    "praise": _t("SUPPORT"),
    "commend": _t("SUPPORT"),
    "welcome": _t("SUPPORT"),
    "congratulate": _t("SUPPORT"),
    "back": _t("SUPPORT"),
    "recognize": _t("SUPPORT"),
    "recognise": _t("SUPPORT"),
    "defend": _t("SUPPORT"),
    "hail": _t("SUPPORT"),
    # CONCEDE
    "concede": _t("CONCEDE"),
    "yield": _t("CONCEDE"),
    "bow": _t("CONCEDE"),
    "apologize": _t("CONCEDE"),
    "apologise": _t("CONCEDE"),
    "pardon": _t("CONCEDE"),
    # COOPERATE
    "cooperate": _t("COOPERATE"),
    "collaborate": _t("COOPERATE"),
    "declare": _t("COOPERATE"),  # only with an object phrase like "declared ... open": see coder
    "partner": _t("COOPERATE"),
    "extradite": _t("COOPERATE"),
    # AID
    "aid": _t("AID"),
    "assist": _t("AID"),
    "supply": _t("AID"),
    "donate": _t("AID"),
    "provide": _t("AID"),
    "deliver": _t("AID"),
    "send": _t("AID"),
    "dispatch": _t("AID"),
    "ship": _t("AID"),
    "airlift": _t("AID"),
    "fly": _t("AID"),
    "grant": _t("AID"),
    "lend": _t("AID"),
    "evacuate": _t("AID"),
    "shelter": _t("AID", "asylum"),
    # RETREAT
    "withdraw": _t("RETREAT", "withdraw"),
    "retreat": _t("RETREAT", "withdraw"),
    "release": _t("RETREAT", "release"),
    "free": _t("RETREAT", "release"),
    "return": _t("RETREAT", "return"),
    "resign": _t("RETREAT", "resign"),
    "postpone": _t("RETREAT"),
    "suspend": _t("RETREAT"),
    "halt": _t("RETREAT"),
    "demobilize": _t("RETREAT"),
    "disarm": _t("RETREAT"),
    "de-escalate": _t("RETREAT"),
    # REQUEST
    "ask": _t("REQUEST"),
    "request": _t("REQUEST"),
    "urge": _t("REQUEST"),
    "demand": _t("REQUEST"),
    "appeal": _t("REQUEST"),
    "call": _t("REQUEST"),  # "call on/for"; "phone call" is a noun trigger
    "require": _t("REQUEST"),
    "petition": _t("REQUEST"),
    "propose": _t("REQUEST"),
    # ACCUSE
    "accuse": _t("ACCUSE"),
    "blame": _t("ACCUSE"),
    "criticize": _t("ACCUSE"),
    "criticise": _t("ACCUSE"),
    "condemn": _t("ACCUSE"),
    "denounce": _t("ACCUSE"),
    "allege": _t("ACCUSE"),
    "investigate": _t("ACCUSE", "investigate"),
    "sue": _t("ACCUSE"),
    "slam": _t("ACCUSE"),
    # REJECT
    "reject": _t("REJECT"),
    "refuse": _t("REJECT"),
    "deny": _t("REJECT"),
    "dismiss": _t("REJECT"),
    "veto": _t("REJECT"),
    "decline": _t("REJECT"),
    "oppose": _t("REJECT"),
    "block": _t("REJECT"),
    # THREATEN
    "threaten": _t("THREATEN"),
    "warn": _t("THREATEN"),
    # PROTEST
    "protest": _t("PROTEST"),
    "demonstrate": _t("PROTEST"),
    "rally": _t("PROTEST"),
    "boycott": _t("PROTEST"),
    "picket": _t("PROTEST"),
    "march": _t("PROTEST", "demo"),
    "storm": _t("PROTEST", "riot"),
    # SANCTION
    "sanction": _t("SANCTION"),
    "embargo": _t("SANCTION"),
    "expel": _t("SANCTION", "expel"),
    "ban": _t("SANCTION"),
    "freeze": _t("SANCTION"),
    "sever": _t("SANCTION", "discontinue"),
    "recall": _t("SANCTION", "discontinue"),
    "blacklist": _t("SANCTION"),
    "restrict": _t("SANCTION"),
    "downgrade": _t("SANCTION", "sever"),
    "cancel": _t("SANCTION", "cancel"),
    # MOBILIZE
    "mobilize": _t("MOBILIZE"),
    "mobilise": _t("MOBILIZE"),
    "deploy": _t("MOBILIZE"),
    "mass": _t("MOBILIZE"),
    "scramble": _t("MOBILIZE"),
    # COERCE
    "arrest": _t("COERCE"),
    "detain": _t("COERCE"),
    "seize": _t("COERCE"),
    "confiscate": _t("COERCE"),
    "deport": _t("COERCE"),
    "raid": _t("COERCE"),
    "blockade": _t("COERCE"),
    "jail": _t("COERCE"),
    "imprison": _t("COERCE"),
    "censor": _t("COERCE"),
    "sentence": _t("COERCE", "arrest"),
    # ASSAULT
    "attack": _t("ASSAULT"),
    "bomb": _t("ASSAULT"),
    "shell": _t("ASSAULT"),
    "invade": _t("ASSAULT"),
    "kill": _t("ASSAULT"),
    "shoot": _t("ASSAULT"),
    "assassinate": _t("ASSAULT"),
    "strike": _t("ASSAULT"),
    "destroy": _t("ASSAULT"),
    "kidnap": _t("ASSAULT"),
    "abduct": _t("ASSAULT"),
    "massacre": _t("ASSAULT"),
}

NOUN_TRIGGERS: dict[str, Trigger] = {
    "agreement": _t("AGREE"),
    "treaty": _t("AGREE"),
    "accord": _t("AGREE"),
    "deal": _t("AGREE"),
    "memorandum": _t("AGREE"),
    "invitation": _t("AGREE"),
    "ceasefire": _t("AGREE"),
    "truce": _t("AGREE"),
    "visit": _t("CONSULT", "visit"),
    "trip": _t("CONSULT", "visit"),
    "talk": _t("CONSULT"),
    "meeting": _t("CONSULT"),
    "summit": _t("CONSULT"),
    "negotiation": _t("CONSULT"),
    "consultation": _t("CONSULT"),
    "session": _t("CONSULT"),
    "call": _t("CONSULT", "phone"),
    "support": _t("SUPPORT"),
    "backing": _t("SUPPORT"),
    "solidarity": _t("SUPPORT"),
    "remorse": _t("CONCEDE"),
    "apology": _t("CONCEDE"),
    "amnesty": _t("CONCEDE"),
    "aid": _t("AID"),
    "assistance": _t("AID"),
    "donation": _t("AID"),
    "loan": _t("AID"),
    "cooperation": _t("COOPERATE"),
    "partnership": _t("COOPERATE"),
    "sanction": _t("SANCTION"),
    "embargo": _t("SANCTION"),
    "tariff": _t("SANCTION"),
    "control": _t("SANCTION"),  # only as "export controls": see PHRASE_TRIGGERS guard
    "requirement": _t("REQUEST"),
    "demand": _t("REQUEST"),
    "request": _t("REQUEST"),
    "appeal": _t("REQUEST"),
    "accusation": _t("ACCUSE"),
    "protest": _t("PROTEST"),
    "demonstration": _t("PROTEST"),
    "rally": _t("PROTEST"),
    "threat": _t("THREATEN"),
    "ultimatum": _t("THREATEN"),
    "march": _t("PROTEST", "demo"),
    "strike": _t("ASSAULT"),
    "attack": _t("ASSAULT"),
    "airstrike": _t("ASSAULT"),
    "bombing": _t("ASSAULT"),
    "invasion": _t("ASSAULT"),
    "withdrawal": _t("RETREAT", "withdraw"),
    "arrest": _t("COERCE"),
    "drill": _t("MOBILIZE"),
    "exercise": _t("MOBILIZE"),
    "mobilisation": _t("MOBILIZE", "troops"),
    "mobilization": _t("MOBILIZE", "troops"),
    "curfew": _t("COERCE", "curfew"),
    "crackdown": _t("COERCE"),
    "offensive": _t("ASSAULT"),
    "shelling": _t("ASSAULT"),
    "bombardment": _t("ASSAULT"),
    "massacre": _t("ASSAULT"),
    "raid": _t("COERCE"),
}

#: Two-word triggers: (head lemma, dependent lemma) -> Trigger. They win over the
#: head's single-word entry, and some single-word entries are valid only here.
PHRASE_TRIGGERS: dict[tuple[str, str], Trigger] = {
    ("blow", "up"): _t("ASSAULT"),
    ("pull", "out"): _t("RETREAT"),
    ("pull", "back"): _t("RETREAT"),
    ("call", "on"): _t("REQUEST"),
    ("call", "for"): _t("REQUEST"),
    ("control", "export"): _t("SANCTION"),
    ("tighten", "control"): _t("SANCTION"),
    ("impose", "sanction"): _t("SANCTION"),
    ("lift", "sanction"): _t("CONCEDE"),
    ("ease", "sanction"): _t("CONCEDE"),
    ("revoke", "sanction"): _t("CONCEDE"),
    ("declare", "open"): _t("COOPERATE"),
    ("establish", "relation"): _t("COOPERATE"),
    ("hold", "talk"): _t("CONSULT"),
    ("set", "fire"): _t("ASSAULT"),
    ("cut", "tie"): _t("SANCTION", "discontinue"),
    ("exercise", "military"): _t("MOBILIZE"),
    ("drill", "military"): _t("MOBILIZE"),
    ("strike", "deal"): _t("AGREE"),
    ("strike", "agreement"): _t("AGREE"),
    ("strike", "accord"): _t("AGREE"),
    ("share", "intelligence"): _t("COOPERATE"),
    ("share", "information"): _t("COOPERATE"),
    ("share", "data"): _t("COOPERATE"),
    ("hand", "weapon"): _t("RETREAT", "disarm"),
    ("hand", "power"): _t("CONCEDE"),
    ("hand", "over"): _t("COOPERATE"),
    ("observe", "ceasefire"): _t("RETREAT", "ceasefire"),
    ("respect", "ceasefire"): _t("RETREAT", "ceasefire"),
    ("allow", "access"): _t("RETREAT", "access"),
    ("grant", "access"): _t("RETREAT", "access"),
    ("break", "relation"): _t("SANCTION", "sever"),
    ("break", "tie"): _t("SANCTION", "sever"),
    ("mass", "troop"): _t("MOBILIZE", "troops"),
    ("fire", "test"): _t("MOBILIZE", "weapons"),
    ("fire", "missile"): _t("ASSAULT"),
    ("fire", "rocket"): _t("ASSAULT"),
    ("fire", "shell"): _t("ASSAULT"),
    ("take", "street"): _t("PROTEST", "demo"),
    ("lodge", "protest"): _t("ACCUSE"),
    ("file", "case"): _t("ACCUSE"),
    ("file", "lawsuit"): _t("ACCUSE"),
    ("file", "complaint"): _t("ACCUSE"),
    ("reinstate", "post"): _t("MOBILIZE"),
    ("block", "access"): _t("COERCE", "censor"),
    ("restrict", "access"): _t("COERCE", "censor"),
    ("cut", "access"): _t("COERCE", "censor"),
    ("law", "martial"): _t("COERCE", "martial-law"),
    ("state", "emergency"): _t("COERCE", "martial-law"),
    ("put", "alert"): _t("MOBILIZE", "troops"),
    ("launch", "missile"): _t("ASSAULT"),
    ("launch", "rocket"): _t("ASSAULT"),
    ("block", "bid"): _t("REJECT"),
    ("block", "application"): _t("REJECT"),
    ("block", "membership"): _t("REJECT"),
    ("block", "resolution"): _t("REJECT"),
    ("block", "proposal"): _t("REJECT"),
    ("block", "renewal"): _t("REJECT"),
    ("block", "deal"): _t("REJECT"),
    ("block", "accession"): _t("REJECT"),
    ("block", "plan"): _t("REJECT"),
    ("speak", "phone"): _t("CONSULT", "phone"),
    ("speak", "telephone"): _t("CONSULT", "phone"),
    ("speak", "link"): _t("CONSULT", "phone"),
    ("talk", "telephone"): _t("CONSULT", "phone"),
    ("talk", "phone"): _t("CONSULT", "phone"),
    ("call", "phone"): _t("CONSULT", "phone"),
    ("call", "telephone"): _t("CONSULT", "phone"),
    ("call", "video"): _t("CONSULT", "phone"),
    ("strike", "general"): _t("PROTEST", "strike"),
    ("strike", "hunger"): _t("PROTEST", "strike"),
    ("resume", "relation"): _t("COOPERATE"),
    ("restore", "relation"): _t("COOPERATE"),
    ("restore", "tie"): _t("COOPERATE"),
    ("establishment", "relation"): _t("COOPERATE"),
    ("establishment", "tie"): _t("COOPERATE"),
}

#: Objects that turn an easing verb into a concession and a suspension into a sanction.
RESTRICTIONS: frozenset[str] = frozenset(
    {"sanction", "embargo", "tariff", "restriction", "ban", "blockade", "curb", "measure",
     "control", "duty", "quota", "blacklist"}
)  # fmt: skip
EASING_VERBS: frozenset[str] = frozenset(
    {"ease", "lift", "relax", "loosen", "remove", "revoke", "scrap", "end", "drop", "waive"}
)
TIES: frozenset[str] = frozenset(
    {"agreement", "trade", "cooperation", "talk", "relation", "tie", "aid", "deal",
     "membership", "flight", "participation", "accord", "pact", "treaty", "contact",
     "negotiation", "dialogue", "export", "import", "visa"}
)  # fmt: skip
#: "joint" turns these nouns into cooperation ("joint naval exercises", "a joint patrol").
JOINT_NOUNS: frozenset[str] = frozenset(
    {"exercise", "drill", "patrol", "project", "operation", "survey", "venture", "statement",
     "investigation", "production", "mission", "force", "program", "programme", "effort"}
)  # fmt: skip
#: Verbs whose complement is a wanted, threatened, refused or alleged act, not a real one.
EMBEDDING_TYPES: frozenset[str] = frozenset({"REQUEST", "THREATEN", "ACCUSE", "REJECT", "CONCEDE"})
EMBEDDING_AGREE: frozenset[str] = frozenset(
    {"invite", "offer", "agree", "promise", "pledge", "invitation", "propose", "vow"}
)
#: Objects a transfer verb sends that make it AID, by mode.
AID_MODES: dict[str, frozenset[str]] = {
    "humanitarian": frozenset(
        {"aid", "food", "medicine", "doctor", "supply", "relief", "vaccine", "tent", "water",
         "medical", "humanitarian", "assistance", "help", "rescue", "team"}
    ),
    "military": frozenset(
        {"weapon", "arm", "tank", "missile", "ammunition", "troop", "soldier", "adviser",
         "advisor", "warship", "aircraft", "jet", "system", "equipment", "military"}
    ),
    "economic": frozenset({"$", "million", "billion", "loan", "fund", "money", "grant", "credit"}),
}  # fmt: skip
#: What a suspension halts: military acts (RETREAT) — ties are in TIES (SANCTION).
MILITARY_ACTS: frozenset[str] = frozenset(
    {"operation", "offensive", "strike", "attack", "fighting", "hostility", "test", "bombing",
     "airstrike", "campaign", "shelling", "exercise", "drill", "activity"}
)  # fmt: skip
#: Things sent that are not aid ("sent a message to").
NOT_AID: frozenset[str] = frozenset(
    {"message", "letter", "note", "signal", "greeting", "condolence", "invitation",
     "delegation", "envoy", "representative", "protest", "warning", "reply", "request"}
)  # fmt: skip

#: Lemmas valid only inside a phrase (never alone): "declare", "control", "exercise",
#: "drill" need their partner word; "call" as a verb needs on/for; "back" needs an
#: actor object; "session" needs a convene/hold verb (handled by the coder).
PHRASE_ONLY: frozenset[str] = frozenset(
    {"declare", "control", "exercise", "drill", "session", "call", "patrol", "project"}
)
VERB_PHRASE_ONLY: frozenset[str] = frozenset(
    {"call", "declare", "mass", "hand", "block", "fire", "take", "lodge", "file", "speak",
     "break", "share", "observe", "allow"}
)  # fmt: skip
#: Transfer verbs: AID only when something goes to an actor (see the coder).
TRANSFER_VERBS: frozenset[str] = frozenset(
    {"send", "deliver", "dispatch", "ship", "airlift", "fly", "provide", "supply", "donate",
     "give", "grant", "lend"}
)  # fmt: skip

#: Types where the two sides take part alike (talks between A and B).
DIRECTIONLESS: frozenset[str] = frozenset({"CONSULT", "COOPERATE"})

#: Verbs of saying: they give a speaker, never an event of their own.
SPEECH_VERBS: frozenset[str] = frozenset(
    {
        "say", "tell", "state", "add", "note", "stress", "emphasize", "emphasise",
        "continue", "point", "announce", "write", "explain", "remark", "reply",
        "comment", "argue", "insist", "claim", "report", "confirm", "underline",
        "highlight", "recall", "declare", "assert", "observe", "conclude",
    }
)  # fmt: skip

#: Verbs whose object noun names an act they perform ("pay a visit", "hold talks").
LIGHT_VERBS: frozenset[str] = frozenset(
    {
        "pay", "hold", "make", "conduct", "sign", "impose", "tighten", "extend", "issue",
        "reach", "have", "launch", "carry", "stage", "provide", "give", "offer", "accept",
        "receive", "deliver", "reaffirm", "renew", "announce", "introduce",
        "adopt", "conclude", "begin", "start", "resume", "attend", "host", "send",
        "pledge", "express", "voice", "lodge", "file", "join", "observe",
    }
)  # fmt: skip

#: Light verbs that re-state an earlier act: the event is the re-statement, dated
#: by its own clause, not by dates inside the noun ("reaffirmed last year's invitation").
RESTATING_VERBS: frozenset[str] = frozenset(
    {"reaffirm", "renew", "reiterate", "repeat", "confirm", "deliver", "extend", "remind"}
)
#: Light verbs whose subject is the *target* of the act ("X received an invitation from Y").
RECEIVING_VERBS: frozenset[str] = frozenset({"receive", "get", "welcome"})
