"""Rebuild the ingest fixtures: ``python tests/data/ingest/build_fixtures.py``.

The fixtures are committed; this script documents how each was made (encodings,
gzip, WARC framing) so they can be regenerated or extended.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

HERE = Path(__file__).parent

ARTICLE_HTML = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Ministers agree to reopen border crossing | Example Herald</title>
<meta property="og:title" content="Ministers agree to reopen border crossing">
<meta property="og:site_name" content="Example Herald">
<meta property="article:published_time" content="2023-05-14T09:30:00+00:00">
<link rel="canonical" href="https://www.exampleherald.com/world/2023/05/14/border-crossing">
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article>
<h1>Ministers agree to reopen border crossing</h1>
<p>VIENNA, May 14. The foreign ministers of Austria and Hungary agreed on Sunday to reopen the
Nickelsdorf border crossing for freight traffic from the first of June, officials said.</p>
<p>The decision followed three hours of talks in Vienna, where both ministers said the closure
had cost local businesses millions of euros in lost trade.</p>
<p>"We have found a practical solution that respects the concerns of both sides," the Austrian
minister told reporters after the meeting.</p>
</article></main>
<aside><h2>Related articles</h2><ul>
<li><a href="/a">Trade talks stall as ministers leave Brussels early</a></li>
<li><a href="/b">Freight volumes drop for the third month in a row</a></li>
</ul></aside>
<footer><p>Copyright 2023 Example Herald. All rights reserved. Contact: desk@exampleherald.com</p>
</footer></body></html>
"""

NO_TEXT_HTML = """<!DOCTYPE html><html><head><title></title></head>
<body><div><img src="a.png"></div><script>var x = 1;</script></body></html>
"""

CP1251_TEXT = (
    "Министр иностранных дел России Сергей Лавров провёл переговоры в Москве.\n\n"
    "Стороны обсудили двустороннее сотрудничество и ситуацию в регионе.\n"
)
UTF16_TEXT = (
    " date 2022-03-01\nZürich, the Swiss foreign minister said on Tuesday that talks will resume.\n"
)
LATIN1_TEXT = "São Paulo: the café owners' association said prices would rise next année.\n"

RECORDS = [
    {
        "title": "Leaders meet in Geneva",
        "url": "https://news.example.org/2021/06/16/geneva-summit",
        "date_publish": "2021-06-16 10:00:00",
        "maintext": "GENEVA, June 16 (Reuters) - The two presidents met for talks in Geneva on "
        "Wednesday, their first meeting since the start of the year.",
    },
    {
        "headline": "Talks postponed",
        "date": "2021-07-02",
        "text": "The talks planned for next week were postponed, the ministry said on Friday.",
    },
]


def warc_record(headers: dict[str, str], payload: bytes) -> bytes:
    lines = ["WARC/1.0", *(f"{k}: {v}" for k, v in headers.items())]
    lines.append(f"Content-Length: {len(payload)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + payload + b"\r\n\r\n"


def build() -> None:
    (HERE / "article.html").write_text(ARTICLE_HTML, encoding="utf-8")
    (HERE / "no_text.html").write_text(NO_TEXT_HTML, encoding="utf-8")
    (HERE / "cp1251.txt").write_bytes(CP1251_TEXT.encode("cp1251"))
    (HERE / "utf16.txt").write_bytes(UTF16_TEXT.encode("utf-16"))
    (HERE / "utf8_bom.txt").write_bytes(
        b"\xef\xbb\xbf" + "Caf\u00e9 talks resumed today.\n".encode()
    )
    (HERE / "latin1.txt").write_bytes(LATIN1_TEXT.encode("latin-1"))
    lines = [json.dumps(RECORDS[0]), "{not json at all", json.dumps(RECORDS[1])]
    (HERE / "export.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    custom = [
        {
            "headline": "Custom export",
            "body": "The envoy arrived in Seoul on Monday.",
            "ts": "2020-01-06",
        }
    ]
    (HERE / "custom.json").write_text(json.dumps(custom), encoding="utf-8")
    seed = (HERE.parent / "seeds" / "003_9575b9c55e492da0.txt").read_bytes()
    (HERE / "scrape.txt.gz").write_bytes(gzip.compress(seed, mtime=0))
    http = (
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
        + ARTICLE_HTML.encode("utf-8")
    )
    image = b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n"
    warc = b"".join(
        [
            warc_record(
                {"WARC-Type": "warcinfo", "WARC-Date": "2023-05-15T00:00:00Z"},
                b"software: test\r\n",
            ),
            warc_record(
                {
                    "WARC-Type": "response",
                    "WARC-Target-URI": "https://www.exampleherald.com/world/2023/05/14/border-crossing",
                    "WARC-Date": "2023-05-15T08:00:00Z",
                },
                http,
            ),
            warc_record(
                {"WARC-Type": "response", "WARC-Target-URI": "https://x.example/a.png"}, image
            ),
        ]
    )
    (HERE / "crawl.warc.gz").write_bytes(gzip.compress(warc, mtime=0))
    broken = HERE / "broken"
    broken.mkdir(exist_ok=True)
    (broken / "empty.txt").write_bytes(b"")
    (broken / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (broken / "bad.json").write_text('[{"text": "unterminated"', encoding="utf-8")


if __name__ == "__main__":
    build()
