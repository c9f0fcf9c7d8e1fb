"""The versioned SQLite schema: an ordered list of migrations.

A migration is applied once, in order, inside a transaction, and recorded in
``schema_migrations``. Never edit a released migration: add a new one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from storyline.store.story_index import STORY_SCHEMA

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "Migration"]

_CORE = """
CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    format TEXT NOT NULL,
    encoding TEXT NOT NULL,
    raw_text TEXT NOT NULL,
    text TEXT NOT NULL,
    title TEXT,
    url TEXT,
    outlet TEXT,
    dateline TEXT,
    published TEXT,
    published_source TEXT,
    published_confidence REAL NOT NULL DEFAULT 0,
    date_candidates TEXT NOT NULL DEFAULT '[]',
    removals TEXT NOT NULL DEFAULT '[]',
    segments TEXT NOT NULL DEFAULT '[]',
    story TEXT,
    story_relation TEXT,
    story_score REAL
);
CREATE INDEX documents_published ON documents(published);
CREATE TABLE document_sources (
    source TEXT PRIMARY KEY,
    document TEXT NOT NULL REFERENCES documents(id)
);
CREATE VIRTUAL TABLE documents_fts USING fts5(
    document UNINDEXED, title, text, tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TABLE sentences (
    document TEXT NOT NULL REFERENCES documents(id),
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (document, start)
);
CREATE TABLE timexes (
    document TEXT NOT NULL REFERENCES documents(id),
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    type TEXT NOT NULL,
    value TEXT NOT NULL,
    mod TEXT,
    PRIMARY KEY (document, start)
);
CREATE TABLE actors (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    country TEXT,
    sector TEXT,
    kind TEXT NOT NULL,
    role TEXT
);
CREATE INDEX actors_country ON actors(country);
CREATE TABLE actor_aliases (
    actor TEXT NOT NULL REFERENCES actors(id),
    alias TEXT NOT NULL,
    alias_key TEXT NOT NULL,
    PRIMARY KEY (actor, alias)
);
CREATE INDEX actor_aliases_key ON actor_aliases(alias_key);
CREATE TABLE mentions (
    document TEXT NOT NULL REFERENCES documents(id),
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    actor TEXT NOT NULL REFERENCES actors(id),
    how TEXT NOT NULL,
    PRIMARY KEY (document, start, end)
);
CREATE INDEX mentions_actor ON mentions(actor);
CREATE TABLE event_mentions (
    id TEXT PRIMARY KEY,
    document TEXT NOT NULL REFERENCES documents(id),
    type TEXT NOT NULL,
    date TEXT NOT NULL,
    modality TEXT NOT NULL,
    json TEXT NOT NULL
);
CREATE INDEX event_mentions_document ON event_mentions(document);
CREATE TABLE events (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    date TEXT NOT NULL,
    date_start TEXT NOT NULL,
    date_stop TEXT NOT NULL,
    modality TEXT NOT NULL,
    json TEXT NOT NULL
);
CREATE INDEX events_start ON events(date_start);
CREATE INDEX events_type ON events(type);
CREATE TABLE event_actors (
    event TEXT NOT NULL REFERENCES events(id),
    actor TEXT NOT NULL,
    country TEXT,
    side TEXT NOT NULL,
    PRIMARY KEY (event, actor, side)
);
CREATE INDEX event_actors_actor ON event_actors(actor);
CREATE INDEX event_actors_country ON event_actors(country);
CREATE TABLE quarantine (
    source TEXT PRIMARY KEY,
    reason TEXT NOT NULL,
    first_seen TEXT NOT NULL
);
"""


def _stories(conn_exec: Callable[[str], object]) -> None:
    conn_exec(STORY_SCHEMA)


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    sql: str | None = None
    apply: Callable[[Callable[[str], object]], None] | None = None


_EVENT_EXTRAS = """
CREATE TABLE event_extras (
    event TEXT PRIMARY KEY,
    salience REAL NOT NULL,
    json TEXT NOT NULL
);
CREATE INDEX event_extras_salience ON event_extras(salience);
CREATE TRIGGER events_drop_extras AFTER DELETE ON events
BEGIN DELETE FROM event_extras WHERE event = OLD.id; END;
CREATE INDEX event_actors_country_side ON event_actors(country, side, event);
CREATE INDEX events_stop ON events(date_stop)
"""

_INCREMENTAL_MERGE = """
CREATE TABLE event_members (
    mention TEXT PRIMARY KEY,
    event TEXT NOT NULL
);
CREATE INDEX event_members_event ON event_members(event);
CREATE TABLE mention_probes (
    probe TEXT NOT NULL,
    mention TEXT NOT NULL,
    lo TEXT NOT NULL,
    hi TEXT NOT NULL,
    PRIMARY KEY (mention, probe)
);
CREATE INDEX mention_probes_probe ON mention_probes(probe, lo);
CREATE TABLE merge_pending (
    document TEXT PRIMARY KEY
)
"""

_LANGUAGES = """
ALTER TABLE documents ADD COLUMN language TEXT;
ALTER TABLE documents ADD COLUMN language_declared TEXT;
CREATE INDEX documents_language ON documents(language)
"""

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "documents, annotations, events, quarantine, full-text index", sql=_CORE),
    Migration(2, "story index (fingerprints, LSH bands, stories)", apply=_stories),
    Migration(3, "event extras (salience, date provenance), dyad indexes", sql=_EVENT_EXTRAS),
    Migration(4, "incremental merge: members, probes, pending", sql=_INCREMENTAL_MERGE),
    Migration(5, "document languages: detected and declared", sql=_LANGUAGES),
    Migration(
        6,
        "alias keys folded by storyline.names (anyascii: 'Łukaszenka' -> 'lukaszenka')",
        sql="UPDATE actor_aliases SET alias_key = storyline_alias_key(alias)",
    ),
)
SCHEMA_VERSION = MIGRATIONS[-1].version
