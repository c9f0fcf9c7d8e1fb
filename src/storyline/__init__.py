"""storyline: a deduplicated, source-cited timeline of who did what to whom, and when."""

from storyline.extract import extract_events

__all__ = ["__version__", "extract_events"]

__version__ = "0.1.0"
