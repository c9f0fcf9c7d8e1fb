"""One table per family of expressions: (sentence, anchor, expected (text, type, value, mod))."""

from __future__ import annotations

import pytest

from storyline.timex import tag

A = "2021-03-25"  # a Thursday

ABSOLUTE = [
    ("It was signed on 2024-01-16 in Seoul.", A, "2024-01-16", "DATE", "2024-01-16", None),
    ("News of 25.03.2021 from the ministry", A, "25.03.2021", "DATE", "2021-03-25", None),
    ("He spoke on March 25, 2021, in Seoul.", A, "March 25, 2021", "DATE", "2021-03-25", None),
    ("The deal of 25 March 2021 holds.", A, "25 March 2021", "DATE", "2021-03-25", None),
    ("It came in June 2018 after talks.", A, "June 2018", "DATE", "2018-06", None),
    ("The treaty dates back to 1884.", A, "1884", "DATE", "1884", None),
    ("Prices rose in the 1990s.", A, "the 1990s", "DATE", "199", None),
    ("It began in the 19th century.", A, "the 19th century", "DATE", "18", None),
    # a year spoken in words, as broadcast transcripts write it
    (
        "It fell in nineteen seventy-nine when troops came.",
        A,
        "nineteen seventy-nine",
        "DATE",
        "1979",
        None,
    ),
    ("In nineteen ninety-six, the talks failed.", A, "nineteen ninety-six", "DATE", "1996", None),
    ("Built in eighteen oh five.", A, "eighteen oh five", "DATE", "1805", None),
    (
        "Held between June 21 and 23, 2018.",
        A,
        "between June 21 and 23, 2018",
        "DATE",
        "2018-06-21/2018-06-23",
        None,
    ),
    ("The plan for 2021-2022 was signed.", A, "2021-2022", "DATE", "2021/2022", None),
    (
        "Troops stayed from May to July 2020.",
        A,
        "from May to July 2020",
        "DATE",
        "2020-05/2020-07",
        None,
    ),
    (
        "The talks on Tuesday, Jan. 5, 2010 failed.",
        A,
        "Tuesday, Jan. 5, 2010",
        "DATE",
        "2010-01-05",
        None,
    ),
    ("Fighting resumed on 3/14/2019.", A, "3/14/2019", "DATE", "2019-03-14", None),
    (
        "The summit ran 21-23 June 2018.",
        A,
        "21-23 June 2018",
        "DATE",
        "2018-06-21/2018-06-23",
        None,
    ),
    (
        "Between 2010 and 2015 exports doubled.",
        A,
        "Between 2010 and 2015",
        "DATE",
        "2010/2015",
        None,
    ),
    ("The league of the twenty-first century", A, "the twenty-first century", "DATE", "20", None),
]

RELATIVE = [
    ("The ceremony was held today.", A, "today", "DATE", "2021-03-25", None),
    ("Yesterday I met the minister.", A, "Yesterday", "DATE", "2021-03-24", None),
    ("They will return tomorrow.", A, "tomorrow", "DATE", "2021-03-26", None),
    ("A deal was signed last November.", A, "last November", "DATE", "2020-11", None),
    (
        "Last December Seoul tightened rules.",
        "2024-02-07",
        "Last December",
        "DATE",
        "2023-12",
        None,
    ),
    ("It will open next year.", A, "next year", "DATE", "2022", None),
    ("This year marks a jubilee.", A, "This year", "DATE", "2021", None),
    ("Trade declined last year.", A, "last year", "DATE", "2020", None),
    ("A forum will be held this autumn.", A, "this autumn", "DATE", "2021-FA", None),
    ("Lavrov said on Tuesday he would go.", "2024-01-16", "Tuesday", "DATE", "2024-01-16", None),
    ("Officials said on Monday that talks ended.", A, "Monday", "DATE", "2021-03-22", None),
    ("The envoy will arrive on Monday.", A, "Monday", "DATE", "2021-03-29", None),
    ("The vote took place two weeks ago.", A, "two weeks ago", "DATE", "2021-W10", None),
    ("Ties that began 33 years ago", "2024-02-07", "33 years ago", "DATE", "1991", None),
    ("Prices rose earlier this month.", A, "earlier this month", "DATE", "2021-03", None),
    ("Profits fell in the fourth quarter.", A, "the fourth quarter", "DATE", "2020-Q4", None),
    (
        "Output grew in the first quarter of 2019.",
        A,
        "the first quarter of 2019",
        "DATE",
        "2019-Q1",
        None,
    ),
    ("The talks were held last week.", A, "last week", "DATE", "2021-W11", None),
    ("Shelling was heard last night.", A, "last night", "TIME", "2021-03-24TNI", None),
    ("A strike hit the city this morning.", A, "this morning", "TIME", "2021-03-25TMO", None),
    ("The law passes by the end of the year.", A, "the end of the year", "DATE", "2021", "END"),
    ("Talks resumed three days ago.", A, "three days ago", "DATE", "2021-03-22", None),
    ("We are now ready.", A, "now", "DATE", "PRESENT_REF", None),
    ("Voters went to the polls last summer.", A, "last summer", "DATE", "2020-SU", None),
]

TENSE = [
    ("However, on June 24, Kim gave orders.", "2020-09-29", "June 24", "DATE", "2020-06-24", None),
    # irregular past tenses date a bare month back, as "-ed" verbs do
    (
        "Syria withdrew its troops from Lebanon in April.",
        "2005-11-15",
        "April",
        "DATE",
        "2005-04",
        None,
    ),
    ("The rebels overran the town in April.", "2005-11-15", "April", "DATE", "2005-04", None),
    ("The summit will take place on June 24.", "2020-09-29", "June 24", "DATE", "2021-06-24", None),
    (
        "MOSCOW, September 29. /TASS/. Talks",
        "2020-09-29",
        "September 29",
        "DATE",
        "2020-09-29",
        None,
    ),
    (
        "Elections are scheduled for November 3.",
        "2020-09-29",
        "November 3",
        "DATE",
        "2020-11-03",
        None,
    ),
    (
        "The vote held on December 12 was annulled.",
        "2021-02-02",
        "December 12",
        "DATE",
        "2020-12-12",
        None,
    ),
]

FUZZY = [
    (
        "In early June, the North blew up an office.",
        "2020-09-29",
        "early June",
        "DATE",
        "2020-06",
        "START",
    ),
    ("Growth slowed in mid-2020.", A, "mid-2020", "DATE", "2020", "MID"),
    (
        "In late December 2019, officials told WHO.",
        A,
        "late December 2019",
        "DATE",
        "2019-12",
        "END",
    ),
    ("Rebels took the town in summer 2019.", A, "summer 2019", "DATE", "2019-SU", None),
    ("Sales rose in the late 1990s.", A, "the late 1990s", "DATE", "199", "END"),
    (
        "The economy shrank in the first half of 2020.",
        A,
        "the first half of 2020",
        "DATE",
        "2020-H1",
        None,
    ),
    ("Results are due in Q4 2021.", A, "Q4 2021", "DATE", "2021-Q4", None),
]

DURATION_SET = [
    ("Relations of 30 years were marked.", A, "30 years", "DURATION", "P30Y", None),
    ("The siege lasted three months.", A, "three months", "DURATION", "P3M", None),
    ("Talks went on for two weeks.", A, "two weeks", "DURATION", "P2W", None),
    (
        "The drill lasted more than three hours.",
        A,
        "more than three hours",
        "DURATION",
        "PT3H",
        "MORE_THAN",
    ),
    ("Tensions grew over the past few years.", A, "the past few years", "DURATION", "PXY", None),
    ("The fund meets every year.", A, "every year", "SET", "P1Y", None),
    ("The report is published annually.", A, "annually", "SET", "P1Y", None),
    ("They meet twice a year.", A, "twice a year", "SET", "P1Y", None),
    ("a 10-year agreement", A, "10-year", "DURATION", "P10Y", None),
    ("The session opened at 10 a.m. on Monday.", A, "10 a.m.", "TIME", "2021-03-22T10:00", None),
    ("Voting ends at 8 p.m.", A, "8 p.m.", "TIME", "2021-03-25T20:00", None),
    ("The council meets every two years.", A, "every two years", "SET", "P2Y", None),
    ("Rescuers arrived minutes later.", A, "minutes", "DURATION", "PTXM", None),
    (
        "It happened more than 140 years ago.",
        "2011-03-11",
        "more than 140 years ago",
        "DATE",
        "1871",
        "BEFORE",
    ),
    ("Troops attacked early Monday.", A, "early Monday", "TIME", "2021-03-22TMO", None),
    ("Talks failed over the weekend.", A, "the weekend", "DATE", "2021-W11-WE", None),
    ("He will be sworn in on 20 January.", "2022-11-09", "20 January", "DATE", "2023-01-20", None),
    (
        "Voting begins on March 16, 2021 at 12:00 p.m.",
        A,
        "March 16, 2021 at 12:00 p.m.",
        "TIME",
        "2021-03-16T12:00",
        None,
    ),
]

NEGATIVES = [
    ("South Korea may be removed from the list.", "may"),
    ("May I ask a question?", "May"),
    ("Trade is about to reach $25 billion.", "25"),
    ("They sent 12 mln leaflets.", "12"),
    ("Cases exceed the figure of 23,660.", "23,660"),
    ("The death toll stands at 406.", "406"),
    ("It is currently 79th in the world.", "79th"),
    ("the Year of Mutual Exchange between them", "Year"),
    ("the 30th anniversary of relations", "30th"),
    ("Shoppers crowded stores on Black Friday.", "Friday"),
    ("Call +44 (0) 203 668 7474 now.", "7474"),
    ("Under Resolution 2231, sanctions ended.", "2231"),
    ("Some 1948 troops were deployed.", "1948"),
    ("Protesters march on the capital.", "march"),
    ("The 67-year-old leader resigned.", "67-year-old"),
    ("China Daily reported the news.", "Daily"),
    ("Prices could fall sharply.", "fall"),
    ("Nineteen twenty-five people signed it.", "twenty-five"),
    ("Nineteen people died in the attack.", "Nineteen"),
]


def _find(text: str, anchor: str, span: str) -> tuple[str, str, str | None]:
    out = tag(text, anchor)
    matches = [t for t in out if t.text == span]
    assert matches, f"{span!r} not tagged in {text!r}: {out}"
    t = matches[0]
    return t.type, t.value, t.mod


@pytest.mark.parametrize(
    ("text", "anchor", "span", "type_", "value", "mod"),
    ABSOLUTE + RELATIVE + TENSE + FUZZY + DURATION_SET,
)
def test_family(text: str, anchor: str, span: str, type_: str, value: str, mod: str | None) -> None:
    assert _find(text, anchor, span) == (type_, value, mod)


@pytest.mark.parametrize(("text", "word"), NEGATIVES)
def test_not_a_date(text: str, word: str) -> None:
    pos = text.index(word)
    for t in tag(text, A):
        assert not (t.start <= pos < t.end), (word, t)


def test_no_anchor_leaves_year_underspecified() -> None:
    out = tag("The vote was held on June 24 and yesterday.", None)
    assert [(t.text, t.value) for t in out] == [("June 24", "XXXX-06-24")]
    assert tag("Lavrov said on Tuesday.", None)[0].value == "XXXX-WXX-2"


def test_unreadable_anchor_is_treated_as_missing() -> None:
    assert tag("It happened yesterday.", "not a date") == []


@pytest.mark.parametrize(
    ("text", "anchor", "value"),
    [
        # a day within a month of the anchor is this year's whatever the tense says
        ("His December 7-9 visit was part of regular contacts.", "2006-12-04",
         "2006-12-07/2006-12-09"),
        ("The talks were held on December 9.", "2006-12-04", "2006-12-09"),
        ("The summit will open on November 30.", "2006-12-04", "2006-11-30"),
        ("The two sides had agreed on a visit for December 17-19.", "2006-12-04",
         "2006-12-17/2006-12-19"),
        ("The summit will open on November 10.", "2006-12-04", "2006-11-10"),
        # further off, the tense still decides
        ("The talks were held on December 20.", "2006-11-04", "2005-12-20"),
        ("The summit will open on October 10.", "2006-12-04", "2007-10-10"),
    ],
)  # fmt: skip
def test_a_day_near_the_anchor_keeps_its_year(text: str, anchor: str, value: str) -> None:
    assert [t.value for t in tag(text, anchor) if t.type == "DATE"] == [value]
