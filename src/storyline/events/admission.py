"""Whether a coded trigger becomes an event: the frame of its type must be filled.

An analyst signs a line only when the act has the actors its type needs and at
least one of them is political. So, per the frames file:

* actors of a category the type excludes leave that side (a news agency is never a
  party; a company cannot assault); when the press was the only doer named, the act
  was the press at work and yields no event;
* the side the type ``needs`` must then be filled (an AID needs a receiver, an
  ASSAULT a victim: an actor, people such as "three protesters", or a place);
* at least one party is political: a state or its organs, officials and forces, an
  IGO, a party, an armed group, a court or an NGO. Purely commercial, sporting or
  private happenings stay off the political timeline.
"""

from __future__ import annotations

from dataclasses import replace

from storyline.events.arguments import Args
from storyline.events.frames import TypeFrame
from storyline.events.tree import Party
from storyline.records import Actor
from storyline.vocab import PloverType

__all__ = ["admit", "category", "is_official", "is_political"]

POLITICAL_SECTORS = frozenset(
    {"GOV", "MIL", "COP", "JUD", "PTY", "OPP", "REB", "NGO", "IGO", "LEG", "SPY"}
)


def category(actor: Actor) -> str | None:
    """The frame category an actor falls in, if any (media, business, civil, armed,
    person)."""
    if actor.sector == "JRN":
        return "media"
    if actor.sector == "BUS" and actor.kind != "igo":
        return "business"
    if actor.sector == "CVL":
        return "civil"
    if actor.sector in ("MIL", "REB", "COP"):
        return "armed"
    if actor.kind == "person" and actor.sector is None and actor.country is None:
        return "person"
    return None


def is_political(actor: Actor) -> bool:
    if actor.kind == "igo":
        return actor.sector != "JRN"  # the WTO and APEC act politically too
    if actor.kind == "country":
        return actor.sector not in ("JRN", "BUS")
    if actor.sector == "CVL" and actor.country:
        return True  # a country's people: protesters, and those a state acts on
    return actor.sector in POLITICAL_SECTORS


def is_official(actor: Actor) -> bool:
    """A state organ, official, force, armed group, party or IGO: political whatever the
    article (a bare country is not: in a sports report it is a team)."""
    return actor.sector in POLITICAL_SECTORS or actor.kind == "igo"


#: Types that are done to another side: a target of the doer's own state is a misreading
#: ("a Chinese diplomat warned ... their China ties").
_OUTWARD: frozenset[PloverType] = frozenset({"THREATEN", "ASSAULT", "SANCTION", "AID", "MOBILIZE"})
#: Types whose act between organizations of two countries is international cooperation
#: even when neither is a state organ (a state fund's deal with a foreign firm).
_ECONOMIC: frozenset[PloverType] = frozenset({"AGREE", "COOPERATE"})


def _across_borders(source: list[Party], target: list[Party]) -> bool:
    a = {p.actor.country for p in source if p.actor.country not in (None, "IGO")}
    b = {p.actor.country for p in target if p.actor.country not in (None, "IGO")}
    return bool(a and b and a != b)


def _keep(parties: list[Party], banned: frozenset[str]) -> list[Party]:
    return [p for p in parties if category(p.actor) not in banned]


def _filled(needs: str, source: list[Party], target: list[Party], args: Args) -> bool:
    if needs == "source":
        return bool(source)
    if needs == "target":
        return bool(target)
    if needs == "either":
        return bool(source or target)
    if needs == "victim":
        return bool(target or args.victims or args.location)
    if needs == "source-or-place":
        return bool(source or args.location)
    if needs == "political-source":  # "Mr. McAlpine resigned": a firm's, not a state's
        return any(is_political(p.actor) for p in source)
    if needs == "civil-source":  # "protesters gathered", not "leaders gathered"
        return any(category(p.actor) == "civil" for p in source)
    if needs == "official-source":  # "Lavrov arrived in Tehran", not "refugees arrived"
        # nor "peacekeepers arrived in Lebanon" (forces are deployed, they do not visit)
        return any(is_official(p.actor) and category(p.actor) != "armed" for p in source)
    # "counterpart": talks need someone to talk with ("talks with X" names one even
    # when the other side is left to the context), or a body that is many
    if not source:  # the text's doer was excluded ("reporters accompanying Bush"):
        return bool(target) and not args.source  # no one talked with the target
    return (
        bool(target)
        or len(source) > 1
        or any(p.actor.kind == "igo" for p in source)
        or args.counterpart
    )


def admit(
    args: Args, frame: TypeFrame, needs: str | None = None, *, states_at_stake: bool = False
) -> Args | None:
    """The arguments with excluded actors dropped, or None when the frame is not filled.

    ``needs`` is what the trigger's sense asks besides the type's; ``states_at_stake``: the
    sentence names a country, or the article is about states, which makes a named
    person's act a political one.
    """
    source = _keep(args.source, frame.not_source)
    if args.source and not source and all(category(p.actor) == "media" for p in args.source):
        return None  # "besieged by media crews": the press at work, no act of the type
    target = _keep(args.target, frame.not_target)
    if frame.type in _OUTWARD:  # a state does not threaten or attack itself
        own = {p.actor.country for p in source if p.actor.country and _state(p.actor)}
        # (its own people, opposition or rebels it may: "troops attacked Peruvian rebels")
        target = [p for p in target if not (p.actor.country in own and _state(p.actor))]
    if not _filled(frame.needs, source, target, args):
        return None
    if needs is not None and not _filled(needs, source, target, args):
        return None  # the sense asks for more than the type: "offered" needs a receiver
    # the doer must be political when the text names one (a firm's request to a
    # regulator is business news); else the side acted on must be
    doers = source or target
    political = any(is_political(p.actor) for p in doers)
    if not political and frame.needs == "victim":
        political = any(is_political(p.actor) for p in (*source, *target))
    if not political and doers and all(_unknown_person(p.actor) for p in doers):
        # a person the tables do not know ("Walid Jumblatt denounced the protest")
        # acts politically towards a political actor, or where states are at stake
        # (not merely by speaking: on a rail operator's page "ask" is no request)
        political = states_at_stake or any(is_political(p.actor) for p in target)
        if target and all(category(p.actor) == "business" for p in target):
            political = False  # "Mr. Fournier accused Paribas": a takeover fight
    protest = frame.type == "PROTEST" and bool(args.location or source)
    economic = frame.type in _ECONOMIC and _across_borders(source, target)
    if not (political or protest or economic):
        return None
    joint = args.joint and bool(source) and bool(target)
    return replace(args, source=source, target=target, joint=joint)


def _state(actor: Actor) -> bool:
    """A state or its organs (not an insurgency or an opposition of that country)."""
    return actor.sector not in ("REB", "OPP", "CVL", "BUS", "JRN") and actor.kind != "person"


def _unknown_person(actor: Actor) -> bool:
    return actor.kind == "person" and actor.sector is None
