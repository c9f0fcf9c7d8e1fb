"""Plain-language lines: the trigger's own words, in the modality's verb form."""

from __future__ import annotations

import pytest

from storyline.headline import event_tags, headline, load_rules, past_tense
from storyline.records import Actor, Event, Evidence
from storyline.serialize import event_from_json, event_json

from .helpers import KOR, PUTIN, RUS

PRK = Actor(id="PRK", name="North Korea", country="PRK", sector="GOV")
POLICE = Actor(id="police", name="Police", country="GBR", sector="COP", kind="organization")
PEOPLE = Actor(id="people", name="three people", country=None, kind="group")


def make(
    sentence: str,
    trigger: str,
    type_: str,
    *,
    modality: str = "asserted",
    src: tuple[Actor, ...] = (KOR,),
    tgt: tuple[Actor, ...] = (RUS,),
    mode: str | None = None,
) -> Event:
    at = sentence.index(trigger)
    return Event(
        id="e1", type=type_, modality=modality, source=src, target=tgt, date="2024-01-01",
        date_source="text", summary="s", evidence=(Evidence("d1", 100, 100 + len(sentence),
        sentence),), trigger=Evidence("d1", 100 + at, 100 + at + len(trigger), trigger),
        confidence=0.8, mentions=("m",), mode=mode,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("base", "past"),
    [("tighten", "tightened"), ("agree", "agreed"), ("meet", "met"), ("ban", "banned"),
     ("deploy", "deployed"), ("ally", "allied"), ("visit", "visited"), ("expel", "expelled"),
     ("send", "sent")],
)  # fmt: skip
def test_past_tense(base: str, past: str) -> None:
    assert past_tense(base) == past


def test_asserted_act_in_the_past_with_the_sentences_preposition() -> None:
    e = make(
        "Last December South Korea tightened its export controls on Moscow for dual-use items.",
        "tightened its export controls", "SANCTION",
    )  # fmt: skip
    assert headline(e) == "South Korea tightened its export controls on Russia"


def test_planned_possible_and_negated_acts() -> None:
    visit = "Russian President Vladimir Putin will pay an official visit to South Korea soon."
    e = make(visit, "visit", "CONSULT", modality="future", src=(PUTIN,), tgt=(KOR,), mode="visit")
    assert headline(e) == "Vladimir Putin will visit South Korea"
    plan = "Pyongyang announced plans to deploy troops in Kaesong."
    assert headline(make(plan, "deploy", "MOBILIZE", modality="future", src=(PRK,), tgt=())) == (
        "North Korea plans to deploy troops"
    )
    may = "South Korea may be removed from the list if it revokes the sanctions it imposed."
    assert headline(make(may, "revokes the sanctions", "CONCEDE", modality="hypothetical",
                         tgt=())) == "South Korea may revoke the sanctions"  # fmt: skip
    denied = "Seoul did not sign the agreement with Moscow."
    assert headline(make(denied, "sign", "AGREE", modality="negated")) == (
        "South Korea did not sign the agreement with Russia"
    )


def test_direct_object_and_noun_triggers() -> None:
    arrest = "Police arrested three people outside the embassy."
    assert headline(make(arrest, "arrested", "COERCE", src=(POLICE,), tgt=(PEOPLE,))) == (
        "Police arrested three people"
    )
    treaty = "In 1884 a commerce treaty between Korea and Russia was signed."
    assert headline(make(treaty, "treaty", "AGREE")) == "South Korea concluded a treaty with Russia"


def test_a_word_of_another_type_is_not_the_doers_act() -> None:
    """In a REQUEST that Seoul revoke sanctions, "revokes" is not what Russia did."""
    e = make("Russia said Seoul may leave the list if it revokes the sanctions.", "revokes",
             "REQUEST", modality="hypothetical", src=(RUS,), tgt=(KOR,))  # fmt: skip
    line = headline(e)
    assert "revoke" not in line and line.startswith("Russia may ")


def test_no_source_is_said_so_and_nothing_is_invented() -> None:
    e = make("He will discuss the situation with Choe.", "discuss", "CONSULT",
             modality="future", src=(), tgt=(PRK,))  # fmt: skip
    line = headline(e)
    assert line == "An unnamed party will discuss the situation with North Korea"


def test_a_countrys_forces_and_people_are_named_by_its_adjective() -> None:
    """A domestic act names its sides by sector, never "South Korea arrested South Korea";
    a government keeps the country's name."""
    police = Actor(id="KOR", name="South Korea", country="KOR", sector="COP")
    people = Actor(id="KOR", name="South Korea", country="KOR", sector="CVL")
    e = make("Police in Seoul arrested three protesters.", "arrested", "COERCE",
             src=(police,), tgt=(people,))  # fmt: skip
    assert headline(e).startswith("South Korean police arrested")
    assert "South Korean civilians" in headline(e)
    gov = make("Seoul arrested three protesters.", "arrested", "COERCE", src=(KOR,), tgt=(people,))
    assert headline(gov).startswith("South Korea arrested")


def test_tags_and_json_round_trip() -> None:
    e = make("Putin may visit Seoul.", "visit", "CONSULT", modality="hypothetical",
             src=(PUTIN,), tgt=(KOR,), mode="visit")  # fmt: skip
    assert event_tags(e) == ["CONSULT", "visit", "possible"]
    data = event_json(e)
    assert data["headline"] == "Vladimir Putin may visit South Korea"
    assert data["tags"] == ["CONSULT", "visit", "possible"]
    assert event_from_json(data) == e  # derived fields are not read back


def test_every_modality_has_a_verb_form() -> None:
    rules = load_rules()
    from storyline.records import MODALITIES

    assert set(MODALITIES) <= set(rules.modality)


# ------------------------------------------------ awkward kinds (issue 17 audit)

HAMAS = Actor(id="hamas", name="Hamas", country="PSE", sector="REB", kind="org")
RAO = Actor(id="rao", name="P.V. Narasimha Rao", country="IND", sector="GOV", kind="person")
IRAQ = Actor(id="IRQ", name="Iraq", country="IRQ", sector="GOV")
HU = Actor(id="hu", name="Hu Jintao", country="CHN", sector="GOV", kind="person")
CHN = Actor(id="CHN", name="China", country="CHN", sector="GOV")
SGP = Actor(id="SGP", name="Singapore", country="SGP", sector="GOV")
GOH = Actor(id="goh", name="Goh Chok Tong", country="SGP", sector="GOV", kind="person")
TROOPS = Actor(id="troops", name="troops", country=None, kind="group")


def test_a_line_always_starts_with_a_capital() -> None:
    """The direct-object path returned before the first letter was raised."""
    e = make("Many died when troops fired on street protesters.", "fired on", "ASSAULT",
             src=(TROOPS,), tgt=(PEOPLE,))  # fmt: skip
    assert headline(e) == "Troops fired on three people"


def test_the_past_keeps_the_texts_spelling_and_doubles_kidnap() -> None:
    e = make("The group kidnapped 26 people in the jungle.", "kidnapped", "ASSAULT", tgt=())
    assert headline(e) == "South Korea kidnapped 26 people"
    assert past_tense("kidnap") == "kidnapped"


def test_a_doerless_passive_is_told_in_the_passive() -> None:
    killed = make("At least 14 Iraqis were killed in a string of bombings.", "killed", "ASSAULT",
                  src=(), tgt=(IRAQ,))  # fmt: skip
    assert headline(killed) == "At least 14 Iraqis were killed"
    since = make("Bush has estimated that 30,000 Iraqi civilians have been killed.", "killed",
                 "ASSAULT", src=(), tgt=(IRAQ,))  # fmt: skip
    assert headline(since) == "30,000 Iraqi civilians were killed"
    also = make("Eight suspected Hamas militants were also arrested during the raid.",
                "arrested", "COERCE", src=(), tgt=(HAMAS,))  # fmt: skip
    assert headline(also) == "Eight suspected Hamas militants were arrested"
    person = make("Rao, 75, was charged in the case in October.", "charged", "ACCUSE", src=(),
                  tgt=(RAO,))  # fmt: skip
    assert headline(person) == "P.V. Narasimha Rao was charged"
    future = make("Rao will be charged next week.", "charged", "ACCUSE", modality="future",
                  src=(), tgt=(RAO,))  # fmt: skip
    assert headline(future) == "P.V. Narasimha Rao will be charged"


def test_an_active_doerless_line_and_a_pronoun_subject_stay_unnamed() -> None:
    active = make("A bomb attack killed six Israelis.", "killed", "ASSAULT", src=(), tgt=(IRAQ,))
    assert headline(active) == "An unnamed party killed Iraq"  # nothing to say in the passive
    pronoun = make("He was charged in October.", "charged", "ACCUSE", src=(), tgt=(IRAQ,))
    assert headline(pronoun) == "An unnamed party charged Iraq"


def test_pronouns_are_never_copied() -> None:
    lead = make("Beijing promised to grant it wide-ranging autonomy for 50 years.",
                "grant it wide-ranging autonomy", "CONCEDE", modality="future", src=(CHN,),
                tgt=())  # fmt: skip
    assert headline(lead) == "China will grant wide-ranging autonomy"
    alone = make("The ministry started destroying them at the centre.", "destroying", "ASSAULT",
                 tgt=(RUS,))  # fmt: skip
    assert headline(alone) == "South Korea destroyed Russia"  # the pronoun stood for the target
    hailed = make("Some Chileans hail him for his policies.", "hail", "SUPPORT", tgt=())
    assert headline(hailed) == "South Korea voiced praise"


def test_adverbs_end_the_object_and_leave_a_phrase_trigger() -> None:
    away = make("The soldiers surrendered right away.", "surrendered", "RETREAT", tgt=())
    assert headline(away) == "South Korea surrendered"
    ly = make("We condemn the comments unreservedly.", "condemn", "ACCUSE", tgt=())
    assert headline(ly) == "South Korea condemned the comments"
    here = make('Ruggiero called here Monday for a new "sense of urgency" on the issue.',
                "called here Monday for", "REQUEST", tgt=())  # fmt: skip
    assert headline(here) == "South Korea called for a new sense of urgency"


def test_object_phrases_end_whole() -> None:
    cut = make("Congress is expected to ratify the nomination of the first senior US envoy "
               "ever named.", "ratify", "AGREE",
               modality="future", tgt=())  # fmt: skip
    assert headline(cut) == "South Korea will ratify the nomination"
    joined = make("The EU firmly supports the UN resolution and encourages the government.",
                  "supports", "SUPPORT", tgt=())  # fmt: skip
    assert headline(joined) == "South Korea supported the UN resolution"
    hanging = make("Ministers praised a security plan designed to thwart attacks.", "praised",
                   "SUPPORT", tgt=())  # fmt: skip
    assert headline(hanging) == "South Korea praised a security plan"
    quoted = make('Troops arrested 10 suspected "terrorists" in raids.', "arrested", "COERCE",
                  tgt=())  # fmt: skip
    assert headline(quoted) == "South Korea arrested 10 suspected terrorists"
    kept = make("Seoul supplied humanitarian and financial aid to Kiev.", "supplied", "AID",
                tgt=())  # fmt: skip
    assert headline(kept) == "South Korea supplied humanitarian and financial aid"


def test_a_bare_transitive_verb_reads_whole_unless_negated() -> None:
    warned = make("Beijing warned Tuesday that relations would suffer.", "warned", "THREATEN",
                  tgt=())  # fmt: skip
    assert headline(warned) == "South Korea issued a warning"
    met = make("Rubin will meet the mayor.", "meet", "CONSULT", modality="future", tgt=())
    assert headline(met) == "South Korea will meet the mayor"  # an object: no change
    bare = make("Rubin will meet soon.", "meet", "CONSULT", modality="future", tgt=())
    assert headline(bare) == "South Korea will hold a meeting"
    negated = make("Six countries decided not to support the resolution.", "support",
                   "SUPPORT", modality="negated", tgt=())  # fmt: skip
    assert headline(negated) == "South Korea did not support the resolution"
    not_bare = make("Six countries decided not to support.", "support", "SUPPORT",
                    modality="negated", tgt=())  # fmt: skip
    assert headline(not_bare) == "South Korea did not support"


def test_a_verb_that_needs_a_noun_before_its_target() -> None:
    pledged = make("Iran pledged to protect German lives.", "pledged", "AGREE")
    assert headline(pledged) == "South Korea made a pledge to Russia"
    accepted = make("Ministers accepted African producer Angola as a member.", "accepted",
                    "AGREE")  # fmt: skip
    assert headline(accepted) == "South Korea accepted Russia"
    deals = make("Peru signed several deals with China.", "deals", "AGREE")
    assert headline(deals) == "South Korea reached deals with Russia"


def test_a_person_speaks_for_his_country_only_as_the_doer() -> None:
    visit = make("The Chinese president will visit Singapore.", "visit", "CONSULT",
                 modality="future", src=(CHN, HU), tgt=(SGP, GOH))  # fmt: skip
    assert headline(visit) == "Hu Jintao will visit Singapore and Goh Chok Tong"
    e = event_from_json(event_json(visit))
    assert [a.name for a in e.source] == ["China", "Hu Jintao"]  # the sides keep both
