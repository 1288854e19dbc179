"""Run work off the GUI thread and get ``(result, error)`` back on it: ``run_task``.

Every background job of the app goes through here (Picard's habit). Tests can
pass a pool of their own, or wait on the returned Task's ``done`` signal.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class Task(QObject):
    """One job; ``done(result, error)`` is delivered on the thread that created the Task."""

    done = Signal(object, object)


class _Runnable(QRunnable):
    def __init__(self, work: Callable[[], object], task: Task):
        super().__init__()
        self.work, self.task = work, task

    def run(self) -> None:
        try:
            result, error = self.work(), None
        except Exception as caught:  # delivered to the callback, which decides what to say
            result, error = None, caught
        self.task.done.emit(result, error)


def one_thread_pool(parent: QObject) -> QThreadPool:
    """A pool of one thread kept for the app's life: jobs run one at a time, in order."""
    pool = QThreadPool(parent)
    pool.setMaxThreadCount(1)
    pool.setExpiryTimeout(-1)
    return pool


_running: set[Task] = set()  # keeps each Task alive until its result is delivered


def run_task(
    work: Callable[[], object],
    callback: Callable[[object, Exception | None], None],
    pool: QThreadPool | None = None,
) -> Task:
    task = Task()
    _running.add(task)

    def deliver(result, error):
        _running.discard(task)
        callback(result, error)

    task.done.connect(deliver)
    (pool or QThreadPool.globalInstance()).start(_Runnable(work, task))
    return task
