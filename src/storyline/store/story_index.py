"""The persistent story index: fingerprints and LSH postings kept in SQLite.

What lives here is the persistence of ``dedup``'s story clustering: the tables
(``STORY_SCHEMA``), every statement on them, ``StoryIndex`` and its error. The
algorithm it runs stays in ``storyline.dedup`` and is imported from there:
fingerprints (shingles, MinHash keys, anchors: ``dedup.fingerprint``), the posting
rule and candidate pairs of a batch (``dedup.postings``), linking a batch into
components (``dedup.link``), verification, relations and story ids
(``dedup.verify``) and assembling a ``Story`` (``dedup.assemble``). The in-memory
``dedup.cluster`` makes the same decisions without a database.

``storyline build`` adds documents batch by batch (``add_many``); each batch costs a
handful of queries (joins of the batch's keys against the postings) and
``executemany`` inserts, so the index scales with the corpus instead of with the
number of calls.

Postings are kept in two tiers, as a log-structured merge tree does. Keys are random
64-bit hashes, so a batch's ~55 postings per document land on nearly every leaf of a
large postings B-tree: inserting them straight into it rewrote (and journaled) the
whole table per batch, and the cost per document grew with the corpus. New postings
go to small ``*_recent`` tables instead (they stay in the page cache), and every
``merge_every`` documents they are merged into the main tables in key order, one
walk of the big B-tree per merge instead of per batch. Lookups read both tiers; a
(key, document) posting is in exactly one, so the postings are the same.

Story ids are ``content_id("story", smallest member doc id)``: when a new document
links two stories they merge, and the merged story takes the id derived from its
smallest member. So the final partition and ids do not depend on insertion order.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence

import numpy as np

from storyline.dedup.assemble import build_story
from storyline.dedup.config import StoryConfig
from storyline.dedup.fingerprint import Fingerprint, fingerprint_many
from storyline.dedup.link import link_batch
from storyline.dedup.postings import I64, BatchKeys, batch_keys, plan_batch
from storyline.dedup.verify import canonical_key, relation_to, story_id
from storyline.errors import StorylineError
from storyline.records import Story, StoryMember

__all__ = ["STORY_SCHEMA", "StoryIndex", "StoryIndexError"]

STORY_SCHEMA = """
CREATE TABLE IF NOT EXISTS story_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS story_doc (
    n INTEGER PRIMARY KEY,
    doc TEXT NOT NULL UNIQUE,
    story TEXT NOT NULL,
    norm_hash TEXT NOT NULL,
    n_words INTEGER NOT NULL,
    n_paragraphs INTEGER NOT NULL,
    shingles BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS story_doc_story ON story_doc (story);
CREATE TABLE IF NOT EXISTS story_paragraph (
    n INTEGER NOT NULL,
    position INTEGER NOT NULL,
    paragraph TEXT NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (n, position)
) WITHOUT ROWID;
"""

_CHUNK = 500  # host parameters per IN (...) query
_TABLES = ("lsh_single", "lsh_anchor")  # per key kind; each with a ``_recent`` tier
# the postings tables, (key, document) pairs: a main and a recent tier per key kind
STORY_SCHEMA += "".join(
    f"CREATE TABLE IF NOT EXISTS {name} (\n"
    "    key INTEGER NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (key, n)\n"
    ") WITHOUT ROWID;\n"
    for table in _TABLES
    for name in (table, f"{table}_recent")
)
_MERGED = "postings_merged_upto"  # story_meta key: largest n whose postings are merged


class StoryIndexError(StorylineError, RuntimeError):
    """The index in this database cannot be used as asked."""

    code = "SL401"


def _chunks(items: Sequence[int], size: int = _CHUNK) -> Iterable[Sequence[int]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


class StoryIndex:
    """Documents grouped into stories, persisted in ``conn`` (tables ``story_*``, ``lsh_*``).

    Each ``add``/``add_many``/``add_fingerprints`` call is one transaction (it
    commits), so use one writer per connection, as the store does.
    """

    def __init__(
        self,
        conn: sqlite3.Connection,
        config: StoryConfig | None = None,
        *,
        merge_every: int = 200_000,
    ) -> None:
        """``merge_every``: documents whose postings stay in the recent tier before
        they are merged into the main postings (bigger: fewer walks of the main
        B-tree, a bigger recent tier to keep in the page cache)."""
        if merge_every < 1:
            raise ValueError(f"StoryIndex: merge_every must be >= 1, got {merge_every}")
        self.conn = conn
        self.config = config or StoryConfig()
        self.merge_every = merge_every
        # statement by statement: executescript would COMMIT a caller's open transaction
        for statement in STORY_SCHEMA.split(";"):
            if statement.strip():
                conn.execute(statement)
        key = self.config.fingerprint_key()
        row = conn.execute("SELECT value FROM story_meta WHERE key = 'config'").fetchone()
        if row is None:
            conn.execute("INSERT INTO story_meta (key, value) VALUES ('config', ?)", (key,))
            conn.commit()
        elif row[0] != key:
            raise StoryIndexError(
                f"this database's story index was built with {row[0]}, not {key}; "
                "open it with the same StoryConfig, or drop the story_* and lsh_* "
                "tables to rebuild the index"
            )

    # ------------------------------------------------------------------ reading

    def _fingerprints(self, where: str, params: Sequence[object]) -> list[tuple[str, Fingerprint]]:
        rows = self.conn.execute(
            "SELECT n, doc, story, norm_hash, n_words, n_paragraphs, shingles "
            f"FROM story_doc WHERE {where}",
            params,
        ).fetchall()
        if not rows:
            return []
        paras: dict[int, list[tuple[str, str]]] = {}
        for chunk in _chunks([r[0] for r in rows]):
            marks = ",".join("?" * len(chunk))
            for n, pid, text in self.conn.execute(
                "SELECT n, paragraph, text FROM story_paragraph "
                f"WHERE n IN ({marks}) ORDER BY n, position",
                list(chunk),
            ):
                paras.setdefault(n, []).append((pid, text))
        return [
            (story, _fingerprint(r, tuple(paras.get(r[0], ())))) for r in rows for story in (r[2],)
        ]

    def story_of(self, doc_id: str) -> str | None:
        """The id of the story ``doc_id`` belongs to, or None if it was never added."""
        row = self.conn.execute("SELECT story FROM story_doc WHERE doc = ?", (doc_id,)).fetchone()
        return None if row is None else str(row[0])

    def stories(self) -> list[Story]:
        """Every story, sorted by id (members and paragraphs as ``build_story`` orders them)."""
        groups: dict[str, list[Fingerprint]] = {}
        for story, fp in self._fingerprints("1 = 1 ORDER BY story, doc", ()):
            groups.setdefault(story, []).append(fp)
        return [build_story(groups[s], self.config) for s in sorted(groups)]

    def story(self, story: str) -> Story | None:
        """One story by id, or None."""
        group = [fp for _, fp in self._fingerprints("story = ?", (story,))]
        return build_story(group, self.config) if group else None

    def __len__(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM story_doc").fetchone()[0])

    # ------------------------------------------------------------------ writing

    def add(self, doc_id: str, text: str) -> StoryMember:
        """Add one document (idempotent) and say how it relates to its story's canonical."""
        return self.add_many([(doc_id, text)])[0]

    def add_many(self, docs: Iterable[tuple[str, str]]) -> list[StoryMember]:
        """Add documents in one batch; one StoryMember per input item, in input order.

        A doc id already in the index (or repeated in ``docs``) changes nothing.
        The member's relation is to the canonical at the end of this batch; later
        documents may bring a more complete canonical (``stories()`` is authoritative).
        """
        items = list(docs)
        wanted: dict[str, str] = {}
        for doc, text in items:
            wanted.setdefault(doc, text)
        known = self._known(list(wanted))
        fresh = [(d, t) for d, t in wanted.items() if d not in known]
        self._add(fingerprint_many(fresh, self.config))
        return self._members([doc for doc, _ in items])

    def add_fingerprints(
        self,
        fps: Sequence[Fingerprint],
        components: Sequence[Sequence[str]] | None = None,
    ) -> list[StoryMember]:
        """``add_many`` for documents fingerprinted elsewhere (``fingerprint_many`` with
        this index's config, e.g. in worker processes), so one writer only does SQL.

        ``components``: the batch's documents already grouped by links among
        themselves (e.g. ``engine.ray_stories``, which verifies the candidate pairs
        on a cluster); then only links to stored documents are verified here. Only
        exact for an empty index: with stored postings, a key's cap may keep a
        pair of new documents apart that the grouping, blind to them, linked.
        """
        known = self._known([fp.doc for fp in fps])
        fresh: dict[str, Fingerprint] = {}
        for fp in fps:
            if fp.doc not in known:
                fresh.setdefault(fp.doc, fp)
        if fresh:
            with self.conn:
                self._insert(list(fresh.values()), components)
        return self._members([fp.doc for fp in fps])

    def _known(self, names: list[str]) -> set[str]:
        known: set[str] = set()
        for i in range(0, len(names), _CHUNK):
            chunk = names[i : i + _CHUNK]
            marks = ",".join("?" * len(chunk))
            rows = self.conn.execute(f"SELECT doc FROM story_doc WHERE doc IN ({marks})", chunk)
            known.update(r[0] for r in rows)
        return known

    def _first_docs(self, stories: list[str]) -> dict[str, str]:
        """Stored story -> its smallest doc id, one grouped query per chunk."""
        first: dict[str, str] = {}
        for i in range(0, len(stories), _CHUNK):
            chunk = stories[i : i + _CHUNK]
            marks = ",".join("?" * len(chunk))
            rows = self.conn.execute(
                f"SELECT story, min(doc) FROM story_doc WHERE story IN ({marks}) GROUP BY story",
                chunk,
            )
            first.update((str(story), str(doc)) for story, doc in rows)
        return first

    def _add(self, fps: list[Fingerprint]) -> None:
        if fps:
            with self.conn:
                self._insert(fps)

    def _insert(
        self, fps: list[Fingerprint], components: Sequence[Sequence[str]] | None = None
    ) -> None:
        conn, config = self.conn, self.config
        base = int(conn.execute("SELECT coalesce(max(n), 0) FROM story_doc").fetchone()[0]) + 1
        ns = [base + i for i in range(len(fps))]
        keys = batch_keys(fps)
        plan = plan_batch(keys, *self._stored_postings(keys), config)
        stored = self._stored(plan.db_pairs[1].tolist())
        groups = link_batch(fps, plan, stored, components, config)

        # each component's id derives from its smallest doc id (old stories included);
        # components are disjoint, so renaming one leaves the others' smallest docs
        story_at: dict[int, str] = {}
        first_doc = self._first_docs([old for group in groups for old in group.stories])
        for group in groups:
            smallest = [fps[k].doc for k in group.batch]
            smallest += [first_doc[old] for old in group.stories]
            new_id = story_id(smallest)
            for old in group.stories:
                if old != new_id:
                    conn.execute("UPDATE story_doc SET story = ? WHERE story = ?", (new_id, old))
            for k in group.batch:
                story_at[k] = new_id

        conn.executemany(
            "INSERT INTO story_doc (n, doc, story, norm_hash, n_words, n_paragraphs, shingles) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    ns[i],
                    fp.doc,
                    story_at[i],
                    fp.norm_hash,
                    fp.n_words,
                    fp.n_paragraphs,
                    fp.shingles.tobytes(),
                )
                for i, fp in enumerate(fps)
            ],
        )
        conn.executemany(
            "INSERT INTO story_paragraph (n, position, paragraph, text) VALUES (?, ?, ?, ?)",
            [
                (ns[i], pos, pid, text)
                for i, fp in enumerate(fps)
                for pos, (pid, text) in enumerate(fp.paragraphs)
            ],
        )
        # sorted by key, so each batch walks the (small) recent B-tree once
        for table, (key, i) in zip(
            _TABLES, (plan.insert_singles, plan.insert_anchors), strict=True
        ):
            if key.size:
                conn.executemany(
                    f"INSERT OR IGNORE INTO {table}_recent (key, n) VALUES (?, ?)",
                    zip(key.tolist(), (i + base).tolist(), strict=True),
                )
        self._merge_postings(ns[-1])

    def _merge_postings(self, last: int, force: bool = False) -> None:
        """Move the recent postings into the main tables once ``merge_every`` documents
        have gathered there (in key order: one walk of each main B-tree)."""
        conn = self.conn
        row = conn.execute("SELECT value FROM story_meta WHERE key = ?", (_MERGED,)).fetchone()
        merged = int(row[0]) if row else 0
        if last - merged < self.merge_every and not force:
            return
        for table in _TABLES:
            conn.execute(
                f"INSERT OR IGNORE INTO {table} (key, n) "
                f"SELECT key, n FROM {table}_recent ORDER BY key, n"
            )
            conn.execute(f"DELETE FROM {table}_recent")
        conn.execute(
            "INSERT OR REPLACE INTO story_meta (key, value) VALUES (?, ?)", (_MERGED, str(last))
        )

    def merge_postings(self) -> None:
        """Merge the recent postings tier now (e.g. at the end of a bulk load, so a
        read-mostly index has one B-tree per key kind); results never depend on it."""
        last = int(self.conn.execute("SELECT coalesce(max(n), 0) FROM story_doc").fetchone()[0])
        with self.conn:
            self._merge_postings(last, force=True)

    def _stored_postings(self, keys: BatchKeys) -> tuple[I64, I64]:
        """(group id, stored n) of every stored posting under a key of the batch.

        One join per key kind; a posting never exceeds the cap, so this is bounded,
        and its length is the key's document count the cap rule needs.
        """
        conn = self.conn
        groups: list[I64] = []
        found: list[I64] = []
        offset = 0
        for distinct, table in zip((keys.singles, keys.anchors), _TABLES, strict=True):
            # the keys travel as one JSON array (sorted, so the index is walked in
            # order): one statement instead of a temp table filled row by row
            array = json.dumps(distinct.tolist())
            rows = conn.execute(
                f"SELECT p.key, p.n FROM json_each(?) AS k CROSS JOIN {table} AS p "
                "ON p.key = k.value UNION ALL "
                f"SELECT p.key, p.n FROM json_each(?) AS k CROSS JOIN {table}_recent AS p "
                "ON p.key = k.value",
                (array, array),
            ).fetchall()
            pairs = np.array(rows, dtype=np.int64).reshape(-1, 2)
            groups.append(np.searchsorted(distinct, pairs[:, 0]) + offset)
            found.append(pairs[:, 1])
            offset += distinct.size
        return np.concatenate(groups).astype(np.int64), np.concatenate(found)

    def _stored(self, ns: list[int]) -> dict[int, tuple[str, Fingerprint]]:
        out: dict[int, tuple[str, Fingerprint]] = {}
        unique = sorted(set(ns))
        for chunk in _chunks(unique):
            marks = ",".join("?" * len(chunk))
            for r in self.conn.execute(
                "SELECT n, doc, story, norm_hash, n_words, n_paragraphs, shingles "
                f"FROM story_doc WHERE n IN ({marks})",
                list(chunk),
            ):
                out[r[0]] = (r[2], _fingerprint(r, ()))
        return out

    def _members(self, docs: list[str]) -> list[StoryMember]:
        """Each doc's relation to its story's canonical, as the index stands now."""
        cols = "n, doc, story, norm_hash, n_words, n_paragraphs, shingles"
        mine: dict[str, tuple[str, Fingerprint]] = {}
        unique = sorted(set(docs))
        for i in range(0, len(unique), _CHUNK):
            chunk = unique[i : i + _CHUNK]
            marks = ",".join("?" * len(chunk))
            for r in self.conn.execute(
                f"SELECT {cols} FROM story_doc WHERE doc IN ({marks})", chunk
            ):
                mine[str(r[1])] = (str(r[2]), _fingerprint(r, ()))
        stories = sorted({story for story, _ in mine.values()})
        canonical: dict[str, Fingerprint] = {}
        for i in range(0, len(stories), _CHUNK):
            chunk = stories[i : i + _CHUNK]
            marks = ",".join("?" * len(chunk))
            for r in self.conn.execute(
                f"SELECT {cols} FROM story_doc WHERE story IN ({marks})", chunk
            ):
                fp, story = _fingerprint(r, ()), str(r[2])
                best = canonical.get(story)
                if best is None or canonical_key(fp) < canonical_key(best):
                    canonical[story] = fp
        out = []
        for doc in docs:
            if doc not in mine:
                raise StoryIndexError(f"document {doc!r} is not in the story index")
            story, fp = mine[doc]
            relation, score = relation_to(fp, canonical[story], self.config)
            out.append(StoryMember(document=doc, relation=relation, score=score))
        return out


def _fingerprint(row: Sequence[object], paragraphs: tuple[tuple[str, str], ...]) -> Fingerprint:
    _, doc, _, norm_hash, n_words, n_paragraphs, blob = row
    assert isinstance(blob, bytes)
    return Fingerprint(
        doc=str(doc),
        norm_hash=str(norm_hash),
        n_words=int(str(n_words)),
        n_paragraphs=int(str(n_paragraphs)),
        shingles=np.frombuffer(blob, dtype=np.uint32),
        single_keys=(),
        anchors=(),
        paragraphs=paragraphs,
    )
