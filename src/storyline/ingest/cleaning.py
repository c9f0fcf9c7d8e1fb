"""Cleaning of scraped article text: drop page furniture, keep the article.

Every rule is about the *shape* of a line, never about a particular outlet:
clocks (``City: 08:46``), contact lines (phones, e-mails and their labels),
counters and marquee banners, all-caps section labels, bare date lines, short
link-like lines at the top or bottom edge (``All news``), a teaser list of other
articles at the end (paragraphs headed ``06.04.2021 - Title``), and passages
repeated inside one article.

The clean text is built only from raw slices (``Segment``) joined by ``"\\n"``
or ``"\\n\\n"`` (a blank line in the raw text before the kept line), or by
nothing when a line starts with ``,;:.)]`` (a sentence broken across lines); the join
characters are the only characters of ``text`` that no segment covers, so every
other character maps back to the raw text and evidence offsets stay exact.

A page's reader comments follow its article in the raw text, behind ``COMMENTS_MARK``
(``with_comments``; the HTML reader puts them there). They are not the article: every
comment line becomes a removal with the reason ``comments`` (its text kept, so the
comments are stored and shown apart), and no rule of the article sees them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from storyline.ingest.boilerplate import boilerplate_reasons
from storyline.ingest.dates import find_dates
from storyline.ingest.text_units import Line, normalize, sentence_spans, split_lines, word_count
from storyline.pipeline import StageStats
from storyline.records import Document, Removal, Segment

__all__ = [
    "COMMENTS_MARK",
    "HEADER",
    "PAGE_FORMATS",
    "CleanStage",
    "Cleaned",
    "article_end",
    "clean_text",
    "parse_header",
    "with_comments",
]

#: Formats whose raw text an HTML extractor produced: page boilerplate rules apply
#: (``ingest.boilerplate``), the text-scrape menu rules (edge links, all-caps lines) do not.
PAGE_FORMATS = frozenset({"html", "warc"})

#: The header line of text scrapes: `` date YYYY-MM-DD [URL]`` (the article may follow on it).
HEADER = re.compile(
    r"\A[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})(?:[ \t]+(https?://\S+))?[ \t]*(?:\r?\n)?"
)

#: The line between a page's article and its reader comments in the raw text: the ASCII
#: record separator, a character no extracted text keeps (``with_comments`` removes it
#: from both parts), and blank to every line rule.
COMMENTS_MARK = "\x1e"
_COMMENTS_SEPARATOR = f"\n\n{COMMENTS_MARK}\n\n"

_CLOCK = re.compile(r"^[^\W\d][\w .'-]{0,30}:\s*[0-2]?\d:[0-5]\d(?:\s*[ap]\.?m\.?)?$", re.I)
#: Bounded parts (RFC 5321 lengths), so a long line without "@" is scanned in linear time.
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}")
#: Telephone labels and contact words in the languages of the pages read (English, German,
#: Spanish, Portuguese, French, Italian, Polish: "Telefon:", "Kontakt:", "Teléfono:").
_PHONE_LABEL = r"tel|phone|fax|mob|mobile|t|f|telefon|telefone|tel[eé]fono|t[eé]l[eé]phone"
_PHONE = re.compile(rf"^(?:(?:{_PHONE_LABEL})\.?:?\s*)?[+(\d][\d\s()+./-]{{6,}}$", re.I)
_CONTACT_WORD = re.compile(
    r"\b(?:contacts?|quer(?:y|ies)|enquir(?:y|ies)|inquir(?:y|ies)|phone|tel|fax|e-?mail|hotline"
    r"|kontakt|contacto|contato|telefon|telefone|tel[eé]fono|t[eé]l[eé]phone)\b",
    re.I,
)
#: A time of day inside a line ("17.07.2011 @ 13:04", "at 9:15 pm").
_TIME = re.compile(r"(?<![\d:])[0-2]?\d:[0-5]\d(?![\d:])")
_COUNTER = re.compile(
    r"^\d[\d,]*\s+(?:days?|hours?|weeks?|months?|years?)\s+(?:have|has)\s+passed\s+since\b", re.I
)
_WS_RUN = re.compile(r"\s{8,}")
_DATE_HEAD = re.compile(r"^\s*(?P<date>[^-–—|]{6,24}?)\s*[-–—|]\s+\S")
_CONTINUATION = frozenset(",;:.)]")
_SENTENCE_END = (".", "!", "?", ",", ";", ":", '"', "”", "’", "»", ")")


@dataclass(frozen=True, slots=True)
class Cleaned:
    """The clean text, the raw slices it is made of, and what was dropped and why."""

    text: str
    segments: tuple[Segment, ...]
    removals: tuple[Removal, ...]


def parse_header(raw: str) -> tuple[str, str | None, int] | None:
    """(date, url, end offset) of a `` date YYYY-MM-DD [URL]`` header, if ``raw`` has one."""
    m = HEADER.match(raw)
    if m is None:
        return None
    return m.group(1), m.group(2), m.end()


def with_comments(text: str, comments: str) -> str:
    """A page's raw text: the article, then (if any) its reader comments behind the mark."""
    text = text.replace(COMMENTS_MARK, " ")
    comments = comments.replace(COMMENTS_MARK, " ").strip()
    return f"{text}{_COMMENTS_SEPARATOR}{comments}" if comments else text


def article_end(raw_text: str, fmt: str) -> int:
    """Where the article of ``raw_text`` ends: at the comments mark of a page, else at
    the end."""
    if fmt in PAGE_FORMATS and (at := raw_text.rfind(_COMMENTS_SEPARATOR)) >= 0:
        return at
    return len(raw_text)


def clean_text(raw_text: str, fmt: str = "txt") -> Cleaned:
    """Clean one article's raw text (``fmt`` = the reader that produced it)."""
    removals: list[Removal] = []
    start = 0
    header = parse_header(raw_text) if fmt == "txt" else None
    if header is not None:
        start = header[2]
        removals.append(Removal(0, start, "header", raw_text[:start]))
    lines = split_lines(raw_text, start)
    end = article_end(raw_text, fmt)
    removals.extend(_comments(raw_text, [line for line in lines if line.start >= end]))
    lines = [line for line in lines if line.start < end]
    page = fmt in PAGE_FORMATS
    _line_rules(raw_text, lines, page)
    if page:
        for line, reason in zip(
            lines, boilerplate_reasons([raw_text[x.start : x.end] for x in lines]), strict=True
        ):
            line.reason = line.reason or reason
    _teaser_block(raw_text, lines)
    if not page:  # an HTML extractor has already dropped menus and edge links
        _edge_links(raw_text, lines)
    _repeats(raw_text, lines, removals)
    removals.extend(
        Removal(line.start, line.end, line.reason, raw_text[line.start : line.end])
        for line in lines
        if line.reason is not None
    )
    removals.sort(key=lambda r: (r.start, r.end))
    return _assemble(raw_text, lines, tuple(removals))


def _assemble(raw: str, lines: list[Line], removals: tuple[Removal, ...]) -> Cleaned:
    parts: list[str] = []
    segments: list[Segment] = []
    length = 0
    for line in lines:
        if not line.kept:
            continue
        if parts:
            join = "\n\n" if line.blank_before else "\n"
            if not line.blank_before and raw[line.start] in _CONTINUATION:
                join = ""  # a sentence broken across lines: ``peninsula\n, the minister said.``
            parts.append(join)
            length += len(join)
        for s, e in line.spans:
            segments.append(Segment(s, e, length))
            parts.append(raw[s:e])
            length += e - s
    return Cleaned("".join(parts), tuple(segments), removals)


# --------------------------------------------------------------------------- line rules


def _line_reason(text: str, next_text: str, page: bool) -> str | None:
    """Why a line is furniture, or None. On pages (``page``) all-caps menus went with the
    DOM, runs of spaces are table cells or preformatted text (not a marquee banner), and a
    bare address in the article is text: only labelled contact blocks ("Contact:",
    "Phone: ...", "Kontakt:", "Telefon: ...") and "N days have passed since" counters go
    of those rules."""
    if _CLOCK.match(text):
        return "clock"
    if len(text) <= 40 and _is_date_only(text):
        return "date-line"
    words = word_count(text)
    if (
        (_EMAIL.search(text) and words <= 12)
        or (_PHONE.match(text) and sum(c.isdigit() for c in text) >= 7)
        or (
            text.endswith(":")
            and words <= 4
            and (_CONTACT_WORD.search(text) or _EMAIL.search(next_text) or _PHONE.match(next_text))
        )
    ):
        return "contact" if not page or _CONTACT_WORD.search(text) else None
    if _COUNTER.match(text):
        return "banner"
    if page:
        return None
    if _WS_RUN.search(text):
        return "banner"
    if words <= 8 and len(text) <= 120 and not text.endswith("."):
        letters = [c for c in text if c.isalpha()]
        if len(letters) >= 3 and sum(c.isupper() for c in letters) >= 0.9 * len(letters):
            return "navigation"
    return None


def _is_date_only(text: str) -> bool:
    dates = find_dates(text)
    if not dates or dates[0].year is None:
        return False
    rest = text[: dates[0].start] + text[dates[0].end :]
    return not re.sub(r"[\W_]+", "", rest)


def _line_rules(raw: str, lines: list[Line], page: bool) -> None:
    for i, line in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        next_text = raw[nxt.start : nxt.end] if nxt else ""
        line.reason = _line_reason(raw[line.start : line.end], next_text, page)


def _is_date_headed(text: str) -> bool:
    m = _DATE_HEAD.match(text)
    if m is None or len(text) > 400:
        return False
    dates = find_dates(m.group("date"))
    return len(dates) == 1 and dates[0].year is not None and dates[0].day is not None


def _teaser_block(raw: str, lines: list[Line]) -> None:
    """A run of >= 2 date-headed teasers (each with <= 3 body lines) ending the page."""
    kept = [i for i, line in enumerate(lines) if line.kept]
    heads = [k for k, i in enumerate(kept) if _is_date_headed(raw[lines[i].start : lines[i].end])]
    if len(heads) < 2 or len(kept) - 1 - heads[-1] > 3:
        return
    first = len(heads) - 1
    while first > 0 and heads[first] - heads[first - 1] - 1 <= 3:
        first -= 1
    if len(heads) - first < 2:
        return
    for i in kept[heads[first] :]:
        lines[i].reason = "teaser"


def _is_sentence_line(text: str) -> bool:
    return word_count(text) >= 8 and (text.endswith(_SENTENCE_END) or ". " in text)


def _edge_links(raw: str, lines: list[Line]) -> None:
    """Short non-sentence lines before the first / after the last sentence line."""
    kept = [line for line in lines if line.kept]
    texts = [raw[line.start : line.end] for line in kept]
    body = [k for k, text in enumerate(texts) if _is_sentence_line(text)]
    if not body:
        return
    edges = list(range(body[0])) + list(range(body[-1] + 1, len(kept)))
    for k in edges:
        text = texts[k]
        if word_count(text) <= 4 and not text.endswith(_SENTENCE_END):
            kept[k].reason = "navigation"


# --------------------------------------------------------------------------- repeats

_MIN_WORDS = 5


def _repeats(raw: str, lines: list[Line], removals: list[Removal]) -> None:
    """Passages said twice in one article: keep one copy, record the others.

    1. a paragraph equal to an earlier one goes;
    2. a paragraph whose every sentence stands in other paragraphs (a lede compiled
       from later paragraphs) goes, so each sentence keeps its context;
    3. a sentence already said in an earlier paragraph goes from the later one.

    Only sentence lines count as saying something: a headline or a bullet that quotes
    a sentence does not make the sentence a repeat.
    """
    seen: set[str] = set()
    for line in lines:
        if not line.kept:
            continue
        key = normalize(raw[line.start : line.end])
        if key in seen and word_count(key) >= 3:
            line.reason = "repeated"
        seen.add(key)
    norms = {id(line): normalize(raw[line.start : line.end]) for line in lines}
    for line in lines:
        if not line.kept:
            continue
        sentences = [normalize(raw[s:e]) for s, e in sentence_spans(raw, line.start, line.end)]
        long = [s for s in sentences if word_count(s) >= _MIN_WORDS]
        if len(long) < 2 or sum(map(word_count, long)) < 0.8 * word_count(norms[id(line)]):
            continue
        others = (
            " "
            + " ".join(
                norms[id(o)]
                for o in lines
                if o.kept and o is not line and _is_sentence_line(raw[o.start : o.end])
            )
            + " "
        )  # a lede's sentences stand again in paragraphs, not in bullets or a headline
        if all(f" {s} " in others for s in long):
            line.reason = "repeated"
    said = " "
    for line in lines:
        if not line.kept:
            continue
        spans: list[tuple[int, int]] = []
        bounds = sentence_spans(raw, line.start, line.end)
        for k, (s, e) in enumerate(bounds):
            key = normalize(raw[s:e])
            if word_count(key) >= _MIN_WORDS and f" {key} " in said:
                removals.append(Removal(s, e, "repeated", raw[s:e]))
            else:  # with the space before the next sentence, so kept ones still read apart
                spans.append((s, bounds[k + 1][0] if k + 1 < len(bounds) else e))
        if _is_sentence_line(raw[line.start : line.end]):
            said += norms[id(line)] + " "  # a headline quoting a sentence does not say it
        line.spans = _merge(raw, spans)
        if not line.spans:
            line.reason = None  # already recorded sentence by sentence


def _merge(raw: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Adjacent sentence spans become one slice; the line ends without trailing space."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and not raw[out[-1][1] : s].strip():
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    if out:
        s, e = out[-1]
        while e > s and raw[e - 1].isspace():
            e -= 1
        out[-1] = (s, e)
    return out


# --------------------------------------------------------------------------- comments


def _comments(raw: str, lines: list[Line]) -> list[Removal]:
    """The reader comments' lines, each kept apart as a removal with the reason ``comments``,
    but for the comment block's own furniture, removed with its reason: what the page rules
    remove from an article (clocks, date lines, sign-ups, ...), and ``comment-furniture``."""
    texts = [raw[x.start : x.end] for x in lines]
    furniture = boilerplate_reasons(texts)
    out = []
    for k, line in enumerate(lines):
        text, nxt = texts[k], texts[k + 1] if k + 1 < len(texts) else ""
        reason = _line_reason(text, nxt, True) or furniture[k] or _comment_furniture(text)
        out.append(Removal(line.start, line.end, reason or "comments", text))
    return out


def _comment_furniture(text: str) -> str | None:
    """A comment's byline or a button, not what a reader wrote: a line of one word that
    does not end a sentence ("Reply", "Antworten", a commenter's name or sign-off), or a
    short line with a time of day or a full date that does not end a sentence ("Comment by
    Anna — 17.07, 2011 @ 13:04", "Anna says: 3 May 2020 at 9:15 am")."""
    if text.endswith(_SENTENCE_END):
        return None
    words = word_count(text)
    if words <= 1:
        return "comment-furniture"
    if words <= 12 and (
        _TIME.search(text)
        or any(d.year is not None and d.day is not None for d in find_dates(text))
    ):
        return "comment-furniture"
    return None


# --------------------------------------------------------------------------- stage


class CleanStage:
    """Pipeline stage: ``raw_text`` -> ``text``, ``segments``, ``removals``."""

    name = "clean"
    requires = frozenset({"raw_text"})
    provides = frozenset({"text", "segments", "removals"})

    def run(self, docs: Iterable[Document], stats: StageStats) -> Iterator[Document]:
        for doc in docs:
            cleaned = clean_text(doc.raw_text, doc.format)
            for removal in cleaned.removals:
                stats.counts[f"removed:{removal.reason}"] += 1
            yield replace(
                doc, text=cleaned.text, segments=cleaned.segments, removals=cleaned.removals
            )
