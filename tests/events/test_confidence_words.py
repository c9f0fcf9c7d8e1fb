"""The confidence model's lexical features and the coder's admission floor (issue 14,
session 11).

The trigger's lemma (alone and with the event type), its relation to its head, the
head's lemma and its dependents are features of the model, so that the usual sense of
a word in its frame weighs in; the coder admits no event the model puts below the floor
that ``bench/realtext/calibrate.py`` chose on held-out judged text.
"""

from __future__ import annotations

import pytest

from storyline.events.coder import code_document
from storyline.events.confidence import Words, admission_floor, lexical, weights
from storyline.events.stage import annotate

TEXT = (
    "MOSCOW, March 3 (Xinhua) -- Russian President Vladimir Putin met Chinese President "
    "Xi Jinping in Moscow on Tuesday. Police arrested three protesters in the capital. "
    "Russia accused Ukraine of shelling the border town on Monday, the ministry said. "
    "The two countries signed a trade agreement, officials said."
)


def test_lexical_feature_names() -> None:
    words = Words("meet", "ROOT", "meet", (("nsubj", "<PERSON>"), ("dobj", "Xi")))
    assert lexical("CONSULT", words) == [
        "child.dobj.xi",
        "child.nsubj.<PERSON>",
        "child_dep.dobj",
        "child_dep.nsubj",
        "dep.ROOT",
        "head.meet",
        "lemma.meet",
        "type_lemma.CONSULT.meet",
    ]


def test_the_fitted_model_weighs_words() -> None:
    """The shipped weights hold lexical features, fitted, not just the shape ones."""
    lex = [n for n in weights() if n.startswith(("lemma.", "type_lemma.", "child."))]
    assert len(lex) > 100
    assert 0.0 < admission_floor() < 0.5


@pytest.fixture(scope="module")
def doc():  # type: ignore[no-untyped-def]
    return annotate(TEXT, "2024-03-06")


@pytest.mark.slow
def test_mentions_carry_their_words(doc) -> None:  # type: ignore[no-untyped-def]
    events = code_document(doc, floor=0.0)
    assert events
    for ev in events:
        assert any(f.startswith("lemma.") for f in ev.features), ev.features
        assert any(f.startswith("type_lemma." + ev.type + ".") for f in ev.features)
    met = next(ev for ev in events if ev.type == "CONSULT")
    # "Putin met Xi": the names are their class, never themselves
    assert "child.nsubj.<PERSON>" in met.features and "child.dobj.<PERSON>" in met.features
    assert not any("putin" in f.lower() or f.rsplit(".", 1)[-1] == "xi" for f in met.features)


@pytest.mark.slow
@pytest.mark.parametrize("floor", [0.3, 0.5, 0.7])
def test_the_floor_only_removes_less_confident_events(doc, floor: float) -> None:  # type: ignore[no-untyped-def]
    every = code_document(doc, floor=0.0)
    kept = code_document(doc, floor=floor)
    assert [e for e in every if e.confidence >= floor] == kept
    assert all(e.confidence >= floor for e in kept)


@pytest.mark.slow
def test_a_floor_between_confidences_bites(doc) -> None:  # type: ignore[no-untyped-def]
    every = code_document(doc, floor=0.0)
    confidences = sorted({e.confidence for e in every})
    assert len(confidences) > 1, "the sample's confidences spread"
    kept = code_document(doc, floor=confidences[-1])
    assert 0 < len(kept) < len(every)


@pytest.mark.slow
def test_the_default_floor_is_the_models(doc) -> None:  # type: ignore[no-untyped-def]
    assert code_document(doc) == code_document(doc, floor=admission_floor())
