"""The frames file: complete, validated, and read the way its comments say."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.events.frames import FramesError, load_frames
from storyline.records import PLOVER_TYPES


def test_every_plover_type_has_a_frame_with_triggers() -> None:
    frames = load_frames()
    assert set(frames.types) == set(PLOVER_TYPES)
    for t in PLOVER_TYPES:
        verbs = [v for v, trig in frames.verbs.items() if trig.type == t]
        nouns = [n for n, trig in frames.nouns.items() if trig.type == t]
        phrases = [p for p, trig in frames.phrases.items() if trig.type == t]
        assert verbs or nouns or phrases, f"{t} has no trigger"
        assert frames.types[t].about, f"{t} has no description"


def test_modes_and_inverse_verbs_are_parsed() -> None:
    frames = load_frames()
    host = frames.verbs["host"]
    assert (host.type, host.mode, host.inverse) == ("CONSULT", "visit", True)
    assert frames.phrases[("impose", "sanction")].type == "SANCTION"
    assert frames.sense("verb", "release") is not None
    assert frames.sense("verb", "release").object == "actor"  # type: ignore[union-attr]


def _write(tmp_path: Path, text: str) -> Path:
    base = (Path(__file__).parents[2] / "src/storyline/data/frames.toml").read_text("utf-8")
    path = tmp_path / "frames.toml"
    path.write_text(base + text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ('\n[[sense]]\ntrigger = "verb:frobnicate"\nobject = "actor"\n', "no verb trigger"),
        ('\n[[sense]]\ntrigger = "verb:release"\n', "a second entry"),
        ('\n[[sense]]\ntrigger = "noun:aid"\nobjekt = "actor"\n', "unknown keys"),
        ('\n[[sense]]\ntrigger = "aid"\n', "verb:LEMMA"),
        ("\n[MADEUP]\nverbs = []\n", "unknown tables"),
        ("\n[INVADE]\nabout = 'not PLOVER'\nverbs = ['invade']\n", r"unknown tables \['INVADE'\]"),
    ],
)
def test_a_malformed_frames_file_names_the_entry(tmp_path: Path, extra: str, message: str) -> None:
    with pytest.raises(FramesError, match=message):
        load_frames(_write(tmp_path, extra))


def test_an_unknown_requirement_is_refused(tmp_path: Path) -> None:
    base = (Path(__file__).parents[2] / "src/storyline/data/frames.toml").read_text("utf-8")
    bad = base.replace('needs = "victim"', 'needs = "somebody"', 1)
    path = tmp_path / "frames.toml"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(FramesError, match="needs='somebody'"):
        load_frames(path)


@pytest.mark.parametrize("words", ["directionless", "statement_types", "embedding_types"])
def test_a_type_list_naming_no_plover_type_is_refused(tmp_path: Path, words: str) -> None:
    base = (Path(__file__).parents[2] / "src/storyline/data/frames.toml").read_text("utf-8")
    line = next(x for x in base.splitlines() if x.startswith(f"{words} = ["))
    bad = base.replace(line, line.replace("[", '["CONSULTS", ', 1), 1)
    path = tmp_path / "frames.toml"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(FramesError, match=rf"\[words\]\.{words}: \['CONSULTS'\] are not PLOVER"):
        load_frames(path)
    assert load_frames().type_set(words) <= set(PLOVER_TYPES)
