"""The ``Store`` contract: every method group of the protocol (``store/api.py``), run
against each implementation (``SQLiteStore`` on a temporary file, ``MemoryStore``)
with the same small hand-made records and the same expected answers.

``test_contract_build.py`` builds the seeds into both and compares every read.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.engine.incremental import refresh_events
from storyline.records import (
    Actor,
    DateCandidate,
    Document,
    Event,
    EventMention,
    Evidence,
    Mention,
    Quarantined,
    Removal,
    Segment,
    Sentence,
    Timex,
)
from storyline.store.api import Store
from storyline.store.memory import MemoryStore
from storyline.store.query import CitedBy, EventQuery, QueryError
from storyline.store.sqlite import SQLiteStore

RUS = Actor("RUS", "Russia", "RUS", "GOV", "country")
KOR = Actor("KOR", "South Korea", "KOR", "GOV", "country")
USA = Actor("USA", "United States", "USA", "GOV", "country")
PUTIN = Actor("p-putin", "Vladimir Putin", "RUS", "GOV", "person")
LAVROV = Actor("p-lavrov", "Sergey Lavrov", "RUS", "GOV", "person", "foreign minister")
SHOIGU = Actor("p-shoigu", "Sergey Shoigu", "RUS", "MIL", "person")
FORD = Actor("o-ford", "Ford Motor Company", "USA", "BUS", "org")

TEXTS = {
    "d1": "Russia and South Korea held talks in Seoul. Lavrov met his host.",
    "d2": "The United States imposed sanctions on Russia. Putin rejected the demands.",
    "d3": "Russia may send aid to South Korea next year, Shoigu said. Ford Motor Company declined.",
    "d4": "Russia and South Korea held talks in Seoul on Thursday.",
}
#: document -> (actor, the words naming it, how)
NAMED = {
    "d1": [(RUS, "Russia", "name"), (KOR, "South Korea", "name"), (LAVROV, "Lavrov", "alias")],
    "d2": [(USA, "United States", "name"), (RUS, "Russia", "name"), (PUTIN, "Putin", "alias")],
    "d3": [
        (RUS, "Russia", "name"),
        (KOR, "South Korea", "name"),
        (SHOIGU, "Shoigu", "alias"),
        (FORD, "Ford Motor Company", "name"),
    ],
    "d4": [(RUS, "Russia", "name"), (KOR, "South Korea", "name")],
}
PUBLISHED = {"d1": "2021-03-25", "d2": "2021-04-02", "d3": None, "d4": "2021-03-26"}
TITLES = {"d1": "Talks in Seoul", "d2": "Sanctions", "d3": None, "d4": "Talks"}


def _span(doc: str, words: str) -> Evidence:
    start = TEXTS[doc].index(words)
    return Evidence(doc, start, start + len(words), words)


def _sentence(doc: str, words: str) -> Evidence:
    text = TEXTS[doc]
    start = text.rfind(". ", 0, text.index(words))
    start = 0 if start < 0 else start + 2
    end = text.index(".", text.index(words)) + 1
    return Evidence(doc, start, end, text[start:end])


#: mention id -> (document, type, modality, source, target, date, trigger, confidence)
MENTIONS = {
    "m1": ("d1", "CONSULT", "asserted", RUS, KOR, "2021-03-25", "talks", 0.8),
    "m2": ("d2", "SANCTION", "asserted", USA, RUS, "2021-04-01", "sanctions", 0.9),
    "m3": ("d2", "REJECT", "asserted", PUTIN, USA, "2021-04", "rejected", 0.44444),
    "m4": ("d3", "AID", "future", RUS, KOR, "2022", "aid", 0.55),
    "m5": ("d4", "CONSULT", "asserted", RUS, KOR, "2021-03-25", "talks", 0.75),
}


def _mention(mid: str) -> EventMention:
    doc, kind, modality, src, tgt, date, trigger, confidence = MENTIONS[mid]
    return EventMention(
        id=mid,
        document=doc,
        type=kind,
        modality=modality,
        source=(src,),
        target=(tgt,),
        date=date,
        date_source="text",
        evidence=_sentence(doc, trigger),
        trigger=_span(doc, trigger),
        summary=f"{src.name} {kind} {tgt.name}",
        confidence=confidence,
        features=("dropped",),
    )


def _document(doc: str) -> Document:
    text = TEXTS[doc]
    spans = [(_span(doc, words), actor, how) for actor, words, how in NAMED[doc]]
    mentions = tuple(Mention(e.start, e.end, e.text, actor, how) for e, actor, how in spans)
    return Document(
        id=doc,
        source=f"{doc}.txt",
        raw_text=" " + text,
        text=text,
        title=TITLES[doc],
        url=f"https://example.org/{doc}",
        outlet="Example",
        published=PUBLISHED[doc],
        published_source="header",
        published_confidence=0.9,
        date_candidates=(DateCandidate("2021-03-24", "url", 0.4),),
        removals=(Removal(0, 1, "space", " "),),
        segments=(Segment(1, len(text) + 1, 0),),
        language="en",
        date_hints=(DateCandidate("2020-01-01", "file", 0.1),),
        sentences=(Sentence(0, 10, text[:10]),),
        timexes=(Timex(0, 4, text[:4], "DATE", "2021"),),
        mentions=mentions,
        events=tuple(_mention(m) for m, row in MENTIONS.items() if row[0] == doc),
    )


def _event(
    eid: str,
    mids: tuple[str, ...],
    *,
    date: str | None = None,
    confidence: float | None = None,
    kind: str | None = None,
) -> Event:
    first = _mention(mids[0])
    return Event(
        id=eid,
        type=kind or first.type,
        modality=first.modality,
        source=first.source,
        target=first.target,
        date=date or first.date,
        date_source="text",
        summary=first.summary,
        evidence=tuple(_mention(m).evidence for m in mids),
        trigger=first.trigger,
        confidence=first.confidence if confidence is None else confidence,
        mentions=mids,
    )


E1 = _event("aaaa000000000001", ("m1", "m5"))
E2 = _event("aaaa000000000002", ("m2",))
E3 = _event("bbbb000000000003", ("m3",))
E4 = _event("cccc000000000004", ("m4",))
#: an undated protest nobody's mention holds (sorts last; any ``date_from`` keeps it)
E5 = replace(
    _event("dddd000000000005", ("m4",), date="XXXX", confidence=0.6, kind="PROTEST"),
    modality="negated",
    source=(KOR,),
    target=(USA,),
    mentions=(),
)
EVENTS = (E1, E2, E3, E4, E5)


@pytest.fixture(params=["sqlite", "memory"])
def new_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[], Store]]:
    """A factory of empty stores of one implementation."""
    opened: list[Store] = []

    def make() -> Store:
        store: Store
        if request.param == "sqlite":
            store = SQLiteStore(tmp_path / f"s{len(opened)}.db")
        else:
            store = MemoryStore()
        opened.append(store)
        return store

    yield make
    for s in opened:
        s.close()


@pytest.fixture
def store(new_store: Callable[[], Store]) -> Store:
    """The four documents (d1 and d4 one story), their mentions and the five events."""
    s = new_store()
    for d in ("d1", "d2", "d3", "d4"):
        assert s.add_document(_document(d)) is True
    for d, story, relation in (
        ("d1", "s1", "canonical"),
        ("d4", "s1", "near"),
        ("d2", "s2", "canonical"),
        ("d3", "s3", "canonical"),
    ):
        s.set_story(d, story, relation, 0.87654)
    assert s.replace_events(EVENTS) == 5
    return s


def _ids(events: list[Event]) -> list[str]:
    return [e.id for e in events]


# -- documents and stories -----------------------------------------------------


def test_documents_are_written_once_and_read_back(new_store: Callable[[], Store]) -> None:
    s = new_store()
    assert not s.has_document("d1")
    assert s.add_document(_document("d1")) is True
    assert s.add_document(_document("d1")) is False
    assert s.has_document("d1")
    loaded = s.load_document("d1")
    assert loaded == replace(
        _document("d1"), date_hints=(), sentences=(), timexes=(), mentions=(), events=()
    )
    assert s.load_document("nope") is None and s.document("nope") is None
    row = s.document("d1")
    assert row is not None
    assert row["removals"] == [{"start": 0, "end": 1, "reason": "space", "text": " "}]
    assert row["segments"] == [{"raw_start": 1, "raw_end": len(TEXTS["d1"]) + 1, "clean_start": 0}]
    assert row["date_candidates"] == [
        {"value": "2021-03-24", "source": "url", "confidence": 0.4, "evidence": ""}
    ]
    assert row["story"] is None and row["text"] == TEXTS["d1"] and "raw_text" not in row
    assert s.counts() == {
        "documents": 1,
        "sentences": 1,
        "timexes": 1,
        "actors": 3,
        "mentions": 3,
        "event_mentions": 1,
        "events": 0,
        "quarantine": 0,
    }


def test_document_rows_sort_by_publication_with_undated_first(store: Store) -> None:
    rows = store.documents()
    assert [r["id"] for r in rows] == ["d3", "d1", "d4", "d2"]
    assert rows[1]["chars"] == len(TEXTS["d1"]) and rows[1]["story"] == "s1"
    listing = store.document_listing()
    d1 = listing["documents"][1]
    assert d1["date_from"] == "header (0.90)" and d1["alternatives"] == ["2021-03-24 (url)"]
    assert store.source_rows(["d2", "d1", "d2", "gone"]) == [
        {
            "id": "d1",
            "title": "Talks in Seoul",
            "outlet": "Example",
            "published": "2021-03-25",
            "url": "https://example.org/d1",
        },
        {
            "id": "d2",
            "title": "Sanctions",
            "outlet": "Example",
            "published": "2021-04-02",
            "url": "https://example.org/d2",
        },
    ]
    assert sorted(r["id"] for r in store.source_rows()) == ["d1", "d2", "d3", "d4"]
    assert sorted(r["id"] for r in store.story_source_rows()) == ["d1", "d2", "d3", "d4"]


def test_stories_are_recorded_and_read(new_store: Callable[[], Store]) -> None:
    s = new_store()
    for d in ("d1", "d4", "d3"):
        s.add_document(_document(d))
    assert s.documents_without_story() == ["d1", "d3", "d4"]
    s.set_story("d4", "s1", "near", 0.87654)
    s.set_story("d1", "s1", "canonical")
    s.set_story("gone", "s9", "canonical")  # no such document: nothing recorded
    assert s.documents_without_story() == ["d3"]
    assert s.stories() == [
        {
            "id": "s1",
            "canonical": "d1",
            "members": [
                {
                    "document": "d1",
                    "relation": "canonical",
                    "title": "Talks in Seoul",
                    "source": "d1.txt",
                    "published": "2021-03-25",
                    "score": 1.0,
                },
                {
                    "document": "d4",
                    "relation": "near",
                    "title": "Talks",
                    "source": "d4.txt",
                    "published": "2021-03-26",
                    "score": 0.8765,
                },
            ],
        }
    ]
    assert s.story_map() == {"d1": "s1", "d4": "s1"}
    assert s.stories_of(["d4", "d3", "gone"]) == {"d4": "s1"}
    s.set_story("d3", "s1", "contained-in")
    labels = s.story_label_rows(["s1", "s7"])
    assert [r["id"] for r in labels] == ["d1", "d4", "d3"]  # titled canonical, titled, untitled
    assert set(labels[0]) == {"story", "id", "title", "outlet", "published", "url"}
    assert s.corpus_counts()["stories"] == 1


def test_a_change_of_story_puts_a_document_up_for_merging(store: Store) -> None:
    refresh_events(store)  # merges what the documents brought; nothing is pending after
    assert store.pending_mentions() == []
    store.set_story("d2", "s2", "canonical")  # the same story: nothing to merge again
    assert store.pending_mentions() == []
    store.set_story("d2", "s9", "canonical")
    assert [m.id for m in store.pending_mentions()] == ["m2", "m3"]


def test_story_counts_and_overview(store: Store) -> None:
    assert store.story_event_counts() == {"s1": 1, "s2": 2, "s3": 1}
    assert store.corpus_counts() == {
        "documents": 4,
        "published": {"first": "2021-03-25", "last": "2021-04-02"},
        "stories": 3,
        "by_modality": {"asserted": 3, "future": 1, "negated": 1},
        "event_dates": {"first": "2021-03-25", "last": "2022-01-01"},
    }


def test_quarantine_keeps_one_row_per_source_with_the_latest_reason(
    new_store: Callable[[], Store],
) -> None:
    s = new_store()
    s.quarantine(Quarantined("b.bin", "binary file"))
    s.quarantine(Quarantined("a.jsonl", "invalid JSON"))
    first = s.quarantined()[1]["first_seen"]
    s.quarantine(Quarantined("b.bin", "unreadable"))
    rows = s.quarantined()
    assert [(r["source"], r["reason"]) for r in rows] == [
        ("a.jsonl", "invalid JSON"),
        ("b.bin", "unreadable"),
    ]
    assert rows[1]["first_seen"] == first and s.counts()["quarantine"] == 2
    assert s.document_listing()["quarantined"] == rows


# -- actors --------------------------------------------------------------------


def test_actors_aliases_and_counts(store: Store) -> None:
    rows = {r["id"]: r for r in store.actors()}
    assert [r["id"] for r in store.actors()][:2] == ["RUS", "KOR"]  # most mentioned first
    assert rows["RUS"]["mentions"] == 4 and rows["p-lavrov"]["aliases"] == [
        "Lavrov",
        "Sergey Lavrov",
    ]
    assert rows["p-lavrov"]["role"] == "foreign minister" and rows["p-putin"]["kind"] == "person"
    assert [a.id for a in store.iter_actors()] == sorted(rows)
    assert store.actor("p-putin") == PUTIN and store.actor("nobody") is None
    assert ("p-putin", "Vladimir Putin", "Putin") in store.actor_names()
    assert ("p-putin", "Vladimir Putin", "Vladimir Putin") in store.actor_names()
    assert sorted(store.aliases_of("p-putin")) == ["Putin", "Vladimir Putin"]
    assert store.mention_count("KOR") == 3 and store.mention_count("nobody") == 0
    assert store.actor_mention_counts()["USA"] == 1
    assert store.actor_event_counts() == {"RUS": 3, "KOR": 3, "USA": 3, "p-putin": 1}
    assert store.actor_side_counts() == {"RUS": 3, "KOR": 3, "USA": 3, "p-putin": 1}
    assert [a["id"] for a in store.actors_of_country("RUS", "RUS")] == [
        "p-lavrov",
        "p-shoigu",
        "p-putin",
    ]  # by kind, then name
    assert store.countries_of(["p-putin", "o-ford", "nobody"]) == {"RUS", "USA"}
    assert store.country_name("KOR") == "South Korea" and store.country_name("FRA") is None
    assert store.country_names() == {"RUS": "Russia", "KOR": "South Korea", "USA": "United States"}


def test_role_phrases_and_pronouns_count_as_mentions_but_are_no_aliases(
    new_store: Callable[[], Store],
) -> None:
    """Issue 17: "the top Russian diplomat" and "he" point at Lavrov; only names are
    stored as his aliases (``nlp.actors.naming``)."""
    s = new_store()
    text = "Lavrov met Choe. The top Russian diplomat said he was pleased. Russian aid."
    said = [("Lavrov", "alias"), ("The top Russian diplomat", "role"), ("he", "pronoun")]
    named = [Mention(text.index(w), text.index(w) + len(w), w, LAVROV, how) for w, how in said]
    russian = Mention(text.index("Russian aid"), text.index("Russian aid") + 7, "Russian", RUS,
                      "demonym")  # fmt: skip
    mentions = (*named, russian)
    doc = replace(_document("d1"), id="d9", source="d9.txt", text=text, events=(),
                  mentions=mentions)  # fmt: skip
    assert s.add_document(doc) is True
    assert sorted(s.aliases_of("p-lavrov")) == ["Lavrov", "Sergey Lavrov"]
    assert sorted(s.aliases_of("RUS")) == ["Russia", "Russian"]
    assert s.mention_count("p-lavrov") == 3
    with pytest.raises(QueryError, match="unknown actor 'the top Russian diplomat'"):
        s.resolve_actor("the top Russian diplomat")
    assert ("p-lavrov", "Sergey Lavrov", "he") not in s.actor_names()


def test_a_known_actor_gains_what_it_lacked_and_keeps_its_name(
    new_store: Callable[[], Store],
) -> None:
    s = new_store()
    s.add_document(_document("d2"))
    later = replace(
        _document("d3"),
        id="d5",
        source="d5.txt",
        events=(),
        mentions=(Mention(0, 6, "Russia", replace(PUTIN, name="Putin V.", role="president")),),
    )
    s.add_document(later)
    assert s.actor("p-putin") == replace(PUTIN, role="president")
    assert sorted(s.aliases_of("p-putin")) == ["Putin", "Putin V.", "Russia", "Vladimir Putin"]
    again = Mention(0, 6, "Russia", replace(PUTIN, role="former president", country="USA",
                                            sector="BUS", kind="org"))  # fmt: skip
    s.add_document(replace(later, id="d6", source="d6.txt", mentions=(again,)))
    assert s.actor("p-putin") == replace(PUTIN, role="president")  # what it had, it keeps


def test_names_resolve_to_actors_and_countries(store: Store) -> None:
    assert store.resolve_actor("russia") == ({"RUS"}, {"RUS"})  # an alias, any case
    assert store.resolve_actor("kor") == ({"KOR"}, {"KOR"})  # a country code
    assert store.resolve_actor("p-putin") == ({"p-putin"}, set())  # an id
    assert store.resolve_actor("putin") == ({"p-putin"}, set())  # an alias
    assert store.resolve_actor("Vladimir") == ({"p-putin"}, set())  # a name's first words
    assert store.resolve_actor("Ford") == ({"o-ford"}, set())
    with pytest.raises(QueryError, match=r"ambiguous actor 'Sergey'.*Lavrov.*Shoigu"):
        store.resolve_actor("Sergey")
    with pytest.raises(QueryError, match=r"unknown actor 'Lavrof'.*did you mean 'Sergey Lavrov'"):
        store.resolve_actor("Lavrof")


# -- mentions and the merge ----------------------------------------------------


def test_event_mentions_are_kept_as_their_json_contract(store: Store) -> None:
    mentions = store.event_mentions()
    assert [m.id for m in mentions] == ["m1", "m2", "m3", "m4", "m5"]
    assert mentions[2].confidence == 0.444  # rounded as the JSON contract rounds it
    assert mentions[2] == replace(_mention("m3"), confidence=0.444)
    assert [m.id for m in store.event_mentions_of(["m5", "m2", "zz"])] == ["m2", "m5"]


def test_the_probe_index_finds_mentions_by_overlapping_days(new_store: Callable[[], Store]) -> None:
    s = new_store()
    for d in ("d1", "d2", "d4"):
        s.add_document(_document(d))
    assert s.unindexed_mentions() == 4
    s.index_mentions(
        [
            ("p", "m1", "2021-03-25", "2021-03-25"),
            ("p", "m2", "2021-04-01", "2021-04-30"),
            ("q", "m2", "2021-04-01", "2021-04-30"),
            ("p", "m2", "2000-01-01", "2000-01-01"),
        ]
    )
    assert s.unindexed_mentions() == 2
    assert s.mentions_near("p", "2021-03-01", "2021-03-31") == ["m1"]
    assert sorted(s.mentions_near("p", "2021-03-25", "2021-04-01")) == ["m1", "m2"]
    assert s.mentions_near("q", "2021-05-01", "2021-05-02") == []
    assert sorted(s.probe_rows(["m2", "zz"])) == [
        ("p", "2021-04-01", "2021-04-30"),
        ("q", "2021-04-01", "2021-04-30"),
    ]


def test_replacing_events_resets_members_and_pending(store: Store) -> None:
    assert store.merged_mentions() == 5  # E1..E4 hold m1..m5
    assert store.pending_mentions() == []  # replace_events merged the pending documents
    store.set_story("d2", "s9", "canonical")
    assert len(store.pending_mentions()) == 2
    new_e2 = replace(E2, id="eeee000000000002", confidence=0.33)
    assert store.replace_events_of(["m2", "zz"], [new_e2]) == 1
    assert store.pending_mentions() == [] and store.merged_mentions() == 5
    assert store.event(E2.id) is None and store.event(new_e2.id) == new_e2
    assert store.count_events(EventQuery()) == 5
    assert store.replace_events_of([], []) == 0
    assert store.replace_events([E1]) == 1 and store.merged_mentions() == 2


def test_an_event_stored_twice_is_refused_and_nothing_changes(store: Store) -> None:
    before = store.event_page_ids(EventQuery())
    for write in (
        lambda: store.replace_events([E1, E2, E1]),
        lambda: store.replace_events_of(["m2"], [E1]),  # E1 stays: its id is taken
    ):
        with pytest.raises(Exception, match=r"UNIQUE constraint|stored twice"):
            write()
        assert store.event_page_ids(EventQuery()) == before and store.merged_mentions() == 5


def test_the_incremental_merge_runs_through_the_protocol(new_store: Callable[[], Store]) -> None:
    s = new_store()
    s.add_document(_document("d1"))
    s.set_story("d1", "s1", "canonical")
    assert refresh_events(s).mode == "full"
    for d in ("d2", "d4"):
        s.add_document(_document(d))
    s.set_story("d4", "s1", "near")
    s.set_story("d2", "s2", "canonical")
    report = refresh_events(s)
    assert report.mode == "incremental" and report.mentions == 4
    assert s.merged_mentions() == 4 and s.unindexed_mentions() == 0
    assert sorted(m for e in s.events(EventQuery()) for m in e.mentions) == ["m1", "m2", "m3", "m5"]


# -- events read ---------------------------------------------------------------


def test_events_are_kept_as_their_json_contract(store: Store) -> None:
    assert store.events_by_id([E3.id, "nope", E1.id]) == [replace(E3, confidence=0.444), E1]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (EventQuery(), [E1, E3, E2, E4, E5]),  # first day, then the longer span first
        (EventQuery.build(actor="Russia"), [E1, E3, E2, E4]),  # Putin counts for his country
        (EventQuery.build(actor="Vladimir"), [E3]),
        (EventQuery.build(between=("United States", "RUS")), [E3, E2]),  # either direction
        (EventQuery.build(between=("KOR", "Putin")), []),
        (EventQuery.build(types=("sanction", "AID")), [E2, E4]),
        (EventQuery.build(modalities=("future", "negated")), [E4, E5]),
        (EventQuery.build(date_from="2021-04"), [E3, E2, E4, E5]),  # undated events stay
        (EventQuery.build(date_to="2021-03"), [E1]),
        (EventQuery.build(date_from="2021-04-15", date_to="2021-12"), [E3]),
        (EventQuery.build(min_confidence=0.6), [E1, E2, E5]),
        (EventQuery.build(limit=2, offset=1), [E3, E2]),
        (EventQuery(limit=-1, offset=3), [E4, E5]),  # a negative limit is no limit
    ],
)
def test_event_queries_filter_and_page(
    store: Store, query: EventQuery, expected: list[Event]
) -> None:
    assert _ids(store.events(query)) == _ids(expected)
    assert _ids(list(store.iter_events(query))) == _ids(expected)
    if query.limit is None:
        assert store.count_events(query) == len(expected)


def test_an_unknown_actor_in_a_query_is_refused(store: Store) -> None:
    with pytest.raises(QueryError, match="unknown actor 'Nobody'"):
        store.events(EventQuery.build(actor="Nobody"))
    with pytest.raises(QueryError, match="unknown actor 'Nobody'"):
        store.count_events(EventQuery.build(between=("Russia", "Nobody")))


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("date", [E1, E3, E2, E4, E5]),
        ("-date", [E5, E4, E2, E3, E1]),
        ("confidence", [E3, E4, E5, E1, E2]),
        ("-confidence", [E2, E1, E5, E4, E3]),
        ("type", [E4, E1, E5, E3, E2]),
        ("-type", [E2, E3, E5, E1, E4]),
    ],
)
def test_event_pages_sort(store: Store, sort: str, expected: list[Event]) -> None:
    assert store.event_page_ids(EventQuery(), sort=sort) == _ids(expected)
    assert store.event_page_ids(EventQuery(limit=2, offset=2), sort=sort) == _ids(expected)[2:4]


def test_a_bad_sort_is_refused(store: Store) -> None:
    with pytest.raises(QueryError, match="sort must be one of"):
        store.event_page_ids(EventQuery(), sort="salience")


def test_events_filtered_by_citing_documents_and_stories(store: Store) -> None:
    def ids(cited: CitedBy, query: EventQuery | None = None) -> list[str]:
        return store.event_page_ids(query or EventQuery(), cited)

    assert ids(CitedBy(documents=("d4",))) == [E1.id]
    assert ids(CitedBy(documents=("d2", "d3"))) == [E3.id, E2.id, E4.id]
    assert ids(CitedBy(documents=())) == []  # cited by none of no documents
    assert ids(CitedBy(stories=("s1", "s3"))) == [E1.id, E4.id]
    assert ids(CitedBy(documents=("d2",), stories=("s1",))) == []
    assert ids(CitedBy(documents=("d2",)), EventQuery.build(types=("REJECT",))) == [E3.id]
    assert store.count_events(EventQuery(), CitedBy(stories=("s2",))) == 2
    assert _ids(store.events_citing(["d1", "d2"])) == [E1.id, E2.id, E3.id]
    assert _ids(store.events_quoting("d4")) == [E1.id]
    assert _ids(store.events_quoting("d2", limit=1)) == [E3.id]


def test_events_are_found_by_id_and_unique_prefix(store: Store) -> None:
    assert store.event(E3.id) == replace(E3, confidence=0.444)
    assert store.event(" BBBB0 ") is not None  # a unique prefix, any case
    assert store.event("aaaa") is None  # two events start so
    assert store.event("bbb") is None  # too short a prefix
    assert store.event("%") is None and store.event("b" * 65) is None
    assert store.event_ids_starting("aaaa") == [E1.id, E2.id]
    assert store.event_ids_starting("a", limit=1) == [E1.id]
    assert store.event_ids_starting("x") == [] and store.event_ids_starting("") == []


def test_dyads(store: Store) -> None:
    assert [(e.id, day, across) for e, day, across in store.dyad_events("RUS", "USA")] == [
        (E2.id, "2021-04-01", True),
        (E3.id, "2021-04-01", True),
    ]
    assert [e.id for e, _, _ in store.dyad_events("KOR", "RUS")] == [E1.id, E4.id]
    assert store.dyad_events("KOR", "FRA") == []
    assert sorted(store.dyad_counts(), key=lambda r: (r["a"], r["b"], r["type"])) == [
        {"a": "KOR", "b": "RUS", "type": "AID", "modality": "future", "n": 1},
        {"a": "KOR", "b": "RUS", "type": "CONSULT", "modality": "asserted", "n": 1},
        {"a": "KOR", "b": "USA", "type": "PROTEST", "modality": "negated", "n": 1},
        {"a": "RUS", "b": "USA", "type": "REJECT", "modality": "asserted", "n": 1},
        {"a": "RUS", "b": "USA", "type": "SANCTION", "modality": "asserted", "n": 1},
    ]


def test_density_counts_events_per_first_day(store: Store) -> None:
    assert store.event_density(EventQuery()) == [
        {"day": "2021-03-25", "modality": "asserted", "n": 1, "coarse": 0},
        {"day": "2021-04-01", "modality": "asserted", "n": 2, "coarse": 0},
        {"day": "2022-01-01", "modality": "future", "n": 1, "coarse": 1},  # a year: coarse
        {"day": "9999-12-31", "modality": "negated", "n": 1, "coarse": 0},
    ]
    assert store.event_density(EventQuery(), CitedBy(documents=("d4",))) == [
        {"day": "2021-03-25", "modality": "asserted", "n": 1, "coarse": 0}
    ]


def test_facets_count_the_matching_events(store: Store) -> None:
    facets = store.event_facets(EventQuery(), None, (0.5, 0.8, 0.95), 2)
    assert facets["type"] == {"CONSULT": 1, "SANCTION": 1, "REJECT": 1, "AID": 1, "PROTEST": 1}
    assert facets["modality"] == {"asserted": 3, "future": 1, "negated": 1}
    assert facets["confidence"] == [4, 2, 0]
    assert facets["actor"] == [
        {"id": "RUS", "name": "Russia", "n": 3},
        {"id": "KOR", "name": "South Korea", "n": 3},
    ]
    assert facets["pair"] == [{"a": "KOR", "b": "RUS", "n": 2}, {"a": "RUS", "b": "USA", "n": 2}]
    assert sorted((r["event"], r["document"], r["story"]) for r in facets["documents"]) == [
        (E1.id, "d1", "s1"),
        (E1.id, "d4", "s1"),
        (E2.id, "d2", "s2"),
        (E3.id, "d2", "s2"),
        (E4.id, "d3", "s3"),
    ]
    only = store.event_facets(
        EventQuery.build(actor="Vladimir"), CitedBy(stories=("s2",)), (0.4,), 5
    )
    assert only["type"] == {"REJECT": 1} and only["confidence"] == [1]
    assert only["actor"] == [
        {"id": "USA", "name": "United States", "n": 1},
        {"id": "p-putin", "name": "Vladimir Putin", "n": 1},
    ]
    empty = store.event_facets(EventQuery.build(types=("ASSAULT",)), None, (0.5,), 5)
    assert empty["confidence"] == [0] and empty["actor"] == [] and empty["documents"] == []


# -- salience extras -----------------------------------------------------------


def test_salience_extras(store: Store) -> None:
    assert not store.all_scored() and len(store.unscored_events()) == 5
    store.save_extras(
        [(E1.id, {"salience": 0.7, "why": ("a", "b")}), (E2.id, {"salience": 0.9})], []
    )
    store.save_extras([], [(E1.id, {"salience": 0.2, "why": ["c"]}), (E3.id, {"salience": 1.0})])
    assert store.stored_extras([E1.id, E3.id, "zz"]) == {E1.id: {"salience": 0.2, "why": ["c"]}}
    assert _ids(store.unscored_events()) == [E3.id, E4.id, E5.id]
    assert [(e.id, s) for e, s in store.salient_events(EventQuery(), 5)] == [
        (E2.id, 0.9),
        (E1.id, 0.2),
    ]
    assert [e.id for e, _ in store.salient_events(EventQuery.build(types=("CONSULT",)), 5)] == [
        E1.id
    ]
    assert sorted((e.id, s, x) for e, s, x in store.scored_events()) == [
        (E1.id, 0.2, {"salience": 0.2, "why": ["c"]}),
        (E2.id, 0.9, {"salience": 0.9}),
    ]
    assert sorted(store.event_saliences()) == [(E1.id, 0.2), (E2.id, 0.9)]
    store.save_extras([(e.id, {"salience": 0.1}) for e in (E3, E4, E5)], [])
    assert store.all_scored()
    store.replace_events_of(["m1"], [replace(E1, id="ffff000000000001")])  # E1's extras go too
    assert sorted(store.event_saliences())[0] == (E2.id, 0.9) and not store.all_scored()
    assert store.stored_extras([E1.id]) == {}
    store.save_extras([("0123456789abcdef", {"salience": 0.5})], [])  # of no stored event
    store.replace_events([E4])  # every event's extras go with it; the stray row stays
    assert sorted(store.event_saliences()) == [("0123456789abcdef", 0.5)]
    assert not store.all_scored() and _ids(store.unscored_events()) == [E4.id]


# -- search, stamp, lifetime, the story index ------------------------------------


def test_search_finds_words_phrases_and_fields(store: Store) -> None:
    hits = store.search("talks")
    assert sorted(h["document"] for h in hits) == ["d1", "d4"]
    assert all(
        set(h) == {"document", "title", "snippet"} and "[talks]" in h["snippet"] for h in hits
    )
    assert {h["title"] for h in hits} == {"Talks in Seoul", "Talks"}
    assert "<b>sanctions</b>" in store.search("sanctions", marks=("<b>", "</b>"))[0]["snippet"]

    def found(q: str) -> list[str]:
        return sorted(h["document"] for h in store.search(q))

    assert found('"south korea" talks') == ["d1", "d4"]
    assert found("title:talks") == ["d1", "d4"] and found("title:russia") == []
    assert found("russia NOT korea") == ["d2"]
    assert found("sanction* OR aid") == ["d2", "d3"]
    assert found("SHOIGU") == ["d3"] and found("zebra") == []
    assert len(store.search("russia")) == 4 and len(store.search("russia", limit=2)) == 2
    for bad in ('"unbalanced', "russia OR", "NOT"):
        with pytest.raises(QueryError):
            store.search(bad)


def test_the_stamp_changes_on_every_write(new_store: Callable[[], Store]) -> None:
    s = new_store()
    first = s.stamp()
    assert s.stamp() == first
    s.add_document(_document("d1"))
    second = s.stamp()
    assert second != first
    s.quarantine(Quarantined("x", "y"))
    assert s.stamp() != second
    assert new_store().stamp() != s.stamp()  # another store never shares a state


def test_the_story_index_persists_in_the_store(new_store: Callable[[], Store]) -> None:
    with new_store() as s:
        s.story_index().add_many([("d1", TEXTS["d1"] * 20), ("d4", TEXTS["d1"] * 20)])
        index = s.story_index()  # another handle on the same index
        story = index.story_of("d1")
        assert story is not None and index.story_of("d4") == story
        assert len(index) == 2


# -- search: the token match reads queries as FTS5 does ------------------------------

_VOCAB = ("alpha", "beta", "gamma", "délta", "Epsilon", "zeta")


@pytest.fixture(scope="module")
def word_stores(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, Store]]:
    """Both stores holding the same 40 short texts over a six-word vocabulary."""
    rng = random.Random(18)
    sqlite = SQLiteStore(tmp_path_factory.mktemp("words") / "w.db")
    memory = MemoryStore()
    for n in range(40):
        text = " ".join(rng.choice(_VOCAB) for _ in range(rng.randint(1, 7))) + "."
        title = rng.choice([None, "", *_VOCAB])
        doc = Document(id=f"w{n:02d}", source=f"w{n}.txt", raw_text=text, text=text, title=title)
        for s in (sqlite, memory):
            s.add_document(doc)
    yield sqlite, memory
    sqlite.close()
    memory.close()


_WORDS = st.sampled_from([w.lower() for w in _VOCAB] + ["delta", "GAMMA", "al*", "e*"])
_PHRASE = st.lists(_WORDS.filter(lambda w: "*" not in w), min_size=2, max_size=2).map(
    lambda ws: '"' + " ".join(ws) + '"'
)
_TERMS = st.tuples(st.sampled_from(["", "title:", "text:"]), _WORDS | _PHRASE).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_TERMS, st.sampled_from(["", "AND", "OR", "NOT"])), min_size=1,
                max_size=4))  # fmt: skip
def test_search_reads_a_query_as_fts5_does(
    word_stores: tuple[Store, Store], parts: list[tuple[str, str]]
) -> None:
    q = " ".join(f"{term} {op}" for term, op in parts[:-1]) + " " + parts[-1][0]
    found = [sorted(h["document"] for h in s.search(q, limit=-1)) for s in word_stores]
    assert found[0] == found[1], q
