"""Standing states, counts, media and acts kept from happening (issue 14, session 10).

Each rule came from judged lines of real text (bench/realtext, the fresh2 split judged
whole in session 10, and dev/calib); the sentences here are written for the test, in
the same shapes.
"""

from __future__ import annotations

import pytest

from storyline.events import extract_events
from storyline.records import EventMention

pytestmark = pytest.mark.slow

DAY = "2006-12-07"


def _events(text: str) -> list[EventMention]:
    return extract_events(text, DAY)


def _types(text: str) -> list[str]:
    return sorted(e.type for e in _events(text))


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # the media report and comment; they are no party ("media" names no state)
        ("U.S. media hails the Democrats' control of the House.", "SUPPORT"),
        # an agreement had is a standing one, not one made
        ("Libya and Bulgaria have an extradition agreement, the lawyer said.", "AGREE"),
        # a threat lifted is not made
        ("The Serbs lifted their threat of a boycott on Friday.", "THREATEN"),
        # meeting the press is no consultation
        ("Chinese, Ethiopian and Egyptian foreign ministers will jointly meet the press.",
         "CONSULT"),
        # discharged from hospital, not freed
        ("Former prime minister Yegor Gaidar has been released from hospital in Moscow.",
         "RETREAT"),
        # a chance welcomed is no support of anyone
        ("The prime minister welcomed the chance to speak to the judges.", "SUPPORT"),
        # reporters who travel with a president do not consult him
        ("McClellan told reporters accompanying President George W. Bush to Philadelphia"
         " that the murder was terrorism.", "CONSULT"),
        # a count of acts told elsewhere
        ("The deaths brought the total number of the Palestinians killed on Thursday to"
         " nine.", "ASSAULT"),
        # a description of the soldiers, dated by nothing: not an accusation made today
        ("Seven British soldiers accused of beating an Iraqi teenager to death were"
         " acquitted on Thursday.", "ACCUSE"),
    ],
)  # fmt: skip
def test_no_act(text: str, absent: str) -> None:
    assert absent not in _types(text), [(e.type, e.summary) for e in _events(text)]


@pytest.mark.parametrize(
    ("text", "type_", "source"),
    [
        # the state's own media speak for it
        ("China's state media accused Japan of lying about the war.", "ACCUSE", "CHN"),
        ("One official Chinese newspaper accused the Taiwan authorities of plotting.",
         "ACCUSE", "CHN"),
    ],
)  # fmt: skip
def test_state_media_speak_for_their_state(text: str, type_: str, source: str) -> None:
    found = [e for e in _events(text) if e.type == type_]
    assert found and [a.country for a in found[0].source] == [source], found


def test_a_deal_that_can_be_had_is_still_to_come() -> None:
    text = '"We can have a deal with Iran maybe in February," the British prime minister said.'
    found = [e for e in _events(text) if e.type == "AGREE"]
    assert found and found[0].modality != "asserted", found


def test_an_act_kept_from_happening_is_not_asserted() -> None:
    text = (
        "Israel said the aim of the offensive is to prevent Palestinian militants from"
        " launching rockets at Israel."
    )
    assert [e.modality for e in _events(text) if e.type == "ASSAULT"] == ["hypothetical"]
    embargo = "The embargo on Cuba prevents it from receiving aid from the World Bank."
    assert all(e.modality == "asserted" for e in _events(embargo) if e.type == "SANCTION")


def test_a_meeting_something_is_ahead_of_is_still_to_come() -> None:
    text = "Crvenkovski made the appeal ahead of a summit Thursday of EU leaders in Brussels."
    assert [e.modality for e in _events(text) if e.type == "CONSULT"] == ["future"]


@pytest.mark.parametrize(
    ("text", "type_", "side", "country"),
    [
        # lawyers and investors are private people: their country does not act
        ("Greece's lawyers call for the removal of Olympic surveillance cameras.",
         "REQUEST", "source", "GRC"),
        # the place named in "the Jordan bomb attacks" is not their author
        ("Australian PM condemns Jordan bomb attacks", "ACCUSE", "target", "JOR"),
    ],
)  # fmt: skip
def test_a_country_that_does_not_act(text: str, type_: str, side: str, country: str) -> None:
    for e in _events(text):
        if e.type == type_:
            assert country not in [a.country for a in getattr(e, side)], e.summary


def test_government_lawyers_are_the_state() -> None:
    text = "U.S. government lawyers have moved to dismiss the relatives' lawsuit."
    found = [e for e in _events(text) if e.type == "REJECT"]
    assert found and [a.country for a in found[0].source] == ["USA"], found


def test_the_sources_own_state_beside_a_foreign_party_is_not_a_target() -> None:
    text = (
        "French Defence Minister Michele Alliot-Marie held talks with Indian Foreign Minister"
        " Pranab Mukherjee, India and France on security."
    )
    found = [e for e in _events(text) if e.type == "CONSULT"]
    assert found, _types(text)
    assert all(a.country != "FRA" for e in found for a in e.target), found
    assert any(a.country == "IND" for e in found for a in e.target), found


def test_a_headlines_source_after_a_colon_is_no_party() -> None:
    text = (
        "Captured rebels were shot dead: Italian aid workers\n\n"
        "The witnesses told reporters what they had seen."
    )
    shot = [e for e in _events(text) if e.type == "ASSAULT"]
    assert shot, _types(text)
    assert all(a.country != "ITA" for e in shot for a in (*e.source, *e.target)), shot


def test_a_countrys_rebels_are_a_group_its_forces_may_attack() -> None:
    text = "Colombian troops killed Colombian rebels in the jungle on Monday."
    found = [e for e in _events(text) if e.type == "ASSAULT"]
    assert found, _types(text)
    [target] = found[0].target
    assert (target.kind, target.country, target.sector) == ("group", "COL", "REB"), target
    assert target.name == "Colombian rebels"


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a private person's nationality is no affair of their state's
        ("Italian midfielder Marco Rossi has urged Ajax to sign a Brazilian striker in the"
         " winter break.", False),
        ("NASA engineers asked Canadian astronaut John Miller to rest for a day.", False),
        # a state named, or its forces, are
        ("Lebanese Druze leader Walid Jumblatt urged Syria to withdraw its troops.", True),
        ("Walid Jumblatt urged Lebanese troops to stay calm.", True),
    ],
)  # fmt: skip
def test_a_nationality_alone_puts_no_state_at_stake(text: str, kept: bool) -> None:
    assert ("REQUEST" in _types(text)) is kept, _types(text)


def test_a_headline_plan_with_its_name_parsed_as_the_root() -> None:
    text = "EU to grant market economy status to Moldova\n\nThe decision was welcomed."
    found = [e for e in _events(text) if e.type == "CONCEDE"]
    assert found, _types(text)
    assert [a.country for a in found[0].source] == ["IGO"], found[0]
    assert [a.country for a in found[0].target] == ["MDA"], found[0]
    assert found[0].modality == "future"


def test_a_news_agency_is_not_one_of_both_sides() -> None:
    text = (
        "Witnesses told AFP there were explosions and intense exchanges of gunfire.\n\n"
        "A Palestinian security official told AFP that the guard was attacked.\n\n"
        "A Palestinian boy was shot dead late Saturday as thousands of armed loyalists"
        " from both sides took to the streets of Gaza."
    )
    shot = [e for e in _events(text) if e.trigger.text.startswith("shot")]
    assert shot and all(e.source == () for e in shot), [e.summary for e in shot]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Relations with China suffered from Prime Minister Junichiro Koizumi's repeated"
         " visits to the war shrine in Tokyo.", False),
        ("There have been frequent mutual high-level visits between China and Bulgaria.",
         False),
        # one trip to several places
        ("Mubarak returned to Cairo on Wednesday after visits to Russia, China and"
         " Kazakhstan.", True),
    ],
)  # fmt: skip
def test_visits_told_as_a_habit_are_no_act(text: str, kept: bool) -> None:
    assert ("CONSULT" in _types(text)) is kept, _types(text)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # "since" a year opens a period: the visit is now, not in 2003
        ("It is the second visit of an Iraqi president to France since 2003.", "2006-12-22"),
        # a day stays: a tally since Wednesday is dated to Wednesday
        ("The government says its forces have killed more than 500 Islamist fighters"
         " since Wednesday.", "2006-12-20"),
        # the trigger's own date inside the "since" phrase stays
        ("On April 9, Iraq flouted the UN sanctions in force since its August 1990"
         " invasion of Kuwait.", "1990-08"),
        # a sentence-opening date frames a clause joined by "and"
        ("But in June, the leadership had a falling out, and Pol Pot was arrested by"
         " Cambodian troops.", "2006-06"),
    ],
)  # fmt: skip
def test_dates_of_since_and_joined_clauses(text: str, date: str) -> None:
    found = extract_events(text, "2006-12-22")
    assert found and found[0].date == date, [(e.summary, e.date) for e in found]


def test_a_charge_told_in_the_present_passive_was_laid_before() -> None:
    found = [
        e
        for e in _events("Bin Laden is accused of masterminding the attack on the US embassy.")
        if e.type == "ACCUSE"
    ]
    assert found and found[0].date_mod == "ON_OR_BEFORE", found


def test_acts_told_as_a_habit_are_no_act() -> None:
    text = (
        "Insurgents frequently target the Iraqi security troops, accusing them of"
        " collaborating with the US occupation forces."
    )
    assert "ACCUSE" not in _types(text)
    assert "ACCUSE" in _types("China accused Taiwan on Monday of trying to split the motherland.")
    # "always" states a stance now, not a habit
    stance = '"We have always supported the efforts of Pyongyang and Seoul," Lavrov said.'
    assert "SUPPORT" in _types(stance)


@pytest.mark.parametrize(
    ("text", "trigger", "date"),
    [
        # a clause of time dates the clause it hangs on
        ("When Clinton visited Tokyo in April 1996, the two leaders agreed to study the"
         " expansion of defence cooperation.", "agreed", "1996-04"),
        # a reaction joined by "but" in the simple past is told as the same moment
        ("Fatah-backed Palestinian president Mahmud Abbas called Saturday for early"
         " elections, but Hamas rejected the move as a coup.", "rejected", "2006-12-16"),
    ],
)  # fmt: skip
def test_a_clause_of_time_and_a_reaction_share_the_day(text: str, trigger: str, date: str) -> None:
    found = [e for e in extract_events(text, "2006-12-17") if e.trigger.text.startswith(trigger)]
    assert found and found[0].date == date, [(e.summary, e.date) for e in found]


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # triggers the calib recall gold had and the lexicon lacked
        ("Two Palestinian militants were gunned down by Israeli troops in Nablus on Sunday.",
         "ASSAULT"),
        ("The suspect was nabbed by Hong Kong police on Monday.", "COERCE"),
    ],
)  # fmt: skip
def test_new_triggers(text: str, type_: str) -> None:
    assert type_ in _types(text)


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # PLOVER codebook words the lexicon lacked (none was read from a judged line)
        ("Israel completed its pullout from Gaza on Monday.", "RETREAT"),
        ("The minister won praise from the United Nations for the reform.", "SUPPORT"),
        ("The army launched an ambush on a rebel convoy near Jaffna, killing six.", "ASSAULT"),
    ],
)  # fmt: skip
def test_codebook_triggers(text: str, type_: str) -> None:
    assert type_ in _types(text), [(e.type, e.trigger.text) for e in _events(text)]
