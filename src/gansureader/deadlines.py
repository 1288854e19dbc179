"""Deadlines for whole exchanges, kept by shutting the socket of one that overran.

A socket's own timeout bounds each read, not the answer: a peer dripping a byte a
second never trips it, and a thread blocked in ``recv`` cannot be told to stop. So
each exchange runs under a ``Watch`` with a deadline, handed its socket as soon as
there is one (net.py's connections do it for requests, the feed server for each
client), and one watchdog thread shuts that socket when the deadline passes or the
work is cancelled. The blocked read returns at once; the watch says which it was.
"""

from __future__ import annotations

import socket
import threading
import time
from contextlib import contextmanager

# How often the watchdog looks: cancel takes effect within this (plus the read's return).
_TICK = 0.1
_current = threading.local()


class Watch:
    """One request's deadline (time.monotonic()), and the socket it is reading."""

    def __init__(self, deadline: float):
        self.started = time.monotonic()
        self.deadline = deadline
        self.tripped: str | None = None  # "deadline" or "cancelled", once the socket was shut
        self._sock: socket.socket | None = None
        self._lock = threading.Lock()

    def extend_to(self, deadline: float) -> None:
        self.deadline = max(self.deadline, deadline)

    @property
    def seconds(self) -> float:
        """How long the exchange was given, all told."""
        return self.deadline - self.started

    def attach(self, sock: socket.socket | None) -> None:
        with self._lock:
            self._sock = sock
            if self.tripped and sock is not None:
                _shut(sock)  # tripped before the socket existed (during connect)

    def trip(self, why: str) -> None:
        with self._lock:
            if self.tripped is None:
                self.tripped = why
                if self._sock is not None:
                    _shut(self._sock)


def _shut(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass  # closed already


class Watchdog:
    """Trips every watch whose deadline passed, and all of them once ``cancel`` is set."""

    def __init__(self, cancel: threading.Event | None = None):
        self.cancel = cancel or threading.Event()
        self._watches: set[Watch] = set()
        self._lock = threading.Lock()
        self._stopped = threading.Event()
        self._thread: threading.Thread | None = None

    @contextmanager
    def watching(self, seconds: float):
        """Run the block under a Watch of ``seconds`` from now (the current thread's)."""
        watch = Watch(time.monotonic() + seconds)
        with self._lock:
            self._watches.add(watch)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="deadlines", daemon=True)
                self._thread.start()
        previous = getattr(_current, "watch", None)
        _current.watch = watch
        try:
            yield watch
        finally:
            _current.watch = previous
            with self._lock:
                self._watches.discard(watch)

    def stop(self) -> None:
        """No more watching: whatever still runs is ended now (its fetcher was closed)."""
        self._stopped.set()
        with self._lock:
            watches = list(self._watches)
        for watch in watches:
            watch.trip("cancelled")

    def _run(self) -> None:
        while not self._stopped.wait(_TICK):
            now = time.monotonic()
            with self._lock:
                watches = list(self._watches)
            for watch in watches:
                if self.cancel.is_set():
                    watch.trip("cancelled")
                elif now > watch.deadline:
                    watch.trip("deadline")


def attach_current(sock) -> None:
    """Hand ``sock`` to the current thread's watch, if it runs under one."""
    watch = getattr(_current, "watch", None)
    if watch is not None:
        watch.attach(sock)
