"""Synthesize a corpus of N news articles from the example corpus.

Dates, names and sentence order vary per article so that neither the store's
content-hash de-duplication nor any cache flatters the figures: each output
article is distinct text with its own header date.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PEOPLE = [
    ("Sergey Lavrov", "Annalena Baerbock"), ("Vladimir Putin", "Emmanuel Macron"),
    ("Moon Jae-in", "Olaf Scholz"), ("Chung Eui-yong", "Antony Blinken"),
    ("Choe Son Hui", "Wang Yi"), ("Kim Jong-un", "Recep Tayyip Erdogan"),
    ("Georgy Zinoviev", "Jake Sullivan"), ("Yoon Suk Yeol", "Narendra Modi"),
]  # fmt: skip
COUNTRIES = [
    ("South Korea", "Germany"), ("Russia", "France"), ("North Korea", "Turkey"),
    ("Seoul", "Berlin"), ("Moscow", "Paris"), ("Pyongyang", "Ankara"),
    ("United Kingdom", "Brazil"), ("Ukraine", "Poland"), ("Kiev", "Warsaw"),
]  # fmt: skip


def _paragraphs() -> list[str]:
    paras = []
    for f in sorted((ROOT / "examples").glob("*.txt")):
        text = re.sub(r"^ date \S+( https?://\S+)?", "", f.read_text(encoding="utf-8"))
        paras += [p.strip() for p in re.split(r"\n\s*\n", text) if len(p.split()) >= 12]
    return paras


def article(rng: random.Random, paras: list[str], words: int = 600) -> tuple[str, str]:
    day = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3650))
    body: list[str] = []
    while sum(len(p.split()) for p in body) < words:
        p = rng.choice(paras)
        sentences = re.split(r"(?<=[.!?])\s+", p)
        rng.shuffle(sentences)
        p = " ".join(sentences)
        for a, b in PEOPLE + COUNTRIES:
            if rng.random() < 0.3:
                p = p.replace(a, b)
        p = re.sub(r"\b(19|20)\d\d\b", lambda m: str(rng.randrange(1990, 2025)), p)
        body.append(p)
    return day.isoformat(), "\n\n".join(body)


def reprint(rng: random.Random, date: str, text: str) -> tuple[str, str]:
    """Another outlet's copy of an article: a day or two later, as is, trimmed or extended."""
    day = dt.date.fromisoformat(date) + dt.timedelta(days=rng.randrange(1, 3))
    paras = text.split("\n\n")
    kind = rng.randrange(3)
    if kind == 1 and len(paras) > 2:
        paras = paras[:-1]  # trimmed
    elif kind == 2:
        paras = [*paras, "Readers can follow our coverage of this story on our website."]
    return day.isoformat(), "\n\n".join(paras)


def synthesize(out: Path, n: int, seed: int = 7, words: int = 600, copies: float = 0.0) -> Path:
    """``n`` articles in ``out``; a ``copies`` share of them reprint an earlier one
    (near-duplicates: stories with several members, events reported twice)."""
    rng = random.Random(seed)
    paras = _paragraphs()
    out.mkdir(parents=True, exist_ok=True)
    made: list[tuple[str, str]] = []
    for i in range(n):
        if made and copies > 0 and rng.random() < copies:
            date, text = reprint(rng, *rng.choice(made))
        else:
            date, text = article(rng, paras, words)
            made.append((date, text))
        (out / f"{i:07d}.txt").write_text(f" date {date} {text}\n", encoding="utf-8")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("out", type=Path)
    ap.add_argument("-n", type=int, default=1000)
    ap.add_argument("--words", type=int, default=600)
    ap.add_argument("--copies", type=float, default=0.0, help="share of reprinted articles")
    args = ap.parse_args()
    synthesize(args.out, args.n, words=args.words, copies=args.copies)


if __name__ == "__main__":
    main()
