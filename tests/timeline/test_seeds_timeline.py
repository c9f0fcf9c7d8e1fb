"""The timeline views on the seed store: merge properties, relations, the CLI."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from storyline.cli import app
from storyline.events.merge import merge_mentions
from storyline.records import EventMention
from storyline.store.query import EventQuery, QueryError
from storyline.store.sqlite import SQLiteStore
from storyline.timeline.relations import relations, relations_chart, top_dyads

pytestmark = pytest.mark.slow  # the seeds built by the whole pipeline

runner = CliRunner()


def _run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout


@pytest.fixture(scope="module")
def seed_mentions(seeds_db: Path) -> tuple[list[EventMention], dict[str, str], dict[str, str]]:
    with SQLiteStore(seeds_db, read_only=True) as store:
        texts = {d["id"]: store.load_document(d["id"]).text for d in store.documents()}  # type: ignore[union-attr]
        return store.event_mentions(), store.story_map(), texts


_PROPS = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@_PROPS
@given(data=st.data())
def test_every_merged_event_cites_spans_of_the_stored_text(
    seed_mentions: tuple[list[EventMention], dict[str, str], dict[str, str]], data: Any
) -> None:
    mentions, stories, texts = seed_mentions
    picked = data.draw(
        st.lists(st.sampled_from(mentions), min_size=1, max_size=40, unique_by=lambda m: m.id)
    )
    for e in merge_mentions(picked, stories):
        assert e.evidence
        for ev in e.evidence:
            assert texts[ev.document][ev.start : ev.end] == ev.text


@_PROPS
@given(data=st.data())
def test_merging_the_seeds_is_independent_of_order(
    seed_mentions: tuple[list[EventMention], dict[str, str], dict[str, str]], data: Any
) -> None:
    mentions, stories, _ = seed_mentions
    order = data.draw(st.permutations(mentions))
    assert merge_mentions(order, stories) == merge_mentions(mentions, stories)


def test_the_000_001_copies_give_no_doubled_event(seeds_db: Path, doc_ids: dict[str, str]) -> None:
    pair = {doc_ids["000_2221fbde58aa21e0.txt"], doc_ids["001_aa7b5d49928f772c.txt"]}
    with SQLiteStore(seeds_db, read_only=True) as store:
        events = store.events(EventQuery())
    keys = [(e.type, e.modality, e.date, e.date_end,
             tuple(sorted({a.country or "" for a in (*e.source, *e.target)})))
            for e in events if {ev.document for ev in e.evidence} & pair]  # fmt: skip
    assert len(keys) == len(set(keys))
    visit = [e for e in events if e.type == "CONSULT" and e.date == "2018-06-21"]
    assert len(visit) == 1 and {ev.document for ev in visit[0].evidence} == pair


def test_relations_rus_kor_cooperate_in_2020_21_and_sanction_in_2023(seeds_db: Path) -> None:
    with SQLiteStore(seeds_db, read_only=True) as store:
        data = relations(store, "Russia", "South Korea", period="quarter")
        month = relations(store, "RUS", "KOR", period="month")
    assert data["a"] == {"code": "RUS", "name": "Russia"} and data["b"]["code"] == "KOR"
    by = {r["period"]: r for r in data["series"]}
    coop = [r["score"] for p, r in by.items() if p[:4] in ("2020", "2021") and r["events"]]
    assert coop and all(s > 0 for s in coop)
    assert by["2023-Q4"]["score"] < 0 and by["2023-Q4"]["counts"] == {"SANCTION": 1}
    assert {r["period"] for r in month["series"] if r["score"] < 0} >= {"2023-12"}
    assert sum(data["counts"].values()) == data["events"]
    assert data["key_events"] and all("salience" in e for e in data["key_events"])
    periods = [r["start"] for r in data["series"]]
    assert periods == sorted(periods) and len(set(periods)) == len(periods)


def test_relations_reject_unknown_actors_and_periods(seeds_db: Path) -> None:
    with SQLiteStore(seeds_db, read_only=True) as store:
        with pytest.raises(QueryError, match="unknown actor"):
            relations(store, "Atlantis", "KOR")
        with pytest.raises(QueryError, match="period"):
            relations(store, "RUS", "KOR", period="decade")
        dyads = top_dyads(store, limit=3)
    assert dyads[0]["a"]["code"] == "KOR" and dyads[0]["b"]["code"] == "RUS"
    assert len(dyads) == 3 and dyads[0]["events"] >= dyads[1]["events"]


def test_relations_chart_writes_png_and_svg(seeds_db: Path, tmp_path: Path) -> None:
    with SQLiteStore(seeds_db, read_only=True) as store:
        data = relations(store, "RUS", "KOR")
    relations_chart(data, tmp_path / "c.png", tmp_path / "c.svg")
    assert (tmp_path / "c.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert ET.parse(tmp_path / "c.svg").getroot().tag.endswith("svg")


# ----------------------------------------------------------------------------- CLI


def test_timeline_top_gives_the_most_salient_in_date_order(seeds_db: Path) -> None:
    code, out = _run("timeline", "--db", str(seeds_db), "--top", "5", "-f", "json")
    assert code == 0
    top = json.loads(out)
    code, out = _run("timeline", "--db", str(seeds_db), "-f", "json")
    every = json.loads(out)
    assert len(top) == 5
    cutoff = min(e["salience"] for e in top)
    assert sum(1 for e in every if e["salience"] > cutoff) < 5
    starts = [e["date"] for e in top]
    assert starts == sorted(starts)


def test_timeline_marks_planned_and_reported(seeds_db: Path) -> None:
    code, out = _run("timeline", "--db", str(seeds_db), "--modality", "future", "-f", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and all("planned" in r["event"] for r in rows)
    assert any("(reported)" in r["date"] for r in rows)


def test_timeline_summary_picks_dates_with_cited_sentences(seeds_db: Path) -> None:
    code, out = _run("timeline", "--db", str(seeds_db), "--summary", "--dates", "3")
    assert code == 0
    assert len(re.findall(r"^## ", out, re.M)) == 3
    cites = re.findall(r"\[([0-9a-f]+):(\d+)-(\d+)\]", out)
    assert cites
    with SQLiteStore(seeds_db, read_only=True) as store:
        for doc, start, end in cites:
            text = store.load_document(doc).text  # type: ignore[union-attr]
            sentence = text[int(start) : int(end)]
            assert " ".join(sentence.split()) in out
    code, out = _run("timeline", "--db", str(seeds_db), "--summary", "--dates", "2", "-f", "json")
    assert code == 0 and len(json.loads(out)) == 2


def test_relations_command_table_json_and_chart(seeds_db: Path, tmp_path: Path) -> None:
    code, out = _run("relations", "RUS", "KOR", "--db", str(seeds_db))
    assert code == 0 and "2023-Q4" in out and "SANCTION" in out
    chart = tmp_path / "rel"
    code, out = _run("relations", "Russia", "KOR", "--db", str(seeds_db), "--period", "month",
                     "-f", "json", "--chart", str(chart))  # fmt: skip
    assert code == 0 and json.loads(out)["period"] == "month"
    assert (tmp_path / "rel.png").stat().st_size > 0 and (tmp_path / "rel.svg").stat().st_size > 0
    code, _ = _run("relations", "Atlantis", "KOR", "--db", str(seeds_db))
    assert code == 2


@pytest.mark.parametrize("fmt", ["json", "csv", "md", "timelinejs", "graphml"])
def test_export_every_format_parses(seeds_db: Path, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"out.{fmt}"
    code, _ = _run("export", "--db", str(seeds_db), "--format", fmt, "--output", str(target),
                   "--between", "RUS", "KOR")  # fmt: skip
    assert code == 0
    text = target.read_text(encoding="utf-8")
    if fmt == "json":
        data = json.loads(text)
        assert data and all({"id", "evidence", "salience"} <= set(e) for e in data)
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(text)))
        assert rows and all(r["citations"] for r in rows)
    elif fmt == "md":
        assert text.startswith("# ") and "> " in text
    elif fmt == "timelinejs":
        data = json.loads(text)
        assert data["events"] and all(
            {"start_date", "text", "group"} <= set(e) for e in data["events"]
        )
        assert all(set(e["start_date"]) == {"year", "month", "day"} for e in data["events"])
    else:
        root = ET.fromstring(text)
        assert root.tag.endswith("graphml")


def test_dyads_command(seeds_db: Path) -> None:
    code, out = _run("dyads", "--db", str(seeds_db), "-f", "json", "--limit", "2")
    assert code == 0 and len(json.loads(out)) == 2
