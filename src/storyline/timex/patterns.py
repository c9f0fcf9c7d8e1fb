"""Lexicon and regular expressions of the temporal tagger, compiled once at import.

A handful of combined patterns (one per family) run over each document, rather than
one pass per expression shape: that keeps the tagger above 500 news documents per
second per core. Month and weekday names are matched case-sensitively (capitalized),
so the verb "may" and the noun "march" are not months; the surrounding function
words are case-insensitive through scoped ``(?i:...)`` groups.
"""

from __future__ import annotations

import re

MONTHS: dict[str, int] = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS: dict[str, int] = {
    "monday": 1,
    "tuesday": 2,
    "wednesday": 3,
    "thursday": 4,
    "friday": 5,
    "saturday": 6,
    "sunday": 7,
}
SEASONS: dict[str, str] = {
    "spring": "SP",
    "summer": "SU",
    "autumn": "FA",
    "fall": "FA",
    "winter": "WI",
}
#: The first month of each season (northern hemisphere), for "last/next summer".
SEASON_START: dict[str, int] = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
DAYPARTS: dict[str, str] = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
}
NUMBER_WORDS: dict[str, int] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a hundred": 100,
    "a couple of": 2,
    "a dozen": 12,
    "dozen": 12,
}
#: Quantities too vague for a number: TIMEX3 writes them as ``X``.
VAGUE_QUANTITIES = frozenset(
    {"several", "a few", "few", "many", "some", "dozens of", "hundreds of", "a number of"}
)
ORDINALS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
    "final": 4,
    "last": 4,
}
#: TIMEX3 duration letters; ``time`` units go after the ``T``.
UNITS: dict[str, tuple[str, bool]] = {
    "year": ("Y", False),
    "month": ("M", False),
    "week": ("W", False),
    "day": ("D", False),
    "decade": ("DE", False),
    "century": ("CE", False),
    "hour": ("H", True),
    "minute": ("M", True),
    "second": ("S", True),
    "fortnight": ("W", False),
    "weekend": ("WE", False),
    "quarter": ("Q", False),
}
DECADE_WORDS: dict[str, int] = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}

_MON = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)(?![a-z])"
)
_WDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?![a-z])"
_YEAR = r"(?<![\d,.$€£#/])(?:1[0-9]\d\d|20\d\d)(?![\d%]|,\d|\.\d|['’]?s\b)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:.,]\d)(?!\s*(?i:%|per\s*cent))"
_NUMWORD = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four"
    r"|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven"
    r"|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a\s+hundred"
    r"|hundred|a\s+couple\s+of|a\s+dozen|dozen|several|a\s+few|few|many|some|dozens\s+of"
    r"|hundreds\s+of|a\s+number\s+of|an?)"
)
_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|" + _NUMWORD + r")"
_UNIT = r"(?:year|month|week|day|decade|centur(?:y|ie)|hour|minute|fortnight|quarter)s?"
_RANGE_SEP = r"\s*(?:-|–|—|to|until|till|through|thru)\s*"
_BETWEEN_SEP = r"\s*(?:-|–|—|to|and|until|till|through)\s*"

# Absolute calendar dates ---------------------------------------------------------

#: "Tuesday, March 25, 2021", "March 25", "June 2018", "June of 2018", bare "June".
MONTH_FIRST = re.compile(
    rf"(?:(?P<wd>{_WDAY}),?\s+)?(?P<mon>{_MON})"
    rf"(?:\s*(?P<day>{_DAY})(?![\w-]))?"
    rf"(?:(?:,\s*|\s+(?i:of\s+)?)(?P<year>{_YEAR}))?"
)
#: "25 March 2021", "the 25th of March", "Tuesday, 25 March".
DAY_FIRST = re.compile(
    rf"(?:(?P<wd>{_WDAY}),?\s+)?(?:(?i:the)\s+)?(?<![\d.,])(?P<day>{_DAY})\s+(?i:of\s+)?"
    rf"(?P<mon>{_MON})(?:,?\s+(?P<year>{_YEAR}))?"
)
#: 2024-01-16, 2024-01-16T10:30, 25.03.2021, 3/25/2021.
NUMERIC = re.compile(
    r"(?<![\d.\-/+])(?:(?P<iy>(?:1[89]|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d)"
    r"(?:T(?P<ih>[0-2]\d):(?P<imin>[0-5]\d)(?::[0-5]\d)?)?"
    r"|(?P<dd>[0-3]?\d)\.(?P<dm>[01]?\d)\.(?P<dy>(?:1[89]|20)\d\d)"
    r"|(?P<sa>[0-3]?\d)/(?P<sb>[0-3]?\d)/(?P<sy>(?:1[89]|20)\d\d))(?![\d.\-/]\d)"
)
#: Years, decades and ranges of years: "1884", "2021-2022", "the 1990s", "the '90s".
YEARS = re.compile(
    rf"(?:(?P<from>(?i:from|between))\s+)?(?P<y1>{_YEAR})"
    r"(?:(?P<sep>\s*[-–—]\s*|/|(?(from)\s+(?i:to|and|until|till|through)\s+|(?!)))"
    r"(?P<y2>(?:1[0-9]|20)\d\d|\d\d)(?![\d%]|,\d|\.\d))?"
    r"|(?:(?i:the)\s+)?(?:(?P<dec>(?:1\d|20)\d0)'?s|'(?P<dec2>\d0)s|"
    r"(?P<decw>(?i:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)))\b"
)
#: Ranges written around month names: "between June 21 and 23, 2018",
#: "June 21-23, 2018", "21-23 June 2018", "from May to July 2020".
RANGES = re.compile(
    rf"(?:(?P<from>(?i:from|between))\s+)?(?:"
    rf"(?P<m1>{_MON})\s+(?P<d1>{_DAY})(?P<s1>{_BETWEEN_SEP})(?:(?P<m1b>{_MON})\s+)?"
    rf"(?P<d2>{_DAY})(?:,?\s+(?P<y1>{_YEAR}))?"
    rf"|(?P<d3>{_DAY})(?P<s2>{_BETWEEN_SEP})(?P<d4>{_DAY})\s+(?P<m3>{_MON})"
    rf"(?:,?\s+(?P<y3>{_YEAR}))?"
    rf"|(?P<m4>{_MON})(?P<s3>{_BETWEEN_SEP})(?P<m5>{_MON}),?\s+(?P<y4>{_YEAR}))"
)
#: A year spoken in words, as broadcast transcripts write it: "nineteen seventy-nine",
#: "in nineteen ninety-six", "eighteen eighty-four" (not "nineteen people").
_TENS_WORD = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_UNIT_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine)"
SPOKEN_YEAR = re.compile(
    r"\b(?P<c>(?i:nineteen|eighteen))[\s-]+(?P<y>(?i:"
    + _TENS_WORD
    + r"(?:[\s-]"
    + _UNIT_WORD
    + r")?|oh[\s-]"
    + _UNIT_WORD
    + r"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen))\b"
)
#: "the 19th century", "the twenty-first century".
CENTURY = re.compile(
    r"(?:(?i:the)\s+)?(?P<n>\d{1,2}(?:st|nd|rd|th)|(?i:first|second|third|fourth|fifth|sixth"
    r"|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth"
    r"|seventeenth|eighteenth|nineteenth|twentieth|twenty-first))[\s-](?i:century)\b"
)
#: "the fourth quarter (of 2021)", "Q4 2021", "the first half of 2020".
QUARTER = re.compile(
    r"(?i:(?:the\s+)?(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)"
    r"[\s-](?P<unit>quarter|half)(?![\w-])"
    r"(?:\s+of\s+(?:(?P<rel>this|last|next|the)\s+(?:fiscal\s+)?year|(?:fiscal\s+)?"
    rf"(?P<year>{_YEAR})))?)"
    rf"|\b(?P<q>Q[1-4]|H[12])(?:\s+|/)?(?P<qy>{_YEAR})?\b"
)
# Relative and deictic -------------------------------------------------------------

#: today, yesterday, tomorrow, tonight, now, the day before yesterday, ...
DEICTIC = re.compile(
    r"\b(?i:(?P<word>the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)|today|yesterday"
    r"|tomorrow|tonight|nowadays|now|currently|recently|these\s+days|at\s+present"
    r"|(?<=in\s)the\s+(?:past|future)|(?<=the\s)moment|overnight))(?![\w'’-])"
)
#: "last year", "Last December", "next Tuesday", "this autumn", "earlier this month",
#: "the end of the year", "last night", "Tuesday morning", "on Tuesday".
RELATIVE = re.compile(
    r"(?P<rel>(?i:this|last|next|coming|past|previous|following|the\s+coming))\s+"
    rf"(?P<what>(?P<mon>{_MON})|(?P<wd>{_WDAY})|(?i:week(?:end)?|month|year|decade|century"
    r"|spring|summer|autumn|fall|winter|morning|afternoon|evening|night))(?![\w-])"
    rf"(?:\s+(?P<dp>(?i:morning|afternoon|evening|night)))?"
    r"|(?P<part>(?i:(?:the\s+)?(?:end|beginning|start|middle|rest|turn)\s+of\s+(?:the|this)"
    r"))\s+(?P<pw>(?i:week|month|year|decade|century))\b"
    r"|(?P<thewe>(?i:the\s+weekend))\b"
    rf"|(?P<wd2>{_WDAY})(?:\s+(?P<dp2>(?i:morning|afternoon|evening|night)))?"
)
#: "two weeks ago", "33 years ago", "three days from now".
AGO = re.compile(
    r"(?i:(?P<mod>more\s+than|over|nearly|almost|about|around|some|roughly|less\s+than)\s+)?"
    rf"(?i:(?P<num>{_NUM})\s+(?P<unit>{_UNIT})\s+(?P<dir>ago|from\s+now|hence|earlier|before))\b"
)
#: "(the) summer of 2019", "in the spring", "summer 2019".
SEASON = re.compile(
    r"(?:(?P<prep>(?i:in|during|by|until|since|over|through|before|after))\s+)?"
    r"(?:(?P<the>(?i:the))\s+)?(?P<s>(?i:spring|summer|autumn|fall|winter))"
    rf"(?:(?:\s+(?i:of)\s+|\s+)(?P<year>{_YEAR}))?\b"
)
# Durations and sets ------------------------------------------------------------------

#: "30 years", "more than three months", "the past two weeks", "a 30-year", "decades".
DURATION = re.compile(
    r"(?P<mod>(?i:more\s+than|less\s+than|over|under|nearly|almost|about|around|some|roughly"
    r"|approximately|at\s+least|up\s+to|at\s+most|just|only)\s+)?"
    r"(?P<det>(?i:the\s+(?:past|last|next|previous|first|coming|following)|another|a\s+further"
    r"|the\s+past\s+few|the\s+last\s+few|the\s+next\s+few|past|recent))?\s*"
    rf"(?<![\w$€£.,-])(?P<num>(?i:{_NUM}))?[\s-]*(?:(?i:more|full|consecutive|straight)\s+)?"
    rf"(?P<unit>(?i:{_UNIT}))(?!-old)(?![\w'’-])"
)
#: "every year", "each Monday", "annually", "twice a year", "per month".
SETS = re.compile(
    r"(?i:(?P<every>every|each)\s+(?:other\s+)?(?:(?P<en>\d+|two|three|four|five|six|ten)\s+)?"
    r"(?P<eu>years?|months?|weeks?|days?|morning|evening|night|decades?|hours?|quarters?"
    r"|summer|winter|spring|autumn|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    rf"|(?P<freq>once|twice|(?<!\w)\w+\s+times)\s+(?:a|per|an|every)\s+(?P<fu>year|month|week|day|hour)"
    r"|(?<!\w)per\s+(?P<pu>year|month|week|day|hour|annum)"
    r"|(?P<adv>annually|yearly|monthly|weekly|daily|hourly|quarterly))\b"
    rf"|(?i:every|each)\s+(?P<emon>{_MON})"
    r"|(?:(?<=\d\s)|(?<=%\s)|(?<=lion\s)|(?<=cent\s))(?i:an?)\s+(?P<au>(?i:year|month|week|day))\b"
    r"(?!\s+(?i:earlier|later|ago|before|after))"
)
#: Clock times: "10 a.m.", "3:30 p.m.", "08:46", "noon", "midnight".
CLOCK = re.compile(
    r"(?<![\d.:+\-/])(?:(?P<h>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d))?\s*"
    r"(?P<ap>(?i:a\.m\.|p\.m\.|am|pm)(?![a-z]))"
    r"|(?P<h2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d)(?![\d:])(?!\s*(?:-|–)\s*\d))"
    r"(?:\s+(?P<tz>GMT|UTC|local\s+time|(?:[A-Z]{2}T)(?![A-Za-z])))?"
    r"|\b(?P<word>(?i:noon|midday|midnight))\b"
)

# Context tests ------------------------------------------------------------------------

#: Words after which a bare month name (May, March) is a month, not a verb or noun.
MONTH_TRIGGER = re.compile(
    r"(?i:\b(?:in|since|until|till|by|from|of|through|during|before|after|early|late|mid"
    r"|between|and|to|last|next|this|until|throughout|around|or|end|beginning|start)"
    r"[\s-]+)$"
)
#: Units of counted things: a four-digit number followed by one is not a year.
COUNTED_NOUN = re.compile(
    r"\s*(?i:(?:people|persons|troops|soldiers|cases|deaths|tons|tonnes|km|kilomet(?:er|re)s"
    r"|miles|met(?:er|re)s|feet|dollars|euros|yuan|rubles|roubles|barrels|votes|seats|workers"
    r"|members|units|vehicles|civilians|refugees|migrants|students|children|homes|houses"
    r"|jobs|points|words|pages|mln|million|billion|bn|percent|per\s+cent|mw|kg|hectares"
    r"|acres|residents|patients|prisoners|detainees|fighters|militants|officers|protesters"
    r"|passengers|infections|vaccines|doses|flights|companies|firms|pieces|items|times"
    r"|hours|minutes|days|weeks|months|years|rounds|shells|rockets|missiles|drones|households"
    r"|voters|employees|staff|jets|tanks|aircraft|ships|victims)\b|%)"
)
#: Words before a number that make it a label, not a year ("Resolution 2231").
LABEL_BEFORE = re.compile(
    r"(?:Resolution|resolution|No\.|no\.|Flight|flight|Article|article|Room|room|Route|route"
    r"|Highway|number|Number|code|Code|Model|model|Section|section|page|Page|Rule|Order"
    r"|Decree|decree|Law|law|Chapter|chapter|Boeing|Airbus|Su-|MiG-|Tu-|Il-|Gate|Platform"
    r"|Building|Apt\.|Suite|Box|Vision|Agenda|Strategy|Euro|Expo|World\s+Cup|Olympics"
    r"|Games)\s*$"
)
#: A preposition just before a four-digit number: "in 1883" is a year even if early.
YEAR_PREP = re.compile(
    r"(?i:\b(?:in|since|until|by|from|of|during|before|after|through|to|and|circa|c\.)\s+)$"
)
#: Modifiers to the left of a date that make it fuzzy: "early June", "mid-2020".
FUZZY_LEFT = re.compile(
    r"(?i:(?:(?<![\w-])the\s+)?(?:very\s+)?(?P<f>early|late|mid-|mid\s|middle\s+of|end\s+of"
    r"|beginning\s+of|start\s+of|first\s+half\s+of|second\s+half\s+of|latter\s+half\s+of"
    r"|earlier|later|turn\s+of|dawn\s+of)(?:\s+the)?\s*)$"
)
#: Names in which a weekday word is not a date ("Black Friday", "Good Friday").
WEEKDAY_NAME_BEFORE = re.compile(r"(?:Black|Good|Ash|Holy|Cyber|Super|Bloody|Maundy|Man)\s+$")
