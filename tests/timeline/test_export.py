"""Exports parse in the tools they are for."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

from storyline.timeline.export import ExportFormat, export_events

from .helpers import LAVROV, event

EVENTS = [
    event("a", date="2018-06-21"),
    event("b", type_="SANCTION", date="2023-12", src=LAVROV),
    event("c", type_="SANCTION", date="2023-12-05", modality="future", src=LAVROV),
]
NS = "{http://graphml.graphdrawing.org/xmlns}"


def test_json_and_csv() -> None:
    data = json.loads(export_events(EVENTS, ExportFormat.json, {"a": 1.5}))
    assert [e["id"] for e in data] == ["a", "b", "c"] and data[0]["salience"] == 1.5
    rows = list(csv.DictReader(io.StringIO(export_events(EVENTS, ExportFormat.csv))))
    assert len(rows) == 3 and rows[1]["quad"] == "verbal conflict"
    assert rows[0]["citations"] == "d0:0-29"


def test_timelinejs_shape() -> None:
    data = json.loads(export_events(EVENTS, ExportFormat.timelinejs, title="T"))
    assert data["title"]["text"]["headline"] == "T"
    first, month = data["events"][0], data["events"][1]
    assert first["start_date"] == {"year": "2018", "month": "6", "day": "21"}
    assert "end_date" not in first
    assert month["end_date"] == {"year": "2023", "month": "12", "day": "31"}
    assert month["group"] == "SANCTION" and month["text"]["headline"]


def test_graphml_aggregates_edges_per_source_target_type() -> None:
    root = ET.fromstring(export_events(EVENTS, ExportFormat.graphml))
    graph = root.find(f"{NS}graph")
    assert graph is not None
    nodes = {n.get("id") for n in graph.findall(f"{NS}node")}
    assert nodes == {"RUS", "KOR", "lavrov"}
    edges = graph.findall(f"{NS}edge")
    assert len(edges) == 2  # RUS->KOR CONSULT, lavrov->KOR SANCTION (two events)
    sanction = next(e for e in edges if e.get("source") == "lavrov")
    data = {d.get("key"): d.text for d in sanction.findall(f"{NS}data")}
    assert data["weight"] == "2" and float(data["score"] or 0) == -4.5


def test_markdown_marks_planned_events() -> None:
    md = export_events(EVENTS, ExportFormat.md)
    assert "**2023-12-05** (planned)" in md and "[d0:0-29]" in md
