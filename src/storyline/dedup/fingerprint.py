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
import re
from collections.abc import Sequence
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
_WORD_CACHE: dict[str, int] = {}
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
    out = []
    for m in _LINE.finditer(text):
        original = m.group().strip()
        norm = normalize(original)
        if norm:
            out.append((content_id("paragraph", norm), norm, original))
    return out


def _to_int64(value: int) -> int:
    """An unsigned 64-bit value as the signed integer SQLite stores."""
    return value - (1 << 64) if value >= 1 << 63 else value


def _stable64(text: str, salt: int) -> int:
    digest = hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest()
    return _to_int64(int.from_bytes(digest, "little") ^ salt)


def _word_hashes(words: Sequence[str]) -> U64:
    cache = _WORD_CACHE
    if len(cache) > _WORD_CACHE_MAX:
        cache.clear()
    for w in set(words).difference(cache):
        cache[w] = int.from_bytes(
            hashlib.blake2b(w.encode("utf-8"), digest_size=8).digest(), "little"
        )
    return np.fromiter(map(cache.__getitem__, words), dtype=np.uint64, count=len(words))


def _mix(h: U64) -> U64:
    """A 64-bit finalizer (splitmix64) so shingle hashes are uniform in every bit."""
    h = h ^ (h >> np.uint64(30))
    h = h * np.uint64(0xBF58476D1CE4E5B9)
    h = h ^ (h >> np.uint64(27))
    h = h * np.uint64(0x94D049BB133111EB)
    return h ^ (h >> np.uint64(31))


_MULTS = [np.uint64((0x9E3779B97F4A7C15 * (2 * j + 1)) & _M64) for j in range(64)]


def _shingles(words: Sequence[str], k: int) -> U64:
    """Sorted unique 64-bit hashes of the word k-grams (the whole text if shorter)."""
    wh = _word_hashes(words)
    n = len(wh) - k + 1
    if n <= 0:
        k, n = len(wh), 1
    acc = np.zeros(n, dtype=np.uint64)
    for j in range(k):
        acc += wh[j : j + n] * _MULTS[j]
    return np.unique(_mix(acc))


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
    """Fingerprint a batch (MinHash of the whole batch in one rensa call)."""
    prepared = []
    for doc, text in docs:
        words = _WORD.findall(text.lower())
        paragraphs = split_paragraphs(text)
        shingles = _shingles(words, config.shingle_size) if words else np.zeros(0, np.uint64)
        prepared.append((doc, words, paragraphs, shingles))

    sketch_rows = [i for i, p in enumerate(prepared) if len(p[1]) >= config.min_words]
    bands: dict[int, npt.NDArray[np.int64]] = {}
    if sketch_rows:
        flat = np.concatenate([prepared[i][3] for i in sketch_rows])
        offsets = np.zeros(len(sketch_rows) + 1, dtype=np.uint64)
        offsets[1:] = np.cumsum([len(prepared[i][3]) for i in sketch_rows])
        matrix = rensa.RMinHash.digest_matrix_from_flat_token_hashes(
            flat, offsets, config.num_perm, config.seed
        )
        signatures = np.array(matrix.to_rows(), dtype=np.uint32)
        for row, keys in zip(sketch_rows, _band_keys(signatures, config), strict=True):
            bands[row] = keys

    out = []
    rate = np.uint64(config.anchor_rate)
    for i, (doc, words, paragraphs, shingles) in enumerate(prepared):
        norm = " ".join(words)
        norm_hash = content_id("text", norm) if norm else ""
        single: list[int] = [_stable64(norm_hash, _KIND_EXACT)] if norm else []
        anchors: tuple[int, ...] = ()
        if i in bands:
            single.extend(int(k) for k in bands[i])
            single.extend(
                sorted(
                    {
                        _stable64(pid, _KIND_PARAGRAPH)
                        for pid, pnorm, _ in paragraphs
                        if pnorm.count(" ") + 1 >= config.min_paragraph_words
                    }
                )
            )
            anchors = tuple(int(a) for a in shingles[shingles % rate == 0].view(np.int64))
        seen: dict[str, str] = {}
        for pid, _, original in paragraphs:
            seen.setdefault(pid, original)
        out.append(
            Fingerprint(
                doc=doc,
                norm_hash=norm_hash,
                n_words=len(words),
                n_paragraphs=len(paragraphs),
                shingles=np.unique((shingles >> np.uint64(32)).astype(np.uint32)),
                single_keys=tuple(dict.fromkeys(single)),
                anchors=anchors,
                paragraphs=tuple(seen.items()),
            )
        )
    return out
