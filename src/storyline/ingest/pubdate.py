"""The publication day of an HTML page, voted from every signal the page gives.

Signals (``data/pubdate.toml`` names and weighs them): the URL, meta tags, JSON-LD,
``<time>`` elements, an RDF ``dc:date``, dates in inline scripts and in the article's
image URLs, the ``<title>``, the visible byline or dateline near the headline
("Erschienen am: 01.11.2023", "am Samstag, 3. Dezember 2011"), and htmldate's extensive
search as one voter. Each signal is *published*, *modified* or undetermined, and
modified ones weigh little, so "Letzte Änderung" loses to "Erschienen". Dates inside
related-article, teaser, comment and sidebar blocks are not the article's and count
for nothing (they are kept, as rejected, with that reason). A stamp with a time and an
offset is counted on the page's local day (``page_locale``), and numeric dates are read
in the page language's day/month order.

A day's score is the sum over signals of that signal's weight (a signal counts once per
day, so ten teaser ``<time>``s are one vote). The best-scoring day wins if it reaches
``min_score``; every other candidate is returned as a rejected ``DateCandidate`` with its
provenance, as ``MetadataStage`` keeps them.
"""

from __future__ import annotations

import json
import logging
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import lxml.html  # type: ignore[import-untyped]
from lxml import etree

from storyline.ingest.dates import date_from_url
from storyline.ingest.page_locale import PageLocale, page_locale
from storyline.ingest.page_text import (
    canonical_url,
    foreign_blocks,
    headline_index,
    parse_html,
    visible_lines,
)
from storyline.ingest.stamps import Stamp, find_stamps, first_stamp, in_order, local_day, rules
from storyline.records import DateCandidate

__all__ = ["DateSignal", "PageDate", "resolve_page_date"]

log = logging.getLogger(__name__)

_RDF = re.compile(r"""dc:date\s*(?:=\s*["']|>)\s*([^"'<]{6,40})""", re.IGNORECASE)
_MEDIA = re.compile(
    r"/(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)\d{0,12}\.(?:jpe?g|png|webp|gif)\b"
    r"|/d/(?P<y2>(?:19|20)\d\d)(?P<m2>[01]\d)(?P<d2>[0-3]\d)\b",
    re.IGNORECASE,
)
_MAX_JSON = 200_000
_PUNCT = " :|-–—,•"


@dataclass(frozen=True, slots=True)
class DateSignal:
    """One date a page gives, the signal it came from (a ``[weights]`` key) and the evidence."""

    day: date
    signal: str
    evidence: str


@dataclass(frozen=True, slots=True)
class PageDate:
    """The page's publication day (ISO) or None, why, and every candidate considered."""

    day: str | None
    evidence: str
    candidates: tuple[DateCandidate, ...]
    locale: str = ""


def resolve_page_date(
    html: str, url: str | None = None, root: lxml.html.HtmlElement | None = None
) -> PageDate:
    """The publication day of ``html`` (never raises on bad HTML; None when nothing dates it).

    ``root``: the page's tree (``page_text.parse_html``) when the caller has parsed it; it
    is read, never changed (htmldate and ``visible_lines`` work on copies)."""
    try:
        if root is None:
            root = parse_html(html)
    except (etree.ParserError, etree.LxmlError, ValueError):
        return PageDate(None, "", ())
    try:
        signals, locale = _signals(root, html, url)
    except (etree.LxmlError, ValueError, RecursionError) as exc:  # a page odd enough to break lxml
        log.debug("page date: %s", exc)
        return PageDate(None, "", ())
    return _vote(signals, locale)


# --------------------------------------------------------------------------- signals


def _signals(
    root: lxml.html.HtmlElement, html: str, url: str | None
) -> tuple[list[DateSignal], PageLocale]:
    data = rules()
    page_url = url or canonical_url(root)
    metas = list(_meta_values(root))
    ld = list(_json_ld_values(root))
    offsets = [s.offset for _, _, _, s in metas + ld if s is not None and s.offset is not None]
    offsets += [
        s.offset
        for node in root.iter("time")
        if (s := first_stamp(node.get("datetime") or "")) is not None and s.offset is not None
    ]
    locale = page_locale(root, page_url, offsets)
    zone = locale.zone if data["rules"]["convert_to_local"] else None
    out: list[DateSignal] = []

    def add(stamp: Stamp | None, signal: str, evidence: str) -> None:
        if stamp is not None:
            out.append(DateSignal(local_day(stamp, zone), signal, evidence))

    # each value was parsed once, before the page's day/month order was known
    for kind, key, value, stamp in metas:
        add(_ordered(stamp, locale), f"meta-{kind}", f'meta {key}="{value[:60]}"')
    for kind, key, value, stamp in ld:
        add(_ordered(stamp, locale), f"json-ld-{kind}", f'json-ld {key}="{value[:60]}"')
    out.extend(_time_signals(root, locale))
    for m in _RDF.finditer(html[:2_000_000]):
        add(first_stamp(m.group(1), locale.day_first), "rdf", f'dc:date "{m.group(1)[:40]}"')
    out.extend(_script_signals(root, locale))
    if page_url and (found := date_from_url(page_url)):
        out.append(DateSignal(date.fromisoformat(found[0]), "url", f"url {found[1]}"))
    title = " ".join((root.findtext(".//title") or "").split())
    for stamp in find_stamps(title, locale.day_first, limit=1):
        add(stamp, "title", f"title '{stamp.text}'")
    out.extend(_visible_signals(root, locale))
    out.extend(_htmldate_signal(root, page_url))
    return out, locale


def _ordered(stamp: Stamp | None, locale: PageLocale) -> Stamp | None:
    return None if stamp is None else in_order(stamp, locale.day_first)


def _meta_values(root: lxml.html.HtmlElement) -> Iterator[tuple[str, str, str, Stamp | None]]:
    names = rules()["meta"]
    for node in root.iter("meta"):
        key = (
            node.get("property") or node.get("name") or node.get("itemprop")
            or node.get("http-equiv") or ""
        ).lower()  # fmt: skip
        value = (node.get("content") or "").strip()
        if not value:
            continue
        for kind in ("published", "modified"):
            if key in names[kind]:
                yield kind, key, value, first_stamp(value)


def _json_ld_values(root: lxml.html.HtmlElement) -> Iterator[tuple[str, str, str, Stamp | None]]:
    keys = rules()["json_ld"]
    for node in root.iter("script"):
        if (node.get("type") or "").lower() != "application/ld+json" or not node.text:
            continue
        if len(node.text) > _MAX_JSON:
            continue
        try:
            doc = json.loads(node.text)
        except (json.JSONDecodeError, RecursionError):
            continue
        for obj in _objects(doc, 0):
            kinds = obj.get("@type")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            if any(k in keys["foreign_types"] for k in kinds if isinstance(k, str)):
                continue
            for kind in ("published", "modified"):
                for key in keys[kind]:
                    value = obj.get(key)
                    if isinstance(value, str) and (value := value.strip()):
                        yield kind, key, value, first_stamp(value)


def _objects(doc: object, depth: int) -> Iterator[dict[str, object]]:
    if depth > 6:
        return
    if isinstance(doc, list):
        for item in doc[:50]:
            yield from _objects(item, depth + 1)
    elif isinstance(doc, dict):
        yield doc
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            if key in doc:
                yield from _objects(doc[key], depth + 1)


def _epoch(value: str) -> Stamp | None:
    if value.isdigit() and len(value) in (10, 13):
        seconds = int(value) / (1000 if len(value) == 13 else 1)
        try:
            moment = datetime.fromtimestamp(seconds, tz=UTC)
        except (OverflowError, OSError, ValueError):
            return None
        return Stamp(moment.date(), value, 0, len(value), (moment.hour, moment.minute), 0)
    return None


def _time_kind(node: lxml.html.HtmlElement, text: str) -> str:
    words = rules()["time"]
    attrs = " ".join(
        (node.get(a) or "") for a in ("class", "id", "itemprop", "name")
    ).lower()  # fmt: skip
    cues = rules()["cues"]
    lowered = text.lower()
    if any(w in attrs for w in words["modified"]) and not any(
        w in attrs for w in words["published"]
    ):
        return "time-modified"
    if any(lowered.startswith(c) for c in cues["modified"]):
        return "time-modified"
    if node.get("pubdate") is not None or any(w in attrs for w in words["published"]):
        return "time-published"
    return "time"


def _time_signals(root: lxml.html.HtmlElement, locale: PageLocale) -> Iterator[DateSignal]:
    """``<time>`` elements: the article's own (marked published, or the first one at or
    after the headline) count; those in related/comment blocks are kept as rejected."""
    zone = locale.zone if rules()["rules"]["convert_to_local"] else None
    head = root.find(".//h1")
    after_head = head is None
    foreign = foreign_blocks(root)
    first_plain = True
    for node in root.iter():
        if node is head:
            after_head = True
            continue
        if node.tag != "time" and (node.get("itemprop") or "") not in (
            "datePublished",
            "dateModified",
        ):
            continue
        if node.tag == "meta":
            continue  # read with the meta tags
        raw = (node.get("datetime") or node.get("content") or "").strip()
        text = " ".join(" ".join(node.itertext()).split())[:80]
        stamp = _epoch(raw) or first_stamp(raw, locale.day_first) if raw else None
        if stamp is None and text:
            stamp = first_stamp(text, locale.day_first)
        if stamp is None:
            continue
        day = local_day(stamp, zone)
        evidence = f'<time datetime="{raw[:40]}">{text[:40]}'
        if foreign(node):
            yield DateSignal(day, "related", evidence + " (in a related/comment block)")
            continue
        kind = _time_kind(node, text)
        if kind == "time":
            if not after_head or not first_plain:
                yield DateSignal(day, "related", evidence + " (not the article's first date)")
                continue
            first_plain = False
        yield DateSignal(day, kind, evidence)


def _script_signals(root: lxml.html.HtmlElement, locale: PageLocale) -> Iterator[DateSignal]:
    keys = "|".join(re.escape(k) for k in rules()["script"]["keys"])
    pattern = re.compile(
        rf"""(?:{keys})["']?\s*[:=(,]\s*["']([^"'\n]{{6,40}})["']""", re.IGNORECASE
    )
    seen = 0
    for node in root.iter("script"):
        if (node.get("type") or "").lower() == "application/ld+json" or not node.text:
            continue
        for m in pattern.finditer(node.text[:200_000]):
            stamp = first_stamp(m.group(1), locale.day_first)
            if stamp is not None:
                yield DateSignal(stamp.day, "script", f"script {m.group(0)[:60]}")
                seen += 1
                if seen >= 3:
                    return


def _visible_signals(root: lxml.html.HtmlElement, locale: PageLocale) -> Iterator[DateSignal]:
    """Bylines with a cue anywhere in the article, else the first date line by the headline;
    image URLs of the article's own blocks."""
    data = rules()
    lines, media = visible_lines(root)
    head = headline_index(root, lines)
    cues = data["cues"]
    found = 0
    for i, line in enumerate(lines[:600]):
        if len(line) > 240:
            continue
        stamps = find_stamps(line, locale.day_first, limit=3)
        if not stamps:
            continue
        prev_end = 0
        for stamp in stamps:
            before = line[prev_end : stamp.start].lower().strip(_PUNCT)
            if not before and i > 0 and len(lines[i - 1]) <= 40:
                before = lines[i - 1].lower().strip(_PUNCT)
            after = line[stamp.end : stamp.end + 30].lower().strip(_PUNCT)
            prev_end = stamp.end
            kind = _cue(before, cues)
            if kind is None and any(after.startswith(w) for w in cues["published_after"]):
                kind = "byline-published"  # "am Samstag, 3. Dezember 2011 veröffentlicht"
            if kind is None:
                near = head is not None and (
                    head < i <= head + data["rules"]["lines_after_headline"]
                    or head - data["rules"]["lines_before_headline"] <= i < head
                )
                rest = len(line) - len(stamp.text)
                if not near or found or rest > data["rules"]["byline_max_extra_chars"]:
                    continue
                kind = "byline"
            found += 1
            yield DateSignal(stamp.day, kind, f"visible line {i}: '{line[:80]}'")
            if found >= 4:
                break
        if found >= 4:
            break
    days: dict[date, int] = defaultdict(int)
    for src in media:
        for m in _MEDIA.finditer(src):
            y, mo, d = (m["y"], m["m"], m["d"]) if m["y"] else (m["y2"], m["m2"], m["d2"])
            try:
                days[date(int(y), int(mo), int(d))] += 1
            except ValueError:
                continue
    if days:
        day, count = max(days.items(), key=lambda kv: (kv[1], kv[0]))
        yield DateSignal(day, "media-url", f"{count} image/link URL(s) dated {day}")


def _cue(before: str, cues: dict[str, list[str]]) -> str | None:
    """``byline-published`` / ``byline-modified`` when the text before a date ends with
    (or is) a cue; the cue nearest the date decides."""
    best: tuple[int, str] | None = None
    for kind in ("published", "modified"):
        for cue in (c.strip(_PUNCT) for c in cues[kind]):
            pos = before.rfind(cue)
            if pos >= 0 and len(before) - (pos + len(cue)) <= 25:
                rank = pos + len(cue)
                if best is None or rank > best[0] or (rank == best[0] and kind == "modified"):
                    best = (rank, kind)
    return None if best is None else f"byline-{best[1]}"


def _htmldate_signal(root: lxml.html.HtmlElement, url: str | None) -> Iterator[DateSignal]:
    import htmldate  # deferred: a heavy import only the HTML reader needs

    try:  # given a tree, htmldate prunes a copy of it
        found = htmldate.find_date(
            root, url=url, extensive_search=True, original_date=True, outputformat="%Y-%m-%d"
        )
    except Exception as exc:
        log.debug("htmldate failed: %s", exc)
        return
    if found:
        try:
            yield DateSignal(date.fromisoformat(found), "htmldate", f"htmldate extensive {found}")
        except ValueError:
            return


# --------------------------------------------------------------------------- vote


def _vote(signals: list[DateSignal], locale: PageLocale) -> PageDate:
    data = rules()
    weights: dict[str, float] = data["weights"]
    lo = date(data["rules"]["min_year"], 1, 1)
    hi = date.today() + timedelta(days=1)
    valid = [s for s in signals if lo <= s.day <= hi]
    if any(s.signal.endswith("-published") for s in valid):  # published beats modified
        weights = {k: (0.0 if k.endswith("-modified") else v) for k, v in weights.items()}
    scores: dict[date, float] = defaultdict(float)
    counted: set[tuple[date, str]] = set()
    for s in valid:
        if (s.day, s.signal) in counted:
            continue
        counted.add((s.day, s.signal))
        scores[s.day] += weights.get(s.signal, 0.0)
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    winner = ranked[0] if ranked and ranked[0][1] >= data["rules"]["min_score"] else None
    candidates: list[DateCandidate] = []
    top = max(data["weights"].values())
    for s in valid:
        weight = weights.get(s.signal, 0.0)
        candidates.append(
            DateCandidate(s.day.isoformat(), f"html-{s.signal}", round(weight / top, 3), s.evidence)
        )
    for s in signals:
        if not lo <= s.day <= hi:
            candidates.append(
                DateCandidate(
                    s.day.isoformat(), f"html-{s.signal}", 0.0, s.evidence + " (implausible day)"
                )
            )
    if winner is None:
        return PageDate(None, "", tuple(candidates), locale.describe())
    day, score = winner
    sources = sorted({s.signal for s in valid if s.day == day})
    rejected = [f"{d} ({sc:.1f})" for d, sc in ranked[1:4]]
    evidence = f"{day} score {score:.1f} from {', '.join(sources)}"
    if rejected:
        evidence += f"; rejected {', '.join(rejected)}"
    candidates.sort(key=lambda c: (c.value != day.isoformat(), -c.confidence))
    return PageDate(day.isoformat(), evidence, tuple(candidates), locale.describe())
