"""An event's date: its own timex, or an interval its tense gives, never a guessed day."""

from __future__ import annotations

import pytest

from storyline.dates import date_label
from storyline.events.stage import date_spans

PUB = "2006-03-15"


def _date(text: str, word: str) -> dict[str, str | None]:
    i = text.index(word)
    got = date_spans(text, PUB, [(i, i + len(word))])[0]
    assert got is not None
    return got


@pytest.mark.parametrize(
    ("text", "word", "mod"),
    [
        ("Russia attacked Georgia.", "attacked", "ON_OR_BEFORE"),
        ("Russia has imposed sanctions on Georgia.", "imposed", "ON_OR_BEFORE"),
        ("The attack on the embassy shocked the region.", "attack", "ON_OR_BEFORE"),
        ("Russia will attack Georgia.", "attack", "ON_OR_AFTER"),
        ("Russia plans to impose sanctions on Georgia.", "impose", "ON_OR_AFTER"),
        ("Russian troops are deploying near the border.", "deploying", None),
        # a headline tells a past act in the present, and a body's simple present holds
        # by now (a standing charge, news told in the present): on or before the day
        (
            "Egypt detains ten suspected militants\n\nThe men were held in Cairo.",
            "detains",
            "ON_OR_BEFORE",
        ),
        ("Police say Egypt detains ten suspected militants.", "detains", "ON_OR_BEFORE"),
        ("Peru accuses Bolivia of hoarding river water.", "accuses", "ON_OR_BEFORE"),
        # a present in a quotation is the speaker's act, done as it is said
        ('"We condemn the shelling of the port," the Chilean envoy said.', "condemn", None),
        # an act under way holds on the day
        ("Chilean and Peruvian envoys are holding talks in Lima.", "talks", None),
    ],
)
@pytest.mark.slow
def test_an_undated_event_is_opened_by_its_tense(text: str, word: str, mod: str | None) -> None:
    got = _date(text, word)
    assert (got["date"], got["date_source"], got["date_mod"]) == (PUB, "reported", mod)


@pytest.mark.slow
def test_a_given_day_is_the_events_own() -> None:
    got = _date("Putin visited China on Tuesday.", "visited")
    assert (got["date"], got["date_source"], got["date_mod"]) == ("2006-03-14", "text", None)


@pytest.mark.slow
def test_the_subjects_own_earlier_act_opening_the_sentence_gives_the_day() -> None:
    """ "After meeting Abbas on Monday, Rice urged ...": the same day; told after the
    verb ("urged ... after meeting Abbas on Monday") the order is no longer the frame."""
    got = _date("After meeting Abbas on Monday, Rice urged Israel to ease the siege.", "urged")
    assert (got["date"], got["date_source"]) == ("2006-03-13", "text")
    late = _date("Rice urged Israel to ease the siege after meeting Abbas on Monday.", "urged")
    assert late["date_source"] == "reported"


@pytest.mark.slow
def test_a_narrative_day_dates_the_next_event() -> None:
    text = "Troops crossed the border on Monday. The next day they shelled the town."
    assert _date(text, "shelled")["date"] == "2006-03-14"


@pytest.mark.slow
def test_an_act_named_after_after_is_done_by_the_day_of_the_next() -> None:
    got = _date("The premier returned home on Monday after a state visit to Chile.", "visit")
    assert (got["date"], got["date_mod"], got["date_source"]) == (
        "2006-03-13",
        "ON_OR_BEFORE",
        "text",
    )


@pytest.mark.slow
def test_a_clause_of_time_under_a_past_perfect_is_not_on_the_narratives_day() -> None:
    text = (
        "Russia cut gas supplies to Belarus on Tuesday. The pipeline had been halted when"
        " Russia accused Belarus of theft."
    )
    assert _date(text, "accused")["date_source"] != "context"


@pytest.mark.slow
def test_a_sentence_with_a_date_of_its_own_does_not_take_the_narratives_day() -> None:
    """The narrative's day is not taken when the act's own clause holds a date, even
    one the parse hangs on a noun; a date in another clause does not count."""
    from storyline.events.dating import _other_time
    from storyline.events.stage import annotate
    from storyline.events.tree import DocTree

    for text, word, own in [
        ("The envoys met in Lima on Monday. The president's father first proposed the"
         " establishment of the Free Trade Area of the Americas in the 1990s.", "proposed", True),
        ("The envoys met in Lima on Monday. They condemned the rebels, who seized the town"
         " in 2004.", "condemned", False),
        ("The envoys met in Lima on Monday. They condemned the rebels' attack on Monday.",
         "condemned", False),
    ]:  # fmt: skip
        doc = annotate(text, PUB)
        tree = DocTree.build(doc)
        i = tree.token_at(text.index(word))
        assert i is not None
        sentence = tree.sentence_of(i)
        assert sentence is not None
        assert _other_time(tree, i, doc, sentence, "2006-03-13") is own, text
    other = (
        "The envoys met in Lima on Tuesday. They condemned the rebels, who seized the town in 2004."
    )
    assert _date(other, "condemned")["date_source"] == "context"


@pytest.mark.slow
def test_a_relative_clause_takes_the_date_of_its_noun_phrase() -> None:
    text = (
        "He has been on the run since the January 1998 bombing of a clinic that killed"
        " a police officer."
    )
    got = _date(text, "killed")
    assert (got["date"], got["date_source"]) == ("1998-01", "text")


@pytest.mark.parametrize(
    ("args", "short", "words"),
    [
        (("2006-03-15", None, None), "2006-03-15", "2006-03-15"),
        (("2006-03-01", "2006-03-05", None), "2006-03-01/2006-03-05", "2006-03-01/2006-03-05"),
        (("2006-03-15", None, "ON_OR_BEFORE"), "≤ 2006-03-15", "on or before 2006-03-15"),
        (("2006-03-15", None, "ON_OR_AFTER"), "≥ 2006-03-15", "on or after 2006-03-15"),
        # a TIMEX3 part of the day reads as words (a judge took "TEV" for a glitch)
        (("2006-12-16TEV", None, None), "2006-12-16 evening", "2006-12-16 evening"),
        (
            ("2006-12-16TNI", None, "ON_OR_BEFORE"),
            "≤ 2006-12-16 night",
            "on or before 2006-12-16 night",
        ),
        # a TIMEX3 decade or century reads as one
        (("198", None, "ON_OR_BEFORE"), "≤ 1980s", "on or before 1980s"),
        (("19", None, None), "1900s", "1900s"),
    ],
)
def test_date_labels(args: tuple[str, str | None, str | None], short: str, words: str) -> None:
    assert date_label(*args) == short
    assert date_label(*args, words=True) == words


@pytest.mark.slow
def test_a_bare_clock_time_does_not_date_an_event() -> None:
    got = _date("The doctor was shot at 10 p.m. as he stood in his kitchen.", "shot")
    assert (got["date_source"], got["date_mod"]) == ("reported", "ON_OR_BEFORE")
    got = _date("Troops attacked the town on Tuesday at 10 p.m.", "attacked")
    assert (got["date"], got["date_source"]) == ("2006-03-14T22:00", "text")


@pytest.mark.slow
def test_a_bare_weekday_on_the_object_dates_the_verb() -> None:
    text = (
        "The prime minister, who had asked the UN to extend the mission until Dec. 15,"
        " met European Union diplomats here Monday on the resolution."
    )
    got = _date(text, "met")
    assert (got["date"], got["date_source"]) == ("2006-03-13", "text")


@pytest.mark.slow
def test_earlier_in_the_day_is_the_narratives_day() -> None:
    text = (
        "Protesters marched through Beirut on Monday. Earlier in the day, the Druze"
        " leader denounced the protest."
    )
    assert _date(text, "denounced")["date"] == "2006-03-13"


@pytest.mark.slow
def test_a_perfect_is_not_dated_by_the_narratives_earlier_day() -> None:
    text = (
        "Five prisoners escaped from the police cells in the small hours of Monday."
        " Eight policemen have been detained."
    )
    got = _date(text, "detained")
    assert (got["date"], got["date_mod"]) == (PUB, "ON_OR_BEFORE")


@pytest.mark.slow
def test_a_perfect_is_not_dated_by_the_days_own_narrative() -> None:
    """Even when the sentences before tell of the publication day itself, a perfect
    ("have been gunned down in recent weeks") or a status ("is charged with") counts up
    to now: on or before that day, not on it."""
    text = (
        "The minister announced the reform on Wednesday, March 15."
        " Eight policemen have been gunned down in recent weeks."
    )
    got = _date(text, "gunned")
    assert (got["date"], got["date_mod"]) == (PUB, "ON_OR_BEFORE")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Police raided the camp on Tuesday. Three men were arrested.", "arrested"),
        # a part of a day gives the day when no whole day is given
        ("Two villagers were wounded by gunfire on Tuesday night in the border village."
         " Witnesses said soldiers opened fire on a group of farmers.", "opened fire"),
    ],
)  # fmt: skip
def test_a_simple_past_takes_the_narratives_day(text: str, word: str) -> None:
    got = _date(text, word)
    assert (got["date"], got["date_source"], got["date_mod"]) == ("2006-03-14", "context", None)


@pytest.mark.slow
def test_an_older_day_is_not_the_narratives() -> None:
    # a day further back is background, not the narrative's time (judged lines)
    older = _date("Police raided the camp on Sunday. Three men were arrested.", "arrested")
    assert (older["date_source"], older["date_mod"]) == ("reported", "ON_OR_BEFORE")


@pytest.mark.slow
def test_the_main_clause_date_does_not_date_what_came_before_it() -> None:
    text = "Share prices closed lower Friday after the minister's resignation shook the market."
    got = _date(text, "resignation")
    assert got["date"] != "2006-03-10"


@pytest.mark.slow
def test_visits_before_a_dated_return_are_not_dated_by_it() -> None:
    text = "The Egyptian president returned to Cairo on Monday after visits to Russia and China."
    got = _date(text, "visits")
    assert got["date"] != "2006-03-13" or got["date_mod"] == "ON_OR_BEFORE"


@pytest.mark.slow
def test_a_conjunct_with_its_own_subject_has_its_own_date() -> None:
    text = (
        "The Security Council in August adopted a resolution on Darfur, but the Sudanese"
        " president has so far rejected it."
    )
    assert not _date(text, "rejected")["date"].startswith("2005-08")


@pytest.mark.parametrize(
    ("text", "word", "day"),
    [
        # a circumstance the act happens in, dated
        (
            "In a separate operation on March 9, Turkish police arrested a PKK member.",
            "arrested",
            "2006-03-09",
        ),
        (
            "In a statement issued late Monday, Hamas criticised the Palestinian leader.",
            "criticised",
            "2006-03-13",
        ),
        # a date the parser hung on the subject, right before the verb
        (
            "The widow of the former agent on Monday accused Moscow of the murder.",
            "accused",
            "2006-03-13",
        ),
        # a part of a day
        (
            "The FBI arrested him at the airport in the early hours of Monday morning.",
            "arrested",
            "2006-03-13",
        ),
    ],
)
@pytest.mark.slow
def test_a_date_the_parser_hangs_elsewhere_still_dates_the_act(
    text: str, word: str, day: str
) -> None:
    got = _date(text, word)
    assert (got["date"][:10], got["date_source"]) == (day, "text")


@pytest.mark.slow
def test_a_date_inside_a_described_thing_does_not_date_the_act() -> None:
    text = (
        "Officials will sit down for talks on the remains of troops killed during the war of 1950."
    )
    got = _date(text, "talks")
    assert got["date_source"] != "text"


@pytest.mark.slow
def test_a_date_in_a_relative_clause_of_a_participle_is_not_the_acts() -> None:
    got = _date(
        "Kicking off a stay that includes talks on Monday with the vice president, the"
        " premier met the trade representative.",
        "met",
    )
    assert got["date_source"] != "text"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "word", "day"),
    [
        # the same attack told with another outcome carries the day (judged real news)
        ("One militant was killed and nine other Palestinians wounded Monday in an Israeli"
         " air strike, witnesses said.", "killed", "2006-03-13"),
        ("Four Iraqis were killed and seven others wounded in two roadside bomb attacks in"
         " Baghdad on Monday, a police source said.", "killed", "2006-03-13"),
        # talks a dated telling follows happened that day
        ("Bush said Tuesday after talks in Amman with Iraqi Prime Minister Nuri al-Maliki"
         " that the troops would stay.", "talks", "2006-03-14"),
        # one narrated moment: both simple past, joined by "and"
        ("The prime minister met his Libyan counterpart in Zagreb on Monday and the two"
         " leaders pledged to revive trade.", "pledged", "2006-03-13"),
        # a participle clause ahead of the main verb tells the same moment
        ("Opening the summit on Monday, the UN chief called on nations to act.", "called",
         "2006-03-13"),
        ("Speaking on Monday, the foreign minister accused NATO of expansion.", "accused",
         "2006-03-13"),
        # a subject whose complement says when it happens; a place's relative clause
        ("Talks between Japan and China are expected to begin on Monday.", "Talks",
         "2006-03-20"),
        # a participle set off after the subject; a clause of time the parser hangs on
        # the complement; a message put out, hung on the complement
        ("The trade ministers, meeting in Geneva on Monday, failed to agree on tariffs.",
         "agree", "2006-03-13"),
        ("The senate voted to approve lifting the curfew when it met on Monday.", "approve",
         "2006-03-13"),
        ("The rebel leader urged his fighters to rise against the army, in a video"
         " released on the Internet on Monday.", "urged", "2006-03-13"),
        ("On Friday, Cohen will fly on to South Korea where he will meet top Korean"
         " leaders.", "meet", "2006-03-17"),
    ],
)  # fmt: skip
def test_a_day_told_beside_the_act_dates_it(text: str, word: str, day: str) -> None:
    got = _date(text, word)
    assert (got["date"], got["date_source"]) == (day, "text")


@pytest.mark.slow
def test_a_different_act_beside_keeps_its_own_date() -> None:
    """Only the same act shares a day: a meeting beside an arrest does not."""
    text = "Police arrested two men and the minister met the ambassador on Monday."
    assert _date(text, "arrested")["date"] != "2006-03-13"


@pytest.mark.slow
def test_a_conjunct_told_as_to_come_does_not_take_the_past_days_date() -> None:
    text = "Bush departed Washington early Tuesday for the summit and will visit Brazil later."
    got = _date(text, "visit")
    assert (got["date"], got["date_mod"]) == (PUB, "ON_OR_AFTER")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "word", "date"),
    [
        # a stance told in the present in a dated saying holds on the day it was said
        ("Chile said Monday it opposes the Bolivian claim to the coast.", "opposes", "2006-03-13"),
        ("Peru said Monday it cannot accept the Chilean offer.", "accept", "2006-03-13"),
    ],
)
def test_a_present_stance_in_a_dated_saying_is_that_days(text: str, word: str, date: str) -> None:
    got = _date(text, word)
    assert (got["date"], got["date_source"], got["date_mod"]) == (date, "text", None)


@pytest.mark.slow
def test_a_past_act_in_a_dated_saying_stays_open() -> None:
    got = _date("Chile said Monday that Bolivian troops crossed the border.", "crossed")
    assert (got["date_source"], got["date_mod"]) == ("reported", "ON_OR_BEFORE")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "word", "mod"),
    [
        # a perfect in a dated saying is done by that day, not on it
        (
            "Chile said Monday it has recalled its ambassador from Bolivia.",
            "recalled",
            "ON_OR_BEFORE",
        ),
        # said after a dated happening: the saying is not dated by it
        (
            '"We welcome the vote," the Chilean minister said after the referendum on Sunday.',
            "welcome",
            None,
        ),
        # a refusal ahead lies after the day
        ("An aide said Peru will not sign any accord with Chile.", "sign", "ON_OR_AFTER"),
    ],
)
def test_a_saying_dates_only_its_own_present(text: str, word: str, mod: str | None) -> None:
    got = _date(text, word)
    assert (got["date"], got["date_source"], got["date_mod"]) == (PUB, "reported", mod)


@pytest.mark.slow
def test_the_end_of_a_span_does_not_date_the_act() -> None:
    """ "suspended its operations until January": January is when the suspension ends;
    a span's start still dates a plan ("from Friday until April 23")."""
    halted = _date("The agency has suspended its operations in Darfur until January.", "suspended")
    assert (halted["date_source"], halted["date_mod"]) == ("reported", "ON_OR_BEFORE")
    visit = _date("Ruggiero is due to visit China from Friday until April 23.", "visit")
    assert (visit["date"], visit["date_source"]) == ("2006-03-17", "text")
