"""Hostile input is quarantined with a reason, never stops a run, never corrupts."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from storyline.ingest.readers import iter_inputs, read_bytes
from storyline.records import Quarantined, RawDocument
from storyline.timex import tag


def _reasons(name: str, data: bytes) -> list[str]:
    return [r.reason if isinstance(r, Quarantined) else "ok" for r in read_bytes(name, data)]


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("big.jsonl", b'{"text": "Talks were held.", "n": ' + b"1" * 5000 + b"}\n", "4300 digits"),
        ("deep.json", b"[" * 100_000 + b"]" * 100_000, "nested deeper"),
        ("deep.jsonl", b'{"text": "a b", "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}\n",
         "nested deeper"),
        ("surrogate.jsonl", b'{"text": "bad \\ud800 text and more words"}\n', "lone surrogate"),
    ],
)  # fmt: skip
def test_json_that_python_cannot_take_is_quarantined(name: str, data: bytes, reason: str) -> None:
    (got,) = _reasons(name, data)
    assert reason in got


def test_a_good_record_beside_a_hostile_one_is_read(tmp_path: Path) -> None:
    data = b'{"text": "bad \\ud800 words"}\n{"text": "Russia and Japan held talks."}\n'
    kinds = [type(r) for r in read_bytes("mixed.jsonl", data)]
    assert kinds == [Quarantined, RawDocument]


def test_a_file_name_that_is_not_utf8_is_read_and_can_be_shown(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path)
    name = os.path.join(folder, b"caf\xe9.txt")
    with open(name, "wb") as fh:
        fh.write(b" date 2024-02-07\nRussia and South Korea held talks in Seoul.\n")
    (doc,) = list(iter_inputs([tmp_path]))
    assert isinstance(doc, RawDocument)
    assert doc.source.endswith("caf\\xe9.txt")
    doc.source.encode("utf-8")  # storable


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_device_is_read_no_further_than_the_limit() -> None:
    (got,) = list(iter_inputs(["/dev/zero"], max_bytes=10_000))
    assert isinstance(got, Quarantined) and "limit" in got.reason


@pytest.mark.parametrize("header", ["2024-13-45", "2023-02-30", "0000-00-00", "0001-01-01"])
def test_an_impossible_header_date_never_becomes_a_publication_date(header: str) -> None:
    (doc,) = list(read_bytes("a.txt", f" date {header}\nRussia held talks.\n".encode()))
    assert isinstance(doc, RawDocument) and doc.date_hints == ()


def test_relative_dates_against_the_calendars_edge_do_not_overflow() -> None:
    assert tag("It happened yesterday and will go on tomorrow.", "0001-01-01") == []
    assert tag("It happened yesterday.", "9999-12-31") == []


def test_a_stray_byte_in_utf8_is_replaced_and_reported_not_transcoded() -> None:
    from storyline.ingest.decode import decode_bytes

    good = "Lavrov’s visit to Seoul — the talks went well, officials said.".encode()
    text, encoding = decode_bytes(good[:10] + b"\xff" + good[10:])
    assert "Lavrov’s" in text and "\ufffd" in text
    assert encoding == "utf-8 (1 invalid byte replaced)"
    # a legacy code page with no UTF-8 characters is still read as what it is
    assert decode_bytes("Лавров посетил Сеул".encode("cp1251")) == ("Лавров посетил Сеул", "cp1251")


def test_mixed_encodings_are_read_line_by_line_and_reported() -> None:
    from storyline.ingest.decode import decode_bytes

    utf8 = "Lavrov’s visit to Seoul — the talks went well.\n".encode()
    legacy = "Café crème for the delegation in Paris.\n".encode("cp1252")
    text, encoding = decode_bytes(utf8 + legacy + utf8)
    assert "Lavrov’s" in text and "Café crème" in text
    assert encoding == "utf-8 (1 line cp1252)"


def _tree(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    (root / "locked").mkdir(parents=True)
    (root / "locked" / "hidden.txt").write_text("Russia and Japan held talks.\n")
    (root / "open.txt").write_text("Russia and Japan held talks again.\n")
    (root / "loop").symlink_to(root, target_is_directory=True)  # not followed
    return root


def test_a_directory_that_cannot_be_listed_is_reported_not_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # as root every directory can be listed: refuse this one as the kernel would
    root = _tree(tmp_path)
    scandir = os.scandir

    def refuse(path: str | os.PathLike[str] = ".") -> object:
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refuse)
    got = [(r.source, getattr(r, "reason", "ok")) for r in iter_inputs([root])]
    assert got == [
        (str(root / "locked"), "directory cannot be read: Permission denied"),
        (str(root / "open.txt"), "ok"),
    ]


@pytest.mark.skipif(os.geteuid() == 0, reason="root lists any directory")
def test_a_directory_without_read_permission_is_reported(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    (root / "locked").chmod(0)
    try:
        got = [(r.source, getattr(r, "reason", "ok")) for r in iter_inputs([root])]
    finally:
        (root / "locked").chmod(0o755)
    assert got[0] == (str(root / "locked"), "directory cannot be read: Permission denied")
    assert got[1:] == [(str(root / "open.txt"), "ok")]


@pytest.mark.parametrize("value", ["10000-01-01", "-7979-03-01", "2024-13-45", "0000-00-00"])
def test_an_impossible_metadata_date_never_becomes_a_publication_date(value: str) -> None:
    data = json.dumps({"text": "Russia and Japan held talks.", "date_publish": value}).encode()
    (doc,) = list(read_bytes("a.json", data))
    assert isinstance(doc, RawDocument) and doc.date_hints == ()
    (good,) = list(read_bytes("a.json", data.replace(value.encode(), b"2024-02-07")))
    assert isinstance(good, RawDocument) and [h.value for h in good.date_hints] == ["2024-02-07"]


def test_extract_events_names_a_lone_surrogate_instead_of_a_unicode_error() -> None:
    from storyline import extract_events

    with pytest.raises(ValueError, match=r"lone surrogate \('\\ud800'\) at character 4"):
        extract_events("bad \ud800 text", "2020-05-01")
