"""The trigger lexicon, as the coder's modules use it: read from ``data/frames.toml``.

PLOVER (the open successor of CAMEO) defines 16 event types; the frames file lists,
per type, its trigger verbs, nouns and two-word phrases (with PLOVER modes), what an
event of the type needs, and the senses that narrow a trigger to its political use.
This module only names the parts of :func:`storyline.events.frames.load_frames` that
the coder reads, so that rules and word classes stay in one readable file.
"""

from __future__ import annotations

from storyline.events.frames import Frames, Trigger, load_frames
from storyline.records import Token

__all__ = [
    "AHEAD_WORDS",
    "DIRECTIONLESS",
    "FRAMES",
    "HOSTILE_TYPES",
    "NOUN_TRIGGERS",
    "PHRASE_TRIGGERS",
    "STATEMENT_TYPES",
    "THREAT_VERBS",
    "VERB_TRIGGERS",
    "Trigger",
    "mended_lemma",
    "organ_sector",
]

FRAMES: Frames = load_frames()

VERB_TRIGGERS: dict[str, Trigger] = FRAMES.verbs
NOUN_TRIGGERS: dict[str, Trigger] = FRAMES.nouns
#: Verbs of threatening: their own condition ("if ...") is the threat's, not a doubt
THREAT_VERBS = frozenset(v for v, t in FRAMES.verbs.items() if t.type == "THREATEN")
PHRASE_TRIGGERS: dict[tuple[str, str], Trigger] = FRAMES.phrases
AID_MODES: dict[str, frozenset[str]] = FRAMES.aid_modes

RESTRICTIONS = FRAMES.word("restrictions")
EASING_VERBS = FRAMES.word("easing_verbs")
TIES = FRAMES.word("ties")
JOINT_NOUNS = FRAMES.word("joint_nouns")
EMBEDDING_TYPES = FRAMES.type_set("embedding_types")
EMBEDDING_AGREE = FRAMES.word("embedding_agree")
MILITARY_ACTS = FRAMES.word("military_acts")
NOT_AID = FRAMES.word("not_aid")
PHRASE_ONLY = FRAMES.word("phrase_only")
VERB_PHRASE_ONLY = FRAMES.word("verb_phrase_only")
TRANSFER_VERBS = FRAMES.word("transfer_verbs")
DIRECTIONLESS = FRAMES.type_set("directionless")
HOSTILE_TYPES = FRAMES.type_set("hostile_types")
STATEMENT_TYPES = FRAMES.type_set("statement_types")
SPEECH_VERBS = FRAMES.word("speech_verbs")
CLAIM_NOUNS = FRAMES.word("claim_nouns")
CONSEQUENCE_VERBS = FRAMES.word("consequence_verbs")
CONSEQUENCE_NOUNS = FRAMES.word("consequence_nouns")
SPORT_WORDS = FRAMES.word("sport_words")
NAMING_VERBS = FRAMES.word("naming_verbs")
LIGHT_VERBS = FRAMES.word("light_verbs")
CONJECTURE_NOUNS = FRAMES.word("conjecture")
RESTATING_VERBS = FRAMES.word("restating_verbs")
RECEIVING_VERBS = FRAMES.word("receiving_verbs")
PEOPLE = FRAMES.word("people")
COUNT_WORDS = FRAMES.word("count_words")
PEOPLE_QUANTIFIERS = FRAMES.word("people_quantifiers")  # "many Lebanese": people
PRIVATE_PEOPLE = FRAMES.word("private_people")
#: Verbs that voice what an "in support of" phrase names ("spoke out in support of").
VOICING_VERBS = FRAMES.word("voicing_verbs")
AHEAD_WORDS = FRAMES.word("ahead_words")  # "ahead of a summit": still to come
ORGANS: dict[str, str] = FRAMES.organs
HAVING_VERBS = FRAMES.word("having_verbs")
ORIGIN_NOUNS = FRAMES.word("origin_nouns")
PLACES = FRAMES.word("places")
GROUP_WORDS = FRAMES.word("group_words")
DOMESTIC_ORGANS = FRAMES.word("domestic_organs")
NON_STATE = FRAMES.word("non_state_modifiers")
NOT_OWNERS = FRAMES.word("not_owners")
#: Every verb the frames read by its lemma: a tagger's lemma that misses one of them by
#: a final "e" ("staged" -> "stag") is mended to it (``DocTree.lemma``)
KNOWN_VERBS = (
    frozenset(VERB_TRIGGERS) | LIGHT_VERBS | SPEECH_VERBS | NAMING_VERBS | RECEIVING_VERBS
    | HAVING_VERBS | TRANSFER_VERBS | RESTATING_VERBS | FRAMES.word("mended_verbs")
)  # fmt: skip


#: Every noun the frames read by its lemma: a plural the tagger left whole (British
#: "neighbours" tagged NN, lemma "neighbours") is mended to it
KNOWN_NOUNS = (
    frozenset(NOUN_TRIGGERS) | frozenset(ORGANS) | PEOPLE | PRIVATE_PEOPLE | NOT_OWNERS
    | GROUP_WORDS | ORIGIN_NOUNS
)  # fmt: skip


def mended_lemma(t: Token) -> str:
    """The token's lemma, lower-cased; a verb form whose lemma misses a verb the frames
    know by its final "e" is that verb ("staged" is lemmatized "stag": "stage"); a noun
    left in the plural is the noun the frames know ("neighbours": "neighbour")."""
    lemma = t.lemma.lower()
    if t.pos in ("NOUN", "PROPN"):
        whole = lemma == t.text.lower() and lemma.endswith("s")
        return lemma[:-1] if whole and lemma[:-1] in KNOWN_NOUNS else lemma
    if t.pos not in ("VERB", "AUX") or lemma in KNOWN_VERBS or lemma + "e" not in KNOWN_VERBS:
        return lemma
    text = t.text.lower()
    return lemma + "e" if text in (lemma + "ed", lemma + "es", lemma + "ing") else lemma


def organ_sector(word: str, lemma: str) -> str | None:
    """The sector an organ, office or force noun names by its text or its lemma
    ("police": COP, "troops": MIL), else None."""
    return ORGANS.get(word.lower()) or ORGANS.get(lemma)
