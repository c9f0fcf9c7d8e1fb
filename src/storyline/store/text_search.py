"""Full-text search without a full-text index: a token match over titles and texts,
for ``MemoryStore`` (``SQLiteStore`` asks SQLite's FTS5).

It reads the query syntax FTS5 reads (``store.query.SEARCH_HELP``): words (all
must occur), ``"a phrase"``, ``word*`` for a prefix, ``title:`` / ``text:`` before a
word, ``AND``, ``OR`` and ``NOT``, bound as FTS5 binds them (words side by side
tightest, then ``NOT``, then ``AND``, then ``OR``: ``a NOT b c`` is ``a NOT (b c)``).
Words are folded as FTS5's ``unicode61 remove_diacritics 2`` tokenizer folds them:
runs of letters and digits, case and accents ignored.

What differs from FTS5, on purpose (a reference implementation, not a search engine):

- hits are ranked by how many matched words a document holds (ties in the store's
  order), not by BM25;
- the snippet is the 12 words around the first matched word of the text (FTS5 picks
  the window with the most matches), with ``…`` where it cuts;
- parentheses and ``NEAR`` are refused with a ``QueryError``, and so is any query
  ``store.query.check_search`` refuses (the API and the CLI check every search with
  it first), although FTS5 would run some of them: a phrase prefix (``"a b"*``), more
  than ``MAX_SEARCH_TERMS`` terms. On every other query the documents found are
  FTS5's (``tests/store/test_contract.py`` checks it on random queries).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from storyline.store.query import QueryError, check_search

__all__ = ["SearchText", "search_texts", "tokens"]

_WORD = re.compile(r"[^\W_]+")
_TERM = re.compile(r'(?:\w+:)?"[^"]*"\*?|[^\s"]+')
_COLUMN = re.compile(r"(title|text):(.*)", re.DOTALL)
_COLUMNS = ("title", "text")
#: How many words a snippet shows (FTS5's ``snippet(..., 12)``).
SNIPPET_WORDS = 12


@dataclass(frozen=True, slots=True)
class SearchText:
    """One searchable document: its id, title ('' when it has none) and clean text."""

    document: str
    title: str
    text: str


@dataclass(frozen=True, slots=True)
class _Term:
    words: tuple[str, ...]  # folded; a phrase when several
    prefix: bool  # the last word is a prefix
    column: str | None  # title, text or either


#: FTS5's grammar without parentheses: words side by side bind tightest, then NOT,
#: then AND, then OR. A query is OR-ed groups; a group, AND-ed chains; a chain, the
#: words that must occur, then the runs of words that must not all occur (``a NOT b c``
#: is ``a NOT (b c)``).
_Chain = tuple[list[_Term], list[list[_Term]]]


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def tokens(text: str) -> list[tuple[int, int, str]]:
    """(start, end, folded word) of every word of ``text``."""
    return [(m.start(), m.end(), _fold(m.group())) for m in _WORD.finditer(text)]


def _term(q: str, raw: str) -> _Term:
    column = None
    if m := _COLUMN.fullmatch(raw):
        column, raw = m.group(1), m.group(2)
    words = tuple(w for _, _, w in tokens(raw.rstrip("*")))
    if not words:
        raise QueryError(f"bad search query {q!r}: {raw!r} holds no word to search for")
    return _Term(words, raw.endswith("*"), column)


def _split(items: list[str], operator: str) -> list[list[str]]:
    out: list[list[str]] = [[]]
    for item in items:
        if item == operator:
            out.append([])
        else:
            out[-1].append(item)
    return out


def _parse(q: str) -> list[list[_Chain]]:
    """The query as OR-ed groups of AND-ed chains (see ``_Chain``)."""
    check_search(q)
    if "(" in q or ")" in q or re.search(r"\bNEAR\b", q):
        raise QueryError(
            f"bad search query {q!r}: this store does not search with parentheses or NEAR"
        )
    groups: list[list[_Chain]] = []
    for group in _split(_TERM.findall(q), "OR"):
        chains: list[_Chain] = []
        for part in _split(group, "AND"):
            runs = [[_term(q, raw) for raw in run] for run in _split(part, "NOT")]
            if any(not run for run in runs):
                raise QueryError(f"bad search query {q!r}: an operator stands without words")
            chains.append((runs[0], runs[1:]))
        groups.append(chains)
    return groups


def _matches(term: _Term, words: Sequence[tuple[int, int, str]]) -> list[int]:
    """Indexes of the words where ``term`` matches (each matched word once)."""
    n = len(term.words)
    out: list[int] = []
    for i in range(len(words) - n + 1):
        window = [w for _, _, w in words[i : i + n]]
        head, last = window[:-1], window[-1]
        if head == list(term.words[:-1]) and (
            last.startswith(term.words[-1]) if term.prefix else last == term.words[-1]
        ):
            out.extend(range(i, i + n))
    return out


_Columns = dict[str, list[tuple[int, int, str]]]


def _run_hits(run: Sequence[_Term], columns: _Columns) -> dict[str, set[int]] | None:
    """The matched words per column when every term of ``run`` occurs, else None."""
    hits: dict[str, set[int]] = {c: set() for c in _COLUMNS}
    for term in run:
        found = {
            c: _matches(term, columns[c]) for c in ((term.column,) if term.column else _COLUMNS)
        }
        if not any(found.values()):
            return None
        for c, where in found.items():
            hits[c].update(where)
    return hits


def _group_hits(group: Sequence[_Chain], columns: _Columns) -> dict[str, set[int]] | None:
    """The matched words per column when every chain of ``group`` holds, else None."""
    hits: dict[str, set[int]] = {c: set() for c in _COLUMNS}
    for must, must_not in group:
        found = _run_hits(must, columns)
        if found is None or any(_run_hits(run, columns) is not None for run in must_not):
            return None
        for c in _COLUMNS:
            hits[c] |= found[c]
    return hits


def _snippet(text: str, words: Sequence[tuple[int, int, str]], hits: set[int],
             marks: tuple[str, str]) -> str:  # fmt: skip
    if not words:
        return text
    first = min(hits) if hits else 0
    # the first hit a few words in, as FTS5 places it when the text allows
    start = max(0, min(first - SNIPPET_WORDS // 3, len(words) - SNIPPET_WORDS))
    shown = range(start, min(len(words), start + SNIPPET_WORDS))
    out = ["…" if start > 0 else ""]
    pos = words[start][0] if start > 0 else 0
    for i in shown:
        a, b, _ = words[i]
        out.append(text[pos:a])
        opens = i in hits and (i - 1 not in hits or i == start)  # one mark around a run
        closes = i in hits and (i + 1 not in hits or i == shown[-1])
        out.append(f"{marks[0] if opens else ''}{text[a:b]}{marks[1] if closes else ''}")
        pos = b
    if shown[-1] == len(words) - 1:
        out.append(text[pos:])
    else:
        out.append("…")
    return "".join(out)


def search_texts(
    q: str, texts: Iterable[SearchText], limit: int, marks: tuple[str, str]
) -> list[dict[str, str]]:
    """``{document, title, snippet}`` of the texts matching ``q``, best first (the
    shape of ``Store.search``); a query this cannot read raises ``QueryError``."""
    groups = _parse(q)
    found: list[tuple[int, int, dict[str, str]]] = []
    for n, doc in enumerate(texts):
        columns = {"title": tokens(doc.title), "text": tokens(doc.text)}
        text_hits: set[int] = set()
        score = 0
        matched = False
        for group in groups:
            hits = _group_hits(group, columns)
            if hits is not None:
                matched = True
                score += len(hits["title"]) + len(hits["text"])
                text_hits |= hits["text"]
        if matched:
            snippet = _snippet(doc.text, columns["text"], text_hits, marks)
            found.append((-score, n, {"document": doc.document, "title": doc.title,
                                      "snippet": snippet}))  # fmt: skip
    found.sort(key=lambda f: f[:2])
    return [f[2] for f in (found if limit < 0 else found[:limit])]
