"""Small event builders shared by the timeline tests."""

from __future__ import annotations

from storyline.records import Actor, Event, Evidence

RUS = Actor(id="RUS", name="Russia", country="RUS", sector="GOV")
KOR = Actor(id="KOR", name="South Korea", country="KOR", sector="GOV")
PUTIN = Actor(id="putin", name="Vladimir Putin", country="RUS", sector="GOV", kind="person",
              role="President")  # fmt: skip
LAVROV = Actor(id="lavrov", name="Sergey Lavrov", country="RUS", sector="GOV", kind="person",
               role="Foreign Minister")  # fmt: skip


def event(
    eid: str,
    type_: str = "CONSULT",
    date: str = "2021-03-25",
    *,
    modality: str = "asserted",
    docs: tuple[str, ...] = ("d0",),
    src: Actor = RUS,
    tgt: Actor = KOR,
    text: str = "Russia held talks with Korea.",
    trigger: str = "talks",
    date_source: str = "text",
) -> Event:
    evidence = tuple(Evidence(d, 10 * i, 10 * i + len(text), text) for i, d in enumerate(docs))
    return Event(
        id=eid, type=type_, modality=modality, source=(src,), target=(tgt,), date=date,
        date_source=date_source, summary="s", evidence=evidence,
        trigger=Evidence(docs[0], 0, len(trigger), trigger), confidence=0.8, mentions=(eid,),
    )  # fmt: skip
