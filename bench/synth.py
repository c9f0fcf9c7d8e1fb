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


def _sentences() -> list[str]:
    """A wider pool for short articles: the examples' sentences and every hand-written
    evaluation sentence of the project (events, actors, TimeML dev source)."""
    import json

    pool = [s for p in _paragraphs() for s in re.split(r"(?<=[.!?])\s+", p)]
    for path in (ROOT / "bench/events/dev.jsonl", ROOT / "bench/events/heldout.jsonl",
                 ROOT / "tests/actors/data/generalization.jsonl",
                 ROOT / "tests/actors/data/heldout.jsonl"):  # fmt: skip
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                pool.append(json.loads(line)["text"])
    timex = (ROOT / "bench/timex/dev_source.txt").read_text(encoding="utf-8")
    timex = re.sub(r"\[\[([^|\]]+)\|[^\]]*\]\]", r"\1", timex)  # [[text|TYPE|value]]
    pool += re.split(r"(?<=[.!?])\s+", timex)
    clean = (s.strip() for s in pool if not re.search(r"[\[\]|]", s))
    return sorted({s for s in clean if len(s.split()) >= 8})


def mixed_article(
    rng: random.Random, pool: list[str], vocab: list[str], words: int = 60
) -> tuple[str, str]:
    """A short article of sentences from anywhere in the pool, each with names,
    years and a few content words swapped, so articles share no long passages (as
    distinct real articles do not) while reading like news to the parser."""
    day = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3650))
    body: list[str] = []
    while sum(len(s.split()) for s in body) < words:
        sentence = rng.choice(pool)
        for a, b in PEOPLE + COUNTRIES:
            if rng.random() < 0.3:
                sentence = sentence.replace(a, b)
        sentence = re.sub(r"\b(19|20)\d\d\b", lambda m: str(rng.randrange(1990, 2025)), sentence)
        tokens = sentence.split(" ")
        content = [i for i, t in enumerate(tokens) if t.isalpha() and t.islower() and len(t) > 3]
        for i in rng.sample(content, min(len(content), max(2, len(content) // 5))):
            tokens[i] = rng.choice(vocab)
        body.append(" ".join(tokens))
    return day.isoformat(), " ".join(body)


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


def synthesize(
    out: Path, n: int, seed: int = 7, words: int = 600, copies: float = 0.0, mixed: bool = False
) -> Path:
    """``n`` articles in ``out``; a ``copies`` share of them reprint an earlier one
    (near-duplicates: stories with several members, events reported twice).

    ``mixed``: short articles of perturbed sentences from a wide pool
    (``mixed_article``) instead of reshuffled example paragraphs; use it for
    many short articles, which the few example paragraphs would make near-copies
    of each other."""
    rng = random.Random(seed)
    paras = _paragraphs()
    pool = _sentences() if mixed else []
    vocab = sorted({w for s in pool for w in s.split() if w.isalpha() and w.islower()})
    out.mkdir(parents=True, exist_ok=True)
    made: list[tuple[str, str]] = []
    for i in range(n):
        if made and copies > 0 and rng.random() < copies:
            date, text = reprint(rng, *rng.choice(made))
        elif mixed:
            date, text = mixed_article(rng, pool, vocab, words)
            made.append((date, text))
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
    ap.add_argument("--mixed", action="store_true", help="short articles from a wide pool")
    args = ap.parse_args()
    synthesize(args.out, args.n, words=args.words, copies=args.copies, mixed=args.mixed)


if __name__ == "__main__":
    main()
