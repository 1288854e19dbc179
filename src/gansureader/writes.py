"""The window's writes, queued for the one writer of the cache.

The window never writes the cache itself: a star, a read mark, a channel marked read,
an article queued become a function of the writing Store, put here. Whoever writes
the cache at the time runs them — the sync engine between fetches, a clean-up between
its rounds, the re-reading between articles, or, when nothing runs, a short job of
the writer's own — so a click never waits for a lock and nothing writes beside them.
"""

from __future__ import annotations

import queue
from collections.abc import Callable

Write = Callable[[object], object]  # takes the writing Store; what it returns is the answer
Answer = Callable[[object, Exception | None], None]


class WriteQueue:
    def __init__(self):
        self._queue: queue.SimpleQueue[tuple[Write, Answer | None]] = queue.SimpleQueue()

    def put(self, write: Write, answer: Answer | None = None) -> None:
        """Queue ``write``; ``answer(result, error)`` is called where it ran, once it ran."""
        self._queue.put((write, answer))

    def empty(self) -> bool:
        return self._queue.empty()

    def refuse(self, error: Exception) -> None:
        """Answer every queued write with ``error``, running none (no Store to run them)."""
        for _, answer in self._taken():
            if answer is not None:
                answer(None, error)

    def drain(self, store) -> None:
        """Run every queued write with ``store``, in order; one failing stops no other."""
        for write, answer in self._taken():
            try:
                result, error = write(store), None
            except Exception as caught:  # the window says what went wrong, and corrects
                result, error = None, caught
            if answer is not None:
                answer(result, error)

    def _taken(self):
        """The queued writes, each taken off the queue as it is reached."""
        while True:
            try:
                yield self._queue.get_nowait()
            except queue.Empty:
                return
