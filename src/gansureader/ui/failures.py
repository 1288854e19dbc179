"""What the window does with a failure: a line for the banner saying what to do, and,
for the bug report, the traceback in ``gansureader.log`` in the data folder (rotated).

A user's condition (a full disk, a busy or damaged cache) is said as the store says it;
anything else is a bug: the banner says so and where the log is, never a traceback on
Qt's event loop.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from .. import reasons
from ..errors import GansuReaderError
from ..store import CacheDamaged
from ..store.db import is_damage

LOG_NAME = "gansureader.log"
LOG_BYTES = 1024 * 1024  # and three older ones beside it
_log = logging.getLogger("gansureader")


class _LogFile(logging.Handler):
    """The rotated log file, opened by the first failure: logging.handlers (and socket,
    pickle and queue under it) is loaded then, not at every start."""

    def __init__(self, path: Path):
        super().__init__()
        self.path, self._file = path, None
        self.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        if self._file is None:
            import logging.handlers

            try:
                self._file = logging.handlers.RotatingFileHandler(
                    self.path, maxBytes=LOG_BYTES, backupCount=3, encoding="utf-8", delay=True
                )
            except OSError:
                return  # a folder that cannot be written says so elsewhere
            self._file.setFormatter(self.formatter)
        self._file.emit(record)


def start_log(folder: Path) -> Path:
    """Log failures to ``folder/gansureader.log`` from now on; returns its path."""
    path = Path(folder) / LOG_NAME
    if not any(isinstance(h, _LogFile) for h in _log.handlers):
        _log.addHandler(_LogFile(path))
        _log.setLevel(logging.INFO)
        _log.propagate = False
        _log.log_path = path
    return path


def log_failure(error: BaseException) -> None:
    _log.error("%s: %s", type(error).__name__, error, exc_info=error)


def damages_the_cache(error: BaseException) -> bool:
    """Whether ``error`` is damage in the cache file, as a read meets it (SQLite's own) or
    as the writer says it: the window mends it rather than only saying it."""
    return isinstance(error, CacheDamaged) or is_damage(error)


def reason_phrase(reason: str) -> str:
    """Why an address failed, as the sync says it, in the reader's language where it is one
    of the sync's own reasons (``reasons``); anything else as it is."""
    found = reasons.template_of(reason)
    if found is None:
        return reason
    template, values = found
    return reasons.fill(QCoreApplication.translate(reasons.CONTEXT, template), *values)


def user_message(error: BaseException) -> str:
    if isinstance(error, GansuReaderError):
        return reason_phrase(str(error))
    where = getattr(_log, "log_path", LOG_NAME)
    return (
        QCoreApplication.translate(
            "MainWindow", "Something went wrong inside gansureader (%1). Details are in %2."
        )
        .replace("%1", type(error).__name__)
        .replace("%2", str(where))
    )
