"""One folding of names, used by every comparison of names in storyline.

Actor ids (``person_key``), the gazetteer's lookups (``nlp.actors.gazetteer.name_key``),
the store's alias index (``alias_key``) and the actor lookup a person types into
(``name_words``) all compare names through :func:`fold`, so a name found in one
place is found in the others.

Folding transliterates with anyascii (a maintained Unicode-to-ASCII table) rather
than dropping what Unicode decomposition cannot strip: ``Łukaszenka`` folds to
``lukaszenka`` (not ``ukaszenka``), ``Øresund`` to ``oresund``, ``Straße`` to
``strasse``, ``Путин`` to ``putin``. A letter anyascii has no spelling for (some
Arabic, CJK and rare scripts' letters) is kept as it is, so a name with a letter
never folds to nothing.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

__all__ = ["alias_key", "fold", "name_words", "person_key", "transliterate"]

_THE = re.compile(r"^the\s+")
_JOINERS = re.compile(r"[\s\-'.]+")  # what spelling variants of one name differ by
_PERSON_SEPARATORS = re.compile(r"[-'.]")
_NON_WORD = re.compile(r"[\W_]+")


@lru_cache(maxsize=4096)
def _char(ch: str) -> str:
    out = anyascii(ch)
    if out:
        return out
    return ch if ch.isalpha() else ""  # a mark or a format character goes; a letter stays


@lru_cache(maxsize=65536)
def transliterate(text: str) -> str:
    """``text`` in ASCII with its case kept (``Łódź`` -> ``Lodz``, ``U.S.`` stays):
    for keys that must see capitals, such as abbreviations."""
    if text.isascii():
        return text
    return "".join(ch if ch.isascii() else _char(ch) for ch in unicodedata.normalize("NFC", text))


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """``text`` folded for comparison: transliterated to ASCII, case folded and
    runs of white space made one space. Idempotent; insensitive to case, accents
    and Unicode normal form; never empty when ``text`` has a letter.

    Case is folded before transliterating, so a letter and its capital always
    fold alike (Greek ``ϐ`` and ``Β`` are both ``b``)."""
    if not text.isascii():
        text = transliterate(unicodedata.normalize("NFC", text).casefold())
    return " ".join(text.lower().split())


def person_key(name: str) -> str:
    """A key that merges spelling variants of a person's name: hyphens, case,
    spacing, accents. ``Kim Jong-un``, ``Kim Jong Un`` and ``KIM JONG UN`` share a
    key; ``Chung Eui-yong`` and ``Chung Sye-kyun`` do not (the whole name is kept)."""
    return " ".join(_PERSON_SEPARATORS.sub(" ", fold(name)).split())


def alias_key(name: str) -> str:
    """The store's key for an actor's name or alias: ``person_key`` without a
    leading "the" and with no separators at all (``Kim Jongun`` meets ``Kim Jong-un``)."""
    return _JOINERS.sub("", _THE.sub("", fold(name)))


def name_words(text: str) -> tuple[str, ...]:
    """The words of ``text`` folded, punctuation dropped; a leading "the" is not a
    word of a name ("the Kremlin" is "Kremlin")."""
    words = tuple(w for w in _NON_WORD.split(fold(text)) if w)
    return words[1:] if len(words) > 1 and words[0] == "the" else words
