"""Make a realistic store of N merged events, for timeline/relations/UI benchmarks.

The store is written through the real ``SQLiteStore`` API (``add_document`` with
``EventMention`` records, then ``replace_events(merge_mentions(...))`` and
``annotate_events`` for salience), so its
schema, indexes and JSON are exactly what ``storyline build`` produces; only the
NLP is skipped. ~50 countries, a few hundred office holders, all 16 PLOVER types,
dates over 2000-2024, 1-5 citations per event spread over different articles
(different outlets, different wording), some planned (future) events, some
events dated only by their report date.

    python bench/make_event_store.py /tmp/events100k.db --events 100000
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storyline.events.merge import merge_mentions  # noqa: E402
from storyline.records import (  # noqa: E402
    PLOVER_TYPES,
    Actor,
    Document,
    EventMention,
    Evidence,
    Mention,
    Sentence,
    content_id,
)
from storyline.store.sqlite import SQLiteStore  # noqa: E402
from storyline.timeline.salience import annotate_events  # noqa: E402

__all__ = ["make_event_store"]

COUNTRIES = [
    ("USA", "United States", "Washington"), ("RUS", "Russia", "Moscow"),
    ("CHN", "China", "Beijing"), ("KOR", "South Korea", "Seoul"),
    ("PRK", "North Korea", "Pyongyang"), ("JPN", "Japan", "Tokyo"),
    ("DEU", "Germany", "Berlin"), ("FRA", "France", "Paris"),
    ("GBR", "United Kingdom", "London"), ("ITA", "Italy", "Rome"),
    ("ESP", "Spain", "Madrid"), ("POL", "Poland", "Warsaw"),
    ("UKR", "Ukraine", "Kyiv"), ("TUR", "Turkey", "Ankara"),
    ("IRN", "Iran", "Tehran"), ("IRQ", "Iraq", "Baghdad"),
    ("SYR", "Syria", "Damascus"), ("ISR", "Israel", "Jerusalem"),
    ("EGY", "Egypt", "Cairo"), ("SAU", "Saudi Arabia", "Riyadh"),
    ("ARE", "United Arab Emirates", "Abu Dhabi"), ("QAT", "Qatar", "Doha"),
    ("IND", "India", "New Delhi"), ("PAK", "Pakistan", "Islamabad"),
    ("AFG", "Afghanistan", "Kabul"), ("BRA", "Brazil", "Brasilia"),
    ("ARG", "Argentina", "Buenos Aires"), ("MEX", "Mexico", "Mexico City"),
    ("CAN", "Canada", "Ottawa"), ("VEN", "Venezuela", "Caracas"),
    ("CUB", "Cuba", "Havana"), ("COL", "Colombia", "Bogota"),
    ("NGA", "Nigeria", "Abuja"), ("ZAF", "South Africa", "Pretoria"),
    ("ETH", "Ethiopia", "Addis Ababa"), ("KEN", "Kenya", "Nairobi"),
    ("SDN", "Sudan", "Khartoum"), ("LBY", "Libya", "Tripoli"),
    ("IDN", "Indonesia", "Jakarta"), ("VNM", "Vietnam", "Hanoi"),
    ("PHL", "Philippines", "Manila"), ("AUS", "Australia", "Canberra"),
    ("KAZ", "Kazakhstan", "Astana"), ("BLR", "Belarus", "Minsk"),
    ("GEO", "Georgia", "Tbilisi"), ("ARM", "Armenia", "Yerevan"),
    ("AZE", "Azerbaijan", "Baku"), ("SRB", "Serbia", "Belgrade"),
    ("GRC", "Greece", "Athens"), ("SWE", "Sweden", "Stockholm"),
]  # fmt: skip
ROLES = ["President", "Prime Minister", "Foreign Minister", "Defence Minister", "Trade Minister"]
FIRST = [
    "Alexei",
    "Maria",
    "Jun",
    "Amir",
    "Elena",
    "Kofi",
    "Lucas",
    "Aiko",
    "Omar",
    "Sofia",
    "Ivan",
    "Mei",
    "Rahul",
    "Fatima",
    "Pedro",
    "Hana",
    "Yusuf",
    "Clara",
    "Dmitri",
    "Nadia",
]
LAST = [
    "Petrov",
    "Kim",
    "Haddad",
    "Silva",
    "Tanaka",
    "Mensah",
    "Novak",
    "Rossi",
    "Khan",
    "Garcia",
    "Ivanova",
    "Chen",
    "Sato",
    "Okafor",
    "Weber",
    "Park",
    "Dubois",
    "Lopez",
]
OUTLETS = [
    "Reuters",
    "AP",
    "AFP",
    "BBC",
    "Al Jazeera",
    "DW",
    "Xinhua",
    "TASS",
    "Yonhap",
    "Kyodo",
    "NHK",
    "CNN",
    "Guardian",
    "Le Monde",
    "El Pais",
    "Hurriyet",
    "Dawn",
]
TOPICS = [
    "trade",
    "security",
    "energy",
    "the border",
    "nuclear talks",
    "refugees",
    "fisheries",
    "climate",
    "investment",
    "the ceasefire",
    "sanctions relief",
]

# type -> (trigger, wordings); {s} source, {t} target, {tr} trigger, {when}, {topic}, {city}
WORDING: dict[str, tuple[str, tuple[str, ...]]] = {
    "AGREE": ("agreed", ("{s} {tr} with {t} {when} on a deal over {topic}.",
                         "Officials said {s} had {tr} with {t} {when} to cooperate on {topic}.")),
    "CONSULT": ("met", ("{s} {tr} {t} in {city} {when} for talks on {topic}.",
                        "In {city}, {s} {tr} {t} {when}, discussing {topic}.")),
    "SUPPORT": ("backed", ("{s} {tr} {t} {when} in its position on {topic}.",
                           "{s} publicly {tr} {t} {when} over {topic}.")),
    "CONCEDE": ("eased", ("{s} {tr} restrictions on {t} {when} after pressure over {topic}.",
                          "{when_cap}, {s} {tr} its stance toward {t} on {topic}.")),
    "COOPERATE": ("cooperate", ("{s} and {t} pledged to {tr} {when} on {topic}.",
                                "{s} will {tr} with {t} on {topic}, both sides said {when}.")),
    "AID": ("sent", ("{s} {tr} humanitarian aid to {t} {when} amid concerns over {topic}.",
                     "{when_cap}, {s} {tr} relief supplies to {t}.")),
    "RETREAT": ("withdrew", ("{s} {tr} troops from the border with {t} {when}.",
                             "{when_cap}, {s} {tr} its forces near {t}, officials said.")),
    "REQUEST": ("asked", ("{s} {tr} {t} {when} to resume talks on {topic}.",
                          "{when_cap}, {s} formally {tr} {t} for help on {topic}.")),
    "ACCUSE": ("accused", ("{s} {tr} {t} {when} of violating agreements on {topic}.",
                           "{when_cap}, {s} {tr} {t} of interference over {topic}.")),
    "REJECT": ("rejected", ("{s} {tr} a proposal from {t} on {topic} {when}.",
                            "{when_cap}, {s} flatly {tr} demands by {t} over {topic}.")),
    "THREATEN": ("threatened", ("{s} {tr} {t} with retaliation {when} over {topic}.",
                                "{when_cap}, {s} {tr} to cut ties with {t} over {topic}.")),
    "PROTEST": ("protested", ("{s} {tr} to {t} {when} over its conduct on {topic}.",
                              "{when_cap}, {s} formally {tr} against {t} over {topic}.")),
    "SANCTION": ("sanctions", ("{s} imposed {tr} on {t} {when} over {topic}.",
                               "{when_cap}, {s} announced new {tr} against {t}.")),
    "MOBILIZE": ("deployed", ("{s} {tr} troops near {t} {when} amid tension over {topic}.",
                              "{when_cap}, {s} {tr} warships close to {t}.")),
    "COERCE": ("seized", ("{s} {tr} vessels belonging to {t} {when} in a dispute over {topic}.",
                          "{when_cap}, {s} {tr} assets of {t} over {topic}.")),
    "ASSAULT": ("attacked", ("{s} {tr} positions held by {t} {when}, officials said.",
                             "{when_cap}, forces of {s} {tr} {t} near the border.")),
}  # fmt: skip
# conflict-heavy dyads are rarer than talks: a realistic skew of the type mix
TYPE_WEIGHTS = [8, 14, 6, 2, 8, 5, 1, 5, 7, 4, 3, 4, 3, 2, 2, 3]


@dataclass
class _Planned:
    """One synthetic happening before it is written into articles."""

    type: str
    modality: str
    source: Actor
    target: Actor
    day: dt.date
    reported: bool
    cites: int
    topic: str


def _actors(rng: random.Random) -> tuple[list[Actor], dict[str, list[Actor]]]:
    countries = [Actor(id=c, name=n, country=c, sector="GOV") for c, n, _ in COUNTRIES]
    people: dict[str, list[Actor]] = {}
    used: set[str] = set()
    for code, _, _ in COUNTRIES:
        for role in ROLES:
            for _ in range(2 if role in ("President", "Foreign Minister") else 1):
                name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
                while name in used:
                    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}-{rng.choice(LAST)}"
                used.add(name)
                person = Actor(
                    id=content_id("actor", name), name=name, country=code,
                    sector="GOV", kind="person", role=role,
                )  # fmt: skip
                people.setdefault(code, []).append(person)
    return countries, people


def _plan(rng: random.Random, n_events: int) -> list[_Planned]:
    countries, people = _actors(rng)
    weights = [1.0 / (i + 1) ** 0.6 for i in range(len(countries))]  # prominence skew
    start, span = dt.date(2000, 1, 1), (dt.date(2024, 12, 31) - dt.date(2000, 1, 1)).days
    taken: set[tuple[str, ...]] = set()
    out: list[_Planned] = []
    while len(out) < n_events:
        a, b = rng.choices(countries, weights, k=2)
        if a.id == b.id:
            continue
        type_ = rng.choices(PLOVER_TYPES, TYPE_WEIGHTS)[0]
        r = rng.random()
        modality = "future" if r < 0.08 else "negated" if r < 0.10 else "asserted"
        day = start + dt.timedelta(days=rng.randrange(span))
        reported = rng.random() < 0.08
        pair = sorted((a.id, b.id)) if type_ in ("CONSULT", "COOPERATE") else [a.id, b.id]
        key = (type_, modality, *pair, day.isoformat())
        if key in taken:  # two distinct happenings must not share what identifies one
            continue
        taken.add(key)
        src = rng.choice(people[a.id]) if rng.random() < 0.5 else a
        tgt = rng.choice(people[b.id]) if rng.random() < 0.3 else b
        cites = 1 if reported else rng.choices([1, 2, 3, 4, 5], [35, 30, 18, 10, 7])[0]
        out.append(_Planned(type_, modality, src, tgt, day, reported, cites, rng.choice(TOPICS)))
    return out


def _name(a: Actor) -> str:
    return f"{a.role} {a.name}" if a.role else a.name


def _when(day: dt.date, style: int) -> str:
    if style == 0:
        return f"on {day.strftime('%B')} {day.day}, {day.year}"
    if style == 1:
        return f"on {day.day} {day.strftime('%B')} {day.year}"
    return f"on {day.strftime('%A')}"


def _sentence(rng: random.Random, ev: _Planned, published: dt.date) -> tuple[str, dict[str, int]]:
    trigger, forms = WORDING[ev.type]
    if ev.modality == "future":
        trigger = "plan to " + trigger if ev.type != "SANCTION" else trigger
    when = "" if ev.reported else _when(ev.day, rng.randrange(3) if ev.day != published else 0)
    city = next(c for code, _, c in COUNTRIES if code == (ev.target.country or ""))
    form = rng.choice(forms)
    if ev.modality == "negated":
        form = "Officials denied reports that " + form[0].lower() + form[1:]
    text = form.format(
        s=_name(ev.source), t=_name(ev.target), tr=trigger, when=when,
        when_cap=(when[:1].upper() + when[1:]) if when else "Recently",
        topic=ev.topic, city=city,
    ).replace("  ", " ").replace(" .", ".").replace(" ,", ",")  # fmt: skip
    text = text[:1].upper() + text[1:]
    spans = {"trigger": text.index(trigger), "src": text.find(_name(ev.source))}
    spans["tgt"] = text.find(_name(ev.target))
    return text, spans


def _documents(rng: random.Random, planned: list[_Planned]) -> list[Document]:
    """Spread the citations over articles of 3-6 sentences, dated after their events."""
    slots = [(ev.day, i, k) for i, ev in enumerate(planned) for k in range(ev.cites)]
    rng.shuffle(slots)
    # articles cover about one week; a happening's citations go to different articles
    slots.sort(key=lambda s: (s[0].toordinal() // 7, s[2]))
    docs: list[Document] = []
    pos = 0
    while pos < len(slots):
        size = rng.randint(3, 6)
        chunk, pos = slots[pos : pos + size], pos + size
        events = [planned[i] for _, i, _ in chunk]
        published = max(ev.day for ev in events) + dt.timedelta(days=rng.randrange(3))
        for ev in events:
            if ev.reported:
                ev.day = published  # a report date is the only date it has
        outlet = rng.choice(OUTLETS)
        docs.append(_document(rng, events, published, outlet, len(docs)))
    return docs


def _document(
    rng: random.Random, events: list[_Planned], published: dt.date, outlet: str, n: int
) -> Document:
    lead = events[0]
    title = f"{lead.source.name} and {lead.target.name}: {lead.topic}"
    text = f"{title}\n\n"
    sentences, mentions, ems = [], [], []
    for ev in events:
        sent, spans = _sentence(rng, ev, published)
        start = len(text)
        text += sent + " "
        sentences.append(Sentence(start, start + len(sent), sent))
        for actor, key in ((ev.source, "src"), (ev.target, "tgt")):
            if spans[key] >= 0:
                s = start + spans[key]
                name = _name(actor)
                mentions.append(Mention(s, s + len(name), name, actor))
        trig = WORDING[ev.type][0]
        t0 = start + spans["trigger"]
        if sent[spans["trigger"] :].startswith("plan to "):
            t0 += len("plan to ")
        date = published.isoformat() if ev.reported else ev.day.isoformat()
        ems.append(
            EventMention(
                id=content_id("mention", outlet, str(n), str(start)),
                document="", type=ev.type, modality=ev.modality,
                source=(ev.source,), target=(ev.target,), date=date,
                date_source="reported" if ev.reported else "text",
                evidence=Evidence("", start, start + len(sent), sent),
                trigger=Evidence("", t0, t0 + len(trig), trig),
                summary=f"{ev.source.name} {ev.type} {ev.target.name}",
                confidence=round(0.6 + 0.3 * rng.random(), 3),
                mode=None,
            )
        )  # fmt: skip
    text = text.rstrip() + "\n"
    raw = f" date {published.isoformat()} \n{text}"
    doc_id = content_id(raw)
    source = f"synthetic/{outlet.replace(' ', '_').lower()}/{n:07d}.txt"
    ems = [_rehome(e, doc_id) for e in ems]
    return Document(
        id=doc_id, source=source, raw_text=raw, text=text, title=title, outlet=outlet,
        published=published.isoformat(), published_source="header", published_confidence=0.9,
        sentences=tuple(sentences), mentions=tuple(mentions), events=tuple(ems),
    )  # fmt: skip


def _rehome(e: EventMention, doc_id: str) -> EventMention:
    from dataclasses import replace

    return replace(
        e,
        id=content_id("mention", doc_id, str(e.evidence.start)),
        document=doc_id,
        evidence=replace(e.evidence, document=doc_id),
        trigger=replace(e.trigger, document=doc_id),
    )


def make_event_store(path: Path, n_events: int, seed: int = 1) -> Path:
    """Write a store with about ``n_events`` merged events to ``path`` (replaced)."""
    path = Path(path)
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    rng = random.Random(seed)
    planned = _plan(rng, n_events)
    docs = _documents(rng, planned)
    with SQLiteStore(path) as store:
        store.conn.execute("PRAGMA synchronous=OFF")  # a bench fixture: speed over durability
        for doc in docs:
            store.add_document(doc)
        store.replace_events(merge_mentions(store.event_mentions(), store.story_map()))
        annotate_events(store)
        store.conn.execute("PRAGMA synchronous=NORMAL")
    return path


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("out", type=Path)
    p.add_argument("--events", type=int, default=100_000)
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args(argv)
    t0 = time.perf_counter()
    make_event_store(args.out, args.events, args.seed)
    with SQLiteStore(args.out, read_only=True) as store:
        counts = store.counts()
    secs = time.perf_counter() - t0
    print(f"{args.out}: {counts} in {secs:.1f} s")


if __name__ == "__main__":
    main()
