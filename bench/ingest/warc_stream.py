"""A ~1 GB crawl WARC through the streaming reader, in bounded memory, against FastWARC alone.

    .venv/bin/python bench/ingest/warc_stream.py --gb 1.0          # make (once) and measure
    .venv/bin/python bench/ingest/warc_stream.py --gb 0.05 --keep  # a quick look

The WARC is generated (``bench/out/``, git-ignored; deleted afterwards unless
``--keep``) from the 2,000 real wire stories of ``../shared/realnews/newswire``, each
wrapped as a news page (header, navigation, inline style and script, related links,
footer: about 11 KB of HTML). Like a crawler's output, every page has its ``request``
record; the response bodies rotate through plain, ``Transfer-Encoding: chunked``,
``Content-Encoding: gzip`` and both; every third page brings a JPEG (random bytes,
30-60 KB), every 40th a PDF, every 25th a 404 page, every 10th a ``metadata`` and
every 20th a ``revisit`` record. The file itself is plain WARC (not gzipped), so MB/s
is bytes of WARC read per second.

Each phase runs in its own process, so its peak RSS is its own:

* ``library``: FastWARC alone iterating every record and reading its block (the floor);
* ``records``: ``ingest.warc.iter_warc`` -- framing, HTTP decoding, skip counting;
* ``reader``: ``iter_inputs`` -- the above plus HTML main-text extraction (trafilatura)
  into documents, with ``--max-bytes`` at its default (20 MB, per record);
* ``language``: ``reader`` plus language detection on each document's text;
* ``build`` (``--phases ...,build``): ``storyline build`` of the file into a new store
  (two workers, default chunks), the RSS of its whole process tree sampled twice a
  second (the pages repeat the 2,000 stories: about 2,000 distinct documents reach the
  language model, the rest are counted duplicates).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import resource
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
NEWSWIRE = ROOT.parent / "shared" / "realnews" / "newswire"
OUT = ROOT / "bench" / "out"

STYLE = "body{font-family:Georgia,serif;margin:0}.nav a{padding:4px 8px;color:#036}" * 30
SCRIPT = (
    "window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}"
    "gtag('js',new Date());gtag('config','UA-000000-1');var ads={slot:'top',size:[728,90]};"
) * 25
NAV = "".join(
    f'<a href="/section/{s}">{s.title()}</a>'
    for s in (
        "world",
        "politics",
        "business",
        "markets",
        "technology",
        "science",
        "health",
        "sport",
        "culture",
        "opinion",
        "video",
        "podcasts",
        "weather",
        "travel",
        "style",
        "obituaries",
    )
    * 3
)


def _stories() -> list[tuple[str, str, list[str]]]:
    out = []
    for path in sorted(NEWSWIRE.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").split("\n")
        date = lines[0].replace("date", "").strip()
        paras = [p.strip() for p in "\n".join(lines[3:]).split("\n\n") if p.strip()]
        out.append((date, lines[1].strip(), paras))
    return out


def _page(date: str, title: str, paras: list[str], related: list[str]) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paras)
    rel = "".join(f'<li><a href="/story/{i}">{t}</a></li>' for i, t in enumerate(related))
    html = (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f'<meta property="article:published_time" content="{date}T08:00:00Z">'
        f"<style>{STYLE}</style><script>{SCRIPT}</script></head><body>"
        f'<header><div class="logo">The Bench Herald</div><nav class="nav">{NAV}</nav></header>'
        f"<main><article><h1>{title}</h1><p class='byline'>By Staff, {date}</p>{body}</article>"
        f"<aside><h2>Related</h2><ul>{rel}</ul></aside></main>"
        "<footer><p>Subscribe to our newsletter</p><p>© The Bench Herald. All rights reserved."
        "</p></footer></body></html>"
    )
    return html.encode("utf-8")


def _chunked(body: bytes, size: int = 4096) -> bytes:
    parts = [
        b"%x\r\n%s\r\n" % (len(body[i : i + size]), body[i : i + size])
        for i in range(0, len(body), size)
    ]
    return b"".join(parts) + b"0\r\n\r\n"


def _record(kind: str, uri: str, block: bytes, n: int, ctype: str) -> bytes:
    head = (
        f"WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n"
        f"WARC-Date: 2024-03-05T10:{n // 60 % 60:02d}:{n % 60:02d}Z\r\n"
        f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{n:012d}>\r\n"
        f"Content-Type: {ctype}\r\nContent-Length: {len(block)}\r\n\r\n"
    )
    return head.encode("ascii") + block + b"\r\n\r\n"


def _http(body: bytes, ctype: str, extra: str = "", status: str = "200 OK") -> bytes:
    return f"HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\n{extra}\r\n".encode() + body


def generate(path: Path, target_bytes: int) -> dict[str, int]:
    """Write the benchmark WARC; return the count of each kind of record."""
    stories = _stories()
    rng = random.Random(16)
    counts: Counter[str] = Counter()
    serial = [0]

    def response(uri: str, body: bytes, ctype: str, extra: str = "", status: str = "200 OK"):
        serial[0] += 1
        block = _http(body, ctype, extra, status)
        return _record("response", uri, block, serial[0], "application/http; msgtype=response")

    def other(kind: str, uri: str, block: bytes, ctype: str) -> bytes:
        serial[0] += 1
        return _record(kind, uri, block, serial[0], ctype)

    encodings = (
        ("plain", ""),
        ("chunked", "Transfer-Encoding: chunked\r\n"),
        ("gzip", "Content-Encoding: gzip\r\n"),
        ("chunked+gzip", "Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n"),
    )
    size = 0
    with path.open("wb") as fh:
        fh.write(other("warcinfo", "", b"software: storyline bench\r\n", "application/warc-fields"))
        i = 0
        while size < target_bytes:
            date, title, paras = stories[i % len(stories)]
            uri = f"https://herald.example/{date}/story-{i}"
            related = [stories[(i + k) % len(stories)][1] for k in range(1, 9)]
            html = _page(date, title, paras, related)
            name, extra = encodings[i % 4]
            body = gzip.compress(html, 6, mtime=0) if "gzip" in name else html
            body = _chunked(body) if "chunked" in name else body
            get = f"GET /{i} HTTP/1.1\r\nHost: herald.example\r\n\r\n".encode()
            recs = [
                ("request", other("request", uri, get, "application/http; msgtype=request")),
                (f"page {name}", response(uri, body, "text/html; charset=utf-8", extra)),
            ]
            if i % 3 == 0:
                img = rng.randbytes(rng.randint(30_000, 60_000))
                recs.append(("image/jpeg", response(uri + ".jpg", img, "image/jpeg")))
            if i % 40 == 0:
                pdf = b"%PDF-1.4\n" + rng.randbytes(120_000)
                recs.append(("application/pdf", response(uri + ".pdf", pdf, "application/pdf")))
            if i % 25 == 0:
                gone = b"<html><body><h1>Not found</h1></body></html>"
                recs.append(("404", response(uri + "/x", gone, "text/html", "", "404 Not Found")))
            if i % 10 == 0:
                links = b"outlinks: " + b" ".join(b"/story/%d" % k for k in range(40)) + b"\r\n"
                recs.append(("metadata", other("metadata", uri, links, "application/warc-fields")))
            if i % 20 == 0:
                recs.append(("revisit", other("revisit", uri, _http(b"", "text/html"), "x")))
            for kind, data in recs:
                fh.write(data)
                size += len(data)
                counts[kind] += 1
            i += 1
    return dict(counts)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def phase(name: str, path: Path) -> dict[str, Any]:
    """One phase over the file, in this process (imports and model loads before the clock)."""
    import trafilatura  # noqa: F401  (imported lazily by the reader: not in its time)
    from fastwarc.warc import ArchiveIterator

    from storyline.ingest import iter_inputs
    from storyline.ingest.language import _identifier, detect_language
    from storyline.ingest.warc import WarcPage, iter_warc
    from storyline.records import RawDocument

    if name == "language":
        _identifier()
    started = time.perf_counter()
    out: dict[str, Any] = {"phase": name}
    if name == "library":
        records = nbytes = 0
        with path.open("rb") as fh:
            for rec in ArchiveIterator(fh, parse_http=False):
                nbytes += len(rec.reader.read())
                records += 1
        out.update(records=records, block_bytes=nbytes)
    elif name == "records":
        kinds: Counter[str] = Counter()
        with path.open("rb") as fh:
            for item in iter_warc(fh, max_record_bytes=20_000_000):
                kinds[type(item).__name__ if not isinstance(item, WarcPage) else "page"] += 1
        out.update(records=sum(kinds.values()), kinds=dict(kinds))
    else:
        skipped: Counter[str] = Counter()
        docs = quarantined = 0
        languages: Counter[str] = Counter()
        for item in iter_inputs([path], skipped=skipped):
            if isinstance(item, RawDocument):
                docs += 1
                if name == "language":
                    languages[detect_language(item.raw_text, item.language_declared).code] += 1
            else:
                quarantined += 1
        out.update(
            records=docs + quarantined + sum(skipped.values()),
            documents=docs,
            quarantined=quarantined,
            skipped=dict(skipped.most_common()),
        )
        if name == "language":
            out["languages"] = dict(languages)
    seconds = time.perf_counter() - started
    size = path.stat().st_size
    out.update(
        seconds=round(seconds, 1),
        records_per_s=round(out["records"] / seconds),
        mb_per_s=round(size / 1e6 / seconds, 1),
        peak_rss_mb=round(_peak_mb()),
    )
    if "documents" in out:
        out["documents_per_s"] = round(out["documents"] / seconds, 1)
    return out


def build_phase(path: Path) -> dict[str, Any]:
    """``storyline build`` of the WARC, its process tree's peak RSS sampled meanwhile."""
    import tempfile

    import psutil

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        exe = Path(sys.executable).parent / "storyline"
        cmd = [str(exe), "build", str(path), "--db", str(db), "--workers", "2", "-q", "-f", "json"]
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
        main, tree = 0, 0
        watched = psutil.Process(proc.pid)
        while proc.poll() is None:
            try:
                procs = [watched, *watched.children(recursive=True)]
                rss = [p.memory_info().rss for p in procs]
            except psutil.Error:
                rss = []
            if rss:
                main, tree = max(main, rss[0]), max(tree, sum(rss))
            time.sleep(0.5)
        report = json.loads(proc.stdout.read() if proc.stdout else "{}")
        seconds = time.perf_counter() - started
    records = report["inputs"] + report.get("skipped", 0)
    return {
        "phase": "build",
        "records": records,
        "seconds": round(seconds, 1),
        "records_per_s": round(records / seconds),
        "mb_per_s": round(path.stat().st_size / 1e6 / seconds, 1),
        "peak_rss_mb": round(main / 1e6),
        "peak_rss_tree_mb": round(tree / 1e6),
        "report": {
            k: report.get(k)
            for k in (
                "inputs",
                "new",
                "duplicates",
                "quarantined",
                "skipped",
                "event_mentions",
                "events",
                "steps",
            )
        },
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--gb", type=float, default=1.0, help="size of the WARC to make")
    ap.add_argument("--keep", action="store_true", help="keep the WARC in bench/out/")
    ap.add_argument("--phase", help=argparse.SUPPRESS)
    ap.add_argument("--file", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--phases", default="library,records,reader")
    args = ap.parse_args()
    if args.phase:
        print(json.dumps(phase(args.phase, args.file)))
        return
    if not NEWSWIRE.is_dir():
        raise SystemExit(f"needs the real wire stories: {NEWSWIRE}")
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"crawl-{args.gb:g}gb.warc"
    t0 = time.perf_counter()
    if not path.exists():
        counts = generate(path, int(args.gb * 1e9))
        print(
            json.dumps(
                {
                    "generated": str(path),
                    "bytes": path.stat().st_size,
                    "seconds": round(time.perf_counter() - t0, 1),
                    "records": counts,
                }
            )
        )
    size = path.stat().st_size
    results = []
    try:
        for name in args.phases.split(","):
            if name == "build":
                results.append(build_phase(path))
                print(json.dumps(results[-1]), flush=True)
                continue
            done = subprocess.run(
                [sys.executable, __file__, "--phase", name, "--file", str(path)],
                check=True,
                capture_output=True,
                text=True,
                env={**os.environ},
            )
            results.append(json.loads(done.stdout.strip().splitlines()[-1]))
            print(json.dumps(results[-1]), flush=True)
    finally:
        if not args.keep:
            path.unlink(missing_ok=True)
    base = next((r for r in results if r["phase"] == "library"), None)
    print(f"\nWARC of {size / 1e9:.2f} GB\n")
    print("| phase | records | records/s | MB/s | peak RSS (MB) | time vs library |")
    print("|---|---:|---:|---:|---:|---:|")
    for r in results:
        ratio = f"{r['seconds'] / base['seconds']:.1f}x" if base and base["seconds"] else "-"
        tree = f" (process tree {r['peak_rss_tree_mb']})" if "peak_rss_tree_mb" in r else ""
        print(
            f"| {r['phase']} | {r['records']:,} | {r['records_per_s']:,} | {r['mb_per_s']} | "
            f"{r['peak_rss_mb']}{tree} | {ratio} |"
        )


if __name__ == "__main__":
    main()
