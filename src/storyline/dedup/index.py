"""The persistent story index: fingerprints and LSH postings kept in SQLite.

``storyline build`` adds documents batch by batch (``add_many``); each batch costs a
handful of queries (temp-table joins against the postings) and ``executemany``
inserts, so the index scales with the corpus instead of with the number of calls.

Story ids are ``content_id("story", smallest member doc id)``: when a new document
links two stories they merge, and the merged story takes the id derived from its
smallest member. So the final partition and ids do not depend on insertion order.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence

import numpy as np

from storyline.dedup.assemble import build_story
from storyline.dedup.config import StoryConfig
from storyline.dedup.fingerprint import Fingerprint, fingerprint_many
from storyline.dedup.memory import UnionFind
from storyline.dedup.postings import BatchPlan
from storyline.dedup.verify import canonical_key, linked, relation_to, story_id
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
CREATE TABLE IF NOT EXISTS lsh_single (
    key INTEGER NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (key, n)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS lsh_anchor (
    key INTEGER NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (key, n)
) WITHOUT ROWID;
"""

_CHUNK = 500  # host parameters per IN (...) query


class StoryIndexError(RuntimeError):
    """The index in this database cannot be used as asked."""


def _chunks(items: Sequence[int], size: int = _CHUNK) -> Iterable[Sequence[int]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


class StoryIndex:
    """Documents grouped into stories, persisted in ``conn`` (tables ``story_*``, ``lsh_*``).

    Each ``add``/``add_many``/``add_fingerprints`` call is one transaction (it
    commits), so use one writer per connection, as the store does.
    """

    def __init__(self, conn: sqlite3.Connection, config: StoryConfig | None = None) -> None:
        self.conn = conn
        self.config = config or StoryConfig()
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

    def add_fingerprints(self, fps: Sequence[Fingerprint]) -> list[StoryMember]:
        """``add_many`` for documents fingerprinted elsewhere (``fingerprint_many`` with
        this index's config, e.g. in worker processes), so one writer only does SQL."""
        known = self._known([fp.doc for fp in fps])
        fresh: dict[str, Fingerprint] = {}
        for fp in fps:
            if fp.doc not in known:
                fresh.setdefault(fp.doc, fp)
        self._add(list(fresh.values()))
        return self._members([fp.doc for fp in fps])

    def _known(self, names: list[str]) -> set[str]:
        known: set[str] = set()
        for i in range(0, len(names), _CHUNK):
            chunk = names[i : i + _CHUNK]
            marks = ",".join("?" * len(chunk))
            rows = self.conn.execute(f"SELECT doc FROM story_doc WHERE doc IN ({marks})", chunk)
            known.update(r[0] for r in rows)
        return known

    def _add(self, fps: list[Fingerprint]) -> None:
        if fps:
            with self.conn:
                self._insert(fps)

    def _insert(self, fps: list[Fingerprint]) -> None:
        conn, config = self.conn, self.config
        base = int(conn.execute("SELECT coalesce(max(n), 0) FROM story_doc").fetchone()[0]) + 1
        ns = [base + i for i in range(len(fps))]
        plan = BatchPlan(fps, self._stored_postings(fps), config)
        db_matches = plan.db_candidates
        stored = self._stored([m for found in db_matches for m in found])

        # union-find over the new documents and the existing stories they touch
        sets = UnionFind()
        node: dict[object, int] = {}

        def node_of(key: object) -> int:
            if key not in node:
                node[key] = sets.add()
            return node[key]

        for i, fp in enumerate(fps):
            me = node_of(ns[i])
            for m in db_matches[i]:
                story, other = stored[m]
                if sets.find(node_of(story)) != sets.find(me) and linked(fp, other, config):
                    sets.union(node_of(story), me)
            for j in plan.batch_candidates(i, config.min_shared_anchors):
                if sets.find(node_of(ns[j])) != sets.find(me) and linked(fp, fps[j], config):
                    sets.union(node_of(ns[j]), me)

        # each component's id derives from its smallest doc id (old stories included)
        members: dict[int, list[str]] = {}
        old_stories: dict[int, list[str]] = {}
        for name, x in node.items():
            if isinstance(name, str):
                old_stories.setdefault(sets.find(x), []).append(name)
        for i, fp in enumerate(fps):
            members.setdefault(sets.find(node[ns[i]]), []).append(fp.doc)
        new_id: dict[int, str] = {}
        for root, docs in members.items():
            smallest = list(docs)
            for old in old_stories.get(root, []):
                row = conn.execute("SELECT min(doc) FROM story_doc WHERE story = ?", (old,))
                smallest.append(str(row.fetchone()[0]))
            new_id[root] = story_id(smallest)
            for old in old_stories.get(root, []):
                if old != new_id[root]:
                    conn.execute(
                        "UPDATE story_doc SET story = ? WHERE story = ?", (new_id[root], old)
                    )

        conn.executemany(
            "INSERT INTO story_doc (n, doc, story, norm_hash, n_words, n_paragraphs, shingles) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    ns[i],
                    fp.doc,
                    new_id[sets.find(node[ns[i]])],
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
        if plan.inserts:
            # sorted by key, so each batch walks the postings B-tree once
            rows = np.array(plan.inserts, dtype=np.int64)
            rows = rows[np.lexsort((rows[:, 0], rows[:, 2], rows[:, 1]))]
            rows[:, 0] += base
            for kind, table in enumerate(("lsh_single", "lsh_anchor")):
                part = rows[rows[:, 1] == kind]
                conn.executemany(
                    f"INSERT OR IGNORE INTO {table} (key, n) VALUES (?, ?)",
                    zip(part[:, 2].tolist(), part[:, 0].tolist(), strict=True),
                )

    def _stored_postings(self, fps: list[Fingerprint]) -> dict[tuple[int, int], list[int]]:
        """(kind, key) -> stored documents posted under it, for every key of the batch.

        One join per batch; a posting never exceeds the cap, so this is bounded, and
        its length is the key's document count the cap rule needs.
        """
        conn = self.conn
        conn.execute(
            "CREATE TEMP TABLE IF NOT EXISTS story_keys "
            "(kind INTEGER, key INTEGER, PRIMARY KEY (kind, key)) WITHOUT ROWID"
        )
        conn.execute("DELETE FROM story_keys")
        keys = {(0, k) for fp in fps for k in fp.single_keys}
        keys.update((1, k) for fp in fps for k in fp.anchors)
        conn.executemany("INSERT INTO story_keys (kind, key) VALUES (?, ?)", sorted(keys))
        postings: dict[tuple[int, int], list[int]] = {}
        for kind, key, n in conn.execute(
            "SELECT 0, k.key, s.n FROM story_keys k JOIN lsh_single s ON s.key = k.key "
            "WHERE k.kind = 0 "
            "UNION ALL "
            "SELECT 1, k.key, a.n FROM story_keys k JOIN lsh_anchor a ON a.key = k.key "
            "WHERE k.kind = 1"
        ):
            postings.setdefault((kind, key), []).append(n)
        conn.execute("DELETE FROM story_keys")
        return postings

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
