# ruff: noqa: E501  (the articles are prose, one paragraph per line)
"""A labelled evaluation set for story clustering, and pairwise precision/recall.

Positives (same story) are variants of a base article: truncations, extensions,
inserted boilerplate (navigation, banners, footers), paragraph shuffles, light
rewording (synonym swaps of a few % of words) and combinations of them.
Negatives (distinct stories) are the base articles themselves: the five real seeds
(all on Korea and Russia, two of them one story), hand-written articles reporting
the facts of seed 001 in other words, and template-written articles on the same
topic that share the wire's stock phrasing and the same page boilerplate.

    .venv/bin/python bench/dedup/labelled.py            # the threshold table
    .venv/bin/python bench/dedup/labelled.py --seed 3   # another draw
"""

from __future__ import annotations

import argparse
import itertools
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from storyline.dedup import StoryConfig, cluster, fingerprint_many  # noqa: E402
from storyline.dedup.memory import candidates  # noqa: E402
from storyline.dedup.verify import linked  # noqa: E402

SEEDS = ROOT / "tests" / "data" / "seeds"
GOLD_SEED_STORIES = [["000", "001"], ["002"], ["003"], ["004"]]

BOILERPLATE = [
    "Home | World | Politics | Economy | Sport",
    "Subscribe to our newsletter for the latest news",
    "All news",
    "Share this article on Facebook Twitter Telegram",
    "Copyright 2024. All rights reserved. Reproduction without permission is prohibited.",
    "Read more: the latest updates on the Korean Peninsula",
    "Advertisement",
    "Follow us on Telegram and VK for breaking news and analysis",
]

SYNONYMS = {
    "said": "stated",
    "stated": "said",
    "visit": "trip",
    "talks": "negotiations",
    "minister": "secretary",
    "president": "leader",
    "countries": "nations",
    "country": "nation",
    "important": "significant",
    "plans": "intentions",
    "meeting": "session",
    "also": "additionally",
    "relations": "ties",
    "cooperation": "collaboration",
    "situation": "circumstances",
    "global": "worldwide",
    "possible": "potential",
    "continue": "carry on",
    "agreed": "concurred",
    "announced": "declared",
    "issue": "matter",
    "support": "backing",
    "the": "the",
    "we": "we",
    "will": "shall",
    "new": "fresh",
    "began": "started",
    "however": "but",
    "between": "among",
    "early": "beginning of",
    "told": "informed",
}

# Articles on seed 001's facts, worded independently: distinct stories (same facts,
# different text), which must not join the seed's story.
REWRITES = [
    """Lavrov: Putin could travel to Seoul once the pandemic eases

Vladimir Putin intends to go to South Korea when conditions around COVID-19 allow it, the head of Russian diplomacy told the Yonhap agency in remarks published on Tuesday.

Speaking ahead of the thirtieth anniversary of diplomatic ties between Moscow and Seoul, Sergey Lavrov recalled that Moon Jae-in had travelled to Russia in the summer of 2018 and had invited the Russian leader in return.

According to the minister, trade between the two economies is approaching 25 billion dollars a year, and an interregional forum of Russian and Korean regions should hold its third meeting in Korea in 2021.

On the peninsula, Lavrov described the situation as calm on the whole and repeated that Moscow backs dialogue among Pyongyang, Seoul and Washington, including on the nuclear question.

Many anniversary events planned for 2020 were cancelled because of the virus, he added, expressing hope that they can take place next year.""",
    """Russia's foreign minister says presidential trip to South Korea depends on epidemic

MOSCOW - A long-discussed trip by the Russian president to the Republic of Korea remains on the agenda but will only happen after the coronavirus outbreak subsides, Foreign Minister Sergey Lavrov said in an interview given to a South Korean news agency.

Lavrov pointed to the visit by South Korean President Moon Jae-in to Russia in June 2018 as one of the high points of the relationship, which marks three decades this year.

He said Seoul ranks among Moscow's main economic partners worldwide, with bilateral commerce close to 25 billion US dollars, and praised contacts between Russian and Korean regions.

The minister said tensions on the Korean Peninsula had been contained, and that Russia had consistently supported talks between the two Koreas and between Washington and Pyongyang.

Relations between the two states were established in 1990. Celebrations of the "Year of Mutual Exchange" have largely been postponed due to the pandemic.""",
]

PEOPLE = [
    "Sergey Lavrov",
    "Chung Eui-yong",
    "Choe Son Hui",
    "Georgy Zinoviev",
    "Park Jin",
    "Maria Zakharova",
    "Andrei Rudenko",
    "Cho Tae-yong",
    "Dmitry Peskov",
    "Yoon Suk Yeol",
]
PLACES = ["Moscow", "Seoul", "Pyongyang", "Vladivostok", "Busan", "Khabarovsk", "Beijing"]
TOPICS = [
    "sanctions",
    "grain exports",
    "energy supplies",
    "a fishing agreement",
    "direct flights",
    "the nuclear issue",
    "military drills",
    "visa rules",
    "humanitarian aid",
    "a railway project",
    "port access",
    "student exchanges",
]
TEMPLATES = [
    "{p1} said on {day} that {c1} and {c2} will discuss {t1} at a meeting in {city}.",
    '"We are ready to continue our dialogue on {t1}," {p1} told reporters in {city}.',
    "{p2} reiterated that {c2} opposes any unilateral steps on {t2}.",
    "The talks in {city} were the first of their kind since {year}, officials said.",
    "According to {p2}, the volume of trade linked to {t2} fell by {n} percent last year.",
    "{p1} also said that the situation on the Korean Peninsula remains tense.",
    "Earlier, {c1} announced new measures concerning {t1}, which {c2} called unfriendly.",
    "Analysts in {city} said the move could affect {t2} for months.",
    "The minister said {n} companies had applied for permits related to {t1}.",
    "{p2} is expected to travel to {city2} in {month} to continue the consultations.",
    '"Our position on {t2} has not changed," {p1} said in an interview with {agency}.',
    "{agency} reported that a delegation of {n} officials arrived in {city2} on {day}.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
MONTHS = ["March", "April", "June", "September", "November"]
AGENCIES = ["Yonhap", "TASS", "RIA Novosti", "KCNA", "Interfax"]
COUNTRIES = ["Russia", "South Korea", "North Korea", "China", "Japan"]


# Background blocks an outlet appends to many distinct stories (as TASS appends its
# "Global coronavirus crisis" block): sharing one must not merge two stories.
BACKGROUND = [
    """Background

In late December 2019, Chinese officials informed the World Health Organization about an outbreak of a previously unknown pneumonia in Wuhan. Since then, cases of the novel coronavirus have been reported in every corner of the globe, including Russia and South Korea.

On March 11, 2020, the WHO declared the outbreak a pandemic. Earlier, the Russian government set up an Internet hotline to keep the public updated on the coronavirus situation.""",
    """Background

Diplomatic relations between the Soviet Union and the Republic of Korea were established on September 30, 1990. Russia and North Korea signed a treaty on friendship, good-neighbourliness and cooperation in February 2000, and a comprehensive strategic partnership treaty in June 2024.

Russia has repeatedly called for the settlement of all issues on the Korean Peninsula exclusively by political and diplomatic means.""",
]


def template_article(rng: random.Random, paragraphs_range: tuple[int, int] = (6, 12)) -> str:
    """A same-topic article in stock wire phrasing, different facts each time."""
    slots = {
        "p1": rng.choice(PEOPLE),
        "p2": rng.choice(PEOPLE),
        "c1": rng.choice(COUNTRIES),
        "c2": rng.choice(COUNTRIES),
        "t1": rng.choice(TOPICS),
        "t2": rng.choice(TOPICS),
        "city": rng.choice(PLACES),
        "city2": rng.choice(PLACES),
        "day": rng.choice(DAYS),
        "month": rng.choice(MONTHS),
        "agency": rng.choice(AGENCIES),
        "year": str(rng.randint(1995, 2022)),
    }
    paragraphs = []
    for _ in range(rng.randint(*paragraphs_range)):
        sentences = []
        for _ in range(rng.randint(2, 3)):
            slots["n"] = str(rng.randint(2, 90))
            sentences.append(rng.choice(TEMPLATES).format(**slots))
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs)


def seed_texts() -> dict[str, str]:
    out = {}
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        out[path.name[:3]] = re.sub(r"^ date \S+ (?:\S+://\S+\s)?", "", text, count=1)
    return out


def _paragraphs(text: str) -> list[str]:
    return [p for p in re.split(r"\n\s*\n|\n", text) if p.strip()]


def reword(text: str, rate: float, rng: random.Random) -> str:
    words = text.split(" ")
    swappable = [i for i, w in enumerate(words) if w.lower() in SYNONYMS]
    k = min(len(swappable), round(rate * len(words)))
    for i in rng.sample(swappable, k):
        words[i] = SYNONYMS[words[i].lower()]
    return " ".join(words)


def variant(text: str, kind: str, rng: random.Random) -> str:
    """One same-story variant of ``text``."""
    paras = _paragraphs(text)
    if kind == "truncate":
        keep = max(2, round(len(paras) * rng.uniform(0.35, 0.9)))
        paras = paras[:keep]
    elif kind == "extend":
        extra = _paragraphs(template_article(rng))[: rng.randint(2, 5)]
        paras = paras + extra
    elif kind == "boilerplate":
        head = rng.sample(BOILERPLATE, rng.randint(1, 3))
        tail = rng.sample(BOILERPLATE, rng.randint(1, 3))
        paras = head + paras + tail
    elif kind == "shuffle":
        rng.shuffle(paras)
    elif kind == "trim-hard":
        keep = max(2, round(len(paras) * rng.uniform(0.15, 0.35)))
        start = rng.randint(0, len(paras) - keep)
        paras = paras[start : start + keep]
    elif kind == "reword":
        return reword(text, rng.uniform(0.02, 0.06), rng)
    elif kind == "reword-heavy":
        return reword(text, rng.uniform(0.08, 0.15), rng)
    elif kind == "combo":
        keep = max(2, round(len(paras) * rng.uniform(0.5, 0.9)))
        paras = [rng.choice(BOILERPLATE), *paras[:keep], rng.choice(BOILERPLATE)]
        return reword("\n\n".join(paras), rng.uniform(0.01, 0.04), rng)
    return "\n\n".join(paras)


KINDS = (
    "truncate",
    "trim-hard",
    "extend",
    "boilerplate",
    "shuffle",
    "reword",
    "reword-heavy",
    "combo",
)


def labelled_set(
    seed: int = 0, templates: int = 30
) -> tuple[list[tuple[str, str]], dict[str, str]]:
    """(docs, gold story label per doc id), deterministic for ``seed``."""
    rng = random.Random(seed)
    # base id -> (story label, text); a background block is kept apart as a suffix
    # that variants keep whole (an outlet appends it to every version)
    bases: dict[str, tuple[str, str]] = {}
    suffixes: dict[str, str] = {}
    seeds = seed_texts()
    for story in GOLD_SEED_STORIES:
        for sid in story:
            bases[f"seed{sid}"] = (f"seed-story-{story[0]}", seeds[sid])
    for i, text in enumerate(REWRITES):
        bases[f"rewrite{i}"] = (f"rewrite{i}", text)
    for i in range(templates):
        # every template article also carries the same page boilerplate, so
        # sharing boilerplate alone must not merge distinct stories
        body = template_article(rng)
        bases[f"tmpl{i:02d}"] = (f"tmpl{i:02d}", f"{BOILERPLATE[0]}\n\n{body}\n\n{BOILERPLATE[4]}")
    for i in range(templates // 2):
        # short distinct stories followed by the outlet's shared background block
        body = template_article(rng, (2, 4))
        bases[f"bg{i:02d}"] = (f"bg{i:02d}", body)
        suffixes[f"bg{i:02d}"] = "\n\n" + BACKGROUND[i % len(BACKGROUND)]
    docs: list[tuple[str, str]] = []
    gold: dict[str, str] = {}
    for base, (label, text) in bases.items():
        suffix = suffixes.get(base, "")
        docs.append((base, text + suffix))
        gold[base] = label
        for kind in KINDS:
            for j in range(2):
                doc = f"{base}-{kind}{j}"
                docs.append((doc, variant(text, kind, rng) + suffix))
                gold[doc] = label
    rng.shuffle(docs)
    return docs, gold


def pairwise(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float, int, int]:
    """Pairwise precision and recall of a predicted partition; false pos/neg pair counts."""
    tp = fp = fn = 0
    for a, b in itertools.combinations(sorted(gold), 2):
        same_gold, same_pred = gold[a] == gold[b], pred[a] == pred[b]
        tp += same_gold and same_pred
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, fp, fn


def evaluate(config: StoryConfig, seed: int) -> tuple[float, float, int, int]:
    docs, gold = labelled_set(seed)
    pred = {m.document: s.id for s in cluster(docs, config) for m in s.members}
    return pairwise(pred, gold)


def candidate_recall(config: StoryConfig, seed: int) -> tuple[int, int, int]:
    """(linked pairs, of them found by candidate generation, candidates verified).

    Brute force says which pairs ``linked`` accepts; the question is how many of
    them the exact/LSH/paragraph/anchor keys put in front of the verifier.
    """
    docs, _ = labelled_set(seed)
    fps = fingerprint_many(docs, config)
    truth = {(a.doc, b.doc) for a, b in itertools.combinations(fps, 2) if linked(a, b, config)}
    single: dict[int, list[int]] = {}
    anchors: dict[int, list[int]] = {}
    found = set()
    verified = 0
    for n, fp in enumerate(fps):
        for m in candidates(fp, single, anchors, config):
            verified += 1
            found.add((fps[m].doc, fp.doc))
        for key in fp.single_keys:
            single.setdefault(key, []).append(n)
        for key in fp.anchors:
            anchors.setdefault(key, []).append(n)
    return len(truth), len(truth & found), verified


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, nargs="+", default=[0, 1, 2])
    parser.add_argument("--candidates", action="store_true", help="candidate recall per keys")
    args = parser.parse_args()
    if args.candidates:
        print("| fingerprint config | linked pairs | found by candidates | verified pairs |")
        print("|---|---|---|---|")
        for kw in (
            {},
            {"anchor_rate": 32},
            {"num_perm": 64, "bands": 16, "rows": 4},
            {"num_perm": 64, "bands": 16, "rows": 4, "anchor_rate": 32},
            {"anchor_rate": 10**9},  # LSH + paragraph keys only (no anchors)
            {"num_perm": 64, "bands": 8, "rows": 8, "anchor_rate": 10**9},
        ):
            config = StoryConfig(**kw)  # type: ignore[arg-type]
            totals = [candidate_recall(config, s) for s in args.seed]
            t, f, v = (sum(x[i] for x in totals) for i in range(3))
            print(f"| {kw or 'defaults'} | {t} | {f} ({f / t:.4f}) | {v} |")
        return
    docs, gold = labelled_set(args.seed[0])
    print(
        f"labelled set: {len(docs)} docs, {len(set(gold.values()))} stories per seed; "
        f"seeds {args.seed}"
    )
    print("| jaccard | containment | precision | recall | false +pairs | false -pairs |")
    print("|---|---|---|---|---|---|")
    for jt, ct in itertools.product(
        (0.3, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7), (0.6, 0.7, 0.75, 0.8, 0.85, 0.9)
    ):
        config = StoryConfig(jaccard_threshold=jt, containment_threshold=ct)
        results = [evaluate(config, s) for s in args.seed]
        p = sum(r[0] for r in results) / len(results)
        r = sum(r[1] for r in results) / len(results)
        fp = sum(r[2] for r in results)
        fn = sum(r[3] for r in results)
        print(f"| {jt} | {ct} | {p:.4f} | {r:.4f} | {fp} | {fn} |")


if __name__ == "__main__":
    main()
