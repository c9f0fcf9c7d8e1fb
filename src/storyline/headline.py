"""One plain-language line per event: "South Korea tightened its export controls on Russia".

The line is built only from what the event holds: its sides (names), the trigger's
own words with the verb in the form its modality asks for (past for asserted acts,
"will"/"plans to" for planned ones, "may" for possible ones, "did not" for negated
ones), and the words right after the trigger in its evidence sentence (an object
phrase such as "the implementation of this plan", a preposition that joins the
target such as "on Moscow"). A noun trigger ("treaty", "visit") becomes a verb
phrase from ``data/headlines.toml``; every word class and gloss lives there, so a
reviewer can change how lines read without touching this module. Which words are
verbs and nouns comes from the coder's own lexicon (``data/frames.toml``), read as
data.
"""

from __future__ import annotations

import re

from storyline.headline_rules import Rules, load_rules, past_tense, verb_lemma
from storyline.records import Actor, Event, EventMention, Evidence
from storyline.vocab import Modality, PloverType

__all__ = ["Rules", "event_tags", "headline", "load_rules", "past_tense", "sentence_of"]

_WORD = re.compile(r"\d+(?:[.,]\d+)+|[\w'’-]+|[^\w\s]")


# ----------------------------------------------------------------- the line


def _name(actor: Actor, rules: Rules) -> str:
    """A side's name on the line: a country's police, forces or people by the country's
    adjective ("South Korean police"), so that a domestic act does not read "South Korea
    arrested South Korea"."""
    if actor.kind != "country" or not actor.country:
        return actor.name
    return rules.sector_name(actor.country, actor.sector, actor.name) or actor.name


def _names(actors: tuple[Actor, ...], rules: Rules, doer: bool = False) -> str:
    # A doer's country beside a person of that country ("China and Hu Jintao will
    # visit"): the person is the one who acted; both stay in the sides. Not for the
    # target ("visited Singapore and Goh Chok Tong" keeps the country visited).
    people = {a.country for a in actors if doer and a.kind == "person" and a.country}
    names: list[str] = []
    for a in actors:
        name = _name(a, rules)
        if name not in names and not (a.kind == "country" and a.country in people):
            names.append(name)
    if not names:
        return ""
    if len(names) > 3:
        return f"{', '.join(names[:2])} and {len(names) - 2} others"
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def sentence_of(trigger: Evidence, evidence: tuple[Evidence, ...]) -> Evidence | None:
    """The evidence sentence that holds the trigger, if one does."""
    for ev in evidence:
        if ev.document == trigger.document and ev.start <= trigger.start and trigger.end <= ev.end:
            return ev
    return None


def _around(trigger: Evidence, evidence: tuple[Evidence, ...]) -> tuple[list[str], list[str]]:
    """The words of the trigger's sentence before and after the trigger."""
    ev = sentence_of(trigger, evidence)
    if ev is None:
        return [], []
    before = ev.text[: trigger.start - ev.start]
    after = ev.text[trigger.end - ev.start :]
    return _WORD.findall(before), _WORD.findall(after)


def _is_np_start(word: str, rules: Rules) -> bool:
    """A word that can begin the target's noun phrase after a preposition."""
    return word[:1].isupper() or word.lower() == "the"


def _is_adverb(word: str, following: str, rules: Rules) -> bool:
    low = word.lower()
    if low in rules.adverbs or (low, following.lower()) in rules.adverb_phrases:
        return True
    return word[:1].islower() and low.endswith(rules.adverb_suffix) and low not in rules.not_adverbs


def _inflected_verb(word: str, rules: Rules) -> bool:
    """ "encourages", "called", "set": a verb form that starts a second clause after "and"."""
    low = word.lower()
    lemma = verb_lemma(low, rules)
    return low in rules.irregular_past or (lemma is not None and lemma != low)


def _shorten(words: list[str]) -> list[str]:
    """An object phrase the length limit cut in the middle, back to a whole phrase: before
    its last "and"/"or" ("the efforts of the coalition [and the other forces]"), else
    before its first "of" ("the nomination [of the first US ambassador to ...]")."""
    low = [w.lower() for w in words]
    joins = [j for j, w in enumerate(low) if j > 1 and w in ("and", "or")]
    if joins:
        return words[: joins[-1]]
    return words[: low.index("of", 1)] if "of" in low[1:] else words


def _object(after: list[str], rules: Rules) -> tuple[list[str], int, bool]:
    """The object phrase right after the verb: lowercase words up to a stop word.

    Returns the words, how many of ``after`` they took, and whether a pronoun stood
    first (a lone "them" stands for the target; "it" in "grant it autonomy" is left out).
    """
    out: list[str] = []
    pronoun = False
    taken = 0
    for i, w in enumerate(after):
        low = w.lower()
        following = after[i + 1] if i + 1 < len(after) else ""
        if w in rules.quotes:
            taken = i + 1
            continue
        if not out and not pronoun and low in rules.pronouns:
            if _inflected_verb(following, rules):
                break  # "the sanctions it imposed": the subject of a clause
            pronoun, taken = True, i + 1
            continue
        if not out and not (low in rules.determiners or w[:1].islower() or w[:1].isdigit()):
            break
        if (
            not re.match(r"[\w'’-]", w)
            or low in rules.stops
            or _is_adverb(w, following, rules)
            or (low in ("and", "or") and out and _inflected_verb(following, rules))
        ):
            break
        if len(out) >= rules.object_max_words:
            out = _shorten(out)
            break
        out.append(w)
        taken = i + 1
    ends = rules.dangling | rules.determiners | rules.hanging
    while out and out[-1].lower() in ends:
        out.pop()  # a phrase cut in the middle says nothing more
    return out, (taken if out else 0), pronoun


def _verb_form(base: str, rest: str, modality: Modality, planned: bool, rules: Rules) -> str:
    if modality == "asserted":
        form = rules.modality["asserted"].format(base=base, past=past_tense(base, rules))
    else:
        key = "planned" if modality == "future" and planned else modality
        form = rules.modality.get(key, "{base}").format(base=base, past=past_tense(base, rules))
    return f"{form} {rest}".strip()


def _of_type(word: str, type_: PloverType, rules: Rules) -> bool:
    """A trigger word may speak for an event of ``type_``: it is one of the type's own
    words, or of no type's (a rule elsewhere found it). "revokes" in a REQUEST to
    revoke sanctions is CONCEDE's word, not what the requester did."""
    if word in rules.type_words.get(type_, frozenset()):
        return True
    return not any(word in words for words in rules.type_words.values())


def _predicate(
    words: list[str], type_: PloverType, rules: Rules, previous: str = ""
) -> tuple[str, str, bool, bool]:
    """(verb base, rest of the phrase, target is its direct object, trigger's own words).

    ``previous`` is the word before the trigger: after "to", "not" or a modal a word
    such as "support" or "visit" is the verb, not the noun."""
    low = [w.lower() for w in words]
    noun = low[0].rstrip("s") if low else ""
    if (
        len(low) == 1
        and previous.lower() not in rules.verb_cues
        and low[0] in rules.nouns
        and _of_type(noun, type_, rules) | _of_type(low[0], type_, rules)
    ):
        phrase, direct = rules.nouns[low[0]]
        base, _, rest = phrase.partition(" ")
        return base, rest, direct, False
    lemma = verb_lemma(low[0], rules) if low else None
    if lemma is not None and _of_type(lemma, type_, rules):
        kept = [
            w
            for i, w in enumerate(words[1:], 1)
            if w.lower() not in rules.pronouns
            and not _is_adverb(w, words[i + 1] if i + 1 < len(words) else "", rules)
            and (words[i - 1].lower(), w.lower()) not in rules.adverb_phrases
        ]
        direct = (lemma in rules.direct and len(words) == 1) or low[-1] in rules.stops
        return lemma, " ".join(kept), direct, True
    head = low[-1] if low else ""
    if head in rules.nouns and _of_type(head.rstrip("s"), type_, rules):
        phrase, direct = rules.nouns[head]
        base, _, rest = phrase.partition(" ")
        return base, rest, direct, False
    phrase, direct = rules.types.get(type_, ("act", False))
    base, _, rest = phrase.partition(" ")
    return base, rest, direct, False


def _passive(
    event: Event | EventMention, words: list[str], before: list[str], planned: bool, rules: Rules
) -> str | None:
    """ "Two Indonesian hostages were killed" for a doerless act told in the passive."""
    word = words[0].lower() if words else ""
    lemma = verb_lemma(word, rules)
    if not event.target or lemma not in rules.direct:
        return None
    if not (word.endswith("ed") or word in rules.irregular_past):
        return None
    i = len(before) - 1
    if i > 0 and _is_adverb(before[i], word, rules):
        i -= 1  # "were also killed"
    if i < 0 or before[i].lower() not in rules.auxiliaries:
        return None
    aux, j = before[i].lower(), i - 1
    if aux == "been" and j >= 0 and before[j].lower() in ("has", "have", "had"):
        aux, j = before[j].lower(), j - 1
    elif aux in ("be", "being") and j >= 0 and before[j].lower() not in rules.auxiliaries:
        j -= 1  # "will be", "to be"
    if any(a.kind == "person" for a in event.target):
        subject = _names(event.target, rules)
        plural = len(event.target) > 1
    else:
        start = j + 1
        while start > 0 and re.match(r"[\w'’-]", before[start - 1]):
            if before[start - 1].lower() in rules.clause_words:
                break
            start -= 1
        said = before[start : j + 1]
        if (
            not said
            or len(said) > rules.subject_max_words
            or not any(w[:1].isalpha() and w.lower() not in rules.pronouns for w in said)
        ):
            return None
        subject = " ".join(said)
        last = said[-1].lower()
        plural = aux in ("were", "are", "have") or (
            aux not in ("was", "is", "has") and last.endswith("s") and not last.endswith("ss")
        )
    key = "planned" if event.modality == "future" and planned else event.modality
    form = rules.passive[key].format(be="were" if plural else "was", participle=word)
    return f"{subject} {form}"


def headline(event: Event | EventMention, rules: Rules | None = None) -> str:
    """The event as one plain sentence (no final period), e.g. "Putin will visit South Korea"."""
    r = rules or load_rules()
    evidence = event.evidence if isinstance(event, Event) else (event.evidence,)
    words = [w for w in _WORD.findall(event.trigger.text) if re.match(r"[\w'’-]", w)]
    before, after = _around(event.trigger, evidence)
    base, rest, direct, own = _predicate(words, event.type, r, before[-1] if before else "")
    planned = any(w.lower() in r.plan_cues for w in before)
    subject = _names(event.source, r, doer=True)
    target = _names(event.target, r)
    if not subject and own and (said := _passive(event, words, before, planned, r)):
        return said[:1].upper() + said[1:]
    obj: list[str] = []
    end = ""
    if target and direct and not (after and after[0].lower() in r.determiners):
        end = target
    else:
        obj, taken, pronoun = _object(after, r) if own else ([], 0, False)
        tail = after[taken:] if own else []
        allowed = r.prepositions.get(event.type, ("",))
        given = tail[0].lower() if tail else ""
        if not target:
            pass
        elif given and given in allowed and len(tail) > 1 and _is_np_start(tail[1], r):
            end = f"{given} {target}"  # the sentence's own preposition
        elif obj:
            pass  # the object is something else; the sides say who was concerned
        elif direct or pronoun:
            end = target
        elif own and not rest and base in r.joined:
            phrase, _ = r.joined[base]  # "made a pledge to Germany", "accepted Angola"
            base, _, rest = phrase.partition(" ")
            end = target
        elif allowed[0]:
            end = f"{allowed[0]} {target}"
    if not obj and not end and not rest and event.modality != "negated" and base in r.bare:
        base, _, rest = r.bare[base].partition(" ")
    verb = _verb_form(base, rest, event.modality, planned, r)
    line = " ".join(p for p in (subject or r.unnamed, verb, " ".join(obj), end) if p)
    return line[:1].upper() + line[1:]


def event_tags(event: Event | EventMention, rules: Rules | None = None) -> list[str]:
    """The PLOVER type, its mode and what the modality makes of the act, as short tags."""
    r = rules or load_rules()
    tags: list[str] = [event.type]
    if event.mode:
        tags.append(event.mode)
    if isinstance(event, Event):
        tags += [f"+{t}" for t in event.also]
    if event.modality in r.tags:
        tags.append(r.tags[event.modality])
    return tags
