"""Diagnostics on stderr for the command line: ``--log-level LEVEL`` and ``-v``.

The package itself only adds a ``NullHandler`` (``storyline/__init__.py``); the
CLI gives the ``storyline`` logger one handler that prints through the stderr
console the progress display uses, so log lines appear above a running progress
bar instead of through it. Only storyline's own loggers are shown: other
libraries' logging is left as it is. The default level is WARNING, at which a
normal run prints nothing more than before.
"""

from __future__ import annotations

import logging
from enum import StrEnum

from storyline.cli_common import err, printable

__all__ = ["LogLevel", "configure_logging"]


class LogLevel(StrEnum):
    DEBUG = "DEBUG"
    INFO = "INFO"
    WARNING = "WARNING"
    ERROR = "ERROR"


class _CliHandler(logging.Handler):
    """One line per record on the stderr console; control characters in a logged
    file name are shown escaped, never sent to the terminal."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            line = printable(self.format(record))
            err.print(line, highlight=False, soft_wrap=True, emoji=False)
        except Exception:
            self.handleError(record)


def configure_logging(level: LogLevel | None = None, verbose: int = 0) -> int:
    """Send the ``storyline`` loggers' records from ``level`` on to stderr; without
    a level, ``-v`` means INFO and ``-vv`` DEBUG, else WARNING. Returns the level."""
    if level is not None:
        value = logging.getLevelNamesMapping()[level.value]
    else:
        value = {0: logging.WARNING, 1: logging.INFO}.get(verbose, logging.DEBUG)
    logger = logging.getLogger("storyline")
    for old in [h for h in logger.handlers if isinstance(h, _CliHandler)]:
        logger.removeHandler(old)
    handler = _CliHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(value)
    return value
