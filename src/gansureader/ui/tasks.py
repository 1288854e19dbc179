"""Run work off the GUI thread and get ``(result, error)`` back on it: ``run_task``.

Every background job of the app goes through here (Picard's habit). Tests can
pass a pool of their own, or wait on the returned Task's ``done`` signal.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class Task(QObject):
    """One job; ``done(result, error)`` is delivered on the thread that created the Task.

    Emitted from a pool thread, ``done`` reaches a ``@Slot`` of this object: a plain
    Python callable as the receiver of a signal from another thread crashes PySide 6.8+
    now and then (PYSIDE-3124; a segfault in one of five runs of the test suite here).
    Qt owns each Task (through a parent on the window's thread), so a pool thread that
    lets go of it never deletes it there; it is deleted on its own thread once delivered.
    """

    done = Signal(object, object)

    def __init__(self, callback: Callable[[object, Exception | None], None], parent: QObject):
        super().__init__(parent)
        self._callback = callback
        self.done.connect(self._deliver)

    @Slot(object, object)
    def _deliver(self, result, error) -> None:
        try:
            self._callback(result, error)
        finally:
            self.deleteLater()


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


_owner: QObject | None = None  # the parent of every Task, made on the window's thread


def run_task(
    work: Callable[[], object],
    callback: Callable[[object, Exception | None], None],
    pool: QThreadPool | None = None,
) -> Task:
    global _owner
    if _owner is None:
        _owner = QObject()
    task = Task(callback, _owner)
    (pool or QThreadPool.globalInstance()).start(_Runnable(work, task))
    return task
