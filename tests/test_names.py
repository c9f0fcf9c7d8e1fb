"""The one folding of names (storyline.names): properties and the spellings it merges."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from storyline.names import alias_key, fold, name_words, person_key, transliterate
from storyline.nlp.actors.gazetteer import actor_id, name_key
from storyline.store.actor_lookup import ActorName, prefix_matches

#: Latin letters that carry accents (NFD splits them into a base letter and marks).
_ACCENTED = st.characters(
    min_codepoint=0xC0,
    max_codepoint=0x24F,
    categories=["Lu", "Ll"],
).filter(lambda ch: unicodedata.normalize("NFD", ch) != ch)


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@given(st.text())
@example("Łukaszenka")
@example("ǅ ϐ İ ß")
@example("'\u2018")  # a quote mark that folds to the apostrophe a possessive drops
@example("a'.")  # dropping the full stop bares a possessive mark
def test_folding_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)
    for key in (person_key, alias_key, name_key):
        assert key(key(text)) == key(text)


@given(st.text(), st.characters(categories=["Lu", "Ll", "Lt", "Lm", "Lo"]))
@example("", "ا")  # an Arabic alef: anyascii has no spelling for it, the letter stays
@example("", "\U00020000")  # a CJK ideograph anyascii does not know
def test_a_string_with_a_letter_never_folds_to_nothing(text: str, letter: str) -> None:
    assert fold(text + letter)
    assert name_words(letter + text)
    assert person_key(text + letter)


@given(st.text())
@example("µ ϐ ᾀ ǅ ß")
def test_folding_ignores_case(text: str) -> None:
    assert fold(text.upper()) == fold(text) == fold(text.lower())
    assert fold(text.swapcase()) == fold(text)


@given(st.text())
def test_folding_ignores_the_unicode_normal_form(text: str) -> None:
    assert fold(unicodedata.normalize("NFD", text)) == fold(text)
    assert fold(unicodedata.normalize("NFC", text)) == fold(text)


@given(st.lists(st.one_of(_ACCENTED, st.sampled_from("abcz -")), min_size=1))
def test_folding_ignores_accents(chars: list[str]) -> None:
    text = "".join(chars)
    assert fold(text) == fold(_strip_accents(text))


@given(st.text())
def test_folded_text_is_ascii_but_for_letters_anyascii_cannot_spell(text: str) -> None:
    folded = fold(text)
    assert all(ch.isascii() or ch.isalpha() for ch in folded)
    assert folded == folded.strip() and "  " not in folded


@pytest.mark.parametrize(
    ("name", "folded"),
    [
        ("Łukaszenka", "lukaszenka"),  # NFKD cannot strip the stroke: it was "ukaszenka"
        ("Erdoğan", "erdogan"),
        ("Øresund", "oresund"),
        ("Straße", "strasse"),
        ("Đoković", "dokovic"),
        ("Путин", "putin"),
        ("İstanbul", "istanbul"),
        ("Kim Jong‐un", "kim jong-un"),  # U+2010 HYPHEN
        ("O’Brien", "o'brien"),
        ("  JOSÉ   Mújica ", "jose mujica"),
    ],
)
def test_spellings(name: str, folded: str) -> None:
    assert fold(name) == folded


def test_every_key_meets_the_transliterated_spelling() -> None:
    assert alias_key("Łukaszenka") == alias_key("Lukaszenka") == "lukaszenka"
    assert person_key("Alaksandr Łukaszenka") == "alaksandr lukaszenka"
    assert actor_id("person", "Alaksandr Łukaszenka") == actor_id("person", "ALAKSANDR LUKASZENKA")
    assert name_key("the Øresund's") == "oresund"
    assert name_words("The Łódź Council") == ("lodz", "council")
    names = [ActorName("b1", "Alaksandr Łukaszenka", "Alaksandr Łukaszenka")]
    assert prefix_matches("alaksandr lukaszenka", names) == names


def test_keys_keep_what_tells_names_apart() -> None:
    assert alias_key("Kim Jong-un") == alias_key("Kim Jong Un") == alias_key("kim jong un")
    assert alias_key("the Kremlin") == alias_key("Kremlin")
    assert alias_key("Chung Eui-yong") != alias_key("Chung Sye-kyun")
    assert person_key("Kim Jong-un") == "kim jong un"


def test_transliteration_keeps_case_for_abbreviations() -> None:
    assert transliterate("U.S.") == "U.S."
    assert transliterate("Łódź") == "Lodz"
    assert transliterate("ROK’s") == "ROK's"
