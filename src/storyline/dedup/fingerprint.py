"""Fingerprints of a clean text: what candidate generation and verification need.

Four kinds of keys find candidates, each for a different kind of copy:

* the exact key (hash of the normalized text) finds verbatim copies;
* MinHash LSH band keys find near-duplicates (high Jaccard of word shingles);
* paragraph keys (hashes of normalized paragraphs) and *anchors* (the shingles whose
  hash is 0 modulo ``anchor_rate``, chosen by content so the same shingle is an anchor
  in every document that carries it) find containment: a short article inside a long
  one shares its paragraphs and anchors even when the Jaccard of the pair is low.

Shingle hashes are computed from a stable per-word hash (BLAKE2b), never Python's
salted ``hash``, so a persisted index stays valid across processes.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import rensa

from storyline.dedup.config import StoryConfig
from storyline.records import content_id

__all__ = ["Fingerprint", "fingerprint_many", "normalize", "split_paragraphs"]

_WORD = re.compile(r"\w+")
_LINE = re.compile(r"[^\n]+")
_M64 = (1 << 64) - 1
_KIND_EXACT = 0x9E3779B97F4A7C15
_KIND_PARAGRAPH = 0xC2B2AE3D27D4EB4F
_KIND_BAND = 0x165667B19E3779F9


class _WordHashes(dict[str, int]):
    """word -> stable 64-bit hash, computed on first lookup (vocabularies are small)."""

    def __missing__(self, word: str) -> int:
        value = int.from_bytes(
            hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little"
        )
        self[word] = value
        return value


_WORD_CACHE = _WordHashes()
_WORD_CACHE_MAX = 2_000_000

U32 = npt.NDArray[np.uint32]
U64 = npt.NDArray[np.uint64]


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """Everything the index keeps about one document (the text itself is not kept)."""

    doc: str
    norm_hash: str  # content hash of the normalized text ("" when the text has no words)
    n_words: int
    n_paragraphs: int
    shingles: U32  # sorted unique 32-bit shingle hashes, for exact Jaccard/containment
    single_keys: tuple[int, ...]  # exact + band + paragraph keys: one shared key suffices
    anchors: tuple[int, ...]  # content-defined shingle samples: need min_shared_anchors
    paragraphs: tuple[tuple[str, str], ...]  # (paragraph id, original paragraph text)


def normalize(text: str) -> str:
    """Lowercase words joined by single spaces: punctuation and spacing do not count."""
    return " ".join(_WORD.findall(text.lower()))


def split_paragraphs(text: str) -> list[tuple[str, str, str]]:
    """(id, normalized, original) for every non-empty line of ``text``.

    Clean text separates paragraphs by line breaks; a line with no word is skipped.
    """
    return [(pid, " ".join(words), original) for pid, words, original in _paragraph_words(text)]


#: ASCII characters that ``\w`` does not match, mapped to a space: on ASCII text,
#: ``lower().translate(_NON_WORD).split()`` is ``\w+`` tokenization, ~2x faster.
_NON_WORD = str.maketrans({c: " " for c in map(chr, range(128)) if not (c.isalnum() or c == "_")})


def _paragraph_words(text: str) -> list[tuple[str, list[str], str]]:
    """(id, words, original) per paragraph; words never span a line break, so the
    paragraphs' words in order are exactly the text's words (one tokenization)."""
    out = []
    if text.isascii():  # lowercasing keeps every offset, so lines slice alike
        words_of = text.lower().translate(_NON_WORD)
        for m in _LINE.finditer(text):
            words = words_of[m.start() : m.end()].split()
            if words:
                out.append((content_id("paragraph", " ".join(words)), words, m.group().strip()))
        return out
    for m in _LINE.finditer(text):
        original = m.group().strip()
        words = _WORD.findall(original.lower())
        if words:
            out.append((content_id("paragraph", " ".join(words)), words, original))
    return out


def _to_int64(value: int) -> int:
    """An unsigned 64-bit value as the signed integer SQLite stores."""
    return value - (1 << 64) if value >= 1 << 63 else value


def _stable64(text: str, salt: int) -> int:
    digest = hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest()
    return _to_int64(int.from_bytes(digest, "little") ^ salt)


def _word_hashes(words: Iterable[str], total: int) -> U64:
    """Stable 64-bit hashes of a stream of words (memoized: vocabularies are small)."""
    cache = _WORD_CACHE
    if len(cache) > _WORD_CACHE_MAX:
        cache.clear()
    return np.fromiter(map(cache.__getitem__, words), dtype=np.uint64, count=total)


def _mix(h: U64) -> U64:
    """A 64-bit finalizer (splitmix64) so shingle hashes are uniform in every bit."""
    h = h ^ (h >> np.uint64(30))
    h = h * np.uint64(0xBF58476D1CE4E5B9)
    h = h ^ (h >> np.uint64(27))
    h = h * np.uint64(0x94D049BB133111EB)
    return h ^ (h >> np.uint64(31))


_MULTS = [np.uint64((0x9E3779B97F4A7C15 * (2 * j + 1)) & _M64) for j in range(64)]


def _batch_shingles(
    word_lists: Sequence[Sequence[str]], k: int
) -> tuple[U64, npt.NDArray[np.int64]]:
    """64-bit hashes of every document's shingles (repeats included), flat, with offsets.

    A shingle is k consecutive words (the whole text when it is shorter than k).
    The whole batch is hashed and windowed in a few numpy calls: per-document numpy
    calls would cost more than the work itself.
    """
    lengths = np.array([len(w) for w in word_lists], dtype=np.int64)
    n_docs = len(word_lists)
    # each document's word hashes followed by k-1 zeros: a text shorter than k words
    # makes one shingle of all its words, and no window crosses into the next text
    padded_len = lengths + (k - 1)
    pad_starts = np.zeros(n_docs, dtype=np.int64)
    pad_starts[1:] = np.cumsum(padded_len)[:-1]
    word_pos = np.arange(int(lengths.sum()), dtype=np.int64) + np.repeat(
        pad_starts - (np.cumsum(lengths) - lengths), lengths
    )
    padded = np.zeros(int(padded_len.sum()) + k, dtype=np.uint64)
    padded[word_pos] = _word_hashes(itertools.chain.from_iterable(word_lists), len(word_pos))
    counts = np.where(lengths > 0, np.maximum(lengths - k + 1, 1), 0)
    total = int(counts.sum())
    first = np.zeros(n_docs, dtype=np.int64)
    first[1:] = np.cumsum(counts)[:-1]
    pos = np.arange(total, dtype=np.int64) + np.repeat(pad_starts - first, counts)
    acc = np.zeros(total, dtype=np.uint64)
    for j in range(k):
        acc += padded[pos + j] * _MULTS[j]
    offsets = np.zeros(n_docs + 1, dtype=np.int64)
    offsets[1:] = np.cumsum(counts)
    return _mix(acc), offsets


def _band_keys(signatures: U32, config: StoryConfig) -> npt.NDArray[np.int64]:
    """One 64-bit key per (document, band): the band's rows hashed with the band index."""
    n = signatures.shape[0]
    rows = signatures.reshape(n, config.bands, config.rows).astype(np.uint64)
    acc = np.broadcast_to(
        np.arange(config.bands, dtype=np.uint64) * np.uint64(_KIND_BAND), (n, config.bands)
    ).copy()
    for r in range(config.rows):
        acc = _mix(acc ^ (rows[:, :, r] * _MULTS[r]))
    return acc.view(np.int64)


def fingerprint_many(docs: Sequence[tuple[str, str]], config: StoryConfig) -> list[Fingerprint]:
    """Fingerprint a batch (shingles and MinHash of the whole batch at once)."""
    if not docs:
        return []
    parsed = [_paragraph_words(text) for _, text in docs]
    word_lists = [[w for _, words, _ in paras for w in words] for paras in parsed]
    flat, offsets = _batch_shingles(word_lists, config.shingle_size)
    matrix = rensa.RMinHash.digest_matrix_from_flat_token_hashes(
        flat, offsets.astype(np.uint64), config.num_perm, config.seed
    )
    bands = _band_keys(np.array(matrix.to_rows(), dtype=np.uint32), config)
    rate = np.uint64(config.anchor_rate)

    out = []
    for i, ((doc, _), words, paras) in enumerate(zip(docs, word_lists, parsed, strict=True)):
        lo, hi = int(offsets[i]), int(offsets[i + 1])
        unique = np.unique(flat[lo:hi])
        shingles = (unique >> np.uint64(32)).astype(np.uint32)  # sorted: top bits of sorted
        if shingles.size > 1:
            shingles = shingles[np.concatenate(([True], shingles[1:] != shingles[:-1]))]
        paragraphs = paras
        norm = " ".join(words)
        norm_hash = content_id("text", norm) if norm else ""
        single: list[int] = [_stable64(norm_hash, _KIND_EXACT)] if norm else []
        anchors: tuple[int, ...] = ()
        if len(words) >= config.min_words:
            single.extend(bands[i].tolist())
            single.extend(
                sorted(
                    {
                        _stable64(pid, _KIND_PARAGRAPH)
                        for pid, pwords, _ in paragraphs
                        if len(pwords) >= config.min_paragraph_words
                    }
                )
            )
            anchors = tuple(unique[unique % rate == 0].view(np.int64).tolist())
        seen: dict[str, str] = {}
        for pid, _, original in paragraphs:
            seen.setdefault(pid, original)
        out.append(
            Fingerprint(
                doc=doc,
                norm_hash=norm_hash,
                n_words=len(words),
                n_paragraphs=len(paragraphs),
                shingles=shingles,
                single_keys=tuple(dict.fromkeys(single)),
                anchors=anchors,
                paragraphs=tuple(seen.items()),
            )
        )
    return out
