"""Which mentions name their actor: the words a user may look an actor up by.

A mention found by name, alias (a surname, an acronym, a shorter form), demonym
(``Russian`` for Russia) or metonym (``Moscow`` for its government) is a name of its
actor. One found by role (``the top Russian diplomat``, ``his North Korean
counterpart``) or pronoun (``he``) only points at an actor the text named before:
it describes, it does not name, so it is never stored as an alias.
"""

from __future__ import annotations

from storyline.records import Mention

__all__ = ["NAMING_KINDS", "alias_of"]

#: ``Mention.how`` values whose text is a name of the actor.
NAMING_KINDS = frozenset({"name", "alias", "demonym", "metonym"})


def alias_of(mention: Mention) -> str:
    """The alias a mention gives its actor: its text when it names the actor, else
    the actor's own name (a role phrase or pronoun adds no alias)."""
    return mention.text if mention.how in NAMING_KINDS else mention.actor.name
