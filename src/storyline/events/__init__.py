"""Events: PLOVER-coded who-did-what-to-whom, with modality, time and evidence."""

from storyline.events.stage import EventStage, extract_events

__all__ = ["EventStage", "extract_events"]
