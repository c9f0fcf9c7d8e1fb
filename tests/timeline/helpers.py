"""Small event builders shared by the timeline tests."""

from __future__ import annotations

from pathlib import Path

from storyline.records import Actor, Event, Evidence
from storyline.store.sqlite import SQLiteStore

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


#: Events of ``dyad_store``: net scores per month 2021-01..04 are +3, 0, -3.5, +10
#: (CONSULT +3; ASSAULT -7 and a planned AID +7 x 0.5; AGREE +3 and COOPERATE +7).
DYAD_EVENTS = (
    ("e1", "CONSULT", "2021-01-05", "asserted"),
    ("e2", "ASSAULT", "2021-03-10", "asserted"),
    ("e3", "AID", "2021-03-20", "future"),
    ("e4", "AGREE", "2021-04-02", "asserted"),
    ("e5", "COOPERATE", "2021-04-30", "asserted"),
)


def dyad_store(path: Path) -> Path:
    """A SQLite store holding only ``DYAD_EVENTS`` between Russia and South Korea."""
    with SQLiteStore(path) as store:
        store.replace_events(event(i, t, d, modality=m) for i, t, d, m in DYAD_EVENTS)
    return path
