"""storyline: a deduplicated, source-cited timeline of who did what to whom, and when."""

import logging

from storyline.extract import extract_events

__all__ = ["__version__", "extract_events"]

__version__ = "0.1.0"

# A library never configures logging: without a handler of the application's, the
# ``storyline.*`` loggers print nothing (the CLI adds one: ``--log-level``, ``-v``).
logging.getLogger(__name__).addHandler(logging.NullHandler())
