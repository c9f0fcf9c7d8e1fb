"""Actors: entities resolved to countries, governments, people with roles, organizations.

``ActorStage`` turns a document's entities into ``Mention`` records whose
``Actor`` carries an ISO 3166 alpha-3 country (or ``IGO``), a PLOVER sector,
a kind and a role. Ids are content hashes of spelling-insensitive keys (and
the ISO code for countries), so the same actor has the same id in every article.
"""

from storyline.nlp.actors.gazetteer import actor_id, resolve_country
from storyline.nlp.actors.stage import ActorStage, extract_mentions

__all__ = ["ActorStage", "actor_id", "extract_mentions", "resolve_country"]
