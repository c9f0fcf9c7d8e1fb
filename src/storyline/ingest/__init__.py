"""Ingestion: read any corpus, clean scraped text, find titles, outlets and dates.

``iter_inputs`` turns files, directories and stdin into ``RawDocument`` records
(or ``Quarantined`` ones for bad input); ``CleanStage`` and ``MetadataStage``
are the first two pipeline stages; ``harmonize_story_dates`` fixes weak
publication dates once stories (near-duplicate groups) are known.
"""

from storyline.ingest.cleaning import Cleaned, CleanStage, clean_text, parse_header
from storyline.ingest.metadata import MetadataStage
from storyline.ingest.readers import iter_inputs, read_bytes
from storyline.ingest.story_dates import harmonize_story_dates

__all__ = [
    "CleanStage",
    "Cleaned",
    "MetadataStage",
    "clean_text",
    "harmonize_story_dates",
    "iter_inputs",
    "parse_header",
    "read_bytes",
]
