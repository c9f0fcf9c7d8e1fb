"""The tense of the clause around a temporal expression, by a cheap word heuristic.

A year-less date ("on June 24", "on Tuesday", "in early June") takes its year from
the anchor by the tense of the verb it modifies: news reports the past, so "said on
Tuesday" is the most recent Tuesday, while "will meet on Tuesday" is the next one.
No parser is run (speed): the nearest tense-bearing word within the sentence wins,
looking first a few words to the left and then a few to the right.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[A-Za-z']+|[.!?;:\n\"“”]")
_FUTURE = frozenset(
    {
        "will",
        "shall",
        "'ll",
        "would",
        "scheduled",
        "expected",
        "planned",
        "plans",
        "plan",
        "due",
        "upcoming",
        "next",
        "going",
        "intends",
        "intend",
        "aims",
        "hopes",
        "hope",
        "forthcoming",
        "might",
        "tomorrow",
        "wo",
    }
)
_PAST = frozenset(
    [
        "was",
        "were",
        "had",
        "did",
        "said",
        "told",
        "met",
        "held",
        "made",
        "took",
        "gave",
        "came",
        "went",
        "began",
        "became",
        "saw",
        "won",
        "lost",
        "left",
        "sent",
        "spent",
        "paid",
        "led",
        "blew",
        "broke",
        "brought",
        "built",
        "bought",
        "caught",
        "chose",
        "drew",
        "drove",
        "fell",
        "felt",
        "fought",
        "found",
        "fled",
        "flew",
        "forgot",
        "froze",
        "got",
        "grew",
        "kept",
        "knew",
        "laid",
        "meant",
        "ran",
        "rose",
        "sat",
        "sold",
        "shot",
        "spoke",
        "stood",
        "stole",
        "struck",
        "swept",
        "threw",
        "thought",
        "understood",
        "woke",
        "wrote",
        "wore",
        "ago",
        "earlier",
        "last",
        "yesterday",
        "been",
        "sought",
        "taught",
        "agreed",
        "arose",
        "awoke",
        "bent",
        "bit",
        "bled",
        "bred",
        "burnt",
        "clung",
        "crept",
        "dealt",
        "drank",
        "dug",
        "forbade",
        "foresaw",
        "forgave",
        "forsook",
        "heard",
        "hid",
        "hung",
        "knelt",
        "leapt",
        "lent",
        "misled",
        "mistook",
        "outran",
        "overcame",
        "overran",
        "oversaw",
        "overthrew",
        "overtook",
        "rang",
        "rebuilt",
        "retook",
        "rode",
        "sang",
        "sank",
        "shone",
        "shook",
        "shrank",
        "slept",
        "slew",
        "slid",
        "sped",
        "sprang",
        "spun",
        "strove",
        "stuck",
        "stung",
        "swam",
        "swore",
        "swung",
        "tore",
        "undertook",
        "upheld",
        "wept",
        "withdrew",
        "withheld",
        "withstood",
        "wove",
    ]
)
_BOUNDARY = frozenset({".", "!", "?", ";", "\n", '"', "“", "”"})
_NOT_PAST_ED = frozenset({"need", "speed", "indeed", "proceed", "exceed", "feed", "seed", "red"})
_COPULAS = frozenset(
    {"be", "been", "being", "remain", "remains", "stay", "stays", "get", "become", "is", "are"}
)
_REPORTING = frozenset(
    {"said", "told", "added", "noted", "stated", "reported", "says", "announced", "wrote"}
)
_DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "this", "our", "that"})
_WINDOW = 140
_LEFT_WORDS = 8
_RIGHT_WORDS = 10


def _classify(word: str) -> str | None:
    w = word.lower()
    if w in _FUTURE:
        return "future"
    if w in _PAST:
        return "past"
    if len(w) > 4 and w.endswith("ed") and w not in _NOT_PAST_ED:
        return "past"
    return None


def clause_tense(text: str, start: int, end: int) -> str:
    """``past``, ``future`` or ``none`` for the expression at ``text[start:end]``.

    A participle after a copula ("will be held", "will remain closed") is not a past
    tense: the scan goes on to the auxiliary. A reporting verb to the right ("..., the
    ministry said") governs the whole clause, not the date, and is passed over - unless
    the date opens the sentence ("In April, he said ...").
    """
    left = _WORD.findall(text, max(0, start - _WINDOW), start)
    left.reverse()
    initial = next((n for n, w in enumerate(left) if w in _BOUNDARY), len(left)) < 2
    for n, word in enumerate(left):
        if word in _BOUNDARY or n >= _LEFT_WORDS:
            break
        t = _classify(word)
        before = left[n + 1].lower() if n + 1 < len(left) else ""
        if t == "past" and before in _COPULAS:
            continue
        if t == "future" and before in _DETERMINERS:
            continue  # "announced the plan Aug. 21": a noun, not a plan for later
        if t:
            return t
    right = _WORD.findall(text, end, min(len(text), end + _WINDOW))
    for n, word in enumerate(right):
        if word in _BOUNDARY or n >= _RIGHT_WORDS:
            break
        if word.lower() in _REPORTING and not initial:
            continue
        t = _classify(word)
        if t:
            return t
    return "none"
